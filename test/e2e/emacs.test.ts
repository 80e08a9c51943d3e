// End-to-end: whosaid-ls in Emacs 28 through eglot 1.9 (Debian bookworm's emacs-nox and
// elpa-eglot), in batch mode. emacs/check.el does the editor side and writes JSON; this file
// checks that flymake received the findings and that a code action's edit was applied.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {REPO, ensureServerBuilt} from './support/build';
import {DRAFT, DRAFT_RULES, makeWorkspace, seedArticle, type Workspace} from './support/fixtures';
import {run, stopAll} from './support/proc';
import {assertTools, findTools, skipFor} from './support/tools';

const SUITE = 'Emacs (28, eglot 1.9, flymake) e2e';
const tools = findTools(['emacs']);
const WAIT_MS = 30_000;

interface FlymakeDiagnostic {
  code: string;
  type: string;
  text: string;
  line: number;
  snippet: string;
}
interface EmacsResult {
  error?: string;
  files: Record<string, {waited: boolean; languageId: string; diagnostics: FlymakeDiagnostic[]}>;
  actionTitles?: string[];
  applied?: string;
  textBefore?: string;
  textAfter?: string;
  rechecked?: boolean;
  publishesAfterEdit?: number;
  diagnosticsAfter?: FlymakeDiagnostic[];
}

/** The words each of the draft's findings must cover. */
const DRAFT_SNIPPETS: Record<string, string> = {
  'vague-source': 'Experts',
  'unattributed-claim': 'are expected to',
  hedge: 'probably',
  editorializing: "It's worth noting that",
  'unsourced-statistic': '40 percent',
  'anonymous-source': 'A senior official'
};

describe.skipIf(skipFor(SUITE, tools))(SUITE, () => {
  let ws: Workspace;
  let result: EmacsResult;
  let exit: number | string;
  let output: string;
  const seed = seedArticle();

  beforeAll(async () => {
    assertTools(SUITE, tools);
    const server = process.env.WHOSAID_E2E_SERVER || ensureServerBuilt();
    ws = makeWorkspace('emacs');
    const files = [{path: ws.draft, languageId: 'markdown'}];
    // Read in place from ../shared; nothing is saved.
    if (seed) files.push({path: seed, languageId: 'plaintext'});
    const out = join(ws.root, 'result.json');
    const config = join(ws.root, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({server, files, action: {file: ws.draft, rule: 'editorializing', titlePrefix: 'Remove'}, out, timeoutMs: WAIT_MS})
    );
    const r = await run('emacs', tools.found.emacs!, ['--batch', '-l', join(REPO, 'test', 'e2e', 'emacs', 'check.el')], {
      cwd: ws.root,
      env: {...process.env, WHOSAID_E2E_CONFIG: config, HOME: ws.root},
      timeoutMs: 4 * WAIT_MS
    });
    exit = r.code;
    output = r.output;
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as EmacsResult;
    } catch {
      throw new Error(`emacs wrote no result (exit ${exit}). Output:\n${output}`);
    }
  }, 180_000);

  afterAll(async () => {
    await stopAll();
    ws?.cleanup();
  });

  it('runs to the end without an error', () => {
    expect(result.error, `emacs output:\n${output}`).toBeUndefined();
    expect(exit).toBe(0);
  });

  it("flymake receives the draft's findings, with rule ids, on the right words", () => {
    const file = result.files[ws.draft];
    expect(file.waited, 'flymake got no diagnostics within the wait').toBe(true);
    expect(file.languageId).toBe('markdown');
    for (const rule of DRAFT_RULES) {
      const d = file.diagnostics.find((x) => x.code === rule);
      expect(d, `${rule} in ${JSON.stringify(file.diagnostics)}`).toBeDefined();
      expect(d!.snippet.startsWith(DRAFT_SNIPPETS[rule]), `${rule} covers "${d!.snippet}"`).toBe(true);
      expect(d!.text).toContain(`[${rule}]`);
    }
    expect(file.diagnostics.every((d) => d.type === 'eglot-warning' || d.type === 'eglot-note' || d.type === 'eglot-error')).toBe(true);
  });

  it.skipIf(!seed)("flymake receives the seed article's findings (as plaintext), on the right words", () => {
    const file = result.files[seed!];
    expect(file.waited, 'flymake got no diagnostics for the seed article').toBe(true);
    expect(file.languageId).toBe('plaintext');
    const codes = new Set(file.diagnostics.map((d) => d.code));
    for (const rule of ['editorializing', 'vague-source', 'anonymous-source', 'unattributed-claim', 'hedge']) expect(codes).toContain(rule);
    expect(file.diagnostics.some((d) => d.code === 'editorializing' && d.snippet === 'It’s noteworthy that')).toBe(true);
  });

  it('applies a "Remove" code action through eglot: the text changes exactly and the finding goes away', () => {
    expect(result.applied, `offered: ${JSON.stringify(result.actionTitles)}`).toMatch(/^Remove/);
    expect(result.textBefore).toBe(DRAFT);
    expect(result.textAfter).toBe(
      DRAFT.replace("It's worth noting that the quay flooded four times last year.", 'The quay flooded four times last year.')
    );
    expect(result.publishesAfterEdit, 'the server re-checked after the edit').toBeGreaterThan(0);
    expect(result.rechecked, JSON.stringify(result.diagnosticsAfter)).toBe(true);
    const after = result.diagnosticsAfter ?? [];
    expect(after.some((d) => d.code === 'editorializing')).toBe(false);
    // The re-check saw the new text: the findings below the edit still cover their words.
    expect(after.find((d) => d.code === 'unsourced-statistic')?.snippet).toBe('40 percent');
  });
});
