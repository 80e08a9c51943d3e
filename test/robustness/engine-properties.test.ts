// Property-based tests of the engine (analyze, createAnalyzer) on hostile input: random Unicode
// (combining marks, RTL, emoji, lone surrogates, NUL and control characters, CR/CRLF, tabs, long
// runs) and random Markdown (open fences, nested quotes, HTML, front matter, whosaid comments).
// Inputs per property are in RUNS; docs/reliability.md lists them. FC_SEED=<n> tries other inputs.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {analyze, createAnalyzer, parseConfig, resolveOptions, RULE_IDS} from '../../server/src/analysis';
import type {AnalysisResult, DocumentFormat} from '../../server/src/analysis/types';
import {applyRandomEdit, editArb, format, lfMarkdown, lfText, markdownText, runs, unicodeText} from './arbitraries';
import {checkResult, checkSuggestions} from './check-result';

export const RUNS = {
  unicode: 300,
  markdown: 300,
  suggestions: 300,
  crlf: 200,
  incremental: 60,
  configs: 300
};

/** Config texts: random JSON, config-shaped objects with random values, and mangled versions of both. */
const settingValue = fc.oneof(fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'default', 'loud', ''), fc.jsonValue());
const phraseList = fc.oneof(
  fc.array(
    fc.oneof(fc.constantFrom('officials said', 'experts', 'might', '', '  ', '\u0301', '"'), fc.string({unit: 'grapheme', maxLength: 12})),
    {maxLength: 6}
  ),
  fc.jsonValue()
);
const configShaped = fc.record(
  {
    $schema: fc.string(),
    preset: fc.oneof(fc.constantFrom('default', 'strict', 'ap', 'opinion', 'tabloid', ''), fc.jsonValue()),
    rules: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...RULE_IDS), fc.string({maxLength: 12})), settingValue, {maxKeys: 5}),
      fc.jsonValue()
    ),
    allow: phraseList,
    extra: fc.oneof(
      fc.record({vagueSources: phraseList, hedges: phraseList, editorial: phraseList, bogus: phraseList}, {requiredKeys: []}),
      fc.jsonValue()
    ),
    maxLength: fc.oneof(fc.integer({min: -5, max: 3_000_000}), fc.double(), fc.jsonValue())
  },
  {requiredKeys: []}
);
const configText = fc.oneof(
  configShaped.map((c) => JSON.stringify(c, null, 2)),
  fc.json(),
  fc.string({unit: 'binary', maxLength: 60}),
  fc
    .tuple(
      configShaped.map((c) => JSON.stringify(c)),
      fc.nat(),
      fc.nat()
    )
    .map(([t, a, b]) => t.slice(0, a % (t.length + 1)) + t.slice((a % (t.length + 1)) + (b % 4))),
  fc.constantFrom('', '{', '{"rules": {"hedge": "off",}}', '// comment only', '{"preset": "ap"} {"preset": "ap"}', '\ufeff{"preset": "ap"}')
);

/** A random document: Unicode soup or Markdown, in either format. */
const anyDocument = fc.oneof(fc.tuple(unicodeText, format), fc.tuple(markdownText, fc.constant<DocumentFormat>('markdown')));

