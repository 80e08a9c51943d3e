// What the fix-ups read around a token: wink's lexicon, sentence starts, where a clause opens.

import type {Wink} from '../model';
import type {TaggedToken} from '../types';
import {HYPHENS, POSSESSIVE_PRONOUNS} from '../words';

/** What wink's lexicon knows of a lower-case word: its most frequent part of speech and the others it can take. */
export interface LexEntry {
  usual: string;
  can(pos: string): boolean;
}

export function lexEntry(w: Wink, lower: string): LexEntry | null {
  const found: number[] | null = w.cache.lookup(lower);
  // Unknown, a contraction (several entries), or a word wink met only in a text (out of vocabulary).
  if (!found || found.length !== 1 || found[0] >= w.cache.intrinsicSize()) return null;
  const index = found[0];
  return {usual: w.posList[w.cache.posOf(index)] ?? 'X', can: (pos) => w.cache.isMemberPOS(index, w.posIndex[pos])};
}

const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '(', '[', '\u2014', '\u2013', '-', '\u00ab']);

/** The first word of a sentence, after any opening quotes, brackets or dashes. */
export function opensSentence(tokens: TaggedToken[], i: number): boolean {
  let j = i;
  while (!tokens[j].sentenceStart) {
    if (j === 0 || !OPENERS.has(tokens[j - 1].text)) return false;
    j--;
  }
  return true;
}

/** Tokens that end a clause for the look-ahead: a finite verb past them belongs to another clause. */
export const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '!', '?', '\u2014', '\u2013', '(', ')']);
/** Words after which a finite verb in the look-ahead belongs to a relative or reported clause. */
export const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'why', 'how', 'whether', 'if']);

/**
 * Whether the noun phrase ending at `last` opens its clause: what stands before it (lower case, ''
 * at a sentence start), or null when the phrase follows a verb or a preposition.
 */
export function clauseOpenerBefore(tokens: TaggedToken[], last: number): string | null {
  // Back over the noun phrase to what stands before it; a hyphen joined to its neighbours is inside
  // a word ("al-Qaeda", "state-owned").
  let j = last;
  while (j > 0 && !tokens[j].sentenceStart) {
    const previous = tokens[j - 1];
    const joined = HYPHENS.has(previous.text) && previous.end === tokens[j].start && tokens[j - 2]?.end === previous.start;
    if (
      joined ||
      /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(previous.pos) ||
      (previous.pos === 'PART' && /^['\u2019]/.test(previous.text)) ||
      (previous.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(previous.text.toLowerCase()))
    )
      j--;
    else break;
  }
  if (tokens[j].sentenceStart) return '';
  const opener = tokens[j - 1];
  const openerWord = opener.text.toLowerCase();
  const before2 = tokens[j - 2]?.text.toLowerCase();
  // Not an adverb ("in virtually all US homes"), nor "and" or "as" inside a noun phrase ("computer and
  // video games", "as well as top technology firms"): "and" opens a clause after a comma.
  const opens =
    CLAUSE_BREAKS.has(opener.text) ||
    // An opening quote or bracket that opens the sentence or a clause: '"The company reports ...'.
    (OPENERS.has(opener.text) &&
      !HYPHENS.has(opener.text) &&
      (j - 1 === 0 || opener.sentenceStart === true || CLAUSE_BREAKS.has(tokens[j - 2].text))) ||
    (opener.pos === 'SCONJ' && openerWord !== 'as') ||
    CLAUSE_WORDS.has(openerWord) ||
    (openerWord === 'as' && before2 !== 'well' && before2 !== 'such' && before2 !== 'so') ||
    (opener.pos === 'CCONJ' && before2 === ',') ||
    // A sentence adverb opening the sentence: "However polls show ...", "Meanwhile the firm reports ...".
    (opener.pos === 'ADV' && opener.sentenceStart === true);
  return opens ? openerWord : null;
}
