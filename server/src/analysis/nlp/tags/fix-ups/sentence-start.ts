// The sentence-start fix-up: a capitalised adjective or function word opening a sentence is no name.

import type {Wink} from '../model';
import type {TaggedToken, Upos} from '../types';
import {lexEntry} from './context';

/** A verb form that agrees with a plural subject only: "predict", "are", "were", "have", "do". */
function pluralVerb(token: TaggedToken): boolean {
  const word = token.text.toLowerCase();
  if (token.pos === 'AUX') return word === 'are' || word === 'were' || word === 'have' || word === 'do' || word === "'re";
  return token.pos === 'VERB' && /^[a-z]+$/.test(word) && token.lemma === word && word !== 'be';
}

/** Parts of speech of words that open no name: the word is what the lexicon says. */
const FUNCTION_WORDS = new Set(['ADP', 'SCONJ', 'CCONJ', 'DET', 'PRON', 'AUX', 'PART']);

export function fixSentenceStart(tokens: TaggedToken[], i: number, w: Wink): void {
  const token = tokens[i];
  const text = token.text;
  // An acronym (NATO) or a single capital is what it is.
  if (text.length < 2 || text === text.toUpperCase()) return;
  const lower = text.toLowerCase();
  const entry = lexEntry(w, lower);
  const next = tokens[i + 1] as TaggedToken | undefined;
  if (!entry) {
    // A word the lexicon lacks, in -s, before a verb that agrees with a plural ("Bookmakers predict",
    // "Pollsters are"): a plural noun; a name in -s takes "predicts", "is".
    // Peoples stay PROPN, as in UD ("Americans are"): their singular is an adjective in the lexicon.
    if (
      token.pos === 'PROPN' &&
      next &&
      /^\p{Lu}\p{Ll}+[^s]s$/u.test(text) &&
      pluralVerb(next) &&
      !lexEntry(w, lower.slice(0, -1))?.can('ADJ')
    ) {
      token.pos = 'NOUN';
      token.lemma = lower.slice(0, -1);
      token.fixed = 'sentence-start';
    }
    return;
  }
  let pos: Upos | null = null;
  if (token.pos === 'NOUN') {
    // wink's NOUN for a capitalised adjective: "New controls on migrants".
    if (entry.usual === 'ADJ' && next && (next.pos === 'NOUN' || next.pos === 'ADJ')) pos = 'ADJ';
  } else if (FUNCTION_WORDS.has(entry.usual)) {
    // A function word opens no name, capital after it or not ("Several Hollywood stars").
    pos = entry.usual as Upos;
  } else if (next && next.pos !== 'PUNCT' && next.pos !== 'SYM' && /^\p{Lu}/u.test(next.text)) {
    // "Beautiful Minds Ltd", "South African": a capital after it makes a name of the two.
    return;
  } else if (entry.usual === 'ADV' || entry.usual === 'INTJ') {
    pos = entry.usual;
  } else if (entry.can('ADJ') && (entry.usual === 'ADJ' || entry.usual === 'PROPN' || entry.usual === 'VERB')) {
    // An adjective in front of a noun or another adjective ("Angry residents"); a name that is also
    // an adjective stands before a verb ("Young said").
    if (next && (next.pos === 'NOUN' || next.pos === 'ADJ')) pos = 'ADJ';
  } else if (entry.usual === 'NOUN' && w.lemmatize(lower, 'NOUN', w.cache) !== lower) {
    // A plural common noun ("Officials said", "Residents filled"); a singular one may be a surname
    // ("Baker said") and stays a name.
    pos = 'NOUN';
  }
  if (!pos) return;
  token.pos = pos;
  token.lemma = pos === 'ADJ' || pos === 'NOUN' ? w.lemmatize(lower, pos, w.cache) : lower;
  token.fixed = 'sentence-start';
}
