// In-phrases: "in a CNN poll" (the poll is the source), "in an interview" (the subject speaks), "in
// Forbes' words" (the owner does).
import type {Sentence} from '../../nlp/tokens';
import {isPreposition} from '../sources';

const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);

const SPEECH_NOUNS = new Set([
  'interview', 'interviews', 'statement', 'speech', 'tweet', 'tweets', 'op-ed', 'letter', 'email', 'e-mail', 'memo', 'column',
  'essay', 'post', 'video', 'remarks', 'testimony', 'editorial', 'appearance', 'address', 'podcast', 'broadcast'
]);

const VIEW_NOUNS = new Set(['words', 'view', 'opinion', 'eyes', 'estimation', 'telling', 'mind']);

/** "in a CNN national poll", "in an interview", "in his words": the noun within five words of "in". */
export function inPhrase(sentence: Sentence, k: number): {kind: 'poll' | 'speech' | 'view'; head: number} | null {
  const {tokens} = sentence;
  const owner = tokens[k + 1];
  if (owner && /^(his|her|their)$/.test(owner.norm) && VIEW_NOUNS.has(tokens[k + 2]?.norm ?? '')) return {kind: 'view', head: k + 2};
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    const token = tokens[j];
    if (token.kind === 'punct' && token.norm !== '/' && token.norm !== '-') return null;
    if (j > k + 1 && isPreposition(token.norm)) return null;
    // "in a CNN poll", "in this survey" name one poll; "in the polls" is the race, not a source.
    if (POLL_NOUNS.has(token.norm)) return /^(a|an|this|that)$/.test(tokens[k + 1].norm) || tokens.slice(k + 1, j).some((word) => word.capitalized) ? {kind: 'poll', head: j} : null;
    // "in an interview with", "in a statement," but not "in the book world".
    if (SPEECH_NOUNS.has(token.norm)) {
      const next = tokens[j + 1];
      return next && next.kind === 'word' && !isPreposition(next.norm) && !/^(on|that)$/.test(next.norm) ? null : {kind: 'speech', head: j};
    }
  }
  return null;
}
