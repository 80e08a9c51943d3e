// Every finding on every labeled fixture sentence (test/fixtures/news) keeps the invariants the
// editor relies on: actual is the text at [start, end), the paragraph holds it, and every quick-fix
// edit applies cleanly and stays inside the finding's sentence.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyze} from '../../../server/src/analysis';
import {applyEdits} from '../../helpers/apply-edits';
import {sentenceAround} from './support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'news');
const items = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) =>
    readFileSync(join(FIXTURES, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as {id: string; text: string})
  );

describe('invariants over the labeled fixtures', () => {
  it('there are fixtures to check', () => {
    expect(items.length).toBeGreaterThan(150);
  });

  it('every finding: actual, paragraph, and quick-fix edits inside its sentence', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const item of items) {
      for (const finding of analyze(item.text).findings) {
        checked++;
        const where = `${item.id} ${finding.ruleId} "${finding.actual}"`;
        if (item.text.slice(finding.start, finding.end) !== finding.actual)
          problems.push(`${where}: actual is not the text at its offsets`);
        if (finding.paragraph.start > finding.start || finding.paragraph.end < finding.end)
          problems.push(`${where}: outside its paragraph`);
        const sentence = {
          start: sentenceAround(item.text, finding.start).start,
          end: sentenceAround(item.text, Math.max(finding.start, finding.end - 1)).end
        };
        for (const suggestion of finding.suggestions) {
          try {
            applyEdits(item.text, suggestion.edits);
          } catch (error) {
            problems.push(`${where}: ${suggestion.title}: ${(error as Error).message}`);
          }
          for (const edit of suggestion.edits) {
            if (edit.start < sentence.start || edit.end > sentence.end) {
              problems.push(
                `${where}: ${suggestion.title}: edit ${JSON.stringify(edit)} outside ${JSON.stringify(item.text.slice(sentence.start, sentence.end))}`
              );
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
