// Masks what is not prose inside a paragraph (Markdown syntax, inline code, HTML, URLs, link targets)
// with spaces, so the prose keeps its offsets one to one with the original text.
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

export function maskProse(text: string, format: 'markdown' | 'plaintext'): string {
  let masked = text;
  if (format === 'markdown' && MARKDOWN_SYNTAX.test(text)) masked = maskMarkdown(text);
  if (masked.includes('http') || masked.includes('www.')) masked = masked.replace(URL, blank);
  // An HTML comment inside a paragraph (in plain text too) is a note to the desk, not prose.
  if (masked.includes('<!--')) masked = masked.replace(COMMENT, blank);
  return masked;
}

function maskMarkdown(text: string): string {
  const keep = new Uint8Array(text.length);
  const tree = markdown.parse(text) as Root;
  const visit = (node: Nodes) => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) keep.fill(1, start, end);
      return;
    }
    // Not prose: code, HTML, images, autolinks whose text is the address itself.
    if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return;
    if (node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url) return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
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
