// unsourced-statistic: percentages, amounts, counts and trends with no source in the sentence or paragraph.
import {describe, expect, it} from 'vitest';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

describe('unsourced-statistic: flagged (warning) with the attribute fix', () => {
  it.each([
    ["About 30 percent of the town's workers are employed at the port.", '30 percent', 6],
    ['Unemployment rose to 7.2% in March.', '7.2%', 21],
    ['Prices rose 3 percent in May.', '3 percent', 12],
    ['The project will cost $4.5 billion.', '$4.5 billion', 22],
    ['The fund lost 2.5 million euros.', '2.5 million euros', 14],
    ['The city has 12,000 taxis.', '12,000 taxis', 13],
    ['Sales doubled last year.', 'doubled', 6]
  ])('%s', (text, actual, start) => {
    const [finding] = expectExactly('unsourced-statistic', text, [
      {
        actual,
        start,
        end: start + actual.length,
        severity: 'warning',
        message: `Unsourced statistic "${actual}": say where the figure comes from`
      }
    ]);
    expect(finding.expected).toEqual([]);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Attribute this', kind: 'attribute', result: text.replace(/\.$/, ', according to [TK: source].')}
    ]);
    expectEditsInSentence(text, finding);
  });

  it('one finding a sentence (the first figure)', () => {
    const text = 'Prices rose 3 percent in May and 4 percent in June.';
    expect(findingsOf('unsourced-statistic', text).map((f) => f.actual)).toEqual(['3 percent']);
  });

  it("the fix lands in the figure's own sentence", () => {
    const text = 'Unemployment rose to 7.2% in March. The bureau released the figures on Friday.';
    const [finding] = findingsOf('unsourced-statistic', text);
    expectEditsInSentence(text, finding);
    expect(fixesOf(text, finding)[0].result).toBe(
      'Unemployment rose to 7.2% in March, according to [TK: source]. The bureau released the figures on Friday.'
    );
  });

  it('"One in five" is flagged whole', () => {
    const text = 'One in five residents lacks broadband.';
    expectExactly('unsourced-statistic', text, [
      {actual: 'One in five', start: 0, end: 11, severity: 'warning', message: 'Unsourced statistic "One in five"'}
    ]);
  });

  it('"one in" a year-like number is a ratio when a noun follows it', () => {
    const text = 'One in 2000 patients had side effects.';
    expectExactly('unsourced-statistic', text, [
      {actual: 'One in 2000', start: 0, end: 11, severity: 'warning', message: 'Unsourced statistic "One in 2000"'}
    ]);
  });
});

describe('unsourced-statistic: quiet', () => {
  it.each([
    // A source in the sentence or the paragraph.
    'According to the statistics office, unemployment rose to 7.2% in March.',
    'The bureau said unemployment rose to 7.2% in March.',
    'The bureau said on Friday that the economy had slowed. Unemployment rose to 7.2% in March.',
    // A score, and a 24-hour clock time.
    'United doubled their lead after 29 minutes.',
    'The service will be shown from 1130 to 1215 GMT on Wednesday.',
    // A figure the source itself estimates, through a relative after a comma.
    'Harbourline, the ferry company, which estimates a loss of 24% this year, cut fares.',
    // Dates, ages, times, years and vote tallies are not statistics.
    'The 45-year-old was arrested in 2019.',
    'The bill passed 52 to 48 on Tuesday.',
    'The meeting starts at 10:30 on Monday.',
    'The 2024 budget passed.',
    // "one in" a year: a thing in that year, not a ratio.
    'He won the first election but lost the next one in 1992 to his deputy.',
    // Inside a quotation, with its speaker.
    '"We lost 30 percent of our customers," the owner said.'
  ])('%s', (text) => expectQuiet('unsourced-statistic', text));
});

describe('unsourced-statistic: configuration', () => {
  const text = 'Prices rose 3 percent in May.';
  it('off and severities', () => {
    expectQuiet('unsourced-statistic', text, {rules: {'unsourced-statistic': 'off'}});
    expect(findingsOf('unsourced-statistic', text, {rules: {'unsourced-statistic': 'info'}}).map((f) => f.severity)).toEqual(['info']);
  });
});
