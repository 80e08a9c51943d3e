// Property-based tests of the part-of-speech layer (nlp/tags.ts) on hostile Unicode: wink-nlp reads
// raw text, and whosaid places its tokens by offset, so every token must lie where its text is and
// every retext token must get a tag, whatever the input. FC_SEED=<n> tries other inputs.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseSentences, scanQuotes} from '../../server/src/analysis/nlp/tokens';
import {tagText} from '../../server/src/analysis/nlp/tags';
import {runs, SENTENCES, unicodeText} from './arbitraries';

const UPOS = new Set([
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X'
]);

const text = fc.oneof(
  unicodeText,
  fc.array(fc.oneof(fc.constantFrom(...SENTENCES), unicodeText), {maxLength: 6}).map((parts) => parts.join(' '))
);

describe('tagging hostile text', () => {
  it('places every token where its text is, in order, and tags every retext token', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const fixUps of [true, false]) {
          const tagged = tagText(input, {fixUps});
          let last = 0;
          for (const token of tagged.tokens) {
            if (token.start < 0) continue;
            expect(input.slice(token.start, token.end)).toBe(token.text);
            expect(token.start).toBeGreaterThanOrEqual(last);
            last = token.start;
            expect(UPOS.has(token.pos), token.pos).toBe(true);
            expect(typeof token.lemma).toBe('string');
            expect(typeof token.tag).toBe('string');
          }
          for (const sentence of parseSentences(input, scanQuotes(input).ranges)) {
            for (const token of sentence.tokens) {
              const tag = tagged.at(token.start, token.end);
              expect(UPOS.has(tag.pos), `${token.text}: ${tag.pos}`).toBe(true);
              expect(typeof tag.lemma).toBe('string');
            }
          }
        }
      }),
      runs(200)
    );
  });
});
