// The grammar fuzzer's measuring loop, shared by the seeded slice in `npm test` (fuzz.test.ts) and the
// long run (`npm run fuzz`, scripts/fuzz.mjs). A case is a bug when analysing it throws, leaves a
// paragraph unchecked, breaks a result invariant, or takes more than 3x the time of ordinary news of
// the same size and format, measured in the same run.
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {AnalysisResult, DocumentFormat, EngineOptions} from '../../server/src/analysis/types';
import {checkResult} from './check-result';
import {generate, type CaseSpec, type GeneratedCase} from './grammar';

export type AnalyzeFn = (text: string, options: EngineOptions) => AnalysisResult;

/** Set by scripts/fuzz.mjs, whose bundle runs from a temporary folder (its own __dirname holds the model). */
declare const WHOSAID_CHECKOUT: string | undefined;
const ROOT = typeof WHOSAID_CHECKOUT === 'string' ? WHOSAID_CHECKOUT : resolve(__dirname, '..', '..');
export const BBC = resolve(ROOT, '..', 'shared', 'corpus', 'bbc-news.jsonl');

/** How much slower than ordinary news of the same size a case may be. */
export const SLOWDOWN_LIMIT = 3;
/**
 * Below this many milliseconds (about 64 KB of news) a case is never called slow: at that scale the
 * JIT, garbage collection and fixed costs per call decide the time more than the input's size does
 * (micromark, which parses each paragraph with Markdown constructs, costs about 0.2 ms a paragraph
 * however short; docs/reliability.md has the figures).
 */
export const FLOOR_MS = 50;

let newsCache: string | null = null;

/**
 * Ordinary news to compare with: the BBC articles in ../shared when present (read, never copied into
 * the repository), else the project's own example drafts and clean fixture sentences, repeated.
 */
export function newsSource(): {text: string; from: string} {
  if (newsCache === null) {
    if (existsSync(BBC)) {
      const parts: string[] = [];
      let length = 0;
      for (const line of readFileSync(BBC, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const text = (JSON.parse(line) as {text: string}).text.replace(/\r/g, '');
        parts.push(text);
        length += text.length + 2;
        if (length > 2_200_000) break;
      }
      newsCache = parts.join('\n\n');
    } else {
      const own = [join(ROOT, 'examples', 'wire-draft.md'), join(ROOT, 'examples', 'clean-brief.txt')].map((path) =>
        readFileSync(path, 'utf8')
      );
      const clean = readFileSync(join(ROOT, 'test', 'fixtures', 'news', 'clean.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as {text: string}).text);
      newsCache = [...own, clean.join(' ')].join('\n\n');
    }
  }
  return {
    text: newsCache,
    from: existsSync(BBC) ? 'BBC News articles (../shared/corpus)' : "the project's example drafts and clean fixtures"
  };
}

/**
 * `size` characters of ordinary news. Beyond the source, each repeat shuffles its sentences into new
 * paragraphs of three: the engine caches paragraphs it has seen, so a verbatim repeat would be served
 * from the cache and make a news baseline no baseline (without ../shared the source is 13 KB, and 750 KB
 * of it read 17 times faster than the BBC's text).
 */
export function newsOfSize(size: number): string {
  const {text} = newsSource();
  if (size <= text.length) return text.slice(0, size);
  const sentences = text.split(/(?<=[.!?]["\u201d\u2019]?)\s+(?=["\u201c\u2018]?[A-Z])/);
  const parts = [text];
  let length = text.length;
  for (let seed = 1; length < size; seed++) {
    const order = shuffled(sentences, seed);
    for (let i = 0; i < order.length && length < size; i += 3) {
      const paragraph = order.slice(i, i + 3).join(' ');
      parts.push(paragraph);
      length += paragraph.length + 2;
    }
  }
  return parts.join('\n\n').slice(0, size);
}

/** A copy of `list` in an order fixed by `seed` (Fisher-Yates with a linear congruential generator). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = list.slice();
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU milliseconds of one call. */
export function cpuTime(fn: () => void): number {
  const start = cpuMs();
  fn();
  return cpuMs() - start;
}

/** Best of `trials` for each of two inputs, measured alternately so load on the machine hits both. */
export function bestOfPair(a: () => void, b: () => void, trials: number): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < trials; i++) {
    bestA = Math.min(bestA, cpuTime(a));
    bestB = Math.min(bestB, cpuTime(b));
  }
  return [bestA, bestB];
}

/**
 * The time of ordinary news, per size bucket (powers of two) and format, measured once (best of 3)
 * and scaled linearly within the bucket.
 */
export class NewsControl {
  private readonly buckets = new Map<string, number>();
  constructor(private readonly analyze: AnalyzeFn) {}

  timeFor(size: number, format: 'plaintext' | 'markdown'): number {
    const bucket = Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(1, size))));
    const key = `${format}:${bucket}`;
    let ms = this.buckets.get(key);
    if (ms === undefined) {
      const text = newsOfSize(bucket);
      this.analyze(text, {format});
      ms = Infinity;
      for (let i = 0; i < 3; i++)
        ms = Math.min(
          ms,
          cpuTime(() => this.analyze(text, {format}))
        );
      this.buckets.set(key, ms);
    }
    return (ms * size) / bucket;
  }
}

