// End-to-end: whosaid-ls in Neovim 0.7 (Debian bookworm's), headless, through Neovim's own LSP
// client (vim.lsp.start_client + buf_attach_client). nvim/check.lua does the editor side and
// writes what it saw as JSON; this file checks it.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {REPO, ensureServerBuilt} from './support/build';
import {DRAFT, DRAFT_RULES, makeWorkspace, seedArticle, type Workspace} from './support/fixtures';
import {run, stopAll} from './support/proc';
import {assertTools, findTools, skipFor} from './support/tools';

const SUITE = 'Neovim (0.7, built-in LSP client) e2e';
const tools = findTools(['nvim']);
const WAIT_MS = 30_000;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}
interface LspDiagnostic {
  code: string;
  range: {start: {line: number; character: number}; end: {line: number; character: number}};
}
interface NvimResult {
  error?: string;
  log: string[];
  files: Record<string, {waited: boolean; diagnostics: NvimDiagnostic[]; raw: LspDiagnostic[]}>;
  actionTitles?: string[];
  applied?: string;
  target?: LspDiagnostic;
  textBefore?: string;
  textAfter?: string;
  rechecked?: boolean;
  diagnosticsAfter?: LspDiagnostic[];
}

describe.skipIf(skipFor(SUITE, tools))(SUITE, () => {
  let ws: Workspace;
  let result: NvimResult;
  let exit: number | string;
  let output: string;
  const seed = seedArticle();

  beforeAll(async () => {
    assertTools(SUITE, tools);
    const server = process.env.WHOSAID_E2E_SERVER || ensureServerBuilt();
    ws = makeWorkspace('nvim');
    const xdg = join(ws.root, '.xdg');
    for (const d of ['config', 'data', 'state', 'cache']) mkdirSync(join(xdg, d), {recursive: true});
    const files = [{path: ws.draft, languageId: 'markdown'}];
    // The seed article is read in place from ../shared (Neovim only reads it; nothing is saved).
    if (seed) files.push({path: seed, languageId: 'plaintext'});
    const out = join(ws.root, 'result.json');
    const config = join(ws.root, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        server,
        root: ws.root,
        files,
        action: {file: ws.draft, rule: 'editorializing', titlePrefix: 'Remove'},
        out,
        timeoutMs: WAIT_MS
      })
    );
    const r = await run(
      'nvim',
      tools.found.nvim!,
      ['--headless', '--clean', '-n', '-c', `luafile ${join(REPO, 'test', 'e2e', 'nvim', 'check.lua')}`],
      {
        cwd: ws.root,
        env: {
          ...process.env,
          WHOSAID_E2E_CONFIG: config,
          HOME: ws.root,
          XDG_CONFIG_HOME: join(xdg, 'config'),
          XDG_DATA_HOME: join(xdg, 'data'),
          XDG_STATE_HOME: join(xdg, 'state'),
          XDG_CACHE_HOME: join(xdg, 'cache')
        },
        timeoutMs: 4 * WAIT_MS
      }
    );
    exit = r.code;
    output = r.output;
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    } catch {
      throw new Error(`nvim wrote no result (exit ${exit}). Output:\n${output}`);
    }
  }, 180_000);

  afterAll(async () => {
    await stopAll();
    ws?.cleanup();
  });

  it('runs to the end without an error', () => {
    expect(result.error, `nvim output:\n${output}\nlog: ${result.log.join('\n')}`).toBeUndefined();
    expect(exit).toBe(0);
  });

  it("shows the draft's findings as Neovim diagnostics, with rule ids and the right places", () => {
    const file = result.files[ws.draft];
    expect(file.waited, 'no diagnostics arrived within the wait').toBe(true);
    const codes = new Set(file.diagnostics.map((d) => d.code));
    for (const rule of DRAFT_RULES) expect(codes, `diagnostics: ${JSON.stringify(file.diagnostics)}`).toContain(rule);
    expect(file.diagnostics.every((d) => d.source === 'whosaid')).toBe(true);
    // Each diagnostic sits on the words it is about.
    const lines = DRAFT.split('\n');
    const experts = file.diagnostics.find((d) => d.code === 'vague-source')!;
    expect(lines[experts.lnum].slice(experts.col)).toMatch(/^Experts/);
    const worth = file.diagnostics.find((d) => d.code === 'editorializing')!;
    expect(lines[worth.lnum].slice(worth.col)).toMatch(/^It's worth noting that/);
  });

  it.skipIf(!seed)("shows the seed article's findings, with ranges in the right place despite curly quotes", () => {
    const file = result.files[seed!];
    expect(file.waited, 'no diagnostics arrived for the seed article').toBe(true);
    const codes = new Set(file.diagnostics.map((d) => d.code));
    for (const rule of ['editorializing', 'vague-source', 'anonymous-source', 'unattributed-claim', 'hedge']) expect(codes).toContain(rule);
    // "It’s noteworthy that" sits after curly apostrophes: UTF-16 vs byte columns must agree.
    const lines = readFileSync(seed!, 'utf8').split('\n');
    const noteworthy = file.diagnostics.find((d) => d.code === 'editorializing' && /noteworthy/.test(d.message));
    expect(noteworthy, JSON.stringify(file.diagnostics)).toBeDefined();
    const line = lines[noteworthy!.lnum];
    const bytes = Buffer.from(line, 'utf8').subarray(noteworthy!.col).toString('utf8');
    expect(bytes).toMatch(/^It’s noteworthy that/);
  });

  it('applies a "Remove" code action: the text changes exactly and the finding goes away', () => {
    expect(result.actionTitles, 'code actions offered').toBeDefined();
    expect(result.applied).toMatch(/^Remove/);
    expect(result.textBefore).toBe(DRAFT.replace(/\n$/, ''));
    expect(result.textAfter).toBe(
      DRAFT.replace("It's worth noting that the quay flooded four times last year.", 'The quay flooded four times last year.').replace(
        /\n$/,
        ''
      )
    );
    expect(result.rechecked, `diagnostics after the edit: ${JSON.stringify(result.diagnosticsAfter)}`).toBe(true);
    const after = result.diagnosticsAfter ?? [];
    expect(after.some((d) => d.code === 'editorializing')).toBe(false);
    expect(after.some((d) => d.code === 'vague-source')).toBe(true);
  });
});
