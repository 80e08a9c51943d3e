// Labeled sentences (JSON Lines) and how whosaid scores against them.
// Shared by test/fixtures.test.ts, test/seed-article.test.ts and the eval harness.
//
// One object a line:
//   {"id":"anon-001","text":"...","expect":[["anonymous-source"]],"optional":["hedge"],"expectInfo":[["loaded-verb"]],"note":"why"}
//
// - expect: groups; at least one rule of each group must be reported at severity warning or above.
// - expectInfo: groups; at least one rule of each group must be reported at any severity (info counts).
// - optional: rules that may be reported at any severity without counting against the engine.
// - Any other rule reported at warning or above is a false alarm. A rule that appears only in
//   expectInfo and is reported at warning or above is a false alarm too (the severity is wrong).
//   Findings below warning (info, hint) never count as false alarms.
import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {RULE_IDS, type RuleId, type Severity} from '../../server/src/analysis/types';

export interface LabeledItem {
  id: string;
  text: string;
  expect: RuleId[][];
  optional: RuleId[];
  expectInfo: RuleId[][];
  note?: string;
  /** Where the item came from, for messages. */
  file: string;
  line: number;
}

export interface LabelError {
  file: string;
  line: number;
  message: string;
}

/** What the scorer needs from a finding; whosaid's Finding satisfies it. */
export interface FindingLike {
  ruleId: string;
  severity: Severity;
  start?: number;
  end?: number;
  message?: string;
  actual?: string;
}

export type AnalyzeFn = (text: string, item: LabeledItem) => FindingLike[] | {findings: FindingLike[]};

export interface RuleStats {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  /** The group none of whose rules was reported (at warning+ for expect, at any severity for expectInfo). */
  group: RuleId[];
  kind: 'expect' | 'expectInfo';
  /** Rules of the group that were reported, but only below warning (for expect groups). */
  reportedBelowWarning: RuleId[];
}

export interface ItemResult {
  item: LabeledItem;
  findings: FindingLike[];
  /** Findings at warning or above whose rule the item does not allow. */
  falseAlarms: FindingLike[];
  misses: Miss[];
  /** No expect and no expectInfo groups: the item must stay quiet. */
  clean: boolean;
  /** A clean item with a finding at warning or above (rules listed in `optional` aside). */
  warned: boolean;
  ok: boolean;
}

export interface Score {
  perRule: Record<RuleId, RuleStats>;
  micro: RuleStats;
  items: ItemResult[];
  clean: {total: number; warned: number; share: number};
}

const KNOWN_KEYS = new Set(['id', 'text', 'expect', 'optional', 'expectInfo', 'note']);
const RULE_SET = new Set<string>(RULE_IDS);
const RANK: Record<Severity, number> = {error: 3, warning: 2, info: 1, hint: 0};

export function atLeastWarning(severity: Severity): boolean {
  return RANK[severity] >= RANK.warning;
}

/** Parses JSON Lines text into items, collecting every problem instead of stopping at the first. */
export function parseLabeled(text: string, file = '<text>'): {items: LabeledItem[]; errors: LabelError[]} {
  const items: LabeledItem[] = [];
  const errors: LabelError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fail = (message: string) => errors.push({file, line, message});
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(`invalid JSON: ${(error as Error).message}`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      fail('each line must be a JSON object');
      return;
    }
    const object = value as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(object)) if (!KNOWN_KEYS.has(key)) fail(`unknown key "${key}"`);
    if (typeof object.id !== 'string' || object.id.trim() === '') fail('"id" must be a non-empty string');
    if (typeof object.text !== 'string' || object.text.trim() === '') fail('"text" must be a non-empty string');
    if (object.note !== undefined && typeof object.note !== 'string') fail('"note" must be a string');
    const expect = groups(object.expect, 'expect', fail, true);
    const expectInfo = groups(object.expectInfo, 'expectInfo', fail, false);
    const optional = ruleList(object.optional, 'optional', fail);
    if (errors.length > before) return;
    items.push({
      id: object.id as string,
      text: object.text as string,
      expect: expect ?? [],
      optional: optional ?? [],
      expectInfo: expectInfo ?? [],
      note: object.note as string | undefined,
      file,
      line
    });
  });
  return {items, errors};
}

