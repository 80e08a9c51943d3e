#!/usr/bin/env node
// Would a small learned model beat the rules on CoNLL-2010? Issue 5 allows shipping one if it does.
// This script answers with cross-validation on the train file (the only CoNLL file we have), so no
// sentence is scored by a model that saw it: a logistic regression on word features, on the strict
// engine's findings, and on both, each against the strict engine's own figures on the same sentences.
// A script, not a test: it prints figures and exits 0 (non-zero only when it cannot run).
//
//   node eval/learned-baseline.mjs [--folds=10] [--min-count=50] [--epochs=2] [--rate=0.1] [--l2=0.01]
//
// eval/findings.md section 11 gives the figures for a small grid of these settings; the defaults are one
// point of it.
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, '..', 'shared', 'datasets', 'wikiweasel-train.jsonl');
const ENGINE = join(ROOT, 'dist', 'engine.js');
const UNCERTAINTY_RULES = new Set(['hedge', 'vague-source', 'unattributed-claim', 'anonymous-source', 'editorializing']);

const args = process.argv.slice(2);
const opt = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const FOLDS = opt('folds', 10);
const MIN_COUNT = opt('min-count', 20); // a feature must occur in this many training sentences
const EPOCHS = opt('epochs', 2);
const RATE = opt('rate', 0.1);
const L2 = opt('l2', 0.01);
const MIN_PRECISION = 0.6; // the floor: the threshold is the best F1 at or above it

if (!existsSync(DATA)) {
  console.log(`Skipped: ${DATA} is not here (it lives in ../shared beside the repository).`);
  process.exit(0);
}
if (!existsSync(ENGINE)) {
  console.error('dist/engine.js is missing: run `npm run build` first.');
  process.exit(1);
}
const engine = createRequire(import.meta.url)(ENGINE);
const options = {...engine.resolveOptions({preset: 'strict'}), format: 'plaintext'};

const rows = readFileSync(DATA, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const sentences = rows.map((row) => {
  const findings = engine.analyze(row.text, options).findings.filter((f) => UNCERTAINTY_RULES.has(f.ruleId));
  const ruleFeatures = new Set();
  let flagged = false;
  for (const finding of findings) {
    ruleFeatures.add(`finding:${finding.ruleId}:${finding.severity}`);
    if (finding.severity === 'warning' || finding.severity === 'error') {
      flagged = true;
      ruleFeatures.add(`warning:${finding.ruleId}`);
    }
  }
  if (flagged) ruleFeatures.add('strict engine flags it');
  const wordFeatures = new Set((row.text.toLowerCase().match(/[a-z']+/g) ?? []).map((word) => `word:${word}`));
  return {uncertain: row.label === 'uncertain', flagged, rules: [...ruleFeatures], words: [...wordFeatures]};
});

const FEATURE_SETS = {
  words: (s) => s.words,
  'strict findings': (s) => s.rules,
  'words + strict findings': (s) => [...s.words, ...s.rules]
};

/** Logistic regression by Adagrad, deterministic: fixed order, zero start. */
function train(items, featuresOf) {
  const counts = new Map();
  for (const item of items) for (const f of featuresOf(item)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (item) => featuresOf(item).filter((f) => counts.get(f) >= MIN_COUNT);
  const weights = new Map();
  const squares = new Map();
  let bias = 0;
  let biasSquares = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const item of items) {
      const features = kept(item);
      let z = bias;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - (item.uncertain ? 1 : 0);
      biasSquares += gradient * gradient;
      bias -= (RATE * gradient) / Math.sqrt(biasSquares + 1e-8);
      for (const f of features) {
        const g = gradient + L2 * (weights.get(f) ?? 0);
        const sum = (squares.get(f) ?? 0) + g * g;
        squares.set(f, sum);
        weights.set(f, (weights.get(f) ?? 0) - (RATE * g) / Math.sqrt(sum + 1e-8));
      }
    }
  }
  const score = (item) => {
    let z = bias;
    for (const f of featuresOf(item)) z += weights.get(f) ?? 0;
    return z;
  };
  // The threshold is chosen on the training sentences, never on the held-out fold.
  const ranked = items.map((item) => [score(item), item.uncertain]).sort((a, b) => b[0] - a[0]);
  const positives = items.filter((item) => item.uncertain).length;
  let threshold = Infinity;
  let bestF1 = -1;
  let tp = 0;
  let fp = 0;
  for (const [value, uncertain] of ranked) {
    uncertain ? tp++ : fp++;
    const precision = tp / (tp + fp);
    const f1 = (2 * tp) / (tp + fp + positives);
    if (precision >= MIN_PRECISION && f1 > bestF1) {
      bestF1 = f1;
      threshold = value;
    }
  }
  return (item) => score(item) >= threshold;
}

const tally = () => ({tp: 0, fp: 0, fn: 0});
const count = (t, flagged, uncertain) => {
  if (flagged && uncertain) t.tp++;
  else if (flagged) t.fp++;
  else if (uncertain) t.fn++;
};
const line = (label, t) => {
  const p = t.tp / (t.tp + t.fp);
  const r = t.tp / (t.tp + t.fn);
  const fmt = (x) => (100 * x).toFixed(1).padStart(5);
  return `${label.padEnd(32)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt((2 * p * r) / (p + r))}`;
};

console.log(`CoNLL-2010 Wikipedia train, ${sentences.length} sentences, ${FOLDS}-fold cross-validation (fold = index mod ${FOLDS}).`);
console.log(
  `Features kept when seen in >= ${MIN_COUNT} training sentences; ${EPOCHS} epochs, rate ${RATE}, L2 ${L2}; threshold: best F1 at P >= ${100 * MIN_PRECISION} on the training folds.\n`
);
const engineTally = tally();
for (const s of sentences) count(engineTally, s.flagged, s.uncertain);
console.log(line('strict engine (no learning)', engineTally));
for (const [name, featuresOf] of Object.entries(FEATURE_SETS)) {
  const t = tally();
  for (let fold = 0; fold < FOLDS; fold++) {
    const predict = train(
      sentences.filter((_, i) => i % FOLDS !== fold),
      featuresOf
    );
    sentences.forEach((s, i) => {
      if (i % FOLDS === fold) count(t, predict(s), s.uncertain);
    });
  }
  console.log(line(`model on ${name}`, t));
}
