// unattributed-claim: predictions, beliefs, concerns and allegations nobody in the text stands behind.
import {describe, expect, it} from 'vitest';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

const HIDES = 'hides who expects or believes it (AP: attribute predictions and opinions)';

describe('unattributed-claim: flagged (warning)', () => {
  it.each([
    ['The summit is expected to focus on trade.', 'is expected to', 11, HIDES],
    ['It is believed that the minister will resign.', 'It is believed that', 0, HIDES],
    ['It is alleged that the company hid the losses.', 'It is alleged that', 0, HIDES],
    ['The minister is said to be considering a run.', 'is said to', 13, HIDES],
    ['The club is reckoned to be worth £2bn.', 'is reckoned to', 9, HIDES],
    // "by" inside the label names nobody who judges.
    ['The visit will be seen as a show of unity by the mayor.', 'will be seen as', 10, HIDES],
    ['The plan was widely seen as a concession.', 'was widely seen as', 9, HIDES],
    ['The plan was hailed as a breakthrough.', 'was hailed as', 9, HIDES],
    ['Concerns persist about the safety of the dam.', 'Concerns persist about', 0, 'whose concern is it? Name who holds it'],
    ['Fears remain that the dam could fail.', 'Fears remain that', 0, 'whose concern is it?'],
    ["The decision raised questions about the board's independence.", 'raised questions', 13, 'whose concern is it?'],
    ['The senator allegedly accepted the payments.', 'allegedly', 12, 'say who alleges it'],
    // A judgement straight after "considered"/"deemed", and the consensus nobody is named for.
    ['The new rules are considered vital for the port.', 'are considered', 14, HIDES],
    ['The footage was deemed too graphic to broadcast.', 'was deemed', 12, HIDES],
    ['It is well known that the stadium needs repairs.', 'It is well known', 0, HIDES],
    ['It is generally accepted that the levee failed first.', 'generally accepted that', 6, HIDES]
  ])('%s', (text, actual, start, message) => {
    const [finding] = expectExactly('unattributed-claim', text, [
      {actual, start, end: start + actual.length, severity: 'warning', message: `Unattributed claim: "${actual}"`}
    ]);
    expect(finding.message).toContain(message);
    expectEditsInSentence(text, finding);
  });
});

describe('unattributed-claim: quiet', () => {
  it.each([
    // Somebody stands behind it.
    'The minister said the summit is expected to focus on trade.',
    '"The summit is expected to focus on trade," the minister said.',
    'The summit is expected to end on Friday, the ministry said.',
    'The summit is expected by diplomats to focus on trade.',
    'The plan has been described as "reckless" and "unworkable" by the harbour pilots.',
    // Not a prediction: an arrival.
    'The minister was expected at the summit.',
    // Deliberation, not a judgement.
    'The appeal will be considered next week.',
    'Options being considered include a sale of the port.',
    'The bid was considered by the board on Monday.',
    'The council approved the budget on Tuesday.',
    // A name, and a distance.
    'North of the river it is known as Station Road.',
    'The flare could be seen as far away as the coast.',
    // The holder after a short label.
    'The song is considered a traditional folk tune by many visitors.',
    // A brand name.
    'The service is being branded as Harbour Link.'
  ])('%s', (text) => expectQuiet('unattributed-claim', text));
});

