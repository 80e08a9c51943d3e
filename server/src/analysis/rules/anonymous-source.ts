// anonymous-source: information credited to somebody the reader cannot identify.
import {RangeSet} from '../sorted';
import {isNested, relatedFor, tokenSpan, type RawFinding, type Rule} from './rule';

export const anonymousSource: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  const flagged = new RangeSet();
  for (const attribution of model.attributions) {
    if (attribution.kind !== 'anonymous' || !attribution.source || attribution.resolvedSource || isNested(model, attribution)) continue;
    const sentence = model.sentences[attribution.sentence];
    const span = tokenSpan(sentence, attribution.source.from, attribution.source.to);
    flagged.add(span);
    findings.push(build(model.text, span, attribution.anonymityReason, attribution.position, relatedFor(model, attribution)));
  }
  // Anonymous phrases outside an attribution we recognised ("a person familiar with the matter").
  model.sentences.forEach((sentence) => {
    for (const match of lexicon.anonymousMarkers.findAll(sentence.norms)) {
      if (!/unnamed|anonymous|unidentified|familiar|knowledge|briefed|declined|asked not/.test(match.value)) continue;
      const phrase = nounPhraseAround(sentence.norms, match.from, match.to);
      // "an unidentified man was arrested", "his unnamed daughter": an unnamed person, not a source.
      if (/^(unnamed|anonymous|unidentified|nameless)$/.test(match.value) && !hasSourceHead(sentence.norms, phrase, lexicon)) continue;
      // "accused anonymous people of stealing", "sued unnamed individuals": the ones acted against, not sources.
      if (ACTED_AGAINST.test(sentence.norms[phrase.from - 1] ?? '')) continue;
      // "a person (directly) familiar with", "sources briefed on"; not "as people become more familiar
      // with" or "he was briefed on": the vantage point must describe the person right before it.
      if (/^(familiar|with|briefed|knowledgeable)/.test(match.value) && !personBefore(sentence.norms, match.from, lexicon)) continue;
      const span = tokenSpan(sentence, phrase.from, phrase.to);
      if (flagged.overlaps(span) || sentence.tokens[match.from].quoted) continue;
      flagged.add(span);
      findings.push(build(model.text, span, null, null, []));
    }
  });
  return findings;
};

/** Whether an "unnamed ..." phrase names a source ("unnamed officials", "an anonymous person"), not just somebody. */
function hasSourceHead(norms: string[], phrase: {from: number; to: number}, lexicon: Parameters<Rule>[0]['lexicon']): boolean {
  for (let i = phrase.from; i < phrase.to; i++) if (lexicon.anonymousHeads.has(norms[i]) || lexicon.vagueHeads.has(norms[i])) return true;
  return false;
}

/** Words before an unnamed person who is acted against, not heard from. */
const ACTED_AGAINST =
  /^(accused|accuses|accusing|sued|sues|suing|charged|arrested|blamed|against|fined|jailed|convicted|identify|identified)$/;

/** People words a vantage phrase can describe besides source heads ("people", "someone", "those"). */
const PEOPLE = new Set(['people', 'someone', 'somebody', 'those', 'one', 'two', 'three', 'others', 'individuals', 'persons']);

function personBefore(norms: string[], from: number, lexicon: Parameters<Rule>[0]['lexicon']): boolean {
  let k = from - 1;
  while (k >= 0 && /ly$/.test(norms[k])) k--;
  return k >= 0 && (lexicon.anonymousHeads.has(norms[k]) || lexicon.vagueHeads.has(norms[k]) || PEOPLE.has(norms[k]));
}

function nounPhraseAround(norms: string[], from: number, to: number): {from: number; to: number} {
  // "unnamed government sources": take the words up to the head noun; "familiar with the matter": back to its noun.
  let start = from;
  let end = to;
  if (/^(unnamed|anonymous|unidentified|nameless)$/.test(norms[from])) {
    while (
      end < norms.length &&
      end - to < 3 &&
      /^[a-z][a-z'-]*$/.test(norms[end]) &&
      !/^(that|said|say|says|told|who|and|to|in|of|on|at)$/.test(norms[end])
    )
      end++;
    if (start > 0 && /^(an|a|the|two|three|several|some)$/.test(norms[start - 1])) start--;
  } else {
    while (
      start > 0 &&
      from - start < 4 &&
      /^[a-z][a-z'-]*$/.test(norms[start - 1]) &&
      !/^(said|say|says|told|and|to|according|citing)$/.test(norms[start - 1])
    )
      start--;
    while (
      end < norms.length &&
      end - to < 4 &&
      /^[a-z][a-z'-]*$/.test(norms[end]) &&
      !/^(said|say|says|told|and|that|who)$/.test(norms[end])
    )
      end++;
  }
  return {from: start, to: end};
}

function build(
  text: string,
  span: {start: number; end: number},
  reason: string | null,
  position: string | null,
  related: RawFinding['related']
): RawFinding {
  // "A police officer, who asked not to be named ..., said": name the officer, keep the clause.
  const comma = text.slice(span.start, span.end).indexOf(',');
  const nameEnd = comma > 0 ? span.start + comma : span.end;
  const suggestions: RawFinding['suggestions'] = [
    {title: 'Name the source', kind: 'name-source', edits: [{start: span.start, end: nameEnd, newText: '[TK: name and title]'}]}
  ];
  if (!reason) {
    const next = text[span.end];
    const insert =
      next === ','
        ? ', who spoke on condition of anonymity because [TK: reason]'
        : ', who spoke on condition of anonymity because [TK: reason],';
    const atEnd = next === '.' || next === undefined || next === ';';
    suggestions.unshift({
      title: 'Add the reason for anonymity',
      kind: 'add-reason',
      edits: [{start: span.end, end: span.end, newText: atEnd ? insert.replace(/,$/, '') : insert}]
    });
  }
  const positionNote = position ? '' : "; the source's position is not described";
  return {
    ruleId: 'anonymous-source',
    secondary: reason !== null,
    message: reason
      ? `Anonymous source; reason given for anonymity ("${reason}")${positionNote}`
      : `Anonymous source with no reason given for anonymity (AP: explain why)${positionNote}`,
    start: span.start,
    end: span.end,
    expected: ['[TK: name and title]'],
    suggestions,
    related
  };
}
