#!/usr/bin/env node
// `npm run bench`: whosaid against retext-intensify, alex and write-good on the same news texts,
// side by side in one run. A script that prints figures, not a test. See bench/README.md.
//
// Options:
//   --full             also run what is skipped by default (alex at 1M words, anything predicted > 60 s)
//   --sizes=1000,10000 only these sizes (words)
//   --format=markdown  feed Markdown (headlines as `##`) instead of plain text to every tool
//   --skip=cli,jobs,lsp,inproc   leave sections out
//   --no-build         use the checkout's bin/ and dist/ instead of bundling the sources afresh
//   --out=PATH         where to write the Markdown results (default bench/results/latest.md; --out= for none)
//   --repeat=N         run each in-process measurement N times and keep the fastest (for a busy machine)
import {spawn, spawnSync, execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, mkdirSync, copyFileSync, symlinkSync, readdirSync} from 'node:fs';
import {tmpdir, cpus, totalmem, loadavg, availableParallelism} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {SIZES, loadSource, buildText, countWords} from './lib/corpus.mjs';
import {TOOLS} from './lib/tools.mjs';
import {lspBench} from './lib/lsp.mjs';
import {BUNDLE_OPTIONS} from '../scripts/esbuild-options.mjs';
import {writeCodeCache} from '../scripts/code-cache.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? fallback : a.slice(name.length + 3);
};
const FULL = flag('full');
const FORMAT = opt('format', 'plaintext') === 'markdown' ? 'markdown' : 'plaintext';
const EXT = FORMAT === 'markdown' ? '.md' : '.txt';
const sizes = opt('sizes', '') ? opt('sizes', '').split(',').map(Number) : SIZES;
const skip = new Set(opt('skip', '').split(',').filter(Boolean));
const outPath = opt('out', join(repoRoot, 'bench', 'results', 'latest.md'));
const REPEAT = Math.max(1, Number(opt('repeat', '1')) || 1);
const LIMIT_MS = 60_000; // skip (unless --full) what is predicted to take longer than this
const CHILD_TIMEOUT_MS = FULL ? 30 * 60_000 : 5 * 60_000;

const md = []; // the Markdown report, mirrored to stdout
const say = (line = '') => {
  md.push(line);
  process.stdout.write(line + '\n');
};
const progress = (line) => process.stderr.write(`  … ${line}\n`);
const notes = [];

