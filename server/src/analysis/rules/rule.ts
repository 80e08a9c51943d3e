// What a rule sees and what it returns. Offsets here are paragraph-relative; the engine shifts them.
import type {Lexicon} from '../lexicon';
import type {ParagraphModel, LocalAttribution} from '../attribution/model';
import type {RelatedSpan, RuleId, Suggestion, TextEdit} from '../types';
import type {Sentence} from '../nlp/tokens';

export interface RuleContext {
  model: ParagraphModel;
  lexicon: Lexicon;
  /** The strict preset's extra checks are on (EngineOptions.strict). */
  strict: boolean;
}

export interface RawFinding {
  ruleId: RuleId;
  /** A lower level than the rule's own: a hedge inside a quote, an anonymous source with a reason. */
  secondary: boolean;
  message: string;
  start: number;
  end: number;
  expected: string[];
  suggestions: Suggestion[];
  related: RelatedSpan[];
}

export type Rule = (context: RuleContext) => RawFinding[];

export function tokenSpan(sentence: Sentence, from: number, to: number): {start: number; end: number} {
  return {start: sentence.tokens[from].start, end: sentence.tokens[to - 1].end};
}

const bySentence = new WeakMap<ParagraphModel, LocalAttribution[][]>();

/**
 * The attributions of one sentence, in the model's order: a look-up, where testing every attribution
 * of the paragraph for each match made a paragraph of many cues quadratic. Built once per model.
 */
export function attributionsIn(model: ParagraphModel, sentenceIndex: number): readonly LocalAttribution[] {
  let lists = bySentence.get(model);
  if (!lists) {
    lists = model.sentences.map((): LocalAttribution[] => []);
    for (const attribution of model.attributions) lists[attribution.sentence]?.push(attribution);
    bySentence.set(model, lists);
  }
  return lists[sentenceIndex] ?? [];
}

/** The attribution whose content or quote covers a token, if any. */
export function coveringAttribution(model: ParagraphModel, sentenceIndex: number, tokenIndex: number): LocalAttribution | null {
  return model.coverage[sentenceIndex]?.[tokenIndex] ?? null;
}

const FIRST_PERSON = new Set(['i', 'we', "i'm", "i've", "i'd", "we're", "we've", "we'd"]);

/**
 * The attribution that makes a token somebody else's words, if any. "I know", "we believe" outside a
 * quotation are the writer's own: in a first-person column their judgements and forecasts are still
 * the writer's, so they lend no cover ("I know him, and there is no doubt he speaks his mind").
 */
export function othersWords(model: ParagraphModel, sentenceIndex: number, tokenIndex: number): LocalAttribution | null {
  const covering = coveringAttribution(model, sentenceIndex, tokenIndex);
  if (!covering || !covering.source || covering.sourceText === null) return covering;
  const tokens = model.sentences[covering.sentence].tokens;
  const first = tokens[covering.source.from];
  return covering.source.to - covering.source.from === 1 && FIRST_PERSON.has(first.norm) && !first.quoted ? null : covering;
}

/**
 * An attribution inside what another source said ("Uefa said its own representative witnessed ...",
 * "Tory sources say senior party figures had argued"): the outer source answers for it.
 */
export function isNested(model: ParagraphModel, attribution: LocalAttribution): boolean {
  const outer = coveringAttribution(model, attribution.sentence, attribution.cue.from);
  if (outer === null || outer === attribution || outer.sentence !== attribution.sentence || !attribution.source) return false;
  // "..., a club source said." governs what comes before it, whatever verbs that holds.
  if (attribution.content && attribution.content.to <= attribution.cue.from) return false;
  // The inner source must come after the outer cue ("A witness, who did not want to be named, said"
  // is not nested in "want"), and a cue inside a quotation does not govern the words around it.
  const tokens = model.sentences[attribution.sentence].tokens;
  return outer.cue.to <= attribution.source.from && (!tokens[outer.cue.from].quoted || tokens[attribution.cue.from].quoted);
}

export function relatedFor(model: ParagraphModel, attribution: LocalAttribution): RelatedSpan[] {
  const sentence = model.sentences[attribution.sentence];
  if (!sentence || attribution.cue.to <= attribution.cue.from) return [];
  const cue = tokenSpan(sentence, attribution.cue.from, attribution.cue.to);
  const who = attribution.resolvedSource ?? attribution.sourceText ?? 'the source';
  return [{...cue, message: `Attributed to ${who}`}];
}

