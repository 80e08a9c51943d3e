// Sentences and tokens of one paragraph, from retext-english's nlcst tree.
// The tree is read once and flattened; rules work on the flat tokens and never re-parse.
import {unified} from 'unified';
import retextEnglish from 'retext-english';
import type {Paragraph as NlcstParagraph, Root as NlcstRoot, Sentence as NlcstSentence} from 'nlcst';
import {normalizeWord} from './phrases';

export type TokenKind = 'word' | 'punct' | 'symbol';

export interface Token {
  /** Offsets in the paragraph text. */
  start: number;
  end: number;
  text: string;
  /** Lower case, plain apostrophes: what lexicons match against. */
  norm: string;
  kind: TokenKind;
  /** Starts with a capital letter. */
  capitalized: boolean;
  /** Inside a direct quotation. */
  quoted: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  /** The normalized forms, for phrase matching. */
  norms: string[];
  /** The paragraph text the offsets point into: what nlp/tags.ts tags (set by parseSentences). */
  paragraph?: string;
}

const processor = unified().use(retextEnglish).freeze();

const OPEN_QUOTES = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSE_QUOTES = new Set(['\u201d', '\u00bb']);
/** Character codes below U+2000 that can be or begin a quotation mark (the curly ones are above it). */
const MAY_QUOTE = new Uint8Array(0x2000);
for (const ch of ['"', "'", '`', '\u00ab', '\u00bb']) MAY_QUOTE[ch.charCodeAt(0)] = 1;

/** Quote ranges [start, end) in a paragraph, and whether a quote is still open at its end. */
export interface QuoteScan {
  ranges: {start: number; end: number; closed: boolean}[];
  openAtEnd: boolean;
}

/**
 * Finds direct quotations. Curly quotes say which way they face; a straight quote opens after a
 * space, a paragraph start or an opening bracket, and closes otherwise. A quote left open at the end
 * of a paragraph runs to the paragraph's end (news style reopens it in the next paragraph).
 */
