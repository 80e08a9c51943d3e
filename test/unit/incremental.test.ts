// createAnalyzer(): the paragraph cache. After an edit only the touched paragraph(s) are analysed
// afresh, and the result is always exactly what a fresh analyze() of the new text gives.
import {describe, expect, it} from 'vitest';
import {analyze, createAnalyzer, type AnalysisResult, type DocumentFormat, type EngineOptions} from '../../server/src/analysis';
import {changedRange} from '../../server/src/analysis/engine';
import {resplit, splitDocument} from '../../server/src/analysis/document/split';
import {random} from '../helpers/random';

const NAMES = ['Maria Olsen', 'Daniel Ortiz', 'Ana Ruiz', 'Tomas Berg', 'Lena Fischer', 'Omar Haddad', 'Grace Mwangi'];

/** One unique wire-style paragraph for index i (unique text, so the cache cannot hit by accident). */
function paragraph(i: number): string {
  const name = NAMES[i % NAMES.length];
  switch (i % 6) {
    case 0:
      return `The harbor board met for session ${i} and approved work on pier ${i + 3} this week.`;
    case 1:
      return `${name} said the dredging of pier ${i} would start next month.`;
    case 2:
      return `The ruling could slow work on pier ${i} for weeks. Crews were idle on Tuesday.`;
    case 3:
      return `"We have waited years for pier ${i} to open," said ${name}, a dock worker.`;
    case 4:
      return `Experts say the cost of pier ${i} will rise. It's worth noting that berth ${i} is older.`;
    default:
      return `She added that pier ${i} would reopen in the spring.`;
  }
}

const document = (count = 50) => Array.from({length: count}, (_, i) => paragraph(i));
const join = (paragraphs: string[]) => paragraphs.join('\n\n') + '\n';

