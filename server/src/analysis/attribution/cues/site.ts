// What the cue finders of one sentence share: the sentence, what they have found so far, the subject later
// participles and coordinated verbs take, and how a cue and its source become an attribution.
import type {Lexicon} from '../../lexicon';
import type {Sentence, Token} from '../../nlp/tokens';
import {timeAfter} from '../clauses';
import type {SourceKind} from '../../types';
import {ANONYMOUS_FIRST_MENTIONS, BODY_ANAPHORS, type Recent, resolveAnaphor} from '../context';
import type {LocalAttribution} from '../model';
import {blank, crowdless, firstSubject, type Subject} from '../records';
import {classifySource, type SourceClass, type Span} from '../sources';
import {isTitleCase} from '../headlines';
import {openingSubject} from '../subjects';

export interface CueSite {
  sentence: Sentence;
  /** The sentence's index in its paragraph. */
  index: number;
  lexicon: Lexicon;
  /** The speakers before this sentence, for pronouns. */
  recent: Recent;
  /** A headline: its verbs are capitalized too. */
  titleCase: boolean;
  found: LocalAttribution[];
  /** Stance nouns ("Britain's decision to leave"): the sentence's cues only when it has no other. */
  bareStances: LocalAttribution[];
  /** The subject of the sentence's main cue, which participles and coordinated verbs share. */
  mainSubject: Subject | null;
  /**
   * The index of the sentence's first word (the token count when it has none), found once: "is token i
   * the sentence's first word?" is then one comparison, not a scan of every token before i for each cue.
   */
  firstWord: number;
}

export function cueSite(sentence: Sentence, index: number, lexicon: Lexicon, recent: Recent): CueSite {
  let firstWord = 0;
  while (firstWord < sentence.tokens.length && sentence.tokens[firstWord].kind !== 'word') firstWord++;
  return {sentence, index, lexicon, recent, titleCase: isTitleCase(sentence), found: [], bareStances: [], mainSubject: null, firstWord};
}

/**
 * The attribution of a cue to a source, its kind read from the source (a pronoun resolved against the
 * speakers before it). A source of no known kind gets `unknownAs`, or no attribution when that is null.
 */
export function attribute(
  site: CueSite,
  cue: Span,
  source: Span | null,
  verbNorm: string | null,
  unknownAs: SourceKind | null
): LocalAttribution | null {
  const {sentence, lexicon, recent} = site;
  let kind: SourceClass = 'unknown';
  let resolved: string | null = null;
  if (source) {
    const reading = classifySource(sentence, source, lexicon);
    kind = reading.kind;
    if (kind === 'pronoun') {
      const antecedent = resolveAnaphor(reading.head, recent);
      if (antecedent) {
        kind = antecedent.kind;
        resolved = antecedent.text;
      } else {
        // A first mention: "The ministry said" is the ministry itself; "The source said" with no
        // source before it is a source nobody has named.
        kind = ANONYMOUS_FIRST_MENTIONS.test(reading.head)
          ? 'anonymous'
          : BODY_ANAPHORS.test(reading.head) && reading.head.startsWith('the ')
            ? 'institutional'
            : 'named';
      }
    }
  }
  if (kind === 'unknown') {
    // Speech verbs with an unlisted subject ("the 45-year-old said") are still attributions;
    // thoughts and perceptions need a recognizable source.
    if (!unknownAs) return null;
    kind = unknownAs;
  }
  return {
    ...blank(site.index),
    kind,
    cue,
    source,
    resolvedSource: resolved,
    loaded: verbNorm ? (lexicon.loadedVerbs.get(verbNorm) ?? null) : null
  };
}

/** Keeps an attribution, if there is one. */
export function add(site: CueSite, attribution: LocalAttribution | null): void {
  if (attribution) site.found.push(attribution);
}

/** Keeps an attribution unless its source is a crowd or nobody (anonymous, vague). */
export function addCredited(site: CueSite, attribution: LocalAttribution | null): void {
  if (attribution && !crowdless(attribution.kind)) site.found.push(attribution);
}

/** The sentence's subject for a verb far from it: the main cue's, the first found, or the one opening the sentence. */
export function sentenceSubject(site: CueSite): Subject | null {
  return site.mainSubject ?? firstSubject(site.found) ?? openingSubject(site.sentence, site.lexicon, site.recent.lastSource);
}

/** An attribution of the verb at `verb` to a subject found elsewhere in the sentence. */
export function subjectCue(site: CueSite, subject: Subject, verb: number, norm: string): LocalAttribution {
  return {
    ...blank(site.index),
    kind: subject.kind,
    cue: {from: verb, to: verb + 1},
    source: subject.span,
    resolvedSource: subject.resolved,
    loaded: site.lexicon.loadedVerbs.get(norm) ?? null
  };
}

/** The first cue with a subject of its own sets the sentence's main subject. */
export function holdSubject(site: CueSite, span: Span, attribution: LocalAttribution): void {
  site.mainSubject ??= {span, kind: attribution.kind, resolved: attribution.resolvedSource};
}

/**
 * A word the verb finders read (a speech, cognition, stance, document or crowd-opinion verb form), the
 * words around it, and what the finders learn about it on the way.
 */
export interface VerbSite {
  site: CueSite;
  sentence: Sentence;
  lexicon: Lexicon;
  i: number;
  token: Token;
  norm: string;
  prev: Token | undefined;
  /** The word after the verb, past a time ("noted Friday that", "wrote last week that"). */
  next: Token | undefined;
  isSpeech: boolean;
  isThought: boolean;
  isStance: boolean;
  isDocumentVerb: boolean;
  isCrowdOpinion: boolean;
  /** What follows opens the report ("that", a quote, "called for", "urged X to"). */
  complementFollows: boolean;
  afterQuoteOrComma: boolean;
  /** A verb that needs a complement has a bare object instead ("He noted the deadline"). */
  bareObject: boolean;
  /** The subject is a relative pronoun's head ("critics who say"). */
  relative: boolean;
  /** The speaker follows the verb ("..., said Mr Dobrow."). */
  inverted: boolean;
  source: Span | null;
  attribution: LocalAttribution | null;
}

/** The verb site of the word at `i`, or null when it is in no verb list. */
export function verbSite(site: CueSite, i: number): VerbSite | null {
  const {sentence, lexicon} = site;
  const {tokens, norms} = sentence;
  const token = tokens[i];
  const norm = token.norm;
  const isSpeech = lexicon.speechVerbs.has(norm);
  const isThought = !isSpeech && lexicon.cognitionVerbs.has(norm);
  const isStance = !isSpeech && !isThought && lexicon.stanceVerbs.has(norm);
  const isDocumentVerb = !isSpeech && !isThought && !isStance && lexicon.documentVerbs.has(norm);
  const isCrowdOpinion = !isSpeech && !isThought && !isStance && !isDocumentVerb && lexicon.crowdOpinionVerbs.has(norm);
  if (!isSpeech && !isThought && !isStance && !isDocumentVerb && !isCrowdOpinion) return null;
  return {
    site,
    sentence,
    lexicon,
    i,
    token,
    norm,
    prev: tokens[i - 1],
    // "noted Friday that": a day between the verb and its clause.
    // "concluded this month that", "wrote last week that", "wrote recently.": a time phrase too.
    next: tokens[i + 1 + timeAfter(norms, i + 1)],
    isSpeech,
    isThought,
    isStance,
    isDocumentVerb,
    isCrowdOpinion,
    complementFollows: false,
    afterQuoteOrComma: false,
    bareObject: false,
    relative: false,
    inverted: false,
    source: null,
    attribution: null
  };
}