function groups(value: unknown, name: string, fail: (m: string) => void, required: boolean): RuleId[][] | undefined {
  if (value === undefined) {
    if (required) fail(`"${name}" is required (use [] for a clean item)`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    fail(`"${name}" must be a list of groups, e.g. [["hedge"]]`);
    return undefined;
  }
  const out: RuleId[][] = [];
  for (const group of value) {
    if (!Array.isArray(group) || group.length === 0) {
      fail(`every group in "${name}" must be a non-empty list of rule ids, e.g. [["hedge", "unattributed-claim"]]`);
      continue;
    }
    const rules = ruleList(group, name, fail);
    if (rules) out.push(rules);
  }
  return out;
}

function ruleList(value: unknown, name: string, fail: (m: string) => void): RuleId[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    fail(`"${name}" must be a list of rule ids`);
    return undefined;
  }
  const out: RuleId[] = [];
  for (const rule of value) {
    if (typeof rule !== 'string' || !RULE_SET.has(rule)) fail(`unknown rule ${JSON.stringify(rule)} in "${name}"`);
    else out.push(rule as RuleId);
  }
  return out;
}

/** Reads one JSON Lines file. Throws one error listing every bad line. */
export function loadLabeled(file: string): LabeledItem[] {
  const {items, errors} = parseLabeled(readFileSync(file, 'utf8'), basename(file));
  if (errors.length > 0) throw new Error(formatLabelErrors(errors));
  return items;
}

export function formatLabelErrors(errors: LabelError[]): string {
  return errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
}

/** Ids used more than once, with where. */
export function duplicateIds(items: LabeledItem[]): string[] {
  const seen = new Map<string, LabeledItem>();
  const out: string[] = [];
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) out.push(`${item.id} (${first.file}:${first.line} and ${item.file}:${item.line})`);
    else seen.set(item.id, item);
  }
  return out;
}

function stats(tp: number, fp: number, fn: number): RuleStats {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {tp, fp, fn, precision, recall, f1};
}

/** Scores one item's findings against its labels. */
export function scoreItem(
  item: LabeledItem,
  findings: FindingLike[]
): ItemResult & {counts: {rule: RuleId; tp: number; fp: number; fn: number}[]} {
  const warned = new Set<string>();
  const any = new Set<string>();
  for (const finding of findings) {
    any.add(finding.ruleId);
    if (atLeastWarning(finding.severity)) warned.add(finding.ruleId);
  }
  const counts: {rule: RuleId; tp: number; fp: number; fn: number}[] = [];
  const misses: Miss[] = [];
  for (const group of item.expect) {
    const hit = group.find((rule) => warned.has(rule));
    if (hit) counts.push({rule: hit, tp: 1, fp: 0, fn: 0});
    else {
      counts.push({rule: group[0], tp: 0, fp: 0, fn: 1});
      misses.push({group, kind: 'expect', reportedBelowWarning: group.filter((rule) => any.has(rule))});
    }
  }
  for (const group of item.expectInfo) {
    const hit = group.find((rule) => any.has(rule));
    if (hit) counts.push({rule: hit, tp: 1, fp: 0, fn: 0});
    else {
      counts.push({rule: group[0], tp: 0, fp: 0, fn: 1});
      misses.push({group, kind: 'expectInfo', reportedBelowWarning: []});
    }
  }
  const allowed = new Set<string>([...item.expect.flat(), ...item.optional]);
  const falseAlarms = findings.filter((f) => atLeastWarning(f.severity) && !allowed.has(f.ruleId));
  for (const rule of new Set(falseAlarms.map((f) => f.ruleId))) {
    if (RULE_SET.has(rule)) counts.push({rule: rule as RuleId, tp: 0, fp: 1, fn: 0});
  }
  const clean = item.expect.length === 0 && item.expectInfo.length === 0;
  const optional = new Set<string>(item.optional);
  const warnedClean = clean && findings.some((f) => atLeastWarning(f.severity) && !optional.has(f.ruleId));
  return {
    item,
    findings,
    falseAlarms,
    misses,
    clean,
    warned: warnedClean,
    ok: misses.length === 0 && falseAlarms.length === 0,
    counts
  };
}

