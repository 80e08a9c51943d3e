// anonymous-source: unnamed sources. Warning without a reason for anonymity, info with one; the
// message says whether the source's position is described.
import {describe, expect, it} from 'vitest';
import {analyze, resolveOptions} from '../../../server/src/analysis';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

const NO_REASON = 'Anonymous source with no reason given for anonymity (AP: explain why)';
const NO_POSITION = "the source's position is not described";

describe('anonymous-source: flagged without a reason (warning)', () => {
  it.each([
    ['A senior diplomat said the talks had stalled.', 'A senior diplomat', 0, true],
    ['Two people familiar with the talks said the deal was close.', 'Two people familiar with the talks', 0, true],
    ['The deal was close, according to a person briefed on the negotiations.', 'a person briefed on the negotiations', 33, true],
    ['The deal was close, a source said.', 'a source', 20, false],
    ['"The deal is close," a source said.', 'a source', 21, false],
    ['The company will close two plants, an unnamed executive told the newspaper.', 'an unnamed executive', 35, false],
    ['Unnamed government sources said the deal was close.', 'Unnamed government sources', 0, true]
  ] as const)('%s', (text, actual, start, positioned) => {
    const [finding] = expectExactly('anonymous-source', text, [
      {actual, start, end: start + actual.length, severity: 'warning', message: NO_REASON}
    ]);
    if (positioned) expect(finding.message).not.toContain(NO_POSITION);
    else expect(finding.message).toContain(NO_POSITION);
    expect(finding.expected).toEqual(['[TK: name and title]']);
    // The related span is the attribution cue.
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0].message).toBe(`Attributed to ${actual}`);
    expectEditsInSentence(text, finding);
  });

  it('"A senior official said ..." (the commonest anonymous source)', () => {
    const text = 'A senior official said the talks had stalled.';
    expectExactly('anonymous-source', text, [{actual: 'A senior official', start: 0, end: 17, severity: 'warning', message: NO_REASON}]);
  });

  // "The source" with nothing before it to point back to names nobody.
  it('"The source said ..." with no earlier source to refer to', () => {
    const text = 'The source said the talks had stalled.';
    expectExactly('anonymous-source', text, [{actual: 'The source', start: 0, end: 10, severity: 'warning', message: NO_REASON}]);
  });

  it('"The source said ..." after a named source points back to it and is not flagged', () => {
    const text = 'Port engineer Maria Olsen said the crane had failed twice. The source said the repairs would take a week.';
    expectExactly('anonymous-source', text, []);
  });
});

describe('anonymous-source: a name closing the head phrase', () => {
  it('"the minister for ports Ana Ruiz" is named; a name after a preposition or in a later segment is somebody else', () => {
    expectQuiet('anonymous-source', '"The ferry will run," the minister for ports Ana Ruiz said.');
    expect(findingsOf('anonymous-source', 'A source close to Ana Ruiz said the ferry would run.').map((f) => f.actual)).toEqual([
      'A source close to Ana Ruiz'
    ]);
    expect(
      findingsOf('anonymous-source', "A senior official, speaking to the Gazette's reporter Tomas Berg, said the ferry would run.").length
    ).toBe(1);
  });
});

describe('anonymous-source: an unnamed person of a named house', () => {
  it('an appositive naming the house does not name the person', () => {
    const text = 'A board member of the port authority, the Harbour Trust, said the fees would rise.';
    expect(findingsOf('anonymous-source', text).map((f) => [f.actual, f.severity])).toEqual([
      ['A board member of the port authority, the Harbour Trust', 'warning']
    ]);
  });
});

