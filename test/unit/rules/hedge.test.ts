// hedge: words of doubt. Warning in the writer's voice; info when they are the source's words
// (inside a quote or a that-clause attributed to a named source), with `related` pointing at the cue.
import {describe, expect, it} from 'vitest';
import {analyze, resolveOptions} from '../../../server/src/analysis';
import {expectEditsInSentence, expectExactly, expectQuiet, expectWellFormed, findingsOf, fixesOf} from './support';

const WRITER = "in the writer's voice";

describe("hedge: flagged in the writer's voice", () => {
  it.each([
    ['The ruling could slow two other projects.', 'could', 11],
    ['Inflation may ease in the spring.', 'may', 10],
    ['The ruling will possibly slow two other projects.', 'possibly', 16],
    ['Possibly, the ruling will slow two other projects.', 'Possibly', 0],
    ['The mayor reportedly plans to resign.', 'reportedly', 10],
    ['The company appears to have missed the deadline.', 'appears to', 12],
    ['The strike will likely end this week.', 'likely', 16],
    ['The plan is arguably the most ambitious in a decade.', 'arguably', 12],
    ['The talks were somewhat productive.', 'somewhat', 15],
    // "if" of a condition, not of a question.
    ['If the talks fail, fares might rise.', 'might', 25],
    // The amount's noun is the subject: the writer's doubt about an event.
    ['The impact could have been worse.', 'could have', 11]
  ])('%s', (text, actual, start) => {
    const [finding] = expectExactly('hedge', text, [
      {actual, start, end: start + actual.length, severity: 'warning', message: `Hedge "${actual}" ${WRITER}`}
    ]);
    expect(finding.related).toEqual([]);
    expectEditsInSentence(text, finding);
  });
});

describe('hedge: quiet', () => {
  it.each([
    'The vote is set for May 4.',
    // Somebody called May.
    'May said: "The harbour will be ready."',
    'May performed with the band in London in September.',
    // An indirect question asks; it asserts nothing.
    'The inquiry will assess how much the ferry line might owe the council.',
    'Islanders want to know whether the ferry line could run in winter.',
    'The harbour master began to wonder if the pier might be saved.',
    // An amount under discussion, as an indirect question names one.
    'The council studied the difference a second ferry could make to the island.',
    'Fishers are wary of the impact the new quotas could have on the harbour.',
    'The likely winner is the incumbent.',
    'The ruling slowed two other projects.',
    'The council approved the budget on Tuesday.',
    // Appearing before somebody, not "appears to be".
    'The saint appeared to Ana Ruiz in a dream, the legend goes.',
    'The singer appeared to the crowd on a balcony.',
    // A comparison, not a doubt.
    'The band squeezed in as many songs as it could before midnight.',
    'The ferry service is not as reliable as it might be.',
    // The penalty the law sets.
    'If convicted, the captain could face up to 12 years in prison.',
    'The harbour company could be fined up to 5,000 euros.',
    'The regulator could fine the ferry firms up to 10% of their turnover.',
    'The tapes could only be sold for personal use.',
    // Past ability and purpose.
    'The crowd could be heard chanting from the quay.',
    'He rebuilt the boat so that she could race in the regatta.',
    'To the fans, the captain could do no wrong.',
    'Nor could most of the pilots surveyed name a date.',
    'Before the crew could reach the ferry, it sank.',
    // A measured comparison between groups.
    'Older passengers were more likely to book by phone.',
    'Commuters are four times more likely to travel by ferry than tourists.',
    'Danes were the most forgetful, being seven times more likely to leave a phone in a cab.',
    'The French were the second most likely to book a ferry.'
  ])('%s', (text) => expectQuiet('hedge', text));

  it("a relative or free relative clause stays the writer's doubt", () => {
    expect(findingsOf('hedge', 'The line signed a deal which could cost the council £1m.').map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf('hedge', 'The council is preparing what could be a full review of fares.').map((f) => f.severity)).toEqual([
      'warning'
    ]);
  });

  it('a prediction about one subject stays a hedge', () => {
    expect(findingsOf('hedge', 'The flanker is more likely to start than the captain.').map((f) => f.actual)).toEqual(['more likely']);
    expect(findingsOf('hedge', 'The ferry is the most likely to sink.').map((f) => f.actual)).toEqual(['most likely']);
  });

  it('a sanction that is no penalty of law stays a hedge', () => {
    expect(findingsOf('hedge', 'The club could face a points deduction.').map((f) => [f.actual, f.severity])).toEqual([
      ['could', 'warning']
    ]);
  });
});

