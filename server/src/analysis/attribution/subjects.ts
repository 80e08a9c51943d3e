// Where a cue's subject is when it is not right before the verb: the sentence's opening subject, a
// definite noun phrase, a relative pronoun's head, a document heading the clause, a possessor.
import type {Lexicon} from '../lexicon';
import type {Sentence, Token} from '../nlp/tokens';
import type {SourceKind} from '../types';
import {CLAUSE_VERBS} from './clauses';
import type {CarriedContext} from './context';
import type {Subject} from './records';
import {BE_FORMS, classifySource, isDeterminer, isPreposition, type Span} from './sources';
import {isAdverbLike} from './verb-group';
import WORDS from '../lexicon/attribution.json';

/** A person as the subject: a personal name, or "he" / "she" (not "it", not an institution). */
export function personSubject(sentence: Sentence, source: Span, lexicon: Lexicon): boolean {
  if (source.to - source.from === 1 && /^(he|she)$/.test(sentence.norms[source.from])) return true;
  return classifySource(sentence, source, lexicon).kind === 'named';
}

/** "Some say", "many feared": not "the most telling", "are all expected", "one of the most". */
export function quantifierStandsAlone(tokens: Token[], q: number): boolean {
  const before = tokens[q - 1];
  if (!before || before.kind !== 'word') return true;
  return CLAUSE_OPENERS.has(before.norm);
}

/** Words after which a clause, and so a subject, begins ("while some argue", "what many thought"). */
const CLAUSE_OPENERS = new Set(WORDS.clauseOpeners.words);

/** A phrase cut before an auxiliary ("praise from Putin would not affect" -> "Putin"). */
export function untilVerb(norms: readonly string[], span: Span | null): Span | null {
  if (!span) return null;
  for (let k = span.from + 1; k < span.to; k++) if (CLAUSE_VERBS.has(norms[k]) || BE_FORMS.has(norms[k])) return {from: span.from, to: k};
  return span;
}

