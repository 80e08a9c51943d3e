// hedge: words of doubt. The writer's own are warnings; inside a quote or attributed content they are
// the source's words and only information.
import {attributeSuggestion, coveringAttribution, relatedFor, removalEdits, tokenSpan, type RawFinding, type Rule} from './rule';

export const hedge: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const {tokens, norms} = sentence;
    const blocked = new Set<number>();
    for (const not of lexicon.notHedges.findAll(norms)) for (let i = not.from; i < not.to; i++) blocked.add(i);
    for (const match of lexicon.hedges.findAll(norms)) {
      if (blocked.has(match.from)) continue;
      const first = tokens[match.from];
      // "May" mid-sentence is the month.
      if (first.norm === 'may' && first.capitalized && (match.from > 0 || tokens[match.from + 1]?.capitalized)) continue;
      // "likely" as an adjective before a noun ("the likely winner") is a fair description; flag it as an adverb or predicate.
      if (first.norm === 'likely' && match.to === match.from + 1 && /^(the|a|an|most|more)$/.test(norms[match.from - 1] ?? '')) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      const covering = coveringAttribution(model, s, match.from);
      const quoted = first.quoted;
      if (quoted || covering) {
        const who = covering?.resolvedSource ?? covering?.sourceText ?? null;
        findings.push({
          ruleId: 'hedge',
          secondary: true,
          message: `Hedge "${actual}" is the source's word${who ? ` (${who})` : ''}, not the writer's`,
          start: span.start,
          end: span.end,
          expected: [],
          suggestions: [],
          related: covering ? relatedFor(model, covering) : []
        });
        continue;
      }
      const suggestions: RawFinding['suggestions'] = [];
      if (match.value === 'removable') {
        suggestions.push({title: `Remove the hedge "${actual}"`, kind: 'remove', edits: removalEdits(model.text, sentence.start, span.start, span.end)});
      }
      suggestions.push(attributeSuggestion(model, s, 'Attribute it'));
      findings.push({
        ruleId: 'hedge',
        secondary: false,
        message: `Hedge "${actual}" in the writer's voice: say who thinks so, or state what is known`,
        start: span.start,
        end: span.end,
        expected: match.value === 'removable' ? [''] : [],
        suggestions,
        related: []
      });
    }
  });
  return findings;
};
