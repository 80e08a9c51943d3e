// The whosaid language server. Editor-neutral: everything VS Code-specific lives in the client.
import {readFileSync, realpathSync, statSync} from 'node:fs';
import {dirname, extname, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  MarkupKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter
} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {createAnalyzer, ruleDocsUrl, ruleMeta, RULE_IDS, warmUp, type AnalysisResult, type Analyzer, type DocumentFormat, type DocumentSession, type Finding, type RuleId} from '../analysis';
import {actionsFor, allowTargetFor, dataFromFinding, isWhosaidDiagnostic, type ActionContext, type EditCapabilities} from './code-actions';
import {ConfigStore, type ConfigProblem} from './config-store';
import {pathExists} from '../node/config-files';
import {firstAtOrAfter} from '../analysis/sorted';
import {configDiagnostic, failureDiagnostic, rangeOf, toDiagnostic, updateDiagnostics, type Published} from './diagnostics';
import {
  Commands,
  SOURCING_REPORT_REQUEST,
  type DiagnosticData,
  type InitializationOptions,
  type SourcingReport,
  type SourcingReportParams,
  type WhosaidSettings,
  type WorkspaceCheckResult
} from './protocol';
import {attributionHover, buildReport, codeLensTitle, countSources, findingHover} from './report';
import {DEFAULT_LANGUAGES, DEFAULT_SETTINGS, normalizeSettings, settingsLayer} from './settings';
import {DRAFT_EXTENSIONS, listDrafts} from './workspace-check';
import type {Arrivals} from './arrivals';

/**
 * A keystroke is checked at once: an edit costs the engine only the paragraphs it touched. Edits that
 * come faster than the server publishes (a burst from a script, a macro, a paste sent as many changes)
 * are coalesced: an edit with a newer one for its document already received (see arrivals.ts) pushes
 * the check back by the delay, and the last edit of the burst is checked at once.
 */
const BURST_DELAY_SMALL_MS = 4;
const BURST_DELAY_LARGE_MS = 40;
const LARGE_DOCUMENT = 100_000;

interface DocContext {
  settings: WhosaidSettings;
  configPath: string | null;
  key: string;
  analyzer: Analyzer;
}

interface Checked {
  kind: 'ok';
  version: number;
  key: string;
  doc: TextDocument;
  result: AnalysisResult;
  configPath: string | null;
}

type Outcome = Checked | {kind: 'off'; version: number} | {kind: 'error'; version: number} | {kind: 'stale'};

