// Which files a CLI run checks: paths given, folders walked for drafts, symlink loops refused.
import {readdirSync, realpathSync, statSync} from 'node:fs';
import {extname, join, relative} from 'node:path';

export const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export class InputError extends Error {}

export function formatOf(path: string): 'markdown' | 'plaintext' {
  const ext = extname(path).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'plaintext';
}

/** Expands the command line's paths into files, in a stable order. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new InputError(`${path}: symbolic link loop`);
      throw new InputError(`${path}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(path, found, new Set());
      if (found.length === 0) throw new InputError(`${path}: no drafts (.md, .markdown, .txt) in this folder`);
      files.push(...found.sort());
    } else files.push(path);
  }
  return [...new Set(files)];
}

function walk(dir: string, found: string[], seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  // A folder reached twice (through a symbolic link) is a loop: walk it once.
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch (error) {
    throw new InputError(`${dir}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = statSync(path);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        continue;
      }
    }
    if (isDirectory) walk(path, found, seen);
    else if (isFile && DRAFT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
}

/** A path as shown in reports: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path === '<stdin>') return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
