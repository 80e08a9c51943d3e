// unattributed-quote: a direct quotation with no speaker nearby, or an agentless "was described as '...'".
import {describe, expect, it} from 'vitest';
import {analyze} from '../../../server/src/analysis';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

const NO_SPEAKER = 'Quote without a speaker: say who said it (AP: every quote needs a speaker)';
const AGENTLESS = 'Quoted description with no one behind it: who described it this way?';

describe('unattributed-quote: flagged (warning) with the add-speaker fix', () => {
  it.each([
    ['"We have waited ten years for these jobs."', 0, 42, '"We have waited ten years for these jobs," [TK: speaker] said.'],
    [
      'Residents gathered outside the hall. "We have waited ten years for these jobs."',
      37,
      79,
      'Residents gathered outside the hall. "We have waited ten years for these jobs," [TK: speaker] said.'
    ],
    [
      '"We have waited ten years for these jobs. Now the port is closing."',
      0,
      67,
      '"We have waited ten years for these jobs. Now the port is closing," [TK: speaker] said.'
    ],
    ['“We have waited ten years for these jobs.”', 0, 42, '“We have waited ten years for these jobs,” [TK: speaker] said.']
  ])('%s', (text, start, end, fixed) => {
    const [finding] = expectExactly('unattributed-quote', text, [
      {actual: text.slice(start, end), start, end, severity: 'warning', message: NO_SPEAKER}
    ]);
    expect(fixesOf(text, finding)).toEqual([{title: 'Add the speaker', kind: 'add-speaker', result: fixed}]);
    expectEditsInSentence(text, finding);
  });

  it('agentless "was described as" with a quoted description', () => {
    const text = 'The plan was described as "a betrayal of the workers."';
    const [finding] = expectExactly('unattributed-quote', text, [
      {actual: '"a betrayal of the workers."', start: 26, end: 54, severity: 'warning', message: AGENTLESS}
    ]);
    expect(fixesOf(text, finding)[0].result).toBe('The plan was described as "a betrayal of the workers," [TK: speaker] said.');
  });

  it('a quotation running on into the next paragraph is flagged once, where it opens', () => {
    const text = 'Residents gathered outside the hall. "We have waited ten years for these jobs.\n\n"Now the port is closing."';
    expectExactly('unattributed-quote', text, [
      {actual: text.slice(37, text.indexOf('\n')), start: 37, end: text.indexOf('\n'), severity: 'warning', message: NO_SPEAKER}
    ]);
  });

  it('the quote is recorded with no speaker', () => {
    expect(analyze('"We have waited ten years for these jobs."').quotes).toEqual([{start: 0, end: 42, speaker: null}]);
  });
});

describe('unattributed-quote: quiet', () => {
  it.each([
    '"We have waited ten years for these jobs," said Ana Ruiz, a dock worker.',
    'Ana Ruiz said: "We have waited ten years for these jobs."',
    '“We will not back down,” the union leader said.',
    // The speaker of the sentence before carries to the next quote.
    '"We will appeal the ruling," the lawyer said. "This is not over."',
    'He said he had "no regrets."',
    // Titles and scare quotes are not quotations.
    'The film, "Night Train," opens on Friday.',
    // A quoted term that modifies the noun after it.
    'The ruling gave "protected designation of origin" status to the cheese.',
    // The title of a work named right before it.
    'Pilots gave their answers for the study "Whose Harbour is It, minister" last year.',
    // A colon opens the quotation: a name label, a label noun, or the sentence's own subject.
    '- Burnley boss Steve Cotterill: "They will be fresh and we will be tired."',
    'The picture appears in the Sun under the headline: "Harry the Nazi."',
    'The party campaigned with the slogan: "Limits are not racist."',
    'Osbourne himself was at a loss to explain it: "I suppose Americans like a crazy family."',
    '"We have investigated this matter," read a statement from the phone company.',
    // A tag whose speaker is a short description, and a participle after it that adds a second quotation.
    '"The ferry is back," the harbour master beamed, adding, "What a morning for the island!"',
    // A quotation opening the sentence after somebody's reported words, in the same paragraph, is theirs.
    'Maria Olsen said the port would close. "We have no choice."',
    'She said she wished she had stayed home. "I always take them off at night."',
    // ... or two sentences before, when the one between goes on about the same person.
    'The ferries will run late, she says. She is sure the islanders will use them. "Nobody wants to drive at night."'
  ])('%s', (text) => expectQuiet('unattributed-quote', text));

  it("a sentence between about something else ends the speaker's turn", () => {
    const text = 'The ferries will run late, she says. The islanders will use them. "The night crossing is the one we need."';
    expect(findingsOf('unattributed-quote', text)).toHaveLength(1);
  });

  it('a paragraph ending on a tagged quotation lends its speaker to a quotation opening the next', () => {
    const text = '"The crossing was rough," Captain Ana Ruiz said.\n\n"We will sail again on Monday."';
    expect(findingsOf('unattributed-quote', text)).toEqual([]);
    // Not when another sentence closes the paragraph.
    const later = '"The crossing was rough," Captain Ana Ruiz said. The ferry docked at noon.\n\n"We will sail again on Monday."';
    expect(findingsOf('unattributed-quote', later)).toHaveLength(1);
  });

  it('reported words in the paragraph before do not lend their speaker', () => {
    const text = 'Maria Olsen said the port would close.\n\n"We have no choice."';
    expect(findingsOf('unattributed-quote', text)).toHaveLength(1);
  });

  it('a colon after a clause with nobody in it leaves the quotation unattributed', () => {
    const text = 'The mood in the town was grim: "We are finished."';
    expect(findingsOf('unattributed-quote', text)).toHaveLength(1);
  });

  // "by the union" after the closing quote names who described it.
  it('"was described as \\"reckless\\" by the union" names who described it', () => {
    const text = 'The plan was described as "reckless" by the union.';
    expectQuiet('unattributed-quote', text);
    expectQuiet('unattributed-claim', text);
    // An article before the quoted words.
    expectQuiet('unattributed-claim', 'The skipper was described as a "born leader" by his coach, Ana Ruiz.');
  });

  it('"The union called the plan \\"a betrayal\\"" has a speaker', () => {
    expectQuiet('unattributed-quote', 'The union called the plan "a betrayal of the workers."');
  });
});

describe('unattributed-quote: configuration', () => {
  const text = '"We have waited ten years for these jobs."';
  it('off; the ap preset makes it an error', async () => {
    expectQuiet('unattributed-quote', text, {rules: {'unattributed-quote': 'off'}});
    const {resolveOptions} = await import('../../../server/src/analysis');
    expect(findingsOf('unattributed-quote', text, resolveOptions({preset: 'ap'})).map((f) => f.severity)).toEqual(['error']);
  });
});

describe("unattributed-quote: a short term with the sentence's stop inside the marks", () => {
  it('is a scare quote, American style', () => {
    expectQuiet('unattributed-quote', 'The senator called the briefing a "press conference."');
  });
  it('a short sentence that opens with a capital is still a quotation', () => {
    expect(findingsOf('unattributed-quote', 'The room fell silent. "We lost."').length).toBe(1);
  });
});

describe('unattributed-quote: a quoted name with its gloss', () => {
  it.each([
    'The dam stands on the Lanyin, or "river of blue stones" as the upper reaches are known.',
    'They crossed the "Devil\'s Staircase", as hill walkers call it, before noon.'
  ])('%s', (text) => expectQuiet('unattributed-quote', text));
});
