// The server's lifecycle: initialize (the client's capabilities, the workspace folders), settings and
// config file changes, and documents opening, changing and closing.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult
} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {warmUp} from '../analysis';
import {pathExists} from '../node/config-files';
import {cancel, changed, recheckAll} from './checking';
import {toDiagnostic} from './diagnostics';
import {Commands, type InitializationOptions} from './protocol';
import {describe, uriToPath, type ServerState} from './server-state';
import {normalizeSettings} from './settings';

export function registerLifecycle(s: ServerState): void {
  const {connection, documents, caps} = s;
  connection.onInitialize((params) => initialize(s, params));

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
        s.folders = s.folders.filter((folder) => !removed.has(folder));
        for (const folder of event.added) {
          const path = uriToPath(folder.uri);
          if (path && !s.folders.includes(path)) s.folders.push(path);
        }
        recheckAll(s);
      });
    }
    s.log(`whosaid-ls started (${caps.pull ? 'pull' : 'push'} diagnostics, ${s.trusted ? 'trusted' : 'untrusted'} workspace)`);
  });

  connection.onDidChangeConfiguration((params) => {
    if (!caps.configuration) {
      const section = (params.settings as {whosaid?: unknown} | null)?.whosaid;
      s.globalSettings = normalizeSettings(section ?? s.initOptions.settings);
    }
    recheckAll(s);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let touched = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      s.store.invalidate(path);
      touched = true;
      // Read it now so a broken file is reported even when no open document uses it yet.
      if (pathExists(path)) s.store.load(path);
      else if (s.configDiagnosticsShown.delete(change.uri)) void connection.sendDiagnostics({uri: change.uri, diagnostics: []});
    }
    if (touched) recheckAll(s);
  });

  documents.onDidOpen((event) => {
    const uri = event.document.uri;
    if (s.workspaceChecked.delete(uri) && caps.pull) void connection.sendDiagnostics({uri, diagnostics: []});
  });

  documents.onDidChangeContent((event) => changed(s, event.document));

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const state = s.forget(uri);
    if (state?.timer) cancel(state.timer);
    s.settingsCache.delete(uri);
    if (!caps.pull) void connection.sendDiagnostics({uri, diagnostics: []});
  });
}

function initialize(s: ServerState, params: InitializeParams): InitializeResult {
  const c = params.capabilities;
  const caps = s.caps;
  s.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
  s.trusted = s.initOptions.trusted !== false;
  s.globalSettings = normalizeSettings(s.initOptions.settings);
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
  s.folders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri)).filter((p): p is string => p !== null);
  if (s.folders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) s.folders = [root];
  }

  const commands: string[] = [Commands.checkWorkspace];
  if (!s.initOptions.clientCommands) commands.push(Commands.showRuleDocumentation, Commands.showSourcingReport);
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
  warmUpOnce(s);
  return result;
}

/**
 * Pays a fresh process's one-off costs (the lexicon, the JIT compiling parser, rules and diagnostics)
 * while the client waits for `initialize`, not when the writer opens the first draft.
 */
function warmUpOnce(s: ServerState): void {
  try {
    const {text, result} = warmUp();
    const doc = TextDocument.create('untitled:whosaid-warm-up', 'markdown', 1, text);
    JSON.stringify(result.findings.map((finding) => toDiagnostic(doc, finding)));
  } catch (error) {
    s.logOnce(`whosaid could not warm up: ${describe(error)}`);
  }
}
