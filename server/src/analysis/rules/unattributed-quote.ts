// unattributed-quote: direct quotations with no speaker, and agentless "was described as '...'".
import {firstAtOrAfter} from '../sorted';
import type {RawFinding, Rule} from './rule';

const LABEL_VERBS = new Set([
  'described',
  'called',
  'labeled',
  'labelled',
  'branded',
  'dubbed',
  'termed',
  'characterized',
  'characterised'
]);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);
/**
 * After a quoted name: "as the upper reaches are known", "as locals call it". The optional comma is
 * `(?:,\s*)?`, not `,?\s*` after `\s*`: two runs of white space side by side made a long run of spaces
 * quadratic to reject.
 */
const NAME_GLOSS =
  /^\s*(?:,\s*)?as\s+[^.,;"]{0,60}?\b(?:is|are|was|were)\s+(?:known|called|nicknamed)\b|^\s*(?:,\s*)?as\s+[^.,;"]{0,40}?\b(?:call|calls|called|know|knew)\s+(?:it|them|him|her)\b/;
/** Quotes this short are titles or scare quotes, not quotations, unless a sentence ends inside. */
const MIN_QUOTE_WORDS = 4;

export const unattributedQuote: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  for (const quote of model.quotes) {
    // A quotation running on from an earlier paragraph is judged once, where it opens.
    if (quote.speaker || quote.continued) continue;
    const inner = model.text.slice(quote.start + 1, Math.max(quote.start + 1, quote.end - 1));
    const agentless = agentlessLabel(model, quote.start);
    if (!agentless && quote.words < MIN_QUOTE_WORDS && !/[.!?]\s*$/.test(inner)) continue;
    // 'dubbed it a "press conference."': American style puts the sentence's stop inside the marks; a
    // short lower-case term is still a scare quote, not a quotation.
    if (!agentless && quote.words < MIN_QUOTE_WORDS && /^\p{Ll}/u.test(inner) && /[^.!?]\.\s*$/.test(inner)) continue;
    if (!agentless && quote.words < 2) continue;
    if (!agentless && (looksLikeTitle(inner) || (/^\p{Lu}/u.test(inner) && namedWork(model.text, quote.start)))) continue;
    if (!agentless && quote.words <= 6 && modifiesNextWord(model.text, quote.end, inner, lexicon)) continue;
    // 'the Jinshajiang - or "river of golden sand" as the upper reaches are known': a name, glossed.
    if (!agentless && quote.words <= 8 && NAME_GLOSS.test(model.text.slice(quote.end, quote.end + 80))) continue;
    findings.push({
      ruleId: 'unattributed-quote',
      secondary: false,
      message: agentless
        ? 'Quoted description with no one behind it: who described it this way?'
        : 'Quote without a speaker: say who said it (AP: every quote needs a speaker)',
      start: quote.start,
      end: quote.end,
      expected: [],
      suggestions: [addSpeaker(model.text, quote.start, quote.end)],
      related: []
    });
  }
  return findings;
};

/**
 * 'gave "protected designation of origin" status to feta': a quoted term used as a modifier, with a
 * plain noun straight after the closing mark and no punctuation inside it; a speaker's tag ('" he said')
 * is not a noun.
 */
function modifiesNextWord(text: string, end: number, inner: string, lexicon: Parameters<Rule>[0]['lexicon']): boolean {
  if (/[.!?,;:]\s*$/.test(inner)) return false;
  const next = /^ ([a-z][a-z-]*)\b/.exec(text.slice(end, end + 40));
  if (!next) return false;
  const word = next[1];
  return (
    !lexicon.speechVerbs.has(word) &&
    !lexicon.pronouns.has(word) &&
    !lexicon.cognitionVerbs.has(word) &&
    !/^(and|or|but|to|in|on|at|by|for|from|with|of|is|are|was|were|has|have|had|will|would|could|may|might|can|as|that|which|who)$/.test(
      word
    )
  );
}

/** 'for the study "Whose Secretary are You, minister"': the title of a work named right before it (capitalized). */
function namedWork(text: string, start: number): boolean {
  return /\b(study|report|book|novel|film|album|song|single|programme|program|show|play|series|campaign|documentary|paper|entitled|titled|headlined)\s*$/i.test(
    text.slice(Math.max(0, start - 30), start)
  );
}

/** "The Might of the Mountains": a title in quotation marks, not a quotation. */
function looksLikeTitle(inner: string): boolean {
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > 12 || /[.!?]["”]?\s*$/.test(inner.trim())) return false;
  const small = /^(a|an|the|of|and|or|in|on|at|to|for|with|by|from)$/;
  return words.every((word, i) => /^\p{Lu}/u.test(word) || (i > 0 && small.test(word)));
}

function agentlessLabel(model: Parameters<Rule>[0]['model'], quoteStart: number): boolean {
  // Binary searches: a paragraph of thousands of quotes must not cost quotes × tokens.
  const sentence = model.sentences[firstAtOrAfter(model.sentences, quoteStart, (candidate) => candidate.end - 1)];
  if (!sentence || sentence.start > quoteStart) return false;
  const index = firstAtOrAfter(sentence.tokens, quoteStart, (token) => token.start);
  if (index < 2 || sentence.tokens[index]?.start !== quoteStart) return false;
  const norms = sentence.norms;
  let verb = index - 1;
  if (norms[verb] === 'as') verb--;
  if (!LABEL_VERBS.has(norms[verb])) return false;
  let be = verb - 1;
  while (be >= 0 && norms[be].endsWith('ly')) be--;
  // 'was described as "reckless" by the union' names who described it.
  let close = index + 1;
  while (close < norms.length && close - index < 16 && norms[close] !== '"') close++;
  const agent = norms[close] === '"' && norms[close + 1] === 'by';
  return be >= 0 && BE.has(norms[be]) && !agent;
}

function addSpeaker(text: string, start: number, end: number) {
  const closing = end - 1;
  const lastInside = text[closing - 1];
  const after = text[end];
  let edits;
  if (after === '.') edits = [{start: end, end, newText: ', [TK: speaker] said'}];
  else if (lastInside === '.' && (after === undefined || /\s/.test(after))) {
    edits = [
      {start: closing - 1, end: closing, newText: ','},
      {start: end, end, newText: ' [TK: speaker] said.'}
    ];
  } else if (lastInside === ',') edits = [{start: end, end, newText: ' [TK: speaker] said,'}];
  else edits = [{start: end, end, newText: ', [TK: speaker] said'}];
  return {title: 'Add the speaker', kind: 'add-speaker' as const, edits};
}