describe("hedge: the source's word is information, with the cue as related", () => {
  it("in a named source's that-clause", () => {
    const text = 'The minister said the ruling could slow two other projects.';
    const [finding] = expectExactly('hedge', text, [
      {actual: 'could', start: 29, end: 34, severity: 'info', message: "is the source's word (The minister)"}
    ]);
    expect(finding.related).toEqual([{start: 13, end: 17, message: 'Attributed to The minister'}]);
    expect(text.slice(finding.related[0].start, finding.related[0].end)).toBe('said');
    expect(finding.suggestions).toEqual([]);
  });

  it('before a speech cue set off by commas in the same clause', () => {
    const text = 'The strike might, the union suggests, spread to the ports.';
    expectExactly('hedge', text, [{actual: 'might', start: 11, end: 16, severity: 'info', message: "is the source's word (the union)"}]);
    // After ", and" the aside speaks only for the second clause.
    const second = 'The strike might spread and, the union suggests, reach the ports.';
    expect(findingsOf('hedge', second).map((f) => [f.actual, f.severity])).toEqual([['might', 'warning']]);
  });

  it('inside a quote with a speaker after it', () => {
    const text = '"The ruling could slow two other projects," the minister said.';
    const [finding] = expectExactly('hedge', text, [{actual: 'could', start: 12, end: 17, severity: 'info', message: '(the minister)'}]);
    expect(finding.related).toHaveLength(1);
    expect(text.slice(finding.related[0].start, finding.related[0].end)).toBe('said');
  });

  it.each([
    ['The minister said the berths would open, but pilots said the channel might silt up.', 'might', 'pilots'],
    ['The harbour master hinted more berths could open next year.', 'could', 'The harbour master'],
    ['The union is concerned thousands of members could lose their vote.', 'could', 'The union'],
    ['The mayor was confident she could win the vote.', 'could', 'The mayor']
  ])("the hedge is the holder's word: %s", (text, actual, who) => {
    expect(findingsOf('hedge', text).map((f) => [f.actual, f.severity, f.message.includes(`(${who})`)])).toEqual([[actual, 'info', true]]);
  });

  it("in a pronoun's following sentence, naming the resolved source", () => {
    const text = 'Maria Olsen, the police chief, said the suspect had been detained. She added that a second arrest was likely.';
    const [finding] = expectExactly('hedge', text, [{actual: 'likely', start: 102, end: 108, severity: 'info', message: 'Maria Olsen'}]);
    expect(text.slice(finding.related[0].start, finding.related[0].end)).toBe('added');
  });
});

describe("hedge: the writer's own openers do not attribute", () => {
  // "It's worth noting that" is the writer's opener, so a hedge after it is the writer's too.
  it('a hedge after "It\'s worth noting that" is still the writer\'s', () => {
    const text = "It's worth noting that the ruling could slow two other projects.";
    expectExactly('hedge', text, [{actual: 'could', start: 34, end: 39, severity: 'warning', message: WRITER}]);
  });
});

describe('hedge: quick fixes', () => {
  it('"possibly" mid-sentence: remove it, or attribute the sentence', () => {
    const text = 'The ruling will possibly slow two other projects.';
    const [finding] = findingsOf('hedge', text);
    expect(finding.expected).toEqual(['']);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Remove the hedge "possibly"', kind: 'remove', result: 'The ruling will slow two other projects.'},
      {title: 'Attribute it', kind: 'attribute', result: 'The ruling will possibly slow two other projects, according to [TK: source].'}
    ]);
  });

  it('a sentence-opening hedge: removal takes the comma and restores the capital', () => {
    const text = 'Possibly, the ruling will slow two other projects.';
    const [finding] = findingsOf('hedge', text);
    expect(fixesOf(text, finding)[0]).toEqual({
      title: 'Remove the hedge "Possibly"',
      kind: 'remove',
      result: 'The ruling will slow two other projects.'
    });
  });

  it('"reportedly", "somewhat", "arguably" are removable', () => {
    const cases: [string, string][] = [
      ['The mayor reportedly plans to resign.', 'The mayor plans to resign.'],
      ['The talks were somewhat productive.', 'The talks were productive.'],
      ['The plan is arguably the most ambitious in a decade.', 'The plan is the most ambitious in a decade.']
    ];
    for (const [text, result] of cases) {
      const [finding] = findingsOf('hedge', text);
      expect(fixesOf(text, finding).find((fix) => fix.kind === 'remove')?.result).toBe(result);
    }
  });

  it('a modal ("could") is not removable, only attributable', () => {
    const text = 'The ruling could slow two other projects.';
    const [finding] = findingsOf('hedge', text);
    expect(finding.expected).toEqual([]);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Attribute it', kind: 'attribute', result: 'The ruling could slow two other projects, according to [TK: source].'}
    ]);
  });

  it("in a longer paragraph the edits stay inside the finding's sentence", () => {
    const text = 'The council met on Monday. The ruling could slow two other projects. Work resumes in June.';
    const found = analyze(text).findings;
    expect(found.some((f) => f.ruleId === 'hedge')).toBe(true);
    expectWellFormed(text, found);
    const [finding] = findingsOf('hedge', text);
    expect(fixesOf(text, finding)[0].result).toBe(
      'The council met on Monday. The ruling could slow two other projects, according to [TK: source]. Work resumes in June.'
    );
  });
});