/** The word before a verb that is also a noun must end a plausible source: a name, a pronoun or a source noun. */
export function plausibleSubjectEnd(prev: Token, lexicon: Lexicon): boolean {
  if (prev.kind !== 'word') return true;
  if (prev.capitalized || lexicon.pronouns.has(prev.norm) || isAdverbLike(prev) || prev.norm === 'who' || prev.norm === 'which')
    return true;
  const head = prev.norm.replace(/'s$/, '');
  return (
    lexicon.anonymousHeads.has(head) ||
    lexicon.vagueHeads.has(head) ||
    lexicon.institutionHeads.has(head) ||
    lexicon.documentHeads.has(head) ||
    lexicon.personTitles.has(head)
  );
}

/**
 * The subject that opens a sentence, for a verb far from it ("Trump was defensive ..., saying"): after a
 * short opener ("Meanwhile,"), a pronoun or a capitalized name, resolved like any other source.
 */
export function openingSubject(sentence: Sentence, lexicon: Lexicon, lastSource: CarriedContext['lastSource']): Subject | null {
  const {tokens} = sentence;
  let from = 0;
  // "On Monday, the mayor ...", "However, she ...": a short opener before a comma is skipped; "Mr Ruiz
  // hit back, saying" has its subject before the comma.
  if (tokens[0] && (isPreposition(tokens[0].norm) || isAdverbLike(tokens[0]) || OPENERS.has(tokens[0].norm))) {
    for (let k = 1; k < Math.min(tokens.length, 5); k++) {
      if (tokens[k].norm === ',') {
        from = k + 1;
        break;
      }
    }
  }
  const first = tokens[from];
  if (!first || first.kind !== 'word') return null;
  if (lexicon.pronouns.has(first.norm) && !/^(it|his|her|their)$/.test(first.norm)) {
    if (!lastSource) return {span: {from, to: from + 1}, kind: 'named', resolved: null};
    return {span: {from, to: from + 1}, kind: lastSource.kind, resolved: lastSource.text};
  }
  // "He's comparing ... and says": the pronoun with its auxiliary attached.
  const bare = first.norm.replace(/'(s|d|ll|ve|re)$/, '');
  if (bare !== first.norm && lexicon.pronouns.has(bare) && !/^(it|his|her|their)$/.test(bare)) {
    if (!lastSource) return {span: {from, to: from + 1}, kind: 'named', resolved: null};
    return {span: {from, to: from + 1}, kind: lastSource.kind, resolved: lastSource.text};
  }
  // "Mr Ruiz began his testimony, telling", "President Putin ..., saying": a title and a name.
  if (first.capitalized && lexicon.personTitles.has(first.norm) && tokens[from + 1]?.kind === 'word' && tokens[from + 1].capitalized) {
    let to = from + 1;
    while (to < tokens.length && tokens[to].capitalized && tokens[to].kind === 'word') to++;
    const reading = classifySource(sentence, {from, to}, lexicon);
    if (reading.kind === 'named' || reading.kind === 'institutional') return {span: {from, to}, kind: reading.kind, resolved: null};
  }
  if (OPENING_DETERMINERS.has(first.norm) || (first.capitalized && lexicon.knownWords.has(first.norm)))
    return definiteOpening(sentence, from, lexicon);
  if (!first.capitalized || isDeterminer(first.norm) || lexicon.knownWords.has(first.norm)) return null;
  let to = from + 1;
  while (to < tokens.length && tokens[to].capitalized && tokens[to].kind === 'word') to++;
  const reading = classifySource(sentence, {from, to}, lexicon);
  if (reading.kind !== 'named' && reading.kind !== 'institutional' && reading.kind !== 'media') return null;
  return {span: {from, to}, kind: reading.kind, resolved: null};
}

/** Words that open a sentence before a comma without being its subject ("However, ...", "Last week, ..."). */
const OPENERS = new Set(WORDS.openers.words);

/** Words that open a subject noun phrase ("The ..., saying", "His chief aide ..., saying", "Other Republicans"). */
const OPENING_DETERMINERS = new Set(WORDS.openingDeterminers.words);

/**
 * Besides the lexicon's document heads, nouns of a finding body or a reading of data that head a long
 * subject ("an arbitration panel in 2001 found", "The Real Clear Politics average ... shows").
 */
const FINDING_BODIES = new Set(WORDS.findingBodies.words);

const CLAUSE_STARTS = new Set(WORDS.clauseStarts.words);

/**
 * The subject of a document verb whose clause opens with a finding noun: the first noun of the clause
 * (after its determiners, numbers and modifiers) is a study, analysis, average, panel, ... The span
 * runs from the clause start to that noun.
 */
export function documentSubject(sentence: Sentence, verb: number, lexicon: Lexicon): Span | null {
  const {tokens, norms} = sentence;
  if (verb < 1) return null;
  let from = verb - 1;
  while (from > 0 && verb - from < 30 && !CLAUSE_STARTS.has(norms[from - 1])) from--;
  if (verb - from >= 30) return null;
  // A verb of its own before the cue means another clause ("Tory sources say senior party figures had").
  const verbLike = (k: number) =>
    BE_FORMS.has(norms[k]) ||
    CLAUSE_VERBS.has(norms[k]) ||
    (!tokens[k].capitalized && (/ed$/.test(norms[k]) || lexicon.speechVerbs.has(norms[k]) || lexicon.cognitionVerbs.has(norms[k])));
  for (let k = from; k < verb && k - from < 6; k++) {
    if (tokens[k].kind !== 'word') return null;
    if (lexicon.documentHeads.has(norms[k]) || FINDING_BODIES.has(norms[k])) {
      // "figures from the Council of Mortgage Lenders", "research conducted by the Center": the phrase
      // that names who made it belongs to the source, when no other verb stands in it.
      if (!(isPreposition(norms[k + 1] ?? '') || norms[k + 2] === 'by')) return {from, to: k + 1};
      for (let j = k + 1; j < verb; j++) if (verbLike(j) && !(j === k + 1 && norms[k + 2] === 'by')) return {from, to: k + 1};
      return {from, to: verb};
    }
    if (isPreposition(norms[k]) || /^(that|which|who)$/.test(norms[k]) || verbLike(k)) return null;
  }
  return null;
}

/** Common irregular past tenses, which end a subject as "-ed" does ("The bank gave no details, but said"). */
const IRREGULAR_PAST = new Set(WORDS.irregularPast.words);

/**
 * "The New York businessman has praised Putin, saying": a definite noun phrase opening the sentence,
 * ended by its verb (an auxiliary, a reporting verb or a past form). A phrase that runs into a
 * preposition or punctuation is not taken: no tagger says where it ends.
 */
function definiteOpening(sentence: Sentence, from: number, lexicon: Lexicon): Subject | null {
  const {tokens} = sentence;
  let to = from + 1;
  while (to < tokens.length && to - from < 6) {
    const token = tokens[to];
    if (token.kind !== 'word') return null;
    const norm = token.norm;
    if (BE_FORMS.has(norm) || isAdverbLike(token)) break;
    if (
      !token.capitalized &&
      (lexicon.speechVerbs.has(norm) ||
        lexicon.stanceVerbs.has(norm) ||
        lexicon.cognitionVerbs.has(norm) ||
        /ed$/.test(norm) ||
        IRREGULAR_PAST.has(norm))
    )
      break;
    if (isPreposition(norm) || isDeterminer(norm) || lexicon.pronouns.has(norm) || /^(and|or|but|that|which|who)$/.test(norm)) return null;
    to++;
  }
  if (to - from < 2 || to >= tokens.length || to - from >= 6) return null;
  const reading = classifySource(sentence, {from, to}, lexicon);
  const kind: SourceKind = reading.kind === 'unknown' || reading.kind === 'pronoun' ? 'named' : reading.kind;
  return {span: {from, to}, kind, resolved: null};
}

/**
 * A subject never reaches back over another reporting verb: "The latest speculation suggests the
 * prime minister favours" makes "the prime minister" the subject of "favours", "..., saying members
 * preferred" makes it "members".
 */
export function trimAtVerb(sentence: Sentence, span: Span | null, lexicon: Lexicon): Span | null {
  if (!span) return null;
  for (let k = span.to - 2; k >= span.from; k--) {
    const token = sentence.tokens[k];
    if (token.kind !== 'word' || token.capitalized) continue;
    const norm = token.norm;
    if (
      lexicon.speechVerbs.has(norm) ||
      lexicon.cognitionVerbs.has(norm) ||
      lexicon.stanceVerbs.has(norm) ||
      lexicon.documentVerbs.has(norm)
    ) {
      // "the alleged spammers", "a reported attack": a participle or noun inside the phrase.
      const before = sentence.tokens[k - 1];
      if (
        k > span.from &&
        before.kind === 'word' &&
        (isDeterminer(before.norm) || isPreposition(before.norm) || before.norm.endsWith("'s"))
      )
        continue;
      // "A witness, who did not want to be named, said": the verb is inside the subject's relative clause.
      if (sentence.norms.slice(span.from, k).some((word) => word === 'who' || word === 'whose' || word === 'which')) continue;
      // "E Hayot, writing in Print Culture, said": an appositive participle.
      if (before?.norm === ',' && norm.endsWith('ing')) continue;
      // "Mr Kruger was quoted in the Guardian saying": what is left is no subject; keep the whole phrase.
      if (isPreposition(sentence.tokens[k + 1].norm)) return span;
      return {from: k + 1, to: span.to};
    }
  }
  return span;
}

/**
 * The noun phrase a relative pronoun at `who` stands for: "objections from Ted Cruz, who said" -> "Ted Cruz", "the 30
 * percent of voters who said" -> "voters", "some senior officers who fear" -> "some senior officers".
 * Walking back stops at a determiner (kept) or at a word that cannot be inside the phrase.
 */
export function relativeHead(sentence: Sentence, who: number, lexicon: Lexicon): Span | null {
  const {tokens} = sentence;
  const end = tokens[who - 1]?.norm === ',' ? who - 2 : who - 1;
  let from = end + 1;
  while (from - 1 >= 0 && end - from < 5) {
    const token = tokens[from - 1];
    if (token.kind !== 'word') break;
    const norm = token.norm;
    if (isDeterminer(norm) || lexicon.vagueModifiers.has(norm)) {
      from--;
      break;
    }
    if (
      isPreposition(norm) ||
      BE_FORMS.has(norm) ||
      isAdverbLike(token) ||
      lexicon.pronouns.has(norm) ||
      /^(and|or|but|that|than|as|if|when|while|because)$/.test(norm)
    )
      break;
    if (
      !token.capitalized &&
      (lexicon.speechVerbs.has(norm) || lexicon.cognitionVerbs.has(norm) || lexicon.stanceVerbs.has(norm) || /(ing|ed)$/.test(norm))
    )
      break;
    from--;
  }
  // "an article the other day which suggested": a time is no source.
  if (from > end || /^(day|days|week|weeks|month|months|year|years|time|night|morning|evening)$/.test(tokens[end].norm)) return null;
  return {from, to: end + 1};
}

/** The owner before a noun: "his" in "his claim", "Trump's" or "the ministry's" in "Trump's claim". */
export function possessorBefore(sentence: Sentence, noun: number, _lexicon: Lexicon): Span | null {
  const {tokens} = sentence;
  const prev = tokens[noun - 1];
  if (!prev || prev.kind !== 'word') return null;
  if (/^(his|her|their|its)$/.test(prev.norm)) return {from: noun - 1, to: noun};
  if (!prev.norm.endsWith("'s")) return null;
  // The name that owns it: a run of capitalized words, with "the" before a body ("the ministry's").
  let from = noun - 1;
  while (
    from > 0 &&
    noun - from < 5 &&
    tokens[from - 1].kind === 'word' &&
    (tokens[from - 1].capitalized || tokens[from - 1].norm === 'the')
  ) {
    from--;
    if (tokens[from].norm === 'the') break;
  }
  if (!prev.capitalized && from === noun - 1 && noun >= 2 && tokens[noun - 2].norm === 'the') from = noun - 2;
  return {from, to: noun};
}

/** A crowd of people with views ("critics", "many"); bare "people" is everybody and nobody. */
export function isCrowdHead(norm: string, lexicon: Lexicon): boolean {
  return lexicon.vagueHeads.has(norm) && norm !== 'people';
}

/** Index of the last word of a span's core ("critics" in "Most of the critics", "Some" in "Some"). */
export function lastWordOf(sentence: Sentence, span: Span): number {
  let end = span.to;
  for (let k = span.from + 1; k < span.to; k++) {
    if (isPreposition(sentence.tokens[k].norm) && sentence.tokens[k].norm !== 'of') {
      end = k;
      break;
    }
  }
  for (let k = end - 1; k >= span.from; k--) if (sentence.tokens[k].kind === 'word') return k;
  return span.from;
}

export function firstVerbGuess(sentence: Sentence, phraseFrom: number): number {
  // "The ministry, in a statement, condemned ...": the subject ends at the comma before the phrase.
  return phraseFrom > 0 && sentence.tokens[phraseFrom - 1].norm === ',' ? phraseFrom - 1 : phraseFrom;
}
