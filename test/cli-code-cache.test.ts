// The CLI's V8 code cache (dist/cli.cache, made by scripts/code-cache.mjs, read by bin/whosaid.js): used
// when it belongs to the bundle beside it, and every other case (absent, made for another build,
// damaged, made under other V8 flags) falls back to a plain start with the same output. Each test
// works on its own copy of bin/ and dist/ in a temporary folder; nothing is written at run time.
import {spawnSync} from 'node:child_process';
import {appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const ROOT = join(__dirname, '..');
const DRAFT = join(ROOT, 'examples', 'wire-draft.md');
let app: string;
let cache: Buffer;
let expected: string;

function node(args: string[]): {status: number | null; stdout: string; stderr: string} {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, args, {cwd: app, encoding: 'utf8', timeout: 60_000, env});
}

/** How bin/whosaid.js fared with the cache: used, rejected, stale, damaged or absent. */
function cacheState(flags: string[] = [], argv: string[] = [DRAFT]): string {
  const run = node([
    ...flags,
    '-e',
    `console.log(require(${JSON.stringify(join(app, 'bin', 'whosaid.js'))}).loadCli(${JSON.stringify(argv)}).cache)`
  ]);
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

function check(): string {
  const run = node([join(app, 'bin', 'whosaid.js'), '--format', 'json', DRAFT]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return run.stdout;
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'whosaid-code-cache-'));
  mkdirSync(join(app, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'whosaid.js'), join(app, 'bin', 'whosaid.js'));
  const {build} = await import('esbuild');
  // @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
  const {BUNDLE_OPTIONS} = await import('../scripts/esbuild-options.mjs');
  await build({
    ...BUNDLE_OPTIONS,
    logLevel: 'warning',
    entryPoints: [join(ROOT, 'server/src/cli/main.ts')],
    outfile: join(app, 'dist', 'cli.js')
  });
  // @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
  const {writeCodeCache} = await import('../scripts/code-cache.mjs');
  writeCodeCache(join(app, 'bin', 'whosaid.js'));
  cache = readFileSync(join(app, 'dist', 'cli.cache'));
  expected = check();
}, 120_000);

afterAll(() => {
  if (app) rmSync(app, {recursive: true, force: true});
});

describe('the CLI code cache', () => {
  it('is made for the bundle beside it and used', () => {
    expect(cache.toString('latin1', 0, 8)).toBe('WSCC0001');
    expect(cache.length).toBeGreaterThan(100_000);
    expect(cacheState()).toBe('used');
    expect(JSON.parse(expected)[0].messages).toHaveLength(7);
  });

  it('is only read: running the CLI writes nothing beside it', () => {
    const before = readdirSync(join(app, 'dist')).map((name) => `${name}:${statSync(join(app, 'dist', name)).mtimeMs}`);
    check();
    expect(readdirSync(join(app, 'dist')).map((name) => `${name}:${statSync(join(app, 'dist', name)).mtimeMs}`)).toEqual(before);
    expect(readFileSync(join(app, 'dist', 'cli.cache')).equals(cache)).toBe(true);
  });

  it('is rejected by V8 under other V8 flags, and the CLI starts as usual', () => {
    expect(cacheState(['--max-old-space-size=512'])).toBe('rejected');
    const run = node(['--max-old-space-size=512', join(app, 'bin', 'whosaid.js'), '--format', 'json', DRAFT]);
    expect(run.stdout).toBe(expected);
  });

  it('is for short runs only: a folder, standard input or more than 2,000,000 bytes of files start as usual', () => {
    expect(cacheState([], [join(ROOT, 'examples')])).toBe('long run');
    expect(cacheState([], ['-'])).toBe('long run');
    expect(cacheState([], ['--format', 'json'])).toBe('long run');
    const big = join(app, 'big.txt');
    writeFileSync(big, 'The minister said so. '.repeat(100_000));
    try {
      expect(cacheState([], [big])).toBe('long run');
      expect(cacheState([], ['--format', 'json', DRAFT, DRAFT])).toBe('used');
    } finally {
      rmSync(big);
    }
  });

  it('falls back to a plain start when it is damaged, made for another build, or absent', () => {
    const file = join(app, 'dist', 'cli.cache');
    const cli = join(app, 'dist', 'cli.js');
    const source = readFileSync(cli);
    try {
      const flipped = Buffer.from(cache);
      flipped[flipped.length - 100] ^= 0xff;
      writeFileSync(file, flipped);
      expect(cacheState()).toBe('damaged');
      expect(check()).toBe(expected);
      writeFileSync(file, cache.subarray(0, 50));
      expect(cacheState()).toBe('damaged');
      writeFileSync(file, cache);
      appendFileSync(cli, '\n// another build\n');
      expect(cacheState()).toBe('stale');
      expect(check()).toBe(expected);
      writeFileSync(cli, source);
      expect(cacheState()).toBe('used');
      rmSync(file);
      expect(cacheState()).toBe('absent');
      expect(check()).toBe(expected);
    } finally {
      writeFileSync(file, cache);
      writeFileSync(cli, source);
    }
  });
});
