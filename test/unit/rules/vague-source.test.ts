// vague-source: a crowd instead of a source ("experts say", "local media reported").
import {describe, expect, it} from 'vitest';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

const VAGUE = 'does not say who (name the experts, outlet or report)';

describe('vague-source: flagged (warning)', () => {
  it.each([
    ['Experts say the bridge will need repairs within a decade.', 'Experts', 0],
    ['The bridge will need repairs within a decade, critics argue.', 'critics', 46],
    ['Some analysts believe the central bank will cut rates in March.', 'Some analysts', 0],
    ['Critics of the plan argue that it will raise rents.', 'Critics of the plan', 0],
    ['Local media reported that the mayor had resigned.', 'Local media', 0],
    ['According to reports, the mayor had resigned.', 'reports', 13],
    ['As of the latest reports, the fire was contained.', 'As of the latest reports', 0],
    ['Journalists near the border said the shelling had stopped.', 'Journalists near the border', 0],
    ['Observers said the vote was orderly.', 'Observers', 0],
    ['Bookmakers expect the Harbour Party to win the seat.', 'Bookmakers', 0]
  ])('%s', (text, actual, start) => {
    const [finding] = expectExactly('vague-source', text, [
      {actual, start, end: start + actual.length, severity: 'warning', message: `Vague source: "${actual}" ${VAGUE}`}
    ]);
    expect(finding.expected).toEqual(['[TK: named source]']);
    expectEditsInSentence(text, finding);
  });

  it('the related span of an attributed crowd is its cue', () => {
    const text = 'Experts say the bridge will need repairs within a decade.';
    const [finding] = findingsOf('vague-source', text);
    expect(finding.related).toEqual([{start: 8, end: 11, message: 'Attributed to Experts'}]);
  });
});

describe('vague-source: quiet', () => {
  it.each([
    'Daniel Ortiz, an economist at the University of Lisbon, said the bank would cut rates.',
    'The Associated Press reported that the mayor had resigned.',
    'The minister dismissed critics of the plan.',
    'According to the 2021 census, the town has grown.',
    '"Experts say a lot of things," the mayor said.',
    // The agent is named after the passive.
    'It was reported by the state broadcaster that the dam had held.',
    // A firm whose name ends in a source noun, and research that names who did it.
    'Ferry traffic will double by 2030, according to Harbourline Research.',
    'Research by the Lisbon Institute of Transport suggests that fares will rise.',
    // A name ending in an institution word, a long name, or an acronym before the source noun.
    'According to Transport Department figures, ferry traffic fell by a third.',
    'Harbour Pilots Guild Lisbon figures showed a fall in traffic.',
    'PTA analysts say fares will rise.',
    // An appositive that names the house, before or right after the crowd word.
    'Leading plaintiff, the Harbour Pilots Association, announced the settlement.',
    'Ferry bookings rose 26% in the quarter, according to analysts Harbourline.',
    // A house named by acronym, or "the" and an institution the figures come from.
    'Harbour traffic grew 8% in 2004, figures from the transport ministry show.',
    'ILO-based figures suggest that 14,000 new jobs were created.',
    'University College Lisbon research claims the port lost money.',
    // The crowd is named at once.
    'Other retailers - including Harbourline, Monsoon and Jessops - reported strong sales.',
    'Other retailers, such as Harbourline, reported strong sales.',
    // Inside somebody's attributed words the phrase is theirs.
    'The harbour master said the media reports were not well informed.',
    // The phrase goes on to name the house.
    'According to analysts at Harbourline Research, ferry bookings will rise.',
    'The port will close, according to reports from Reuters.'
  ])('%s', (text) => expectQuiet('vague-source', text));

  it.each([
    // The first source's words stop where another source takes the floor.
    ['The ministry said the berths would open, but critics fear the channel will silt up.', 'critics'],
    ['Although the statement said the port would stay open, observers said it would close.', 'observers'],
    ['Bookings rose 9% in 2004 and experts say the rise will continue.', 'experts'],
    ['Critics of the government say the port is badly run.', 'Critics of the government'],
    ['The bookings were expected by analysts after the company said in May that sales had slowed.', 'analysts'],
    ["According to analysts' forecasts, the port will report a profit.", 'According to analysts'],
    ['Bookings fell 12% in November - with some analysts saying this could signal problems.', 'some analysts']
  ])("the writer's own vague source: %s", (text, actual) => {
    expect(findingsOf('vague-source', text).map((f) => f.actual)).toEqual([actual]);
  });

  it.each([
    ['US analysts say fares will rise.', 'US analysts'],
    ['South Korean media reported the visit.', 'South Korean media'],
    ['Wall Street analysts expect fares to rise.', 'Wall Street analysts'],
    ['The plan was attacked by some Catholic teachers.', 'attacked by some']
  ])('a place or nationality before the crowd keeps it vague: %s', (text, actual) => {
    expect(findingsOf('vague-source', text).map((f) => f.actual)).toEqual([actual]);
  });

  it('a title-case headline still reads its crowd as vague ("Top Analysts Warn")', () => {
    expect(findingsOf('vague-source', 'Top Analysts Warn Of Slowdown In Harbor Trade').map((f) => f.actual)).toEqual(['Top Analysts']);
  });
});

