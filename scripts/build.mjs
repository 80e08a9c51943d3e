// Bundles the CLI, the language server and the VS Code client with esbuild.
// One bundle each keeps start-up lean: no module resolution across hundreds of files at run time.
import {build} from 'esbuild';
import {existsSync} from 'node:fs';
import {writeCodeCache} from './code-cache.mjs';
import {BUNDLE_OPTIONS} from './esbuild-options.mjs';

const entries = [
  // The engine alone, as a library: used by the benchmark (bench/) and the evaluation (eval/).
  {in: 'server/src/analysis/index.ts', out: 'dist/engine.js'},
  {in: 'server/src/cli/main.ts', out: 'dist/cli.js'},
  {in: 'server/src/lsp/main.ts', out: 'dist/server.js'},
  // The extension ships in the .vsix; `vscode` is provided by the editor. Fully minified it is half
  // the size, and it runs no hot loop, so its names are kept for stack traces.
  {in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], extra: {minify: true, keepNames: true}}
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    ...BUNDLE_OPTIONS,
    logLevel: 'warning',
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.external ?? [],
    ...entry.extra
  });
}

// V8's code cache for the CLI (dist/cli.cache, read by bin/whosaid.js): without it the CLI still runs,
// ~20 ms slower to start, so a failure here is a warning.
if (existsSync('dist/cli.js')) {
  try {
    writeCodeCache('bin/whosaid.js');
  } catch (error) {
    console.warn(`warning: dist/cli.cache not made: ${error.message}`);
  }
}
