// The sourcing report: a webview listing every source in the draft, its kind and what it is cited
// for, every unattributed claim, and a bar chart of the source mix. Strict CSP: no remote content,
// one nonce-tagged script, no inline style attributes (widths are set from the script).
import {randomBytes} from 'node:crypto';
import * as vscode from 'vscode';
import type {LspRange, SourcingReport} from '../../server/src/lsp/protocol';
import {renderHtml} from './report-html';

export class ReportPanel {
  private panel: vscode.WebviewPanel | undefined;
  private uri: string | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly fetch: (uri: string) => Promise<SourcingReport | null>
  ) {}

  async show(uri: string): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'whosaid.sourcingReport',
        'Sourcing report',
        {viewColumn: vscode.ViewColumn.Beside, preserveFocus: true},
        {enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false}
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        if (this.refreshTimer) clearTimeout(this.refreshTimer);
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.reveal(message));
      this.context.subscriptions.push(this.panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.render();
  }

  /** Re-render when the shown document's diagnostics change (i.e. it was re-checked). */
  diagnosticsChanged(uris: string[]): void {
    if (!this.panel || !this.uri || !uris.includes(this.uri)) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.render(), 300);
  }

  private async render(): Promise<void> {
    if (!this.panel || !this.uri) return;
    const report = await this.fetch(this.uri);
    if (!this.panel) return;
    const name = decodeURIComponent(this.uri.split('/').pop() ?? this.uri);
    this.panel.title = `Sourcing: ${name}`;
    this.panel.webview.html = renderHtml(report, name, nonce());
  }

  private async reveal(message: unknown): Promise<void> {
    const m = message as {type?: string; range?: LspRange};
    if (m?.type !== 'reveal' || !this.uri || !m.range || !isRange(m.range)) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uri));
    const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
    await vscode.window.showTextDocument(doc, {selection: range, viewColumn: vscode.ViewColumn.One, preserveFocus: false});
  }
}

function isRange(range: LspRange): boolean {
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return ok(range.start?.line) && ok(range.start?.character) && ok(range.end?.line) && ok(range.end?.character);
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}
