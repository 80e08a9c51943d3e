import {describe, expect, it} from 'vitest';
import {analyze} from '../../server/src/analysis';
import {MAX_VERB_GROUP, pastVerbGroup} from '../../server/src/analysis/attribution/verb-group';

describe('pastVerbGroup', () => {
  const skipAt = (skipped: number) => (index: number) => index >= 0 && index < skipped;

  it('stops at the first index the skip test refuses', () => {
    expect(pastVerbGroup(0, 1, skipAt(3))).toBe(3);
    expect(pastVerbGroup(5, -1, (index) => index > 2)).toBe(2);
  });

  it(`gives up on a run longer than ${MAX_VERB_GROUP}, the longest verb group`, () => {
    expect(pastVerbGroup(0, 1, skipAt(MAX_VERB_GROUP))).toBe(MAX_VERB_GROUP);
    expect(pastVerbGroup(0, 1, skipAt(MAX_VERB_GROUP + 1))).toBe(-1);
  });
});

describe('verb groups in sentences', () => {
  /** The severity of the last "may" in the text. */
  const severityOfMay = (text: string) =>
    analyze(text)
      .findings.filter((finding) => text.slice(finding.start, finding.end) === 'may')
      .at(-1)?.severity;

  it('are skipped to the subject before them: a general statement stays information', () => {
    expect(severityOfMay('Plants may die in the frost.')).toBe('info');
    expect(severityOfMay('Plants really may die in the frost.')).toBe('info');
    expect(severityOfMay('The minister may resign.')).toBe('warning');
  });

  it('end the walk at a run of modals too long to be one, as at the sentence start', () => {
    // The last "may" has nine before it: no subject is looked for, so no general statement is seen.
    expect(severityOfMay(`Plants ${'may '.repeat(MAX_VERB_GROUP + 2)}die.`)).toBe('warning');
  });
});
