// The esbuild options of every whosaid bundle, shared by scripts/build.mjs, the test helpers that
// bundle a fresh copy (test/helpers/bundle.ts) and the benchmark (bench/run.mjs), so all three
// measure and test the same build.
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
  mainFields: ['module', 'main']
});
