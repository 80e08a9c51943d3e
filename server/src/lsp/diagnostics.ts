// Findings as LSP diagnostics, and config errors as a diagnostic on the config file.
import {DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {changedRange, type AnalysisResult, type ConfigError, type Finding, type ParagraphFailure, type Severity} from '../analysis';
import {SERVER_NAME} from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return {start: doc.positionAt(start), end: doc.positionAt(end)};
}

/**
 * A finding as a diagnostic. It carries no `data`: the suggestions would double what each keystroke
 * publishes, and the server answers code actions from its own findings for the current version.
 */
export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, finding.start, finding.end),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: SERVER_NAME,
    message: finding.message
  };
  if (finding.url) diagnostic.codeDescription = {href: finding.url};
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: {uri: doc.uri, range: rangeOf(doc, related.start, related.end)},
      message: related.message
    }));
  }
  // Editorializing words are the writer's judgement: the fix is usually to cut them.
  if (finding.ruleId === 'editorializing') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** A paragraph whosaid could not check (a bug in whosaid): a warning over the paragraph, so it does not look clean. */
export function failureDiagnostic(doc: TextDocument, failure: ParagraphFailure): Diagnostic {
  return {
    range: rangeOf(doc, failure.start, failure.end),
    severity: DiagnosticSeverity.Warning,
    code: 'not-checked',
    source: SERVER_NAME,
    message: `${failure.message}. The rest of the document is checked.`
  };
}

/** A paragraph whosaid could not check gets a diagnostic of its own, beside the findings' diagnostics. */
export function withFailures(doc: TextDocument, result: AnalysisResult, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!result.failures) return diagnostics;
  return [...diagnostics, ...result.failures.map((failure) => failureDiagnostic(doc, failure))];
}

/** A document's last published diagnostics, with the text and findings they were made from. */
export interface Published {
  text: string;
  lineCount: number;
  findings: readonly Finding[];
  diagnostics: Diagnostic[];
}

/**
 * The diagnostics for a new version, reusing the last ones where a finding did not change: before the
 * edit they are the same; after the first line break past the edit they are the same finding moved by
 * the edit's length, and keep their characters, their lines moved by the lines the edit added. Only
 * the findings in between are converted afresh. Always equal to converting every finding.
 */
export function updateDiagnostics(previous: Published | undefined, doc: TextDocument, findings: readonly Finding[]): Published {
  const text = doc.getText();
  const lineCount = doc.lineCount;
  if (!previous) return {text, lineCount, findings, diagnostics: findings.map((finding) => toDiagnostic(doc, finding))};
  const change = changedRange(previous.text, text) ?? {start: text.length, oldEnd: text.length, newEnd: text.length};
  const delta = change.newEnd - change.oldEnd;
  const lineDelta = lineCount - previous.lineCount;
  const old = previous.findings;
  const diagnostics: Diagnostic[] = new Array(findings.length);
  // Unchanged before the edit.
  let head = 0;
  while (
    head < findings.length &&
    head < old.length &&
    extent(findings[head]).end < change.start &&
    sameFinding(findings[head], old[head], 0)
  ) {
    diagnostics[head] = previous.diagnostics[head];
    head++;
  }
  // Moved after it: from the first line start past the edit, lines and text are the old ones.
  const editLine = doc.positionAt(change.newEnd).line;
  const stable = editLine + 1 < lineCount ? doc.offsetAt({line: editLine + 1, character: 0}) : Infinity;
  let tail = 0;
  while (tail < findings.length - head && tail < old.length - head) {
    const finding = findings[findings.length - 1 - tail];
    const before = old[old.length - 1 - tail];
    if (extent(finding).start < stable || !sameFinding(finding, before, delta)) break;
    const diagnostic = previous.diagnostics[old.length - 1 - tail];
    diagnostics[findings.length - 1 - tail] = lineDelta === 0 ? diagnostic : moveLines(diagnostic, lineDelta);
    tail++;
  }
  for (let i = head; i < findings.length - tail; i++) diagnostics[i] = toDiagnostic(doc, findings[i]);
  return {text, lineCount, findings, diagnostics};
}

/** The offsets a finding's diagnostic covers: its own range and its related ranges. */
function extent(finding: Finding): {start: number; end: number} {
  let start = finding.start;
  let end = finding.end;
  for (const related of finding.related) {
    if (related.start < start) start = related.start;
    if (related.end > end) end = related.end;
  }
  return {start, end};
}

/** Whether two findings give the same diagnostic once moved by `delta` characters. */
function sameFinding(a: Finding, b: Finding, delta: number): boolean {
  if (a === b) return delta === 0;
  if (a.start !== b.start + delta || a.end !== b.end + delta || a.ruleId !== b.ruleId || a.severity !== b.severity) return false;
  if (a.message !== b.message || a.url !== b.url || a.related.length !== b.related.length) return false;
  for (let i = 0; i < a.related.length; i++) {
    const x = a.related[i];
    const y = b.related[i];
    if (x.start !== y.start + delta || x.end !== y.end + delta || x.message !== y.message) return false;
  }
  return true;
}

function moveLines(diagnostic: Diagnostic, lines: number): Diagnostic {
  const move = (range: Range): Range => ({
    start: {line: range.start.line + lines, character: range.start.character},
    end: {line: range.end.line + lines, character: range.end.character}
  });
  const moved: Diagnostic = {...diagnostic, range: move(diagnostic.range)};
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((info) => ({
      location: {uri: info.location.uri, range: move(info.location.range)},
      message: info.message
    }));
  }
  return moved;
}

/** One diagnostic for a broken config file, at its first error, listing every problem. */
export function configDiagnostic(text: string, errors: ConfigError[], usingLastGood: boolean): Diagnostic {
  const doc = TextDocument.create('file:///config', 'json', 0, text);
  const first = errors[0];
  const start = Math.min(first.start, text.length);
  const end = Math.min(Math.max(first.end, first.start), text.length);
  const lines = errors.map((error) => `line ${error.line}, column ${error.column}: ${error.message}`);
  const fallback = usingLastGood
    ? 'whosaid keeps using the last version of this file that was valid.'
    : 'whosaid is using its default settings until this file is fixed.';
  return {
    range: rangeOf(doc, start, end),
    severity: DiagnosticSeverity.Error,
    source: SERVER_NAME,
    code: 'config',
    message: `${errors.length === 1 ? 'This config file has a problem' : `This config file has ${errors.length} problems`}:\n${lines.join('\n')}\n${fallback}`
  };
}
