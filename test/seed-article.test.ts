// Runs whosaid on the shared seed article and checks it against its editor's labels.
// The article lives outside the repository (../shared/examples); without it the suite is skipped.
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyze, type Finding} from '../server/src/analysis';
import {formatFailures, parseLabeled, formatLabelErrors, scoreItems} from './helpers/labels';

const ROOT = resolve(__dirname, '..');
const EXAMPLES = resolve(ROOT, '..', 'shared', 'examples');
const ARTICLE = join(EXAMPLES, 'seed-article.txt');
const LABELS = join(EXAMPLES, 'seed-article.labels.jsonl');
const present = existsSync(ARTICLE) && existsSync(LABELS);

const suite = present ? describe : describe.skip;
if (!present) {
  console.log(`seed-article test skipped: ${ARTICLE} and ${LABELS} are not there (../shared is absent on this machine)`);
}

suite('seed article (../shared/examples/seed-article.txt)', () => {
  it('meets every label with no false alarm', () => {
    const article = readFileSync(ARTICLE, 'utf8');
    const parsed = parseLabeled(readFileSync(LABELS, 'utf8'), 'seed-article.labels.jsonl');
    expect(parsed.errors, formatLabelErrors(parsed.errors)).toEqual([]);

    // Each label's text is a sentence of the article, verbatim.
    const missing = parsed.items.filter((item) => !article.includes(item.text)).map((item) => item.id);
    expect(missing, 'label texts not found verbatim in the article').toEqual([]);

    const findings: Finding[] = analyze(article, {format: 'plaintext'}).findings;
    const score = scoreItems(parsed.items, (text) => {
      const start = article.indexOf(text);
      const end = start + text.length;
      return findings.filter((f) => f.start >= start && f.start < end);
    });
    const failing = score.items.filter((r) => !r.ok);
    if (failing.length > 0)
      console.log(`seed article: ${failing.length} of ${score.items.length} sentences not met\n${formatFailures(failing)}`);
    expect(
      failing.map((r) => r.item.id),
      formatFailures(failing)
    ).toEqual([]);
  });
});
