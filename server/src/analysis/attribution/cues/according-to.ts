// "according to X", "citing X": cues whose source follows them. An unlisted source is still one
// ("according to the 2021 census").
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
