#!/usr/bin/env node
// The part-of-speech layer (server/src/analysis/nlp/tags.ts) measured on Universal Dependencies English
// EWT, test split (../shared/datasets/ud-ewt/). A script, not a test: it prints figures and exits 0
// whatever they are (non-zero only when it cannot run). Skips with a note when the data set is absent.
//
//   node eval/tagger.mjs              figures before and after whosaid's fix-ups, speed, cold load
//   node eval/tagger.mjs --errors=N   also print N wrongly tagged words of each fix-up's kind
//   node eval/tagger.mjs --news=N     also count each fix-up's changes on the BBC corpus (news, which EWT
//                                     is not; ../shared/corpus) and print N random ones of each, for reading
//
// Scored over whosaid's own tokens (retext-english's words, as the rules see them), each EWT paragraph
// tagged as one paragraph. A word that EWT splits ("can't", "mayor's", "well-known") is compared with the
// EWT token the tagger says heads it: the first part, or the last word part of a hyphenated compound.
// Sentences from the data set are printed for reading only; nothing is written into the repository.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, '..', 'shared', 'datasets', 'ud-ewt', 'en_ewt-ud-test.conllu');
const require = createRequire(import.meta.url);
const ERRORS = Number((process.argv.find((a) => a.startsWith('--errors=')) ?? '--errors=0').slice(9));
const NEWS = Number((process.argv.find((a) => a.startsWith('--news=')) ?? '--news=0').slice(7));
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'bbc-news.jsonl');

if (!existsSync(DATA)) {
  console.log(`UD English EWT not found at ${DATA}: nothing to measure (skipped).`);
  process.exit(0);
}

