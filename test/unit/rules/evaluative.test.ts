// editorializing, second half: appraisal words in the writer's voice (rules/evaluative.ts). Every
// sentence here is invented for these tests.
import {describe, expect, it} from 'vitest';
import {expectEditsInSentence, expectQuiet, expectWellFormed, findingsOf, fixesOf} from './support';

const actuals = (text: string) => findingsOf('editorializing', text).map((f) => f.actual);

describe("evaluative: appraisal words in the writer's voice are flagged", () => {
  it.each([
    // Adjectives before a noun, and after "be".
    ['The mayor ended the meeting on a sour note.', 'sour'],
    ['The council passed a draconian parking ordinance on Monday.', 'draconian'],
    ['The airline gave a lacklustre forecast for the summer.', 'lacklustre'],
    ['The bypass has become the unlikely symbol of the campaign.', 'unlikely'],
    ["The committee's handling of the audit was woeful.", 'woeful'],
    // Adverbs the writer lends to an act.
    ['Farmers in the valley desperately need rain.', 'desperately'],
    ['The board shamelessly raised its own fees.', 'shamelessly'],
    // Nouns of verdict.
    ["The senator's stridency alarmed the committee.", 'stridency'],
    ['The rollout of the new ticket machines was a fiasco.', 'fiasco'],
    ['The striker became the darling of the home crowd.', 'darling'],
    // Verbs of action that take sides.
    ['The mayor bristled at the question and left the room.', 'bristled'],
    ['The minister squandered a twelve-point lead in the polls.', 'squandered'],
    ['The union chief dug himself a hole with the remark.', 'dug himself a hole'],
    // The writer vouching for the point.
    ['There is no doubt the port needs dredging.', 'There is no doubt'],
    ["Let's not forget that the bridge is a century old.", "Let's not forget"]
  ])('%s', (text, actual) => {
    const findings = findingsOf('editorializing', text);
    expect(findings.map((f) => f.actual)).toEqual([actual]);
    expect(findings[0].severity).toBe('warning');
    expectEditsInSentence(text, findings[0]);
    expectWellFormed(text, findings);
  });

  it('the message names the word and asks for a source or a description', () => {
    const [finding] = findingsOf('editorializing', "The senator's stridency alarmed the committee.");
    expect(finding.message).toBe('Editorializing: "stridency" is the writer\'s judgement; attribute it or describe what was said or done');
  });

  it('coordinated adjectives are one finding, and removing them leaves a well-formed sentence', () => {
    const text = 'The vote was a dismal and humiliating end to the campaign.';
    const [finding] = findingsOf('editorializing', text);
    expect(finding.actual).toBe('dismal and humiliating');
    expect(fixesOf(text, finding)[0]).toEqual({
      title: 'Remove "dismal and humiliating"',
      kind: 'remove',
      result: 'The vote was an end to the campaign.'
    });
  });

  it('a modifier can be removed; a predicate, a noun or a verb only attributed', () => {
    expect(
      fixesOf('The board shamelessly raised its fees.', findingsOf('editorializing', 'The board shamelessly raised its fees.')[0]).map(
        (f) => f.kind
      )
    ).toEqual(['remove', 'attribute']);
    const predicate = 'The handling of the audit was woeful.';
    expect(fixesOf(predicate, findingsOf('editorializing', predicate)[0]).map((f) => f.kind)).toEqual(['attribute']);
    const noun = 'The rollout was a fiasco.';
    expect(fixesOf(noun, findingsOf('editorializing', noun)[0]).map((f) => f.kind)).toEqual(['attribute']);
  });

  it('an opener such as "There is no doubt" can be cut, restoring the capital', () => {
    const text = 'There is no doubt the port needs dredging.';
    expect(fixesOf(text, findingsOf('editorializing', text)[0])[0].result).toBe('The port needs dredging.');
  });

  it('a title-case headline is read too', () => {
    expect(actuals('Council Bungles Bridge Repair Contract')).toEqual(['Bungles']);
  });
});

