// Part-of-speech tags and lemmas (nlp/tags.ts): wink-nlp's tagger aligned with retext-english's
// tokens by offset, and whosaid's fix-ups to it. Sentences are invented.
import {describe, expect, it} from 'vitest';
import {buildParagraphModel} from '../../server/src/analysis/attribution/model';
import {EMPTY_CONTEXT} from '../../server/src/analysis/attribution/model';
import {getLexicon} from '../../server/src/analysis/lexicon';
import {parseSentences, scanQuotes, type Token} from '../../server/src/analysis/nlp/tokens';
import {tagOf, tagParagraph, tagsOf, tagText, type WordTag} from '../../server/src/analysis/nlp/tags';

/** retext's tokens of a paragraph. */
function tokensOf(text: string): Token[] {
  return parseSentences(text, scanQuotes(text).ranges).flatMap((sentence) => sentence.tokens);
}

/** Each retext word with its tag: "reports/VERB". */
function tagged(text: string, field: keyof WordTag = 'pos'): string {
  return tokensOf(text)
    .filter((token) => token.kind === 'word')
    .map((token) => `${token.text}/${tagOf(text, token)[field]}`)
    .join(' ');
}

function tagOfWord(text: string, word: string): WordTag {
  const token = tokensOf(text).find((candidate) => candidate.text === word);
  if (!token) throw new Error(`no token "${word}" in "${text}"`);
  return tagOf(text, token);
}

