// Source phrases: where they start and end around a cue, and what kind of source they name.
import {tagOfSentence} from '../nlp/tags';
import type {Lexicon} from '../lexicon';
import type {SourceKind} from '../types';
import type {Sentence, Token} from '../nlp/tokens';
import WORDS from '../lexicon/attribution.json';
import {isAdverbLike, pastVerbGroup} from './verb-group';
import {isTitleCase} from './headlines';

export type SourceClass = SourceKind | 'pronoun' | 'unknown';

/** Words that end a noun phrase when walking away from a cue. */
const CLAUSE_BREAKS = new Set(WORDS.clauseBreaks.words);
const BREAK_PUNCT = new Set([';', ':', '"', '(', ')', '[', ']', '.', '?', '!', '\u2014', '\u2013']);

const PREPOSITIONS = new Set(WORDS.prepositions.words);

const DETERMINERS = new Set(WORDS.determiners.words);

/** "On Friday he said": a pronoun after a leading prepositional phrase starts the subject. */
const SUBJECT_PRONOUNS = new Set(WORDS.subjectPronouns.words);

/** Quantifiers that stand alone as a subject ("Some say", "Several said", "what many thought"). */
export const QUANTIFIER_SUBJECTS = new Set(WORDS.quantifierSubjects.words);
export const WEEKDAYS = new Set(WORDS.weekdays.words);
export const MONTHS = new Set(WORDS.months.words);

export const BE_FORMS = new Set(WORDS.beForms.words);

export function isPreposition(norm: string): boolean {
  return PREPOSITIONS.has(norm);
}

export function isDeterminer(norm: string): boolean {
  return DETERMINERS.has(norm);
}

export interface Span {
  from: number;
  to: number;
}

/** Parts of speech that open a sentence without being its subject: "However", "And", "Meanwhile". */
const OPENING_WORDS = new Set(['ADV', 'CCONJ', 'SCONJ', 'INTJ']);

/**
 * Only these words are worth asking the tagger about (tagging a paragraph costs as much as checking it):
 * an adverb in -ly, or a short closed class of openers.
 */
const OPENER_CANDIDATES =
  /^(however|now|meanwhile|and|but|so|yet|also|still|later|earlier|then|instead|indeed|moreover|nevertheless|nonetheless|thus|hence|only|even|just|already|again|elsewhere|overall|today|yesterday|tonight|first|last|once|since|while|though|although|when|if|because|as|or|nor|well|yes|no)$/;

function mayOpen(token: Token): boolean {
  return token.kind === 'word' && (OPENER_CANDIDATES.test(token.norm) || /ly$/.test(token.norm));
}

/**
 * The subject before a verb at `verbIndex`: skips auxiliaries and adverbs, handles appositives
 * ("Ramon Pacheco Pardo, the Korea Chair at ..., suggests") and stops at clause boundaries.
 */
export function subjectBefore(sentence: Sentence, verbIndex: number): Span | null {
  let span = nearestSubject(sentence, verbIndex);
  if (!span) return null;
  // '"...," Mr Prettejohn, Lloyd's chief executive said.': a name before the appositive whose closing
  // comma the writer left out.
  const named = nameBeforeAppositive(sentence, span.from);
  if (named !== null) span = {from: named, to: span.to};
  // "a committee of MPs and peers has warned": the second of two nouns joined under "of" is not the subject.
  if (sentence.norms[span.from - 1] === 'and' && span.to - span.from <= 2 && !isDeterminer(sentence.norms[span.from])) {
    const first = phraseBackFrom(sentence.tokens, span.from - 2);
    const of = first ? sentence.norms.indexOf('of', first.from) : -1;
    if (first && of > first.from && of < first.to && BODIES.has(sentence.norms[of - 1]) && isDeterminer(sentence.norms[first.from]))
      span = {from: first.from, to: span.to};
  }
  // "However polls show": an adverb or conjunction opening the sentence, which the tagger knows, is not
  // part of the source (a quick-fix naming the source must leave "However" alone).
  if (span.from === 0 && sentence.paragraph !== undefined) {
    while (
      span.to - span.from > 1 &&
      mayOpen(sentence.tokens[span.from]) &&
      OPENING_WORDS.has(tagOfSentence(sentence.paragraph, sentence, sentence.tokens[span.from]).pos)
    )
      span = {from: span.from + 1, to: span.to};
  }
  // "A diplomat who requested anonymity because of ... said": the subject is the noun before "who",
  // with its relative clause.
  const tokens = sentence.tokens;
  for (let k = span.from - 1; k >= 0 && span.from - k < 24; k--) {
    const token = tokens[k];
    if (token.kind === 'punct' && (token.norm === ',' || BREAK_PUNCT.has(token.norm))) break;
    if (token.norm === 'who' || token.norm === 'whose') {
      // "a hacker who officials say is tied to": the phrase right after "who" speaks itself.
      if (k === span.from - 1 && token.norm === 'who') break;
      const head = phraseBackFrom(tokens, k - 1);
      if ((head && head.from === 0) || (head && tokens[head.from - 1]?.norm === ',')) return {from: head!.from, to: span.to};
      break;
    }
  }
  return span;
}

