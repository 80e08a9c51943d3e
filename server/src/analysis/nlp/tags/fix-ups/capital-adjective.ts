// The capital-adjective fix-up: adjectives of nations, faiths and parties before a common noun.

import type {Wink} from '../model';
import type {TaggedToken} from '../types';
import {lexEntry} from './context';

/**
 * A capitalised word the lexicon knows as an adjective, before a lower-case noun or adjective (or
 * before "and"/"or"/a comma and another such word): "the Iranian government", "Iraqi and American
 * officials", "Federal investigators". Before a capital it is part of a name ("European Union",
 * "British Airways").
 */
export function fixCapitalAdjective(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  if (text.length < 3 || text === text.toUpperCase() || !/^\p{Lu}\p{Ll}/u.test(text)) return;
  // After a capitalised name word it ends a name: "Middle East", "Mr Brown", "Fleet Auxiliary".
  const before = tokens[i - 1];
  if (before && (before.pos === 'PROPN' || before.pos === 'NOUN' || before.pos === 'ADJ') && /^\p{Lu}/u.test(before.text)) return;
  const modifies = (j: number): boolean => {
    const next = tokens[j];
    return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ') && /^\p{Ll}/u.test(next.text);
  };
  let ok = modifies(i + 1);
  if (!ok && tokens[i + 1] && /^(and|or|,)$/.test(tokens[i + 1].text)) {
    const other = tokens[i + 2];
    ok =
      other !== undefined && /^\p{Lu}\p{Ll}/u.test(other.text) && lexEntry(w, other.text.toLowerCase())?.usual === 'ADJ' && modifies(i + 3);
  }
  if (!ok) return;
  const lower = text.toLowerCase();
  if (lexEntry(w, lower)?.usual !== 'ADJ') return;
  token.pos = 'ADJ';
  token.lemma = lower;
  token.fixed = 'capital-adjective';
}
