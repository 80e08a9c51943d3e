// Catastrophic backtracking: every regular expression literal in the engine, the CLI, the config
// reader and the language server (found with the TypeScript parser, so a new one is tested without
// anyone listing it) is fed generated worst cases, and the time at size 4n is compared with size n.
// Linear matching grows about 4x; a pattern that backtracks over the whole input grows 16x or more.
//
// Worst cases: each character class or literal character of the pattern (and a set of usual suspects:
// white space, line ends, quotes, digits, Markdown marks) repeated, alone or in pairs, behind prefixes
// that get past a pattern's opening literal ("<!-- whosaid-disable ", "https://", "[TK" ...), and
// followed by a character that makes the match fail at the very end. A cheap screening run at one size
// picks each pattern's slowest candidates; those are then measured at n and 4n (best of 3, CPU time).
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';
import {SENTENCES} from './arbitraries';
import {growth, LINEAR_BOUND} from './timing';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['server/src/analysis', 'server/src/cli', 'server/src/node', 'server/src/lsp'];

interface FoundRegex {
  where: string;
  literal: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every regular expression literal, and every `new RegExp('literal')` with a constant pattern. */
function findRegexes(): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        found.push({where: where(node), literal, regex: new RegExp(literal.slice(1, slash), literal.slice(slash + 1))});
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
          found.push({
            where: where(node),
            literal: `new RegExp(${pattern.getText()})`,
            regex: new RegExp(pattern.text, flags ? (flags as ts.StringLiteral).text : '')
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const USUAL_SUSPECTS = [...' \t\n\r\u00a0aAz1.,;:-_"\'\u201c\u201d\u2018\u2019<>[](){}*`#|~!?/\\=+&%$@^\u00e9\u2014'];
const PREFIXES = [
  '',
  '<!-- whosaid-disable ',
  '<!--',
  'https://',
  'www.',
  '[TK',
  '[',
  '<a',
  '> ',
  '- ',
  '1. ',
  '```',
  '---',
  '# ',
  '|',
  '{',
  '1,000',
  "'s",
  ' '
];
const SUFFIXES = ['', '\u0001', '\n\u0001'];

/** Characters a pattern mentions: its literal characters and a representative of each escape. */
function patternAlphabet(regex: RegExp): string[] {
  const chars = new Set<string>();
  const src = regex.source;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch !== '\\') {
      chars.add(ch);
      continue;
    }
    const next = src[++i];
    if (next === 'u' && src[i + 1] === '{') {
      const close = src.indexOf('}', i);
      chars.add(String.fromCodePoint(parseInt(src.slice(i + 2, close), 16)));
      i = close;
    } else if (next === 'u') {
      chars.add(String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16)));
      i += 4;
    } else if (next === 'p' || next === 'P') {
      chars.add('a').add('\u00e9').add('A').add('1');
      i = src.indexOf('}', i);
    } else if (next === 's') chars.add(' ').add('\n').add('\t');
    else if (next === 'd') chars.add('7');
    else if (next === 'w') chars.add('a').add('_');
    else if (next === 'b' || next === 'B') continue;
    else if (next !== undefined) chars.add(next);
  }
  return [...chars];
}

interface Candidate {
  label: string;
  make: (n: number) => string;
}

function candidates(regex: RegExp): Candidate[] {
  const own = patternAlphabet(regex);
  const singles = [...new Set([...own, ...USUAL_SUSPECTS])];
  const pairChars = [...new Set([...own, ' ', 'a', '\n'])].slice(0, 24);
  const out: Candidate[] = [];
  for (const prefix of PREFIXES) {
    for (const suffix of SUFFIXES) {
      for (const ch of singles)
        out.push({
          label: `${JSON.stringify(prefix)} + ${JSON.stringify(ch)} x n + ${JSON.stringify(suffix)}`,
          make: (n) => prefix + ch.repeat(n) + suffix
        });
    }
  }
  for (const a of pairChars) {
    for (const b of pairChars) {
      if (a === b) continue;
      for (const suffix of SUFFIXES)
        out.push({label: `${JSON.stringify(a + b)} x n/2 + ${JSON.stringify(suffix)}`, make: (n) => (a + b).repeat(n / 2) + suffix});
    }
  }
  return out;
}

