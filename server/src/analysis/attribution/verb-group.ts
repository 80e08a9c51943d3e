// A verb group's auxiliaries and adverbs ("could not possibly have been"): what the walks between a
// subject and its verb skip over, and a bound on how far they go.
import type {Token} from '../nlp/tokens';
import WORDS from '../lexicon/attribution.json';

/** Between a subject and its verb: auxiliaries and adverbs to skip over. */
const AUXILIARIES = new Set(WORDS.auxiliaries.words);

export function isAdverbLike(token: Token | undefined): boolean {
  return (
    token?.kind === 'word' && (AUXILIARIES.has(token.norm) || (token.norm.length > 4 && token.norm.endsWith('ly') && !token.capitalized))
  );
}

/** The most auxiliaries and adverbs a verb group holds ("could not possibly have been fully"). */
export const MAX_VERB_GROUP = 8;

/**
 * From `at`, steps by `step` while `skip(at)` holds, as a walk over a verb group's auxiliaries and
 * adverbs does: the first index where it fails, or -1 when the run is longer than any verb group. A
 * cue inside a pasted run ("may may may ...") then costs a bounded walk, not the run's length.
 */
export function pastVerbGroup(at: number, step: 1 | -1, skip: (index: number) => boolean): number {
  for (let n = 0; n <= MAX_VERB_GROUP; n++, at += step) if (!skip(at)) return at;
  return -1;
}
