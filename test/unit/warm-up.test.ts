import {describe, expect, it} from 'vitest';
import {warmUp} from '../../server/src/analysis';

describe('warmUp', () => {
  it('runs the sample through most rules, so the JIT has compiled them before the first real draft', () => {
    const {text, result} = warmUp();
    expect(text.length).toBeGreaterThan(200);
    const rules = new Set(result.findings.map((finding) => finding.ruleId));
    for (const rule of ['anonymous-source', 'vague-source', 'unattributed-claim', 'hedge', 'editorializing', 'leftover-tk']) {
      expect(rules, rule).toContain(rule);
    }
    expect(result.attributions.length).toBeGreaterThan(2);
    expect(result.quotes.length).toBeGreaterThan(1);
  });
});
