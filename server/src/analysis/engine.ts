// The engine: document -> paragraphs -> attribution model -> rules -> findings.
// Paragraphs are analysed one at a time and cached by their text and the context carried into them,
// so a keystroke re-analyses only the paragraph it touched (and any whose carried context changed).
import {
  buildParagraphModel,
  contextFor,
  contextKey,
  EMPTY_CONTEXT,
  type CarriedContext,
  type LocalAttribution,
  type ParagraphModel
} from './attribution/model';
import {maskProse} from './document/mask';
import {resplit, splitDocument, type ControlMarker, type RawParagraph, type SplitDocument, type TextChange} from './document/split';
import {getLexicon, type Lexicon} from './lexicon';
import {RULE_CHECKS} from './rules';
import {ruleDocsUrl, ruleMeta} from './rules/meta';
import type {RawFinding} from './rules/rule';
import {DEFAULT_MAX_LENGTH} from './config/config';
import {normalizeWord} from './nlp/phrases';
import {describeFailure, runFaultHook} from './failure';
export {PARAGRAPH_FAULT_HOOK} from './failure';
import {
  RULE_IDS,
  type AnalysisResult,
  type Attribution,
  type DocumentFormat,
  type EngineOptions,
  type Finding,
  type ParagraphFailure,
  type Quote,
  type RuleId,
  type RuleSetting,
  type Severity,
  type TextSpan
} from './types';

export interface Analyzer {
  /**
   * Analyses a whole document, reusing cached paragraph results where their text and context are
   * unchanged. Consecutive calls on versions of one document are cheap: the analyzer keeps the last
   * document's paragraphs and re-splits only around what changed (see `session` for several documents).
   */
  analyze(text: string, format?: DocumentFormat): AnalysisResult;
  /**
   * A session for one document that changes over time (an open editor buffer): each call re-splits
   * and re-analyses only around what changed since the session's previous call, and shares the
   * analyzer's paragraph cache. The result always equals a fresh analysis of the text.
   */
  session(): DocumentSession;
  readonly options: EngineOptions;
  /** How many paragraphs the last call analysed afresh and how many it took from the cache. */
  lastRun(): {analysed: number; reused: number};
}

export interface DocumentSession {
  analyze(text: string, format?: DocumentFormat): AnalysisResult;
}

/** What a session keeps of its last call: the split and each paragraph's result, in document order. */
interface SessionState {
  text: string;
  format: DocumentFormat;
  split: SplitDocument;
  results: ParagraphResult[];
}

/** One paragraph's results, paragraph-relative; what the cache holds. */
interface ParagraphResult {
  findings: RawFinding[];
  attributions: Attribution[];
  quotes: Quote[];
  outgoing: CarriedContext;
  words: number;
  sentences: number;
  /** The run that last used it, for eviction. */
  used: number;
  /** Set when analysing the paragraph threw: it has no findings and passes its context on unchanged. */
  failure?: {message: string; error: string};
  /**
   * The results placed at a document offset, kept for the next run: a keystroke leaves every
   * paragraph before it where it was, and those need no new objects.
   */
  placed?: {offset: number; findings: Finding[]};
  /** Attributions and quotes placed likewise, apart: a session places them only when they are read. */
  placedExtras?: {offset: number; attributions: Attribution[]; quotes: Quote[]};
}

/** Enough for every paragraph of a long book; entries unused in the latest run go first. */
const CACHE_LIMIT = 50_000;
/**
 * And about this many characters of paragraphs (the default document limit): a few huge paragraphs
 * ('said ' x 200,000 holds 200,000 attributions, about 110 MB) must not stay alive in a language
 * server after their document is closed, until 50,000 others push them out. An open document keeps
 * its own results in its session, so what this evicts costs only a re-analysis after a context change.
 */
const CACHE_CHARACTERS = 2_000_000;

const SEVERITY_RANK: Record<Severity, number> = {hint: 0, info: 1, warning: 2, error: 3};

