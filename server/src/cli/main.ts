// whosaid: the command line. Checks drafts and prints findings as text, JSON, SARIF or GitHub Actions
// annotations; `whosaid sources` lists every attribution instead.
// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, input or config error.
import {existsSync, readFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {createAnalyzer, resolveOptions, setDocsBase, type Analyzer, type Severity} from '../analysis';
import {findConfigFile, formatConfigError, readConfigFile} from '../node/config-files';
import {collectFiles, displayPath, formatOf, InputError} from './files';
import {toJsonReport, type JsonFileReport} from './report';
import {formatGithub} from './reporters/github';
import {formatSarif} from './reporters/sarif';
import {formatText} from './reporters/text';
import {formatSourceList, sourceList, SOURCE_LIST_FORMATS, type FileSourceList, type SourceListFormat} from '../sources/list';

const VERSION = '0.1.0';
/** Marks the worker threads' copy of this module; the main thread never loads node:worker_threads for one file. */
const WORKER_FLAG = '--whosaid-worker-thread';
/** Files handed to a worker ahead of its results. */
const WORKER_QUEUE = 3;
const SEVERITY_RANK: Record<string, number> = {hint: 0, info: 1, warning: 2, error: 3, none: 99};

const FORMATS = ['text', 'json', 'sarif', 'github'];
/** Subcommands; without one, whosaid checks the drafts given. */
const COMMANDS = ['sources'];

const HELP = `Usage: whosaid [options] [paths...]
       whosaid sources [--format markdown|csv|json] [paths...]

Checks news drafts for weak sourcing: anonymous and vague sources, unattributed
claims, hedges, editorializing, unsourced statistics, quotes without a speaker.

Paths may be files or folders (searched for .md, .markdown and .txt drafts);
"-" or no path with piped input reads standard input.

Commands:
  sources                      list every attribution in the drafts (see whosaid sources --help)

Options:
  --format <text|json|sarif|github>
                               output format (default: text); github prints GitHub
                               Actions annotations (::warning file=...,line=...::message)
  --attributions               add the attribution model's output to JSON
  --config <file>              use this config instead of the nearest .whosaidrc.json
  --fail-on <severity>         exit 1 on findings at or above: error, warning, info, hint, none
                               (default: warning)
  --quiet                      report only findings at or above --fail-on
  --stdin-filename <name>      name (and format, by extension) for standard input
  --jobs <n>                   worker threads for many files (default: automatic)
  --no-color                   plain text output
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, input or config error.
`;

const SOURCES_HELP = `Usage: whosaid sources [options] [paths...]

Lists every attribution whosaid's model finds in each draft, in reading order:
line, source as written, who it resolves to (pronouns, "the official"), kind
(named, institutional, document, media, anonymous, vague), cue, what it is cited
for (shortened), direct quote or not, anonymity reason, position, and whether it
is a stance taken rather than information given.

Options:
  --format <markdown|csv|json> output format (default: markdown, a table a file);
                               csv has a header row and RFC 4180 quoting;
                               json is an array with one object a file
  --bom                        start CSV with a byte-order mark, so Excel reads
                               it as UTF-8 (curly quotes and accents intact)
  --config <file>              use this config instead of the nearest .whosaidrc.json
  --stdin-filename <name>      name (and format, by extension) for standard input
  --jobs <n>                   worker threads for many files (default: automatic)
  -h, --help                   show this help

Exit codes: 0 listed, 2 usage, input or config error.
`;

class UsageError extends Error {}

interface Job {
  path: string;
  display: string;
  configPath: string | null;
}

/** A file's result: its report, an error, or both (a report with paragraphs whosaid could not check). */
interface Outcome {
  report?: JsonFileReport;
  error?: string;
}

export async function main(argv: string[]): Promise<number> {
  setDocsBase(pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href);
  if (argv[0] === 'sources') return sources(argv.slice(1));
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', default: 'text'},
        attributions: {type: 'boolean', default: false},
        config: {type: 'string'},
        'fail-on': {type: 'string', default: 'warning'},
        quiet: {type: 'boolean', default: false},
        'stdin-filename': {type: 'string'},
        jobs: {type: 'string'},
        'no-color': {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    });
    const {values} = args;
    if (!FORMATS.includes(values.format!)) {
      const hint = (SOURCE_LIST_FORMATS as readonly string[]).includes(values.format!)
        ? ` (${values.format} is a format of "whosaid sources")`
        : '';
      throw new UsageError(`unknown --format "${values.format}"; the formats are ${FORMATS.join(', ')}${hint}`);
    }
    if (!(values['fail-on']! in SEVERITY_RANK))
      throw new UsageError(`--fail-on must be error, warning, info, hint or none (got "${values['fail-on']}")`);
    if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
      throw new UsageError('--jobs must be a whole number from 1 to 999');
    checkCommand(args.positionals);
  } catch (error) {
    process.stderr.write(`whosaid: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const {values, positionals} = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }

  const useStdin = positionals.includes('-') || (positionals.length === 0 && !process.stdin.isTTY);
  if (positionals.length === 0 && !useStdin) {
    process.stderr.write(`whosaid: no files given\n\n${HELP}`);
    return 2;
  }

  const outcomes = await checkInputs(positionals, useStdin, values.config, values['stdin-filename'], values.attributions!, values.jobs);
  if (!outcomes) return 2;

  const failed = outcomes.filter((outcome) => outcome.error);
  for (const outcome of failed) process.stderr.write(`whosaid: ${outcome.error}\n`);
  let reports = outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  const failRank = SEVERITY_RANK[values['fail-on']!];
  if (values.quiet) {
    reports = reports.map((report) => ({...report, messages: report.messages.filter((m) => SEVERITY_RANK[m.severity] >= failRank)}));
  }

  const format = values.format!;
  if (format === 'json') process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else if (format === 'github') process.stdout.write(formatGithub(reports));
  else if (format === 'sarif')
    process.stdout.write(formatSarif(reports, VERSION, (path) => (path === '<stdin>' ? path : pathToFileURL(resolve(path)).href)));
  // With every file failed there is nothing to summarize: the errors on stderr say it all.
  else if (reports.length > 0 || failed.length === 0) {
    const unreported = failed.filter((outcome) => !outcome.report).length;
    process.stdout.write(formatText(reports, !values['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR, unreported));
  }

  if (failed.length > 0) return 2;
  const failing = reports.some((report) => report.messages.some((message) => SEVERITY_RANK[message.severity as Severity] >= failRank));
  return failing ? 1 : 0;
}

/** Checks the paths (and standard input); null after printing a usage or input error. */
async function checkInputs(
  positionals: string[],
  useStdin: boolean,
  config: string | undefined,
  stdinFilename: string | undefined,
  withAttributions: boolean,
  jobCount: string | undefined
): Promise<Outcome[] | null> {
  try {
    const explicitConfig = config ? resolve(config) : null;
    if (explicitConfig) {
      const parsed = readConfigFile(explicitConfig);
      if (!parsed.ok) throw new InputError(parsed.errors.map(formatConfigError).join('\n'));
    }
    const files = collectFiles(positionals.filter((path) => path !== '-'));
    const jobs: Job[] = files.map((path) => ({
      path,
      display: displayPath(path),
      configPath: explicitConfig ?? findConfigFile(dirname(resolve(path)))
    }));
    const outcomes: Outcome[] = [];
    if (useStdin) {
      const name = stdinFilename ?? '<stdin>';
      const text = decode(await readStdin(), name);
      const configPath = explicitConfig ?? findConfigFile(process.cwd());
      outcomes.push(isolated(name, () => checkText(text, name, formatOf(name), configPath, withAttributions)));
    }
    outcomes.push(...(await checkFiles(jobs, withAttributions, jobCount ? Number(jobCount) : undefined)));
    return outcomes;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      process.stderr.write(`whosaid: ${error.message}\n`);
      return null;
    }
    process.stderr.write(`whosaid: internal error: ${describeError(error)}\n`);
    return null;
  }
}

/**
 * A first path that does not exist and looks like a word ("whosaid source x.md") is taken for a
 * mistyped command, and the error names the commands; "./source" still reads a file of that name.
 */
function checkCommand(positionals: string[]): void {
  const first = positionals[0];
  if (first === undefined || first === '-' || !/^[a-z][a-z0-9-]*$/i.test(first) || existsSync(first)) return;
  throw new UsageError(
    `unknown command "${first}" (and no file or folder of that name); the commands are: ${COMMANDS.join(', ')}. Without a command, whosaid checks the drafts given.`
  );
}

/** `whosaid sources`: the source list of each draft as Markdown, CSV or JSON. */
async function sources(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', default: 'markdown'},
        config: {type: 'string'},
        'stdin-filename': {type: 'string'},
        jobs: {type: 'string'},
        bom: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    });
    if (args.values.bom && args.values.format !== 'csv') throw new UsageError('--bom is for --format csv');
    if (!(SOURCE_LIST_FORMATS as readonly string[]).includes(args.values.format!)) {
      throw new UsageError(`unknown --format "${args.values.format}" for sources; the formats are ${SOURCE_LIST_FORMATS.join(', ')}`);
    }
    if (args.values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(args.values.jobs))
      throw new UsageError('--jobs must be a whole number from 1 to 999');
  } catch (error) {
    process.stderr.write(`whosaid sources: ${(error as Error).message}\n\n${SOURCES_HELP}`);
    return 2;
  }
  const {values, positionals} = args;
  if (values.help) {
    process.stdout.write(SOURCES_HELP);
    return 0;
  }
  const useStdin = positionals.includes('-') || (positionals.length === 0 && !process.stdin.isTTY);
  if (positionals.length === 0 && !useStdin) {
    process.stderr.write(`whosaid sources: no files given\n\n${SOURCES_HELP}`);
    return 2;
  }
  const outcomes = await checkInputs(positionals, useStdin, values.config, values['stdin-filename'], true, values.jobs);
  if (!outcomes) return 2;
  let failed = 0;
  const lists: FileSourceList[] = [];
  for (const outcome of outcomes) {
    if (outcome.error) {
      failed++;
      process.stderr.write(`whosaid: ${outcome.error}\n`);
    }
    // A file with paragraphs whosaid could not check has an error and a report: the rest is listed.
    if (outcome.report) {
      // The error line above already names the paragraphs that could not be checked: their notices go
      // in the list only, so stderr says it once.
      for (const notice of outcome.report.notices ?? [])
        if (!(outcome.error && FAILED_PARAGRAPH.test(notice))) process.stderr.write(`whosaid: ${outcome.report.path}: ${notice}\n`);
      const list: FileSourceList = {path: outcome.report.path, sources: sourceList(outcome.report.attributions ?? [])};
      if (outcome.report.notices) list.notices = outcome.report.notices;
      lists.push(list);
    }
  }
  if (lists.length > 0 || failed === 0)
    process.stdout.write((values.bom ? '\ufeff' : '') + formatSourceList(lists, values.format as SourceListFormat));
  return failed > 0 ? 2 : 0;
}

/** The notice of a paragraph whosaid could not check (report.ts writes it). */
const FAILED_PARAGRAPH = /^line \d+: whosaid could not check this paragraph/;

// One analyzer per config file, so paragraphs repeated across drafts (boilerplate) are analysed once.
const analyzers = new Map<string, Analyzer | string>();

function analyzerFor(configPath: string | null): Analyzer | string {
  const key = configPath ?? '';
  const cached = analyzers.get(key);
  if (cached) return cached;
  let value: Analyzer | string;
  if (configPath) {
    const parsed = readConfigFile(configPath);
    value = parsed.ok ? createAnalyzer(resolveOptions(parsed.config)) : parsed.errors.map(formatConfigError).join('\n');
  } else value = createAnalyzer(resolveOptions());
  analyzers.set(key, value);
  return value;
}

function checkText(
  text: string,
  display: string,
  format: 'markdown' | 'plaintext',
  configPath: string | null,
  withAttributions: boolean
): Outcome {
  const analyzer = analyzerFor(configPath);
  if (typeof analyzer === 'string') throw new InputError(analyzer);
  const result = analyzer.analyze(text, format);
  const report = toJsonReport(display, text, result, withAttributions);
  if (!result.failures) return {report};
  // The rest of the file was checked and is reported; the run still exits 2, naming the file.
  const count = result.failures.length;
  const lines = (report.notices ?? []).flatMap((notice) => /^line (\d+): whosaid could not check this paragraph/.exec(notice)?.[1] ?? []);
  const where = lines.length > 5 ? `${lines.slice(0, 5).join(', ')} ...` : lines.join(', ');
  const cause = result.failures[0].message.replace('whosaid could not check this paragraph: ', '');
  return {
    report,
    error: `${display}: could not check ${count} paragraph${count === 1 ? '' : 's'} (line ${where}): ${cause}; the rest of the file was checked`
  };
}

/** A bug in whosaid while checking one file costs that file, with a message naming it and no stack trace. */
function isolated(display: string, check: () => Outcome): Outcome {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) return {error: error.message};
    return {error: `${display}: could not be checked: internal error (${describeError(error)})`};
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

function checkFile(job: Job, withAttributions: boolean): Outcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {error: `${job.display}: cannot read file (${code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))})`};
  }
  let text: string;
  try {
    text = decode(bytes, job.display);
  } catch (error) {
    return {error: (error as Error).message};
  }
  return checkText(text, job.display, formatOf(job.path), job.configPath, withAttributions);
}

function decode(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) return '\u0000';
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text (save the draft as UTF-8)`);
  }
}