function nearestSubject(sentence: Sentence, verbIndex: number): Span | null {
  const tokens = sentence.tokens;
  const j = pastVerbGroup(verbIndex - 1, -1, (k) => isAdverbLike(tokens[k]));
  if (j < 0) return null;
  const placeholder = placeholderAt(tokens, j, -1);
  if (placeholder) return placeholder;
  // "Sen. Mike Lee (R-Utah) said", "Kall -- co-editor of a book -- said": the aside belongs to the name.
  const aside = asideBefore(tokens, j);
  if (aside !== null) {
    // The source is the name, not its aside; "Paul Myers, chief executive of Wippit - ... - said" keeps
    // the name before the appositive's comma.
    const head = phraseBackFrom(tokens, aside - 1);
    if (!head) return null;
    const name = tokens[head.from - 1]?.norm === ',' ? phraseBackFrom(tokens, head.from - 2) : null;
    return {from: name ? name.from : head.from, to: head.to};
  }
  if (tokens[j].norm === ',') {
    // "Subject, appositive, said": look for the comma that opens the appositive; "Johnnie Wilson, of
    // Springfield, Va., said" has two, so a head that opens with a preposition looks one further back.
    let k = j;
    for (let tries = 0; tries < 3; tries++) {
      k--;
      while (k >= 0 && tokens[k].norm !== ',' && !BREAK_PUNCT.has(tokens[k].norm)) k--;
      if (k < 0 || tokens[k].norm !== ',' || j - k < 2) return null;
      const head = phraseBackFrom(tokens, k - 1);
      if (!head) return null;
      // "Economists, however, said": the commas hold a discourse adverb, not an appositive.
      if (tries === 0 && DISCOURSE_ASIDES.has(wordsBetween(tokens, k, j))) return head;
      if (!PREPOSITIONS.has(tokens[head.from].norm) || tokens[head.from].norm === 'who') return {from: head.from, to: j};
      k = head.from;
    }
    return null;
  }
  return phraseBackFrom(tokens, j);
}

/**
 * Words that open a subordinate clause: it is no part of a source after a cue, and a cue inside one
 * that opens the sentence reports only that clause.
 */
export const SUBORDINATORS = new Set(WORDS.subordinators.words);

/**
 * Where a name of two or more capitalized words ends right before ", <appositive>" at `from`, opening
 * its clause (at the start, after a quotation mark or after a comma): "Eric Abensur, Wanadoo's chief
 * executive told". Null otherwise; "In London, police officials said" has a preposition before the name.
 */
function nameBeforeAppositive(sentence: Sentence, from: number): number | null {
  const {tokens} = sentence;
  if (
    tokens[from - 1]?.norm !== ',' ||
    !tokens[from] ||
    (tokens[from].capitalized && tokens[from].kind === 'word' && !isDeterminer(tokens[from].norm) && !tokens[from].norm.endsWith("'s"))
  )
    return null;
  let start = from - 1;
  while (start - 1 >= 0 && tokens[start - 1].kind === 'word' && tokens[start - 1].capitalized) start--;
  if (from - 1 - start < 2) return null;
  // "On Monday, police officials said", "In Lisbon, officials said": an opener, not a name.
  if (isPreposition(tokens[start].norm) || isDeterminer(tokens[start].norm) || WEEKDAYS.has(tokens[start].norm)) return null;
  const before = tokens[start - 1];
  if (before && before.norm !== ',' && before.norm !== '"' && before.kind !== 'punct') return null;
  return start;
}

