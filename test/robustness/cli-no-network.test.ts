// No network for the CLI: every run below has net, dns, http, https, http2, tls, dgram, fetch and
// WebSocket trapped (no-network-preload.cjs, also active in the CLI's worker threads) and must leave
// the trap log empty. The language server's own no-network test is test/protocol/no-network.test.ts.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildCli, removeDir, ROOT, runCli, SHARED, STACK_FRAME, tempDir} from './cli';
import {SENTENCES} from './arbitraries';

const PRELOAD = join(__dirname, 'no-network-preload.cjs');
const SEED = join(SHARED, 'examples', 'seed-article.txt');

let dir: string;
let log: string;

beforeAll(async () => {
  await buildCli();
  dir = tempDir();
  log = join(dir, 'network.log');
});

afterAll(() => removeDir(dir));

const trapped = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
const guarded = {nodeArgs: ['-r', PRELOAD]};

function run(args: string[], input?: string) {
  const result = runCli(args, {cwd: ROOT, input, ...guarded, env: {WHOSAID_NET_LOG: log}});
  expect(result.timedOut).toBe(false);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('network use is forbidden');
  return result;
}

describe('CLI: no network', () => {
  it('the traps fire: a connection, a lookup, an https request, a UDP socket and a fetch are each logged, in a worker too', () => {
    const probe = join(dir, 'probe.log');
    const attempts = [
      "require('node:net').connect(80, 'example.org')",
      "require('node:dns').lookup('example.org', () => {})",
      "require('node:dns').promises.resolve4('example.org')",
      "require('node:https').get('https://example.org')",
      "require('node:dgram').createSocket('udp4')",
      "fetch('https://example.org')"
    ];
    const script = attempts.map((line) => `try { ${line}; } catch {}`).join('\n');
    const worker = `new (require('node:worker_threads').Worker)(${JSON.stringify("try { require('node:http').request('http://example.org'); } catch {}")}, {eval: true});`;
    const result = spawnSync(process.execPath, ['-r', PRELOAD, '-e', script + '\n' + worker], {
      env: {...process.env, WHOSAID_NET_LOG: probe},
      timeout: 20_000
    });
    expect(result.status).toBe(0);
    const logged = readFileSync(probe, 'utf8');
    for (const name of ['net.connect', 'dns.lookup', 'dns.promises.resolve4', 'https.get', 'dgram.createSocket', 'fetch'])
      expect(logged).toContain(`${name} (main thread)`);
    expect(logged).toMatch(/http\.request \(worker \d+\)/);
  });

  it('checks the examples in every output format without touching the network', () => {
    const examples = readdirSync(join(ROOT, 'examples')).map((name) => join('examples', name));
    expect(examples.length).toBeGreaterThan(0);
    for (const format of ['text', 'json', 'sarif']) {
      const result = run(['--format', format, '--attributions', ...examples]);
      expect([0, 1]).toContain(result.status);
    }
    expect(trapped()).toBe('');
  });

  it.skipIf(!existsSync(SEED))('checks the seed article (../shared) from a file and from standard input', () => {
    const fromFile = run(['--format', 'json', SEED]);
    expect(fromFile.status).toBe(1);
    const text = readFileSync(SEED, 'utf8');
    const fromStdin = run(['--format', 'json', '--stdin-filename', 'seed.txt', '-'], text);
    expect(fromStdin.status).toBe(1);
    expect(trapped()).toBe('');
  });

  it('checks twelve drafts on worker threads (--jobs 2) with a config file, without touching the network', () => {
    const desk = join(dir, 'desk');
    mkdirSync(desk);
    writeFileSync(join(desk, '.whosaidrc.json'), '{"preset": "ap", "allow": ["officials said"]}\n');
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(desk, `story-${i}.md`), `# Story ${i}\n\n${SENTENCES.slice(i, i + 6).join(' ')}\n`);
    }
    const result = run(['--jobs', '2', '--format', 'json', desk]);
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(12);
    expect(trapped()).toBe('');
  });

  it('prints help, the version and usage errors without touching the network', () => {
    expect(run(['--help']).status).toBe(0);
    expect(run(['--version']).status).toBe(0);
    expect(run(['--format', 'xml', 'x.md']).status).toBe(2);
    expect(trapped()).toBe('');
  });
});
