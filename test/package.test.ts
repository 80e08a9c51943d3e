// The npm package as a newsroom installs it: `npm pack`, then `npm install -g` of the tarball into an
// empty prefix, offline, with an empty cache and an unreachable registry (so it can only work if the
// package needs nothing but itself); then both commands, run from outside the repository: the CLI on
// the example draft, and the language server through initialize, didOpen and publishDiagnostics.
import {spawn, spawnSync} from 'node:child_process';
import {builtinModules} from 'node:module';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const ROOT = resolve(__dirname, '..');
let dir: string;
let tarball: string;
let packed: {files: {path: string}[]};
let prefix: string;
let bin: (name: string) => string;

/** npm with no registry to reach and a cache of its own. */
function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false'
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-package-'));
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: npmEnv()
  });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  // prepare's build output comes before the JSON on stdout.
  const json = pack.stdout.slice(pack.stdout.indexOf('['));
  packed = (JSON.parse(json) as {filename: string; files: {path: string}[]}[])[0] as typeof packed & {filename: string};
  tarball = join(dir, (packed as typeof packed & {filename: string}).filename);
  prefix = join(dir, 'prefix');
  mkdirSync(prefix);
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', tarball], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: npmEnv()
  });
  if (install.status !== 0) throw new Error(`npm install -g of the tarball failed:\n${install.stdout}\n${install.stderr}`);
  bin = (name) => (process.platform === 'win32' ? join(prefix, `${name}.cmd`) : join(prefix, 'bin', name));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('npm pack', () => {
  it('packs the bundles, the bins, the rule pages, the schema and the docs, and nothing else', () => {
    const files = packed.files.map((file) => file.path).sort();
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/whosaid(-ls)?\.js|dist\/(cli|server)\.js|dist\/cli\.cache|dist\/whosaid-pos-model\.bin|docs\/rules\/[a-z-]+\.md|docs\/rules\/README\.md|schemas\/whosaidrc\.schema\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    for (const needed of [
      'bin/whosaid.js',
      'bin/whosaid-ls.js',
      'dist/cli.js',
      'dist/cli.cache',
      'dist/server.js',
      'dist/whosaid-pos-model.bin',
      'schemas/whosaidrc.schema.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/rules/hedge.md'
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => file.startsWith('docs/rules/'))).toHaveLength(10);
  });

  it('declares no run-time dependencies: the bundles carry them', () => {
    const manifest = JSON.parse(readFileSync(join(prefix, 'lib', 'node_modules', 'whosaid', 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'whosaid', 'node_modules'))).toBe(false);
    // Only Node's own modules are required by the bundles; the part-of-speech model's data file that
    // ships beside them is read, not required.
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const code = readFileSync(join(prefix, 'lib', 'node_modules', 'whosaid', bundle), 'utf8');
      const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
      const builtins = new Set(builtinModules);
      expect(
        [...required].filter((name) => !builtins.has(name.replace(/^node:/, ''))),
        bundle
      ).toEqual([]);
    }
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'whosaid', 'dist', 'whosaid-pos-model.bin'))).toBe(true);
  });
});

