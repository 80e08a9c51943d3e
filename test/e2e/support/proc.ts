// Child processes for the end-to-end tests: each in its own process group, with its output kept,
// bounded waits for a line of output or for exit, and a cleanup that ends the whole group.
import {spawn, type ChildProcess, type SpawnOptions} from 'node:child_process';
import {createServer} from 'node:net';

export interface Proc {
  name: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** Waits for a line matching `pattern`, at most `timeoutMs`; rejects with the output so far. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Ends the process group: SIGTERM, then SIGKILL if it has not ended within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Proc>();

export function start(name: string, command: string, args: string[], options: SpawnOptions = {}): Proc {
  const child = spawn(command, args, {...options, detached: true, stdio: ['ignore', 'pipe', 'pipe']});
  let text = '';
  const watchers = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.length > 2_000_000) text = text.slice(-1_000_000);
    for (const w of watchers) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exitCode: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal ?? 'unknown';
      resolve(exitCode);
      for (const w of watchers) w();
    });
    child.on('error', (error) => {
      text += `\n[spawn error] ${String(error)}\n`;
      exitCode = 'spawn-error';
      resolve(exitCode);
      for (const w of watchers) w();
    });
  });

  const proc: Proc = {
    name,
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (m) {
            done();
            resolve(m);
          } else if (exitCode !== undefined) {
            done();
            reject(new Error(`${name} exited (${exitCode}) before printing ${pattern}. Output:\n${tail(text)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms. Output:\n${tail(text)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
    async stop(graceMs = 5000) {
      running.delete(proc);
      if (exitCode !== undefined || child.pid === undefined) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
      if ((await Promise.race([exited, timer])) === 'timeout') {
        killGroup(child.pid, 'SIGKILL');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      }
    }
  };
  running.add(proc);
  return proc;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs a command to completion with a time limit; resolves with its exit code and output. */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & {timeoutMs: number}
): Promise<{code: number | string; output: string}> {
  const proc = start(name, command, args, options);
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.timeoutMs).unref());
  const result = await Promise.race([proc.exited, timer]);
  if (result === 'timeout') {
    await proc.stop(1000);
    throw new Error(`${name} did not finish within ${options.timeoutMs} ms. Output:\n${tail(proc.output())}`);
  }
  running.delete(proc);
  return {code: result, output: proc.output()};
}

/** Ends every process started here that is still running (for afterAll, even after a failure). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

export function tail(text: string, lines = 60): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** A free TCP port on 127.0.0.1 (the OS picks it; the listener is closed before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `check` until it returns a truthy value, at most `timeoutMs`; for conditions with no event to wait on. */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs: number, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
