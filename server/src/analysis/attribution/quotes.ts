// Quotations and their speakers: each quotation is linked to the nearest cue in its sentences, or the
// sentence before or after, or the speaker carried from the previous paragraph.
import {isQuoteMark, type QuoteScan, type Sentence} from '../nlp/tokens';
import {firstAtOrAfter} from '../sorted';
import type {CarriedContext} from './context';
import type {LocalAttribution, QuoteInfo} from './model';
import {blank} from './records';

/** Index look-ups over a paragraph's sentences and attributions, so quotes cost O(log n) each. */
export class ParagraphIndex {
  readonly bySentence: LocalAttribution[][];
  private readonly wordCounts: Int32Array;

  constructor(
    readonly sentences: Sentence[],
    attributions: LocalAttribution[]
  ) {
    this.bySentence = sentences.map(() => []);
    for (const attribution of attributions) this.bySentence[attribution.sentence]?.push(attribution);
    this.wordCounts = new Int32Array(sentences.length);
    sentences.forEach((sentence, s) => {
      let words = 0;
      for (const token of sentence.tokens) if (token.kind === 'word') words++;
      this.wordCounts[s] = words;
    });
  }

  /** The sentence holding an offset, or the first one after it; -1 past the end. */
  sentenceAt(offset: number): number {
    // Offsets are whole numbers: "end > offset" is "end >= offset + 1".
    const found = firstAtOrAfter(this.sentences, offset + 1, (sentence) => sentence.end);
    return found < this.sentences.length ? found : -1;
  }

  words(s: number): number {
    return this.wordCounts[s];
  }
}

/** The first token whose start is at or after `offset`. */
export function tokenAt(sentence: Sentence, offset: number): number {
  return firstAtOrAfter(sentence.tokens, offset, (token) => token.start);
}

/** Links each quotation to a speaker in its own sentences or the sentence before or after. */
export function attachQuotes(scan: QuoteScan, index: ParagraphIndex, incoming: CarriedContext): QuoteInfo[] {
  const {sentences, bySentence} = index;
  const quotes: QuoteInfo[] = [];
  for (const range of scan.ranges) {
    const first = index.sentenceAt(range.start);
    if (first < 0 || sentences[first].start >= range.end) continue;
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1].start < range.end) last++;
    let words = 0;
    for (let s = first; s <= last; s++) {
      const tokens = sentences[s].tokens;
      for (let t = tokenAt(sentences[s], range.start + 1); t < tokens.length && tokens[t].end <= range.end; t++)
        if (tokens[t].kind === 'word') words++;
    }
    // The cue nearest the quote in its own sentences; else the sentence after ("..." / He said.)
    // or before ("She said:" / "...").
    let attribution = nearestCue(index, first, last, range);
    if (!attribution && last + 1 < sentences.length && index.words(last + 1) <= 25) {
      attribution = bySentence[last + 1].find((a) => a.cue.from <= 6) ?? null;
    }
    if (!attribution && first > 0) {
      const previousSentence = sentences[first - 1];
      const list = bySentence[first - 1];
      const lastToken = previousSentence.tokens[previousSentence.tokens.length - 1];
      const candidate = list[list.length - 1];
      if (candidate && (lastToken.norm === ':' || candidate.cue.to >= previousSentence.tokens.length - 2)) attribution = candidate;
    }
    // A second quote right after an attributed one continues the same speaker:
    // "“We will rebuild,” said Mayor Lowe. “Every house, every school.”"
    const previous = quotes[quotes.length - 1];
    if (!attribution && previous?.speaker && previous.attribution) {
      const previousEnd = index.sentenceAt(previous.end - 1);
      if (first - previousEnd <= 1) attribution = previous.attribution;
    }
    // A quotation that opens its sentence right after somebody's reported words in the same paragraph
    // is theirs: "Mr Gopinath said the planes will connect regional cities. “After an evaluation ...”".
    let carried = false;
    if (!attribution && first > 0 && opensSentence(sentences[first], range.start)) {
      // "..., he says, advertisers will follow. He is clear the ads will be small. “We are ...”": a
      // sentence between that goes on about the same person ("He", "She"), citing nobody, keeps them.
      let back = first - 1;
      while (back > 0 && first - back < 3 && bySentence[back].length === 0 && PERSON_PRONOUNS.has(sentences[back].tokens[0]?.norm ?? ''))
        back--;
      const reported = bySentence[back].find(
        (a) => a.source !== null && !a.stance && a.kind !== 'document' && (back === first - 1 || a.kind === 'named')
      );
      if (reported) {
        attribution = reported;
        carried = true;
      }
    }
    let speaker = attribution ? (attribution.resolvedSource ?? attribution.sourceText) : null;
    if (!attribution && range.start === 0 && incoming.quoteSpeaker) {
      // The quote carries on from the previous paragraph, or opens this one after a quotation the last
      // paragraph ended on: its speaker carries on too.
      speaker = incoming.quoteSpeaker;
      attribution = {...blank(first), resolvedSource: speaker, sourceText: speaker, quote: {start: range.start, end: range.end}};
    }
    if (attribution && !carried && !attribution.quote && range.closed) attribution.quote = {start: range.start, end: range.end};
    quotes.push({start: range.start, end: range.end, words, speaker, attribution, continued: range.start === 0 && incoming.openQuote});
  }
  return quotes;
}

const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Whether the quotation opening at character `start` is the first thing in its sentence. */
export function opensSentence(sentence: Sentence, start: number): boolean {
  const first = sentence.tokens[0];
  return first !== undefined && isQuoteMark(first) && first.start === start;
}

/** Among the attributions of sentences first..last, the one whose cue is nearest the quote. */
function nearestCue(index: ParagraphIndex, first: number, last: number, range: {start: number; end: number}): LocalAttribution | null {
  let best: LocalAttribution | null = null;
  let bestDistance = Infinity;
  for (let s = first; s <= last; s++) {
    const list = index.bySentence[s];
    if (list.length === 0) continue;
    const tokens = index.sentences[s].tokens;
    // Cues are in text order within a sentence: look only at the two either side of the quote.
    const low = firstAtOrAfter(list, range.start, (attribution) => tokens[attribution.cue.from].start);
    for (const k of [low - 1, low, low + 1]) {
      const candidate = list[k];
      if (!candidate) continue;
      const cue = tokens[candidate.cue.from];
      const distance = cue.start >= range.end ? cue.start - range.end : cue.end <= range.start ? range.start - cue.end : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
  }
  return best;
}
