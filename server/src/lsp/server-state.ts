// What the language server keeps: the client's capabilities and settings, the workspace folders, the
// config store, and one record per open document. The settings and config look-ups a check needs.
import {dirname, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {MessageType, ShowMessageNotification, TextDocuments, type Connection} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {
  createAnalyzer,
  type AnalysisResult,
  type Analyzer,
  type DocumentFormat,
  type DocumentSession,
  type ParagraphFailure
} from '../analysis';
import type {Arrivals} from './arrivals';
import type {EditCapabilities} from './code-actions';
import {ConfigStore, type ConfigProblem} from './config-store';
import {configDiagnostic, type Published} from './diagnostics';
import type {InitializationOptions, WhosaidSettings} from './protocol';
import {DEFAULT_LANGUAGES, DEFAULT_SETTINGS, normalizeSettings, settingsLayer} from './settings';

export interface DocContext {
  settings: WhosaidSettings;
  configPath: string | null;
  key: string;
  analyzer: Analyzer;
}

export interface Checked {
  kind: 'ok';
  version: number;
  key: string;
  doc: TextDocument;
  result: AnalysisResult;
  configPath: string | null;
}

export type Outcome = Checked | {kind: 'off'; version: number} | {kind: 'error'; version: number} | {kind: 'stale'};

export interface PendingCheck {
  timer: NodeJS.Timeout | NodeJS.Immediate;
  immediate: boolean;
}

/** What the server keeps for one open document; dropped when the document closes. */
export interface OpenDocument {
  /** The last check's result. */
  checked?: Checked;
  /** The document's engine session, so an edit re-analyses only around what changed. */
  session?: {analyzer: Analyzer; session: DocumentSession};
  /** A check scheduled and not yet run (push diagnostics). */
  timer?: PendingCheck;
  /** Checks being run or sent: an edit arriving meanwhile is part of a burst. */
  publishing: number;
  /** The last diagnostics sent, so a keystroke converts only the findings it changed. */
  published?: Published;
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function formatFor(languageId: string): DocumentFormat {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/** Editors name plain text differently: Neovim and Eglot say "text". */
const LANGUAGE_ALIASES: Record<string, string> = {text: 'plaintext', txt: 'plaintext'};

export function languageOf(languageId: string): string {
  return LANGUAGE_ALIASES[languageId] ?? languageId;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  /** One record per open document. */
  private readonly open = new Map<string, OpenDocument>();
  /** The settings asked of the client, by document or folder URI. */
  readonly settingsCache = new Map<string, Promise<WhosaidSettings>>();
  /** Files whose diagnostics came from the workspace check rather than from an open document. */
  readonly workspaceChecked = new Set<string>();
  readonly shownNotices = new Set<string>();
  private readonly loggedErrors = new Set<string>();
  /** Paragraph failures already logged, by document and error: a failing paragraph is logged once, not at every keystroke. */
  private readonly loggedFailures = new Set<string>();
  /** Config files with a diagnostic published on them. */
  readonly configDiagnosticsShown = new Set<string>();

  folders: string[] = [];
  initOptions: InitializationOptions = {};
  trusted = true;
  globalSettings: WhosaidSettings = DEFAULT_SETTINGS;
  readonly caps = {
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
  readonly store = new ConfigStore((path, problem) => this.reportConfigProblem(path, problem));

  constructor(
    readonly connection: Connection,
    readonly arrivals?: Pick<Arrivals, 'newer'>
  ) {}

  /** The record of an open document, made on first use. */
  stateOf(uri: string): OpenDocument {
    let state = this.open.get(uri);
    if (!state) this.open.set(uri, (state = {publishing: 0}));
    return state;
  }

  /** The record of an open document, if it has one. */
  existing(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  /** Forgets an open document (on close). */
  forget(uri: string): OpenDocument | undefined {
    const state = this.open.get(uri);
    this.open.delete(uri);
    return state;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** window/showMessage: a notification, so no client blocks on an answer. */
  showMessage(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, {type, message});
  }

  logOnce(message: string): void {
    if (this.loggedErrors.has(message)) return;
    this.loggedErrors.add(message);
    this.connection.console.error(message);
  }

  /** Logs each paragraph the engine could not check, once per document and error. */
  logFailures(uri: string, failures: readonly ParagraphFailure[] | undefined): void {
    for (const failure of failures ?? []) {
      const id = `${uri}\n${failure.error}`;
      if (this.loggedFailures.has(id)) continue;
      this.loggedFailures.add(id);
      // The paragraph's length, never its text: drafts are confidential, logs are not.
      const length = (failure.end - failure.start).toLocaleString('en-US');
      this.connection.console.error(
        `whosaid could not check a paragraph of ${length} characters in ${uri}; the rest of the document is checked. ${failure.error}`
      );
    }
  }

  private reportConfigProblem(path: string, problem: ConfigProblem | null): void {
    const uri = pathToFileURL(path).href;
    if (!problem) {
      if (this.configDiagnosticsShown.delete(uri)) void this.connection.sendDiagnostics({uri, diagnostics: []});
      this.log(`Config file is valid again: ${path}`);
      return;
    }
    this.configDiagnosticsShown.add(uri);
    void this.connection.sendDiagnostics({uri, diagnostics: [configDiagnostic(problem.text, problem.errors, problem.usingLastGood)]});
    const first = problem.errors[0];
    const more = problem.errors.length > 1 ? ` (and ${problem.errors.length - 1} more)` : '';
    const fallback = problem.usingLastGood ? 'Using the last valid version of the file.' : 'Using the default settings.';
    const message = `whosaid: ${path} line ${first.line}: ${first.message}${more}. ${fallback}`;
    this.connection.console.warn(message);
    this.showMessage(MessageType.Warning, message);
  }

  folderFor(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      if ((path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)) && (!best || folder.length > best.length)) {
        best = folder;
      }
    }
    return best;
  }

  // ---- settings ----

  getSettings(uri: string): Promise<WhosaidSettings> {
    if (!this.caps.configuration) return Promise.resolve(this.globalSettings);
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({scopeUri: uri, section: 'whosaid'}).then(
        (raw) => normalizeSettings(raw),
        (error) => {
          this.logOnce(`Could not read the whosaid settings: ${String(error)}`);
          return this.globalSettings;
        }
      );
      this.settingsCache.set(uri, pending);
    }
    return pending;
  }

  languagesOf(settings: WhosaidSettings): string[] {
    // In an untrusted workspace, settings that widen what is read are ignored.
    return this.trusted ? settings.languages : DEFAULT_LANGUAGES;
  }

  configPathFor(uri: string): string | null {
    const path = uriToPath(uri);
    if (path) return this.store.find(dirname(path), this.folderFor(path));
    return this.folders.length > 0 ? this.store.find(this.folders[0], this.folders[0]) : null;
  }

  /** Settings, config and analyzer for a document; null when whosaid is off for it. */
  async contextFor(uri: string, languageId: string): Promise<DocContext | null> {
    const settings = await this.getSettings(uri);
    if (!settings.enable || !this.languagesOf(settings).includes(languageOf(languageId))) return null;
    const configPath = this.configPathFor(uri);
    const fileConfig = configPath ? this.store.load(configPath) : undefined;
    const options = this.store.options(fileConfig, settingsLayer(settings));
    const {key, analyzer} = this.store.analyzer(options);
    return {settings, configPath, key, analyzer};
  }

  /**
   * Context for a file that is not open: settings are asked for once per folder. The workspace check
   * uses its own analyzers, so thousands of files do not push the open documents out of the cache.
   */
  async contextForFile(scopeUri: string, uri: string, languageId: string, analyzers: Map<string, Analyzer>) {
    const settings = await this.getSettings(scopeUri);
    if (!settings.enable || !this.languagesOf(settings).includes(languageId)) return null;
    const configPath = this.configPathFor(uri);
    const options = this.store.options(configPath ? this.store.load(configPath) : undefined, settingsLayer(settings));
    const key = JSON.stringify(options);
    let analyzer = analyzers.get(key);
    if (!analyzer) {
      analyzer = createAnalyzer(options);
      analyzers.set(key, analyzer);
    }
    return {analyzer, maxLength: options.maxLength};
  }

  openTextOf(path: string): string | null {
    const doc = this.documents.get(pathToFileURL(path).href);
    return doc ? doc.getText() : null;
  }
}
