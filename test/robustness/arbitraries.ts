// Generators for the robustness properties: hostile Unicode, half-broken Markdown and wire-style
// sentences that make the rules fire (so ranges, quick fixes and the cache get exercised, not just
// the "nothing found" path). All sentences are invented for these tests.
import fc from 'fast-check';

/** fast-check settings: a fixed seed by default so a run is reproducible; FC_SEED=<n> explores others. */
export function runs(numRuns: number) {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261129;
  return {numRuns, seed, endOnFailure: true};
}

/** Invented wire copy that trips each rule at least once, plus clean sentences. */
export const SENTENCES = [
  'Officials said the bridge might close by Friday.',
  'Experts say the levy is expected to fail.',
  '"We will rebuild the pier," the harbour master said.',
  '"The vote is over."',
  'A source familiar with the talks said a deal was near.',
  'A senior official, who asked not to be named because the talks are private, said the offer stood.',
  'Unemployment in the county rose 12% last year.',
  'Turnout was 61.4 percent, up from 1,250 voters in 2019.',
  'Critics slammed the decision and the mayor admitted the delay.',
  "It's noteworthy that the ferry reopened.",
  'Clearly the council made a significant mistake.',
  'Concerns persist about the dam upstream.',
  'The council reportedly approved the budget.',
  '[TK: quote from the union]',
  'The tunnel will open in May TK.',
  'Police said 14 people were hurt, according to a statement from the fire service.',
  'Mayor Ana Ruiz told reporters the shelter would stay open. She said it had 80 beds.',
  'The board met on Tuesday.',
  'Local media reported that the strike could spread.',
  'It is widely believed that fares will rise.',
  '\u201cWe are not leaving,\u201d said Omar Haddad, a dock worker.',
  '\u201cNobody told us anything.\u201d',
  'Some analysts argue the rate cut appears to be premature.',
  'According to the health ministry, 3 in 10 clinics closed.'
];

/** Pieces that break naive text handling. */
export const HOSTILE = [
  'e\u0301',
  'n\u0303\u0323',
  'a\u0300\u0301\u0302\u0303\u0304',
  '\u0301', // combining marks, one without a base
  '\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645',
  '\u05e9\u05dc\u05d5\u05dd',
  '\u202e',
  '\u200f',
  '\u202c',
  '\u2066', // RTL text and controls
  '\u{1F44D}\u{1F3FD}',
  '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}',
  '\u{1F1FA}\u{1F1F8}',
  '\u{1F600}', // emoji, ZWJ sequences, a flag
  '\ud800',
  '\udfff',
  '\udbff',
  '\udc00', // lone surrogates
  '\u0007',
  '\u001b',
  '\u0008',
  '\u007f',
  '\u0085', // control characters
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\ufeff',
  '\u200b',
  '\u200d',
  '\u3000',
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '"',
  "'",
  '\u00ab',
  '\u00bb',
  '\u300c',
  '\u300d',
  '\u2014',
  '\u2013',
  '\u2026',
  '...',
  '?!',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\uFFFD',
  '\uFFFF',
  '\u{10FFFF}',
  '\u{E0041}'
];

const word = fc.constantFrom(
  'said',
  'says',
  'officials',
  'experts',
  'sources',
  'according to',
  'might',
  'may',
  'reportedly',
  'is expected to',
  'slammed',
  'claimed',
  'significant',
  'TK',
  '[TK',
  '42%',
  '1,200',
  '3.5',
  'the',
  'a',
  'mayor',
  'Ruiz',
  'U.S.',
  'Mr.',
  'Dr.',
  'who asked not to be named',
  'familiar with',
  'critics',
  'concerns'
);

/** A very long word or run of one character (kept modest so 100s of runs stay fast). */
const longRun = fc
  .tuple(
    fc.constantFrom('a', 'x', '\u00e9', '\u{1F600}', '-', '.', ' ', '"', '\u201c', '*', '`', '>', '#', '\t'),
    fc.integer({min: 50, max: 3000})
  )
  .map(([ch, n]) => ch.repeat(n));