describe('anonymous-source: a reason given (info)', () => {
  it('"who asked not to be named for fear of retaliation"', () => {
    const text = 'A police officer, who asked not to be named for fear of retaliation, said the suspect had fled.';
    const [finding] = expectExactly('anonymous-source', text, [
      {
        actual: 'A police officer, who asked not to be named for fear of retaliation',
        start: 0,
        end: 67,
        severity: 'info',
        message: 'Anonymous source; reason given for anonymity ("for fear of retaliation")'
      }
    ]);
    // A reason is given: no "add the reason" fix.
    expect(finding.suggestions.map((s) => s.kind)).toEqual(['name-source']);
  });

  it('"because he was not authorized to discuss the talks" in the appositive', () => {
    const text =
      'A government official, speaking on condition of anonymity because he was not authorized to discuss the talks, said the deal was close.';
    const found = findingsOf('anonymous-source', text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    expect(found[0].message).toContain('("because he was not authorized to discuss the talks")');
  });

  it('one anonymous source with a reason is one finding', () => {
    const text =
      'Two people familiar with the talks said the deal was close, speaking on condition of anonymity because the talks are private.';
    expectExactly('anonymous-source', text, [
      {
        actual: 'Two people familiar with the talks',
        start: 0,
        end: 34,
        severity: 'info',
        message: 'reason given for anonymity ("because the talks are private")'
      }
    ]);
  });
});

describe('anonymous-source: quiet', () => {
  it.each([
    // Acted against, not heard from.
    'The harbour board accused anonymous people of leaking the plans.',
    'The Interior Ministry said the deal was close.',
    'Police said the suspect had fled.',
    'Maria Olsen, the police chief, said the suspect had been detained.',
    'The court said the appeal was filed late.',
    'The New York Times reported that the mayor had resigned.',
    // Inside a quotation the words are the speaker's.
    '"Unnamed sources are not news," the editor said.',
    // An unnamed person or thing, not a source of information.
    'An unidentified man was arrested near the station on Monday.',
    'The painting was sold to an anonymous buyer in 2019.',
    'She attends Narcotics Anonymous meetings twice a week.',
    // Knowing or being briefed is no vantage point unless it describes the person right before it.
    'As people become more familiar with the ferry timetable, they travel more.',
    'He was briefed on preparations for the vote.',
    // One office, one holder: the reader can find out who.
    "Portugal's finance minister said the deal was close.",
    "Lisbon's most senior police officer said the suspect had fled.",
    'The rural affairs minister said the ban would be enforced.'
  ])('%s', (text) => expectQuiet('anonymous-source', text));

  it.each([
    ['Two people directly familiar with the talks said the deal was close.', 'Two people directly familiar with the talks'],
    ['The most senior officials said the suspect had fled.', 'The most senior officials']
  ])('still anonymous: %s', (text, actual) => {
    expect(findingsOf('anonymous-source', text).map((f) => f.actual)).toEqual([actual]);
  });
});

describe('anonymous-source: quick fixes', () => {
  it('a source before its verb: the reason goes in as an appositive with both commas', () => {
    const text = 'A senior diplomat said the talks had stalled.';
    const [finding] = findingsOf('anonymous-source', text);
    expect(fixesOf(text, finding)).toEqual([
      {
        title: 'Add the reason for anonymity',
        kind: 'add-reason',
        result: 'A senior diplomat, who spoke on condition of anonymity because [TK: reason], said the talks had stalled.'
      },
      {title: 'Name the source', kind: 'name-source', result: '[TK: name and title] said the talks had stalled.'}
    ]);
  });

  it('a source after the content', () => {
    const text = 'The deal was close, a source said.';
    const [finding] = findingsOf('anonymous-source', text);
    expect(fixesOf(text, finding).map((f) => f.result)).toEqual([
      'The deal was close, a source, who spoke on condition of anonymity because [TK: reason], said.',
      'The deal was close, [TK: name and title] said.'
    ]);
  });

  it('a source at the end of the sentence: no trailing comma before the stop', () => {
    const text = 'The deal was close, according to a person briefed on the negotiations.';
    const [finding] = findingsOf('anonymous-source', text);
    expect(fixesOf(text, finding).map((f) => f.result)).toEqual([
      'The deal was close, according to a person briefed on the negotiations, who spoke on condition of anonymity because [TK: reason].',
      'The deal was close, according to [TK: name and title].'
    ]);
  });

  it('edits stay in the sentence inside a longer paragraph', () => {
    const text = 'The council met on Monday. The deal was close, a source said. Work resumes in June.';
    const [finding] = findingsOf('anonymous-source', text);
    expectEditsInSentence(text, finding);
    expect(fixesOf(text, finding)[1].result).toBe(
      'The council met on Monday. The deal was close, [TK: name and title] said. Work resumes in June.'
    );
  });

  // Naming a source whose phrase carries the reason replaces only the noun phrase before the clause.
  it('"Name the source" over a phrase with an appositive leaves no stray comma', () => {
    const text = 'A police officer, who asked not to be named for fear of retaliation, said the suspect had fled.';
    const [finding] = findingsOf('anonymous-source', text);
    expect(fixesOf(text, finding).find((f) => f.kind === 'name-source')?.result).not.toContain('], said');
  });
});

describe('anonymous-source: configuration', () => {
  const bare = 'A senior diplomat said the talks had stalled.';
  const reasoned = 'A police officer, who asked not to be named for fear of retaliation, said the suspect had fled.';

  it('off', () => {
    expectQuiet('anonymous-source', bare, {rules: {'anonymous-source': 'off'}});
  });

  it('the ap preset makes a source without a reason an error; one with a reason stays info', () => {
    const options = resolveOptions({preset: 'ap'});
    expect(findingsOf('anonymous-source', bare, options).map((f) => f.severity)).toEqual(['error']);
    expect(findingsOf('anonymous-source', reasoned, options).map((f) => f.severity)).toEqual(['info']);
  });

  it('explicit severities', () => {
    expect(findingsOf('anonymous-source', bare, {rules: {'anonymous-source': 'hint'}}).map((f) => f.severity)).toEqual(['hint']);
    expect(findingsOf('anonymous-source', reasoned, {rules: {'anonymous-source': 'hint'}}).map((f) => f.severity)).toEqual(['hint']);
  });

  it('allow list', () => {
    expectQuiet('anonymous-source', bare, {allow: ['a senior diplomat']});
    expectQuiet('anonymous-source', bare, {allow: ['senior diplomat']});
    expect(findingsOf('anonymous-source', bare, {allow: ['diplomats']})).toHaveLength(1);
  });
});

describe('anonymous-source: in-document comments', () => {
  const line = 'A senior diplomat said the talks had stalled.';

  it('Markdown: disable-next-line with a reason silences the next paragraph only', () => {
    const text = `<!-- whosaid-disable-next-line anonymous-source -- agreed with the desk -->\n${line}\n\n${line}`;
    const found = findingsOf('anonymous-source', text, {format: 'markdown'});
    expect(found.map((f) => f.start)).toEqual([text.lastIndexOf(line)]);
    expect(analyze(text, {format: 'markdown'}).notices).toEqual([]);
  });

  it('plain text: the comment alone on a line silences the next line', () => {
    const text = `${line}\n<!-- whosaid-disable-next-line anonymous-source -- agreed with the desk -->\n${line}\n${line}`;
    const found = findingsOf('anonymous-source', text, {format: 'plaintext'});
    const second = text.indexOf(line, 1);
    const third = text.lastIndexOf(line);
    expect(second).toBeLessThan(third);
    expect(found.map((f) => f.start)).toEqual([0, third]);
  });

  it('disable-next-line for another rule keeps this one', () => {
    const text = `<!-- whosaid-disable-next-line hedge -->\n${line}`;
    expect(findingsOf('anonymous-source', text, {format: 'markdown'})).toHaveLength(1);
  });
});

describe('anonymous-source: offices and governments the reader can identify', () => {
  it.each([
    // The one chief of somebody named.
    'The bank will meet its target, according to its chief executive.',
    'Growth will pick up, according to his former chief economic adviser.',
    'The Harbour Party chief executive said the vote was lost by mistake.',
    // The government speaking through its ministers.
    'Ministers say the ferry subsidy will continue.',
    'Welsh ministers insist the hospital will stay open.',
    // All of a named group is the group.
    'The members of the Harbour Brass Quintet said they would tour again.'
  ])('%s', (text) => expectQuiet('anonymous-source', text));

  it.each([
    // Some ministers, or their private views, are not the government's word.
    'Privately ministers believe the subsidy will end.',
    'Two ministers said the subsidy would end.',
    // An adviser who is one of many; one member of a named group.
    'The bank will miss its target, according to a senior adviser.',
    'A member of the Harbour Brass Quintet said they would tour again.'
  ])('still anonymous: %s', (text) => {
    expect(findingsOf('anonymous-source', text).length).toBe(1);
  });
});

describe('anonymous-source: "the agent" points back to the person just named', () => {
  it('resolves like "the spokesman"', () => {
    const text = 'His agent, Jon Hassel, said the player wanted to stay. The agent also stressed that no bid had been made.';
    expectQuiet('anonymous-source', text);
  });
});
