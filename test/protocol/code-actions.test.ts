// Quick fixes over a real stdio session: every fix applied to the text and checked, minimal edits,
// ignore comments, turning a rule off, the allow list in .whosaidrc.json, restricted mode.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseJsonc} from 'jsonc-parser';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CodeAction, Diagnostic, TextEdit, WorkspaceEdit} from 'vscode-languageserver-protocol';
import type {ReportFinding, SourcingReport} from '../../server/src/lsp/protocol';
import {PORT_STRIKE} from './drafts';
import {applyTextEdits, buildServer, diffRegion, documentEditOf, fileUri, LspClient, offsetOf, removeDir, tempDir, textOf} from './harness';

let dir: string;
let client: LspClient;

/**
 * Fixes the engine offers that do not yet clear their finding even once filled in (none today).
 * An entry here needs an `it.fails` test that starts failing when the engine is fixed.
 */
const KNOWN_ENGINE_GAPS = new Set<string>();

const TK_MARK = /\[TK:[^\]]*\]/g;

/** What a reporter would write in place of each kind of TK mark the fixes insert. */
function fillTks(text: string): string {
  return text.replace(TK_MARK, (mark) => {
    if (/reason/.test(mark)) return 'they were not authorized to discuss the talks';
    if (/speaker|name/.test(mark)) return 'union steward Paul Okafor';
    if (/who/.test(mark)) return 'freight analysts at Marlow Research';
    return 'the Dunmore Port Authority';
  });
}
let counter = 0;

beforeAll(async () => {
  await buildServer();
  dir = tempDir();
  client = await LspClient.start({folder: dir});
});

afterAll(async () => {
  await client?.stop();
  removeDir(dir);
});

async function openDraft(
  text = PORT_STRIKE,
  folder = dir,
  c = client
): Promise<{uri: string; diagnostics: Diagnostic[]; report: SourcingReport}> {
  const uri = fileUri(join(folder, `draft-${++counter}.md`));
  await c.open(uri, text, 'markdown', 1);
  const diagnostics = await c.diagnosticsAt(uri, 1);
  const report = await c.request<SourcingReport>('whosaid/sourcingReport', {uri});
  return {uri, diagnostics, report};
}

function findingOf(report: SourcingReport, d: Diagnostic): ReportFinding {
  const f = report.findings.find((x) => x.ruleId === d.code && JSON.stringify(x.range) === JSON.stringify(d.range));
  if (!f) throw new Error(`no finding for ${String(d.code)}`);
  return f;
}

/** Applies a code action's document edit through the protocol and returns the new text and diagnostics. */
async function applyAction(uri: string, text: string, action: CodeAction, version = 2) {
  const {version: target, edits} = documentEditOf(action, uri);
  expect(target, `"${action.title}" is versioned`).toBe(version - 1);
  const after = applyTextEdits(text, edits);
  // Send the edits as the editor would: incremental changes, last first so ranges stay valid.
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  await client.change(
    uri,
    version,
    sorted.map((edit: TextEdit) => ({range: edit.range, text: edit.newText}))
  );
  const diagnostics = await client.diagnosticsAt(uri, version);
  return {after, diagnostics};
}

