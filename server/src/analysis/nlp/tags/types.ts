// The types of the part-of-speech layer (documented in nlp/tags.ts).

export type Upos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export interface WordTag {
  /** Universal POS. */
  pos: Upos;
  /** Penn Treebank tag, derived by whosaid (wink has none). */
  tag: string;
  /** Lower case, plain apostrophes. */
  lemma: string;
}

export interface TaggedToken extends WordTag {
  /** Offsets in the paragraph; -1 when the token could not be found in the text (never seen so far). */
  start: number;
  end: number;
  text: string;
  /** Set when a fix-up of whosaid's changed wink's tag: which one. */
  fixed?: 'sentence-start' | 'capital-adjective' | 'verb-s' | 'plural-subject' | 'main-verb';
  /** First token of a sentence (wink's sentence breaks). */
  sentenceStart?: boolean;
}

export interface Tagged {
  readonly text: string;
  readonly tokens: readonly TaggedToken[];
  /**
   * The tag of the word at `start` in the paragraph; with `end`, of the whole word [start, end) even
   * when wink split it. Offsets inside a wink token get that token's tag.
   */
  at(start: number, end?: number): WordTag;
}

/** What a tag lookup needs of a token: its offsets in the paragraph. */
export interface Span {
  start: number;
  end: number;
}

export interface TagOptions {
  /** Apply whosaid's fix-ups to wink's tags (default true; false for measuring wink alone). */
  fixUps?: boolean;
}
