// unsourced-statistic: percentages, amounts, large counts and trends with no source nearby.
import type {Sentence} from '../nlp/tokens';
import type {Lexicon} from '../lexicon';
import type {ParagraphModel} from '../attribution/model';
import {classifySource, MONTHS, subjectBefore} from '../attribution/sources';
import {attributeSuggestion, coveringAttribution, tokenSpan, type RawFinding, type Rule} from './rule';
import {tagOfSentence} from '../nlp/tags';

const NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
/** "$15m", "£8.3bn": an amount written with its magnitude in one token. */
const AMOUNT_WITH_MAGNITUDE = /^\d+(\.\d+)?(m|bn|mn|tn|trn|k)$/;
const CURRENCY_SYMBOLS = new Set(['$', '\u20ac', '\u00a3', '\u00a5', '\u20b9', '\u20a9']);
const MULTIPLYING_TRENDS = new Set(['doubled', 'tripled', 'trebled', 'quadrupled', 'halved']);

export const unsourcedStatistic: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const statistic = findStatistic(sentence, lexicon);
    if (!statistic || isSourced(model, s, statistic.from, lexicon) || isMarketData(sentence.norms, statistic.from)) return;
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

/**
 * A figure is sourced when it sits in what somebody said, or when a source giving information (not a
 * stand: "the union backed the plan", nor a belief: "he may feel that way") speaks anywhere in its paragraph ("The bureau said ... .
 * Unemployment rose to 7%."). A figure the writer hedges with an agentless estimate needs its estimator
 * even so: "an estimated 90%", "is thought to have cost around $15m".
 */
function isSourced(model: ParagraphModel, s: number, from: number, lexicon: Lexicon): boolean {
  if (coveringAttribution(model, s, from) || recordedBy(model.sentences[s]) || madeBy(model.sentences[s], from, lexicon)) return true;
  if (hedgedEstimate(model.sentences[s].norms, from)) return false;
  return informedParagraph(model, lexicon);
}

const informed = new WeakMap<ParagraphModel, boolean>();

/**
 * Whether a source giving information speaks anywhere in the paragraph, answered once per model: a
 * scan of every attribution for every figure made a paragraph of many figures and cues quadratic.
 */
function informedParagraph(model: ParagraphModel, lexicon: Lexicon): boolean {
  let answer = informed.get(model);
  if (answer === undefined) {
    // A belief or feeling ("Sanders may now feel that way") covers its own words, not the paragraph's figures.
    const informs = (attribution: ParagraphModel['attributions'][number]) =>
      !lexicon.cognitionVerbs.has(model.sentences[attribution.sentence].norms[attribution.cue.from]);
    answer = model.attributions.some((attribution) => !attribution.stance && informs(attribution));
    informed.set(model, answer);
  }
  return answer;
}

/** What markets price in public: shares, indices, currencies, commodities and bonds. */
const MARKET_SUBJECTS =
  /^(shares|stocks?|index|indices|nasdaq|dow|ftse|nikkei|dax|cac|crude|brent|barrel|gold|bonds|yields|futures|gilts)$/;
/** A currency is priced against another: "the euro rose to $1.30 against the dollar". */
const CURRENCIES = /^(euro|dollar|pound|sterling|yen|yuan)$/;
const AGAINST = /^(against|versus|per|trading|traded)$/;
const MARKET_MOVES =
  /^(rose|fell|closed|trading|traded|jumped|slipped|gained|lost|dropped|climbed|slid|tumbled|rallied|surged|edged|eased|firmed|weakened|strengthened|plunged|soared|opened|ended|finished|sank|dipped|declined|advanced|added|shed|slumped|rebounded|recovered|trade|trades|fallen|risen|hit|touched|leapt|leaped|dived|rocketed|plummeted)$/;

/**
 * Market data is public record, priced on an exchange for anyone to see: "Shares closed 3% higher",
 * "the euro rose to $1.30", "crude fell 51 cents to $44.38 a barrel". AP asks no source for a stock
 * price; a market subject before the figure and a price move in the same sentence mark it.
 */
