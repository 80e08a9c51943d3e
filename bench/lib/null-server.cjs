// A language server that does no analysis: it keeps the document in sync (incremental) and publishes one
// constant diagnostic per version. The typing benchmark runs it beside whosaid's server to show the
// floor that JSON-RPC over stdio and document sync alone cost on this machine.
'use strict';
const {createConnection, TextDocuments, TextDocumentSyncKind, ProposedFeatures} = require('vscode-languageserver/node');
const {TextDocument} = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({capabilities: {textDocumentSync: TextDocumentSyncKind.Incremental}}));
documents.onDidChangeContent(({document}) => {
  connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, message: 'null server', source: 'bench'}]
  });
});
documents.listen(connection);
connection.listen();
