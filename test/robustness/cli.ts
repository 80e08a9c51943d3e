// Runs the real CLI (`node bin/whosaid.js`, which loads dist/cli.js) as a child process. dist/cli.js is
// rebuilt from the sources once per test file, written to a temporary name and renamed into place so a
// concurrent run never loads half a bundle (the same options as scripts/build.mjs).
import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {bundleAtomically} from '../helpers/bundle';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'whosaid.js');
export const SHARED = resolve(ROOT, '..', 'shared');

let built: Promise<void> | undefined;

export function buildCli(): Promise<void> {
  built ??= bundleAtomically('server/src/cli/main.ts', 'dist/cli.js');
  return built;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface CliOptions {
  cwd: string;
  input?: string | Buffer;
  /** Extra node arguments before the script, e.g. ['-r', preload]. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** A bound on the wait; a run that reaches it is killed and reported as timed out. */
  timeoutMs?: number;
}

function outcome(result: SpawnSyncReturns<string>): CliRun {
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut};
}

export function runCli(args: string[], options: CliOptions): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', ...options.env},
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024
  });
  return outcome(result);
}

/** Runs the CLI with a shell redirection for standard input, e.g. '<&-' (closed) or '</dev/null'. */
export function runCliShell(args: string[], redirect: string, options: CliOptions): CliRun {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('/bin/sh', ['-c', `exec ${quoted} ${redirect}`], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', ...options.env},
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL'
  });
  return outcome(result);
}

/** Starts the CLI reading standard input, writes `chunk`, then closes its input at once. */
export function runCliClosingInput(args: string[], chunk: string, options: CliOptions): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', ...options.env}});
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({status, signal, stdout, stderr, timedOut});
    });
    child.stdin.on('error', () => undefined);
    // Half a sentence, then the pipe is gone: the writer (an editor, a script) died mid-draft.
    child.stdin.write(chunk);
    child.stdin.destroy();
  });
}

export function tempDir(prefix = 'whosaid-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
}

/** A Node stack frame line, as printed by an uncaught error. */
export const STACK_FRAME = /^ {4}at /m;
