// editorializing: the writer's judgement in a news sentence.
import {describe, expect, it} from 'vitest';
import {resolveOptions} from '../../../server/src/analysis';
import {expectEditsInSentence, expectExactly, expectQuiet, findingsOf, fixesOf} from './support';

const JUDGEMENT = "is the writer's judgement; cut it or attribute it";

describe('editorializing: flagged (warning), and the removal fix', () => {
  it.each([
    ["It's noteworthy that the port handled more cargo last year.", "It's noteworthy that", 0, 'The port handled more cargo last year.'],
    [
      "It's worth noting that the port handled more cargo last year.",
      "It's worth noting that",
      0,
      'The port handled more cargo last year.'
    ],
    ['The agreement is a significant development for the region.', 'significant', 19, 'The agreement is a development for the region.'],
    ['Clearly, the plan failed.', 'Clearly', 0, 'The plan failed.'],
    ['Unfortunately, the bridge will close for a month.', 'Unfortunately', 0, 'The bridge will close for a month.'],
    ['Ironically, the bridge opened a day late.', 'Ironically', 0, 'The bridge opened a day late.'],
    ['The so-called reform package passed on Tuesday.', 'so-called', 4, 'The reform package passed on Tuesday.'],
    ['The ceasefire was a remarkable achievement.', 'remarkable', 20, 'The ceasefire was an achievement.'],
    ['The agreement is an incredible achievement.', 'incredible', 20, 'The agreement is an achievement.'],
    // The article changes with the next word.
    ['The agreement is a significant achievement.', 'significant', 19, 'The agreement is an achievement.'],
    ['Stunning results came in on Tuesday.', 'Stunning', 0, 'Results came in on Tuesday.']
  ])('%s', (text, actual, start, removed) => {
    const [finding] = expectExactly('editorializing', text, [
      {actual, start, end: start + actual.length, severity: 'warning', message: `Editorializing: "${actual}" ${JUDGEMENT}`}
    ]);
    expect(finding.expected).toEqual(['']);
    expect(fixesOf(text, finding)).toEqual([{title: `Remove "${actual}"`, kind: 'remove', result: removed}]);
    expectEditsInSentence(text, finding);
  });

  it('"did not significantly" measures a trial\'s result', () => {
    expectQuiet('editorializing', 'The ferry vaccine did not significantly reduce seasickness in the trial.');
  });

  it('"so-called" before a term it only introduces is information; the strict preset keeps it a warning', () => {
    const text = 'Criminals are renting out so-called botnets of hijacked home computers.';
    expect(findingsOf('editorializing', text).map((f) => [f.actual, f.severity])).toEqual([['so-called', 'info']]);
    expect(findingsOf('editorializing', text, resolveOptions({preset: 'strict'})).map((f) => f.severity)).toEqual(['warning']);
    // Before a word for a quality somebody claims, past a quotation mark: a sneer.
    expect(findingsOf('editorializing', 'The so-called "experts" were never named.').map((f) => f.severity)).toEqual(['warning']);
  });

  // Removing a parenthetical between commas keeps one space: "The plan failed."
  it.each([
    ['The plan, of course, failed.', 'The plan failed.'],
    ['The plan, clearly, failed.', 'The plan failed.']
  ])('parenthetical: %s', (text, removed) => {
    const [finding] = findingsOf('editorializing', text);
    expect(fixesOf(text, finding)[0].result).toBe(removed);
  });
});

describe('editorializing: quiet', () => {
  it.each([
    // Technical terms, names, and the sources' own words.
    'The results were statistically significant.',
    'The band signed with Significant Other Records.',
    'The minister said the agreement was a significant development.',
    '"It was a stunning result," the coach said.',
    'The port handled 4 million containers last year.',
    // Terms of art, and "celebrate" as a verb.
    'Shareholders demanded an extraordinary shareholders meeting.',
    'The pier was declared a historic landmark in 1998.',
    'The deal was celebrated by the new chief executive.',
    'The captain, who celebrated his 25th birthday on Wednesday, is fit.',
    'Once a significant number of users sign up, the service pays for itself.',
    // "significant" measuring an amount, as "major" does.
    'Ferry bookings showed a significant increase in the spring.',
    'The storm caused significant damage to the pier.',
    'The ferry line has no significant assets outside the island.'
  ])('%s', (text) => expectQuiet('editorializing', text));

  it('"celebrated" before a noun is still the writer\'s praise', () => {
    expect(findingsOf('editorializing', 'The celebrated harbour pilot retired on Monday.').map((f) => f.actual)).toEqual(['celebrated']);
  });
});

describe('editorializing: configuration', () => {
  const text = 'The agreement is a significant development for the region.';

  it('off, the opinion preset, severities', () => {
    expectQuiet('editorializing', text, {rules: {editorializing: 'off'}});
    expectQuiet('editorializing', text, resolveOptions({preset: 'opinion'}));
    expect(findingsOf('editorializing', text, {rules: {editorializing: 'hint'}}).map((f) => f.severity)).toEqual(['hint']);
  });

  it('allow list: whole words, case-insensitive', () => {
    expectQuiet('editorializing', 'The so-called reform package passed on Tuesday.', {allow: ['So-Called']});
    expectQuiet('editorializing', text, {allow: ['significant']});
    expect(findingsOf('editorializing', text, {allow: ['signific']})).toHaveLength(1);
  });

  it('extra.editorial adds phrases', () => {
    const sentence = 'The reform package was a watershed for farmers.';
    expectQuiet('editorializing', sentence);
    expectExactly(
      'editorializing',
      sentence,
      [{actual: 'watershed', start: 25, end: 34, severity: 'warning', message: 'Editorializing: "watershed"'}],
      {
        extra: {editorial: ['watershed']}
      }
    );
  });
});

describe('editorializing: superlatives and fame words, under the strict preset only', () => {
  const strict = resolveOptions({preset: 'strict'});

  it.each([
    ['The bridge is one of the most photographed in the country.', 'one of the most', 14],
    ['The chef is best known for a soup.', 'best known', 12],
    ['The most notable absentee was the finance minister.', 'most notable', 4]
  ])('%s', (text, actual, start) => {
    expectExactly(
      'editorializing',
      text,
      [{actual, start, end: start + actual.length, severity: 'warning', message: `Editorializing: "${actual}" ${JUDGEMENT}`}],
      strict
    );
    expectQuiet('editorializing', text);
  });

  it('an esteem superlative is one finding under either preset, not two', () => {
    const text = 'The bridge is one of the most admired in the country.';
    expect(findingsOf('editorializing', text).map((f) => f.actual)).toEqual(['one of the most admired']);
    expect(findingsOf('editorializing', text, strict).map((f) => f.actual)).toEqual(['one of the most admired']);
  });

  it("the source's words stay quiet", () =>
    expectQuiet('editorializing', 'The mayor said the bridge is one of the most photographed in the country.', strict));
});
