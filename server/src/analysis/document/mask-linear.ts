// The Markdown masking's linear pass: a paragraph whose syntax is inert or forms only plain, unambiguous
// inline constructs is masked without micromark, exactly as the parse would mask it (document/mask.ts
// parses the rest). test/unit/markdown-mask.test.ts checks it against the parse.

const isSpaceOrTab = (code: number) => code === 32 || code === 9;
const isLineEnd = (code: number) => code === 10 || code === 13;

const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;
/** micromark's classifyCharacter on one UTF-16 unit (NaN: the start or end of the text): 1 white space, 2 punctuation, 0 other. */
function classify(code: number): 0 | 1 | 2 {
  if (Number.isNaN(code) || code === 32 || code === 9 || isLineEnd(code)) return 1;
  if (code === 0) return 2; // micromark reads NUL as U+FFFD, a symbol
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return 1;
  return UNICODE_PUNCTUATION.test(char) ? 2 : 0;
}

/** ASCII punctuation: what a backslash escapes. */
const isAsciiPunctuation = (code: number) =>
  (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
/** A character of the plain link destinations decided here: no white space, control, parenthesis, bracket, `<`, `>`, `\`, `&`, quote or backtick. */
const isPlainDestination = (code: number) => code > 32 && code !== 127 && '()<>[]\\&"\'`'.indexOf(String.fromCharCode(code)) < 0;

/** Line starts that may open a block inside a paragraph: headings, lists, thematic breaks, setext underlines, fences. */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|[=-]+[ \t]*$|~~~|```|>)/;

/** The walk back of the emphasis matching may take this many steps a delimiter run (plus a constant) before the parse decides instead. */
const WALK_BUDGET = 8;

/**
 * The inline constructs the linear pass decides, left to right as micromark's text tokenizer meets
 * them: code spans on one line (and backtick runs no run of their length follows), inline links
 * `[text](destination)` and images with plain text and destination, hard line breaks, and emphasis
 * (micromark's delimiter-run matching, run on the runs found). Every method returns false (or -1)
 * when the parse must decide.
 */
class InlineScan {
  /** 1 where the parse masks a character the plain reading keeps; null: none yet. */
  blanks: Uint8Array | null = null;
  /** How many constructs were found. */
  constructs = 0;
  /** The open `[` of a label with plain text so far, or -1 (none, or one the parse must decide). */
  private label = -1;
  /** What the code span searches may still read. */
  private searchBudget: number;
  /** Delimiter runs of `*` and `_` that may open or close: start, length, marker, can open, can close. */
  private runStart: number[] = [];
  private runLength: number[] = [];
  private runMarker: number[] = [];
  private runOpens: boolean[] = [];
  private runCloses: boolean[] = [];

  constructor(private readonly text: string) {
    this.searchBudget = 4 * text.length + 64;
  }

  blank(from: number, to: number): void {
    this.blanks ??= new Uint8Array(this.text.length);
    this.blanks.fill(1, from, to);
  }

  /** A character that makes a link's text other than plain. */
  spoilLabel(): void {
    this.label = -1;
  }

  /** The last character a backslash escaped: a `!` escaped before `[` opens no image. */
  private escaped = -1;

  escape(at: number): void {
    this.escaped = at;
    this.label = -1;
  }

  labelStart(at: number): void {
    this.label = at;
  }

  /** At `]`, not followed by `(`: without a definition no reference, so the brackets stay text. */
  labelEndAlone(): void {
    this.label = -1;
  }

  /**
   * At `](`: the index of the link's or image's `)`, or -1. An image (`![`) is masked whole; a link's
   * label text is kept unless it is the link's own address; its destination and title are masked.
   */
  link(at: number): number {
    if (this.label < 0) return -1;
    const text = this.text;
    const destination = this.destination(at + 2);
    // An empty destination before anything but `)`: `( "t")` is the destination `"t"` to the parse.
    if (destination < 0 || (destination === at + 2 && text.charCodeAt(destination) !== 41)) return -1;
    const end = this.titleAndClose(destination);
    if (end < 0) return -1;
    if (text.charCodeAt(this.label - 1) === 33 && this.escaped !== this.label - 1) this.blank(this.label - 1, end + 1);
    else {
      const url = text.charCodeAt(at + 2) === 60 ? text.slice(at + 3, destination - 1) : text.slice(at + 2, destination);
      const ownAddress = text.slice(this.label + 1, at) === url;
      this.blank(this.label, ownAddress ? at : this.label + 1);
      this.blank(at, end + 1);
    }
    this.constructs++;
    // Links cannot hold links: every earlier `[` is now inactive. No earlier `[` is tracked (after an
    // image either, though an image leaves them active: the parse decides a later `](`).
    this.label = -1;
    return end;
  }

  /** The end of a plain destination from `from` (`b`, or `<b c>` without brackets, escapes or references inside), or -1. */
  private destination(from: number): number {
    const text = this.text;
    let end = from;
    if (text.charCodeAt(from) !== 60) {
      while (end < text.length && isPlainDestination(text.charCodeAt(end))) end++;
      return end;
    }
    for (end = from + 1; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (code === 62) return end + 1;
      if (code === 60 || code === 92 || code === 38 || isLineEnd(code)) return -1;
    }
    return -1;
  }

  /**
   * After a destination: the index of the link's `)`, over a title set off by spaces (`"t"`, `'t'` or
   * `(t)`, on one line, without escapes, references or backticks) and spaces; -1 for anything else.
   */
  private titleAndClose(from: number): number {
    const text = this.text;
    let i = from;
    while (isSpaceOrTab(text.charCodeAt(i))) i++;
    const open = text.charCodeAt(i);
    if (i > from && (open === 34 || open === 39 || open === 40)) {
      const close = open === 40 ? 41 : open;
      for (i++; i < text.length && text.charCodeAt(i) !== close; i++) {
        const code = text.charCodeAt(i);
        if (code === open || code === 92 || code === 38 || code === 96 || isLineEnd(code)) return -1;
      }
      if (i >= text.length) return -1;
      i++;
      while (isSpaceOrTab(text.charCodeAt(i))) i++;
    }
    return text.charCodeAt(i) === 41 ? i : -1;
  }

  /**
   * At a backtick run: the index of the last character of the code span it opens, or of the run itself
   * when no run of its length follows it in the piece (then it is text); -1 when a line it runs over
   * may end the paragraph (a blank line, a block start, a tab) or the searches have read four times
   * the text (the parse decides).
   */
  codeSpan(at: number): number {
    const text = this.text;
    const size = runLength(text, at);
    this.label = -1;
    let i = at + size;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (--this.searchBudget < 0) return -1;
      if (isLineEnd(code)) {
        i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        if (mayInterrupt(text, i)) return -1;
      } else if (code === 96) {
        const closing = runLength(text, i);
        if (closing === size) {
          this.blank(at, i + size);
          this.constructs++;
          return i + size - 1;
        }
        i += closing;
        this.searchBudget -= closing;
      } else i++;
    }
    return at + size - 1;
  }

  /** At a backslash before a line end inside the paragraph: a hard break, the backslash masked (the line end spoils a label). */
  hardBreak(at: number): void {
    this.blank(at, at + 1);
    this.constructs++;
  }

  /** At a run of `*` or `_`: the index of its last character, or -1 for a run of four or more that may be emphasis. */
  delimiterRun(at: number, marker: number): number {
    const text = this.text;
    const size = runLength(text, at);
    const before = classify(text.charCodeAt(at - 1));
    const after = classify(text.charCodeAt(at + size));
    // micromark's attention tokenizer (micromark-core-commonmark 2, attention.js; its loosening for
    // markers of other constructs, such as GFM's `~`, does not apply here).
    const open = after === 0 || (after === 2 && before !== 0);
    const close = before === 0 || (before === 2 && after !== 0);
    const opens = marker === 42 ? open : open && (before !== 0 || !close);
    const closes = marker === 42 ? close : close && (after !== 0 || !open);
    this.label = -1;
    if (!opens && !closes) return at + size - 1;
    if (size > 3) return -1;
    this.runStart.push(at);
    this.runLength.push(size);
    this.runMarker.push(marker);
    this.runOpens.push(opens);
    this.runCloses.push(closes);
    return at + size - 1;
  }

  /**
   * micromark's resolveAllAttention on the runs found: each run that can close, left to right, takes the
   * nearest earlier run that can open with the same marker (not when one of them can do both and the
   * lengths sum to a multiple of three, the closer's not being one), two marks of each when both have
   * two, else one; the runs between turn to text. The marks taken are masked. False when the walk back
   * runs over its budget (many runs of the other marker: the parse decides).
   */
  resolveEmphasis(): boolean {
    const {runStart: start, runLength: length, runMarker: marker, runOpens: opens, runCloses: closes} = this;
    const openers: number[] = [];
    let budget = WALK_BUDGET * start.length + 64;
    for (let i = 0; i < start.length; i++) {
      while (closes[i] && length[i] > 0) {
        let k = openers.length - 1;
        for (; k >= 0; k--) {
          const j = openers[k];
          if (--budget < 0) return false;
          if (marker[j] !== marker[i]) continue;
          const sum = length[j] + length[i];
          if ((closes[j] || opens[i]) && length[i] % 3 !== 0 && sum % 3 === 0) continue;
          break;
        }
        if (k < 0) break;
        const j = openers[k];
        const use = length[j] > 1 && length[i] > 1 ? 2 : 1;
        // The opener keeps its first marks, the closer its last.
        this.blank(start[j] + length[j] - use, start[j] + length[j]);
        this.blank(start[i], start[i] + use);
        length[j] -= use;
        length[i] -= use;
        start[i] += use;
        openers.length = length[j] > 0 ? k + 1 : k;
        this.constructs++;
      }
      if (opens[i] && length[i] > 0) openers.push(i);
    }
    return true;
  }
}

/**
 * Whether the line from `start` may end the paragraph or change it: a blank line, a line that may open
 * a block (HTML blocks too), or one led by a tab.
 */
function mayInterrupt(text: string, start: number): boolean {
  let j = start;
  while (text.charCodeAt(j) === 32) j++;
  if (j >= text.length) return true;
  const lead = text.charCodeAt(j);
  if (lead === 9 || lead === 60 || isLineEnd(lead)) return true;
  return ((lead >= 48 && lead <= 57) || '#-+*_=~>`'.indexOf(text[j]) >= 0) && BLOCK_START.test(text.slice(j, j + 64).split(/[\r\n]/, 1)[0]);
}

/** The length of the run of the character at `at`. */
function runLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  let end = at + 1;
  while (text.charCodeAt(end) === code) end++;
  return end - at;
}

/** Whether the text may open with a link reference definition: it opens with `[` and its first `]` is followed by `:` or may be escaped. */
function mayOpenWithDefinition(text: string): boolean {
  if (text.charCodeAt(0) !== 91) return false;
  const close = text.indexOf(']');
  if (close < 0) return false;
  return text.charCodeAt(close + 1) === 58 || text.lastIndexOf('\\', close) >= 0;
}

/**
 * The piece masked as a parse would mask it, when one linear pass can tell what the parse would keep;
 * else null. micromark costs about 11 us a line of a paragraph however little the line holds, and
 * more with constructs, so paragraphs of many short lines with inert syntax or plain constructs
 * ('[TK' a line: 5.5 times news; '[a](b) said' a line: 9.4 times) cost several times the rest of the
 * engine. Conservative: whatever may be something else goes to the parse.
 *
 * Inert: `[` and `]` when no definition can open the piece (a `]` followed by `:`), `!`, `&`, `|`,
 * `~`, `#` and `>` inside a line (no GFM here; character references are kept as text), runs of `*` or
 * `_` that can neither open nor close emphasis, a backtick run that no run of its length follows, a
 * backslash escape (`\*`: both characters are text; drafts exported as Markdown escape freely).
 * Decided (InlineScan): code spans (over line ends too), inline links and images with plain text, a
 * plain or bracketed destination and a plain title, hard breaks (a backslash before a line end;
 * trailing spaces keep their spaces), emphasis. To the parse: `<`, a `](` after anything but a plain
 * label (one with an escape in it too), runs of four or more marks that may be emphasis, a code span
 * over a line that may end the paragraph, a line that may open a block, a piece that starts with white
 * space (indented code), and a tab anywhere once a construct was found or leading a line after a hard
 * break (the parse may blank it).
 */
export function maskWithoutParse(text: string): string | null {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  if (isSpaceOrTab(first) || isLineEnd(first) || first === 0xfeff || mayOpenWithDefinition(text)) return null;
  const scan = new InlineScan(text);
  let lineStart = true;
  let trailingSpaces = 0;
  let afterHardBreak = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (lineStart) {
      // Leading white space of a line; a tab in it is blanked after a hard break.
      let j = i;
      while (j < text.length && isSpaceOrTab(text.charCodeAt(j))) {
        if (afterHardBreak && text.charCodeAt(j) === 9) return null;
        j++;
      }
      if (j === text.length || isLineEnd(text.charCodeAt(j))) return null; // a blank line
      const lead = text.charCodeAt(j);
      // Only characters that can open a block are looked at closer.
      if (
        ((lead >= 48 && lead <= 57) || '#-+*_=~>`'.indexOf(text[j]) >= 0) &&
        BLOCK_START.test(text.slice(j, j + 64).split(/[\r\n]/, 1)[0])
      ) {
        return null;
      }
      lineStart = false;
      afterHardBreak = false;
      i = j - 1;
      continue;
    }
    switch (code) {
      case 10:
      case 13:
        scan.spoilLabel();
        // \r\n is one line end: the spaces before it count at the \n.
        if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
        lineStart = true;
        afterHardBreak = trailingSpaces >= 2;
        trailingSpaces = 0;
        continue;
      case 32:
        trailingSpaces++;
        continue;
      case 60: // <
        return null;
      case 92: {
        // backslash
        const next = text.charCodeAt(i + 1);
        if (isAsciiPunctuation(next)) {
          // An escape: the character after it is text, and the pair stays prose (the parse keeps the
          // backslash in its text node). A link text holding one is left to the parse.
          scan.escape(i + 1);
          i++;
          break;
        }
        // Before a line end that ends the piece (with \r\n or not) it is text: the paragraph ends before it.
        const rest = text.length - i - 1;
        if (isLineEnd(next) && !(rest === 1 || (rest === 2 && next === 13 && text.charCodeAt(i + 2) === 10))) scan.hardBreak(i);
        else scan.spoilLabel();
        break;
      }
      case 96: // `
        i = scan.codeSpan(i);
        if (i < 0) return null;
        break;
      case 91: // [
        scan.labelStart(i);
        break;
      case 93: // ]
        if (text.charCodeAt(i + 1) === 40) {
          i = scan.link(i);
          if (i < 0) return null;
        } else scan.labelEndAlone();
        break;
      case 42: // *
      case 95: // _
        i = scan.delimiterRun(i, code);
        if (i < 0) return null;
        break;
      case 38: // &
        scan.spoilLabel();
        break;
    }
    trailingSpaces = 0;
  }
  if (!scan.resolveEmphasis()) return null;
  if (scan.constructs > 0 && text.includes('\t')) return null;
  // White space at the end is outside every text node.
  let end = text.length;
  while (end > 0 && (isSpaceOrTab(text.charCodeAt(end - 1)) || isLineEnd(text.charCodeAt(end - 1)))) end--;
  if (end < text.length) scan.blank(end, text.length);
  return applyBlanks(text, scan.blanks);
}

/** The text with the marked characters but line ends as spaces. */
function applyBlanks(text: string, blanks: Uint8Array | null): string {
  if (blanks === null) return text;
  const parts: string[] = [];
  let from = 0;
  for (let i = blanks.indexOf(1); i >= 0 && i < text.length;) {
    let end = i;
    let lineEnds = false;
    for (; end < text.length && blanks[end] === 1; end++) lineEnds ||= isLineEnd(text.charCodeAt(end));
    parts.push(text.slice(from, i), lineEnds ? text.slice(i, end).replace(/[^\r\n]/g, ' ') : ' '.repeat(end - i));
    from = end;
    i = blanks.indexOf(1, end);
  }
  parts.push(text.slice(from));
  return parts.join('');
}
