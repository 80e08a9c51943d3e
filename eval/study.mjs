#!/usr/bin/env node
// Data study for the lexicons: prints counts from the labeled data sets under ../shared/datasets.
// It prints figures only (single words, short cue phrases and counts), never whole sentences, and
// writes nothing. Usage: node eval/study.mjs [--top N]
//
// PolNeAR (train split only): which words and phrases act as attribution cues, how often each word
// is a cue versus present in a sentence without being one, what sources look like.
// CoNLL-2010 Wikipedia (train file): which words and bigrams mark `uncertain` sentences, and how
// often candidate hedge/weasel patterns fire on `certain` ones.
import {readFileSync, existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasets = resolve(root, '../shared/datasets');
const polnearPath = resolve(datasets, 'polnear-train-dev.jsonl');
const conllPath = resolve(datasets, 'wikiweasel-train.jsonl');
const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 60;

const readJsonl = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) : '   - ');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** Word tokens with offsets (UTF-16; the data sets hold no astral characters, checked below). */
function tokens(text) {
  const out = [];
  const re = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*/g;
  let m;
  while ((m = re.exec(text))) out.push({w: m[0].toLowerCase().replace(/’/g, "'"), raw: m[0], start: m.index, end: m.index + m[0].length});
  return out;
}

const AUX = new Set(
  "be is are was were been being am 's 're have has had having do does did will would shall should can could may might must also not n't never just reportedly later previously earlier then again already still even only further once first repeatedly has've publicly privately recently often frequently allegedly openly quickly".split(
    ' '
  )
);
const IRREGULAR = Object.fromEntries(
  (
    'said:say told:tell wrote:write written:write thought:think felt:feel knew:know known:know saw:see seen:see made:make ' +
    'gave:give given:give spoke:speak spoken:speak took:take taken:take heard:hear found:find held:hold meant:mean went:go ' +
    'gone:go came:come became:become led:lead brought:bring sought:seek taught:teach chose:choose chosen:choose began:begin ' +
    'begun:begin ran:run got:get gotten:get kept:keep left:leave understood:understand stood:stand won:win lost:lose ' +
    'sent:send spent:spend built:build drew:draw drawn:draw shown:show swore:swear sworn:swear forgot:forget ' +
    'forgotten:forget struck:strike hid:hide hidden:hide rose:rise risen:rise fell:fall fallen:fall forecast:forecast ' +
    'foresaw:foresee foreseen:foresee mistook:mistake mistaken:mistake overheard:overhear withheld:withhold ' +
    'retold:retell misspoke:misspeak blew:blow threw:throw thrown:throw broke:break broken:break' +
    ' says:say argues:argue'
  )
    .split(' ')
    .map((p) => p.split(':'))
);

/** A crude lemmatizer guided by the corpus vocabulary: "noted" -> "note" when "note" is a word there. */
function makeLemmatizer(vocab) {
  const has = (w) => vocab.has(w);
  return function lemma(w) {
    if (IRREGULAR[w]) return IRREGULAR[w];
    if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
    if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
    for (const suf of ['ed', 'ing']) {
      if (w.length > suf.length + 2 && w.endsWith(suf)) {
        const stem = w.slice(0, -suf.length);
        if (has(stem + 'e') && !/(.)\1$/.test(stem)) return stem + 'e'; // noted -> note, stating -> state
        if (has(stem)) return stem; // added -> add, saying -> say
        if (/(.)\1$/.test(stem) && has(stem.slice(0, -1))) return stem.slice(0, -1); // planned -> plan
        return stem;
      }
    }
    if (w.length > 3 && /(ss|sh|ch|x|z)es$/.test(w) && has(w.slice(0, -2))) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && has(w.slice(0, -1))) return w.slice(0, -1);
    return w;
  };
}

function headOfCue(cueText, lemma) {
  const toks = tokens(cueText).map((t) => t.w);
  if (!toks.length) return cueText.trim() || '(punct)';
  if (toks[0] === 'according') return 'according to';
  const head = toks.find((t) => !AUX.has(t)) ?? toks[toks.length - 1];
  return lemma(head);
}

const FUNCTION_WORDS = new Set(
  'to a an the in on of for with at by from as and or but not no s that this it its be have do now up out about into over than so if when what who which there their they he she we i you his her'.split(
    ' '
  )
);
const PRONOUNS = new Set('he she they it we i you him her them us me one who this that these those someone somebody'.split(' '));
const SOURCE_STOP = new Set('who which that of with familiar in at from for on to whose and or but as by said'.split(' '));

