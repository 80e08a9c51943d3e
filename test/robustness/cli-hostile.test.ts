// The hostile inputs through the real CLI (`node bin/whosaid.js`): the two of issue 15, the units the
// grammar fuzzer found and a 10,000-paragraph document from its grammar, in one run with a normal
// draft after them. Then fault isolation: a paragraph that throws (through a test hook set by a
// `node -r` preload, which no document or config can reach) costs that paragraph only.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildCli, removeDir, runCli, ROOT, STACK_FRAME, tempDir} from './cli';
import {FOUND, newsOfSize, repeated, SLOWDOWN_LIMIT} from './fuzz-core';
import {generate} from './grammar';

let dir: string;
beforeAll(async () => {
  await buildCli();
  dir = tempDir();
});
afterAll(() => removeDir(dir));

const NO_STACK = STACK_FRAME;

/** The first document of the grammar, from seed 11 on, with 10,000 paragraphs (blank lines between). */
function tenThousandParagraphs(): string {
  for (let seed = 11; ; seed++) {
    const {text} = generate({seed, shape: 'document', size: 1_500_000});
    if (text.split('\n\n').length >= 10_000) return text;
  }
}

function wallMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('hostile drafts through the CLI', () => {
  it(
    'are all checked in one run, the draft after them too, with no stack trace, within 3x the time of news files of the same sizes',
    {timeout: 300_000},
    () => {
      const hostile = join(dir, 'hostile');
      const news = join(dir, 'news');
      mkdirSync(hostile);
      mkdirSync(news);
      const drafts: [string, string][] = [
        ['01-said.txt', repeated('said ', 750_000)],
        ['02-according-to.txt', repeated('according to ', 1 << 20)],
        ...FOUND.map((found, i): [string, string] => [
          `${String(i + 3).padStart(2, '0')}-found.${found.format === 'markdown' ? 'md' : 'txt'}`,
          repeated(found.unit, found.size)
        ]),
        ['20-ten-thousand-paragraphs.md', tenThousandParagraphs()],
        ['21-repeat.txt', generate({seed: 1328, shape: 'repeat', size: 262_144}).text]
      ];
      let total = 0;
      for (const [name, text] of drafts) {
        writeFileSync(join(hostile, name), text);
        writeFileSync(join(news, name), newsOfSize(text.length));
        total += text.length;
      }
      expect(drafts[drafts.length - 2][1].split('\n\n').length).toBeGreaterThanOrEqual(10_000);
      writeFileSync(join(hostile, '99-after.md'), 'Experts say the plan will fail.\n');
      writeFileSync(join(news, '99-after.md'), 'Experts say the plan will fail.\n');

      const args = (folder: string) => ['--format', 'json', '--jobs', '1', folder];
      let run = runCli(args(hostile), {cwd: ROOT, timeoutMs: 240_000});
      expect(run.timedOut).toBe(false);
      expect([0, 1, 2]).toContain(run.status);
      expect(run.stderr).not.toMatch(NO_STACK);
      expect(run.stderr).toBe('');
      const reports = JSON.parse(run.stdout) as {path: string; messages: {ruleId: string}[]; notices?: string[]}[];
      expect(reports.map((report) => report.path.split('/').pop())).toEqual([...drafts.map(([name]) => name), '99-after.md']);
      for (const report of reports) expect(report.notices ?? [], report.path).toEqual([]);
      expect(reports[reports.length - 1].messages.map((m) => m.ruleId)).toEqual(['vague-source']);

      // Wall time of whole runs, alternately, best of 2: the CLI on the hostile drafts against the CLI on
      // news files of the same sizes.
      let hostileMs = Infinity;
      let newsMs = Infinity;
      for (let i = 0; i < 2; i++) {
        hostileMs = Math.min(
          hostileMs,
          wallMs(() => (run = runCli(args(hostile), {cwd: ROOT, timeoutMs: 240_000})))
        );
        newsMs = Math.min(
          newsMs,
          wallMs(() => runCli(args(news), {cwd: ROOT, timeoutMs: 240_000}))
        );
      }
      expect(
        hostileMs / newsMs,
        `${(total / 1e6).toFixed(1)} M characters: ${hostileMs.toFixed(0)} ms against ${newsMs.toFixed(0)} ms of news`
      ).toBeLessThanOrEqual(SLOWDOWN_LIMIT);
    }
  );
});

