// The attribution model, through analyze(text).attributions and .quotes: cues in any position, the
// source each points to and its kind, the content covered, pronouns resolved, quotes and speakers,
// and what the text says about an anonymous source.
import {describe, expect, it} from 'vitest';
import {analyze, type Attribution} from '../../server/src/analysis';
import {parseSentences, scanQuotes} from '../../server/src/analysis/nlp/tokens';

const attributions = (text: string) => analyze(text).attributions;
const brief = (a: Attribution) => ({
  kind: a.kind,
  cue: a.cue.text,
  source: a.source?.text ?? null,
  resolvedSource: a.resolvedSource,
  content: a.content?.text ?? null,
  quote: a.quote
});

/** Every span's text is the original text at its offsets. */
function expectSpansTrue(text: string, list: Attribution[]) {
  for (const a of list) {
    for (const span of [a.cue, a.source, a.content]) if (span) expect(text.slice(span.start, span.end)).toBe(span.text);
  }
}

describe('cue positions', () => {
  it.each([
    [
      '"X said"',
      'Maria Olsen said the suspect had been detained.',
      {cue: 'said', source: 'Maria Olsen', content: 'the suspect had been detained'}
    ],
    [
      '"said X" after the content',
      'The suspect had been detained, said Maria Olsen.',
      {cue: 'said', source: 'Maria Olsen', content: 'The suspect had been detained'}
    ],
    [
      '", X said."',
      'The suspect had been detained, Maria Olsen said.',
      {cue: 'said', source: 'Maria Olsen', content: 'The suspect had been detained'}
    ],
    [
      '"X said that"',
      'The New York Times reported that the mayor had resigned.',
      {cue: 'reported', source: 'The New York Times', content: 'that the mayor had resigned'}
    ],
    [
      '"According to X,"',
      'According to a statement from the ministry, the border will reopen.',
      {cue: 'According to', source: 'a statement from the ministry', content: 'the border will reopen'}
    ],
    [
      '"According to X" at the end',
      'The deal was close, according to a person briefed on the negotiations.',
      {cue: 'according to', source: 'a person briefed on the negotiations', content: 'The deal was close'}
    ],
    [
      '"X showed"',
      'Data from the central bank showed prices rose.',
      {cue: 'showed', source: 'Data from the central bank', content: 'prices rose'}
    ]
  ])('%s', (_name, text, want) => {
    const list = attributions(text);
    expect(list).toHaveLength(1);
    expect({cue: list[0].cue.text, source: list[0].source?.text, content: list[0].content?.text}).toEqual(want);
    expectSpansTrue(text, list);
  });

  it('"X told reporters ..."', () => {
    const [a] = attributions('A senior official told reporters the talks had stalled.');
    expect(a.cue.text).toMatch(/^told/);
    expect(a.source?.text).toBe('A senior official');
  });

  // Whom the speaker told is not part of what was said.
  it('the content of "told reporters the talks had stalled" leaves out the audience', () => {
    const [a] = attributions('A senior official told reporters the talks had stalled.');
    expect(a.content?.text).toBe('the talks had stalled');
  });

  it.each([
    ['Ana Ruiz told Reuters the ferry would run again in May.', 'the ferry would run again in May'],
    ['Ana Ruiz told The Harbour Gazette that the ferry would run again.', 'that the ferry would run again'],
    ['The mayor told them the ferry would run again.', 'the ferry would run again'],
    ['The mayor told a news conference that the ferry would run again.', 'that the ferry would run again'],
    ['The mayor told the story of the old ferry.', 'the story of the old ferry']
  ])('audience left out of the content: %s', (text, content) => {
    const [a] = attributions(text);
    expect(a.content?.text).toBe(content);
  });

  it('exact offsets of cue, source and content', () => {
    const [a] = attributions('Maria Olsen said the suspect had been detained.');
    expect(a.cue).toEqual({start: 12, end: 16, text: 'said'});
    expect(a.source).toEqual({start: 0, end: 11, text: 'Maria Olsen'});
    expect(a.content).toEqual({start: 17, end: 46, text: 'the suspect had been detained'});
  });

  it('"citing X" as a second attribution in the sentence', () => {
    const text = 'The rebels withdrew, Reuters reported, citing two witnesses.';
    const list = attributions(text);
    expect(list.map((a) => [a.kind, a.cue.text, a.source?.text])).toEqual([
      ['media', 'reported', 'Reuters'],
      ['vague', 'citing', 'two witnesses']
    ]);
    expectSpansTrue(text, list);
  });

  it('"citing" a document', () => {
    const list = attributions('The company, citing a filing with regulators, said profits fell.');
    expect(list[0]).toMatchObject({kind: 'document', cue: {text: 'citing'}, source: {text: 'a filing with regulators'}});
  });

  it('no attribution in a plain statement, a passive, or "that said"', () => {
    expect(attributions('The council approved the budget on Tuesday.')).toEqual([]);
    expect(attributions('The summit is expected to focus on trade.')).toEqual([]);
    expect(attributions('That said, the council approved the budget.')).toEqual([]);
    expect(attributions('The report was published on Tuesday.')).toEqual([]);
  });

  // After a sentence-opening "According to X", ", the ..." is the main clause, not an appositive.
  it('"According to the Interior Ministry, the suspect ..." stops the source at the comma', () => {
    const [a] = attributions('According to the Interior Ministry, the suspect had been detained.');
    expect(brief(a)).toEqual({
      kind: 'institutional',
      cue: 'According to',
      source: 'the Interior Ministry',
      resolvedSource: null,
      content: 'the suspect had been detained',
      quote: false
    });
  });

  it('a sentence-opening "According to" keeps an appositive closed by a comma', () => {
    const [a] = attributions('According to Lena Fischer, a spokeswoman for the port, the crane had been repaired.');
    expect(a.source?.text).toBe('Lena Fischer, a spokeswoman for the port');
    expect(a.content?.text).toBe('the crane had been repaired');
  });

  // The writer's own opener is no source speaking.
  it('"It\'s worth noting that ..." is no attribution', () => {
    expect(attributions("It's worth noting that the port handled more cargo last year.")).toEqual([]);
  });

  // retext-english does not split "pier 33. Daniel Ortiz said" into two sentences; nlp/tokens.ts does.
  it("a sentence ending in a number does not run into the next sentence's source", () => {
    const text = 'The board approved work on pier 33. Daniel Ortiz said the dredging would start next month.';
    expect(attributions(text).map((a) => a.source?.text)).toEqual(['Daniel Ortiz']);
    expect(analyze(text).stats.sentences).toBe(2);
  });

  it('a number opening a sentence is a list marker, and "No. 3" or "3.5" are not sentence ends', () => {
    expect(analyze('1. The board approved the plan.').stats.sentences).toBe(1);
    expect(analyze('Crews moved to berth No. 3 on Monday. Work resumed.').stats.sentences).toBe(2);
    expect(analyze('Output rose 3.5 percent in May, Daniel Ortiz said.').stats.sentences).toBe(1);
    expect(analyze('The vote was 7 to 2. Council member Ana Ruiz said the plan was sound.').stats.sentences).toBe(2);
  });

  it('a figure before a full stop is one token, the stop another', () => {
    const text = 'The port handled 325,417. Ana Ruiz said the total would rise to 400,000.';
    const sentences = parseSentences(text, scanQuotes(text).ranges);
    expect(sentences.map((sentence) => sentence.tokens.slice(-2).map((token) => token.text))).toEqual([
      ['325,417', '.'],
      ['400,000', '.']
    ]);
  });

  // The agent after a passive cue stops where the verb's infinitive starts.
  it('the agent of "is expected by diplomats to focus on trade" is "diplomats"', () => {
    const list = attributions('The summit is expected by diplomats to focus on trade.');
    expect(list.map((a) => a.source?.text)).toEqual(['diplomats']);
  });

  it('a passive agent keeps "to" + a determiner: "expected by officials close to the talks"', () => {
    const list = attributions('The deal is expected by officials close to the talks to be signed on Monday.');
    expect(list.map((a) => a.source?.text)).toEqual(['officials close to the talks']);
  });
});

