// A real LSP client for protocol tests: builds dist/server.js, starts `node dist/server.js --stdio`
// and talks JSON-RPC to it over the child's stdin and stdout. No mocks: every reply comes from the
// server's own code.
import {spawn, type ChildProcess} from 'node:child_process';
import {bundleAtomically} from '../helpers/bundle';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver-protocol';
import {TextDocument} from 'vscode-languageserver-textdocument';

export const ROOT = resolve(__dirname, '..', '..');
/**
 * The server under test: built from server/src/lsp/main.ts exactly as dist/server.js is, but into its own
 * file next to it (so rule links resolve the same way), which other test suites that rebuild dist/
 * while these tests run cannot overwrite half-way.
 */
export const SERVER_JS = join(ROOT, 'dist', 'server.protocol-test.js');
/** Set WHOSAID_LS_JS to test an already built server bundle instead of building dist/server.js. */
const SERVER_OVERRIDE = process.env.WHOSAID_LS_JS;
export const SHARED_SEED = resolve(ROOT, '..', 'shared', 'examples', 'seed-article.txt');

/** Every wait in these tests is bounded by this. */
export const WAIT_MS = 15_000;

let built: Promise<void> | undefined;

/** Builds the server from the sources (test/helpers/bundle.ts). */
export function buildServer(): Promise<void> {
  built ??= SERVER_OVERRIDE ? Promise.resolve() : bundleAtomically('server/src/lsp/main.ts', 'dist/server.protocol-test.js');
  return built;
}

