// The sourcing report (custom request and code lens) and the hover texts.
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {ruleMeta, rulesIn, type AnalysisResult, type Attribution, type Finding, type RuleId, type SourceKind} from '../analysis';
import {rangeOf} from './diagnostics';
import type {ReportAttribution, ReportFinding, SourcingCounts, SourcingReport} from './protocol';

const KINDS: readonly SourceKind[] = ['named', 'institutional', 'media', 'document', 'anonymous', 'vague'];
const ON_RECORD: ReadonlySet<SourceKind> = new Set<SourceKind>(['named', 'institutional', 'media', 'document']);
const UNATTRIBUTED: ReadonlySet<RuleId> = rulesIn('unattributed');

function sourceKey(attribution: Attribution, index: number): string {
  const name = attribution.resolvedSource ?? attribution.source?.text;
  return name ? name.toLowerCase().replace(/\s+/g, ' ').trim() : `#${index}`;
}

export function countSources(result: AnalysisResult): SourcingCounts {
  const seen = new Map<SourceKind, Set<string>>(KINDS.map((kind) => [kind, new Set<string>()]));
  result.attributions.forEach((attribution, index) => {
    // A stand taken ("the council voted") is no source of information.
    if (!attribution.stance) seen.get(attribution.kind)?.add(sourceKey(attribution, index));
  });
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, seen.get(kind)?.size ?? 0])) as Record<SourceKind, number>;
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return {
    byKind,
    named: KINDS.filter((kind) => ON_RECORD.has(kind)).reduce((sum, kind) => sum + byKind[kind], 0),
    anonymous: byKind.anonymous,
    vague: byKind.vague,
    unattributedClaims: result.findings.filter((finding) => UNATTRIBUTED.has(finding.ruleId)).length,
    findings: result.findings.length,
    byRule
  };
}

export function emptyCounts(): SourcingCounts {
  return {
    byKind: {named: 0, institutional: 0, media: 0, document: 0, anonymous: 0, vague: 0},
    named: 0,
    anonymous: 0,
    vague: 0,
    unattributedClaims: 0,
    findings: 0,
    byRule: {}
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Sources: 4 named · 1 anonymous · 3 vague — 5 unattributed claims" */
export function codeLensTitle(counts: SourcingCounts): string {
  return (
    `Sources: ${counts.named} named · ${counts.anonymous} anonymous · ${counts.vague} vague — ` +
    plural(counts.unattributedClaims, 'unattributed claim', 'unattributed claims')
  );
}

export function buildReport(doc: TextDocument, result: AnalysisResult | null): SourcingReport {
  if (!result) {
    return {
      uri: doc.uri,
      version: doc.version,
      checked: false,
      counts: emptyCounts(),
      attributions: [],
      findings: [],
      stats: {words: 0, paragraphs: 0, sentences: 0},
      notices: []
    };
  }
  const attributions: ReportAttribution[] = result.attributions
    .filter((attribution) => !attribution.stance)
    .map((attribution) => ({
      ...attribution,
      cueRange: rangeOf(doc, attribution.cue.start, attribution.cue.end),
      sourceRange: attribution.source ? rangeOf(doc, attribution.source.start, attribution.source.end) : null,
      contentRange: attribution.content ? rangeOf(doc, attribution.content.start, attribution.content.end) : null
    }));
  const findings: ReportFinding[] = result.findings.map((finding) => ({...finding, range: rangeOf(doc, finding.start, finding.end)}));
  return {
    uri: doc.uri,
    version: doc.version,
    checked: true,
    counts: countSources(result),
    attributions,
    findings,
    stats: result.stats,
    notices: result.notices
  };
}

const KIND_WORDS: Record<SourceKind, string> = {
  named: 'named source',
  institutional: 'institution',
  media: 'news outlet',
  document: 'document',
  anonymous: 'anonymous source',
  vague: 'vague source'
};

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Markdown-escapes text from the draft so it shows as written. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

export function findingHover(findings: Finding[]): string {
  const parts: string[] = [];
  const shown = new Set<RuleId>();
  for (const finding of findings) {
    let meta;
    try {
      meta = ruleMeta(finding.ruleId);
    } catch {
      meta = null;
    }
    const lines = [`**${meta ? md(meta.title) : finding.ruleId}** (\`${finding.ruleId}\`, ${finding.severity}): ${md(finding.message)}`];
    if (meta && !shown.has(finding.ruleId)) {
      shown.add(finding.ruleId);
      lines.push('', md(meta.summary), '', `*Ask the reporter:* ${md(meta.ask)}`, '', `*Guidance:* ${md(meta.guidance)}`);
    }
    if (finding.url) lines.push('', `[Rule documentation](${finding.url})`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n---\n\n');
}

export function attributionHover(attribution: Attribution): string {
  const who = attribution.source ? `"${md(clip(attribution.source.text, 80))}"` : 'no source phrase';
  const lines = [`**Source:** ${who}: ${KIND_WORDS[attribution.kind] ?? attribution.kind}, via "${md(attribution.cue.text)}"`];
  if (attribution.resolvedSource && attribution.resolvedSource !== attribution.source?.text) {
    lines.push('', `Refers to: ${md(attribution.resolvedSource)}`);
  }
  if (attribution.position && attribution.position !== attribution.source?.text) lines.push('', `Position: ${md(attribution.position)}`);
  if (attribution.kind === 'anonymous') {
    lines.push(
      '',
      attribution.anonymityReason
        ? `Reason given for anonymity: ${md(attribution.anonymityReason)}`
        : 'No reason for anonymity is given in the text.'
    );
  }
  if (attribution.content) {
    lines.push('', `${attribution.quote ? 'Quotes' : 'Covers'}: "${md(clip(attribution.content.text))}"`);
  } else {
    lines.push('', 'Covers: nothing found for this attribution.');
  }
  return lines.join('\n');
}
