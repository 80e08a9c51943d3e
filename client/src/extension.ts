// The whosaid VS Code extension: a thin client. It starts the bundled language server, forwards
// settings, and adds what only VS Code can show: a status-bar item, an output channel and the
// sourcing-report webview.
import * as vscode from 'vscode';
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node';
import {RULES} from '../../server/src/analysis/rules/meta';
import {
  Commands,
  SOURCING_REPORT_REQUEST,
  type InitializationOptions,
  type SourcingReport,
  type WorkspaceCheckResult
} from '../../server/src/lsp/protocol';
import {ReportPanel} from './report-view';

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let statusTimer: NodeJS.Timeout | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('whosaid', {log: true});
  status = vscode.window.createStatusBarItem('whosaid.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'whosaid sourcing';
  status.command = Commands.showSourcingReport;
  context.subscriptions.push(output, status);

  const report = new ReportPanel(context, (uri) => requestReport(uri));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showSourcingReport, async (uri?: string | vscode.Uri) => {
      const target = typeof uri === 'string' ? uri : (uri?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString());
      if (!target) {
        void vscode.window.showInformationMessage('whosaid: open a draft to see its sourcing report.');
        return;
      }
      await report.show(target);
    }),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await restart(context);
      void vscode.window.showInformationMessage('whosaid: the language server restarted.');
    }),
    vscode.commands.registerCommand(Commands.showRuleDocumentation, (rule?: string, url?: string) =>
      showRuleDocumentation(context, rule, url)
    ),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatus()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) scheduleStatus();
      report.diagnosticsChanged(event.uris.map((uri) => uri.toString()));
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when the client starts: a change of languages needs a restart.
      if (event.affectsConfiguration('whosaid.languages')) await restart(context);
      else scheduleStatus();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context))
  );

  await start(context);
  scheduleStatus();
}

export async function deactivate(): Promise<void> {
  if (statusTimer) clearTimeout(statusTimer);
  await client?.stop();
  client = undefined;
}

function languages(): string[] {
  const configured = vscode.workspace.getConfiguration('whosaid').get<unknown>('languages');
  const list = Array.isArray(configured) ? configured.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  // In Restricted Mode only the defaults: a workspace must not widen what is read.
  return vscode.workspace.isTrusted && list.length > 0 ? list : DEFAULT_LANGUAGES;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6009']}}
  };
  const selector = languages().flatMap((language) => [
    {language, scheme: 'file'},
    {language, scheme: 'untitled'}
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: {configurationSection: 'whosaid'},
    outputChannel: output,
    initializationOptions: (): InitializationOptions => ({trusted: vscode.workspace.isTrusted, clientCommands: true}),
    middleware: {
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === Commands.checkWorkspace && result) showWorkspaceSummary(result as WorkspaceCheckResult);
        return result;
      }
    }
  };
  return new LanguageClient('whosaid', 'whosaid', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`The whosaid language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('whosaid: the language server did not start. See the whosaid output channel.');
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (error) {
      output.appendLine(`Stopping the server: ${String(error)}`);
    }
  }
  await start(context);
  scheduleStatus();
}

async function requestReport(uri: string): Promise<SourcingReport | null> {
  if (!client || !client.isRunning()) return null;
  try {
    return await client.sendRequest<SourcingReport>(SOURCING_REPORT_REQUEST, {uri});
  } catch (error) {
    output.appendLine(`Sourcing report for ${uri}: ${String(error)}`);
    return null;
  }
}

function scheduleStatus(): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void updateStatus(), 150);
}

async function updateStatus(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !languages().includes(doc.languageId) || !['file', 'untitled'].includes(doc.uri.scheme)) {
    status.hide();
    return;
  }
  const report = await requestReport(doc.uri.toString());
  if (vscode.window.activeTextEditor?.document !== doc) return;
  if (!report || !report.checked) {
    status.hide();
    return;
  }
  const c = report.counts;
  status.text = `$(comment-discussion) ${c.named} named · ${c.anonymous} anon · ${c.vague} vague · ${c.unattributedClaims} unattributed`;
  const tooltip = new vscode.MarkdownString(
    `**whosaid sourcing**\n\n` +
      `Named, institutional, media or document sources: ${c.named}\n\n` +
      `Anonymous sources: ${c.anonymous}\n\nVague sources: ${c.vague}\n\n` +
      `Unattributed claims, statistics and quotes: ${c.unattributedClaims}\n\n` +
      `All findings: ${c.findings}\n\nClick for the sourcing report.`
  );
  status.tooltip = tooltip;
  status.show();
}

function showWorkspaceSummary(result: WorkspaceCheckResult): void {
  const verb = result.cancelled ? 'Stopped after checking' : 'Checked';
  const message =
    `whosaid: ${verb} ${result.files} draft${result.files === 1 ? '' : 's'}: ` +
    `${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} file${result.filesWithFindings === 1 ? '' : 's'}.`;
  void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}

async function showRuleDocumentation(context: vscode.ExtensionContext, rule?: string, url?: string): Promise<void> {
  let id = typeof rule === 'string' && RULES.some((meta) => meta.id === rule) ? rule : undefined;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      RULES.map((meta) => ({label: meta.id, description: meta.title, detail: meta.summary})),
      {placeHolder: 'Which rule?'}
    );
    if (!picked) return;
    id = picked.label;
  }
  const local = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  } catch {
    // No local page: fall through to the link.
  }
  const meta = RULES.find((m) => m.id === id)!;
  if (url && /^https:\/\//.test(url)) {
    const open = await vscode.window.showInformationMessage(`${meta.title}: ${meta.summary}`, 'Open in browser');
    if (open) await vscode.env.openExternal(vscode.Uri.parse(url));
  } else {
    void vscode.window.showInformationMessage(`${meta.title}: ${meta.summary} Ask: ${meta.ask}`);
  }
}
