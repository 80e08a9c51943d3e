// The grammar fuzzer's long run: `npm run fuzz -- --seconds=600`. Bundles test/robustness/fuzz-run.ts
// (with the engine from the sources) into a temporary file and runs it. Options:
//   --seconds=N     run for N seconds (default 120)      --cases=N     or exactly N cases
//   --seed=N        first seed (default: from the clock; printed, so a run can be repeated)
//   --min-size=N --max-size=N   case sizes in characters (default 32 to 65,536; a log scale)
//   --big=N         first N rounds of full-size cases: every shape at --max-size
//   --engine=FILE   fuzz another build of the engine (a CommonJS bundle such as dist/engine.js)
//   --top=N         how many of the slowest inputs to print (default 10)
// docs/reliability.md gives the grammar and the runs made so far.
import {build} from 'esbuild';
import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {BUNDLE_OPTIONS} from './esbuild-options.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'whosaid-fuzz-'));
const out = join(dir, 'fuzz-run.cjs');
try {
  await build({
    ...BUNDLE_OPTIONS,
    logLevel: 'warning',
    entryPoints: [join(root, 'test', 'robustness', 'fuzz-run.ts')],
    outfile: out,
    // Merged, not replaced: the bundle reads the packed part-of-speech model beside itself.
    define: {...BUNDLE_OPTIONS.define, WHOSAID_CHECKOUT: JSON.stringify(root)}
  });
  const argv = process.argv.slice(2).map((arg) => (arg.startsWith('--engine=') ? `--engine=${resolve(arg.slice(9))}` : arg));
  process.exitCode = createRequire(import.meta.url)(out).main(argv);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
