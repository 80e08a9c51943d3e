// The rules are declared once (server/src/analysis/rules/meta.ts); everything else that lists them must
// agree: the ids, the check registry, package.json's settings, the config schema and the report categories.
import {readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {RULE_IDS, RULES, rulesIn} from '../../server/src/analysis/rules/meta';
import {RULE_CHECKS} from '../../server/src/analysis/rules';
import {packageJsonRuleSettings, schemaRuleSettings} from '../../server/src/analysis/rules/settings-schema';

const ROOT = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

describe('rule declarations', () => {
  it('give the id list, in declaration order, and one check for each', () => {
    expect(RULE_IDS).toEqual(RULES.map((rule) => rule.id));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(Object.keys(RULE_CHECKS)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) expect(typeof RULE_CHECKS[id]).toBe('function');
  });

  it("each name a docs page that exists and a setting's description", () => {
    for (const rule of RULES) {
      expect(existsSync(join(ROOT, 'docs', 'rules', rule.page)), rule.page).toBe(true);
      expect(rule.setting.length).toBeGreaterThan(10);
    }
  });

  it('package.json lists exactly the declared rules, in order, with their descriptions (node scripts/sync-rules.mjs)', () => {
    const listed = readJson('package.json').contributes.configuration.properties['whosaid.rules'].properties;
    expect(Object.keys(listed)).toEqual([...RULE_IDS]);
    expect(listed).toEqual(packageJsonRuleSettings());
  });

  it('the config schema lists exactly the declared rules, in order (node scripts/sync-rules.mjs)', () => {
    const listed = readJson('schemas/whosaidrc.schema.json').properties.rules.properties;
    expect(Object.keys(listed)).toEqual([...RULE_IDS]);
    expect(listed).toEqual(schemaRuleSettings());
  });

  it('the report counts unattributed claims, statistics and quotes', () => {
    expect([...rulesIn('unattributed')]).toEqual(['unattributed-claim', 'unsourced-statistic', 'unattributed-quote']);
    expect([...rulesIn('source')]).toEqual(['anonymous-source', 'vague-source']);
  });
});
