// A language server that does no analysis: it keeps the document in sync (incremental) and publishes
// constant diagnostics per version. The typing benchmark runs it beside whosaid's server to show the
// floor that JSON-RPC over stdio and document sync alone cost on this machine.
// With WHOSAID_BENCH_PAYLOAD (a JSON file holding a diagnostics array), every edit of a document is
// answered with those diagnostics: the floor for a publish as large as whosaid's, which tells the cost
// of sending and parsing that payload apart from the cost of the analysis.
'use strict';
const {readFileSync} = require('node:fs');
const {createConnection, TextDocuments, TextDocumentSyncKind, ProposedFeatures} = require('vscode-languageserver/node');
const {TextDocument} = require('vscode-languageserver-textdocument');

const ONE = [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, message: 'null server', source: 'bench'}];
const payloadFile = process.env.WHOSAID_BENCH_PAYLOAD;
const payload = payloadFile ? JSON.parse(readFileSync(payloadFile, 'utf8')) : null;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({capabilities: {textDocumentSync: TextDocumentSyncKind.Incremental}}));
documents.onDidChangeContent(({document}) => {
  connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: payload && document.version > 1 ? payload : ONE});
});
documents.listen(connection);
connection.listen();