function sourceHead(text) {
  const toks = tokens(text);
  const kept = [];
  for (const t of toks) {
    if (kept.length && SOURCE_STOP.has(t.w)) break;
    kept.push(t);
  }
  return kept.length ? kept[kept.length - 1].w : '(none)';
}

function sourceShape(text) {
  const trimmed = text.trim().replace(/^[“”"'‘’(]+/, '');
  const toks = tokens(trimmed);
  if (!toks.length) return 'other';
  const first = toks[0];
  if (toks.length === 1 && PRONOUNS.has(first.w)) return 'pronoun';
  if (/^(his|her|their|its|my|our|your)$/.test(first.w)) return 'possessive + noun';
  if (first.w === 'the')
    return toks.length > 1 && /^[A-Z]/.test(toks[1].raw)
      ? '"the" + Capitalized (The New York Times)'
      : '"the X" (the official, the report)';
  if (first.w === 'a' || first.w === 'an') return '"a/an X" (a senior official)';
  if (/^(some|many|several|most|few|other|others|two|three|four|five|more|both|all|various)$/.test(first.w))
    return 'quantifier + noun (some experts)';
  if (/^[A-Z]/.test(first.raw))
    return toks.length === 1 ? 'capitalized single word (Trump)' : 'capitalized multiword (Hillary Clinton, Fox News)';
  if (
    /^(officials?|sources?|experts?|critics?|analysts?|people|observers?|aides?|investigators?|witnesses?|residents?|researchers?|scientists?|economists?|reporters?)$/.test(
      first.w
    )
  )
    return 'bare plural/role noun (officials)';
  return 'other lowercase phrase';
}

function inAnySpan(tok, spans) {
  return spans.some(([s, e]) => tok.start < e && tok.end > s);
}

function counter() {
  const m = new Map();
  return {
    add(k, n = 1) {
      m.set(k, (m.get(k) ?? 0) + n);
    },
    get: (k) => m.get(k) ?? 0,
    top(n, filter = () => true) {
      return [...m.entries()]
        .filter(([k, v]) => filter(k, v))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, n);
    },
    entries: () => m.entries(),
    size: () => m.size
  };
}

// ---------------------------------------------------------------------------------------------
function studyPolnear() {
  if (!existsSync(polnearPath)) {
    console.log(`PolNeAR: skipped, ${polnearPath} not found.`);
    return;
  }
  const all = readJsonl(polnearPath);
  const train = all.filter((d) => d.split === 'train');
  for (const d of all) if (/[\uD800-\uDBFF]/.test(d.text)) throw new Error('astral characters: offsets need converting');
  const labels = counter();
  for (const d of train) labels.add(d.label);
  console.log('# PolNeAR train');
  console.log(
    `sentences ${train.length}: ` +
      labels
        .top(5)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
  );
  const att = labels.get('attributed');
  const none = labels.get('none');
  const p0 = att / (att + none);
  console.log(`baseline "every sentence attributed" (attributed vs none): P ${pct(p0)} R 100.0 F1 ${pct((2 * p0) / (1 + p0))}`);

  const vocab = new Set();
  for (const d of train) for (const t of tokens(d.text)) vocab.add(t.w);
  const lemma = makeLemmatizer(vocab);

  const cueTexts = counter();
  const cueHeads = counter();
  const tokInCue = counter(); // surface word inside a cue span
  const tokAll = counter(); // surface word anywhere
  const lemInCue = counter();
  const lemAll = counter();
  const sentWithWord = counter(); // sentences (attributed|none) containing the word
  const sentWithWordAtt = counter(); // ... of which labeled attributed
  const phraseCue = counter();
  const phraseAll = counter();
  const sourceHeads = counter();
  const shapes = counter();
  const cuesPerSentence = counter();
  const cueSourceOrder = counter();
  let cueCount = 0;
  let sourceCount = 0;
  let attributedNoSource = 0;

  for (const d of train) {
    const toks = tokens(d.text);
    cuesPerSentence.add(Math.min(d.cues.length, 4));
    const seen = new Set();
    for (const t of toks) {
      const l = lemma(t.w);
      tokAll.add(t.w);
      lemAll.add(l);
      if (inAnySpan(t, d.cues)) {
        tokInCue.add(t.w);
        lemInCue.add(l);
      }
      seen.add(l);
    }
    // two-word phrases that often act as one cue
    for (let i = 0; i + 1 < toks.length; i++) {
      const bg = toks[i].w + ' ' + toks[i + 1].w;
      phraseAll.add(bg);
      if (d.cues.some(([s, e]) => toks[i].start >= s && toks[i + 1].end <= e)) phraseCue.add(bg);
    }
    if (d.label !== 'attributed_elsewhere') {
      for (const l of seen) {
        sentWithWord.add(l);
        if (d.label === 'attributed') sentWithWordAtt.add(l);
      }
    }
    for (const [, , text] of d.cues) {
      cueCount++;
      cueTexts.add(text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim());
      cueHeads.add(headOfCue(text, lemma));
    }
    for (const [s, , text] of d.sources) {
      sourceCount++;
      sourceHeads.add(sourceHead(text));
      shapes.add(sourceShape(text));
      const cueAfter = d.cues.some(([cs]) => cs >= s);
      cueSourceOrder.add(cueAfter ? 'source before a cue' : 'source after every cue (inverted: "..., said X")');
    }
    if (d.label === 'attributed' && d.sources.length === 0) attributedNoSource++;
  }

  console.log(`cues ${cueCount}, sources ${sourceCount}; attributed sentences with no source span in the sentence: ${attributedNoSource}`);
  console.log(
    'cues per sentence: ' +
      cuesPerSentence
        .top(6)
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => `${k === 4 ? '4+' : k}: ${v}`)
        .join(', ')
  );

  console.log(`\n## Most frequent cue texts (lowercased), top ${TOP}`);
  console.log('share = share of all cues');
  for (const [k, v] of cueTexts.top(TOP)) console.log(`${lpad(v, 6)} ${pct(v / cueCount)}%  ${k}`);

  console.log(`\n## Cue head lemma (first word that is not an auxiliary or adverb), top ${TOP}`);
  console.log(
    'count: cues with this head; inCue/all: tokens of this lemma inside any cue / all tokens of the lemma (word precision as a cue);'
  );
  console.log('sentP: of the attributed|none sentences holding the lemma, share labeled attributed; cum: cumulative share of cues');
  let cum = 0;
  console.log(
    `${pad('lemma', 16)} ${lpad('count', 6)} ${lpad('inCue', 6)} ${lpad('all', 6)} ${lpad('prec%', 6)} ${lpad('sentP%', 6)} ${lpad('cum%', 6)}`
  );
  for (const [k, v] of cueHeads.top(TOP)) {
    cum += v;
    const key = k === 'according to' ? 'according' : k;
    console.log(
      `${pad(k, 16)} ${lpad(v, 6)} ${lpad(lemInCue.get(key), 6)} ${lpad(lemAll.get(key), 6)} ${lpad(pct(lemInCue.get(key) / lemAll.get(key)), 6)} ${lpad(pct(sentWithWordAtt.get(key) / sentWithWord.get(key)), 6)} ${lpad(pct(cum / cueCount), 6)}`
    );
  }

  console.log(`\n## Surface words most often inside a cue (token precision = inside cue / all occurrences), top ${TOP}`);
  for (const [k, v] of tokInCue.top(TOP))
    console.log(`${pad(k, 16)} ${lpad(v, 6)} / ${lpad(tokAll.get(k), 6)}  ${pct(v / tokAll.get(k))}%`);

  console.log(`\n## Two-word phrases inside one cue (count >= 15), by count`);
  for (const [k, v] of phraseCue.top(TOP, (k, v) => v >= 15))
    console.log(`${pad(k, 22)} ${lpad(v, 6)} / ${lpad(phraseAll.get(k), 6)}  ${pct(v / phraseAll.get(k))}%`);

  console.log(`\n## High-precision cue lemmas (>= 20 occurrences, token precision >= 50%), by precision`);
  const hp = [...lemInCue.entries()]
    .filter(([k, v]) => lemAll.get(k) >= 20 && v / lemAll.get(k) >= 0.5)
    .sort((a, b) => b[1] / lemAll.get(b[0]) - a[1] / lemAll.get(a[0]));
  console.log(hp.map(([k, v]) => `${k} ${v}/${lemAll.get(k)} (${pct(v / lemAll.get(k)).trim()}%)`).join('; '));

  console.log(`\n## Source shapes`);
  for (const [k, v] of shapes.top(20)) console.log(`${lpad(v, 6)} ${pct(v / sourceCount)}%  ${k}`);
  console.log(`\n## Source order`);
  for (const [k, v] of cueSourceOrder.top(5)) console.log(`${lpad(v, 6)} ${pct(v / sourceCount)}%  ${k}`);
  console.log(`\n## Source head words (last word before who/of/with/,...), top ${TOP}`);
  console.log(
    sourceHeads
      .top(TOP)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  );

  // A bag-of-cue-lemmas sentence classifier: how far does a word list get on attributed vs none?
  console.log('\n## Sentence-level: a sentence is "attributed" when it holds any lemma from the top-K cue heads (function words left out)');
  const heads = cueHeads
    .top(400)
    .map(([k]) => (k === 'according to' ? 'according' : k))
    .filter((k) => /^[a-z]/.test(k) && !FUNCTION_WORDS.has(k));
  const sents = train
    .filter((d) => d.label !== 'attributed_elsewhere')
    .map((d) => ({y: d.label === 'attributed', lem: new Set(tokens(d.text).map((t) => lemma(t.w))), quote: /[“”"]/.test(d.text)}));
  for (const K of [5, 10, 20, 40, 80, 150, 300]) {
    const lastK = heads.slice(Math.max(0, K - 5), K).join(' ');
    const set = new Set(heads.slice(0, K));
    let tp = 0,
      fp = 0,
      fn = 0;
    for (const s of sents) {
      const hit = [...s.lem].some((l) => set.has(l));
      if (hit && s.y) tp++;
      else if (hit) fp++;
      else if (s.y) fn++;
    }
    const P = tp / (tp + fp),
      R = tp / (tp + fn);
    console.log(`K=${lpad(K, 3)}  P ${pct(P)} R ${pct(R)} F1 ${pct((2 * P * R) / (P + R))}   (last added: ${lastK})`);
  }
  {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (const s of sents) {
      const hit = s.quote;
      if (hit && s.y) tp++;
      else if (hit) fp++;
      else if (s.y) fn++;
    }
    const P = tp / (tp + fp),
      R = tp / (tp + fn);
    console.log(`quotation mark alone: P ${pct(P)} R ${pct(R)} F1 ${pct((2 * P * R) / (P + R))}`);
  }

  // Greedy: which cue lemmas (and the quotation-mark feature) add most sentence-level F1? Chosen on sentences of
  // even-numbered documents, scored on odd-numbered ones.
  console.log('\n## Greedy cue-lemma set for sentence-level attributed vs none: chosen on even documents, scored on odd documents');
  {
    const docIndex = new Map();
    const sentsD = train
      .filter((d) => d.label !== 'attributed_elsewhere')
      .map((d) => {
        if (!docIndex.has(d.doc_id)) docIndex.set(d.doc_id, docIndex.size);
        return {
          y: d.label === 'attributed',
          half: docIndex.get(d.doc_id) % 2,
          lem: new Set([...tokens(d.text).map((t) => lemma(t.w)), ...(/[“”"]/.test(d.text) ? ['(quotation mark)'] : [])])
        };
      });
    const cands = ['(quotation mark)', ...heads.slice(0, 250)];
    const flags = sentsD.map(() => false);
    const sc = (fl, half) => {
      let tp = 0,
        fp = 0,
        fn = 0;
      sentsD.forEach((s, i) => {
        if (s.half !== half) return;
        if (fl[i] && s.y) tp++;
        else if (fl[i]) fp++;
        else if (s.y) fn++;
      });
      const P = tp / (tp + fp || 1),
        R = tp / (tp + fn || 1);
      return {P, R, F: P + R ? (2 * P * R) / (P + R) : 0};
    };
    const chosen = [];
    const line = [];
    const holders = new Map(cands.map((c) => [c, []]));
    sentsD.forEach((s, i) => {
      for (const l of s.lem) if (holders.has(l)) holders.get(l).push(i);
    });
    let tp0 = 0,
      fp0 = 0;
    const pos0 = sentsD.filter((s) => s.half === 0 && s.y).length;
    for (let step = 0; step < 120; step++) {
      const baseF = tp0 ? (2 * tp0) / (2 * tp0 + fp0 + (pos0 - tp0)) : 0;
      let best = null;
      for (const c of cands) {
        if (chosen.includes(c)) continue;
        let tp = tp0,
          fp = fp0;
        for (const i of holders.get(c)) if (!flags[i] && sentsD[i].half === 0) sentsD[i].y ? tp++ : fp++;
        const F = (2 * tp) / (2 * tp + fp + (pos0 - tp));
        if (F > baseF + 0.0002 && (!best || F > best.F)) best = {c, F, tp, fp};
      }
      if (!best) break;
      chosen.push(best.c);
      tp0 = best.tp;
      fp0 = best.fp;
      for (const i of holders.get(best.c)) flags[i] = true;
      const t = sc(flags, 1);
      line.push(`${best.c} (${pct(t.F).trim()})`);
      if ((step + 1) % 10 === 0 || step < 10) {
        console.log(`${lpad(step + 1, 3)} lemmas: held-out P ${pct(t.P)} R ${pct(t.R)} F1 ${pct(t.F)}`);
      }
    }
    const t = sc(flags, 1);
    console.log(`final ${chosen.length} lemmas: held-out P ${pct(t.P)} R ${pct(t.R)} F1 ${pct(t.F)}`);
    console.log('order chosen (held-out F1 after adding): ' + line.join(', '));
  }

  // Hedge candidates in news: how often does each sit inside an attributed content span (the source's word)?
  console.log("\n## Hedge/weasel candidates in news text: occurrences, share inside an annotated content span (source's words)");
  const hedges =
    'might may could possibly perhaps likely reportedly apparently allegedly some many several often various widely believed thought seems appears suggests suggest probably generally usually expected'.split(
      ' '
    );
  const hIn = counter(),
    hAll = counter();
  for (const d of train)
    for (const t of tokens(d.text))
      if (hedges.includes(t.w)) {
        hAll.add(t.w);
        if (inAnySpan(t, d.contents)) hIn.add(t.w);
      }
  console.log(hedges.map((h) => `${h} ${hAll.get(h)} (${pct(hIn.get(h) / hAll.get(h)).trim()}% in content)`).join('; '));
}

// ---------------------------------------------------------------------------------------------
const CANDIDATES = [
  ['might', /\bmight\b/i],
  ['may', /\bmay\b/], // lowercase only: "May" is a month
  ['may (any case)', /\bmay\b/i],
  ['could', /\bcould\b/i],
  ['possibly', /\bpossibl[ey]\b/i],
  ['possible', /\bpossible\b/i],
  ['perhaps', /\bperhaps\b/i],
  ['likely', /\blikely\b/i],
  ['unlikely', /\bunlikely\b/i],
  ['reportedly', /\breportedly\b/i],
  ['allegedly', /\ballegedly\b/i],
  ['apparently', /\bapparently\b/i],
  ['some', /\bsome\b/i],
  ['Some (sentence-initial)', /^(?:[^A-Za-z]*)Some\b/],
  ['many', /\bmany\b/i],
  ['several', /\bseveral\b/i],
  ['often', /\boften\b/i],
  ['various', /\bvarious\b/i],
  ['widely', /\bwidely\b/i],
  ['considered', /\bconsidered\b/i],
  ['believed', /\bbelieved?\b/i],
  ['thought', /\bthought\b/i],
  ['seems', /\bseem(?:s|ed)?\b/i],
  ['appears', /\bappear(?:s|ed)? to\b/i],
  ['suggests', /\bsuggest(?:s|ed)?\b/i],
  ['probably', /\bprobabl[ey]\b/i],
  ['generally', /\bgenerally\b/i],
  ['usually', /\busually\b/i],
  ['is said', /\b(?:is|are|was|were|been) said\b/i],
  ['it is', /\bit is\b/i],
  ['It is (sentence-initial)', /^(?:[^A-Za-z]*)It is\b/],
  [
    'it is + adj/participle + that|to',
    /\bit (?:is|was|has been) (?:\w+ )?(?:said|believed|thought|claimed|reported|rumou?red|alleged|argued|considered|known|suggested|speculated|estimated|assumed|expected|likely|possible|unclear|widely \w+|often \w+|generally \w+)\b/i
  ],
  ['one of the', /\bone of the\b/i],
  ['one of the + superlative/most', /\bone of the (?:most|best|largest|greatest|biggest|first|oldest|leading|\w+est)\b/i],
  ['some of', /\bsome of\b/i],
  ['many of', /\bmany of\b/i],
  ['experts', /\bexperts?\b/i],
  ['critics', /\bcritics?\b/i],
  ['has been', /\bha(?:s|ve) been\b/i],
  ['claims', /\bclaim(?:s|ed)?\b/i],
  [
    'some + plural people noun',
    /\bsome (?:people|critics|experts|scholars|historians|observers|fans|commentators|sources|researchers|analysts|authors|writers|believe|say|argue|consider|claim)\b/i
  ],
  [
    'many + plural people noun',
    /\bmany (?:people|critics|experts|scholars|historians|observers|fans|commentators|sources|researchers|analysts|authors|writers|believe|say|argue|consider|claim|consider)\b/i
  ],
  ['regarded/considered as|to be', /\b(?:regarded|considered|seen|viewed) (?:as|to be|by)\b/i],
  ['widely/generally/often + participle', /\b(?:widely|generally|often|commonly|usually|frequently) (?:\w+ed|known|seen|thought|held)\b/i],
  ['people (bare)', /\bpeople\b/i],
  ['according to', /\baccording to\b/i],
  ['notable/notably', /\bnotabl[ey]\b/i],
  ['most', /\bmost\b/i],
  ['best', /\bbest\b/i],
  ['famous/well-known', /\b(?:famous|well[- ]known|renowned|prominent|popular)\b/i],
  ['important', /\bimportant\b/i],
  ['significant', /\bsignificant(?:ly)?\b/i],
  ['somewhat', /\bsomewhat\b/i],
  ['tend/tends', /\btend(?:s|ed)?\b/i],
  ['indicate', /\bindicat(?:e|es|ed)\b/i],
  ['estimated', /\bestimated?\b/i],
  ['approximately/about/around', /\b(?:approximately|roughly|around|about)\b/i],
  ['would', /\bwould\b/i],
  ['can', /\bcan\b/i],
  ['should', /\bshould\b/i],
  ['suspected', /\bsuspect(?:ed)?\b/i],
  ['rumored', /\brumou?r(?:s|ed)?\b/i],
  ['speculat*', /\bspeculat\w*\b/i],
  ['argue*', /\bargu(?:e|es|ed|ably)\b/i],
  ['arguably', /\barguably\b/i],
  ['unclear', /\bunclear\b/i],
  ['largely/mostly', /\b(?:largely|mostly|mainly|primarily)\b/i],
  ['sometimes', /\bsometimes\b/i],
  ['numerous', /\bnumerous\b/i],
  ['a number of', /\ba number of\b/i],
  ['some say / believe', /\bsome (?:say|believe|argue|claim|consider|think|suggest)\b/i]
];

// Extra terms for the greedy union: weasel quantifiers and crowds, hedges, passive attributions, peacock words.
const CURATED = [
  'some',
  'many',
  'several',
  'numerous',
  'various',
  'others',
  'while others',
  'some have',
  'many have',
  'most people',
  'critics',
  'experts',
  'scholars',
  'historians',
  'scientists',
  'fans',
  'observers',
  'commentators',
  'analysts',
  'researchers',
  'people',
  'some people',
  'many people',
  'it is',
  'it has been',
  'has been',
  'have been',
  'is said',
  'are said',
  'is believed',
  'are believed',
  'is thought',
  'is considered',
  'are considered',
  'is regarded',
  'considered',
  'regarded',
  'believed',
  'thought to',
  'claimed',
  'claim that',
  'alleged',
  'allegedly',
  'reportedly',
  'reported',
  'supposedly',
  'presumably',
  'probably',
  'possibly',
  'perhaps',
  'arguably',
  'apparently',
  'seems',
  'seemed',
  'appears to',
  'appear to',
  'suggests',
  'suggested',
  'suggest',
  'likely',
  'unlikely',
  'may have',
  'might',
  'might have',
  'could have',
  'may',
  'generally',
  'usually',
  'often',
  'commonly',
  'widely',
  'largely',
  'mainly',
  'mostly',
  'typically',
  'famous',
  'finest',
  'greatest',
  'best known',
  'well known',
  'well-known',
  'notable',
  'notably',
  'influential',
  'popular',
  'renowned',
  'legendary',
  'prominent',
  'most notable',
  'most popular',
  'one of the most',
  'one of the best',
  'his most',
  'his best',
  'evidence',
  'theory',
  'whether',
  'speculated',
  'rumored',
  'controversial',
  'criticized',
  'criticism'
];

// The tiers proposed in eval/findings.md, scored as unions on the whole train file.
const TIERS = {
  "A (precise: flag in the writer's voice)": [
    /\bsome (?:people|critics|experts|scholars|historians|observers|fans|commentators|sources|researchers|analysts|authors|writers|believe|say|argue|claim|consider|think|suggest|have|other)\b/i,
    /^[^A-Za-z]*Some\b/,
    /\b(?:in|by|although|while) some\b/i,
    /\b(?:by|of) many\b/i,
    /\bmany (?:of|other)\b/i,
    /\bwhile others\b/i,
    /\bprobabl[ey]\b/i,
    /\bpossibly\b/i,
    /\bpresumably\b/i,
    /\bsupposedly\b/i,
    /\ballegedly\b/i,
    /\barguably\b/i,
    /\bperhaps\b/i,
    /\bspeculat\w*\b/i,
    /\bseems?\b|\bit seemed\b/i,
    /\bsuggest(?:s|ed)? that\b/i,
    /\b(?:has|have) been (?:suggested|widely|criticized)\b/i,
    /\b(?:is|are|was|were) (?:widely |generally |often |commonly )?(?:believed|thought|said|rumou?red|alleged|considered|regarded|reputed)\b/i,
    /\bit is (?:possible|believed|said|thought|claimed|argued|likely|unclear|known)\b/i,
    /\b(?:regarded|considered) (?:as|to be|by|the|one)\b/i,
    /\bconsidered to\b/i,
    /\bmost (?:notable|notably|popular|likely|famous)\b/i,
    /\bone of the (?:most|best|largest|greatest|biggest|finest|leading|\w+est)\b/i,
    /\b(?:his|her|their|its) (?:most|best|finest|greatest)\b/i,
    /\bfinest\b/i,
    /\bwell[- ]known\b|\bbest known\b/i
  ],
  'B (add: noisier crowd words)': [
    /\bsome\b(?! (?:\d|time|extent|sort))/i,
    /\bmany\b(?! (?:years|times|more))/i,
    /\bcritics\b/i,
    /\bexperts\b/i,
    /\bwidely\b/i,
    /\bconsidered\b/i,
    /\bthought to\b/i,
    /\bclaim(?:s|ed)? that\b/i,
    /\bmay have\b/i,
    /\bmight\b/i
  ],
  'C (add: frequent but weak; not proposed)': [/\bit is\b/i, /\bseveral\b/i, /\bgenerally\b/i, /\bha(?:s|ve) been\b/i, /\bfamous\b/i]
};

function scoreTiers(rows, U) {
  console.log('\n## Proposed tiers as cumulative unions, whole train file');
  const active = [];
  for (const [name, res] of Object.entries(TIERS)) {
    active.push(...res);
    let u = 0,
      c = 0;
    for (const r of rows) if (active.some((re) => re.test(r.text))) r.label === 'uncertain' ? u++ : c++;
    const P = u / (u + c),
      R = u / U;
    console.log(`${pad(name, 44)} flagged ${lpad(u + c, 5)}: P ${pct(P)} R ${pct(R)} F1 ${pct((2 * P * R) / (P + R))}`);
  }
}

function studyConll() {
  if (!existsSync(conllPath)) {
    console.log(`\nCoNLL-2010: skipped, ${conllPath} not found.`);
    return;
  }
  const rows = readJsonl(conllPath);
  const U = rows.filter((r) => r.label === 'uncertain').length;
  const C = rows.length - U;
  console.log(`\n# CoNLL-2010 Wikipedia train: ${rows.length} sentences, ${U} uncertain, ${C} certain`);
  const p0 = U / rows.length;
  console.log(`baseline "every sentence uncertain": P ${pct(p0)} R 100.0 F1 ${pct((2 * p0) / (1 + p0))}`);

  const uni = counter(),
    uniU = counter(),
    bi = counter(),
    biU = counter();
  for (const r of rows) {
    const toks = tokens(r.text).map((t) => t.w);
    const u = new Set(toks);
    const b = new Set();
    for (let i = 0; i + 1 < toks.length; i++) b.add(toks[i] + ' ' + toks[i + 1]);
    for (const w of u) {
      uni.add(w);
      if (r.label === 'uncertain') uniU.add(w);
    }
    for (const w of b) {
      bi.add(w);
      if (r.label === 'uncertain') biU.add(w);
    }
  }
  const table = (title, all, unc, minCount, minPrec, n) => {
    console.log(`\n## ${title}`);
    console.log(`${pad('term', 24)} ${lpad('unc', 5)} ${lpad('cert', 5)} ${lpad('prec%', 6)} ${lpad('rec%', 6)}`);
    const rowsOut = [...all.entries()]
      .filter(([k, v]) => v >= minCount && unc.get(k) / v >= minPrec)
      .sort((a, b) => unc.get(b[0]) - unc.get(a[0]))
      .slice(0, n);
    for (const [k, v] of rowsOut)
      console.log(
        `${pad(k, 24)} ${lpad(unc.get(k), 5)} ${lpad(v - unc.get(k), 5)} ${lpad(pct(unc.get(k) / v), 6)} ${lpad(pct(unc.get(k) / U), 6)}`
      );
  };
  table(
    `Words most predictive of uncertain (>= 10 sentences, precision >= 60%), by uncertain count (base rate ${pct(p0).trim()}%)`,
    uni,
    uniU,
    10,
    0.6,
    TOP
  );
  table('Bigrams most predictive of uncertain (>= 8 sentences, precision >= 65%), by uncertain count', bi, biU, 8, 0.65, TOP);

  console.log('\n## Candidate patterns: sentences matched, uncertain vs certain');
  console.log(
    `${pad('pattern', 36)} ${lpad('unc', 5)} ${lpad('cert', 5)} ${lpad('prec%', 6)} ${lpad('rec%', 6)}  certFire% (share of certain sentences it fires on)`
  );
  const fires = CANDIDATES.map(([name, re]) => {
    const hits = rows.map((r) => re.test(r.text));
    let u = 0,
      c = 0;
    hits.forEach((h, i) => {
      if (h) rows[i].label === 'uncertain' ? u++ : c++;
    });
    return {name, re, hits, u, c};
  });
  for (const f of [...fires].sort((a, b) => b.u / (b.u + b.c || 1) - a.u / (a.u + a.c || 1)))
    console.log(
      `${pad(f.name, 36)} ${lpad(f.u, 5)} ${lpad(f.c, 5)} ${lpad(pct(f.u / (f.u + f.c)), 6)} ${lpad(pct(f.u / U), 6)}  ${pct(f.c / C)}`
    );

  scoreTiers(rows, U);

  // The big, noisy weasel words: which following (or preceding) word makes them precise or harmless.
  console.log('\n## Context of the frequent weasel words: next word (>= 6 sentences), uncertain/certain counts');
  for (const word of [
    'some',
    'many',
    'several',
    'most',
    'it is',
    'has been',
    'have been',
    'generally',
    'considered',
    'may',
    'could',
    'often'
  ]) {
    const parts = word.split(' ');
    const next = counter(),
      nextU = counter(),
      prev = counter(),
      prevU = counter();
    rows.forEach((r) => {
      const t = tokens(r.text).map((x) => x.w);
      const nx = new Set(),
        pv = new Set();
      for (let i = 0; i + parts.length <= t.length; i++) {
        if (parts.every((p, j) => t[i + j] === p)) {
          const n = t[i + parts.length];
          nx.add(n === undefined ? '(end)' : /^\d/.test(n) ? '(number)' : n);
          pv.add(i === 0 ? '(start)' : t[i - 1]);
        }
      }
      for (const n of nx) {
        next.add(n);
        if (r.label === 'uncertain') nextU.add(n);
      }
      for (const n of pv) {
        prev.add(n);
        if (r.label === 'uncertain') prevU.add(n);
      }
    });
    const fmt = (all, u) =>
      all
        .top(14, (k, v) => v >= 6)
        .map(([k, v]) => `${k} ${u.get(k)}/${v - u.get(k)}`)
        .join(', ');
    console.log(`${word} -> next: ${fmt(next, nextU)}`);
    console.log(`${' '.repeat(word.length)}    prev: ${fmt(prev, prevU)}`);
  }

  // Greedy union of linguistically motivated terms (the candidates above plus a curated weasel/hedge/peacock list;
  // topic words mined from the data are left out because they do not carry over to news), chosen on even-numbered
  // sentences and reported on odd-numbered ones (an honest estimate of what a list tuned this way reaches).
  console.log(
    '\n## Greedy union of curated terms (flag a sentence when any chosen term matches): choose on even-numbered sentences, score on odd'
  );
  const termHits = new Map();
  for (const f of fires) termHits.set(f.name, f.hits);
  for (const term of CURATED) {
    const re = new RegExp('\\b' + term + '\\b', /[A-Z]/.test(term) ? '' : 'i');
    termHits.set(
      term,
      rows.map((r) => re.test(r.text))
    );
  }
  const y = rows.map((r) => r.label === 'uncertain');
  const score = (flags, parity) => {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = parity; i < rows.length; i += 2) {
      if (flags[i] && y[i]) tp++;
      else if (flags[i]) fp++;
      else if (y[i]) fn++;
    }
    const P = tp / (tp + fp || 1),
      R = tp / (tp + fn || 1);
    return {P, R, F: P + R ? (2 * P * R) / (P + R) : 0};
  };
  const flags = rows.map(() => false);
  const chosen = [];
  for (let step = 0; step < 45; step++) {
    let best = null;
    const base = score(flags, 0).F;
    for (const [k, h] of termHits) {
      if (chosen.includes(k)) continue;
      const f2 = flags.map((f, i) => f || h[i]);
      const s = score(f2, 0);
      if (s.F > base + 0.0005 && (!best || s.F > best.s.F)) best = {k, s};
    }
    if (!best) break;
    chosen.push(best.k);
    const h = termHits.get(best.k);
    for (let i = 0; i < flags.length; i++) flags[i] = flags[i] || h[i];
    const t = score(flags, 1);
    const hh = termHits.get(best.k);
    let u = 0,
      c = 0;
    hh.forEach((h, i) => {
      if (h) y[i] ? u++ : c++;
    });
    console.log(
      `${lpad(step + 1, 2)}. +${pad(best.k, 34)} (${lpad(u, 4)} unc/${lpad(c, 4)} cert) choose-half F1 ${pct(best.s.F)} | held-out P ${pct(t.P)} R ${pct(t.R)} F1 ${pct(t.F)}`
    );
  }
}

studyPolnear();
studyConll();
