// Participles and gerunds whose speaker is the sentence's subject: "..., saying that", "began by saying".
import {isDemand, saysWhat} from '../clauses';
import {blank, crowdless} from '../records';
import {add, attribute, sentenceSubject, subjectCue, type VerbSite} from './site';
import WORDS from '../../lexicon/attribution.json';

const SUBJECT_PARTICIPLES = new Set(WORDS.subjectParticiples.words);

const SAYING = new Set(WORDS.saying.words);

const GERUND_PREPOSITIONS = new Set(WORDS.gerundPrepositions.words);

/** "began by saying", "after telling reporters": the gerund's speaker is the sentence's subject. Whether the word was taken. */
export function gerundCue(v: VerbSite): boolean {
  if (!(v.isSpeech && v.norm.endsWith('ing') && v.prev && GERUND_PREPOSITIONS.has(v.prev.norm))) return false;
  const subject = sentenceSubject(v.site);
  if (subject) v.site.found.push(subjectCue(v.site, subject, v.i, v.norm));
  return true;
}

/**
 * Participles after a comma take the sentence's main subject: "The Kremlin confirmed ..., stating that",
 * "Sanders is pushing back, questioning Clinton's judgment". (", speaking on condition of anonymity"
 * describes how the subject spoke; its verb comes later.) Whether the word was taken.
 */
export function participleCue(v: VerbSite): boolean {
  const {site, norm, prev, next, i} = v;
  const tokens = v.sentence.tokens;
  if (!(
    (SUBJECT_PARTICIPLES.has(norm) || (v.isSpeech && norm.endsWith('ing') && norm !== 'speaking' && norm !== 'talking')) &&
    prev?.norm === ','
  ))
    return false;
  const subject = sentenceSubject(site);
  if (subject && !(crowdless(subject.kind) && (v.isStance || isDemand(norm, next, tokens, i)))) {
    site.found.push(subjectCue(site, subject, i, norm));
  } else if (!subject && SAYING.has(norm) && saysWhat(tokens, i)) {
    // "Rubio hit back again, saying Christie was ...": somebody the model cannot name says it; the
    // words are reported (they are not the writer's), but no source is made up for them.
    site.found.push({...blank(site.index), cue: {from: i, to: i + 1}});
  }
  return true;
}

/**
 * "with analysts saying the deficit could grow", "with officials warning that": the speaker stands
 * between "with" and the participle (a short noun phrase, no mark between), and what is said follows
 * it. Whether the word was taken.
 */
export function withSpeakerCue(v: VerbSite): boolean {
  const {site, norm, i} = v;
  const {tokens, norms} = v.sentence;
  // What is said must follow ("with a key speaking slot" says nothing).
  if (!v.isSpeech || !norm.endsWith('ing') || v.prev?.kind !== 'word' || !saysWhat(tokens, i)) return false;
  let w = i - 1;
  while (w > 0 && i - w <= 5 && norms[w] !== 'with' && tokens[w].kind === 'word') w--;
  if (norms[w] !== 'with' || w === i - 1) return false;
  add(site, attribute(site, {from: i, to: i + 1}, {from: w + 1, to: i}, norm, 'named'));
  return true;
}
