// Size and time: the documented size limit (maxLength, 2,000,000 UTF-16 code units by default,
// configurable), huge lines, floods of quote marks, binary input; and growth tests that the engine's
// work stays linear in the input for the shapes most likely to go quadratic. No wall-clock limits:
// the big inputs only have to finish (the test timeout bounds the wait), and linearity is checked as
// the ratio between sizes n and 4n. Growth tests retry twice: garbage collection in the test process
// can inflate one measurement, but a shape that really grows quadratically fails all three attempts.
import {describe, expect, it} from 'vitest';
import {analyze, parseConfig, resolveOptions} from '../../server/src/analysis';
import type {AnalysisResult} from '../../server/src/analysis/types';
import {SENTENCES} from './arbitraries';
import {checkResult} from './check-result';
import {growth, LINEAR_BOUND} from './timing';

const LIMIT = 2_000_000;
const BIG = 180_000; // ms: a bound on the wait for the multi-megabyte inputs, not a performance target

/** Invented wire copy, paragraph after paragraph, cut to exactly `length` code units. */
function draftOf(length: number, separator = '\n\n', sentences = SENTENCES): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const paragraph = `${sentences[i % sentences.length]} ${sentences[(i * 7 + 3) % sentences.length]}`;
    parts.push(paragraph);
    size += paragraph.length + separator.length;
  }
  return parts.join(separator).slice(0, length);
}

