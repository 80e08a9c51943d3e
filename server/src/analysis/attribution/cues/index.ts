// The cue finders of one sentence, in the order they run. The order matters: a word a finder takes is not
// offered to the later ones, and the finders after the walk run only when it found no cue.
import type {Lexicon} from '../../lexicon';
import type {Sentence} from '../../nlp/tokens';
import type {Recent} from '../context';
import type {LocalAttribution} from '../model';
import {spanTextOf} from '../records';
import {asOfReports, sourceAfterCue} from './according-to';
import {beliefCue} from './beliefs';
import {inPhraseCues, otherPhraseCue} from './in-phrases';
import {bareStance, possessiveClaim, possessiveStance, stanceFrom} from './possessives';
import {quoteTagCue, speakerColonCue} from './quote-tags';
import {verbCue} from './reporting-verbs';
import {cueSite} from './site';

export function findAttributions(sentence: Sentence, index: number, lexicon: Lexicon, recent: Recent): LocalAttribution[] {
  const site = cueSite(sentence, index, lexicon, recent);
  const {tokens} = sentence;
  const found = site.found;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word') continue;
    // "according to X", "citing X", "as of the latest reports"
    let sourceEnd = sourceAfterCue(site, i);
    if (sourceEnd < 0) sourceEnd = asOfReports(site, i);
    if (sourceEnd >= 0) {
      i = sourceEnd;
      continue;
    }
    // "Trump's claim that", "her support for", "concerns from the United States", "drew criticism from"
    if (possessiveClaim(site, i) || possessiveStance(site, i)) continue;
    let stanceEnd = stanceFrom(site, i);
    if (stanceEnd < 0) stanceEnd = bareStance(site, i);
    if (stanceEnd >= 0) {
      i = stanceEnd;
      continue;
    }
    // "is confident that"
    if (beliefCue(site, i)) continue;
    // reporting verbs, with their guards, gerunds, passives, participles and documents
    i = verbCue(site, i);
  }

  // A stance noun is the sentence's cue only when it has no other ("He cited criticism of X": "cited").
  if (found.length === 0) for (const stance of site.bareStances) found.push(stance);
  if (found.length === 0) speakerColonCue(site);
  if (found.length === 0) otherPhraseCue(site);
  if (found.every((attribution) => attribution.source === null)) {
    const unspoken = found.slice();
    quoteTagCue(site);
    // "“...,” the paper beams, adding, “...”": a speaker-less participle after the tag is the tag's.
    const tag = found.length > unspoken.length ? found[found.length - 1] : null;
    if (tag) {
      for (const participle of unspoken) {
        if (participle.cue.from > tag.cue.from)
          Object.assign(participle, {source: tag.source, kind: tag.kind, resolvedSource: tag.resolvedSource});
      }
    }
  }
  inPhraseCues(site);

  for (const attribution of found) {
    if (attribution.source) attribution.sourceText = spanTextOf(sentence, attribution.source);
  }
  return found;
}
