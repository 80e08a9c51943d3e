// End-to-end, in real VS Code (code-server + Debian's Chromium), two things only an editor can
// show: vscode-languageclient brings the whosaid server back after it is killed, and in an
// untrusted workspace (Restricted Mode) whosaid still diagnoses but offers no "Always allow"
// action, the one quick fix that writes a file other than the draft.
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {artifactsDir, ensureVsix} from './support/build';
import {stopAll, until} from './support/proc';
import {assertTools, findTools, skipFor} from './support/tools';
import {VSCode} from './support/vscode';

const SUITE = 'VS Code (code-server + Chromium) resilience e2e';
const tools = findTools(['chromium', 'code-server']);
const START_MS = 90_000;
const STEP_MS = 30_000;
const FINDINGS_MS = 45_000;

/** An invented wire story: one anonymous source on line 3, and nothing else the tests rely on. */
const DRAFT = `# Ferry service to Harl Island cut back for winter

Officials say the ferry will run twice a week from December.

The operator, Brenn Lines, said the timetable would return in April.
`;
/** Typed in after the server is killed: a vague source (a rule the draft does not draw yet) on a new last line. */
const TYPED = 'Experts say the bridge is unsafe.';

/** The pids of every process below `root` (its children, their children, ...), read from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    // A zombie still has /proc/<pid>: it counts as gone.
    return !/^\S+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The whosaid language servers this code-server runs: node processes of the installed dist/server.js over IPC. */
function whosaidServers(vscode: VSCode, extensionsDir: string): number[] {
  const root = vscode.server?.child.pid;
  if (root === undefined) return [];
  return descendants(root).filter((pid) => {
    const args = cmdline(pid);
    return args.includes(extensionsDir) && /dist\/server\.js/.test(args) && args.includes('--node-ipc');
  });
}

/**
 * A code-server launcher that drops --disable-workspace-trust (the support class always passes it),
 * so the folder opens in Restricted Mode. `exec` keeps the pid, so the process-group cleanup holds.
 */
function trustingLauncher(dir: string, codeServer: string): string {
  const path = join(dir, 'code-server-with-trust.sh');
  writeFileSync(
    path,
    `#!/bin/sh
# Written by test/e2e/vscode-resilience.test.ts for one run.
real=${JSON.stringify(codeServer)}
for a in "$@"; do shift; [ "$a" = "--disable-workspace-trust" ] || set -- "$@" "$a"; done
exec "$real" "$@"
`
  );
  chmodSync(path, 0o755);
  return path;
}

