// Runs one tool on one file in its own process, so its peak RSS is its own.
// Usage: node bench/lib/child.mjs TOOL FILE FORMAT WARMUP_FILE
// Prints one JSON line: {ms (fastest wall time), medianMs, cpuMs (least CPU time), runs, messages, maxRssMB, details}.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {TOOLS} from './tools.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [toolName, file, format, warmupFile] = process.argv.slice(2);
const tool = TOOLS[toolName];
if (!tool) throw new Error(`unknown tool ${toolName}`);

const text = readFileSync(file, 'utf8');
const warm = readFileSync(warmupFile, 'utf8');
const run = await tool.load(repoRoot);

// Warm-up: let the JIT see the code paths on a small text first.
const warmStart = performance.now();
for (let i = 0; i < 5 && performance.now() - warmStart < 3000; i++) run(warm, format);

// Timed runs: many on small texts (2 s budget), at least three under a million characters; above,
// up to five within 20 s (one for a tool that takes longer).
const times = [];
const cpuTimes = []; // user + system CPU of the whole process (all threads) during the run
let messages = 0;
let firstRss = null;
const big = text.length >= 1_000_000;
const budgetMs = big ? 20_000 : 2000;
const maxRuns = text.length < 100_000 ? 30 : 5;
const minRuns = big ? 1 : 3;
const started = performance.now();
do {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  messages = run(text, format);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
  // Peak RSS up to the end of the first timed run: one document's worth (later runs may only add
  // garbage the collector has not yet returned).
  firstRss ??= process.resourceUsage().maxRSS / 1024;
} while (
  times.length < minRuns ||
  // Another run only if it fits in the budget, judging by the runs so far.
  (times.length < maxRuns && performance.now() - started + Math.min(...times) < budgetMs)
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
// The fastest run is reported: on a shared machine other work only ever adds time. The median is kept too.
const medianMs = median(times);
const ms = Math.min(...times);
const cpuMs = Math.min(...cpuTimes);
times.sort((a, b) => a - b);
const maxRssMB = firstRss;
const maxRssAllMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({ms, medianMs, cpuMs, runs: times.length, messages, maxRssMB, maxRssAllMB, details: run.details?.() ?? null}) + '\n'
);
