// Hover, code lens, the sourcing report, configuration (settings and .whosaidrc.json, broken files
// included) and the workspace check with progress and cancellation, over a real stdio session.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CodeLens, Hover, MarkupContent} from 'vscode-languageserver-protocol';
import type {SourcingReport, WorkspaceCheckResult} from '../../server/src/lsp/protocol';
import {COUNCIL_VOTE, PORT_STRIKE} from './drafts';
import {buildServer, DEFAULT_CAPABILITIES, fileUri, LspClient, positionOf, removeDir, tempDir, textOf} from './harness';

beforeAll(async () => {
  await buildServer();
});

describe('hover, code lens and the sourcing report', () => {
  let dir: string;
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    dir = tempDir();
    client = await LspClient.start({folder: dir});
    uri = fileUri(join(dir, 'council.txt'));
    await client.open(uri, COUNCIL_VOTE, 'plaintext', 1);
    await client.diagnosticsAt(uri, 1);
  });

  afterAll(async () => {
    await client?.stop();
    removeDir(dir);
  });

  const hoverAt = (offset: number) =>
    client.request<Hover | null>('textDocument/hover', {textDocument: {uri}, position: positionOf(COUNCIL_VOTE, offset)});

  it('explains the rule on a flagged span: what it is, what to ask, the guidance, the page', async () => {
    const hover = await hoverAt(COUNCIL_VOTE.indexOf('Critics') + 2);
    expect(hover).not.toBeNull();
    const value = (hover!.contents as MarkupContent).value;
    expect((hover!.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('Vague source');
    expect(value).toContain('vague-source');
    expect(value).toContain('Ask the reporter');
    expect(value).toContain('Which experts, which critics');
    expect(value).toContain('Guidance');
    expect(value).toMatch(/\[Rule documentation\]\(.+vague-source\.md\)/);
    expect(textOf(COUNCIL_VOTE, hover!.range!)).toBe('Critics');
  });

  it('describes an attribution on its source: who, the kind and what it covers', async () => {
    const hover = await hoverAt(COUNCIL_VOTE.indexOf('Joan Ruiz') + 1);
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('council clerk Joan Ruiz');
    expect(value).toContain('named source');
    expect(value).toMatch(/Covers: "The city council of Arlow voted 7-2/);
  });

  it('says when an anonymous source gives no reason', async () => {
    const hover = await hoverAt(COUNCIL_VOTE.indexOf(' said the vote') + 2);
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('anonymous source');
    expect(value).toContain('No reason for anonymity');
  });

  it('has no hover on unflagged, unattributed text', async () => {
    expect(await hoverAt(COUNCIL_VOTE.indexOf('library after school') + 3)).toBeNull();
  });

  it('puts one code lens at the top with the source counts, opening the report', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {textDocument: {uri}});
    expect(lenses).toHaveLength(1);
    expect(lenses[0].range.start).toEqual({line: 0, character: 0});
    expect(lenses[0].command).toEqual({
      title: 'Sources: 1 named · 1 anonymous · 1 vague — 1 unattributed claim',
      command: 'whosaid.showSourcingReport',
      arguments: [uri]
    });
  });

  it('answers whosaid/sourcingReport with attributions, findings and counts', async () => {
    const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
    expect(report).toMatchObject({uri, version: 1, checked: true});
    expect(report.attributions.map((a) => [a.kind, a.source?.text])).toEqual([
      ['named', 'council clerk Joan Ruiz'],
      ['vague', 'Critics'],
      ['anonymous', 'A person familiar with the budget talks']
    ]);
    for (const a of report.attributions) {
      expect(textOf(COUNCIL_VOTE, a.cueRange)).toBe(a.cue.text);
      if (a.source) expect(textOf(COUNCIL_VOTE, a.sourceRange!)).toBe(a.source.text);
      if (a.content) expect(textOf(COUNCIL_VOTE, a.contentRange!)).toBe(a.content.text);
    }
    expect(report.counts).toMatchObject({named: 1, anonymous: 1, vague: 1, unattributedClaims: 1});
    expect(report.counts.byKind).toEqual({named: 1, institutional: 0, media: 0, document: 0, anonymous: 1, vague: 1});
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(['anonymous-source', 'unattributed-claim', 'vague-source']);
    expect(report.counts.findings).toBe(3);
    expect(report.stats.words).toBeGreaterThan(40);
  });

  it('reports on a draft that is not open by reading it from disk, and refuses other files', async () => {
    const path = join(dir, 'closed.md');
    writeFileSync(path, PORT_STRIKE);
    const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri: fileUri(path)});
    expect(report.checked).toBe(true);
    expect(report.findings.length).toBeGreaterThan(3);
    await expect(client.request('whosaid/sourcingReport', {uri: fileUri(join(dir, 'x.png'))})).rejects.toThrow(/Not an open document/);
  });

  it('shows the report through a server command for editors without the extension', async () => {
    const report = await client.request<SourcingReport>('workspace/executeCommand', {
      command: 'whosaid.showSourcingReport',
      arguments: [uri]
    });
    expect(report.counts.vague).toBe(1);
    await client.waitFor('the summary message', () =>
      client.messages.some((m) => m.message.includes('Sources: 1 named · 1 anonymous · 1 vague')) ? true : undefined
    );
  });
});

