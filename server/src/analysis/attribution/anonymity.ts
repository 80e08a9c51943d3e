// Anonymous sources: the position given ("a senior official") and the reason for anonymity, in the
// source's sentence or the next.
import type {Lexicon} from '../lexicon';
import type {Sentence} from '../nlp/tokens';
import type {LocalAttribution} from './model';
import {spanTextOf} from './records';
import WORDS from '../lexicon/attribution.json';

/** Words that show the draft acknowledges anonymity, so a nearby "because" or "to discuss" is its reason. */
const ANONYMITY_WORDS = new Set(WORDS.anonymityWords.words);

/** Per sentence, the anonymity reasons it states; computed once however many sources ask. */
export type ReasonCache = Map<Sentence, {acknowledges: boolean; reasons: ReturnType<Lexicon['anonymityReasons']['findAll']>}>;

export function describeAnonymity(attribution: LocalAttribution, sentences: Sentence[], lexicon: Lexicon, cache: ReasonCache): void {
  const sentence = sentences[attribution.sentence];
  const source = attribution.source!;
  const positions = lexicon.anonymityPositions.findAll(sentence.norms, source.from, source.to);
  if (positions.length > 0) attribution.position = spanTextOf(sentence, source);

  const windows = [sentence, sentences[attribution.sentence + 1]].filter((candidate): candidate is Sentence => candidate !== undefined);
  for (const window of windows) {
    let found = cache.get(window);
    if (!found) {
      found = {
        acknowledges: window.norms.some((norm) => ANONYMITY_WORDS.has(norm)),
        reasons: lexicon.anonymityReasons.findAll(window.norms)
      };
      cache.set(window, found);
    }
    for (const reason of found.reasons) {
      const strong =
        reason.value.includes('authori') ||
        reason.value.includes('permitted') ||
        reason.value.includes('allowed') ||
        reason.value.includes('sensitivity') ||
        reason.value.includes('fear');
      if (!strong && !found.acknowledges) continue;
      const tokens = window.tokens;
      let end = reason.to;
      while (
        end < tokens.length &&
        tokens[end].norm !== ',' &&
        tokens[end].norm !== '.' &&
        tokens[end].norm !== ';' &&
        end - reason.from < 18
      )
        end++;
      attribution.anonymityReason = spanTextOf(window, {from: reason.from, to: end});
      return;
    }
  }
}
