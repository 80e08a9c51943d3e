// A draft as prose paragraphs with offsets into the original text, plus whosaid's control comments.
// A line scanner finds the blocks (it never parses the whole document, so a keystroke costs one pass);
// inline Markdown is masked per paragraph, later and cached (see mask.ts).
import {firstAtOrAfter} from '../sorted';
import {RULE_IDS, type DocumentFormat, type RuleId} from '../types';

export type ParagraphKind = 'paragraph' | 'heading' | 'blockquote' | 'list';

export interface RawParagraph {
  /** Offset of the paragraph's first character in the document. */
  start: number;
  /** The paragraph exactly as in the document (Markdown not yet masked). */
  text: string;
  kind: ParagraphKind;
}

export type ControlVerb = 'disable' | 'enable' | 'disable-next-line';

export interface ControlMarker {
  start: number;
  end: number;
  verb: ControlVerb;
  /** The rules named, or null for all rules. */
  rules: RuleId[] | null;
  /** Names that are no rule id, reported as a notice. */
  unknownRules: string[];
  reason: string | null;
}

export interface SplitDocument {
  paragraphs: RawParagraph[];
  markers: ControlMarker[];
  /** Starts of the blank lines where the scanner is in its reset state, for splitting again after an edit. */
  blanks: number[];
}

const MARKER = /^\s*<!--\s*whosaid-(disable-next-line|disable|enable)\b([\s\S]*?)-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const LIST_ITEM = /^\s{0,6}([-*+]|\d{1,9}[.)])\s+\S/;
const BLOCKQUOTE = /^ {0,3}>/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const TABLE_ROW = /^\s*\|/;
const HTML_BLOCK = /^ {0,3}<(\/?[A-Za-z][\w-]*|!--)/;
const SENTENCE_END = /[.!?:"\u201d\u2019)\]]\s*$/;

interface Line {
  start: number;
  end: number;
  text: string;
  /** Where the next line starts (past the line end, CRLF counted as one). */
  next: number;
}

/** The line starting at `start`, or null past the end (a text ending in a line break has an empty last line). */
function readLine(text: string, start: number): Line | null {
  if (start > text.length) return null;
  let i = start;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) break;
    i++;
  }
  const next = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return {start, end: i, text: text.slice(start, i), next};
}

