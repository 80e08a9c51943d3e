// editorializing: the writer's judgement in a news sentence.
import type {Sentence} from '../nlp/tokens';
import {firstAtOrAfter, RangeSet} from '../sorted';
import {othersWords, removalEdits, tokenSpan, type RawFinding, type Rule} from './rule';
import {evaluativeFindings} from './evaluative';

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
    const reported: {from: number; to: number}[] = [];
    for (const match of strict.length > 0 ? [...own, ...strict] : own) {
      if (blocked.has(match.from)) continue;
      const first = tokens[match.from];
      // "industrial centres, notably Turin" lists an example; "Notably, ..." opening a sentence judges.
      if (first.norm === 'notably' && match.from > 0 && !(match.from === 1 && tokens[0].kind === 'punct')) continue;
      if (first.quoted || othersWords(model, s, match.from)) continue;
      // A capitalized word mid-sentence is part of a name ("Significant Other Records").
      if (first.capitalized && match.from > 0 && tokens[match.from - 1].norm !== '"') continue;
      // "statistically significant" is a technical term, not a judgement.
      if (first.norm === 'significant' && /^(statistically|clinically)$/.test(norms[match.from - 1] ?? '')) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      reported.push(match);
      const naming = first.norm === 'so-called' && !strictChecks && !sneers(sentence, match.to, lexicon.soCalledClaims);
      findings.push({
        ruleId: 'editorializing',
        secondary: naming,
        message: naming
          ? `"${actual}" introduces a term here ("so-called phishing" is fine); as a sneer ("so-called experts") it is the writer's judgement`
          : `Editorializing: "${actual}" is the writer's judgement; cut it or attribute it`,
        start: span.start,
        end: span.end,
        expected: [''],
        suggestions: [{title: `Remove "${actual}"`, kind: 'remove', edits: removalEdits(model.text, sentence.start, span.start, span.end)}],
        related: []
      });
    }
    // A loop, not a spread: a sentence can hold more findings than a call's arguments.
    const reportedTokens = new RangeSet();
    for (const match of reported) reportedTokens.add({start: match.from, end: match.to});
    for (const i of blocked) reportedTokens.add({start: i, end: i + 1});
    for (const finding of evaluativeFindings(model, s, lexicon, reportedTokens)) findings.push(finding);
  });
  return findings;
};

/**
 * "so-called" before a word for a quality somebody claims ("so-called experts", "the so-called reform
 * package") doubts the claim; before a term ("so-called spyware", "the so-called oligarchs") or a name
 * ("Nintendo's so-called Revolution") it names it. The first two words after it are read, past an
 * opening quotation mark.
 */
function sneers(sentence: Sentence, after: number, claims: ReadonlySet<string>): boolean {
  const {tokens, norms} = sentence;
  let k = after;
  if (tokens[k]?.kind === 'punct' && /^["'\u201c\u2018]$/.test(norms[k])) k++;
  if (!tokens[k] || tokens[k].capitalized) return false;
  return claims.has(norms[k]) || claims.has(norms[k + 1] ?? '');
}
