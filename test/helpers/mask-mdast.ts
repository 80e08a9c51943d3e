// The Markdown masking as it was before the masking read micromark's events (commit 7b8204e): remark-parse
// builds an mdast tree and every text node outside code, HTML, images and autolinks is kept. Kept only as
// the reference for test/unit/markdown-mask.test.ts, which checks the masking still gives the same text.
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import type {Nodes, Root} from 'mdast';

const markdown = unified().use(remarkParse).freeze();

/** Characters that may start Markdown inline syntax; a paragraph without any is prose as it stands. */
// `[ \t]*`, not `\s*`: under the m flag `\s` would run across line ends and make runs of blank lines quadratic.
const MARKDOWN_SYNTAX = /[`*_[\]<>!\\&#|~]|^[ \t]*([-+]|\d+[.)])\s/m;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

const blank = (match: string) => match.replace(/[^\r\n]/g, ' ');

export function maskProseMdast(text: string, format: 'markdown' | 'plaintext'): string {
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
const MASK_WINDOW = 16_384;

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
  const keep = new Uint8Array(text.length);
  // Runs of four or more emphasis marks are never emphasis, and micromark resolves long runs in
  // quadratic time: blank them before parsing (same length, so offsets hold).
  const parsed = /[*_~]{4}/.test(text) ? text.replace(/[*_~]{4,}/g, blank) : text;
  const tree = markdown.parse(parsed) as Root;
  // An explicit stack, not recursion: ten thousand nested block quotes must not overflow the stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) keep.fill(1, start, end);
      continue;
    }
    // Not prose: code, HTML, images, autolinks whose text is the address itself.
    if (
      node.type === 'inlineCode' ||
      node.type === 'code' ||
      node.type === 'html' ||
      node.type === 'image' ||
      node.type === 'imageReference'
    )
      continue;
    if (node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url)
      continue;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
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