describe('unattributed-claim: quick fixes', () => {
  it('"are considered vital": name who considers it', () => {
    const text = 'The new rules are considered vital for the port.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(fixesOf(text, finding)[0]).toEqual({
      title: 'Name who holds the view ("by [TK: who]")',
      kind: 'rewrite',
      result: 'The new rules are considered by [TK: who] vital for the port.'
    });
  });

  it('"is expected to": name who expects it, or attribute the sentence', () => {
    const text = 'The summit is expected to focus on trade.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(finding.expected).toEqual(['by [TK: who]']);
    expect(fixesOf(text, finding)).toEqual([
      {
        title: 'Name who holds the view ("by [TK: who]")',
        kind: 'rewrite',
        result: 'The summit is expected by [TK: who] to focus on trade.'
      },
      {title: 'Attribute this', kind: 'attribute', result: 'The summit is expected to focus on trade, according to [TK: source].'}
    ]);
  });

  it('"It is believed that": rewrite in the active voice', () => {
    const text = 'It is believed that the minister will resign.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(finding.expected).toEqual(['[TK: who] believes']);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Rewrite as "[TK: who] believes ..."', kind: 'rewrite', result: '[TK: who] believes that the minister will resign.'},
      {title: 'Attribute this', kind: 'attribute', result: 'It is believed that the minister will resign, according to [TK: source].'}
    ]);
  });

  it('"It is alleged that" -> "[TK: who] alleges that"', () => {
    const text = 'It is alleged that the company hid the losses.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(fixesOf(text, finding)[0].result).toBe('[TK: who] alleges that the company hid the losses.');
  });

  it('"was widely seen as" -> "was widely seen by [TK: who] as"', () => {
    const text = 'The plan was widely seen as a concession.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(fixesOf(text, finding)[0].result).toBe('The plan was widely seen by [TK: who] as a concession.');
  });

  it('"allegedly" has only the attribute fix', () => {
    const text = 'The senator allegedly accepted the payments.';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Attribute this', kind: 'attribute', result: 'The senator allegedly accepted the payments, according to [TK: source].'}
    ]);
  });

  it('a sentence ending inside a quotation is attributed at its start, lower-casing "The"', () => {
    const text = 'The plan was hailed as "a breakthrough for the region."';
    const [finding] = findingsOf('unattributed-claim', text);
    expect(fixesOf(text, finding).find((f) => f.kind === 'attribute')?.result).toBe(
      'According to [TK: source], the plan was hailed as "a breakthrough for the region."'
    );
  });

  // "by [TK: who]" fits passives only; "Fears remain by [TK: who] that ..." would not be English.
  it('"Fears remain that" gets no "by [TK: who]" rewrite', () => {
    const text = 'Fears remain that the dam could fail.';
    const [finding] = findingsOf('unattributed-claim', text);
    for (const fix of fixesOf(text, finding)) expect(fix.result).not.toContain('remain by');
  });
});

describe('unattributed-claim: configuration', () => {
  const text = 'The summit is expected to focus on trade.';
  it('off, severities, allow', () => {
    expectQuiet('unattributed-claim', text, {rules: {'unattributed-claim': 'off'}});
    expect(findingsOf('unattributed-claim', text, {rules: {'unattributed-claim': 'error'}}).map((f) => f.severity)).toEqual(['error']);
    expectQuiet('unattributed-claim', text, {allow: ['is expected to']});
  });
});

describe('unattributed-claim: verdict nouns nobody holds', () => {
  it.each([
    ['The coach resigned after accusations of bullying.', 'after accusations of'],
    ['Shares in the grocer fell amid fears that the merger would collapse.', 'amid fears that'],
    ['The ferry operator has earned praise for its safety record.', 'earned praise'],
    ["The mayor's remarks sparked fresh outrage in the city.", 'sparked fresh outrage'],
    ['The leaked memo raised new questions about the contract.', 'raised new questions']
  ])('%s', (text, actual) => {
    const [finding] = findingsOf('unattributed-claim', text);
    expect(finding.actual).toBe(actual);
    expect(finding.message).toBe(`Unattributed claim: "${actual}" — from whom? Name who made or holds it`);
    expect(fixesOf(text, finding).map((f) => f.kind)).toEqual(['attribute']);
  });

  it.each([
    // The holder is named after the noun, before it, or is the subject who voices it.
    "The plan drew criticism from the teachers' union.",
    'The ferry operator has earned praise from safety inspectors for its record.',
    "The coach resigned after the players' accusations of bullying.",
    'Council officials raised concerns about the cost.',
    // Somebody said it, or it is quoted.
    'The union said the coach resigned after accusations of bullying.',
    '"There were fears that the bridge would fail," the engineer said.'
  ])('quiet: %s', (text) => expectQuiet('unattributed-claim', text));

  it('"by" + a gerund gives a means, not a holder', () => {
    expect(findingsOf('unattributed-claim', 'The firm earned praise for the rescue by cutting costs.').map((f) => f.actual)).toEqual([
      'earned praise'
    ]);
  });
});

