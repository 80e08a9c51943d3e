// A grammar-based fuzzer's generator: documents made of whosaid's own vocabulary. Random Unicode
// (arbitraries.ts) almost never builds a sentence with a thousand reporting verbs or a paragraph of
// "according to"; these do, because every word comes from the engine's lexicon
// (server/src/analysis/lexicon/*.json): reporting verbs, source heads, titles, hedges, stance nouns,
// anonymity reasons, claim patterns, statistics words; plus quote marks of every kind, TK marks,
// numbers with units, Markdown syntax and punctuation.
//
// Everything is a pure function of a seed (mulberry32), so a case is stored as {seed, shape, size}
// and regenerated, never as megabytes of text.
import anonymity from '../../server/src/analysis/lexicon/anonymity.json';
import claims from '../../server/src/analysis/lexicon/claims.json';
import editorial from '../../server/src/analysis/lexicon/editorial.json';
import hedges from '../../server/src/analysis/lexicon/hedges.json';
import verbs from '../../server/src/analysis/lexicon/reporting-verbs.json';
import sources from '../../server/src/analysis/lexicon/sources.json';
import statistics from '../../server/src/analysis/lexicon/statistics.json';

/** A small, fast, seedable generator (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Every string in a lexicon file, at any depth (slots, phrases, word lists, notes left out). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') {
    // "about" holds each list's prose note; object keys are words too ("claimed": "said").
    for (const [key, item] of Object.entries(value)) {
      if (key === 'about') continue;
      if (!Array.isArray(value) && typeof item === 'string' && !/^(words|phrases|slots)$/.test(key) && /^[a-z' -]+$/.test(key))
        out.push(key);
      strings(item, out);
    }
  }
  return out;
}

/**
 * A lexicon pattern made concrete: "{be} {adv?} {passive} to" with a random value for each slot (or
 * none for an optional one), "said|says" as one alternative, "word?" kept or dropped.
 */
function realize(pattern: string, slots: Record<string, string[]>, random: Random): string {
  return pattern
    .split(/\s+/)
    .map((part) => {
      const slot = /^\{(\w+)(\?)?\}$/.exec(part);
      if (slot) {
        if (slot[2] && random.chance(0.5)) return '';
        const values = slots[slot[1]];
        return values ? random.pick(values) : slot[1];
      }
      const optional = part.length > 1 && part.endsWith('?');
      if (optional && random.chance(0.5)) return '';
      return random.pick((optional ? part.slice(0, -1) : part).split('|'));
    })
    .filter(Boolean)
    .join(' ');
}

type Slots = Record<string, string[]>;
const slotsOf = (value: unknown): Slots => (value as {slots?: Slots}).slots ?? {};

/** The vocabulary: each category a list of patterns with the slots that fill them. */
interface Category {
  name: string;
  patterns: string[];
  slots: Slots;
}

function category(name: string, value: unknown, slots: Slots = {}): Category {
  const patterns = [...new Set(strings(value).filter((text) => text.trim() !== '' && !/^\{\w+\??\}$/.test(text)))];
  return {name, patterns, slots};
}

const allSlots: Slots = {
  ...slotsOf(claims),
  ...slotsOf(hedges),
  ...slotsOf(editorial),
  ...slotsOf((hedges as {predictionTimes?: unknown}).predictionTimes ?? {}),
  ...slotsOf((editorial as {notEditorial?: unknown}).notEditorial ?? {}),
  ...slotsOf((editorial as {peacock?: unknown}).peacock ?? {}),
  ...slotsOf((sources as {crowdPhrases?: unknown}).crowdPhrases ?? {})
};

const pickPath = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);

