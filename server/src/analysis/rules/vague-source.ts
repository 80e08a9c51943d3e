// vague-source: weasel attribution ("experts say", "local media reported", "as of the latest reports").
import {attributeSuggestion, coveringAttribution, isNested, relatedFor, tokenSpan, type RawFinding, type Rule} from './rule';

export const vagueSource: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  const taken: {start: number; end: number}[] = [];
  const overlaps = (span: {start: number; end: number}) => taken.some((t) => t.start < span.end && span.start < t.end);
  for (const attribution of model.attributions) {
    if (attribution.kind !== 'vague' || !attribution.source || attribution.resolvedSource || isNested(model, attribution)) continue;
    const sentence = model.sentences[attribution.sentence];
    if (sentence.tokens[attribution.source.from].quoted) continue;
    const span = tokenSpan(sentence, attribution.source.from, attribution.source.to);
    taken.push(span);
    findings.push(build(model, attribution.sentence, span, model.text.slice(span.start, span.end), relatedFor(model, attribution)));
  }
  model.sentences.forEach((sentence, s) => {
    const matches = [...lexicon.vaguePhrases.findAll(sentence.norms), ...lexicon.crowdPhrases.findAll(sentence.norms).filter((match) => isCrowdSource(model, s, match))];
    for (const match of matches) {
      if (sentence.tokens[match.from].quoted) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      if (overlaps(span)) continue;
      taken.push(span);
      findings.push(build(model, s, span, model.text.slice(span.start, span.end), []));
    }
  });
  return findings;
};

function build(model: Parameters<Rule>[0]['model'], sentenceIndex: number, span: {start: number; end: number}, actual: string, related: RawFinding['related']): RawFinding {
  return {
    ruleId: 'vague-source',
    secondary: false,
    message: `Vague source: "${actual}" does not say who (name the experts, outlet or report)`,
    start: span.start,
    end: span.end,
    expected: ['[TK: named source]'],
    suggestions: [
      {title: 'Name the source', kind: 'name-source', edits: [{start: span.start, end: span.end, newText: '[TK: named source]'}]},
      attributeSuggestion(model, sentenceIndex)
    ],
    related
  };
}

/** A crowd phrase inside somebody's attributed words ("the minister said many analysts agree") is theirs. */
function isCrowdSource(model: Parameters<Rule>[0]['model'], sentenceIndex: number, match: {from: number; to: number}): boolean {
  return coveringAttribution(model, sentenceIndex, match.from) === null;
}