describe('tags on news sentences', () => {
  it('a verb in -s after a singular subject: "The company reports a loss"', () => {
    expect(tagged('The company reports a loss.')).toBe('The/DET company/NOUN reports/VERB a/DET loss/NOUN');
    expect(tagOfWord('The company reports a loss.', 'reports')).toMatchObject({pos: 'VERB', tag: 'VBZ', lemma: 'report'});
  });

  it('the same word stays a plural noun where it is one', () => {
    expect(tagOfWord('The company reports were late.', 'reports').pos).toBe('NOUN');
    expect(tagOfWord('She read the company reports on Monday.', 'reports').pos).toBe('NOUN');
    expect(tagOfWord('Police said the reports of gunfire were false.', 'reports').pos).toBe('NOUN');
  });

  it('verbs in -s after news subjects; plural nouns before a verb, a relative or "of" stay nouns', () => {
    expect(tagOfWord('The council plans a vote on fares.', 'plans').pos).toBe('VERB');
    expect(tagOfWord('The committee backs the plan.', 'backs').pos).toBe('VERB');
    expect(tagOfWord('Harbour board delays vote on ferry fares', 'delays').pos).toBe('VERB');
    expect(tagOfWord('Government figures show a rise in fares.', 'figures').pos).toBe('NOUN');
    expect(tagOfWord('The member states which joined last year will vote.', 'states').pos).toBe('NOUN');
    expect(tagOfWord('Cable firms like Westnet raised prices.', 'firms').pos).toBe('NOUN');
    expect(tagOfWord('It said "no contingency plans for floods" existed.', 'plans').pos).toBe('NOUN');
  });

  it('a plural subject and its verb that wink reads the other way round or as two nouns', () => {
    expect(tagged('However surveys show strong support.')).toBe('However/ADV surveys/NOUN show/VERB strong/ADJ support/NOUN');
    expect(tagOfWord('Some local websites report that the ferry is late.', 'report')).toMatchObject({pos: 'VERB', lemma: 'report'});
    expect(tagOfWord('Bookmakers predict a narrow win.', 'Bookmakers')).toMatchObject({pos: 'NOUN', lemma: 'bookmaker'});
    // Left alone: a singular subject's verb, a title before a name, a people's name.
    expect(tagOfWord('The relay service makes calls cheaper.', 'makes').pos).toBe('VERB');
    expect(tagOfWord('German telecoms firm Deutsche Telekom grew.', 'firm').pos).toBe('NOUN');
    expect(tagOfWord('Jones predicts a narrow win.', 'Jones').pos).toBe('PROPN');
    expect(tagOfWord('Americans are angry.', 'Americans').pos).toBe('PROPN');
  });

  it('a capitalised adjective opening a sentence is an adjective, not a proper noun', () => {
    expect(tagOfWord('Beautiful results were obtained.', 'Beautiful')).toMatchObject({pos: 'ADJ', tag: 'JJ', lemma: 'beautiful'});
    expect(tagOfWord('The council met. Angry residents filled the hall.', 'Angry').pos).toBe('ADJ');
    expect(tagOfWord('New rules on ferry fares were announced.', 'New').pos).toBe('ADJ');
    expect(tagOfWord('"Angry residents filled the hall," she said.', 'Angry').pos).toBe('ADJ');
    expect(tagOfWord('Critics argue the fares are too high.', 'Critics')).toMatchObject({pos: 'NOUN', lemma: 'critic'});
  });

  it('"have" and "be" as main verbs are VERB, as auxiliaries AUX', () => {
    expect(tagOfWord('The ministry has a plan.', 'has')).toMatchObject({pos: 'VERB', tag: 'VBZ', lemma: 'have'});
    expect(tagOfWord('The ministry has to pay.', 'has').pos).toBe('VERB');
    expect(tagOfWord('The ministry has approved a plan.', 'has').pos).toBe('AUX');
    expect(tagOfWord('Has it ever approved a plan?', 'Has').pos).toBe('AUX');
    expect(tagOfWord('Officials said there is no evidence.', 'is').pos).toBe('VERB');
    expect(tagOfWord('There is expected to be a vote.', 'is').pos).toBe('AUX');
    expect(tagOfWord('The plan is late.', 'is').pos).toBe('AUX');
  });

  it('a verb in -s after a clause-opening "as": "as the report notes,"', () => {
    expect(tagOfWord('As the report notes, fares rose.', 'notes').pos).toBe('VERB');
    expect(tagOfWord('He reports to the board.', 'reports').pos).toBe('VERB');
    expect(tagOfWord('In the company reports, fares rose.', 'reports').pos).toBe('NOUN');
  });

  it('adjectives of nations and parties before a common noun are adjectives; inside names they stay PROPN', () => {
    expect(tagOfWord('The Iranian government denied it.', 'Iranian')).toMatchObject({pos: 'ADJ', lemma: 'iranian'});
    expect(tagOfWord('He met Iraqi and American officials.', 'Iraqi').pos).toBe('ADJ');
    expect(tagOfWord('He met Iraqi and American officials.', 'American').pos).toBe('ADJ');
    expect(tagOfWord('The European Union said so.', 'European').pos).toBe('PROPN');
    expect(tagOfWord('Talks on the Middle East peace plan resumed.', 'East').pos).toBe('PROPN');
  });

  it('names opening a sentence stay proper nouns', () => {
    expect(tagOfWord('Mara Oyelaran chairs the board.', 'Mara').pos).toBe('PROPN');
    expect(tagOfWord('Young said the fares would rise.', 'Young').pos).toBe('PROPN');
  });

  it('an evaluative noun after a possessive, an adverb before a verb', () => {
    expect(tagOfWord("Sanders' stridency surprised aides.", 'stridency')).toMatchObject({pos: 'NOUN', tag: 'NN', lemma: 'stridency'});
    const text = 'Farmers desperately need rain.';
    expect(tagOfWord(text, 'desperately')).toMatchObject({pos: 'ADV', tag: 'RB', lemma: 'desperately'});
    expect(tagOfWord(text, 'need').pos).toBe('VERB');
    expect(tagOfWord(text, 'need').lemma).toBe('need');
  });

  it('lemmas are lower case', () => {
    expect(tagged('Officials were warned by the ministries.', 'lemma')).toBe(
      'Officials/official were/be warned/warn by/by the/the ministries/ministry'
    );
  });
});

