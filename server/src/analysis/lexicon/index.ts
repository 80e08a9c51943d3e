// Compiles the word lists (data files beside this one) into look-up structures once per option set.
import verbs from './reporting-verbs.json';
import sources from './sources.json';
import hedges from './hedges.json';
import editorial from './editorial.json';
import evaluative from './evaluative.json';
import claims from './claims.json';
import anonymity from './anonymity.json';
import statistics from './statistics.json';
import {PhraseSet, normalizeWord} from '../nlp/phrases';
import type {ExtraPhrases} from '../types';

export type HedgeKind = 'removable' | 'modal' | 'weak-modal' | 'phrase';
export type ClaimKind = 'passive' | 'concern' | 'adverb' | 'judgement' | 'holderless' | 'forecast';
/** What part of speech an evaluative entry is: it decides where the word judges and which fix fits. */
export type EvaluativeKind = 'adjective' | 'adverb' | 'noun' | 'verb' | 'phrase';

export interface Lexicon {
  speechVerbs: Set<string>;
  cognitionVerbs: Set<string>;
  stanceVerbs: Set<string>;
  possessiveNounCues: Set<string>;
  /** Stance nouns after a possessive ("her support for"), and the prepositions that must follow them. */
  possessiveStanceNouns: Set<string>;
  /** Stance nouns that are cues without a possessive ("criticism from", "the endorsement of"). */
  bareStanceNouns: Set<string>;
  bareStanceNounPrepositions: Set<string>;
  /** Stance nouns that are cues only before "from" and their holder ("concerns from the United States"). */
  stanceFromNouns: Set<string>;
  /** Head nouns of whom a speaker tells ('told reporters'), kept out of the content. */
  tellAudiences: Set<string>;
  /** Adjectives of a belief between 'be' and 'that' ('is confident that'): the subject's view. */
  beliefAdjectives: Set<string>;
  stanceNounPrepositions: Set<string>;
  /** Words that open a verb's report right after it ('agreed to'), by verb form. */
  complementWords: (verb: string) => ReadonlySet<string> | undefined;
  /** Words that complete a verb after its object ('urged Congress to'), by verb form. */
  objectComplements: (verb: string) => ReadonlySet<string> | undefined;
  needsComplement: Set<string>;
  documentVerbs: Set<string>;
  ambiguousNouns: Set<string>;
  loadedVerbs: Map<string, string>;
  sourceAfterCues: PhraseSet;
  otherCues: PhraseSet;
  anonymousMarkers: PhraseSet;
  anonymousHeads: Set<string>;
  vagueHeads: Set<string>;
  vagueModifiers: Set<string>;
  vaguePhrases: PhraseSet;
  crowdPhrases: PhraseSet;
  crowdOpinionVerbs: Set<string>;
  institutionHeads: Set<string>;
  mediaNames: PhraseSet;
  documentHeads: Set<string>;
  personTitles: Set<string>;
  pronouns: Set<string>;
  anaphoric: PhraseSet;
  hedges: PhraseSet<HedgeKind>;
  notHedges: PhraseSet;
  genericDeterminers: Set<string>;
  genericPronouns: Set<string>;
  /** Verbs after "may" that state a general range ("may vary", "may refer to"). */
  generalModalVerbs: Set<string>;
  predictionTimes: PhraseSet;
  /** Strict preset: vague quantities ("some", "many", "several") and the words around them that make them exact. */
  vagueQuantities: PhraseSet;
  notQuantityBefore: Set<string>;
  /** After "some" only: praise or blame ("some great saves"), quality rather than a count. */
  notQuantityBeforeSome: Set<string>;
  notQuantityAfter: Set<string>;
  editorial: PhraseSet;
  soCalledClaims: Set<string>;
  colourAdjectives: Set<string>;
  performanceNouns: Set<string>;
  /** Strict preset: superlatives and fame words that are often plain description in news. */
  editorialStrict: PhraseSet;
  editorialOpeners: PhraseSet;
  notEditorial: PhraseSet;
  /** Appraisal words in the writer's voice ("a sour end", "stridency", "slamming his remarks"). */
  evaluative: PhraseSet<EvaluativeKind>;
  /** Sentence adverbs that judge only in a title-case headline ("Council Finally Fixes Bridge"). */
  headlineAdverbs: PhraseSet;
  /** Evaluative adjectives that judge only before a noun ("an unlikely hero", not "it seems unlikely"). */
  attributiveOnly: Set<string>;
  notEvaluative: PhraseSet;
  claims: PhraseSet<ClaimKind>;
  /** How a crowd feels, stated as fact ("Americans are mad"): feelings, the verbs before them, crowd heads. */
  feelings: Set<string>;
  feelingLinks: Set<string>;
  feelingDegrees: Set<string>;
  feelingCrowds: Set<string>;
  /** Feelings as nouns ("the frustration of many Americans"), and the quantifiers that size their crowd. */
  feelingNouns: Set<string>;
  crowdQuantifiers: PhraseSet;
  /** Crowds whose job is to hold views: their feeling makes them a vague source ("pundits are shocked"). */
  opinionHolders: Set<string>;
  /** A motive stated as fact ("prompted by its growing concern"): verbs of causing and states of mind. */
  motiveCauses: Set<string>;
  motiveMinds: Set<string>;
  /** Words after "is considered" that make it deliberation, not a judgement ("considered next week"). */
  notJudgementAfter: Set<string>;
  anonymityReasons: PhraseSet;
  anonymityPositions: PhraseSet;
  magnitudes: Set<string>;
  currencies: Set<string>;
  percentWords: PhraseSet;
  fractions: PhraseSet;
  trends: PhraseSet;
  notStatisticUnits: Set<string>;
  countNouns: Set<string>;
  countMinimum: number;
  planVerbs: PhraseSet;
  planNouns: Set<string>;
  resultVerbs: Set<string>;
  rateVerbs: Set<string>;
  /** Every word any list knows, lower case: a capitalized word outside it may be a name. */
  knownWords: Set<string>;
}