describe('source kinds', () => {
  it.each([
    ['Maria Olsen said the suspect had been detained.', 'named', 'Maria Olsen'],
    ['Police Chief Maria Olsen said the suspect had been detained.', 'named', 'Police Chief Maria Olsen'],
    [
      'Daniel Ortiz, an economist at the University of Lisbon, said the bank would cut rates.',
      'named',
      'Daniel Ortiz, an economist at the University of Lisbon'
    ],
    ['The Kremlin said the talks would continue.', 'institutional', 'The Kremlin'],
    ['The Interior Ministry said the deal was close.', 'institutional', 'The Interior Ministry'],
    ['Police said the suspect had fled.', 'institutional', 'Police'],
    ['The court said the appeal was filed late.', 'institutional', 'The court'],
    ['A spokesman for the ministry said the border would reopen.', 'institutional', 'A spokesman for the ministry'],
    ['The New York Times reported that the mayor had resigned.', 'media', 'The New York Times'],
    ['According to court records, the company paid the fine.', 'document', 'court records'],
    ['According to a statement from the ministry, the border will reopen.', 'document', 'a statement from the ministry'],
    ['A senior diplomat said the talks had stalled.', 'anonymous', 'A senior diplomat'],
    ['Two people familiar with the talks said the deal was close.', 'anonymous', 'Two people familiar with the talks'],
    ['The company will close two plants, an unnamed executive told the newspaper.', 'anonymous', 'an unnamed executive'],
    ['Experts say the bridge will need repairs within a decade.', 'vague', 'Experts'],
    ['Local media reported that the mayor had resigned.', 'vague', 'Local media'],
    ['Some analysts believe the central bank will cut rates in March.', 'vague', 'Some analysts'],
    // British and business verbs of a view or a forecast (BBC corpus: "MTV reckons", "analysts forecast").
    ['Analysts reckon the shares will fall.', 'vague', 'Analysts'],
    ['The bank reckons inflation will reach 3% next year.', 'institutional', 'The bank'],
    ['Dealers anticipate rising demand for fuel.', 'vague', 'Dealers'],
    ['The ministry forecasts growth of 2.5% next year.', 'institutional', 'The ministry'],
    // A discourse adverb between commas is no appositive of the source.
    ['Economists, however, said house prices would fall.', 'vague', 'Economists'],
    ['Maria Olsen, for her part, said the talks had stalled.', 'named', 'Maria Olsen']
  ] as const)('%s', (text, kind, source) => {
    const list = attributions(text);
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect([list[0].kind, list[0].source?.text]).toEqual([kind, source]);
    expectSpansTrue(text, list);
  });

  // "the ministry" with no earlier source to point back to is classified by its head.
  it('"The ministry said ..." alone is institutional', () => {
    expect(attributions('The ministry said the deal was close.')[0].kind).toBe('institutional');
  });

  it('"member states" is a noun, not "a member" who states', () => {
    expect(attributions('Immigration is a matter for the EU and not individual member states.')).toEqual([]);
    expect(attributions('EU member states said the deal was close.').map((a) => [a.cue.text, a.source?.text])).toEqual([
      ['said', 'EU member states']
    ]);
  });

  it('content stops where a coordinated clause gives the floor to another source', () => {
    const text = 'The minister said the plan would work, but analysts said it might fail.';
    expect(attributions(text).map((a) => [a.source?.text, a.content?.text])).toEqual([
      ['The minister', 'the plan would work'],
      ['analysts', 'it might fail']
    ]);
    // Reported by the first source, the second stays inside its words.
    const nested = 'The minister said the plan would work but that analysts doubted it.';
    expect(attributions(nested)[0].content?.text).toBe('the plan would work but that analysts doubted it');
    // A second verb of the same source, with its object, is no new source.
    const second = 'The report said fines should be considered, but accepted many experts said the system would be costly.';
    expect(attributions(second)[0].content?.text).toContain('many experts said');
  });

  it("a participle after a comma takes the sentence's subject, never the words after it", () => {
    const text = 'The charges were brought against the firm, alleging it created false accounts.';
    expect(attributions(text).map((a) => a.source?.text ?? null)).toEqual(['The charges']);
    expect(attributions("The mayor pushed back, questioning the judge's judgment.").map((a) => [a.cue.text, a.source?.text])).toEqual([
      ['questioning', 'The mayor']
    ]);
    expect(attributions('Speaking in the Commons after the vote, the minister said the plan would work.').map((a) => a.cue.text)).toEqual([
      'said'
    ]);
  });

  it('"The bank gave no details, but said": an irregular past tense ends the opening subject', () => {
    expect(attributions('The bank gave no details of the loss, but said the records were safe.').map((a) => a.source?.text)).toEqual([
      'The bank'
    ]);
  });

  it('"..., according to X, with ...": the source vouches for the clause before it', () => {
    const [a] = attributions('That trend is predicted to continue, according to harbour analysts, with sales rising.');
    expect(a.content?.text).toBe('That trend is predicted to continue');
  });

  it('a cue set off by commas inside a clause speaks the words on both sides of it', () => {
    expect(brief(attributions('The new runway, the airport said, would open in the spring.')[0]).content).toBe(
      'The new runway, the airport said, would open in the spring'
    );
    expect(brief(attributions('Ferry fares could, said Ms Okafor, rise again by June.')[0]).content).toBe(
      'Ferry fares could, said Ms Okafor, rise again by June'
    );
    // The aside opens a second clause: the first stays the writer's.
    const second = 'Tolls will rise in March and, according to the operator, fall again in the autumn.';
    expect(brief(attributions(second)[0]).content).toBe('fall again in the autumn');
    // A cue that closes one clause before a contrasting one opens covers neither side of the "but".
    const closing = 'Tolls rose, the operator said, but traffic fell.';
    expect(attributions(closing).map((a) => a.content?.text)).not.toContain('Tolls rose, the operator said, but traffic fell');
  });

  it('"the Gazette\'s political editor": one named house\'s one such writer is somebody the reader can find', () => {
    const text = "The mayor will resign in May, the Gazette's political editor has learned.";
    expect(attributions(text).map((a) => [a.kind, a.source?.text, a.content?.text])).toEqual([
      ['named', "the Gazette's political editor", 'The mayor will resign in May']
    ]);
  });

  it('a court "ruled that": the ruling is attributed; "ruled out" is not', () => {
    expect(attributions('The appeal judges ruled that the ferry contract was void.').map((a) => [a.cue.text, a.content?.text])).toEqual([
      ['ruled', 'that the ferry contract was void']
    ]);
    expect(attributions('The minister ruled out a new ferry contract.')).toEqual([]);
  });

  it('a speaker after a present-tense verb with no comma, when a name runs to the end', () => {
    const text = 'The ferry may be late again thinks Ana Ruiz, editor of the Harbour Gazette.';
    expect(attributions(text).map((a) => [a.source?.text, a.content?.text])).toEqual([
      ['Ana Ruiz, editor of the Harbour Gazette', 'The ferry may be late again']
    ]);
    // Not a name followed by its own verb.
    expect(attributions('Police believe John Smith, 45, was at the harbour.').map((a) => a.source?.text)).toEqual(['Police']);
  });

  it('"a hacker who officials say is ...": the phrase right after "who" is the source', () => {
    expect(attributions('Ruiz is a pilot who officials say is tied to the smugglers.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['anonymous', 'officials']
    ]);
  });

  it('a cue set off by a comma with only a time or place after it speaks for the clause before it', () => {
    const text = 'The ferry could run twice a day by June, Ms Ito said on Thursday.';
    expect(attributions(text).map((a) => a.content?.text)).toEqual(['The ferry could run twice a day by June']);
    // Not a stance with its object, nor a passive's agent.
    expect(attributions('Ms Ito is unlikely to regret her decision to leave early.').map((a) => a.content?.text)).not.toContain(
      'Ms Ito is unlikely to regret'
    );
  });

  it('a cue whose words after it belong to another source speaks for the clause before it', () => {
    const text = 'Fares will rise in spring, Ms Ito told reporters, although she would not say by how much.';
    expect(attributions(text).map((a) => [a.source?.text, a.content?.text])).toEqual([
      ['Ms Ito', 'Fares will rise in spring'],
      ['she', 'by how much']
    ]);
  });

  it('"The government proposal states that": a document speaks; "foreign demand" is a noun', () => {
    expect(attributions('The harbour proposal states that fares will be frozen.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['document', 'The harbour proposal']
    ]);
    expect(attributions('A strong euro will dampen foreign demand for island cheese.')).toEqual([]);
  });

  it('"made a prediction that", "issued a warning that": the subject of the light verb said it', () => {
    expect(attributions('Ms Ito made a prediction that the ferry would be full.').map((a) => [a.cue.text, a.source?.text])).toEqual([
      ['prediction', 'Ms Ito']
    ]);
    expect(attributions('The ministry issued a stark warning that fares would rise.').map((a) => [a.cue.text, a.source?.text])).toEqual([
      ['warning', 'The ministry']
    ]);
    // A crowd that voices a concern speaks, vaguely.
    expect(attributions('Some islanders have expressed concern that the ferry will stop.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['vague', 'Some islanders']
    ]);
    // A verb that makes nothing of the noun leaves it alone.
    expect(attributions('Fares rose despite a warning that demand was weak.').map((a) => a.source?.text ?? null)).not.toContain('Fares');
  });

  it('"its latest accounts", "our research": papers of somebody the story names', () => {
    expect(attributions('According to its latest accounts, the port spent 8 million euros.')[0].kind).toBe('document');
    expect(attributions('Our research indicates that most firms recover.')[0].kind).toBe('document');
  });

  it('"a quote attributed to X" names the speaker of the quotation that follows', () => {
    const text = 'I am reminded of a quote attributed to Thomas Jefferson. "A nation that limits freedom will have neither."';
    expect(analyze(text).quotes.map((q) => q.speaker)).toEqual(['Thomas Jefferson']);
  });

  it('a finding noun heading a long subject is the source of "found" / "shows"', () => {
    const brief2 = (text: string) => attributions(text).map((a) => [a.kind, a.cue.text, a.source?.text]);
    expect(brief2('A 2014 study by harbour economist Ana Ruiz found 31 cases of fraud.')).toEqual([
      ['named', 'found', 'A 2014 study by harbour economist Ana Ruiz']
    ]);
    expect(brief2('A 2014 study that appeared in a harbour journal found that fares rose.')).toEqual([
      ['document', 'found', 'A 2014 study']
    ]);
    expect(brief2('Another slide shows that eight of 10 ferries run late.')).toEqual([['document', 'shows', 'Another slide']]);
    expect(brief2('The ferry found its way back to port.')).toEqual([]);
    expect(brief2('The report found its way to the minister.')).toEqual([]);
    // A document verb opening the sentence has no subject at all.
    expect(brief2('Shows ferries running late.')).toEqual([]);
    // What made the figures is part of their source.
    expect(brief2('Last week, figures from the Harbour Authority (HA) showed that traffic fell.')).toEqual([
      ['institutional', 'showed', 'figures from the Harbour Authority (HA)']
    ]);
  });

  it('a reporting noun before its own verb is a noun; after a relative or a pronoun it reports', () => {
    expect(attributions('Other words on the Merriam-Webster list were chosen by readers.')).toEqual([]);
    expect(attributions('The bill, which ministers claim will cut crime, was debated.').map((a) => a.source?.text)).toEqual(['ministers']);
    expect(attributions('It is a show they claim is a copy of theirs.').map((a) => a.source?.text)).toEqual(['they']);
  });

  it('"The survey of more than 1,000 people reported": the survey, not the people', () => {
    expect(attributions('The survey of more than 1,000 people reported that 43% would pay.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['document', 'The survey of more than 1,000 people']
    ]);
    // A verb of its own before the cue is another clause.
    expect(attributions('Tory sources say senior party figures had argued against it.').map((a) => a.source?.text)).toEqual([
      'Tory sources',
      'senior party figures'
    ]);
  });

  it('a name before an appositive whose closing comma is missing is the source', () => {
    expect(
      attributions('"They should act now," Mr Prettejohn, the harbour chief executive said.').map((a) => [a.kind, a.source?.text])
    ).toEqual([['named', 'Mr Prettejohn, the harbour chief executive']]);
    // An opener before the comma is no name.
    expect(attributions('On Monday, police officials said the man had fled.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['anonymous', 'police officials']
    ]);
    expect(attributions('In New York, police officials said the man had fled.').map((a) => [a.kind, a.source?.text])).toEqual([
      ['anonymous', 'police officials']
    ]);
  });

  it('finding or recording something is no report', () => {
    expect(attributions('The papers were found by a member of the public in a street.')).toEqual([]);
  });

  it('"a committee of MPs and peers" is one subject', () => {
    expect(
      attributions('Abuses have reached shocking levels, a committee of MPs and peers has warned.').map((a) => [a.kind, a.source?.text])
    ).toEqual([['institutional', 'a committee of MPs and peers']]);
  });

  it('"which saw" is an event, not a witness', () => {
    expect(
      attributions('The double album, which saw two producers share the work, was hailed by critics.').map((a) => a.cue.text)
    ).not.toContain('saw');
  });

  it('"say" between commas means "for example"', () => {
    const text = '"To lump them in with, say, Burma is not appropriate," he told the committee.';
    expect(analyze(text).quotes.map((q) => q.speaker)).toEqual(['he']);
  });

  it('"forecast" as a noun, and "reckoned with", attribute nothing', () => {
    expect(attributions('The forecast was for rain.')).toEqual([]);
    expect(attributions('He is a force to be reckoned with.')).toEqual([]);
  });
});