describe('engine properties on hostile input', () => {
  it(`random Unicode: no exception, ranges inside the document and on character boundaries, actual = text at range (${RUNS.unicode} inputs)`, () => {
    fc.assert(
      fc.property(unicodeText, format, (text, fmt) => {
        checkResult(text, analyze(text, {format: fmt}));
      }),
      runs(RUNS.unicode)
    );
  });

  it(`random Markdown: the same invariants (${RUNS.markdown} inputs)`, () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        checkResult(text, analyze(text, {format: 'markdown'}));
      }),
      runs(RUNS.markdown)
    );
  });

  it(`every suggestion's edits stay in the finding's paragraph and change only their own spans (${RUNS.suggestions} inputs)`, () => {
    let offered = 0;
    fc.assert(
      fc.property(anyDocument, ([text, fmt]) => {
        const result = analyze(text, {format: fmt, rules: {'loaded-verb': 'warning'}});
        for (const finding of result.findings) {
          offered += finding.suggestions.length;
          checkSuggestions(text, finding);
        }
      }),
      runs(RUNS.suggestions)
    );
    // The generators must actually produce fixable findings, or the property proves nothing.
    expect(offered).toBeGreaterThan(RUNS.suggestions);
  });

  it(`CRLF and CR line ends give the same findings as LF, at the corresponding offsets (${RUNS.crlf} inputs)`, () => {
    const lfArb = fc.oneof(fc.tuple(lfText, format), fc.tuple(lfMarkdown, fc.constant<DocumentFormat>('markdown')));
    fc.assert(
      fc.property(lfArb, ([lf, fmt]) => {
        const base = summary(analyze(lf, {format: fmt}), (offset) => offset);
        // CR alone keeps every offset; CRLF shifts each by the number of line ends before it.
        const cr = lf.replace(/\n/g, '\r');
        expect(summary(analyze(cr, {format: fmt}), (offset) => offset)).toEqual(base);
        const crlf = lf.replace(/\n/g, '\r\n');
        const toLf = crlfToLf(crlf);
        expect(summary(analyze(crlf, {format: fmt}), toLf)).toEqual(base);
      }),
      runs(RUNS.crlf)
    );
  });

  it(`incremental analysis after a random sequence of edits equals a fresh analysis, at every step (${RUNS.incremental} sequences of up to 12 edits)`, () => {
    let steps = 0;
    fc.assert(
      fc.property(anyDocument, fc.array(editArb, {minLength: 1, maxLength: 12}), ([text, fmt], edits) => {
        const analyzer = createAnalyzer({format: fmt});
        let current = text;
        analyzer.analyze(current, fmt);
        for (const edit of edits) {
          current = applyRandomEdit(current, edit);
          const incremental = analyzer.analyze(current, fmt);
          steps++;
          expect(incremental).toEqual(analyze(current, {format: fmt}));
        }
      }),
      runs(RUNS.incremental)
    );
    expect(steps).toBeGreaterThanOrEqual(RUNS.incremental);
  });

  // Found by the CRLF property with FC_SEED=2: the "looks binary" ratio once counted line ends.
  it('the binary-file guess does not depend on the line-end convention', () => {
    const lf = '\b\u{100BB}\u{1E933}, \n\n';
    const notices = (text: string) => analyze(text, {format: 'markdown'}).notices;
    expect(notices(lf.replace(/\n/g, '\r\n'))).toEqual(notices(lf));
  });

  it(`config files: parseConfig never throws, every error names the file and points inside the text, a valid config always yields working options (${RUNS.configs} inputs)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(configText, (text) => {
        const parsed = parseConfig(text, '/desk/.whosaidrc.json');
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const error of parsed.errors) {
            expect(error.path).toBe('/desk/.whosaidrc.json');
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.start >= 0 && error.start <= error.end && error.end <= text.length, JSON.stringify(error)).toBe(true);
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.column).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        valid++;
        const options = resolveOptions(parsed.config);
        const draft = 'Officials said the ferry might sail. Experts say fares are expected to rise 12%.';
        checkResult(draft, analyze(draft, options));
      }),
      runs(RUNS.configs)
    );
    expect(valid).toBeGreaterThan(10);
  });

  it('an analyzer reused across unrelated documents gives each the fresh result', () => {
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(anyDocument, ([text, fmt]) => {
        expect(analyzer.analyze(text, fmt)).toEqual(analyze(text, {format: fmt}));
      }),
      runs(100)
    );
  });
});

/** Findings and attributions as comparable records, offsets mapped back to the LF text. */
function summary(result: AnalysisResult, toLf: (offset: number) => number) {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n');
  return {
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      start: toLf(f.start),
      end: toLf(f.end),
      actual: norm(f.actual),
      message: norm(f.message),
      suggestions: f.suggestions.map((s) => ({
        title: norm(s.title),
        edits: s.edits.map((e) => ({start: toLf(e.start), end: toLf(e.end), newText: norm(e.newText)}))
      }))
    })),
    attributions: result.attributions.map((a) => ({kind: a.kind, cue: toLf(a.cue.start), source: a.source ? norm(a.source.text) : null})),
    notices: result.notices
  };
}

/** Maps offsets in a CRLF text to offsets in its LF version. */
function crlfToLf(crlf: string): (offset: number) => number {
  return (offset) => {
    let crs = 0;
    for (let i = 0; i < offset; i++) if (crlf.charCodeAt(i) === 13 && crlf.charCodeAt(i + 1) === 10) crs++;
    return offset - crs;
  };
}
