// The Markdown masking reads micromark's events (and, for paragraphs whose syntax cannot form a
// construct, no parse at all) instead of building remark-parse's mdast tree. It must mask exactly as
// the tree did: this compares it with the tree's masking (test/helpers/mask-mdast.ts, the code as it
// was) on fixed samples, the example drafts, the grammar fuzzer's documents, random syntax soup and,
// when ../shared is present, every BBC News paragraph read as Markdown.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {maskProse, maskWithoutParse} from '../../server/src/analysis/document/mask';
import {maskQuoteWithoutParse} from '../../server/src/analysis/document/mask-quote';
import {splitDocument} from '../../server/src/analysis/document/split';
import {maskProseMdast} from '../helpers/mask-mdast';
import {generate, SHAPES} from '../robustness/grammar';
import {BBC} from '../robustness/fuzz-core';

const ROOT = resolve(__dirname, '..', '..');

/** The text and each of its paragraphs as the engine splits them: what the engine really masks. */
const pieces = (text: string): string[] => [text, ...splitDocument(text, 'markdown').paragraphs.map((p) => p.text)];

function expectSameMask(text: string): void {
  const now = maskProse(text, 'markdown');
  const tree = maskProseMdast(text, 'markdown');
  if (now === tree) return;
  let at = 0;
  while (now[at] === tree[at]) at++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 40), at + 40));
  expect.fail(
    `masks differ at ${at} of ${JSON.stringify(text.slice(0, 200))}:\n  now  ${around(now)}\n  tree ${around(tree)}\n  text ${around(text)}`
  );
}

const SAMPLES = [
  '# Heading with *emphasis* and `code`',
  'Title\n===',
  'Title\n---',
  'a setext\nheading of\n  three lines\n===',
  // A tab before a line end is kept only when the line end is text (inside a paragraph, heading, emphasis or label).
  'para\t\n*b*',
  '*emphasis\t\n*b* c*',
  '**strong\t\n*b* c**',
  'setext\t\n*b*\n===',
  '[label\t\n*b*](u)',
  '> quote\t\n*b*',
  '> quoted *line*\n> and a second one\nlazy',
  '- item *a*\n  continued\n- b',
  '1. first\n2) second',
  'a  \nb (hard break)',
  'a  \n\tb (tab after a hard break)',
  'a\\\nb (escaped break)',
  'a \t\nb\t\n',
  'ends in a tab\t',
  '[http://x.example](http://x.example) and <http://y.example> and <someone@example.com>',
  '[a&amp;b](a&amp;b) [a\\*](a*) [x](y "t") [x]() [x](<>)',
  '`code` and ``a`b`` and `unclosed',
  '![alt *text*](img.png) and [a link with ![an image](i.png)](u)',
  '[a]: /u "title"\n[a] and [b][a] and [a][]',
  'x <span class="c">y</span> &copy; &#169; &#xA9; &bogus; \\* *a **b** c* _d_ __e__',
  'a\n\n    indented code\n\nb',
  '```\ncode\n```\nafter',
  '<div>\nblock html\n</div>',
  '<!-- a note --> text',
  'trailing **stars** and ** loose ** marks * here *',
  '** \t\n** \t\n',
  '[TK\n[TK\n[TK\n',
  'On # [ ;\nOn # [ ;\n',
  'dozens\n&amp; [^1] by\ndozens\n&amp; [^1] by\n',
  '[a] and [b] but no link',
  '[a]: /u\n[a]',
  '[a] (u) and [b](u)',
  'x [a]\n[a]: /u',
  'snake_case_word and 2*3*4',
  '\u00a0*nbsp around*\u00a0',
  '\ufeffbom first',
  '*** \n---\n___',
  '=\n==\nx\n=',
  '~~~ not a fence mid-paragraph? \n~~~\ncode',
  'a | b | c\n--- | ---\n1 | 2',
  '#hashtag at a line start\n#another',
  // Constructs the linear pass decides, and their near misses.
  '[a](b) said\n[a](b) said',
  '[b](b) and [http://x.example](http://x.example) are their own address; [a]() and [](x) are not',
  '[a](b)[c](d) [a [b](c) d](e) [x] [y](z) [a](b c) [a](<b>) [a](b "t") [a](b\\)',
  '[a *b*](c) [a `b`](c) [a &amp;](c) [a\nb](c) ![a](b) \\[a](b)',
  '![a](b) said\n![b](b) and [![a](b)](c) and ![a ![b](c)](d) and [a ![b](c)](d) and ![a](b) [c](d)',
  '`a` said\n``a`b`` and ` ` and `a``b` and `unclosed\non the next line`',
  'a\\\nb\\\r\nc\\ d \\* \\',
  'a\\\n',
  'x [a  \r\n\tb (a tab after a hard break before CR LF)',
  '*a* said\n_a_ said\n**a** and __a__ and ***a*** and *a **b** c*',
  '**a*__a__*',
  '*a _b* c_',
  '`a`` b and a `` b ` c and x ``` unmatched mid-line',
  '`, `, `, `',
  'snake_case _intraword_x x_intraword_ 2*3*4 a * b * c',
  '*a*\u00a0b \u00a0*a* *\u3000a* *.a.* .*a*. "*a*" *\u0000a* *\ud83d*',
  '*a `b* c` d* and *a [b](c) d* and *[a](b)*',
  'x [a](b) *c*\ty (a tab with constructs)',
  '[a] b\n[a]: /u (a definition cannot follow text)',
  '[a]\\: b [c](d)'
];