describe('pronoun sources resolve to the last source', () => {
  it('"It added" after the Kremlin, in the next sentence', () => {
    const text = 'The Kremlin said the talks would continue. It added that no date had been set.';
    const list = attributions(text);
    expect(list.map(brief)).toEqual([
      {kind: 'institutional', cue: 'said', source: 'The Kremlin', resolvedSource: null, content: 'the talks would continue', quote: false},
      {kind: 'institutional', cue: 'added', source: 'It', resolvedSource: 'The Kremlin', content: 'that no date had been set', quote: false}
    ]);
    expectSpansTrue(text, list);
  });

  it('"She added" takes the named source and its kind', () => {
    const list = attributions(
      'Maria Olsen, the police chief, said the suspect had been detained. She added that a second arrest was likely.'
    );
    expect(list[1]).toMatchObject({kind: 'named', source: {text: 'She'}, resolvedSource: 'Maria Olsen, the police chief'});
  });

  it('"The spokesman added" resolves like a pronoun', () => {
    const list = attributions('The Kremlin said the talks would continue. The spokesman added that no date had been set.');
    expect(list[1]).toMatchObject({kind: 'institutional', source: {text: 'The spokesman'}, resolvedSource: 'The Kremlin'});
  });

  it('across paragraphs: the last source is carried to the next paragraph', () => {
    const text = 'Maria Olsen, the police chief, said the suspect had been detained.\n\nShe added that a second arrest was likely.';
    const list = attributions(text);
    expect(list[1]).toMatchObject({source: {text: 'She'}, resolvedSource: 'Maria Olsen, the police chief'});
    expect(list[1].cue.start).toBe(text.indexOf('added'));
  });

  it('the most recent source wins', () => {
    const text = 'Maria Olsen said the port would close. The Kremlin said the talks would continue. It added that no date had been set.';
    expect(attributions(text)[2].resolvedSource).toBe('The Kremlin');
  });

  it('a pronoun with nothing before it resolves to nothing', () => {
    const [a] = attributions('The suspect had been detained, she said.');
    expect(a).toMatchObject({source: {text: 'she'}, resolvedSource: null});
  });
});

