// In-phrases: "in a CNN poll" (the poll is the source), "in an interview" (the subject speaks), "in
// Forbes' words" (the owner does).
import type {Sentence} from '../../nlp/tokens';
import type {LocalAttribution} from '../model';
import {isPreposition, subjectBefore} from '../sources';
import {firstVerbGuess} from '../subjects';
import {add, addCredited, attribute, type CueSite} from './site';
import WORDS from '../../lexicon/attribution.json';

const POLL_NOUNS = new Set(WORDS.pollNouns.words);

const SPEECH_NOUNS = new Set(WORDS.speechNouns.words);

const VIEW_NOUNS = new Set(WORDS.viewNouns.words);

/** "in a CNN national poll", "in an interview", "in his words": the noun within five words of "in". */
function inPhrase(sentence: Sentence, k: number): {kind: 'poll' | 'speech' | 'view'; head: number} | null {
  const {tokens} = sentence;
  const owner = tokens[k + 1];
  if (owner && /^(his|her|their)$/.test(owner.norm) && VIEW_NOUNS.has(tokens[k + 2]?.norm ?? '')) return {kind: 'view', head: k + 2};
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    const token = tokens[j];
    if (token.kind === 'punct' && token.norm !== '/' && token.norm !== '-') return null;
    if (j > k + 1 && isPreposition(token.norm)) return null;
    // "in a CNN poll", "in this survey" name one poll; "in the polls" is the race, not a source.
    if (POLL_NOUNS.has(token.norm))
      return /^(a|an|this|that)$/.test(tokens[k + 1].norm) || tokens.slice(k + 1, j).some((word) => word.capitalized)
        ? {kind: 'poll', head: j}
        : null;
    // "in an interview with", "in a statement," but not "in the book world".
    if (SPEECH_NOUNS.has(token.norm)) {
      const next = tokens[j + 1];
      return next && next.kind === 'word' && !isPreposition(next.norm) && !/^(on|that)$/.test(next.norm) ? null : {kind: 'speech', head: j};
    }
  }
  return null;
}

/** Phrases like "in a statement" or "told reporters" with no verb found: the sentence's subject speaks. */
export function otherPhraseCue(site: CueSite): void {
  const {sentence} = site;
  const phrase = site.lexicon.otherCues.findAll(sentence.norms)[0];
  if (!phrase) return;
  const subject = subjectBefore(sentence, firstVerbGuess(sentence, phrase.from));
  if (subject) add(site, attribute(site, {from: phrase.from, to: phrase.to}, subject, null, 'named'));
}

/**
 * "in a CNN poll", "in the latest surveys": the poll is the source. "in an interview", "in his op-ed":
 * the sentence's subject speaks. "in Forbes' words": the owner does.
 */
export function inPhraseCues(site: CueSite): void {
  const {tokens, norms} = site.sentence;
  for (let k = 0; k < tokens.length; k++) {
    if (norms[k] !== 'in') continue;
    const phrase = inPhrase(site.sentence, k);
    if (!phrase) continue;
    let attribution: LocalAttribution | null = null;
    if (phrase.kind === 'poll') attribution = attribute(site, {from: k, to: k + 1}, {from: k + 1, to: phrase.head + 1}, null, 'document');
    else if (phrase.kind === 'view') attribution = attribute(site, {from: k, to: k + 1}, {from: k + 1, to: k + 2}, null, null);
    else if (site.found.length === 0) {
      const subject = subjectBefore(site.sentence, firstVerbGuess(site.sentence, k));
      if (subject && !isPreposition(norms[subject.from]))
        attribution = attribute(site, {from: k, to: phrase.head + 1}, subject, null, 'named');
      // "In an interview with CBS, the senator ...": the speaker comes after; no source is made up.
      else if (!subject && /^(a|an)$/.test(norms[k + 1] ?? '') && norms[phrase.head] !== 'video' && k <= site.firstWord)
        attribution = attribute(site, {from: k, to: phrase.head + 1}, null, null, 'named');
    }
    addCredited(site, attribution);
  }
}