describe("masking Markdown without the mdast tree gives the tree's result", () => {
  it('on fixed samples and each of their lines', () => {
    for (const sample of SAMPLES) {
      expectSameMask(sample);
      for (const line of sample.split('\n')) expectSameMask(line);
    }
  });

  it('on the example drafts', () => {
    const dir = join(ROOT, 'examples');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) for (const piece of pieces(readFileSync(join(dir, file), 'utf8'))) expectSameMask(piece);
  });

  it("on the grammar fuzzer's documents (600 cases of every shape, and their paragraphs)", {timeout: 60_000}, () => {
    let compared = 0;
    for (let seed = 1; seed <= 100; seed++) {
      for (const shape of SHAPES) {
        const {text} = generate({seed, shape, size: 32 + ((seed * 977) % 6_000)});
        for (const piece of pieces(text)) {
          expectSameMask(piece);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(600);
  });

  // Tokens of Markdown syntax, white space and words, glued at random: every construct and its near misses.
  const SOUP = [
    '[',
    ']',
    '*',
    '**',
    '_',
    '`',
    '<',
    '>',
    '\\',
    '!',
    '&',
    '&amp;',
    '#',
    '# ',
    '|',
    '~',
    '~~~',
    '-',
    '- ',
    '+',
    '=',
    '1. ',
    '2)',
    '(',
    ')',
    '"',
    ':'
  ];
  const SPACE = [' ', ' ', '\t', '\n', '\r\n', '  \n', '\n    ', '\n\t', '\u00a0'];
  const WORDS = ['TK', 'a', 'said', 'On', ';', '.', 'www.x.example', 'http://x.example', 'x_y', '1', '---', '* * *', '=='];
  const soup = (tokens: string[]) => fc.array(fc.constantFrom(...tokens), {minLength: 1, maxLength: 40}).map((parts) => parts.join(''));

  it('on random syntax soup', () => {
    fc.assert(
      fc.property(soup([...SOUP, ...SPACE, ...WORDS]), (text) => expectSameMask(text)),
      {seed: 15_001, numRuns: 4_000}
    );
  });

  // Soups rich in the constructs the linear pass decides (code spans, inline links, emphasis, hard
  // breaks) and their near misses: the pass must decide a good share of each and mask as the tree does.
  const CONSTRUCT_SOUPS: Record<string, string[]> = {
    delimiters: ['*', '_', '**', '__', 'a', ' ', '.'],
    backticks: ['`', '``', '```', 'a', ' ', '\n', '*', '[a](b)'],
    images: ['![a](b)', '![b](b)', '[![a](b)](c)', '![', '!', '[', ']', '](', ')', 'a', ' ', '\n', '[a](b)', '*', '`x`'],
    constructs: [
      '[a](b)',
      '[b](b)',
      '[a b](c_d)',
      '[](x)',
      '[a]()',
      '[x](y*z)',
      '`a`',
      '``a`b``',
      '` `',
      '`*`',
      '``',
      '*',
      '**',
      '***',
      '_',
      '__',
      '*a*',
      '_a_',
      '**a**',
      '__a__',
      '\\\n',
      '\\a',
      '\\',
      '!',
      '[',
      ']',
      '(',
      ')',
      '&amp;',
      '#',
      ':',
      'a',
      'said',
      'x_y',
      '2',
      '.',
      '"',
      '\u2014',
      '\u00a0',
      ' ',
      ' ',
      '\n',
      '\r\n',
      '  \n',
      '\r',
      '\t'
    ],
    emphasis: [
      '*',
      '**',
      '***',
      '_',
      '__',
      '___',
      'a',
      'b',
      ' ',
      ' ',
      '.',
      '!',
      '"',
      '\u00a0',
      '\u3000',
      '\u2014',
      '\n',
      '`x`',
      '[a](b)',
      '\\\n',
      'x_y',
      '\u0000',
      '\ud83d'
    ],
    links: [
      '[',
      ']',
      '(',
      ')',
      '](',
      '[a]',
      '[a](b)',
      '[a](a)',
      '[http://x.example](http://x.example)',
      'b',
      'a',
      ' ',
      '\n',
      '!',
      '![',
      '*',
      '`',
      '&amp;',
      '&',
      ':',
      ']:',
      '"',
      '<',
      '\\'
    ],
    escapes: [
      '\\',
      '\\*',
      '\\_',
      '\\`',
      '\\[',
      '\\]',
      '\\!',
      '\\\\',
      '\\<',
      '\\&',
      '\\(',
      '\\)',
      '![a](b)',
      '[a](b)',
      '*',
      '_',
      '`',
      '[',
      ']',
      '!',
      '(',
      ')',
      'a',
      ' ',
      '\n',
      '&amp;',
      '#'
    ],
    // Plain tokens four times over: a line that may end the paragraph comes in now and then.
    spans: [
      ...Array.from({length: 4}, () => ['`', '``', 'a', 'b c', ' ', '\n', 'said', '*', '[a](b)']).flat(),
      ...['\r\n', '\n  ', '\n# ', '\n> ', '\n- ', '\n<div>', '\n\t', '\n\n', '\n===']
    ],
    titles: [
      '[a](b "t")',
      "[a](b 't')",
      '[a](b (t))',
      '[a](<b c>)',
      '![a](<b> "t")',
      '[b](<b>)',
      '[',
      ']',
      '](',
      '(',
      ')',
      '<',
      '>',
      '"',
      "'",
      'b',
      'a',
      ' ',
      '\t',
      '\n',
      '\\',
      '&amp;',
      '`',
      '*'
    ],
    breaks: ['\\', '\\\n', '\\\r\n', '\\\r', '  \n', '   \r\n', ' \n', '\n', 'a', ' b', '*', '`c`', '\t', '[d](e)', '  ']
  };
  const decidedShare = (tokens: string[], seed: number, check: (text: string) => void): number => {
    let decided = 0;
    let runs = 0;
    fc.assert(
      fc.property(soup(tokens), (text) => {
        runs++;
        if (maskWithoutParse(text) !== null) decided++;
        check(text);
      }),
      {seed, numRuns: 3_000}
    );
    return decided / runs;
  };
  for (const [name, tokens] of Object.entries(CONSTRUCT_SOUPS)) {
    it(`on soup rich in ${name}, a share of it decided by the linear pass`, () => {
      expect(decidedShare(tokens, 15_100 + name.length, expectSameMask)).toBeGreaterThan(0.1);
    });
  }

  // The soups can catch the linear pass's mistakes: a pass that left one kind of construct unmasked
  // (its syntax restored where the pass blanked it) differs from the tree on each soup that holds it.
  const MUTANTS: [string, string, RegExp][] = [
    ['link syntax', 'links', /[[\]()]/],
    ['code spans', 'constructs', /`/],
    ['emphasis marks', 'emphasis', /[*_]/],
    ['hard-break backslashes', 'breaks', /\\/],
    ['the syntax beside escapes', 'escapes', /[[\]()*_`!]/],
    ['link titles', 'titles', /["'()<>]/],
    ['code spans over line ends', 'spans', /`/]
  ];
  it.each(MUTANTS)('a linear pass that keeps %s is caught', (_name, soupName, syntax) => {
    let caught = 0;
    decidedShare(CONSTRUCT_SOUPS[soupName], 15_200, (text) => {
      const linear = maskWithoutParse(text);
      if (linear === null) return;
      let mutant = '';
      for (let i = 0; i < text.length; i++) mutant += linear[i] === ' ' && syntax.test(text[i]) ? text[i] : linear[i];
      if (mutant !== maskProseMdast(text, 'markdown')) caught++;
    });
    expect(caught).toBeGreaterThan(10);
  });

  // Block quotes of lines led by every kind of marker, with text, syntax, block starts and hard breaks.
  it('on block-quote soup, a share of it decided without a parse', () => {
    const body = [
      ...Array.from({length: 6}, () => [
        'a',
        'b c',
        ' ',
        'said',
        '*',
        '**',
        '_',
        '`',
        '[a](b)',
        '![a](b)',
        '\\*',
        '&amp;',
        '[',
        ']',
        '!'
      ]).flat(),
      ...['  ', '\\', '#', '# ', '- ', '1. ', '>', '===', '---', '<b>', '\u00a0']
    ];
    const line = fc
      .tuple(
        fc.constantFrom('> ', '> ', '> ', '>', '>  ', '', ' > ', '> > ', '>> ', '> >'),
        fc.array(fc.constantFrom(...body), {maxLength: 8}),
        fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '  \n', '\\\n')
      )
      .map(([marker, words, end]) => marker + words.join('') + end);
    let decided = 0;
    // A pass that masked every line's marker would be caught this many times.
    let caught = 0;
    fc.assert(
      fc.property(
        fc.array(line, {minLength: 1, maxLength: 8}).map((lines) => lines.join('')),
        (text) => {
          const quote = maskQuoteWithoutParse(text);
          if (quote !== null) {
            decided++;
            if (quote.replace(/^>/gm, ' ') !== maskProseMdast(text, 'markdown')) caught++;
          }
          expectSameMask(text);
        }
      ),
      {seed: 15_003, numRuns: 4_000}
    );
    expect(decided).toBeGreaterThan(150);
    expect(caught).toBeGreaterThan(10);
  });

  it('on soup of the syntax the linear pass decides without a parse (and the pass does decide most of it)', () => {
    const inert = ['[', ']', '**', '*', '_', '#', '# ', '!', '&', '&amp;', '|', '~', '>', '-', '+', '=', '1. '];
    let decided = 0;
    let runs = 0;
    fc.assert(
      fc.property(soup([...inert, ...SPACE, ...WORDS]), (text) => {
        runs++;
        if (maskWithoutParse(text) !== null) decided++;
        expectSameMask(text);
      }),
      {seed: 15_002, numRuns: 4_000}
    );
    expect(decided / runs).toBeGreaterThan(0.1);
  });

  it.skipIf(!existsSync(BBC))('on every BBC News paragraph read as Markdown (../shared)', {timeout: 120_000}, () => {
    let compared = 0;
    for (const line of readFileSync(BBC, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      for (const piece of pieces((JSON.parse(line) as {text: string}).text)) {
        expectSameMask(piece);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  });
});

describe('paragraphs of many lines of inert syntax or plain constructs are masked without a parse', () => {
  // Each was 3 to 18 times news through micromark (docs/reliability.md); the linear pass decides them.
  it.each(['[TK\n', '[\n', '** \t\n', 'On # [ ;\n', 'dozens\n&amp; [^1] by\n', '#, 1 | ~ > ! &amp; [\n'])('%j repeated', (unit) => {
    const text = unit.repeat(2_000);
    expect(maskWithoutParse(text)).not.toBeNull();
    expectSameMask(text);
  });

  // Each was 4.9 to 9.4 times news through micromark at 64 KB (docs/reliability.md).
  it.each(['[a](b) said\n', 'a\\\n', '*a* said\n', '`a` said\n', 'being suggested that ![alt](img.png).\n'])(
    '%j repeated (constructs on every line)',
    (unit) => {
      const text = unit.repeat(2_000);
      expect(maskWithoutParse(text)).not.toBeNull();
      expectSameMask(text);
    }
  );

  // Decided since session 7. At 64 KB, one on every line, through micromark they read (warm, best of 5,
  // against news): titles 6.5x, bracketed image URLs 3.1x, a block quote of short lines 3.0x, a quote
  // inside a quote 6.7x, code spans over line ends 3.0x, escapes 3.6x (docs/reliability.md).
  it.each([
    ['[a](b "t") said\n', 'a title'],
    ["![alt](<img.png> 'A photo') said\n", 'a bracketed URL and a title'],
    ['[a](<b c> (t)) said\n', 'a bracketed URL and a title in parentheses'],
    ['> quote said\n', 'a block quote'],
    ['> a *b* [c](d) \\* `e`\n', 'a block quote of constructs'],
    ['> The council said it would "act".\r\n', 'a block quote, CR LF'],
    ['> > a\n', 'a quote inside a quote'],
    ['>>> a\n', 'quotes three deep'],
    ['a `b\nc` said\n', 'a code span over a line end'],
    ["pessimistic `O'Neill rejected\n", 'a backtick run no run of its length closes'],
    ['`` a\r\n` b ``\n', 'a code span over CR LF'],
    ['\\* said\n', 'an escape'],
    ['a \\_b\\_ \\[c\\] \\![d](e) \\`f\\`\n', 'escapes of every kind'],
    ['\\\\*a* \\**b*\n', 'escapes beside emphasis']
  ])('%j repeated (%s)', (unit) => {
    const text = unit.repeat(2_000);
    expect(unit.startsWith('>') ? maskQuoteWithoutParse(text) : maskWithoutParse(text)).not.toBeNull();
    expectSameMask(text);
  });

  it('code spans on one long line, whichever window ends with an unclosed backtick', () => {
    // '`, ' to 64 KB: 56 ms through micromark for the window that ended in an unclosed backtick, now 2 ms.
    for (const size of [16_383, 16_384, 16_385]) {
      const text = '`, '.repeat(6_000).slice(0, size);
      expect(maskWithoutParse(text)).not.toBeNull();
      expectSameMask(text);
    }
  });

  it.each([
    '`a\n\nb`',
    '`a\n# b`',
    '`a\n<div>`',
    '`a\n\tb`',
    '<b>',
    '[a\\*](u)',
    '![a *b*](u)',
    '[a *b*](u)',
    '[a](<u\\>)',
    '[a](u "t\\"")',
    '[a]( "t")',
    '[a](u) b](c)',
    '****a****',
    '\n- item',
    '\n# heading',
    '\n> quote',
    '\n```',
    '\n1. item',
    '\n---\n'
  ])('not when the paragraph holds %j', (syntax) => {
    expect(maskWithoutParse(`Some text ${syntax} more text`)).toBeNull();
  });

  it('not when the paragraph may open with a definition (a `[` first, and its first `]` before `:` or after a backslash)', () => {
    expect(maskWithoutParse('[a]: /u\nSee [a].')).toBeNull();
    expect(maskWithoutParse('[a\\]]: /u\nSee [a].')).toBeNull();
    expect(maskWithoutParse('See [a]: /u\n[a].')).not.toBeNull();
    expect(maskWithoutParse('[a] is no definition\n[a]: /u')).not.toBeNull();
  });

  it('not when a tab is in a paragraph with constructs, or the emphasis matching would walk too far', () => {
    expect(maskWithoutParse('*a*\tb')).toBeNull();
    expect(maskWithoutParse('a\tb *')).not.toBeNull();
    expect(maskWithoutParse(`${'_a '.repeat(500)}${'b* '.repeat(500)}`)).toBeNull();
    // Backtick runs of ever longer lengths, none closed: each search reads to the end of the line.
    const ticks = Array.from({length: 200}, (_, i) => '`'.repeat(i + 1)).join('a');
    expect(maskWithoutParse(ticks)).toBeNull();
    expect(maskWithoutParse('a `` b ` c ``` d')).not.toBeNull();
  });
});
