// The JSON contract other tools read: one object a file, 1-based lines and columns, end column exclusive.
import {location} from 'vfile-location';
import type {AnalysisResult, Severity, TextSpan} from '../analysis';

export interface JsonPosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonMessage extends JsonPosition {
  ruleId: string;
  severity: Severity;
  message: string;
  actual: string;
  expected: string[];
  url: string;
  source: 'whosaid';
}

export interface JsonSpan extends JsonPosition {
  text: string;
}

export interface JsonAttribution {
  kind: string;
  cue: JsonSpan;
  source: JsonSpan | null;
  content: JsonSpan | null;
  quote: boolean;
  anonymityReason: string | null;
  resolvedSource: string | null;
  position: string | null;
  stance: boolean;
}

export interface JsonFileReport {
  path: string;
  messages: JsonMessage[];
  attributions?: JsonAttribution[];
  notices?: string[];
}

export function toJsonReport(path: string, text: string, result: AnalysisResult, withAttributions: boolean): JsonFileReport {
  const place = location(text);
  const position = (start: number, end: number): JsonPosition => {
    const from = place.toPoint(start) ?? {line: 1, column: 1};
    const to = place.toPoint(end) ?? endPoint(text);
    return {line: from.line, column: from.column, endLine: to.line, endColumn: to.column};
  };
  const span = (value: TextSpan | null): JsonSpan | null => (value ? {text: value.text, ...position(value.start, value.end)} : null);
  const report: JsonFileReport = {
    path,
    messages: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...position(finding.start, finding.end),
      actual: finding.actual,
      expected: finding.expected,
      url: finding.url,
      source: finding.source
    }))
  };
  if (withAttributions) {
    report.attributions = result.attributions.map((attribution) => ({
      kind: attribution.kind,
      cue: span(attribution.cue)!,
      source: span(attribution.source),
      content: span(attribution.content),
      quote: attribution.quote,
      anonymityReason: attribution.anonymityReason,
      resolvedSource: attribution.resolvedSource,
      position: attribution.position,
      stance: attribution.stance
    }));
  }
  // A paragraph whosaid could not check is named by its line, so the writer knows what went unchecked.
  const failed = (result.failures ?? []).map((failure) => `line ${position(failure.start, failure.start).line}: ${failure.message}`);
  if (result.notices.length > 0 || failed.length > 0) report.notices = [...result.notices, ...failed];
  return report;
}

/** vfile-location has no point for the offset just past the end; compute it. */
function endPoint(text: string): {line: number; column: number} {
  const lines = text.split(/\r\n|\r|\n/);
  return {line: lines.length, column: lines[lines.length - 1].length + 1};
}
