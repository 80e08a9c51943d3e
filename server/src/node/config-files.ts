// Finding and reading .whosaidrc.json on disk, shared by the CLI and the language server.
import {readFileSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {CONFIG_FILE_NAMES, parseConfig, type ConfigError, type ParsedConfig} from '../analysis';

/** Config files larger than this are refused: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1_000_000;

/** The nearest config file at or above `startDir`, or null. Stops at `stopDir` when given. */
export function findConfigFile(startDir: string, stopDir?: string): string | null {
  let dir = resolve(startDir);
  const stop = stopDir ? resolve(stopDir) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (pathExists(candidate)) return candidate;
    }
    if (dir === stop) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Whether anything (file, folder, pipe) is at `path`. */
export function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates a config file. Every failure becomes a ConfigError naming the file. */
export function readConfigFile(path: string): ParsedConfig {
  const whole = (message: string): ParsedConfig => ({
    ok: false,
    errors: [{path, line: 1, column: 1, start: 0, end: 0, message} satisfies ConfigError]
  });
  let text: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return whole('The config path is a folder, not a file');
    // A pipe or a device (/dev/zero) would block or never end.
    if (!stat.isFile()) return whole('The config path is not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) return whole(`The config file is too large (${stat.size} bytes; the limit is ${MAX_CONFIG_BYTES})`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return whole(code === 'ENOENT' ? 'The config file does not exist' : `The config file cannot be read (${code ?? String(error)})`);
  }
  return parseConfig(text, path);
}

export function formatConfigError(error: ConfigError): string {
  return `${error.path}:${error.line}:${error.column}: ${error.message}`;
}
