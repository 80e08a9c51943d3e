// The esbuild options of every whosaid bundle, shared by scripts/build.mjs, the test helpers that
// bundle a fresh copy (test/helpers/bundle.ts) and the benchmark (bench/run.mjs), so all three
// measure and test the same build.
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  // Minified bundles load faster (a one-file CLI run spends ~10% of its time compiling the bundle);
  // names are kept so stack traces still say which function failed.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  // ESM builds first: jsonc-parser's UMD `main` requires './impl/format' at run time, which esbuild
  // leaves as a dangling require (the bundle then fails with "Cannot find module './impl/format'").
  mainFields: ['module', 'main']
});
