// What each attribution covers: its content span in the sentence (cut where another source takes the
// floor or a fronted clause ends), the sentence after a colon, and the quotations it speaks.
import type {Lexicon} from '../lexicon';
import {isQuoteMark, type Sentence, type Token} from '../nlp/tokens';
import {firstAtOrAfter} from '../sorted';
import type {LocalAttribution, QuoteInfo} from './model';
import {ParagraphIndex, tokenAt} from './quotes';
import {holdsVerb, TIME_WORDS} from './clauses';
import {isDeterminer, isPreposition, type Span, SUBORDINATORS} from './sources';
import WORDS from '../lexicon/attribution.json';

/**
 * Which attribution covers each token. Ranges are filled through "next unfilled" pointers, so a
 * sentence with thousands of cues costs no more than its length.
 */
export function computeCoverage(
  index: ParagraphIndex,
  attributions: LocalAttribution[],
  quotes: QuoteInfo[],
  lexicon: Lexicon
): (LocalAttribution | null)[][] {
  const {sentences} = index;
  const coverage = sentences.map((sentence) => new Array<LocalAttribution | null>(sentence.tokens.length).fill(null));
  // Int32Array.from with a mapping function goes through V8's slow generic path: fill by hand.
  const nextFree = sentences.map((sentence) => {
    const next = new Int32Array(sentence.tokens.length + 1);
    for (let i = 0; i < next.length; i++) next[i] = i;
    return next;
  });
  const find = (s: number, i: number): number => {
    const next = nextFree[s];
    let root = i;
    while (next[root] !== root) root = next[root];
    while (next[i] !== root) {
      const up = next[i];
      next[i] = root;
      i = up;
    }
    return root;
  };
  const fill = (s: number, from: number, to: number, attribution: LocalAttribution | null) => {
    for (let i = find(s, from); i < to; i = find(s, i + 1)) {
      coverage[s][i] = attribution;
      nextFree[s][i] = i + 1;
    }
  };
  const wordsFrom = sentences.map((sentence) => {
    const counts = new Int32Array(sentence.tokens.length + 1);
    for (let i = sentence.tokens.length - 1; i >= 0; i--) counts[i] = counts[i + 1] + (sentence.tokens[i].kind === 'word' ? 1 : 0);
    return counts;
  });
  const colonCovered = new Set<number>();
  const handover = speakerHandovers(sentences, attributions);
  for (const attribution of attributions) {
    const s = attribution.sentence;
    const tokens = sentences[s].tokens;
    const cueEnd = Math.max(
      attribution.cue.to,
      attribution.source && attribution.source.from >= attribution.cue.from ? attribution.source.to : 0
    );
    const cueStart = Math.min(
      attribution.cue.from,
      attribution.source && attribution.source.from < attribution.cue.from ? attribution.source.from : Infinity
    );
    const after = skipAudience(tokens, cueEnd, attribution, lexicon);
    // "The trend will continue, according to CEA analysts, with sales rising": a mid-sentence "according
    // to" vouches for the clause before it, whatever trails after, or whatever the writer sets against it.
    const vouchesBefore =
      tokens[attribution.cue.from].norm === 'according' &&
      cueStart > 2 &&
      tokens[cueStart - 1].norm === ',' &&
      tokens[cueEnd]?.norm === ',' &&
      (TRAILING_PHRASES.has(tokens[cueEnd + 1]?.norm ?? '') || CONTRASTS.has(tokens[cueEnd + 1]?.norm ?? ''));
    const content: Span = vouchesBefore
      ? {from: 0, to: cueStart}
      : wordsFrom[s][Math.min(after, tokens.length)] >= 2
        ? {from: after, to: tokens.length}
        : wordsFrom[s][Math.min(cueEnd, tokens.length)] >= 2
          ? {from: cueEnd, to: tokens.length}
          : {from: 0, to: cueStart};
    // "The minister said the plan would work, but analysts said it might fail": the content stops
    // where a coordinated clause gives the floor to another source.
    if (content.from >= cueEnd) {
      // ("As of the latest reports, ...": a cue that is itself the fronted phrase reports what follows it.)
      const fronted = attribution.cue.from > 0 ? frontedClauseEnd(tokens, content, wordsFrom[s]) : content.to;
      content.to = Math.min(content.to, handover.next(s, content), fronted);
      // "Growth will slow, Mr Mendis told reporters, although he would not say by how much": when another
      // source takes the floor at once, the cue trails the clause before it and speaks for that; so when
      // only a time or a place follows ("..., Mr Brown said on Thursday.", "..., she told a news conference").
      const after = wordsFrom[s][content.from] - wordsFrom[s][content.to];
      const trailing =
        after < 2 ||
        (!attribution.stance && tokens[cueStart - 1]?.norm === ',' && onlyCircumstance(sentences[s], content, after)) ||
        participleAfterTag(tokens, cueStart, content, lexicon);
      if (trailing && wordsFrom[s][0] - wordsFrom[s][cueStart] >= 2) {
        content.from = 0;
        content.to = cueStart;
      }
    }
    if (content.to > content.from) {
      attribution.content = content;
      fill(s, content.from, content.to, attribution);
    }
    // "That might, he suggests, lead to a hung parliament": a cue set off by commas inside a clause
    // speaks the words on both sides of it. Stances are left out: "the French Open champion," reads as one.
    const before = content.from >= cueEnd && !attribution.stance ? parentheticalStart(tokens, cueStart, cueEnd) : -1;
    if (before >= 0) {
      fill(s, before, cueStart, attribution);
      attribution.content = {from: before, to: Math.max(content.to, cueStart)};
    } else if (content.from >= cueEnd && !attribution.stance && frontedCondition(tokens, cueStart)) {
      // "If he could go back in time, prosecutors say that he told an agent ...": the condition is part
      // of what the source reports.
      fill(s, 0, cueStart, attribution);
      attribution.content = {from: 0, to: content.to};
    }
    // "She said:" covers the next sentence too.
    if (tokens[tokens.length - 1].norm === ':' && sentences[s + 1] && !colonCovered.has(s + 1)) {
      colonCovered.add(s + 1);
      coverage[s + 1].fill(attribution);
      nextFree[s + 1].fill(sentences[s + 1].tokens.length);
    }
  }
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    for (let s = Math.max(0, index.sentenceAt(quote.start)); s < sentences.length && sentences[s].start < quote.end; s++) {
      const tokens = sentences[s].tokens;
      let t = tokenAt(sentences[s], quote.start);
      while (t < tokens.length && tokens[t].end <= quote.end) {
        const free = find(s, t);
        if (free >= tokens.length || tokens[free].end > quote.end) break;
        coverage[s][free] = quote.attribution;
        nextFree[s][free] = free + 1;
        t = free + 1;
      }
    }
  }
  return coverage;
}

