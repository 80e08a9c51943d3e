// Finds the editors and browser the end-to-end tests drive. A missing tool skips its test with a
// line saying what to install, except under CI=true, where a missing tool fails the test.
import {execFileSync} from 'node:child_process';
import {accessSync, constants, existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {delimiter, join} from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const INSTALL_HINT = 'bash .ci/install-editors.sh';
export const IN_CI = process.env.CI === 'true';

export type ToolName = 'chromium' | 'code-server' | 'nvim' | 'emacs';

export interface Tools {
  found: Partial<Record<ToolName, string>>;
  missing: {tool: ToolName; why: string}[];
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** The folder .ci/install-editors.sh installs code-server into. */
export function e2eCacheDir(): string {
  return process.env.WHOSAID_E2E_CACHE || join(homedir(), '.cache', 'whosaid-e2e');
}

function findChromium(): {path?: string; why: string} {
  const env = process.env.WHOSAID_CHROMIUM;
  if (env) return executable(env) ? {path: env, why: ''} : {why: `WHOSAID_CHROMIUM=${env} is not executable`};
  for (const candidate of ['/usr/bin/chromium', which('chromium'), which('chromium-browser')]) {
    if (candidate && executable(candidate)) return {path: candidate, why: ''};
  }
  return {why: "Debian's chromium (/usr/bin/chromium) not found"};
}

function findCodeServer(): {path?: string; why: string} {
  const env = process.env.WHOSAID_CODE_SERVER;
  if (env) return executable(env) ? {path: env, why: ''} : {why: `WHOSAID_CODE_SERVER=${env} is not executable`};
  const dir = join(e2eCacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  if (executable(bin) && existsSync(join(dir, '.whosaid-installed'))) return {path: bin, why: ''};
  return {why: `code-server ${CODE_SERVER_VERSION} not found in ${dir}`};
}

function findNvim(): {path?: string; why: string} {
  const path = which('nvim');
  if (!path) return {why: 'nvim (Debian package neovim) not on PATH'};
  try {
    const version = execFileSync(path, ['--version'], {encoding: 'utf8', timeout: 10_000}).split('\n')[0];
    const m = /NVIM v(\d+)\.(\d+)/.exec(version);
    if (!m || (Number(m[1]) === 0 && Number(m[2]) < 7)) return {why: `${version.trim()} is older than 0.7`};
  } catch (error) {
    return {why: `nvim --version failed: ${String(error)}`};
  }
  return {path, why: ''};
}

function findEmacs(): {path?: string; why: string} {
  const path = which('emacs');
  if (!path) return {why: 'emacs (Debian package emacs-nox) not on PATH'};
  try {
    const out = execFileSync(
      path,
      ['--batch', '--eval', '(progn (require (quote eglot)) (princ (if (fboundp (quote eglot)) "eglot-ok" "no")))'],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: {...process.env, HOME: '/nonexistent-whosaid-home'},
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    if (!out.includes('eglot-ok')) return {why: 'eglot not loadable in emacs (Debian package elpa-eglot)'};
  } catch {
    return {why: 'eglot not loadable in emacs (Debian package elpa-eglot)'};
  }
  return {path, why: ''};
}

const finders: Record<ToolName, () => {path?: string; why: string}> = {
  chromium: findChromium,
  'code-server': findCodeServer,
  nvim: findNvim,
  emacs: findEmacs
};

export function findTools(names: ToolName[]): Tools {
  const tools: Tools = {found: {}, missing: []};
  for (const name of names) {
    const {path, why} = finders[name]();
    if (path) tools.found[name] = path;
    else tools.missing.push({tool: name, why});
  }
  return tools;
}

/**
 * Whether a suite should be skipped for missing tools. Prints the one line saying what to install.
 * Under CI=true it never skips: the suite's beforeAll calls assertTools and fails instead.
 */
export function skipFor(suite: string, tools: Tools): boolean {
  if (tools.missing.length === 0) return false;
  const what = tools.missing.map((m) => m.why).join('; ');
  if (IN_CI) return false;
  console.warn(`[whosaid e2e] SKIPPED ${suite}: ${what}. Install with: ${INSTALL_HINT}`);
  return true;
}

export function assertTools(suite: string, tools: Tools): void {
  if (tools.missing.length === 0) return;
  const what = tools.missing.map((m) => m.why).join('; ');
  throw new Error(`${suite} needs tools that are missing (CI=true makes this a failure): ${what}. Install with: ${INSTALL_HINT}`);
}
