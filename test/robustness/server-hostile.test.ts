// The hostile drafts in the real language server (dist/server.js over stdio, test/protocol/harness.ts):
// opened, edited and closed, three rounds. The server must publish diagnostics for every version,
// answer requests in between, keep its memory flat, and take no more than 3x the time of the same size
// of news from didOpen to diagnostics. Then fault isolation: a paragraph that throws (a test hook set
// by a `node -r` preload) gets a diagnostic of its own, the rest keep theirs, and the error is logged
// once, with the paragraph's length and never its text.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Diagnostic, Hover} from 'vscode-languageserver-protocol';
import {buildServer, fileUri, LspClient, positionOf, removeDir, tempDir} from '../protocol/harness';
import {FOUND, newsOfSize, repeated, SLOWDOWN_LIMIT} from './fuzz-core';
import {generate} from './grammar';

let dir: string;
beforeAll(async () => {
  await buildServer();
  dir = tempDir('whosaid-hostile-');
});
afterAll(() => removeDir(dir));

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

/** Every paragraph opened by a word of its own, so the server's paragraph cache has seen none of them. */
let salts = 0;
function salted(text: string, salt: string): string {
  const unique = `${salt}${++salts}x`;
  let n = 0;
  return text.replace(/(^|\n\n)(?=\S)/g, (start) => `${start}${unique}${n++} `);
}

/** The server's old-generation heap in this test, in MB. */
const HEAP_MB = 512;

const VERBOSE = Boolean(process.env.WHOSAID_ROBUST_VERBOSE);

const DRAFTS: {name: string; languageId: string; text: string}[] = [
  {name: 'said.txt', languageId: 'plaintext', text: repeated('said ', 750_000)},
  {name: 'according-to.txt', languageId: 'plaintext', text: repeated('according to ', 1 << 20)},
  {name: 'no-5.txt', languageId: 'plaintext', text: repeated(FOUND[0].unit, FOUND[0].size)},
  {name: 'us.txt', languageId: 'plaintext', text: repeated(FOUND[1].unit, FOUND[1].size)},
  {name: 'fuzz-document.md', languageId: 'markdown', text: generate({seed: 12, shape: 'document', size: 400_000}).text},
  {name: 'fuzz-repeat.txt', languageId: 'plaintext', text: generate({seed: 7896, shape: 'repeat', size: 262_144}).text}
];

describe('hostile drafts in the language server', () => {
  it.skipIf(process.platform !== 'linux')(
    'are opened, edited and closed three times: every version diagnosed, requests answered, memory flat, within 3x news',
    {timeout: 600_000},
    async () => {
      // The heap is capped: garbage is then collected as it would be on a writer's laptop under memory
      // pressure, and anything kept from round to round would end in an out-of-memory crash.
      const client = await LspClient.start({folder: dir, nodeArgs: [`--max-old-space-size=${HEAP_MB}`]});
      try {
        /** Opens a draft, waits for its diagnostics; returns the wall time from didOpen to them. */
        const openAndWait = async (uri: string, languageId: string, text: string): Promise<{ms: number; diagnostics: Diagnostic[]}> => {
          const start = performance.now();
          await client.open(uri, text, languageId, 1);
          const diagnostics = await client.diagnosticsAt(uri, 1);
          const ms = performance.now() - start;
          if (VERBOSE)
            console.log(`${uri.split('/').pop()}: ${text.length} characters, ${diagnostics.length} diagnostics in ${ms.toFixed(0)} ms`);
          return {ms, diagnostics};
        };
        const rss: number[] = [];
        const ratios: string[] = [];
        for (let round = 1; round <= 3; round++) {
          for (const draft of DRAFTS) {
            const uri = fileUri(join(dir, `r${round}-${draft.name}`));
            const opened = await openAndWait(uri, draft.languageId, draft.text);
            expect(
              opened.diagnostics.filter((d) => d.code === 'not-checked'),
              draft.name
            ).toEqual([]);
            // A request while the draft is open is answered.
            const hover = await client.request<Hover | null>('textDocument/hover', {
              textDocument: {uri},
              position: {line: 0, character: 2}
            });
            expect(hover === null || typeof hover === 'object').toBe(true);
            // Edits: a sentence typed at the end, the first characters replaced; the last version is diagnosed.
            let text = draft.text;
            const end = positionOf(text, text.length);
            await client.change(uri, 2, [{range: {start: end, end}, text: ' Experts say it might fail.'}]);
            text += ' Experts say it might fail.';
            await client.change(uri, 3, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 4}}, text: 'Officials'}]);
            const last = await client.diagnosticsAt(uri, 3);
            expect(last.filter((d) => d.code === 'not-checked')).toEqual([]);
            const lens = await client.request<unknown[] | null>('textDocument/codeLens', {textDocument: {uri}});
            expect(Array.isArray(lens) || lens === null).toBe(true);
            await client.close(uri);
            // Time against the same size of news in the same server, first round only, best of 2, each
            // text new to the server (its paragraph cache would answer a paragraph it has seen).
            if (round === 1) {
              let hostileMs = opened.ms;
              let newsMs = Infinity;
              // Best of 3 each, alternately; one more round of 3 when over the limit (wall time on a shared machine).
              for (let i = 0; i < 6 && (i < 3 || hostileMs / newsMs > SLOWDOWN_LIMIT); i++) {
                const newsUri = fileUri(join(dir, `news-${i}-${draft.name}`));
                const news = salted(newsOfSize(draft.text.length), `n${i}`);
                newsMs = Math.min(newsMs, (await openAndWait(newsUri, draft.languageId, news)).ms);
                await client.close(newsUri);
                if (i > 0) {
                  const againUri = fileUri(join(dir, `again-${i}-${draft.name}`));
                  hostileMs = Math.min(hostileMs, (await openAndWait(againUri, draft.languageId, salted(draft.text, 'h'))).ms);
                  await client.close(againUri);
                }
              }
              ratios.push(
                `${draft.name}: ${hostileMs.toFixed(0)} ms against ${newsMs.toFixed(0)} ms (${(hostileMs / newsMs).toFixed(2)}x)`
              );
              expect(
                hostileMs / newsMs,
                `${draft.name}: ${hostileMs.toFixed(0)} ms against ${newsMs.toFixed(0)} ms of news`
              ).toBeLessThanOrEqual(SLOWDOWN_LIMIT);
            }
          }
          await client.request('textDocument/codeLens', {textDocument: {uri: fileUri(join(dir, 'none.md'))}});
          rss.push(rssKb(client.child.pid!));
        }
        if (VERBOSE) console.log(`didOpen to diagnostics: ${ratios.join('; ')}\nVmRSS after each round: ${rss.join(', ')} kB`);
        // Flat: the server lived through the three rounds within its capped heap, and its resident memory
        // after each round stays under the cap plus what V8 keeps outside it. (Without a cap, VmRSS after
        // a round swings between 270 and 980 MB with the garbage not yet collected, run to run.)
        expect(client.child.exitCode).toBeNull();
        for (const kb of rss) expect(kb, `VmRSS after each round: ${rss.join(', ')} kB`).toBeLessThanOrEqual((HEAP_MB + 250) * 1024);
        expect(client.stderr).not.toMatch(/^\s+at /m);
      } finally {
        await client.stop();
      }
    }
  );
});

