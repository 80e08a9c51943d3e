#!/usr/bin/env node
'use strict';
// Starts the CLI (dist/cli.js) with V8's compiled code for it when dist/cli.cache, made at build time
// by scripts/code-cache.mjs, belongs to this very bundle: V8 then skips parsing the 700 KB bundle
// (loading it: ~20 -> ~15 ms) and compiling the functions a check runs. The cache is only read, never written here
// (the install folder may be read-only). Anything amiss (no cache, a cache of another build, a damaged
// file) falls back to a plain require; a cache made by another Node version or with other V8 flags is
// rejected by V8 itself, which then compiles as usual.
const {readFileSync} = require('node:fs');
const {join} = require('node:path');

const DIST = join(__dirname, '..', 'dist');
const CLI = join(DIST, 'cli.js');
const CACHE = join(DIST, 'cli.cache');
/** The cache file: this tag, the SHA-256 of the cli.js it was made for, the SHA-256 of V8's data, V8's data. */
const CACHE_TAG = 'WSCC0001';
const HEADER = 8 + 32 + 32;

/**
 * V8 optimises a function with TurboFan once it has run through this much bytecode (its "interrupt
 * budget"); whosaid's CLI raises it 16 times over V8's default (67,584). A check is one short run, and
 * with the default V8 optimises hundreds of the engine's functions early, on feedback it has barely
 * gathered, at a CPU cost the run never wins back: 10k words of news took 340 ms of CPU (wall 250-350 ms
 * on a busy 2-core machine) and 100k words 1,450 ms of CPU; with this budget 260 and 870 ms, the
 * wall time of 100k words 890 -> 770 ms. Long runs still optimise what is hot. Set before the bundle is
 * compiled, here and where its code cache is made (V8 accepts a cache only under the flags it was made
 * under), and only for a short run (shortRun, below).
 */
function tuneV8() {
  require('node:v8').setFlagsFromString('--interrupt-budget=1081344');
}

/** The most text, in named files, a run may check and still be short (the engine's default maxLength). */
const SHORT_RUN_BYTES = 2_000_000;

/**
 * Whether this run checks named files of at most SHORT_RUN_BYTES together, and no folder or standard
 * input: the raised budget is for such short runs. A long run keeps V8's default, whose earlier
 * optimisation pays over long loops: with the raised budget a folder of pathological multi-megabyte
 * drafts took 3.1-4.1x the time of news of the same sizes, against about 2.3x with the default (issue 15
 * allows 3x). Arguments that are no file (options, their values, a command name) are skipped.
 */
function shortRun(argv) {
  const {statSync} = require('node:fs');
  let total = 0;
  let files = 0;
  for (const arg of argv) {
    if (arg === '-') return false;
    if (arg.startsWith('-')) continue;
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      continue;
    }
    if (!stats.isFile()) return false;
    files++;
    total += stats.size;
  }
  return files > 0 && total <= SHORT_RUN_BYTES;
}

function sha256(bytes) {
  return require('node:crypto').createHash('sha256').update(bytes).digest();
}

/** dist/cli.js compiled as Node's require compiles a module (the same wrapper), with `cachedData` if given. */
function compileCli(source, cachedData) {
  tuneV8();
  const {Script} = require('node:vm');
  const {wrap} = require('node:module');
  return new Script(wrap(source), {filename: CLI, cachedData});
}

/** Runs the compiled module as require would, and returns its exports. */
function runCli(script) {
  const Module = require('node:module');
  const cli = new Module(CLI, module);
  cli.filename = CLI;
  cli.paths = Module._nodeModulePaths(DIST);
  const require_ = Module.createRequire(CLI);
  script.runInThisContext().call(cli.exports, cli.exports, require_, cli, CLI, DIST);
  cli.loaded = true;
  return cli.exports;
}

/**
 * The CLI's exports and how its code cache fared: "used", "rejected" (by V8), "stale" (made for
 * another cli.js), "damaged" or "absent".
 */
function loadCli(argv = []) {
  // The code cache was made under the raised budget, so V8 takes it only then.
  if (!shortRun(argv)) return {cli: require(CLI), cache: 'long run'};
  tuneV8();
  let source;
  let cache;
  try {
    source = readFileSync(CLI);
    cache = readFileSync(CACHE);
  } catch {
    return {cli: require(CLI), cache: 'absent'};
  }
  if (cache.length <= HEADER || cache.toString('latin1', 0, 8) !== CACHE_TAG) return {cli: require(CLI), cache: 'damaged'};
  if (!sha256(source).equals(cache.subarray(8, 40))) return {cli: require(CLI), cache: 'stale'};
  const data = cache.subarray(HEADER);
  if (!sha256(data).equals(cache.subarray(40, HEADER))) return {cli: require(CLI), cache: 'damaged'};
  let script;
  try {
    script = compileCli(source.toString('utf8'), data);
  } catch {
    return {cli: require(CLI), cache: 'damaged'};
  }
  return {cli: runCli(script), cache: script.cachedDataRejected ? 'rejected' : 'used'};
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  loadCli(argv)
    .cli.main(argv)
    .then((code) => {
      process.exitCode = code;
    });
} else {
  // For scripts/code-cache.mjs, which makes the cache, and the tests.
  module.exports = {loadCli, compileCli, runCli, shortRun, CACHE_TAG, CLI, CACHE};
}
