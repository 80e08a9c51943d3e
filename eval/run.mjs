#!/usr/bin/env node
// `npm run eval`: whosaid's accuracy on labeled text, printed as figures. A script, not a test: it
// never fails on a threshold and exits 0 whatever the numbers are (non-zero only when it cannot run).
// See eval/README.md for what each number means.
//
// Options:
//   --only=fixtures,conll,polnear,seed,speed   run only these sections
//   --worst=N         how many missed / falsely flagged sentences to print per section (default 12)
//   --engine=PATH     the engine bundle to load (default dist/engine.js; `npm run eval` builds it first)
//   --json=PATH       also write the figures as JSON (for comparing two runs)
//   --polnear-split=dev|train   which PolNeAR split to score (default dev; train is for learning from)
//   --conll-presets=default,strict   the presets CoNLL-2010 is scored under (default both)
//
// Data sets under ../shared are read when present and skipped with a note when not. Sentences from
// them are printed to the terminal for reading; nothing from them is written into the repository.
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
};
const ONLY = new Set(opt('only', 'fixtures,conll,polnear,seed,speed').split(',').filter(Boolean));
const WORST = Number(opt('worst', '12'));
const ENGINE_PATH = resolve(ROOT, opt('engine', 'dist/engine.js'));
const JSON_OUT = opt('json', '');
const POLNEAR_SPLIT = opt('polnear-split', 'dev');
const CONLL_PRESETS = opt('conll-presets', 'default,strict').split(',').filter(Boolean);

const UNCERTAINTY_RULES = new Set(['hedge', 'vague-source', 'unattributed-claim', 'anonymous-source', 'editorializing']);
const RANK = {error: 3, warning: 2, info: 1, hint: 0};
const atLeastWarning = (severity) => RANK[severity] >= RANK.warning;

const figures = {}; // mirrored to --json
const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '—').padStart(6);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const oneLine = (s, max = 240) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};
function prf(tp, fp, fn) {
  const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? NaN : tp / (tp + fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {tp, fp, fn, precision, recall, f1};
}
const prfLine = (s) => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`;
const heading = (title) => console.log(`\n${'='.repeat(100)}\n${title}\n${'='.repeat(100)}`);
const readJsonl = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

/** Evenly spread picks, so a long list of misses is sampled across the data set rather than its start. */
function spread(list, n) {
  if (list.length <= n) return list;
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]);
  return out;
}

/** Marks [start,end) spans in a text with ⟦ ⟧ for printing. */
function mark(text, spans) {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const s of sorted) {
    if (s.end > lastStart) continue; // overlapping: keep the first
    out = out.slice(0, s.start) + '⟦' + out.slice(s.start, s.end) + '⟧' + out.slice(s.end);
    lastStart = s.start;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// The engine and the labels helper
// ------------------------------------------------------------------------------------------------
function loadEngine() {
  if (!existsSync(ENGINE_PATH)) {
    console.log(`The engine bundle ${ENGINE_PATH} is not there: run \`npm run build\` (npm run eval does it first).`);
    return null;
  }
  const engine = require(ENGINE_PATH);
  try {
    engine.analyze('The minister said on Monday that talks would resume.', {format: 'plaintext'});
  } catch (error) {
    console.log(`The engine cannot analyse yet (${error.message}); nothing to measure. The data sets present:`);
    for (const [name, path] of DATASETS) console.log(`  ${existsSync(path) ? 'present' : 'absent '}  ${name}: ${path}`);
    return null;
  }
  return engine;
}