function isMarketData(norms: readonly string[], figure: number): boolean {
  // The market before the figure: "Inflation fell to 2.3%, a boost to shares" is no price.
  const before = norms.slice(0, figure);
  const priced =
    before.some((norm) => MARKET_SUBJECTS.test(norm)) ||
    (norms.some((norm) => CURRENCIES.test(norm)) && norms.some((norm) => AGAINST.test(norm)));
  return priced && norms.some((norm) => MARKET_MOVES.test(norm));
}

/**
 * The figure is its named maker's: part of a plan the maker unveils ("The Liberal Democrats unveiled
 * proposals to raise the threshold to £150,000", "Labour set out plans to spend £2bn"), or the maker's
 * own results ("Umbro has posted a 222% rise in annual profit"), or a rate it sets ("The Bank of England has
 * left interest rates on hold at 4.75%").
 */
function madeBy(sentence: Sentence, from: number, lexicon: Lexicon): boolean {
  const {norms} = sentence;
  for (const verb of lexicon.planVerbs.findAll(norms)) {
    if (verb.to > from) break;
    let noun = verb.to;
    while (noun < verb.to + 3 && noun < from && !lexicon.planNouns.has(norms[noun])) noun++;
    if (lexicon.planNouns.has(norms[noun] ?? '') && isNamedMaker(sentence, verb.from, lexicon)) return true;
  }
  for (let k = Math.max(0, from - 5); k < from; k++) {
    if (lexicon.resultVerbs.has(norms[k]) && isNamedMaker(sentence, k, lexicon)) return true;
  }
  // "The European Central Bank has left its key interest rate unchanged at 2%": the rate its setter set.
  for (let k = Math.max(0, from - 8); k < from; k++) {
    if (!lexicon.rateVerbs.has(norms[k])) continue;
    const rate = norms.slice(k + 1, from).some((norm) => norm === 'rate' || norm === 'rates');
    if (rate && isNamedMaker(sentence, k, lexicon)) return true;
  }
  return false;
}

/**
 * The subject of the verb at `verb` is an institution ("the council") or somebody named with a capital
 * that is not just the sentence's first letter ("Prices posted a rise" names nobody), or a one-word
 * subject the tagger reads as a name.
 */
function isNamedMaker(sentence: Sentence, verb: number, lexicon: Lexicon): boolean {
  const maker = subjectBefore(sentence, verb);
  if (!maker) return false;
  const kind = classifySource(sentence, maker, lexicon).kind;
  if (kind !== 'named') return kind === 'institutional';
  const firstWord = sentence.tokens.findIndex((token) => token.kind === 'word');
  if (sentence.tokens.slice(Math.max(maker.from, firstWord + 1), maker.to).some((token) => token.capitalized)) return true;
  // The sentence's first word alone: a name if the tagger says so ("Turkey has agreed a proposal").
  const {paragraph} = sentence;
  return (
    paragraph !== undefined &&
    maker.from === firstWord &&
    maker.to === firstWord + 1 &&
    tagOfSentence(paragraph, sentence, sentence.tokens[firstWord]).pos === 'PROPN'
  );
}

const RECORDED =
  /^(listed|compiled|published|released|recorded|collected|calculated|measured|registered|counted|tallied|filed|disclosed|declared|reported)$/;

/**
 * The figure's keeper named in its sentence by a participle ("received by 16 parties listed by the
 * Electoral Commission", "figures compiled by the Office for National Statistics"): a name or an
 * institution right after "by".
 */
function recordedBy(sentence: ParagraphModel['sentences'][number]): boolean {
  const {norms, tokens} = sentence;
  for (let i = 0; i + 2 < norms.length; i++) {
    if (!RECORDED.test(norms[i]) || norms[i + 1] !== 'by') continue;
    const next = norms[i + 2] === 'the' ? i + 3 : i + 2;
    if (tokens[next]?.capitalized && tokens[next].kind === 'word') return true;
  }
  return false;
}

const AGENTLESS_ESTIMATE = new Set([
  'thought',
  'believed',
  'estimated',
  'rumoured',
  'rumored',
  'understood',
  'reported',
  'said',
  'expected',
  'reckoned'
]);