/** The lexicon's categories; `LEXICON_WORDS` counts their patterns (a test checks it is not tiny). */
export const CATEGORIES: Category[] = [
  category('speech verbs', pickPath(verbs, 'speech')),
  category('cognition verbs', pickPath(verbs, 'cognition')),
  category('stance verbs', pickPath(verbs, 'stance')),
  category('verbs needing a complement', pickPath(verbs, 'needsComplement')),
  category('source-after cues', pickPath(verbs, 'phrases', 'sourceAfter')),
  category('other cues', pickPath(verbs, 'phrases', 'other')),
  category('document verbs', pickPath(verbs, 'documentVerbs')),
  category('ambiguous nouns', pickPath(verbs, 'ambiguousNouns')),
  category('complement words', pickPath(verbs, 'complementWords')),
  category('loaded verbs', pickPath(verbs, 'loaded')),
  category('object complements', pickPath(verbs, 'objectComplements')),
  category('possessive noun cues', pickPath(verbs, 'possessiveNounCues')),
  category('stance nouns', [pickPath(verbs, 'possessiveStanceNouns'), pickPath(verbs, 'bareStanceNouns')]),
  category('audiences', pickPath(verbs, 'tellAudiences')),
  category('belief adjectives', pickPath(verbs, 'beliefAdjectives')),
  category('anonymous markers', pickPath(sources, 'anonymousMarkers')),
  category('anonymous heads', pickPath(sources, 'anonymousHeads')),
  category('vague heads', pickPath(sources, 'vagueHeads')),
  category('vague modifiers', pickPath(sources, 'vagueModifiers')),
  category('vague phrases', pickPath(sources, 'vaguePhrases')),
  category('crowd phrases', pickPath(sources, 'crowdPhrases', 'phrases'), allSlots),
  category('institutions', pickPath(sources, 'institutionHeads')),
  category('media', pickPath(sources, 'mediaNames')),
  category('documents', pickPath(sources, 'documentHeads')),
  category('titles', pickPath(sources, 'personTitles')),
  category(
    'sources (other lists)',
    Object.fromEntries(
      Object.entries(sources).filter(
        ([key]) =>
          ![
            'anonymousMarkers',
            'anonymousHeads',
            'vagueHeads',
            'vagueModifiers',
            'vaguePhrases',
            'crowdPhrases',
            'institutionHeads',
            'mediaNames',
            'documentHeads',
            'personTitles'
          ].includes(key)
      )
    )
  ),
  category('anonymity reasons', pickPath(anonymity, 'reasons')),
  category('positions', pickPath(anonymity, 'positions')),
  category(
    'claims',
    [pickPath(claims, 'passive'), pickPath(claims, 'judgement'), pickPath(claims, 'concern'), pickPath(claims, 'adverbs')],
    allSlots
  ),
  category(
    'hedges',
    [
      pickPath(hedges, 'removable'),
      pickPath(hedges, 'modal'),
      pickPath(hedges, 'weakModals'),
      pickPath(hedges, 'phrases'),
      pickPath(hedges, 'vagueQuantities', 'phrases')
    ],
    allSlots
  ),
  category('not hedges', [pickPath(hedges, 'notHedges'), pickPath(hedges, 'predictionTimes')], allSlots),
  category(
    'editorial',
    [
      pickPath(editorial, 'phrases'),
      pickPath(editorial, 'peacock'),
      pickPath(editorial, 'sentenceOpeners'),
      pickPath(editorial, 'strictPeacock')
    ],
    allSlots
  ),
  category('not editorial', pickPath(editorial, 'notEditorial', 'phrases'), allSlots),
  category('statistics', statistics, allSlots)
].filter((entry) => entry.patterns.length > 0);

export const LEXICON_WORDS = CATEGORIES.reduce((sum, entry) => sum + entry.patterns.length, 0);

