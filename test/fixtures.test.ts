// Scores the engine against the labeled news sentences in test/fixtures/news/*.jsonl.
// Prints a per-rule table; fails below micro-F1 0.90 or when 3% or more of the clean items get a warning.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {analyze} from '../server/src/analysis';
import {
  duplicateIds,
  formatFailures,
  formatLabelErrors,
  formatScoreTable,
  parseLabeled,
  scoreItems,
  type LabeledItem,
  type LabelError,
  type Score
} from './helpers/labels';

const DIR = join(__dirname, 'fixtures', 'news');
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.jsonl'))
  .sort();

const items: LabeledItem[] = [];
const errors: LabelError[] = [];
for (const name of FILES) {
  const parsed = parseLabeled(readFileSync(join(DIR, name), 'utf8'), name);
  items.push(...parsed.items);
  errors.push(...parsed.errors);
}

const MIN_MICRO_F1 = 0.9;
const MAX_CLEAN_WARNED = 0.03;

describe('labeled news fixtures: the files', () => {
  it('has fixture files', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it('every line parses into a valid item', () => {
    expect(errors, formatLabelErrors(errors)).toEqual([]);
  });

  it('ids are unique across all files', () => {
    expect(duplicateIds(items)).toEqual([]);
  });
});

describe('labeled news fixtures: the engine', () => {
  let score: Score;

  beforeAll(() => {
    score = scoreItems(items, (text) => analyze(text, {format: 'plaintext'}));
    console.log(`whosaid on ${items.length} labeled items from ${FILES.length} files\n${formatScoreTable(score)}`);
    const failing = score.items.filter((r) => !r.ok);
    if (failing.length > 0) console.log(`\n${failing.length} items not met:\n${formatFailures(failing, 60)}`);
  });

  it(`micro-F1 is at least ${MIN_MICRO_F1}`, () => {
    expect(score.micro.f1, formatScoreTable(score)).toBeGreaterThanOrEqual(MIN_MICRO_F1);
  });

  it(`fewer than ${MAX_CLEAN_WARNED * 100}% of clean items get a warning`, () => {
    const warned = score.items.filter((r) => r.warned);
    expect(score.clean.share, formatFailures(warned)).toBeLessThan(MAX_CLEAN_WARNED);
  });
});
