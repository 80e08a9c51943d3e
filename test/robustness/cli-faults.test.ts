// CLI faults: bad paths, bad input, bad configs. Each must end in exit code 2 with one clear message
// that names the file and the problem, and never a stack trace; nothing may hang (every run is bounded).
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildCli, removeDir, runCli, runCliClosingInput, runCliShell, STACK_FRAME, tempDir, type CliRun} from './cli';

const DRAFT = 'Officials said the ferry might resume service on Monday, according to the port authority.\n';

let dir: string;

beforeAll(async () => {
  await buildCli();
  dir = tempDir();
  writeFileSync(join(dir, 'draft.md'), DRAFT);
});

afterAll(() => removeDir(dir));

/** Exit 2, exactly one "whosaid: ..." message naming `name` (and matching `problem`), no stack frame. */
function expectCleanError(run: CliRun, name: string, problem: RegExp): void {
  expect(run.timedOut, 'the CLI hung').toBe(false);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.status, run.stderr).toBe(2);
  const messages = run.stderr.split('\n').filter((line) => line.startsWith('whosaid: '));
  expect(messages, run.stderr).toHaveLength(1);
  expect(messages[0]).toContain(name);
  expect(messages[0]).toMatch(problem);
}

/** Finished normally: exit 0 or 1 and no stack trace. */
function expectNormalRun(run: CliRun): void {
  expect(run.timedOut, 'the CLI hung').toBe(false);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect([0, 1], `exit ${run.status}: ${run.stderr}`).toContain(run.status);
}

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, {recursive: true});
  return path;
}

describe('CLI: paths and input', () => {
  it('a missing file', () => {
    expectCleanError(runCli(['no-such-draft.md'], {cwd: dir}), 'no-such-draft.md', /no such file or folder/);
  });

  it('a folder without drafts', () => {
    const empty = folder('empty');
    writeFileSync(join(empty, 'notes.json'), '{}');
    expectCleanError(runCli(['empty'], {cwd: dir}), 'empty', /no drafts/);
  });

  it('a symbolic link that points to itself', () => {
    symlinkSync('self.md', join(dir, 'self.md'));
    expectCleanError(runCli(['self.md'], {cwd: dir}), 'self.md', /symbolic link loop/);
  });

  it('a folder loop through symbolic links is walked once: each draft reported once, no error', () => {
    const loop = folder('loop/inner');
    writeFileSync(join(loop, 'story.md'), DRAFT);
    symlinkSync('..', join(loop, 'up'));
    symlinkSync(join(dir, 'loop'), join(dir, 'loop', 'again'));
    const run = runCli(['--format', 'json', 'loop'], {cwd: dir});
    expectNormalRun(run);
    const reports = JSON.parse(run.stdout) as {path: string}[];
    expect(reports.map((r) => r.path)).toEqual([join('loop', 'inner', 'story.md')]);
  });

  it('invalid UTF-8 in a file', () => {
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x4f, 0x66, 0x66, 0x69, 0x63, 0x69, 0x61, 0x6c, 0xe9, 0x20, 0xff, 0xfe, 0x0a]));
    expectCleanError(runCli(['latin1.md'], {cwd: dir}), 'latin1.md', /not valid UTF-8/);
  });

  it('invalid UTF-8 on standard input, named by --stdin-filename', () => {
    const run = runCli(['--stdin-filename', 'pasted.md', '-'], {cwd: dir, input: Buffer.from([0x41, 0xc3, 0x28, 0x0a])});
    expectCleanError(run, 'pasted.md', /not valid UTF-8/);
  });

  it('a binary file is declined with a notice, not a crash', () => {
    writeFileSync(
      join(dir, 'photo.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    );
    const run = runCli(['photo.txt'], {cwd: dir});
    expectNormalRun(run);
    expect(run.stdout).toMatch(/Not checked: the file looks binary/);
  });

  it('standard input closed before anything arrives (<&-) is an empty draft', () => {
    const run = runCliShell(['-'], '<&-', {cwd: dir});
    expectNormalRun(run);
  });

  it('standard input from /dev/null is an empty draft', () => {
    const run = runCliShell(['-'], '</dev/null', {cwd: dir});
    expectNormalRun(run);
  });

  it('standard input closed half-way through a sentence: what arrived is checked', async () => {
    const run = await runCliClosingInput(['--format', 'json', '-'], 'Critics say the mayor might', {cwd: dir});
    expectNormalRun(run);
    const reports = JSON.parse(run.stdout) as {path: string; messages: {ruleId: string}[]}[];
    expect(reports[0].path).toBe('<stdin>');
  });

  it('a 20 MB file is declined with a notice naming the limit; a 2 MB one is checked', () => {
    const sentence = 'Officials said the ferry might resume service on Monday. ';
    writeFileSync(join(dir, 'huge.txt'), sentence.repeat(Math.ceil(20_000_000 / sentence.length)));
    const huge = runCli(['huge.txt'], {cwd: dir});
    expectNormalRun(huge);
    expect(huge.stdout).toMatch(
      /Not checked: the document has 20,\d{3},\d{3} characters, over the limit of 2,000,000 \(setting "maxLength"\)/
    );
    writeFileSync(join(dir, 'long.md'), (sentence + '\n\n').repeat(Math.floor(2_000_000 / (sentence.length + 2))));
    const long = runCli(['--format', 'json', 'long.md'], {cwd: dir, timeoutMs: 170_000});
    expectNormalRun(long);
    expect((JSON.parse(long.stdout) as {messages: unknown[]}[])[0].messages.length).toBeGreaterThan(1000);
  }, 180_000);
});