describe('quick fixes', () => {
  it('offers only quickfix actions, never source.fixAll, and nothing when only source actions are asked for', async () => {
    const {uri, diagnostics} = await openDraft();
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, d);
      // Ignore here, off for the file, the documentation, and (except for TK marks) the allow list.
      expect(actions.length).toBeGreaterThanOrEqual(d.code === 'leftover-tk' ? 3 : 4);
      for (const action of actions) {
        expect(action.kind).toBe('quickfix');
        expect(action.diagnostics).toEqual([d]);
      }
      expect(await client.codeActions(uri, d, ['source.fixAll'])).toEqual([]);
      expect(await client.codeActions(uri, d, ['source'])).toEqual([]);
    }
  });

  it('applies every engine fix as a minimal, versioned edit that clears its finding once its TK marks are filled in', async () => {
    const {diagnostics: all, report} = await openDraft();
    let applied = 0;
    const notFixed: string[] = [];
    for (const [index, d] of all.entries()) {
      const finding = findingOf(report, d);
      for (const suggestion of finding.suggestions) {
        // A fresh copy of the draft for each fix.
        const {uri, diagnostics} = await openDraft();
        const same = diagnostics[index];
        const actions = await client.codeActions(uri, same);
        const action = actions.find((a) => a.title === suggestion.title);
        expect(action, `"${suggestion.title}" offered for ${finding.ruleId}`).toBeDefined();
        const {after, diagnostics: now} = await applyAction(uri, PORT_STRIKE, action!);
        applied++;

        // Minimal: the text before and after the changed region is byte-for-byte the same, and the
        // region lies inside the finding's paragraph (for removals: at the flagged span itself).
        const region = diffRegion(PORT_STRIKE, after);
        expect(PORT_STRIKE.slice(0, region.start)).toBe(after.slice(0, region.start));
        expect(PORT_STRIKE.slice(region.oldEnd)).toBe(after.slice(region.newEnd));
        expect(region.start, suggestion.title).toBeGreaterThanOrEqual(finding.paragraph.start);
        expect(region.oldEnd, suggestion.title).toBeLessThanOrEqual(finding.paragraph.end);
        if (suggestion.kind === 'remove') {
          expect(region.start).toBeGreaterThanOrEqual(finding.start - 1);
          expect(region.oldEnd).toBeLessThanOrEqual(finding.end + 2);
        }

        // Every TK mark the fix inserted is itself flagged, so a half-done fix cannot be published.
        const inserted = after.slice(region.start, region.newEnd);
        for (const mark of inserted.matchAll(TK_MARK)) {
          const at = region.start + mark.index!;
          expect(
            now.some(
              (n) => n.code === 'leftover-tk' && offsetOf(after, n.range.start) <= at && offsetOf(after, n.range.end) >= at + mark[0].length
            ),
            `leftover-tk on ${mark[0]} after "${suggestion.title}"`
          ).toBe(true);
        }

        // Once the reporter fills in the TK marks, the finding is gone: no diagnostic of that rule on
        // the same text at the same place with the same severity (an attributed hedge stays, as the
        // source's word, at information level).
        const filled = after.slice(0, region.start) + fillTks(inserted) + after.slice(region.newEnd);
        let final = now;
        if (filled !== after) {
          await client.change(uri, 3, [{text: filled}]);
          final = await client.diagnosticsAt(uri, 3);
        }
        const shift = filled.length - PORT_STRIKE.length;
        const stillThere = final.some((n) => {
          if (n.code !== finding.ruleId || n.severity !== same.severity) return false;
          const start = offsetOf(filled, n.range.start);
          return textOf(filled, n.range) === finding.actual && (start === finding.start || start === finding.start + shift);
        });
        if (stillThere && !KNOWN_ENGINE_GAPS.has(`${finding.ruleId}|${suggestion.title}`)) {
          notFixed.push(
            `${finding.ruleId} "${finding.actual}" is still flagged after "${suggestion.title}": ${JSON.stringify(filled.slice(finding.paragraph.start, finding.paragraph.end + shift))}`
          );
        }
      }
    }
    expect(notFixed).toEqual([]);
    // The draft has removable hedges and editorializing at least.
    expect(applied).toBeGreaterThan(0);
  });

  it('a vague source is fixed by naming it ("Experts say" gets no second "according to"), and the finding goes', async () => {
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'vague-source')!;
    const actions = await client.codeActions(uri, d);
    expect(actions.find((a) => a.title === 'Attribute this')).toBeUndefined();
    const action = actions.find((a) => a.title === 'Name the source');
    expect(action).toBeDefined();
    const {after} = await applyAction(uri, PORT_STRIKE, action!);
    const filled = fillTks(after);
    await client.change(uri, 3, [{text: filled}]);
    const now = await client.diagnosticsAt(uri, 3);
    expect(now.some((n) => n.code === 'vague-source')).toBe(false);
  });

  it('removes editorializing and fixes the capital ("It\'s noteworthy that the port" becomes "The port")', async () => {
    const {uri, diagnostics, report} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'editorializing' && /noteworthy/.test(textOf(PORT_STRIKE, x.range)));
    expect(d).toBeDefined();
    const finding = findingOf(report, d!);
    const remove = (await client.codeActions(uri, d!)).find((a) =>
      finding.suggestions.some((s) => s.kind === 'remove' && s.title === a.title)
    );
    expect(remove).toBeDefined();
    const {after} = await applyAction(uri, PORT_STRIKE, remove!);
    expect(after).toContain('\nThe port handled record volumes last year.\n');
    expect(after).not.toContain('noteworthy');
  });

  it('"Ignore here, with a reason" inserts a comment line above the paragraph and silences the rule there', async () => {
    const {uri, diagnostics, report} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'hedge')!;
    const finding = findingOf(report, d);
    const action = (await client.codeActions(uri, d)).find((a) => a.title.startsWith('Ignore'));
    expect(action?.title).toBe('Ignore hedge here, with a reason');
    const {after, diagnostics: now} = await applyAction(uri, PORT_STRIKE, action!);
    const region = diffRegion(PORT_STRIKE, after);
    // A pure insertion at the start of the paragraph's line.
    expect(region.oldEnd).toBe(region.start);
    expect(region.start).toBe(finding.paragraph.start);
    const inserted = after.slice(region.start, region.newEnd);
    expect(inserted).toMatch(/^<!-- whosaid-disable-next-line hedge -- .+ -->\n$/);
    const paragraphAt = finding.paragraph.start + inserted.length;
    expect(
      now.some(
        (n) =>
          n.code === 'hedge' &&
          offsetOf(after, n.range.start) >= paragraphAt &&
          offsetOf(after, n.range.start) < paragraphAt + (finding.paragraph.end - finding.paragraph.start)
      )
    ).toBe(false);
    // Other rules elsewhere are untouched.
    expect(now.some((n) => n.code === 'vague-source')).toBe(true);
  });

  it('"Turn RULE off for this file" inserts one comment after the front matter, and a second rule joins it', async () => {
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'vague-source')!;
    const action = (await client.codeActions(uri, d)).find((a) => a.title === 'Turn vague-source off for this file');
    expect(action).toBeDefined();
    const {after, diagnostics: now} = await applyAction(uri, PORT_STRIKE, action!);
    const bodyStart = PORT_STRIKE.indexOf('---\n', 4) + 4;
    expect(after).toBe(PORT_STRIKE.slice(0, bodyStart) + '<!-- whosaid-disable vague-source -->\n' + PORT_STRIKE.slice(bodyStart));
    expect(now.some((n) => n.code === 'vague-source')).toBe(false);

    const hedge = now.find((x) => x.code === 'hedge')!;
    const second = (await client.codeActions(uri, hedge)).find((a) => a.title === 'Turn hedge off for this file');
    const {version, edits} = documentEditOf(second!, uri);
    expect(version).toBe(2);
    const twice = applyTextEdits(after, edits);
    expect(twice).toBe(PORT_STRIKE.slice(0, bodyStart) + '<!-- whosaid-disable vague-source hedge -->\n' + PORT_STRIKE.slice(bodyStart));
    await client.change(uri, 3, [{text: twice}]);
    const third = await client.diagnosticsAt(uri, 3);
    expect(third.some((n) => n.code === 'hedge' || n.code === 'vague-source')).toBe(false);
  });

  it('"Show the documentation" is a command with the rule and its page; the server opens it for generic clients', async () => {
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics[0];
    const action = (await client.codeActions(uri, d)).find((a) => a.command?.command === 'whosaid.showRuleDocumentation');
    expect(action?.command?.arguments).toEqual([d.code, d.codeDescription?.href]);
    const url = await client.request<string>('workspace/executeCommand', {
      command: action!.command!.command,
      arguments: action!.command!.arguments
    });
    expect(url).toBe(d.codeDescription?.href);
    // This client has no window/showDocument: the server says where the page is instead.
    await client.waitFor('a message with the page', () => (client.messages.some((m) => m.message.includes(url)) ? true : undefined));
  });

  it('still offers fixes when the client does not send the diagnostic data back, and none for stale diagnostics', async () => {
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'hedge')!;
    const bare: Diagnostic = {...d, data: undefined};
    const actions = await client.codeActions(uri, bare);
    expect(actions.some((a) => a.title.startsWith('Ignore hedge'))).toBe(true);
    // After an edit that moves the text, the old diagnostic no longer matches anything.
    await client.change(uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'x'}]);
    await client.diagnosticsAt(uri, 2);
    const moved: Diagnostic = {...d, range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}};
    expect(await client.codeActions(uri, moved)).toEqual([]);
    // Data for version 1 is not used on version 2.
    expect(await client.codeActions(uri, {...d, range: moved.range})).toEqual([]);
  });
});

