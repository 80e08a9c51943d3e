// Makes dist/cli.cache, V8's compiled code for dist/cli.js, which bin/whosaid.js hands to V8 when it
// starts the CLI (see the comment there). Called by scripts/build.mjs and bench/run.mjs after bundling.
//
// The cache is made in a child process started with no Node options (V8 rejects a cache made under
// other flags), which loads the bundle exactly as bin/whosaid.js does, runs it on the project's own
// drafts (examples/ and the sentences of test/fixtures/news/, so the functions a check runs are
// compiled and land in the cache, the tagger's included) with its output thrown away, then asks V8 for
// the code. The file: a tag, the SHA-256 of the cli.js it belongs to, the SHA-256 of V8's data, the data.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes the cache beside the dist/cli.js that `binFile` (a copy of bin/whosaid.js) starts. Throws if it fails. */
export function writeCodeCache(binFile) {
  const env = {...process.env};
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), binFile], {encoding: 'utf8', env});
  if (child.status !== 0) throw new Error(`code cache for ${binFile}: ${(child.stderr || child.error?.message || '').trim()}`);
  return child.stdout.trim();
}

/** The drafts the CLI runs on while the cache is made, written to `dir`: at most 7 files (no worker threads). */
function trainingDrafts(dir) {
  const paths = readdirSync(join(ROOT, 'examples')).map((name) => join(ROOT, 'examples', name));
  const fixtures = join(ROOT, 'test', 'fixtures', 'news');
  const sentences = readdirSync(fixtures)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(fixtures, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line).text);
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  writeFileSync(join(dir, 'fixtures.md'), `# Fixtures\n\n${paragraphs.join('\n\n')}\n`);
  writeFileSync(join(dir, 'fixtures.txt'), `${paragraphs.slice(0, 40).join('\n\n')}\n`);
  return [...paths, join(dir, 'fixtures.md'), join(dir, 'fixtures.txt')];
}

async function makeCache(binFile) {
  const bin = createRequire(import.meta.url)(resolve(binFile));
  const source = readFileSync(bin.CLI);
  const script = bin.compileCli(source.toString('utf8'));
  const cli = bin.runCli(script);
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-code-cache-'));
  const write = {out: process.stdout.write, err: process.stderr.write};
  try {
    const drafts = trainingDrafts(dir);
    process.stdout.write = process.stderr.write = () => true;
    for (const args of [['--format', 'json', ...drafts], drafts, ['sources', '--format', 'csv', ...drafts]]) await cli.main(args);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    rmSync(dir, {recursive: true, force: true});
  }
  process.exitCode = 0;
  const data = script.createCachedData();
  const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
  const file = Buffer.concat([Buffer.from(bin.CACHE_TAG, 'latin1'), sha256(source), sha256(data), data]);
  const tmp = `${bin.CACHE}.${process.pid}.tmp`;
  writeFileSync(tmp, file);
  renameSync(tmp, bin.CACHE);
  console.log(`${bin.CACHE}: ${file.length} bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await makeCache(process.argv[2]);