/** Paragraphs hard-wrapped at `width` columns with no blank line between them, as some plain-text drafts are. */
function hardWrap(paragraphs: string[], width = 40): string {
  const lines: string[] = [];
  for (const text of paragraphs) {
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function expectSameAsFresh(result: AnalysisResult, text: string, options: EngineOptions & {format: DocumentFormat}) {
  const fresh = analyze(text, options);
  expect(result.findings).toEqual(fresh.findings);
  expect(result.attributions).toEqual(fresh.attributions);
  expect(result.quotes).toEqual(fresh.quotes);
  expect(result.stats).toEqual(fresh.stats);
  expect(result.notices).toEqual(fresh.notices);
}

/** Edits that keep every paragraph's sources, so no carried context changes. */
const NEUTRAL_EDITS: ((p: string, r: () => number) => string)[] = [
  // Change a number.
  (p, r) => p.replace(/pier (\d+)/, (_m, n) => `pier ${Number(n) + 100 + Math.floor(r() * 900)}`),
  // Add a hedge.
  (p) => p.replace(/would|will/, (m) => `possibly ${m}`),
  // Append a sentence with a statistic.
  (p, r) => `${p} Traffic rose ${1 + Math.floor(r() * 90)} percent.`
];

/** Typing a letter anywhere, as a writer does: may turn "She" into a name ("Sxhe"), changing the context. */
const typeLetter = (p: string, r: () => number) => {
  const at = 1 + Math.floor(r() * (p.length - 2));
  return p.slice(0, at) + 'x' + p.slice(at);
};

describe('createAnalyzer: the paragraph cache', () => {
  const options = {format: 'markdown' as const};

  it('first run analyses every paragraph; a repeat run reuses them all', () => {
    const analyzer = createAnalyzer(options);
    const text = join(document());
    analyzer.analyze(text, 'markdown');
    expect(analyzer.lastRun()).toEqual({analysed: 50, reused: 0});
    const again = analyzer.analyze(text, 'markdown');
    expect(analyzer.lastRun()).toEqual({analysed: 0, reused: 50});
    expectSameAsFresh(again, text, options);
  });

  it('editing one paragraph re-analyses only that paragraph', () => {
    const analyzer = createAnalyzer(options);
    const paragraphs = document();
    analyzer.analyze(join(paragraphs), 'markdown');
    paragraphs[17] = paragraphs[17].replace('pier 17', 'pier 1700');
    const text = join(paragraphs);
    const result = analyzer.analyze(text, 'markdown');
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 49});
    expectSameAsFresh(result, text, options);
  });

  it('findings after the edit keep their document offsets (shifted by the edit)', () => {
    const analyzer = createAnalyzer(options);
    const paragraphs = document();
    const before = analyzer.analyze(join(paragraphs), 'markdown');
    paragraphs[0] = paragraphs[0].replace('session 0', 'session zero, a long one,');
    const text = join(paragraphs);
    const after = analyzer.analyze(text, 'markdown');
    const delta = text.length - join(document()).length;
    const late = (list: AnalysisResult['findings']) => list.filter((f) => f.paragraph.start > 200);
    expect(late(after.findings).map((f) => [f.ruleId, f.start - delta, f.end - delta])).toEqual(
      late(before.findings).map((f) => [f.ruleId, f.start, f.end])
    );
    for (const finding of after.findings) expect(text.slice(finding.start, finding.end)).toBe(finding.actual);
  });

  it('merging two paragraphs analyses the merged one only', () => {
    const analyzer = createAnalyzer(options);
    const paragraphs = document();
    analyzer.analyze(join(paragraphs), 'markdown');
    const merged = [...paragraphs.slice(0, 30), `${paragraphs[30]} ${paragraphs[31]}`, ...paragraphs.slice(32)];
    const text = join(merged);
    const result = analyzer.analyze(text, 'markdown');
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 48});
    expectSameAsFresh(result, text, options);
  });

  it('a new source changes the context carried forward: the pronoun paragraph after it is re-analysed', () => {
    const analyzer = createAnalyzer(options);
    const paragraphs = document();
    analyzer.analyze(join(paragraphs), 'markdown');
    // Paragraph 4 ("Experts say ...") sets the source that paragraph 5 ("She added ...") resolves to.
    paragraphs[4] = `Grace Mwangi, the port director, said the cost of pier 4 will rise.`;
    const text = join(paragraphs);
    const result = analyzer.analyze(text, 'markdown');
    const run = analyzer.lastRun();
    // Paragraph 4 and 5 at least; the context reaches on until the next paragraph naming its own
    // source (7), and no further.
    expect(run.analysed).toBeGreaterThanOrEqual(2);
    expect(run.analysed).toBeLessThanOrEqual(4);
    expect(run.analysed + run.reused).toBe(50);
    const added = result.attributions.find((a) => a.cue.start === text.indexOf('She added that pier 5 ') + 4);
    expect(added?.resolvedSource).toBe('Grace Mwangi, the port director');
    expectSameAsFresh(result, text, options);
  });

  it('random context-neutral edits: one paragraph analysed each time, same result as a fresh analysis', () => {
    const seed = 20261129;
    const r = random(seed);
    const analyzer = createAnalyzer(options);
    const paragraphs = document();
    analyzer.analyze(join(paragraphs), 'markdown');
    for (let step = 0; step < 40; step++) {
      const index = Math.floor(r() * paragraphs.length);
      const pick = Math.floor(r() * (NEUTRAL_EDITS.length + 1));
      const typed = pick === NEUTRAL_EDITS.length;
      const next = typed ? typeLetter(paragraphs[index], r) : NEUTRAL_EDITS[pick](paragraphs[index], r);
      const label = `seed ${seed}, step ${step}: paragraph ${index} -> ${JSON.stringify(next)}`;
      const changed = next !== paragraphs[index];
      paragraphs[index] = next;
      const text = join(paragraphs);
      const result = analyzer.analyze(text, 'markdown');
      const run = analyzer.lastRun();
      expect(run.analysed + run.reused, label).toBe(50);
      if (!changed) expect(run.analysed, label).toBe(0);
      else if (!typed) expect(run.analysed, label).toBe(1);
      else {
        // A typed letter may change a source ("She" -> "Sxhe"); the paragraphs inheriting it are
        // redone up to the next one naming its own source, at most three on in this document.
        expect(run.analysed, label).toBeGreaterThanOrEqual(1);
        expect(run.analysed, label).toBeLessThanOrEqual(4);
      }
      expectSameAsFresh(result, text, options);
    }
  });

  it('random edits of any kind (replace, insert, delete paragraphs) always equal a fresh analysis', () => {
    const seed = 7;
    const r = random(seed);
    const analyzer = createAnalyzer({format: 'plaintext'});
    let paragraphs = document();
    analyzer.analyze(join(paragraphs), 'plaintext');
    for (let step = 0; step < 25; step++) {
      const index = Math.floor(r() * paragraphs.length);
      const choice = Math.floor(r() * 4);
      if (choice === 0) paragraphs[index] = paragraph(100 + step * 7 + Math.floor(r() * 6));
      else if (choice === 1) paragraphs.splice(index, 0, paragraph(200 + step));
      else if (choice === 2 && paragraphs.length > 5) paragraphs.splice(index, 1);
      else paragraphs[index] = typeLetter(paragraphs[index], r);
      paragraphs = [...paragraphs];
      const text = join(paragraphs);
      const result = analyzer.analyze(text, 'plaintext');
      const run = analyzer.lastRun();
      expect(run.analysed + run.reused, `seed ${seed}, step ${step}`).toBe(paragraphs.length);
      expect(run.analysed, `seed ${seed}, step ${step}`).toBeLessThan(paragraphs.length);
      expectSameAsFresh(result, text, {format: 'plaintext'});
    }
  });

  it('options are part of the analyzer: a config change needs a new analyzer, and it gives the configured result', () => {
    const text = join(document(12));
    const quiet = createAnalyzer({format: 'markdown', rules: {hedge: 'off'}});
    const result = quiet.analyze(text, 'markdown');
    expect(result.findings.some((f) => f.ruleId === 'hedge')).toBe(false);
    expectSameAsFresh(result, text, {format: 'markdown', rules: {hedge: 'off'}});
  });

  it('the same text as markdown and as plain text is cached separately', () => {
    const analyzer = createAnalyzer();
    const text = 'See `might` in the glossary.\n';
    expect(analyzer.analyze(text, 'markdown').findings).toEqual([]);
    expect(analyzer.analyze(text, 'plaintext').findings.map((f) => f.actual)).toEqual(['might']);
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 0});
  });
});

