// Clause shapes around a verb: finite verbs, times between a verb and its subject or object, parentheticals,
// labels and objects that complete a verb ("urged Congress to act").
import {isQuoteMark, type Token} from '../nlp/tokens';
import {BE_FORMS, isPreposition, type Span, WEEKDAYS} from './sources';
import {isAdverbLike, pastVerbGroup} from './verb-group';
import WORDS from '../lexicon/attribution.json';

/** A phrase with a finite verb in it is a clause, not a subject ("the retailer is debt free"). */
export function holdsVerb(norms: readonly string[], span: Span): boolean {
  for (let k = span.from; k < span.to; k++) if (BE_FORMS.has(norms[k]) || CLAUSE_VERBS.has(norms[k])) return true;
  return false;
}

/** The phrase ends the sentence or its clause: a stop, a comma, a dash or a relative pronoun follows. */
export function endsClause(tokens: Token[], to: number): boolean {
  const next = tokens[to];
  return next === undefined || /^([.!?,;:\u2014\u2013-]|who|which)$/.test(next.norm) || isQuoteMark(next);
}

/** Auxiliaries and copulas that show a clause after "found" ("found the council had failed"). */
export const CLAUSE_VERBS = new Set(WORDS.clauseVerbs.words);

export const TIME_WORDS = new Set([...WEEKDAYS, ...WORDS.timeWords.words]);

/** "saying that", "saying:", "saying it would", "saying the law helped": words follow, not "saying goodbye". */
export function saysWhat(tokens: Token[], verb: number): boolean {
  const next = tokens[verb + 1];
  if (!next) return false;
  if (next.norm === 'that' || next.norm === ':' || next.norm === ',' || isQuoteMark(next)) return true;
  if (next.kind !== 'word' || isPreposition(next.norm)) return false;
  // A clause: a subject and its verb within a few words ("saying the law helped", "saying it would").
  for (let k = verb + 2; k < tokens.length && k <= verb + 5; k++) {
    const token = tokens[k];
    if (token.kind !== 'word' || isPreposition(token.norm)) return false;
    if (CLAUSE_VERBS.has(token.norm) || BE_FORMS.has(token.norm) || /ed$/.test(token.norm)) return true;
  }
  return false;
}

const TIME_DEICTICS = new Set(WORDS.timeDeictics.words);

const TIME_UNITS = new Set(WORDS.timeUnits.words);

const TIME_ADVERBS = new Set(WORDS.timeAdverbs.words);

/** How many words at `at` make a time ("Friday", "this month", "last week", "recently"): 0, 1 or 2. */
export function timeAfter(norms: readonly string[], at: number): number {
  const word = norms[at] ?? '';
  if (TIME_WORDS.has(word) || TIME_ADVERBS.has(word)) return 1;
  if (TIME_DEICTICS.has(word) && (TIME_UNITS.has(norms[at + 1] ?? '') || TIME_WORDS.has(norms[at + 1] ?? ''))) return 2;
  return 0;
}

/** Where the subject ends before a verb at `verb`, past a time that stands between them ("on Saturday", "last week", "yesterday"). */
export function timeBefore(norms: readonly string[], verb: number): number {
  const word = norms[verb - 1] ?? '';
  if (norms[verb - 2] === 'on' && WEEKDAYS.has(word)) return verb - 2;
  if (/^(yesterday|today|tonight)$/.test(word)) return verb - 1;
  if (TIME_DEICTICS.has(norms[verb - 2] ?? '') && TIME_UNITS.has(word)) return verb - 2;
  return verb;
}

/** "These employees, Stumpf explained earlier in the hearing, were well paid": a cue set off by commas. */
export function isParenthetical(tokens: Token[], verb: number): boolean {
  let before = verb - 1;
  while (before > 0 && verb - before <= 4 && tokens[before].kind === 'word') before--;
  if (before <= 0 || tokens[before].norm !== ',' || before === verb - 1) return false;
  for (let k = verb + 1; k < tokens.length && k <= verb + 8; k++) {
    if (tokens[k].norm === ',') return true;
    if (tokens[k].kind === 'punct') return false;
  }
  return false;
}

/** "called X a Y" / "called X \"Y\"": a label follows the object within a few words. */
export function labelFollows(tokens: Token[], verb: number): boolean {
  // "called off a demonstration", "called up a reservist": a phrasal verb, not a label.
  if (/^(off|up|out|back|down|in|at)$/.test(tokens[verb + 1]?.norm ?? '')) return false;
  for (let k = verb + 2; k < tokens.length && k < verb + 9; k++) {
    const token = tokens[k];
    if (isQuoteMark(token) || token.norm === 'a' || token.norm === 'an') return true;
    if (token.kind === 'punct' || token.norm === 'to' || token.norm === 'for' || token.norm === 'in') return false;
  }
  return false;
}

/** "urged councils to limit", "called for", "agreed to", "asked X to": a request or a decision, no information. */
export function isDemand(norm: string, next: Token | undefined, tokens: Token[], verb: number): boolean {
  if (/^(urg|encourag)/.test(norm)) return true;
  if (norm.startsWith('call') && (next?.norm === 'for' || next?.norm === 'on')) return true;
  // "agreed to", "pledged to follow", "vowed to fight": a commitment, not information.
  if (/^(agree|pledg|promis|vow)/.test(norm) && next?.norm === 'to') return true;
  return (norm.startsWith('ask') || norm.startsWith('tell') || norm === 'told') && objectThen(tokens, verb, ASK_TO);
}

const ASK_TO: ReadonlySet<string> = new Set(['to']);

export const AS_WORDS: ReadonlySet<string> = new Set(['as']);

/** "urged Congress to act": within a few words after the verb, one of the words that completes it. */
export function objectThen(tokens: Token[], verb: number, completers: ReadonlySet<string> | undefined): boolean {
  if (!completers) return false;
  for (let k = verb + 2; k < tokens.length && k < verb + 8; k++) {
    const token = tokens[k];
    if (completers.has(token.norm)) return true;
    // "told Reuters that the company was planning to": a clause opened first belongs to the verb.
    if (token.kind === 'punct' || token.norm === 'that' || token.norm === 'whether') return false;
  }
  return false;
}

/** The word before a verb once adverbs are skipped: where a form of "be" stands in a passive ("was first reported"). */
export function beBefore(tokens: Token[], verb: number): number {
  return pastVerbGroup(verb - 1, -1, (k) => isAdverbLike(tokens[k]));
}
