// The message writer for --stdio. It writes what the standard one writes (a Content-Length header and
// the message as JSON), but a publishDiagnostics message is never built as one string: each diagnostic's
// JSON is made once and kept while the server reuses the diagnostic (most of them, from one keystroke to
// the next), and the body goes out in chunks small enough for V8's ordinary heap. On a 100k-word draft
// a publish is ~400 KB; one string and one buffer of that size per keystroke cost more than the
// analysis of the keystroke itself.
import {AbstractMessageWriter, type Message, type MessageWriter} from 'vscode-languageserver/node';

/** Characters per write: well under V8's large-object threshold, few enough writes per message. */
const CHUNK = 32 * 1024;

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  private readonly json = new WeakMap<object, string>();

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let pieces: string[];
    try {
      pieces = this.encode(msg);
    } catch (error) {
      this.fireError(error, msg, ++this.errors);
      return Promise.reject(error);
    }
    let length = 0;
    for (const piece of pieces) length += Buffer.byteLength(piece, 'utf8');
    return new Promise((resolve, reject) => {
      const done = (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      };
      try {
        // One synchronous run of writes per message: nothing else can come between its parts.
        this.out.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
        let chunk = '';
        for (let i = 0; i < pieces.length; i++) {
          chunk += pieces[i];
          const last = i === pieces.length - 1;
          if (last) this.out.write(chunk, 'utf8', done);
          else if (chunk.length >= CHUNK) {
            this.out.write(chunk, 'utf8');
            chunk = '';
          }
        }
      } catch (error) {
        done(error as Error);
      }
    });
  }

  end(): void {
    this.out.end();
  }

  /** The message as JSON, in pieces that join to exactly JSON.stringify(msg) up to key order. */
  private encode(msg: Message): string[] {
    const notification = msg as Message & {method?: string; params?: {diagnostics?: unknown}};
    const diagnostics = notification.params?.diagnostics;
    if (notification.method !== 'textDocument/publishDiagnostics' || !Array.isArray(diagnostics)) return [JSON.stringify(msg)];
    const {diagnostics: _, ...rest} = notification.params as {diagnostics: object[]};
    // `{"jsonrpc":"2.0","method":"...","params":{...rest}}` opened again to take the diagnostics last.
    const head = JSON.stringify({jsonrpc: notification.jsonrpc, method: notification.method, params: rest}).slice(0, -2);
    const pieces = [`${head}${head.endsWith('{') ? '' : ','}"diagnostics":[`];
    for (let i = 0; i < diagnostics.length; i++) {
      const diagnostic: unknown = diagnostics[i];
      if (typeof diagnostic !== 'object' || diagnostic === null) {
        pieces.push((i === 0 ? '' : ',') + JSON.stringify(diagnostic ?? null));
        continue;
      }
      // Diagnostics are never changed once published: the server makes new ones for new ranges.
      let json = this.json.get(diagnostic);
      if (json === undefined) {
        json = JSON.stringify(diagnostic);
        this.json.set(diagnostic, json);
      }
      pieces.push(i === 0 ? json : ',' + json);
    }
    pieces.push(']}}');
    return pieces;
  }
}