const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * "Attribute this": inserts ", according to [TK: source]" before the sentence's final stop, or, when
 * the sentence ends inside a quotation, "According to [TK: source], " at its start.
 */
export function attributeSuggestion(model: ParagraphModel, sentenceIndex: number, title = 'Attribute this'): Suggestion {
  const sentence = model.sentences[sentenceIndex];
  const tokens = sentence.tokens;
  let last = tokens.length - 1;
  const endsInQuote = tokens[last].norm === '"';
  while (last >= 0 && tokens[last].kind === 'punct' && !SENTENCE_END.has(tokens[last].norm) && tokens[last].norm !== '"') last--;
  let edit: TextEdit;
  if (!endsInQuote && last >= 0 && SENTENCE_END.has(tokens[last].norm)) {
    edit = {start: tokens[last].start, end: tokens[last].start, newText: ', according to [TK: source]'};
  } else if (!endsInQuote) {
    const end = tokens[tokens.length - 1].end;
    edit = {start: end, end, newText: ', according to [TK: source]'};
  } else {
    const first = tokens[0];
    const lowered = first.kind === 'word' && LOWERABLE.has(first.norm) ? first.text[0].toLowerCase() : null;
    return {
      title,
      kind: 'attribute',
      edits: lowered
        ? [{start: first.start, end: first.start + 1, newText: 'According to [TK: source], ' + lowered}]
        : [{start: first.start, end: first.start, newText: 'According to [TK: source], '}]
    };
  }
  return {title, kind: 'attribute', edits: [edit]};
}

/** Sentence-initial words that lose their capital when something is put before them. */
const LOWERABLE = new Set([
  'the',
  'a',
  'an',
  'it',
  'this',
  'that',
  'these',
  'those',
  'there',
  'in',
  'on',
  'at',
  'some',
  'many',
  'most',
  'however',
  'but',
  'and',
  'as',
  'after',
  'before',
  'while',
  'when',
  'if',
  'its',
  'their',
  'his',
  'her',
  'our',
  'we',
  'they',
  'he',
  'she'
]);

/**
 * Removes words from a sentence and keeps it well-formed: takes one neighbouring space (or the commas
 * around a parenthetical "of course"), fixes "a"/"an" before the next word, and restores the capital
 * when the removed words opened the sentence.
 */
export function removalEdits(text: string, sentenceStart: number, start: number, end: number): TextEdit[] {
  let from = start;
  let to = end;
  const atSentenceStart = text.slice(sentenceStart, start).trim() === '';
  if (text[to] === ',' && text[from - 2] === ',' && text[from - 1] === ' ') {
    // "the plan, of course, failed": drop ", of course," and keep the space after it.
    from -= 2;
    to++;
  } else {
    // "Clearly, the plan": the comma goes with the opener.
    if (text[to] === ',' && atSentenceStart) to++;
    if (text[to] === ' ') to++;
    else if (text[from - 1] === ' ') from--;
  }
  const edits: TextEdit[] = [];
  // Capital for the word that now opens the sentence.
  if (atSentenceStart && /[a-z]/.test(text[to] ?? '')) {
    edits.push({start: from, end: to + 1, newText: text[to].toUpperCase()});
    return edits;
  }
  // "a significant arsenal" -> "an arsenal"? Only when the article must change.
  const articleMatch = /(^|\s)(a|an|A|An)\s$/.exec(text.slice(Math.max(0, from - 4), from));
  if (articleMatch && from > 0) {
    const nextWord = /^[A-Za-z]+/.exec(text.slice(to))?.[0] ?? '';
    const article = articleMatch[2];
    const wantsAn = /^[aeiouAEIOU]/.test(nextWord) && !/^(one|uni|use|usu|eu|u[bcfhjkqrst][aeiou])/i.test(nextWord);
    const desired = article[0] === 'A' ? (wantsAn ? 'An' : 'A') : wantsAn ? 'an' : 'a';
    if (desired !== article && nextWord) {
      const articleStart = from - article.length - 1;
      edits.push({start: articleStart, end: to, newText: desired + ' '});
      return edits;
    }
  }
  edits.push({start: from, end: to, newText: ''});
  return edits;
}
