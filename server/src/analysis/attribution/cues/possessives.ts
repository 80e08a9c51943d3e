// Possessive and stance nouns: "Trump's claim that ..." (the owner said it), "her support for the bill"
// and "drew criticism from fellow senators" (a stand the owner takes).
import {crowdless} from '../records';
import type {Sentence} from '../../nlp/tokens';
import {phraseAfter, type Span, subjectBefore} from '../sources';
import {possessorBefore, untilVerb} from '../subjects';
import {addCredited, attribute, type CueSite} from './site';

/**
 * "Trump's claim that ...", "his promise that ...": the owner said it; "Ms Ito made a prediction that
 * ...", "the ministry issued a warning that ...": so did the subject of the light verb. Whether the word
 * was taken.
 */
export function possessiveClaim(site: CueSite, i: number): boolean {
  const {sentence, lexicon} = site;
  if (!lexicon.possessiveNounCues.has(sentence.norms[i]) || sentence.norms[i + 1] !== 'that') return false;
  const owner = possessorBefore(sentence, i, lexicon);
  const speaker = owner ? null : lightVerbSubject(sentence, i);
  if (!owner && !speaker) return false;
  const attribution = attribute(site, {from: i, to: i + 1}, (owner ?? speaker)!, null, null);
  // A crowd that voices a concern speaks, vaguely ("Some consumer groups have expressed concern that");
  // a crowd's possession does not ("people's fears that").
  if (speaker && attribution) site.found.push(attribution);
  else addCredited(site, attribution);
  return true;
}

/** "Trump's criticism of the deal", "her support for the bill": a stand the owner takes. Whether the word was taken. */
export function possessiveStance(site: CueSite, i: number): boolean {
  const {sentence, lexicon} = site;
  const norm = sentence.norms[i];
  if (!lexicon.possessiveStanceNouns.has(norm) || !lexicon.stanceNounPrepositions.has(sentence.norms[i + 1] ?? '')) return false;
  const owner = possessorBefore(sentence, i, lexicon);
  if (!owner) return false;
  const attribution = attribute(site, {from: i, to: i + 1}, owner, null, null);
  if (attribution && !crowdless(attribution.kind)) {
    attribution.stance = true;
    // "Britain's decision to leave" is the sentence's cue only when it has no other ("The IMF
    // pointed to Britain's decision": "pointed to").
    (norm === 'decision' || norm === 'refusal' ? site.bareStances : site.found).push(attribution);
  }
  return true;
}

/**
 * "drew criticism from fellow senators", "won the endorsement of the union": a stand, its owner after
 * "from" when named there. Returns the index of the last token taken, or -1 when the word is no such noun.
 */
export function bareStance(site: CueSite, i: number): number {
  const {sentence, lexicon} = site;
  const {tokens, norms} = sentence;
  const token = tokens[i];
  if (
    !lexicon.bareStanceNouns.has(token.norm) ||
    !lexicon.bareStanceNounPrepositions.has(norms[i + 1] ?? '') ||
    token.capitalized ||
    token.quoted
  )
    return -1;
  const from = norms[i + 1] === 'from' ? untilVerb(norms, phraseAfter(sentence, i + 2)) : null;
  const attribution = attribute(site, {from: i, to: i + 1}, from, null, 'named');
  if (attribution && !crowdless(attribution.kind)) {
    attribution.stance = true;
    site.bareStances.push(attribution);
  }
  return from ? from.to - 1 : i;
}

/**
 * "raises concerns from the United States", "objections from residents": a stand whose holder is named
 * after "from", an attribution of its own (not only when the sentence has no other cue). Returns the
 * index of the noun when it is such a noun with a holder the model knows, else -1.
 */
export function stanceFrom(site: CueSite, i: number): number {
  const {sentence, lexicon} = site;
  const {tokens, norms} = sentence;
  const token = tokens[i];
  if (!lexicon.stanceFromNouns.has(token.norm) || norms[i + 1] !== 'from' || token.capitalized || token.quoted) return -1;
  const holder = untilTopic(norms, untilVerb(norms, phraseAfter(sentence, i + 2)));
  if (!holder) return -1;
  // Only a holder the model knows for one ("protests from last year", "fears from the floods" are not).
  const attribution = attribute(site, {from: i, to: i + 1}, holder, null, null);
  if (attribution && !crowdless(attribution.kind)) {
    attribution.stance = true;
    site.found.push(attribution);
  }
  // The holder stays free for a cue of its own ("objections from Senator Varga, who said ...").
  return i;
}

/** What a stand is about ends its holder: "concerns from the United States about North Korea". */
const TOPIC_PREPOSITIONS = /^(about|over|that|regarding|on|against|to|at)$/;

function untilTopic(norms: string[], holder: Span | null): Span | null {
  if (!holder) return null;
  for (let k = holder.from + 1; k < holder.to; k++) if (TOPIC_PREPOSITIONS.test(norms[k])) return {from: holder.from, to: k};
  return holder;
}

/** Verbs that make a statement of the noun after them: "made a prediction", "expressed concern". */
const LIGHT_VERBS = new Set([
  'made',
  'makes',
  'issued',
  'issues',
  'gave',
  'gives',
  'voiced',
  'voices',
  'expressed',
  'expresses',
  'raised',
  'raises',
  'repeated',
  'reiterated'
]);

/** The subject of "made a prediction that", "issued a stark warning that" (one adjective at most). */
function lightVerbSubject(sentence: Sentence, noun: number): Span | null {
  const {norms, tokens} = sentence;
  // "made a prediction", "issued a stark warning", "expressed concern": an article and one adjective at most.
  let k = noun - 1;
  if (LIGHT_VERBS.has(norms[k] ?? '')) return subjectBefore(sentence, k);
  if (tokens[k]?.kind === 'word' && !/^(a|an|the)$/.test(norms[k]) && !tokens[k].capitalized) k--;
  if (/^(a|an|the)$/.test(norms[k] ?? '')) k--;
  return LIGHT_VERBS.has(norms[k] ?? '') ? subjectBefore(sentence, k) : null;
}
