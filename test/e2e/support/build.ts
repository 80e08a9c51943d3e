// Builds what the end-to-end tests run: dist/server.js for Neovim and Emacs, and the real .vsix
// from `npm run package` for VS Code. Rebuilt only when missing or older than its sources.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SERVER_JS = join(REPO, 'dist', 'server.js');
export const VSIX = join(REPO, 'whosaid.vsix');
export const ARTIFACTS = join(REPO, 'test', 'e2e', 'artifacts');

const SOURCES = [
  'server/src',
  'client/src',
  'docs/rules',
  'schemas',
  'scripts/build.mjs',
  'scripts/esbuild-options.mjs',
  'scripts/package-vsix.mjs',
  'images',
  'CHANGELOG.md',
  'README.md',
  'package.json',
  '.vscodeignore'
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function sourcesMtime(): number {
  return Math.max(...SOURCES.map((p) => newestMtime(join(REPO, p))));
}

function stale(artifact: string): boolean {
  return !existsSync(artifact) || statSync(artifact).mtimeMs < sourcesMtime();
}

/** One build at a time across the test files that vitest runs in parallel. */
function withLock<T>(fn: () => T): T {
  const lock = join(tmpdir(), 'whosaid-e2e-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than two minutes was left by a killed run
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, {recursive: true, force: true});
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`build lock ${lock} still held after 120 s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}

export function ensureServerBuilt(): string {
  withLock(() => {
    if (stale(SERVER_JS)) execFileSync('node', ['scripts/build.mjs'], {cwd: REPO, stdio: 'pipe', timeout: 120_000});
  });
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} was not built`);
  return SERVER_JS;
}

export function ensureVsix(): string {
  withLock(() => {
    if (stale(VSIX) || stale(SERVER_JS)) {
      execFileSync('npm', ['run', 'package', '--silent'], {cwd: REPO, stdio: 'pipe', timeout: 180_000});
    }
  });
  if (!existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
  return VSIX;
}

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, {recursive: true});
  return ARTIFACTS;
}
