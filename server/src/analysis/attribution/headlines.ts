// Headlines in title case, whose capitalized verbs are cues and whose capitalized words are not names.
import type {Sentence} from '../nlp/tokens';

/** A headline in title case: most words capitalized ("Chris Christie Calls Hillary Clinton 'A Disgrace'"). */
export function isTitleCase(sentence: Sentence): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of sentence.tokens) {
    if (token.kind !== 'word' || token.norm.length < 4) continue;
    // No headline is this long: a run of capitalized words is names (and each of its words read as a
    // headline's verb cost a 15-word source: 'Fear ' repeated read 3.4x news).
    if (++words > MAX_HEADLINE_WORDS) return false;
    if (token.capitalized) capitals++;
  }
  return words >= 3 && capitals / words >= 0.8;
}

/** The most words of four letters or more a title-case headline holds (the longest BBC headline has 6). */
const MAX_HEADLINE_WORDS = 24;