/** Bodies whose members are listed with "of": "a committee of MPs and peers" (not "a host of lenders and economists"). */
const BODIES = new Set(WORDS.bodies.words);

/** Asides between commas that belong to the sentence, not to the subject before them. */
const DISCOURSE_ASIDES = new Set(WORDS.discourseAsides.words);

/** The words strictly between token `from` and token `to`, lower-cased and joined by spaces. */
function wordsBetween(tokens: Token[], from: number, to: number): string {
  let words = '';
  for (let k = from + 1; k < to; k++) if (tokens[k].kind === 'word') words += (words ? ' ' : '') + tokens[k].norm;
  return words;
}

const DASHES = new Set(['--', '-', '\u2014', '\u2013']);

/** Where a closing parenthesis or dash at `end` opens its aside ("(R-Utah)", "-- a pollster --"), or null. */
function asideBefore(tokens: Token[], end: number): number | null {
  if (tokens[end].norm === ')') {
    for (let k = end - 1; k > 0 && end - k < 30; k--) {
      if (tokens[k].norm === '(') return k;
      if (tokens[k].norm === '.' || tokens[k].norm === ';') return null;
    }
    return null;
  }
  if (!isSpacedDash(tokens, end)) return null;
  // "--" may come as two tokens: step over the closing pair, then find the opening one.
  let k = end;
  while (k > 0 && DASHES.has(tokens[k - 1].norm) && tokens[k - 1].end === tokens[k].start) k--;
  for (k--; k > 0 && end - k < 40; k--) {
    if (isSpacedDash(tokens, k)) {
      while (k > 0 && DASHES.has(tokens[k - 1].norm) && tokens[k - 1].end === tokens[k].start) k--;
      return k;
    }
    if (tokens[k].norm === '.' || tokens[k].norm === ';') return null;
  }
  return null;
}

/** A dash standing between words ("Kall -- co-editor"), not a hyphen inside one ("R-Utah"). */
function isSpacedDash(tokens: Token[], k: number): boolean {
  if (!DASHES.has(tokens[k].norm)) return false;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (before !== undefined && before.end < tokens[k].start) || (after !== undefined && after.start > tokens[k].end);
}

/** The noun phrase that ends at token `end` (for "X, which said ..."). */
export function phraseEndingAt(sentence: Sentence, end: number): Span | null {
  return phraseBackFrom(sentence.tokens, end);
}

function phraseBackFrom(tokens: Token[], end: number): Span | null {
  if (end < 0) return null;
  const last = tokens[end];
  if (last.kind !== 'word' && last.kind !== 'symbol') return null;
  if (CLAUSE_BREAKS.has(last.norm) || BE_FORMS.has(last.norm)) return null;
  // A pronoun is a whole subject: "cast doubt on what he would be talking about".
  if (SUBJECT_PRONOUNS.has(last.norm) || last.norm === 'it') return {from: end, to: end + 1};
  let from = end;
  while (from - 1 >= 0 && end - from < 14) {
    const prev = tokens[from - 1];
    if (prev.kind === 'punct' && (prev.norm === ',' || BREAK_PUNCT.has(prev.norm))) break;
    if (prev.kind === 'word' && CLAUSE_BREAKS.has(prev.norm)) break;
    if (prev.kind === 'word' && prev.norm === 'who') break;
    from--;
  }
  // "On Monday the ministry": drop a leading prepositional phrase.
  if (PREPOSITIONS.has(tokens[from].norm) && from < end) {
    for (let k = from + 1; k <= end; k++) {
      if (
        DETERMINERS.has(tokens[k].norm) ||
        (tokens[k].capitalized && !PREPOSITIONS.has(tokens[k - 1].norm)) ||
        SUBJECT_PRONOUNS.has(tokens[k].norm)
      ) {
        from = k;
        break;
      }
    }
  }
  // "Last Friday the minister", "Yesterday the ministry": drop a leading time.
  if (TIME_OPENERS.test(tokens[from].norm) && from < end) {
    let k = from + 1;
    if (/^(last|this|next)$/.test(tokens[from].norm)) k = isTimeNoun(tokens[k].norm) ? k + 1 : end + 1;
    if (k <= end && tokens[k].kind === 'word') from = k;
  }
  return {from, to: end + 1};
}