export interface CaseOutcome {
  spec: CaseSpec;
  generated: GeneratedCase;
  ms: number;
  /** The same size and format of ordinary news. */
  newsMs: number;
  ratio: number;
  /** Why the case is a bug, or null. */
  bug: string | null;
  /**
   * A slow Markdown case that is within the limit as plain text: the time goes to micromark's parse of
   * paragraphs dense with Markdown constructs (a link or emphasis on every short line), an open finding
   * (docs/reliability.md), reported apart from bugs.
   */
  markdownParse: string | null;
}

/** Runs one case: generate, analyse, check the result, compare the time with news. */
export function runCase(analyze: AnalyzeFn, control: NewsControl, spec: CaseSpec): CaseOutcome {
  const generated = generate(spec);
  const {text, format} = generated;
  let result: AnalysisResult | null = null;
  let bug: string | null = null;
  let ms = 0;
  try {
    ms = cpuTime(() => {
      result = analyze(text, {format});
    });
  } catch (error) {
    bug = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const checked = result as AnalysisResult | null;
  if (checked) {
    if (checked.failures) bug = `a paragraph could not be checked: ${checked.failures[0].message}`;
    else {
      try {
        checkResult(text, checked);
      } catch (error) {
        bug = `invalid result: ${(error as Error).message.slice(0, 300)}`;
      }
    }
  }
  let newsMs = control.timeFor(text.length, format);
  let ratio = ms / Math.max(newsMs, 0.001);
  if (!bug && ms > FLOOR_MS && ratio > SLOWDOWN_LIMIT) {
    // Confirm against the same size of news, alternately, best of 5, once more on a miss (as the
    // hostile-draft tests do). News has run all along and the case once, and the first few runs of a
    // text read up to 4x its settled time, so each is run twice first: a many-paragraph document read
    // 4.6x in its first best of 5 and 2x settled.
    const news = newsOfSize(text.length);
    const analyseCase = () => analyze(text, {format});
    const analyseNews = () => analyze(news, {format});
    bestOfPair(analyseCase, analyseNews, 2);
    for (let attempt = 0; attempt < 2 && (attempt === 0 || ratio > SLOWDOWN_LIMIT); attempt++) {
      const [caseMs, settledNewsMs] = bestOfPair(analyseCase, analyseNews, 5);
      if (attempt === 0 || caseMs / Math.max(settledNewsMs, 0.001) < ratio) [ms, newsMs] = [caseMs, settledNewsMs];
      ratio = ms / Math.max(newsMs, 0.001);
    }
    if (ms > FLOOR_MS && ratio > SLOWDOWN_LIMIT)
      bug = `slow: ${ms.toFixed(0)} ms, ${ratio.toFixed(1)}x news of the same size (${newsMs.toFixed(0)} ms)`;
  }
  let markdownParse: string | null = null;
  if (bug?.startsWith('slow') && format === 'markdown') {
    const [plainMs] = bestOfPair(
      () => analyze(text, {format: 'plaintext'}),
      () => undefined,
      3
    );
    if (plainMs / Math.max(newsMs, 0.001) <= SLOWDOWN_LIMIT) {
      markdownParse = `${bug}; as plain text ${plainMs.toFixed(0)} ms (${(plainMs / Math.max(newsMs, 0.001)).toFixed(1)}x)`;
      bug = null;
    }
  }
  return {spec, generated, ms, newsMs, ratio, bug, markdownParse};
}

/** A spec as a line a person can paste into a regression test. */
export function specLine(spec: CaseSpec): string {
  return `{seed: ${spec.seed}, shape: '${spec.shape}', size: ${spec.size}}`;
}

/** `unit` repeated and cut to `size` characters. */
export function repeated(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/**
 * Inputs the grammar fuzzer found, reduced by hand to the unit repeated, with the time before the fix
 * (same machine, CPU time, against news of the same size).
 */
export const FOUND: {unit: string; size: number; format: DocumentFormat; before: string}[] = [
  {unit: 'No. 5 ', size: 65_536, format: 'plaintext', before: '4.8 s, 48x (256 KB: 92 s, 273x): every "No." join copied the sentence'},
  {unit: 'U.S.. ', size: 262_144, format: 'plaintext', before: "4.7 s, 19x: retext-english's splices over one long paragraph"},
  {unit: 'U.S. who ', size: 262_144, format: 'plaintext', before: '5.0 s, 18x: the same, in one sentence'},
  {unit: '1,000 ', size: 262_144, format: 'plaintext', before: '1.0 s, 4.3x: mergeThousands spliced once a figure'},
  {
    unit: '! who asked not to be named \u00bb ',
    size: 65_536,
    format: 'plaintext',
    before: '0.79 s, 8.6x: anonymous-source tested every flagged range'
  },
  {unit: 'unnamed officials familiar with the matter said ', size: 65_536, format: 'plaintext', before: '0.67 s, 8.9x: the same'},
  {
    unit: 'may ',
    size: 262_144,
    format: 'plaintext',
    before: '0.6 s, 3.1 to 4.9x (216 KB): hedge walked back over every modal before each to find its subject'
  },
  {
    unit: '1,000 by Person [tk: figure].\n',
    size: 262_144,
    format: 'markdown',
    before: "1.4 s, 6.3x (64 KB: 2.2x): micromark's resolvers over one long paragraph"
  }
];
