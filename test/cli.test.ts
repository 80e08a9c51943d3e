// The whosaid command line as a child process: exit codes, the JSON contract, SARIF, stdin, folders,
// configs, and the inputs that must fail cleanly (missing, invalid UTF-8, binary, symlink loops).
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {RULE_IDS} from '../server/src/analysis';
import {validateSarif} from './helpers/sarif';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'whosaid.js');
let dir: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const memo = new Map<string, Run>();

/** Runs the CLI; identical runs (same arguments, no input) are done once, since each costs a process. */
function whosaid(args: string[], options: {input?: string | Buffer; cwd?: string} = {}): Run {
  const key = options.input === undefined && options.cwd === undefined ? JSON.stringify(args) : null;
  const cached = key ? memo.get(key) : undefined;
  if (cached) return cached;
  const run = spawnWhosaid(args, options);
  if (key) memo.set(key, run);
  return run;
}

function spawnWhosaid(args: string[], options: {input?: string | Buffer; cwd?: string}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? dir,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    env: {...process.env, NO_COLOR: '1'}
  });
  if (result.error) throw result.error;
  return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr};
}

function json(run: Run): JsonReport[] {
  try {
    return JSON.parse(run.stdout) as JsonReport[];
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

interface JsonSpan {
  text?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface JsonMessage extends JsonSpan {
  ruleId: string;
  severity: string;
  message: string;
  actual: string;
  expected: string[];
  url: string;
  source: string;
}
interface JsonReport {
  path: string;
  messages: JsonMessage[];
  attributions?: {
    kind: string;
    cue: JsonSpan;
    source: JsonSpan | null;
    content: JsonSpan | null;
    quote: boolean;
    anonymityReason: string | null;
  }[];
  notices?: string[];
}

/** 1-based line and column (UTF-16, end exclusive) back to an offset in the file's text. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  const breaks = /\r\n|\r|\n/g;
  for (let l = 1; l < line; l++) {
    const match = breaks.exec(text);
    if (!match) throw new Error(`line ${line} past the end`);
    start = match.index + match[0].length;
  }
  return start + column - 1;
}
const sliceOf = (text: string, span: JsonSpan) =>
  text.slice(offsetOf(text, span.line, span.column), offsetOf(text, span.endLine, span.endColumn));

const noStack = (run: Run) => {
  expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(run.signal).toBeNull();
};

// Drafts (invented wire copy).
const WARNING = 'The ruling could slow two other projects.\n';
const CLEAN = 'The council approved the budget on Tuesday.\n';
const INFO_ONLY = 'The senator claimed the vote was rigged.\n';
// CRLF, a non-BMP character before findings on the same line, findings on several lines.
const MIXED =
  'Port draft 🚢 — the ruling could slow two other projects.\r\n\r\nExperts say the port may close.\r\nPrices rose 3 percent in May.\r\n\r\nMaria Olsen said the port would close, and it might.\r\n';

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, encoding: 'utf8', timeout: 120_000});
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-'));
  writeFileSync(join(dir, 'warning.md'), WARNING);
  writeFileSync(join(dir, 'clean.txt'), CLEAN);
  writeFileSync(join(dir, 'info.txt'), INFO_ONLY);
  writeFileSync(join(dir, 'mixed.txt'), MIXED);
  writeFileSync(join(dir, 'anonymous.md'), 'A senior diplomat said the talks had stalled.\n');
  writeFileSync(join(dir, 'invalid.txt'), Buffer.from([0x54, 0x68, 0x65, 0x20, 0xff, 0xfe, 0x20, 0x70, 0x6f, 0x72, 0x74, 0x0a]));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'ap.json'), '{"preset": "ap"}');
  writeFileSync(join(dir, 'hedge-off.json'), '{"rules": {"hedge": "off"}}');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('exit codes', () => {
  it('0 for a clean draft, with a summary line', () => {
    const run = whosaid(['clean.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('\u2714 No sourcing problems in 1 file\n');
    expect(run.stderr).toBe('');
  });

  it('1 for a warning, with the stylish text report', () => {
    const run = whosaid(['warning.md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'warning.md\n  1:12  warning  Hedge "could" in the writer\'s voice: say who thinks so, or state what is known  hedge\n\n\u2716 1 finding (1 warning) in 1 file\n'
    );
  });

  it('0 when the findings are below the fail level (info)', () => {
    expect(whosaid(['info.txt']).code).toBe(0);
  });

  it('2 for usage errors, with the help text', () => {
    for (const args of [
      ['--format', 'xml', 'clean.txt'],
      ['--no-such-option', 'clean.txt']
    ]) {
      const run = whosaid(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^whosaid: /);
      expect(run.stderr).toContain('Usage: whosaid');
      noStack(run);
    }
  });

  it('2 for a missing file, naming it', () => {
    const run = whosaid(['nope.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('whosaid: nope.md: no such file or folder\n');
  });

  it('--help and --version exit 0', () => {
    expect(whosaid(['--help']).stdout).toContain('Usage: whosaid');
    expect(whosaid(['-v'])).toMatchObject({code: 0, stdout: '0.1.0\n'});
  });
});

describe('--format json: the contract', () => {
  it('an array of {path, messages}, every message complete and pointing at its text', () => {
    const run = whosaid(['--format', 'json', 'mixed.txt', 'warning.md', 'clean.txt']);
    expect(run.code).toBe(1);
    const reports = json(run);
    expect(reports.map((r) => r.path)).toEqual(['mixed.txt', 'warning.md', 'clean.txt']);
    expect(reports[2]).toEqual({path: 'clean.txt', messages: []});
    const texts: Record<string, string> = {'mixed.txt': MIXED, 'warning.md': WARNING};
    for (const report of reports.slice(0, 2)) {
      expect(Object.keys(report).sort()).toEqual(['messages', 'path']);
      expect(report.messages.length).toBeGreaterThan(0);
      for (const message of report.messages) {
        expect(Object.keys(message).sort()).toEqual(
          ['actual', 'column', 'endColumn', 'endLine', 'expected', 'line', 'message', 'ruleId', 'severity', 'source', 'url'].sort()
        );
        expect(RULE_IDS).toContain(message.ruleId);
        expect(['error', 'warning', 'info', 'hint']).toContain(message.severity);
        expect(message.source).toBe('whosaid');
        expect(message.url).toMatch(new RegExp(`/docs/rules/${message.ruleId}\\.md$`));
        expect(Array.isArray(message.expected)).toBe(true);
        for (const value of [message.line, message.column, message.endLine, message.endColumn])
          expect(Number.isInteger(value) && value >= 1).toBe(true);
        // 1-based, end column exclusive: the span is exactly the flagged text.
        expect(sliceOf(texts[report.path], message)).toBe(message.actual);
      }
    }
  });

  it('exact positions in a CRLF file with a character outside the BMP', () => {
    const [report] = json(whosaid(['--format', 'json', 'mixed.txt']));
    const brief = report.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.actual]);
    // The ship is two UTF-16 code units; columns count code units, like LSP and JavaScript.
    const column = MIXED.indexOf('could') + 1;
    expect(column).toBe(28);
    expect(brief).toContainEqual(['hedge', 1, column, 1, column + 5, 'could']);
    expect(brief).toContainEqual(['vague-source', 3, 1, 3, 8, 'Experts']);
    expect(brief).toContainEqual(['unsourced-statistic', 4, 13, 4, 22, '3 percent']);
    // "might" in Maria Olsen's sentence is her word: info.
    expect(report.messages.find((m) => m.actual === 'might')).toMatchObject({ruleId: 'hedge', severity: 'info', line: 6});
  });

  it('--attributions adds the attribution model, with positions', () => {
    const [report] = json(whosaid(['--format', 'json', '--attributions', 'mixed.txt']));
    expect(report.attributions).toBeDefined();
    const olsen = report.attributions!.find((a) => a.source?.text === 'Maria Olsen');
    expect(olsen).toMatchObject({
      kind: 'named',
      cue: {text: 'said', line: 6, column: 13, endLine: 6, endColumn: 17},
      source: {text: 'Maria Olsen', line: 6, column: 1, endLine: 6, endColumn: 12},
      quote: false,
      anonymityReason: null
    });
    for (const attribution of report.attributions!) {
      for (const span of [attribution.cue, attribution.source, attribution.content]) if (span) expect(sliceOf(MIXED, span)).toBe(span.text);
      expect(['named', 'institutional', 'media', 'document', 'anonymous', 'vague']).toContain(attribution.kind);
    }
    expect(json(whosaid(['--format', 'json', 'mixed.txt']))[0].attributions).toBeUndefined();
  });

  it('a notice for a binary file: reported, not checked, no crash', () => {
    const run = whosaid(['--format', 'json', 'binary.txt']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(json(run)).toEqual([
      {path: 'binary.txt', messages: [], notices: ['Not checked: the file looks binary (it contains NUL bytes)']}
    ]);
    expect(whosaid(['binary.txt']).stdout).toContain('notice  Not checked: the file looks binary');
  });
});

describe('--format sarif', () => {
  it('a valid SARIF 2.1.0 log with every rule and the findings as results', () => {
    const run = whosaid(['--format', 'sarif', 'mixed.txt', 'clean.txt']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('whosaid');
    expect(driver.rules.map((rule: {id: string}) => rule.id)).toEqual([...RULE_IDS]);
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: {uri: string};
          region: JsonSpan & {startLine: number; startColumn: number; snippet: {text: string}};
        };
      }[];
    }[];
    const [report] = json(whosaid(['--format', 'json', 'mixed.txt']));
    expect(results).toHaveLength(report.messages.length);
    results.forEach((result, i) => {
      const message = report.messages[i];
      expect(result.ruleId).toBe(message.ruleId);
      expect(result.level).toBe({error: 'error', warning: 'warning', info: 'note', hint: 'note'}[message.severity]);
      const {artifactLocation, region} = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).toMatch(/^file:\/\/.*\/mixed\.txt$/);
      expect([region.startLine, region.startColumn, region.endLine, region.endColumn]).toEqual([
        message.line,
        message.column,
        message.endLine,
        message.endColumn
      ]);
      expect(region.snippet.text).toBe(message.actual);
      expect(
        sliceOf(MIXED, {line: region.startLine, column: region.startColumn, endLine: region.endLine, endColumn: region.endColumn})
      ).toBe(message.actual);
    });
  });

  it('a clean run is a valid log with no results', () => {
    const log = JSON.parse(whosaid(['--format', 'sarif', 'clean.txt']).stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });

  it('the validator catches broken logs (it can fail)', () => {
    expect(validateSarif({version: '2.0.0', runs: []})).toEqual(['$.version: must be "2.1.0" (got "2.0.0")']);
    expect(validateSarif({version: '2.1.0'})).toContain('$: missing required "runs"');
    const bad = {
      version: '2.1.0',
      runs: [
        {
          tool: {driver: {name: 'x', rules: [{id: 'a'}]}},
          results: [
            {
              ruleId: 'b',
              ruleIndex: 0,
              level: 'info',
              message: {},
              locations: [{physicalLocation: {artifactLocation: {uri: 'f'}, region: {startLine: 0}}}]
            }
          ]
        }
      ]
    };
    expect(validateSarif(bad)).toEqual([
      '$.runs[0].results[0].message: needs "text" or "id"',
      '$.runs[0].results[0].level: bad enum value "info"',
      '$.runs[0].results[0].ruleIndex: does not point at rule "b"',
      '$.runs[0].results[0].locations[0].physicalLocation.region.startLine: must be an integer >= 1'
    ]);
  });
});

describe('--fail-on and --quiet', () => {
  it('--fail-on error: warnings pass, errors fail', () => {
    expect(whosaid(['--fail-on', 'error', 'warning.md']).code).toBe(0);
    expect(whosaid(['--fail-on', 'error', '--config', 'ap.json', 'anonymous.md']).code).toBe(1);
  });

  it('--fail-on info and hint count information', () => {
    expect(whosaid(['--fail-on', 'info', 'info.txt']).code).toBe(1);
    expect(whosaid(['--fail-on', 'hint', 'info.txt']).code).toBe(1);
  });

  it('--fail-on none never fails on findings, but still reports them', () => {
    const run = whosaid(['--fail-on', 'none', '--format', 'json', '--config', 'ap.json', 'anonymous.md']);
    expect(run.code).toBe(0);
    expect(json(run)[0].messages.map((m) => m.severity)).toEqual(['error']);
    // Input errors are still errors.
    expect(whosaid(['--fail-on', 'none', 'nope.md']).code).toBe(2);
  });

  it('--quiet keeps only findings at or above the fail level', () => {
    const loud = json(whosaid(['--format', 'json', 'mixed.txt']))[0].messages;
    const quiet = json(whosaid(['--format', 'json', '--quiet', 'mixed.txt']))[0].messages;
    expect(loud.some((m) => m.severity === 'info')).toBe(true);
    expect(quiet).toEqual(loud.filter((m) => m.severity === 'warning' || m.severity === 'error'));
    expect(json(whosaid(['--format', 'json', '--quiet', '--fail-on', 'error', 'mixed.txt']))[0].messages).toEqual([]);
    const text = whosaid(['--quiet', 'info.txt']);
    expect(text.stdout).not.toContain('loaded-verb');
  });
});

describe('standard input', () => {
  it('"-" reads standard input as <stdin>, plain text', () => {
    const run = whosaid(['--format', 'json', '-'], {input: WARNING});
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject([{path: '<stdin>', messages: [{ruleId: 'hedge', line: 1, column: 12, actual: 'could'}]}]);
  });

  it('piped input with no paths', () => {
    const run = whosaid(['--format', 'json'], {input: WARNING});
    expect(json(run)).toMatchObject([{path: '<stdin>', messages: [{ruleId: 'hedge'}]}]);
  });

  it('--stdin-filename names it and picks the format by extension', () => {
    const input = 'See `might` in the glossary. The ruling could slow two other projects.\n';
    const markdown = json(whosaid(['--format', 'json', '--stdin-filename', 'x.md', '-'], {input}));
    expect(markdown[0].path).toBe('x.md');
    expect(markdown[0].messages.map((m) => m.actual)).toEqual(['could']);
    const plain = json(whosaid(['--format', 'json', '--stdin-filename', 'x.txt', '-'], {input}));
    expect(plain[0].messages.map((m) => m.actual)).toEqual(['might', 'could']);
  });

  it('invalid UTF-8 on standard input: exit 2, a message, no stack', () => {
    const run = whosaid(['-'], {input: Buffer.from([0x41, 0xff, 0x0a])});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not valid UTF-8');
    noStack(run);
  });
});

describe('folders', () => {
  let tree: string;
  beforeAll(() => {
    tree = join(dir, 'tree');
    mkdirSync(join(tree, 'a'), {recursive: true});
    mkdirSync(join(tree, 'node_modules', 'pkg'), {recursive: true});
    mkdirSync(join(tree, '.git'), {recursive: true});
    writeFileSync(join(tree, 'b.md'), WARNING);
    writeFileSync(join(tree, 'a', 'z.txt'), CLEAN);
    writeFileSync(join(tree, 'a', 'b.markdown'), WARNING);
    writeFileSync(join(tree, 'c.MD'), CLEAN);
    writeFileSync(join(tree, 'notes.rtf'), WARNING);
    writeFileSync(join(tree, 'image.png'), WARNING);
    writeFileSync(join(tree, '.hidden.md'), WARNING);
    writeFileSync(join(tree, 'node_modules', 'pkg', 'README.md'), WARNING);
    writeFileSync(join(tree, '.git', 'notes.md'), WARNING);
  });

  it('recurses into .md, .markdown and .txt drafts, in a stable sorted order', () => {
    const run = whosaid(['--format', 'json', 'tree']);
    expect(json(run).map((r) => r.path)).toEqual(['tree/a/b.markdown', 'tree/a/z.txt', 'tree/b.md', 'tree/c.MD']);
    expect(run.code).toBe(1);
    // The same order again.
    expect(json(whosaid(['--format', 'json', 'tree'])).map((r) => r.path)).toEqual(json(run).map((r) => r.path));
  });

  it('a folder with no drafts: exit 2 and a clear message', () => {
    mkdirSync(join(dir, 'nodrafts', 'deeper'), {recursive: true});
    writeFileSync(join(dir, 'nodrafts', 'photo.jpg'), 'not a draft');
    const run = whosaid(['nodrafts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('whosaid: nodrafts: no drafts (.md, .markdown, .txt) in this folder\n');
  });

  it('a directory loop through symbolic links terminates without a crash', () => {
    const loop = join(dir, 'loop');
    mkdirSync(join(loop, 'sub'), {recursive: true});
    writeFileSync(join(loop, 'sub', 'draft.md'), WARNING);
    symlinkSync('..', join(loop, 'sub', 'up'));
    symlinkSync(join(loop, 'sub'), join(loop, 'again'));
    const run = whosaid(['--format', 'json', 'loop']);
    noStack(run);
    expect([0, 1, 2]).toContain(run.code);
    expect(run.code).toBe(1);
    // Each real draft once.
    expect(json(run).map((r) => r.path)).toEqual(['loop/again/draft.md']);
  });

  it('a symbolic link pointing at itself is an input error, not a crash', () => {
    symlinkSync('self.md', join(dir, 'self.md'));
    const run = whosaid(['self.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('self.md');
    noStack(run);
  });

  it('--jobs 2 gives the same output as --jobs 1 on a folder of 10 drafts', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const lines = [
      WARNING,
      'Experts say the port may close.\n',
      'Prices rose 3 percent in May.\n',
      INFO_ONLY,
      CLEAN,
      'A senior diplomat said the talks had stalled.\n'
    ];
    for (let i = 0; i < 10; i++)
      writeFileSync(
        join(many, `draft-${String(i).padStart(2, '0')}.md`),
        `# Draft ${i}\n\n${lines[i % lines.length]}\n${lines[(i + 2) % lines.length]}`
      );
    const one = whosaid(['--format', 'json', '--attributions', '--jobs', '1', 'many']);
    const two = whosaid(['--format', 'json', '--attributions', '--jobs', '2', 'many']);
    const auto = whosaid(['--format', 'json', '--attributions', 'many']);
    expect(json(one)).toHaveLength(10);
    expect(two.stdout).toBe(one.stdout);
    expect(auto.stdout).toBe(one.stdout);
    expect([two.code, auto.code]).toEqual([one.code, one.code]);
  });

  it('--jobs 3 reports unreadable drafts and broken configs exactly as --jobs 1 does, in the same order', () => {
    const mixed = join(dir, 'mixed');
    const broken = join(mixed, 'broken');
    mkdirSync(broken, {recursive: true});
    writeFileSync(join(broken, '.whosaidrc.json'), '{"preset": ');
    for (let i = 0; i < 9; i++) {
      const folder = i % 4 === 1 ? broken : mixed;
      const body = i % 3 === 0 ? Buffer.from([0xff, 0xfe, 0x41]) : `# Draft ${i}\n\nExperts say the port may close.\n`;
      writeFileSync(join(folder, `draft-${i}.md`), body);
    }
    const one = whosaid(['--format', 'json', '--jobs', '1', 'mixed']);
    const three = whosaid(['--format', 'json', '--jobs', '3', 'mixed']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('not valid UTF-8');
    expect(one.stderr).toContain('.whosaidrc.json');
    expect(json(one).length).toBeGreaterThan(2);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(three.code).toBe(one.code);
  });
});

describe('bad input files', () => {
  it('invalid UTF-8: exit 2, a message naming the file, no stack trace', () => {
    const run = whosaid(['invalid.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('whosaid: invalid.txt: not valid UTF-8 text (save the draft as UTF-8)\n');
    noStack(run);
  });

  it('one bad file among good ones: the good ones are still reported, exit 2', () => {
    const run = whosaid(['--format', 'json', 'warning.md', 'invalid.txt']);
    expect(run.code).toBe(2);
    expect(json(run).map((r) => r.path)).toEqual(['warning.md']);
    expect(run.stderr).toContain('invalid.txt');
  });
});

describe('configuration files', () => {
  let project: string;
  beforeAll(() => {
    project = join(dir, 'project');
    mkdirSync(join(project, 'desk', 'drafts'), {recursive: true});
    writeFileSync(join(project, '.whosaidrc.json'), '{\n  "preset": "ap"\n  "rules": {}\n}\n');
    writeFileSync(join(project, 'desk', 'drafts', 'story.md'), WARNING);
  });

  it('a broken .whosaidrc.json found upward: exit 2, naming the file, line and column', () => {
    const run = whosaid(['project/desk/drafts/story.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(project, '.whosaidrc.json')}:3:3: Invalid JSON: comma expected`);
    noStack(run);
  });

  it('--config overrides the one found upward', () => {
    const run = whosaid(['--format', 'json', '--config', 'hedge-off.json', 'project/desk/drafts/story.md']);
    expect(run.code).toBe(0);
    expect(json(run)).toEqual([{path: 'project/desk/drafts/story.md', messages: []}]);
  });

  it('a valid config found upward applies', () => {
    const other = join(dir, 'apdesk');
    mkdirSync(other);
    writeFileSync(join(other, '.whosaidrc'), '{"preset": "ap"}');
    writeFileSync(join(other, 'story.md'), 'A senior diplomat said the talks had stalled.\n');
    expect(json(whosaid(['--format', 'json', 'apdesk/story.md']))[0].messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['anonymous-source', 'error']
    ]);
  });

  it('--config with a missing or broken file: exit 2 with the file named', () => {
    const missing = whosaid(['--config', 'missing.json', 'clean.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`whosaid: ${join(dir, 'missing.json')}:1:1: The config file does not exist\n`);
    writeFileSync(join(dir, 'unknown-rule.json'), '{"rules": {"hedges": "off"}}');
    const unknown = whosaid(['--config', 'unknown-rule.json', 'clean.txt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown-rule.json:1:12: Unknown rule "hedges"');
  });
});