export function scanQuotes(text: string, openAtStart = false): QuoteScan {
  const ranges: QuoteScan['ranges'] = [];
  let open = openAtStart ? 0 : -1;
  let from = 0;
  if (openAtStart) {
    // News style reopens a quotation that runs on into a new paragraph: the mark opening this
    // paragraph continues the quote; it does not close it.
    while (from < text.length && (text[from] === ' ' || text[from] === '\t')) from++;
    if (text[from] === '"') from++;
    else if ((text[from] === "'" || text[from] === '`') && text[from + 1] === text[from]) from += 2;
    else from = 0;
  }
  for (let i = from; i < text.length; i++) {
    // Nearly every character is no quotation mark: one test on its code, no one-character string.
    const code = text.charCodeAt(i);
    if (code < 0x2000 && MAY_QUOTE[code] === 0) continue;
    let ch = text[i];
    // Two apostrophes (or backquotes) stand for a double quote in some wire and newspaper copy: ''Yes,'' he said.
    const doubled = (ch === "'" || ch === '`') && text[i + 1] === ch;
    if (doubled) ch = ch === '`' ? '\u201c' : '"';
    if (ch !== '"' && !OPEN_QUOTES.has(ch) && !CLOSE_QUOTES.has(ch)) continue;
    let opens: boolean;
    if (OPEN_QUOTES.has(ch)) opens = true;
    else if (CLOSE_QUOTES.has(ch)) opens = false;
    else {
      const before = i === 0 ? ' ' : text[i - 1];
      const opening = /[\s([{\u2014\u2013-]/.test(before) || i === 0;
      // A mark that looks like an opening one (after a space, before a word) while a quote is open is
      // copy reopening the quotation sentence by sentence without closing it ('"We lost. "We will be
      // back."'): the quotation goes on.
      if (opening && open >= 0 && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
        if (doubled) i++;
        continue;
      }
      opens = open < 0 && opening;
    }
    if (opens) {
      // A new opening quote while one is open: the old one was left unclosed (typo); restart.
      if (open >= 0 && open !== i) ranges.push({start: open, end: i, closed: false});
      open = i;
    } else if (open >= 0) {
      ranges.push({start: open, end: doubled ? i + 2 : i + 1, closed: true});
      open = -1;
    }
    if (doubled) i++;
  }
  if (open >= 0) ranges.push({start: open, end: text.length, closed: false});
  return {ranges, openAtEnd: open >= 0};
}

/**
 * The longest stretch of a paragraph handed to retext-english at once. Its parser splices token arrays
 * one merge at a time, so its cost grows with the square of a stretch's length when merges are dense
 * ("U.S.. " or "U.S. who " repeated: 262,144 characters took 5 s, 18x news). News paragraphs are
 * far shorter; longer ones are parsed in windows cut at clear sentence ends (see `parseWindows`).
 */
export const PARSE_WINDOW = 4096;

export function parseSentences(text: string, quotes: QuoteScan['ranges']): Sentence[] {
  const sentences: Sentence[] = [];
  const state = {quoteIndex: 0};
  if (text.length <= PARSE_WINDOW) collectSentences(text, 0, text.length, quotes, state, sentences);
  else for (const [from, to] of parseWindows(text, PARSE_WINDOW)) collectSentences(text, from, to, quotes, state, sentences);
  for (const sentence of sentences) sentence.paragraph = text;
  return sentences;
}

/**
 * Where a long paragraph is cut for parsing: at a clear sentence end in the second half of each
 * window (a lower-case word of four letters or more, a full stop, question or exclamation mark,
 * closing quotes, white space, then a capital letter: a break retext-english makes too), else at the
 * window's last white space (only text that is no news prose has a window without a sentence end),
 * else at the next white space after it. A word is never cut.
 */
export function parseWindows(text: string, window: number): [number, number][] {
  const windows: [number, number][] = [];
  let from = 0;
  while (text.length - from > window) {
    const cut = windowCut(text, from, window);
    if (cut >= text.length) break;
    windows.push([from, cut]);
    from = cut;
  }
  windows.push([from, text.length]);
  return windows;
}

/** Where the window starting at `from` ends (see `parseWindows`). */
function windowCut(text: string, from: number, window: number): number {
  const limit = from + window;
  let cut = -1;
  // The regular expression reads only this window (plus a little before, for its look-behind, and the
  // capital after): never the rest of the paragraph, which would make the windows quadratic again.
  const base = from + (window >> 1) - 64;
  const stretch = text.slice(base, limit + 1);
  SENTENCE_END.lastIndex = 64;
  for (let match = SENTENCE_END.exec(stretch); match; match = SENTENCE_END.exec(stretch)) {
    const end = base + match.index + match[0].length;
    if (end <= limit && !FOUR_LETTER_ABBREVIATIONS.has(match[1])) cut = end;
  }
  if (cut >= 0) return cut;
  for (let i = limit; i > from + (window >> 1); i--) {
    if (isSpace(text.charCodeAt(i - 1))) return i;
  }
  let i = limit;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** "...fourword." then closing marks, white space and a capital letter (the capital not included). */
const SENTENCE_END = /(?<![\p{L}\p{N}.'\u2019-])(\p{Ll}{4,})[.!?]["'\u201d\u2019\u00bb)]*[ \t\n]+(?=\p{Lu})/gu;
/** retext-english's abbreviations of four letters or more that end before a full stop. */
const FOUR_LETTER_ABBREVIATIONS = new Set(['thurs', 'tbsp', 'sept', 'tues', 'bbls']);

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 12 ||
    code === 11 ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** Parses `text` from `from` to `to` and appends its sentences, with offsets in the whole paragraph. */
function collectSentences(
  text: string,
  from: number,
  to: number,
  quotes: QuoteScan['ranges'],
  state: {quoteIndex: number},
  sentences: Sentence[]
): void {
  const root = processor.parse(from === 0 && to === text.length ? text : text.slice(from, to)) as NlcstRoot;
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of (paragraph as NlcstParagraph).children) {
      if (node.type !== 'SentenceNode') continue;
      const sentence = node as NlcstSentence;
      const tokens: Token[] = [];
      const norms: string[] = [];
      for (const child of sentence.children) {
        if (child.type === 'WhiteSpaceNode' || child.type === 'SourceNode') continue;
        const start = from + child.position!.start.offset!;
        const end = from + child.position!.end.offset!;
        const tokenText = text.slice(start, end);
        while (state.quoteIndex < quotes.length && quotes[state.quoteIndex].end <= start) state.quoteIndex++;
        const quote = quotes[state.quoteIndex];
        const quoted = quote !== undefined && quote.start < start && start < quote.end;
        const kind: TokenKind = child.type === 'WordNode' ? 'word' : child.type === 'SymbolNode' ? 'symbol' : 'punct';
        const norm = kind === 'word' ? normalizeWord(tokenText) : normalizePunct(tokenText);
        const first = tokenText.charCodeAt(0);
        tokens.push({
          start,
          end,
          text: tokenText,
          norm,
          kind,
          capitalized: (first >= 65 && first <= 90) || (first > 127 && tokenText[0] !== tokenText[0].toLowerCase()),
          quoted
        });
        norms.push(norm);
      }
      if (tokens.length === 0) continue;
      for (const piece of splitAtNumberStops({
        start: from + sentence.position!.start.offset!,
        end: from + sentence.position!.end.offset!,
        tokens,
        norms
      })) {
        mergeThousands(piece.tokens, piece.norms, text);
        pushJoiningNumberAbbreviations(piece, sentences);
      }
    }
  }
}

const NUMBER_AND_STOP = /^\d+\.$/;
/** Abbreviations retext-english takes for a sentence end when a number follows ("No. 3"). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos']);

/**
 * Where retext-english's sentence breaks are wrong for news copy:
 * - it reads "33." as one word (an ordinal, in some languages), so "work on pier 33. Daniel Ortiz said
 *   ..." is one sentence and the next source runs back into it. Split there when a capitalized word
 *   follows after a space; a number opening the sentence ("1. The first point") is a list marker.
 * - it ends a sentence at "No." in "berth No. 3": join it back when the next sentence opens with a number.
 */
function splitAtNumberStops(sentence: Sentence): Sentence[] {
  const {tokens, norms} = sentence;
  const pieces: Sentence[] = [];
  let from = 0;
  let start = sentence.start;
  for (let i = 1; i < tokens.length; i++) {
    const numbered = tokens[i];
    // The cheap test first: most words do not end in a full stop.
    if (
      i === from ||
      numbered.text.charCodeAt(numbered.text.length - 1) !== 46 ||
      numbered.kind !== 'word' ||
      !NUMBER_AND_STOP.test(numbered.text)
    )
      continue;
    const next = tokens[i + 1] as Token | undefined;
    // "... rose to 417." at the very end: the same two tokens, no new sentence.
    if (next && (next.kind !== 'word' || !next.capitalized || next.start === numbered.end)) continue;
    const number: Token = {...numbered, end: numbered.end - 1, text: numbered.text.slice(0, -1), norm: numbered.norm.slice(0, -1)};
    const stop: Token = {...numbered, start: numbered.end - 1, text: '.', norm: '.', kind: 'punct', capitalized: false};
    pieces.push({
      start,
      end: numbered.end,
      tokens: [...tokens.slice(from, i), number, stop],
      norms: [...norms.slice(from, i), number.norm, '.']
    });
    if (!next) return pieces;
    from = i + 1;
    start = next.start;
  }
  pieces.push(from === 0 ? sentence : {start, end: sentence.end, tokens: tokens.slice(from), norms: norms.slice(from)});
  return pieces;
}

function pushJoiningNumberAbbreviations(sentence: Sentence, out: Sentence[]): void {
  const last = out[out.length - 1];
  if (last && DIGIT_START.test(sentence.tokens[0].text) && endsWithNumberAbbreviation(last)) {
    // Appended in place: copying the joined sentence at every join was quadratic ("No. 5 No. 5 ...").
    for (const token of sentence.tokens) last.tokens.push(token);
    for (const norm of sentence.norms) last.norms.push(norm);
    last.end = sentence.end;
  } else out.push(sentence);
}

const DIGIT_START = /^\d/;

function endsWithNumberAbbreviation(sentence: Sentence): boolean {
  const n = sentence.tokens.length;
  return (
    n >= 2 &&
    sentence.tokens[n - 1].text === '.' &&
    NUMBER_ABBREVIATIONS.has(sentence.norms[n - 2]) &&
    sentence.tokens[n - 2].end === sentence.tokens[n - 1].start
  );
}

/**
 * retext splits "12,000" into three tokens; a figure is one. One pass that writes the tokens kept
 * over the array (a merged figure can take the next ",000" too): a splice per figure was quadratic in
 * a sentence of many figures.
 */
function mergeThousands(tokens: Token[], norms: string[], text: string): void {
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = kept > 0 ? tokens[kept - 1] : undefined;
    const comma = tokens[i];
    const b = tokens[i + 1] as Token | undefined;
    if (a && b && joinsFigure(a, comma, b)) {
      const merged: Token = {...a, end: b.end, text: text.slice(a.start, b.end)};
      merged.norm = merged.text;
      tokens[kept - 1] = merged;
      norms[kept - 1] = merged.norm;
      i++;
      continue;
    }
    tokens[kept] = comma;
    norms[kept] = norms[i];
    kept++;
  }
  tokens.length = kept;
  norms.length = kept;
}

/** "12" "," "000" written together: one figure. */
function joinsFigure(a: Token, comma: Token, b: Token): boolean {
  return (
    a.kind === 'word' &&
    comma.text === ',' &&
    b.kind === 'word' &&
    comma.start === a.end &&
    b.start === comma.end &&
    /^\d{1,3}(,\d{3})*$/.test(a.text) &&
    /^\d{3}(\.\d+)?$/.test(b.text)
  );
}

function normalizePunct(text: string): string {
  if (OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text) || text === "''" || text === '``') return '"';
  if (text === '\u2019' || text === '\u2018') return "'";
  return text;
}

export function isQuoteMark(token: Token): boolean {
  return token.kind === 'punct' && token.norm === '"';
}

export function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'word';
}
