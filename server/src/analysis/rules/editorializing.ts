// editorializing: the writer's judgement in a news sentence.
import {firstAtOrAfter} from '../sorted';
import {coveringAttribution, removalEdits, tokenSpan, type RawFinding, type Rule} from './rule';

export const editorializing: Rule = ({model, lexicon, strict: strictChecks}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const {tokens, norms} = sentence;
    const blocked = new Set<number>();
    for (const not of lexicon.notEditorial.findAll(norms)) for (let i = not.from; i < not.to; i++) blocked.add(i);
    const own = lexicon.editorial.findAll(norms);
    // Under the strict preset, also the superlatives the default leaves alone ("one of the most visited").
    // `own` is in order and its matches do not overlap: a binary search finds the one that could.
    const taken = (from: number, to: number) => {
      const at = firstAtOrAfter(own, to, (match) => match.from) - 1;
      return at >= 0 && own[at].to > from;
    };
    const strict = strictChecks ? lexicon.editorialStrict.findAll(norms).filter((match) => !taken(match.from, match.to)) : [];
    for (const match of strict.length > 0 ? [...own, ...strict] : own) {
      if (blocked.has(match.from)) continue;
      const first = tokens[match.from];
      // "industrial centres, notably Turin" lists an example; "Notably, ..." opening a sentence judges.
      if (first.norm === 'notably' && match.from > 0 && !(match.from === 1 && tokens[0].kind === 'punct')) continue;
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