/** Pieces of Markdown and plain-text structure that move paragraph boundaries when typed anywhere. */
const STRUCTURE = [
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  'x',
  '---',
  '+++',
  '```',
  '~~~',
  '<div>',
  '<!--',
  '-->',
  '> ',
  '- ',
  '1. ',
  '# ',
  '    ',
  '===',
  '|',
  '"',
  'said ',
  'She ',
  '<!-- whosaid-disable hedge -->',
  '\n\n<!-- whosaid-enable -->\n\n',
  '<!-- whosaid-disable-next-line -->\n'
];

/** One random edit: a few characters replaced by up to three structure pieces (positions biased to the start now and then). */
function randomEdit(text: string, r: () => number): string {
  const start = r() < 0.1 ? Math.floor(r() * Math.min(8, text.length + 1)) : Math.floor(r() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(r() * (r() < 0.85 ? 4 : 120)));
  let inserted = '';
  for (let n = Math.floor(r() * 4); n > 0; n--) inserted += STRUCTURE[Math.floor(r() * STRUCTURE.length)];
  return text.slice(0, start) + inserted + text.slice(end);
}

describe('re-splitting around an edit', () => {
  const drafts = (): string[] => [
    join(document(30)),
    `---\ntitle: Harbor\n---\n\n${join(document(12))}`,
    `---\nnot closed\n\n${join(document(12))}`,
    `${join(document(6))}\`\`\`\ncode\n\nstill code\n\`\`\`\n\n${join(document(6))}`,
    `${join(document(5))}<div>\nhtml\n\n</div>\n\n<!-- a note\n\nstill the note -->\n\n${join(document(5))}`,
    `# Harbor\n\n> ${paragraph(1)}\n>\n> ${paragraph(2)}\n\n- ${paragraph(3)}\n- ${paragraph(4)}\n\nTitle\n===\n\n    indented code\n\n${join(document(8))}`,
    join(document(10)).replace(/\n/g, '\r\n'),
    `Line one ends here.\nLine two ends here.\nhard wrapped line\nand more\n\n${join(document(8))}`,
    hardWrap(document(12)),
    hardWrap(document(8)).replace(/^(?=The|She|Experts)/gm, '  ')
  ];

  it('random edits: the split after each equals splitting the new text from scratch', () => {
    const seed = 4242;
    const r = random(seed);
    for (const [d, draft] of drafts().entries()) {
      for (const format of ['markdown', 'plaintext'] as const) {
        let text = draft;
        let split = splitDocument(text, format);
        for (let step = 0; step < 150; step++) {
          const next = randomEdit(text, r);
          const change = changedRange(text, next);
          const label = `seed ${seed}, draft ${d}, ${format}, step ${step}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`;
          if (change === null) {
            expect(next, label).toBe(text);
            continue;
          }
          // The change is exact enough: same prefix and suffix, and the new text is the old one with it applied.
          expect(next.slice(0, change.start), label).toBe(text.slice(0, change.start));
          expect(next.slice(change.newEnd), label).toBe(text.slice(change.oldEnd));
          // And the smallest such: the prefix and suffix cannot grow.
          if (change.start < change.oldEnd && change.start < change.newEnd) expect(next[change.start], label).not.toBe(text[change.start]);
          if (change.start < change.oldEnd && change.start < change.newEnd)
            expect(next[change.newEnd - 1], label).not.toBe(text[change.oldEnd - 1]);
          split = resplit(split, next, format, change).split;
          expect(split, label).toEqual(splitDocument(next, format));
          text = next;
        }
      }
    }
  });

  it('an edit in the middle of a long draft scans only the paragraphs around it', () => {
    const paragraphs = document(200);
    const text = join(paragraphs);
    const split = splitDocument(text, 'markdown');
    paragraphs[120] = paragraphs[120].replace('pier', 'the pier');
    const next = join(paragraphs);
    const again = resplit(split, next, 'markdown', changedRange(text, next)!);
    expect(again.before).toBeGreaterThanOrEqual(119);
    expect(again.after).toBeLessThanOrEqual(122);
    expect(again.split.paragraphs.length).toBe(200);
    expect(again.split).toEqual(splitDocument(next, 'markdown'));
  });

  it('closing a front matter block late in the draft re-splits from the top', () => {
    const text = `---\ntitle: Harbor\n\n${join(document(6))}`;
    const split = splitDocument(text, 'markdown');
    const at = text.indexOf(paragraph(4));
    const next = `${text.slice(0, at)}---\n\n${text.slice(at)}`;
    const again = resplit(split, next, 'markdown', changedRange(text, next)!);
    expect(again.before).toBe(0);
    expect(again.split).toEqual(splitDocument(next, 'markdown'));
    expect(again.split.paragraphs.length).toBeLessThan(split.paragraphs.length);
  });
});

