// "whosaid: Export source list" in the VS Code client, run against a fake `vscode` and a fake language
// client (test/helpers/fake-vscode/): it asks the server for the report, formats `sources` as Markdown
// or CSV, opens that as a new document, and keeps that document away from the server.
import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {formatCsv, formatMarkdown, type SourceEntry} from '../../server/src/sources/list';
// @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
import {BUNDLE_OPTIONS} from '../../scripts/esbuild-options.mjs';

const ROOT = resolve(__dirname, '..', '..');
const FAKES = join(ROOT, 'test', 'helpers', 'fake-vscode');
let dir: string;
let extension: {activate(context: unknown): Promise<void>};
let vscode: typeof import('../helpers/fake-vscode/vscode');
let lc: typeof import('../helpers/fake-vscode/languageclient');

const SOURCES: SourceEntry[] = [
  {
    line: 1,
    column: 1,
    source: 'Mayor Petra Holm',
    resolvesTo: null,
    kind: 'named',
    cue: 'said',
    citedFor: 'the council, "in time", would act',
    quote: false,
    anonymityReason: null,
    position: null,
    stance: false
  },
  {
    line: 3,
    column: 1,
    source: 'She',
    resolvesTo: 'Mayor Petra Holm',
    kind: 'named',
    cue: 'said',
    citedFor: '"We are ready"',
    quote: true,
    anonymityReason: null,
    position: null,
    stance: false
  }
];
const URI = 'file:///desk/port.md';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-client-'));
  const {build} = await import('esbuild');
  // The extension and the fakes in one bundle, so they share the fakes' module state.
  const entry = join(dir, 'entry.ts');
  const {writeFileSync} = await import('node:fs');
  writeFileSync(
    entry,
    `export * as extension from ${JSON.stringify(join(ROOT, 'client', 'src', 'extension.ts'))};\n` +
      `export * as vscode from ${JSON.stringify(join(FAKES, 'vscode.ts'))};\n` +
      `export * as lc from ${JSON.stringify(join(FAKES, 'languageclient.ts'))};\n`
  );
  await build({
    ...BUNDLE_OPTIONS,
    logLevel: 'warning',
    entryPoints: [entry],
    outfile: join(dir, 'bundle.js'),
    alias: {vscode: join(FAKES, 'vscode.ts'), 'vscode-languageclient/node': join(FAKES, 'languageclient.ts')}
  });
  const bundle = createRequire(import.meta.url)(join(dir, 'bundle.js'));
  ({extension, vscode, lc} = bundle);
  await extension.activate({subscriptions: [], asAbsolutePath: (path: string) => join(ROOT, path)});
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

beforeEach(() => {
  vscode.calls.opened.length = 0;
  vscode.calls.messages.length = 0;
  vscode.calls.quickPicks.length = 0;
  vscode.calls.pick = undefined;
  lc.answer.requests.length = 0;
  lc.answer.report = {uri: URI, version: 1, checked: true, sources: SOURCES};
});

const run = (...args: unknown[]) => vscode.commands.executeCommand('whosaid.exportSourceList', ...args);

describe('whosaid: Export source list', () => {
  it('opens the Markdown table of the draft the command names', async () => {
    await run(URI, 'markdown');
    expect(lc.answer.requests).toEqual([{method: 'whosaid/sourcingReport', params: {uri: URI}}]);
    expect(vscode.calls.opened).toEqual([{language: 'markdown', content: formatMarkdown([{path: 'port.md', sources: SOURCES}])}]);
  });

  it('opens CSV, as csv when a CSV language is installed and as plain text otherwise', async () => {
    await run(URI, 'csv');
    vscode.calls.languages.push('csv');
    await run(URI, 'csv');
    vscode.calls.languages.pop();
    const csv = formatCsv([{path: 'port.md', sources: SOURCES}]);
    expect(vscode.calls.opened).toEqual([
      {language: 'plaintext', content: csv},
      {language: 'csv', content: csv}
    ]);
  });

  it('asks for the format when none is given, and does nothing when the question is dismissed', async () => {
    await run(URI);
    expect(vscode.calls.quickPicks).toHaveLength(1);
    expect(vscode.calls.opened).toEqual([]);
    vscode.calls.pick = 1;
    await run(URI);
    expect(vscode.calls.opened[0].language).toBe('plaintext');
    expect(vscode.calls.opened[0].content).toMatch(/^File,Line,Column,Source/);
  });

  it('says why when there is no draft, no server answer, or the draft is not checked', async () => {
    await run(undefined, 'markdown');
    lc.answer.report = null;
    await run(URI, 'markdown');
    lc.answer.report = {uri: URI, version: 1, checked: false, sources: []};
    await run(URI, 'markdown');
    expect(vscode.calls.opened).toEqual([]);
    expect(vscode.calls.messages).toEqual([
      'whosaid: open a draft to export its source list.',
      'whosaid: the language server did not answer. Try "whosaid: Restart server".',
      'whosaid does not check this document, so it has no source list.'
    ]);
  });

  it('keeps the exported document away from the server, and lets drafts through', async () => {
    await run(URI, 'markdown');
    const middleware = lc.answer.client!.clientOptions.middleware!;
    const forwarded: string[] = [];
    const next = (what: string) => async (value: unknown) =>
      void forwarded.push(
        `${what} ${(value as {uri?: unknown; document?: {uri: unknown}}).uri ?? (value as {document: {uri: unknown}}).document.uri}`
      );
    const exported = {uri: {toString: () => 'untitled:Untitled-9'}, isUntitled: true, getText: () => vscode.calls.opened[0].content};
    const draft = {uri: {toString: () => 'untitled:Untitled-10'}, isUntitled: true, getText: () => 'Experts say the port will close.'};
    await middleware.didOpen(exported, next('open'));
    await middleware.didChange({document: exported}, next('change'));
    await middleware.didOpen(draft, next('open'));
    await middleware.didChange({document: draft}, next('change'));
    await middleware.didClose(exported, next('close'));
    await middleware.didClose(draft, next('close'));
    expect(forwarded.map(String)).toEqual(['open untitled:Untitled-10', 'change untitled:Untitled-10', 'close untitled:Untitled-10']);
  });
});
