// Entry point of whosaid-ls: `whosaid-ls --stdio` or `whosaid-ls --node-ipc`.
// The socket and pipe transports of vscode-languageserver are refused: the server opens no connections.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node';
import {setDocsBase} from '../analysis';
import {startServer} from './server';

const args = process.argv.slice(2);
const refused = args.some((arg) => /^--(socket|pipe)\b/.test(arg));
if (refused || !args.some((arg) => arg === '--stdio' || arg === '--node-ipc')) {
  process.stderr.write('Usage: whosaid-ls --stdio | --node-ipc\n');
  process.exit(2);
}

// Rule pages ship next to the bundle (dist/../docs/rules): link to them rather than to a web page.
const docs = join(__dirname, '..', 'docs', 'rules');
if (existsSync(docs)) setDocsBase(pathToFileURL(docs).href + '/');

startServer(createConnection(ProposedFeatures.all));
