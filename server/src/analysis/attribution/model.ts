// The attribution model for one paragraph: cues, their sources, what they cover, quotes and their
// speakers, anonymity reasons. Rules read this; they never look for attributions themselves.
// buildParagraphModel runs the steps in order: sentences, cues (cues/), anonymity (anonymity.ts),
// quotes (quotes.ts), coverage (coverage.ts).
import type {Lexicon} from '../lexicon';
import {parseSentences, scanQuotes, type Sentence} from '../nlp/tokens';
import type {SourceKind} from '../types';
import {describeAnonymity, type ReasonCache} from './anonymity';
import {type CarriedContext, type Recent, remember} from './context';
import {computeCoverage} from './coverage';
import {findAttributions} from './cues/index';
import {attachQuotes, ParagraphIndex} from './quotes';
import type {Span} from './sources';

export {contextFor, contextKey, EMPTY_CONTEXT, type CarriedContext} from './context';

export interface LocalAttribution {
  sentence: number;
  kind: SourceKind;
  cue: Span;
  source: Span | null;
  sourceText: string | null;
  resolvedSource: string | null;
  /** Token range the attribution covers in its sentence (may be empty). */
  content: Span | null;
  /** Character range of the quote it introduces, if any (paragraph offsets). */
  quote: {start: number; end: number} | null;
  anonymityReason: string | null;
  position: string | null;
  /** The cue verb is a loaded one ("claimed"). */
  loaded: string | null;
  /** A stand taken ("wants", "voted", "backed") rather than information given. */
  stance: boolean;
}

export interface QuoteInfo {
  start: number;
  end: number;
  words: number;
  speaker: string | null;
  attribution: LocalAttribution | null;
  /** The rest of a quotation opened in an earlier paragraph (news style reopens it). */
  continued: boolean;
}

export interface ParagraphModel {
  text: string;
  sentences: Sentence[];
  attributions: LocalAttribution[];
  quotes: QuoteInfo[];
  /** Per sentence, per token: the attribution whose content covers it, if any. */
  coverage: (LocalAttribution | null)[][];
  outgoing: CarriedContext;
}

export function buildParagraphModel(text: string, incoming: CarriedContext, lexicon: Lexicon): ParagraphModel {
  const quoteScan = scanQuotes(text, incoming.openQuote);
  const sentences = parseSentences(text, quoteScan.ranges);
  const attributions: LocalAttribution[] = [];
  let recent: Recent = {lastSource: incoming.lastSource, lastPerson: incoming.lastPerson, lastBody: incoming.lastBody};

  for (let s = 0; s < sentences.length; s++) {
    const found = findAttributions(sentences[s], s, lexicon, recent);
    // A later pronoun points back to the sentence's first speaker, not to somebody inside what that
    // speaker said ("A senior official said the ministry would announce ...").
    const speaker = found.find((attribution) => attribution.sourceText && attribution.resolvedSource === null);
    if (speaker) recent = remember(recent, {text: speaker.sourceText!, kind: speaker.kind});
    for (const attribution of found) attributions.push(attribution);
  }

  const reasons: ReasonCache = new Map();
  for (const attribution of attributions) {
    if (attribution.kind === 'anonymous' && attribution.source) describeAnonymity(attribution, sentences, lexicon, reasons);
  }

  const index = new ParagraphIndex(sentences, attributions);
  const quotes = attachQuotes(quoteScan, index, incoming);
  const coverage = computeCoverage(index, attributions, quotes, lexicon);
  const lastQuote = quotes[quotes.length - 1];
  const outgoing: CarriedContext = {
    lastSource: recent.lastSource,
    lastPerson: recent.lastPerson,
    lastBody: recent.lastBody,
    openQuote: quoteScan.openAtEnd,
    quoteSpeaker: quoteScan.openAtEnd || endsOnQuote(sentences, lastQuote) ? (lastQuote?.speaker ?? null) : null
  };
  return {text, sentences, attributions, quotes, coverage, outgoing};
}

/**
 * The paragraph ends on a quotation tagged in its own last sentence ('"...," Mr Ellis said.'): a
 * quotation opening the next paragraph is the same speaker's, as news copy runs a speaker on.
 */
function endsOnQuote(sentences: Sentence[], quote: QuoteInfo | undefined): boolean {
  const last = sentences.length - 1;
  return quote !== undefined && quote.speaker !== null && quote.attribution?.sentence === last && quote.start >= sentences[last].start;
}
