// Entry point of whosaid-ls: `whosaid-ls --stdio` or `whosaid-ls --node-ipc`.
// The socket and pipe transports of vscode-languageserver are refused: the server opens no connections.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {format} from 'node:util';
import {createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader} from 'vscode-languageserver/node';
import {setDocsBase} from '../analysis';
import {startServer} from './server';
import {StdioMessageWriter} from './writer';
import {Arrivals} from './arrivals';

const args = process.argv.slice(2);
const refused = args.some((arg) => /^--(socket|pipe)\b/.test(arg));
if (refused || !args.some((arg) => arg === '--stdio' || arg === '--node-ipc')) {
  process.stderr.write('Usage: whosaid-ls --stdio | --node-ipc\n');
  process.exit(2);
}

// Rule pages ship next to the bundle (dist/../docs/rules): link to them rather than to a web page.
const docs = join(__dirname, '..', 'docs', 'rules');
if (existsSync(docs)) setDocsBase(pathToFileURL(docs).href + '/');

if (args.includes('--stdio')) {
  // Our own reader and writer on stdin and stdout: the reader notes which edits are already waiting
  // (arrivals.ts), the writer sends diagnostics without one large string per publish (writer.ts).
  // Passing them skips the library's --stdio set-up, done here: exit when stdin ends, and console
  // output to the client's log rather than into the protocol stream.
  const arrivals = new Arrivals();
  const connection = createConnection(
    ProposedFeatures.all,
    arrivals.watch(new StreamMessageReader(process.stdin)),
    new StdioMessageWriter(process.stdout)
  );
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  const toLog =
    (send: (message: string) => void) =>
    (...values: unknown[]) =>
      send(format(...values));
  console.log = console.info = console.debug = console.trace = toLog((message) => connection.console.log(message));
  console.warn = toLog((message) => connection.console.warn(message));
  console.error = toLog((message) => connection.console.error(message));
  startServer(connection, arrivals);
} else {
  // node-ipc (VS Code): the library's own reader and writer for it, the reader watched for bursts.
  const arrivals = new Arrivals();
  startServer(
    createConnection(ProposedFeatures.all, arrivals.watch(new IPCMessageReader(process)), new IPCMessageWriter(process)),
    arrivals
  );
}
