// Writes the rules' settings into package.json and schemas/whosaidrc.schema.json from the declarations in
// server/src/analysis/rules/meta.ts (run after adding or renaming a rule: `node scripts/sync-rules.mjs`).
// test/unit/rule-declarations.test.ts fails until the files agree with the declarations.
import {build} from 'esbuild';
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import * as prettier from 'prettier';

const root = join(import.meta.dirname, '..');
const bundle = await build({
  entryPoints: [join(root, 'server/src/analysis/rules/settings-schema.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning'
});
const module = {exports: {}};
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const {packageJsonRuleSettings, schemaRuleSettings} = module.exports;

async function update(file, change) {
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const before = JSON.stringify(data);
  change(data);
  if (JSON.stringify(data) === before) return console.log(`${file}: up to date`);
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(JSON.stringify(data, null, 2), {...options, filepath: path}));
  console.log(`updated ${file}`);
}

await update('package.json', (pkg) => {
  pkg.contributes.configuration.properties['whosaid.rules'].properties = packageJsonRuleSettings();
});
await update('schemas/whosaidrc.schema.json', (schema) => {
  schema.properties.rules.properties = schemaRuleSettings();
});
