// The scorer behind the fixture and seed-article tests: groups, optional rules, info-only findings.
import {describe, expect, it} from 'vitest';
import {parseLabeled, scoreItems, duplicateIds, type FindingLike} from '../helpers/labels';

const lines = [
  '{"id":"a","text":"Experts say it could rain.","expect":[["vague-source"]],"optional":["hedge"]}',
  '{"id":"b","text":"Officials said.","expect":[]}',
  '{"id":"c","text":"It might fall.","expect":[["hedge","unattributed-claim"]]}',
  '{"id":"d","text":"He claimed it.","expect":[],"expectInfo":[["loaded-verb"]]}',
  '{"id":"e","text":"A clean one.","expect":[]}'
].join('\n');

describe('parseLabeled', () => {
  it('reads valid lines', () => {
    const {items, errors} = parseLabeled(lines, 'x.jsonl');
    expect(errors).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(items[3].expectInfo).toEqual([['loaded-verb']]);
  });

  it('reports bad lines with their line numbers', () => {
    const bad = [
      '{"id":"a","text":"t","expect":[["no-such-rule"]]}',
      'not json',
      '{"id":"b","text":"t"}',
      '{"id":"c","text":"t","expect":[[]]}',
      '{"id":"d","text":"t","expect":[],"extra":1}'
    ].join('\n');
    const {items, errors} = parseLabeled(bad, 'bad.jsonl');
    expect(items).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds duplicate ids', () => {
    const {items} = parseLabeled('{"id":"a","text":"t","expect":[]}\n{"id":"a","text":"u","expect":[]}', 'd.jsonl');
    expect(duplicateIds(items)).toHaveLength(1);
  });
});

describe('scoreItems', () => {
  const {items} = parseLabeled(lines, 'x.jsonl');
  const byId: Record<string, FindingLike[]> = {
    a: [
      {ruleId: 'vague-source', severity: 'warning'},
      {ruleId: 'hedge', severity: 'info'}
    ],
    b: [{ruleId: 'anonymous-source', severity: 'warning'}],
    c: [{ruleId: 'hedge', severity: 'info'}],
    d: [{ruleId: 'loaded-verb', severity: 'info'}],
    e: [{ruleId: 'editorializing', severity: 'info'}]
  };
  const score = scoreItems(items, (_text, item) => byId[item.id]);

  it('counts true positives, false positives and misses per rule', () => {
    expect(score.perRule['vague-source']).toMatchObject({tp: 1, fp: 0, fn: 0});
    expect(score.perRule['anonymous-source']).toMatchObject({tp: 0, fp: 1, fn: 0});
    // Reported only at info: the warning-level group is missed.
    expect(score.perRule.hedge).toMatchObject({tp: 0, fp: 0, fn: 1});
    expect(score.perRule['loaded-verb']).toMatchObject({tp: 1, fp: 0, fn: 0});
    expect(score.micro).toMatchObject({tp: 2, fp: 1, fn: 1});
    expect(score.micro.f1).toBeCloseTo(2 / 3);
  });

  it('lists per-item misses and false alarms', () => {
    const c = score.items.find((r) => r.item.id === 'c')!;
    expect(c.misses).toEqual([{group: ['hedge', 'unattributed-claim'], kind: 'expect', reportedBelowWarning: ['hedge']}]);
    const b = score.items.find((r) => r.item.id === 'b')!;
    expect(b.falseAlarms.map((f) => f.ruleId)).toEqual(['anonymous-source']);
  });

  it('counts clean items with a warning; info findings do not count', () => {
    expect(score.clean).toEqual({total: 2, warned: 1, share: 0.5});
  });

  it('treats a warning for an expectInfo-only rule as a false alarm', () => {
    const strict = scoreItems([items[3]], () => [{ruleId: 'loaded-verb', severity: 'warning'}]);
    expect(strict.perRule['loaded-verb']).toMatchObject({tp: 1, fp: 1});
  });
});