export function createAnalyzer(options: EngineOptions = {}): Analyzer {
  const lexicon = getLexicon(options.extra);
  const enabled = RULE_IDS.filter((id) => options.rules?.[id] !== 'off');
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const strict = options.strict === true;
  const allow = (options.allow ?? []).map((phrase) => normalizeWord(phrase.trim())).filter(Boolean);
  // Keyed by the paragraph's text, then by what else decides its result: no key is built by
  // concatenating the text, which would copy the whole document at every keystroke.
  const cache = new Map<string, Map<string, ParagraphResult>>();
  let cached = 0;
  let cachedCharacters = 0;
  let generation = 0;
  let run = {analysed: 0, reused: 0};

  const analyseParagraph = (paragraph: RawParagraph, format: DocumentFormat, carried: CarriedContext): ParagraphResult => {
    const incoming = contextFor(carried, paragraph.text);
    const variant = `${format}\u0001${paragraph.kind}\u0001${contextKey(incoming)}`;
    let variants = cache.get(paragraph.text);
    const hit = variants?.get(variant);
    if (hit) {
      hit.used = generation;
      run.reused++;
      return hit;
    }
    run.analysed++;
    const result = checkParagraph(paragraph, format, incoming, lexicon, enabled, strict);
    result.used = generation;
    if (!variants) cache.set(paragraph.text, (variants = new Map()));
    variants.set(variant, result);
    cached++;
    cachedCharacters += paragraph.text.length;
    return result;
  };

  /** Drops entries the latest run did not use, once the cache outgrows its limits. */
  const evict = () => {
    if (cached <= CACHE_LIMIT && cachedCharacters <= CACHE_CHARACTERS) return;
    for (const [text, variants] of cache) {
      for (const [variant, result] of variants) {
        if (result.used === generation) continue;
        variants.delete(variant);
        cached--;
        cachedCharacters -= text.length;
      }
      if (variants.size === 0) cache.delete(text);
    }
  };

  const place = (result: ParagraphResult, paragraph: RawParagraph): Finding[] => {
    const offset = paragraph.start;
    if (result.placed?.offset === offset) return result.placed.findings;
    const range = {start: offset, end: offset + paragraph.text.length};
    const findings: Finding[] = [];
    for (const raw of result.findings) {
      const finding = finalize(raw, offset, range, paragraph.text, options.rules?.[raw.ruleId]);
      if (finding && !allowed(finding.actual, allow)) findings.push(finding);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    result.placed = {offset, findings};
    return findings;
  };

  const placeExtras = (result: ParagraphResult, paragraph: RawParagraph): NonNullable<ParagraphResult['placedExtras']> => {
    const offset = paragraph.start;
    if (result.placedExtras?.offset === offset) return result.placedExtras;
    result.placedExtras = {
      offset,
      attributions: result.attributions.map((attribution) => shiftAttribution(attribution, offset)),
      quotes: result.quotes.map((quote) => ({...quote, start: quote.start + offset, end: quote.end + offset}))
    };
    return result.placedExtras;
  };

  const analyseIn = (session: {state: SessionState | null; lazy?: boolean}, text: string, format: DocumentFormat): AnalysisResult => {
    run = {analysed: 0, reused: 0};
    generation++;
    const declined = declineReason(text, maxLength);
    if (declined) {
      session.state = null;
      return emptyResult([declined]);
    }
    const previous = session.state?.format === format ? session.state : null;
    const {split, results} = analyseDocument(previous, text, format, analyseParagraph);
    session.state = {text, format, split, results};
    run.reused = results.length - run.analysed;

    const {paragraphs, markers} = split;
    const findings: Finding[] = [];
    const notices: string[] = [];
    let failures: ParagraphFailure[] | undefined;
    let words = 0;
    let sentences = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const result = results[i];
      words += result.words;
      sentences += result.sentences;
      if (result.failure) (failures ??= []).push(placeFailure(result.failure, paragraphs[i]));
      // Paragraphs come in document order and findings are sorted within each: no global sort.
      for (const finding of place(result, paragraphs[i])) findings.push(finding);
    }
    evict();
    for (const marker of markers) {
      if (marker.unknownRules.length > 0) notices.push(`Unknown rule in a whosaid comment: ${marker.unknownRules.join(', ')}`);
    }
    const visible = markers.length > 0 ? applyMarkers(findings, markers, paragraphs) : findings;
    let extras: {attributions: Attribution[]; quotes: Quote[]} | null = null;
    const gather = () => {
      if (extras) return extras;
      extras = {attributions: [], quotes: []};
      for (let i = 0; i < paragraphs.length; i++) {
        const placed = placeExtras(results[i], paragraphs[i]);
        for (const attribution of placed.attributions) extras.attributions.push(attribution);
        for (const quote of placed.quotes) extras.quotes.push(quote);
      }
      return extras;
    };
    const stats = {words, paragraphs: paragraphs.length, sentences};
    if (!session.lazy) {
      const {attributions, quotes} = gather();
      const result: AnalysisResult = {findings: visible, attributions, quotes, stats, notices};
      if (failures) result.failures = failures;
      return result;
    }
    return lazyResult(visible, gather, stats, notices, failures);
  };

  const own = {state: null as SessionState | null};
  return {
    options,
    lastRun: () => ({...run}),
    analyze: (text, format = options.format ?? 'plaintext') => analyseIn(own, text, format),
    session() {
      const session = {state: null as SessionState | null, lazy: true};
      return {analyze: (text, format = options.format ?? 'plaintext') => analyseIn(session, text, format)};
    }
  };
}

