// Passives: "was criticized by the union" names its agent; "was asked about" makes the one asked speak.
// Any other passive is a claim, not an attribution (unattributed-claim reads those).
import {beBefore} from '../clauses';
import {crowdless} from '../records';
import {BE_FORMS, phraseAfter, subjectBefore} from '../sources';
import {FIND_FORMS, RECORD_FORMS} from './documents';
import {add, attribute, type VerbSite} from './site';
import WORDS from '../../lexicon/attribution.json';

/** What follows "was asked" when the one asked is the speaker ("was asked about", "was asked whether"). */
const ASKED_ABOUT = new Set(WORDS.askedAbout.words);

/** Passives are claims, not attributions, unless "by" names the agent ("is telling" is no passive). Whether the word was taken. */
export function passiveCue(v: VerbSite): boolean {
  const {site, sentence, norm, next, i} = v;
  const p = beBefore(sentence.tokens, i);
  if (!(p >= 0 && BE_FORMS.has(sentence.tokens[p].norm) && !norm.endsWith('ing'))) return false;
  // "The papers were found by a member of the public", "recorded by the band": finding or recording
  // something is no report.
  if (next?.norm === 'by' && !v.isStance && !FIND_FORMS.has(norm) && !RECORD_FORMS.has(norm)) {
    const agent = phraseAfter(sentence, i + 2, {passiveAgent: true});
    if (agent) add(site, attribute(site, {from: i, to: i + 2}, agent, null, 'named'));
  } else if (norm === 'asked' && ASKED_ABOUT.has(next?.norm ?? '.')) {
    // "Ruiz was asked about the closure", "was asked whether": the one asked answers; a stance, not
    // information, and never a crowd ("Voters were asked which"). "was asked to" is a request.
    const subject = subjectBefore(sentence, p);
    const attribution = subject && attribute(site, {from: p, to: i + 1}, subject, null, null);
    if (attribution && !crowdless(attribution.kind)) {
      attribution.stance = true;
      site.found.push(attribution);
    }
  }
  return true;
}