describe('quotes and speakers', () => {
  it('"...," said X: the quote is the content', () => {
    const text = '"We have waited ten years for these jobs," said Ana Ruiz, a dock worker.';
    const result = analyze(text);
    expect(result.attributions.map(brief)).toEqual([
      {
        kind: 'named',
        cue: 'said',
        source: 'Ana Ruiz, a dock worker',
        resolvedSource: null,
        content: '"We have waited ten years for these jobs,"',
        quote: true
      }
    ]);
    expect(result.quotes).toEqual([{start: 0, end: 42, speaker: 'Ana Ruiz, a dock worker'}]);
  });

  it('X said: "..."', () => {
    const text = 'Maria Olsen said: "The suspect has been detained."';
    const result = analyze(text);
    expect(result.attributions[0]).toMatchObject({quote: true, content: {start: 18, end: 50, text: '"The suspect has been detained."'}});
    expect(result.quotes).toEqual([{start: 18, end: 50, speaker: 'Maria Olsen'}]);
  });

  it('"...," read a statement from X: the document is the source', () => {
    const text = '"We have investigated this matter," read a statement from the phone company.';
    expect(analyze(text).attributions.map(brief)).toEqual([
      {
        kind: 'document',
        cue: 'read',
        source: 'a statement from the phone company',
        resolvedSource: null,
        content: '"We have investigated this matter,"',
        quote: true
      }
    ]);
    // Reading a document aloud is no attribution.
    expect(attributions('She read a statement from the phone company.')).toHaveLength(0);
  });

  it("a quotation after a colon: a name label, a label noun, the sentence's subject", () => {
    const speakers = (text: string) => analyze(text).quotes.map((q) => q.speaker);
    expect(speakers('- Manchester City boss Kevin Keegan: "We had a great chance."')).toEqual(['Manchester City boss Kevin Keegan']);
    expect(speakers('A picture appears under the headline: "Harry the Nazi."')).toEqual(['the headline']);
    expect(speakers('Maria Olsen was blunt about the plan: "It will fail."')).toEqual(['Maria Olsen']);
    expect(speakers('There was only one message: "Go home."')).toEqual(['one message']);
  });

  it('curly quotes', () => {
    const text = '“We will not back down,” the union leader said.';
    expect(analyze(text).quotes).toEqual([{start: 0, end: 24, speaker: 'the union leader'}]);
  });

  it('a second quote in the next sentence keeps the speaker', () => {
    const text = '"We will appeal the ruling," the lawyer said. "This is not over."';
    expect(analyze(text).quotes).toEqual([
      {start: 0, end: 28, speaker: 'the lawyer'},
      {start: 46, end: 65, speaker: 'the lawyer'}
    ]);
  });

  it('a quote with nobody near it has no speaker', () => {
    expect(analyze('Residents gathered outside the hall. "We have waited ten years for these jobs."').quotes).toEqual([
      {start: 37, end: 79, speaker: null}
    ]);
  });

  it("quotes in different paragraphs share a speaker only when one paragraph ends on the other's quotation", () => {
    // News copy runs a speaker on: the paragraph before ends on the lawyer's tagged quotation.
    const text = '"We will appeal," the lawyer said.\n\n"We have waited ten years for these jobs."';
    expect(analyze(text).quotes.map((q) => q.speaker)).toEqual(['the lawyer', 'the lawyer']);
    // A sentence of the writer's between them ends the lawyer's turn.
    const between = '"We will appeal," the lawyer said. The court rose at noon.\n\n"We have waited ten years for these jobs."';
    expect(analyze(between).quotes.map((q) => q.speaker)).toEqual(['the lawyer', null]);
  });

  // News style: a quotation that runs on into the next paragraph is left open at the first paragraph's
  // end and reopened by the mark that starts the next; that mark does not close it.
  it('a quotation continued in the next paragraph keeps its speaker', () => {
    const text =
      '"The port will close in June," said Ana Ruiz, a dock worker. "We have waited ten years for these jobs.\n\n"Now they are gone."';
    const quotes = analyze(text).quotes;
    const last = quotes[quotes.length - 1];
    expect(last).toEqual({start: text.lastIndexOf('"Now'), end: text.length, speaker: 'Ana Ruiz, a dock worker'});
  });
});

describe('anonymous sources: reason and position', () => {
  it('no reason, position described', () => {
    const [a] = attributions('A senior diplomat said the talks had stalled.');
    expect(a).toMatchObject({kind: 'anonymous', anonymityReason: null, position: 'A senior diplomat'});
  });

  it('no reason, no position', () => {
    const [a] = attributions('The deal was close, a source said.');
    expect(a).toMatchObject({kind: 'anonymous', anonymityReason: null, position: null});
  });

  it('"familiar with" is a position', () => {
    const [a] = attributions('Two people familiar with the talks said the deal was close.');
    expect(a.position).toBe('Two people familiar with the talks');
  });

  it.each([
    ['A police officer, who asked not to be named for fear of retaliation, said the suspect had fled.', 'for fear of retaliation'],
    [
      'A government official, speaking on condition of anonymity because he was not authorized to discuss the talks, said the deal was close.',
      'because he was not authorized to discuss the talks'
    ],
    [
      'The deal was close, according to a senior diplomat who asked not to be named because the negotiations are private.',
      'because the negotiations are private'
    ],
    // The reason may come in the next sentence.
    [
      'A senior diplomat said the talks had stalled. The diplomat spoke on condition of anonymity because the talks are confidential.',
      'because the talks are confidential'
    ]
  ])('reason: %s', (text, reason) => {
    const anonymous = attributions(text).filter((a) => a.kind === 'anonymous' && a.resolvedSource === null);
    expect(anonymous[0].anonymityReason).toBe(reason);
  });

  it('named sources carry no anonymity fields', () => {
    const [a] = attributions('Maria Olsen said the suspect had been detained because she feared a riot.');
    expect([a.anonymityReason, a.position]).toEqual([null, null]);
  });
});

describe('offsets in a longer document', () => {
  it('attributions in later paragraphs are shifted to document offsets', () => {
    const text = '# Harbor\n\nThe council met on Monday.\n\nThe Kremlin said the talks would continue.\n';
    const list = analyze(text, {format: 'markdown'}).attributions;
    expect(list).toHaveLength(1);
    expect(list[0].cue.start).toBe(text.indexOf('said'));
    expectSpansTrue(text, list);
  });
});

describe('PolNeAR pass: relative clauses, participles, more cue verbs', () => {
  const cues = (text: string) => attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text ?? null, kind: a.kind}));

  it.each([
    [
      '"the N of voters who said"',
      'The mayor won among the 40 percent of voters who said transit mattered most.',
      {cue: 'said', source: 'voters', kind: 'vague'}
    ],
    [
      '"Name, who said"',
      'The bill passed despite objections from Senator Ruth Varga, who said it went too far.',
      {cue: 'said', source: 'Senator Ruth Varga', kind: 'named'}
    ],
    [
      '"a determiner opens the head"',
      'Residents complained to some council members who say the road is unsafe.',
      {cue: 'say', source: 'some council members', kind: 'vague'}
    ]
  ])('who + speech verb: %s', (_name, text, want) => {
    expect(cues(text)).toContainEqual(want);
  });

  it('a relative clause with a thought or stance verb makes no vague source', () => {
    expect(cues('The plan angered residents who fear higher rents.')).toEqual([]);
    expect(analyze('The plan angered residents who fear higher rents.').findings.filter((f) => f.ruleId === 'vague-source')).toEqual([]);
  });

  it('", saying" after a definite noun phrase takes it as the speaker', () => {
    expect(cues('The harbour authority has closed the pier, saying the storm damaged its supports.')).toContainEqual({
      cue: 'saying',
      source: 'The harbour authority',
      kind: 'institutional'
    });
    expect(cues('The former mayor has praised the plan, saying it would bring jobs.')).toContainEqual({
      cue: 'saying',
      source: 'The former mayor',
      kind: 'named'
    });
  });

  it.each([
    ['"he answered"', '"Next spring," he answered.', 'answered'],
    ['"retorted"', 'The coach retorted that the referee had missed the foul.', 'retorted'],
    ['"thanked X for"', 'Mayor Lena Ortiz thanked the volunteers for their work during the flood.', 'thanked'],
    ['"referred to X as"', 'Governor Alan Pike referred to the plan as a giveaway.', 'referred'],
    ['"reminded X that"', 'Senator Ruth Varga reminded voters that the tax had been cut twice.', 'reminded'],
    ['"decried"', 'Union leader Tom Baines decried the closures as reckless.', 'decried'],
    ['"knows that"', 'Coach Dana Reyes knows that the team needs a win.', 'knows'],
    ['"asked X what"', 'Moderator Ellen Shaw asked the candidate what she would cut first.', 'asked']
  ])('%s is a cue', (_name, text, cue) => {
    expect(cues(text).map((a) => a.cue)).toContain(cue);
  });

  it('"answered questions" and "knew him" are no cues', () => {
    expect(cues('Senator Ruth Varga answered questions for an hour.')).toEqual([]);
    expect(cues('Coach Dana Reyes knew the old stadium well.')).toEqual([]);
  });

  it('"I know" inside a quotation is not a new speaker for the quote', () => {
    const text = 'The plant closed in May.\n\n"We know the workers deserve better."';
    expect(cues(text)).toEqual([]);
    expect(analyze(text).quotes[0].speaker).toBeNull();
  });

  it('knowing credits nothing to an unnamed group', () => {
    const text = 'Regulators asked whether the executives knew that the shares were for sale.';
    expect(analyze(text).findings.filter((f) => f.ruleId === 'anonymous-source' || f.ruleId === 'vague-source')).toEqual([]);
  });
});

