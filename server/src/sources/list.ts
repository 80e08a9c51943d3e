// The source list: every attribution the model found in a draft, in reading order, as a fact-checker
// calls the sources back before publication. Built from the CLI's JSON attributions (the engine's public
// output with 1-based lines and columns), so `whosaid sources`, `--attributions` and the language
// server's sourcing report can never disagree. Pure: no file system, no editor, no engine.
import type {JsonAttribution, JsonSpan} from '../cli/report';

export type SourceListFormat = 'markdown' | 'csv' | 'json';
export const SOURCE_LIST_FORMATS: readonly SourceListFormat[] = ['markdown', 'csv', 'json'];

/** What the content span is shortened to in the list (characters, an ellipsis included). */
export const CITED_FOR_MAX = 100;

export interface SourceEntry {
  /** Where the attribution starts (its source phrase or its cue, whichever comes first), 1-based. */
  line: number;
  column: number;
  /** The source phrase as written ("She", "A senior official at the ministry"); "" when there is none. */
  source: string;
  /** Who a pronoun or "the official" refers to, when the model resolved it to another phrase. */
  resolvesTo: string | null;
  kind: string;
  /** The reporting verb or phrase: "said", "according to", "citing". */
  cue: string;
  /** What the source is cited for: the content span on one line, shortened to CITED_FOR_MAX. */
  citedFor: string | null;
  /** Whether the content is a direct quotation. */
  quote: boolean;
  anonymityReason: string | null;
  position: string | null;
  /** A stand taken ("the council voted") rather than information given. */
  stance: boolean;
}

export interface FileSourceList {
  path: string;
  sources: SourceEntry[];
  /** Why a file was not read as a draft (binary, too long), as in the JSON report. */
  notices?: string[];
}

/** The source list of one draft from its JSON attributions (toJsonReport's `attributions`). */
export function sourceList(attributions: readonly JsonAttribution[]): SourceEntry[] {
  const entries = attributions.map((attribution, index) => {
    const start = earlier(attribution.cue, attribution.source);
    const source = flat(attribution.source?.text ?? '');
    const resolved = attribution.resolvedSource;
    const entry: SourceEntry = {
      line: start.line,
      column: start.column,
      source,
      resolvesTo: resolved && flat(resolved).toLowerCase() !== flat(source).toLowerCase() ? flat(resolved) : null,
      kind: attribution.kind,
      cue: flat(attribution.cue.text),
      citedFor: attribution.content ? shorten(attribution.content.text, CITED_FOR_MAX) : null,
      quote: attribution.quote,
      anonymityReason: attribution.anonymityReason,
      position: attribution.position,
      stance: attribution.stance
    };
    return {entry, index, cue: attribution.cue};
  });
  // Reading order: where each attribution starts; two on one source ("The Kremlin confirmed ...,
  // stating ...") in the order of their cues; the model's own order last.
  entries.sort((a, b) => a.entry.line - b.entry.line || a.entry.column - b.entry.column || compare(a.cue, b.cue) || a.index - b.index);
  return entries.map(({entry}) => entry);
}

function compare(a: JsonSpan, b: JsonSpan): number {
  return a.line - b.line || a.column - b.column;
}

function earlier(cue: JsonSpan, source: JsonSpan | null): JsonSpan {
  return source && compare(source, cue) < 0 ? source : cue;
}

/** White space (line breaks of a hard-wrapped draft included) as single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** On one line, at most `max` characters: cut at a word boundary when there is one, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const one = flat(text);
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '') + '…';
}

// ---- formats ----

const COLUMNS = ['Line', 'Source', 'Resolves to', 'Kind', 'Cue', 'Cited for', 'Quote', 'Anonymity reason', 'Position', 'Stance'] as const;

function cells(entry: SourceEntry): string[] {
  return [
    String(entry.line),
    entry.source,
    entry.resolvesTo ?? '',
    entry.kind,
    entry.cue,
    entry.citedFor ?? '',
    entry.quote ? 'yes' : 'no',
    entry.anonymityReason ?? '',
    entry.position ?? '',
    entry.stance ? 'yes' : 'no'
  ];
}

/** Markdown-escapes draft text for a table cell, so it shows as written and never ends the cell. */
function mdCell(text: string): string {
  return flat(text).replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

/** A Markdown table a file: a heading with the path, the table (or a line saying there is none), a count. */
export function formatMarkdown(lists: readonly FileSourceList[]): string {
  const out: string[] = [];
  for (const list of lists) {
    out.push(`## Sources in ${mdCell(list.path)}`, '');
    for (const notice of list.notices ?? []) out.push(`${mdCell(notice)}`, '');
    if (list.sources.length === 0) {
      if (!list.notices?.some((notice) => notice.startsWith('Not checked'))) out.push('No attributions found.', '');
      continue;
    }
    out.push(`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map((column) => (column === 'Line' ? '---:' : '---')).join(' | ')} |`);
    for (const entry of list.sources) out.push(`| ${cells(entry).map(mdCell).join(' | ')} |`);
    out.push('', summary(list.sources), '');
  }
  return out.join('\n');
}

/** "12 attributions: 7 named, 1 anonymous, 1 vague (2 stances)" */
export function summary(sources: readonly SourceEntry[]): string {
  const byKind = new Map<string, number>();
  for (const entry of sources) byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
  const kinds = ['named', 'institutional', 'document', 'media', 'anonymous', 'vague']
    .filter((kind) => byKind.has(kind))
    .map((kind) => `${byKind.get(kind)} ${kind}`);
  const stances = sources.filter((entry) => entry.stance).length;
  return (
    `${sources.length} attribution${sources.length === 1 ? '' : 's'}: ${kinds.join(', ')}` +
    (stances > 0 ? ` (${stances} of them ${stances === 1 ? 'a stance' : 'stances'} taken, not information given)` : '')
  );
}

/**
 * CSV per RFC 4180: a header row, CRLF between records, a field quoted when it holds a comma, a
 * double quote, CR or LF, its double quotes doubled. A text field a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function formatCsv(lists: readonly FileSourceList[]): string {
  const rows = [['File', 'Line', 'Column', ...COLUMNS.slice(1)]];
  for (const list of lists) {
    for (const entry of list.sources) {
      const [line, ...rest] = cells(entry);
      rows.push([list.path, line, String(entry.column), ...rest].map((cell, i) => (i === 1 || i === 2 ? cell : defuse(cell))));
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An array with one object a file: `[{"path", "sources": [...]}]`. */
export function formatJson(lists: readonly FileSourceList[]): string {
  return JSON.stringify(lists, null, 2) + '\n';
}

export function formatSourceList(lists: readonly FileSourceList[], format: SourceListFormat): string {
  if (format === 'csv') return formatCsv(lists);
  if (format === 'json') return formatJson(lists);
  return formatMarkdown(lists);
}
