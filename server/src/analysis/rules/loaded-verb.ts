// loaded-verb: attribution verbs that take sides ("claimed", "admitted", "slammed").
import {tokenSpan, type RawFinding, type Rule} from './rule';

export const loadedVerb: Rule = ({model}) => {
  const findings: RawFinding[] = [];
  for (const attribution of model.attributions) {
    if (!attribution.loaded) continue;
    const sentence = model.sentences[attribution.sentence];
    const cue = sentence.tokens[attribution.cue.from];
    if (cue.quoted) continue;
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
