// Words that look like cues but are not: each guard is named, explained and exemplified, and a test runs
// every example (test/unit/attribution-guards.test.ts).
import type {Token} from '../../nlp/tokens';
import {BE_FORMS, isDeterminer, isPreposition} from '../sources';

/**
 * "The meeting was first reported by", "The Gazette first reported the decision", "as first reported
 * by": "first" is an adverb before a past form that follows a subject, "be" or "as", not the
 * adjective of "the first reports" or "a first reported case".
 */
export function firstAsAdverb(tokens: Token[], verb: number): boolean {
  if (tokens[verb - 1].norm !== 'first' || !tokens[verb].norm.endsWith('ed')) return false;
  const before = tokens[verb - 2];
  if (!before) return false;
  if (BE_FORMS.has(before.norm) || before.norm === 'as') return true;
  return before.kind === 'word' && !isDeterminer(before.norm) && !isPreposition(before.norm) && !before.norm.endsWith("'s") && (before.capitalized || plainSubjectEnd(before));
}

/** A word that can end a subject before "first reported": a pronoun or a plain noun, not an adjective slot. */
function plainSubjectEnd(token: Token): boolean {
  return /^(he|she|they|it|we|i)$/.test(token.norm) || /(s|er|or|ist|ian|ment|tion)$/.test(token.norm);
}

/** Words before a reporting verb's form that make it a noun ("the latest reports", "unconfirmed claims"). */
export const NOUN_PRECEDERS = new Set(['latest', 'new', 'recent', 'initial', 'previous', 'unconfirmed', 'conflicting', 'further', 'such', 'first', 'early', 'similar', 'false', 'baseless', 'repeated']);
