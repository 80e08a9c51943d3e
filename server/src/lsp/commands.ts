// Commands and custom requests: the sourcing report (open or on disk), a rule's documentation, and the
// check of every draft in the workspace.
import {readFileSync, realpathSync, statSync} from 'node:fs';
import {dirname, extname} from 'node:path';
import {pathToFileURL} from 'node:url';
import {LSPErrorCodes, MessageType, ResponseError, type CancellationToken, type WorkDoneProgressReporter} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {ruleDocsUrl, ruleMeta, RULE_IDS, type AnalysisResult, type Analyzer, type RuleId} from '../analysis';
import {checkLatest} from './checking';
import {toDiagnostic, withFailures} from './diagnostics';
import {Commands, SOURCING_REPORT_REQUEST, type SourcingReport, type SourcingReportParams, type WorkspaceCheckResult} from './protocol';
import {buildReport, codeLensTitle} from './report';
import {describe, uriToPath, type ServerState} from './server-state';
import {DRAFT_EXTENSIONS, listDrafts} from './workspace-check';

export function registerCommands(s: ServerState): void {
  const {connection, caps} = s;

  connection.onRequest(SOURCING_REPORT_REQUEST, async (params: SourcingReportParams) => {
    if (!params || typeof params.uri !== 'string') throw new ResponseError(-32602, 'Expected {uri: string}');
    return sourcingReport(s, params.uri);
  });

  connection.onExecuteCommand(async (params, token) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case Commands.checkWorkspace:
        return checkWorkspace(s, token, params.workDoneToken);
      case Commands.showRuleDocumentation: {
        const rule = String(args[0] ?? '');
        if (!(RULE_IDS as readonly string[]).includes(rule)) throw new ResponseError(-32602, `Unknown rule: ${rule}`);
        const url = typeof args[1] === 'string' && args[1] ? args[1] : ruleDocsUrl(rule as RuleId);
        if (caps.showDocument) {
          await connection.window.showDocument({uri: url, external: !url.startsWith('file:')}).catch(() => undefined);
        } else {
          s.showMessage(MessageType.Info, `${ruleMeta(rule as RuleId).title}: ${url}`);
        }
        return url;
      }
      case Commands.showSourcingReport: {
        const uri = String(args[0] ?? '');
        const report = await sourcingReport(s, uri);
        s.showMessage(MessageType.Info, `whosaid: ${codeLensTitle(report.counts)}`);
        return report;
      }
      default:
        throw new ResponseError(-32601, `Unknown command: ${params.command}`);
    }
  });
}

async function sourcingReport(s: ServerState, uri: string): Promise<SourcingReport> {
  if (s.documents.get(uri)) {
    const outcome = await checkLatest(s, uri);
    const doc = s.documents.get(uri);
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
  if (!s.folderFor(real)) throw new ResponseError(LSPErrorCodes.RequestFailed, `Not an open document, and outside the workspace: ${uri}`);
  const text = readFileSync(real, 'utf8');
  const doc = TextDocument.create(uri, info.languageId, 0, text);
  const ctx = await s.contextFor(uri, info.languageId);
  return buildReport(doc, ctx ? ctx.analyzer.analyze(text, info.format) : null);
}

async function checkWorkspace(
  s: ServerState,
  token: CancellationToken,
  workDoneToken: string | number | undefined
): Promise<WorkspaceCheckResult> {
  const {connection} = s;
  let progress: WorkDoneProgressReporter & {token?: CancellationToken};
  if (workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(workDoneToken);
  else if (s.caps.workDoneProgress) progress = await connection.window.createWorkDoneProgress();
  else progress = connection.window.attachWorkDoneProgress(undefined);
  const cancelled = () => token.isCancellationRequested || Boolean(progress.token?.isCancellationRequested);
  const analyzers = new Map<string, Analyzer>();
  const summary: WorkspaceCheckResult = {files: 0, filesWithFindings: 0, findings: 0, byRule: {}, cancelled: false, skipped: 0};
  progress.begin('whosaid: checking drafts', 0, 'Looking for drafts', true);
  try {
    const {files, truncated} = listDrafts(s.folders, cancelled);
    if (truncated) s.log(`Workspace check: stopped listing at ${files.length} files`);
    let lastReport = 0;
    for (let i = 0; i < files.length; i++) {
      if (cancelled()) break;
      // Let cancellation and edits through between files.
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) break;
      const findings = await checkDraft(s, files[i], analyzers, summary);
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
  s.log(
    `Workspace check: ${summary.files} drafts, ${summary.findings} findings in ${summary.filesWithFindings} files` +
      (summary.cancelled ? ' (cancelled)' : '')
  );
  return summary;
}

/** One draft of the workspace check: the open document's findings, or the file's, published as diagnostics. */
async function checkDraft(
  s: ServerState,
  path: string,
  analyzers: Map<string, Analyzer>,
  summary: WorkspaceCheckResult
): Promise<AnalysisResult['findings'] | null> {
  const uri = pathToFileURL(path).href;
  const info = DRAFT_EXTENSIONS[extname(path).toLowerCase()];
  let findings: AnalysisResult['findings'] | null = null;
  if (s.documents.get(uri)) {
    const outcome = await checkLatest(s, uri);
    if (outcome.kind === 'ok') findings = outcome.result.findings;
  } else {
    try {
      const stat = statSync(path);
      const scope = pathToFileURL(s.folderFor(path) ?? dirname(path)).href;
      const ctx = await s.contextForFile(scope, uri, info.languageId, analyzers);
      if (ctx && stat.size <= (ctx.maxLength ?? Infinity) * 4) {
        const text = readFileSync(path, 'utf8');
        const result = ctx.analyzer.analyze(text, info.format);
        findings = result.findings;
        const doc = TextDocument.create(uri, info.languageId, 0, text);
        const diagnostics = withFailures(
          doc,
          result,
          result.findings.map((f) => toDiagnostic(doc, f))
        );
        void s.connection.sendDiagnostics({uri, diagnostics});
        s.workspaceChecked.add(uri);
      } else {
        summary.skipped++;
      }
    } catch (error) {
      summary.skipped++;
      s.logOnce(`Workspace check skipped ${path}: ${describe(error)}`);
    }
  }
  return findings;
}
