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

export function parseSentences(text: string, quotes: QuoteScan['ranges']): Sentence[] {
  const root = processor.parse(text) as NlcstRoot;
  const sentences: Sentence[] = [];
  let quoteIndex = 0;
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of (paragraph as NlcstParagraph).children) {
      if (node.type !== 'SentenceNode') continue;
      const sentence = node as NlcstSentence;
      const tokens: Token[] = [];
      const norms: string[] = [];
      for (const child of sentence.children) {
        if (child.type === 'WhiteSpaceNode' || child.type === 'SourceNode') continue;
        const start = child.position!.start.offset!;
        const end = child.position!.end.offset!;
        const tokenText = text.slice(start, end);
        while (quoteIndex < quotes.length && quotes[quoteIndex].end <= start) quoteIndex++;
        const quote = quotes[quoteIndex];
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
        start: sentence.position!.start.offset!,
        end: sentence.position!.end.offset!,
        tokens,
        norms
      })) {
        mergeThousands(piece.tokens, piece.norms, text);
        pushJoiningNumberAbbreviations(piece, sentences);
      }
    }
  }
  return sentences;
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
    out[out.length - 1] = {
      start: last.start,
      end: sentence.end,
      tokens: [...last.tokens, ...sentence.tokens],
      norms: [...last.norms, ...sentence.norms]
    };
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

/** retext splits "12,000" into three tokens; a figure is one. */
function mergeThousands(tokens: Token[], norms: string[], text: string): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, comma, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (a.kind !== 'word' || comma.text !== ',' || b.kind !== 'word') continue;
    if (comma.start !== a.end || b.start !== comma.end || !/^\d{1,3}(,\d{3})*$/.test(a.text) || !/^\d{3}(\.\d+)?$/.test(b.text)) continue;
    const merged: Token = {...a, end: b.end, text: text.slice(a.start, b.end)};
    merged.norm = merged.text;
    tokens.splice(i, 3, merged);
    norms.splice(i, 3, merged.norm);
    i--;
  }
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