describe("unattributed-claim: the writer's own forecasts", () => {
  it.each([
    ['The incumbent would almost certainly lose a runoff.', 'would almost certainly'],
    ['The bridge will surely close before winter.', 'will surely'],
    ['The striker is certain to miss the final.', 'is certain to'],
    ["Things don't look good for the ferry service.", "don't look good for"]
  ])('%s', (text, actual) => {
    const [finding] = findingsOf('unattributed-claim', text);
    expect(finding.actual).toBe(actual);
    expect(finding.message).toBe(`Unattributed claim: "${actual}" is the writer's forecast; say who predicts it`);
    // Not also editorializing: the forecast is the finding.
    expectQuiet('editorializing', text);
  });

  it.each([
    'The minister said the incumbent would almost certainly lose.',
    '"We will surely win," the coach said.',
    'It is certainly true that the bridge is old.'
  ])('quiet: %s', (text) => expectQuiet('unattributed-claim', text));
});

describe('unattributed-claim: feelings and motives stated as fact', () => {
  it.each([
    ['Commuters are furious about the new timetable.', 'Commuters are furious'],
    ['Many farmers were increasingly anxious about the drought.', 'Many farmers were increasingly anxious'],
    ['Britons remain wary of the scheme.', 'Britons remain wary'],
    ["The closure was driven by the owner's fear of a lawsuit.", "driven by the owner's fear"],
    ["The recall has been prompted by the carmaker's growing concern over brakes.", "prompted by the carmaker's growing concern"],
    // The feeling as a noun, of a crowd a quantifier sizes.
    ['The levy taps the frustration of many commuters with the ferry.', 'the frustration of many commuters'],
    ['The timetable caused anger among thousands of rail passengers.', 'anger among thousands of rail passengers']
  ])('%s', (text, actual) => {
    expect(findingsOf('unattributed-claim', text).map((f) => f.actual)).toEqual([actual]);
  });

  it('the message says what is stated as fact', () => {
    const [finding] = findingsOf('unattributed-claim', 'Commuters are furious about the new timetable.');
    expect(finding.message).toBe(
      'Unattributed claim: "Commuters are furious" states how a crowd feels as fact; who says so? Cite a poll or somebody who feels it'
    );
  });

  it.each([
    // A person the story names: the editor's call, not a crowd.
    'The mayor was furious about the timetable.',
    // A crowd word inside a name.
    'The National Union of Students are worried about fees.',
    // The crowd's view, attributed or quoted.
    'A poll by the rail union found commuters are furious about the timetable.',
    '"Commuters are furious," the union said.',
    // Driven by a thing, not a state of mind.
    'The rise was driven by demand for steel.',
    // A reaction one can watch, and a crowd no quantifier sizes.
    'The ferry docked to the delight of many passengers.',
    'The anger of commuters was plain at the meeting.',
    // A feeling noun in a source's words.
    'The mayor said she shared the frustration of many commuters.'
  ])('quiet: %s', (text) => expectQuiet('unattributed-claim', text));

  it('opinion holders whose feeling is the news are a vague source instead', () => {
    const text = 'Political commentators are shocked that the senator is leading.';
    expectQuiet('unattributed-claim', text);
    expect(findingsOf('vague-source', text).map((f) => f.actual)).toEqual(['Political commentators']);
  });
});

describe("unattributed-claim: prospects judged in the writer's voice", () => {
  it.each([
    ['The challenger faces a near impossible task in the runoff.', 'a near impossible task'],
    ['Rescuers face an uphill battle against the floodwater.', 'an uphill battle'],
    ['Finishing the tunnel by spring is a tall order.', 'a tall order'],
    ['I think the mayor would almost certainly lose a runoff.', 'would almost certainly']
  ])('%s', (text, actual) => {
    expect(findingsOf('unattributed-claim', text).map((f) => f.actual)).toEqual([actual]);
  });

  it('a source who judges the prospects', () => {
    expectQuiet('unattributed-claim', 'The challenger faces an uphill battle, his campaign manager admitted.');
  });
});

describe('unattributed-claim: "according to X" before the writer\'s "but"', () => {
  it('vouches for the clause before it', () => {
    expectQuiet(
      'unattributed-claim',
      'It is estimated that 40% of riders own a season ticket, according to the operator, but the figure is higher in town.'
    );
  });
});

describe('unattributed-claim: the writer speaking of themselves', () => {
  it.each(['I would certainly agree with the council.', 'I was destined to spend the winter in the valley.'])('%s', (text) =>
    expectQuiet('unattributed-claim', text)
  );
});