describe('sessions: one document edited many times', () => {
  it('random structural edits: every result equals a fresh analysis, in a session and through analyze()', () => {
    const seed = 99;
    const r = random(seed);
    for (const format of ['markdown', 'plaintext'] as const) {
      const analyzer = createAnalyzer({format});
      const session = analyzer.session();
      let text = `---\ntitle: Harbor\n---\n\n${join(document(40))}`;
      session.analyze(text, format);
      analyzer.analyze(text, format);
      for (let step = 0; step < 60; step++) {
        text = r() < 0.5 ? randomEdit(text, r) : typeLetter(text, r);
        const label = `seed ${seed}, ${format}, step ${step}`;
        const fresh = analyze(text, {format});
        expect(session.analyze(text, format), label).toEqual(fresh);
        expect(analyzer.analyze(text, format), label).toEqual(fresh);
      }
    }
  });

  it('a hard-wrapped plain-text draft: each keystroke re-analyses one paragraph, and every result equals a fresh analysis', () => {
    const seed = 7;
    const r = random(seed);
    const analyzer = createAnalyzer({format: 'plaintext'});
    const session = analyzer.session();
    let text = hardWrap(document(30));
    const first = session.analyze(text, 'plaintext');
    expect(first.stats.paragraphs).toBeGreaterThan(10);
    let edits = 0;
    let analysed = 0;
    for (let step = 0; step < 40; step++) {
      // A letter typed inside a word, away from line ends: the lines keep their widths.
      const lines = text.split('\n');
      const at = Math.floor(r() * (lines.length - 1));
      const space = lines[at].indexOf(' ');
      if (space < 0) continue;
      lines[at] = `${lines[at].slice(0, space)}x${lines[at].slice(space)}`;
      text = lines.join('\n');
      const result = session.analyze(text, 'plaintext');
      expect(result, `seed ${seed}, step ${step}`).toEqual(analyze(text, {format: 'plaintext'}));
      edits++;
      analysed += analyzer.lastRun().analysed;
    }
    // One paragraph an edit, and now and then the next one too when the typed letter changed a source.
    expect(analysed / edits).toBeLessThan(1.5);
  });

  it('two sessions on one analyzer keep their own documents, and analyze() works on alternating documents', () => {
    const analyzer = createAnalyzer(options());
    const a = analyzer.session();
    const b = analyzer.session();
    let one = join(document(20));
    let two = join(document(20).reverse());
    a.analyze(one, 'markdown');
    b.analyze(two, 'markdown');
    one = one.replace('pier 7 ', 'pier 77 ');
    two = two.replace('pier 9 ', 'pier 99 ');
    expect(a.analyze(one, 'markdown')).toEqual(analyze(one, options()));
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 19});
    expect(b.analyze(two, 'markdown')).toEqual(analyze(two, options()));
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 19});
    for (const text of [one, two, one, two]) expect(analyzer.analyze(text, 'markdown')).toEqual(analyze(text, options()));
  });

  it('a declined version and a change of format start the session afresh', () => {
    const analyzer = createAnalyzer({format: 'markdown', maxLength: 3000});
    const session = analyzer.session();
    const text = join(document(20));
    session.analyze(text, 'markdown');
    expect(session.analyze(text + 'x'.repeat(3000), 'markdown').notices[0]).toMatch(/^Not checked/);
    expect(session.analyze(text, 'markdown')).toEqual(analyze(text, {format: 'markdown', maxLength: 3000}));
    expect(session.analyze(text, 'plaintext')).toEqual(analyze(text, {format: 'plaintext', maxLength: 3000}));
  });

  it('a keystroke in a long draft re-analyses one paragraph and reuses the placed findings before it', () => {
    const analyzer = createAnalyzer(options());
    const session = analyzer.session();
    const paragraphs = document(300);
    const first = session.analyze(join(paragraphs), 'markdown');
    paragraphs[150] = paragraphs[150].replace('pier', 'piers');
    const text = join(paragraphs);
    const second = session.analyze(text, 'markdown');
    expect(analyzer.lastRun()).toEqual({analysed: 1, reused: 299});
    const early = first.findings.filter((f) => f.paragraph.end < text.indexOf(paragraphs[150]));
    expect(early.length).toBeGreaterThan(50);
    // The very objects of the last run: nothing before the edit was placed again.
    early.forEach((finding, i) => expect(second.findings[i]).toBe(finding));
    expect(second).toEqual(analyze(text, options()));
  });
});

describe('sessions: attributions and quotes placed when read', () => {
  it('an older result read after later edits still gives its own version, and copies like a plain result', () => {
    const analyzer = createAnalyzer(options());
    const session = analyzer.session();
    const paragraphs = document(30);
    const first = join(paragraphs);
    const r1 = session.analyze(first, 'markdown');
    paragraphs.splice(2, 0, `Grace Mwangi, the port director, said pier ${2} was safe.`);
    const second = join(paragraphs);
    const r2 = session.analyze(second, 'markdown');
    // r1 is read only now, after r2 moved every paragraph after the third.
    expect(r1.attributions).toEqual(analyze(first, options()).attributions);
    expect(r1.quotes).toEqual(analyze(first, options()).quotes);
    expect(r2).toEqual(analyze(second, options()));
    expect(Object.keys(r2)).toEqual(['findings', 'attributions', 'quotes', 'stats', 'notices']);
    expect(JSON.parse(JSON.stringify(r2))).toEqual(analyze(second, options()));
    expect(structuredClone(r2)).toEqual(analyze(second, options()));
    // A caller may still replace them.
    r2.attributions = [];
    expect(r2.attributions).toEqual([]);
  });
});

function options() {
  return {format: 'markdown' as const};
}