// --- the tagger, bundled from source --------------------------------------------------------------
const {build} = await import('esbuild');
// The options of the product's bundles: the model data lands beside the bundle, as in dist/.
const {BUNDLE_OPTIONS} = await import('../scripts/esbuild-options.mjs');
const dir = mkdtempSync(join(tmpdir(), 'whosaid-tagger-'));
const bundle = join(dir, 'tagger.cjs');
let api;
try {
  await build({
    stdin: {
      contents: [
        "export {tagText, preloadTagger, taggerLoadMs} from './server/src/analysis/nlp/tags';",
        "export {parseSentences, scanQuotes} from './server/src/analysis/nlp/tokens';"
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts'
    },
    ...BUNDLE_OPTIONS,
    outfile: bundle,
    logLevel: 'warning'
  });
  api = require(bundle);
  // The model data lies beside the bundle, in the folder removed below: load it now.
  api.preloadTagger();
  // Cold load, in fresh processes: requiring the bundle, then loading the model (the first call).
  const cold = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const t0=performance.now();const t=require(${JSON.stringify(bundle)});const t1=performance.now();t.preloadTagger();const t2=performance.now();t.tagText('The company reports a loss.');console.log(JSON.stringify({require:t1-t0,load:t2-t1,first:performance.now()-t2}))`
      ],
      {encoding: 'utf8'}
    );
    cold.push(JSON.parse(out));
  }
  var coldFigures = cold;
} finally {
  rmSync(dir, {recursive: true, force: true});
}
const {tagText, parseSentences, scanQuotes} = api;

// --- EWT, read as paragraphs ----------------------------------------------------------------------
/** Paragraphs: {text, gold: [{start, end, form, lemma, upos, xpos, feats}]}, sentences joined by a space. */
function readParagraphs(path) {
  const paragraphs = [];
  let paragraph = null;
  let sentence = null;
  const flush = () => {
    if (!sentence) return;
    if (!paragraph || sentence.newpar) {
      paragraph = {text: '', gold: []};
      paragraphs.push(paragraph);
    }
    const offset = paragraph.text.length === 0 ? 0 : paragraph.text.length + 1;
    paragraph.text = paragraph.text.length === 0 ? sentence.text : `${paragraph.text} ${sentence.text}`;
    let cursor = 0;
    let first = true;
    for (const token of sentence.tokens) {
      const at = sentence.text.indexOf(token.form, cursor);
      if (at < 0) continue; // never seen: forms are the text's own characters
      cursor = at + token.form.length;
      paragraph.gold.push({...token, start: offset + at, end: offset + cursor, sentenceStart: first});
      first = false;
    }
    sentence = null;
  };
  let newpar = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newpar')) newpar = true;
    else if (line.startsWith('# text = ')) {
      sentence = {text: line.slice(9), tokens: [], newpar};
      newpar = false;
    } else if (line.trim() === '') flush();
    else if (!line.startsWith('#') && sentence) {
      const [id, form, lemma, upos, xpos, feats] = line.split('\t');
      if (id.includes('-') || id.includes('.')) continue;
      sentence.tokens.push({form, lemma, upos, xpos, feats});
    }
  }
  flush();
  return paragraphs;
}

const paragraphs = readParagraphs(DATA);
const goldWords = paragraphs.reduce((n, p) => n + p.gold.length, 0);

/** Our word tokens of a paragraph, each with the gold token heading it. */
function ownTokens(paragraph) {
  const out = [];
  const gold = paragraph.gold;
  let g = 0;
  for (const sentence of parseSentences(paragraph.text, scanQuotes(paragraph.text).ranges)) {
    for (const token of sentence.tokens) {
      while (g < gold.length && gold[g].end <= token.start) g++;
      const parts = [];
      for (let k = g; k < gold.length && gold[k].start < token.end; k++) parts.push(gold[k]);
      if (parts.length === 0) continue;
      const hyphenated = parts.some((part) => part.form === '-');
      let head = parts[0];
      if (hyphenated) {
        const words = parts.filter((part) => part.upos !== 'PUNCT');
        head = words[words.length - 1] ?? parts[0];
        if (head.upos === 'NUM' && words[0] && words[0].upos !== 'NUM') head = words[0];
      }
      const exact = parts.length === 1 && parts[0].start === token.start && parts[0].end === token.end;
      out.push({token, head, exact, split: parts.length > 1});
    }
  }
  return out;
}

const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

function score(fixUps) {
  const s = {
    words: 0,
    wordsRight: 0,
    all: 0,
    allRight: 0,
    exact: 0,
    exactRight: 0,
    xposRight: 0,
    lemma: 0,
    lemmaRight: 0,
    adjTP: 0,
    adjFP: 0,
    adjFN: 0,
    vbz: 0,
    vbzRight: 0,
    vbzPredicted: 0,
    vbzPredictedRight: 0,
    startAdj: 0,
    startAdjRight: 0,
    startPropnPredicted: 0,
    startPropnRight: 0,
    fixes: {},
    errors: {}
  };
  const taggings = [];
  for (const paragraph of paragraphs) {
    const tagged = tagText(paragraph.text, {fixUps});
    taggings.push(tagged);
    const fixedAt = new Map(tagged.tokens.filter((t) => t.fixed).map((t) => [t.start, t.fixed]));
    for (const {token, head, exact} of ownTokens(paragraph)) {
      const tag = tagged.at(token.start, token.end);
      const right = tag.pos === head.upos;
      s.all++;
      if (right) s.allRight++;
      if (token.kind !== 'word') continue;
      s.words++;
      if (right) s.wordsRight++;
      if (exact) {
        s.exact++;
        if (right) s.exactRight++;
        if (tag.tag === head.xpos) s.xposRight++;
        if (CONTENT.has(head.upos)) {
          s.lemma++;
          if (tag.lemma === head.lemma.toLowerCase().replace(/\u2019/g, "'")) s.lemmaRight++;
        }
      }
      if (tag.pos === 'ADJ' && head.upos === 'ADJ') s.adjTP++;
      else if (tag.pos === 'ADJ') s.adjFP++;
      else if (head.upos === 'ADJ') s.adjFN++;
      // Third person -s verbs: EWT's VBZ lexical verbs (not "is", "has" as auxiliaries).
      if (head.xpos === 'VBZ' && head.upos === 'VERB') {
        s.vbz++;
        if (tag.pos === 'VERB') s.vbzRight++;
        else record(s, 'vbz-missed', paragraph, token, tag, head);
      }
      if (tag.pos === 'VERB' && tag.tag === 'VBZ') {
        s.vbzPredicted++;
        if (head.upos === 'VERB') s.vbzPredictedRight++;
      }
      if (head.sentenceStart && exact && /^\p{Lu}/u.test(token.text)) {
        if (head.upos === 'ADJ') {
          s.startAdj++;
          if (tag.pos === 'ADJ') s.startAdjRight++;
          else record(s, 'start-adj-missed', paragraph, token, tag, head);
        }
        if (tag.pos === 'PROPN') {
          s.startPropnPredicted++;
          if (head.upos === 'PROPN') s.startPropnRight++;
          else record(s, 'start-propn-wrong', paragraph, token, tag, head);
        }
      }
      const fixed = fixedAt.get(token.start);
      if (fixed) {
        const f = (s.fixes[fixed] ??= {n: 0, right: 0});
        f.n++;
        if (right) f.right++;
        else record(s, `fix-${fixed}-wrong`, paragraph, token, tag, head);
      }
    }
  }
  return {s, taggings};
}

function record(s, kind, paragraph, token, tag, head) {
  const list = (s.errors[kind] ??= []);
  if (list.length >= 200) return;
  const from = Math.max(0, token.start - 50);
  const to = Math.min(paragraph.text.length, token.end + 50);
  list.push(
    `${token.text}: ${tag.pos} (EWT ${head.upos}/${head.xpos})  …${paragraph.text.slice(from, token.start)}[${token.text}]${paragraph.text.slice(token.end, to)}…`
  );
}

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const before = score(false).s;
const {s: after, taggings} = score(true);

// --- speed, warm ----------------------------------------------------------------------------------
let winkTokens = 0;
let ownWords = 0;
for (const tagged of taggings) winkTokens += tagged.tokens.length;
for (const paragraph of paragraphs)
  for (const sentence of parseSentences(paragraph.text, scanQuotes(paragraph.text).ranges))
    for (const token of sentence.tokens) if (token.kind === 'word') ownWords++;
const rounds = [];
const rawRounds = [];
for (let r = 0; r < 5; r++) {
  let t0 = performance.now();
  for (const paragraph of paragraphs) tagText(paragraph.text);
  rounds.push(performance.now() - t0);
  t0 = performance.now();
  for (const paragraph of paragraphs) tagText(paragraph.text, {fixUps: false});
  rawRounds.push(performance.now() - t0);
}
rounds.sort((a, b) => a - b);
rawRounds.sort((a, b) => a - b);
const warmMs = rounds[2];
const bestMs = rounds[0];

// --- report ---------------------------------------------------------------------------------------
console.log(
  `UD English EWT test: ${paragraphs.length} paragraphs, ${goldWords} gold tokens; whosaid's tokens: ${before.all} (${before.words} words, ${before.exact} of them one EWT token each)\n`
);
const rows = [
  ['UPOS, own word tokens', (x) => pct(x.wordsRight, x.words)],
  ['UPOS, own tokens incl. punctuation', (x) => pct(x.allRight, x.all)],
  ['UPOS, words that are one EWT token', (x) => pct(x.exactRight, x.exact)],
  ['Penn tag (derived), same words', (x) => pct(x.xposRight, x.exact)],
  ['lemma, content words (NOUN VERB ADJ ADV)', (x) => pct(x.lemmaRight, x.lemma)],
  ['ADJ precision', (x) => pct(x.adjTP, x.adjTP + x.adjFP)],
  ['ADJ recall', (x) => pct(x.adjTP, x.adjTP + x.adjFN)],
  ['VERB, 3rd person -s (EWT VBZ verbs)', (x) => `${pct(x.vbzRight, x.vbz)} of ${x.vbz}`],
  ['  tagged VERB+VBZ that are verbs', (x) => `${pct(x.vbzPredictedRight, x.vbzPredicted)} of ${x.vbzPredicted}`],
  ['capitalised sentence-initial ADJ found', (x) => `${pct(x.startAdjRight, x.startAdj)} of ${x.startAdj}`],
  ['sentence-initial PROPN that are names', (x) => `${pct(x.startPropnRight, x.startPropnPredicted)} of ${x.startPropnPredicted}`]
];
console.log(`${'figure'.padEnd(44)}${'wink alone'.padStart(16)}${'with fix-ups'.padStart(16)}`);
for (const [name, f] of rows) console.log(`${name.padEnd(44)}${f(before).padStart(16)}${f(after).padStart(16)}`);
console.log('\nfix-ups applied (right = EWT agrees with the new tag):');
for (const [name, f] of Object.entries(after.fixes))
  console.log(`  ${name.padEnd(16)} ${String(f.n).padStart(5)} changed, ${pct(f.right, f.n)} right`);

console.log(
  `\nspeed, warm, 5 passes over ${ownWords.toLocaleString('en-US')} words (best / median): ${Math.round(winkTokens / (bestMs / 1000)).toLocaleString('en-US')} / ${Math.round(winkTokens / (warmMs / 1000)).toLocaleString('en-US')} wink tokens/s, ${(bestMs / (ownWords / 1000)).toFixed(2)} / ${(warmMs / (ownWords / 1000)).toFixed(2)} ms per 1,000 words`
);
console.log(
  `  without the fix-ups (best / median): ${(rawRounds[0] / (ownWords / 1000)).toFixed(2)} / ${(rawRounds[2] / (ownWords / 1000)).toFixed(2)} ms per 1,000 words`
);
const sorted = (key) => coldFigures.map((c) => c[key]).sort((a, b) => a - b);
const cold = (key, digits = 0) => `${sorted(key)[0].toFixed(digits)} / ${sorted(key)[3].toFixed(digits)} ms`;
console.log(
  `cold, 7 fresh processes (min / median): require the bundle ${cold('require')}, load the model ${cold('load')}, first paragraph ${cold('first', 1)}`
);

if (ERRORS > 0) {
  for (const [kind, list] of Object.entries(after.errors)) {
    console.log(`\n${kind} (${list.length}${list.length >= 200 ? '+' : ''}):`);
    for (const line of list.slice(0, ERRORS)) console.log(`  ${line}`);
  }
}

if (NEWS > 0) {
  if (!existsSync(CORPUS)) console.log(`\nno news corpus at ${CORPUS} (skipped)`);
  else {
    const changes = {};
    let tokens = 0;
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      for (const paragraph of String(JSON.parse(line).text ?? '').split(/\n+/)) {
        if (!paragraph.trim()) continue;
        const raw = tagText(paragraph, {fixUps: false});
        const fixed = tagText(paragraph);
        tokens += fixed.tokens.length;
        fixed.tokens.forEach((token, i) => {
          if (!token.fixed) return;
          const key = `${token.fixed} ${raw.tokens[i]?.pos ?? '?'} -> ${token.pos}`;
          (changes[key] ??= []).push(
            `${paragraph.slice(Math.max(0, token.start - 60), token.start)}[${token.text}]${paragraph.slice(token.end, token.end + 40)}`.replace(
              /\s+/g,
              ' '
            )
          );
        });
      }
    }
    console.log(`\nfix-ups on the BBC corpus (${tokens.toLocaleString('en-US')} tokens):`);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const [key, list] of Object.entries(changes).sort((a, b) => b[1].length - a[1].length)) {
      console.log(`\n${key}: ${list.length}`);
      const picked = list
        .map((line) => [random(), line])
        .sort((a, b) => a[0] - b[0])
        .slice(0, NEWS);
      for (const [, line] of picked) console.log(`  ${line}`);
    }
  }
}
