// A draft as prose paragraphs with offsets into the original text, plus whosaid's control comments.
// A line scanner finds the blocks (it never parses the whole document, so a keystroke costs one pass);
// inline Markdown is masked per paragraph, later and cached (see mask.ts).
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
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10 || ch === 13) {
      lines.push({start, end: i, text: text.slice(start, i)});
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
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
  return format === 'markdown' ? splitMarkdown(text) : splitPlain(text);
}

/**
 * Plain text: paragraphs are separated by blank lines; within a block, lines that each end a sentence
 * are paragraphs of their own (wire copy often has one paragraph a line), while hard-wrapped lines are one.
 */
function splitPlain(text: string): SplitDocument {
  const paragraphs: RawParagraph[] = [];
  const markers: ControlMarker[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const oneParagraphALine = block.length === 1 || block.slice(0, -1).every((line) => SENTENCE_END.test(line.text));
    if (oneParagraphALine) {
      for (const line of block) pushParagraph(paragraphs, text, line.start, line.end, 'paragraph');
    } else pushParagraph(paragraphs, text, block[0].start, block[block.length - 1].end, 'paragraph');
    block = [];
  };
  for (const line of splitLines(text)) {
    const marker = parseMarker(line.text, line.start, line.end);
    if (marker) {
      flush();
      markers.push(marker);
    } else if (line.text.trim() === '') flush();
    else block.push(line);
  }
  flush();
  return {paragraphs, markers};
}

function pushParagraph(paragraphs: RawParagraph[], text: string, start: number, end: number, kind: ParagraphKind): void {
  // Trim surrounding white space so a cache key does not change with indentation.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) paragraphs.push({start, text: text.slice(start, end), kind});
}

function splitMarkdown(text: string): SplitDocument {
  const paragraphs: RawParagraph[] = [];
  const markers: ControlMarker[] = [];
  const lines = splitLines(text);
  let current: {start: number; end: number; kind: ParagraphKind} | null = null;
  const flush = () => {
    if (current) pushParagraph(paragraphs, text, current.start, current.end, current.kind);
    current = null;
  };
  let i = 0;
  // Front matter (YAML or TOML) is not prose.
  if (lines.length > 0 && /^(---|\+\+\+)\s*$/.test(lines[0].text)) {
    const close = lines[0].text.trim() === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    let j = 1;
    while (j < lines.length && !close.test(lines[j].text)) j++;
    if (j < lines.length) i = j + 1;
  }
  let previousBlank = true;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const lineText = line.text;
    if (lineText.trim() === '') {
      flush();
      previousBlank = true;
      continue;
    }
    const fence = FENCE.exec(lineText);
    if (fence) {
      flush();
      const mark = fence[1][0];
      const length = fence[1].length;
      i++;
      while (i < lines.length) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[i].text);
        if (close && close[1][0] === mark && close[1].length >= length) break;
        i++;
      }
      previousBlank = false;
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
      // An HTML block (or a multi-line comment) runs to the next blank line, or to the comment's end.
      const isComment = /^ {0,3}<!--/.test(lineText);
      while (i < lines.length && lines[i].text.trim() !== '') {
        if (isComment && lines[i].text.includes('-->')) break;
        i++;
      }
      previousBlank = false;
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
      pushParagraph(paragraphs, text, line.start, line.end, 'heading');
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
  return {paragraphs, markers};
}