export function parseMarker(line: string, start: number, end: number): ControlMarker | null {
  if (!line.includes('whosaid-')) return null;
  const match = MARKER.exec(line);
  if (!match) return null;
  const [body, reason] = splitOnce(match[2], '--');
  const names = body.split(/[\s,]+/).filter(Boolean);
  const rules = names.filter((name): name is RuleId => (RULE_IDS as readonly string[]).includes(name));
  const unknownRules = names.filter((name) => !(RULE_IDS as readonly string[]).includes(name));
  return {
    start,
    end,
    verb: match[1] as ControlVerb,
    rules: names.length === 0 ? null : rules,
    unknownRules,
    reason: reason?.trim() || null
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

export function splitDocument(text: string, format: DocumentFormat): SplitDocument {
  const {paragraphs, markers, blanks} = scan(text, format, 0, null, false);
  return {paragraphs, markers, blanks};
}

/** Where a text differs from the one before it: [start, oldEnd) of the old text became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A new split after a change, and how it lines up with the old one. */
export interface Resplit {
  split: SplitDocument;
  /** The first `before` paragraphs are the old ones, unchanged and at the same offsets. */
  before: number;
  /**
   * Old paragraphs from this index on are the last ones of the new split, same text and kind, their
   * offsets shifted by the change's length difference; between the two are the paragraphs scanned afresh.
   */
  after: number;
}

/**
 * Splits the new text by scanning only around the change. A blank line that the scanner meets outside
 * any fence or HTML block leaves it in one known state (no open paragraph, previous line blank), so
 * the scan restarts at the last such line before the change and stops at the first one after it that
 * was also such a line in the old split: from there on both texts, and so both splits, are the same.
 * The result always equals `splitDocument(text, format)`.
 */
export function resplit(previous: SplitDocument, text: string, format: DocumentFormat, change: TextChange): Resplit {
  const {start, oldEnd, newEnd} = change;
  const delta = newEnd - oldEnd;
  const oldBlanks = previous.blanks;
  // Restart at the last blank line that ends before the change (its line break may be the change), and
  // after the front matter: an edit that closes it turns the lines before it into front matter.
  let floor = 0;
  if (format === 'markdown' && FRONT_MATTER_OPEN.test(readLine(text, 0)!.text)) floor = frontMatterEnd(text) ?? Infinity;
  let from = 0;
  for (let b = lowerBound(oldBlanks, start) - 1; b >= 0 && oldBlanks[b] >= floor; b--) {
    const line = readLine(text, oldBlanks[b])!;
    if (line.end < start) {
      from = line.start;
      break;
    }
  }
  const stopAt = (lineStart: number) => lineStart >= newEnd && oldBlanks[lowerBound(oldBlanks, lineStart - delta)] === lineStart - delta;
  const scanned = scan(text, format, from, stopAt, true);
  const before = lowerBoundBy(previous.paragraphs, from);
  const markersBefore = lowerBoundBy(previous.markers, from);
  const blanksBefore = lowerBound(oldBlanks, from);
  let after = previous.paragraphs.length;
  let markersAfter = previous.markers.length;
  let blanksAfter = oldBlanks.length;
  if (scanned.stop !== null) {
    const oldStop = scanned.stop - delta;
    after = lowerBoundBy(previous.paragraphs, oldStop);
    markersAfter = lowerBoundBy(previous.markers, oldStop);
    blanksAfter = lowerBound(oldBlanks, oldStop);
  }
  const paragraphs = previous.paragraphs.slice(0, before);
  for (const paragraph of scanned.paragraphs) paragraphs.push(paragraph);
  for (let i = after; i < previous.paragraphs.length; i++) {
    const paragraph = previous.paragraphs[i];
    paragraphs.push(delta === 0 ? paragraph : {start: paragraph.start + delta, text: paragraph.text, kind: paragraph.kind});
  }
  const markers = previous.markers.slice(0, markersBefore);
  for (const marker of scanned.markers) markers.push(marker);
  for (let i = markersAfter; i < previous.markers.length; i++) {
    const marker = previous.markers[i];
    markers.push(delta === 0 ? marker : {...marker, start: marker.start + delta, end: marker.end + delta});
  }
  const blanks = oldBlanks.slice(0, blanksBefore);
  for (const blank of scanned.blanks) blanks.push(blank);
  for (let i = blanksAfter; i < oldBlanks.length; i++) blanks.push(oldBlanks[i] + delta);
  return {split: {paragraphs, markers, blanks}, before, after};
}

/** Index of the first number not below `value` in a sorted array. */
const lowerBound = (sorted: number[], value: number): number => firstAtOrAfter(sorted, value, (n) => n);

/** Index of the first item starting at or after `offset`, items sorted by start. */
const lowerBoundBy = (sorted: {start: number}[], offset: number): number => firstAtOrAfter(sorted, offset, (item) => item.start);

const FRONT_MATTER_OPEN = /^(---|\+\+\+)\s*$/;

/** Where the text after a Markdown front matter block starts, or null when there is none (or it is never closed). */
function frontMatterEnd(text: string): number | null {
  const first = readLine(text, 0)!;
  if (!FRONT_MATTER_OPEN.test(first.text)) return null;
  const close = first.text.trim() === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
  let end = readLine(text, first.next);
  while (end && !close.test(end.text)) end = readLine(text, end.next);
  return end ? end.next : null;
}

interface Scan extends SplitDocument {
  /** The blank line the scan stopped at (not included), or null when it ran to the end. */
  stop: number | null;
}

type StopAt = ((lineStart: number) => boolean) | null;

/**
 * Scans from `from` (0, or the start of a blank line the scanner meets in its reset state) to the end,
 * or to the first blank line where `stopAt` says the rest is known. `copy` gives each paragraph its own
 * string rather than a slice of the document, so a paragraph kept across many edits does not keep an
 * old copy of the whole document alive.
 */
function scan(text: string, format: DocumentFormat, from: number, stopAt: StopAt, copy: boolean): Scan {
  return format === 'markdown' ? scanMarkdown(text, from, stopAt, copy) : scanPlain(text, from, stopAt, copy);
}

const isBlank = (line: string) => line.trim() === '';

/**
 * Plain text: paragraphs are separated by blank lines; within a block, lines that each end a sentence
 * are paragraphs of their own (wire copy often has one paragraph a line), and hard-wrapped lines are
 * joined into paragraphs (see hardWrapped).
 */
function scanPlain(text: string, from: number, stopAt: StopAt, copy: boolean): Scan {
  const paragraphs: RawParagraph[] = [];
  const markers: ControlMarker[] = [];
  const blanks: number[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const oneParagraphALine = block.length === 1 || block.slice(0, -1).every((line) => SENTENCE_END.test(line.text));
    if (oneParagraphALine) {
      for (const line of block) pushParagraph(paragraphs, text, line.start, line.end, 'paragraph', copy);
    } else {
      for (const [first, last] of hardWrapped(block))
        pushParagraph(paragraphs, text, block[first].start, block[last].end, 'paragraph', copy);
    }
    block = [];
  };
  for (let line = readLine(text, from); line; line = readLine(text, line.next)) {
    const marker = parseMarker(line.text, line.start, line.end);
    if (marker) {
      flush();
      markers.push(marker);
    } else if (isBlank(line.text)) {
      flush();
      if (stopAt?.(line.start)) return {paragraphs, markers, blanks, stop: line.start};
      blanks.push(line.start);
    } else block.push(line);
  }
  flush();
  return {paragraphs, markers, blanks, stop: null};
}

/**
 * A hard-wrapped block as paragraphs, [first line, last line] each. A draft wrapped at a width with no
 * blank lines would otherwise be one paragraph: every keystroke would re-analyse all of it, and a source
 * anywhere in it would count as nearby for every figure. A paragraph ends at a line that ends a sentence
 * and either stops well short of the block's usual width (the ragged last line of a paragraph) or is
 * followed by an indented line when it is not indented itself (a first-line indent). A line that wraps
 * stops short only before a very long word, so a sentence that ends mid-paragraph stays inside it.
 */
function hardWrapped(block: Line[]): [number, number][] {
  const widths = block.map((line) => line.text.trimEnd().length).sort((a, b) => a - b);
  const usual = widths[widths.length >> 1];
  const indented = (line: Line) => /^\s/.test(line.text);
  const ranges: [number, number][] = [];
  let first = 0;
  for (let i = 0; i < block.length - 1; i++) {
    const line = block[i].text.trimEnd();
    if (!SENTENCE_END.test(line)) continue;
    if (line.length < 0.8 * usual || (indented(block[i + 1]) && !indented(block[i]))) {
      ranges.push([first, i]);
      first = i + 1;
    }
  }
  ranges.push([first, block.length - 1]);
  return ranges;
}

function pushParagraph(paragraphs: RawParagraph[], text: string, start: number, end: number, kind: ParagraphKind, copy: boolean): void {
  // Trim surrounding white space so a cache key does not change with indentation.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return;
  // A slice of a concatenation is a copy in V8: the paragraph no longer holds the document.
  const own = copy ? (' ' + text.slice(start, end)).slice(1) : text.slice(start, end);
  paragraphs.push({start, text: own, kind});
}

function scanMarkdown(text: string, from: number, stopAt: StopAt, copy: boolean): Scan {
  const paragraphs: RawParagraph[] = [];
  const markers: ControlMarker[] = [];
  const blanks: number[] = [];
  let current: {start: number; end: number; kind: ParagraphKind} | null = null;
  const flush = () => {
    if (current) pushParagraph(paragraphs, text, current.start, current.end, current.kind, copy);
    current = null;
  };
  let line = readLine(text, from);
  // Front matter (YAML or TOML) is not prose.
  const frontMatter = from === 0 ? frontMatterEnd(text) : null;
  if (frontMatter !== null) line = readLine(text, frontMatter);
  let previousBlank = true;
  for (; line; line = readLine(text, line.next)) {
    const lineText = line.text;
    if (isBlank(lineText)) {
      flush();
      if (stopAt?.(line.start)) return {paragraphs, markers, blanks, stop: line.start};
      blanks.push(line.start);
      previousBlank = true;
      continue;
    }
    const fence = FENCE.exec(lineText);
    if (fence) {
      flush();
      const mark = fence[1][0];
      const length = fence[1].length;
      let inner = readLine(text, line.next);
      while (inner) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(inner.text);
        if (close && close[1][0] === mark && close[1].length >= length) break;
        inner = readLine(text, inner.next);
      }
      previousBlank = false;
      // The closing line (or, unclosed, the rest of the document) is code.
      if (!inner) break;
      line = inner;
      continue;
    }
    if (previousBlank && /^( {4}|\t)/.test(lineText) && !current) {
      // Indented code block.
      continue;
    }
    const marker = parseMarker(lineText, line.start, line.end);
    if (marker) {
      flush();
      markers.push(marker);
      previousBlank = false;
      continue;
    }
    if (HTML_BLOCK.test(lineText) && !current) {
      // An HTML block (or a multi-line comment) runs to the next blank line, or to the comment's end;
      // that line belongs to the block too.
      const isComment = /^ {0,3}<!--/.test(lineText);
      let inner: Line | null = line;
      while (inner && !isBlank(inner.text)) {
        if (isComment && inner.text.includes('-->')) break;
        inner = readLine(text, inner.next);
      }
      previousBlank = false;
      if (!inner) break;
      line = inner;
      continue;
    }
    if (LINK_DEFINITION.test(lineText) || TABLE_ROW.test(lineText)) {
      flush();
      previousBlank = false;
      continue;
    }
    if (THEMATIC_BREAK.test(lineText) && !(current && SETEXT_UNDERLINE.test(lineText))) {
      flush();
      previousBlank = false;
      continue;
    }
    if (current && SETEXT_UNDERLINE.test(lineText)) {
      (current as {kind: ParagraphKind}).kind = 'heading';
      flush();
      previousBlank = false;
      continue;
    }
    if (HEADING.test(lineText)) {
      flush();
      pushParagraph(paragraphs, text, line.start, line.end, 'heading', copy);
      previousBlank = false;
      continue;
    }
    const startsItem = LIST_ITEM.test(lineText);
    const quoteLine = BLOCKQUOTE.test(lineText);
    if (startsItem) flush();
    if (quoteLine && /^ {0,3}>\s*$/.test(lineText)) {
      // An empty ">" line separates paragraphs inside a block quote.
      flush();
      previousBlank = false;
      continue;
    }
    if (current && quoteLine !== ((current as {kind: ParagraphKind}).kind === 'blockquote') && !startsItem) flush();
    if (!current) current = {start: line.start, end: line.end, kind: startsItem ? 'list' : quoteLine ? 'blockquote' : 'paragraph'};
    else current.end = line.end;
    previousBlank = false;
  }
  flush();
  return {paragraphs, markers, blanks, stop: null};
}
