// unsourced-statistic: percentages, amounts, large counts and trends with no source nearby.
import type {Sentence} from '../nlp/tokens';
import type {Lexicon} from '../lexicon';
import {attributeSuggestion, tokenSpan, type RawFinding, type Rule} from './rule';

const NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
const CURRENCY_SYMBOLS = new Set(['$', '\u20ac', '\u00a3', '\u00a5', '\u20b9', '\u20a9']);
const MULTIPLYING_TRENDS = new Set(['doubled', 'tripled', 'trebled', 'quadrupled', 'halved']);

export const unsourcedStatistic: Rule = ({model, lexicon}) => {
  // A source anywhere in the paragraph covers its figures ("The bureau said ... . Unemployment rose to 7%.").
  if (model.attributions.length > 0) return [];
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const statistic = findStatistic(sentence, lexicon);
    if (!statistic) return;
    const span = tokenSpan(sentence, statistic.from, statistic.to);
    const actual = model.text.slice(span.start, span.end);
    findings.push({
      ruleId: 'unsourced-statistic',
      secondary: false,
      message: `Unsourced statistic "${actual}": say where the figure comes from`,
      start: span.start,
      end: span.end,
      expected: [],
      suggestions: [attributeSuggestion(model, s)],
      related: []
    });
  });
  return findings;
};

/** The first figure in a sentence that needs a source, as a token range. */
export function findStatistic(sentence: Sentence, lexicon: Lexicon): {from: number; to: number} | null {
  const {tokens, norms} = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.quoted) continue;
    if (token.kind === 'symbol' && CURRENCY_SYMBOLS.has(token.text) && NUMBER.test(norms[i + 1] ?? '')) {
      let to = i + 2;
      if (lexicon.magnitudes.has(norms[to] ?? '')) to++;
      return {from: i, to};
    }
    // "United doubled their lead": a score, not a statistic.
    if (
      token.kind === 'word' &&
      MULTIPLYING_TRENDS.has(token.norm) &&
      !(/^(their|its|his|her|the)$/.test(norms[i + 1] ?? '') && /^(lead|advantage|tally)$/.test(norms[i + 2] ?? ''))
    )
      return {from: i, to: i + 1};
    if (token.kind === 'word' && lexicon.fractions.matchAt(norms, i)) {
      const match = lexicon.fractions.matchAt(norms, i)!;
      // "one in five", "one in 2000 patients"; not "lost the next one in 1992 to Major", a year.
      const after = norms[match.to] ?? '';
      const year =
        isYear(after) &&
        (!/^[a-z]+$/.test(norms[match.to + 1] ?? '') || /^(to|and|or|but|when|after|before|as)$/.test(norms[match.to + 1]));
      if (
        match.value.startsWith('one in') || match.value.endsWith('in')
          ? (NUMBER.test(after) && !year) || /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(after)
          : true
      ) {
        // "One in five residents": the figure runs to the number after "in".
        const to = /(in|out of)$/.test(match.value) && match.to < norms.length ? match.to + 1 : match.to;
        if (!/^(half of|majority of|a majority of|most of the)$/.test(match.value)) return {from: i, to};
      }
    }
    if (token.kind !== 'word' || !NUMBER.test(token.norm)) continue;
    const next = norms[i + 1] ?? '';
    if (next === '%') return {from: i, to: i + 2};
    const percent = lexicon.percentWords.matchAt(norms, i + 1);
    if (percent) return {from: i, to: percent.to};
    if (lexicon.magnitudes.has(next) && next !== 'hundred' && next !== 'k' && next !== 'm') {
      let to = i + 2;
      if (lexicon.currencies.has(norms[to] ?? '')) to++;
      return {from: i, to};
    }
    if (lexicon.currencies.has(next)) return {from: i, to: i + 2};
    const value = Number(token.norm.replace(/,/g, ''));
    // "from 1130 to 1215 GMT", "2340 on BBC Two": a 24-hour clock time.
    if (isClockTime(norms, i)) continue;
    const looksLikeYear = isYear(token.norm);
    const nextToken = tokens[i + 1];
    if (
      value >= 1000 &&
      !looksLikeYear &&
      nextToken?.kind === 'word' &&
      !nextToken.capitalized &&
      !lexicon.notStatisticUnits.has(next) &&
      /^[a-z]/.test(next)
    ) {
      return {from: i, to: i + 2};
    }
    if (value >= lexicon.countMinimum && !looksLikeYear && lexicon.countNouns.has(next)) return {from: i, to: i + 2};
  }
  return null;
}

const TIME_ZONES = new Set(['gmt', 'bst', 'utc', 'cet', 'et', 'est', 'edt', 'pst', 'pdt', 'hrs', 'hours', 'local']);

/** A four-figure 24-hour time before a time zone, directly or after "to NNNN" ("1130 to 1215 GMT"). */
function isClockTime(norms: readonly string[], i: number): boolean {
  const clock = (norm: string | undefined) => norm !== undefined && /^([01]\d|2[0-3])[0-5]\d$/.test(norm);
  if (!clock(norms[i])) return false;
  if (TIME_ZONES.has(norms[i + 1] ?? '')) return true;
  if ((norms[i + 1] === 'to' || norms[i + 1] === '-') && clock(norms[i + 2]) && TIME_ZONES.has(norms[i + 3] ?? '')) return true;
  return clock(norms[i - 2]) && (norms[i - 1] === 'to' || norms[i - 1] === '-') && TIME_ZONES.has(norms[i + 1] ?? '');
}

function isYear(norm: string): boolean {
  if (!/^\d{4}$/.test(norm)) return false;
  const value = Number(norm);
  return value >= 1800 && value <= 2100;
}