/** "an estimated 90%", "is thought to have cost around $15m": no agent between the estimate and the figure. */
function hedgedEstimate(norms: readonly string[], from: number): boolean {
  if (norms[from - 1] === 'estimated' && /^(an|the)$/.test(norms[from - 2] ?? '')) return true;
  for (let k = from - 1; k >= 1 && k >= from - 8; k--) {
    if (/^[,;:.!?"()]$/.test(norms[k]) || norms[k] === 'by') return false;
    if (AGENTLESS_ESTIMATE.has(norms[k]) && /^(is|are|was|were|been|being|be|'s)$/.test(norms[k - 1]) && norms[k + 1] === 'to') return true;
  }
  return false;
}

/** The first figure in a sentence that needs a source, as a token range. */
export function findStatistic(sentence: Sentence, lexicon: Lexicon): {from: number; to: number} | null {
  const {tokens, norms} = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.quoted) continue;
    if (token.kind === 'symbol' && CURRENCY_SYMBOLS.has(token.text) && NUMBER.test(norms[i + 1] ?? '')) {
      let to = i + 2;
      if (lexicon.magnitudes.has(norms[to] ?? '')) to++;
      if (isTransactionPrice(norms, i, to)) return null;
      return {from: i, to};
    }
    // "$15m", "1.4bn euros": the magnitude written into the number.
    if (token.kind === 'symbol' && CURRENCY_SYMBOLS.has(token.text) && AMOUNT_WITH_MAGNITUDE.test(norms[i + 1] ?? '')) {
      return isTransactionPrice(norms, i, i + 2) ? null : {from: i, to: i + 2};
    }
    if (token.kind === 'word' && AMOUNT_WITH_MAGNITUDE.test(token.norm) && lexicon.currencies.has(norms[i + 1] ?? '')) {
      return isTransactionPrice(norms, i, i + 2) ? null : {from: i, to: i + 2};
    }
    const record = recordAt(norms, i);
    if (record) return record;
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
      if (lexicon.currencies.has(norms[to - 1]) && isTransactionPrice(norms, i, to)) return null;
      return {from: i, to};
    }
    // "fined 50,000 euros", like "fined $50,000".
    if (lexicon.currencies.has(next)) return isTransactionPrice(norms, i, i + 2) ? null : {from: i, to: i + 2};
    const value = Number(token.norm.replace(/,/g, ''));
    // "from 1130 to 1215 GMT", "2340 on BBC Two": a 24-hour clock time.
    if (isClockTime(norms, i)) continue;
    const looksLikeYear = isYear(token.norm);
    const nextToken = tokens[i + 1];
    // "Andre 3000 and Big Boi": plain digits after a capitalized word (not a month) are part of a name.
    const inName =
      /^\d+$/.test(token.norm) &&
      tokens[i - 1]?.capitalized === true &&
      !MONTHS.has(norms[i - 1] ?? '') &&
      !MONTH_ABBREVIATIONS.test(norms[i - 1] ?? '');
    if (
      value >= 1000 &&
      !looksLikeYear &&
      !inName &&
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

/** Nouns of a transaction whose price the parties announce: "a $4bn deal", "a $3.25bn takeover offer". */
const TRANSACTION_NOUNS = new Set([
  'deal',
  'deals',
  'offer',
  'bid',
  'bids',
  'takeover',
  'buyout',
  'acquisition',
  'purchase',
  'merger',
  'order',
  'orders',
  'contract',
  'contracts',
  'settlement',
  'listing',
  'flotation',
  'sale',
  'fee',
  'transfer',
  'agreement',
  'package',
  'lawsuit',
  'suit',
  'claim',
  'fine',
  'prize',
  'bail'
]);

/**
 * The price of a deal the story reports ("bought for $9.4bn", "a $4bn deal", "valuing the company at
 * $35bn"), or a fine, award or prize set by whoever imposed it ("fined the coach £2,000", "a fine of
 * $250,000", "a £25,000 prize"): the parties announced
 * it, and the sentence names them. A figure of a state of affairs
 * ("owing $23bn to the IMF", "a deficit of $10.7bn") still needs its source.
 */
function isTransactionPrice(norms: readonly string[], from: number, to: number): boolean {
  if (norms[from - 1] === 'for') return true;
  // "a fine of $250,000", "a prize of £25,000", "bail of £50,000": what a court or a prize sets.
  if (norms[from - 1] === 'of' && /^(fine|fines|prize|bail|damages)$/.test(norms[from - 2] ?? '')) return true;
  // "fined the coach £2,000", "was fined $50m", "awarded him £10,000": a penalty or award its maker set.
  for (let k = from - 1; k >= 0 && k >= from - 4 && !/^[,;:.!?"()]$/.test(norms[k]); k--) {
    if (/^(fined|fines|fining|awarded|awards|ordered)$/.test(norms[k])) return true;
  }
  // "valued at", "valuing the company at", "priced the shares at".
  if (norms[from - 1] === 'at') {
    for (let k = from - 2; k >= 0 && k >= from - 5 && !/^[,;:.!?"()]$/.test(norms[k]); k--)
      if (/^(valued|valuing|values|priced|pricing)$/.test(norms[k])) return true;
  }
  let next = to;
  // "$4bn (£2.1bn) deal": skip the conversion in brackets.
  if (norms[next] === '(') while (next < norms.length && norms[next] !== ')' && next - to < 12) next++;
  if (norms[next] === ')') next++;
  return TRANSACTION_NOUNS.has(norms[next] ?? '') || TRANSACTION_NOUNS.has(norms[next + 1] ?? '');
}

const RECORD_ENDS = new Set(['low', 'high', 'lows', 'highs', 'peak', 'record', 'best', 'worst']);
const SPAN_UNITS = /^(years?|decades?|centuries|century)$/;

/**
 * A record is a statistic: "a 44-year low", "the slowest pace in more than 50 years", "the highest level
 * for a decade". The superlative must be followed, within its phrase, by the span it is measured over.
 */
function recordAt(norms: readonly string[], i: number): {from: number; to: number} | null {
  const norm = norms[i];
  // "a 44-year low", "a 10-year high" (one token, or three when hyphens split them).
  if (/^\d+-(year|month|decade)$/.test(norm) && RECORD_ENDS.has(norms[i + 1] ?? '')) return {from: i, to: i + 2};
  if (
    /^(record)$/.test(norm) &&
    /^(high|low|highs|lows|level|levels)$/.test(norms[i + 1] ?? '') &&
    /^(a|at|to|the|new)$/.test(norms[i - 1] ?? '')
  )
    return {from: i, to: i + 2};
  if (!/^(the|its|their)$/.test(norms[i - 1] ?? '') || !/^[a-z]+est$/.test(norm) || NOT_SUPERLATIVE.has(norm)) return null;
  for (let k = i + 1; k < norms.length && k <= i + 6; k++) {
    if (/^[,;:.!?"()]$/.test(norms[k]) || /^(and|but|which|who|that|because)$/.test(norms[k])) return null;
    if (!/^(in|for|since|over)$/.test(norms[k])) continue;
    let n = k + 1;
    if (norms[n] === 'more' && norms[n + 1] === 'than') n += 2;
    else if (/^(nearly|almost|about|over|at|least)$/.test(norms[n] ?? '')) n += norms[n] === 'at' ? 2 : 1;
    if (norms[n] === 'a' && SPAN_UNITS.test(norms[n + 1] ?? '')) return {from: i, to: n + 2};
    if (
      (NUMBER.test(norms[n] ?? '') || /^(two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|several)$/.test(norms[n] ?? '')) &&
      SPAN_UNITS.test(norms[n + 1] ?? '')
    )
      return {from: i, to: n + 2};
    if (norms[n] === 'records' || norms[n] === 'record') return {from: i, to: n + 1};
    return null;
  }
  return null;
}

/** Words in -est that are no superlatives. */
const NOT_SUPERLATIVE = new Set([
  'west',
  'rest',
  'test',
  'interest',
  'request',
  'protest',
  'contest',
  'guest',
  'nest',
  'chest',
  'quest',
  'harvest',
  'forest',
  'arrest',
  'honest',
  'modest',
  'manifest',
  'conquest',
  'digest',
  'invest',
  'suggest',
  'latest',
  'earnest',
  'unrest',
  'behest',
  'midwest',
  'southwest',
  'northwest',
  'bequest',
  'inquest',
  'priest',
  'vest',
  'zest',
  'crest',
  'pest'
]);

/** Months as datelines shorten them ("Jan 2000"), beside their names (MONTHS). */
const MONTH_ABBREVIATIONS = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

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
