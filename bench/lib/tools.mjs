// The tools under comparison, each loaded as a library and run on a whole document.
// `load()` returns a function (text, format) => number of messages reported.
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {existsSync} from 'node:fs';

const require = createRequire(import.meta.url);

export const TOOLS = {
  whosaid: {
    label: 'whosaid engine',
    async load(repoRoot) {
      // WHOSAID_BENCH_ENGINE: another build of the engine (bench/profile.mjs uses one with a source map).
      const bundle = process.env.WHOSAID_BENCH_ENGINE || join(repoRoot, 'dist', 'engine.js');
      if (!existsSync(bundle)) throw new Error('dist/engine.js missing: run `npm run build` first');
      const t0 = performance.now();
      const engine = require(bundle);
      const t1 = performance.now();
      // No size limit: the benchmark's 1M-word text is over the engine's default maxLength.
      const options = (format) => ({format, maxLength: Number.MAX_SAFE_INTEGER});
      engine.createAnalyzer(options('plaintext')); // the first one builds the shared lexicon
      const setup = {loadMs: t1 - t0, firstAnalyzerMs: performance.now() - t1};
      let last = null;
      const run = (text, format) => {
        // A fresh analyzer per run: a whole-document analysis with an empty paragraph cache.
        const analyzer = engine.createAnalyzer(options(format));
        const result = analyzer.analyze(text, format);
        if (result.notices.some((n) => /not checked/i.test(n))) throw new Error(`engine declined the text: ${result.notices.join('; ')}`);
        last = {...setup, ...analyzer.lastRun(), notices: result.notices};
        return result.findings.length;
      };
      run.details = () => last;
      return run;
    }
  },
  'retext-parse': {
    label: 'retext-english parse only',
    async load() {
      const {retext} = await import('retext');
      const {default: retextEnglish} = await import('retext-english');
      const processor = retext().use(retextEnglish).freeze();
      return (text) => {
        processor.parse(text);
        return 0;
      };
    }
  },
  'retext-intensify': {
    label: 'retext-intensify',
    async load() {
      const {retext} = await import('retext');
      const {default: retextEnglish} = await import('retext-english');
      const {default: retextIntensify} = await import('retext-intensify');
      const processor = retext().use(retextEnglish).use(retextIntensify).freeze();
      // Parse, run the plugin and serialise: what `retext` with the plugin does on one file.
      return (text) => processor.processSync(text).messages.length;
    }
  },
  alex: {
    label: 'alex',
    async load() {
      const alex = await import('alex');
      // alex's own entry points: `markdown` (its default) or `text`, per the document format.
      return (text, format) => (format === 'markdown' ? alex.markdown(text) : alex.text(text)).messages.length;
    }
  },
  'write-good': {
    label: 'write-good',
    async load() {
      const writeGood = require('write-good');
      return (text) => writeGood(text).length;
    }
  }
};
