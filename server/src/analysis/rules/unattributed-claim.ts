// unattributed-claim: predictions, beliefs, concerns and allegations with nobody behind them.
import type {Suggestion} from '../types';
import type {Sentence} from '../nlp/tokens';
import {QUANTIFIER_SUBJECTS} from '../attribution/sources';
import {attributeSuggestion, othersWords, tokenSpan, type RawFinding, type Rule} from './rule';
import {stateOfMindFindings} from './states-of-mind';

/** "It is believed that" -> "[TK: who] believes that". */
const ACTIVE_FORMS: Record<string, string> = {
  believed: 'believes',
  thought: 'thinks',
  expected: 'expects',
  feared: 'fears',
  hoped: 'hopes',
  understood: 'understands',
  said: 'says',
  alleged: 'alleges',
  claimed: 'claims',
  reported: 'reports',
  suspected: 'suspects',
  estimated: 'estimates',
  predicted: 'predicts',
  rumored: 'says',
  rumoured: 'says',
  known: 'knows',
  assumed: 'assumes',
  presumed: 'presumes',
  considered: 'considers',
  anticipated: 'anticipates',
  projected: 'projects',
  forecast: 'forecasts'
};

/** "seen as far away as", "described as well as": "as" opening a comparison, not a judgement. */
const NOT_JUDGED_AFTER_AS = new Set(['far', 'well', 'much', 'many', 'long', 'soon', 'early', 'late', 'little', 'few', 'recently', 'often']);

export const unattributedClaim: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const {tokens, norms} = sentence;
    for (const match of lexicon.claims.findAll(norms)) {
      const first = tokens[match.from];
      if (first.quoted || othersWords(model, s, match.from)) continue;
      // "is expected by analysts to" names who expects.
      if (
        norms[match.to] === 'by' ||
        norms[match.to - 1] === 'by' ||
        agentAfterQuote(norms, match.to) ||
        (/^(as|a|an|the)$/.test(norms[match.to - 1]) && agentAfterLabel(norms, match.to, lexicon))
      )
        continue;
      if (match.value === 'passive' && norms[match.to] === 'by') continue;
      // "drew criticism from unions", "praise from reviewers for": the holder follows the noun.
      if (match.value === 'holderless' && holderAfter(norms, match.to)) continue;
      // "I would certainly agree", "I was destined to": the writer speaking of themselves, not a forecast.
      if (match.value === 'forecast' && /^(i|we)$/.test(norms[match.from - 1] ?? '') && /^(would|was|am)$/.test(norms[match.from] ?? ''))
        continue;
      // "it is known as Fourth Avenue" gives a name; "could be seen as far away as" measures.
      if (norms[match.to - 1] === 'known' && norms[match.to] === 'as') continue;
      if (norms[match.to - 1] === 'as' && NOT_JUDGED_AFTER_AS.has(norms[match.to] ?? '')) continue;
      if (match.value === 'judgement' && !isJudgementAfter(tokens[match.to], lexicon)) continue;
      // "is being branded as Television Numerique pour Tous": a brand name, not a verdict.
      if (norms[match.to - 1] === 'as' && /^(branded|marketed)$/.test(norms[match.to - 2] ?? '') && tokens[match.to]?.capitalized) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      const suggestions: Suggestion[] = [];
      const rewrite =
        match.value === 'passive'
          ? rewritePassive(sentence, match.from, match.to)
          : match.value === 'judgement'
            ? {
                title: 'Name who holds the view ("by [TK: who]")',
                kind: 'rewrite' as const,
                edits: [{start: span.end, end: span.end, newText: ' by [TK: who]'}]
              }
            : null;
      if (rewrite) suggestions.push(rewrite);
      suggestions.push(attributeSuggestion(model, s));
      findings.push({
        ruleId: 'unattributed-claim',
        secondary: false,
        message: message(match.value, actual),
        start: span.start,
        end: span.end,
        expected: rewrite ? rewrite.edits.map((edit) => edit.newText.trim()) : [],
        suggestions,
        related: []
      });
    }
    // A loop, not a spread: a sentence can hold more findings than a call's arguments.
    for (const finding of stateOfMindFindings(model, s, lexicon)) findings.push(finding);
  });
  return findings;
};

/** "are considered vital", "was deemed too sensitive": the judgement follows at once. */
function isJudgementAfter(next: Sentence['tokens'][number] | undefined, lexicon: Parameters<Rule>[0]['lexicon']): boolean {
  if (!next || next.kind !== 'word') return false;
  return !lexicon.notJudgementAfter.has(next.norm) && !/[a-z]ly$/.test(next.norm);
}