type ParagraphAnalyser = (paragraph: RawParagraph, format: DocumentFormat, incoming: CarriedContext) => ParagraphResult;

/**
 * A document's paragraphs and their results: all analysed afresh, or, after an edit, the paragraphs the
 * change touched and those after it whose carried context changed; the rest are the previous results.
 */
function analyseDocument(
  previous: SessionState | null,
  text: string,
  format: DocumentFormat,
  analyseParagraph: ParagraphAnalyser
): {split: SplitDocument; results: ParagraphResult[]} {
  let split: SplitDocument;
  let results: ParagraphResult[];
  if (!previous) {
    split = splitDocument(text, format);
    results = [];
    let context = EMPTY_CONTEXT;
    for (const paragraph of split.paragraphs) {
      const result = analyseParagraph(paragraph, format, context);
      results.push(result);
      context = result.outgoing;
    }
  } else {
    const change = changedRange(previous.text, text);
    const again = change
      ? resplit(previous.split, text, format, change)
      : {split: previous.split, before: previous.results.length, after: previous.results.length};
    split = again.split;
    const old = previous.results;
    results = old.slice(0, again.before);
    let context = again.before > 0 ? old[again.before - 1].outgoing : EMPTY_CONTEXT;
    const tail = again.after;
    const scannedEnd = split.paragraphs.length - (old.length - tail);
    for (let i = again.before; i < scannedEnd; i++) {
      const result = analyseParagraph(split.paragraphs[i], format, context);
      results.push(result);
      context = result.outgoing;
    }
    // The paragraphs after the change have the same text; they need analysing again only while the
    // context carried into them differs from before.
    for (let j = tail; j < old.length; j++) {
      const before = j > 0 ? old[j - 1].outgoing : EMPTY_CONTEXT;
      const paragraph = split.paragraphs[scannedEnd + (j - tail)];
      if (context === before || contextKey(contextFor(context, paragraph.text)) === contextKey(contextFor(before, paragraph.text))) {
        for (let k = j; k < old.length; k++) results.push(old[k]);
        break;
      }
      const result = analyseParagraph(paragraph, format, context);
      results.push(result);
      context = result.outgoing;
    }
  }
  return {split, results};
}

/**
 * A session (an editor buffer) needs the findings at every keystroke and the attributions only for a
 * hover or a report: those are placed when first read. The keys keep their usual order.
 */
function lazyResult(
  visible: Finding[],
  gather: () => {attributions: Attribution[]; quotes: Quote[]},
  stats: AnalysisResult['stats'],
  notices: string[],
  failures: ParagraphFailure[] | undefined
): AnalysisResult {
  const result = {findings: visible} as AnalysisResult;
  for (const key of ['attributions', 'quotes'] as const) {
    Object.defineProperty(result, key, {
      enumerable: true,
      configurable: true,
      get: () => gather()[key],
      set: (value) => Object.defineProperty(result, key, {value, enumerable: true, configurable: true, writable: true})
    });
  }
  result.stats = stats;
  result.notices = notices;
  if (failures) result.failures = failures;
  return result;
}

export function analyze(text: string, options: EngineOptions = {}): AnalysisResult {
  return createAnalyzer(options).analyze(text, options.format);
}

/**
 * Where two texts differ: the common prefix and suffix, found by comparing ever longer and then ever
 * shorter slices (a few dozen string comparisons, each a memory compare) rather than character by
 * character. Null when the texts are equal.
 */
export function changedRange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  const prefix = common(limit, (at, size) => before.slice(at, at + size) === after.slice(at, at + size));
  const suffix = common(
    limit - prefix,
    (at, size) => before.slice(before.length - at - size, before.length - at) === after.slice(after.length - at - size, after.length - at)
  );
  return {start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix};
}