describe('vague-source: quick fixes', () => {
  it('names the crowd and keeps the verb; no second attribution beside the vague one', () => {
    const text = 'Experts say the bridge will need repairs within a decade.';
    const [finding] = findingsOf('vague-source', text);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Name the source', kind: 'name-source', result: '[TK: named source] say the bridge will need repairs within a decade.'}
    ]);
  });

  it('"according to reports" keeps the main clause', () => {
    const text = 'According to reports, the mayor had resigned.';
    const [finding] = findingsOf('vague-source', text);
    expect(fixesOf(text, finding)[0].result).toBe('According to [TK: named source], the mayor had resigned.');
  });

  it('"as of the latest reports" becomes an attribution', () => {
    const text = 'As of the latest reports, the fire was contained.';
    const [finding] = findingsOf('vague-source', text);
    expect(fixesOf(text, finding)).toEqual([
      {title: 'Attribute this', kind: 'attribute', result: 'According to [TK: source], the fire was contained.'}
    ]);
  });

  // "Many believe" is an attribution whose source is the quantifier alone, so the finding and its fix
  // cover "Many" and keep the verb.
  it('"Name the source" keeps the verb of "Many believe"', () => {
    const text = 'Many believe the mayor will resign.';
    const [finding] = findingsOf('vague-source', text);
    expect(finding.actual).toBe('Many');
    expect(fixesOf(text, finding)[0].result).toMatch(/^\[TK: named source\] believe the mayor will resign\.$/);
  });

  it('"Name the source" keeps the verb of "Sources said"', () => {
    const text = 'Sources said the deal was close.';
    for (const finding of findingsOf('vague-source', text)) {
      expect(fixesOf(text, finding)[0].result).toContain(' said the deal was close.');
    }
  });
});

describe('vague-source: configuration', () => {
  it('off and explicit severities', () => {
    const text = 'Experts say the bridge will need repairs within a decade.';
    expectQuiet('vague-source', text, {rules: {'vague-source': 'off'}});
    expect(findingsOf('vague-source', text, {rules: {'vague-source': 'error'}}).map((f) => f.severity)).toEqual(['error']);
    expect(findingsOf('vague-source', text, {rules: {'vague-source': 'info'}}).map((f) => f.severity)).toEqual(['info']);
  });

  it('extra.vagueSources adds phrases', () => {
    const text = 'Armchair generals said the offensive had stalled.';
    expectQuiet('vague-source', text);
    const [finding] = expectExactly(
      'vague-source',
      text,
      [{actual: 'Armchair generals', start: 0, end: 17, severity: 'warning', message: VAGUE}],
      {
        extra: {vagueSources: ['armchair generals']}
      }
    );
    expect(fixesOf(text, finding)[0].result).toBe('[TK: named source] said the offensive had stalled.');
  });

  it('allow list', () => {
    expectQuiet('vague-source', 'Observers said the vote was orderly.', {allow: ['observers']});
  });

  it('in-document: disable vague-source for a block in Markdown', () => {
    const line = 'Observers said the vote was orderly.';
    const text = ['<!-- whosaid-disable vague-source -->', line, '<!-- whosaid-enable vague-source -->', line].join('\n\n');
    expect(findingsOf('vague-source', text, {format: 'markdown'}).map((f) => f.start)).toEqual([text.lastIndexOf(line)]);
  });
});