const TELL_VERBS = new Set(WORDS.tellVerbs.words);

const OBJECT_PRONOUNS = new Set(WORDS.objectPronouns.words);

/** Words that open a trailing phrase, not a clause of its own, after "..., according to X," */
const TRAILING_PHRASES = new Set(WORDS.trailingPhrases.words);

const CLAUSE_COORDINATORS = new Set(WORDS.clauseCoordinators.words);

/**
 * The coordinators that set a clause against the one before ("..., according to Intervoice, but ..."):
 * all of them but "and".
 */
export const CONTRASTS: ReadonlySet<string> = new Set([...CLAUSE_COORDINATORS].filter((word) => word !== 'and'));

/** A short phrase of time or place and nothing more: "on Thursday", "last week", "in a statement". */
function onlyCircumstance(sentence: Sentence, content: Span, words: number): boolean {
  const {tokens, norms} = sentence;
  if (words > 4 || content.to < tokens.length - 1) return false;
  const first = tokens[content.from];
  // Not "to" (a purpose or an infinitive), "by" (a passive's agent) or "of".
  if (!first || /^(to|by|of)$/.test(first.norm)) return false;
  if (!(isPreposition(first.norm) || TIME_WORDS.has(first.norm) || /^(last|this|next|earlier|later)$/.test(first.norm))) return false;
  return !holdsVerb(norms, content);
}