/** The largest n <= limit such that same(0, n) holds, by galloping then halving. */
function common(limit: number, same: (at: number, size: number) => boolean): number {
  let at = 0;
  let size = 256;
  while (at + size <= limit && same(at, size)) {
    at += size;
    size *= 2;
  }
  while (size > 1) {
    size >>= 1;
    if (at + size <= limit && same(at, size)) at += size;
  }
  return at;
}

function emptyResult(notices: string[]): AnalysisResult {
  return {findings: [], attributions: [], quotes: [], stats: {words: 0, paragraphs: 0, sentences: 0}, notices};
}

/** Documents that are too large or are not text are declined with a reason, never half-checked. */
function declineReason(text: string, maxLength: number): string | null {
  if (text.length > maxLength) {
    return `Not checked: the document has ${text.length.toLocaleString('en-US')} characters, over the limit of ${maxLength.toLocaleString('en-US')} (setting "maxLength")`;
  }
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let control = 0;
  let lineEnds = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return 'Not checked: the file looks binary (it contains NUL bytes)';
    if (code === 10 || code === 13) lineEnds++;
    else if (code < 32 && code !== 9 && code !== 12) control++;
  }
  // Line ends do not count either way, so CRLF and LF copies of a file are judged alike.
  const counted = sample.length - lineEnds;
  if (counted > 0 && control / counted > 0.1) return 'Not checked: the file looks binary (many control characters)';
  return null;
}

/**
 * One paragraph, isolated: whatever goes wrong inside (a bug, a stack overflow) costs that paragraph
 * only. It gets no findings and a failure the CLI and the server report; the context carried in goes
 * on to the next paragraph unchanged, and the result is cached like any other, so a session does not
 * fail again at every keystroke elsewhere.
 */
function checkParagraph(
  paragraph: RawParagraph,
  format: DocumentFormat,
  incoming: CarriedContext,
  lexicon: Lexicon,
  enabled: RuleId[],
  strict: boolean
): ParagraphResult {
  try {
    runFaultHook(paragraph.text);
    return computeParagraph(paragraph, format, incoming, lexicon, enabled, strict);
  } catch (error) {
    const failure = describeFailure(error);
    return {used: 0, findings: [], attributions: [], quotes: [], outgoing: incoming, words: 0, sentences: 0, failure};
  }
}

/** A failed paragraph's range in the document, with what went wrong. */
function placeFailure(failure: {message: string; error: string}, paragraph: RawParagraph): ParagraphFailure {
  return {start: paragraph.start, end: paragraph.start + paragraph.text.length, ...failure};
}

function computeParagraph(
  paragraph: RawParagraph,
  format: DocumentFormat,
  incoming: CarriedContext,
  lexicon: Lexicon,
  enabled: RuleId[],
  strict: boolean
): ParagraphResult {
  const prose = maskProse(paragraph.text, format);
  const model = buildParagraphModel(prose, incoming, lexicon);
  const findings: RawFinding[] = [];
  for (const id of enabled) {
    for (const finding of RULE_CHECKS[id]({model, lexicon, strict})) findings.push(finding);
  }
  let words = 0;
  for (const sentence of model.sentences) for (const token of sentence.tokens) if (token.kind === 'word') words++;
  return {
    used: 0,
    findings,
    attributions: model.attributions.map((attribution) => publicAttribution(model, attribution, paragraph.text)),
    quotes: model.quotes.map((quote) => ({start: quote.start, end: quote.end, speaker: quote.speaker})),
    outgoing: model.outgoing,
    words,
    sentences: model.sentences.length
  };
}

function publicAttribution(model: ParagraphModel, attribution: LocalAttribution, original: string): Attribution {
  const sentence = model.sentences[attribution.sentence];
  const span = (from: number, to: number): TextSpan => {
    const start = sentence.tokens[from].start;
    const end = sentence.tokens[to - 1].end;
    return {start, end, text: original.slice(start, end)};
  };
  let content: TextSpan | null = null;
  if (attribution.quote) content = {...attribution.quote, text: original.slice(attribution.quote.start, attribution.quote.end)};
  else if (attribution.content && attribution.content.to > attribution.content.from) {
    let from = attribution.content.from;
    let to = attribution.content.to;
    // Trim punctuation at the edges of the content.
    while (from < to && sentence.tokens[from].kind === 'punct') from++;
    while (to > from && sentence.tokens[to - 1].kind === 'punct') to--;
    if (to > from) content = span(from, to);
  }
  return {
    kind: attribution.kind,
    cue: span(attribution.cue.from, attribution.cue.to),
    source: attribution.source ? span(attribution.source.from, attribution.source.to) : null,
    resolvedSource: attribution.resolvedSource,
    content,
    quote: attribution.quote !== null,
    anonymityReason: attribution.anonymityReason,
    position: attribution.position,
    stance: attribution.stance
  };
}

