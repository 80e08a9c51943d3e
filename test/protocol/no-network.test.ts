// "No network": the language server runs a whole session (drafts, fixes, hovers, lenses, reports,
// settings, a config file, the workspace check) with every network entry point of Node trapped, and
// not one trap fires.
import {fork, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createProtocolConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-languageserver-protocol/node';
import type {SourcingReport, WorkspaceCheckResult} from '../../server/src/lsp/protocol';
import {COUNCIL_VOTE, PORT_STRIKE} from './drafts';
import {buildServer, DEFAULT_CAPABILITIES, fileUri, LspClient, removeDir, SERVER_JS, tempDir} from './harness';

const PRELOAD = join(__dirname, 'no-network-preload.cjs');

let dir: string;
let log: string;

beforeAll(async () => {
  await buildServer();
  dir = tempDir();
  log = join(dir, 'network.log');
});

afterAll(() => removeDir(dir));

const trapped = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

describe('no network', () => {
  it('the traps work: a connection, a lookup and a fetch are each recorded', () => {
    const probe = join(dir, 'probe.log');
    const script = [
      "try { require('node:net').connect(80, 'example.org'); } catch {}",
      "try { require('node:dns').lookup('example.org', () => {}); } catch {}",
      "try { require('node:https').get('https://example.org'); } catch {}",
      "try { fetch('https://example.org'); } catch {}"
    ].join('\n');
    const result = spawnSync(process.execPath, ['-r', PRELOAD, '-e', script], {
      env: {...process.env, WHOSAID_NET_LOG: probe},
      timeout: 10_000
    });
    expect(result.status).toBe(0);
    const recorded = readFileSync(probe, 'utf8');
    for (const name of ['net.connect', 'dns.lookup', 'https.get', 'fetch']) expect(recorded).toContain(`${name}\n`);
  });

  it('a full session over stdio opens no socket and resolves no host', async () => {
    writeFileSync(join(dir, 'wire.md'), PORT_STRIKE);
    writeFileSync(join(dir, '.whosaidrc.json'), '{"preset": "ap"}\n');
    const client = await LspClient.start({
      folder: dir,
      nodeArgs: ['-r', PRELOAD],
      env: {WHOSAID_NET_LOG: log},
      settings: () => ({rules: {hedge: 'info'}})
    });
    try {
      const uri = fileUri(join(dir, 'council.md'));
      await client.open(uri, COUNCIL_VOTE, 'markdown', 1);
      const diagnostics = await client.diagnosticsAt(uri, 1);
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) {
        const actions = await client.codeActions(uri, d);
        expect(actions.length).toBeGreaterThan(0);
        const docs = actions.find((a) => a.command?.command === 'whosaid.showRuleDocumentation');
        await client.request('workspace/executeCommand', {command: docs!.command!.command, arguments: docs!.command!.arguments});
        await client.request('textDocument/hover', {textDocument: {uri}, position: d.range.start});
      }
      await client.request('textDocument/codeLens', {textDocument: {uri}});
      const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
      expect(report.checked).toBe(true);
      await client.change(uri, 2, [{text: COUNCIL_VOTE + '\nThe mayor might veto the vote.\n'}]);
      await client.diagnosticsAt(uri, 2);
      await client.conn.sendNotification('workspace/didChangeConfiguration', {settings: {}});
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{uri: fileUri(join(dir, '.whosaidrc.json')), type: 2}]
      });
      const check = await client.request<WorkspaceCheckResult>('workspace/executeCommand', {
        command: 'whosaid.checkWorkspace',
        arguments: []
      });
      expect(check.files).toBe(1);
    } finally {
      await client.stop();
    }
    expect(trapped()).toBe('');
    expect(client.stderr).not.toContain('must not use the network');
  });

  it('also runs over node-ipc, with no network', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], {
      cwd: dir,
      execArgv: ['-r', PRELOAD],
      env: {...process.env, WHOSAID_NET_LOG: log},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: {uri: string; diagnostics: unknown[]}[] = [];
    let gotDiagnostics!: () => void;
    const diagnosed = new Promise<void>((resolve) => (gotDiagnostics = resolve));
    conn.onNotification('textDocument/publishDiagnostics', (params: {uri: string; diagnostics: unknown[]}) => {
      published.push(params);
      gotDiagnostics();
    });
    conn.listen();
    const timeout = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('node-ipc session timed out')), 15_000))]);
    try {
      const init = await timeout(
        conn.sendRequest('initialize', {
          processId: process.pid,
          rootUri: fileUri(dir),
          capabilities: {...DEFAULT_CAPABILITIES, workspace: {}}
        }) as Promise<{
          serverInfo: {name: string};
        }>
      );
      expect(init.serverInfo.name).toBe('whosaid-ls');
      await conn.sendNotification('initialized', {});
      const uri = fileUri(join(dir, 'ipc.md'));
      await conn.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: PORT_STRIKE}});
      await timeout(diagnosed);
      expect(published[0].uri).toBe(uri);
      expect(published[0].diagnostics.length).toBeGreaterThan(3);
      await timeout(conn.sendRequest('shutdown'));
      await conn.sendNotification('exit');
      expect(await timeout(exited)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      conn.dispose();
    }
    expect(trapped()).toBe('');
  });

  it('refuses the socket and pipe transports', () => {
    for (const flag of ['--socket=5007', '--pipe=/tmp/whosaid.sock']) {
      const result = spawnSync(process.execPath, ['-r', PRELOAD, SERVER_JS, flag], {
        env: {...process.env, WHOSAID_NET_LOG: log},
        timeout: 10_000
      });
      expect(result.status, flag).toBe(2);
      expect(String(result.stderr)).toContain('Usage: whosaid-ls --stdio | --node-ipc');
    }
    expect(trapped()).toBe('');
  });
});
