// Finding the drafts under the workspace folders, for the workspace check.
import {readdirSync} from 'node:fs';
import {extname, join} from 'node:path';
import type {DocumentFormat} from '../analysis';

export const DRAFT_EXTENSIONS: Record<string, {languageId: string; format: DocumentFormat}> = {
  '.md': {languageId: 'markdown', format: 'markdown'},
  '.markdown': {languageId: 'markdown', format: 'markdown'},
  '.txt': {languageId: 'plaintext', format: 'plaintext'}
};

/** Folders never worth walking into. Hidden folders (.git, .vscode ...) are skipped too. */
const SKIP_DIRS = new Set(['node_modules', 'bower_components', '__pycache__']);

export const MAX_WORKSPACE_FILES = 5000;
const MAX_DIRS = 20000;

/**
 * Lists draft files under the folders, breadth first, sorted within each folder so the order is stable.
 * Stops at MAX_WORKSPACE_FILES files; `truncated` says so.
 */
export function listDrafts(folders: string[], isCancelled: () => boolean): {files: string[]; truncated: boolean} {
  const files: string[] = [];
  const queue = [...folders];
  let dirs = 0;
  while (queue.length > 0 && !isCancelled()) {
    const dir = queue.shift()!;
    if (++dirs > MAX_DIRS) return {files, truncated: true};
    let entries;
    try {
      entries = readdirSync(dir, {withFileTypes: true});
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(path);
      } else if (entry.isFile() && extname(entry.name).toLowerCase() in DRAFT_EXTENSIONS) {
        files.push(path);
        if (files.length >= MAX_WORKSPACE_FILES) return {files, truncated: true};
      }
    }
  }
  return {files, truncated: false};
}
