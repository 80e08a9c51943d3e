// Builds one of the project's bundles from the sources for a test, with the options scripts/build.mjs
// uses (scripts/esbuild-options.mjs), writing to a temporary name and renaming it into place, so a test file starting the bundle
// at the same moment never reads half a file.
import {renameSync} from 'node:fs';
import {join, resolve} from 'node:path';
// @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
import {BUNDLE_OPTIONS} from '../../scripts/esbuild-options.mjs';

export const ROOT = resolve(__dirname, '..', '..');

/** `entry` and `outfile` are relative to the repository root. */
export async function bundleAtomically(entry: string, outfile: string): Promise<void> {
  const {build} = await import('esbuild');
  const target = join(ROOT, outfile);
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp.js`;
  await build({...BUNDLE_OPTIONS, logLevel: 'warning', entryPoints: [join(ROOT, entry)], outfile: tmp});
  renameSync(tmp, target);
}
