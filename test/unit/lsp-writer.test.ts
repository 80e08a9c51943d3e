// The language server's stdio writer and the arrivals it notes: framing as the standard writer frames,
// the same JSON, diagnostics serialised once, and bursts seen before they are handled.
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import type {Message, MessageReader} from 'vscode-languageserver/node';
import {Arrivals} from '../../server/src/lsp/arrivals';
import {StdioMessageWriter} from '../../server/src/lsp/writer';

/** A stand-in for stdout that keeps what is written, as bytes. */
class Sink extends EventEmitter {
  chunks: Buffer[] = [];
  writes = 0;
  write(data: string, encoding: BufferEncoding, callback?: (error?: Error | null) => void): boolean {
    this.writes++;
    this.chunks.push(Buffer.from(data, encoding));
    if (callback) process.nextTick(callback);
    return true;
  }
  end(): void {}
  /** The messages written, parsed back from their Content-Length frames. */
  messages(): unknown[] {
    const all = Buffer.concat(this.chunks);
    const out: unknown[] = [];
    let at = 0;
    while (at < all.length) {
      const headerEnd = all.indexOf('\r\n\r\n', at);
      const length = Number(/^Content-Length: (\d+)$/.exec(all.subarray(at, headerEnd).toString('ascii'))![1]);
      out.push(JSON.parse(all.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      at = headerEnd + 4 + length;
    }
    return out;
  }
}

const diagnostic = (i: number) => ({
  range: {start: {line: i, character: 0}, end: {line: i, character: 5}},
  severity: 2,
  code: 'hedge',
  source: 'whosaid',
  message: `Hedge “might” in paragraph ${i} — the writer’s word`
});

describe('StdioMessageWriter', () => {
  it('frames each message with its byte length and writes the same JSON, diagnostics in chunks', async () => {
    const sink = new Sink();
    const writer = new StdioMessageWriter(sink as unknown as NodeJS.WritableStream);
    const diagnostics = Array.from({length: 2000}, (_, i) => diagnostic(i));
    const publish = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: {uri: 'file:///d.md', version: 7, diagnostics}
    } as Message;
    const empty = {jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: {uri: 'file:///e.md', diagnostics: []}} as Message;
    const other = {jsonrpc: '2.0', id: 3, result: {contents: 'é'}} as Message;
    await writer.write(publish);
    await writer.write(empty);
    await writer.write(other);
    expect(sink.messages()).toEqual([publish, empty, other]);
    // Over 200 KB of diagnostics went out in several writes, none of them one large string.
    expect(sink.writes).toBeGreaterThan(6);
    expect(Math.max(...sink.chunks.map((chunk) => chunk.length))).toBeLessThan(64 * 1024);
  });

  it('serialises a diagnostic once while it is republished unchanged', async () => {
    const sink = new Sink();
    const writer = new StdioMessageWriter(sink as unknown as NodeJS.WritableStream);
    const kept = diagnostic(1);
    let reads = 0;
    const counted = {
      ...kept,
      get message() {
        reads++;
        return kept.message;
      }
    };
    for (let version = 1; version <= 3; version++) {
      await writer.write({
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: {uri: 'file:///d.md', version, diagnostics: [counted]}
      } as Message);
    }
    expect(reads).toBe(1);
    expect(sink.messages()).toHaveLength(3);
  });
});

describe('Arrivals', () => {
  it('knows when a newer version of a document is already waiting, and forgets closed documents', () => {
    const emitter = new EventEmitter();
    let deliver: (message: Message) => void = () => undefined;
    const reader = {
      onError: () => ({dispose() {}}),
      onClose: () => ({dispose() {}}),
      onPartialMessage: () => ({dispose() {}}),
      listen: (callback: (message: Message) => void) => {
        deliver = callback;
        return {dispose() {}};
      },
      dispose: () => emitter.removeAllListeners()
    } as unknown as MessageReader;
    const arrivals = new Arrivals();
    const handled: Message[] = [];
    arrivals.watch(reader).listen((message) => handled.push(message));
    const change = (version: number) =>
      ({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: {textDocument: {uri: 'file:///d.md', version}, contentChanges: []}
      }) as Message;
    deliver({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: {textDocument: {uri: 'file:///d.md', version: 1, languageId: 'markdown', text: ''}}
    } as Message);
    expect(arrivals.newer('file:///d.md', 1)).toBe(false);
    deliver(change(2));
    deliver(change(3));
    expect(handled).toHaveLength(3);
    expect(arrivals.newer('file:///d.md', 2)).toBe(true);
    expect(arrivals.newer('file:///d.md', 3)).toBe(false);
    expect(arrivals.newer('file:///other.md', 1)).toBe(false);
    deliver({jsonrpc: '2.0', method: 'textDocument/didClose', params: {textDocument: {uri: 'file:///d.md'}}} as Message);
    expect(arrivals.newer('file:///d.md', 1)).toBe(false);
  });
});