describe('a paragraph that throws', () => {
  it(
    'gets a notice; the rest of its file and the next file are checked; the run exits 2 naming the file, with no stack trace',
    {timeout: 60_000},
    () => {
      const preload = join(dir, 'fault.cjs');
      // Stands for a bug in the engine: throws on any paragraph holding the marker.
      writeFileSync(
        preload,
        "globalThis[Symbol.for('whosaid.test.paragraphFault')] = (text) => { if (text.includes('FAULTMARK')) throw new RangeError('injected for the test'); };\n"
      );
      const first = join(dir, 'first.txt');
      const second = join(dir, 'second.md');
      writeFileSync(
        first,
        'Experts say the plan will fail.\n\nThe FAULTMARK minister said it could rain.\n\nCritics argue the cost is expected to rise.\n'
      );
      writeFileSync(second, 'Some analysts said the deal was dead.\n');

      const text = runCli(['--no-color', 'first.txt', 'second.md'], {cwd: dir, nodeArgs: ['-r', preload]});
      expect(text.status).toBe(2);
      expect(text.stderr).not.toMatch(NO_STACK);
      expect(text.stderr.trim().split('\n')).toEqual([
        `whosaid: first.txt: could not check 1 paragraph (line 3): RangeError: injected for the test; the rest of the file was checked`
      ]);
      expect(text.stdout).toContain('notice  line 3: whosaid could not check this paragraph: RangeError: injected for the test');
      // The paragraphs before and after the failing one, and the next file, are still checked.
      expect(text.stdout).toMatch(/1:1\s+warning\s+Vague source: "Experts"/);
      expect(text.stdout).toMatch(/5:1\s+warning\s+Vague source: "Critics"/);
      expect(text.stdout).toContain('second.md');
      expect(text.stdout).not.toContain('FAULTMARK');

      const json = runCli(['--format', 'json', first, second], {cwd: dir, nodeArgs: ['-r', preload]});
      expect(json.status).toBe(2);
      const reports = JSON.parse(json.stdout) as {path: string; messages: {line: number}[]; notices?: string[]}[];
      expect(reports).toHaveLength(2);
      expect(reports[0].notices).toEqual(['line 3: whosaid could not check this paragraph: RangeError: injected for the test']);
      expect(reports[0].messages.map((m) => m.line)).toEqual(expect.arrayContaining([1, 5]));
      expect(reports[1].messages.length).toBeGreaterThan(0);

      // Without the hook the same files are checked in full: the hook is the only way in.
      const clean = runCli(['--format', 'json', first, second], {cwd: dir});
      expect(clean.status).toBe(1);
      expect((JSON.parse(clean.stdout) as {notices?: string[]}[]).every((report) => !report.notices)).toBe(true);
    }
  );

  it('in worker threads (--jobs 2 over eight drafts), the same', {timeout: 60_000}, () => {
    const preload = join(dir, 'fault.cjs');
    const folder = join(dir, 'many');
    mkdirSync(folder, {recursive: true});
    for (let i = 0; i < 8; i++)
      writeFileSync(
        join(folder, `draft-${i}.txt`),
        i % 3 === 1 ? 'Experts say FAULTMARK it will fail.\n\nOfficials said it was fine.\n' : 'Experts say it will fail.\n'
      );
    const run = runCli(['--format', 'json', '--jobs', '2', folder], {cwd: dir, nodeArgs: ['-r', preload]});
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(NO_STACK);
    const named = run.stderr.trim().split('\n');
    expect(named).toHaveLength(3);
    for (const line of named) expect(line).toMatch(/^whosaid: .*draft-[147]\.txt: could not check 1 paragraph \(line 1\)/);
    const reports = JSON.parse(run.stdout) as {messages: unknown[]}[];
    expect(reports).toHaveLength(8);
  });
});
