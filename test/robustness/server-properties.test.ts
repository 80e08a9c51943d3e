// Property-based test through the language server: random documents (hostile Unicode or Markdown),
// opened and then edited by random incremental didChange notifications sent without waiting, as an
// editor does when someone types fast. The diagnostics published for the final version must be the
// engine's findings for the final text, checked fresh (same rules, same ranges), every range inside
// the document and on character boundaries.
import fc from 'fast-check';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {analyze} from '../../server/src/analysis';
import {buildServer, fileUri, LspClient, offsetOf, positionOf, removeDir, tempDir} from '../protocol/harness';
import {editArb, lfMarkdown, markdownText, resolveEdit, runs, splitsPair, unicodeText} from './arbitraries';

export const SERVER_RUNS = 80;
const MAX_EDITS = 15;

let dir: string;
let client: LspClient;

beforeAll(async () => {
  await buildServer();
  dir = tempDir('whosaid-robust-props-');
  client = await LspClient.start({folder: dir});
});

afterAll(async () => {
  await client?.stop();
  removeDir(dir);
});

describe('the language server under random edits', () => {
  it(`final diagnostics equal a fresh engine check of the final text (${SERVER_RUNS} documents, up to ${MAX_EDITS} didChange edits each)`, async () => {
    let count = 0;
    let edits = 0;
    const documents = fc.oneof(
      fc.tuple(unicodeText, fc.constantFrom('plaintext', 'markdown')),
      fc.tuple(fc.oneof(markdownText, lfMarkdown), fc.constant('markdown'))
    );
    await fc.assert(
      fc.asyncProperty(documents, fc.array(editArb, {maxLength: MAX_EDITS}), async ([initial, languageId], changes) => {
        const uri = fileUri(join(dir, `doc-${++count}.${languageId === 'markdown' ? 'md' : 'txt'}`));
        let text = initial;
        let version = 1;
        await client.open(uri, text, languageId, version);
        for (const change of changes) {
          const {start, end, insert} = resolveEdit(text, change);
          const range = {start: positionOf(text, start), end: positionOf(text, end)};
          text = text.slice(0, start) + insert + text.slice(end);
          edits++;
          void client.change(uri, ++version, [{range, text: insert}]);
        }
        const diagnostics = await client.diagnosticsAt(uri, version);
        const format = languageId === 'markdown' ? 'markdown' : 'plaintext';
        const expected = analyze(text, {format}).findings.map((f) => `${f.ruleId} ${f.start}-${f.end}`);
        const got = diagnostics.map((d) => {
          const start = offsetOf(text, d.range.start);
          const end = offsetOf(text, d.range.end);
          // Inside the document and on character boundaries (offsetAt clamps, so compare round trips).
          expect(positionOf(text, start)).toEqual(d.range.start);
          expect(positionOf(text, end)).toEqual(d.range.end);
          expect(splitsPair(text, start) || splitsPair(text, end), `${d.code} splits a surrogate pair`).toBe(false);
          return `${d.code} ${start}-${end}`;
        });
        expect(got.sort()).toEqual(expected.sort());
        await client.close(uri);
      }),
      runs(SERVER_RUNS)
    );
    expect(edits).toBeGreaterThan(SERVER_RUNS);
    expect(client.child.exitCode).toBeNull();
  }, 180_000);
});