/** test/helpers/labels.ts is TypeScript: bundle it with esbuild into a temporary CommonJS file. */
async function loadLabelsHelper() {
  const {build} = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-eval-'));
  const outfile = join(dir, 'labels.cjs');
  try {
    await build({
      entryPoints: [join(ROOT, 'test', 'helpers', 'labels.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      logLevel: 'warning'
    });
    return require(outfile);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const DATASETS = [
  ['CoNLL-2010 Wikipedia', join(SHARED, 'datasets', 'wikiweasel-train.jsonl')],
  ['PolNeAR', join(SHARED, 'datasets', 'polnear-train-dev.jsonl')],
  ['seed article', join(SHARED, 'examples', 'seed-article.txt')],
  ['speed corpus', join(SHARED, 'corpus', 'bbc-news.jsonl')]
];

// ------------------------------------------------------------------------------------------------
// 1. The project's own labeled fixtures
// ------------------------------------------------------------------------------------------------
function printLabeledFailures(score, labels, title) {
  const failing = score.items.filter((r) => !r.ok);
  const missed = failing.filter((r) => r.misses.length > 0);
  const alarms = failing.filter((r) => r.falseAlarms.length > 0);
  const countBy = (list, key) => {
    const m = new Map();
    for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  console.log(
    `\n${title}: ${failing.length} of ${score.items.length} items not met (${missed.length} with a miss, ${alarms.length} with a false alarm)`
  );
  const missRules = countBy(
    missed.flatMap((r) => r.misses.map((m) => m.group.join('|') + (m.reportedBelowWarning.length ? ' (below warning)' : ''))),
    (x) => x
  );
  if (missRules.length) console.log('misses by expected rule: ' + missRules.map(([k, v]) => `${k} ${v}`).join(', '));
  const alarmRules = countBy(
    alarms.flatMap((r) => [...new Set(r.falseAlarms.map((f) => f.ruleId))]),
    (x) => x
  );
  if (alarmRules.length) console.log('false alarms by rule:    ' + alarmRules.map(([k, v]) => `${k} ${v}`).join(', '));
  const alarmPhrases = countBy(
    alarms.flatMap((r) => r.falseAlarms.map((f) => `${f.ruleId} "${String(f.actual ?? '').toLowerCase()}"`)),
    (x) => x
  );
  if (alarmPhrases.length)
    console.log(
      'false alarms by phrase:  ' +
        alarmPhrases
          .slice(0, 20)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')
    );
  if (missed.length) {
    console.log(`\nworst misses (first ${Math.min(WORST, missed.length)} of ${missed.length}):`);
    console.log(labels.formatFailures(missed, WORST));
  }
  const onlyAlarms = alarms.filter((r) => r.misses.length === 0);
  if (onlyAlarms.length) {
    // Clean items first: a warning on a clean sentence is what makes an editor switch a tool off.
    onlyAlarms.sort((a, b) => Number(b.clean) - Number(a.clean));
    console.log(`\nworst false alarms (first ${Math.min(WORST, onlyAlarms.length)} of ${onlyAlarms.length}, clean items first):`);
    console.log(labels.formatFailures(onlyAlarms, WORST));
  }
}

function evalFixtures(engine, labels) {
  heading('1. Own labeled fixtures: test/fixtures/news/*.jsonl');
  const dir = join(ROOT, 'test', 'fixtures', 'news');
  if (!existsSync(dir)) {
    console.log(`skipped: ${dir} is not there`);
    return;
  }
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
  const items = [];
  for (const name of files) {
    const parsed = labels.parseLabeled(readFileSync(join(dir, name), 'utf8'), name);
    if (parsed.errors.length) console.log(`label errors (items skipped):\n${labels.formatLabelErrors(parsed.errors)}`);
    items.push(...parsed.items);
  }
  const score = labels.scoreItems(items, (text) => engine.analyze(text, {format: 'plaintext'}));
  console.log(`${items.length} items from ${files.length} files; ${score.clean.total} clean`);
  console.log(labels.formatScoreTable(score));
  console.log(
    `false-alarm rate on clean items: ${(100 * score.clean.share).toFixed(1)}% (target < 3%);  micro-F1 ${(100 * score.micro.f1).toFixed(1)} (target ≥ 90)`
  );
  // Per file: where the failures concentrate.
  const byFile = new Map();
  for (const r of score.items) {
    const f = byFile.get(r.item.file) ?? {n: 0, ok: 0};
    f.n++;
    if (r.ok) f.ok++;
    byFile.set(r.item.file, f);
  }
  console.log('items met per file: ' + [...byFile.entries()].map(([k, v]) => `${k.replace('.jsonl', '')} ${v.ok}/${v.n}`).join(', '));
  printLabeledFailures(score, labels, 'fixtures');
  figures.fixtures = {
    items: items.length,
    micro: score.micro,
    perRule: score.perRule,
    clean: score.clean,
    itemsMet: score.items.filter((r) => r.ok).length
  };
}

/** Cue words and phrases from the data study, to say what the missed uncertain sentences contain. */
const MISS_HINTS = [
  'some',
  'many',
  'several',
  'most',
  'various',
  'numerous',
  'a number of',
  'a few',
  'others',
  'critics',
  'experts',
  'scholars',
  'historians',
  'people',
  'considered',
  'regarded',
  'believed',
  'thought',
  'said',
  'reported',
  'claimed',
  'alleged',
  'allegedly',
  'reportedly',
  'probably',
  'possibly',
  'possible',
  'perhaps',
  'likely',
  'may',
  'might',
  'could',
  'would',
  'can',
  'seems',
  'seem',
  'appears',
  'suggest',
  'suggests',
  'suggested',
  'widely',
  'generally',
  'often',
  'usually',
  'commonly',
  'famous',
  'popular',
  'notable',
  'best',
  'finest',
  'greatest',
  'important',
  'one of the',
  'it is',
  'has been',
  'have been',
  'evidence',
  'theory',
  'whether'
].map((w) => [w, new RegExp('\\b' + w.replace(/ /g, '\\s+') + '\\b', 'i')]);

// ------------------------------------------------------------------------------------------------
// 2. CoNLL-2010 Wikipedia uncertainty
// ------------------------------------------------------------------------------------------------
function evalConll(engine) {
  const path = join(SHARED, 'datasets', 'wikiweasel-train.jsonl');
  for (const preset of CONLL_PRESETS) {
    heading(`2. CoNLL-2010 Wikipedia uncertainty (train file): the \`uncertain\` class, preset "${preset}"`);
    if (!existsSync(path)) {
      console.log(`skipped: ${path} is not there`);
      return;
    }
    evalConllPreset(engine, readJsonl(path), preset);
  }
}

/** Engine options for a preset, as a .whosaidrc.json {"preset": name} would give them. */
function presetOptions(engine, preset) {
  if (typeof engine.resolveOptions === 'function') return engine.resolveOptions({preset});
  return {};
}

function evalConllPreset(engine, rows, preset) {
  const options = {...presetOptions(engine, preset), format: 'plaintext'};
  const U = rows.filter((r) => r.label === 'uncertain').length;
  console.log(
    `${rows.length} sentences, ${U} uncertain. A sentence is flagged when any of ${[...UNCERTAINTY_RULES].join(', ')} is reported on it.`
  );
  const warn = {tp: 0, fp: 0, fn: 0};
  const any = {tp: 0, fp: 0, fn: 0};
  const perRule = new Map(); // rule -> {u, c} at warning+
  const perPhrase = new Map(); // "rule phrase" -> {u, c} at warning+
  const falseAlarms = [];
  const misses = [];
  const missesBelow = [];
  for (const r of rows) {
    const findings = engine.analyze(r.text, options).findings.filter((f) => UNCERTAINTY_RULES.has(f.ruleId));
    const strong = findings.filter((f) => atLeastWarning(f.severity));
    const y = r.label === 'uncertain';
    const tally = (t, hit) => {
      if (hit && y) t.tp++;
      else if (hit) t.fp++;
      else if (y) t.fn++;
    };
    tally(warn, strong.length > 0);
    tally(any, findings.length > 0);
    for (const rule of new Set(strong.map((f) => f.ruleId))) {
      const c = perRule.get(rule) ?? {u: 0, c: 0};
      y ? c.u++ : c.c++;
      perRule.set(rule, c);
    }
    for (const key of new Set(strong.map((f) => `${f.ruleId} "${f.actual.toLowerCase().replace(/\s+/g, ' ')}"`))) {
      const c = perPhrase.get(key) ?? {u: 0, c: 0};
      y ? c.u++ : c.c++;
      perPhrase.set(key, c);
    }
    if (strong.length && !y) falseAlarms.push({r, findings: strong});
    if (!strong.length && y) (findings.length ? missesBelow : misses).push({r, findings});
  }
  const sw = prf(warn.tp, warn.fp, warn.fn);
  const sa = prf(any.tp, any.fp, any.fn);
  console.log(`flagged at warning or above: ${prfLine(sw)}   (target F1 ≥ 65 with P ≥ 60)`);
  console.log(`flagged at any severity:     ${prfLine(sa)}`);
  console.log(`baseline "every sentence uncertain": F1 ${pct((2 * U) / (rows.length + U)).trim()}`);
  console.log('\nper rule (sentences it flags at warning+; precision = share of them that are uncertain):');
  for (const [rule, c] of [...perRule.entries()].sort((a, b) => b[1].u + b[1].c - a[1].u - a[1].c))
    console.log(
      `  ${pad(rule, 20)} flags ${lpad(c.u + c.c, 5)}  uncertain ${lpad(c.u, 5)}  certain ${lpad(c.c, 5)}  precision ${pct(c.u / (c.u + c.c))}  recall ${pct(c.u / U)}`
    );
  const phrases = [...perPhrase.entries()];
  console.log('\nphrases that fire most on CERTAIN sentences (false alarms), with their uncertain count:');
  for (const [k, c] of phrases.sort((a, b) => b[1].c - a[1].c).slice(0, 25))
    console.log(`  ${lpad(c.c, 4)} certain / ${lpad(c.u, 4)} uncertain  ${pct(c.u / (c.u + c.c))}%  ${k}`);
  console.log('\nphrases that catch most uncertain sentences:');
  for (const [k, c] of phrases.sort((a, b) => b[1].u - a[1].u).slice(0, 15))
    console.log(`  ${lpad(c.u, 4)} uncertain / ${lpad(c.c, 4)} certain  ${pct(c.u / (c.u + c.c))}%  ${k}`);
  // Which known cue words do the missed sentences hold? (Diagnostic list from eval/findings.md; not a lexicon.)
  const hints = new Map();
  for (const {r} of [...misses, ...missesBelow]) {
    for (const [name, re] of MISS_HINTS) if (re.test(r.text)) hints.set(name, (hints.get(name) ?? 0) + 1);
  }
  console.log(
    `\nknown cue words in the ${misses.length + missesBelow.length} missed uncertain sentences (see eval/findings.md for each one's precision):`
  );
  console.log(
    '  ' +
      [...hints.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
  );
  console.log(`\nfalse alarms (certain sentences flagged), ${Math.min(WORST, falseAlarms.length)} of ${falseAlarms.length}:`);
  for (const {r, findings} of spread(falseAlarms, WORST))
    console.log(`  [${r.id}] ${findings.map((f) => `${f.ruleId} "${f.actual}"`).join('; ')}\n      ${oneLine(mark(r.text, findings))}`);
  console.log(
    `\nmisses (uncertain sentences not flagged), ${Math.min(WORST, misses.length)} of ${misses.length} with no finding at all; ${missesBelow.length} more had one below warning:`
  );
  for (const {r} of spread(misses, WORST)) console.log(`  [${r.id}] ${oneLine(r.text)}`);
  for (const {r, findings} of spread(missesBelow, Math.ceil(WORST / 3)))
    console.log(
      `  [${r.id}] (below warning: ${findings.map((f) => `${f.ruleId}/${f.severity} "${f.actual}"`).join('; ')})\n      ${oneLine(mark(r.text, findings))}`
    );
  figures.conll ??= {};
  figures.conll[preset] = {sentences: rows.length, uncertain: U, warning: sw, anySeverity: sa, perRule: Object.fromEntries(perRule)};
}

// ------------------------------------------------------------------------------------------------
// 3. PolNeAR attribution
// ------------------------------------------------------------------------------------------------
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

function evalPolnear(engine) {
  heading(`3. PolNeAR attribution (${POLNEAR_SPLIT} split)`);
  const path = join(SHARED, 'datasets', 'polnear-train-dev.jsonl');
  if (!existsSync(path)) {
    console.log(`skipped: ${path} is not there`);
    return;
  }
  const rows = readJsonl(path).filter((d) => d.split === POLNEAR_SPLIT);
  // Offsets in the file are Python code-point offsets; JavaScript strings count UTF-16 units.
  const astral = rows.filter((d) => /[\uD800-\uDBFF]/.test(d.text)).length;
  if (astral) console.log(`note: ${astral} sentences hold characters outside the BMP; their spans are converted.`);
  const toUnits = (text, cp) => {
    if (!/[\uD800-\uDBFF]/.test(text)) return cp;
    let units = 0;
    let n = 0;
    for (const ch of text) {
      if (n === cp) break;
      units += ch.length;
      n++;
    }
    return units;
  };
  const spanOf = (text, [s, e, t]) => ({start: toUnits(text, s), end: toUnits(text, e), text: t});

  // Whole documents, the sentences joined by a space, so that "..., he said." and pronouns have context.
  const docs = new Map();
  for (const d of rows) {
    if (!docs.has(d.doc_id)) docs.set(d.doc_id, []);
    docs.get(d.doc_id).push(d);
  }
  const sentences = [];
  let totalMs = 0;
  for (const [, list] of docs) {
    let text = '';
    const placed = list.map((d) => {
      if (text) text += ' ';
      const start = text.length;
      text += d.text;
      return {d, start, end: text.length};
    });
    const t0 = performance.now();
    const result = engine.analyze(text, {format: 'plaintext'});
    totalMs += performance.now() - t0;
    for (const p of placed) {
      const inside = (a) => a.cue.start >= p.start && a.cue.start < p.end;
      const atts = result.attributions.filter(inside).map((a) => ({
        ...a,
        cue: {...a.cue, start: a.cue.start - p.start, end: a.cue.end - p.start},
        source:
          a.source && a.source.start >= p.start && a.source.start < p.end
            ? {...a.source, start: a.source.start - p.start, end: a.source.end - p.start}
            : null
      }));
      sentences.push({
        d: p.d,
        atts,
        goldCues: p.d.cues.map((c) => spanOf(p.d.text, c)),
        goldSources: p.d.sources.map((c) => spanOf(p.d.text, c))
      });
    }
  }
  // Each sentence alone, for the sentence-level figure without document context.
  const alone = new Map();
  for (const d of rows)
    if (d.label !== 'attributed_elsewhere') alone.set(d.id, engine.analyze(d.text, {format: 'plaintext'}).attributions.length > 0);

  const sent = {tp: 0, fp: 0, fn: 0};
  const sentAlone = {tp: 0, fp: 0, fn: 0};
  const sentMisses = [];
  const sentAlarms = [];
  const tally = (t, hit, y) => {
    if (hit && y) t.tp++;
    else if (hit) t.fp++;
    else if (y) t.fn++;
  };
  for (const s of sentences) {
    if (s.d.label === 'attributed_elsewhere') continue;
    const y = s.d.label === 'attributed';
    const hit = s.atts.length > 0;
    tally(sent, hit, y);
    tally(sentAlone, alone.get(s.d.id), y);
    if (y && !hit) sentMisses.push(s);
    if (!y && hit) sentAlarms.push(s);
  }
  const cue = {tp: 0, fp: 0, fn: 0};
  const cueExact = {tp: 0, fp: 0, fn: 0};
  const src = {tp: 0, fp: 0, fn: 0};
  const missedCueWords = new Map();
  const spuriousCueWords = new Map();
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  const norm = (t) => t.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  const kinds = new Map();
  for (const s of sentences) {
    const predCues = s.atts.map((a) => a.cue);
    const predSources = s.atts.map((a) => a.source).filter(Boolean);
    for (const a of s.atts) bump(kinds, a.kind);
    for (const g of s.goldCues) {
      if (predCues.some((p) => overlaps(p, g))) cue.tp++;
      else {
        cue.fn++;
        bump(missedCueWords, norm(g.text));
      }
      if (predCues.some((p) => p.start === g.start && p.end === g.end)) cueExact.tp++;
      else cueExact.fn++;
    }
    for (const p of predCues) {
      if (!s.goldCues.some((g) => overlaps(p, g))) {
        cue.fp++;
        bump(spuriousCueWords, norm(p.text));
      }
      if (!s.goldCues.some((g) => p.start === g.start && p.end === g.end)) cueExact.fp++;
    }
    for (const g of s.goldSources) predSources.some((p) => overlaps(p, g)) ? src.tp++ : src.fn++;
    for (const p of predSources) if (!s.goldSources.some((g) => overlaps(p, g))) src.fp++;
  }
  const labels = {attributed: 0, none: 0, attributed_elsewhere: 0};
  for (const d of rows) labels[d.label]++;
  console.log(
    `${rows.length} sentences in ${docs.size} documents (attributed ${labels.attributed}, none ${labels.none}, attributed_elsewhere ${labels.attributed_elsewhere} left out of the sentence level)`
  );
  console.log(`engine attributions by kind: ${[...kinds.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  const s1 = prf(sent.tp, sent.fp, sent.fn);
  const s2 = prf(sentAlone.tp, sentAlone.fp, sentAlone.fn);
  const p0 = labels.attributed / (labels.attributed + labels.none);
  console.log(`sentence level, attributed vs none (documents analysed whole): ${prfLine(s1)}   (target F1 ≥ 90)`);
  console.log(`sentence level, each sentence analysed alone:                  ${prfLine(s2)}`);
  console.log(`baseline "every sentence attributed": P ${pct(p0)}  R  100.0  F1 ${pct((2 * p0) / (1 + p0))}`);
  const c1 = prf(cue.tp, cue.fp, cue.fn);
  const c2 = prf(cueExact.tp, cueExact.fp, cueExact.fn);
  const s3 = prf(src.tp, src.fp, src.fn);
  console.log(`cue spans, any overlap:   ${prfLine(c1)}`);
  console.log(`cue spans, exact match:   ${prfLine(c2)}`);
  console.log(`source spans, any overlap: ${prfLine(s3)}`);
  const top = (m, n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `"${k}" ${v}`)
      .join(', ');
  console.log(`\nmost missed gold cues: ${top(missedCueWords, 30)}`);
  console.log(`\nmost frequent engine cues with no gold cue there: ${top(spuriousCueWords, 30)}`);
  console.log(
    `\nmissed attributed sentences (no engine cue in them), ${Math.min(WORST, sentMisses.length)} of ${sentMisses.length}; gold cue ⟦marked⟧:`
  );
  for (const s of spread(sentMisses, WORST)) console.log(`  [${s.d.id}] ${oneLine(mark(s.d.text, s.goldCues))}`);
  console.log(
    `\nfalse alarms (sentences labeled none with an engine cue), ${Math.min(WORST, sentAlarms.length)} of ${sentAlarms.length}; engine cue ⟦marked⟧:`
  );
  for (const s of spread(sentAlarms, WORST))
    console.log(
      `  [${s.d.id}] ${s.atts.map((a) => `${a.kind}: "${a.cue.text}"${a.source ? ` <- "${a.source.text}"` : ''}`).join('; ')}\n      ${oneLine(
        mark(
          s.d.text,
          s.atts.map((a) => a.cue)
        )
      )}`
    );
  console.log(`\nspeed on PolNeAR: ${(totalMs / docs.size).toFixed(2)} ms per document on average (${docs.size} documents)`);
  figures.polnear = {split: POLNEAR_SPLIT, sentenceLevel: s1, sentenceLevelAlone: s2, cueOverlap: c1, cueExact: c2, sourceOverlap: s3};
}

// ------------------------------------------------------------------------------------------------
// 4. The seed article
// ------------------------------------------------------------------------------------------------
function evalSeed(engine, labels) {
  heading('4. The seed article: ../shared/examples/seed-article.txt');
  const article = join(SHARED, 'examples', 'seed-article.txt');
  const labelFile = join(SHARED, 'examples', 'seed-article.labels.jsonl');
  if (!existsSync(article) || !existsSync(labelFile)) {
    console.log(`skipped: ${article} or its labels are not there`);
    return;
  }
  const text = readFileSync(article, 'utf8');
  const parsed = labels.parseLabeled(readFileSync(labelFile, 'utf8'), 'seed-article.labels.jsonl');
  if (parsed.errors.length) console.log(labels.formatLabelErrors(parsed.errors));
  const missing = parsed.items.filter((i) => !text.includes(i.text));
  if (missing.length) console.log(`label texts not found in the article (scored as missed): ${missing.map((i) => i.id).join(', ')}`);
  const result = engine.analyze(text, {format: 'plaintext'});
  const ranges = [];
  const score = labels.scoreItems(parsed.items, (sentence) => {
    const start = text.indexOf(sentence);
    if (start < 0) return [];
    const end = start + sentence.length;
    ranges.push([start, end]);
    return result.findings.filter((f) => f.start >= start && f.start < end);
  });
  const met = score.items.filter((r) => r.ok).length;
  console.log(`${met} of ${score.items.length} labeled sentences met (target: all, no false alarm)`);
  console.log(labels.formatScoreTable(score));
  for (const r of score.items) {
    const found = r.findings.map((f) => `${f.ruleId}/${f.severity} "${f.actual}"`).join('; ') || '—';
    console.log(
      `  ${r.ok ? 'ok  ' : 'FAIL'} ${pad(r.item.id, 4)} expect ${JSON.stringify(r.item.expect)}${r.item.optional.length ? ' optional ' + JSON.stringify(r.item.optional) : ''}  found: ${found}`
    );
  }
  const failing = score.items.filter((r) => !r.ok);
  if (failing.length) console.log('\n' + labels.formatFailures(failing));
  const outside = result.findings.filter((f) => atLeastWarning(f.severity) && !ranges.some(([s, e]) => f.start >= s && f.start < e));
  if (outside.length)
    console.log(
      `\nfindings at warning+ outside the labeled sentences (headline, by-line?): ${outside.map((f) => `${f.ruleId} "${f.actual}"`).join('; ')}`
    );
  figures.seed = {labels: score.items.length, met, falseAlarms: failing.reduce((n, r) => n + r.falseAlarms.length, 0), micro: score.micro};
}

// ------------------------------------------------------------------------------------------------
// Speed: a ~1,000-word article
// ------------------------------------------------------------------------------------------------
async function evalSpeed(engine) {
  heading('Speed: one ~1,000-word article');
  let text;
  let from;
  try {
    const {loadSource, buildText} = await import('../bench/lib/corpus.mjs');
    const corpus = loadSource(ROOT);
    text = buildText(corpus, 1000).text;
    from = corpus.source;
  } catch (error) {
    console.log(`skipped: no text to time (${error.message})`);
    return;
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  const time = (fn, n) => {
    const t = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      fn(i);
      t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    return {median: t[Math.floor(n / 2)], p95: t[Math.floor(n * 0.95)], min: t[0]};
  };
  for (let i = 0; i < 30; i++) engine.analyze(text, {format: 'plaintext'}); // warm-up
  const full = time(() => engine.analyze(text, {format: 'plaintext'}), 100);
  console.log(`${words} words from ${from}`);
  console.log(
    `full check (analyze, no cache): median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms, min ${full.min.toFixed(2)} ms per check (target well under 20 ms)`
  );
  const result = {full};
  if (typeof engine.createAnalyzer === 'function') {
    const analyzer = engine.createAnalyzer({format: 'plaintext'});
    const paras = text.split('\n\n');
    const k = Math.floor(paras.length / 2);
    for (let i = 0; i < 30; i++) analyzer.analyze(text, 'plaintext');
    // One paragraph edited each time (a keystroke's worth), the rest from the cache.
    const edit = time((i) => {
      const copy = [...paras];
      copy[k] = copy[k] + ' ' + 'x'.repeat((i % 7) + 1);
      analyzer.analyze(copy.join('\n\n'), 'plaintext');
    }, 100);
    console.log(
      `re-check after a one-paragraph edit (createAnalyzer, paragraph cache): median ${edit.median.toFixed(2)} ms, p95 ${edit.p95.toFixed(2)} ms`
    );
    result.edit = edit;
  }
  figures.speed = {words, ...result};
}

// ------------------------------------------------------------------------------------------------
const engine = loadEngine();
if (engine) {
  const labels = await loadLabelsHelper();
  const t0 = performance.now();
  if (ONLY.has('fixtures')) evalFixtures(engine, labels);
  if (ONLY.has('conll')) evalConll(engine);
  if (ONLY.has('polnear')) evalPolnear(engine);
  if (ONLY.has('seed')) evalSeed(engine, labels);
  if (ONLY.has('speed')) await evalSpeed(engine);
  console.log(`\neval finished in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (JSON_OUT) {
    writeFileSync(resolve(JSON_OUT), JSON.stringify(figures, null, 2) + '\n');
    console.log(`figures written to ${resolve(JSON_OUT)}`);
  }
}
