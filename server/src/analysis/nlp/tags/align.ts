// wink's tokens placed in the paragraph: their offsets, lemmas and sentence starts.

import type {Wink} from './model';
import {pennTag} from './penn';
import type {TaggedToken, Upos} from './types';

/** wink's tokens of a paragraph (not blank), placed at their offsets in it, before the fix-ups. */
export function alignTokens(text: string, w: Wink): TaggedToken[] {
  const tokens: Tok[] = [];
  const doc = w.nlp.readDoc(text);
  const its = w.its;
  const all = doc.tokens();
  const values: string[] = all.out(its.value);
  const pos: string[] = all.out(its.pos);
  const lemmas: string[] = all.out(its.lemma);
  let cursor = 0;
  let ended = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Past the white space before the token (cheaper than asking wink for it).
    let newline = false;
    for (
      let code = text.charCodeAt(cursor);
      cursor < text.length &&
      (code <= 32 ||
        code === 0xa0 ||
        (code >= 0x2000 && code <= 0x200b) ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
      code = text.charCodeAt(++cursor)
    ) {
      if (code === 10 || code === 13) newline = true;
    }
    // wink keeps line breaks and tabs as tokens of their own (pos SPACE): not words, left out.
    if (pos[i] === 'SPACE' || value.charCodeAt(0) <= 32) {
      if (value.includes('\n')) ended = true;
      continue;
    }
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (start >= 0) cursor = start + value.length;
    else start = -1;
    const token = new Tok(tokens, tokens.length, start, value, pos[i] as Upos, plainLemma(lemmas[i] ?? value));
    // wink splits a possessive it has not seen ("UFJ's") and keeps it whole once it has: the same
    // lemma either way, so a paragraph tags alike whatever the process read before.
    if ((token.pos === 'PROPN' || token.pos === 'NOUN') && value.length > 2 && POSSESSIVE_END.test(value))
      token.lemma = token.lemma.slice(0, -2);
    // wink keeps "re-elected", "co-founders", "e-mails" whole and finds no lemma for them: the
    // part after the last hyphen gets one ("re-elect", "co-founder", "e-mail").
    else if (token.lemma === token.text.toLowerCase() && value.includes('-') && (token.pos === 'NOUN' || token.pos === 'VERB'))
      hyphenLemma(token, w);
    // Sentence starts, for the fix-ups: after a full stop, question or exclamation mark (closing
    // quotes and brackets between) or a line break. wink's own sentence splitter costs a third of
    // the tagging time and finds the same starts in news copy ("Mr." and "U.S." are one token).
    if (ended || newline) token.sentenceStart = true;
    if (SENTENCE_ENDS.has(value)) ended = true;
    else if (!CLOSERS.has(value)) ended = false;
    tokens.push(token);
  }
  return tokens;
}

const POSSESSIVE_END = /['\u2019]s$/i;

function hyphenLemma(token: Tok, w: Wink): void {
  const cut = token.lemma.lastIndexOf('-') + 1;
  const last = token.lemma.slice(cut);
  if (last.length < 2) return;
  const lemma = w.lemmatize(last, token.pos, w.cache);
  if (lemma !== last) token.lemma = token.lemma.slice(0, cut) + lemma;
}
const SENTENCE_ENDS = new Set(['.', '!', '?', '\u2026', '...', '?!', '!!', '!?']);
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/** A wink token placed in the paragraph; its Penn tag is derived when first read. */
class Tok implements TaggedToken {
  readonly #all: Tok[];
  readonly #index: number;
  #penn: string | undefined;
  readonly end: number;
  fixed?: TaggedToken['fixed'];
  sentenceStart?: boolean;

  constructor(
    all: Tok[],
    index: number,
    readonly start: number,
    readonly text: string,
    public pos: Upos,
    public lemma: string
  ) {
    this.#all = all;
    this.#index = index;
    this.end = start < 0 ? -1 : start + text.length;
  }

  get tag(): string {
    return (this.#penn ??= pennTag(this.#all, this.#index));
  }
}

export function plainLemma(lemma: string): string {
  const lower = lemma.toLowerCase();
  return lower.includes('\u2019') || lower.includes('\u2018') ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}
