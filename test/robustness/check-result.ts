// Invariants every AnalysisResult must satisfy for the text it came from. Throws a descriptive
// error on the first violation, so fast-check can shrink the input and print it.
import type {AnalysisResult, Finding} from '../../server/src/analysis/types';
import {applyEdits} from '../helpers/apply-edits';
import {splitsPair} from './arbitraries';

function fail(message: string, detail: unknown): never {
  throw new Error(`${message}: ${JSON.stringify(detail)}`);
}

function checkRange(text: string, what: string, start: number, end: number, detail: unknown): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(`${what}: offsets are not integers`, detail);
  if (!(start >= 0 && start <= end && end <= text.length)) fail(`${what}: range outside the document (length ${text.length})`, detail);
  if (splitsPair(text, start) || splitsPair(text, end)) fail(`${what}: range splits a surrogate pair`, detail);
}

function checkSpan(text: string, what: string, span: {start: number; end: number; text?: string} | null): void {
  if (!span) return;
  checkRange(text, what, span.start, span.end, span);
  if (span.text !== undefined && span.text !== text.slice(span.start, span.end))
    fail(`${what}: text is not the document's text at its range`, span);
}

/** Ranges inside the document, on character boundaries, `actual` equal to the text at the range. */
export function checkResult(text: string, result: AnalysisResult): void {
  for (const finding of result.findings) {
    const brief = {ruleId: finding.ruleId, start: finding.start, end: finding.end, actual: finding.actual};
    checkRange(text, 'finding', finding.start, finding.end, brief);
    if (finding.actual !== text.slice(finding.start, finding.end)) fail('finding.actual differs from the text at its range', brief);
    const p = finding.paragraph;
    checkRange(text, 'finding.paragraph', p.start, p.end, {...brief, paragraph: p});
    if (!(p.start <= finding.start && finding.end <= p.end)) fail('finding lies outside its paragraph', {...brief, paragraph: p});
    for (const related of finding.related) checkRange(text, 'related span', related.start, related.end, {...brief, related});
    for (const suggestion of finding.suggestions) {
      for (const edit of suggestion.edits)
        checkRange(text, 'suggestion edit', edit.start, edit.end, {...brief, title: suggestion.title, edit});
    }
  }
  for (const attribution of result.attributions) {
    checkSpan(text, 'attribution.cue', attribution.cue);
    checkSpan(text, 'attribution.source', attribution.source);
    checkSpan(text, 'attribution.content', attribution.content);
  }
  for (const quote of result.quotes) checkRange(text, 'quote', quote.start, quote.end, quote);
}

/**
 * Applying a suggestion changes only its own spans: its edits lie inside the finding's paragraph, do
 * not overlap, each changes something, and every character outside the edited spans is unchanged.
 */
export function checkSuggestions(text: string, finding: Finding): void {
  for (const suggestion of finding.suggestions) {
    const detail = {
      ruleId: finding.ruleId,
      actual: finding.actual,
      title: suggestion.title,
      edits: suggestion.edits,
      paragraph: finding.paragraph
    };
    if (suggestion.edits.length === 0) fail('suggestion without edits', detail);
    for (const edit of suggestion.edits) {
      if (edit.start < finding.paragraph.start || edit.end > finding.paragraph.end)
        fail("edit reaches outside the finding's paragraph", detail);
      if (text.slice(edit.start, edit.end) === edit.newText) fail('edit changes nothing', detail);
    }
    const after = applyEdits(text, suggestion.edits); // throws on overlapping or out-of-range edits
    // Walk the edits in order: the text between them must come through byte for byte.
    const ordered = [...suggestion.edits].sort((a, b) => a.start - b.start);
    let from = 0;
    let at = 0;
    for (const edit of ordered) {
      const kept = text.slice(from, edit.start);
      if (after.slice(at, at + kept.length) !== kept) fail('text outside the edits changed', detail);
      at += kept.length;
      if (after.slice(at, at + edit.newText.length) !== edit.newText) fail('edit text not where expected', detail);
      at += edit.newText.length;
      from = edit.end;
    }
    if (after.slice(at) !== text.slice(from)) fail('text after the last edit changed', detail);
  }
}
