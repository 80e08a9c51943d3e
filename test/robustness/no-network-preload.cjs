// Loaded with `node -r` into the CLI by cli-no-network.test.ts (and, through execArgv, into its worker
// threads). Each network entry point of Node is wrapped: a call appends the entry point's name and the
// caller's stack to $WHOSAID_NET_LOG, then throws. Loading the modules is allowed (bundled libraries
// require them); only calling them counts. Standard streams are pipes or files set up by Node without
// these functions.
'use strict';
const {appendFileSync} = require('node:fs');
const {isMainThread, threadId} = require('node:worker_threads');

const logFile = process.env.WHOSAID_NET_LOG;

function caught(name) {
  const where = isMainThread ? 'main thread' : `worker ${threadId}`;
  if (logFile) appendFileSync(logFile, `${name} (${where})\n${new Error('stack').stack}\n\n`);
  return new Error(`network use is forbidden in whosaid: ${name}`);
}

function wrap(owner, key, name) {
  if (owner == null || typeof owner[key] !== 'function') return;
  Object.defineProperty(owner, key, {
    configurable: true,
    writable: true,
    value: function forbidden() {
      throw caught(name);
    }
  });
}

const wrapAll = (owner, label, keys) => {
  for (const key of keys) wrap(owner, key, `${label}.${key}`);
};

const net = require('node:net');
wrapAll(net, 'net', ['connect', 'createConnection', 'createServer']);
wrapAll(net.Socket.prototype, 'net.Socket#', ['connect']);
wrapAll(net.Server.prototype, 'net.Server#', ['listen']);

wrapAll(require('node:tls'), 'tls', ['connect', 'createServer']);
wrapAll(require('node:http'), 'http', ['request', 'get', 'createServer']);
wrapAll(require('node:https'), 'https', ['request', 'get', 'createServer']);
wrapAll(require('node:http2'), 'http2', ['connect', 'createServer', 'createSecureServer']);
wrapAll(require('node:dgram'), 'dgram', ['createSocket']);

const dns = require('node:dns');
const dnsKeys = (owner) => Object.keys(owner).filter((key) => /^(lookup|lookupService|resolve\w*|reverse)$/.test(key));
wrapAll(dns, 'dns', dnsKeys(dns));
wrapAll(dns.promises, 'dns.promises', dnsKeys(dns.promises));
wrapAll(
  dns.Resolver.prototype,
  'dns.Resolver#',
  Object.getOwnPropertyNames(dns.Resolver.prototype).filter((key) => /^(resolve\w*|reverse)$/.test(key))
);
wrapAll(
  dns.promises.Resolver.prototype,
  'dns.promises.Resolver#',
  Object.getOwnPropertyNames(dns.promises.Resolver.prototype).filter((key) => /^(resolve\w*|reverse)$/.test(key))
);

for (const key of ['fetch', 'WebSocket', 'EventSource']) wrap(globalThis, key, key);
