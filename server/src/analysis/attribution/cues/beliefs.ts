// Belief adjectives: "The mayor is confident that", "Some are worried it could": a view the subject holds.
import type {Lexicon} from '../../lexicon';
import type {Sentence, Token} from '../../nlp/tokens';
import {CLAUSE_VERBS} from '../clauses';
import {BE_FORMS, isDeterminer, type Span, subjectBefore} from '../sources';
import {isAdverbLike, pastVerbGroup} from '../verb-group';
import {trimAtVerb} from '../subjects';
import {attribute, type CueSite, holdSubject} from './site';
import WORDS from '../../lexicon/attribution.json';

const CONTRACTED_BE = /^(he|she|they|we|i|you)'(s|re|m)$/;

/** Subjects that hold no view: "It is certain that", "There is concern that". */
const EMPTY_SUBJECTS = new Set(WORDS.emptySubjects.words);

/**
 * The cue and subject of a belief adjective ("is confident that"): a form of "be" or "remain" before
 * it, adverbs allowed between ("was increasingly confident that"), and a subject that can hold a view.
 */
export function beliefAt(sentence: Sentence, adjective: number, lexicon: Lexicon): {cue: Span; source: Span} | null {
  const {tokens, norms} = sentence;
  const be = pastVerbGroup(adjective - 1, -1, (k) => k > 0 && isAdverbLike(tokens[k]) && !BE_FORMS.has(norms[k]));
  if (be < 0) return null;
  const cue = {from: be, to: adjective + 1};
  if (CONTRACTED_BE.test(norms[be])) return {cue, source: {from: be, to: be + 1}};
  if (!BE_FORMS.has(norms[be]) && !/^remain(s|ed|ing)?$/.test(norms[be])) return null;
  const source = trimAtVerb(sentence, subjectBefore(sentence, be), lexicon);
  if (!source || (EMPTY_SUBJECTS.has(norms[source.from]) && source.to - source.from === 1)) return null;
  return {cue, source};
}

/** Subjects that open a clause with no "that" before it ("worried it could fail", "sure they will"). */
const CLAUSE_SUBJECTS = new Set(WORDS.clauseSubjects.words);

/**
 * Whether a clause starts at `at` with no "that": a subject pronoun, "thousands of ...", or a
 * determiner or name whose phrase reaches a modal or a form of "be"/"have" within a few words ("is
 * concerned the vote may be delayed"), which "was worried about the vote" and "sure of the result" do not.
 */
export function clauseFollows(tokens: Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || first.kind !== 'word') return false;
  if (CLAUSE_SUBJECTS.has(first.norm)) return true;
  if (!isDeterminer(first.norm) && !first.capitalized) return false;
  for (let k = at + 1; k < tokens.length && k <= at + 5; k++) {
    if (tokens[k].kind !== 'word') return false;
    if (CLAUSE_VERBS.has(tokens[k].norm) || BE_FORMS.has(tokens[k].norm)) return true;
  }
  return false;
}

/**
 * "The mayor is confident that", "Officials were adamant that", "He's convinced that", "Some are worried
 * it could": a view the subject holds, like "believes that". Whether the word was taken: otherwise
 * "worried" may still be the verb ("Ruiz worried that").
 */
export function beliefCue(site: CueSite, i: number): boolean {
  const {sentence, lexicon} = site;
  const {tokens, norms} = sentence;
  if (!lexicon.beliefAdjectives.has(norms[i]) || !(norms[i + 1] === 'that' || clauseFollows(tokens, i + 1)) || tokens[i].quoted)
    return false;
  const belief = beliefAt(sentence, i, lexicon);
  if (!belief) return false;
  // As with "believe", an unnamed holder is an anonymous or vague source ("Many are convinced that").
  const attribution = attribute(site, belief.cue, belief.source, null, null);
  if (attribution) {
    site.found.push(attribution);
    holdSubject(site, belief.source, attribution);
  }
  return true;
}