const words = (list: readonly string[]) => new Set(list.map(normalizeWord));

/**
 * A look-up from a verb form to the words listed for its stem ("agree" covers agreed, agrees). Forms
 * are resolved once and cached, so a look-up is one Map access after the first.
 */
function byStem(table: Record<string, string[]>): (verb: string) => ReadonlySet<string> | undefined {
  const stems = Object.entries(table).map(([stem, list]) => [stem, new Set(list)] as const);
  const cache = new Map<string, ReadonlySet<string> | undefined>();
  return (verb) => {
    if (cache.has(verb)) return cache.get(verb);
    const found = stems.find(([stem]) => verb.startsWith(stem))?.[1];
    if (cache.size < 10_000) cache.set(verb, found);
    return found;
  };
}

let base: Lexicon | undefined;

/** The lexicon for a set of extra phrases; the plain one is built once and shared. */
export function getLexicon(extra: ExtraPhrases = {}): Lexicon {
  const hasExtra = Boolean(extra.vagueSources?.length || extra.hedges?.length || extra.editorial?.length);
  if (!hasExtra && base) return base;
  const lexicon = buildLexicon(extra);
  if (!hasExtra) base = lexicon;
  return lexicon;
}

/** Judgement words, peacock superlatives (with their {esteem} slot) and the user's extra phrases. */
function editorialSet(extra: ExtraPhrases): PhraseSet {
  const set = new PhraseSet<string>([], undefined, editorial.peacock.slots);
  for (const phrase of [...editorial.phrases, ...editorial.peacock.phrases, ...(extra.editorial ?? [])]) set.add(phrase, phrase);
  return set;
}

function evaluativeSet(): PhraseSet<EvaluativeKind> {
  const set = new PhraseSet<EvaluativeKind>();
  const parts: [EvaluativeKind, string[]][] = [
    ['adjective', evaluative.adjectives.words],
    ['adverb', evaluative.adverbs.words],
    ['noun', evaluative.nouns.words],
    ['verb', evaluative.verbs.words],
    ['phrase', evaluative.phrases.words]
  ];
  for (const [kind, list] of parts) for (const phrase of list) set.add(phrase, kind);
  return set;
}

