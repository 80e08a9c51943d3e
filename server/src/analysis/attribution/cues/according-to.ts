// "according to X", "citing X": cues whose source follows them. An unlisted source is still one
// ("according to the 2021 census"). And "as of the latest reports", which credits the clause to reports.
import {phraseAfter} from '../sources';
import {add, attribute, type CueSite} from './site';

/** The cue at `i` and its source; returns the index of the source's last token, or -1 when there is none. */
export function sourceAfterCue(site: CueSite, i: number): number {
  const {sentence, lexicon} = site;
  const after = lexicon.sourceAfterCues.matchAt(sentence.norms, i);
  if (!after) return -1;
  const source = phraseAfter(sentence, after.to, {opensSentence: i <= site.firstWord});
  if (!source) return -1;
  add(site, attribute(site, {from: i, to: after.to}, source, null, 'document'));
  return source.to - 1;
}

/** What "as of" credits a clause to, when it is a source and not a time ("as of Monday"). */
const AS_OF_HEADS = /^(reports|accounts)$/;

/**
 * "As of the latest reports, it had not crossed": the reports are the clause's source (vague: whose?).
 * Returns the index of the source's last token, or -1.
 */
export function asOfReports(site: CueSite, i: number): number {
  const {sentence} = site;
  if (sentence.norms[i] !== 'as' || sentence.norms[i + 1] !== 'of') return -1;
  const source = phraseAfter(sentence, i + 2, {opensSentence: i <= site.firstWord});
  if (!source || !AS_OF_HEADS.test(sentence.norms[source.to - 1])) return -1;
  add(site, attribute(site, {from: i, to: i + 2}, source, null, 'vague'));
  return source.to - 1;
}
