// The esbuild options of every whosaid bundle, shared by scripts/build.mjs, the test helpers that
// bundle a fresh copy (test/helpers/bundle.ts) and the benchmark (bench/run.mjs), so all three
// measure and test the same build.
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {packModel} from './pos-model-pack.mjs';

/** The file name of the part-of-speech model's core data beside each bundle that tags. */
export const MODEL_FILE = 'whosaid-pos-model.bin';
/** What the bundles used to ship instead (removed from the output folder if a build finds it there). */
const OLD_MODEL_FILE = 'whosaid-pos-model.json';
const MODEL_REQUEST = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

let packed = null;
/** The packed model's bytes, made once a process (~100 ms). */
function packedModel() {
  packed ??= packModel(JSON.parse(readFileSync(createRequire(import.meta.url).resolve(MODEL_REQUEST), 'utf8')));
  return packed;
}

/**
 * The part-of-speech model's core data (wink-eng-lite-web-model, 3 MB of JSON) is not put into the
 * bundles: a bundle holding it as an object literal takes 45 ms longer to load (V8 parses the whole
 * file on every start of the CLI, tagging or not). It is packed (scripts/pos-model-pack.mjs) into a
 * file beside the bundle instead (dist/whosaid-pos-model.bin, shipped in the .vsix and the npm
 * package), which the bundle reads when the first paragraph is tagged: ~10 ms where requiring the JSON,
 * decoding its base64 and hashing its 87,593 lexemes took ~60. `WHOSAID_POS_MODEL` tells the code
 * (server/src/analysis/nlp/tags/model.ts) the file's name; the JSON's request, left in the code for the
 * sources run as they are (vitest), is made external and is dropped from the bundle as dead code.
 */
const MODEL_BESIDE_THE_BUNDLE = {
  name: 'pos-model-beside-the-bundle',
  setup(build) {
    let used = false;
    build.onResolve({filter: /^wink-eng-lite-web-model\/dist\/languages\/cur\/models\/eng-core-web-model\.json$/}, () => {
      used = true;
      return {path: `./${OLD_MODEL_FILE}`, external: true};
    });
    build.onEnd((result) => {
      if (!used || result.errors.length > 0 || build.initialOptions.write === false) return;
      const {outfile, outdir} = build.initialOptions;
      const folder = outdir ?? dirname(outfile);
      mkdirSync(folder, {recursive: true});
      const target = join(folder, MODEL_FILE);
      // Under a temporary name, then renamed: a test starting a bundle meanwhile never reads half a file.
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, packedModel());
      renameSync(tmp, target);
      rmSync(join(folder, OLD_MODEL_FILE), {force: true});
    });
  }
};

/**
 * wink-eng-lite-web-model's WordNet exception lists (its lemmatizer's irregular forms: 5,644 words in
 * three files) are written as one assignment a word, `exceptions.wryer=wry,...`: V8 took ~10 ms to
 * compile and run them when the first paragraph was tagged. The same tables as a JSON string given to
 * JSON.parse load in ~2 ms. Made from the package's modules at build time, so the tables are the same;
 * they keep their null prototype ("constructor" must not find Object's).
 */
const WORDNET_EXCEPTIONS_AS_JSON = {
  name: 'wordnet-exceptions-as-json',
  setup(build) {
    build.onLoad({filter: /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]wn-(adjective|noun|verb)-exceptions\.js$/}, ({path}) => {
      const table = createRequire(import.meta.url)(path);
      if (Object.getPrototypeOf(table) !== null || !Object.values(table).every((value) => typeof value === 'string')) {
        throw new Error(`${path}: not a null-prototype table of strings any more; see WORDNET_EXCEPTIONS_AS_JSON`);
      }
      const json = JSON.stringify(JSON.stringify(table));
      return {contents: `module.exports = Object.setPrototypeOf(JSON.parse(${json}), null);`, loader: 'js'};
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
  define: {WHOSAID_POS_MODEL: JSON.stringify(MODEL_FILE)},
  plugins: [MODEL_BESIDE_THE_BUNDLE, WORDNET_EXCEPTIONS_AS_JSON]
});