function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function formatFor(languageId: string): DocumentFormat {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/** Editors name plain text differently: Neovim and Eglot say "text". */
const LANGUAGE_ALIASES: Record<string, string> = {text: 'plaintext', txt: 'plaintext'};

function languageOf(languageId: string): string {
  return LANGUAGE_ALIASES[languageId] ?? languageId;
}

export function startServer(connection: Connection, arrivals?: Pick<Arrivals, 'newer'>): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, Checked>();
  /** Each open document's engine session, so an edit re-analyses only around what changed. */
  const sessions = new Map<string, {analyzer: Analyzer; session: DocumentSession}>();
  const timers = new Map<string, {timer: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean}>();
  /** Documents whose diagnostics are being checked or sent: an edit arriving meanwhile is part of a burst. */
  const publishing = new Map<string, number>();
  /** Each open document's last diagnostics, so a keystroke converts only the findings it changed. */
  const published = new Map<string, Published>();
  const settingsCache = new Map<string, Promise<WhosaidSettings>>();
  /** Files whose diagnostics came from the workspace check rather than from an open document. */
  const workspaceChecked = new Set<string>();
  const shownNotices = new Set<string>();
  const loggedErrors = new Set<string>();
  /** Paragraph failures already logged, by document and error: a failing paragraph is logged once, not at every keystroke. */
  const loggedFailures = new Set<string>();
  /** Config files with a diagnostic published on them. */
  const configDiagnosticsShown = new Set<string>();

  let folders: string[] = [];
  let initOptions: InitializationOptions = {};
  let trusted = true;
  let globalSettings: WhosaidSettings = DEFAULT_SETTINGS;
  const caps = {
    pull: false,
    pullRefresh: false,
    codeLensRefresh: false,
    configuration: false,
    watchedFilesDynamic: false,
    configurationDynamic: false,
    workDoneProgress: false,
    showDocument: false,
    markdownHover: false,
    folderChanges: false,
    edits: {documentChanges: false, createFiles: false} as EditCapabilities
  };

  const log = (message: string) => connection.console.log(message);
  /** window/showMessage: a notification, so no client blocks on an answer. */
  const showMessage = (type: MessageType, message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, {type, message});
  const logOnce = (message: string) => {
    if (loggedErrors.has(message)) return;
    loggedErrors.add(message);
    connection.console.error(message);
  };

  const store = new ConfigStore((path, problem) => reportConfigProblem(path, problem));

  function reportConfigProblem(path: string, problem: ConfigProblem | null): void {
    const uri = pathToFileURL(path).href;
    if (!problem) {
      if (configDiagnosticsShown.delete(uri)) void connection.sendDiagnostics({uri, diagnostics: []});
      log(`Config file is valid again: ${path}`);
      return;
    }
    configDiagnosticsShown.add(uri);
    void connection.sendDiagnostics({uri, diagnostics: [configDiagnostic(problem.text, problem.errors, problem.usingLastGood)]});
    const first = problem.errors[0];
    const more = problem.errors.length > 1 ? ` (and ${problem.errors.length - 1} more)` : '';
    const fallback = problem.usingLastGood ? 'Using the last valid version of the file.' : 'Using the default settings.';
    const message = `whosaid: ${path} line ${first.line}: ${first.message}${more}. ${fallback}`;
    connection.console.warn(message);
    showMessage(MessageType.Warning, message);
  }

  function folderFor(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of folders) {
      if ((path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)) && (!best || folder.length > best.length)) {
        best = folder;
      }
    }
    return best;
  }

  // ---- settings ----

  function getSettings(uri: string): Promise<WhosaidSettings> {
    if (!caps.configuration) return Promise.resolve(globalSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({scopeUri: uri, section: 'whosaid'}).then(
        (raw) => normalizeSettings(raw),
        (error) => {
          logOnce(`Could not read the whosaid settings: ${String(error)}`);
          return globalSettings;
        }
      );
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function languagesOf(settings: WhosaidSettings): string[] {
    // In an untrusted workspace, settings that widen what is read are ignored.
    return trusted ? settings.languages : DEFAULT_LANGUAGES;
  }

  function configPathFor(uri: string): string | null {
    const path = uriToPath(uri);
    if (path) return store.find(dirname(path), folderFor(path));
    return folders.length > 0 ? store.find(folders[0], folders[0]) : null;
  }

  /** Settings, config and analyzer for a document; null when whosaid is off for it. */
  async function contextFor(uri: string, languageId: string): Promise<DocContext | null> {
    const settings = await getSettings(uri);
    if (!settings.enable || !languagesOf(settings).includes(languageOf(languageId))) return null;
    const configPath = configPathFor(uri);
    const fileConfig = configPath ? store.load(configPath) : undefined;
    const options = store.options(fileConfig, settingsLayer(settings));
    const {key, analyzer} = store.analyzer(options);
    return {settings, configPath, key, analyzer};
  }

  // ---- checking ----

  /** Checks the open document at its current version; 'stale' when it changed or closed meanwhile. */
  async function check(uri: string): Promise<Outcome> {
    const doc = documents.get(uri);
    if (!doc) return {kind: 'stale'};
    const version = doc.version;
    let ctx: DocContext | null;
    try {
      ctx = await contextFor(uri, doc.languageId);
    } catch (error) {
      logOnce(`whosaid could not set up the analysis: ${describe(error)}`);
      return {kind: 'error', version};
    }
    const now = documents.get(uri);
    if (!now || now.version !== version) return {kind: 'stale'};
    if (!ctx) {
      results.delete(uri);
      sessions.delete(uri);
      return {kind: 'off', version};
    }
    const cached = results.get(uri);
    if (cached && cached.version === version && cached.key === ctx.key) return cached;
    let session = sessions.get(uri);
    if (!session || session.analyzer !== ctx.analyzer) {
      session = {analyzer: ctx.analyzer, session: ctx.analyzer.session()};
      sessions.set(uri, session);
    }
    let result: AnalysisResult;
    try {
      result = session.session.analyze(now.getText(), formatFor(languageOf(now.languageId)));
    } catch (error) {
      // The session may hold a half-updated state: the next check starts afresh.
      sessions.delete(uri);
      logOnce(`whosaid failed on ${uri}: ${describe(error)}`);
      return {kind: 'error', version};
    }
    for (const failure of result.failures ?? []) {
      const id = `${uri}\n${failure.error}`;
      if (loggedFailures.has(id)) continue;
      loggedFailures.add(id);
      // The paragraph's length, never its text: drafts are confidential, logs are not.
      const length = (failure.end - failure.start).toLocaleString('en-US');
      connection.console.error(`whosaid could not check a paragraph of ${length} characters in ${uri}; the rest of the document is checked. ${failure.error}`);
    }
    for (const notice of result.notices) {
      const id = `${uri}\n${notice}`;
      if (shownNotices.has(id)) continue;
      shownNotices.add(id);
      showMessage(MessageType.Info, `whosaid: ${notice}`);
    }
    const checked: Checked = {kind: 'ok', version, key: ctx.key, doc: now, result, configPath: ctx.configPath};
    results.set(uri, checked);
    return checked;
  }

  /** Like check, but retries when the document moves on meanwhile (for requests that must answer). */
  async function checkLatest(uri: string): Promise<Outcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = await check(uri);
      if (outcome.kind !== 'stale' || !documents.get(uri)) return outcome;
    }
    return {kind: 'stale'};
  }

  function diagnosticsFor(checked: Checked): Diagnostic[] {
    const {doc, result} = checked;
    if (doc.version !== checked.version) return withFailures(doc, result, result.findings.map((finding) => toDiagnostic(doc, finding)));
    const next = updateDiagnostics(published.get(doc.uri), doc, result.findings);
    published.set(doc.uri, next);
    return withFailures(doc, result, next.diagnostics);
  }

  /** A paragraph whosaid could not check gets a diagnostic of its own, beside everyone else's. */
  function withFailures(doc: TextDocument, result: AnalysisResult, diagnostics: Diagnostic[]): Diagnostic[] {
    if (!result.failures) return diagnostics;
    return [...diagnostics, ...result.failures.map((failure) => failureDiagnostic(doc, failure))];
  }

  function schedule(uri: string, delay: number): void {
    if (caps.pull) return;
    const previous = timers.get(uri);
    if (previous) {
      // Already due at once: that check will see this edit too.
      if (previous.immediate && delay === 0) return;
      cancel(previous);
    }
    const run = () => {
      timers.delete(uri);
      void publish(uri);
    };
    timers.set(uri, delay === 0 ? {timer: setImmediate(run), immediate: true} : {timer: setTimeout(run, delay), immediate: false});
  }

  function cancel(pending: {timer: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean}): void {
    if (pending.immediate) clearImmediate(pending.timer as NodeJS.Immediate);
    else clearTimeout(pending.timer as NodeJS.Timeout);
  }

  async function publish(uri: string): Promise<void> {
    publishing.set(uri, (publishing.get(uri) ?? 0) + 1);
    try {
      const outcome = await check(uri);
      // A result for an older version is dropped: a newer check is already scheduled, or the document closed.
      if (outcome.kind === 'stale') return;
      const doc = documents.get(uri);
      if (!doc || doc.version !== outcome.version) return;
      const diagnostics = outcome.kind === 'ok' ? diagnosticsFor(outcome) : [];
      // Resolves once the message is written out.
      await connection.sendDiagnostics({uri, version: outcome.version, diagnostics}).catch(() => undefined);
    } finally {
      const left = (publishing.get(uri) ?? 1) - 1;
      if (left > 0) publishing.set(uri, left);
      else publishing.delete(uri);
    }
  }

  function recheckAll(): void {
    settingsCache.clear();
    if (caps.pull) {
      if (caps.pullRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    }
    if (caps.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  // ---- lifecycle ----

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = initOptions.trusted !== false;
    globalSettings = normalizeSettings(initOptions.settings);
    caps.pull = Boolean(c.textDocument?.diagnostic);
    caps.pullRefresh = Boolean(c.workspace?.diagnostics?.refreshSupport);
    caps.codeLensRefresh = Boolean(c.workspace?.codeLens?.refreshSupport);
    caps.configuration = Boolean(c.workspace?.configuration);
    caps.watchedFilesDynamic = Boolean(c.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    caps.configurationDynamic = Boolean(c.workspace?.didChangeConfiguration?.dynamicRegistration);
    caps.workDoneProgress = Boolean(c.window?.workDoneProgress);
    caps.showDocument = Boolean(c.window?.showDocument?.support);
    caps.markdownHover = Boolean(c.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown));
    caps.folderChanges = Boolean(c.workspace?.workspaceFolders);
    caps.edits = {
      documentChanges: Boolean(c.workspace?.workspaceEdit?.documentChanges),
      createFiles: Boolean(c.workspace?.workspaceEdit?.resourceOperations?.includes('create'))
    };
    folders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri)).filter((p): p is string => p !== null);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }

    const commands: string[] = [Commands.checkWorkspace];
    if (!initOptions.clientCommands) commands.push(Commands.showRuleDocumentation, Commands.showSourcingReport);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false},
        hoverProvider: true,
        codeLensProvider: {resolveProvider: false},
        executeCommandProvider: {commands},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'whosaid-ls', version: '0.1.0'}
    };
    if (caps.pull) {
      result.capabilities.diagnosticProvider = {identifier: 'whosaid', interFileDependencies: false, workspaceDiagnostics: false};
    }
    warmUpOnce();
    return result;
  });

  /**
   * Pays a fresh process's one-off costs (the lexicon, the JIT compiling parser, rules and diagnostics)
   * while the client waits for `initialize`, not when the writer opens the first draft.
   */
  function warmUpOnce(): void {
    try {
      const {text, result} = warmUp();
      const doc = TextDocument.create('untitled:whosaid-warm-up', 'markdown', 1, text);
      JSON.stringify(result.findings.map((finding) => toDiagnostic(doc, finding)));
    } catch (error) {
      logOnce(`whosaid could not warm up: ${describe(error)}`);
    }
  }

  connection.onInitialized(() => {
    if (caps.watchedFilesDynamic) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{globPattern: '**/.whosaidrc.json'}, {globPattern: '**/.whosaidrc'}]
        })
        .catch(() => undefined);
    }
    if (caps.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, {section: 'whosaid'}).catch(() => undefined);
    }
    if (caps.folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
        folders = folders.filter((folder) => !removed.has(folder));
        for (const folder of event.added) {
          const path = uriToPath(folder.uri);
          if (path && !folders.includes(path)) folders.push(path);
        }
        recheckAll();
      });
    }
    log(`whosaid-ls started (${caps.pull ? 'pull' : 'push'} diagnostics, ${trusted ? 'trusted' : 'untrusted'} workspace)`);
  });

  connection.onDidChangeConfiguration((params) => {
    if (!caps.configuration) {
      const section = (params.settings as {whosaid?: unknown} | null)?.whosaid;
      globalSettings = normalizeSettings(section ?? initOptions.settings);
    }
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let touched = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      store.invalidate(path);
      touched = true;
      // Read it now so a broken file is reported even when no open document uses it yet.
      if (pathExists(path)) store.load(path);
      else if (configDiagnosticsShown.delete(change.uri)) void connection.sendDiagnostics({uri: change.uri, diagnostics: []});
    }
    if (touched) recheckAll();
  });

  documents.onDidOpen((event) => {
    const uri = event.document.uri;
    if (workspaceChecked.delete(uri) && caps.pull) void connection.sendDiagnostics({uri, diagnostics: []});
  });

  documents.onDidChangeContent((event) => {
    const doc = event.document;
    const pending = timers.get(doc.uri);
    // Without the transport's arrivals (a connection made elsewhere), a burst is guessed: the edit came while the last
    // check was still running or sending, or while a delayed check waits.
    const burst =
      doc.version > 1 &&
      (arrivals ? arrivals.newer(doc.uri, doc.version) : publishing.has(doc.uri) || (pending !== undefined && !pending.immediate));
    schedule(doc.uri, !burst ? 0 : doc.getText().length > LARGE_DOCUMENT ? BURST_DELAY_LARGE_MS : BURST_DELAY_SMALL_MS);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const timer = timers.get(uri);
    if (timer) cancel(timer);
    timers.delete(uri);
    results.delete(uri);
    sessions.delete(uri);
    published.delete(uri);
    settingsCache.delete(uri);
    if (!caps.pull) void connection.sendDiagnostics({uri, diagnostics: []});
  });

  // ---- pull diagnostics ----

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!documents.get(uri)) return {kind: 'full', items: []};
    const outcome = await check(uri);
    if (outcome.kind === 'stale' || token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked', {retriggerRequest: true});
    }
    if (outcome.kind !== 'ok') return {kind: 'full', items: []};
    const resultId = `${outcome.version}:${hash(outcome.key)}`;
    if (params.previousResultId === resultId) return {kind: 'unchanged', resultId};
    return {kind: 'full', resultId, items: diagnosticsFor(outcome)};
  });

  // ---- code actions ----

  connection.onCodeAction(async (params) => {
    const only = params.context.only;
    if (only && !only.some((kind) => kind === '' || CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(kind + '.'))) {
      return [];
    }
    const uri = params.textDocument.uri;
    if (!documents.get(uri)) return [];
    const wanted = params.context.diagnostics.filter(isWhosaidDiagnostic);
    if (wanted.length === 0) return [];

    // Diagnostics carry no data (it would double what every keystroke publishes): each is matched, by
    // rule and range, against the findings of the current version, which the server keeps.
    const current = await checkLatest(uri);
    if (current.kind !== 'ok') return [];
    const pairs: [Diagnostic, DiagnosticData][] = [];
    for (const diagnostic of wanted) {
      const finding = findingAt(current, diagnostic);
      if (finding) pairs.push([diagnostic, dataFromFinding(finding, current.version)]);
    }
    const latest = documents.get(uri);
    if (!latest || pairs.length === 0) return [];
    if (pairs.some(([, data]) => data.version !== latest.version)) return [];

    let allowTarget: ActionContext['allowTarget'] = null;
    if (trusted) {
      const path = uriToPath(uri);
      const configPath = configPathFor(uri);
      const root = path ? folderFor(path) ?? null : folders[0] ?? null;
      allowTarget = allowTargetFor(configPath, root, path, openTextOf);
    }
    const ctx: ActionContext = {doc: latest, caps: caps.edits, trusted, allowTarget};
    const actions: CodeAction[] = [];
    for (const [diagnostic, data] of pairs) actions.push(...actionsFor(diagnostic, data, ctx));
    return actions;
  });

  function openTextOf(path: string): string | null {
    const doc = documents.get(pathToFileURL(path).href);
    return doc ? doc.getText() : null;
  }

  // ---- hover ----

  connection.onHover(async (params) => {
    const uri = params.textDocument.uri;
    const outcome = await checkLatest(uri);
    if (outcome.kind !== 'ok') return null;
    const {doc, result} = outcome;
    const offset = doc.offsetAt(params.position);
    const inside = (start: number, end: number) => (start <= offset && offset < end) || (start === end && offset === start);
    const findings = result.findings.filter((finding) => inside(finding.start, finding.end));
    const kind = caps.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText;
    if (findings.length > 0) {
      const start = Math.min(...findings.map((f) => f.start));
      const end = Math.max(...findings.map((f) => f.end));
      return {contents: {kind, value: findingHover(findings)}, range: rangeOf(doc, start, end)};
    }
    for (const attribution of result.attributions) {
      for (const span of [attribution.source, attribution.cue]) {
        if (span && inside(span.start, span.end)) {
          return {contents: {kind, value: attributionHover(attribution)}, range: rangeOf(doc, span.start, span.end)};
        }
      }
    }
    return null;
  });

  // ---- code lens ----

  connection.onCodeLens(async (params) => {
    const uri = params.textDocument.uri;
    const outcome = await checkLatest(uri);
    if (outcome.kind !== 'ok') return [];
    const counts = countSources(outcome.result);
    return [
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        command: {title: codeLensTitle(counts), command: Commands.showSourcingReport, arguments: [uri]}
      }
    ];
  });

  // ---- sourcing report ----

  async function sourcingReport(uri: string): Promise<SourcingReport> {
    if (documents.get(uri)) {
      const outcome = await checkLatest(uri);
      const doc = documents.get(uri);
      if (!doc) throw new ResponseError(LSPErrorCodes.RequestFailed, `The document was closed: ${uri}`);
      return buildReport(outcome.kind === 'ok' ? outcome.doc : doc, outcome.kind === 'ok' ? outcome.result : null);
    }
    // Not open: read it from disk, so any client can ask about any draft in the workspace, and only
    // there (drafts are confidential: the server reads nothing outside the folders it was given).
    const path = uriToPath(uri);
    const info = path ? DRAFT_EXTENSIONS[extname(path).toLowerCase()] : undefined;
    if (!path || !info) throw new ResponseError(LSPErrorCodes.RequestFailed, `Not an open document or a draft file: ${uri}`);
    let real: string;
    try {
      real = realpathSync(path);
      if (!statSync(real).isFile()) throw new Error('not a file');
    } catch {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Not an open document or a readable draft file: ${uri}`);
    }
    if (!folderFor(real)) throw new ResponseError(LSPErrorCodes.RequestFailed, `Not an open document, and outside the workspace: ${uri}`);
    const text = readFileSync(real, 'utf8');
    const doc = TextDocument.create(uri, info.languageId, 0, text);
    const ctx = await contextFor(uri, info.languageId);
    return buildReport(doc, ctx ? ctx.analyzer.analyze(text, info.format) : null);
  }

  connection.onRequest(SOURCING_REPORT_REQUEST, async (params: SourcingReportParams) => {
    if (!params || typeof params.uri !== 'string') throw new ResponseError(-32602, 'Expected {uri: string}');
    return sourcingReport(params.uri);
  });

  // ---- commands ----

  connection.onExecuteCommand(async (params, token) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case Commands.checkWorkspace:
        return checkWorkspace(token, params.workDoneToken);
      case Commands.showRuleDocumentation: {
        const rule = String(args[0] ?? '');
        if (!(RULE_IDS as readonly string[]).includes(rule)) throw new ResponseError(-32602, `Unknown rule: ${rule}`);
        const url = typeof args[1] === 'string' && args[1] ? args[1] : ruleDocsUrl(rule as RuleId);
        if (caps.showDocument) {
          await connection.window.showDocument({uri: url, external: !url.startsWith('file:')}).catch(() => undefined);
        } else {
          showMessage(MessageType.Info, `${ruleMeta(rule as RuleId).title}: ${url}`);
        }
        return url;
      }
      case Commands.showSourcingReport: {
        const uri = String(args[0] ?? '');
        const report = await sourcingReport(uri);
        showMessage(MessageType.Info, `whosaid: ${codeLensTitle(report.counts)}`);
        return report;
      }
      default:
        throw new ResponseError(-32601, `Unknown command: ${params.command}`);
    }
  });

  async function checkWorkspace(token: CancellationToken, workDoneToken: string | number | undefined): Promise<WorkspaceCheckResult> {
    let progress: WorkDoneProgressReporter & {token?: CancellationToken};
    if (workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(workDoneToken);
    else if (caps.workDoneProgress) progress = await connection.window.createWorkDoneProgress();
    else progress = connection.window.attachWorkDoneProgress(undefined);
    const cancelled = () => token.isCancellationRequested || Boolean(progress.token?.isCancellationRequested);
    const analyzers = new Map<string, Analyzer>();
    const summary: WorkspaceCheckResult = {files: 0, filesWithFindings: 0, findings: 0, byRule: {}, cancelled: false, skipped: 0};
    progress.begin('whosaid: checking drafts', 0, 'Looking for drafts', true);
    try {
      const {files, truncated} = listDrafts(folders, cancelled);
      if (truncated) log(`Workspace check: stopped listing at ${files.length} files`);
      let lastReport = 0;
      for (let i = 0; i < files.length; i++) {
        if (cancelled()) break;
        // Let cancellation and edits through between files.
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) break;
        const path = files[i];
        const uri = pathToFileURL(path).href;
        const info = DRAFT_EXTENSIONS[extname(path).toLowerCase()];
        let findings: AnalysisResult['findings'] | null = null;
        if (documents.get(uri)) {
          const outcome = await checkLatest(uri);
          if (outcome.kind === 'ok') findings = outcome.result.findings;
        } else {
          try {
            const stat = statSync(path);
            const scope = pathToFileURL(folderFor(path) ?? dirname(path)).href;
            const ctx = await contextForFile(scope, uri, info.languageId, analyzers);
            if (ctx && stat.size <= (ctx.maxLength ?? Infinity) * 4) {
              const text = readFileSync(path, 'utf8');
              const result = ctx.analyzer.analyze(text, info.format);
              findings = result.findings;
              const doc = TextDocument.create(uri, info.languageId, 0, text);
              void connection.sendDiagnostics({uri, diagnostics: withFailures(doc, result, result.findings.map((f) => toDiagnostic(doc, f)))});
              workspaceChecked.add(uri);
            } else {
              summary.skipped++;
            }
          } catch (error) {
            summary.skipped++;
            logOnce(`Workspace check skipped ${path}: ${describe(error)}`);
          }
        }
        summary.files++;
        if (findings && findings.length > 0) {
          summary.filesWithFindings++;
          summary.findings += findings.length;
          for (const finding of findings) summary.byRule[finding.ruleId] = (summary.byRule[finding.ruleId] ?? 0) + 1;
        }
        const now = Date.now();
        if (now - lastReport > 100 || i === files.length - 1) {
          lastReport = now;
          progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1} of ${files.length} drafts`);
        }
      }
      summary.cancelled = cancelled();
    } finally {
      progress.done();
    }
    log(
      `Workspace check: ${summary.files} drafts, ${summary.findings} findings in ${summary.filesWithFindings} files` +
        (summary.cancelled ? ' (cancelled)' : '')
    );
    return summary;
  }

  /**
   * Context for a file that is not open: settings are asked for once per folder. The workspace check
   * uses its own analyzers, so thousands of files do not push the open documents out of the cache.
   */
  async function contextForFile(scopeUri: string, uri: string, languageId: string, analyzers: Map<string, Analyzer>) {
    const settings = await getSettings(scopeUri);
    if (!settings.enable || !languagesOf(settings).includes(languageId)) return null;
    const configPath = configPathFor(uri);
    const options = store.options(configPath ? store.load(configPath) : undefined, settingsLayer(settings));
    const key = JSON.stringify(options);
    let analyzer = analyzers.get(key);
    if (!analyzer) {
      analyzer = createAnalyzer(options);
      analyzers.set(key, analyzer);
    }
    return {analyzer, maxLength: options.maxLength};
  }

  documents.listen(connection);
  connection.listen();
}

/** The finding a diagnostic shows, by rule and exact range (a binary search: findings are in document order). */
function findingAt(checked: Checked, diagnostic: Diagnostic): Finding | undefined {
  const {doc, result} = checked;
  const start = doc.offsetAt(diagnostic.range.start);
  const findings = result.findings;
  for (let i = firstAtOrAfter(findings, start, (finding) => finding.start); i < findings.length && findings[i].start === start; i++) {
    const finding = findings[i];
    if (finding.ruleId === diagnostic.code && sameRange(rangeOf(doc, finding.start, finding.end), diagnostic.range)) return finding;
  }
  return undefined;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
