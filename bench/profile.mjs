#!/usr/bin/env node
// Profiles the whosaid engine with `node --cpu-prof` on the 100k-word benchmark text and prints the hot
// spots: self and total (inclusive) time per function, and self time per source module. The engine is
// bundled afresh with a source map for this, so functions are named with their TypeScript file and line.
// One-off set-up (loading the bundle, building the lexicon in the first createAnalyzer) is reported apart.
//
// Usage: node bench/profile.mjs [--words=100000] [--format=markdown] [--top=25] [--scaling] [--keep] [--tool=NAME]
//   --scaling  also time the engine at 100k, 200k, 400k and 800k words to look for superlinear growth
//   --keep     keep the .cpuprofile (its path is printed; open it in Chrome DevTools or speedscope)
//   --tool     profile another tool of bench/lib/tools.mjs instead (e.g. retext-intensify)
//   --incremental  profile typing instead: 200 one-character edits, each followed by analyze() (bench/lib/incremental.mjs)
//   --server   profile the language server (bundled afresh with a source map) through the typing session
import {spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {loadSource, buildText} from './lib/corpus.mjs';
import {lspBench} from './lib/lsp.mjs';
import {BUNDLE_OPTIONS} from '../scripts/esbuild-options.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const words = Number(opt('words', '100000'));
const format = opt('format', 'plaintext') === 'markdown' ? 'markdown' : 'plaintext';
const top = Number(opt('top', '25'));
const keep = args.includes('--keep');
const tool = opt('tool', 'whosaid');

const work = mkdtempSync(join(tmpdir(), 'whosaid-profile-'));
if (!keep) process.on('exit', () => rmSync(work, {recursive: true, force: true}));

// The engine, bundled as scripts/build.mjs does, plus a source map.
const SERVER = args.includes('--server');
const bundle = join(work, SERVER ? 'server.js' : 'engine.js');
await build({
  ...BUNDLE_OPTIONS,
  // Readable names and a source map, so the profile points at the sources.
  minify: false,
  keepNames: false,
  entryPoints: [join(repoRoot, 'server', 'src', SERVER ? 'lsp/main.ts' : 'analysis/index.ts')],
  outfile: bundle,
  sourcemap: 'external',
  logLevel: 'warning'
});
const sourceMap = JSON.parse(readFileSync(`${bundle}.map`, 'utf8'));

const corpus = loadSource(repoRoot);
const ext = format === 'markdown' ? '.md' : '.txt';
const textFile = join(work, `text${ext}`);
const warmFile = join(work, `warm${ext}`);
writeFileSync(textFile, buildText(corpus, words, {markdown: format === 'markdown'}).text);
writeFileSync(warmFile, buildText(corpus, words >= 100_000 ? 10_000 : 1000, {markdown: format === 'markdown'}).text);

const child = join(repoRoot, 'bench', 'lib', 'child.mjs');
const env = {...process.env, WHOSAID_BENCH_ENGINE: bundle};
const INCREMENTAL = args.includes('--incremental');
let measured;
if (SERVER) {
  // The language server during the typing session of run.mjs (1k draft, 100k draft, 200 keystrokes).
  const profDir = join(work, 'server-profile');
  mkdirSync(profDir);
  const session = await lspBench({
    repoRoot,
    workDir: work,
    bigText: buildText(corpus, words, {markdown: true}).text,
    smallText: buildText(corpus, 1000, {markdown: true}).text,
    serverJs: bundle,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=250']
  });
  if (session.error) throw new Error(`LSP session failed: ${session.error}`);
  measured = session;
} else {
  const target = INCREMENTAL
    ? [join(repoRoot, 'bench', 'lib', 'incremental.mjs'), textFile, format, '200']
    : [child, tool, textFile, format, warmFile];
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${work}`, '--cpu-prof-interval=250', ...target], {
    cwd: repoRoot,
    encoding: 'utf8',
    env
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(1);
  }
  measured = JSON.parse(run.stdout.trim().split('\n').pop());
}
const profDirUsed = SERVER ? join(work, 'server-profile') : work;
const profFile = join(
  profDirUsed,
  readdirSync(profDirUsed).find((f) => f.endsWith('.cpuprofile'))
);
const profile = JSON.parse(readFileSync(profFile, 'utf8'));

// ---- source map: generated (line, column) -> original file and line ----
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const lineText of mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length >= 4) {
        src += values[1];
        srcLine += values[2];
        srcCol += values[3];
        if (values.length >= 5) name += values[4];
        segs.push([col, src, srcLine]);
      }
    }
    lines.push(segs);
  }
  return lines;
}
const mapped = decodeMappings(sourceMap.mappings);
const mapDir = dirname(bundle);
function original(line, column) {
  const segs = mapped[line];
  if (!segs?.length) return null;
  let best = segs[0];
  for (const s of segs) {
    if (s[0] <= column) best = s;
    else break;
  }
  const file = relative(repoRoot, resolve(mapDir, sourceMap.sources[best[1]]));
  return {file, line: best[2] + 1};
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const locate = (n) => {
  const f = n.callFrame;
  if (!f.url) return null;
  const file = f.url.replace(/^file:\/\//, '');
  if (file === bundle) return original(f.lineNumber, f.columnNumber) ?? {file: 'engine bundle', line: f.lineNumber + 1};
  return file.startsWith('node:')
    ? {file: '(node internals)', line: f.lineNumber + 1}
    : {file: relative(repoRoot, file), line: f.lineNumber + 1};
};
const keyOf = (n) => {
  const where = locate(n);
  const name = n.callFrame.functionName || '(anonymous)';
  return where ? `${name}  ${where.file}:${where.line}` : `${name.length > 60 ? `${name.slice(0, 60)}…` : name} [native]`;
};
const moduleOf = (n) => {
  const where = locate(n);
  if (!where) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/builtin)';
  return where.file.replace(/^node_modules\/([^/@]+|@[^/]+\/[^/]+)\/.*$/, 'node_modules/$1');
};

// Analysis: stacks through the tool's run() in tools.mjs (or, with --incremental, through the engine's
// analyze). Set-up: stacks through load() (or createAnalyzer).
const inFrame = SERVER
  ? // Everything the server does counts as work; its one-off set-up is the lexicon build.
    (stack, fn) =>
      fn === 'load'
        ? stack.some((n) => n.callFrame.functionName === 'createAnalyzer')
        : !stack.some((n) => n.callFrame.functionName === 'createAnalyzer') &&
          !['(idle)', '(program)', '(root)'].includes(stack[0].callFrame.functionName)
  : INCREMENTAL
    ? (stack, fn) =>
        stack.some(
          (n) => n.callFrame.url === `file://${bundle}` && n.callFrame.functionName === (fn === 'run' ? 'analyze' : 'createAnalyzer')
        )
    : (stack, fn) => stack.some((n) => n.callFrame.url.endsWith('bench/lib/tools.mjs') && n.callFrame.functionName === fn);
const selfMs = new Map();
const totalMs = new Map();
const modMs = new Map();
const setupMs = new Map();
let analysisMs = 0;
let setupTotal = 0;
let allMs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // time until the next sample
  allMs += dt;
  const leaf = byId.get(profile.samples[i]);
  const stack = [];
  for (let id = leaf.id; id !== undefined; id = parent.get(id)) stack.push(byId.get(id));
  const k = keyOf(leaf);
  if (inFrame(stack, 'run')) {
    analysisMs += dt;
    selfMs.set(k, (selfMs.get(k) ?? 0) + dt);
    const m = moduleOf(leaf);
    modMs.set(m, (modMs.get(m) ?? 0) + dt);
    for (const k2 of new Set(stack.map(keyOf))) totalMs.set(k2, (totalMs.get(k2) ?? 0) + dt);
  } else if (inFrame(stack, 'load')) {
    setupTotal += dt;
    setupMs.set(k, (setupMs.get(k) ?? 0) + dt);
  }
}