describe('hedge: configuration', () => {
  const own = 'The ruling could slow two other projects.';
  const attributed = 'The minister said the ruling could slow two other projects.';

  it('off', () => {
    expectQuiet('hedge', own, {rules: {hedge: 'off'}});
    expectQuiet('hedge', attributed, {rules: {hedge: 'off'}});
  });

  it('"off" for hedge leaves the other rules alone', () => {
    const text = 'Experts say the ruling could slow two other projects.';
    const found = analyze(text, {rules: {hedge: 'off'}}).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['vague-source']);
  });

  it("an explicit severity applies to the writer's hedges", () => {
    for (const severity of ['error', 'warning', 'info', 'hint'] as const) {
      expect(findingsOf('hedge', own, {rules: {hedge: severity}}).map((f) => f.severity)).toEqual([severity]);
    }
    expect(findingsOf('hedge', own, {rules: {hedge: 'default'}}).map((f) => f.severity)).toEqual(['warning']);
  });

  it("a configured severity never raises the source's word above information", () => {
    expect(findingsOf('hedge', attributed, {rules: {hedge: 'error'}}).map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf('hedge', attributed, {rules: {hedge: 'warning'}}).map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf('hedge', attributed, {rules: {hedge: 'hint'}}).map((f) => f.severity)).toEqual(['hint']);
  });

  it('allow list: case-insensitive, whole words', () => {
    expectQuiet('hedge', 'The mayor reportedly plans to resign.', {allow: ['Reportedly']});
    expectExactly(
      'hedge',
      'The mayor reportedly plans to resign.',
      [{actual: 'reportedly', start: 10, end: 20, severity: 'warning', message: WRITER}],
      {allow: ['report']}
    );
    // Allowing one hedge keeps the others.
    expectExactly(
      'hedge',
      'The mayor reportedly could resign.',
      [{actual: 'could', start: 21, end: 26, severity: 'warning', message: WRITER}],
      {allow: ['reportedly']}
    );
  });

  it('extra.hedges adds phrases', () => {
    const text = 'On paper, the reform will pass next month.';
    expectQuiet('hedge', text);
    expectExactly('hedge', text, [{actual: 'On paper', start: 0, end: 8, severity: 'warning', message: 'Hedge "On paper"'}], {
      extra: {hedges: ['on paper']}
    });
  });
});

describe('hedge: in-document comments', () => {
  const line = 'The ruling could slow two other projects.';

  it('Markdown: whosaid-disable hedge ... whosaid-enable', () => {
    const text = [line, '<!-- whosaid-disable hedge -->', line, '<!-- whosaid-enable -->', line].join('\n\n');
    const found = findingsOf('hedge', text, {format: 'markdown'});
    const third = text.lastIndexOf(line);
    expect(found.map((f) => f.start)).toEqual([11, third + 11]);
  });

  it('disabling hedge keeps other rules in the range', () => {
    const text = ['<!-- whosaid-disable hedge -->', 'Experts say the ruling could slow two other projects.'].join('\n\n');
    expect(analyze(text, {format: 'markdown'}).findings.map((f) => f.ruleId)).toEqual(['vague-source']);
  });

  it('a bare whosaid-disable silences every rule until whosaid-enable', () => {
    const text = [
      '<!-- whosaid-disable -->',
      'Experts say the ruling could slow two other projects.',
      '<!-- whosaid-enable -->',
      line
    ].join('\n\n');
    const found = analyze(text, {format: 'markdown'}).findings;
    expect(found.map((f) => [f.ruleId, f.actual])).toEqual([['hedge', 'could']]);
    expect(found[0].start).toBe(text.lastIndexOf(line) + 11);
  });

  it('several rules in one comment; enabling one rule leaves the other disabled', () => {
    const mixed = 'Experts say the ruling could slow two other projects.';
    const text = ['<!-- whosaid-disable hedge, vague-source -->', mixed, '<!-- whosaid-enable hedge -->', mixed].join('\n\n');
    const found = analyze(text, {format: 'markdown'}).findings;
    expect(found.map((f) => [f.ruleId, f.start])).toEqual([['hedge', text.lastIndexOf(mixed) + mixed.indexOf('could')]]);
  });

  it('disable without enable runs to the end of the document', () => {
    const text = [line, '<!-- whosaid-disable hedge -->', line, line].join('\n\n');
    expect(findingsOf('hedge', text, {format: 'markdown'}).map((f) => f.start)).toEqual([11]);
  });

  it('plain text: the same comments alone on a line', () => {
    const text = [line, '<!-- whosaid-disable hedge -->', line, '<!-- whosaid-enable -->', line].join('\n');
    const found = findingsOf('hedge', text, {format: 'plaintext'});
    expect(found.map((f) => f.start)).toEqual([11, text.lastIndexOf(line) + 11]);
  });

  it('an unknown rule name in a comment is a notice and silences nothing', () => {
    const text = ['<!-- whosaid-disable hedges -->', line].join('\n');
    const result = analyze(text);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['hedge']);
    expect(result.notices).toEqual(['Unknown rule in a whosaid comment: hedges']);
  });

  it('a comment inside a fenced code block is not a control comment', () => {
    const text = ['```', '<!-- whosaid-disable hedge -->', '```', line].join('\n');
    expect(findingsOf('hedge', text, {format: 'markdown'}).map((f) => f.actual)).toEqual(['could']);
  });
});

