// What the editor asks of an open document: pulled diagnostics, quick-fixes, hovers and the code lens.
import {CodeActionKind, LSPErrorCodes, MarkupKind, ResponseError, type CodeAction, type Diagnostic} from 'vscode-languageserver';
import type {Finding} from '../analysis';
import {firstAtOrAfter} from '../analysis/sorted';
import {actionsFor, allowTargetFor, dataFromFinding, isWhosaidDiagnostic, type ActionContext} from './code-actions';
import {check, checkLatest, diagnosticsFor} from './checking';
import {rangeOf} from './diagnostics';
import {Commands, type DiagnosticData} from './protocol';
import {attributionHover, codeLensTitle, countSources, findingHover} from './report';
import {uriToPath, type Checked, type ServerState} from './server-state';

export function registerFeatures(s: ServerState): void {
  const {connection, documents, caps} = s;

  // ---- pull diagnostics ----

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!documents.get(uri)) return {kind: 'full', items: []};
    const outcome = await check(s, uri);
    if (outcome.kind === 'stale' || token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked', {retriggerRequest: true});
    }
    if (outcome.kind !== 'ok') return {kind: 'full', items: []};
    const resultId = `${outcome.version}:${hash(outcome.key)}`;
    if (params.previousResultId === resultId) return {kind: 'unchanged', resultId};
    return {kind: 'full', resultId, items: diagnosticsFor(s, outcome)};
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
    const current = await checkLatest(s, uri);
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
    if (s.trusted) {
      const path = uriToPath(uri);
      const configPath = s.configPathFor(uri);
      const root = path ? (s.folderFor(path) ?? null) : (s.folders[0] ?? null);
      allowTarget = allowTargetFor(configPath, root, path, (file) => s.openTextOf(file));
    }
    const ctx: ActionContext = {doc: latest, caps: caps.edits, trusted: s.trusted, allowTarget};
    const actions: CodeAction[] = [];
    for (const [diagnostic, data] of pairs) actions.push(...actionsFor(diagnostic, data, ctx));
    return actions;
  });

  // ---- hover ----

  connection.onHover(async (params) => {
    const uri = params.textDocument.uri;
    const outcome = await checkLatest(s, uri);
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
    const outcome = await checkLatest(s, uri);
    if (outcome.kind !== 'ok') return [];
    const counts = countSources(outcome.result);
    return [
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        command: {title: codeLensTitle(counts), command: Commands.showSourcingReport, arguments: [uri]}
      }
    ];
  });
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
