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
      const bundle = join(repoRoot, 'dist', 'engine.js');
      if (!existsSync(bundle)) throw new Error('dist/engine.js missing: run `npm run build` first');
      const engine = require(bundle);
      let last = null;
      const run = (text, format) => {
        // A fresh analyzer per run: a whole-document analysis with an empty paragraph cache.
        const analyzer = engine.createAnalyzer({format});
        const result = analyzer.analyze(text, format);
        last = {...analyzer.lastRun(), notices: result.notices};
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