export function tempDir(prefix = 'whosaid-lsp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface StartOptions {
  /** The workspace folder (also the server's working directory). */
  folder: string;
  /** Replaces the default capabilities (push diagnostics, configuration, versioned edits, file creation). */
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `whosaid` section for a scope uri. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Extra node arguments before the script, e.g. ['-r', preload]. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: {documentChanges: true, resourceOperations: ['create']},
    didChangeWatchedFiles: {dynamicRegistration: true},
    didChangeConfiguration: {dynamicRegistration: false},
    workspaceFolders: true
  },
  textDocument: {
    synchronization: {dynamicRegistration: false},
    hover: {contentFormat: ['markdown', 'plaintext']},
    publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true},
    codeAction: {dataSupport: true}
  },
  window: {workDoneProgress: true, showDocument: {support: false}}
};

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: {type: number; message: string}[] = [];
  readonly logs: string[] = [];
  readonly progress: {token: string | number; value: {kind: string; message?: string; percentage?: number; cancellable?: boolean}}[] = [];
  readonly registrations: string[] = [];
  readonly configurationRequests: string[] = [];
  stderr = '';
  /** While set, workspace/configuration answers wait for this promise. */
  configGate: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
    readonly folder: string,
    private settings: (scopeUri: string | undefined) => unknown
  ) {
    this.exited = new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    child.stderr!.on('data', (chunk) => {
      if (this.stderr.length < 50_000) this.stderr += chunk;
    });
    conn.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.notify();
    });
    conn.onNotification('window/showMessage', (params: {type: number; message: string}) => {
      this.messages.push(params);
      this.notify();
    });
    conn.onNotification('window/logMessage', (params: {message: string}) => {
      this.logs.push(params.message);
    });
    conn.onNotification('$/progress', (params: LspClient['progress'][number]) => {
      this.progress.push(params);
      this.notify();
    });
    conn.onRequest('workspace/configuration', async (params: {items: {scopeUri?: string; section?: string}[]}) => {
      for (const item of params.items) this.configurationRequests.push(item.scopeUri ?? '');
      this.notify();
      if (this.configGate) await this.configGate;
      return params.items.map((item) => (item.section === 'whosaid' ? (this.settings(item.scopeUri) ?? null) : null));
    });
    conn.onRequest('client/registerCapability', (params: {registrations: {method: string}[]}) => {
      for (const registration of params.registrations) this.registrations.push(registration.method);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onRequest('workspace/codeLens/refresh', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.listen();
  }

  static async start(options: StartOptions): Promise<LspClient> {
    await buildServer();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_OVERRIDE ?? SERVER_JS, '--stdio'], {
      cwd: options.folder,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {...process.env, ...options.env}
    });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, conn, options.folder, options.settings ?? (() => ({})));
    const init = await client.within(
      conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: fileUri(options.folder),
        workspaceFolders: [{uri: fileUri(options.folder), name: 'drafts'}],
        capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
        initializationOptions: options.initializationOptions
      }),
      'initialize'
    );
    client.initializeResult = init as LspClient['initializeResult'];
    await conn.sendNotification('initialized', {});
    return client;
  }

  initializeResult: {capabilities: Record<string, unknown>; serverInfo?: {name: string}} | undefined;

  setSettings(settings: (scopeUri: string | undefined) => unknown): void {
    this.settings = settings;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves when `test` returns a value other than undefined; fails after WAIT_MS. */
  async waitFor<T>(what: string, test: () => T | undefined, ms = WAIT_MS): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = test();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}\nserver stderr:\n${this.stderr}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out: ${what}\nserver stderr:\n${this.stderr}`)), ms);
      })
    ]).finally(() => clearTimeout(timer));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.within(this.conn.sendRequest(method, params) as Promise<T>, method);
  }

  /** The latest diagnostics published for `uri` at `version` (or for any version when omitted). */
  diagnosticsAt(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () => {
      for (let i = this.published.length - 1; i >= 0; i--) {
        const p = this.published[i];
        if (p.uri === uri && (version === undefined || p.version === version)) return p.diagnostics;
      }
      return undefined;
    });
  }

  /** Waits for a publication after the current one for `uri`, matching `test`. */
  async nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const from = this.published.length;
    return this.waitFor(`new diagnostics for ${uri}`, () => {
      for (let i = this.published.length - 1; i >= from; i--) {
        const p = this.published[i];
        if (p.uri === uri && test(p)) return p.diagnostics;
      }
      return undefined;
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}});
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: changes});
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', {textDocument: {uri}});
  }

  async codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    const result = await this.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic], only}
    });
    return result ?? [];
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      this.conn.dispose();
      return;
    }
    try {
      await this.within(this.conn.sendRequest('shutdown'), 'shutdown', 5000);
      await this.conn.sendNotification('exit');
    } catch {
      // Fall through to the kill below.
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.conn.dispose();
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
}

/** Applies LSP text edits to a text, the way an editor would. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}

/** The single versioned document edit of a code action, checked for shape. */
export function documentEditOf(action: CodeAction, uri: string): {version: number | null; edits: TextEdit[]} {
  const edit = action.edit as WorkspaceEdit | undefined;
  if (!edit?.documentChanges || edit.documentChanges.length !== 1) throw new Error(`"${action.title}": expected one document change`);
  const change = edit.documentChanges[0];
  if (!('textDocument' in change) || change.textDocument.uri !== uri) throw new Error(`"${action.title}": not an edit of ${uri}`);
  return {version: change.textDocument.version, edits: change.edits as TextEdit[]};
}

export function textOf(text: string, range: {start: {line: number; character: number}; end: {line: number; character: number}}): string {
  const doc = TextDocument.create('file:///x', 'markdown', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

export function offsetOf(text: string, position: {line: number; character: number}): number {
  return TextDocument.create('file:///x', 'markdown', 0, text).offsetAt(position);
}

export function positionOf(text: string, offset: number): {line: number; character: number} {
  return TextDocument.create('file:///x', 'markdown', 0, text).positionAt(offset);
}

/** Where two texts differ: [start, endInOld, endInNew] after the common prefix and suffix. */
export function diffRegion(before: string, after: string): {start: number; oldEnd: number; newEnd: number} {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before[oldEnd - 1] === after[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  return {start, oldEnd, newEnd};
}