describe('configuration', () => {
  let dir: string;
  let client: LspClient;
  let settings: Record<string, unknown> = {};
  const hedges = (list: {code?: unknown}[]) => list.filter((d) => d.code === 'hedge').length;

  beforeAll(async () => {
    dir = tempDir();
    client = await LspClient.start({folder: dir, settings: () => settings});
  });

  afterAll(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('asks for settings per document, and a settings change re-checks open documents (hedge off, then AP preset)', async () => {
    const uri = fileUri(join(dir, 'port.md'));
    await client.open(uri, PORT_STRIKE, 'markdown', 1);
    const before = await client.diagnosticsAt(uri, 1);
    expect(hedges(before)).toBeGreaterThan(0);
    expect(client.configurationRequests).toContain(uri);

    settings = {rules: {hedge: 'off'}};
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
    const off = await client.nextDiagnostics(uri);
    expect(hedges(off)).toBe(0);
    expect(off.length).toBe(before.length - hedges(before));

    settings = {preset: 'ap'};
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
    const ap = await client.nextDiagnostics(uri);
    expect(ap.find((d) => d.code === 'anonymous-source')?.severity).toBe(1);
    expect(ap.find((d) => d.code === 'leftover-tk')?.severity).toBe(1);

    settings = {enable: false};
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
    expect(await client.nextDiagnostics(uri)).toEqual([]);
    settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
    expect((await client.nextDiagnostics(uri)).length).toBe(before.length);
  });

  it('reads .whosaidrc.json; a broken file gets one diagnostic and one message, and the last good config stays', async () => {
    const uri = fileUri(join(dir, 'port.md'));
    const configPath = join(dir, '.whosaidrc.json');
    const configUri = fileUri(configPath);
    const changed = (type: number) => client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: configUri, type}]});
    expect(client.registrations).toContain('workspace/didChangeWatchedFiles');

    writeFileSync(configPath, '{"rules": {"hedge": "off"}}\n');
    await changed(1);
    expect(hedges(await client.nextDiagnostics(uri))).toBe(0);

    const messagesBefore = client.messages.length;
    writeFileSync(configPath, '{"rules": {"hedge": "of"}, "alow": []}\n');
    await changed(2);
    const configDiagnostics = await client.nextDiagnostics(configUri);
    expect(configDiagnostics).toHaveLength(1);
    expect(configDiagnostics[0]).toMatchObject({severity: 1, source: 'whosaid', code: 'config'});
    expect(configDiagnostics[0].message).toContain('2 problems');
    expect(configDiagnostics[0].message).toContain('last version of this file that was valid');
    expect(textOf('{"rules": {"hedge": "of"}, "alow": []}\n', configDiagnostics[0].range)).toBe('"of"');
    await client.waitFor('a warning message', () => (client.messages.length > messagesBefore ? true : undefined));
    const warnings = client.messages.slice(messagesBefore);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].type).toBe(2);
    expect(warnings[0].message).toContain('.whosaidrc.json');
    // The document is re-checked with the last good config: hedges stay off.
    expect(hedges(await client.nextDiagnostics(uri))).toBe(0);

    // Invalid JSON is reported the same way; the server keeps answering.
    writeFileSync(configPath, '{"rules": {"hedge": "off"\n');
    await changed(2);
    const syntax = await client.nextDiagnostics(configUri);
    expect(syntax).toHaveLength(1);
    expect(syntax[0].message).toMatch(/Invalid JSON/);

    // Fixed: the diagnostic is cleared and the new config applies.
    writeFileSync(configPath, '{"rules": {"hedge": "error"}}\n');
    await changed(2);
    expect(await client.nextDiagnostics(configUri)).toEqual([]);
    const fixed = await client.nextDiagnostics(uri);
    expect(fixed.filter((d) => d.code === 'hedge' && d.severity === 1).length).toBeGreaterThan(0);
    expect(client.messages.slice(messagesBefore).filter((m) => m.type === 1)).toEqual([]);
  });
});