/**
 * '"...," Christie added, referencing a job he is widely believed to want': after a quotation's tag, a
 * participle set off by a comma tells what the speaker did, in the writer's words. What the tag speaks
 * for is the quotation; a participle that speaks ("adding that") is a cue of its own.
 */
function participleAfterTag(tokens: Token[], cueStart: number, content: Span, lexicon: Lexicon): boolean {
  const closing = tokens[cueStart - 1];
  if (!closing || !isQuoteMark(closing) || tokens[cueStart - 2]?.norm !== ',') return false;
  // A time or place may stand between ("Clinton tweeted on Wednesday, linking to ...").
  let comma = content.from;
  while (comma < content.to && comma < content.from + 4 && tokens[comma].kind === 'word') comma++;
  const participle = tokens[comma + 1];
  if (tokens[comma]?.norm !== ',' || participle?.kind !== 'word' || !participle.norm.endsWith('ing')) return false;
  // Still the speaker's words or stand: "adding that", "dismissing suggestions that", "describing it as".
  const norm = participle.norm;
  return !(
    SUBJECT_PARTICIPLES.has(norm) ||
    lexicon.speechVerbs.has(norm) ||
    lexicon.stanceVerbs.has(norm) ||
    lexicon.cognitionVerbs.has(norm) ||
    NAMING_OR_ANSWERING.test(norm)
  );
}

/** The participles a comma's participle cue speaks with (cues/participles.ts reads the same list). */
const SUBJECT_PARTICIPLES = new Set(WORDS.subjectParticiples.words);

/** Participles that name what was said or answer it, held by neither list: "branding it a farce", "replying that". */
const NAMING_OR_ANSWERING = /^(labelling|labeling|branding|dubbing|replying|responding)$/;

/**
 * Where the clause around a speech cue set off by commas starts, or -1 when the cue is not such an
 * aside: "The plan, she said, would fail", "That might, he suggests, lead to", "The figure, said Mr Lee,
 * was too high". The clause starts after the last ", and" / ", but" (or semicolon, colon) before the cue:
 * "Costs will be vast and, according to some predictions, balloon" speaks only for "balloon". Not a cue
 * that closes one clause before another opens ("Prices rose, he said, but wages fell"), nor one with its
 * own "that" ("..., he said, that ...").
 */
function parentheticalStart(tokens: Token[], cueStart: number, cueEnd: number): number {
  if (cueStart < 2 || tokens[cueStart - 1].norm !== ',' || tokens[cueEnd]?.norm !== ',' || cueEnd - cueStart > 7) return -1;
  const next = tokens[cueEnd + 1];
  if (!next || next.kind !== 'word' || CLAUSE_COORDINATORS.has(next.norm) || SUBORDINATORS.has(next.norm) || next.norm === 'that')
    return -1;
  // "... and, according to some predictions, balloon": the aside opens the second clause.
  if (CLAUSE_COORDINATORS.has(tokens[cueStart - 2].norm)) return -1;
  let start = cueStart - 1;
  while (start > 0 && !opensClause(tokens, start - 1)) start--;
  return start < cueStart - 1 ? start : -1;
}

/**
 * A condition opening the sentence ("If ...," / "Unless ...,") whose only mark is the comma before the
 * source at `cueStart`, and short (60 tokens at most: a scan per cue must not grow with the sentence).
 */
function frontedCondition(tokens: Token[], cueStart: number): boolean {
  if (cueStart < 3 || cueStart > 60 || tokens[cueStart - 1].norm !== ',' || !/^(if|unless)$/.test(tokens[0].norm)) return false;
  for (let k = 1; k < cueStart - 1; k++) if (tokens[k].kind === 'punct') return false;
  return true;
}

/** A semicolon or colon, or a coordinator that follows a comma or opens the sentence ("and, he said, ..."). */
function opensClause(tokens: Token[], k: number): boolean {
  const norm = tokens[k].norm;
  if (norm === ';' || norm === ':') return true;
  return CLAUSE_COORDINATORS.has(norm) && (k === 0 || tokens[k - 1].norm === ',');
}

/**
 * "Although the company's statement said it would stay, observers said ...": a cue in a clause that
 * opens the sentence with a subordinator reports only up to the comma that closes that clause.
 */
