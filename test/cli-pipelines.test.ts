// whosaid in pipelines: GitHub Actions annotations (--format github), clear usage errors for an
// unknown format or command, and the pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {escapeData, escapeProperty, formatGithub} from '../server/src/cli/reporters/github';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'whosaid.js');
let dir: string;

function run(args: string[], cwd = dir) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
    env: {...process.env, NO_COLOR: '1'}
  });
  if (result.error) throw result.error;
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** The runner's reading of a workflow command: `::name k=v,k=v::data`, values unescaped. */
function parseCommand(line: string): {name: string; properties: Record<string, string>; data: string} {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of match[2].split(',')) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return {name: match[1], properties, data: unescape(match[3])};
}

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, encoding: 'utf8', timeout: 120_000});
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'whosaid-pipelines-'));
  writeFileSync(join(dir, 'mixed.md'), 'Experts say the port may close.\n\nThe senator claimed the vote was rigged.\n');
  writeFileSync(join(dir, 'clean.txt'), 'The council approved the budget on Tuesday.\n');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('--format github', () => {
  it("prints one workflow command a finding, at the JSON report's positions", () => {
    const out = run(['--format', 'github', 'mixed.md', 'clean.txt']);
    const report = JSON.parse(run(['--format', 'json', 'mixed.md']).stdout)[0];
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(report.messages.length);
    for (const [i, line] of lines.entries()) {
      const message = report.messages[i];
      const command = parseCommand(line);
      expect(command.name).toBe({error: 'error', warning: 'warning', info: 'notice', hint: 'notice'}[message.severity as string]);
      expect(command.properties).toEqual({
        file: 'mixed.md',
        line: String(message.line),
        col: String(message.column),
        endLine: String(message.endLine),
        endColumn: String(message.endColumn),
        title: `whosaid: ${message.ruleId}`
      });
      expect(command.data).toBe(message.message);
    }
    expect(lines[0]).toMatch(/^::warning file=mixed\.md,line=1,col=1,endLine=1,endColumn=8,title=whosaid%3A vague-source::Vague source/);
    expect(lines.some((line) => line.startsWith('::notice ') && line.includes('loaded-verb'))).toBe(true);
  });

  it('prints nothing for clean drafts, and honours --fail-on', () => {
    expect(run(['--format', 'github', 'clean.txt'])).toMatchObject({code: 0, stdout: ''});
    expect(run(['--format', 'github', '--fail-on', 'none', 'mixed.md']).code).toBe(0);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = formatGithub([
      {
        path: 'drafts/a,b: c%.md',
        messages: [
          {
            ruleId: 'hedge',
            severity: 'error',
            message: 'two\nlines, 5%: done',
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 9,
            actual: 'x',
            expected: [],
            url: '',
            source: 'whosaid'
          }
        ]
      }
    ]);
    expect(out).toBe(
      '::error file=drafts/a%2Cb%3A c%25.md,line=2,col=3,endLine=2,endColumn=9,title=whosaid%3A hedge::two%0Alines, 5%25: done\n'
    );
    const parsed = parseCommand(out.trimEnd());
    expect(parsed.properties.file).toBe('drafts/a,b: c%.md');
    expect(parsed.data).toBe('two\nlines, 5%: done');
  });
});

describe('usage errors name the valid choices and exit 2', () => {
  it('an unknown --format', () => {
    const out = run(['--format', 'xml', 'clean.txt']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^whosaid: unknown --format "xml"; the formats are text, json, sarif, github\n/);
    expect(out.stdout).toBe('');
    expect(run(['--format', 'csv', 'clean.txt']).stderr).toMatch(
      /^whosaid: unknown --format "csv"; the formats are text, json, sarif, github \(csv is a format of "whosaid sources"\)\n/
    );
  });

  it('an unknown command', () => {
    const out = run(['source', 'clean.txt']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^whosaid: unknown command "source" \(and no file or folder of that name\); the commands are: sources\./);
    expect(out.stdout).toBe('');
    // A file of a command-like name is still a draft.
    writeFileSync(join(dir, 'notes'), 'Experts say the port may close.\n');
    expect(run(['--format', 'json', 'notes']).code).toBe(1);
    // A missing path that cannot be a command is reported as a missing file.
    expect(run(['nope.md']).stderr).toBe('whosaid: nope.md: no such file or folder\n');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const yaml = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  /** The hook's fields, read from the YAML as plain `key: value` lines (the file is kept that simple). */
  const field = (name: string) => {
    const match = new RegExp(`^\\s+${name}: (.+)$`, 'm').exec(yaml);
    if (!match) throw new Error(`.pre-commit-hooks.yaml has no ${name}`);
    return match[1].trim().replace(/^'(.*)'$/, '$1');
  };

  it('declares one node hook on Markdown and text files', () => {
    expect(yaml).toMatch(/^- id: whosaid$/m);
    expect(field('language')).toBe('node');
    expect(field('entry')).toBe('whosaid');
    expect(field('pass_filenames')).toBe('true');
    const files = new RegExp(field('files'));
    for (const name of ['a.md', 'dir/b.markdown', 'c.txt']) expect(files.test(name), name).toBe(true);
    for (const name of ['a.js', 'mdfile', 'notes.txt.bak']) expect(files.test(name), name).toBe(false);
  });

  it('runs its entry as pre-commit does: the bin with the changed files as arguments', () => {
    // pre-commit installs the repository as a node package (npm install -g of the checkout), so
    // `whosaid` is package.json's bin; it appends the staged file names that match `files`.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const bin = join(ROOT, pkg.bin[field('entry')]);
    const files = new RegExp(field('files'));
    const staged = ['mixed.md', 'clean.txt', 'script.js'].filter((name) => files.test(name));
    expect(staged).toEqual(['mixed.md', 'clean.txt']);
    writeFileSync(join(dir, 'script.js'), 'console.log(1)\n');
    expect(yaml).not.toMatch(/^\s+args:/m);
    const args: string[] = [];
    const fail = spawnSync(process.execPath, [bin, ...args, ...staged], {cwd: dir, encoding: 'utf8'});
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('mixed.md');
    expect(fail.stdout).toContain('vague-source');
    const pass = spawnSync(process.execPath, [bin, ...args, 'clean.txt'], {cwd: dir, encoding: 'utf8'});
    expect(pass.status).toBe(0);
  });
});
