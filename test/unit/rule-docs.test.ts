// Every rule page (docs/rules/<id>.md) shows examples under "### Flagged" and "### Not flagged". Each
// example is run through the engine: a flagged example must be reported by that rule (at any level: some
// examples show the rule's lower level, e.g. an anonymous source with a reason is information), and a
// not-flagged one must not be reported by it at the rule's own level or above (a hedge inside a quote is
// still shown as information). An example whose caption names the `strict` preset runs under it.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyze, resolveOptions, type Severity} from '../../server/src/analysis';
import {RULES} from '../../server/src/analysis/rules/meta';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');
const RANK: Record<Severity, number> = {hint: 0, info: 1, warning: 2, error: 3};

interface Example {
  text: string;
  caption: string;
  flagged: boolean;
}

/** The ```text blocks under "### Flagged" and "### Not flagged", each with the prose after it. */
export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let section: boolean | null = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{2,3} /.test(line)) {
      section = /^### Flagged\s*$/.test(line) ? true : /^### Not flagged\s*$/.test(line) ? false : null;
      continue;
    }
    if (section === null || !/^```/.test(line)) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    const caption: string[] = [];
    for (let j = i + 1; j < lines.length && !/^```|^#/.test(lines[j]); j++) caption.push(lines[j]);
    examples.push({text: body.join('\n'), caption: caption.join(' ').trim(), flagged: section});
  }
  return examples;
}

describe('rule pages: every example does what the page says', () => {
  for (const rule of RULES) {
    const examples = examplesOf(readFileSync(join(DOCS, rule.page), 'utf8'));
    it(`${rule.page} has flagged and not-flagged examples`, () => {
      expect(examples.some((example) => example.flagged)).toBe(true);
      expect(examples.some((example) => !example.flagged)).toBe(true);
    });
    for (const example of examples) {
      it(`${rule.id}: ${example.flagged ? 'flags' : 'does not flag'} ${JSON.stringify(example.text.slice(0, 80))}`, () => {
        const strict = /`strict`|strict preset/.test(example.caption);
        const options = {...resolveOptions({preset: strict ? 'strict' : 'default'}), format: 'markdown' as const};
        const own = analyze(example.text, options).findings.filter((finding) => finding.ruleId === rule.id);
        const summary = own.map((finding) => `${finding.severity} "${finding.actual}"`).join(', ');
        if (example.flagged) expect(own.length, `caption: ${example.caption}`).toBeGreaterThan(0);
        else
          expect(
            own.filter((finding) => RANK[finding.severity] >= RANK[rule.defaultSeverity]),
            `found: ${summary}; caption: ${example.caption}`
          ).toEqual([]);
      });
    }
  }
});
