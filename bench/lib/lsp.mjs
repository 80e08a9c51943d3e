// Typing latency from a real language-server session over stdio: dist/server.js --stdio is started as
// an editor would start it, a JSON-RPC client opens drafts, edits them one keystroke at a time and
// measures didChange -> publishDiagnostics for that version (or, for a pull-only server, the pull answer).
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const WAIT_MS = 20_000; // bound on any single wait

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * @param {{repoRoot: string, workDir: string, bigText: string, smallText: string, edits?: number, serverJs?: string, nodeArgs?: string[], env?: Record<string, string>}} o
 */
export async function lspBench({
  repoRoot,
  workDir,
  bigText,
  smallText,
  edits = 200,
  serverJs = join(repoRoot, 'dist', 'server.js'),
  nodeArgs = [],
  env = {}
}) {
  const rssFile = join(workDir, 'lsp-rss.txt');
  rmSync(rssFile, {force: true});
  const child = spawn(process.execPath, [...nodeArgs, '-r', join(repoRoot, 'bench', 'lib', 'rss-hook.cjs'), serverJs, '--stdio'], {
    cwd: workDir,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {...process.env, ...env, WHOSAID_BENCH_RSS_FILE: rssFile}
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 20_000) stderr += d;
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({code, signal})));
  let stopping = false;
  // Rejects if the server dies before we are done with it.
  const died = exited.then(({code, signal}) => {
    if (!stopping) throw new Error(`server exited (${signal ?? `code ${code}`})`);
    return new Promise(() => {});
  });
  died.catch(() => {});
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

  // Waiters for diagnostics: [{uri, version, resolve}]
  const waiters = [];
  const log = [];
  // Each document's last published diagnostics: the payload floor replays the big draft's.
  const lastDiagnostics = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (params) => {
    const now = performance.now();
    log.push({uri: params.uri, version: params.version, n: params.diagnostics.length});
    lastDiagnostics.set(params.uri, params.diagnostics);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri !== params.uri) continue;
      if (w.version !== undefined && params.version !== undefined && params.version < w.version) continue;
      waiters.splice(i, 1);
      i--;
      // Payload size only for the draft's first publish (not timed: it follows the timestamp).
      const bytes = params.version === 1 ? JSON.stringify(params).length : undefined;
      w.resolve({at: now, version: params.version, count: params.diagnostics.length, bytes});
    }
  });
  conn.onNotification(() => {}); // window/logMessage and the like
  conn.onRequest((method, params) => {
    if (method === 'workspace/configuration') return (params?.items ?? []).map(() => null);
    return null; // client/registerCapability, window/workDoneProgress/create, ...
  });
  conn.listen();

  const waitDiagnostics = (uri, version) => {
    let timer;
    const wait = new Promise((resolve) => {
      const w = {
        uri,
        version,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        }
      };
      waiters.push(w);
      timer = setTimeout(() => {
        const i = waiters.indexOf(w);
        if (i >= 0) waiters.splice(i, 1);
        resolve(null);
      }, WAIT_MS);
    });
    return Promise.race([wait, died]);
  };

  const withTimeout = (promise, what) => {
    let timer;
    return Promise.race([
      promise,
      died,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer in ${WAIT_MS} ms`)), WAIT_MS);
      })
    ]).finally(() => clearTimeout(timer));
  };

  const result = {mode: 'push', sync: null, firstDiagnosticsMs: null, openBigMs: null, latencies: [], timeouts: 0, error: null};
  try {
    const rootUri = pathToFileURL(workDir).href;
    const init = await withTimeout(
      conn.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: {name: 'whosaid-bench'},
        rootUri,
        workspaceFolders: [{uri: rootUri, name: 'bench'}],
        capabilities: {
          workspace: {configuration: true, workspaceFolders: true},
          textDocument: {
            synchronization: {dynamicRegistration: false, didSave: true},
            publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true}
          }
        }
      }),
      'initialize'
    );
    const caps = init.capabilities ?? {};
    const sync = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : (caps.textDocumentSync?.change ?? 1);
    result.sync = sync === 2 ? 'incremental' : 'full';
    conn.sendNotification('initialized', {});

    // 1. Time to first diagnostics on opening a 1,000-word draft (first document of the session).
    const smallUri = pathToFileURL(join(workDir, 'small-draft.md')).href;
    let t0 = performance.now();
    let pending = waitDiagnostics(smallUri, 1);
    conn.sendNotification('textDocument/didOpen', {textDocument: {uri: smallUri, languageId: 'markdown', version: 1, text: smallText}});
    let got = await pending;
    if (!got && caps.diagnosticProvider) {
      result.mode = 'pull';
    } else if (!got) {
      throw new Error(`no diagnostics for the 1,000-word draft within ${WAIT_MS} ms`);
    } else {
      result.firstDiagnosticsMs = got.at - t0;
    }

    const pull = async (uri) => {
      const s = performance.now();
      await withTimeout(conn.sendRequest('textDocument/diagnostic', {textDocument: {uri}}), 'textDocument/diagnostic');
      return performance.now() - s;
    };
    if (result.mode === 'pull') result.firstDiagnosticsMs = await pull(smallUri);

    // 2. Open the 100k-word draft.
    const bigUri = pathToFileURL(join(workDir, 'big-draft.md')).href;
    t0 = performance.now();
    pending = result.mode === 'push' ? waitDiagnostics(bigUri, 1) : null;
    conn.sendNotification('textDocument/didOpen', {textDocument: {uri: bigUri, languageId: 'markdown', version: 1, text: bigText}});
    if (pending) {
      got = await pending;
      if (!got) throw new Error(`no diagnostics for the 100k-word draft within ${WAIT_MS} ms`);
      result.openBigMs = got.at - t0;
      result.bigDiagnostics = got.count;
      result.bigPayloadKB = got.bytes / 1024;
    } else {
      result.openBigMs = await pull(bigUri);
    }

    // 3. Keystrokes: one character typed in a different paragraph each time, one at a time.
    const lines = bigText.split('\n');
    const paraLines = [];
    lines.forEach((l, i) => {
      if (l.trim() && !l.startsWith('#') && l.includes(' ')) paraLines.push(i);
    });
    let version = 1;
    for (let k = 0; k < edits; k++) {
      const line = paraLines[Math.floor(((k + 0.5) * paraLines.length) / edits)];
      const text = lines[line];
      // At the end of a word near the middle of the paragraph: types an "s".
      let col = text.indexOf(' ', Math.floor(text.length / 2));
      if (col < 0) col = text.length;
      lines[line] = text.slice(0, col) + 's' + text.slice(col);
      version++;
      const change =
        sync === 2 ? {range: {start: {line, character: col}, end: {line, character: col}}, text: 's'} : {text: lines.join('\n')};
      const start = performance.now();
      if (result.mode === 'push') {
        const p = waitDiagnostics(bigUri, version);
        conn.sendNotification('textDocument/didChange', {textDocument: {uri: bigUri, version}, contentChanges: [change]});
        const r = await p;
        if (!r) {
          result.timeouts++;
          continue;
        }
        result.latencies.push(r.at - start);
      } else {
        conn.sendNotification('textDocument/didChange', {textDocument: {uri: bigUri, version}, contentChanges: [change]});
        result.latencies.push(await pull(bigUri));
      }
    }
    result.versioned = log.some((e) => e.version !== undefined);
    result.lastBigDiagnostics = lastDiagnostics.get(bigUri) ?? null;
    stopping = true;
    await withTimeout(conn.sendRequest('shutdown'), 'shutdown');
    conn.sendNotification('exit');
  } catch (error) {
    result.error = error.message;
  }
  stopping = true;
  let exitTimer;
  const done = await Promise.race([exited, new Promise((r) => (exitTimer = setTimeout(() => r(null), 3000)))]);
  clearTimeout(exitTimer);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
  conn.dispose();
  // The server's own last words, e.g. "Error: Cannot find module ...".
  result.stderr = stderr.slice(-4000);
  if (result.error) {
    const cause = stderr.match(/^\w*Error[^\n]*/m);
    if (cause) result.error += `: ${cause[0]}`;
  }
  try {
    result.serverRssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    result.serverRssMB = null;
  }
  const sorted = [...result.latencies].sort((a, b) => a - b);
  result.p50 = percentile(sorted, 50);
  result.p95 = percentile(sorted, 95);
  result.p99 = percentile(sorted, 99);
  result.max = sorted[sorted.length - 1];
  return result;
}