/** The sentences without quotation marks. */
const UNQUOTED = SENTENCES.filter((sentence) => !/["\u201c\u201d]/.test(sentence));

const declined = (result: AnalysisResult) => result.notices.filter((notice) => notice.startsWith('Not checked'));

describe('the size limit', () => {
  it(
    'a draft of exactly 2,000,000 characters (the default maxLength) is checked in full',
    () => {
      const text = draftOf(LIMIT);
      expect(text.length).toBe(LIMIT);
      const result = analyze(text, {format: 'markdown'});
      expect(declined(result)).toEqual([]);
      expect(result.findings.length).toBeGreaterThan(1000);
      // The last paragraphs are checked too, not only the beginning.
      expect(result.findings[result.findings.length - 1].start).toBeGreaterThan(LIMIT - 2000);
      checkResult(text, result);
    },
    BIG
  );

  it('one character over the limit is declined with a notice naming the size, the limit and the setting', () => {
    const result = analyze(draftOf(LIMIT + 1), {format: 'plaintext'});
    expect(result.findings).toEqual([]);
    expect(declined(result)).toEqual([
      'Not checked: the document has 2,000,001 characters, over the limit of 2,000,000 (setting "maxLength")'
    ]);
  });

  it('a 20 MB file is declined the same way, without being analysed', () => {
    const text = 'Officials said the ferry might sail. '.repeat(20_000_000 / 37 + 1);
    const result = analyze(text, {format: 'markdown'});
    expect(result.findings).toEqual([]);
    expect(result.stats.paragraphs).toBe(0);
    expect(declined(result)).toHaveLength(1);
    expect(declined(result)[0]).toMatch(
      /^Not checked: the document has 20,\d{3},\d{3} characters, over the limit of 2,000,000 \(setting "maxLength"\)$/
    );
  });

  it('the limit is configurable, in engine options and in .whosaidrc.json', () => {
    const text = draftOf(1001);
    expect(declined(analyze(text, {maxLength: 1001}))).toEqual([]);
    expect(declined(analyze(text, {maxLength: 1000}))).toHaveLength(1);
    const parsed = parseConfig('{"maxLength": 1000}', '/drafts/.whosaidrc.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const options = resolveOptions(parsed.config);
    expect(declined(analyze(text, options))[0]).toContain('over the limit of 1,000');
    // A raised limit lets a bigger draft through.
    const big = draftOf(LIMIT + 10);
    expect(declined(analyze(big.slice(0, 50_000), {maxLength: LIMIT + 10}))).toEqual([]);
  });
});

describe('huge lines, floods and binary input finish without an exception', () => {
  it(
    'one 1 MB line of sentences, plain text and Markdown',
    () => {
      const line = draftOf(1_000_000, ' ');
      expect(line.includes('\n')).toBe(false);
      for (const format of ['plaintext', 'markdown'] as const) {
        const result = analyze(line, {format});
        expect(result.findings.length).toBeGreaterThan(100);
        checkResult(line, result);
      }
    },
    BIG
  );

  it(
    'one 1 MB word, and a 1 MB line of one character',
    () => {
      for (const text of ['officials'.repeat(111_112), '-'.repeat(1_000_000), '\u{1F600}'.repeat(500_000)]) {
        for (const format of ['plaintext', 'markdown'] as const) checkResult(text, analyze(text, {format}));
      }
    },
    BIG
  );

  it(
    '100,000 quote marks: straight, opening curly, curly pairs, quoted words, apostrophes, one a line',
    () => {
      for (const text of [
        '"'.repeat(100_000),
        '\u201c'.repeat(100_000),
        '\u201c\u201d'.repeat(50_000),
        'a "b" '.repeat(50_000),
        "'".repeat(100_000),
        '"\n'.repeat(100_000)
      ]) {
        for (const format of ['plaintext', 'markdown'] as const) {
          const result = analyze(text, {format});
          checkResult(text, result);
        }
      }
    },
    BIG
  );

  // Deep nesting once overflowed the stack in the masking walk ('> ' x 10,000) or took 17 s ('- ' x 4,000).
  it(
    'Markdown nested 10,000 deep does not throw',
    () => {
      for (const text of ['> '.repeat(10_000) + 'The mayor said it might rain.', '- '.repeat(4_000) + 'Officials said it might rain.']) {
        checkResult(text, analyze(text, {format: 'markdown'}));
      }
    },
    BIG
  );

  it('binary input (random bytes read as UTF-8, Latin-1 or UTF-16) is declined as binary or checked, never thrown on', () => {
    let seed = 7;
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    for (const [encoding, text] of [
      ['utf8', bytes.toString('utf8')],
      ['latin1', bytes.toString('latin1')],
      ['utf16le', bytes.toString('utf16le')]
    ]) {
      for (const format of ['plaintext', 'markdown'] as const) {
        const result = analyze(text, {format});
        checkResult(text, result);
        // Random bytes read as UTF-16 rarely hold a NUL code unit: that reading is plausible text and is checked.
        if (encoding !== 'utf16le') expect(declined(result)[0], encoding).toMatch(/looks binary/);
      }
    }
    // Without NUL bytes, mostly control characters: declined too.
    const controls = Array.from({length: 50_000}, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
    expect(declined(analyze(controls))[0]).toMatch(/looks binary/);
  });
});

/**
 * Shapes of input whose cost must grow linearly. `n` is picked so the small size takes about 50 ms or
 * more: below that, garbage collection in the test process decides the ratio more than the engine does.
 */
const LINEAR_SHAPES: {name: string; n: number; make: (n: number) => string; format: 'plaintext' | 'markdown'}[] = [
  {name: 'many short paragraphs', n: 400, make: (n) => draftOf(n * 60), format: 'markdown'},
  {name: 'a long line of short sentences (no quotations)', n: 1600, make: (n) => draftOf(n * 60, ' ', UNQUOTED), format: 'plaintext'},
  {name: 'a long line of sentences with quotations', n: 1600, make: (n) => draftOf(n * 60, ' '), format: 'plaintext'},
  {name: 'one sentence of many plain words (no cue words)', n: 64_000, make: (n) => 'a '.repeat(n), format: 'plaintext'},
  {name: 'one long word', n: 100_000, make: (n) => 'x'.repeat(n), format: 'plaintext'},
  {name: 'straight quote marks only', n: 40_000, make: (n) => '"'.repeat(n), format: 'plaintext'},
  {name: 'opening curly quotes only', n: 40_000, make: (n) => '\u201c'.repeat(n), format: 'plaintext'},
  {
    name: 'Markdown emphasis and links in one paragraph',
    n: 300,
    make: (n) => '*Officials* said [the plan](https://example.org/a) might pass. '.repeat(n),
    format: 'markdown'
  },
  {
    name: 'nested block quotes (up to 4,000 deep)',
    n: 1000,
    make: (n) => '> '.repeat(n) + 'The mayor said it might rain.',
    format: 'markdown'
  },
  {
    name: 'an unclosed fence before many lines',
    n: 2000,
    make: (n) => '```\n' + 'Officials said it might rain.\n'.repeat(n),
    format: 'markdown'
  },
  {name: 'many TK marks', n: 8000, make: (n) => '[TK: name] '.repeat(n), format: 'plaintext'}
];

describe(`the engine's work grows linearly (time at 4n / time at n below ${LINEAR_BOUND})`, () => {
  for (const shape of LINEAR_SHAPES) {
    it(shape.name, {retry: 2, timeout: BIG}, () => {
      const g = growth(shape.make, shape.n, (text) => analyze(text, {format: shape.format}), 3, 20);
      if (process.env.WHOSAID_ROBUST_VERBOSE)
        console.info(`GROWTH ${shape.name}: ${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms (${g.ratio.toFixed(1)}x)`);
      expect(g.ratio, `${shape.name}: ${g.small.toFixed(1)} ms at n, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(LINEAR_BOUND);
    });
  }

  // The next three were quadratic until commit b9bc4d2 ("Engine stays linear on hostile paragraphs"):
  // '\u201c\u201d'.repeat(50_000) took over a minute, 'a "b" '.repeat(16_000) about 15 s and
  // 'said '.repeat(24_000) over 20 s. The sizes are where the old growth was unmistakable (and large
  // enough that the small size takes 150 ms or more, so timer noise cannot decide the ratio).
  it('many quotations in one paragraph', {retry: 2, timeout: BIG}, () => {
    const g = growth(
      (n) => 'a "b" '.repeat(n),
      12_000,
      (text) => analyze(text),
      3,
      20
    );
    expect(g.ratio, `${g.small.toFixed(1)} ms at n, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(LINEAR_BOUND);
  });

  it('many empty curly quotations in one line', {retry: 2, timeout: BIG}, () => {
    const g = growth(
      (n) => '\u201c\u201d'.repeat(n),
      32_000,
      (text) => analyze(text),
      3,
      20
    );
    expect(g.ratio, `${g.small.toFixed(1)} ms at n, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(LINEAR_BOUND);
  });

  it('one long sentence full of reporting verbs', {retry: 2, timeout: BIG}, () => {
    const g = growth(
      (n) => 'said '.repeat(n),
      10_000,
      (text) => analyze(text),
      3,
      20
    );
    expect(g.ratio, `${g.small.toFixed(1)} ms at n, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(LINEAR_BOUND);
  });
  // Long runs of emphasis marks once took remark quadratic time (10,000 a side: about 25 s).
  it(
    'a long run of emphasis marks around a phrase grows linearly',
    () => {
      // Five trials: one large run is a few milliseconds, and a single GC pause in it once read as 13x.
      const g = growth(
        (n) => '*'.repeat(n) + 'Officials said' + '*'.repeat(n),
        2000,
        (text) => analyze(text, {format: 'markdown'}),
        5,
        20
      );
      expect(g.ratio, `${g.small.toFixed(1)} ms at n, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(LINEAR_BOUND);
    },
    BIG
  );
});