function buildLexicon(extra: ExtraPhrases): Lexicon {
  const hedgeSet = new PhraseSet<HedgeKind>([], undefined, hedges.slots);
  for (const phrase of hedges.removable) hedgeSet.add(phrase, 'removable');
  for (const phrase of hedges.modal) hedgeSet.add(phrase, 'modal');
  for (const phrase of hedges.weakModals.phrases) hedgeSet.add(phrase, 'weak-modal');
  for (const phrase of hedges.phrases) hedgeSet.add(phrase, 'phrase');
  for (const phrase of extra.hedges ?? []) hedgeSet.add(phrase, 'phrase');

  const claimSet = new PhraseSet<ClaimKind>([], undefined, claims.slots);
  for (const phrase of claims.passive) claimSet.add(phrase, 'passive');
  for (const phrase of claims.judgement.phrases) claimSet.add(phrase, 'judgement');
  for (const phrase of claims.concern) claimSet.add(phrase, 'concern');
  for (const phrase of claims.adverbs) claimSet.add(phrase, 'adverb');
  for (const phrase of claims.holderless.phrases) claimSet.add(phrase, 'holderless');
  for (const phrase of claims.forecast.phrases) claimSet.add(phrase, 'forecast');

  const knownWords = new Set<string>();
  const collect = (list: Iterable<string>) => {
    for (const entry of list) for (const word of normalizeWord(entry).split(/\s+/)) knownWords.add(word);
  };
  collect(verbs.speech);
  collect(verbs.cognition);
  collect(verbs.stance.words);
  collect(sources.anonymousHeads.words);
  collect(sources.vagueHeads.words);
  collect(sources.vagueModifiers.words);
  collect(sources.institutionHeads.words);
  collect(sources.documentHeads.words);
  collect(sources.pronouns.words);
  collect(sources.personTitles.words);

  return {
    speechVerbs: words(verbs.speech),
    cognitionVerbs: words(verbs.cognition),
    stanceVerbs: words(verbs.stance.words),
    possessiveNounCues: words(verbs.possessiveNounCues.words),
    possessiveStanceNouns: words(verbs.possessiveStanceNouns.words),
    bareStanceNouns: words(verbs.bareStanceNouns.words),
    bareStanceNounPrepositions: words(verbs.bareStanceNouns.prepositions),
    stanceFromNouns: words(verbs.stanceFromNouns.words),
    tellAudiences: words(verbs.tellAudiences.words),
    beliefAdjectives: words(verbs.beliefAdjectives.words),
    stanceNounPrepositions: words(verbs.possessiveStanceNouns.prepositions),
    complementWords: byStem(verbs.complementWords.words),
    objectComplements: byStem(verbs.objectComplements.words),
    needsComplement: words(verbs.needsComplement.words),
    documentVerbs: words(verbs.documentVerbs.words),
    ambiguousNouns: words(verbs.ambiguousNouns.words),
    loadedVerbs: new Map(Object.entries(verbs.loaded.words)),
    sourceAfterCues: new PhraseSet(verbs.phrases.sourceAfter),
    otherCues: new PhraseSet(verbs.phrases.other),
    anonymousMarkers: new PhraseSet(sources.anonymousMarkers.phrases),
    anonymousHeads: words(sources.anonymousHeads.words),
    vagueHeads: words(sources.vagueHeads.words),
    vagueModifiers: words(sources.vagueModifiers.words),
    vaguePhrases: new PhraseSet([...sources.vaguePhrases.phrases, ...(extra.vagueSources ?? [])]),
    crowdPhrases: new PhraseSet(sources.crowdPhrases.phrases, undefined, sources.crowdPhrases.slots),
    crowdOpinionVerbs: words(sources.crowdOpinionVerbs.words),
    institutionHeads: words(sources.institutionHeads.words),
    mediaNames: new PhraseSet(sources.mediaNames.phrases),
    documentHeads: words(sources.documentHeads.words),
    personTitles: words(sources.personTitles.words),
    pronouns: words(sources.pronouns.words),
    anaphoric: new PhraseSet(sources.pronouns.anaphoric),
    hedges: hedgeSet,
    notHedges: new PhraseSet(hedges.notHedges.phrases),
    genericDeterminers: words(hedges.genericSubjects.determiners),
    genericPronouns: words(hedges.genericSubjects.pronouns),
    generalModalVerbs: words(hedges.weakModals.generalVerbs.words),
    predictionTimes: new PhraseSet(hedges.predictionTimes.phrases, undefined, hedges.predictionTimes.slots),
    vagueQuantities: new PhraseSet(hedges.vagueQuantities.phrases),
    notQuantityBefore: words(hedges.vagueQuantities.notBefore.words),
    notQuantityBeforeSome: words(hedges.vagueQuantities.notBeforeSome.words),
    notQuantityAfter: words(hedges.vagueQuantities.notAfter.words),
    editorial: editorialSet(extra),
    editorialStrict: new PhraseSet(editorial.strictPeacock.phrases),
    soCalledClaims: words(editorial.soCalledClaims.words),
    colourAdjectives: words(evaluative.performanceColour.adjectives),
    performanceNouns: words(evaluative.performanceColour.nouns),
    editorialOpeners: new PhraseSet(editorial.sentenceOpeners.phrases),
    notEditorial: new PhraseSet(editorial.notEditorial.phrases, undefined, editorial.notEditorial.slots),
    evaluative: evaluativeSet(),
    attributiveOnly: words(evaluative.attributiveOnly.words),
    headlineAdverbs: new PhraseSet(evaluative.headline.words),
    feelings: words(claims.statesOfMind.feelings),
    feelingLinks: words(claims.statesOfMind.linking.flatMap((phrase) => phrase.split(' '))),
    feelingDegrees: words(claims.statesOfMind.degree),
    feelingCrowds: words(claims.statesOfMind.crowds),
    feelingNouns: words(claims.statesOfMind.nouns.words),
    crowdQuantifiers: new PhraseSet(claims.statesOfMind.nouns.quantifiers),
    opinionHolders: words(claims.statesOfMind.opinionHolders),
    motiveCauses: words(claims.motives.causes),
    motiveMinds: words(claims.motives.minds),
    notEvaluative: new PhraseSet(evaluative.notEvaluative.words),
    claims: claimSet,
    notJudgementAfter: words(claims.judgement.notBefore),
    anonymityReasons: new PhraseSet(anonymity.reasons),
    anonymityPositions: new PhraseSet(anonymity.positions),
    magnitudes: words(statistics.magnitudes),
    currencies: words(statistics.currencies),
    percentWords: new PhraseSet(statistics.percentWords),
    fractions: new PhraseSet(statistics.fractions),
    trends: new PhraseSet(statistics.trends),
    notStatisticUnits: words(statistics.notStatistics.words),
    countNouns: words(statistics.countNouns.words),
    countMinimum: statistics.countNouns.minimum,
    planVerbs: new PhraseSet(statistics.plans.verbs),
    planNouns: words(statistics.plans.nouns),
    resultVerbs: words(statistics.results.verbs),
    rateVerbs: words(statistics.rateDecisions.verbs),
    knownWords
  };
}
