// Quotation tags: "“Denver,” he answered.", "The Christie supporter retorted: “...”", and the
// transcript form "PENCE: ...".
import type {Lexicon} from '../../lexicon';
import {isQuoteMark, type Sentence, type Token} from '../../nlp/tokens';
import type {SourceKind} from '../../types';
import type {CarriedContext} from '../context';
import {BE_FORMS, isDeterminer, isPreposition, phraseAfter, type Span, subjectBefore} from '../sources';
import {isAdverbLike} from '../verb-group';
import {openingSubject} from '../subjects';
import {add, addCredited, attribute, type CueSite} from './site';
import WORDS from '../../lexicon/attribution.json';

const TAG_PRONOUNS = new Set(WORDS.tagPronouns.words);

const TAG_ENDS = new Set(['.', ',', '!', '?', ';']);

/** A word that can be the verb of a quotation's tag: lower-case, no auxiliary, no function word. */
function tagVerb(token: Token | undefined, lexicon: Lexicon): boolean {
  if (!token || token.kind !== 'word' || token.capitalized || token.norm.length < 3) return false;
  const norm = token.norm;
  if (BE_FORMS.has(norm) || isAdverbLike(token) || isDeterminer(norm) || isPreposition(norm) || lexicon.pronouns.has(norm)) return false;
  return /(ed|s)$/.test(norm) || lexicon.speechVerbs.has(norm);
}

/** The speaker of a tag: a subject pronoun, or a run of up to four capitalized words, from `from`. */
function tagSpeaker(tokens: Token[], from: number): Span | null {
  const first = tokens[from];
  if (!first || first.kind !== 'word') return null;
  if (TAG_PRONOUNS.has(first.norm)) return {from, to: from + 1};
  let to = from;
  while (to < tokens.length && to - from < 4 && tokens[to].kind === 'word' && tokens[to].capitalized) to++;
  return to > from ? {from, to} : null;
}

/**
 * "“...,” the paper beams,", "“...,” the old man shrugged.": a determiner and one or two lower-case words
 * before the tag's verb, the shortest reading whose next word can be that verb.
 */
function describedSpeaker(tokens: Token[], from: number, lexicon: Lexicon): Span | null {
  if (!tokens[from] || !isDeterminer(tokens[from].norm)) return null;
  for (let to = from + 2; to <= from + 3 && to < tokens.length; to++) {
    const word = tokens[to - 1];
    if (word.kind !== 'word' || word.capitalized || isPreposition(word.norm) || BE_FORMS.has(word.norm)) return null;
    if (tagVerb(tokens[to], lexicon) && (to + 1 >= tokens.length || TAG_ENDS.has(tokens[to + 1].norm))) return {from, to};
  }
  return null;
}

/**
 * "“Denver,” he answered." / "“...,” read a statement from X.": a quotation closed after a comma,
 * question or exclamation mark, then a two-part tag (speaker and verb, or verb and speaker) ending the clause.
 */
function quoteTag(sentence: Sentence, lexicon: Lexicon): {cue: Span; source: Span; kind?: SourceKind} | null {
  const {tokens} = sentence;
  for (let k = 2; k < tokens.length - 1; k++) {
    if (!isQuoteMark(tokens[k]) || !/^[,?!]$/.test(tokens[k - 1].norm)) continue;
    const speaker = tagSpeaker(tokens, k + 1) ?? describedSpeaker(tokens, k + 1, lexicon);
    if (speaker && tagVerb(tokens[speaker.to], lexicon) && (speaker.to + 1 >= tokens.length || TAG_ENDS.has(tokens[speaker.to + 1].norm))) {
      return {cue: {from: speaker.to, to: speaker.to + 1}, source: speaker};
    }
    // "“...,” read a statement from the company.": the words are the document's.
    if (tokens[k + 1].norm === 'read' || tokens[k + 1].norm === 'reads') {
      const document = phraseAfter(sentence, k + 2);
      if (document && (document.to >= tokens.length || TAG_ENDS.has(tokens[document.to].norm)))
        return {cue: {from: k + 1, to: k + 2}, source: document, kind: 'document'};
    }
    if (tagVerb(tokens[k + 1], lexicon)) {
      const after = tagSpeaker(tokens, k + 2);
      if (after && (after.to >= tokens.length || TAG_ENDS.has(tokens[after.to].norm)))
        return {cue: {from: k + 1, to: k + 2}, source: after};
    }
  }
  return null;
}

/**
 * A colon that opens a quotation, and who the quotation belongs to:
 * - a verb right before it: "The Christie supporter retorted: “...”", "Pence tweeted:";
 * - a name label after a dash or at the start: "POLL DATA - Carl Bialik:", "- Burnley boss Steve Cotterill:";
 * - a label noun: "under the headline: “...”", "with the slogan:", "defines a blog as:" (the document's words);
 * - otherwise the subject that opens the sentence: "He is prepared to go this far: “...”".
 */
