// Just enough of the `vscode` API for the extension's own logic to run in a unit test
// (test/unit/client-export.test.ts); every call a test looks at is recorded in `calls`.
type Listener = (...args: unknown[]) => unknown;

export const calls = {
  commands: new Map<string, Listener>(),
  opened: [] as {language?: string; content?: string}[],
  shown: [] as unknown[],
  messages: [] as string[],
  quickPicks: [] as unknown[],
  /** What showQuickPick answers: the index of the item to pick, or undefined to cancel. */
  pick: undefined as number | undefined,
  languages: ['markdown', 'plaintext'] as string[]
};

const disposable = {dispose() {}};
const event = () => disposable;

export class MarkdownString {
  constructor(public value = '') {}
}
export enum StatusBarAlignment {
  Left = 1,
  Right = 2
}
export enum ViewColumn {
  One = 1,
  Beside = -2
}
export class Range {
  constructor(...args: number[]) {
    void args;
  }
}
export const Uri = {
  parse: (value: string) => ({toString: () => value}),
  file: (path: string) => ({toString: () => `file://${path}`})
};

export const window = {
  activeTextEditor: undefined as unknown,
  createOutputChannel: () => ({appendLine() {}, info() {}, warn() {}, error() {}, dispose() {}}),
  createStatusBarItem: () => ({show() {}, hide() {}, dispose() {}}),
  onDidChangeActiveTextEditor: event,
  showQuickPick: async (items: unknown[]) => {
    calls.quickPicks.push(items);
    return calls.pick === undefined ? undefined : items[calls.pick];
  },
  showInformationMessage: async (message: string) => {
    calls.messages.push(message);
    return undefined;
  },
  showErrorMessage: async (message: string) => {
    calls.messages.push(message);
    return undefined;
  },
  showTextDocument: async (document: unknown) => {
    calls.shown.push(document);
    return {};
  }
};

export const commands = {
  registerCommand: (id: string, callback: Listener) => {
    calls.commands.set(id, callback);
    return disposable;
  },
  executeCommand: async (id: string, ...args: unknown[]) => calls.commands.get(id)?.(...args)
};

export const languages = {
  onDidChangeDiagnostics: event,
  getLanguages: async () => calls.languages
};

export const workspace = {
  isTrusted: true,
  getConfiguration: () => ({get: () => undefined}),
  onDidChangeConfiguration: event,
  onDidGrantWorkspaceTrust: event,
  openTextDocument: async (options: {language?: string; content?: string}) => {
    calls.opened.push(options);
    return {uri: {toString: () => `untitled:Untitled-${calls.opened.length}`}, isUntitled: true, getText: () => options.content ?? ''};
  }
};

export const env = {openExternal: async () => true};