/** Words that open a time before a subject: "Last Friday the minister", "Yesterday the ministry". */
const TIME_OPENERS = /^(last|this|next|yesterday|today|tonight)$/;

function isTimeNoun(norm: string): boolean {
  return (
    WEEKDAYS.has(norm) ||
    MONTHS.has(norm) ||
    /^(week|weekend|month|year|night|morning|afternoon|evening|spring|summer|autumn|winter)$/.test(norm)
  );
}

/**
 * A "[TK: ...]" placeholder stands for a source still to come: "according to [TK: source]",
 * "[TK: who] believes". The quick-fixes write them, so they must count as sources.
 */
export function placeholderAt(tokens: Token[], index: number, direction: 1 | -1): Span | null {
  const open = direction === 1 ? '[' : ']';
  const close = direction === 1 ? ']' : '[';
  if (tokens[index]?.text !== open) return null;
  for (let k = index + direction; k >= 0 && k < tokens.length && Math.abs(k - index) <= 16; k += direction) {
    if (tokens[k].text === close) return direction === 1 ? {from: index, to: k + 1} : {from: k, to: index + 1};
  }
  return null;
}

export function isPlaceholder(tokens: Token[], span: Span): boolean {
  return tokens[span.from]?.text === '[' && tokens[span.from + 1]?.norm === 'tk';
}

/**
 * The noun phrase after a cue ("according to X", "said X"): up to a comma, a quote, the end of the
 * sentence or a new clause; keeps an appositive that starts with an article ("said John Smith, a spokesman").
 * When the cue opens the sentence ("According to the Interior Ministry, the suspect ..."), what follows
 * the comma is the main clause unless another comma closes it as an appositive.
 */
export function phraseAfter(sentence: Sentence, from: number, {opensSentence = false, passiveAgent = false} = {}): Span | null {
  const tokens = sentence.tokens;
  const placeholder = placeholderAt(tokens, from, 1);
  if (placeholder) return placeholder;
  if (from >= tokens.length || (tokens[from].kind !== 'word' && tokens[from].kind !== 'symbol')) return null;
  if (CLAUSE_BREAKS.has(tokens[from].norm) && tokens[from].norm !== 'that') return null;
  if (tokens[from].norm === 'that' && !DETERMINER_THAT_FOLLOWERS(tokens[from + 1])) return null;
  let to = from;
  while (to < tokens.length && to - from < 16) {
    const token = tokens[to];
    if (token.kind === 'punct' && (token.norm === ',' || BREAK_PUNCT.has(token.norm))) break;
    if (
      token.kind === 'word' &&
      to > from &&
      (token.norm === 'that' ||
        token.norm === 'which' ||
        token.norm === 'and' ||
        token.norm === 'but' ||
        token.norm === 'because' ||
        token.norm === 'as')
    )
      break;
    // "expected by analysts after the company said ...": a subordinate clause is no part of the source.
    if (token.kind === 'word' && to > from && SUBORDINATORS.has(token.norm)) break;
    // "considered by experts to be ...", "criticised by philosophers for arguing ...": the verb's own complement.
    if (
      token.kind === 'word' &&
      to > from &&
      ((token.norm === 'to' && tokens[to + 1]?.norm === 'be') || (token.norm === 'for' && /ing$/.test(tokens[to + 1]?.norm ?? '')))
    )
      break;
    // The agent of a passive cue ends where the verb's infinitive starts: "expected by diplomats to focus on trade".
    if (passiveAgent && token.norm === 'to' && to > from && infinitiveFollows(tokens[to + 1])) break;
    to++;
  }
  if (to === from) return null;
  // Appositive after a name: "said John Smith, a spokesman for the ministry."
  if (tokens[to]?.norm === ',' && tokens[to - 1].capitalized && /^(a|an|the|who)$/.test(tokens[to + 1]?.norm ?? '')) {
    let end = to + 1;
    while (end < tokens.length && end - to < 12 && tokens[end].norm !== ',' && !BREAK_PUNCT.has(tokens[end].norm)) end++;
    if (tokens[end]?.norm === ',' || (!opensSentence && (end >= tokens.length || tokens[end].norm === '.'))) to = end;
  }
  return {from, to};
}

