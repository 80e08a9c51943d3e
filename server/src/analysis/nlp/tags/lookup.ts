// Tagged.at: the tag of a retext word looked up by its offsets in the paragraph, one tag for a word wink split.

import {plainLemma} from './align';
import type {Tagged, TaggedToken, WordTag} from './types';
import {HYPHENS} from './words';

const UNKNOWN: WordTag = Object.freeze({pos: 'X', tag: 'FW', lemma: ''}) as WordTag;

export function makeTagged(text: string, tokens: TaggedToken[]): Tagged {
  // Token index + 1 by start offset (0: no token starts there): one array read a look-up.
  const byStart = new Int32Array(text.length + 1);
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].start >= 0) byStart[tokens[i].start] = i + 1;
  let words: Map<string, WordTag> | undefined;
  return {
    text,
    tokens,
    at(start: number, end?: number): WordTag {
      let index = start >= 0 && start < byStart.length ? byStart[start] - 1 : -1;
      if (index < 0) {
        index = covering(tokens, start);
        return index < 0 ? UNKNOWN : tokens[index];
      }
      const first = tokens[index];
      if (end === undefined || first.end >= end) return first;
      const key = `${start}:${end}`;
      let word = (words ??= new Map()).get(key);
      if (!word) words.set(key, (word = combine(text, tokens, index, end)));
      return word;
    }
  };
}

/** The token whose text covers the offset, or -1. */
function covering(tokens: TaggedToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const token = tokens[mid];
    if (token.start < 0) {
      // Unplaced tokens are rare: scan linearly around them.
      for (let i = 0; i < tokens.length; i++) if (tokens[i].start <= offset && offset < tokens[i].end) return i;
      return -1;
    }
    if (offset < token.start) hi = mid - 1;
    else if (offset >= token.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** One tag for a retext word that wink split into tokens from..(ending before `end`). */
function combine(text: string, tokens: TaggedToken[], from: number, end: number): WordTag {
  let to = from;
  while (to + 1 < tokens.length && tokens[to + 1].start >= 0 && tokens[to + 1].start < end) to++;
  let hyphenated = false;
  for (let i = from + 1; i <= to; i++) if (HYPHENS.has(tokens[i].text)) hyphenated = true;
  const first = tokens[from];
  if (!hyphenated) return {pos: first.pos, tag: first.tag, lemma: first.lemma};
  // A compound: its last word part heads it ("search-engines", "well-known", "re-elected"); a number
  // at the end does not ("COVID-19", "F-35": the first part says what it is).
  let head = to;
  while (head > from && tokens[head].pos === 'PUNCT') head--;
  if (tokens[head].pos === 'NUM' && first.pos !== 'NUM') head = from;
  const last = tokens[head];
  const surface = text.slice(first.start, last.start).toLowerCase();
  // A compound ending in a participle before a noun or after a determiner is an adjective:
  // "a well-known firm", "the long-awaited report", "a record-breaking year".
  if (last.pos === 'VERB' && head === to && /(ed|en|wn|ing)$/i.test(last.text)) {
    const next = tokens[to + 1];
    const before = tokens[from - 1];
    if ((next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) || (before && before.pos === 'DET')) {
      return {pos: 'ADJ', tag: 'JJ', lemma: plainLemma(text.slice(first.start, last.end))};
    }
  }
  const lemma =
    head === from
      ? text.slice(first.start, end).toLowerCase()
      : last.pos === 'NOUN' || last.pos === 'VERB'
        ? surface + last.lemma
        : surface + last.text.toLowerCase();
  return {pos: last.pos, tag: last.tag, lemma: plainLemma(lemma)};
}
