// Shared by the per-rule tests (retext-plugin style): run the engine, keep one rule's findings,
// compare them field by field, apply their quick fixes, and check where the edits land.
import {expect} from 'vitest';
import {analyze, type EngineOptions, type Finding, type RuleId, type Severity} from '../../../server/src/analysis';
import {applyEdits} from '../../helpers/apply-edits';

export interface Expected {
  actual: string;
  start: number;
  end: number;
  severity: Severity;
  /** A piece of the message, or a pattern it must match. */
  message: string | RegExp;
}

export function findingsOf(rule: RuleId, text: string, options: EngineOptions = {}): Finding[] {
  return analyze(text, options).findings.filter((finding) => finding.ruleId === rule);
}

export function show(findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId} ${f.severity} [${f.start},${f.end}) "${f.actual}": ${f.message}`).join('\n') || '(none)';
}

/** The rule's findings must be exactly these, in order. */
export function expectExactly(rule: RuleId, text: string, expected: Expected[], options: EngineOptions = {}): Finding[] {
  const found = findingsOf(rule, text, options);
  const brief = found.map(({actual, start, end, severity}) => ({actual, start, end, severity}));
  expect(brief, show(found)).toEqual(expected.map(({actual, start, end, severity}) => ({actual, start, end, severity})));
  found.forEach((finding, i) => {
    const want = expected[i].message;
    if (typeof want === 'string') expect(finding.message).toContain(want);
    else expect(finding.message).toMatch(want);
    expect(finding.ruleId).toBe(rule);
    expect(finding.source).toBe('whosaid');
    expect(finding.actual).toBe(text.slice(finding.start, finding.end));
    expect(finding.url).toMatch(new RegExp(`${rule}\\.md$`));
  });
  return found;
}

export function expectQuiet(rule: RuleId, text: string, options: EngineOptions = {}): void {
  const found = findingsOf(rule, text, options);
  expect(found, show(found)).toEqual([]);
}

/** Each suggestion's title and kind and the text after applying it, in the order offered. */
export function fixesOf(text: string, finding: Finding): {title: string; kind: string; result: string}[] {
  return finding.suggestions.map((suggestion) => ({
    title: suggestion.title,
    kind: suggestion.kind,
    result: applyEdits(text, suggestion.edits)
  }));
}

const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'});

/** The sentence around an offset, by the platform's sentence breaker (independent of the engine). */
export function sentenceAround(text: string, offset: number): {start: number; end: number} {
  // Break inside the finding's line only: paragraphs never share a sentence.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd);
  for (const segment of segmenter.segment(line)) {
    const start = lineStart + segment.index;
    const end = start + segment.segment.trimEnd().length;
    if (offset >= start && offset < start + segment.segment.length) return {start, end};
  }
  return {start: lineStart, end: lineEnd};
}

/**
 * Every edit of every suggestion stays inside the finding's sentence (insertions may sit at its end).
 * A finding that spans sentences (a quotation of two sentences) may use all the sentences it touches.
 */
export function expectEditsInSentence(text: string, finding: Finding): void {
  const sentence = {
    start: sentenceAround(text, finding.start).start,
    end: sentenceAround(text, Math.max(finding.start, finding.end - 1)).end
  };
  for (const suggestion of finding.suggestions) {
    for (const edit of suggestion.edits) {
      const where = `${suggestion.title}: ${JSON.stringify(edit)} outside sentence [${sentence.start},${sentence.end}) ${JSON.stringify(text.slice(sentence.start, sentence.end))}`;
      expect(edit.start, where).toBeGreaterThanOrEqual(sentence.start);
      expect(edit.end, where).toBeLessThanOrEqual(sentence.end);
    }
  }
}

/** The invariants every finding of every sample must keep. */
export function expectWellFormed(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    expect(finding.actual).toBe(text.slice(finding.start, finding.end));
    expect(finding.start).toBeLessThan(finding.end);
    expect(finding.paragraph.start).toBeLessThanOrEqual(finding.start);
    expect(finding.paragraph.end).toBeGreaterThanOrEqual(finding.end);
    expectEditsInSentence(text, finding);
    for (const suggestion of finding.suggestions) expect(() => applyEdits(text, suggestion.edits)).not.toThrow();
  }
}
