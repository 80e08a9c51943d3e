// The plural-subject fix-up: a plural noun and its verb, read the other way round or as two nouns.

import type {Wink} from '../model';
import type {TaggedToken} from '../types';
import {clauseOpenerBefore, lexEntry} from './context';

/** What can follow a verb as its object or complement, for the plural-subject fix-up. */
const OBJECT_START = /^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/;

/**
 * A plural subject and its verb, which wink reads the other way round or as two nouns: "However
 * polls show high levels" (polls VERB, show NOUN), "Some technical websites report that" (report
 * NOUN). The noun phrase must open its clause, and an object or "that" must follow the verb.
 */
export function fixPluralSubject(tokens: TaggedToken[], i: number, w: Wink): void {
  const subject = tokens[i];
  const verb = tokens[i + 1];
  const after = tokens[i + 2];
  // The verb: a plain lower-case base form ("show", "report"), not "drinking" or a past form.
  if (!verb || !after || verb.pos !== 'NOUN' || !/^[a-z]+$/.test(verb.text) || verb.lemma !== verb.text || /(ing|ed)$/.test(verb.text))
    return;
  // Its object or complement: not a name, which makes the word a title ("telecoms firm Deutsche Telekom").
  if (!((OBJECT_START.test(after.pos) && !/^\p{Lu}/u.test(after.text)) || after.text.toLowerCase() === 'that')) return;
  const text = subject.text;
  if (!/^[A-Za-z]+$/.test(text) || !text.endsWith('s') || text.endsWith('ss')) return;
  const lower = text.toLowerCase();
  const before = tokens[i - 1] as TaggedToken | undefined;
  const nounBefore = before !== undefined && /^(NOUN|PROPN|NUM|PRON)$/.test(before.pos);
  const entry = lexEntry(w, lower);
  if (subject.pos === 'VERB') {
    // "polls" read as a verb: the lexicon must know it as a noun, and no subject may stand before it
    // ("The software uses", "UK needs tax cuts" are right as they are).
    if (!entry?.can('NOUN') || nounBefore) return;
  } else {
    if (subject.pos !== 'NOUN' || subject.lemma === lower) return;
    // "Police chief backs drinking move", "Kraft cuts snack ads": a word in -s that can be a verb,
    // after a noun, is that noun's verb as often as a plural subject.
    if (nounBefore && before!.pos !== 'PRON' && entry?.can('VERB')) return;
  }
  if (!lexEntry(w, verb.text)?.can('VERB')) return;
  if (clauseOpenerBefore(tokens, i) === null) return;
  if (subject.pos === 'VERB') {
    subject.pos = 'NOUN';
    subject.lemma = w.lemmatize(lower, 'NOUN', w.cache);
    subject.fixed = 'plural-subject';
  }
  verb.pos = 'VERB';
  verb.fixed = 'plural-subject';
}
