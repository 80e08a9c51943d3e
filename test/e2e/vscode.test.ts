// End-to-end: the packaged extension (the .vsix that `npm run package` builds) in real VS Code,
// served by code-server and driven through Debian's Chromium. A writer's view: squiggles and the
// Problems panel, the quick-fix menu changing the text, the hover, the sourcing report, a setting.
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {RULES} from '../../server/src/analysis/rules/meta';
import {artifactsDir, ensureVsix} from './support/build';
import {DRAFT, DRAFT_RULES, FIXES, seedArticle} from './support/fixtures';
import {stopAll, until} from './support/proc';
import {assertTools, findTools, skipFor} from './support/tools';
import {VSCode} from './support/vscode';

const SUITE = 'VS Code (code-server + Chromium) e2e';
const tools = findTools(['chromium', 'code-server']);
const START_MS = 90_000;
const STEP_MS = 30_000;
const FINDINGS_MS = 60_000;

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string): {line: number; column: number} {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, at).split('\n');
  return {line: before.length, column: before[before.length - 1].length + 1};
}

describe.skipIf(skipFor(SUITE, tools))(SUITE, () => {
  let run: string;
  let workspace: string;
  let draft: string;
  let vscode: VSCode;
  let artifacts: string;
  const seed = seedArticle();
  /** Set once the draft's findings showed; later steps fail at once without it, not after long waits. */
  let findingsShown = false;
  const needFindings = () => {
    if (!findingsShown) throw new Error("The draft's findings never showed in the Problems panel (see that test); not waiting again here.");
  };

  beforeAll(async () => {
    assertTools(SUITE, tools);
    const vsix = process.env.WHOSAID_E2E_VSIX || ensureVsix();
    artifacts = artifactsDir();
    run = mkdtempSync(join(tmpdir(), 'whosaid-e2e-vscode-'));
    workspace = join(run, 'newsroom');
    mkdirSync(workspace);
    draft = join(workspace, 'draft.md');
    writeFileSync(draft, DRAFT);
    // A copy in the temp workspace (never in the repo): the editor must not write into ../shared.
    if (seed) copyFileSync(seed, join(workspace, 'seed-article.txt'));
    vscode = new VSCode({
      codeServer: tools.found['code-server']!,
      chromium: tools.found.chromium!,
      vsix,
      runDir: run,
      workspace,
      timeouts: {startMs: START_MS, stepMs: STEP_MS}
    });
    await vscode.installExtension();
    await vscode.start();
  }, 240_000);

  afterAll(async () => {
    try {
      if (vscode?.page) await vscode.screenshot(join(artifacts, 'vscode-last.png')).catch(() => undefined);
      await vscode?.stop();
    } finally {
      await stopAll();
      if (run) rmSync(run, {recursive: true, force: true});
    }
  }, 60_000);

  async function withLog<T>(fn: () => Promise<T>, shot: string): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      await vscode.screenshot(join(artifacts, `${shot}-failed.png`)).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- code-server log (tail) ---\n${vscode.log()}`);
    }
  }

  it.skipIf(!seed)(
    'the seed article: Problems lists its findings with rule ids, and squiggles are drawn',
    async () => {
      await withLog(async () => {
        await vscode.openFile('seed-article.txt');
        await vscode.showProblems('seed-article.txt');
        const expected = ['editorializing', 'vague-source', 'anonymous-source', 'unattributed-claim', 'hedge'];
        const codes = await vscode.waitForProblems(
          `the rules ${expected.join(', ')}`,
          (c) => expected.every((id) => c.includes(id)),
          FINDINGS_MS
        );
        expect(codes.every((c) => RULES.some((r) => r.id === c))).toBe(true);
        await expect.poll(() => vscode.squiggles().count(), {timeout: STEP_MS}).toBeGreaterThan(3);
        await vscode.screenshot(join(artifacts, 'vscode-seed-findings.png'));
      }, 'vscode-seed');
    },
    120_000
  );

  it('a Markdown draft: Problems lists the expected findings with rule ids, and squiggles are drawn', async () => {
    await withLog(async () => {
      await vscode.openFile('draft.md');
      await vscode.showProblems('draft.md');
      const codes = await vscode.waitForProblems(
        `the rules ${DRAFT_RULES.join(', ')}`,
        (c) => DRAFT_RULES.every((id) => c.includes(id)),
        FINDINGS_MS
      );
      expect(codes.filter((c) => !DRAFT_RULES.includes(c as (typeof DRAFT_RULES)[number]))).toEqual([]);
      findingsShown = true;
      await expect.poll(() => vscode.squiggles().count(), {timeout: STEP_MS}).toBeGreaterThanOrEqual(DRAFT_RULES.length);
      await vscode.screenshot(join(artifacts, 'vscode-findings.png'));
    }, 'vscode-draft');
  }, 120_000);

  it('hovering a finding shows the rule explanation', async () => {
    await withLog(async () => {
      needFindings();
      const meta = RULES.find((r) => r.id === 'vague-source')!;
      const at = position(readFileSync(draft, 'utf8'), 'Experts say');
      await vscode.goTo(at.line, at.column + 2);
      const hover = await vscode.showHover();
      await expect.poll(() => hover.innerText(), {timeout: STEP_MS}).toContain('Ask the reporter');
      const text = await hover.innerText();
      expect(text).toContain(meta.title);
      expect(text).toContain('vague-source');
      expect(text).toContain(meta.ask.slice(0, 40));
      await vscode.screenshot(join(artifacts, 'vscode-hover.png'));
      await vscode.page.keyboard.press('Escape');
    }, 'vscode-hover');
  }, 90_000);

  it('"whosaid: Show sourcing report" opens a webview listing the sources', async () => {
    await withLog(async () => {
      needFindings();
      await vscode.runCommand('whosaid: Show sourcing report');
      const report = vscode.webview();
      await report.locator('h1', {hasText: 'Sourcing report'}).waitFor({timeout: STEP_MS});
      const body = report.locator('body');
      await expect.poll(() => body.innerText(), {timeout: STEP_MS}).toContain('Agnes Tolliver');
      const text = await body.innerText();
      expect(text).toMatch(/Sources \(\d+ attributions\)/);
      expect(text).toContain('Experts');
      expect(text).toMatch(/A senior official/);
      expect(text).toMatch(/Unattributed claims \([1-9]/);
      await vscode.screenshot(join(artifacts, 'vscode-report.png'));
      // Back to the draft alone for the next steps.
      await vscode.closeAll();
      await vscode.openFile('draft.md');
    }, 'vscode-report');
  }, 90_000);

  for (const fix of [FIXES.attribute, FIXES.remove]) {
    it(`quick fix "${fix.title.source.replace('^', '')}" on ${fix.rule} changes the text exactly and the finding goes away`, async () => {
      await withLog(async () => {
        needFindings();
        const before = readFileSync(draft, 'utf8');
        expect(before).toContain(fix.before);
        const at = position(before, fix.find);
        await vscode.goTo(at.line, at.column + 1);
        const titles = await vscode.openQuickFix();
        expect(
          titles.some((t) => fix.title.test(t)),
          `quick fixes offered: ${JSON.stringify(titles)}`
        ).toBe(true);
        await vscode.pickQuickFix(fix.title);
        await vscode.save();
        const expected = before.replace(fix.before, fix.after);
        const after = await until(
          'the saved draft to change',
          () => {
            const now = readFileSync(draft, 'utf8');
            return now !== before ? now : '';
          },
          STEP_MS
        );
        expect(after).toBe(expected);
        const line = at.line;
        await vscode.showProblems('draft.md');
        await until(
          `the ${fix.rule} finding on line ${line} to go away`,
          async () => {
            const rowsNow = await vscode.page.$$eval('.markers-panel .monaco-list-row', (els) =>
              els.map((e) => (e as unknown as {innerText: string}).innerText)
            );
            return !rowsNow.some((t) => t.includes(`\n${fix.rule}\n`) && t.includes(`[Ln ${line},`));
          },
          FINDINGS_MS
        );
      }, `vscode-fix-${fix.rule}`);
    }, 120_000);
  }

  it('turning hedge off in the settings removes the hedge findings without a reload', async () => {
    await withLog(async () => {
      needFindings();
      await vscode.showProblems('draft.md');
      await vscode.waitForProblems('a hedge finding', (c) => c.includes('hedge'), FINDINGS_MS);
      mkdirSync(join(workspace, '.vscode'), {recursive: true});
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({'whosaid.rules': {hedge: 'off'}}, null, 2));
      const codes = await vscode.waitForProblems(
        'no hedge finding',
        (c) => !c.includes('hedge') && c.includes('vague-source'),
        FINDINGS_MS
      );
      expect(codes).not.toContain('hedge');
      await vscode.screenshot(join(artifacts, 'vscode-hedge-off.png'));
    }, 'vscode-settings');
  }, 120_000);
});