/**
 * Runs `analyzeFn` on every item and scores per rule. A group met counts one true positive for the
 * first reported rule of the group; a group not met counts one false negative for its first rule;
 * each rule reported at warning+ that the item does not allow counts one false positive (once per item).
 */
export function scoreItems(items: LabeledItem[], analyzeFn: AnalyzeFn): Score {
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, {tp: 0, fp: 0, fn: 0}])) as Record<
    RuleId,
    {tp: number; fp: number; fn: number}
  >;
  const results: ItemResult[] = [];
  for (const item of items) {
    const output = analyzeFn(item.text, item);
    const findings = Array.isArray(output) ? output : output.findings;
    const {counts, ...result} = scoreItem(item, findings);
    for (const count of counts) {
      perRule[count.rule].tp += count.tp;
      perRule[count.rule].fp += count.fp;
      perRule[count.rule].fn += count.fn;
    }
    results.push(result);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const ruleStats = {} as Record<RuleId, RuleStats>;
  for (const id of RULE_IDS) {
    const c = perRule[id];
    ruleStats[id] = stats(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const cleanItems = results.filter((r) => r.clean);
  const warned = cleanItems.filter((r) => r.warned).length;
  return {
    perRule: ruleStats,
    micro: stats(tp, fp, fn),
    items: results,
    clean: {total: cleanItems.length, warned, share: cleanItems.length === 0 ? 0 : warned / cleanItems.length}
  };
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(6);

/** A fixed-width table: one row a rule, then the micro average and the clean-item line. */
export function formatScoreTable(score: Score): string {
  const header = `${'rule'.padEnd(20)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'prec%'.padStart(6)} ${'rec%'.padStart(6)} ${'F1%'.padStart(6)}`;
  const row = (name: string, s: RuleStats) =>
    `${name.padEnd(20)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const id of RULE_IDS) lines.push(row(id, score.perRule[id]));
  lines.push('-'.repeat(header.length), row('micro', score.micro));
  lines.push(`clean items with a warning: ${score.clean.warned}/${score.clean.total} (${(score.clean.share * 100).toFixed(1)}%)`);
  return lines.join('\n');
}

/** One readable block per failing item: the text, what was missed, what was a false alarm. */
export function formatFailures(results: ItemResult[], limit = Infinity): string {
  const failing = results.filter((r) => !r.ok);
  const blocks = failing.slice(0, limit).map((r) => {
    const lines = [`[${r.item.id}] ${r.item.file}:${r.item.line}`, `  text: ${r.item.text}`];
    for (const miss of r.misses) {
      const below = miss.reportedBelowWarning.length > 0 ? ` (reported only below warning: ${miss.reportedBelowWarning.join(', ')})` : '';
      lines.push(`  missed ${miss.kind === 'expectInfo' ? 'info ' : ''}${miss.group.join(' | ')}${below}`);
    }
    for (const alarm of r.falseAlarms) {
      const where = alarm.actual !== undefined ? ` "${alarm.actual}"` : '';
      lines.push(`  false alarm ${alarm.ruleId} (${alarm.severity})${where}${alarm.message ? `: ${alarm.message}` : ''}`);
    }
    if (r.item.note) lines.push(`  note: ${r.item.note}`);
    return lines.join('\n');
  });
  if (failing.length > limit) blocks.push(`... and ${failing.length - limit} more`);
  return blocks.join('\n');
}
