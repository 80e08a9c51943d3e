// Markdown and plain text as the engine reads them: what is prose, where paragraphs are, and how
// positions map back to the original file (LF or CRLF).
import {describe, expect, it} from 'vitest';
import {analyze, type Finding} from '../../server/src/analysis';
import {expectWellFormed} from './rules/support';

const HEDGE = 'The ruling could slow two other projects.';
const md = (text: string) => analyze(text, {format: 'markdown'});
const hedges = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'hedge');

describe('Markdown: not prose', () => {
  it.each([
    ['a fenced code block', `The council met.\n\n\`\`\`\n${HEDGE}\n\`\`\`\n`],
    ['a tilde fence with an info string', `The council met.\n\n~~~md\n${HEDGE}\n~~~\n`],
    ['an indented code block', `The council met.\n\n    ${HEDGE}\n`],
    ['inline code', 'The council met. The word `could` is a modal.\n'],
    ['an HTML block', `The council met.\n\n<div>\n${HEDGE}\n</div>\n`],
    ['an HTML attribute', 'The council met. See <abbr title="possibly">the note</abbr> here.\n'],
    ['an HTML comment', `The council met.\n\n<!-- ${HEDGE} -->\n`],
    ['a bare URL', 'The council met. Details: https://example.com/could-possibly-slow here.\n'],
    ['an autolink', 'The council met. Details: <https://example.com/possibly> here.\n'],
    ['a link target and title', 'The council met. Read [the notice](https://example.com/possibly "might") today.\n'],
    ['a link reference definition', 'The council met. Read [the notice][n] today.\n\n[n]: https://example.com/possibly "might"\n'],
    ['an image', 'The council met. ![possibly a map](map.png)\n'],
    ['YAML front matter', `---\ntitle: ${HEDGE}\n---\n\nThe council met.\n`],
    ['TOML front matter', `+++\ntitle = "${HEDGE}"\n+++\n\nThe council met.\n`]
  ])('%s', (_name, text) => {
    const result = md(text);
    expect(hedges(result.findings)).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('the same hedge outside the construct is flagged (the samples can fail)', () => {
    expect(hedges(md(`The council met.\n\n${HEDGE}\n`).findings).map((f) => f.actual)).toEqual(['could']);
    expect(hedges(md('The council met. The word could is a modal.\n').findings).map((f) => f.actual)).toEqual(['could']);
  });

  it('plain text does not treat Markdown fences as code', () => {
    const text = `The council met.\n\n\`\`\`\n${HEDGE}\n\`\`\`\n`;
    expect(hedges(analyze(text, {format: 'plaintext'}).findings).map((f) => f.actual)).toEqual(['could']);
  });

  it('URLs are not prose in plain text either', () => {
    expect(analyze('Details: https://example.com/could-possibly-slow here.').findings).toEqual([]);
  });
});

describe('Markdown: prose that is checked', () => {
  it.each([
    ['an ATX heading', '# The ruling could slow two projects\n\nThe council met.\n', 13],
    ['a setext heading', 'The ruling could slow two projects\n==================================\n\nThe council met.\n', 11],
    ['a block quote', `The council met.\n\n> ${HEDGE}\n`, 31],
    ['a list item', `The council met.\n\n- ${HEDGE}\n`, 31],
    ['emphasis', 'The ruling *could* slow two other projects.\n', 12],
    ['link text', 'The ruling [could](https://example.com) slow two other projects.\n', 12]
  ])('%s', (_name, text, start) => {
    const found = hedges(md(text).findings);
    expect(found.map((f) => [f.actual, f.start, f.end])).toEqual([['could', start, start + 5]]);
  });

  it('a quotation in a block quote finds its speaker', () => {
    const text = '> "The ruling could slow two other projects," the mayor said.\n';
    const result = md(text);
    expect(hedges(result.findings).map((f) => f.severity)).toEqual(['info']);
    expect(result.quotes.map((q) => q.speaker)).toEqual(['the mayor']);
  });

  it('a block quote over several lines is one paragraph', () => {
    const text = '> The minister said the ruling\n> could slow two other projects.\n';
    const result = md(text);
    expect(result.stats.paragraphs).toBe(1);
    expect(hedges(result.findings).map((f) => [f.actual, f.severity])).toEqual([['could', 'info']]);
  });
});

const MIXED = `---
title: Harbor ruling
---

# Port expansion could stall, union says

The appeal is expected to reach the Supreme Court by spring. It's worth noting that the port handled more cargo last year.

> "We have waited ten years for these jobs."

Experts say the delay will raise costs. See \`might\` in the [glossary](https://example.com/possibly) and <https://example.com/x>.

- A senior official said the ruling could slow two other projects.
- Unemployment rose to 7.2% in March.

\`\`\`text
The code might possibly be ignored.
\`\`\`

The mayor **reportedly** plans to resign; the date is [TK: date].

| col | could |
|-----|-------|
| may | might |

Final line with an emoji 🚢 and then a hedge: the tugboats may return.
`;

describe('positions map back to the original file', () => {
  it('actual === text.slice(start, end) for every finding of a mixed Markdown sample', () => {
    const result = md(MIXED);
    expect(result.findings.length).toBeGreaterThanOrEqual(9);
    for (const finding of result.findings) expect(MIXED.slice(finding.start, finding.end)).toBe(finding.actual);
    expectWellFormed(MIXED, result.findings);
    // And the words are where they should be, not somewhere with the same length.
    const at = (word: string, from = 0) => MIXED.indexOf(word, from);
    const starts = (rule: string) => result.findings.filter((f) => f.ruleId === rule).map((f) => f.start);
    expect(starts('hedge')).toEqual(expect.arrayContaining([at('could'), at('reportedly'), at('may return')]));
    expect(starts('leftover-tk')).toEqual([at('[TK: date]')]);
    expect(starts('unsourced-statistic')).toEqual([at('7.2%')]);
    expect(starts('vague-source')).toEqual([at('Experts')]);
    expect(starts('unattributed-quote')).toEqual([at('"We have waited')]);
    expect(starts('editorializing')).toEqual([at("It's worth noting")]);
    expect(starts('unattributed-claim')).toEqual([at('is expected to')]);
    // Nothing from front matter, code, URLs or the table.
    for (const finding of result.findings) {
      expect(finding.start).toBeGreaterThan(MIXED.indexOf('# Port'));
      expect(finding.start < at('```text') || finding.start > at('```\n\nThe mayor')).toBe(true);
      expect(finding.start).not.toBe(at('might', at('`might') + 1));
    }
  });

  it('paragraph ranges cover their findings and hold no blank line', () => {
    for (const finding of md(MIXED).findings) {
      const paragraph = MIXED.slice(finding.paragraph.start, finding.paragraph.end);
      expect(paragraph).not.toMatch(/\n\s*\n/);
      expect(paragraph.trim()).toBe(paragraph);
    }
  });

  it('CRLF and LF give the same findings at corresponding positions', () => {
    const crlf = MIXED.replace(/\n/g, '\r\n');
    const toCrlf = (offset: number) => offset + (MIXED.slice(0, offset).match(/\n/g)?.length ?? 0);
    const lf = md(MIXED).findings;
    const windows = md(crlf).findings;
    expect(windows.map((f) => [f.ruleId, f.severity, f.actual])).toEqual(lf.map((f) => [f.ruleId, f.severity, f.actual]));
    expect(windows.map((f) => [f.start, f.end])).toEqual(lf.map((f) => [toCrlf(f.start), toCrlf(f.end)]));
    for (const finding of windows) expect(crlf.slice(finding.start, finding.end)).toBe(finding.actual);
    expectWellFormed(crlf, windows);
  });

  it('CRLF in plain text, hard-wrapped and one paragraph a line', () => {
    const lf = 'The minister said the ruling\ncould slow two other projects.\n\nExperts say the port may close.\nThe union said nothing.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(lf).findings;
    const b = analyze(crlf).findings;
    expect(b.map((f) => [f.ruleId, f.severity, f.actual])).toEqual(a.map((f) => [f.ruleId, f.severity, f.actual]));
    for (const finding of b) expect(crlf.slice(finding.start, finding.end)).toBe(finding.actual);
  });

  it('characters outside the BMP before a finding (UTF-16 offsets)', () => {
    const text = '🚢🚢 The ruling could slow two other projects.';
    const [finding] = hedges(analyze(text).findings);
    expect(finding.start).toBe(text.indexOf('could'));
    expect(finding.start).toBe(16);
  });
});

describe('plain text paragraphs', () => {
  it('one paragraph a line: each line that ends a sentence is its own paragraph', () => {
    const text = 'The council met on Monday.\nThe minister said the budget would pass.\nThe ruling could slow two other projects.\n';
    const result = analyze(text);
    expect(result.stats.paragraphs).toBe(3);
    const [finding] = hedges(result.findings);
    expect(finding.severity).toBe('warning');
    const line = text.indexOf(HEDGE);
    expect(finding.paragraph).toEqual({start: line, end: line + HEDGE.length});
  });

  it('hard-wrapped lines are one paragraph, and a sentence across the wrap is read whole', () => {
    const text = 'The minister said the ruling\ncould slow two other projects\nand delay the harbor works.\n';
    const result = analyze(text);
    expect(result.stats.paragraphs).toBe(1);
    expect(result.stats.sentences).toBe(1);
    const [finding] = hedges(result.findings);
    expect([finding.actual, finding.severity]).toEqual(['could', 'info']);
    expect(finding.paragraph).toEqual({start: 0, end: text.trimEnd().length});
    expect(text.slice(finding.related[0].start, finding.related[0].end)).toBe('said');
  });

  it('a hard-wrapped draft with no blank lines: a ragged line that ends a sentence ends its paragraph', () => {
    const text = [
      'The harbor board approved the dredging of',
      'pier 4 on Monday after a long debate over',
      'the cost of the work.',
      'The ruling could slow two other projects on',
      'the waterfront, officials said.',
      'Traffic rose 40 percent last year.'
    ].join('\n');
    const result = analyze(text);
    expect(result.stats.paragraphs).toBe(3);
    // The figure has its own paragraph, so the officials a line up do not source it.
    expect(result.findings.filter((f) => f.ruleId === 'unsourced-statistic').map((f) => f.actual)).toEqual(['40 percent']);
    const [hedge] = hedges(result.findings);
    expect([hedge.actual, hedge.severity]).toEqual(['could', 'info']);
    expect(hedge.paragraph.start).toBe(text.indexOf('The ruling'));
  });

  it('a sentence that ends at the wrap stays in its paragraph; a first-line indent starts a new one', () => {
    const text = [
      'The harbor board approved the dredging.',
      'The vote came after a long debate over the',
      'cost of the work on the old pier.',
      '  The ruling could slow two other projects on',
      'the waterfront, officials said on Monday.'
    ].join('\n');
    const result = analyze(text);
    expect(result.stats.paragraphs).toBe(2);
    expect(result.findings.map((f) => f.paragraph.start)).toEqual(result.findings.map(() => text.indexOf('The ruling')));
  });

  it('blank lines separate paragraphs; indentation is not part of a paragraph', () => {
    const text = '  The council met on Monday.  \n\n\n   The ruling could slow two other projects.\n';
    const result = analyze(text);
    expect(result.stats.paragraphs).toBe(2);
    const [finding] = hedges(result.findings);
    expect(finding.paragraph.start).toBe(text.indexOf('The ruling'));
    expect(text.slice(finding.start, finding.end)).toBe('could');
  });

  it('an empty document and white space only', () => {
    for (const text of ['', '\n\n', '   \r\n  ']) {
      const result = analyze(text);
      expect(result.findings).toEqual([]);
      expect(result.stats.paragraphs).toBe(0);
    }
  });

  it('a document over maxLength is declined with a notice', () => {
    const result = analyze(HEDGE, {maxLength: 10});
    expect(result.findings).toEqual([]);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toContain('maxLength');
  });

  it('a document with NUL bytes is declined as binary', () => {
    const result = analyze(`${HEDGE}\u0000\u0000`);
    expect(result.findings).toEqual([]);
    expect(result.notices[0]).toMatch(/binary/);
  });
});