describe('a paragraph that throws, in the language server', () => {
  it(
    'gets its own diagnostic, the other paragraphs keep theirs, and the error is logged once without the text',
    {timeout: 120_000},
    async () => {
      const preload = join(dir, 'fault.cjs');
      writeFileSync(
        preload,
        "globalThis[Symbol.for('whosaid.test.paragraphFault')] = (text) => { if (text.includes('FAULTMARK')) throw new RangeError('injected for the test'); };\n"
      );
      const client = await LspClient.start({folder: dir, nodeArgs: ['-r', preload]});
      try {
        const uri = fileUri(join(dir, 'fault.md'));
        const secret = 'The FAULTMARK minister said the confidential plan could fail.';
        let text = `Experts say the plan will fail.\n\n${secret}\n\nCritics argue the cost is expected to rise.\n`;
        await client.open(uri, text, 'markdown', 1);
        const diagnostics = await client.diagnosticsAt(uri, 1);
        const failed = diagnostics.filter((d) => d.code === 'not-checked');
        expect(failed).toHaveLength(1);
        expect(failed[0].message).toMatch(/^whosaid could not check this paragraph: RangeError: injected for the test/);
        expect(failed[0].range).toEqual({start: {line: 2, character: 0}, end: {line: 2, character: secret.length}});
        const codes = diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
        expect(codes.sort()).toEqual(['0:vague-source', '2:not-checked', '4:vague-source']);

        // Typing elsewhere: the failure is not logged again, and the other diagnostics follow the edits.
        for (let version = 2; version <= 6; version++) {
          const end = positionOf(text, text.length);
          await client.change(uri, version, [{range: {start: end, end}, text: '\nSome analysts said so.'}]);
          text += '\nSome analysts said so.';
        }
        const later = await client.diagnosticsAt(uri, 6);
        expect(later.filter((d) => d.code === 'not-checked')).toHaveLength(1);
        expect(later.filter((d) => d.code === 'vague-source').length).toBeGreaterThanOrEqual(3);
        // A request still works.
        const hover = await client.request<Hover | null>('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 2}});
        expect(JSON.stringify(hover)).toMatch(/vague|crowd|experts/i);

        const logged = client.logs.filter((line) => line.includes('could not check a paragraph'));
        expect(logged).toHaveLength(1);
        expect(logged[0]).toContain(`a paragraph of ${secret.length} characters`);
        expect(logged[0]).toContain('RangeError: injected for the test');
        for (const line of client.logs) {
          expect(line).not.toContain('FAULTMARK');
          expect(line).not.toContain('confidential');
        }
      } finally {
        await client.stop();
      }
    }
  );
});