describe('installed into an empty prefix', () => {
  it('whosaid checks the example draft, with rule links into the installed pages', () => {
    const draft = join(ROOT, 'examples', 'wire-draft.md');
    const text = spawnSync(bin('whosaid'), [draft], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toContain('✖ 7 findings (7 warnings) in 1 file');
    expect(text.stdout).toContain('anonymous-source');
    const json = spawnSync(bin('whosaid'), ['--format', 'json', draft], {cwd: dir, encoding: 'utf8'});
    const [report] = JSON.parse(json.stdout) as {messages: {url: string}[]}[];
    expect(report.messages).toHaveLength(7);
    for (const message of report.messages) {
      expect(message.url.startsWith(pathToFileURL(prefix).href)).toBe(true);
      expect(existsSync(fileURLToPath(message.url.replace(/#.*$/, '')))).toBe(true);
    }
  });

  it('whosaid tags with the part-of-speech model installed beside its bundle', () => {
    // "brilliant" is an editorializing adjective only where the tagger says so: this draft loads the
    // model (dist/whosaid-pos-model.bin); without it the paragraph would not be checked (exit 2).
    writeFileSync(join(dir, 'tagged.md'), 'The mayor gave a brilliant speech.\n');
    const run = spawnSync(bin('whosaid'), ['--format', 'json', 'tagged.md'], {cwd: dir, encoding: 'utf8'});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const [report] = JSON.parse(run.stdout) as {messages: {ruleId: string; actual: string}[]}[];
    expect(report.messages.map((m) => `${m.ruleId}: ${m.actual}`)).toEqual(['editorializing: brilliant']);
  });

  it('whosaid sources prints the CSV source list', () => {
    const csv = spawnSync(bin('whosaid'), ['sources', '--format', 'csv', join(ROOT, 'examples', 'wire-draft.md')], {
      cwd: dir,
      encoding: 'utf8'
    });
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'File,Line,Column,Source,Resolves to,Kind,Cue,Cited for,Quote,Anonymity reason,Position,Stance'
    );
    expect(csv.stdout.split('\r\n').filter(Boolean).length).toBeGreaterThan(5);
  });

  it('the pre-commit hook runs from the installed package as pre-commit runs it', () => {
    // pre-commit installs a node hook's repository with `npm pack` and `npm install -g` of the tarball
    // into an environment of its own (as above), then runs `entry` with the staged files that match
    // `files`, from the repository's root.
    const yaml = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /^\s+entry: (.+)$/m.exec(yaml)![1].trim();
    const files = new RegExp(/^\s+files: '(.+)'$/m.exec(yaml)![1]);
    writeFileSync(join(dir, 'a.md'), 'Experts say the port may close.\n');
    writeFileSync(join(dir, 'b.txt'), 'The council approved the budget on Tuesday.\n');
    writeFileSync(join(dir, 'c.js'), 'console.log("Experts say");\n');
    const staged = ['a.md', 'b.txt', 'c.js'].filter((name) => files.test(name));
    expect(staged).toEqual(['a.md', 'b.txt']);
    // Only the prefix and node itself on the PATH: no `whosaid` of the checkout can answer instead.
    const env = {...process.env, NO_COLOR: '1', PATH: `${join(prefix, 'bin')}${delimiter}${dirname(process.execPath)}`};
    const hook = spawnSync(entry, staged, {cwd: dir, encoding: 'utf8', env});
    expect(hook.status, hook.stderr).toBe(1);
    expect(hook.stdout).toContain('a.md');
    expect(hook.stdout).toContain('vague-source');
    expect(hook.stdout).not.toContain('b.txt');
    expect(spawnSync(entry, ['b.txt'], {cwd: dir, encoding: 'utf8', env}).status).toBe(0);
  });

  it('whosaid-ls answers initialize and publishes diagnostics for an opened draft', async () => {
    const server = spawn(bin('whosaid-ls'), ['--stdio'], {cwd: dir, stdio: ['pipe', 'pipe', 'pipe']});
    const messages: {id?: number; method?: string; params?: any; result?: any}[] = [];
    let buffer = Buffer.alloc(0);
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    server.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
        if (buffer.length < end + 4 + length) return;
        messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
        buffer = buffer.subarray(end + 4 + length);
      }
    });
    const send = (message: object) => {
      const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}), 'utf8');
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    const waitFor = async <T>(find: () => T | undefined, what: string): Promise<T> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = find();
        if (found !== undefined) return found;
        if (Date.now() > deadline || server.exitCode !== null)
          throw new Error(`no ${what} from whosaid-ls (exit ${server.exitCode})\n${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      const uri = pathToFileURL(join(dir, 'draft.md')).href;
      send({
        id: 1,
        method: 'initialize',
        params: {processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null}
      });
      const init = await waitFor(() => messages.find((m) => m.id === 1), 'initialize answer');
      expect(init.result.serverInfo.name).toBe('whosaid-ls');
      expect(init.result.capabilities.textDocumentSync).toBeDefined();
      send({method: 'initialized', params: {}});
      const text = 'A senior official said the talks had collapsed.\n\nExperts say the port will close.\n';
      send({method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text}}});
      const published = await waitFor(
        () =>
          messages.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0),
        'publishDiagnostics'
      );
      const codes = published.params.diagnostics.map((d: {code: string}) => d.code).sort();
      expect(codes).toEqual(['anonymous-source', 'vague-source']);
      expect(published.params.diagnostics[0].range.start).toEqual({line: 0, character: 0});
      send({id: 2, method: 'shutdown'});
      await waitFor(() => messages.find((m) => m.id === 2), 'shutdown answer');
      send({method: 'exit'});
      await waitFor(() => (server.exitCode !== null ? server.exitCode : undefined), 'exit');
      expect(server.exitCode).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill();
    }
  });
});
