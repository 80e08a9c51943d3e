// Part-of-speech tags and lemmas for a paragraph, aligned with retext-english's tokens by offset.
//
// API
//   tagParagraph(text): Tagged      Tags one paragraph (the same text the engine parses: the masked
//                                   prose, ParagraphModel.text). Memoized on the text: the engine, the
//                                   attribution model and every rule share one tagging per paragraph.
//   tagsOf(paragraph): Tagged       The same for a ParagraphModel, kept with the model object.
//   tagOf(paragraph, token): WordTag  The tag of one retext token (nlp/tokens.ts Token, or anything with
//                                   paragraph offsets {start, end}); `paragraph` is the ParagraphModel
//                                   (or its text). Never undefined: a token the tagger could not align
//                                   gets pos 'X'.
//   Tagged.at(start, end?): WordTag The same, by offsets in the paragraph.
//   Tagged.tokens                   wink's own tokens with offsets, tags and lemmas, in text order
//                                   ("can't" is "ca" + "n't", "well-known" is "well" "-" "known").
//   preloadTagger()                 Loads the model now (a long-running host calls it at start-up).
//
// WordTag = {pos, tag, lemma}:
//   pos    Universal Dependencies UPOS: ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT
//          SCONJ SYM VERB X.
//   tag    A Penn Treebank tag (NN NNS VBZ VBD VBN JJ JJR MD ...), derived here from pos, the word's
//          form and its neighbours: wink has no fine tags of its own, so treat it as a good guess.
//   lemma  Lower case, plain apostrophes ("reports" → "report", "n’t" → "not", "were" → "be").
// A retext word that wink splits ("can't", "firm's", "well-known", "search-engines") gets one tag:
// the first part's for a clitic or possessive ("firm's" NOUN, "can't" AUX), the last word part's for
// a hyphenated compound ("search-engines" NOUN, lemma "search-engine").
//
// From a rule:  import {tagOf} from '../nlp/tags';
//               if (tagOf(model, token).pos === 'ADJ') ...
//
//   tagText(text, {fixUps}): Tagged A fresh tagging, not memoized; fixUps: false gives wink's own tags.
//
// The tagger is wink-nlp with wink-eng-lite-web-model (both MIT), whose rule-based tagger reads raw
// text; retext-english stays the parser. Five fix-ups of whosaid's own (see fixUps below) correct
// wink's proper nouns at sentence starts ("Beautiful results") and for adjectives of nations ("the
// Iranian government"), plural nouns that are verbs in -s ("The company reports a loss"), plural
// subjects read as verbs ("However polls show") and "have"/"be" as main verbs ("has a plan",
// "there is"); eval/tagger.mjs measures them. The model is loaded lazily, once, on the first call
// (~70 ms). Pure: no file system, no network. In the bundles the model's core data is a file beside them
// (dist/whosaid-pos-model.json, see scripts/esbuild-options.mjs), which Node's require reads.

export type Upos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export interface WordTag {
  /** Universal POS. */
  pos: Upos;
  /** Penn Treebank tag, derived by whosaid (wink has none). */
  tag: string;
  /** Lower case, plain apostrophes. */
  lemma: string;
}

export interface TaggedToken extends WordTag {
  /** Offsets in the paragraph; -1 when the token could not be found in the text (never seen so far). */
  start: number;
  end: number;
  text: string;
  /** Set when a fix-up of whosaid's changed wink's tag: which one. */
  fixed?: 'sentence-start' | 'capital-adjective' | 'verb-s' | 'plural-subject' | 'main-verb';
  /** First token of a sentence (wink's sentence breaks). */
  sentenceStart?: boolean;
}

export interface Tagged {
  readonly text: string;
  readonly tokens: readonly TaggedToken[];
  /**
   * The tag of the word at `start` in the paragraph; with `end`, of the whole word [start, end) even
   * when wink split it. Offsets inside a wink token get that token's tag.
   */
  at(start: number, end?: number): WordTag;
}

/** What a tag lookup needs of a token: its offsets in the paragraph. */
export interface Span {
  start: number;
  end: number;
}