describe('PolNeAR pass: quotation tags, "in a poll", bare objects', () => {
  const cues = (text: string) => attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text ?? null}));

  it.each([
    ['speaker then verb', '"Not this year," Varga laughed.', {cue: 'laughed', source: 'Varga'}],
    ['verb then speaker', '"Not this year," laughed Varga.', {cue: 'laughed', source: 'Varga'}],
    ['a pronoun', '"Next spring?" she shrugged.', {cue: 'shrugged', source: 'she'}]
  ])('any verb in a quotation tag: %s', (_name, text, want) => {
    expect(cues(text)).toContainEqual(want);
  });

  it('a verb before a colon that opens a quotation', () => {
    expect(cues('The harbour master shrugged: "Storms come every winter."')).toContainEqual({
      cue: 'shrugged',
      source: 'The harbour master'
    });
  });

  it('no tag: a quotation followed by more of the sentence', () => {
    expect(cues('The word "resilient," repeated often, appears twice in the report.')).toEqual([]);
  });

  it('"in a <named> poll" credits the poll; "in the polls" does not', () => {
    expect(cues('Varga led by six points in a Harbour Gazette poll released on Monday.')).toContainEqual({
      cue: 'in',
      source: 'a Harbour Gazette poll'
    });
    expect(cues('Varga leads in the polls.')).toEqual([]);
  });

  it('"in an interview with" makes the subject speak; "in the book world" does not', () => {
    expect(cues('Varga, in an interview on Monday, was upbeat about the budget.')).toContainEqual({
      cue: 'in an interview',
      source: 'Varga'
    });
    expect(cues('Varga has worked in the book world for years.')).toEqual([]);
  });

  it('"in his words" credits the owner', () => {
    expect(cues('The plan was, in his words, a gamble.').map((a) => a.cue)).toContain('in');
  });

  it('a person "noted the deadline"; a company "noted" nothing with a bare object', () => {
    expect(cues('Senator Ruth Varga noted the deadline in her speech.').map((a) => a.cue)).toContain('noted');
    expect(cues('The harbour supply company recalled 3,000 heaters.')).toEqual([]);
  });
});

describe('PolNeAR pass: stance nouns after a possessive', () => {
  it('"her support for", "the senator\'s criticism of": the owner takes a stand', () => {
    const list = attributions("Varga's criticism of the budget surprised her party.");
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text, stance: a.stance}))).toEqual([
      {cue: 'criticism', source: "Varga's", stance: true}
    ]);
    expect(attributions('The mayor repeated her support for the harbour plan.').map((a) => a.cue.text)).toContain('support');
  });

  it('no possessive or no preposition, no cue', () => {
    expect(attributions('Support for the harbour plan fell in the spring.')).toEqual([]);
    expect(attributions('Her views were well known.')).toEqual([]);
  });
});

describe('PolNeAR pass: declining and seeing', () => {
  const cues = (text: string) => attributions(text).map((a) => a.cue.text);

  it('"declined to" is a stand a named source takes; "shares declined" is not', () => {
    expect(cues('Senator Ruth Varga declined to endorse either candidate.')).toContain('declined');
    expect(cues('Shares declined to 300 pence.')).toEqual([]);
  });

  it('"see X as" is a view (a crowd holding it is a vague source); "users can see" is no source', () => {
    expect(cues('Governor Alan Pike sees the levy as a tax on commuters.')).toContain('sees');
    const vague = (text: string) =>
      analyze(text)
        .findings.filter((f) => f.ruleId === 'vague-source')
        .map((f) => text.slice(f.start, f.end));
    expect(vague('Analysts see the levy as a tax on commuters.')).toEqual(['Analysts']);
    expect(vague('The software controls what websites users can see.')).toEqual([]);
  });

  it('"which suggested" after a time is not a vague source', () => {
    const text = 'Ferreira said he read an article the other day which suggested the rule would change.';
    expect(analyze(text).findings.filter((f) => f.ruleId === 'vague-source')).toEqual([]);
  });
});

describe('PolNeAR pass: quantifier subjects and opening subjects', () => {
  const cues = (text: string) => attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text ?? null, kind: a.kind}));
  const vague = (text: string) =>
    analyze(text)
      .findings.filter((f) => f.ruleId === 'vague-source')
      .map((f) => text.slice(f.start, f.end));

  it('"Some say", "what many thought": the quantifier alone is a vague source', () => {
    expect(cues('Some say the harbour levy will drive ferries away.')).toEqual([{cue: 'say', source: 'Some', kind: 'vague'}]);
    expect(vague('The levy followed what many thought was a rushed consultation.')).toEqual(['many']);
  });

  it('a quantifier inside a phrase is no subject ("the most promising", "are all expected")', () => {
    expect(cues('The jury named Ana Ruiz the most promising newcomer.')).toEqual([]);
    expect(cues('Rents and prices are all expected to rise.')).toEqual([]);
  });

  it('"He\'s comparing ... and says": the pronoun with its auxiliary opens the sentence', () => {
    expect(cues("He's comparing the levy to a toll and says commuters will pay twice.").map((a) => a.cue)).toContain('says');
  });

  it('"The State Department has ... and says": a capitalized office word is part of the subject', () => {
    expect(cues('The State Department has withheld the pages and says it will not release them.')).toContainEqual({
      cue: 'says',
      source: 'The State Department',
      kind: 'institutional'
    });
  });

  it('a crowd that threatens or urges in a coordinated verb makes no vague source', () => {
    expect(vague('Many extortionists are targeting betting firms and threatening to cripple their websites.')).toEqual([]);
  });
});

describe('PolNeAR pass: discussing, repeating, hoping', () => {
  const cues = (text: string) => attributions(text).map((a) => a.cue.text);
  it.each([
    ['Senator Ruth Varga discussed the levy with harbour workers on Monday.', 'discussed'],
    ['Governor Alan Pike repeated his pledge to cut fares.', 'repeated'],
    ['Union leader Tom Baines bemoaned the closures.', 'bemoaned'],
    ['Mayor Lena Ortiz is hoping to reopen the pier by June.', 'hoping']
  ])('%s', (text, cue) => {
    expect(cues(text)).toContain(cue);
  });

  it('a company "discussed" nothing with a bare object; fans "hoping for" make no vague source', () => {
    expect(cues('The harbour supply company discussed its results.')).toEqual([]);
    expect(analyze('Any fans hoping for an encore were disappointed.').findings.filter((f) => f.ruleId === 'vague-source')).toEqual([]);
  });
});

describe('PolNeAR pass: colon labels', () => {
  it('"The Latest:", "Editor\'s Note:" and "Varga: 547." are no speakers; "PIKE: We will rebuild." is', () => {
    expect(attributions('The Latest: Ferry service resumes on the north shore.')).toEqual([]);
    expect(attributions("Editor's Note: This story has been updated.")).toEqual([]);
    expect(attributions('Varga: 547.')).toEqual([]);
    expect(attributions('PIKE: We will rebuild every pier.').map((a) => a.source?.text)).toEqual(['PIKE']);
  });

  it('a name and a colon after a dash introduce a quotation', () => {
    const list = attributions('FERRIES RETURN - Lena Ortiz: "Every route opens by June."');
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text}))).toEqual([{cue: ':', source: 'Lena Ortiz'}]);
  });
});

describe('PolNeAR pass: definitions are no attributions', () => {
  it('"The term refers to" defines; "Pike referred to the plan as" reports', () => {
    expect(attributions('The term refers to ferries that carry both cars and trains.')).toEqual([]);
    expect(attributions('Governor Alan Pike referred to the plan as a giveaway.').map((a) => a.cue.text)).toEqual(['referred']);
  });
});

