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

// Timed runs: many on small texts (2 s budget), at least three under a million characters, one above.
const times = [];
const cpuTimes = []; // user + system CPU of the whole process (all threads) during the run
let messages = 0;
const budgetMs = 2000;
const maxRuns = text.length < 100_000 ? 30 : text.length < 1_000_000 ? 5 : 1;
const minRuns = text.length < 1_000_000 ? 3 : 1;
const started = performance.now();
do {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  messages = run(text, format);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
} while (times.length < minRuns || (times.length < maxRuns && performance.now() - started < budgetMs));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
// The fastest run is reported: on a shared machine other work only ever adds time. The median is kept too.
const medianMs = median(times);
const ms = Math.min(...times);
const cpuMs = Math.min(...cpuTimes);
times.sort((a, b) => a - b);
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ms, medianMs, cpuMs, runs: times.length, messages, maxRssMB, details: run.details?.() ?? null}) + '\n');