function shiftAttribution(attribution: Attribution, offset: number): Attribution {
  const shift = (span: TextSpan | null) => (span ? {...span, start: span.start + offset, end: span.end + offset} : null);
  return {...attribution, cue: shift(attribution.cue)!, source: shift(attribution.source), content: shift(attribution.content)};
}

function severityFor(ruleId: RuleId, secondary: boolean, setting: RuleSetting | undefined): Severity {
  const own = ruleMeta(ruleId).defaultSeverity;
  if (!setting || setting === 'default' || setting === 'off') return secondary ? 'info' : own;
  if (!secondary) return setting;
  // A configured severity never raises the source's own words above information.
  return SEVERITY_RANK[setting] > SEVERITY_RANK.info ? 'info' : setting;
}

function finalize(
  raw: RawFinding,
  offset: number,
  paragraph: {start: number; end: number},
  paragraphText: string,
  setting: RuleSetting | undefined
): Finding | null {
  if (setting === 'off') return null;
  const start = raw.start + offset;
  const end = raw.end + offset;
  return {
    ruleId: raw.ruleId,
    severity: severityFor(raw.ruleId, raw.secondary, setting),
    message: raw.message,
    start,
    end,
    actual: paragraphText.slice(raw.start, raw.end),
    expected: raw.expected,
    url: ruleDocsUrl(raw.ruleId),
    source: 'whosaid',
    suggestions: raw.suggestions.map((suggestion) => ({
      ...suggestion,
      edits: suggestion.edits.map((edit) => ({...edit, start: edit.start + offset, end: edit.end + offset}))
    })),
    related: raw.related.map((related) => ({...related, start: related.start + offset, end: related.end + offset})),
    paragraph
  };
}

function allowed(actual: string, allow: string[]): boolean {
  if (allow.length === 0) return false;
  const norm = normalizeWord(actual);
  return allow.some((phrase) => {
    if (norm === phrase) return true;
    const at = norm.indexOf(phrase);
    if (at < 0) return false;
    const before = norm[at - 1];
    const after = norm[at + phrase.length];
    // "called" is not "so-called": hyphens and apostrophes join words.
    const joins = /[\p{L}\p{N}'-]/u;
    return (before === undefined || !joins.test(before)) && (after === undefined || !joins.test(after));
  });
}

/** Applies whosaid-disable / -enable / -disable-next-line comments, in document order. */
function applyMarkers(findings: Finding[], markers: ControlMarker[], paragraphs: RawParagraph[]): Finding[] {
  const ordered = [...markers].sort((a, b) => a.start - b.start);
  // For each rule: ranges where it is disabled.
  const disabled = new Map<RuleId | '*', {start: number; end: number}[]>();
  const open = new Map<RuleId | '*', number>();
  const add = (rule: RuleId | '*', start: number, end: number) => {
    const list = disabled.get(rule) ?? [];
    list.push({start, end});
    disabled.set(rule, list);
  };
  for (const marker of ordered) {
    const rules: (RuleId | '*')[] = marker.rules ?? ['*'];
    if (marker.verb === 'disable-next-line') {
      const next = paragraphs.find((paragraph) => paragraph.start >= marker.end);
      if (next) for (const rule of rules) add(rule, next.start, next.start + next.text.length);
    } else if (marker.verb === 'disable') {
      for (const rule of rules) if (!open.has(rule)) open.set(rule, marker.end);
    } else {
      const closing = marker.rules === null ? [...open.keys()] : rules;
      for (const rule of closing) {
        const start = open.get(rule);
        if (start !== undefined) add(rule, start, marker.start);
        open.delete(rule);
      }
    }
  }
  for (const [rule, start] of open) add(rule, start, Infinity);
  const isDisabled = (finding: Finding) =>
    [finding.ruleId, '*'].some((rule) =>
      (disabled.get(rule as RuleId | '*') ?? []).some((range) => finding.start >= range.start && finding.start < range.end)
    );
  return findings.filter((finding) => !isDisabled(finding));
}