const fragment = fc.oneof(
  {arbitrary: fc.constantFrom(...SENTENCES), weight: 6},
  {arbitrary: fc.constantFrom(...HOSTILE), weight: 5},
  {arbitrary: word, weight: 4},
  {arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\n\n'), weight: 4},
  {arbitrary: fc.string({unit: 'binary', maxLength: 8}), weight: 2},
  {arbitrary: fc.string({unit: 'grapheme', maxLength: 8}), weight: 2},
  {arbitrary: longRun, weight: 1},
  {arbitrary: fc.constant('\u0000'), weight: 1}
);

/** Random Unicode with wire-style sentences mixed in. */
export const unicodeText = fc.array(fragment, {maxLength: 40}).map((parts) => parts.join(''));

/** The same, without carriage returns (so CRLF and CR variants can be made from it). */
// eslint-disable-next-line no-control-regex -- NULs are what it removes
export const lfText = unicodeText.map((text) => text.replace(/\r\n?/g, '\n').replace(/\u0000/g, ''));

const mdLine = fc.oneof(
  {arbitrary: fc.constantFrom(...SENTENCES), weight: 8},
  {
    arbitrary: fc.constantFrom(
      '```',
      '```js',
      '~~~',
      '````',
      '> ',
      '> > ',
      '>',
      '> > > "Quote," he said.',
      '<div>',
      '</div>',
      '<p>Officials said</p>',
      '<!--',
      '-->',
      '<!-- note -->',
      '---',
      '+++',
      '***',
      '# ',
      '## Experts say',
      'Title',
      '===',
      '- ',
      '* ',
      '+ ',
      '1. ',
      '2) ',
      '    indented code',
      '\tcode',
      '| a | b |',
      '|---|---|',
      '[ref]: https://example.org/x',
      '*',
      '_',
      '**',
      '`',
      '[link](https://example.org)',
      '![img](x.png)',
      '<https://example.org>',
      'www.example.org/story',
      '\\',
      '&amp;',
      '&#x201c;',
      '<!-- whosaid-disable hedge -->',
      '<!-- whosaid-enable -->',
      '<!-- whosaid-disable-next-line -->',
      '<!-- whosaid-disable no-such-rule -- a reason -->',
      '<!-- whosaid-disable',
      'title: "Draft"',
      'tags: [a, b]',
      ''
    ),
    weight: 8
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '# ', '**', '_', '`', '> - '), fc.constantFrom(...SENTENCES))
      .map(([a, b]) => a + b),
    weight: 4
  },
  {arbitrary: fc.array(fragment, {maxLength: 6}).map((parts) => parts.join('').replace(/[\r\n]/g, ' ')), weight: 2}
);

/** Random Markdown: fences left open, nested quotes, HTML, front matter, lists, tables, comments. */
export const markdownText = fc
  .tuple(
    fc.constantFrom('', '---\ntitle: Port strike\nslug: port\n---\n', '---\nunclosed: front matter\n', '+++\ntitle = "x"\n+++\n', '---\n'),
    fc.array(mdLine, {maxLength: 30})
  )
  .map(([front, lines]) => front + lines.join('\n'));

/** Markdown without carriage returns or NULs. */
// eslint-disable-next-line no-control-regex -- NULs are what it removes
export const lfMarkdown = markdownText.map((text) => text.replace(/\r\n?/g, '\n').replace(/\u0000/g, ''));

export const format = fc.constantFrom<'markdown' | 'plaintext'>('markdown', 'plaintext');

/** A text edit as an editor sends it: replace [start, end) of the current text (positions as fractions). */
export interface RandomEdit {
  at: number;
  length: number;
  insert: string;
}

export const editArb: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true}),
  length: fc.oneof(fc.constant(0), fc.integer({min: 0, max: 5}), fc.integer({min: 0, max: 80})),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...SENTENCES),
    fc.constantFrom(...HOSTILE),
    fc.constantFrom(' ', '\n', '\n\n', '"', 'said', ' might', 'officials said ', '> ', '```\n', '<!-- whosaid-disable -->\n'),
    fc.string({unit: 'grapheme', maxLength: 5})
  )
});

/**
 * Where an edit lands in `text`: [start, end) and the inserted text. A position that would split a
 * surrogate pair or a CRLF is moved off it, as editors do (LSP positions cannot address either).
 */
export function resolveEdit(text: string, edit: RandomEdit): {start: number; end: number; insert: string} {
  let start = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  let end = Math.min(text.length, start + edit.length);
  if (splitsPair(text, start) || splitsCrlf(text, start)) start--;
  if (splitsPair(text, end) || splitsCrlf(text, end)) end++;
  return {start, end, insert: edit.insert};
}

/** Applies an edit (see resolveEdit). */
export function applyRandomEdit(text: string, edit: RandomEdit): string {
  const {start, end, insert} = resolveEdit(text, edit);
  return text.slice(0, start) + insert + text.slice(end);
}

function splitsCrlf(text: string, at: number): boolean {
  return at > 0 && at < text.length && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
}

/** Whether offset `at` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
