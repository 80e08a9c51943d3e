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

describe('unsourced-statistic: amounts, estimates and records', () => {
  it.each([
    // The magnitude written into the number is the same figure as "$23 billion".
    ['The port authority owes $23bn to its creditors.', '$23bn'],
    ['Its current account deficit swelled to 8.4bn euros this year.', '8.4bn euros'],
    // Records are measured: over what span, by whom?
    ['Unemployment in the county is at a 30-year low.', '30-year low'],
    ['Exports grew at the fastest rate in more than a decade.', 'fastest rate in more than a decade'],
    ['Copper prices closed at a record high on Tuesday.', 'record high'],
    ['The tunnel was the costliest project for 20 years.', 'costliest project for 20 years']
  ])('%s', (text, actual) => {
    expect(findingsOf('unsourced-statistic', text).map((f) => f.actual)).toEqual([actual]);
  });

  it('an agentless estimate needs its estimator even after a source in the paragraph', () => {
    const paragraph = "The minister said the mine would reopen in spring. The region holds an estimated 40% of the world's cobalt.";
    expect(findingsOf('unsourced-statistic', paragraph).map((f) => f.actual)).toEqual(['40%']);
    const thought = 'The stadium is thought to have cost about $40m, and the club said it would open in May.';
    expect(findingsOf('unsourced-statistic', thought).map((f) => f.actual)).toEqual(['$40m']);
  });

  it("a belief or feeling does not source the paragraph's figures", () => {
    const paragraph = 'The mayor may now feel vindicated. The scheme raised about $4 million last year.';
    expect(findingsOf('unsourced-statistic', paragraph).map((f) => f.actual)).toEqual(['$4 million']);
  });

  it("a stand taken does not source the paragraph's figures", () => {
    const paragraph = 'The union backed the plan on Monday. Membership fell 12% last year.';
    expect(findingsOf('unsourced-statistic', paragraph).map((f) => f.actual)).toEqual(['12%']);
  });

  it.each([
    // The price of a deal the parties announced.
    'The group bought the stadium for £40m.',
    'The carrier signed a $2bn (£1.1bn) deal with the planemaker.',
    'The board rejected a $3.2 billion takeover offer.',
    'Investors valued the company at $35bn.',
    // A superlative with no span measured, and a span with no superlative.
    'The fastest runner in the club won the race.',
    'It was his best season in years.',
    'The oldest house in the village dates from 1620.',
    // An estimate with its estimator.
    'The stadium is thought by the club to have cost about $40m.'
  ])('quiet: %s', (text) => expectQuiet('unsourced-statistic', text));
});

describe('unsourced-statistic: configuration', () => {
  const text = 'Prices rose 3 percent in May.';
  it('off and severities', () => {
    expectQuiet('unsourced-statistic', text, {rules: {'unsourced-statistic': 'off'}});
    expect(findingsOf('unsourced-statistic', text, {rules: {'unsourced-statistic': 'info'}}).map((f) => f.severity)).toEqual(['info']);
  });
});

describe('unsourced-statistic: the keeper of the figure named by a participle', () => {
  it.each([
    'The parties received £4.2m in donations listed by the Electoral Commission.',
    'Prices rose 3.1% in the year to May, according to figures compiled by the Office for National Statistics.'
  ])('%s', (text) => expectQuiet('unsourced-statistic', text));
  it('"listed by" a crowd names nobody', () => {
    expect(findingsOf('unsourced-statistic', 'The parties received £4.2m in donations listed by analysts.').length).toBe(1);
  });
});

describe('unsourced-statistic: market data is public record', () => {
  it.each([
    'Shares in the ferry operator closed up 4% on Monday.',
    'The FTSE 100 index fell 1.2% to 4,820 points.',
    'Brent crude rose 80 cents to $41.20 a barrel.',
    'The euro was trading at $1.31 against the dollar.',
    'Shares of the ferry line dipped early but recovered to trade almost 6% higher.',
    'Harbour Holdings shares added 1.7% while the wider index shed 0.4%.',
    'The pound has fallen to a two-year low against the dollar.',
    "Harbourway's shares have leapt 55% this year."
  ])('%s', (text) => expectQuiet('unsourced-statistic', text));

  it.each([
    // A share of an audience or a market is no price; a currency word alone is no market.
    "The channel's share of the audience fell to 9.6% last month.",
    "Sales of the carmaker's brands fell 2% as the dollar weakened.",
    // The market after the figure: the figure is not its price.
    'A fall in ferry fuel costs to 3.1% of fares gave a lift to shares, which advanced in early trade.'
  ])('still a statistic: %s', (text) => {
    expect(findingsOf('unsourced-statistic', text).length).toBe(1);
  });
});

describe('unsourced-statistic: a plan its named maker unveils, or its own results', () => {
  it.each([
    'The Harbour Party unveiled proposals to cut ferry fares to £5 a crossing.',
    'The council set out plans to spend £40m on the sea wall.',
    'Ms Ito made a prediction that 40,000 visitors would come by ferry.',
    'The ferry line Harbourway has posted a 12% rise in annual profit.',
    // A rate its setter decides.
    'The Bank of Iceland has left its key interest rate unchanged at 3.5% for a sixth month.',
    // A plan its maker agrees; a country named in one word opening the sentence (the tagger's name).
    'Norway has agreed a draft proposal with the harbour lenders to borrow $2bn for the sea wall.',
    'Iceland raised rates by 0.25 percentage points to 3.75% in May.',
    // Digits after a name are part of it.
    'DJ Harbour 3000 and the Tides played the pier on Saturday.'
  ])('%s', (text) => expectQuiet('unsourced-statistic', text));

  it('a rate nobody named sets, and a count after a month, are still statistics', () => {
    expect(findingsOf('unsourced-statistic', 'Mortgage rates were cut to 3.5% last month.').length).toBe(1);
    expect(findingsOf('unsourced-statistic', 'In March 5000 people marched on the harbour.').length).toBe(1);
  });

  it('a capital that only opens the sentence names nobody', () => {
    expect(findingsOf('unsourced-statistic', 'Fares posted a 5% rise in May.').length).toBe(1);
  });

  it('an unnamed maker does not source it', () => {
    expect(findingsOf('unsourced-statistic', 'Some operators unveiled plans to cut 20% of sailings.').length).toBe(1);
  });
});

describe('unsourced-statistic: a fine or an award set by whoever imposed it', () => {
  it.each([
    'The league fined the coach £2,000 for his remarks.',
    'The tribunal awarded her £10,000 in damages.',
    'The skipper was fined 5,000 euros for the collision.',
    'The harbour master received a fine of $2,500 for the spill.',
    'The regatta carries a £5,000 prize for the winning crew.'
  ])('%s', (text) => expectQuiet('unsourced-statistic', text));
});