describe('"found" in its reporting sense only', () => {
  it.each([
    'Varga found a job in Leeds.',
    'Varga found a house near the river last year.',
    'Police found him in a car.',
    'Police found 3kg of cocaine.',
    'Varga found himself in trouble again.',
    'The mayor found a way to keep the ferry running.',
    'Varga found a flat near the station which was cheap.'
  ])('a thing found is no finding: %s', (text) => {
    expect(attributions(text)).toEqual([]);
  });

  it.each([
    ['A report found that prices rose.', 'A report', 'that prices rose'],
    ['The study found a link between diet and sleep.', 'The study', 'a link between diet and sleep'],
    ['Varga found that the figures were wrong.', 'Varga', 'that the figures were wrong'],
    ['Police found no evidence that the mayor lied.', 'Police', 'no evidence that the mayor lied'],
    [
      'The committee found the £40m system from a US supplier was unreliable.',
      'The committee',
      'the £40m system from a US supplier was unreliable'
    ],
    [
      'Two analysts, Ana Ruiz and Tom Bell, found in 2014 that the fleet was old.',
      'Two analysts, Ana Ruiz and Tom Bell',
      'in 2014 that the fleet was old'
    ],
    [
      'A Harbour Gazette/Westfield Poll finds a generation that is restless.',
      'A Harbour Gazette/Westfield Poll',
      'a generation that is restless'
    ],
    ['Prices rose sharply, the audit found.', 'the audit', 'Prices rose sharply']
  ])('a finding: %s', (text, source, content) => {
    const list = attributions(text);
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text, content: a.content?.text}))).toEqual([
      {cue: text.match(/\b(found|finds)\b/)![0], source, content}
    ]);
  });

  it('a crowd finding something good or bad holds an opinion (a vague source); finding a way, being able to find or being helped to find does not', () => {
    expect(attributions('Some fans would find such a move controversial.').map((a) => ({kind: a.kind, source: a.source?.text}))).toEqual([
      {kind: 'vague', source: 'Some fans'}
    ]);
    expect(attributions('Most readers find the column dull.').map((a) => a.source?.text)).toEqual(['Most readers']);
    expect(attributions('Many families found ways to cut their bills.')).toEqual([]);
    expect(attributions('Farmers can find the prices on the website.')).toEqual([]);
    expect(attributions('The software helps people find old files.')).toEqual([]);
    expect(attributions('Many commuters will find themselves stuck in traffic.')).toEqual([]);
  });

  it('a person "recorded" an album; a noun "show" or "record" after a singular noun is no cue', () => {
    expect(attributions('Lennon recorded his last album at the studio in 1979.')).toEqual([]);
    expect(attributions('The X Factor show votes off a contestant every week.')).toEqual([]);
    expect(attributions('Varga has record low support in the north, with just 9 percent.')).toEqual([]);
  });

  it('base forms after a plural, a pronoun or an auxiliary still report', () => {
    expect(attributions('Figures from the trade ministry show that exports rose.').map((a) => a.source?.text)).toEqual([
      'Figures from the trade ministry'
    ]);
    expect(attributions('The data show a fall in exports.').map((a) => a.source?.text)).toEqual(['The data']);
    expect(attributions('Data published by the port on Tuesday show that traffic fell.').map((a) => a.source?.text)).toEqual([
      'Data published by the port on Tuesday'
    ]);
    expect(attributions('Ortiz could show that the fund was empty.').map((a) => a.source?.text)).toEqual(['Ortiz']);
  });
});

describe('accuracy pass: a time between the verb and what it reports', () => {
  it.each([
    ['The FBI concluded this month that the server was insecure.', 'concluded', 'The FBI'],
    ['Ana Ruiz noted last week that the ferry was late.', 'noted', 'Ana Ruiz'],
    ['"The ferry will not run in winter," Marta Kovac wrote recently.', 'wrote', 'Marta Kovac'],
    ['Lord Pike called last week for observers at the election.', 'called', 'Lord Pike']
  ])('%s', (text, cue, source) => {
    expect(attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text}))).toEqual([{cue, source}]);
  });

  it('a bare object after the time is still no complement', () => {
    expect(attributions('The company noted last week record sales.')).toEqual([]);
  });
});

describe('accuracy pass: "first reported"', () => {
  it('"first" is an adverb after a subject or "be"', () => {
    expect(attributions('The meeting was first reported by the Harbour Gazette.').map((a) => a.source?.text)).toEqual([
      'the Harbour Gazette'
    ]);
    expect(attributions('The Gazette first reported the decision on Sunday.').map((a) => a.source?.text)).toEqual(['The Gazette']);
  });

  it('"the first reported case", "the first reports" are no cues', () => {
    expect(attributions('The first reported case was in May.')).toEqual([]);
    expect(attributions('The first reports came on Sunday.')).toEqual([]);
  });
});

describe('accuracy pass: ", saying" with a subject the model cannot name', () => {
  it('the words are reported, with no source made up', () => {
    const list = attributions('The port authority in Westfield hit back again, saying the ferry plan was unfair.');
    expect(list.map((a) => ({cue: a.cue.text, source: a.source, content: a.content?.text}))).toEqual([
      {cue: 'saying', source: null, content: 'the ferry plan was unfair'}
    ]);
  });

  it('"saying goodbye", "adding to his wins" report nothing', () => {
    expect(attributions('The crowd in Westfield waved from the pier, saying goodbye.')).toEqual([]);
    expect(attributions('The team from Westfield won the race in Leeds, adding to its wins in May.')).toEqual([]);
  });
});

describe('accuracy pass: "as X put it"', () => {
  it.each([
    ['As Tom Ridge put it: "The ferry is our road."', 'Tom Ridge', 'named'],
    ['As Ana Ruiz put it, the port is the heart of the town.', 'Ana Ruiz', 'named'],
    ['The ferry, as one official put it, is "a floating wreck".', 'one official', 'anonymous']
  ])('%s', (text, source, kind) => {
    expect(attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text, kind: a.kind}))).toEqual([
      {cue: 'put it', source, kind}
    ]);
  });

  it('"put it on the table" is no cue', () => {
    expect(attributions('Ana Ruiz put it on the table.')).toEqual([]);
  });

  it('the quotation after "put it:" has its speaker', () => {
    expect(analyze('As Tom Ridge put it: "The ferry is our road."').quotes.map((q) => q.speaker)).toEqual(['Tom Ridge']);
  });
});

describe('accuracy pass: stance nouns without a possessive', () => {
  it.each([
    ['The ferry plan drew criticism from fellow senators.', 'criticism', 'fellow senators'],
    ["Varga won the endorsement of the dockers' union.", 'endorsement', null],
    ['There were complaints that the port was closed too early.', 'complaints', null],
    ['Ruiz had nothing but praise for the crew.', 'praise', null]
  ])('%s', (text, cue, source) => {
    const list = attributions(text);
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text ?? null, stance: a.stance}))).toEqual([{cue, source, stance: true}]);
  });

  it('a crowd after "from" makes no attribution; a stance noun inside a quotation is the speaker\'s word', () => {
    expect(attributions('The plan drew criticism from many economists.')).toEqual([]);
    const text = 'Ana Ruiz praised the vote. "It was the strongest endorsement of the plan."';
    expect(attributions(text).map((a) => a.cue.text)).toEqual(['praised']);
  });
});

describe('stance nouns with their holder after "from"', () => {
  it.each([
    [
      'The ferry levy raised concerns from the European Commission about competition.',
      'concerns',
      'the European Commission',
      'institutional'
    ],
    ['A warning from Mr Okafor about the cuts went unheeded.', 'warning', 'Mr Okafor', 'named'],
    ['The harbour plan met objections from the port authority over the noise.', 'objections', 'the port authority', 'institutional']
  ])('%s', (text, cue, source, kind) => {
    const list = attributions(text);
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text ?? null, kind: a.kind, stance: a.stance}))).toEqual([
      {cue, source, kind, stance: true}
    ]);
  });

  it('the holder ends where the topic starts; a sentence with a verb cue keeps both', () => {
    const text = 'The move raises concerns from the United States about ferry safety, which the U.S. has warned would carry costs.';
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([
      ['concerns', 'the United States'],
      ['warned', 'the U.S.']
    ]);
  });

  it('no holder, a time or a crowd after "from": no attribution', () => {
    expect(attributions('Concerns about the ferry persist.')).toEqual([]);
    expect(attributions('The protests from last year were large.')).toEqual([]);
    expect(attributions('The plan drew objections from residents about the noise.')).toEqual([]);
  });
});

describe('"continue" speaks only with the words it brings in', () => {
  it.each([
    ['"The pier is safe," Ms Okafor continued.', 'Ms Okafor'],
    ['Ms Okafor continued: "The pier is safe."', 'Ms Okafor'],
    ['Ms Okafor continues, "The pier is safe."', 'Ms Okafor'],
    ['The harbour master continued in the Gazette: "The pier is safe."', 'The harbour master'],
    ['The narrator continues that the pier is safe.', 'The narrator']
  ])('%s', (text, source) => {
    expect(attributions(text).map((a) => [a.cue.text.toLowerCase().slice(0, 8), a.source?.text])).toEqual([['continue', source]]);
  });

  it('going on is no speech: the figures after it keep their question', () => {
    const text = 'The fighting continued, and 30 people were killed.';
    expect(attributions(text)).toEqual([]);
    expect(analyze(text).findings.map((f) => f.ruleId)).toEqual(['unsourced-statistic']);
    expect(attributions('Its brands, well-known overseas, have continued to perform strongly.')).toEqual([]);
  });
});