// The rest of the grammar: what news copy is made of besides the lexicon.
const NAMES = [
  'Maria Okafor',
  'Mr Brandt',
  'Ms Lindqvist',
  'Dr Osei',
  'Jean-Luc Moreau',
  "O'Neill",
  'Smith',
  'He',
  'She',
  'They',
  'It',
  'I',
  'We',
  'the company',
  'the ministry',
  'Reuters',
  'the BBC',
  'Acme Corp.',
  'U.S.',
  'Gov. Reyes'
];
const FILLER = [
  'the',
  'a',
  'an',
  'of',
  'to',
  'that',
  'which',
  'who',
  'and',
  'but',
  'in',
  'on',
  'by',
  'with',
  'from',
  'as',
  'not',
  'would',
  'will',
  'has',
  'had',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'plan',
  'deal',
  'vote',
  'budget',
  'talks',
  'storm',
  'market',
  'rates',
  'council',
  'on Monday',
  'last week',
  'next year',
  'so-called',
  "it's",
  "didn't"
];
/** Every kind of quotation mark the quote scanner knows, and a few it does not. */
export const QUOTE_MARKS = [
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\u00ab',
  '\u00bb',
  '\u201e',
  '\u201a',
  '\u2039',
  '\u203a',
  '``',
  "''",
  '`',
  '\u300c',
  '\u300d',
  '"""'
];
const TK = ['[TK]', '[TK: name]', '[TK: source]', 'TK', '[tk: figure]', '[TK', 'TK]', '[TK:]', '[[TK: x]]'];
const NUMBERS = [
  '3',
  '42',
  '1,000',
  '1,000,000',
  '2.5',
  '30%',
  '30 percent',
  '40 per cent',
  '$5m',
  '\u00a3200',
  '\u20ac1.2bn',
  '5 million',
  '2.3 billion',
  'three',
  'dozens',
  'half',
  'a third',
  'two-thirds',
  '1130',
  '12:30',
  '1999',
  '2026',
  '19.',
  'No. 5',
  'No.',
  '10-1',
  '3-2',
  '1/2',
  '\u00bd',
  '7x',
  'twice',
  'doubled',
  'km',
  'kg',
  'mph',
  '%',
  'per cent'
];
const PUNCT = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '...',
  '\u2026',
  '-',
  '--',
  '\u2014',
  '\u2013',
  '\u2015',
  '(',
  ')',
  '[',
  ']',
  '/',
  '&',
  '*',
  '_',
  '#',
  '|',
  '\u00a0',
  '\t',
  "'s",
  '\u2019s'
];
const MARKDOWN_INLINE = [
  '**',
  '*',
  '_',
  '__',
  '`',
  '~~',
  '[',
  '](https://example.com/a)',
  '[link](https://example.com)',
  '![alt](img.png)',
  '<https://example.com>',
  'https://example.com/said?according=to',
  '<b>',
  '</b>',
  '<!-- note -->',
  '&amp;',
  '&quot;',
  '\\*',
  '[^1]'
];
const MARKDOWN_LINE = [
  '# ',
  '## ',
  '###### ',
  '> ',
  '> > ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '10) ',
  '    ',
  '```',
  '~~~',
  '---',
  '***',
  '| a | b |',
  '|---|---|',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<!-- whosaid-disable -->',
  '<!-- whosaid-enable -->',
  '<!-- whosaid-disable-next-line hedge -->',
  '<!-- whosaid-disable vague-source -->',
  '[ref]: https://example.com',
  '===',
  '- [ ] ',
  '+++',
  'Title: x'
];
const SENTENCE_ENDS = ['.', '.', '.', '?', '!', '."', '.\u201d', ',\u201d', '...', ''];

export type Shape =
  /** One sentence of mixed elements. */
  | 'sentence'
  /** One paragraph of mixed sentences. */
  | 'paragraph'
  /** One paragraph of a short unit (1 to 4 elements) repeated: "said said said", "according to according to". */
  | 'repeat'
  /** One sentence with no stop: mixed elements, no sentence ends. */
  | 'run-on'
  /** Many short paragraphs (up to 10,000), plain text or Markdown. */
  | 'document'
  /** Markdown lines of every kind, mixed with prose. */
  | 'markdown';

export const SHAPES: readonly Shape[] = ['sentence', 'paragraph', 'repeat', 'run-on', 'document', 'markdown'];

export interface CaseSpec {
  seed: number;
  shape: Shape;
  /** Target length in UTF-16 code units (the text is cut to it). */
  size: number;
}

export interface GeneratedCase extends CaseSpec {
  format: 'plaintext' | 'markdown';
  text: string;
  /** A short human description: what was repeated, or which categories were drawn. */
  description: string;
}

/** One element of the grammar. */
function element(random: Random, markdown: boolean): string {
  const roll = random.next();
  if (roll < 0.5) {
    const entry = random.pick(CATEGORIES);
    let text = realize(random.pick(entry.patterns), entry.slots, random);
    if (random.chance(0.15)) text = text.charAt(0).toUpperCase() + text.slice(1);
    return text;
  }
  if (roll < 0.62) return random.pick(NAMES);
  if (roll < 0.74) return random.pick(FILLER);
  if (roll < 0.82) return random.pick(QUOTE_MARKS);
  if (roll < 0.87) return random.pick(NUMBERS);
  if (roll < 0.93) return random.pick(PUNCT);
  if (roll < 0.95) return random.pick(TK);
  return markdown ? random.pick(MARKDOWN_INLINE) : random.pick(PUNCT);
}

