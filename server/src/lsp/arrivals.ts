// Which document versions the transport has already received, before the server handles them: an edit
// with a newer version of its document already waiting is part of a burst (a script, a macro, a paste
// sent as many changes), and the server checks the last of them rather than each one.
import type {DataCallback, Message, MessageReader} from 'vscode-languageserver/node';

export class Arrivals {
  private readonly latest = new Map<string, number>();

  /** Whether a change to a later version of the document has been received but not yet handled. */
  newer(uri: string, version: number): boolean {
    const latest = this.latest.get(uri);
    return latest !== undefined && latest > version;
  }

  /** The reader, noting each didOpen, didChange and didClose as it arrives. */
  watch(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback: DataCallback) =>
        reader.listen((message: Message) => {
          this.note(message);
          callback(message);
        }),
      dispose: () => reader.dispose()
    };
  }

  private note(message: Message): void {
    const {method, params} = message as Message & {method?: unknown; params?: {textDocument?: {uri?: unknown; version?: unknown}}};
    const uri = params?.textDocument?.uri;
    if (typeof method !== 'string' || typeof uri !== 'string') return;
    const version = params?.textDocument?.version;
    if ((method === 'textDocument/didChange' || method === 'textDocument/didOpen') && typeof version === 'number')
      this.latest.set(uri, version);
    else if (method === 'textDocument/didClose') this.latest.delete(uri);
  }
}
