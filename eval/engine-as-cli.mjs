#!/usr/bin/env node
// A stand-in for `whosaid --format json FILE` that runs an engine bundle in this process, so the
// real-news scorer (../shared/realnews-dev/score.mjs, which speaks the CLI's JSON) can score the build
// eval/run.mjs was given with --engine. Usage: WHOSAID_ENGINE=dist/engine.js node eval/engine-as-cli.mjs --format json FILE
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {resolve} from 'node:path';

const require = createRequire(import.meta.url);
const engine = require(resolve(process.env.WHOSAID_ENGINE ?? 'dist/engine.js'));
const file = process.argv[process.argv.length - 1];
const text = readFileSync(file, 'utf8');
const lineStarts = [0];
for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
const position = (offset) => {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return {line: low + 1, column: offset - lineStarts[low] + 1};
};
const {findings} = engine.analyze(text, {format: file.endsWith('.md') ? 'markdown' : 'plaintext'});
const messages = findings.map((f) => ({ruleId: f.ruleId, severity: f.severity, ...position(f.start), actual: f.actual}));
process.stdout.write(JSON.stringify([{path: file, messages}]) + '\n');