describe('"Always allow this phrase"', () => {
  it('creates .whosaidrc.json in the workspace root, and the phrase is no longer flagged', async () => {
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'vague-source')!;
    const phrase = textOf(PORT_STRIKE, d.range);
    const action = (await client.codeActions(uri, d)).find((a) => a.title.startsWith('Always allow'));
    expect(action).toBeDefined();
    const edit = action!.edit as WorkspaceEdit;
    const configUri = fileUri(join(dir, '.whosaidrc.json'));
    expect(edit.documentChanges![0]).toEqual({kind: 'create', uri: configUri, options: {ignoreIfExists: true}});
    const write = edit.documentChanges![1] as {textDocument: {uri: string; version: null}; edits: TextEdit[]};
    expect(write.textDocument).toEqual({uri: configUri, version: null});
    const content = applyTextEdits('', write.edits);
    expect(parseJsonc(content)).toEqual({allow: [phrase]});
    // Apply it as an editor would, then tell the server the file changed.
    writeFileSync(join(dir, '.whosaidrc.json'), content);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: configUri, type: 1}]});
    const now = await client.nextDiagnostics(uri, (p) => p.version === 1);
    expect(now.some((n) => n.code === 'vague-source' && textOf(PORT_STRIKE, n.range) === phrase)).toBe(false);
    expect(now.some((n) => n.code === 'hedge')).toBe(true);
  });

  it('edits an existing config file in place, keeping its comments and other settings', async () => {
    const configPath = join(dir, '.whosaidrc.json');
    const original = '{\n  // House rules for the business desk\n  "preset": "default",\n  "allow": ["so-called"]\n}\n';
    writeFileSync(configPath, original);
    const configUri = fileUri(configPath);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: configUri, type: 2}]});
    const {uri, diagnostics} = await openDraft();
    const d = diagnostics.find((x) => x.code === 'hedge')!;
    const action = (await client.codeActions(uri, d)).find((a) => a.title.startsWith('Always allow'));
    expect(action).toBeDefined();
    const change = (action!.edit as WorkspaceEdit).documentChanges![0] as {textDocument: {uri: string; version: null}; edits: TextEdit[]};
    expect(change.textDocument).toEqual({uri: configUri, version: null});
    const updated = applyTextEdits(readFileSync(configPath, 'utf8'), change.edits);
    expect(parseJsonc(updated)).toEqual({preset: 'default', allow: ['so-called', textOf(PORT_STRIKE, d.range)]});
    expect(updated).toContain('// House rules for the business desk');
    const region = diffRegion(original, updated);
    expect(original.slice(0, region.start)).toContain('"preset": "default",\n  "allow": [');
  });

  it('is not offered in an untrusted workspace; the document fixes still are', async () => {
    const untrustedDir = tempDir();
    const untrusted = await LspClient.start({folder: untrustedDir, initializationOptions: {trusted: false}});
    try {
      const uri = fileUri(join(untrustedDir, 'draft.md'));
      await untrusted.open(uri, PORT_STRIKE, 'markdown', 1);
      const diagnostics = await untrusted.diagnosticsAt(uri, 1);
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) {
        const actions = await untrusted.codeActions(uri, d);
        expect(actions.some((a) => a.title.startsWith('Always allow'))).toBe(false);
        expect(actions.some((a) => a.title.startsWith('Ignore'))).toBe(true);
        for (const action of actions) {
          const changes = (action.edit as WorkspaceEdit | undefined)?.documentChanges ?? [];
          for (const change of changes) expect('textDocument' in change && change.textDocument.uri).toBe(uri);
        }
      }
    } finally {
      await untrusted.stop();
      removeDir(untrustedDir);
    }
  });
});