// ---------- formatting ----------
const fmtMs = (ms) =>
  ms == null || Number.isNaN(ms)
    ? '—'
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(2)} s`
        : ms >= 100
          ? `${ms.toFixed(0)} ms`
          : ms >= 10
            ? `${ms.toFixed(1)} ms`
            : `${ms.toFixed(2)} ms`;
const fmtRate = (wps) =>
  wps == null || !Number.isFinite(wps) ? '—' : wps >= 1e6 ? `${(wps / 1e6).toFixed(2)} M` : `${(wps / 1e3).toFixed(0)} k`;
const fmtX = (x) => (x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(x >= 10 ? 0 : 1)}×`);
const fmtMB = (mb) => (mb == null ? '—' : `${Math.round(mb).toLocaleString('en-US')} MB`);
const sizeLabel = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const table = (head, rows) => {
  say(`| ${head.join(' | ')} |`);
  say(`| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const r of rows) say(`| ${r.join(' | ')} |`);
  say();
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

// ---------- child processes ----------
function runChild(cmd, argv, {timeoutMs = CHILD_TIMEOUT_MS, env} = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, {cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      if (stderr.length < 50_000) stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const t0 = performance.now();
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr, timedOut, ms: performance.now() - t0});
    });
  });
}

// ---------- machine ----------
const git = (...a) => {
  try {
    return execFileSync('git', a, {cwd: repoRoot, encoding: 'utf8'}).trim();
  } catch {
    return '?';
  }
};
const cpu = cpus();
say('# whosaid benchmark');
say();
say(
  `- Machine: ${cpu[0]?.model ?? '?'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}`
);
say(
  `- Node ${process.version}; load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
say(
  `- Commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results') ? ' (with uncommitted changes)' : ''}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`
);

const work = mkdtempSync(join(tmpdir(), 'whosaid-bench-'));
process.on('exit', () => rmSync(work, {recursive: true, force: true}));

// ---------- build ----------
// The bench bundles the working tree's sources itself, into its temporary folder, with the options of
// scripts/build.mjs: dist/ in the shared checkout may be rebuilt by someone else in the middle of a run,
// and one run must measure one build. --no-build uses the checkout's bin/ and dist/ as they are.
let app = repoRoot;
if (!flag('no-build')) {
  app = join(work, 'app');
  mkdirSync(join(app, 'bin'), {recursive: true});
  copyFileSync(join(repoRoot, 'bin', 'whosaid.js'), join(app, 'bin', 'whosaid.js'));
  symlinkSync(join(repoRoot, 'docs'), join(app, 'docs'));
  const {build} = await import('esbuild');
  const entries = [
    ['server/src/analysis/index.ts', 'engine.js'],
    ['server/src/cli/main.ts', 'cli.js'],
    ['server/src/lsp/main.ts', 'server.js']
  ];
  for (const [entry, out] of entries) {
    if (!existsSync(join(repoRoot, entry))) continue;
    try {
      await build({
        ...BUNDLE_OPTIONS,
        entryPoints: [join(repoRoot, entry)],
        outfile: join(app, 'dist', out),
        logLevel: 'silent'
      });
    } catch (error) {
      notes.push(`Building ${entry} failed: ${error.message.split('\n')[0]}`);
    }
  }
  // The CLI's V8 code cache (dist/cli.cache), as scripts/build.mjs makes it.
  try {
    writeCodeCache(join(app, 'bin', 'whosaid.js'));
  } catch (error) {
    notes.push(`The CLI's code cache was not made: ${error.message.split('\n')[0]}`);
  }
}
const engineJs = join(app, 'dist', 'engine.js');
const whosaidBin = join(app, 'bin', 'whosaid.js');
process.env.WHOSAID_BENCH_ENGINE = engineJs; // read by bench/lib/tools.mjs and incremental.mjs in the children

// ---------- texts ----------
const corpus = loadSource(repoRoot);
// The CLI finds this config beside the texts: no size limit, so the 1M-word text is checked, not declined.
writeFileSync(join(work, '.whosaidrc.json'), JSON.stringify({maxLength: 100_000_000}) + '\n');
const texts = {};
for (const size of [...new Set([1000, 10_000, ...sizes])]) {
  const t = buildText(corpus, size, {markdown: FORMAT === 'markdown'});
  const file = join(work, `text-${size}${EXT}`);
  writeFileSync(file, t.text);
  texts[size] = {...t, file};
}
const repeated = sizes.filter((s) => texts[s].passes > 1);
say(
  `- Texts: ${corpus.source}, ${corpus.articles.length} distinct articles, ${corpus.totalWords.toLocaleString('en-US')} words; fed as ${FORMAT}`
);
if (repeated.length)
  say(
    `- The ${repeated.map(sizeLabel).join(', ')}-word text${repeated.length > 1 ? 's repeat' : ' repeats'} the source; repeats merge neighbouring paragraphs so no repeated paragraph is identical to an earlier one`
  );
say();

// ---------- in-process throughput ----------
const TOOL_ORDER = ['whosaid', 'retext-parse', 'retext-intensify', 'alex', 'write-good'];
const results = {}; // tool -> size -> {ms, maxRssMB, ...} | {skipped: reason}
let engineReady = existsSync(engineJs);

async function measure(tool, size) {
  // Warm-up on the 1k text, or the 10k text before the large sizes (so the JIT has seen enough).
  const warm = size >= 100_000 ? texts[10_000] : texts[1000];
  const r = await runChild(process.execPath, [join('bench', 'lib', 'child.mjs'), tool, texts[size].file, FORMAT, warm.file]);
  if (r.timedOut) return {skipped: `timed out after ${fmtMs(CHILD_TIMEOUT_MS)}`};
  if (r.code !== 0) {
    const msg = (r.stderr.match(/Error: [^\n]*/) ?? [r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`])[0];
    return {skipped: `failed: ${msg}`};
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function predictMs(tool, size) {
  const done = sizes.filter((s) => s < size && results[tool]?.[s]?.ms != null);
  if (!done.length) return 0;
  const b = done[done.length - 1];
  const tb = results[tool][b].ms;
  let k = 1;
  if (done.length >= 2 && done[done.length - 2] >= 10_000) {
    const a = done[done.length - 2];
    const ta = results[tool][a].ms;
    // Growth exponent between the last two sizes (from 10k words up: below that fixed costs dominate),
    // at least linear, at most 1.8 (retext's whole-document parse grows about n^1.7 from 100k to 1M).
    k = Math.min(1.8, Math.max(1, Math.log(tb / ta) / Math.log(b / a)));
  }
  return tb * (size / b) ** k;
}

if (!skip.has('inproc')) {
  say(`## Engine throughput (in-process, after a warm-up; fastest of repeated runs${REPEAT > 1 ? `; best of ${REPEAT} processes` : ''})`);
  say();
  for (const size of sizes) {
    for (const tool of TOOL_ORDER) {
      results[tool] ??= {};
      if (tool === 'whosaid' && !engineReady) {
        results[tool][size] = {skipped: existsSync(engineJs) ? 'engine not available' : 'dist/engine.js not built'};
        continue;
      }
      if (tool === 'alex' && size >= 1_000_000 && !FULL) {
        results[tool][size] = {skipped: 'skipped (about 45 s and 1 GB); run with --full'};
        continue;
      }
      if (tool === 'retext-parse' && size >= 1_000_000 && !FULL) {
        results[tool][size] = {skipped: 'skipped (a reference row; 20-45 s); run with --full'};
        continue;
      }
      // whosaid and write-good always run at every size; the others are skipped when predicted too slow.
      const predicted = tool === 'whosaid' || tool === 'write-good' ? 0 : predictMs(tool, size);
      if (predicted > LIMIT_MS && !FULL) {
        results[tool][size] = {skipped: `skipped: predicted ${fmtMs(predicted)}; run with --full`};
        continue;
      }
      let r = await measure(tool, size);
      for (let k = 1; k < REPEAT && !r.skipped && r.ms * REPEAT < LIMIT_MS; k++) {
        const again = await measure(tool, size);
        if (!again.skipped && again.ms < r.ms) r = {...again, maxRssMB: Math.max(again.maxRssMB, r.maxRssMB)};
      }
      results[tool][size] = r;
      if (tool === 'whosaid' && r.skipped && /engine not written yet/.test(r.skipped)) engineReady = false;
      progress(`${TOOLS[tool].label} ${sizeLabel(size)}: ${r.skipped ?? `${fmtMs(r.ms)} (${r.runs} runs), ${fmtMB(r.maxRssMB)}`}`);
    }
  }
  const cell = (tool, size, f) => {
    const r = results[tool]?.[size];
    return !r ? '—' : r.skipped ? 'skipped' : f(r);
  };
  const words = (size) => texts[size].words;
  const head = ['tool', ...sizes.map((s) => `${sizeLabel(s)} words`)];
  say('Wall time (fastest run):');
  say();
  table(
    head,
    TOOL_ORDER.map((t) => [TOOLS[t].label, ...sizes.map((s) => cell(t, s, (r) => fmtMs(r.ms)))])
  );
  say('CPU time of the process during a run (the least of the runs; user + system, all threads: JIT and GC helpers included):');
  say();
  table(
    head,
    TOOL_ORDER.map((t) => [TOOLS[t].label, ...sizes.map((s) => cell(t, s, (r) => fmtMs(r.cpuMs)))])
  );
  say('Words per second (wall time):');
  say();
  table(
    head,
    TOOL_ORDER.map((t) => [TOOLS[t].label, ...sizes.map((s) => cell(t, s, (r) => fmtRate(words(s) / (r.ms / 1000))))])
  );
  say("whosaid speed-up (other tool's time ÷ whosaid's time; above 1× means whosaid is faster):");
  say();
  table(
    ['whosaid vs', ...sizes.map((s) => `${sizeLabel(s)} words`)],
    TOOL_ORDER.filter((t) => t !== 'whosaid').map((t) => [
      TOOLS[t].label,
      ...sizes.map((s) => {
        const w = results.whosaid?.[s];
        const o = results[t]?.[s];
        return w?.ms != null && o?.ms != null ? fmtX(o.ms / w.ms) : '—';
      })
    ])
  );
  say('Peak RSS of the process (tool loaded, warm-up, first timed run):');
  say();
  table(
    head,
    TOOL_ORDER.map((t) => [TOOLS[t].label, ...sizes.map((s) => cell(t, s, (r) => fmtMB(r.maxRssMB)))])
  );
  say('Messages reported on each text (a sanity check that every tool did its work):');
  say();
  table(
    head,
    TOOL_ORDER.map((t) => [TOOLS[t].label, ...sizes.map((s) => cell(t, s, (r) => r.messages.toLocaleString('en-US')))])
  );

  const w100 = results.whosaid?.[100_000];
  const w1m = results.whosaid?.[1_000_000];
  if (w100?.ms != null && w1m?.ms != null) {
    const ratio = words(100_000) / w100.ms / (words(1_000_000) / w1m.ms);
    const lin = 1 / ratio;
    say(
      `Linearity: whosaid at 1M words runs at ${fmtRate(words(1_000_000) / (w1m.ms / 1000))} words/s, ${(lin * 100).toFixed(0)}% of its ${fmtRate(words(100_000) / (w100.ms / 1000))} words/s at 100k (target: at least 80%).`
    );
    say();
  }
  const setup = sizes.map((s) => results.whosaid?.[s]?.details).find((d) => d?.firstAnalyzerMs != null);
  if (setup) {
    say(
      `whosaid set-up, paid once per process and not in the times above: loading dist/engine.js ${fmtMs(setup.loadMs)}, first \`createAnalyzer\` (builds the lexicon) ${fmtMs(setup.firstAnalyzerMs)}.`
    );
    say();
  }
  for (const t of TOOL_ORDER)
    for (const s of sizes) {
      const r = results[t]?.[s];
      if (r?.skipped && r.skipped !== 'skipped') notes.push(`${TOOLS[t].label} at ${sizeLabel(s)} words: ${r.skipped}.`);
      if (t === 'whosaid' && r?.details?.reused)
        notes.push(`whosaid at ${sizeLabel(s)}: ${r.details.reused} paragraphs came from the cache within one analysis.`);
      if (t === 'whosaid' && r?.details?.notices?.length)
        notes.push(`whosaid at ${sizeLabel(s)}: engine notice: ${r.details.notices.join('; ')}`);
    }
}

// ---------- whole-process CLI ----------
const cliJs = join(app, 'dist', 'cli.js');
const cliResults = {};
async function timeCli(argv, runs) {
  const times = [];
  let rss = null;
  let last = null;
  for (let i = 0; i < runs; i++) {
    const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
    const r = await runChild(process.execPath, ['-r', join(repoRoot, 'bench', 'lib', 'rss-hook.cjs'), ...argv], {
      env: {WHOSAID_BENCH_RSS_FILE: rssFile}
    });
    last = r;
    if (r.timedOut || (r.code !== 0 && r.code !== 1))
      return {error: r.timedOut ? 'timed out' : `exit ${r.code ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`};
    times.push(r.ms);
    try {
      rss = Math.max(rss ?? 0, Number(readFileSync(rssFile, 'utf8')) / 1024);
    } catch {
      /* no figure */
    }
  }
  let messages = null;
  try {
    const parsed = JSON.parse(last.stdout);
    messages = Array.isArray(parsed) ? parsed.reduce((n, f) => n + (f.messages?.length ?? 0), 0) : (parsed.messages?.length ?? null);
  } catch {
    // not JSON
  }
  // The fastest run: on a shared machine, other work only ever adds time to a whole process.
  return {ms: Math.min(...times), medianMs: median(times), runs, rssMB: rss, stdout: last.stdout, stderr: last.stderr, messages};
}

if (!skip.has('cli')) {
  say('## Whole-process CLI (node start-up included; fastest of 5 runs at 10k, 3 at 100k, 1 at 1M)');
  say();
  if (!existsSync(cliJs)) {
    say('not available: dist/cli.js is not built.');
    say();
  } else {
    const floor = await timeCli(['-e', '0'], 5);
    const cliSizes = sizes.filter((s) => s >= 10_000);
    for (const size of cliSizes) {
      const runs = size >= 1_000_000 ? 1 : size >= 100_000 ? 3 : 5;
      const w = await timeCli([whosaidBin, '--format', 'json', texts[size].file], runs);
      progress(`whosaid CLI ${sizeLabel(size)}: ${w.error ?? fmtMs(w.ms)}`);
      const predicted = cliResults[size / 10]?.intensify?.ms * 10 ** 1.3;
      const i =
        size >= 1_000_000 && !FULL && predicted > LIMIT_MS
          ? {error: `skipped: predicted ${fmtMs(predicted)}`}
          : await timeCli([join('bench', 'intensify-cli.mjs'), texts[size].file], runs);
      progress(`retext-intensify CLI ${sizeLabel(size)}: ${i.error ?? fmtMs(i.ms)}`);
      cliResults[size] = {whosaid: w, intensify: i};
    }
    const show = (r) => (r.error ? r.error : fmtMs(r.ms));
    table(
      [
        'words',
        '`whosaid --format json FILE`',
        'retext-intensify CLI',
        'whosaid speed-up',
        'whosaid peak RSS',
        'retext-intensify peak RSS',
        'whosaid messages'
      ],
      cliSizes.map((s) => {
        const {whosaid: w, intensify: i} = cliResults[s];
        return [
          sizeLabel(s),
          show(w),
          show(i),
          w.ms && i.ms ? fmtX(i.ms / w.ms) : '—',
          fmtMB(w.rssMB),
          fmtMB(i.rssMB),
          w.messages?.toLocaleString('en-US') ?? '—'
        ];
      })
    );
    for (const s of cliSizes)
      if (/not checked/i.test(cliResults[s].whosaid.stdout ?? '') || /not checked/i.test(cliResults[s].whosaid.stderr ?? ''))
        notes.push(`whosaid CLI at ${sizeLabel(s)}: the file was declined (maxLength).`);
    say(`Node start-up alone (\`node -e 0\`): ${fmtMs(floor.ms)}, ${fmtMB(floor.rssMB)}.`);
    say();
  }
}

// ---------- many files, 1 vs 2 workers ----------
let jobsResult = null;
if (!skip.has('jobs')) {
  say('## A folder of drafts, 1 vs 2 workers (fastest of 3 runs each)');
  say();
  let help = '';
  if (existsSync(cliJs)) {
    const h = spawnSync(process.execPath, [whosaidBin, '--help'], {cwd: repoRoot, encoding: 'utf8', timeout: 20_000});
    help = `${h.stdout}${h.stderr}`;
  }
  if (!/--jobs\b/.test(help)) {
    say(existsSync(cliJs) ? 'not supported: `whosaid --help` lists no `--jobs` option.' : 'not available: dist/cli.js is not built.');
    say();
  } else {
    const dir = join(work, 'drafts');
    mkdirSync(dir);
    const count = 400;
    let folderWords = 0;
    corpus.articles.slice(0, count).forEach((a, i) => {
      const text = `# ${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
      folderWords += countWords(text);
      writeFileSync(join(dir, `draft-${String(i).padStart(4, '0')}.md`), text);
    });
    const files = Math.min(count, corpus.articles.length);
    const j1 = await timeCli([whosaidBin, '--format', 'json', '--jobs', '1', dir], 3);
    const j2 = await timeCli([whosaidBin, '--format', 'json', '--jobs', '2', dir], 3);
    progress(`folder: jobs 1 ${j1.error ?? fmtMs(j1.ms)}, jobs 2 ${j2.error ?? fmtMs(j2.ms)}`);
    // The machine's own ceiling for two threads: two separate processes, each checking half of the
    // folder with one thread, started together. No worker design can beat what this shows.
    const halves = [join(work, 'drafts-a'), join(work, 'drafts-b')];
    for (const half of halves) mkdirSync(half);
    readdirSync(dir)
      .sort()
      .forEach((name, i) => copyFileSync(join(dir, name), join(halves[i < files / 2 ? 0 : 1], name)));
    const pairTimes = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const pair = await Promise.all(
        halves.map((half) => runChild(process.execPath, [whosaidBin, '--format', 'json', '--jobs', '1', half]))
      );
      if (pair.every((r) => r.code === 0 || r.code === 1)) pairTimes.push(performance.now() - started);
    }
    const pairMs = pairTimes.length ? Math.min(...pairTimes) : null;
    jobsResult = {j1: j1.ms ?? null, j2: j2.ms ?? null, pairMs};
    table(
      ['drafts', 'words', '--jobs 1', '--jobs 2', 'speed-up', 'same output', 'two processes on halves, together', 'machine ceiling'],
      [
        [
          String(files),
          folderWords.toLocaleString('en-US'),
          j1.error ?? fmtMs(j1.ms),
          j2.error ?? fmtMs(j2.ms),
          j1.ms && j2.ms ? fmtX(j1.ms / j2.ms) : '—',
          j1.stdout != null && j2.stdout != null ? (j1.stdout === j2.stdout ? 'yes' : 'NO') : '—',
          pairMs ? fmtMs(pairMs) : '—',
          pairMs && j1.ms ? fmtX(j1.ms / pairMs) : '—'
        ]
      ]
    );
    say(
      'The machine ceiling is `--jobs 1` on the whole folder divided by the time two independent one-thread processes take on its two halves side by side: what two cores give this workload on this machine, whatever the CLI does.'
    );
    say();
  }
}

// ---------- engine incremental re-analysis ----------
let incremental = null;
if (!skip.has('lsp') && engineReady && existsSync(engineJs)) {
  const file = join(work, 'typing-draft.md');
  writeFileSync(file, buildText(corpus, 100_000, {markdown: true}).text);
  const r = await runChild(process.execPath, [join('bench', 'lib', 'incremental.mjs'), file, 'markdown', '200']);
  if (r.code === 0) incremental = JSON.parse(r.stdout.trim().split('\n').pop());
  else notes.push(`Engine re-analysis run failed: ${r.stderr.trim().split('\n').pop()}`);
  progress(`engine re-analysis: ${incremental ? `p95 ${fmtMs(incremental.p95)}` : 'failed'}`);
}

// ---------- language server ----------
let lsp = null;
let payloadFloor = null;
let featureLsp = null;
if (!skip.has('lsp')) {
  say('## Typing in the language server (stdio, 100k-word Markdown draft)');
  say();
  const big = buildText(corpus, 100_000, {markdown: true}).text;
  const small = buildText(corpus, 1_000, {markdown: true}).text;
  // The floor: a server that only keeps the document in sync and publishes a constant diagnostic.
  const floor = await lspBench({
    repoRoot,
    workDir: work,
    bigText: big,
    smallText: small,
    edits: 200,
    serverJs: join(repoRoot, 'bench', 'lib', 'null-server.cjs')
  });
  progress(`LSP floor: ${floor.error ?? `p95 ${fmtMs(floor.p95)}`}`);
  const serverJs = join(app, 'dist', 'server.js');
  if (!existsSync(serverJs)) {
    say('whosaid: not available, dist/server.js is not built.');
    say();
  } else {
    lsp = await lspBench({repoRoot, workDir: work, bigText: big, smallText: small, edits: 200, serverJs});
    progress(`LSP: ${lsp.error ?? `p95 ${fmtMs(lsp.p95)}`}`);
    if (lsp.lastBigDiagnostics?.length) {
      // The same floor server, answering each edit with whosaid's last publish on the big draft.
      const payloadFile = join(work, 'lsp-payload.json');
      writeFileSync(payloadFile, JSON.stringify(lsp.lastBigDiagnostics));
      const nullServer = join(repoRoot, 'bench', 'lib', 'null-server.cjs');
      payloadFloor = await lspBench({
        repoRoot,
        workDir: work,
        bigText: big,
        smallText: small,
        edits: 200,
        serverJs: nullServer,
        env: {WHOSAID_BENCH_PAYLOAD: payloadFile}
      });
      progress(`LSP floor with whosaid's payload: ${payloadFloor.error ?? `p95 ${fmtMs(payloadFloor.p95)}`}`);
    }
    if (lsp.error) {
      say(`whosaid server failed: ${lsp.error}`);
      say();
      notes.push(`LSP session: ${lsp.error}`);
    }
  }
  const col = (r, f) => (!r || (!r.latencies.length && r.error) ? '—' : f(r));
  const eng = (key) => (incremental ? fmtMs(incremental[key]) : '—');
  // The payload column only for the edits: its server answers them, not the opening.
  const payloadSize = (r) =>
    r.lastBigDiagnostics
      ? `${r.lastBigDiagnostics.length.toLocaleString('en-US')} (${Math.round(JSON.stringify(r.lastBigDiagnostics).length / 1024).toLocaleString('en-US')} KB)`
      : '—';
  table(
    ['measure', 'whosaid server', 'do-nothing server (floor)', "do-nothing server, whosaid's diagnostics", 'engine alone, in-process'],
    [
      ['first diagnostics after opening a 1,000-word draft', (r) => fmtMs(r.firstDiagnosticsMs), null, '—'],
      ['first diagnostics after opening the 100k-word draft', (r) => fmtMs(r.openBigMs), null, eng('firstMs')],
      ['keystroke → fresh diagnostics, p50 (200 edits)', (r) => fmtMs(r.p50), (r) => fmtMs(r.p50), eng('p50')],
      ['keystroke → fresh diagnostics, p95', (r) => fmtMs(r.p95), (r) => fmtMs(r.p95), eng('p95')],
      ['keystroke → fresh diagnostics, p99', (r) => fmtMs(r.p99), (r) => fmtMs(r.p99), eng('p99')],
      ['keystroke → fresh diagnostics, max', (r) => fmtMs(r.max), (r) => fmtMs(r.max), eng('max')],
      [
        'diagnostics per publish on the 100k-word draft (JSON size)',
        (r) =>
          r.bigDiagnostics != null
            ? `${r.bigDiagnostics.toLocaleString('en-US')} (${Math.round(r.bigPayloadKB).toLocaleString('en-US')} KB)`
            : '—',
        () => payloadSize(lsp ?? {}),
        '—'
      ],
      ['peak RSS', (r) => fmtMB(r.serverRssMB), (r) => fmtMB(r.serverRssMB), incremental ? fmtMB(incremental.maxRssMB) : '—']
    ].map(([label, f, p, e]) => [label, col(lsp, f), col(floor, f), p ? col(payloadFloor, p) : '—', e])
  );
  if (payloadFloor?.latencies.length && lsp?.latencies.length)
    say(
      `The third column is the do-nothing server answering each edit with the diagnostics whosaid published last on the draft: what sending and parsing a publish of that size costs on this machine with no analysis at all. Percentiles do not subtract, but the gap between the two columns is what the analysis and whosaid's own handling add.`
    );
  if (incremental)
    say(
      `Engine alone: one analyzer; the same edits, each followed by \`analyze(wholeText)\`, which re-analysed ${incremental.analysedPerEdit.toFixed(1)} paragraphs per edit on average; analysing the unchanged draft again (all ${incremental.unchangedRun.reused.toLocaleString('en-US')} paragraphs from the cache) took ${fmtMs(incremental.unchangedMs)}.`
    );
  if (lsp?.latencies.length)
    say(
      `whosaid: ${lsp.mode} diagnostics${lsp.mode === 'push' ? (lsp.versioned ? ' (matched by document version)' : ' (unversioned: first publish after the edit)') : ''}, ${lsp.sync} sync${lsp.timeouts ? `, ${lsp.timeouts} edits got no diagnostics within 20 s` : ''}. Each edit types one character in a different paragraph and waits for its diagnostics before the next.`
    );
  say();

  // The size a reporter types in most: a long feature, not a book.
  if (existsSync(serverJs)) {
    const feature = buildText(corpus, 5_000, {markdown: true}).text;
    const featureFloor = await lspBench({
      repoRoot,
      workDir: work,
      bigText: feature,
      smallText: small,
      edits: 200,
      serverJs: join(repoRoot, 'bench', 'lib', 'null-server.cjs')
    });
    featureLsp = await lspBench({repoRoot, workDir: work, bigText: feature, smallText: small, edits: 200, serverJs});
    progress(`LSP, 5,000-word feature: ${featureLsp.error ?? `p95 ${fmtMs(featureLsp.p95)}`}`);
    say('Typing in a 5,000-word feature (same session shape, 200 keystrokes):');
    say();
    table(
      ['measure', 'whosaid server', 'do-nothing server (floor)'],
      [
        ['keystroke → fresh diagnostics, p50', (r) => fmtMs(r.p50)],
        ['keystroke → fresh diagnostics, p95', (r) => fmtMs(r.p95)],
        ['keystroke → fresh diagnostics, p99', (r) => fmtMs(r.p99)],
        [
          'diagnostics per publish',
          (r) =>
            r.bigDiagnostics != null
              ? `${r.bigDiagnostics.toLocaleString('en-US')} (${Math.round(r.bigPayloadKB).toLocaleString('en-US')} KB)`
              : '—'
        ]
      ].map(([label, f]) => [label, col(featureLsp, f), col(featureFloor, f)])
    );
  }
}

// ---------- targets ----------
say('## Targets (issue 6)');
say();
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'met' : 'NOT met');
const targetRows = [];
{
  const ratios = sizes
    .filter((s) => s >= 10_000)
    .map((s) => [s, results.whosaid?.[s]?.ms, results['retext-intensify']?.[s]?.ms])
    .filter(([, w, i]) => w != null && i != null)
    .map(([s, w, i]) => [s, i / w]);
  targetRows.push([
    'engine ≥ 2× retext-intensify, 10k–1M words',
    ratios.length ? ratios.map(([s, r]) => `${sizeLabel(s)} ${fmtX(r)}`).join(', ') : '—',
    verdict(ratios.length ? ratios.every(([, r]) => r >= 2) : null)
  ]);
  const w100 = results.whosaid?.[100_000]?.ms;
  const w1m = results.whosaid?.[1_000_000]?.ms;
  const lin = w100 && w1m ? texts[1_000_000].words / w1m / (texts[100_000].words / w100) : null;
  targetRows.push(['linear: words/s at 1M ≥ 80% of 100k', lin ? `${(lin * 100).toFixed(0)}%` : '—', verdict(lin ? lin >= 0.8 : null)]);
  const cli = Object.entries(cliResults).filter(([, r]) => r.whosaid.ms && r.intensify.ms);
  targetRows.push([
    'CLI ≥ 2× a retext-intensify CLI, 10k words up',
    cli.length ? cli.map(([s, r]) => `${sizeLabel(Number(s))} ${fmtX(r.intensify.ms / r.whosaid.ms)}`).join(', ') : '—',
    verdict(cli.length ? cli.every(([, r]) => r.intensify.ms / r.whosaid.ms >= 2) : null)
  ]);
  const rss1m = cliResults[1_000_000]?.whosaid?.rssMB;
  targetRows.push(['CLI peak RSS < 200 MB at 1M words', fmtMB(rss1m), verdict(rss1m != null ? rss1m < 200 : null)]);
  targetRows.push([
    'typing p95 ≤ 16 ms (100k-word draft)',
    lsp?.latencies.length ? fmtMs(lsp.p95) : '—',
    verdict(lsp?.latencies.length ? lsp.p95 <= 16 : null)
  ]);
  if (payloadFloor?.latencies.length)
    targetRows.push([
      "  the same, a do-nothing server sending whosaid's diagnostics",
      fmtMs(payloadFloor.p95),
      verdict(payloadFloor.p95 <= 16)
    ]);
  if (featureLsp?.latencies.length)
    targetRows.push([
      '  typing p95 in a 5,000-word feature (not a target; the size the brief names)',
      fmtMs(featureLsp.p95),
      verdict(featureLsp.p95 <= 16)
    ]);
  targetRows.push([
    'folder: --jobs 2 ≥ 1.7× --jobs 1',
    jobsResult?.j1 && jobsResult?.j2
      ? `${fmtX(jobsResult.j1 / jobsResult.j2)} (machine ceiling ${jobsResult.pairMs ? fmtX(jobsResult.j1 / jobsResult.pairMs) : '—'})`
      : '—',
    verdict(jobsResult?.j1 && jobsResult?.j2 ? jobsResult.j1 / jobsResult.j2 >= 1.7 : null)
  ]);
  targetRows.push([
    'first diagnostics ≤ 100 ms (1,000-word draft)',
    lsp?.firstDiagnosticsMs != null ? fmtMs(lsp.firstDiagnosticsMs) : '—',
    verdict(lsp?.firstDiagnosticsMs != null ? lsp.firstDiagnosticsMs <= 100 : null)
  ]);
}
table(['target', 'measured', 'verdict'], targetRows);

if (notes.length) {
  say('## Notes');
  say();
  for (const n of notes) say(`- ${n}`);
  say();
}

say(
  `Load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (on a shared machine, figures from a busy run are slower; ratios within one run hold better).`
);
say();

if (outPath) {
  mkdirSync(dirname(outPath), {recursive: true});
  writeFileSync(outPath, md.join('\n'));
  process.stderr.write(`Results written to ${outPath}\n`);
}
