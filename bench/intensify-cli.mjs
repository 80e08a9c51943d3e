#!/usr/bin/env node
// A minimal retext-intensify command line, the baseline for whole-process CLI timing:
// read one file, run retext + retext-english + retext-intensify on it whole, print the messages as JSON.
// Usage: node bench/intensify-cli.mjs FILE
import {readFileSync} from 'node:fs';
import {retext} from 'retext';
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';
import {VFile} from 'vfile';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: intensify-cli FILE\n');
  process.exit(2);
}
const file = new VFile({path, value: readFileSync(path, 'utf8')});
await retext().use(retextEnglish).use(retextIntensify).process(file);
const messages = file.messages.map((m) => ({
  ruleId: m.ruleId,
  message: m.reason,
  line: m.line,
  column: m.column,
  actual: m.actual ?? null
}));
process.stdout.write(JSON.stringify({file: path, messages}) + '\n');
process.exitCode = messages.length ? 1 : 0;
