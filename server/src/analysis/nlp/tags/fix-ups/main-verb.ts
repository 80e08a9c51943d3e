// The main-verb fix-up: "have" and "be" as the clause's main verb are VERB, not AUX.

import type {TaggedToken} from '../types';

/**
 * "have" and "be" as main verbs, which wink always tags AUX: "have" before what it has ("The firm has
 * a plan", "has to pay") and "be" after existential "there" ("there is no proof") are VERB in UD.
 */
export function fixMainVerb(tokens: TaggedToken[], i: number): void {
  const token = tokens[i];
  if (token.lemma === 'have') {
    let j = i + 1;
    while (tokens[j] && (tokens[j].pos === 'ADV' || (tokens[j].pos === 'PART' && /^(not|n't|n\u2019t)$/i.test(tokens[j].text)))) j++;
    const next = tokens[j];
    if (!next || !/^(DET|NUM|PRON|NOUN|PROPN|ADJ|PART)$/.test(next.pos)) return;
    // "to" for obligation ("has to pay"); other particles ("has n't") are not objects.
    if (next.pos === 'PART' && next.text.toLowerCase() !== 'to') return;
    // "has it been", "have you seen": a question's subject, then a participle.
    if (next.pos === 'PRON') {
      let k = j + 1;
      while (tokens[k] && tokens[k].pos === 'ADV') k++;
      if (tokens[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX')) return;
    }
  } else if (token.lemma === 'be') {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const there = (t: TaggedToken | undefined) => t !== undefined && t.text.toLowerCase() === 'there';
    if (!there(before) && !(there(after) && (i === 0 || tokens[i].sentenceStart))) return;
    // "There is expected to be", "there was found": a passive or a progressive, an auxiliary.
    if (after && after.pos === 'VERB') return;
  } else return;
  token.pos = 'VERB';
  token.fixed = 'main-verb';
}
