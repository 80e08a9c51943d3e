// whosaid's fix-ups of wink's tags, run over a paragraph's tokens.

import type {Wink} from '../model';
import type {TaggedToken} from '../types';
import {fixCapitalAdjective} from './capital-adjective';
import {opensSentence} from './context';
import {fixMainVerb} from './main-verb';
import {fixPluralSubject} from './plural-subject';
import {fixSentenceStart} from './sentence-start';
import {fixVerbS} from './verb-s';

/**
 * whosaid's corrections to wink's tags, each for an error measured on UD English EWT
 * (eval/tagger.mjs prints the figures before and after):
 * - sentence-start: wink takes a capitalised word opening a sentence for a proper noun when it is an
 *   adjective or a function word ("Beautiful results were obtained", "Angry residents filled the hall").
 * - verb-s: wink reads a verb in -s after a singular subject as a plural noun, as in a compound ("The
 *   company reports a loss").
 * - capital-adjective: wink tags adjectives of nations, faiths and parties PROPN wherever they are
 *   ("the Iranian government", "Iraqi and American officials"): ADJ before a common noun.
 * - plural-subject: a plural noun and its verb read the other way round or as two nouns ("However
 *   polls show high levels", "Some technical websites report that").
 * - main-verb: wink tags every "have" and "be" AUX, also where they are the clause's main verb
 *   ("The firm has a plan", "there is no proof"): VERB there, as in UD.
 */
export function fixUps(tokens: TaggedToken[], w: Wink): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if ((token.pos === 'PROPN' || token.pos === 'NOUN') && opensSentence(tokens, i) && /^\p{Lu}/u.test(token.text))
      fixSentenceStart(tokens, i, w);
    else if (token.pos === 'PROPN') fixCapitalAdjective(tokens, i, w);
    else if (token.pos === 'NOUN') {
      fixVerbS(tokens, i, w);
      if (token.pos === 'NOUN') fixPluralSubject(tokens, i, w);
    } else if (token.pos === 'VERB') fixPluralSubject(tokens, i, w);
    else if (token.pos === 'AUX') fixMainVerb(tokens, i);
  }
}