describe('hedge: vague quantities, under the strict preset only', () => {
  const strict = resolveOptions({preset: 'strict'});

  it.each([
    ['Many of the flooded homes were uninsured.', 'Many', 0],
    ['In some cases the repairs took a year.', 'some', 3],
    ['Several witnesses described a second car.', 'Several', 0],
    ['The strike closed many schools in the region.', 'many', 18]
  ])('%s', (text, actual, start) => {
    const [finding] = expectExactly(
      'hedge',
      text,
      [{actual, start, end: start + actual.length, severity: 'warning', message: `Vague quantity "${actual}"`}],
      strict
    );
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Give the number', kind: 'rewrite', result: text.slice(0, start) + '[TK: number]' + text.slice(start + actual.length)}
    ]);
  });

  it('the default preset does not report them at all', () => {
    expectQuiet('hedge', 'Many of the flooded homes were uninsured.');
    expectQuiet('hedge', 'In some cases the repairs took a year.', resolveOptions({preset: 'ap'}));
  });

  it.each([
    'Some 300 people were evacuated.', // an estimate
    'The talks took some time.',
    'The bridge has been closed many times.',
    'Several hundred homes lost power.',
    'Many more were evacuated on Sunday.',
    'As many as 40 homes were damaged.',
    'So many roads were closed that buses stopped.',
    'The leaders made some progress on the budget.', // an amount, not a crowd
    'United can make up some ground on Sunday.',
    'For some reason the ferry left early.', // idioms, not quantities
    'The win gave the visitors some breathing space.',
    'The keeper made some great saves in the first half.',
    'Both sides played some fine rugby before the break.',
    'The defence had some hairy moments late on.',
    'The mayor said many homes were damaged.', // the source's words
    '"Many of us lost everything," said Ana Ruiz, a resident.'
  ])('quiet: %s', (text) => expectQuiet('hedge', text, strict));

  it('praise after "some" is left out, not after "many" or "several"', () => {
    expectExactly(
      'hedge',
      'Many excellent restaurants closed in the winter.',
      [{actual: 'Many', start: 0, end: 4, severity: 'warning', message: 'Vague quantity "Many"'}],
      strict
    );
  });

  it("a crowd source is the vague-source rule's finding, not a second one", () => {
    const text = 'Many analysts expect the bank to cut rates.';
    expectQuiet('hedge', text, strict);
    expect(findingsOf('vague-source', text, strict).map((f) => f.actual)).toEqual(['Many analysts']);
  });
});

describe('hedge: "may" before a verb of range is a general statement (info)', () => {
  it.each([
    ['The term may also refer to a fishing boat.', 9],
    ['Opening hours may vary over the holiday.', 14],
    ['Delays may occur on the coast road.', 7]
  ])('%s', (text, start) => {
    expectExactly('hedge', text, [{actual: 'may', start, end: start + 3, severity: 'info', message: 'in a general statement'}]);
  });

  it('a prediction about a particular thing stays a warning', () => {
    expectExactly('hedge', 'The talks may resume on the coast.', [
      {actual: 'may', start: 10, end: 13, severity: 'warning', message: WRITER}
    ]);
  });
});
