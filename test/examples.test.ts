// The demo drafts in examples/: the clean brief must stay quiet, and the wire draft must show
// exactly the problems planted in it, each in its own sentence, and nothing else at warning level.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyze, type Finding, type RuleId} from '../server/src/analysis';

const EXAMPLES = join(__dirname, '..', 'examples');
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const warnings = (findings: Finding[]) => findings.filter((f) => f.severity === 'warning' || f.severity === 'error');
const show = (findings: Finding[]) => findings.map((f) => `${f.ruleId} (${f.severity}) at ${f.start}: "${f.actual}"`).join('\n');

/** Each planted problem: the rule and a piece of the sentence it sits in (verbatim, unique in the draft). */
const PLANTED: {rule: RuleId; sentence: string}[] = [
  {rule: 'anonymous-source', sentence: 'A senior official at the ministry said the government had expected the ruling'},
  {rule: 'vague-source', sentence: 'Experts say the delay will raise the final cost of the project.'},
  {rule: 'unattributed-claim', sentence: 'The appeal is expected to reach the Supreme Court by spring.'},
  {rule: 'hedge', sentence: 'The ruling could also slow two other harbor projects on the west coast.'},
  {rule: 'editorializing', sentence: "It's worth noting that the port handled more cargo last year"},
  {rule: 'unsourced-statistic', sentence: "About 30 percent of the town's workers are employed at the port"},
  {rule: 'unattributed-quote', sentence: '"We have waited ten years for these jobs."'}
];

describe('examples/clean-brief.txt', () => {
  it('produces no warnings', () => {
    const found = warnings(analyze(read('clean-brief.txt'), {format: 'plaintext'}).findings);
    expect(found, show(found)).toEqual([]);
  });
});

describe('examples/wire-draft.md', () => {
  const text = read('wire-draft.md');

  it('the planted sentences are in the draft', () => {
    for (const {sentence} of PLANTED) expect(text.indexOf(sentence), sentence).toBeGreaterThanOrEqual(0);
  });

  it('reports each planted problem in its sentence and no other warning', () => {
    const found = warnings(analyze(text, {format: 'markdown'}).findings);
    const spans = PLANTED.map((p) => {
      const start = text.indexOf(p.sentence);
      return {...p, start, end: start + p.sentence.length};
    });
    const missing = spans.filter((p) => !found.some((f) => f.ruleId === p.rule && f.start >= p.start && f.start < p.end));
    const extra = found.filter((f) => !spans.some((p) => f.start >= p.start && f.start < p.end));
    expect(
      missing.map((p) => `${p.rule}: ${p.sentence}`),
      `all warnings:\n${show(found)}`
    ).toEqual([]);
    expect(extra, `warnings outside the planted sentences:\n${show(extra)}`).toEqual([]);
  });
});
