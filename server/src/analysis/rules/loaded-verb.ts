// loaded-verb: attribution verbs that take sides ("claimed", "admitted", "slammed").
import {tokenSpan, type RawFinding, type Rule} from './rule';

export const loadedVerb: Rule = ({model}) => {
  const findings: RawFinding[] = [];
  for (const attribution of model.attributions) {
    if (!attribution.loaded) continue;
    const sentence = model.sentences[attribution.sentence];
    const cue = sentence.tokens[attribution.cue.from];
    if (cue.quoted) continue;
    // "claimed victory", "admitted the error" report deeds, not words; only a clause after the verb
    // makes it an attribution that "said" could replace.
    if (attribution.loaded === 'said' || attribution.loaded === 'says' || attribution.loaded === 'say' || attribution.loaded === 'saying') {
      const inverted = attribution.source !== null && attribution.source.from > attribution.cue.from;
      if (!inverted && !clauseFollows(sentence.norms, attribution.cue.from + 1)) continue;
    }
    const span = tokenSpan(sentence, attribution.cue.from, attribution.cue.from + 1);
    const replacement = cue.capitalized ? attribution.loaded[0].toUpperCase() + attribution.loaded.slice(1) : attribution.loaded;
    findings.push({
      ruleId: 'loaded-verb',
      secondary: false,
      message: `Loaded attribution verb "${cue.text}": it takes sides; "${replacement}" is neutral (AP)`,
      start: span.start,
      end: span.end,
      expected: [replacement],
      suggestions: [{title: `Use "${replacement}"`, kind: 'rewrite', edits: [{start: span.start, end: span.end, newText: replacement}]}],
      related: []
    });
  }
  return findings;
};

const FINITE = new Set([
  'was',
  'were',
  'is',
  'are',
  'had',
  'has',
  'have',
  'would',
  'will',
  'could',
  'did',
  'does',
  'do',
  'should',
  'might',
  'may',
  'can',
  'must'
]);

function clauseFollows(norms: string[], from: number): boolean {
  const next = norms[from];
  if (next === undefined || /^(that|,|:|"|\.|;)$/.test(next)) return true;
  for (let i = from; i < norms.length && i < from + 8; i++) {
    if (/^[,.;:!?]$/.test(norms[i])) return false;
    if (FINITE.has(norms[i])) return true;
  }
  return false;
}