/** Elements joined mostly by spaces, sometimes glued or broken by a line end. */
function join(parts: string[], random: Random): string {
  let out = '';
  for (const part of parts) {
    if (out === '') out = part;
    else {
      const glue = random.next();
      out += (glue < 0.85 ? ' ' : glue < 0.95 ? '' : glue < 0.98 ? '\n' : '  ') + part;
    }
  }
  return out;
}

function sentence(random: Random, markdown: boolean, maxElements = 14): string {
  const parts: string[] = [];
  if (random.chance(0.3)) parts.push(random.pick(NAMES));
  const n = random.int(1, maxElements);
  for (let i = 0; i < n; i++) parts.push(element(random, markdown));
  return join(parts, random) + random.pick(SENTENCE_ENDS);
}

/** Repeats `make()` (joined by `sep`) until the text reaches `size`, then cuts it there. */
function fill(size: number, make: () => string, sep: () => string): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const part = make() + sep();
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

/** The document a spec stands for: the same spec always gives the same text. */
export function generate(spec: CaseSpec): GeneratedCase {
  const random = new Random(spec.seed);
  const {shape, size} = spec;
  let markdown = shape === 'markdown' || (shape === 'document' && random.chance(0.5)) || random.chance(0.1);
  let text: string;
  let description: string = shape;
  switch (shape) {
    case 'sentence':
      text = sentence(random, markdown, Math.max(1, Math.min(40, size / 6)));
      break;
    case 'paragraph':
      text = fill(
        size,
        () => sentence(random, markdown),
        () => (random.chance(0.9) ? ' ' : '')
      );
      break;
    case 'run-on':
      text = fill(
        size,
        () => element(random, markdown),
        () => (random.chance(0.9) ? ' ' : random.pick([', ', ' and ', ' - ', '']))
      );
      text = text.replace(/[.!?\u2026]/g, ',');
      break;
    case 'repeat': {
      // A unit of one to four elements, sometimes with a stop at its end, repeated to fill the size.
      const unit = Array.from({length: random.int(1, 4)}, () => element(random, markdown));
      const ending = random.pick(['', '', '', ' ', ', ', '. ', '.\n', '\n\n', '\n']);
      const body = join(unit, random) + (ending === '' ? ' ' : ending);
      text = fill(
        size,
        () => body,
        () => ''
      );
      description = `repeat ${JSON.stringify(body)}`;
      break;
    }
    case 'document': {
      // Many short paragraphs: up to 10,000 (or as many as fit the size).
      const count = Math.min(10_000, Math.max(1, Math.floor(size / random.int(20, 200))));
      const paragraphs: string[] = [];
      let length = 0;
      for (let i = 0; i < count && length < size; i++) {
        let paragraph = random.chance(0.7) ? sentence(random, markdown, 8) : element(random, markdown);
        if (markdown && random.chance(0.3)) paragraph = random.pick(MARKDOWN_LINE) + paragraph;
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
      text = paragraphs.join(random.chance(0.8) ? '\n\n' : '\n').slice(0, size);
      description = `document of ${paragraphs.length} paragraphs`;
      break;
    }
    case 'markdown': {
      markdown = true;
      text = fill(
        size,
        () =>
          (random.chance(0.5) ? random.pick(MARKDOWN_LINE) : '') +
          (random.chance(0.8) ? sentence(random, true, 10) : random.pick(MARKDOWN_INLINE)),
        () => random.pick(['\n', '\n', '\n\n', ' '])
      );
      break;
    }
  }
  return {...spec, format: markdown ? 'markdown' : 'plaintext', text, description};
}

/**
 * A spec drawn at random for the seed: shape, then a size from a log scale between `minSize` and
 * `maxSize` (most cases small, some large).
 */
export function randomSpec(seed: number, minSize: number, maxSize: number): CaseSpec {
  const random = new Random(seed ^ 0x9e3779b9);
  const shape = random.pick(SHAPES);
  const size =
    shape === 'sentence'
      ? random.int(10, 400)
      : Math.round(Math.exp(Math.log(minSize) + random.next() * (Math.log(maxSize) - Math.log(minSize))));
  return {seed, shape, size};
}