const print = (title, map, n, whole) => {
  console.log(`\n${title}\n`);
  console.log('| % | ms | function / module |\n| ---: | ---: | --- |');
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`| ${((100 * ms) / whole).toFixed(1)}% | ${ms.toFixed(0)} | ${k} |`);
};
if (SERVER)
  console.log(
    `whosaid language server, typing session (${words.toLocaleString('en-US')}-word Markdown draft, 200 keystrokes): p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms (profiled, so slower than the benchmark). "Analysis" below is all the server's busy time (garbage collection included), set-up apart.`
  );
else if (INCREMENTAL)
  console.log(
    `whosaid re-analysis after single-character edits, ${words.toLocaleString('en-US')}-word ${format} draft: first analysis ${measured.firstMs.toFixed(0)} ms, then per edit p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms (profiled, so slower than the benchmark). The analysis time below includes the first full analysis.`
  );
else
  console.log(
    `${tool}, ${words.toLocaleString('en-US')}-word ${format} text: median ${measured.ms.toFixed(0)} ms over ${measured.runs} runs (profiled, so slower than the benchmark)`
  );
console.log(
  `Profiled ${allMs.toFixed(0)} ms: ${analysisMs.toFixed(0)} ms in analysis calls (warm-up and timed runs), ${setupTotal.toFixed(0)} ms in one-off set-up (loading the tool${tool === 'whosaid' ? ', building the lexicon' : ''}), the rest start-up and file reading.`
);
print('Self time by source module (% of analysis time):', modMs, 20, analysisMs);
print(`Top ${top} functions by self time (% of analysis time):`, selfMs, top, analysisMs);
print(`Top ${top} functions by total (inclusive) time (% of analysis time):`, totalMs, top, analysisMs);
if (setupTotal > 0) print('One-off set-up by self time (% of set-up time):', setupMs, 10, setupTotal);
if (keep) console.log(`\nProfile kept: ${profFile}`);

if (args.includes('--scaling')) {
  console.log(
    '\nScaling (one process per size, fastest run):\n\n| words | wall ms | CPU ms | words/s (wall) | relative to the first (wall) | relative (CPU) |\n| ---: | ---: | ---: | ---: | ---: | ---: |'
  );
  let baseCpu = null;
  let base = null;
  for (const n of [100_000, 200_000, 400_000, 800_000]) {
    const f = join(work, `scale-${n}${ext}`);
    const t = buildText(corpus, n, {markdown: format === 'markdown'});
    writeFileSync(f, t.text);
    const r = spawnSync(process.execPath, [child, tool, f, format, warmFile], {cwd: repoRoot, encoding: 'utf8', env});
    if (r.status !== 0) {
      console.log(`| ${n.toLocaleString('en-US')} | failed | | | | |`);
      continue;
    }
    const {ms, cpuMs} = JSON.parse(r.stdout.trim().split('\n').pop());
    const wps = t.words / (ms / 1000);
    const cps = t.words / (cpuMs / 1000);
    base ??= wps;
    baseCpu ??= cps;
    console.log(
      `| ${n.toLocaleString('en-US')} | ${ms.toFixed(0)} | ${cpuMs.toFixed(0)} | ${Math.round(wps).toLocaleString('en-US')} | ${((100 * wps) / base).toFixed(0)}% | ${((100 * cps) / baseCpu).toFixed(0)}% |`
    );
  }
}