describe.skipIf(skipFor(SUITE, tools))(SUITE, () => {
  let run: string;
  let artifacts: string;
  let vsix: string;
  const editors: VSCode[] = [];
  /** Each editor by name, set as soon as it is made (so a failed start still gets its screenshot). */
  const byName: Record<string, VSCode> = {};
  /** The Restricted Mode editor, started in beforeAll while the first test runs: it saves half a minute. */
  let restricted: Promise<Opened> | undefined;

  beforeAll(() => {
    assertTools(SUITE, tools);
    vsix = process.env.WHOSAID_E2E_VSIX || ensureVsix();
    artifacts = artifactsDir();
    run = mkdtempSync(join(tmpdir(), 'whosaid-e2e-resilience-'));
    restricted = open('restricted', false);
    restricted.catch(() => undefined); // its failure is reported by its own test
  }, 240_000);

  afterAll(async () => {
    try {
      // A start still under way (the first test failed fast) is let finish, boundedly, so its browser is closed too.
      await Promise.race([restricted?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
      for (const editor of editors) await editor.stop().catch(() => undefined);
    } finally {
      await stopAll();
      if (run) rmSync(run, {recursive: true, force: true});
    }
  }, 60_000);

  interface Opened {
    vscode: VSCode;
    workspace: string;
    extensionsDir: string;
  }

  /** A code-server with the extension installed, opened on a folder holding the draft. */
  async function open(name: string, trusted: boolean): Promise<Opened> {
    const runDir = join(run, name);
    const workspace = join(runDir, 'newsroom');
    mkdirSync(workspace, {recursive: true});
    const draft = join(workspace, 'draft.md');
    writeFileSync(draft, DRAFT);
    const vscode = new VSCode({
      codeServer: trusted ? tools.found['code-server']! : trustingLauncher(runDir, tools.found['code-server']!),
      chromium: tools.found.chromium!,
      vsix,
      runDir,
      workspace,
      timeouts: {startMs: START_MS, stepMs: STEP_MS}
    });
    editors.push(vscode);
    byName[name] = vscode;
    if (!trusted) {
      // The support class turns workspace trust off in the user settings; turn it back on, with no
      // start-up prompt, so the folder opens in Restricted Mode as a never-trusted folder does.
      const settings = join(runDir, 'user-data', 'User', 'settings.json');
      const values = JSON.parse(readFileSync(settings, 'utf8')) as Record<string, unknown>;
      values['security.workspace.trust.enabled'] = true;
      values['security.workspace.trust.startupPrompt'] = 'never';
      values['security.workspace.trust.banner'] = 'always';
      writeFileSync(settings, JSON.stringify(values, null, 2));
    }
    await vscode.installExtension();
    await vscode.start();
    return {vscode, workspace, extensionsDir: join(runDir, 'extensions')};
  }

  async function withLog<T>(current: () => VSCode | undefined, shot: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const vscode = current();
      if (vscode?.page) await vscode.screenshot(join(artifacts, `${shot}-failed.png`)).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- code-server log (tail) ---\n${vscode?.log() ?? ''}`);
    }
  }

  /** Whether the Problems panel has a row for `rule` on 1-based `line`. */
  async function hasRow(vscode: VSCode, rule: string, line: number): Promise<boolean> {
    const rows = await vscode.page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els.map((e) => (e as unknown as {innerText: string}).innerText)
    );
    return rows.some((t) => t.includes(`\n${rule}\n`) && t.includes(`[Ln ${line},`));
  }

  it('the client restarts a killed server: a sentence typed afterwards gets its finding', async () => {
    await withLog(
      () => byName.trusted,
      'vscode-restart',
      async () => {
        const opened = await open('trusted', true);
        const vscode = opened.vscode;
        const {extensionsDir} = opened;
        await vscode.openFile('draft.md');
        await vscode.showProblems('draft.md');
        const codes = await vscode.waitForProblems('the anonymous-source finding', (c) => c.includes('anonymous-source'), FINDINGS_MS);
        expect(codes).not.toContain('vague-source');
        expect(await hasRow(vscode, 'anonymous-source', 3)).toBe(true);

        // The trusted workspace offers "Always allow": the check the Restricted Mode test turns round.
        await vscode.goTo(3, 3);
        const titles = await vscode.openQuickFix();
        expect(
          titles.some((t) => /^Always allow/.test(t)),
          `quick fixes offered: ${JSON.stringify(titles)}`
        ).toBe(true);
        await vscode.page.keyboard.press('Escape');
        await vscode.page.locator('.action-widget').first().waitFor({state: 'hidden'});

        const before = await until(
          'the whosaid language server process',
          () => {
            const pids = whosaidServers(vscode, extensionsDir);
            return pids.length === 1 ? pids : undefined;
          },
          STEP_MS
        );
        const [killed] = before;
        process.kill(killed, 'SIGKILL');
        await until(`server pid ${killed} to be gone`, () => !alive(killed), STEP_MS, 50);

        // Type a new sentence at the end of the draft, unsaved: only a running server can check it.
        await vscode.focusEditor();
        await vscode.page.keyboard.press('Control+End');
        await vscode.page.keyboard.press('Enter');
        await vscode.page.keyboard.type(TYPED);
        const lastLine = DRAFT.split('\n').length; // the draft ends with a newline: its last, empty line
        await vscode.page
          .locator('.statusbar-item', {hasText: `Ln ${lastLine + 1}, Col ${TYPED.length + 1}`})
          .first()
          .waitFor();

        await vscode.showProblems('draft.md');
        await until(
          `a vague-source finding on the typed line ${lastLine + 1}`,
          () => hasRow(vscode, 'vague-source', lastLine + 1),
          FINDINGS_MS,
          250
        );
        const after = whosaidServers(vscode, extensionsDir);
        expect(after.length).toBe(1);
        expect(after[0]).not.toBe(killed);
        await vscode.screenshot(join(artifacts, 'vscode-restarted.png'));
      }
    );
  }, 150_000);

  it('in Restricted Mode whosaid still diagnoses but offers no "Always allow"', async () => {
    await withLog(
      () => byName.restricted,
      'vscode-restricted',
      async () => {
        const opened = await restricted!;
        const vscode = opened.vscode;
        await vscode.page.locator('.statusbar-item', {hasText: 'Restricted Mode'}).first().waitFor();
        await vscode.openFile('draft.md');
        await vscode.showProblems('draft.md');
        await vscode.waitForProblems('the anonymous-source finding', (c) => c.includes('anonymous-source'), FINDINGS_MS);
        expect(await hasRow(vscode, 'anonymous-source', 3)).toBe(true);
        await vscode.goTo(3, 3);
        const titles = await vscode.openQuickFix();
        // whosaid's own actions are there (so the menu is whosaid's), the one that writes a file is not.
        expect(
          titles.some((t) => /^Turn anonymous-source off for this file/.test(t)),
          `quick fixes offered: ${JSON.stringify(titles)}`
        ).toBe(true);
        expect(
          titles.filter((t) => /Always allow/i.test(t)),
          `quick fixes offered in Restricted Mode: ${JSON.stringify(titles)}`
        ).toEqual([]);
        await vscode.screenshot(join(artifacts, 'vscode-restricted.png'));
        await vscode.page.keyboard.press('Escape');
        expect(readdirSync(opened.workspace).sort()).toEqual(['draft.md']);
      }
    );
  }, 150_000);
});