describe('a condition opening the sentence belongs to what the source reports', () => {
  const hedgeOf = (text: string) => analyze(text).findings.find((f) => f.ruleId === 'hedge');

  it('"If ..., the source says that ...": the condition is covered', () => {
    const text = 'If the pier could be saved, the harbour master says that she would back the plan.';
    const [said] = attributions(text);
    expect(text.slice(said.content!.start, said.content!.end)).toBe(
      'If the pier could be saved, the harbour master says that she would back the plan'
    );
    expect(hedgeOf(text)?.severity).toBe('info');
  });

  it('a condition with marks of its own, or another kind of clause, is left to the writer', () => {
    for (const text of [
      'If the pier, which is old, could be saved, the harbour master says she would back it.',
      'Although the pier could be saved, the harbour master says she will not back the plan.'
    ]) {
      const [said] = attributions(text);
      expect(text.slice(said.content!.start, said.content!.end)).toMatch(/^she /);
    }
    expect(hedgeOf('Although the pier could be saved, the harbour master says she will not back the plan.')?.severity).toBe('warning');
  });
});

describe('"with X saying ...": the speaker between "with" and the participle', () => {
  it.each([
    ['Fares rose again, with analysts saying the ferry line could cut routes.', 'analysts', 'vague'],
    ['The pier stayed shut, with officials warning that the storm had weakened it.', 'officials', 'anonymous'],
    ['He left the meeting with Ms Ruiz saying the pier would close.', 'Ms Ruiz', 'named']
  ])('%s', (text, source, kind) => {
    expect(attributions(text).map((a) => [a.source?.text, a.kind])).toEqual([[source, kind]]);
  });

  it("the words said are theirs: a hedge in them is not the writer's", () => {
    const text = 'Fares rose again, with analysts saying the ferry line could cut routes.';
    expect(analyze(text).findings.find((f) => f.ruleId === 'hedge')?.severity).toBe('info');
  });

  it('nothing said after the participle, no cue', () => {
    expect(attributions('She heads to the convention with a key speaking slot on Monday.')).toEqual([]);
    expect(attributions('The ferry sailed with passengers singing.')).toEqual([]);
  });
});

describe('"charged that" is an accusation', () => {
  it('a loaded speech cue before "that"', () => {
    const text = 'The harbour union charged that the ferry line hid the safety reports.';
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([['charged', 'The harbour union']]);
    expect(analyze(text).findings.map((f) => [f.ruleId, f.actual])).toContainEqual(['loaded-verb', 'charged']);
  });

  it('a charge in court, a price, or "charges" as a noun is no cue', () => {
    expect(attributions('The skipper was charged with careless navigation.')).toEqual([]);
    expect(attributions('The skipper was charged, the coastguard said.').map((a) => a.cue.text)).toEqual(['said']);
    expect(attributions('The firm paid $2m to settle charges that it misled passengers.')).toEqual([]);
  });
});

describe("a poll's respondents are no source of their own", () => {
  it('voters who said, in a sentence about a poll: the poll counts them', () => {
    expect(attributions('The new poll counts islanders and commuters who said they would vote in the ferry ballot.')).toEqual([]);
  });

  it('the polls themselves, and respondents with no poll in the sentence, still are', () => {
    expect(attributions('The claims follow various opinion polls which suggest the ferry party is gaining.').map((a) => a.kind)).toEqual([
      'vague'
    ]);
    expect(attributions('The mayor won among the 40 percent of voters who said transit mattered most.').map((a) => a.kind)).toEqual([
      'vague'
    ]);
  });
});

describe("after a quotation's tag, a participle is the writer's", () => {
  const ids = (text: string) => analyze(text).findings.map((f) => [f.ruleId, f.actual, f.severity]);

  it.each([
    ['"The pier must close," the mayor said, referencing a report widely believed to be flawed.', 'vague-source', 'widely believed'],
    ['"The pier must close," the mayor wrote on Monday, linking to a video of her slamming the plan.', 'editorializing', 'slamming'],
    ['"It is troubling," writes Ana Ruiz, seeming to understand the opposition.', 'hedge', 'seeming to']
  ])('%s', (text, ruleId, actual) => {
    expect(ids(text)).toContainEqual([ruleId, actual, 'warning']);
  });

  it("a participle that speaks or takes a stand is still the speaker's", () => {
    expect(ids('"We will win," she said, adding that the polls might be wrong.')).toEqual([['hedge', 'might be', 'info']]);
    expect(ids('"Ferries are safe," she said, dismissing claims that the pier could collapse.')).toEqual([['hedge', 'could', 'info']]);
  });
});

describe("a body's noun points back to a body only", () => {
  it('"The ministry said" after a judge spoke is the ministry', () => {
    const text = 'Judge Ana Ruiz said the ministry must redo its study. The ministry said it would appeal.';
    const ministry = attributions(text).find((a) => a.source?.text === 'The ministry');
    expect([ministry?.resolvedSource, ministry?.kind]).toEqual([null, 'institutional']);
  });

  it('"it" still takes the last speaker, a body or not', () => {
    const pronoun = attributions('The harbour board said the pier would close. It said repairs would start in May.');
    expect(pronoun.map((a) => a.resolvedSource)).toEqual([null, 'The harbour board']);
  });
});

describe('a time before the subject', () => {
  it.each([
    ['Last Friday the ministry announced it would close the pier.', 'the ministry'],
    ['Yesterday Ms Okafor said the ferry was safe.', 'Ms Okafor'],
    ['Last week officials said the ferry was safe.', 'officials']
  ])('%s', (text, source) => {
    expect(attributions(text).map((a) => a.source?.text)).toEqual([source]);
  });

  it('leaves an anaphor free to find its antecedent', () => {
    const text =
      'Harbour Minister Ana Ruiz said on Monday the pier would close. Last Friday the minister had announced he would build a new one.';
    const later = attributions(text).find((a) => a.cue.text === 'announced');
    expect(later?.resolvedSource).toBe('Harbour Minister Ana Ruiz');
    expect(analyze(text).findings.filter((f) => f.ruleId === 'anonymous-source')).toEqual([]);
  });
});

describe('title case', () => {
  it('a headline capitalizes its verbs: they are cues', () => {
    expect(attributions('Harbour Chief Says Ferry Deal Is Close').map((a) => a.cue.text)).toEqual(['Says']);
  });

  it('a run of capitals longer than any headline is names, not verbs', () => {
    // 'Fear ' repeated was read as a headline: every word a verb with a 15-word source (3.4x news).
    expect(attributions('Fear '.repeat(30).trim() + '.')).toEqual([]);
    expect(attributions('Hope '.repeat(30).trim() + '.')).toEqual([]);
  });
});

describe('"as of the latest reports"', () => {
  it('credits the clause after it to the reports, a vague source', () => {
    const text = 'As of the latest reports, the ferry had not left the harbour.';
    const [only, ...rest] = attributions(text);
    expect(rest).toEqual([]);
    expect({cue: only.cue.text, source: only.source?.text, kind: only.kind}).toEqual({
      cue: 'As of',
      source: 'the latest reports',
      kind: 'vague'
    });
    expect(text.slice(only.content!.start, only.content!.end)).toBe('the ferry had not left the harbour');
  });

  it('"as of" a time is no source', () => {
    expect(attributions('As of Monday, the ferry had not left the harbour.')).toEqual([]);
    expect(attributions('As of the latest count, 30 boats were missing.')).toEqual([]);
  });
});

describe('accuracy pass: "talks about", "wrote to", "wrote back"', () => {
  it.each([
    ['Ana Ruiz talks about a revolution in the port.', 'talks', 'Ana Ruiz'],
    ['She talks about the ferry every week.', 'talks', 'She'],
    ['Ana Ruiz wrote to the council that the ferry was unsafe.', 'wrote', 'Ana Ruiz'],
    ['Ms Ruiz wrote back: "We all know."', 'wrote', 'Ms Ruiz']
  ])('%s', (text, cue, source) => {
    expect(attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text}))).toEqual([{cue, source}]);
  });

  it('"the talks about", "in talks about" are nouns; "talks" needs a person', () => {
    expect(attributions('The talks about the ferry stalled.')).toEqual([]);
    expect(attributions('The union is in talks about the ferry.')).toEqual([]);
    expect(attributions('The ministry talks about reform every year.')).toEqual([]);
  });
});

describe('accuracy pass: a sentence that opens "In an interview, ..."', () => {
  it('the words are reported, with no source made up, when no verb names the speaker', () => {
    const list = attributions('In a speech, a top adviser explained why: the port was full.');
    expect(list.map((a) => ({cue: a.cue.text, source: a.source}))).toEqual([{cue: 'In a speech', source: null}]);
  });

  it('a verb after it still names the speaker; "In the video" is no cue', () => {
    expect(attributions('In a statement, the club confirmed the sale.').map((a) => a.cue.text)).toEqual(['confirmed']);
    expect(attributions('In the video, he walks to the pier.')).toEqual([]);
  });
});

