// editorializing: the writer's judgement in a news sentence.
import {coveringAttribution, removalEdits, tokenSpan, type RawFinding, type Rule} from './rule';

export const editorializing: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const {tokens, norms} = sentence;
    for (const match of lexicon.editorial.findAll(norms)) {
      const first = tokens[match.from];
      if (first.quoted || coveringAttribution(model, s, match.from)) continue;
      // A capitalized word mid-sentence is part of a name ("Significant Other Records").
      if (first.capitalized && match.from > 0 && tokens[match.from - 1].norm !== '"') continue;
      // "statistically significant" is a technical term, not a judgement.
      if (first.norm === 'significant' && /^(statistically|clinically)$/.test(norms[match.from - 1] ?? '')) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      findings.push({
        ruleId: 'editorializing',
        secondary: false,
        message: `Editorializing: "${actual}" is the writer's judgement; cut it or attribute it`,
        start: span.start,
        end: span.end,
        expected: [''],
        suggestions: [{title: `Remove "${actual}"`, kind: 'remove', edits: removalEdits(model.text, sentence.start, span.start, span.end)}],
        related: []
      });
    }
  });
  return findings;
};
