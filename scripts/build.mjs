// Bundles the CLI, the language server and the VS Code client with esbuild.
// One bundle each keeps start-up lean: no module resolution across hundreds of files at run time.
import {build} from 'esbuild';
import {existsSync} from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // ESM builds first: jsonc-parser's UMD `main` requires './impl/format' at run time, which esbuild
  // leaves as a dangling require (the bundle then fails with "Cannot find module './impl/format'").
  mainFields: ['module', 'main']
};

const entries = [
  // The engine alone, as a library: used by the benchmark (bench/).
  {in: 'server/src/analysis/index.ts', out: 'dist/engine.js'},
  {in: 'server/src/cli/main.ts', out: 'dist/cli.js'},
  {in: 'server/src/lsp/main.ts', out: 'dist/server.js'},
  // The extension ships in the .vsix: minified it is half the size (names kept for stack traces).
  {in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], minify: true}
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({...common, entryPoints: [entry.in], outfile: entry.out, external: entry.external ?? [], minify: entry.minify ?? false, keepNames: entry.minify ?? false});
}
