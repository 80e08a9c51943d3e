// The long run of the grammar fuzzer (`npm run fuzz`; scripts/fuzz.mjs bundles this file and calls
// main). Prints cases per second, every bug with the spec that regenerates it, and the slowest inputs
// against ordinary news of the same size. Exit 1 when it found a bug, 0 otherwise.
import {analyze as ownAnalyze} from '../../server/src/analysis/engine';
import {FLOOR_MS, NewsControl, newsSource, runCase, SLOWDOWN_LIMIT, specLine, type AnalyzeFn, type CaseOutcome} from './fuzz-core';
import {LEXICON_WORDS, randomSpec, SHAPES, type CaseSpec} from './grammar';

interface Args {
  seconds: number;
  cases: number;
  seed: number;
  minSize: number;
  maxSize: number;
  /** Full-size cases first: each shape at maxSize (1 MiB paragraphs, a 10,000-paragraph document). */
  big: number;
  engine: string | null;
  top: number;
}

function parse(argv: string[]): Args {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number (got "${raw}")`);
    return parsed;
  };
  return {
    seconds: number('seconds', 120),
    cases: number('cases', Infinity),
    seed: number('seed', Date.now() % 1_000_000_000),
    minSize: number('min-size', 32),
    maxSize: number('max-size', 65_536),
    big: number('big', 0),
    engine: value('engine') ?? null,
    top: number('top', 10)
  };
}

export function main(argv: string[]): number {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n`);
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const analyze: AnalyzeFn = args.engine ? (require(args.engine) as {analyze: AnalyzeFn}).analyze : ownAnalyze;
  const control = new NewsControl(analyze);
  analyze('Warm-up: the minister said the plan would work.', {format: 'plaintext'});
  process.stdout.write(
    `grammar fuzzer: ${LEXICON_WORDS.toLocaleString('en-US')} lexicon patterns, shapes ${SHAPES.join(', ')}\n` +
      `engine: ${args.engine ?? 'server/src/analysis (this checkout)'}; news control: ${newsSource().from}\n` +
      `seed ${args.seed}, sizes ${args.minSize}-${args.maxSize} characters, ${Number.isFinite(args.cases) ? `${args.cases} cases` : `${args.seconds} s`}` +
      `${args.big ? `, ${args.big} full-size round(s) first` : ''}; a bug: a throw, an unchecked paragraph, an invalid result, or over ${SLOWDOWN_LIMIT}x news (and over ${FLOOR_MS} ms)\n\n`
  );

  const outcomes: CaseOutcome[] = [];
  const bugs: CaseOutcome[] = [];
  const markdownParse: CaseOutcome[] = [];
  const started = Date.now();
  let characters = 0;
  const record = (spec: CaseSpec) => {
    const outcome = runCase(analyze, control, spec);
    characters += outcome.generated.text.length;
    if (outcome.markdownParse) {
      markdownParse.push({...outcome, generated: {...outcome.generated, text: ''}});
      process.stdout.write(
        `markdown parse (open finding) ${specLine(spec)} ${outcome.generated.description.slice(0, 60)}: ${outcome.markdownParse}\n`
      );
    }
    if (outcome.ms >= FLOOR_MS || outcome.bug) outcomes.push(outcome);
    if (outcome.bug) {
      bugs.push(outcome);
      process.stdout.write(`BUG ${specLine(spec)} ${outcome.generated.description.slice(0, 80)}: ${outcome.bug}\n`);
    }
    // Keep the memory flat on long runs: only the slowest cases (over the floor) are kept.
    if (outcomes.length > 4 * args.top) {
      outcomes.sort((a, b) => b.ratio - a.ratio);
      outcomes.length = 2 * args.top;
    }
  };

  for (let round = 0; round < args.big; round++) {
    for (const shape of SHAPES) {
      if (shape === 'sentence') continue;
      record({seed: args.seed + 1_000_000 + round * 10 + SHAPES.indexOf(shape), shape, size: args.maxSize});
    }
  }
  let count = 0;
  const deadline = started + args.seconds * 1000;
  for (let seed = args.seed; count < args.cases && (Number.isFinite(args.cases) || Date.now() < deadline); seed++, count++) {
    record(randomSpec(seed, args.minSize, args.maxSize));
  }

  const seconds = (Date.now() - started) / 1000;
  const total = count + args.big * (SHAPES.length - 1);
  outcomes.sort((a, b) => b.ratio - a.ratio);
  const lines = [
    '',
    `${total.toLocaleString('en-US')} cases in ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(1)} cases/s, ${(characters / 1e6).toFixed(1)} M characters (${(characters / 1e6 / seconds).toFixed(2)} M/s)`,
    `bugs: ${bugs.length}`,
    `slow only as Markdown (micromark's parse; fine as plain text, an open finding): ${markdownParse.length}`,
    '',
    `slowest against news of the same size, of the cases over ${FLOOR_MS} ms (case ms / news ms):`,
    ...outcomes
      .slice(0, args.top)
      .map(
        (o) =>
          `  ${o.ratio.toFixed(2)}x  ${o.ms.toFixed(0).padStart(6)} / ${o.newsMs.toFixed(0).padStart(5)} ms  ${o.generated.format.padEnd(9)} ${specLine(o.spec)}  ${o.generated.description.slice(0, 70)}`
      ),
    ''
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return bugs.length > 0 ? 1 : 0;
}
