// Masks what is not prose inside a paragraph (Markdown syntax, inline code, HTML, URLs, link targets)
// with spaces, so the prose keeps its offsets one to one with the original text.
import {parse, postprocess, preprocess} from 'micromark';
import {decodeString} from 'micromark-util-decode-string';
import type {Token} from 'micromark-util-types';
import {maskWithoutParse} from './mask-linear';
import {maskQuoteWithoutParse} from './mask-quote';

export {maskWithoutParse};

/** Characters that may start Markdown inline syntax; a paragraph without any is prose as it stands. */
// `[ \t]*`, not `\s*`: under the m flag `\s` would run across line ends and make runs of blank lines quadratic.
const MARKDOWN_SYNTAX = /[`*_[\]<>!\\&#|~]|^[ \t]*([-+]|\d+[.)])\s/m;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

const blank = (match: string) => match.replace(/[^\r\n]/g, ' ');

export function maskProse(text: string, format: 'markdown' | 'plaintext'): string {
  let masked = text;
  if (format === 'markdown' && MARKDOWN_SYNTAX.test(text)) masked = maskMarkdown(text);
  if (masked.includes('http') || masked.includes('www.')) masked = masked.replace(URL, blank);
  // An HTML comment inside a paragraph (in plain text too) is a note to the desk, not prose.
  if (masked.includes('<!--')) masked = masked.replace(COMMENT, blank);
  return masked;
}

/** Nine or more nested containers ("> > > ...", "- - - ...") on one line: hostile or broken input. */
const DEEP_CONTAINERS = /^[ \t]*(?:(?:>|[*+-]|\d{1,9}[.)])[ \t]*){9,}/m;
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[*+-]|\d{1,9}[.)])[ \t]*)+/gm;

/**
 * The longest stretch of a paragraph micromark parses at once. Its resolvers splice their event list
 * once per run of text, so a long paragraph dense with syntax is quadratic inside micromark
 * ('1,000 by Person [tk: figure].' a line: 262,144 characters took 1.4 s, 6.3x news). Longer
 * paragraphs (no news paragraph comes near: the BBC's longest is 2,863 characters) are masked in
 * windows, cut at a line end in the second half of each window where the next line is no setext
 * underline, else at white space; masking keeps lengths, so the pieces join back one to one.
 */
export const MASK_WINDOW = 16_384;

function maskMarkdown(text: string): string {
  if (text.length <= MASK_WINDOW) return maskMarkdownPiece(text);
  let out = '';
  let from = 0;
  while (text.length - from > MASK_WINDOW) {
    const cut = maskCut(text, from, from + MASK_WINDOW);
    if (cut >= text.length) break;
    out += maskMarkdownPiece(text.slice(from, cut));
    from = cut;
  }
  return out + maskMarkdownPiece(text.slice(from));
}

/** Where to cut between `from` and `limit`: after a line end, else after white space; never inside a word. */
function maskCut(text: string, from: number, limit: number): number {
  const half = from + ((limit - from) >> 1);
  for (let i = limit; i > half; i--) {
    if (text.charCodeAt(i - 1) === 10 && !/^[ \t]*[=-]/.test(text.slice(i, i + 8))) return i;
  }
  for (let i = limit; i > half; i--) {
    const code = text.charCodeAt(i - 1);
    if (code === 32 || code === 9) return i;
  }
  let i = limit;
  while (i < text.length && !/\s/.test(text[i])) i++;
  return i + 1;
}

function maskMarkdownPiece(text: string): string {
  // micromark takes quadratic time over thousands of nested containers; such a paragraph is masked
  // by its container prefixes alone, without a parse.
  if (DEEP_CONTAINERS.test(text)) return text.replace(CONTAINER_PREFIX, blank);
  const longRuns = /[*_~]{4}/.test(text);
  // Syntax that cannot form a construct needs no parse (one linear pass decides; see maskWithoutParse).
  const plain = longRuns ? null : text.charCodeAt(0) === 62 ? maskQuoteWithoutParse(text) : maskWithoutParse(text);
  if (plain !== null) return plain;
  // Runs of four or more emphasis marks are never emphasis, and micromark resolves long runs in
  // quadratic time: blank them before parsing (same length, so offsets hold).
  const parsed = longRuns ? text.replace(/[*_~]{4,}/g, blank) : text;
  const keep = new Uint8Array(text.length);
  const spans = proseSpans(parsed);
  for (let i = 0; i < spans.length; i += 2) keep.fill(1, spans[i], spans[i + 1]);
  let out = '';
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && (keep[i] === 1 || text[i] === '\n' || text[i] === '\r')) continue;
    out += text.slice(runStart, i);
    if (i < text.length) out += ' ';
    runStart = i + 1;
  }
  return out;
}

/** A node of the mdast tree remark-parse would build, as far as the masking needs it. */
interface Frame {
  /** Line endings inside it are text (mdast-util-from-markdown's `canContainEols`). */
  eols: boolean;
  /** Where the spans of its text nodes go; null: dropped (a link's destination, a title). */
  sink: number[] | null;
  /** The open text node (its last child is text) from `textStart` to `textEnd`, or -1. */
  textStart: number;
  textEnd: number;
  /** How many children it has, and the value of the last text child (kept for a link's label and destination only). */
  children: number;
  lastIsText: boolean;
  track: boolean;
  value: string;
  /** Links: the spans of their text kept until the link is known not to be its own address. */
  link: 'resource' | 'reference' | 'protocol' | 'email' | null;
  url: string;
  labelChildren: number;
  labelText: string | null;
}

const frame = (eols: boolean, sink: number[] | null, track = false): Frame => ({
  eols,
  sink,
  track,
  textStart: -1,
  textEnd: -1,
  children: 0,
  lastIsText: false,
  value: '',
  link: null,
  url: '',
  labelChildren: 0,
  labelText: null
});

/** Nodes whose whole extent is masked: code, HTML, images, definitions and thematic breaks. */
const SKIPPED = new Set(['codeFenced', 'codeIndented', 'codeText', 'htmlFlow', 'htmlText', 'image', 'definition', 'thematicBreak']);
/** Nodes that hold phrasing or blocks, with whether line endings inside them are text. */
const CONTAINERS = new Map<string, boolean>([
  ['paragraph', true],
  ['atxHeading', true],
  ['setextHeading', true],
  ['emphasis', true],
  ['strong', true],
  ['blockQuote', false],
  ['listOrdered', false],
  ['listUnordered', false],
  ['hardBreakEscape', false],
  ['hardBreakTrailing', false]
]);
/** Tokens that open or extend a text node (mdast-util-from-markdown's `onenterdata`). */
const TEXT_OPEN = new Set(['data', 'characterEscape', 'characterReference', 'autolinkProtocol', 'autolinkEmail']);
/** Tokens whose exit ends a text node's extent (`onexitdata` and `onexitcharacterreference`). */
const TEXT_CLOSE = new Set(['data', 'characterEscapeValue', 'characterReference', 'autolinkProtocol', 'autolinkEmail']);

/**
 * The spans of the text nodes remark-parse's mdast tree would have outside code, HTML, images and links
 * whose text is their own address, read from micromark's events without building the tree. Building it
 * (mdast-util-from-markdown) cost as much again as the parse on syntax-dense paragraphs, most of it in
 * garbage. The rules are mdast-util-from-markdown 2.1's: a text node runs from the first data token to
 * the last of consecutive ones under the same parent, across anything between them that makes no node
 * (line prefixes, block quote markers of later lines, trailing white space), and takes in a line ending
 * inside a paragraph, heading, emphasis or label unless it ends a hard break. test/unit/markdown-mask.test.ts
 * compares the result with the tree's on generated Markdown and the example drafts. Returns start, end pairs.
 */
function proseSpans(text: string): number[] {
  const events = postprocess(
    parse()
      .document()
      .write(preprocess()(text, undefined, true))
  );
  const spans: number[] = [];
  const stack: Frame[] = [frame(false, spans)];
  let skipping: Token | null = null;
  let atHardBreak = false;
  let setextSlurp = false;
  const closeText = (f: Frame) => {
    if (f.textStart >= 0 && f.sink) f.sink.push(f.textStart, f.textEnd);
    f.textStart = -1;
    f.lastIsText = false;
  };
  const addChild = (f: Frame) => {
    closeText(f);
    f.children++;
  };
  const openText = (f: Frame, token: Token) => {
    if (!f.lastIsText) {
      f.children++;
      f.lastIsText = true;
      f.value = '';
      f.textStart = token.start.offset;
    }
  };
  for (const [kind, token] of events) {
    const type = token.type;
    if (skipping) {
      if (kind === 'exit' && token === skipping) skipping = null;
      continue;
    }
    const top = stack[stack.length - 1];
    if (kind === 'enter') {
      if (TEXT_OPEN.has(type)) {
        openText(top, token);
        if (type === 'autolinkEmail') top.link = 'email';
      } else if (SKIPPED.has(type)) {
        addChild(top);
        skipping = token;
      } else if (CONTAINERS.has(type)) {
        addChild(top);
        stack.push(frame(CONTAINERS.get(type)!, top.sink));
      } else if (type === 'link' || type === 'autolink') {
        addChild(top);
        const link = frame(false, []);
        link.link = type === 'autolink' ? 'protocol' : 'reference';
        stack.push(link);
      } else if (type === 'label') {
        // The label's children become the link's (images are skipped whole).
        stack.push(frame(true, top.sink, true));
      } else if (type === 'resourceDestinationString' || type === 'resourceTitleString' || type === 'referenceString') {
        stack.push(frame(true, null, type === 'resourceDestinationString'));
      } else if (type === 'resource') top.link = 'resource';
      continue;
    }
    // exit
    if (TEXT_CLOSE.has(type)) {
      top.textEnd = token.end.offset;
      if (!top.track) continue;
      if (type === 'characterReference') top.value += decodeString(text.slice(token.start.offset, token.end.offset));
      else top.value += text.slice(token.start.offset, token.end.offset);
    } else if (type === 'lineEnding') {
      if (atHardBreak) atHardBreak = false;
      else if (!setextSlurp && top.eols) {
        openText(top, token);
        top.textEnd = token.end.offset;
        if (top.track) top.value += text.slice(token.start.offset, token.end.offset);
      }
    } else if (CONTAINERS.has(type)) {
      closeText(stack.pop()!);
      if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
      else if (type === 'setextHeading') setextSlurp = false;
    } else if (type === 'setextHeadingText') setextSlurp = true;
    else if (type === 'label' || type === 'resourceDestinationString' || type === 'resourceTitleString' || type === 'referenceString') {
      const fragment = stack.pop()!;
      const value = fragment.lastIsText && fragment.children === 1 ? fragment.value : null;
      closeText(fragment);
      const link = stack[stack.length - 1];
      if (type === 'label') {
        link.labelChildren = fragment.children;
        link.labelText = value;
      } else if (type === 'resourceDestinationString') link.url = fragment.value;
    } else if (type === 'link' || type === 'autolink') {
      const link = stack.pop()!;
      closeText(link);
      // A link whose only child is text equal to its address (an autolink such as <https://...>) is not prose.
      const ownAddress = link.link === 'protocol' || (link.link === 'resource' && link.labelChildren === 1 && link.labelText === link.url);
      const outer = stack[stack.length - 1].sink;
      if (!ownAddress && outer) for (const offset of link.sink!) outer.push(offset);
    }
  }
  closeText(stack[0]);
  return spans;
}
