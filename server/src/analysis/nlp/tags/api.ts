// The public API of the part-of-speech layer (documented in nlp/tags.ts): tagging a paragraph, memoized.

import {alignTokens} from './align';
import {fixUps} from './fix-ups/apply';
import {makeTagged} from './lookup';
import {load} from './model';
import type {Span, TagOptions, Tagged, WordTag} from './types';

export {preloadTagger, taggerLoadMs} from './model';

// Only the paragraphs being analysed now need it: the engine caches its results per paragraph itself.
const MEMO_LIMIT = 8;
const memo = new Map<string, Tagged>();

/** Tags a paragraph, with whosaid's fix-ups; the last few paragraphs' results are kept. */
export function tagParagraph(text: string): Tagged {
  const hit = memo.get(text);
  if (hit) return hit;
  const tagged = tagText(text);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, tagged);
  return tagged;
}

const byModel = new WeakMap<object, Tagged>();

/** The tagging of a paragraph given as its model (anything with the paragraph's `text`) or its text. */
export function tagsOf(paragraph: string | {readonly text: string}): Tagged {
  if (typeof paragraph === 'string') return tagParagraph(paragraph);
  let tagged = byModel.get(paragraph);
  if (!tagged) byModel.set(paragraph, (tagged = tagParagraph(paragraph.text)));
  return tagged;
}

/** The tag of one token of a paragraph (a ParagraphModel, or its text). */
export function tagOf(paragraph: string | {readonly text: string}, token: Span): WordTag {
  return tagsOf(paragraph).at(token.start, token.end);
}

/**
 * The tag of one token, tagging only its sentence ({start, end} in the paragraph): a rule that asks about
 * one word of a long paragraph pays for a sentence, not the paragraph. wink splits sentences itself, so
 * the tags are those of the paragraph but for what a neighbouring sentence could change (nothing the
 * fix-ups read: they look within the clause).
 */
export function tagOfSentence(paragraph: string, sentence: Span, token: Span): WordTag {
  return tagParagraph(paragraph.slice(sentence.start, sentence.end)).at(token.start - sentence.start, token.end - sentence.start);
}

/** Tags a text afresh, without the memo; `fixUps: false` gives wink's own tags (for measuring). */
export function tagText(text: string, options: TagOptions = {}): Tagged {
  const w = load();
  const tokens = text.trim().length > 0 ? alignTokens(text, w) : [];
  if (options.fixUps !== false) fixUps(tokens, w);
  return makeTagged(text, tokens);
}
