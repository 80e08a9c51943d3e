// The source list (`whosaid sources`, server/src/sources/list.ts): one row an attribution, in reading
// order, as Markdown, CSV (RFC 4180) and JSON; the seed article's list checked row by row.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {csvField, formatCsv, formatMarkdown, shorten, sourceList, type FileSourceList, type SourceEntry} from '../server/src/sources/list';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'whosaid.js');
const SEED = resolve(ROOT, '..', 'shared', 'examples', 'seed-article.txt');
let dir: string;

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: {...process.env, NO_COLOR: '1'}
  });
  if (result.error) throw result.error;
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i} outside quotes`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended with CRLF');
  return rows;
}

// Invented wire copy: a named source, a pronoun, an anonymous source with a reason, a vague crowd, a
// quote, and a comma and double quotes in the content (CSV quoting).
const DRAFT = [
  'Harbor Master Ines Duarte said the channel would reopen on Friday, weather permitting.',
  '',
  '"We are not worried, not yet," she told reporters.',
  '',
  'A port official, who was not authorized to speak publicly, said two cranes had failed.',
  '',
  'Analysts say the delays will cost shippers millions.',
  ''
].join('\n');

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, encoding: 'utf8', timeout: 120_000});
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'whosaid-sources-'));
  writeFileSync(join(dir, 'port.md'), DRAFT);
  writeFileSync(join(dir, 'clean.txt'), 'The council approved the budget on Tuesday.\n');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('whosaid sources', () => {
  it('lists every attribution of --attributions, in reading order, with its fields', () => {
    const out = run(['sources', '--format', 'json', 'port.md']);
    expect(out.code, out.stderr).toBe(0);
    const [file] = JSON.parse(out.stdout) as FileSourceList[];
    expect(file.path).toBe('port.md');
    const attributions = JSON.parse(run(['--format', 'json', '--attributions', '--fail-on', 'none', 'port.md']).stdout)[0].attributions;
    expect(file.sources).toHaveLength(attributions.length);
    const rows = file.sources.map((s) => [s.line, s.source, s.resolvesTo, s.kind, s.cue, s.quote, s.anonymityReason !== null, s.stance]);
    expect(rows).toEqual([
      [1, 'Harbor Master Ines Duarte', null, 'named', 'said', false, false, false],
      [3, 'she', 'Harbor Master Ines Duarte', 'named', 'told', true, false, false],
      [5, 'A port official, who was not authorized to speak publicly', null, 'anonymous', 'said', false, true, false],
      [7, 'Analysts', null, 'vague', 'say', false, false, false]
    ]);
    expect(file.sources[0].citedFor).toBe('the channel would reopen on Friday, weather permitting');
    expect(file.sources[2].anonymityReason).toMatch(/not authorized to speak publicly/);
    const lines = file.sources.map((s) => [s.line, s.column]);
    expect(lines).toEqual([...lines].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('prints a Markdown table by default, one heading a file', () => {
    const out = run(['sources', 'port.md', 'clean.txt']);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('## Sources in port.md');
    expect(lines[2]).toBe('| Line | Source | Resolves to | Kind | Cue | Cited for | Quote | Anonymity reason | Position | Stance |');
    expect(lines.filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(4);
    expect(out.stdout).toContain('| 3 | she | Harbor Master Ines Duarte | named | told |');
    expect(out.stdout).toContain('## Sources in clean.txt\n\nNo attributions found.');
    expect(out.stdout).toContain('4 attributions: 2 named, 1 anonymous, 1 vague');
  });

  it('prints CSV with a header and one RFC 4180 record an attribution', () => {
    const out = run(['sources', '--format', 'csv', 'port.md']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^File,Line,Column,Source,Resolves to,Kind,Cue,Cited for,Quote,Anonymity reason,Position,Stance\r\n/);
    const rows = parseCsv(out.stdout);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(12);
    expect(rows[1].slice(0, 7)).toEqual(['port.md', '1', '1', 'Harbor Master Ines Duarte', '', 'named', 'said']);
    // A comma and double quotes survive the round trip.
    expect(rows[2][7]).toBe('"We are not worried, not yet,"');
    expect(out.stdout).toContain('"""We are not worried, not yet,"""');
  });

  it('--bom starts the CSV with a byte-order mark for Excel, and is refused for other formats', () => {
    const out = run(['sources', '--format', 'csv', '--bom', 'port.md']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('\ufeffFile,Line,')).toBe(true);
    expect(run(['sources', '--format', 'csv', 'port.md']).stdout.startsWith('File,')).toBe(true);
    const refused = run(['sources', '--bom', 'port.md']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^whosaid sources: --bom is for --format csv/);
  });

  it('examples/wire-draft.md as CSV: a header and one row an attribution', () => {
    const csv = spawnSync(process.execPath, [BIN, 'sources', 'examples/wire-draft.md', '--format', 'csv'], {cwd: ROOT, encoding: 'utf8'});
    const attributions = JSON.parse(
      spawnSync(process.execPath, [BIN, '--format', 'json', '--attributions', 'examples/wire-draft.md'], {cwd: ROOT, encoding: 'utf8'})
        .stdout
    )[0].attributions;
    expect(csv.status).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows[0][0]).toBe('File');
    expect(rows.length - 1).toBe(attributions.length);
    expect(rows.length - 1).toBeGreaterThan(5);
  });

  it('the README shows rows the CLI prints', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.split('`whosaid sources examples/wire-draft.md` starts:')[1].split('```text\n')[1].split('```')[0];
    const printed = spawnSync(process.execPath, [BIN, 'sources', 'examples/wire-draft.md'], {cwd: ROOT, encoding: 'utf8'}).stdout;
    const lines = block.trim().split('\n');
    expect(lines.length).toBe(5);
    for (const line of lines) expect(printed.split('\n')).toContain(line);
  });

  it('reads standard input and folders like the checker', () => {
    const out = run(['sources', '--format', 'json', '--stdin-filename', 'in.md', '-'], 'Experts say the port may close.\n');
    expect(JSON.parse(out.stdout)).toMatchObject([{path: 'in.md', sources: [{source: 'Experts', kind: 'vague', cue: 'say'}]}]);
    const folder = JSON.parse(run(['sources', '--format', 'json', '.']).stdout) as FileSourceList[];
    expect(folder.map((f) => f.path)).toEqual(['clean.txt', 'port.md']);
  });

  it('says when a file was not checked (binary), instead of "No attributions found"', () => {
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const out = run(['sources', 'scan.txt']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^## Sources in scan\.txt\n\nNot checked: /);
    expect(out.stdout).not.toContain('No attributions found');
    expect(out.stderr).toMatch(/^whosaid: scan\.txt: Not checked/);
    const [file] = JSON.parse(run(['sources', '--format', 'json', 'scan.txt']).stdout) as FileSourceList[];
    expect(file).toMatchObject({path: 'scan.txt', sources: []});
    expect(file.notices?.[0]).toMatch(/^Not checked/);
    rmSync(join(dir, 'scan.txt'));
  });

  it('exits 2 naming the valid formats, or a missing file', () => {
    const bad = run(['sources', '--format', 'xlsx', 'port.md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^whosaid sources: unknown --format "xlsx" for sources; the formats are markdown, csv, json\n/);
    expect(bad.stdout).toBe('');
    const missing = run(['sources', 'nope.md']);
    expect(missing).toMatchObject({code: 2, stdout: ''});
    expect(missing.stderr).toBe('whosaid: nope.md: no such file or folder\n');
    expect(run(['sources', '--help'])).toMatchObject({code: 0});
  });
});

const entry = (fields: Partial<SourceEntry>): SourceEntry => ({
  line: 1,
  column: 1,
  source: 'Ana Ruiz',
  resolvesTo: null,
  kind: 'named',
  cue: 'said',
  citedFor: 'the plan',
  quote: false,
  anonymityReason: null,
  position: null,
  stance: false,
  ...fields
});

describe('formats', () => {
  it('CSV quotes only what needs it, doubles quotes, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const csv = formatCsv([{path: 'a,b.md', sources: [entry({citedFor: '=HYPERLINK("x")', source: '@home'})]}]);
    const rows = parseCsv(csv);
    expect(rows[1][0]).toBe('a,b.md');
    expect(rows[1][3]).toBe("'@home");
    expect(rows[1][7]).toBe('\'=HYPERLINK("x")');
  });

  it('Markdown cells never break the table', () => {
    const md = formatMarkdown([{path: 'x.md', sources: [entry({source: 'A | B', citedFor: 'line\nbreak *bold*'})]}]);
    const row = md.split('\n').find((line) => line.startsWith('| 1 |'))!;
    expect(row).toContain('A \\| B');
    expect(row).toContain('line break \\*bold\\*');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(10);
  });

  it('shortens the content on one line, at a word, with an ellipsis', () => {
    expect(shorten('short', 100)).toBe('short');
    const long = 'word '.repeat(40);
    const cut = shorten(long, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toMatch(/^word( word)*…$/);
    expect(shorten('a\n  b', 10)).toBe('a b');
  });

  it('sorts by where each attribution starts, then by cue', () => {
    const span = (line: number, column: number, text = 'x') => ({text, line, column, endLine: line, endColumn: column + 1});
    const base = {kind: 'named', content: null, quote: false, anonymityReason: null, resolvedSource: null, position: null, stance: false};
    const list = sourceList([
      {...base, cue: span(2, 20, 'said'), source: span(2, 1, 'B')},
      {...base, cue: span(1, 30, 'adding'), source: span(1, 1, 'A')},
      {...base, cue: span(1, 10, 'said'), source: span(1, 1, 'A')},
      // "..., said C": the quote first, the cue before the source.
      {...base, cue: span(1, 50, 'said'), source: span(1, 55, 'C')}
    ]);
    expect(list.map((s) => `${s.source} ${s.cue}`)).toEqual(['A said', 'A adding', 'C said', 'B said']);
  });
});

// The seed article (../shared, not in the repository): every attribution, checked by reading the
// article. Only the source names and cues are written here, never its sentences.
const seedSuite = existsSync(SEED) ? describe : describe.skip;
if (!existsSync(SEED)) console.log(`seed source list skipped: ${SEED} is not there (../shared is absent on this machine)`);

seedSuite('the seed article source list', () => {
  const list = (): SourceEntry[] => {
    const out = spawnSync(process.execPath, [BIN, 'sources', '--format', 'json', SEED], {cwd: ROOT, encoding: 'utf8'});
    expect(out.status, out.stderr).toBe(0);
    return (JSON.parse(out.stdout) as FileSourceList[])[0].sources;
  };

  it('is exactly the sources, kinds and cues of the article, in order', () => {
    const rows = list().map((s) => [s.line, s.source, s.kind, s.cue, s.quote ? 'quote' : '', s.stance ? 'stance' : '']);
    expect(rows).toEqual([
      [1, 'The Kremlin', 'institutional', 'confirmed', '', ''],
      // The same source, its second cue: the quoted words.
      [1, 'The Kremlin', 'institutional', 'stating', 'quote', ''],
      // The model's source span is the head of the agency's name (written in full before it).
      [1, 'news agency', 'media', 'reported', '', ''],
      [1, 'news agency', 'media', 'noting', '', ''],
      [3, 'South Korean media', 'vague', 'reported', '', ''],
      [3, 'unnamed government sources', 'anonymous', 'citing', '', ''],
      // "raises concerns from the United States about ...": the concern is the country's, a stance.
      [5, 'the United States', 'institutional', 'concerns', '', 'stance'],
      [5, 'the U.S.', 'institutional', 'warned', '', ''],
      [6, 'Ramon Pacheco Pardo, the Korea Chair at the Brussels School of Governance', 'named', 'suggests', '', ''],
      // Not sources of information: a country's support and a leader's aim, which the model marks as stances.
      [6, 'North Korea’s', 'institutional', 'support', '', 'stance'],
      [8, 'Kim', 'named', 'seek', '', 'stance'],
      [10, 'Journalists near the North Korea-Russia border', 'vague', 'spotted', '', ''],
      // "As of the latest reports, ...": whose reports, the reader cannot tell.
      [10, 'the latest reports', 'vague', 'As of', '', '']
    ]);
  });

  it('gives no reason for the anonymous sources and resolves nothing (no pronoun sources)', () => {
    const sources = list();
    const anonymous = sources.filter((s) => s.kind === 'anonymous');
    expect(anonymous.map((s) => [s.anonymityReason, s.position])).toEqual([[null, 'unnamed government sources']]);
    expect(sources.filter((s) => s.resolvesTo !== null)).toEqual([]);
  });
});

it('the seed article text stays out of the repository', () => {
  if (!existsSync(SEED)) return;
  const article = readFileSync(SEED, 'utf8');
  const sentences = article.split(/(?<=[.”])\s+/).filter((s) => s.length > 60);
  const self = readFileSync(__filename, 'utf8');
  for (const sentence of sentences) expect(self.includes(sentence)).toBe(false);
});
