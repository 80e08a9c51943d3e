// The esbuild options of every whosaid bundle, shared by scripts/build.mjs, the test helpers that
// bundle a fresh copy (test/helpers/bundle.ts) and the benchmark (bench/run.mjs), so all three
// measure and test the same build.
import {copyFileSync, renameSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

/** The file name of the part-of-speech model's core data beside each bundle that tags. */
export const MODEL_FILE = 'whosaid-pos-model.json';
const MODEL_REQUEST = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

/**
 * The part-of-speech model's core data (wink-eng-lite-web-model, 3 MB of JSON) is not put into the
 * bundles: a bundle holding it as an object literal takes 45 ms longer to load (V8 parses the whole
 * file on every start of the CLI, tagging or not), as a string given to JSON.parse longer still. It is
 * copied beside the bundle instead (dist/whosaid-pos-model.json, shipped in the .vsix), and the bundle
 * requires it there when the first paragraph is tagged (Node reads JSON with JSON.parse: ~25 ms).
 */
const MODEL_BESIDE_THE_BUNDLE = {
  name: 'pos-model-beside-the-bundle',
  setup(build) {
    let used = false;
    build.onResolve({filter: /^wink-eng-lite-web-model\/dist\/languages\/cur\/models\/eng-core-web-model\.json$/}, () => {
      used = true;
      return {path: `./${MODEL_FILE}`, external: true};
    });
    build.onEnd((result) => {
      if (!used || result.errors.length > 0) return;
      const {outfile, outdir} = build.initialOptions;
      const target = join(outdir ?? dirname(outfile), MODEL_FILE);
      // Under a temporary name, then renamed: a test starting a bundle meanwhile never reads half a file.
      const tmp = `${target}.${process.pid}.tmp`;
      copyFileSync(createRequire(import.meta.url).resolve(MODEL_REQUEST), tmp);
      renameSync(tmp, target);
    });
  }
};

export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  // White space and syntax minified: the CLI bundle loads in 33 ms instead of 46 (a one-file run
  // spends ~10% of its time there). Identifiers are kept, so stack traces stay readable; esbuild's
  // keepNames is not used: its wrapper on every function created costs the engine ~25%.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // ESM builds first: jsonc-parser's UMD `main` requires './impl/format' at run time, which esbuild
  // leaves as a dangling require (the bundle then fails with "Cannot find module './impl/format'").
  mainFields: ['module', 'main'],
  plugins: [MODEL_BESIDE_THE_BUNDLE]
});
