#!/usr/bin/env node
// Profiles the whosaid engine with `node --cpu-prof` on the 100k-word benchmark text and prints the hot
// spots: self time and total (inclusive) time per function, and self time per source module (mapped
// back from the esbuild bundle through its `// path` module markers).
//
// Usage: node bench/profile.mjs [--words=100000] [--format=markdown] [--top=25] [--scaling] [--keep] [--tool=whosaid]
//   --tool     profile another tool of bench/lib/tools.mjs instead (e.g. retext-intensify)
//   --scaling  also time the engine at 100k, 200k, 400k and 800k words to look for superlinear growth
//   --keep     keep the .cpuprofile (its path is printed; open it in Chrome DevTools or speedscope)
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadSource, buildText} from './lib/corpus.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const words = Number(opt('words', '100000'));
const format = opt('format', 'plaintext') === 'markdown' ? 'markdown' : 'plaintext';
const top = Number(opt('top', '25'));
const keep = args.includes('--keep');
const tool = opt('tool', 'whosaid');

if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: repoRoot, encoding: 'utf8'});
  if (b.status !== 0) process.stderr.write(`build failed; using dist/ as it is\n${b.stderr}`);
}
const bundle = join(repoRoot, 'dist', 'engine.js');
if (!existsSync(bundle)) throw new Error('dist/engine.js missing');

const corpus = loadSource(repoRoot);
const work = mkdtempSync(join(tmpdir(), 'whosaid-profile-'));
if (!keep) process.on('exit', () => rmSync(work, {recursive: true, force: true}));
const ext = format === 'markdown' ? '.md' : '.txt';
const textFile = join(work, `text${ext}`);
const warmFile = join(work, `warm${ext}`);
writeFileSync(textFile, buildText(corpus, words, {markdown: format === 'markdown'}).text);
writeFileSync(warmFile, buildText(corpus, 1000, {markdown: format === 'markdown'}).text);

const child = join(repoRoot, 'bench', 'lib', 'child.mjs');
const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${work}`, '--cpu-prof-interval=250', child, tool, textFile, format, warmFile], {
  cwd: repoRoot,
  encoding: 'utf8'
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const measured = JSON.parse(run.stdout.trim().split('\n').pop());
const profFile = join(work, readdirSync(work).find((f) => f.endsWith('.cpuprofile')));
const profile = JSON.parse(readFileSync(profFile, 'utf8'));

// Module markers in the bundle: esbuild writes `// path/to/module.ts` before each module's code.
const bundleLines = readFileSync(bundle, 'utf8').split('\n');
const markers = [];
bundleLines.forEach((line, i) => {
  const m = /^\/\/ ((?:node_modules|server|client|src)\/\S+)$/.exec(line);
  if (m) markers.push({line: i, module: m[1]});
});
const moduleAt = (line) => {
  let lo = 0;
  let hi = markers.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].line <= line) {
      found = markers[mid].module;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? 'dist/engine.js';
};

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n) => {
  const f = n.callFrame;
  if (!f.url) return `${f.functionName || '(anonymous)'} [native]`;
  const file = f.url.replace(/^file:\/\//, '');
  const where = file === bundle ? moduleAt(f.lineNumber) : relative(repoRoot, file);
  return `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
};
const moduleOf = (n) => {
  const f = n.callFrame;
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native/builtin)';
  const file = f.url.replace(/^file:\/\//, '');
  if (file === bundle) return moduleAt(f.lineNumber).replace(/^node_modules\/([^/@]+|@[^/]+\/[^/]+)\/.*$/, 'node_modules/$1');
  return file.startsWith('node:') ? '(node internals)' : relative(repoRoot, file);
};

// Only samples inside the analysis count: stacks that pass through the tool's run() in tools.mjs.
const selfMs = new Map();
const totalMs = new Map();
const modMs = new Map();
let engineMs = 0;
let allMs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // time until the next sample
  allMs += dt;
  const leaf = byId.get(profile.samples[i]);
  const stack = [];
  for (let id = leaf.id; id !== undefined; id = parent.get(id)) stack.push(byId.get(id));
  if (!stack.some((n) => n.callFrame.url.endsWith('bench/lib/tools.mjs'))) continue;
  engineMs += dt;
  const k = keyOf(leaf);
  selfMs.set(k, (selfMs.get(k) ?? 0) + dt);
  const m = moduleOf(leaf);
  modMs.set(m, (modMs.get(m) ?? 0) + dt);
  for (const k2 of new Set(stack.map(keyOf))) totalMs.set(k2, (totalMs.get(k2) ?? 0) + dt);
}

const pct = (ms) => `${((100 * ms) / engineMs).toFixed(1)}%`;
const print = (title, map, n) => {
  console.log(`\n${title}`);
  console.log('| % | ms | function / module |\n| ---: | ---: | --- |');
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`| ${pct(ms)} | ${ms.toFixed(0)} | ${k} |`);
};
console.log(`${tool}, ${words.toLocaleString('en-US')}-word ${format} text: median ${measured.ms.toFixed(0)} ms over ${measured.runs} runs (profiled, so slower than the benchmark)`);
console.log(`Samples inside analysis calls: ${engineMs.toFixed(0)} ms of ${allMs.toFixed(0)} ms profiled (the rest: start-up, loading, reading files).`);
print('Self time by source module (% of time inside analysis calls):', modMs, 20);
print(`Top ${top} functions by self time:`, selfMs, top);
print(`Top ${top} functions by total (inclusive) time:`, totalMs, top);
if (keep) console.log(`\nProfile kept: ${profFile}`);

if (args.includes('--scaling')) {
  console.log('\nScaling (one process per size, median of runs):\n| words | ms | words/s | words/s relative to the first |\n| ---: | ---: | ---: | ---: |');
  let base = null;
  for (const n of [100_000, 200_000, 400_000, 800_000]) {
    const f = join(work, `scale-${n}${ext}`);
    const t = buildText(corpus, n, {markdown: format === 'markdown'});
    writeFileSync(f, t.text);
    const r = spawnSync(process.execPath, [child, tool, f, format, warmFile], {cwd: repoRoot, encoding: 'utf8'});
    if (r.status !== 0) {
      console.log(`| ${n} | failed | | |`);
      continue;
    }
    const {ms} = JSON.parse(r.stdout.trim().split('\n').pop());
    const wps = t.words / (ms / 1000);
    base ??= wps;
    console.log(`| ${n.toLocaleString('en-US')} | ${ms.toFixed(0)} | ${Math.round(wps).toLocaleString('en-US')} | ${((100 * wps) / base).toFixed(0)}% |`);
  }
}