export interface TagOptions {
  /** Apply whosaid's fix-ups to wink's tags (default true; false for measuring wink alone). */
  fixUps?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Loading

/** The parts of wink that tagging needs, once loaded. */
interface Wink {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  nlp: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  its: any;
  /** wink's lexicon, captured from its POS updater on the first document (see load). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cache: any;
  lemmatize: (value: string, pos: string, cache: unknown) => string;
  posIndex: Record<string, number>;
  posList: string[];
}

let wink: Wink | null = null;
let loadMs = 0;

/** Loads the tagger now instead of on the first paragraph. Returns the milliseconds the load took (0 if already loaded). */
export function preloadTagger(): number {
  if (wink) return 0;
  load();
  return loadMs;
}

/** How long the model took to load, in ms (0 before it is loaded). */
export function taggerLoadMs(): number {
  return loadMs;
}

function load(): Wink {
  if (wink) return wink;
  const started = performance.now();
  // require() inside the function: the bundles (esbuild) and vitest both resolve it, and the 3 MB
  // model is evaluated only when the first paragraph is tagged, not when the engine is imported.
  // The model's parts are loaded one by one: its `main` also loads the named-entity and sentiment
  // models (0.6 MB), which whosaid does not use; wink's loader asks for them, so two empty stand-ins.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const winkNLP = require('wink-nlp');
  let coreData: unknown;
  try {
    // In the bundles this is dist/whosaid-pos-model.json, beside them (scripts/esbuild-options.mjs).
    coreData = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  } catch (error) {
    throw new Error(
      `whosaid: the part-of-speech model could not be read (whosaid-pos-model.json belongs beside the program; reinstall whosaid): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    );
  }
  const sbd = require('wink-eng-lite-web-model/dist/load-sbd-model.js');
  const pos = require('wink-eng-lite-web-model/dist/load-pos-model.js');
  const negation = require('wink-eng-lite-web-model/dist/load-negation-model.js');
  const metaCER = require('wink-eng-lite-web-model/dist/load-cer-meta-model.js');
  const featureFn = require('wink-eng-lite-web-model/dist/feature.js');
  const lemmatize = require('wink-eng-lite-web-model/dist/lemmatize.js');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let cache: unknown = null;
  const model = {
    core: () => readCoreModel(coreData),
    sbd,
    pos: () => {
      const loaded = pos();
      const updater = loaded.updater;
      // wink keeps its lexicon private; its POS updater is handed it on every document. The fix-ups
      // need to ask the lexicon which parts of speech a word can have, so the first call keeps it.
      return {
        ...loaded,
        updater(px: unknown, lexicon: unknown, tags: unknown, tokens: unknown) {
          cache = lexicon;
          return updater(px, lexicon, tags, tokens);
        }
      };
    },
    ner: () => ({machines: [], transformers: []}),
    negation,
    // Never run (not in the pipe), but wink's loader compiles one machine for it.
    sa: () => ({machines: negation().machines, setter: () => undefined}),
    metaCER,
    featureFn,
    addons: {lemmatize}
  };
  const nlp = winkNLP(model, ['pos']);
  nlp.readDoc('The tagger is ready.');
  if (!cache) throw new Error('whosaid: the part-of-speech model did not load (no lexicon)');
  const list = posNames();
  const posIndex: Record<string, number> = {};
  list.forEach((name, index) => (posIndex[name] = index));
  wink = {nlp, its: nlp.its, cache, lemmatize, posIndex, posList: list};
  loadMs = performance.now() - started;
  return wink;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * wink's core model made ready for use, as the package's own loader (dist/read-core-model.js and
 * load-core-model.js) makes it, without its first step: a deep copy of the whole 3 MB model through
 * JSON.stringify and JSON.parse (30 ms of a ~100 ms cold load). What wink changes later (the word
 * lists grow with the unknown words it meets) is copied here one level deep instead; the data the
 * package required is left as it was.
 */
function readCoreModel(data: any): any {
  const layout: Record<string, number[]> = data.packing.layout;
  const features: Record<string, any> = {};
  for (const [name, feature] of Object.entries<any>(data.features)) features[name] = {...feature, list: feature.list.slice()};
  const efList: string[] = [];
  for (const name in layout) {
    const [, mask, shift, packed, extrinsic] = layout[name];
    if (packed === 0) {
      const feature = features[name];
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = mask >>> shift;
    }
    if (extrinsic === 1) efList.push(name);
  }
  const lexeme = features.lexeme;
  lexeme.hash = indexOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  const posHash: Record<string, number> = data.pos.hash;
  features.posClusters.list = features.posClusters.list.map(
    (cluster: string) => new Set(cluster.split('_').map((name) => posHash[name] || 0))
  );
  return {
    ...data,
    packing: {...data.packing, efList},
    features,
    lexicon: new Uint32Array(decodeBase64(data.lexicon)),
    xpansions: new Uint32Array(decodeBase64(data.xpansions))
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function indexOf(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]] = k;
  return hash;
}

/** Base64 to bytes: Node's decoder where there is one (ten times faster), else atob. */
function decodeBase64(data: string): ArrayBuffer {
  const NodeBuffer = (globalThis as {Buffer?: {from(data: string, encoding: string): Uint8Array}}).Buffer;
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(data, 'base64');
    // A fresh, aligned copy: Node may hand out a slice of a shared pool.
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return bytes.buffer;
}

/** wink's part-of-speech numbering (the model's `pos.list`). */
function posNames(): string[] {
  return [
    'UNK',
    'ADJ',
    'ADP',
    'ADV',
    'AUX',
    'CCONJ',
    'DET',
    'INTJ',
    'NOUN',
    'NUM',
    'PART',
    'PRON',
    'PROPN',
    'PUNCT',
    'SPACE',
    'SYM',
    'VERB',
    'X',
    'SCONJ'
  ];
}

// ---------------------------------------------------------------------------------------------------
// Tagging

// Only the paragraphs being analysed now need it: the engine caches its results per paragraph itself.
const MEMO_LIMIT = 8;
const memo = new Map<string, Tagged>();

/** Tags a paragraph, with whosaid's fix-ups; the last few paragraphs' results are kept. */
export function tagParagraph(text: string): Tagged {
  const hit = memo.get(text);
  if (hit) return hit;
  const tagged = tagText(text);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, tagged);
  return tagged;
}

const byModel = new WeakMap<object, Tagged>();

/** The tagging of a paragraph given as its model (anything with the paragraph's `text`) or its text. */
export function tagsOf(paragraph: string | {readonly text: string}): Tagged {
  if (typeof paragraph === 'string') return tagParagraph(paragraph);
  let tagged = byModel.get(paragraph);
  if (!tagged) byModel.set(paragraph, (tagged = tagParagraph(paragraph.text)));
  return tagged;
}

/** The tag of one token of a paragraph (a ParagraphModel, or its text). */
export function tagOf(paragraph: string | {readonly text: string}, token: Span): WordTag {
  return tagsOf(paragraph).at(token.start, token.end);
}

/** Tags a text afresh, without the memo; `fixUps: false` gives wink's own tags (for measuring). */
export function tagText(text: string, options: TagOptions = {}): Tagged {
  const w = load();
  const tokens: Tok[] = [];
  if (text.trim().length > 0) {
    const doc = w.nlp.readDoc(text);
    const its = w.its;
    const all = doc.tokens();
    const values: string[] = all.out(its.value);
    const pos: string[] = all.out(its.pos);
    const lemmas: string[] = all.out(its.lemma);
    let cursor = 0;
    let ended = true;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      // Past the white space before the token (cheaper than asking wink for it).
      let newline = false;
      for (
        let code = text.charCodeAt(cursor);
        cursor < text.length &&
        (code <= 32 ||
          code === 0xa0 ||
          (code >= 0x2000 && code <= 0x200b) ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
        code = text.charCodeAt(++cursor)
      ) {
        if (code === 10 || code === 13) newline = true;
      }
      // wink keeps line breaks and tabs as tokens of their own (pos SPACE): not words, left out.
      if (pos[i] === 'SPACE' || value.charCodeAt(0) <= 32) {
        if (value.includes('\n')) ended = true;
        continue;
      }
      let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
      if (start >= 0) cursor = start + value.length;
      else start = -1;
      const token = new Tok(tokens, tokens.length, start, value, pos[i] as Upos, plainLemma(lemmas[i] ?? value));
      // wink splits a possessive it has not seen ("UFJ's") and keeps it whole once it has: the same
      // lemma either way, so a paragraph tags alike whatever the process read before.
      if ((token.pos === 'PROPN' || token.pos === 'NOUN') && value.length > 2 && POSSESSIVE_END.test(value))
        token.lemma = token.lemma.slice(0, -2);
      // wink keeps "re-elected", "co-founders", "e-mails" whole and finds no lemma for them: the
      // part after the last hyphen gets one ("re-elect", "co-founder", "e-mail").
      else if (token.lemma === token.text.toLowerCase() && value.includes('-') && (token.pos === 'NOUN' || token.pos === 'VERB'))
        hyphenLemma(token, w);
      // Sentence starts, for the fix-ups: after a full stop, question or exclamation mark (closing
      // quotes and brackets between) or a line break. wink's own sentence splitter costs a third of
      // the tagging time and finds the same starts in news copy ("Mr." and "U.S." are one token).
      if (ended || newline) token.sentenceStart = true;
      if (SENTENCE_ENDS.has(value)) ended = true;
      else if (!CLOSERS.has(value)) ended = false;
      tokens.push(token);
    }
    if (options.fixUps !== false) fixUps(tokens, w);
  }
  return makeTagged(text, tokens);
}

const POSSESSIVE_END = /['\u2019]s$/i;

function hyphenLemma(token: Tok, w: Wink): void {
  const cut = token.lemma.lastIndexOf('-') + 1;
  const last = token.lemma.slice(cut);
  if (last.length < 2) return;
  const lemma = w.lemmatize(last, token.pos, w.cache);
  if (lemma !== last) token.lemma = token.lemma.slice(0, cut) + lemma;
}
const SENTENCE_ENDS = new Set(['.', '!', '?', '\u2026', '...', '?!', '!!', '!?']);
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/** A wink token placed in the paragraph; its Penn tag is derived when first read. */
class Tok implements TaggedToken {
  readonly #all: Tok[];
  readonly #index: number;
  #penn: string | undefined;
  readonly end: number;
  fixed?: TaggedToken['fixed'];
  sentenceStart?: boolean;

  constructor(
    all: Tok[],
    index: number,
    readonly start: number,
    readonly text: string,
    public pos: Upos,
    public lemma: string
  ) {
    this.#all = all;
    this.#index = index;
    this.end = start < 0 ? -1 : start + text.length;
  }

  get tag(): string {
    return (this.#penn ??= pennTag(this.#all, this.#index));
  }
}

function plainLemma(lemma: string): string {
  const lower = lemma.toLowerCase();
  return lower.includes('\u2019') || lower.includes('\u2018') ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

const UNKNOWN: WordTag = Object.freeze({pos: 'X', tag: 'FW', lemma: ''}) as WordTag;

function makeTagged(text: string, tokens: TaggedToken[]): Tagged {
  // Token index + 1 by start offset (0: no token starts there): one array read a look-up.
  const byStart = new Int32Array(text.length + 1);
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].start >= 0) byStart[tokens[i].start] = i + 1;
  let words: Map<string, WordTag> | undefined;
  return {
    text,
    tokens,
    at(start: number, end?: number): WordTag {
      let index = start >= 0 && start < byStart.length ? byStart[start] - 1 : -1;
      if (index < 0) {
        index = covering(tokens, start);
        return index < 0 ? UNKNOWN : tokens[index];
      }
      const first = tokens[index];
      if (end === undefined || first.end >= end) return first;
      const key = `${start}:${end}`;
      let word = (words ??= new Map()).get(key);
      if (!word) words.set(key, (word = combine(text, tokens, index, end)));
      return word;
    }
  };
}

/** The token whose text covers the offset, or -1. */
function covering(tokens: TaggedToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const token = tokens[mid];
    if (token.start < 0) {
      // Unplaced tokens are rare: scan linearly around them.
      for (let i = 0; i < tokens.length; i++) if (tokens[i].start <= offset && offset < tokens[i].end) return i;
      return -1;
    }
    if (offset < token.start) hi = mid - 1;
    else if (offset >= token.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/** One tag for a retext word that wink split into tokens from..(ending before `end`). */
function combine(text: string, tokens: TaggedToken[], from: number, end: number): WordTag {
  let to = from;
  while (to + 1 < tokens.length && tokens[to + 1].start >= 0 && tokens[to + 1].start < end) to++;
  let hyphenated = false;
  for (let i = from + 1; i <= to; i++) if (HYPHENS.has(tokens[i].text)) hyphenated = true;
  const first = tokens[from];
  if (!hyphenated) return {pos: first.pos, tag: first.tag, lemma: first.lemma};
  // A compound: its last word part heads it ("search-engines", "well-known", "re-elected"); a number
  // at the end does not ("COVID-19", "F-35": the first part says what it is).
  let head = to;
  while (head > from && tokens[head].pos === 'PUNCT') head--;
  if (tokens[head].pos === 'NUM' && first.pos !== 'NUM') head = from;
  const last = tokens[head];
  const surface = text.slice(first.start, last.start).toLowerCase();
  // A compound ending in a participle before a noun or after a determiner is an adjective:
  // "a well-known firm", "the long-awaited report", "a record-breaking year".
  if (last.pos === 'VERB' && head === to && /(ed|en|wn|ing)$/i.test(last.text)) {
    const next = tokens[to + 1];
    const before = tokens[from - 1];
    if ((next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) || (before && before.pos === 'DET')) {
      return {pos: 'ADJ', tag: 'JJ', lemma: plainLemma(text.slice(first.start, last.end))};
    }
  }
  const lemma =
    head === from
      ? text.slice(first.start, end).toLowerCase()
      : last.pos === 'NOUN' || last.pos === 'VERB'
        ? surface + last.lemma
        : surface + last.text.toLowerCase();
  return {pos: last.pos, tag: last.tag, lemma: plainLemma(lemma)};
}

// ---------------------------------------------------------------------------------------------------
// Fix-ups

/** What wink's lexicon knows of a lower-case word: its most frequent part of speech and the others it can take. */
interface LexEntry {
  usual: string;
  can(pos: string): boolean;
}

function lexEntry(w: Wink, lower: string): LexEntry | null {
  const found: number[] | null = w.cache.lookup(lower);
  // Unknown, a contraction (several entries), or a word wink met only in a text (out of vocabulary).
  if (!found || found.length !== 1 || found[0] >= w.cache.intrinsicSize()) return null;
  const index = found[0];
  return {usual: w.posList[w.cache.posOf(index)] ?? 'X', can: (pos) => w.cache.isMemberPOS(index, w.posIndex[pos])};
}

/**
 * whosaid's corrections to wink's tags, each for an error measured on UD English EWT
 * (eval/tagger.mjs prints the figures before and after):
 * - sentence-start: wink takes a capitalised word opening a sentence for a proper noun when it is an
 *   adjective or a function word ("Beautiful results were obtained", "Angry residents filled the hall").
 * - verb-s: wink reads a verb in -s after a singular subject as a plural noun, as in a compound ("The
 *   company reports a loss").
 * - capital-adjective: wink tags adjectives of nations, faiths and parties PROPN wherever they are
 *   ("the Iranian government", "Iraqi and American officials"): ADJ before a common noun.
 * - plural-subject: a plural noun and its verb read the other way round or as two nouns ("However
 *   polls show high levels", "Some technical websites report that").
 * - main-verb: wink tags every "have" and "be" AUX, also where they are the clause's main verb
 *   ("The firm has a plan", "there is no proof"): VERB there, as in UD.
 */
function fixUps(tokens: TaggedToken[], w: Wink): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if ((token.pos === 'PROPN' || token.pos === 'NOUN') && opensSentence(tokens, i) && /^\p{Lu}/u.test(token.text))
      fixSentenceStart(tokens, i, w);
    else if (token.pos === 'PROPN') fixCapitalAdjective(tokens, i, w);
    else if (token.pos === 'NOUN') {
      fixVerbS(tokens, i, w);
      if (token.pos === 'NOUN') fixPluralSubject(tokens, i, w);
    } else if (token.pos === 'VERB') fixPluralSubject(tokens, i, w);
    else if (token.pos === 'AUX') fixMainVerb(tokens, i);
  }
}

const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '(', '[', '\u2014', '\u2013', '-', '\u00ab']);

/** The first word of a sentence, after any opening quotes, brackets or dashes. */
function opensSentence(tokens: TaggedToken[], i: number): boolean {
  let j = i;
  while (!tokens[j].sentenceStart) {
    if (j === 0 || !OPENERS.has(tokens[j - 1].text)) return false;
    j--;
  }
  return true;
}

/** A verb form that agrees with a plural subject only: "predict", "are", "were", "have", "do". */
function pluralVerb(token: TaggedToken): boolean {
  const word = token.text.toLowerCase();
  if (token.pos === 'AUX') return word === 'are' || word === 'were' || word === 'have' || word === 'do' || word === "'re";
  return token.pos === 'VERB' && /^[a-z]+$/.test(word) && token.lemma === word && word !== 'be';
}

/** Parts of speech of words that open no name: the word is what the lexicon says. */
const FUNCTION_WORDS = new Set(['ADP', 'SCONJ', 'CCONJ', 'DET', 'PRON', 'AUX', 'PART']);

function fixSentenceStart(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  // An acronym (NATO) or a single capital is what it is.
  if (text.length < 2 || text === text.toUpperCase()) return;
  const lower = text.toLowerCase();
  const entry = lexEntry(w, lower);
  const next = tokens[i + 1] as TaggedToken | undefined;
  if (!entry) {
    // A word the lexicon lacks, in -s, before a verb that agrees with a plural ("Bookmakers predict",
    // "Pollsters are"): a plural noun; a name in -s takes "predicts", "is".
    // Peoples stay PROPN, as in UD ("Americans are"): their singular is an adjective in the lexicon.
    if (
      token.pos === 'PROPN' &&
      next &&
      /^\p{Lu}\p{Ll}+[^s]s$/u.test(text) &&
      pluralVerb(next) &&
      !lexEntry(w, lower.slice(0, -1))?.can('ADJ')
    ) {
      token.pos = 'NOUN';
      token.lemma = lower.slice(0, -1);
      token.fixed = 'sentence-start';
    }
    return;
  }
  let pos: Upos | null = null;
  if (token.pos === 'NOUN') {
    // wink's NOUN for a capitalised adjective: "New controls on migrants".
    if (entry.usual === 'ADJ' && next && (next.pos === 'NOUN' || next.pos === 'ADJ')) pos = 'ADJ';
  } else if (FUNCTION_WORDS.has(entry.usual)) {
    // A function word opens no name, capital after it or not ("Several Hollywood stars").
    pos = entry.usual as Upos;
  } else if (next && next.pos !== 'PUNCT' && next.pos !== 'SYM' && /^\p{Lu}/u.test(next.text)) {
    // "Beautiful Minds Ltd", "South African": a capital after it makes a name of the two.
    return;
  } else if (entry.usual === 'ADV' || entry.usual === 'INTJ') {
    pos = entry.usual;
  } else if (entry.can('ADJ') && (entry.usual === 'ADJ' || entry.usual === 'PROPN' || entry.usual === 'VERB')) {
    // An adjective in front of a noun or another adjective ("Angry residents"); a name that is also
    // an adjective stands before a verb ("Young said").
    if (next && (next.pos === 'NOUN' || next.pos === 'ADJ')) pos = 'ADJ';
  } else if (entry.usual === 'NOUN' && w.lemmatize(lower, 'NOUN', w.cache) !== lower) {
    // A plural common noun ("Officials said", "Residents filled"); a singular one may be a surname
    // ("Baker said") and stays a name.
    pos = 'NOUN';
  }
  if (!pos) return;
  token.pos = pos;
  token.lemma = pos === 'ADJ' || pos === 'NOUN' ? w.lemmatize(lower, pos, w.cache) : lower;
  token.fixed = 'sentence-start';
}

/**
 * A capitalised word the lexicon knows as an adjective, before a lower-case noun or adjective (or
 * before "and"/"or"/a comma and another such word): "the Iranian government", "Iraqi and American
 * officials", "Federal investigators". Before a capital it is part of a name ("European Union",
 * "British Airways").
 */
function fixCapitalAdjective(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  if (text.length < 3 || text === text.toUpperCase() || !/^\p{Lu}\p{Ll}/u.test(text)) return;
  // After a capitalised name word it ends a name: "Middle East", "Mr Brown", "Fleet Auxiliary".
  const before = tokens[i - 1];
  if (before && (before.pos === 'PROPN' || before.pos === 'NOUN' || before.pos === 'ADJ') && /^\p{Lu}/u.test(before.text)) return;
  const modifies = (j: number): boolean => {
    const next = tokens[j];
    return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ') && /^\p{Ll}/u.test(next.text);
  };
  let ok = modifies(i + 1);
  if (!ok && tokens[i + 1] && /^(and|or|,)$/.test(tokens[i + 1].text)) {
    const other = tokens[i + 2];
    ok =
      other !== undefined && /^\p{Lu}\p{Ll}/u.test(other.text) && lexEntry(w, other.text.toLowerCase())?.usual === 'ADJ' && modifies(i + 3);
  }
  if (!ok) return;
  const lower = text.toLowerCase();
  if (lexEntry(w, lower)?.usual !== 'ADJ') return;
  token.pos = 'ADJ';
  token.lemma = lower;
  token.fixed = 'capital-adjective';
}

/** Pronouns that take a verb in -s. */
const SINGULAR_PRONOUNS = new Set([
  'he',
  'she',
  'it',
  'this',
  'that',
  'who',
  'which',
  'one',
  'nobody',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'noone',
  'each',
  'what'
]);
/** Tokens that end a clause for the look-ahead: a finite verb past them belongs to another clause. */
const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '!', '?', '\u2014', '\u2013', '(', ')']);

/** Parts of speech that can open what follows a verb in -s: an object, a complement, an adverb. */
const AFTER_VERB = new Set(['DET', 'PRON', 'NUM', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'SCONJ', 'PART', 'ADP']);
/** Words that follow a plural noun, hardly a verb: "terms of", "companies like", "firms such as". */
const NOUN_FOLLOWERS = new Set(['of', 'like', 'such', 'including', 'which', 'who', 'whose']);
/** Words after which a finite verb in the look-ahead belongs to a relative or reported clause. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'why', 'how', 'whether', 'if']);

function fixVerbS(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  // Lower case only: a capitalised word inside a sentence is a name or a heading ("Kind Regards").
  if (text.length < 4 || text.charCodeAt(text.length - 1) !== 115 || !/^[a-z]+$/.test(text) || /(ss|us|is)$/.test(text)) return;
  // The cheap tests on the neighbours first, the lexicon last.
  const opener = singularSubjectBefore(tokens, i);
  if (opener === null) return;
  // What follows must not make the word a noun: a verb right after it ("company reports show"), or
  // a finite verb later in the same clause ("company reports on Monday showed"). A clause ending
  // right after it counts only after a pronoun ("it reports.") or in "as the company reports,".
  const next = tokens[i + 1] as TaggedToken | undefined;
  if (!next) return;
  if (CLAUSE_BREAKS.has(next.text)) {
    if (tokens[i - 1].pos !== 'PRON' && opener !== 'as') return;
  } else if (
    !AFTER_VERB.has(next.pos) ||
    (next.pos === 'PART' && next.text.toLowerCase() !== 'to') ||
    NOUN_FOLLOWERS.has(next.text.toLowerCase())
  )
    return;
  for (let j = i + 1; j < tokens.length; j++) {
    const after = tokens[j];
    if (CLAUSE_BREAKS.has(after.text) || after.pos === 'SCONJ' || after.pos === 'CCONJ' || after.sentenceStart) break;
    if (CLAUSE_WORDS.has(after.text.toLowerCase())) break;
    if (after.pos === 'AUX') return;
    if (after.pos === 'VERB' && !/ing$/i.test(after.text) && !(j > i + 1 && /^(DET|ADJ|ADP)$/.test(tokens[j - 1].pos))) return;
  }
  const verb = w.lemmatize(text, 'VERB', w.cache);
  if (verb === text || !w.cache.hasSamePOS(verb, 'VERB')) return;
  // The lexicon must know the form in -s itself as a verb: "reports", "hits", "launches" are, "firms",
  // "games", "homes" are not (on BBC news this halves the wrong changes; headlines' "Federer breezes"
  // is lost).
  const entry = lexEntry(w, text);
  if (entry && !entry.can('VERB')) return;
  // A bare singular word after it that can be a verb, itself followed by what could be its object, is
  // more likely the verb of a plural subject: "Government figures show a rise", "The tax cuts target
  // firms" (but "Board delays vote on fares").
  if (next.pos === 'NOUN' && next.lemma === next.text.toLowerCase() && lexEntry(w, next.lemma)?.can('VERB')) {
    const object = tokens[i + 2];
    if (object && (/^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(object.pos) || object.text.toLowerCase() === 'that')) return;
  }
  token.pos = 'VERB';
  token.lemma = verb;
  token.fixed = 'verb-s';
}

/**
 * A subject that takes a verb in -s ends right before: a singular pronoun, or a singular noun phrase
 * that opens its clause ("The company", "The state's largest utility", "Acme"), not one that is the
 * object of a verb or a preposition before it ("read the company reports", "in the company reports").
 * Returns what opens the clause (lower case, '' at a sentence start), or null when there is no such subject.
 */
function singularSubjectBefore(tokens: TaggedToken[], i: number): string | null {
  const before = tokens[i - 1] as TaggedToken | undefined;
  if (!before || tokens[i].sentenceStart) return null;
  const word = before.text.toLowerCase();
  if (before.pos === 'PRON') return SINGULAR_PRONOUNS.has(word) ? word : null;
  if (before.pos !== 'NOUN' && before.pos !== 'PROPN') return null;
  // A plural noun takes the plain verb: "the firms report".
  if (before.pos === 'NOUN' && before.lemma !== word && !word.endsWith('ss')) return null;
  return clauseOpenerBefore(tokens, i - 1);
}

/**
 * Whether the noun phrase ending at `last` opens its clause: what stands before it (lower case, ''
 * at a sentence start), or null when the phrase follows a verb or a preposition.
 */
function clauseOpenerBefore(tokens: TaggedToken[], last: number): string | null {
  // Back over the noun phrase to what stands before it; a hyphen joined to its neighbours is inside
  // a word ("al-Qaeda", "state-owned").
  let j = last;
  while (j > 0 && !tokens[j].sentenceStart) {
    const previous = tokens[j - 1];
    const joined = HYPHENS.has(previous.text) && previous.end === tokens[j].start && tokens[j - 2]?.end === previous.start;
    if (
      joined ||
      /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(previous.pos) ||
      (previous.pos === 'PART' && /^['\u2019]/.test(previous.text)) ||
      (previous.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(previous.text.toLowerCase()))
    )
      j--;
    else break;
  }
  if (tokens[j].sentenceStart) return '';
  const opener = tokens[j - 1];
  const openerWord = opener.text.toLowerCase();
  const before2 = tokens[j - 2]?.text.toLowerCase();
  // Not an adverb ("in virtually all US homes"), nor "and" or "as" inside a noun phrase ("computer and
  // video games", "as well as top technology firms"): "and" opens a clause after a comma.
  const opens =
    CLAUSE_BREAKS.has(opener.text) ||
    // An opening quote or bracket that opens the sentence or a clause: '"The company reports ...'.
    (OPENERS.has(opener.text) &&
      !HYPHENS.has(opener.text) &&
      (j - 1 === 0 || opener.sentenceStart === true || CLAUSE_BREAKS.has(tokens[j - 2].text))) ||
    (opener.pos === 'SCONJ' && openerWord !== 'as') ||
    CLAUSE_WORDS.has(openerWord) ||
    (openerWord === 'as' && before2 !== 'well' && before2 !== 'such' && before2 !== 'so') ||
    (opener.pos === 'CCONJ' && before2 === ',') ||
    // A sentence adverb opening the sentence: "However polls show ...", "Meanwhile the firm reports ...".
    (opener.pos === 'ADV' && opener.sentenceStart === true);
  return opens ? openerWord : null;
}

/** What can follow a verb as its object or complement, for the plural-subject fix-up. */
const OBJECT_START = /^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/;

/**
 * A plural subject and its verb, which wink reads the other way round or as two nouns: "However
 * polls show high levels" (polls VERB, show NOUN), "Some technical websites report that" (report
 * NOUN). The noun phrase must open its clause, and an object or "that" must follow the verb.
 */
function fixPluralSubject(tokens: TaggedToken[], i: number, w: Wink): void {
  const subject = tokens[i];
  const verb = tokens[i + 1];
  const after = tokens[i + 2];
  // The verb: a plain lower-case base form ("show", "report"), not "drinking" or a past form.
  if (!verb || !after || verb.pos !== 'NOUN' || !/^[a-z]+$/.test(verb.text) || verb.lemma !== verb.text || /(ing|ed)$/.test(verb.text))
    return;
  // Its object or complement: not a name, which makes the word a title ("telecoms firm Deutsche Telekom").
  if (!((OBJECT_START.test(after.pos) && !/^\p{Lu}/u.test(after.text)) || after.text.toLowerCase() === 'that')) return;
  const text = subject.text;
  if (!/^[A-Za-z]+$/.test(text) || !text.endsWith('s') || text.endsWith('ss')) return;
  const lower = text.toLowerCase();
  const before = tokens[i - 1] as TaggedToken | undefined;
  const nounBefore = before !== undefined && /^(NOUN|PROPN|NUM|PRON)$/.test(before.pos);
  const entry = lexEntry(w, lower);
  if (subject.pos === 'VERB') {
    // "polls" read as a verb: the lexicon must know it as a noun, and no subject may stand before it
    // ("The software uses", "UK needs tax cuts" are right as they are).
    if (!entry?.can('NOUN') || nounBefore) return;
  } else {
    if (subject.pos !== 'NOUN' || subject.lemma === lower) return;
    // "Police chief backs drinking move", "Kraft cuts snack ads": a word in -s that can be a verb,
    // after a noun, is that noun's verb as often as a plural subject.
    if (nounBefore && before!.pos !== 'PRON' && entry?.can('VERB')) return;
  }
  if (!lexEntry(w, verb.text)?.can('VERB')) return;
  if (clauseOpenerBefore(tokens, i) === null) return;
  if (subject.pos === 'VERB') {
    subject.pos = 'NOUN';
    subject.lemma = w.lemmatize(lower, 'NOUN', w.cache);
    subject.fixed = 'plural-subject';
  }
  verb.pos = 'VERB';
  verb.fixed = 'plural-subject';
}

/**
 * "have" and "be" as main verbs, which wink always tags AUX: "have" before what it has ("The firm has
 * a plan", "has to pay") and "be" after existential "there" ("there is no proof") are VERB in UD.
 */
function fixMainVerb(tokens: TaggedToken[], i: number): void {
  const token = tokens[i];
  if (token.lemma === 'have') {
    let j = i + 1;
    while (tokens[j] && (tokens[j].pos === 'ADV' || (tokens[j].pos === 'PART' && /^(not|n't|n\u2019t)$/i.test(tokens[j].text)))) j++;
    const next = tokens[j];
    if (!next || !/^(DET|NUM|PRON|NOUN|PROPN|ADJ|PART)$/.test(next.pos)) return;
    // "to" for obligation ("has to pay"); other particles ("has n't") are not objects.
    if (next.pos === 'PART' && next.text.toLowerCase() !== 'to') return;
    // "has it been", "have you seen": a question's subject, then a participle.
    if (next.pos === 'PRON') {
      let k = j + 1;
      while (tokens[k] && tokens[k].pos === 'ADV') k++;
      if (tokens[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX')) return;
    }
  } else if (token.lemma === 'be') {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const there = (t: TaggedToken | undefined) => t !== undefined && t.text.toLowerCase() === 'there';
    if (!there(before) && !(there(after) && (i === 0 || tokens[i].sentenceStart))) return;
    // "There is expected to be", "there was found": a passive or a progressive, an auxiliary.
    if (after && after.pos === 'VERB') return;
  } else return;
  token.pos = 'VERB';
  token.fixed = 'main-verb';
}

// ---------------------------------------------------------------------------------------------------
// Penn Treebank tags, derived

const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'ca', 'wo', "'ll", 'ought']);
const POSSESSIVE_PRONOUNS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their', 'thy', 'whose']);
const WH_PRONOUNS = new Set(['who', 'whom', 'what', 'whoever', 'whatever']);
const WH_DETERMINERS = new Set(['which', 'whichever']);
const WH_ADVERBS = new Set(['when', 'where', 'why', 'how', 'whenever', 'wherever']);
const HAVE_BE = new Set([
  'have',
  'has',
  'had',
  'having',
  "'ve",
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  "'s",
  "'re",
  'get',
  'got',
  'gets',
  'getting'
]);
const PUNCT_TAGS: Record<string, string> = {
  ',': ',',
  '.': '.',
  '!': '.',
  '?': '.',
  ':': ':',
  ';': ':',
  '(': '-LRB-',
  ')': '-RRB-',
  '[': '-LRB-',
  ']': '-RRB-',
  '"': "''",
  '\u201c': '``',
  '\u201d': "''",
  "'": "''",
  '\u2018': '``',
  '\u2019': "''",
  '-': 'HYPH',
  '\u2014': ':',
  '\u2013': ':',
  '...': ':',
  '\u2026': ':'
};

function pennTag(tokens: TaggedToken[], i: number): string {
  const token = tokens[i];
  const lower = token.text.toLowerCase().replace(/\u2019/g, "'");
  switch (token.pos) {
    case 'NOUN':
      return token.lemma !== lower && !lower.endsWith('ss') ? 'NNS' : 'NN';
    case 'PROPN':
      return token.lemma !== lower && /s$/.test(lower) && !/ss$/.test(lower) ? 'NNPS' : 'NNP';
    case 'ADJ':
      if (token.lemma !== lower && lower.endsWith('est')) return 'JJS';
      if (token.lemma !== lower && (lower.endsWith('er') || lower === 'worse' || lower === 'less')) return 'JJR';
      return 'JJ';
    case 'ADV':
      if (WH_ADVERBS.has(lower)) return 'WRB';
      if (lower === 'more' || lower === 'less') return 'RBR';
      if (lower === 'most' || lower === 'least') return 'RBS';
      return 'RB';
    case 'AUX':
    case 'VERB':
      return verbTag(tokens, i, lower);
    case 'PRON':
      if (POSSESSIVE_PRONOUNS.has(lower)) return lower === 'whose' ? 'WP$' : 'PRP$';
      if (WH_PRONOUNS.has(lower)) return 'WP';
      if (lower === 'that' || WH_DETERMINERS.has(lower)) return 'WDT';
      if (lower === 'there') return 'EX';
      return /^(this|these|those|all|both|some|any|each|either|neither|none)$/.test(lower) ? 'DT' : 'PRP';
    case 'DET':
      if (WH_DETERMINERS.has(lower) || lower === 'what' || lower === 'whatever') return 'WDT';
      if (lower === 'all' || lower === 'both' || lower === 'half' || lower === 'such') return 'PDT';
      return 'DT';
    case 'ADP':
      return lower === 'to' ? 'TO' : 'IN';
    case 'SCONJ':
      return 'IN';
    case 'CCONJ':
      return 'CC';
    case 'PART':
      if (lower === 'to') return 'TO';
      if (lower === "'s" || lower === "'") return 'POS';
      return 'RB';
    case 'NUM':
      return 'CD';
    case 'INTJ':
      return 'UH';
    case 'PUNCT':
      return PUNCT_TAGS[token.text] ?? (token.text.startsWith('.') ? ':' : 'NFP');
    case 'SYM':
      return token.text === '$' || token.text === '\u00a3' || token.text === '\u20ac' ? '$' : token.text === '#' ? '#' : 'SYM';
    default:
      return 'FW';
  }
}

function verbTag(tokens: TaggedToken[], i: number, lower: string): string {
  const token = tokens[i];
  if (token.pos === 'AUX' && MODALS.has(lower)) return 'MD';
  if (lower.endsWith('ing') && token.lemma !== lower) return 'VBG';
  if (lower === 'am' || lower === "'m" || lower === 'are' || lower === "'re") return 'VBP';
  if (lower === 'is' || lower === 'has' || lower === 'does' || (lower === "'s" && token.pos === 'AUX')) return 'VBZ';
  if (lower === 'was' || lower === 'were' || lower === 'did' || lower === 'had' || lower === "'d") return 'VBD';
  if (lower === 'been' || lower === 'done') return 'VBN';
  if (token.lemma === lower || token.lemma === 'be') return baseTag(tokens, i);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return 'VBZ';
  // A past form: a participle after a form of "have" or "be" (with adverbs between), or used as an
  // adjective after a determiner; otherwise a simple past.
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const before = tokens[j];
    const word = before.text.toLowerCase().replace(/\u2019/g, "'");
    if (before.pos === 'ADV' || before.pos === 'PART') continue;
    if (HAVE_BE.has(word) && (before.pos === 'AUX' || before.pos === 'VERB')) return 'VBN';
    if (
      before.pos === 'DET' ||
      before.pos === 'ADP' ||
      before.pos === 'ADJ' ||
      (before.pos === 'PUNCT' && j === i - 1 && before.text === ',')
    )
      return 'VBN';
    break;
  }
  return 'VBD';
}

/** A base form: the infinitive (VB) after "to", a modal or "do", or at an imperative start; else present (VBP). */
function baseTag(tokens: TaggedToken[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const before = tokens[j];
    const word = before.text.toLowerCase().replace(/\u2019/g, "'");
    if (before.pos === 'ADV' || (before.pos === 'PART' && word !== 'to')) continue;
    if (word === 'to' || MODALS.has(word) || (before.lemma === 'do' && before.pos === 'AUX')) return 'VB';
    return before.pos === 'PRON' || before.pos === 'NOUN' || before.pos === 'PROPN' ? 'VBP' : 'VB';
  }
  return 'VB';
}
