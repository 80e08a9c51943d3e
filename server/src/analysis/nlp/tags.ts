// Part-of-speech tags and lemmas for a paragraph, aligned with retext-english's tokens by offset.
//
// API
//   tagParagraph(text): Tagged      Tags one paragraph (the same text the engine parses: the masked
//                                   prose, ParagraphModel.text). Memoized on the text: the engine, the
//                                   attribution model and every rule share one tagging per paragraph.
//   tagsOf(paragraph): Tagged       The same for a ParagraphModel, kept with the model object.
//   tagOf(paragraph, token): WordTag  The tag of one retext token (nlp/tokens.ts Token, or anything with
//                                   paragraph offsets {start, end}); `paragraph` is the ParagraphModel
//                                   (or its text). Never undefined: a token the tagger could not align
//                                   gets pos 'X'.
//   Tagged.at(start, end?): WordTag The same, by offsets in the paragraph.
//   Tagged.tokens                   wink's own tokens with offsets, tags and lemmas, in text order
//                                   ("can't" is "ca" + "n't", "well-known" is "well" "-" "known").
//   preloadTagger()                 Loads the model now (a long-running host calls it at start-up).
//
// WordTag = {pos, tag, lemma}:
//   pos    Universal Dependencies UPOS: ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT
//          SCONJ SYM VERB X.
//   tag    A Penn Treebank tag (NN NNS VBZ VBD VBN JJ JJR MD ...), derived here from pos, the word's
//          form and its neighbours: wink has no fine tags of its own, so treat it as a good guess.
//   lemma  Lower case, plain apostrophes ("reports" → "report", "n’t" → "not", "were" → "be").
// A retext word that wink splits ("can't", "firm's", "well-known", "search-engines") gets one tag:
// the first part's for a clitic or possessive ("firm's" NOUN, "can't" AUX), the last word part's for
// a hyphenated compound ("search-engines" NOUN, lemma "search-engine").
//
// From a rule:  import {tagOf} from '../nlp/tags';
//               if (tagOf(model, token).pos === 'ADJ') ...
//
//   tagText(text, {fixUps}): Tagged A fresh tagging, not memoized; fixUps: false gives wink's own tags.
//
// The tagger is wink-nlp with wink-eng-lite-web-model (both MIT), whose rule-based tagger reads raw
// text; retext-english stays the parser. Five fix-ups of whosaid's own (tags/fix-ups/) correct
// wink's proper nouns at sentence starts ("Beautiful results") and for adjectives of nations ("the
// Iranian government"), plural nouns that are verbs in -s ("The company reports a loss"), plural
// subjects read as verbs ("However polls show") and "have"/"be" as main verbs ("has a plan",
// "there is"); eval/tagger.mjs measures them. The model is loaded lazily, once, on the first call
// (~15 ms in the bundles). No network. In the bundles the model's core data is a file beside them
// (dist/whosaid-pos-model.bin, packed at build time by scripts/pos-model-pack.mjs, read by tags/packed.ts);
// the sources run as they are (vitest) read the package's JSON instead.
//
// The code, in nlp/tags/, one job a file: api.ts (the functions above and the memo), model.ts (loading wink
// and its model data), packed.ts (the bundles' packed model file), align.ts (wink's tokens placed at their offsets in the paragraph, with lemmas and
// sentence starts), lookup.ts (Tagged.at: one tag for a retext word), penn.ts (the Penn tags), fix-ups/
// (apply.ts runs them, one file each, context.ts is what they read of the lexicon and the clause).

export {preloadTagger, tagOf, tagOfSentence, tagParagraph, tagsOf, tagText, taggerLoadMs} from './tags/api';
export type {Span, TagOptions, Tagged, TaggedToken, Upos, WordTag} from './tags/types';