describe('evaluative: a judgement that is what somebody claimed', () => {
  it('"claims of a shambles" reports the claim, not the writer\'s verdict', () => {
    const text = 'The vote was delayed twice, prompting claims of a shambles.';
    expect(findingsOf('editorializing', text)).toEqual([]);
    expect(findingsOf('unattributed-claim', text).map((f) => f.actual)).toEqual(['prompting claims']);
  });
});

describe('evaluative: grades of a performance are colour, shown as information', () => {
  it.each([
    ['The keeper made a superb save in the last minute.', 'superb'],
    ["Okafor's brilliant 30-yard strike settled the match.", 'brilliant'],
    ['It was a dismal second half for the visitors.', 'dismal'],
    ['The quartet gave an impressive all-round performance on Friday.', 'impressive']
  ])('%s', (text, actual) => {
    const [finding] = findingsOf('editorializing', text);
    expect([finding.actual, finding.severity]).toEqual([actual, 'info']);
    expect(finding.message).toContain('grades a performance');
  });

  it.each([
    // Not a piece of play or a performance: the writer's verdict.
    'The minister gave a superb speech on Tuesday.',
    "The party's impressive record in local elections helped.",
    // A word of surprise or importance judges the news itself.
    'It was a stunning defeat for the government.'
  ])('still a warning: %s', (text) => {
    expect(findingsOf('editorializing', text).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('evaluative: quiet', () => {
  it.each([
    // The source's words, quoted or reported.
    '"It was a fiasco," the mayor said.',
    'The mayor said the rollout was a fiasco.',
    'Critics called the ordinance draconian, the paper said.',
    // Not modifying a noun: "unlikely to" is a hedge's business, "sorry for" an apology.
    'The plan is unlikely to pass.',
    'He said he was sorry for the delay.',
    // Measured or technical senses.
    'Volatile markets pushed the index down.',
    'The Brilliant Minds Trust funds the scheme.',
    'She won the grand slam in Melbourne.',
    // A loaded verb that reports words is loaded-verb's business, not a verdict on an act.
    'The mayor slammed the plan, saying it would cost too much.'
  ])('%s', (text) => expectQuiet('editorializing', text));

  it('the opinion preset turns it off', () => {
    expectQuiet('editorializing', "The senator's stridency alarmed the committee.", {rules: {editorializing: 'off'}});
  });
});

describe('evaluative: the writer in the first person, and rhetorical questions', () => {
  it('"I know", "we believe" outside a quotation lend no cover: the columnist is the writer', () => {
    expect(actuals('I know the mayor well, and there is no doubt the port needs dredging.')).toEqual(['there is no doubt']);
    // A quoted first person is a source speaking.
    expectQuiet('editorializing', '"I know there is no doubt the port needs dredging," the mayor said.');
  });

  it.each([["What commuter wouldn't welcome a faster train?"], ["Isn't it time the council listened to residents?"]])(
    "a negated question in the writer's voice: %s",
    (text) => {
      const [finding] = findingsOf('editorializing', text);
      expect(finding.actual).toBe(text);
      expect(finding.message).toBe(
        "Editorializing: a rhetorical question argues in the writer's voice; state the point and say who makes it"
      );
      expect(finding.severity).toBe('warning');
    }
  );

  it.each([
    'Will the bridge reopen before winter?',
    '"Why wouldn\'t we fight for it?" the mayor asked.',
    'Residents asked why the council had not listened.'
  ])('quiet: %s', (text) => expectQuiet('editorializing', text));
});

describe('evaluative: prescriptions and headline adverbs', () => {
  it.each([
    ['If any project should have been funded by now, it is the bypass.', 'should have been'],
    ['The council ought to be ashamed of the delay.', 'ought to be'],
    ['Council Finally Fixes Harbour Bridge', 'Finally'],
    ['Ministers Meet At Last Over Ferry Fares', 'At Last']
  ])('%s', (text, actual) => {
    expect(actuals(text)).toEqual([actual]);
  });

  it.each([
    // In the body "finally" orders events.
    'Finally, the board voted to close the depot.',
    'The bridge finally reopened on Monday.',
    // A source's prescription.
    'The inspector said the bridge should have been closed in May.'
  ])('quiet: %s', (text) => expectQuiet('editorializing', text));
});
