// Checking open documents: a check at the document's current version (reusing its engine session), the
// diagnostics it publishes, and the scheduling that checks a keystroke at once and coalesces bursts.
import {CodeLensRefreshRequest, MessageType, type Diagnostic} from 'vscode-languageserver';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import type {AnalysisResult} from '../analysis';
import {toDiagnostic, updateDiagnostics, withFailures} from './diagnostics';
import {
  describe,
  formatFor,
  languageOf,
  type Checked,
  type DocContext,
  type Outcome,
  type PendingCheck,
  type ServerState
} from './server-state';

/**
 * A keystroke is checked at once: an edit costs the engine only the paragraphs it touched. Edits that
 * come faster than the server publishes (a burst from a script, a macro, a paste sent as many changes)
 * are coalesced: an edit with a newer one for its document already received (see arrivals.ts) pushes
 * the check back by the delay, and the last edit of the burst is checked at once.
 */
const BURST_DELAY_SMALL_MS = 4;
const BURST_DELAY_LARGE_MS = 40;
const LARGE_DOCUMENT = 100_000;

/** Checks the open document at its current version; 'stale' when it changed or closed meanwhile. */
export async function check(s: ServerState, uri: string): Promise<Outcome> {
  const doc = s.documents.get(uri);
  if (!doc) return {kind: 'stale'};
  const version = doc.version;
  let ctx: DocContext | null;
  try {
    ctx = await s.contextFor(uri, doc.languageId);
  } catch (error) {
    s.logOnce(`whosaid could not set up the analysis: ${describe(error)}`);
    return {kind: 'error', version};
  }
  const now = s.documents.get(uri);
  if (!now || now.version !== version) return {kind: 'stale'};
  const state = s.stateOf(uri);
  if (!ctx) {
    state.checked = undefined;
    state.session = undefined;
    return {kind: 'off', version};
  }
  const cached = state.checked;
  if (cached && cached.version === version && cached.key === ctx.key) return cached;
  let session = state.session;
  if (!session || session.analyzer !== ctx.analyzer) {
    session = {analyzer: ctx.analyzer, session: ctx.analyzer.session()};
    state.session = session;
  }
  let result: AnalysisResult;
  try {
    result = session.session.analyze(now.getText(), formatFor(languageOf(now.languageId)));
  } catch (error) {
    // The session may hold a half-updated state: the next check starts afresh.
    state.session = undefined;
    s.logOnce(`whosaid failed on ${uri}: ${describe(error)}`);
    return {kind: 'error', version};
  }
  s.logFailures(uri, result.failures);
  for (const notice of result.notices) {
    const id = `${uri}\n${notice}`;
    if (s.shownNotices.has(id)) continue;
    s.shownNotices.add(id);
    s.showMessage(MessageType.Info, `whosaid: ${notice}`);
  }
  const checked: Checked = {kind: 'ok', version, key: ctx.key, doc: now, result, configPath: ctx.configPath};
  state.checked = checked;
  return checked;
}

/** Like check, but retries when the document moves on meanwhile (for requests that must answer). */
export async function checkLatest(s: ServerState, uri: string): Promise<Outcome> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await check(s, uri);
    if (outcome.kind !== 'stale' || !s.documents.get(uri)) return outcome;
  }
  return {kind: 'stale'};
}

export function diagnosticsFor(s: ServerState, checked: Checked): Diagnostic[] {
  const {doc, result} = checked;
  if (doc.version !== checked.version)
    return withFailures(
      doc,
      result,
      result.findings.map((finding) => toDiagnostic(doc, finding))
    );
  const state = s.stateOf(doc.uri);
  const next = updateDiagnostics(state.published, doc, result.findings);
  state.published = next;
  return withFailures(doc, result, next.diagnostics);
}

export function schedule(s: ServerState, uri: string, delay: number): void {
  if (s.caps.pull) return;
  const state = s.stateOf(uri);
  const previous = state.timer;
  if (previous) {
    // Already due at once: that check will see this edit too.
    if (previous.immediate && delay === 0) return;
    cancel(previous);
  }
  const run = () => {
    state.timer = undefined;
    void publish(s, uri);
  };
  state.timer = delay === 0 ? {timer: setImmediate(run), immediate: true} : {timer: setTimeout(run, delay), immediate: false};
}

export function cancel(pending: PendingCheck): void {
  if (pending.immediate) clearImmediate(pending.timer as NodeJS.Immediate);
  else clearTimeout(pending.timer as NodeJS.Timeout);
}

async function publish(s: ServerState, uri: string): Promise<void> {
  const state = s.stateOf(uri);
  state.publishing++;
  try {
    const outcome = await check(s, uri);
    // A result for an older version is dropped: a newer check is already scheduled, or the document closed.
    if (outcome.kind === 'stale') return;
    const doc = s.documents.get(uri);
    if (!doc || doc.version !== outcome.version) return;
    const diagnostics = outcome.kind === 'ok' ? diagnosticsFor(s, outcome) : [];
    // Resolves once the message is written out.
    await s.connection.sendDiagnostics({uri, version: outcome.version, diagnostics}).catch(() => undefined);
  } finally {
    state.publishing--;
  }
}

/** An edit: checked at once, or a little later when it is part of a burst. */
export function changed(s: ServerState, doc: TextDocument): void {
  const {uri, version} = doc;
  const state = s.existing(uri);
  const pending = state?.timer;
  // Without the transport's arrivals (a connection made elsewhere), a burst is guessed: the edit came while the last
  // check was still running or sending, or while a delayed check waits.
  const burst =
    version > 1 &&
    (s.arrivals ? s.arrivals.newer(uri, version) : (state?.publishing ?? 0) > 0 || (pending !== undefined && !pending.immediate));
  schedule(s, uri, !burst ? 0 : doc.getText().length > LARGE_DOCUMENT ? BURST_DELAY_LARGE_MS : BURST_DELAY_SMALL_MS);
}

export function recheckAll(s: ServerState): void {
  s.settingsCache.clear();
  if (s.caps.pull) {
    if (s.caps.pullRefresh) s.connection.languages.diagnostics.refresh().catch(() => undefined);
  } else {
    for (const doc of s.documents.all()) schedule(s, doc.uri, 0);
  }
  if (s.caps.codeLensRefresh) s.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}