describe('other clients and restricted mode', () => {
  it('takes settings from initializationOptions and didChangeConfiguration when the client has no workspace/configuration', async () => {
    const dir = tempDir();
    const client = await LspClient.start({
      folder: dir,
      capabilities: {...DEFAULT_CAPABILITIES, workspace: {...DEFAULT_CAPABILITIES.workspace, configuration: false}},
      initializationOptions: {settings: {rules: {hedge: 'off'}}}
    });
    try {
      const uri = fileUri(join(dir, 'port.md'));
      await client.open(uri, PORT_STRIKE, 'markdown', 1);
      const first = await client.diagnosticsAt(uri, 1);
      expect(first.some((d) => d.code === 'hedge')).toBe(false);
      expect(client.configurationRequests).toEqual([]);
      await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {whosaid: {rules: {'vague-source': 'off'}}}});
      const next = await client.nextDiagnostics(uri);
      expect(next.some((d) => d.code === 'hedge')).toBe(true);
      expect(next.some((d) => d.code === 'vague-source')).toBe(false);
    } finally {
      await client.stop();
      removeDir(dir);
    }
  });

  it('asks a pull client to refresh after a settings change', async () => {
    const dir = tempDir();
    const client = await LspClient.start({
      folder: dir,
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        workspace: {...DEFAULT_CAPABILITIES.workspace, diagnostics: {refreshSupport: true}, codeLens: {refreshSupport: true}},
        textDocument: {...DEFAULT_CAPABILITIES.textDocument, diagnostic: {dynamicRegistration: false}}
      }
    });
    const refreshes: string[] = [];
    client.conn.onRequest('workspace/diagnostic/refresh', () => {
      refreshes.push('diagnostic');
      return null;
    });
    client.conn.onRequest('workspace/codeLens/refresh', () => {
      refreshes.push('codeLens');
      return null;
    });
    try {
      await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
      await client.waitFor('refresh requests', () => (refreshes.length >= 2 ? true : undefined));
      expect(refreshes.sort()).toEqual(['codeLens', 'diagnostic']);
    } finally {
      await client.stop();
      removeDir(dir);
    }
  });

  it('checks opt-in languages from settings, except in an untrusted workspace', async () => {
    for (const trusted of [true, false]) {
      const dir = tempDir();
      const client = await LspClient.start({
        folder: dir,
        initializationOptions: {trusted},
        settings: () => ({languages: ['python', 'markdown']})
      });
      try {
        const py = fileUri(join(dir, 'notes.py'));
        await client.open(py, '# Experts say the strike might spread.\n', 'python', 1);
        const md = fileUri(join(dir, 'port.md'));
        await client.open(md, PORT_STRIKE, 'markdown', 1);
        expect((await client.diagnosticsAt(md, 1)).length).toBeGreaterThan(0);
        const forPython = await client.diagnosticsAt(py, 1);
        if (trusted) expect(forPython.some((d) => d.code === 'vague-source')).toBe(true);
        else expect(forPython).toEqual([]);
      } finally {
        await client.stop();
        removeDir(dir);
      }
    }
  });
});

describe('workspace check', () => {
  let dir: string;
  let client: LspClient;

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'port.md'), PORT_STRIKE);
    writeFileSync(join(dir, 'council.txt'), COUNCIL_VOTE);
    mkdirSync(join(dir, 'desk', 'metro'), {recursive: true});
    writeFileSync(join(dir, 'desk', 'metro', 'vote.markdown'), COUNCIL_VOTE);
    writeFileSync(join(dir, 'desk', 'notes.json'), '{"not": "a draft"}');
    mkdirSync(join(dir, 'node_modules', 'pkg'), {recursive: true});
    writeFileSync(join(dir, 'node_modules', 'pkg', 'README.md'), 'Experts say this is skipped.\n');
    mkdirSync(join(dir, '.git'), {recursive: true});
    writeFileSync(join(dir, '.git', 'notes.md'), 'Experts say this is skipped.\n');
    client = await LspClient.start({folder: dir});
  });

  afterAll(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('checks every draft under the folder with work-done progress, publishing diagnostics for each', async () => {
    const result = await client.request<WorkspaceCheckResult>('workspace/executeCommand', {
      command: 'whosaid.checkWorkspace',
      arguments: []
    });
    expect(result).toMatchObject({files: 3, filesWithFindings: 3, cancelled: false, skipped: 0});
    expect(result.findings).toBeGreaterThan(8);
    expect(result.byRule['vague-source']).toBe(3);
    for (const file of ['port.md', 'council.txt', 'desk/metro/vote.markdown']) {
      const diagnostics = await client.diagnosticsAt(fileUri(join(dir, file)));
      expect(diagnostics.length, file).toBeGreaterThan(0);
    }
    expect(client.published.some((p) => p.uri.includes('node_modules') || p.uri.includes('.git'))).toBe(false);
    const kinds = client.progress.map((p) => p.value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
    expect(client.progress[0].value.cancellable).toBe(true);
    expect(client.progress.some((p) => p.value.kind === 'report' && p.value.percentage === 100)).toBe(true);
  });

  it('stops when the progress is cancelled', async () => {
    const many = join(dir, 'archive');
    mkdirSync(many);
    for (let i = 0; i < 400; i++) writeFileSync(join(many, `story-${String(i).padStart(3, '0')}.md`), PORT_STRIKE);
    const from = client.progress.length;
    const pending = client.request<WorkspaceCheckResult>('workspace/executeCommand', {command: 'whosaid.checkWorkspace', arguments: []});
    const token = await client.waitFor('progress to begin', () => client.progress.slice(from).find((p) => p.value.kind === 'begin')?.token);
    await client.conn.sendNotification('window/workDoneProgress/cancel', {token});
    const result = await pending;
    expect(result.cancelled).toBe(true);
    expect(result.files).toBeLessThan(403);
    await client.waitFor('progress to end', () => (client.progress.slice(from).some((p) => p.value.kind === 'end') ? true : undefined));
  });
});
