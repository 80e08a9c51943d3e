// Packs whosaid.vsix with vsce from a staging folder. package.json's `files` says what the npm package
// carries (the CLI and the server), and vsce refuses a manifest with both `files` and a .vscodeignore;
// so the extension's own list stays in .vscodeignore (its `!` lines), and this script copies those
// files, and package.json without `files`, into a temporary folder and runs vsce there.
// Usage: node scripts/package-vsix.mjs [out.vsix]  (default: whosaid.vsix at the repository root)
import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'whosaid.vsix'));

/** The files .vscodeignore lets in: its `!path` lines, where a `*` stands for any name in one folder. */
function included() {
  const files = [];
  for (const line of readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n')) {
    const pattern = line.trim();
    if (!pattern.startsWith('!')) continue;
    const path = pattern.slice(1);
    const folder = dirname(path);
    const name = path.slice(folder === '.' ? 0 : folder.length + 1);
    if (!name.includes('*')) {
      if (existsSync(join(ROOT, path))) files.push(path);
      continue;
    }
    const match = new RegExp('^' + name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
    const dir = join(ROOT, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isFile() && match.test(entry.name)) files.push(folder === '.' ? entry.name : `${folder}/${entry.name}`);
    }
  }
  return [...new Set(files)].sort();
}

const stage = mkdtempSync(join(tmpdir(), 'whosaid-vsix-'));
try {
  const files = included();
  for (const file of ['dist/extension.js', 'dist/server.js', 'package.json']) {
    if (!files.includes(file)) throw new Error(`.vscodeignore must let ${file} in`);
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(stage, file)), {recursive: true});
    copyFileSync(join(ROOT, file), join(stage, file));
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete manifest.files;
  // Nothing to run at packing time: vsce would run `vscode:prepublish` and npm scripts from here.
  delete manifest.scripts;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // Everything staged is meant to ship: an ignore file that ignores nothing (and keeps vsce from
  // warning that there is none).
  writeFileSync(join(stage, '.vscodeignore'), '.vscodeignore\n');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out],
    {cwd: stage, stdio: ['ignore', 'inherit', 'inherit']}
  );
} finally {
  rmSync(stage, {recursive: true, force: true});
}
