// The engine's side of typing, without the language server: one analyzer, the whole draft analysed
// once, then one character typed in a different paragraph per edit and the whole text analysed again
// (the paragraph cache should make that cheap). Run as a child process by run.mjs and profile.mjs.
// Usage: node bench/lib/incremental.mjs FILE FORMAT [EDITS]
// Prints one JSON line: {firstMs, unchangedMs, latencies: {p50, p95, p99, max}, lastRun, maxRssMB}.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';

const require = createRequire(import.meta.url);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [file, format = 'markdown', editsArg = '200'] = process.argv.slice(2);
const edits = Number(editsArg);
const engine = require(process.env.WHOSAID_BENCH_ENGINE || join(repoRoot, 'dist', 'engine.js'));

let text = readFileSync(file, 'utf8');
const analyzer = engine.createAnalyzer({format, maxLength: Number.MAX_SAFE_INTEGER});
let t0 = performance.now();
analyzer.analyze(text, format);
const firstMs = performance.now() - t0;
t0 = performance.now();
analyzer.analyze(text, format);
const unchangedMs = performance.now() - t0;
const unchangedRun = analyzer.lastRun();

const lines = text.split('\n');
const paragraphLines = [];
lines.forEach((line, i) => {
  if (line.includes(' ') && !line.startsWith('#')) paragraphLines.push(i);
});
const times = [];
let analysed = 0;
for (let k = 0; k < edits; k++) {
  const line = paragraphLines[Math.floor(((k + 0.5) * paragraphLines.length) / edits)];
  const s = lines[line];
  let col = s.indexOf(' ', s.length >> 1);
  if (col < 0) col = s.length;
  lines[line] = s.slice(0, col) + 's' + s.slice(col);
  text = lines.join('\n'); // not timed: an editor holds the new text already
  const start = performance.now();
  analyzer.analyze(text, format);
  times.push(performance.now() - start);
  analysed += analyzer.lastRun().analysed;
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length, Math.max(1, Math.ceil((p / 100) * times.length))) - 1];
process.stdout.write(
  JSON.stringify({
    firstMs,
    unchangedMs,
    unchangedRun,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: times[times.length - 1],
    analysedPerEdit: analysed / edits,
    maxRssMB: process.resourceUsage().maxRSS / 1024
  }) + '\n'
);
