// A block quote whose every line starts with `>` (a pasted email thread, a quoted statement), masked
// without micromark when the quoted text is plain enough for the linear pass: micromark's ~11 us a
// line made '> quote said' a line 3.5 times news. test/unit/markdown-mask.test.ts checks it against
// the parse.
import {maskWithoutParse} from './mask-linear';

interface QuoteLine {
  /** Where the line starts in the piece, and the length of its markers (`>`, `> `, `> > `). */
  start: number;
  prefix: number;
  /** Where its text starts in the quoted text, and how long the text and its line end are. */
  inner: number;
  length: number;
}

/**
 * The piece masked as the parse would mask it, or null. The `>` of the first line is masked; a later
 * line's is kept when the parse's text node runs over it, after a line with no hard break. Later lines
 * must start with text the quoted text's mask keeps, inside as many quotes as the first; lines that
 * start otherwise (syntax, a lazy line, white space after the markers, another depth) and tabs are left
 * to the parse.
 */
export function maskQuoteWithoutParse(text: string): string | null {
  if (text.charCodeAt(0) !== 62 || text.includes('\t')) return null;
  const lines: QuoteLine[] = [];
  let inner = '';
  let depth = -1;
  for (let start = 0; start < text.length;) {
    // The markers of quotes inside quotes ('> > '), as many on every line.
    let prefix = 0;
    let markers = 0;
    while (text.charCodeAt(start + prefix) === 62) {
      markers++;
      prefix += text.charCodeAt(start + prefix + 1) === 32 ? 2 : 1;
    }
    if (markers === 0 || (depth >= 0 && markers !== depth)) return null;
    depth = markers;
    const lead = text.charCodeAt(start + prefix);
    // White space after the marker, or nothing (a blank line inside the quote).
    if (lead === 32 || lead === 10 || lead === 13 || Number.isNaN(lead)) return null;
    let end = start + prefix;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
    else if (end < text.length) end++;
    lines.push({start, prefix, inner: inner.length, length: end - start - prefix});
    inner += text.slice(start + prefix, end);
    start = end;
  }
  const masked = maskWithoutParse(inner);
  if (masked === null) return null;
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = text.slice(line.start, line.start + line.prefix);
    let keep = false;
    if (i > 0) {
      // A line led by syntax the mask blanks (a link, emphasis, a code span) is left to the parse: where
      // its text node ends then depends on more than the line.
      if (masked[line.inner] !== inner[line.inner]) return null;
      keep = !endsWithHardBreak(inner, masked, lines[i - 1]);
    }
    out += (keep ? marker : ' '.repeat(line.prefix)) + masked.slice(line.inner, line.inner + line.length);
  }
  return out;
}

/** Whether a line of the quoted text ends with a hard break: two spaces, or a backslash the mask blanks (not an escaped one). */
function endsWithHardBreak(inner: string, masked: string, line: QuoteLine): boolean {
  const body = inner.slice(line.inner, line.inner + line.length).replace(/\r?\n$|\r$/, '');
  const last = line.inner + body.length - 1;
  return body.endsWith('  ') || (body.endsWith('\\') && masked[last] === ' ');
}