describe('alignment with retext tokens', () => {
  it('gives every retext word a tag, never undefined', () => {
    const text = 'The mayor’s “plan” isn’t new, critics said — it’s the well-known 2019 proposal (about 12,000 homes).';
    for (const token of tokensOf(text)) {
      const tag = tagOf(text, token);
      expect(tag.pos, token.text).toMatch(/^[A-Z]+$/);
      if (token.kind === 'word') expect(tag.pos, token.text).not.toBe('X');
    }
  });

  it('curly quotes and apostrophes: clitics take the first part, possessives too', () => {
    const text = 'The mayor’s aide said she “can’t” comment.';
    expect(tagOfWord(text, 'mayor’s')).toMatchObject({pos: 'NOUN', lemma: 'mayor'});
    expect(tagOfWord(text, 'can’t')).toMatchObject({pos: 'AUX', tag: 'MD'});
    const quote = tokensOf(text).find((token) => token.text === '“')!;
    expect(tagOf(text, quote).pos).toBe('PUNCT');
  });

  it('straight apostrophes and a plural possessive', () => {
    const text = "The ministers' plan didn't pass.";
    expect(tagOfWord(text, 'ministers').pos).toBe('NOUN');
    expect(tagOfWord(text, "didn't")).toMatchObject({pos: 'AUX', lemma: 'do'});
  });

  it('hyphenated words are tagged by their last part; participle compounds before a noun are adjectives', () => {
    expect(tagOfWord('The search-engines failed.', 'search-engines')).toMatchObject({pos: 'NOUN', tag: 'NNS', lemma: 'search-engine'});
    expect(tagOfWord('It is a well-known firm.', 'well-known')).toMatchObject({pos: 'ADJ', lemma: 'well-known'});
    // Words wink keeps whole: the part after the last hyphen is lemmatized.
    expect(tagOfWord('He was re-elected in May.', 're-elected')).toMatchObject({pos: 'VERB', tag: 'VBN', lemma: 're-elect'});
    expect(tagOfWord('The co-founders left.', 'co-founders')).toMatchObject({pos: 'NOUN', tag: 'NNS', lemma: 'co-founder'});
  });

  it('numbers, including figures retext splits at the comma and the engine joins again', () => {
    const text = 'About 12,000 people and 3.5 million tonnes.';
    expect(tagOfWord(text, '12,000').pos).toBe('NUM');
    expect(tagOfWord(text, '3.5').pos).toBe('NUM');
  });

  it('a URL masked by spaces leaves the words around it aligned', () => {
    const url = 'https://example.org/a-long/path?x=1';
    const text = `The report (${' '.repeat(url.length)}) blames the weather.`;
    expect(tagged(text)).toBe('The/DET report/NOUN blames/VERB the/DET weather/NOUN');
  });

  it('every wink token lies where its text is in the paragraph', () => {
    const text = 'He said:  “We’re done.”\nThe U.S. team left at 5 p.m., officials said.';
    for (const token of tagParagraph(text).tokens) {
      expect(token.start, token.text).toBeGreaterThanOrEqual(0);
      expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });

  it('a word wink gives no lemma gets its own form ("cannot" before a comma)', () => {
    const text = 'The board cannot, and will not, pay.';
    expect(tagOfWord(text, 'cannot')).toMatchObject({pos: 'AUX', lemma: 'cannot'});
  });

  it('an empty or punctuation-only paragraph', () => {
    expect(tagParagraph('').tokens).toEqual([]);
    expect(tagParagraph('   ').tokens).toEqual([]);
    expect(tagParagraph('').at(0)).toMatchObject({pos: 'X'});
    const dashes = '— … !';
    expect(tagParagraph(dashes).tokens.every((token) => token.pos === 'PUNCT' || token.pos === 'SYM')).toBe(true);
  });
});

describe('use from the engine', () => {
  it('tagOf(model, token) on a paragraph model, kept with the model', () => {
    const text = 'The ministry reports a shocking rise in complaints.';
    const model = buildParagraphModel(text, EMPTY_CONTEXT, getLexicon());
    const words = model.sentences[0].tokens.filter((token) => token.kind === 'word');
    expect(words.map((token) => tagOf(model, token).pos)).toEqual(['DET', 'NOUN', 'VERB', 'DET', 'ADJ', 'NOUN', 'ADP', 'NOUN']);
    expect(tagsOf(model)).toBe(tagsOf(model));
  });

  it('the memo returns the same tagging for the same text; fix-ups can be switched off for measuring', () => {
    expect(tagParagraph('Beautiful results were obtained.')).toBe(tagParagraph('Beautiful results were obtained.'));
    expect(tagText('Beautiful results were obtained.', {fixUps: false}).tokens[0].pos).toBe('PROPN');
  });
});

describe('the model loader', () => {
  it("gives wink's own tags and lemmas, as wink's packaged loader does", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'), ['pos']);
    const texts = [
      'The harbour board postponed a vote on ferry fares on Tuesday, citing unnamed officials.',
      'Fares are expected to rise by 12% next year, and critics argue the increase might hurt commuters.',
      '"We will not rush this," board chair Mara Oyelaran told reporters. Xylofrond zibbles quarkishly.'
    ];
    for (const text of texts) {
      const doc = nlp.readDoc(text);
      const want = doc
        .tokens()
        .out(nlp.its.pos)
        .map((pos: string, i: number) => `${pos}/${doc.tokens().itemAt(i).out(nlp.its.lemma)}`);
      const got = tagText(text, {fixUps: false}).tokens.map((token) => `${token.pos}/${token.lemma}`);
      expect(got).toEqual(want);
    }
  });
});