function infinitiveFollows(next: Token | undefined): boolean {
  return next !== undefined && next.kind === 'word' && !next.capitalized && !isDeterminer(next.norm) && !/^\d/.test(next.text);
}

function DETERMINER_THAT_FOLLOWERS(next: Token | undefined): boolean {
  // "citing that report" (a determiner) vs "citing that the plan failed" (a clause).
  return next !== undefined && next.kind === 'word' && !isDeterminer(next.norm) && !next.capitalized;
}

export interface SourceReading {
  kind: SourceClass;
  /** The words that decided, for messages. */
  head: string;
}

/** Roles a house has one of, so "the BBC's political editor" is somebody the reader can find. */
const OWN_ROLES = /^(editor|correspondent|reporter|columnist|presenter|economist|strategist|analyst)$/;

/** What kind of source a phrase names. */
export function classifySource(sentence: Sentence, span: Span, lexicon: Lexicon): SourceReading {
  const tokens = sentence.tokens;
  const norms = sentence.norms;
  const words: number[] = [];
  for (let i = span.from; i < span.to; i++) if (tokens[i].kind === 'word') words.push(i);
  if (words.length === 0) return {kind: 'unknown', head: ''};
  // A source the writer has promised to fill in; leftover-tk keeps it from being published.
  if (isPlaceholder(tokens, span)) return {kind: 'named', head: 'TK'};

  if (lexicon.anonymousMarkers.findAll(norms, span.from, span.to).length > 0) return {kind: 'anonymous', head: 'unnamed'};
  // "He's claiming": a pronoun with its auxiliary attached.
  const single = words.length === 1 ? norms[words[0]].replace(/'(s|re|ve|d|ll)$/, '') : '';
  if (single && lexicon.pronouns.has(single)) return {kind: 'pronoun', head: single};
  const anaphor = lexicon.anaphoric.matchAt(norms, span.from);
  if (anaphor && anaphor.to === span.to) return {kind: 'pronoun', head: anaphor.value};
  if (lexicon.mediaNames.findAll(norms, span.from, span.to).length > 0) {
    // "local media" is vague; "the local newspaper, The Harbour Gazette" names its outlet.
    const local = words.some((i) => norms[i] === 'local');
    const named = words.some((i) => i > span.from && tokens[i].capitalized && norms[i] !== 'the');
    return {kind: local && !named ? 'vague' : 'media', head: 'media'};
  }

  // Segments split by commas: the head phrase and any appositives.
  const segments: Span[] = [];
  let segmentStart = span.from;
  for (let i = span.from; i <= span.to; i++) {
    if (i === span.to || tokens[i].norm === ',') {
      if (i > segmentStart) segments.push({from: segmentStart, to: i});
      segmentStart = i + 1;
    }
  }
  const cores = segments.map((segment) => coreOf(tokens, segment));
  for (const core of cores) if (hasPersonalName(tokens, core, lexicon, span.from)) return {kind: 'named', head: tokens[core.to - 1].text};
  // "the minister for civil aviation Praful Patel": a name closing the head phrase right after its title.
  // Not after a preposition ("a source close to Mr Blair"), nor in a later segment ("A senior official,
  // speaking to the BBC's correspondent Paul Adams"): both stay anonymous.
  for (const segment of segments.slice(0, 1)) {
    const end = lastWord(tokens, segment);
    let first = end;
    while (first - 1 > segment.from && tokens[first - 1].capitalized && tokens[first - 1].kind === 'word') first--;
    const before = tokens[first - 1];
    if (
      end > first &&
      before &&
      before.kind === 'word' &&
      !before.capitalized &&
      !isPreposition(before.norm) &&
      !isDeterminer(before.norm) &&
      hasPersonalName(tokens, {from: first, to: end + 1}, lexicon, span.from)
    ) {
      return {kind: 'named', head: tokens[end].text};
    }
  }
  // "Leading plaintiff, the University of California": an appositive that names the house. Not for an
  // unnamed person of a named house ("a board member of Germany's central bank, the Bundesbank").
  const firstHead = lastWord(tokens, cores[0] ?? span);
  for (let k = 1; k < cores.length && firstHead >= 0 && !lexicon.anonymousHeads.has(norms[firstHead]); k++) {
    const last = lastWord(tokens, cores[k]);
    if (norms[cores[k].from] === 'the' && last > cores[k].from && tokens[last].capitalized && !isTitleCase(sentence))
      return {kind: 'institutional', head: tokens[last].text};
  }

  const core = cores[0] ?? span;
  const headIndex = lastWord(tokens, core);
  if (headIndex < 0) return {kind: 'unknown', head: ''};
  const head = tokens[headIndex];
  const headNorm = head.norm.replace(/'s$/, '');
  const firstNorm = norms[core.from];
  const definite = firstNorm === 'the' || firstNorm === 'these' || firstNorm === 'those' || firstNorm.endsWith("'s");
  // "Some lawmakers", "many officials": a crowd, not a single unnamed person.
  const crowd =
    lexicon.vagueModifiers.has(firstNorm) &&
    /^(some|many|several|various|numerous|certain|other|most|few|multiple|countless)$/.test(firstNorm);
  // "the Scottish Executive", "the Foreign Minister": a capitalized office mid-phrase is an institution.
  const officeName = head.capitalized && headIndex > span.from && tokens[headIndex - 1].capitalized;
  // "the finance minister", "France's finance minister", "London's most senior police officer": one
  // office, one holder; the reader can find out who.
  const properOwner = firstNorm.endsWith("'s") && tokens[core.from].capitalized;
  const singleOffice = /^(minister|secretary|officer|commander|representative)$/.test(headNorm);
  const superlative = norms.slice(core.from, headIndex).includes('most');
  // "the rural affairs minister", "the defence secretary": any portfolio words after "the".
  const portfolio =
    (firstNorm === 'the' || properOwner) &&
    headIndex > core.from + 1 &&
    singleOffice &&
    (firstNorm === 'the' || lexicon.personTitles.has(norms[headIndex - 1]) || superlative);
  // "his former chief economic adviser", "the company's chief spokesman", "the Lib Dem chief executive":
  // the one chief of somebody named.
  const adjectiveOwner = firstNorm === 'the' && tokens.slice(core.from + 1, headIndex).some((token) => token.capitalized);
  const ownersChief =
    (/^(his|her|its|their)$/.test(firstNorm) || firstNorm.endsWith("'s") || adjectiveOwner) &&
    norms.slice(core.from + 1, headIndex).some((word) => word === 'chief' || word === 'principal') &&
    !headNorm.endsWith('s');
  // "the BBC's political editor", "Barclays' chief economist": one named house's one such writer or analyst.
  const housesOwn =
    OWN_ROLES.test(headNorm) &&
    norms.slice(core.from, headIndex).some((word, k) => tokens[core.from + k].capitalized && /('s|s')$/.test(word) && k + core.from > 0);
  if (housesOwn && !crowd) return {kind: 'named', head: head.text};
  // "The members of the Gameboyzz Orchestra Project": all of a named group is the group.
  if (
    headNorm === 'members' &&
    firstNorm === 'the' &&
    norms[headIndex + 1] === 'of' &&
    tokens.slice(headIndex + 2, span.to).some((token) => token.capitalized)
  )
    return {kind: 'institutional', head: head.text};
  // "Ministers say", "Scottish ministers insist": the government speaking through its ministers.
  if (headNorm === 'ministers' && !crowd && !anyMarker(norms, core) && norms[core.from - 1] !== 'privately')
    return {kind: 'institutional', head: head.text};
  if (lexicon.anonymousHeads.has(headNorm) && !crowd && !officeName && !portfolio && !ownersChief)
    return {kind: 'anonymous', head: head.text};
  // "its latest accounts", "our research", "their figures", "Apacs' figures": the papers of somebody the
  // story names.
  const namedOwner =
    tokens[core.from].capitalized && (/('s|s')$/.test(firstNorm) || (tokens[core.from + 1]?.norm === "'" && firstNorm.endsWith('s')));
  if (
    (/^(its|their|his|her|our)$/.test(firstNorm) || namedOwner) &&
    (lexicon.documentHeads.has(headNorm) || /^(accounts|research|figures|estimates|studies|surveys)$/.test(headNorm))
  ) {
    return {kind: 'document', head: head.text};
  }
  if (lexicon.vagueHeads.has(headNorm) || (lexicon.vagueModifiers.has(firstNorm) && !head.capitalized)) {
    // "Analysts at Barclays", "figures from the Office for National Statistics" name their house.
    if (namesItsHouse(tokens, core.to, span.to, lexicon)) return {kind: 'institutional', head: head.text};
    if (namedBefore(sentence, core.from, headIndex, lexicon)) return {kind: 'institutional', head: head.text};
    // "the researchers" points back to people the story has named; "the media" stays vague.
    if (definite && !/^(media|press|reports|rumors|rumours|speculation)$/.test(headNorm)) return {kind: 'unknown', head: head.text};
    return {kind: 'vague', head: head.text};
  }
  const capitalizedHead = head.capitalized && !(headIndex === 0 && lexicon.knownWords.has(headNorm));
  if (capitalizedHead) return {kind: 'institutional', head: head.text};
  if (lexicon.institutionHeads.has(headNorm)) return {kind: 'institutional', head: head.text};
  if (lexicon.documentHeads.has(headNorm)) return {kind: 'document', head: head.text};
  for (let i = core.from; i < core.to; i++) if (lexicon.documentHeads.has(norms[i])) return {kind: 'document', head: tokens[i].text};
  // A bare plural of people ("Conservationists say") speaks for nobody in particular.
  if (!definite && core.to - core.from === 1 && /(ists|ians|ers|ants|ents)$/.test(headNorm)) return {kind: 'vague', head: head.text};
  return {kind: 'unknown', head: head.text};
}

/** Nationality adjectives the tagger may call proper nouns: "Chinese", "Iranian", "British", "Iraqi", "French". */
const DEMONYM = /(ese|ian|an|ish|i|ch|ic)$/;

/**
 * A name right before a source noun makes it a house's own: "Juniper Research" (a capitalized head
 * after a name), "Labor Department figures", "Home Office figures" (a name ending in an institution
 * word), "Japan Motion Picture Producers figures" (three capitalized words or more), "CEA analysts" (an
 * acronym of three letters or more). "US analysts", "British experts", "South Korean media" and "Wall
 * Street analysts" stay vague; so do a title-case headline ("Top Analysts Warn") and a crowd's own
 * capital ("Some Liverpool fans").
 */
function namedBefore(sentence: Sentence, from: number, headIndex: number, lexicon: Lexicon): boolean {
  const {tokens, norms} = sentence;
  let start = headIndex;
  while (start - 1 >= from && tokens[start - 1].kind === 'word' && tokens[start - 1].capitalized) start--;
  // A capitalized crowd word or a known word opening the sentence is no name ("Some", "Government").
  // ("University College London research" keeps its first word: a known word opening a longer name.)
  while (
    start < headIndex &&
    (lexicon.vagueModifiers.has(norms[start]) ||
      isDeterminer(norms[start]) ||
      (start === 0 && lexicon.knownWords.has(norms[start]) && headIndex - start < 3))
  )
    start++;
  const run = headIndex - start;
  if (run === 0 || isTitleCase(sentence)) return false;
  if (run >= 3 || (run === 2 && lexicon.institutionHeads.has(norms[headIndex - 1]))) return true;
  // "CEA analysts", "ILO-based figures": an acronym of three letters or more, alone or before "-based".
  if (run === 1 && /^[A-Z]{3,}(-based)?$/.test(tokens[start].text)) return true;
  // "The Envisional reports": a name the tagger reads as a proper noun before a document ("Chinese
  // reports", an adjective of nationality, stay vague).
  if (
    run === 1 &&
    start > 0 &&
    lexicon.documentHeads.has(norms[headIndex].replace(/s$/, '')) &&
    sentence.paragraph !== undefined &&
    tagOfSentence(sentence.paragraph, sentence, tokens[start]).pos === 'PROPN' &&
    !DEMONYM.test(norms[start])
  )
    return true;
  return tokens[headIndex].capitalized && !lexicon.knownWords.has(norms[headIndex - 1]);
}

function namesItsHouse(tokens: Token[], from: number, to: number, lexicon: Lexicon): boolean {
  if (from >= to || !/^(at|from|of|with|by)$/.test(tokens[from].norm)) return false;
  // "Analysts at Barclays", "figures from the trade ministry": a name, or "the" and an institution the
  // crowd works at or comes from ("critics of the government" are not the government's).
  const belongs = /^(at|from|with)$/.test(tokens[from].norm) && tokens[from + 1]?.norm === 'the';
  for (let i = from + 1; i < to && tokens[i].norm !== ','; i++) {
    if (tokens[i].capitalized || (belongs && lexicon.institutionHeads.has(tokens[i].norm))) return true;
  }
  return false;
}

/**
 * "two ministers", "senior ministers", "Privately ministers believe": a count, a rank or a private view
 * picks some ministers, not the government speaking.
 */
function anyMarker(norms: readonly string[], core: Span): boolean {
  return norms
    .slice(core.from, core.to)
    .some((word) => /^(\d+|two|three|four|five|several|some|senior|junior|former|privately|other)$/.test(word));
}

/** The part of a segment before a preposition or relative clause: "officials" in "officials at the ministry". */
function coreOf(tokens: Token[], segment: Span): Span {
  for (let i = segment.from + 1; i < segment.to; i++) {
    if (tokens[i].kind === 'word' && PREPOSITIONS.has(tokens[i].norm) && !tokens[i].capitalized) return {from: segment.from, to: i};
  }
  return segment;
}

function lastWord(tokens: Token[], span: Span): number {
  for (let i = span.to - 1; i >= span.from; i--) if (tokens[i].kind === 'word') return i;
  return -1;
}

/**
 * A personal name: the phrase ends in a run of capitalized words that is not preceded by an article
 * ("the Kremlin" is an institution) and whose last word is no known common noun.
 */
function hasPersonalName(tokens: Token[], core: Span, lexicon: Lexicon, phraseStart: number): boolean {
  const end = lastWord(tokens, core);
  if (end < 0) return false;
  const last = tokens[end];
  if (!last.capitalized) return false;
  const lastNorm = last.norm.replace(/'s$/, '');
  if (last.norm.endsWith("'s")) return false;
  if (lexicon.institutionHeads.has(lastNorm) || lexicon.documentHeads.has(lastNorm) || lexicon.anonymousHeads.has(lastNorm)) return false;
  if (lexicon.vagueHeads.has(lastNorm) || lexicon.pronouns.has(lastNorm)) return false;
  if (lexicon.vagueModifiers.has(tokens[core.from].norm)) return false;
  let first = end;
  while (first - 1 >= core.from && tokens[first - 1].capitalized && tokens[first - 1].kind === 'word') first--;
  const before = tokens[first - 1];
  if (before && (before.norm === 'the' || before.norm === 'a' || before.norm === 'an')) return false;
  // A sentence-initial capital on a common word ("Officials") is no name.
  if (first === end && end === 0 && lexicon.knownWords.has(lastNorm)) return false;
  if (first === end && end === phraseStart && tokens[end].start === 0 && lexicon.knownWords.has(lastNorm)) return false;
  // All-capital short words are usually organizations (NATO, KCNA) or countries (U.S.).
  if (/^[A-Z.]+$/.test(last.text) && last.text.length <= 6) return false;
  return true;
}
