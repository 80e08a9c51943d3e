// The source list through the language server: `sources` in the whosaid/sourcingReport answer is
// exactly what `whosaid sources --format json` prints for the same draft, stances included.
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {SourcingReport} from '../../server/src/lsp/protocol';
import type {FileSourceList} from '../../server/src/sources/list';
import {COUNCIL_VOTE} from './drafts';
import {buildServer, fileUri, LspClient, removeDir, ROOT, tempDir} from './harness';

// Invented copy: a pronoun that resolves, an anonymous source with a reason, a stance.
const DRAFT = [
  'Harbor Master Ines Duarte said the channel would reopen on Friday.',
  '',
  '"We are ready," she told reporters.',
  '',
  'A port official, who was not authorized to speak publicly, said two cranes had failed.',
  '',
  'The union backed the plan.',
  ''
].join('\n');

let dir: string;
let client: LspClient;

beforeAll(async () => {
  await buildServer();
  const build = spawnSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, encoding: 'utf8', timeout: 120_000});
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  dir = tempDir();
  client = await LspClient.start({folder: dir});
});

afterAll(async () => {
  await client?.stop();
  removeDir(dir);
});

function cliSources(path: string): FileSourceList['sources'] {
  const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'whosaid.js'), 'sources', '--format', 'json', path], {
    cwd: dir,
    encoding: 'utf8'
  });
  expect(out.status, out.stderr).toBe(0);
  return (JSON.parse(out.stdout) as FileSourceList[])[0].sources;
}

describe('sources in whosaid/sourcingReport', () => {
  it('is the CLI source list of the same text, for an open document', async () => {
    for (const [name, text] of [
      ['port.md', DRAFT],
      ['council.md', COUNCIL_VOTE]
    ]) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const uri = fileUri(path);
      await client.open(uri, text, 'markdown', 1);
      const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
      expect(report.sources.length).toBeGreaterThan(2);
      expect(report.sources).toEqual(cliSources(name));
    }
  });

  it('carries pronouns, anonymity reasons and stances', async () => {
    const uri = fileUri(join(dir, 'port.md'));
    const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
    expect(report.sources.map((s) => [s.line, s.source, s.resolvesTo, s.kind, s.cue, s.quote, s.stance])).toEqual([
      [1, 'Harbor Master Ines Duarte', null, 'named', 'said', false, false],
      [3, 'she', 'Harbor Master Ines Duarte', 'named', 'told', true, false],
      [5, 'A port official, who was not authorized to speak publicly', null, 'anonymous', 'said', false, false],
      [7, 'The union', null, 'institutional', 'backed', false, true]
    ]);
    expect(report.sources[2].anonymityReason).toMatch(/not authorized/);
    // The report's own attribution rows leave the stance out; the source list keeps it, marked.
    expect(report.attributions).toHaveLength(3);
  });

  it('follows edits', async () => {
    const uri = fileUri(join(dir, 'port.md'));
    await client.change(uri, 2, [{text: DRAFT + '\nExperts say the port will close.\n'}]);
    const report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
    expect(report.version).toBe(2);
    expect(report.sources.at(-1)).toMatchObject({line: 9, source: 'Experts', kind: 'vague', cue: 'say'});
  });
});