function colonTag(
  sentence: Sentence,
  lexicon: Lexicon,
  lastSource: CarriedContext['lastSource']
): {cue: Span; source: Span; kind?: SourceKind} | null {
  const {tokens} = sentence;
  for (let k = 2; k < tokens.length; k++) {
    if (tokens[k].norm !== ':') continue;
    if (k + 1 < tokens.length && !isQuoteMark(tokens[k + 1])) return null;
    const verb = tokens[k - 1];
    if (verb.kind !== 'word') return null;
    if (verb.capitalized && k + 1 < tokens.length) {
      // Capitalized words, and the titles between them ("Manchester City boss Kevin Keegan").
      let from = k - 1;
      while (
        from > 0 &&
        k - from < 7 &&
        tokens[from - 1].kind === 'word' &&
        (tokens[from - 1].capitalized || lexicon.personTitles.has(tokens[from - 1].norm))
      )
        from--;
      while (!tokens[from].capitalized) from++;
      const before = tokens[from - 1];
      if (!before || DASHES_OR_FROM.has(before.norm)) return {cue: {from: k, to: k + 1}, source: {from, to: k}};
      return null;
    }
    if (QUOTE_LABELS.has(verb.norm)) {
      // "the headline", "one message": the label with its determiner, not the clause before it.
      const from =
        k >= 2 && tokens[k - 2].kind === 'word' && (isDeterminer(tokens[k - 2].norm) || tokens[k - 2].norm.endsWith("'s")) ? k - 2 : k - 1;
      return {cue: {from: k, to: k + 1}, source: {from, to: k}, kind: 'document'};
    }
    if (!verb.capitalized && /ed$/.test(verb.norm) && !BE_FORMS.has(verb.norm)) {
      const source = subjectBefore(sentence, k - 1);
      if (source) return {cue: {from: k - 1, to: k}, source};
    }
    const subject = openingSubject(sentence, lexicon, lastSource);
    return subject && subject.span.to < k ? {cue: {from: k, to: k + 1}, source: subject.span} : null;
  }
  return null;
}

/** Nouns that name what a quotation after a colon is: its words are the document's, not a speaker's. */
const QUOTE_LABELS = new Set(WORDS.quoteLabels.words);

const DASHES_OR_FROM = new Set(['-', '--', '\u2014', '\u2013', '\u2015', 'from']);

/**
 * A capitalized name and a colon opening a sentence, with words after it: the transcript and headline
 * form. Also the signature line of a letter or reader quote: "― Pamela Padilla “I'm so ashamed ...".
 */
function speakerColon(sentence: Sentence): {speaker: Span; colon: number} | null {
  const {tokens} = sentence;
  if (tokens.length > 3 && (tokens[0].norm === '\u2015' || tokens[0].norm === '\u2014') && tokens[1].capitalized) {
    let to = 1;
    while (to < tokens.length && tokens[to].kind === 'word' && tokens[to].capitalized && to < 6) to++;
    if (to > 2 && to < tokens.length && isQuoteMark(tokens[to])) return {speaker: {from: 1, to}, colon: 0};
  }
  let from = 0;
  if (tokens[0] && isQuoteMark(tokens[0])) from = 1;
  for (let k = from; k < tokens.length && k <= from + 4; k++) {
    const token = tokens[k];
    if (token.norm === ':') {
      if (k === from || tokens.length - k < 3) return null;
      // "Clinton: 547." is a tally; "The Latest:", "Editor's Note:", "CORRECTION:" are labels.
      let words = 0;
      for (let w = k + 1; w < tokens.length && words < 2; w++) if (tokens[w].kind === 'word' && !/^[\d.,]+$/.test(tokens[w].norm)) words++;
      if (words < 2 || COLON_LABELS.has(tokens[k - 1].norm.replace(/'s$/, ''))) return null;
      return {speaker: {from, to: k}, colon: k};
    }
    if (token.kind !== 'word' || !token.capitalized) return null;
  }
  return null;
}

/** Words that make "X:" a label rather than a speaker. */
const COLON_LABELS = new Set(WORDS.colonLabels.words);

/** "PENCE: Gennifer Flowers will not be attending", "Poll: Clinton and Trump in dead heat". */
export function speakerColonCue(site: CueSite): void {
  const colon = speakerColon(site.sentence);
  if (colon) add(site, attribute(site, {from: colon.colon, to: colon.colon + 1}, colon.speaker, null, null));
}

/** "“Denver,” he answered.", "The Christie supporter retorted: “...”": any verb in a quotation's tag. */
export function quoteTagCue(site: CueSite): void {
  const tag: {cue: Span; source: Span; kind?: SourceKind} | null =
    quoteTag(site.sentence, site.lexicon) ?? colonTag(site.sentence, site.lexicon, site.recent.lastSource);
  if (tag) addCredited(site, attribute(site, tag.cue, tag.source, null, tag.kind ?? 'named'));
}