describe('CLI: configuration files', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed JSON', '{"preset": "ap",', /Invalid JSON/],
    ['not an object', '["ap"]', /must be a JSON object/],
    ['rules of the wrong type', '{"rules": ["hedge"]}', /"rules" must be an object/],
    ['maxLength of the wrong type', '{"maxLength": "2MB"}', /"maxLength" must be a positive whole number/],
    ['allow of the wrong type', '{"allow": "officials"}', /"allow" must be an array of strings/],
    ['an unknown rule', '{"rules": {"passive-voice": "error"}}', /Unknown rule "passive-voice"/],
    ['an unknown severity', '{"rules": {"hedge": "loud"}}', /Rule "hedge" must be one of/],
    ['a preset that does not exist', '{"preset": "tabloid"}', /Unknown preset "tabloid"/],
    ['an unknown setting', '{"maxLenght": 10}', /Unknown setting "maxLenght"/]
  ];

  for (const [what, text, problem] of cases) {
    it(`--config with ${what}`, () => {
      const path = join(dir, `config-${what.replace(/\W+/g, '-')}.json`);
      writeFileSync(path, text);
      expectCleanError(runCli(['--config', path, 'draft.md'], {cwd: dir}), path, problem);
    });
  }

  it('--config with an empty file is an empty config: the draft is checked with the defaults', () => {
    const path = join(dir, 'config-empty.json');
    writeFileSync(path, '');
    const run = runCli(['--config', path, '--format', 'json', 'draft.md'], {cwd: dir});
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(0);
  });

  it('a .whosaidrc.json found next to the draft with an unknown rule', () => {
    const desk = folder('desk-unknown-rule');
    writeFileSync(join(desk, '.whosaidrc.json'), '{\n  "rules": {"hedges": "off"}\n}\n');
    writeFileSync(join(desk, 'story.md'), DRAFT);
    expectCleanError(
      runCli([join('desk-unknown-rule', 'story.md')], {cwd: dir}),
      join(desk, '.whosaidrc.json'),
      /2:\d+: Unknown rule "hedges"/
    );
  });

  it('a .whosaidrc.json that is a folder', () => {
    const desk = folder('desk-folder-config');
    mkdirSync(join(desk, '.whosaidrc.json'));
    writeFileSync(join(desk, 'story.md'), DRAFT);
    expectCleanError(runCli([join('desk-folder-config', 'story.md')], {cwd: dir}), join(desk, '.whosaidrc.json'), /is a folder/);
  });

  it('--config naming a folder', () => {
    const desk = folder('config-as-folder');
    expectCleanError(runCli(['--config', desk, 'draft.md'], {cwd: dir}), desk, /is a folder/);
  });

  it('--config naming a missing file', () => {
    expectCleanError(runCli(['--config', 'nowhere.json', 'draft.md'], {cwd: dir}), join(dir, 'nowhere.json'), /does not exist/);
  });

  it('an enormous config (3 MB) is refused without being parsed', () => {
    const path = join(dir, 'enormous.json');
    writeFileSync(path, `{"allow": [${Array(200_000).fill('"officials say"').join(',')}]}`);
    expectCleanError(runCli(['--config', path, 'draft.md'], {cwd: dir}), path, /too large/);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable config (no read permission)', () => {
    const path = join(dir, 'locked.json');
    writeFileSync(path, '{}');
    execFileSync('chmod', ['000', path]);
    expectCleanError(runCli(['--config', path, 'draft.md'], {cwd: dir}), path, /cannot be read/);
  });

  // A config that is not a regular file is refused: a named pipe with nobody writing would block for
  // ever, /dev/zero would read without end. The language server shares readConfigFile.
  it('a .whosaidrc.json that is a named pipe is refused, not read', () => {
    const desk = folder('desk-fifo-config');
    execFileSync('mkfifo', [join(desk, '.whosaidrc.json')]);
    writeFileSync(join(desk, 'story.md'), DRAFT);
    expectCleanError(
      runCli([join('desk-fifo-config', 'story.md')], {cwd: dir, timeoutMs: 8000}),
      join(desk, '.whosaidrc.json'),
      /regular file|cannot be read/
    );
  });

  it('--config /dev/zero is refused, not read', () => {
    expectCleanError(
      runCli(['--config', '/dev/zero', 'draft.md'], {cwd: dir, timeoutMs: 8000}),
      '/dev/zero',
      /regular file|cannot be read|too large/
    );
  });
});
