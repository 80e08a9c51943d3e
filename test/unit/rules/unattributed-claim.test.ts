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
