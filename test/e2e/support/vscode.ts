// VS Code for the end-to-end tests: code-server (VS Code 1.100 served to a browser) with the
// packaged extension installed into per-run folders, driven through Debian's Chromium by
// playwright-core. Every wait is bounded and waits for something on the page, not for time.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {chromium, type BrowserContext, type FrameLocator, type Locator, type Page} from 'playwright-core';
import {freePort, run, start, tail, type Proc} from './proc';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
];

/** User settings for a quiet, predictable workbench: no welcome page, no updates, no telemetry. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'markdown.validate.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none'
};

export interface VSCodeOptions {
  codeServer: string;
  chromium: string;
  vsix: string;
  /** A temp folder for this run: home, user data, extensions, browser profile go under it. */
  runDir: string;
  /** The folder code-server opens. */
  workspace: string;
  timeouts: {startMs: number; stepMs: number};
}

/** An element as seen inside page.evaluate callbacks (the repo's tsconfig has no DOM lib). */
interface Rendered {
  innerText: string;
}

export class VSCode {
  server?: Proc;
  context?: BrowserContext;
  page!: Page;
  port = 0;
  private readonly env: NodeJS.ProcessEnv;
  private readonly userData: string;
  private readonly extensions: string;

  constructor(private readonly o: VSCodeOptions) {
    const home = join(o.runDir, 'home');
    this.userData = join(o.runDir, 'user-data');
    this.extensions = join(o.runDir, 'extensions');
    for (const dir of [home, join(this.userData, 'User'), this.extensions]) mkdirSync(dir, {recursive: true});
    writeFileSync(join(this.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    // Nothing may land in the real user's home: code-server and Chromium both write config files.
    this.env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_STATE_HOME: join(home, '.local', 'state'),
      XDG_RUNTIME_DIR: join(o.runDir, 'runtime'),
      TMPDIR: join(o.runDir, 'tmp')
    };
    mkdirSync(this.env.XDG_RUNTIME_DIR!, {recursive: true, mode: 0o700});
    mkdirSync(this.env.TMPDIR!, {recursive: true});
  }

  private dirArgs(): string[] {
    return ['--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  async installExtension(): Promise<string> {
    const {code, output} = await run(
      'code-server --install-extension',
      this.o.codeServer,
      [...this.dirArgs(), '--install-extension', this.o.vsix],
      {
        env: this.env,
        timeoutMs: this.o.timeouts.startMs
      }
    );
    if (code !== 0 || !/successfully installed/i.test(output)) {
      throw new Error(`Installing ${this.o.vsix} into code-server failed (exit ${code}):\n${tail(output)}`);
    }
    return output;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = start(
      'code-server',
      this.o.codeServer,
      [
        '--bind-addr',
        `127.0.0.1:${this.port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...this.dirArgs(),
        this.o.workspace
      ],
      {env: this.env}
    );
    await this.server.waitFor(/HTTP server listening on/, this.o.timeouts.startMs);
    const health = await fetch(`http://127.0.0.1:${this.port}/healthz`);
    if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);

    this.context = await chromium.launchPersistentContext(join(this.o.runDir, 'chromium-profile'), {
      executablePath: this.o.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      env: this.env as Record<string, string>,
      viewport: {width: 1400, height: 900},
      timeout: this.o.timeouts.startMs
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(this.o.timeouts.stepMs);
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.o.workspace)}`, {
      timeout: this.o.timeouts.startMs
    });
    await this.page.locator('.monaco-workbench').waitFor({timeout: this.o.timeouts.startMs});
    // The workbench is usable once the explorer lists the workspace.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({timeout: this.o.timeouts.startMs});
  }

  async stop(): Promise<void> {
    try {
      await this.context?.close();
    } catch {
      // the browser may already be gone
    }
    await this.server?.stop();
  }

  log(): string {
    return this.server ? tail(this.server.output(), 80) : '';
  }

  // ---- editor ----

  /** Opens a workspace file through Quick Open and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+p');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', {hasText: name}).first().click();
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active', {hasText: name}).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  /** Moves the keyboard focus to the first editor group (where the drafts open). */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Control+1');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor();
  }

  /** Closes every editor (the report webview included), leaving one empty group. */
  async closeAll(): Promise<void> {
    await this.runCommand('View: Close All Editor Groups');
    await this.page.locator('.tabs-container .tab').first().waitFor({state: 'detached'});
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Puts the cursor at a 1-based line and column with "Go to Line/Column". */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({state: 'hidden'});
    await this.page
      .locator('.statusbar-item', {hasText: `Ln ${line}, Col ${column}`})
      .first()
      .waitFor();
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({state: 'detached'});
  }

  squiggles(): Locator {
    return this.activeEditor().locator('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint');
  }

  // ---- quick fixes and hovers ----

  /** Opens the quick-fix menu at the cursor and returns the titles it offers. */
  /**
   * Opens the quick-fix menu at the cursor and returns its titles. Under load VS Code sometimes asks
   * before the server's code actions are in and says "No code actions available" while the light bulb
   * shows: that message is waited for and the request made again, at most three times.
   */
  async openQuickFix(): Promise<string[]> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const none = this.page.locator('.monaco-editor-overlaymessage', {hasText: 'No code actions available'});
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      await rows.first().or(none.first()).waitFor();
      if (await rows.first().isVisible()) return (await rows.allInnerTexts()).map((t) => t.trim());
      if (attempt === 3) throw new Error('VS Code said "No code actions available" at the finding, three times');
      await this.page.keyboard.press('Escape');
      await none
        .first()
        .waitFor({state: 'hidden'})
        .catch(() => undefined);
    }
  }

  /** Picks the quick fix whose title matches, with the keyboard as a writer would. */
  async pickQuickFix(title: RegExp): Promise<string> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    const index = titles.findIndex((t) => title.test(t));
    if (index < 0) throw new Error(`No quick fix matching ${title}; offered: ${JSON.stringify(titles)}`);
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    for (
      let i = 0;
      i <= titles.length &&
      !title.test(
        (
          (await focused
            .first()
            .innerText()
            .catch(() => '')) || ''
        ).trim()
      );
      i++
    ) {
      await this.page.keyboard.press('ArrowDown');
    }
    const chosen = (await focused.first().innerText()).trim();
    if (!title.test(chosen)) throw new Error(`Could not move the quick-fix focus to ${title}; it is on "${chosen}"`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').first().waitFor({state: 'hidden'});
    return chosen;
  }

  async showHover(): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    await this.page.keyboard.press('Control+i');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await hover.waitFor();
    return hover;
  }

  // ---- commands, panels, webviews ----

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', {hasText: title}).first().click();
    await input.waitFor({state: 'hidden'});
  }

  /** Opens the Problems panel, filtered to one file's markers. */
  async showProblems(fileGlob: string): Promise<void> {
    await this.runCommand('Problems: Focus on Problems View');
    const filter = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor();
    await filter.fill(fileGlob);
  }

  /** The rule ids (the diagnostic codes) of the marker rows now shown in the Problems panel. */
  async problemCodes(): Promise<string[]> {
    return this.page.$$eval('.markers-panel .monaco-list-row', (rows) =>
      rows
        .map((row) => (row as unknown as Rendered).innerText.split('\n').map((s: string) => s.trim()))
        .filter((lines) => lines[1] === 'whosaid' && lines.length >= 3)
        .map((lines) => lines[2])
    );
  }

  /** Waits until the Problems panel's rule ids satisfy `ok`; returns them. */
  async waitForProblems(what: string, ok: (codes: string[]) => boolean, timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let codes: string[] = [];
    for (;;) {
      codes = await this.problemCodes();
      if (ok(codes)) return codes;
      if (Date.now() > deadline) throw new Error(`Problems panel never showed ${what}; it showed: ${JSON.stringify(codes)}`);
      // Re-check on the next DOM change of the panel (or in a moment), not after a guessed delay.
      await this.page
        .waitForFunction(
          (before) => {
            const now = [
              ...(globalThis as unknown as {document: {querySelectorAll(s: string): Iterable<Rendered>}}).document.querySelectorAll(
                '.markers-panel .monaco-list-row'
              )
            ]
              .map((r) => (r as unknown as Rendered).innerText)
              .join('|');
            return now !== before;
          },
          await this.page.$$eval('.markers-panel .monaco-list-row', (rows) =>
            rows.map((r) => (r as unknown as Rendered).innerText).join('|')
          ),
          {timeout: Math.max(100, Math.min(2000, deadline - Date.now()))}
        )
        .catch(() => undefined);
    }
  }

  /** The innermost frame of the webview whose tab title contains `title`. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({path});
  }
}
