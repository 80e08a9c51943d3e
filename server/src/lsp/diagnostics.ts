// Findings as LSP diagnostics, and config errors as a diagnostic on the config file.
import {DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import type {ConfigError, Finding, Severity} from '../analysis';
import {SERVER_NAME, type DiagnosticData} from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return {start: doc.positionAt(start), end: doc.positionAt(end)};
}

export function toDiagnostic(doc: TextDocument, finding: Finding, version: number): Diagnostic {
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
  const data: DiagnosticData = {
    version,
    ruleId: finding.ruleId,
    actual: finding.actual,
    paragraphStart: finding.paragraph.start,
    suggestions: finding.suggestions
  };
  diagnostic.data = data;
  return diagnostic;
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
