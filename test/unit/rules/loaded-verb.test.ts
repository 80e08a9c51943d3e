// loaded-verb: attribution verbs that take sides. Info by default; "said" (or "criticized") is neutral.
import {describe, expect, it} from 'vitest';
import {resolveOptions} from '../../../server/src/analysis';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

describe('loaded-verb: flagged (info) with the neutral verb as the fix', () => {
  it.each([
    ['The senator claimed the vote was rigged.', 'claimed', 12, 'said', 'The senator said the vote was rigged.'],
    ['The minister admitted that the project was late.', 'admitted', 13, 'said', 'The minister said that the project was late.'],
    ['"The vote was rigged," the senator claimed.', 'claimed', 35, 'said', '"The vote was rigged," the senator said.'],
    ['"We did nothing wrong," insisted the chief executive.', 'insisted', 24, 'said', '"We did nothing wrong," said the chief executive.'],
    ['The company insisted it had done nothing wrong.', 'insisted', 12, 'said', 'The company said it had done nothing wrong.'],
    ['The union slammed the decision.', 'slammed', 10, 'criticized', 'The union criticized the decision.'],
    // The capital is kept.
    ['Claimed the senator, "The vote was rigged."', 'Claimed', 0, 'Said', 'Said the senator, "The vote was rigged."']
  ])('%s', (text, actual, start, neutral, fixed) => {
    const [finding] = expectExactly('loaded-verb', text, [
      {
        actual,
        start,
        end: start + actual.length,
        severity: 'info',
        message: `Loaded attribution verb "${actual}": it takes sides; "${neutral}" is neutral (AP)`
      }
    ]);
    expect(finding.expected).toEqual([neutral]);
    expect(fixesOf(text, finding)).toEqual([{title: `Use "${neutral}"`, kind: 'rewrite', result: fixed}]);
    expectEditsInSentence(text, finding);
  });

  it('only the loaded verb of two attributions', () => {
    const text = 'The company said it had done nothing wrong, but the minister insisted it had.';
    const [finding] = expectExactly('loaded-verb', text, [
      {actual: 'insisted', start: 61, end: 69, severity: 'info', message: 'Loaded attribution verb "insisted"'}
    ]);
    expect(fixesOf(text, finding)[0].result).toBe('The company said it had done nothing wrong, but the minister said it had.');
  });
});

describe('loaded-verb: quiet', () => {
  it.each([
    'The mayor said the vote was fair.',
    'The ministry announced the results on Tuesday.',
    // Inside a quotation, the speaker's word.
    'The spokesman said the minister "admitted nothing."'
  ])('%s', (text) => expectQuiet('loaded-verb', text));

  // A loaded verb with a plain object reports a deed, not words: replacing it would break the sentence.
  it.each(['The bomb blasted a hole in the wall.', 'The senator claimed victory on Tuesday.'])('not an attribution: %s', (text) => {
    expectQuiet('loaded-verb', text);
  });
});

describe('loaded-verb: configuration', () => {
  const text = 'The senator claimed the vote was rigged.';
  it('strict and ap presets raise it to warning; opinion turns it off', () => {
    expect(findingsOf('loaded-verb', text, resolveOptions({preset: 'strict'})).map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf('loaded-verb', text, resolveOptions({preset: 'ap'})).map((f) => f.severity)).toEqual(['warning']);
    expectQuiet('loaded-verb', text, resolveOptions({preset: 'opinion'}));
  });

  it('explicit severity and off', () => {
    expect(findingsOf('loaded-verb', text, {rules: {'loaded-verb': 'error'}}).map((f) => f.severity)).toEqual(['error']);
    expectQuiet('loaded-verb', text, {rules: {'loaded-verb': 'off'}});
  });

  it('allow list', () => {
    expectQuiet('loaded-verb', text, {allow: ['claimed']});
  });
});