function frontedClauseEnd(tokens: Token[], content: Span, wordsFrom: Int32Array): number {
  if (!SUBORDINATORS.has(tokens[0]?.norm ?? '')) return content.to;
  // The first mark that ends the fronted clause; the cue must sit before it ("As a result, says the
  // committee, ..." has its cue after it).
  let mark = 1;
  while (mark < tokens.length && (tokens[mark].kind !== 'punct' || tokens[mark].norm === '-' || tokens[mark].norm === "'")) mark++;
  if (mark < content.from || mark >= content.to || tokens[mark].norm !== ',') return content.to;
  return wordsFrom[mark + 1] >= 3 ? mark : content.to;
}

/**
 * Where a clause opens with "but" / "while" / "and" (with or without a comma) or a semicolon, and then
 * the source of another attribution of the same sentence: that clause is the other source's. `next`
 * gives, for a content span, the first such place inside it (or the span's end). A comma alone is not
 * enough: "argued that since it had a US subsidiary, the court could declare it bankrupt" is still the
 * arguer's. Built once per paragraph, so a sentence with thousands of cues stays linear.
 */
function speakerHandovers(sentences: Sentence[], attributions: LocalAttribution[]): {next: (s: number, content: Span) => number} {
  const bySentence = new Map<number, {start: number; cut: number}[]>();
  for (const other of attributions) {
    if (!other.source || other.stance) continue;
    const tokens = sentences[other.sentence].tokens;
    const start = other.source.from;
    if (start < 2 || other.cue.from < start) continue;
    // "..., but accepted many experts said": a second verb of the first source, with its object.
    if (/ed$/.test(tokens[start].norm) && !tokens[start].capitalized && isDeterminer(tokens[start + 1]?.norm ?? '')) continue;
    const coordinator = start - 1;
    const punctuated = tokens[coordinator - 1]?.norm === ',' || tokens[coordinator - 1]?.norm === ';';
    let cut = -1;
    // Without a comma, "and" after a name joins two subjects ("Mr Lilliu and other union bosses shouted").
    if (
      CLAUSE_COORDINATORS.has(tokens[coordinator].norm) &&
      (punctuated || tokens[coordinator].norm !== 'and' || !tokens[coordinator - 1]?.capitalized)
    )
      cut = punctuated ? coordinator - 1 : coordinator;
    else if (tokens[coordinator].norm === ';') cut = coordinator;
    if (cut < 0) continue;
    let list = bySentence.get(other.sentence);
    if (!list) bySentence.set(other.sentence, (list = []));
    list.push({start, cut});
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  return {
    next(s, content) {
      const list = bySentence.get(s);
      if (!list) return content.to;
      const first = list[firstAtOrAfter(list, content.from + 2, (item) => item.start)];
      return first && first.start < content.to ? first.cut : content.to;
    }
  };
}

/**
 * Where the content of "told X ..." starts: after whom the speaker told ("told reporters the talks had
 * stalled" reports "the talks had stalled"). The audience is an object pronoun, a name ("told Reuters",
 * "told The Associated Press") or a short phrase ending in a listed audience noun ("told a news
 * conference"). Any other cue, or no audience, leaves `at` as it is.
 */
function skipAudience(tokens: Token[], at: number, attribution: LocalAttribution, lexicon: Lexicon): number {
  const verb = tokens[attribution.cue.to - 1];
  if (!verb || !TELL_VERBS.has(verb.norm) || at !== attribution.cue.to) return at;
  const first = tokens[at];
  if (!first || first.kind !== 'word') return at;
  if (OBJECT_PRONOUNS.has(first.norm)) return at + 1;
  if (first.capitalized) {
    let end = at;
    while (end < tokens.length && end - at < 4 && tokens[end].kind === 'word' && tokens[end].capitalized) end++;
    // A lower-case word must follow: the name ends where the reported words start.
    return tokens[end]?.kind === 'word' && !tokens[end].capitalized ? end : at;
  }
  let k = isDeterminer(first.norm) ? at + 1 : at;
  for (const limit = k + 3; k < tokens.length && k < limit && tokens[k].kind === 'word'; k++) {
    if (lexicon.tellAudiences.has(tokens[k].norm)) return k + 1;
  }
  return at;
}