function runRegex(regex: RegExp): (input: string) => void {
  return (input) => {
    regex.lastIndex = 0;
    regex.test(input);
  };
}

/** The slowest few candidates at one size, by a single timed run each. */
function screen(regex: RegExp, size: number, keep = 3): Candidate[] {
  const run = runRegex(regex);
  const timed: {candidate: Candidate; ms: number}[] = [];
  for (const candidate of candidates(regex)) {
    const input = candidate.make(size);
    const start = process.hrtime.bigint();
    run(input);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    timed.push({candidate, ms});
    // Already found a pattern that backtracks badly: no need to look further.
    if (ms > 50) break;
  }
  timed.sort((a, b) => b.ms - a.ms);
  return timed.slice(0, keep).map((t) => t.candidate);
}

/** Normal prose of a given length, for comparison in failure messages. */
function prose(n: number): string {
  let text = '';
  for (let i = 0; text.length < n; i++) text += SENTENCES[i % SENTENCES.length] + (i % 3 === 2 ? '\n\n' : ' ');
  return text.slice(0, n);
}

/**
 * Patterns known to backtrack, each with the bug it is. Their tests are `it.fails` until fixed;
 * keyed by the pattern's literal text so a moved line keeps its entry.
 */
const KNOWN_SLOW: Record<string, string> = {
  // None open. mask.ts MARKDOWN_SYNTAX (`^\s*` under the m flag, quadratic on runs of line ends) was
  // listed here until commit b9bc4d2 rewrote it.
};

const REGEXES = findRegexes();
const SMALL = 4000; // n; the growth is measured from n to 4n

describe(`regular expressions: time at 4n / time at n below ${LINEAR_BOUND} on each pattern's worst generated input`, () => {
  it('finds the patterns (the engine alone has dozens)', () => {
    expect(REGEXES.length).toBeGreaterThan(50);
    expect(REGEXES.some((r) => r.where.startsWith('server/src/cli/'))).toBe(true);
  });

  it('the method catches a pattern that backtracks (a control: /[ \\t]+x/ on spaces is quadratic)', () => {
    const regex = /[ \t]+x/;
    const worst = screen(regex, 2 * SMALL);
    const g = growth(worst[0].make, SMALL, runRegex(regex), 3, 5);
    expect(g.ratio).toBeGreaterThanOrEqual(LINEAR_BOUND);
  });

  for (const found of REGEXES) {
    const known = KNOWN_SLOW[found.literal];
    const title = `${found.where} ${found.literal}${known ? ` (${known})` : ''}`;
    (known ? it.fails : it)(title, {retry: known ? 0 : 1, timeout: 60_000}, () => {
      const run = runRegex(found.regex);
      const worst = screen(found.regex, 2 * SMALL);
      let slowest = {label: '', ratio: 0, small: 0, large: 0};
      for (const candidate of worst) {
        const g = growth(candidate.make, SMALL, run, 3, 5);
        if (g.ratio > slowest.ratio) slowest = {label: candidate.label, ...g};
        if (g.ratio >= LINEAR_BOUND) break;
      }
      const normal = growth(prose, SMALL, run, 1, 5);
      expect(
        slowest.ratio,
        `${found.literal} on ${slowest.label}: ${slowest.small.toFixed(3)} ms at n=${SMALL}, ${slowest.large.toFixed(3)} ms at 4n ` +
          `(normal prose of 4n: ${normal.large.toFixed(3)} ms)`
      ).toBeLessThan(LINEAR_BOUND);
    });
  }
});