describe('accuracy pass: "has learned that"', () => {
  it.each([
    ['The Gazette has learned that the port will close.', 'The Gazette'],
    ['The agency eventually learned that the ship had sunk.', 'The agency'],
    ['Ruiz learned of the closure on Monday.', 'Ruiz']
  ])('%s', (text, source) => {
    expect(attributions(text).map((a) => ({cue: a.cue.text, source: a.source?.text}))).toEqual([{cue: 'learned', source}]);
  });

  it('learning a thing, a crowd learning, and "I have learned" inside a quotation are no cues', () => {
    expect(attributions('Pupils learned a lot about ferries.')).toEqual([]);
    expect(attributions('Pupils can practise what they have learned.')).toEqual([]);
    expect(attributions('Council tax will rise by 4%, the Gazette has learned.').map((a) => a.source?.text)).toEqual(['the Gazette']);
    expect(attributions('Many voters learned that the port would close.')).toEqual([]);
    expect(attributions('"I have learned that I cannot rush," Ruiz said.').map((a) => a.cue.text)).toEqual(['said']);
  });
});

describe('accuracy pass: "was asked about"', () => {
  it('the one asked about something takes a stand (a stance, not a source)', () => {
    const list = attributions('The mayor was asked whether the port would close.');
    expect(list.map((a) => ({cue: a.cue.text, source: a.source?.text, stance: a.stance}))).toEqual([
      {cue: 'was asked', source: 'The mayor', stance: true}
    ]);
  });

  it('a request ("was asked to") and a crowd asked are no cues', () => {
    expect(attributions('Ana Ruiz was asked to test for the role.')).toEqual([]);
    expect(attributions('Voters were asked which ferry was best.')).toEqual([]);
  });
});

describe('accuracy pass: "to endorse"', () => {
  it('endorsing after "to" is a stand the sentence\'s subject takes', () => {
    expect(
      attributions('Ruiz was the first member of the council to endorse the plan.').map((a) => ({
        cue: a.cue.text,
        source: a.source?.text,
        stance: a.stance
      }))
    ).toEqual([{cue: 'to endorse', source: 'Ruiz', stance: true}]);
    expect(attributions('The union has yet to endorse a candidate.').map((a) => a.source?.text)).toEqual(['The union']);
  });

  it('a crowd takes no stand; an agentless "is expected to" stays an unattributed claim', () => {
    expect(attributions('Many fans refused to endorse the plan.')).toEqual([]);
    const findings = analyze('The Gazette is expected to endorse the mayor.').findings;
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([['unattributed-claim', 'is expected to']]);
  });
});

describe('accuracy pass: "X\'s decision to", "his refusal to"', () => {
  it.each([
    ["Westland's decision to leave the union surprised its neighbours.", 'decision', "Westland's"],
    ['He was pressed on his refusal to name the donors.', 'refusal', 'his']
  ])('%s', (text, cue, source) => {
    const [a] = attributions(text);
    expect({cue: a.cue.text, source: a.source?.text, stance: a.stance}).toEqual({cue, source, stance: true});
  });
});

describe('belief adjectives: "is confident that"', () => {
  it.each([
    ['The mayor is confident that the bridge will reopen in May.', 'is confident', 'The mayor', 'named'],
    ['Ana Ruiz was increasingly optimistic that the talks would resume.', 'was increasingly optimistic', 'Ana Ruiz', 'named'],
    ["He's convinced that the port will close.", "He's convinced", "He's", 'named'],
    ['The union remains hopeful that the strike will end.', 'remains hopeful', 'The union', 'institutional'],
    ['Critics are concerned that the fee will rise.', 'are concerned', 'Critics', 'vague'],
    ['A senior official was adamant that the deal would hold.', 'was adamant', 'A senior official', 'anonymous']
  ])('%s', (text, cue, source, kind) => {
    const [a] = attributions(text);
    expect({cue: a.cue.text, source: a.source?.text, kind: a.kind}).toEqual({cue, source, kind});
  });

  it("a hedge in the holder's view is theirs; a crowd holding it is a vague source", () => {
    const named = analyze('Ana Ruiz is confident that the ferry could return next year.').findings;
    expect(named.map((f) => [f.ruleId, f.severity, f.actual])).toEqual([['hedge', 'info', 'could']]);
    const crowd = analyze('Some residents are worried that the ferry could stop.').findings;
    expect(crowd.map((f) => [f.ruleId, f.severity, f.actual])).toEqual([
      ['vague-source', 'warning', 'Some residents'],
      ['hedge', 'info', 'could']
    ]);
  });

  it('no holder, no cue: "It is certain that", "make sure that", and the verb "worried" still reports', () => {
    expect(attributions('It is certain that the ferry could stop.')).toEqual([]);
    expect(attributions('Crews will make sure that the ferry is safe.')).toEqual([]);
    expect(attributions('Ruiz worried that the ferry could stop.').map((a) => [a.cue.text, a.source?.text])).toEqual([['worried', 'Ruiz']]);
  });
});

describe('a title and a name open the sentence: "Mr Ruiz ..., telling"', () => {
  it('the participle after the comma takes the titled name as its speaker, and a quotation in what is told has it', () => {
    const text = 'Mr Ruiz began his testimony on Monday, telling the court that the ferry deal was "a work of fiction".';
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([['telling', 'Mr Ruiz']]);
    expect(analyze(text).findings.filter((f) => f.ruleId === 'unattributed-quote')).toEqual([]);
  });
});

describe('a clause, a comma, then "said" and a name: the name speaks', () => {
  it.each([
    ['Although the crew saved some cargo, it is thought the ferry could not be refloated, said Ana Ruiz.', 'Ana Ruiz'],
    ['The port is debt free with a good cash flow, said Mr Ortiz, who runs it.', 'Mr Ortiz, who runs it']
  ])('%s', (text, source) => {
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([['said', source]]);
    expect(analyze(text).findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });

  it('a subject with its own clause keeps the verb ("The mayor, who was elected in May, said the ferry ..."); "told X" names an audience', () => {
    expect(attributions('The mayor, who was elected in May, said the ferry would run.').map((a) => a.source?.text)).toEqual([
      'The mayor, who was elected in May'
    ]);
    const told = attributions('One dealer, who asked not to be named, told Reuters the sales were "poor".');
    expect(told.find((a) => a.cue.text === 'told')?.source?.text).toBe('One dealer, who asked not to be named');
  });
});

describe('quotations reopened sentence by sentence without closing', () => {
  it('a straight mark that opens a word while a quotation is open continues it', () => {
    const text = 'Ruiz said: "We lost the vote. "It was certainly a blow, and the ferry may never run again."';
    expect(scanQuotes(text).ranges).toEqual([{start: text.indexOf('"We'), end: text.length, closed: true}]);
    // So "certainly" and "may" are Ruiz's words, and the quotation has one speaker.
    const findings = analyze(text).findings;
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(analyze(text).quotes.map((q) => q.speaker)).toEqual(['Ruiz']);
  });

  it('a closing mark still closes, and the next quotation opens after it', () => {
    const text = '"We lost," Ruiz said. "We will be back."';
    expect(scanQuotes(text).ranges.map((r) => text.slice(r.start, r.end))).toEqual(['"We lost,"', '"We will be back."']);
  });
});

describe('a time between the subject and its verb', () => {
  it.each([
    ['Ana Ruiz, the harbour master, on Saturday called the plan "reckless".', 'called', 'Ana Ruiz, the harbour master'],
    ['Ana Ruiz yesterday warned that the port could close.', 'warned', 'Ana Ruiz'],
    ['The minister last week said the port could close.', 'said', 'The minister']
  ])('%s', (text, cue, source) => {
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([[cue, source]]);
  });
});

describe('the opening subject before a comma', () => {
  it.each([
    ['Mr Ruiz hit back, saying the ferry would run.', 'Mr Ruiz'],
    ['On Monday, Ana Ruiz hit back, saying the ferry would run.', 'Ana Ruiz'],
    ['However, Ana Ruiz hit back, saying the ferry would run.', 'Ana Ruiz']
  ])('%s', (text, source) => {
    expect(attributions(text).map((a) => [a.cue.text, a.source?.text])).toEqual([['saying', source]]);
  });
});
