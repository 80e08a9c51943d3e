// The verb-s fix-up: a verb in -s after a singular subject, which wink reads as a plural noun.

import type {Wink} from '../model';
import type {TaggedToken} from '../types';
import {CLAUSE_BREAKS, CLAUSE_WORDS, clauseOpenerBefore, lexEntry} from './context';

/** Pronouns that take a verb in -s. */
const SINGULAR_PRONOUNS = new Set([
  'he',
  'she',
  'it',
  'this',
  'that',
  'who',
  'which',
  'one',
  'nobody',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'noone',
  'each',
  'what'
]);

/** Parts of speech that can open what follows a verb in -s: an object, a complement, an adverb. */
const AFTER_VERB = new Set(['DET', 'PRON', 'NUM', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'SCONJ', 'PART', 'ADP']);
/** Words that follow a plural noun, hardly a verb: "terms of", "companies like", "firms such as". */
const NOUN_FOLLOWERS = new Set(['of', 'like', 'such', 'including', 'which', 'who', 'whose']);

export function fixVerbS(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  // Lower case only: a capitalised word inside a sentence is a name or a heading ("Kind Regards").
  if (text.length < 4 || text.charCodeAt(text.length - 1) !== 115 || !/^[a-z]+$/.test(text) || /(ss|us|is)$/.test(text)) return;
  // The cheap tests on the neighbours first, the lexicon last.
  const opener = singularSubjectBefore(tokens, i);
  if (opener === null) return;
  // What follows must not make the word a noun: a verb right after it ("company reports show"), or
  // a finite verb later in the same clause ("company reports on Monday showed"). A clause ending
  // right after it counts only after a pronoun ("it reports.") or in "as the company reports,".
  const next = tokens[i + 1] as TaggedToken | undefined;
  if (!next) return;
  if (CLAUSE_BREAKS.has(next.text)) {
    if (tokens[i - 1].pos !== 'PRON' && opener !== 'as') return;
  } else if (
    !AFTER_VERB.has(next.pos) ||
    (next.pos === 'PART' && next.text.toLowerCase() !== 'to') ||
    NOUN_FOLLOWERS.has(next.text.toLowerCase())
  )
    return;
  for (let j = i + 1; j < tokens.length; j++) {
    const after = tokens[j];
    if (CLAUSE_BREAKS.has(after.text) || after.pos === 'SCONJ' || after.pos === 'CCONJ' || after.sentenceStart) break;
    if (CLAUSE_WORDS.has(after.text.toLowerCase())) break;
    if (after.pos === 'AUX') return;
    if (after.pos === 'VERB' && !/ing$/i.test(after.text) && !(j > i + 1 && /^(DET|ADJ|ADP)$/.test(tokens[j - 1].pos))) return;
  }
  const verb = w.lemmatize(text, 'VERB', w.cache);
  if (verb === text || !w.cache.hasSamePOS(verb, 'VERB')) return;
  // The lexicon must know the form in -s itself as a verb: "reports", "hits", "launches" are, "firms",
  // "games", "homes" are not (on BBC news this halves the wrong changes; headlines' "Federer breezes"
  // is lost).
  const entry = lexEntry(w, text);
  if (entry && !entry.can('VERB')) return;
  // A bare singular word after it that can be a verb, itself followed by what could be its object, is
  // more likely the verb of a plural subject: "Government figures show a rise", "The tax cuts target
  // firms" (but "Board delays vote on fares").
  if (next.pos === 'NOUN' && next.lemma === next.text.toLowerCase() && lexEntry(w, next.lemma)?.can('VERB')) {
    const object = tokens[i + 2];
    if (object && (/^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(object.pos) || object.text.toLowerCase() === 'that')) return;
  }
  token.pos = 'VERB';
  token.lemma = verb;
  token.fixed = 'verb-s';
}

/**
 * A subject that takes a verb in -s ends right before: a singular pronoun, or a singular noun phrase
 * that opens its clause ("The company", "The state's largest utility", "Acme"), not one that is the
 * object of a verb or a preposition before it ("read the company reports", "in the company reports").
 * Returns what opens the clause (lower case, '' at a sentence start), or null when there is no such subject.
 */
function singularSubjectBefore(tokens: TaggedToken[], i: number): string | null {
  const before = tokens[i - 1] as TaggedToken | undefined;
  if (!before || tokens[i].sentenceStart) return null;
  const word = before.text.toLowerCase();
  if (before.pos === 'PRON') return SINGULAR_PRONOUNS.has(word) ? word : null;
  if (before.pos !== 'NOUN' && before.pos !== 'PROPN') return null;
  // A plural noun takes the plain verb: "the firms report".
  if (before.pos === 'NOUN' && before.lemma !== word && !word.endsWith('ss')) return null;
  return clauseOpenerBefore(tokens, i - 1);
}
