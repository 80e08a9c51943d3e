// The server's diagnostics after an edit: rebuilt only around the edit, the rest reused or moved by the
// lines the edit added; always what converting every finding afresh gives.
import {describe, expect, it} from 'vitest';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {createAnalyzer} from '../../server/src/analysis';
import {toDiagnostic, updateDiagnostics, type Published} from '../../server/src/lsp/diagnostics';
import {random} from '../helpers/random';

const NAMES = ['Maria Olsen', 'Daniel Ortiz', 'Ana Ruiz', 'Tomas Berg'];

/** Invented wire-style paragraphs, each with something for the rules to find. */
function paragraph(i: number): string {
  const name = NAMES[i % NAMES.length];
  switch (i % 4) {
    case 0:
      return `Experts say the ferry fare could rise by ${i} percent next year.`;
    case 1:
      return `${name} said the new terminal would probably open in the spring, according to officials.`;
    case 2:
      return `"We have waited long enough," a source close to the board said of berth ${i}.`;
    default:
      return `The shocking decision to close pier ${i} was reportedly taken in secret. TK`;
  }
}

const PIECES = ['s', ' ', '\n', '\n\n', '\r\n', 'x said ', 'Experts say ', '"', '# ', 'probably '];

describe('updateDiagnostics', () => {
  it('random edits through a TextDocument: always equal to converting every finding afresh, and mostly reused', () => {
    for (const [seed, crlf] of [
      [3, false],
      [5, true]
    ] as const) {
      const r = random(seed);
      const analyzer = createAnalyzer({format: 'markdown'});
      const session = analyzer.session();
      let text = Array.from({length: 40}, (_, i) => paragraph(i)).join(crlf ? '\r\n\r\n' : '\n\n') + '\n';
      const doc = TextDocument.create('file:///draft.md', 'markdown', 1, text);
      let published: Published = updateDiagnostics(undefined, doc, session.analyze(text, 'markdown').findings);
      let reused = 0;
      let total = 0;
      for (let step = 0; step < 120; step++) {
        const start = Math.floor(r() * (text.length + 1));
        const end = Math.min(text.length, start + (r() < 0.8 ? 0 : Math.floor(r() * 30)));
        let inserted = '';
        for (let n = r() < 0.2 ? 2 : 1; n > 0; n--) inserted += PIECES[Math.floor(r() * PIECES.length)];
        TextDocument.update(doc, [{range: {start: doc.positionAt(start), end: doc.positionAt(end)}, text: inserted}], step + 2);
        text = doc.getText();
        const findings = session.analyze(text, 'markdown').findings;
        const previous = published.diagnostics;
        published = updateDiagnostics(published, doc, findings);
        const label = `seed ${seed}, step ${step}: [${start}, ${end}) -> ${JSON.stringify(inserted)}`;
        expect(published.diagnostics, label).toEqual(findings.map((finding) => toDiagnostic(doc, finding)));
        for (const diagnostic of published.diagnostics) if (previous.includes(diagnostic)) reused++;
        total += findings.length;
      }
      // Typing leaves most diagnostics as they were (before the edit, and after it when no line is added).
      expect(reused / total, `seed ${seed}`).toBeGreaterThan(0.4);
    }
  });

  it('a line added before a finding moves it down a line, its characters kept', () => {
    const text = `${paragraph(0)}\n\n${paragraph(1)}\n`;
    const doc = TextDocument.create('file:///draft.md', 'markdown', 1, text);
    const analyzer = createAnalyzer({format: 'markdown'});
    const session = analyzer.session();
    const first = updateDiagnostics(undefined, doc, session.analyze(text, 'markdown').findings);
    TextDocument.update(doc, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: '# Ferries\n\n'}], 2);
    const second = updateDiagnostics(first, doc, session.analyze(doc.getText(), 'markdown').findings);
    expect(first.diagnostics.length).toBeGreaterThan(2);
    expect(
      second.diagnostics.map((d) => [d.code, d.range.start.line - 2, d.range.start.character, d.range.end.line - 2, d.range.end.character])
    ).toEqual(first.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]));
    expect(second.diagnostics).toEqual(second.findings.map((finding) => toDiagnostic(doc, finding)));
  });
});
