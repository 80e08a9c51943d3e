// Every not-a-cue guard of the attribution model (attribution/cues/not-a-cue.ts) is named and carries an
// example sentence with the word it keeps from being a cue. Each example must make its guard fire on that
// word, and the paragraph model must then have no cue on the word.
import {afterEach, describe, expect, it} from 'vitest';
import {buildParagraphModel, EMPTY_CONTEXT} from '../../server/src/analysis/attribution/model';
import {NOT_A_CUE, traceGuards} from '../../server/src/analysis/attribution/cues/not-a-cue';
import {getLexicon} from '../../server/src/analysis/lexicon';

afterEach(() => traceGuards(null));

describe('not-a-cue guards', () => {
  it('have unique names, and every point has at least one guard', () => {
    expect(new Set(NOT_A_CUE.map((guard) => guard.name)).size).toBe(NOT_A_CUE.length);
    expect(new Set(NOT_A_CUE.map((guard) => guard.point))).toEqual(new Set(['word', 'verb', 'object', 'source', 'credit']));
  });

  for (const guard of NOT_A_CUE) {
    it(`${guard.name}: ${guard.example}`, () => {
      const fired: {name: string; text: string; start: number}[] = [];
      traceGuards((name, sentence, token) => fired.push({name, text: sentence.tokens[token].text, start: sentence.tokens[token].start}));
      const model = buildParagraphModel(guard.example, EMPTY_CONTEXT, getLexicon());
      const hit = fired.find((entry) => entry.name === guard.name && entry.text.toLowerCase() === guard.word.toLowerCase());
      expect(hit, `fired: ${JSON.stringify(fired)}`).toBeDefined();
      // No attribution's cue covers the guarded word.
      for (const attribution of model.attributions) {
        const tokens = model.sentences[attribution.sentence].tokens;
        const covered = tokens.slice(attribution.cue.from, attribution.cue.to).some((token) => token.start === hit!.start);
        expect(
          covered,
          `cue "${tokens
            .slice(attribution.cue.from, attribution.cue.to)
            .map((t) => t.text)
            .join(' ')}"`
        ).toBe(false);
      }
    });
  }
});
