// The grammar fuzzer's fast, seeded slice (the long run is `npm run fuzz`; docs/reliability.md).
// Documents made of the engine's own lexicon, in random orders and repetitions, must analyse without
// an exception, an unchecked paragraph or an invalid result, and the larger ones within 3x the time
// of ordinary news of the same size measured in the same run.
import {spawnSync} from 'node:child_process';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyze} from '../../server/src/analysis';
import {FLOOR_MS, NewsControl, runCase, SLOWDOWN_LIMIT, specLine, type AnalyzeFn, type CaseOutcome} from './fuzz-core';
import {CATEGORIES, generate, LEXICON_WORDS, QUOTE_MARKS, randomSpec, SHAPES, type CaseSpec} from './grammar';

const engine: AnalyzeFn = (text, options) => analyze(text, options);
/** FUZZ_SEED=n runs the slice from another first seed. */
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);

function describeBugs(outcomes: CaseOutcome[]): string {
  return outcomes.map((o) => `${specLine(o.spec)} ${o.generated.description.slice(0, 60)}: ${o.bug}`).join('\n');
}

describe('the grammar', () => {
  it('draws on the whole lexicon, quote marks of every kind and every shape', () => {
    expect(LEXICON_WORDS).toBeGreaterThan(2000);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(30);
    for (const category of CATEGORIES) expect(category.patterns.length, category.name).toBeGreaterThan(0);
    expect(QUOTE_MARKS).toEqual(expect.arrayContaining(['"', "'", '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e', '``']));
    const shapes = new Set(Array.from({length: 200}, (_, i) => randomSpec(i, 32, 4096).shape));
    expect([...shapes].sort()).toEqual([...SHAPES].sort());
  });

  it('is a pure function of the spec, and cuts the text to the size asked', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const spec = randomSpec(seed, 32, 8192);
      const a = generate(spec);
      expect(generate(spec).text).toBe(a.text);
      expect(a.text.length).toBeLessThanOrEqual(Math.max(spec.size, 1000));
    }
    expect(generate({seed: 7, shape: 'repeat', size: 1 << 20}).text.length).toBe(1 << 20);
    const doc = generate({seed: 3, shape: 'document', size: 2_000_000});
    expect(doc.text.split(/\n\n?/).length).toBeGreaterThan(5000);
  });
});

describe('fast slice', () => {
  it(
    `400 small documents (seeds ${FIRST_SEED}-${FIRST_SEED + 399}, 32 to 8,192 characters): no exception, every paragraph checked, valid results`,
    {timeout: 120_000},
    () => {
      const control = new NewsControl(engine);
      const bugs: CaseOutcome[] = [];
      let characters = 0;
      for (let seed = FIRST_SEED; seed < FIRST_SEED + 400; seed++) {
        const outcome = runCase(engine, control, randomSpec(seed, 32, 8192));
        characters += outcome.generated.text.length;
        // Small cases are not timed here (under the floor they are noise); anything else is a bug.
        if (outcome.bug && !outcome.bug.startsWith('slow')) bugs.push(outcome);
      }
      expect(describeBugs(bugs)).toBe('');
      expect(characters).toBeGreaterThan(200_000);
    }
  );

  it('one large case of each shape (65,536 characters): within 3x news of the same size', {timeout: 120_000}, () => {
    const control = new NewsControl(engine);
    const bugs: CaseOutcome[] = [];
    const slowAsMarkdown: CaseOutcome[] = [];
    for (const shape of SHAPES) {
      if (shape === 'sentence') continue;
      const spec: CaseSpec = {seed: FIRST_SEED + 10_000 + SHAPES.indexOf(shape), shape, size: 65_536};
      const outcome = runCase(engine, control, spec);
      if (outcome.bug) bugs.push(outcome);
      if (outcome.markdownParse) slowAsMarkdown.push(outcome);
    }
    expect(describeBugs(bugs), `over ${SLOWDOWN_LIMIT}x news and over ${FLOOR_MS} ms`).toBe('');
    // Paragraphs dense with Markdown constructs are an open finding (hostile.test.ts, docs/reliability.md);
    // they are reported, not hidden.
    if (slowAsMarkdown.length > 0)
      console.log(`slow only as Markdown: ${slowAsMarkdown.map((o) => `${specLine(o.spec)} ${o.markdownParse}`).join('; ')}`);
  });
});

describe('the long run (npm run fuzz)', () => {
  it('runs from its own bundle: a few seeded cases, every paragraph checked', {timeout: 120_000}, () => {
    // The bundle once replaced the build's defines with its own and could not find the part-of-speech
    // model: every case with a tagged paragraph was reported as a bug.
    const root = resolve(__dirname, '..', '..');
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'fuzz.mjs'), '--cases=100', '--seed=1', '--max-size=20000'], {
      cwd: root,
      encoding: 'utf8'
    });
    expect(run.stdout).toMatch(/^100 cases in /m);
    expect(run.stdout).toMatch(/^bugs: 0$/m);
    expect(run.status, run.stderr).toBe(0);
  });
});