/**
 * "is considered a traditional folk song by many filmgoers", "was hailed as the album of the year by
 * many critics": the judgement's holder after a short label, within the clause.
 */
function agentAfterLabel(norms: string[], from: number, lexicon: Parameters<Rule>[0]['lexicon']): boolean {
  for (let k = from + 1; k < norms.length && k <= from + 8; k++) {
    // Only a crowd: "a show of unity by Mr Blair", "a concert broadcast by phone", "the best by far"
    // put "by" inside the label. The crowd is reported by vague-source.
    if (norms[k] === 'by') return QUANTIFIER_SUBJECTS.has(norms[k + 1] ?? '') || lexicon.vagueHeads.has(norms[k + 1] ?? '');
    if (/^[,;:.!?"()]$/.test(norms[k]) || /^(and|but|that|which|who|because|while|although|to)$/.test(norms[k])) return false;
  }
  return false;
}

/** 'was described as "reckless" by the union', '... as a "safe pair of hands" by his coach': the agent follows the quoted words. */
function agentAfterQuote(norms: string[], from: number): boolean {
  // 'described as a "consummate professional" by his friend': an article may stand before the quote.
  let open = /^(a|an|the)$/.test(norms[from] ?? '') && norms[from + 1] === '"' ? from + 1 : from;
  // 'described as "irresponsible" and "outrageous" by the commission': quoted words, then the agent.
  for (let quotes = 0; quotes < 4 && norms[open] === '"'; quotes++) {
    let close = open + 1;
    while (close < norms.length && close - open <= 12 && norms[close] !== '"') close++;
    if (norms[close] !== '"') return false;
    if (norms[close + 1] === 'by') return true;
    if (!/^(and|or|,)$/.test(norms[close + 1] ?? '')) return false;
    open = close + 2;
  }
  return false;
}

/**
 * "from unions", "by reviewers", "among residents", within the clause after a verdict noun ("praise for
 * the rescue from residents"); "by cutting fares" gives a means, not a holder.
 */
function holderAfter(norms: string[], from: number): boolean {
  for (let k = from; k < norms.length && k < from + 8; k++) {
    if (/^[,;:.!?"()]$/.test(norms[k]) || /^(and|but|which|who|that|because|while|after|when)$/.test(norms[k])) return false;
    if (/^(from|by|among)$/.test(norms[k]) && !/ing$/.test(norms[k + 1] ?? '')) return true;
  }
  return false;
}

function message(kind: string, actual: string): string {
  if (kind === 'concern') return `Unattributed claim: "${actual}" — whose concern is it? Name who holds it`;
  if (kind === 'holderless') return `Unattributed claim: "${actual}" — from whom? Name who made or holds it`;
  if (kind === 'forecast') return `Unattributed claim: "${actual}" is the writer's forecast; say who predicts it`;
  if (kind === 'adverb') return `Unattributed claim: "${actual}" — say who alleges it`;
  return `Unattributed claim: "${actual}" hides who expects or believes it (AP: attribute predictions and opinions)`;
}

function rewritePassive(sentence: Parameters<typeof tokenSpan>[0], from: number, to: number): Suggestion | null {
  const {tokens, norms} = sentence;
  // "It is believed (that)": the whole opener becomes "[TK: who] believes".
  if (norms[from] === 'it') {
    let participle = -1;
    for (let i = from + 1; i < to; i++) if (ACTIVE_FORMS[norms[i]]) participle = i;
    if (participle < 0) return null;
    const active = ACTIVE_FORMS[norms[participle]];
    const lead = '[TK: who]';
    return {
      title: `Rewrite as "${lead} ${active} ..."`,
      kind: 'rewrite',
      edits: [{start: tokens[from].start, end: tokens[participle].end, newText: `${lead} ${active}`}]
    };
  }
  // "is expected to" -> "is expected by [TK: who] to"; "is seen as" -> "is seen by [TK: who] as".
  const last = norms[to - 1];
  if ((last === 'to' || last === 'as' || last === 'that') && to - 1 > from) {
    const at = tokens[to - 1].start;
    return {title: 'Name who holds the view ("by [TK: who]")', kind: 'rewrite', edits: [{start: at, end: at, newText: 'by [TK: who] '}]};
  }
  return null;
}