describe('vague-source: other shapes of a crowd', () => {
  it.each([
    // Reports nobody wrote.
    ['The two owners refused to confirm reports they plan to sell the club.', 'reports'],
    ['Shares rose amid reports that the bank would be sold.', 'reports'],
    ['She left the board because of the reports claiming she had leaked the plan.', 'the reports'],
    // A crowd after a verdict.
    ['The sequel was warmly received by fans and panned by nobody.', 'fans'],
    ['The budget was welcomed by economists on Monday.', 'economists'],
    // Party members or "authorities" speaking as one.
    ['Republicans say the tax cut will pay for itself.', 'Republicans'],
    ['Contrary to his account, authorities say he never entered the building.', 'authorities']
  ])('%s', (text, actual) => {
    const findings = findingsOf('vague-source', text);
    expect(findings.map((f) => f.actual)).toEqual([actual]);
    expect(fixesOf(text, findings[0])[0].result).toBe(text.replace(actual, '[TK: named source]'));
  });

  it.each([
    // A named outlet or holder.
    "The two owners refused to confirm the Gazette's reports that they plan to sell the club.",
    'The sequel was warmly received by fans of the first film.',
    'The budget was welcomed by the Federation of Small Businesses.',
    // A party as a body in British usage, and authorities named.
    'The Tories say the tax cut will pay for itself.',
    'Chinese authorities say he never entered the building.',
    // Inside a source's own words.
    'The mayor said the reports that he would resign were false.'
  ])('quiet: %s', (text) => expectQuiet('vague-source', text));
});

describe('vague-source: a plural subject before an ambiguous reporting word', () => {
  it('"websites report that" is a verb after its subject, not "the report that"', () => {
    expect(findingsOf('vague-source', 'Some travel websites report that fares have doubled.').map((f) => f.actual)).toEqual([
      'Some travel websites'
    ]);
    expectQuiet('vague-source', 'The report that fares had doubled was wrong, the airline said.');
  });
});

describe("vague-source: a named house's documents", () => {
  it('"The Envisional reports" names its house; "Chinese reports" do not', () => {
    expectQuiet('vague-source', 'The Envisional reports said that broadcasters should sell downloads.');
    expect(findingsOf('vague-source', 'The Chinese reports said that broadcasters should sell downloads.').map((f) => f.actual)).toEqual([
      'The Chinese reports'
    ]);
  });
});

describe('vague-source: an opening adverb is not part of the source', () => {
  it('"However polls show": the fix names the source and leaves "However" alone', () => {
    const text = 'However polls show voters want a change.';
    const [finding] = findingsOf('vague-source', text);
    expect(finding.actual).toBe('polls');
    expect(fixesOf(text, finding)[0].result).toBe('However [TK: named source] show voters want a change.');
  });
});

describe("vague-source: a named owner's figures", () => {
  it.each(["Card fraud fell 6% last year, Apacs' figures show.", "Exports rose in May, the ministry's figures show."])('%s', (text) =>
    expectQuiet('vague-source', text)
  );
});

describe('vague-source: party members who act are not a source', () => {
  it('"Republicans have refused to vote" takes a stand; "Republicans say" informs', () => {
    expectQuiet('vague-source', 'Republicans have refused to vote on the nominee.');
    expect(findingsOf('vague-source', 'Republicans say the nominee is unqualified.').map((f) => f.actual)).toEqual(['Republicans']);
  });
});