function readStdin(): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks)));
    process.stdin.on('error', (error) => reject(new InputError(`standard input: ${error.message}`)));
  });
}

/**
 * Checks files, results in the order given. With more than one thread the main thread checks files
 * too, beside threads - 1 workers: on two cores that is one worker to start, not two.
 */
async function checkFiles(jobs: Job[], withAttributions: boolean, requested?: number): Promise<Outcome[]> {
  const threads = Math.min(requested ?? automaticThreads(jobs), jobs.length);
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from(
    {length: Math.max(0, threads - 1)},
    () =>
      new Promise<void>((resolveWorker, reject) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when files are checked in parallel
        const {Worker} = require('node:worker_threads') as typeof import('node:worker_threads');
        const worker = new Worker(__filename, {workerData: {withAttributions}, argv: [WORKER_FLAG]});
        let inFlight = 0;
        const feed = () => {
          if (next < jobs.length) {
            const index = next++;
            inFlight++;
            worker.postMessage({index, job: jobs[index]});
          } else if (inFlight === 0) {
            void worker.terminate().then(() => resolveWorker());
          }
        };
        worker.on('message', (message: {index: number; outcome: Outcome}) => {
          outcomes[message.index] = message.outcome;
          inFlight--;
          feed();
        });
        worker.on('error', reject);
        // A few files in flight: the worker goes on to the next while the main thread is busy with its own.
        for (let i = 0; i < WORKER_QUEUE; i++) feed();
      })
  );
  while (next < jobs.length) {
    const index = next++;
    outcomes[index] = checkFileHere(jobs[index], withAttributions);
    // Let the workers' results in, so they are fed again before the next file here.
    if (workers.length > 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  await Promise.all(workers);
  return outcomes;
}

function checkFileHere(job: Job, withAttributions: boolean): Outcome {
  return isolated(job.display, () => checkFile(job, withAttributions));
}

function automaticThreads(jobs: Job[]): number {
  // Starting a worker costs tens of milliseconds: worth it only for many drafts.
  if (jobs.length < 8) return 1;
  // One core is left to V8's garbage collector and compiler threads, which one busy thread already keeps
  // occupied: on two cores a second thread made a folder slower (bench: 0.9x), as in Jest's default.
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

if (process.argv.includes(WORKER_FLAG)) startWorker();

function startWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when files are checked in parallel
  const {isMainThread, parentPort, workerData} = require('node:worker_threads') as typeof import('node:worker_threads');
  if (isMainThread || !parentPort || !workerData || typeof workerData !== 'object' || !('withAttributions' in workerData)) return;
  setDocsBase(pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href);
  const port = parentPort;
  port.on('message', ({index, job}: {index: number; job: Job}) => {
    const withAttributions = (workerData as {withAttributions: boolean}).withAttributions;
    port.postMessage({index, outcome: isolated(job.display, () => checkFile(job, withAttributions))});
  });
}
