// Preloaded with `node -r` into the language server by no-network.test.ts. Every way Node has to open
// a connection, listen on a socket or resolve a host name is replaced by a trap that appends a line
// to $WHOSAID_NET_LOG and throws. Standard input and output are pipes Node sets up itself, without
// net.connect, so the stdio transport keeps working.
'use strict';
const fs = require('node:fs');
const LOG = process.env.WHOSAID_NET_LOG;

function record(name) {
  const line = `${name}\n${new Error('network trap').stack}\n---\n`;
  if (LOG) fs.appendFileSync(LOG, line);
  return new Error(`whosaid must not use the network: ${name} was called`);
}

function trap(target, key, name) {
  if (!target || typeof target[key] !== 'function') return;
  const label = name ?? key;
  Object.defineProperty(target, key, {
    configurable: true,
    writable: true,
    value: function trapped() {
      throw record(label);
    }
  });
}

const net = require('node:net');
trap(net, 'connect', 'net.connect');
trap(net, 'createConnection', 'net.createConnection');
trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
trap(net.Server.prototype, 'listen', 'net.Server#listen');

const tls = require('node:tls');
trap(tls, 'connect', 'tls.connect');

const dns = require('node:dns');
for (const key of Object.keys(dns)) {
  if (key === 'lookup' || key === 'lookupService' || key.startsWith('resolve') || key === 'reverse') trap(dns, key, `dns.${key}`);
}
if (dns.promises) {
  for (const key of Object.keys(dns.promises)) {
    if (key === 'lookup' || key === 'lookupService' || key.startsWith('resolve') || key === 'reverse')
      trap(dns.promises, key, `dns.promises.${key}`);
  }
}
if (dns.Resolver) {
  for (const key of Object.getOwnPropertyNames(dns.Resolver.prototype)) {
    if (key.startsWith('resolve') || key === 'reverse') trap(dns.Resolver.prototype, key, `dns.Resolver#${key}`);
  }
}

for (const mod of ['http', 'https']) {
  const m = require(`node:${mod}`);
  trap(m, 'request', `${mod}.request`);
  trap(m, 'get', `${mod}.get`);
}

const dgram = require('node:dgram');
trap(dgram, 'createSocket', 'dgram.createSocket');

if (typeof globalThis.fetch === 'function') trap(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') trap(globalThis, 'WebSocket', 'WebSocket');
