// leftover-tk: "[TK: ...]" (to come) marks still in the draft.
import {describe, expect, it} from 'vitest';
import {analyze, resolveOptions} from '../../../server/src/analysis';
import {expectExactly, expectQuiet, findingsOf} from './support';

describe('leftover-tk: flagged (warning)', () => {
  it.each([
    ['The fire started at [TK: time] on Sunday.', '[TK: time]', 20],
    ['The fire started at [TK] on Sunday.', '[TK]', 20],
    ['The fire started at TK on Sunday.', 'TK', 20],
    ['TK: check the figure.', 'TK', 0],
    ['The [ TK ] mark stays.', '[ TK ]', 4]
  ])('%s', (text, actual, start) => {
    const [finding] = expectExactly('leftover-tk', text, [
      {
        actual,
        start,
        end: start + actual.length,
        severity: 'warning',
        message: `Leftover TK mark "${actual}": fill it in before publication`
      }
    ]);
    expect(finding.suggestions).toEqual([]);
    expect(finding.expected).toEqual([]);
  });

  it('every mark in a sentence', () => {
    const text = 'The fire started at [TK: time] and spread to [TK: place].';
    expect(findingsOf('leftover-tk', text).map((f) => [f.actual, f.start])).toEqual([
      ['[TK: time]', 20],
      ['[TK: place]', 45]
    ]);
  });

  it('in a Markdown heading and list item', () => {
    const text = '# Fire at [TK: place]\n\n- Crews arrived at TK.\n';
    expect(findingsOf('leftover-tk', text, {format: 'markdown'}).map((f) => f.actual)).toEqual(['[TK: place]', 'TK']);
  });

  it('the fixes other rules offer insert TK marks, which this rule then reports', () => {
    const fixed = 'The summit is expected by [TK: who] to focus on trade.';
    expect(findingsOf('leftover-tk', fixed).map((f) => f.actual)).toEqual(['[TK: who]']);
  });
});

describe('leftover-tk: quiet', () => {
  it.each(['The TKO came in the third round.', 'The fire started at 9 p.m. on Sunday.', 'Shares of TKMS rose.', 'The atkins diet.'])(
    '%s',
    (text) => expectQuiet('leftover-tk', text)
  );

  it('inside inline code in Markdown', () => {
    expectQuiet('leftover-tk', 'Use `[TK: name]` to mark a gap.', {format: 'markdown'});
  });
});

describe('leftover-tk: configuration', () => {
  const text = 'The fire started at [TK: time] on Sunday.';
  it('the ap preset makes it an error; off', () => {
    expect(findingsOf('leftover-tk', text, resolveOptions({preset: 'ap'})).map((f) => f.severity)).toEqual(['error']);
    expectQuiet('leftover-tk', text, {rules: {'leftover-tk': 'off'}});
  });

  it('a disable comment in plain text', () => {
    const doc = `<!-- whosaid-disable leftover-tk -->\n${text}\n<!-- whosaid-enable leftover-tk -->\n${text}`;
    expect(
      analyze(doc)
        .findings.filter((f) => f.ruleId === 'leftover-tk')
        .map((f) => f.start)
    ).toEqual([doc.lastIndexOf(text) + 20]);
  });
});
