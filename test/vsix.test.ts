// The .vsix as a marketplace (VS Code Marketplace, Open VSX) receives it: packed by the project's own
// script, under 5 MB, with the icon (a 128x128 PNG) and the changelog declared in its manifest, only the
// files the extension runs and shows, and every command in the palette under "whosaid".
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {inflateRawSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const ROOT = resolve(__dirname, '..');
let dir: string;
let vsix: string;
let entries: Map<string, Buffer>;

/** The entries of a zip file (stored or deflated), read from its central directory. */
function readZip(file: Buffer): Map<string, Buffer> {
  let eocd = file.length - 22;
  while (eocd >= 0 && file.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-vsix-test-'));
  vsix = join(dir, 'whosaid.vsix');
  const build = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, encoding: 'utf8', timeout: 120_000});
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  const pack = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs'), vsix], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000
  });
  if (pack.status !== 0) throw new Error(`scripts/package-vsix.mjs failed:\n${pack.stdout}\n${pack.stderr}`);
  entries = readZip(readFileSync(vsix));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('whosaid.vsix', () => {
  it('stays under 5 MB', () => {
    expect(statSync(vsix).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('carries the icon, a 128x128 PNG, declared in package.json and the manifest', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(manifest.icon).toBe('images/icon.png');
    const png = entries.get('extension/images/icon.png');
    expect(png).toBeDefined();
    expect(png!.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png!.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png!.readUInt32BE(16), png!.readUInt32BE(20)]).toEqual([128, 128]);
    expect(png!.equals(readFileSync(join(ROOT, 'images', 'icon.png')))).toBe(true);
    const xml = entries.get('extension.vsixmanifest')!.toString('utf8');
    expect(xml).toContain('<Icon>extension/images/icon.png</Icon>');
    expect(xml).toContain('Type="Microsoft.VisualStudio.Services.Icons.Default" Path="extension/images/icon.png"');
  });

  it('the committed icon is what scripts/make-icon.mjs draws', () => {
    const out = join(dir, 'icon.png');
    const draw = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-icon.mjs'), out], {encoding: 'utf8'});
    expect(draw.status, draw.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, 'images', 'icon.png')))).toBe(true);
  });

  it('carries the changelog', () => {
    const changelog = entries.get('extension/changelog.md');
    expect(changelog?.toString('utf8')).toBe(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'));
    expect(entries.get('extension.vsixmanifest')!.toString('utf8')).toContain(
      'Type="Microsoft.VisualStudio.Services.Content.Changelog" Path="extension/changelog.md"'
    );
  });

  it('holds what the extension runs and shows, and nothing else', () => {
    const names = [...entries.keys()].sort();
    const allowed =
      /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|images\/icon\.png|dist\/(extension|server)\.js|dist\/whosaid-pos-model\.bin|schemas\/whosaidrc\.schema\.json|docs\/rules\/[A-Za-z-]+\.md))$/;
    expect(names.filter((name) => !allowed.test(name))).toEqual([]);
    expect(names).toContain('extension/dist/extension.js');
    expect(names).toContain('extension/dist/server.js');
    expect(names).toContain('extension/dist/whosaid-pos-model.bin');
    // The staged manifest is the repository's, less the npm file list and the scripts.
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(manifest.files).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.contributes).toEqual(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes);
  });

  it('puts every command in the palette under "whosaid", and declares every command the client registers', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const commands = manifest.contributes.commands as {command: string; title: string; category?: string}[];
    for (const command of commands) expect(command.category, command.command).toBe('whosaid');
    const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const protocol = readFileSync(join(ROOT, 'server', 'src', 'lsp', 'protocol.ts'), 'utf8');
    const registered = [...client.matchAll(/registerCommand\(Commands\.(\w+)/g)].map(
      (m) => new RegExp(`${m[1]}: '([^']+)'`).exec(protocol)![1]
    );
    expect(registered.length).toBeGreaterThan(3);
    // The client registers its own commands; whosaid.checkWorkspace is the server's (workspace/executeCommand).
    expect([...registered, 'whosaid.checkWorkspace'].sort()).toEqual(commands.map((c) => c.command).sort());
    expect(commands.map((c) => c.title)).toContain('Export source list');
  });

  it('has no web address the project does not have', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const field of ['repository', 'homepage', 'bugs', 'qna']) expect(manifest[field], field).toBeUndefined();
  });
});