describe('bundled', () => {
  it('the bundle reads the packed model beside it, not the JSON, and tags as the sources do', async () => {
    const {build} = await import('esbuild');
    const {mkdtempSync, rmSync, statSync, existsSync, writeFileSync, readdirSync} = await import('node:fs');
    const {tmpdir} = await import('node:os');
    const {join, resolve} = await import('node:path');
    const {execFileSync} = await import('node:child_process');
    // @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
    const {BUNDLE_OPTIONS, MODEL_FILE} = await import('../../scripts/esbuild-options.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-tags-'));
    try {
      const outfile = join(dir, 'tags.js');
      await build({
        ...BUNDLE_OPTIONS,
        logLevel: 'warning',
        entryPoints: [resolve(__dirname, '../../server/src/analysis/nlp/tags.ts')],
        outfile
      });
      expect(MODEL_FILE).toBe('whosaid-pos-model.bin');
      expect(readdirSync(dir).sort()).toEqual(['tags.js', MODEL_FILE]);
      expect(statSync(outfile).size).toBeLessThan(1_000_000);
      expect(statSync(join(dir, MODEL_FILE)).size).toBeLessThan(3_300_000);
      // The package's JSON is neither inside the bundle nor asked for by it.
      const code = (await import('node:fs')).readFileSync(outfile, 'utf8');
      expect(code).not.toContain('eng-core-web-model');
      expect(code).not.toContain('whosaid-pos-model.json');
      // Tags, lemmas and offsets through the packed file are those of the sources (which read the JSON),
      // unknown words (added to wink's lexicon as it meets them), contractions and line breaks included.
      const texts = [
        'The company reports a loss.',
        "Officials can't say whether the Zorblatt Corp. will re-file, and they won't guess.\n\nXylofrond zibbles quarkishly; zibbles again.",
        'However polls show the well-known mayor has a plan, said a spokeswoman for the Iranian government.',
        '"We will not rush this," board chair Mara Oyelaran told reporters on Tuesday.'
      ];
      const line = (t: {tokens: readonly {text: string; start: number; pos: string; tag: string; lemma: string}[]}) =>
        t.tokens.map((x) => `${x.text}|${x.start}|${x.pos}|${x.tag}|${x.lemma}`).join(' ');
      const script = `const t = require(${JSON.stringify(outfile)}); const texts = ${JSON.stringify(texts)}; for (const text of texts) console.log(t.tagText(text).tokens.map((x) => [x.text, x.start, x.pos, x.tag, x.lemma].join('|')).join(' '))`;
      const fromBundle = execFileSync(process.execPath, ['-e', script], {encoding: 'utf8'}).trim().split('\n');
      expect(fromBundle).toEqual(texts.map((text) => line(tagText(text))));
      expect(fromBundle[0]).toBe(
        'The|0|DET|DT|the company|4|NOUN|NN|company reports|12|VERB|VBZ|report a|20|DET|DT|a loss|22|NOUN|NN|loss .|26|PUNCT|.|.'
      );
      // A damaged model file: a clear error, not a stack trace from deep inside the loader.
      const tagOnce = `try { require(${JSON.stringify(outfile)}).tagText('A test.'); console.log('tagged'); } catch (e) { console.log(e.message); }`;
      writeFileSync(join(dir, MODEL_FILE), '{"not": "a model"}');
      expect(execFileSync(process.execPath, ['-e', tagOnce], {encoding: 'utf8'})).toMatch(
        /^whosaid: the part-of-speech model could not be read \(whosaid-pos-model\.bin belongs beside the program; reinstall whosaid\): the model file is damaged/
      );
      // Without the model file: the same.
      rmSync(join(dir, MODEL_FILE));
      expect(existsSync(join(dir, MODEL_FILE))).toBe(false);
      expect(execFileSync(process.execPath, ['-e', tagOnce], {encoding: 'utf8'})).toMatch(
        /^whosaid: the part-of-speech model could not be read \(whosaid-pos-model\.bin .*ENOENT/
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
