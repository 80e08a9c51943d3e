// The attribution model for one paragraph: cues, their sources, what they cover, quotes and their
// speakers, anonymity reasons. Rules read this; they never look for attributions themselves.
import type {Lexicon} from '../lexicon';
import type {SourceKind} from '../types';
import {isQuoteMark, parseSentences, scanQuotes, type QuoteScan, type Sentence, type Token} from '../nlp/tokens';
import {firstAtOrAfter} from '../sorted';
import {BE_FORMS, classifySource, isAdverbLike, isDeterminer, isPreposition, isTitleCase, phraseAfter, QUANTIFIER_SUBJECTS, subjectBefore, SUBORDINATORS, WEEKDAYS, type SourceClass, type Span} from './sources';

/** What the previous paragraph hands to the next. */
export interface CarriedContext {
  /** The last speaker of any kind, and the last person and the last body (institution, outlet, document). */
  lastSource: {text: string; kind: SourceKind} | null;
  lastPerson: {text: string; kind: SourceKind} | null;
  lastBody: {text: string; kind: SourceKind} | null;
  /** A quotation left open at the end of the previous paragraph, and who spoke it. */
  openQuote: boolean;
  quoteSpeaker: string | null;
}

export const EMPTY_CONTEXT: CarriedContext = {lastSource: null, lastPerson: null, lastBody: null, openQuote: false, quoteSpeaker: null};

type Recent = Pick<CarriedContext, 'lastSource' | 'lastPerson' | 'lastBody'>;

export function contextKey(context: CarriedContext): string {
  const key = (source: CarriedContext['lastSource']) => (source ? source.kind + ':' + source.text : '');
  return `${key(context.lastSource)}|${key(context.lastPerson)}|${key(context.lastBody)}|${context.openQuote ? 1 : 0}|${context.quoteSpeaker ?? ''}`;
}

const BODY_KINDS = new Set<SourceKind>(['institutional', 'media', 'document']);
/** Anaphors that point back to a body rather than a person ("the company said"). */
/** Anaphoric heads that name nobody when nothing comes before them: a role title ("the minister") does. */
const ANONYMOUS_FIRST_MENTIONS = /^the source$/;
const BODY_ANAPHORS = /^(it|its|the (company|ministry|agency|statement|report|group|firm))$/;
const PERSON_ANAPHORS = /^(he|she|his|her|i|the (spokesman|spokeswoman|spokesperson|official|minister|president|source|lawmaker|senator|governor|mayor|chief|judge|prime minister|analyst|economist|coach|lawyer|chairman|leader|diplomat|aide|officer|professor|researcher))$/;

/**
 * What a pronoun or "the spokesman" points back to: "it" and "the company" to the last body, "he",
 * "she" and "the minister" to the last person, "they" and "we" to whoever spoke last.
 */
function resolveAnaphor(head: string, recent: Recent): CarriedContext['lastSource'] {
  if (BODY_ANAPHORS.test(head)) return recent.lastBody ?? recent.lastSource;
  if (PERSON_ANAPHORS.test(head)) return recent.lastPerson ?? recent.lastSource;
  return recent.lastSource;
}

function remember(recent: Recent, speaker: {text: string; kind: SourceKind}): Recent {
  return {
    lastSource: speaker,
    lastPerson: BODY_KINDS.has(speaker.kind) ? recent.lastPerson : speaker,
    lastBody: BODY_KINDS.has(speaker.kind) ? speaker : recent.lastBody
  };
}

export interface LocalAttribution {
  sentence: number;
  kind: SourceKind;
  cue: Span;
  source: Span | null;
  sourceText: string | null;
  resolvedSource: string | null;
  /** Token range the attribution covers in its sentence (may be empty). */
  content: Span | null;
  /** Character range of the quote it introduces, if any (paragraph offsets). */
  quote: {start: number; end: number} | null;
  anonymityReason: string | null;
  position: string | null;
  /** The cue verb is a loaded one ("claimed"). */
  loaded: string | null;
  /** A stand taken ("wants", "voted", "backed") rather than information given. */
  stance: boolean;
}

export interface QuoteInfo {
  start: number;
  end: number;
  words: number;
  speaker: string | null;
  attribution: LocalAttribution | null;
  /** The rest of a quotation opened in an earlier paragraph (news style reopens it). */
  continued: boolean;
}

export interface ParagraphModel {
  text: string;
  sentences: Sentence[];
  attributions: LocalAttribution[];
  quotes: QuoteInfo[];
  /** Per sentence, per token: the attribution whose content covers it, if any. */
  coverage: (LocalAttribution | null)[][];
  outgoing: CarriedContext;
}

const SUBJECT_PARTICIPLES = new Set([
  'saying', 'stating', 'noting', 'adding', 'warning', 'arguing', 'claiming', 'insisting', 'explaining', 'declaring',
  'acknowledging', 'announcing', 'confirming', 'denying', 'suggesting', 'predicting', 'stressing', 'urging', 'vowing', 'pledging',
  'promising', 'recalling', 'describing', 'accusing', 'conceding', 'admitting', 'reporting', 'revealing', 'indicating', 'telling'
]);

/**
 * "The meeting was first reported by", "The Gazette first reported the decision", "as first reported
 * by": "first" is an adverb before a past form that follows a subject, "be" or "as", not the
 * adjective of "the first reports" or "a first reported case".
 */
function firstAsAdverb(tokens: Token[], verb: number): boolean {
  if (tokens[verb - 1].norm !== 'first' || !tokens[verb].norm.endsWith('ed')) return false;
  const before = tokens[verb - 2];
  if (!before) return false;
  if (BE_FORMS.has(before.norm) || before.norm === 'as') return true;
  return before.kind === 'word' && !isDeterminer(before.norm) && !isPreposition(before.norm) && !before.norm.endsWith("'s") && (before.capitalized || plainSubjectEnd(before));
}

/** A word that can end a subject before "first reported": a pronoun or a plain noun, not an adjective slot. */
function plainSubjectEnd(token: Token): boolean {
  return /^(he|she|they|it|we|i)$/.test(token.norm) || /(s|er|or|ist|ian|ment|tion)$/.test(token.norm);
}

/** Words before a reporting verb's form that make it a noun ("the latest reports", "unconfirmed claims"). */
const NOUN_PRECEDERS = new Set(['latest', 'new', 'recent', 'initial', 'previous', 'unconfirmed', 'conflicting', 'further', 'such', 'first', 'early', 'similar', 'false', 'baseless', 'repeated']);

export function buildParagraphModel(text: string, incoming: CarriedContext, lexicon: Lexicon): ParagraphModel {
  const quoteScan = scanQuotes(text, incoming.openQuote);
  const sentences = parseSentences(text, quoteScan.ranges);
  const attributions: LocalAttribution[] = [];
  let recent: Recent = {lastSource: incoming.lastSource, lastPerson: incoming.lastPerson, lastBody: incoming.lastBody};

  for (let s = 0; s < sentences.length; s++) {
    const found = findAttributions(sentences[s], s, lexicon, recent);
    // A later pronoun points back to the sentence's first speaker, not to somebody inside what that
    // speaker said ("A senior official said the ministry would announce ...").
    const speaker = found.find((attribution) => attribution.sourceText && attribution.resolvedSource === null);
    if (speaker) recent = remember(recent, {text: speaker.sourceText!, kind: speaker.kind});
    for (const attribution of found) attributions.push(attribution);
  }

  const reasons: ReasonCache = new Map();
  for (const attribution of attributions) {
    if (attribution.kind === 'anonymous' && attribution.source) describeAnonymity(attribution, sentences, lexicon, reasons);
  }

  const index = new ParagraphIndex(sentences, attributions);
  const quotes = attachQuotes(quoteScan, index, incoming);
  const coverage = computeCoverage(index, attributions, quotes, lexicon);
  const lastQuote = quotes[quotes.length - 1];
  const outgoing: CarriedContext = {
    ...recent,
    openQuote: quoteScan.openAtEnd,
    quoteSpeaker: quoteScan.openAtEnd && lastQuote ? lastQuote.speaker : null
  };
  return {text, sentences, attributions, quotes, coverage, outgoing};
}

function findAttributions(
  sentence: Sentence,
  index: number,
  lexicon: Lexicon,
  recent: Recent
): LocalAttribution[] {
  const lastSource = recent.lastSource;
  const {tokens, norms} = sentence;
  const found: LocalAttribution[] = [];
  const titleCase = isTitleCase(sentence);
  let mainSubject: {span: Span; kind: SourceKind; resolved: string | null} | null = null;
  const bareStances: LocalAttribution[] = [];
  // The first word of the sentence, found once: "is token i the sentence's first word?" is then
  // one comparison, not a scan of every token before i for each cue.
  let firstWord = 0;
  while (firstWord < tokens.length && tokens[firstWord].kind !== 'word') firstWord++;

  const make = (cue: Span, source: Span | null, verbNorm: string | null, unknownAs: SourceKind | null): LocalAttribution | null => {
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
          kind = ANONYMOUS_FIRST_MENTIONS.test(reading.head) ? 'anonymous' : BODY_ANAPHORS.test(reading.head) && reading.head.startsWith('the ') ? 'institutional' : 'named';
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
      ...blank(index),
      kind,
      cue,
      source,
      resolvedSource: resolved,
      loaded: verbNorm ? lexicon.loadedVerbs.get(verbNorm) ?? null : null
    };
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word') continue;

    // "according to X", "citing X": the source follows. An unlisted one is still a source
    // ("according to the 2021 census").
    const after = lexicon.sourceAfterCues.matchAt(norms, i);
    if (after) {
      const source = phraseAfter(sentence, after.to, {opensSentence: i <= firstWord});
      if (source) {
        const attribution = make({from: i, to: after.to}, source, null, 'document');
        if (attribution) found.push(attribution);
        i = source.to - 1;
        continue;
      }
    }

    const norm = token.norm;
    // "Trump's claim that ...", "his promise that ...": the owner said it.
    if (lexicon.possessiveNounCues.has(norm) && norms[i + 1] === 'that') {
      const owner = possessorBefore(sentence, i, lexicon);
      if (owner) {
        const attribution = make({from: i, to: i + 1}, owner, null, null);
        if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
        continue;
      }
    }
    // "Trump's criticism of the deal", "her support for the bill": a stand the owner takes.
    if (lexicon.possessiveStanceNouns.has(norm) && lexicon.stanceNounPrepositions.has(norms[i + 1] ?? '')) {
      const owner = possessorBefore(sentence, i, lexicon);
      if (owner) {
        const attribution = make({from: i, to: i + 1}, owner, null, null);
        if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') {
          attribution.stance = true;
          // "Britain's decision to leave" is the sentence's cue only when it has no other ("The IMF
          // pointed to Britain's decision": "pointed to").
          (norm === 'decision' || norm === 'refusal' ? bareStances : found).push(attribution);
        }
        continue;
      }
    }
    // "drew criticism from fellow senators", "won the endorsement of the union": a stand, its owner
    // after "from" when named there.
    if (lexicon.bareStanceNouns.has(norm) && lexicon.bareStanceNounPrepositions.has(norms[i + 1] ?? '') && !token.capitalized && !token.quoted) {
      const from = norms[i + 1] === 'from' ? untilVerb(norms, phraseAfter(sentence, i + 2)) : null;
      const attribution = make({from: i, to: i + 1}, from, null, 'named');
      if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') {
        attribution.stance = true;
        bareStances.push(attribution);
      }
      if (from) i = from.to - 1;
      continue;
    }
    // "The mayor is confident that", "Officials were adamant that", "He's convinced that", "Some are
    // worried it could": a view the subject holds, like "believes that".
    if (lexicon.beliefAdjectives.has(norm) && (norms[i + 1] === 'that' || clauseFollows(tokens, i + 1)) && !token.quoted) {
      const belief = beliefAt(sentence, i, lexicon);
      if (belief) {
        // As with "believe", an unnamed holder is an anonymous or vague source ("Many are convinced that").
        const attribution = make(belief.cue, belief.source, null, null);
        if (attribution) {
          found.push(attribution);
          mainSubject ??= {span: belief.source, kind: attribution.kind, resolved: attribution.resolvedSource};
        }
        continue;
      }
      // Otherwise "worried" may still be the verb ("Ruiz worried that").
    }
    const isSpeech = lexicon.speechVerbs.has(norm);
    const isThought = !isSpeech && lexicon.cognitionVerbs.has(norm);
    const isStance = !isSpeech && !isThought && lexicon.stanceVerbs.has(norm);
    const isDocumentVerb = !isSpeech && !isThought && !isStance && lexicon.documentVerbs.has(norm);
    const isCrowdOpinion = !isSpeech && !isThought && !isStance && !isDocumentVerb && lexicon.crowdOpinionVerbs.has(norm);
    if (!isSpeech && !isThought && !isStance && !isDocumentVerb && !isCrowdOpinion) continue;
    // "I know", "you know", "I have learned", "I will never answer to" are a speaker's own words (BBC quotes often run
    // over paragraphs, where the quote marks do not pair), not a new speaker for the quote.
    if (/^(know|knew|answer|learn)/.test(norm) && (token.quoted || /^(i|we|you)$/.test(tokens[i - 1]?.norm ?? '') || /^(i|we|you)$/.test(tokens[i - 2]?.norm ?? ''))) continue;
    const prev = tokens[i - 1];
    // "noted Friday that": a day between the verb and its clause.
    // "concluded this month that", "wrote last week that", "wrote recently.": a time phrase too.
    const next = tokens[i + 1 + timeAfter(norms, i + 1)];
    // "declined to comment" is a stand; "Shares declined to 300p" is a price.
    if (/^declin/.test(norm) && (tokens[i + 1]?.norm !== 'to' || !/^[a-z]+$/.test(tokens[i + 2]?.norm ?? ''))) continue;
    // "began by saying", "after telling reporters": the gerund's speaker is the sentence's subject.
    if (isSpeech && norm.endsWith('ing') && prev && GERUND_PREPOSITIONS.has(prev.norm)) {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject) found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
      continue;
    }
    // "It's worth noting that" is the writer's aside, not a source speaking.
    if (prev?.norm === 'worth') continue;
    // Nouns: "the report", "a statement", "his claims", "of the latest reports"; names: "the United States".
    // ("He's claiming" is a pronoun and its auxiliary, not a possessive.)
    // ("Some say", "Several said", "Most believe": a quantifier standing alone is the subject.)
    // "the first member of Congress to endorse him", "has yet to endorse", "refused to endorse": endorsing
    // is a stand, whoever the sentence says takes it (a crowd takes none).
    if (norm === 'endorse' && prev?.norm === 'to') {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (!subject || !crowdless(subject.kind)) {
        found.push({...blank(index), kind: subject?.kind ?? 'named', cue: {from: i - 1, to: i + 1}, source: subject?.span ?? null, resolvedSource: subject?.resolved ?? null, stance: true});
      }
      continue;
    }
    if (prev && prev.kind === 'word' && ((isDeterminer(prev.norm) && !(QUANTIFIER_SUBJECTS.has(prev.norm) && !lexicon.ambiguousNouns.has(norm) && quantifierStandsAlone(tokens, i - 1))) || (prev.norm.endsWith("'s") && !/^(he|she|it|who|that)'s$/.test(prev.norm)) || (NOUN_PRECEDERS.has(prev.norm) && !firstAsAdverb(tokens, i)) || (isPreposition(prev.norm) && prev.norm !== 'who'))) continue;
    // Headlines capitalize their verbs ("Obama Sees 'Personal Insult'"); elsewhere a capital is a name.
    if (token.capitalized && i > 0 && !isQuoteMark(tokens[i - 1]) && !titleCase) continue;
    // "That said, ..."; "with, say, Burma" ("say" as "for example").
    if (norm === 'said' && prev?.norm === 'that' && next?.norm === ',') continue;
    if (norm === 'say' && prev?.norm === ',' && next?.norm === ',') continue;
    // "the album, which saw Andre 3000 produce one disc": a thing that saw events, not a witness.
    if ((norm === 'saw' || norm === 'sees' || norm === 'see') && prev?.norm === 'which') continue;
    // "his home state", "a reality show": a noun after a common word, not a verb after its subject.
    if (lexicon.ambiguousNouns.has(norm) && prev && !plausibleSubjectEnd(prev, lexicon) && !(isDocumentVerb && documentSubject(sentence, i, lexicon))) continue;
    // "the Merriam-Webster list were", "the report was": a noun before its own verb. Not after a pronoun
    // or a relative ("a show they claim is", "a bill which critics claim would"): there the clause
    // reported has its subject left out.
    if (lexicon.ambiguousNouns.has(norm) && next && /^(was|were|is|are|has|have|had|will|would)$/.test(next.norm) && prev && !lexicon.pronouns.has(prev.norm) && !/^(which|that|who)$/.test(norms[i - 2] ?? '')) continue;
    // "EU member states": a compound noun, though "member" can head a source ("a member said").
    if (norm === 'states' && prev?.norm === 'member') continue;
    // Passives are claims, not attributions, unless "by" names the agent ("is telling" is no passive).
    let p = i - 1;
    while (p >= 0 && isAdverbLike(tokens[p])) p--;
    if (p >= 0 && BE_FORMS.has(tokens[p].norm) && !norm.endsWith('ing')) {
      // "The papers were found by a member of the public", "recorded by the band": finding or recording
      // something is no report.
      if (next?.norm === 'by' && !isStance && !FIND_FORMS.has(norm) && !RECORD_FORMS.has(norm)) {
        const agent = phraseAfter(sentence, i + 2, {passiveAgent: true});
        if (agent) {
          const attribution = make({from: i, to: i + 2}, agent, null, 'named');
          if (attribution) found.push(attribution);
        }
      } else if (norm === 'asked' && ASKED_ABOUT.has(next?.norm ?? '.')) {
        // "Ruiz was asked about the closure", "was asked whether": the one asked answers; a stance, not
        // information, and never a crowd ("Voters were asked which"). "was asked to" is a request.
        const subject = subjectBefore(sentence, p);
        const attribution = subject && make({from: p, to: i + 1}, subject, null, null);
        if (attribution && !crowdless(attribution.kind)) {
          attribution.stance = true;
          found.push(attribution);
        }
      }
      continue;
    }

    const complementFollows =
      next === undefined ||
      next.norm === 'that' ||
      next.norm === 'whether' ||
      next.norm === 'if' ||
      next.norm === ':' ||
      next.norm === ',' ||
      next.norm === '.' ||
      isQuoteMark(next) ||
      next.norm === 'in' ||
      next.norm === 'on' ||
      // "called for new elections", "agreed to clean up the mines", "spoke about the plan"
      (lexicon.complementWords(norm)?.has(next.norm) ?? false) ||
      // "He called Burma a \"good news story\"": naming something is a judgement.
      (norm.startsWith('call') && labelFollows(tokens, i)) ||
      // "urged Congress to act", "described the plan as"
      objectThen(tokens, i, lexicon.objectComplements(norm)) ||
      (next.kind === 'word' && lexicon.pronouns.has(next.norm));
    const afterQuoteOrComma = prev !== undefined && (prev.norm === ',' || isQuoteMark(prev));

    // Participles after a comma take the sentence's main subject: "The Kremlin confirmed ..., stating that",
    // "Sanders is pushing back, questioning Clinton's judgment".
    // (", speaking on condition of anonymity" describes how the subject spoke; its verb comes later.)
    if ((SUBJECT_PARTICIPLES.has(norm) || (isSpeech && norm.endsWith('ing') && norm !== 'speaking' && norm !== 'talking')) && prev?.norm === ',') {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject && !(crowdless(subject.kind) && (isStance || isDemand(norm, next, tokens, i)))) {
        found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
      } else if (!subject && SAYING.has(norm) && saysWhat(tokens, i)) {
        // "Rubio hit back again, saying Christie was ...": somebody the model cannot name says it; the
        // words are reported (they are not the writer's), but no source is made up for them.
        found.push({...blank(index), cue: {from: i, to: i + 1}});
      }
      continue;
    }

    // "As Tom Ridge put it: ...", "as one official put it,": the words are the speaker's.
    if ((norm === 'put' || norm === 'puts') && norms[i + 1] === 'it' && (i + 2 >= tokens.length || /^[,:.;]$/.test(norms[i + 2]) || isQuoteMark(tokens[i + 2]))) {
      const subject = subjectBefore(sentence, i);
      const attribution = subject && make({from: i, to: i + 2}, subject, null, 'named');
      if (attribution) found.push(attribution);
      continue;
    }
    if (isDocumentVerb) {
      // "Court records show ...", "The census put the population at ...": only a real source counts.
      // The nearest noun phrase first; else a document heading the clause, however long its subject
      // ("A 2014 study by Loyola Law School professor Justin Levitt found", "The average of polls taken
      // over the past two weeks shows").
      // "the mining company, which estimates ...": the relative pronoun stands for the noun phrase before it.
      const nearest = prev && prev.norm === 'which' && tokens[i - 2]?.norm === ',' ? relativeHead(sentence, i - 1, lexicon) : subjectBefore(sentence, i);
      const heading = documentSubject(sentence, i, lexicon);
      for (const subject of [nearest, heading]) {
        if (!subject) continue;
        // A finding noun heading the clause is a document whatever its modifiers ("Another slide").
        const attribution = make({from: i, to: i + 1}, subject, null, subject === heading ? 'document' : null);
        // "Varga found a job", "Lennon recorded his album" are no findings; "the X Factor show", "a box
        // office record" are nouns.
        const finding = FIND_FORMS.has(norm) || (RECORD_FORMS.has(norm) && attribution?.kind === 'named');
        if (
          attribution &&
          attribution.kind !== 'anonymous' &&
          (norm !== 'put' && norm !== 'puts' || attribution.kind === 'document') &&
          (!BASE_DOCUMENT_VERBS.has(norm) || baseFormAgrees(sentence, i, subject)) &&
          (!finding || findingReported(sentence, i, subject, subject === heading ? 'document' : attribution.kind, lexicon))
        ) {
          found.push(attribution);
          mainSubject ??= {span: subject, kind: attribution.kind, resolved: attribution.resolvedSource};
          break;
        }
      }
      continue;
    }

    // "He noted the deadline", "Varga mentioned the wall": a few of these verbs report with a bare object
    // too, when a person says it (checked once the subject is known).
    const bareObject = lexicon.needsComplement.has(norm) && !complementFollows && !afterQuoteOrComma && !isParenthetical(tokens, i);
    if (bareObject && !PERSON_OBJECT_VERBS.test(norm)) continue;

    // "The White House is saying that": the subject stands before the auxiliary. "Liam Fox on Saturday
    // called him": a time between the subject and its verb is skipped.
    const subjectEnd = timeBefore(norms, norm.endsWith('ing') && p >= 0 && BE_FORMS.has(tokens[p].norm) ? p : i);
    // "voters who said", "critics who say": the relative pronoun stands for the noun phrase before it.
    const relative = prev !== undefined && (prev.norm === 'who' || prev.norm === 'which') && i >= 2;
    let source = relative ? relativeHead(sentence, i - 1, lexicon) : trimAtVerb(sentence, subjectBefore(sentence, subjectEnd), lexicon);
    // "The survey of more than 1,000 people reported": a finding noun heading the clause is the source,
    // not the last noun before the verb.
    const heading = source && !relative ? documentSubject(sentence, i, lexicon) : null;
    if (source && heading && heading.from < source.from && heading.to >= source.to) source = heading;
    // "what many thought", "Some say": the quantifier alone is the subject.
    if (prev && QUANTIFIER_SUBJECTS.has(prev.norm) && quantifierStandsAlone(tokens, i - 1)) source = {from: i - 1, to: i};
    // "Cruz exhorted Republicans ... and said he": the coordinated verb shares the sentence's subject.
    if (!source && prev && COORDINATORS.has(prev.norm) && !isDocumentVerb) {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject) {
        if (!(crowdless(subject.kind) && (isStance || isDemand(norm, next, tokens, i)))) {
          found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
        }
        continue;
      }
    }
    let inverted = false;
    // "..., it is thought he failed to get the numbers, said Mr Dobrow.": what stands before the comma
    // is a clause, what was said; the name after the verb is the speaker.
    if (source && INVERTING_VERBS.has(norm) && prev?.norm === ',' && holdsVerb(norms, source)) {
      const after = phraseAfter(sentence, i + 1);
      if (after && tokens[after.from].capitalized && !holdsVerb(norms, after) && endsClause(tokens, after.to)) {
        source = after;
        inverted = true;
      }
    }
    // A participle after a comma takes the sentence's subject, never the words after it ("..., alleging they
    // created false accounts").
    if (!source && isSpeech && !norm.endsWith('ing') && (afterQuoteOrComma || i === 0 || prev?.norm === '"')) {
      // "“...,” said the ministry." / "..., said John Smith, a spokesman."
      source = phraseAfter(sentence, i + 1);
      // "“resilient,” repeated often, ...": an adverb is no speaker.
      if (source && tokens.slice(source.from, source.to).every((word) => isAdverbLike(word))) source = null;
      inverted = source !== null;
    }
    // "... said Friday." opening a sentence (often a split after "Rep. X (D-Md.)"): the cue stands alone.
    if (!source && i === 0 && isSpeech && !norm.endsWith('ing')) {
      found.push({...blank(index), kind: lastSource?.kind ?? 'named', cue: {from: i, to: i + 1}, resolvedSource: lastSource?.text ?? null});
      continue;
    }
    if (!source) continue;
    if (isThought && inverted) continue;
    // "..., BBC Scotland has learned." reports what comes before; "what they have learned." does not.
    if (/^learn/.test(norm) && (next === undefined || next.norm === '.') && tokens[source.from - 1]?.norm !== ',') continue;
    // "from member state to member state": a phrase opening with a preposition is no subject.
    if (isPreposition(tokens[source.from].norm) && tokens[source.from].norm !== 'who') continue;
    // Forms that are as often nouns ("teaching posts") need a recognizable source.
    // "The term refers to", "The figure refers to" define; only a person refers to something.
    // "Ruiz talks about" is a person speaking; "Trade talks about tariffs" are a noun.
    if ((bareObject || /^refer/.test(norm) || norm === 'talks') && !personSubject(sentence, source, lexicon)) continue;
    const attribution = make({from: i, to: i + 1}, source, norm, isSpeech && !lexicon.ambiguousNouns.has(norm) ? 'named' : null);
    if (!attribution) continue;
    // "Officials plan to reopen the bridge", "G7 ministers called for ..." credit no information to anybody.
    // "whether the executives knew that", "Few games have hinted at", "users can see": knowing, hinting
    // and seeing credit the writer's statement to nobody, so they make no anonymous or vague source;
    // "Economists see the report as key" is an opinion.
    const demand = isStance || isDemand(norm, next, tokens, i) || /^(know|knows|knew|learned|learnt|learns|hint|hints|hinted|hinting|hoping)$/.test(norm) || (norm === 'see' && (!objectThen(tokens, i, AS_WORDS) || norms[source.to - 1] === 'people'));
    if (demand && (attribution.kind === 'anonymous' || attribution.kind === 'vague')) continue;
    // "people who feel taken for granted" describes a crowd; only "critics who say" credits it with words.
    // "legal battles with people who claim to have been hurt" describes them too;
    // "reporters who asked about the audit" ask; they tell nothing.
    if (relative && (!isSpeech || norms[source.to - 1] === 'people' || /^(ask|question)/.test(norm)) && crowdless(attribution.kind)) continue;
    // "Many fans consider the album his finest": judging verbs attribute only for a crowd.
    // "Everyone could see the sweeteners" is perception, not judgement.
    if (isCrowdOpinion && (attribution.kind !== 'vague' || !isCrowdHead(norms[lastWordOf(sentence, source)] ?? '', lexicon) || /^(can|could|will|would)$/.test(norms[i - 1] ?? ''))) continue;
    attribution.stance = isStance;
    found.push(attribution);
    if (!mainSubject && !inverted) mainSubject = {span: source, kind: attribution.kind, resolved: attribution.resolvedSource};
    if (inverted) i = source.to - 1;
  }

  // A stance noun is the sentence's cue only when it has no other ("He cited criticism of X": "cited").
  if (found.length === 0) for (const stance of bareStances) found.push(stance);

  // "PENCE: Gennifer Flowers will not be attending", "Poll: Clinton and Trump in dead heat".
  if (found.length === 0) {
    const colon = speakerColon(sentence);
    if (colon) {
      const attribution = make({from: colon.colon, to: colon.colon + 1}, colon.speaker, null, null);
      if (attribution) found.push(attribution);
    }
  }

  // Phrases like "in a statement" or "told reporters" with no verb found: the sentence's subject speaks.
  if (found.length === 0) {
    const phrase = lexicon.otherCues.findAll(norms)[0];
    if (phrase) {
      const subject = subjectBefore(sentence, firstVerbGuess(sentence, phrase.from));
      if (subject) {
        const attribution = make({from: phrase.from, to: phrase.to}, subject, null, 'named');
        if (attribution) found.push(attribution);
      }
    }
  }

  // "“Denver,” he answered.", "The Christie supporter retorted: “...”": any verb in a quotation's tag.
  if (found.length === 0) {
    const tag: {cue: Span; source: Span; kind?: SourceKind} | null = quoteTag(sentence, lexicon) ?? colonTag(sentence, lexicon, lastSource);
    if (tag) {
      const attribution = make(tag.cue, tag.source, null, tag.kind ?? 'named');
      if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
    }
  }

  // "in a CNN poll", "in the latest surveys": the poll is the source. "in an interview", "in his
  // op-ed": the sentence's subject speaks. "in Forbes' words": the owner does.
  for (let k = 0; k < tokens.length; k++) {
    if (norms[k] !== 'in') continue;
    const phrase = inPhrase(sentence, k);
    if (!phrase) continue;
    let attribution: LocalAttribution | null = null;
    if (phrase.kind === 'poll') attribution = make({from: k, to: k + 1}, {from: k + 1, to: phrase.head + 1}, null, 'document');
    else if (phrase.kind === 'view') attribution = make({from: k, to: k + 1}, {from: k + 1, to: k + 2}, null, null);
    else if (found.length === 0) {
      const subject = subjectBefore(sentence, firstVerbGuess(sentence, k));
      if (subject && !isPreposition(norms[subject.from])) attribution = make({from: k, to: phrase.head + 1}, subject, null, 'named');
      // "In an interview with CBS, the senator ...": the speaker comes after; no source is made up.
      else if (!subject && /^(a|an)$/.test(norms[k + 1] ?? '') && norms[phrase.head] !== 'video' && k <= firstWord) attribution = make({from: k, to: phrase.head + 1}, null, null, 'named');
    }
    if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
  }

  for (const attribution of found) {
    if (attribution.source) attribution.sourceText = spanTextOf(sentence, attribution.source);
  }
  return found;
}

/** Verbs that stand before their speaker at the end of a sentence ("..., said Mr Dobrow."); not "told X". */
const INVERTING_VERBS = new Set(['said', 'says', 'added', 'adds', 'warned', 'warns', 'insisted', 'insists', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims', 'stressed', 'stresses', 'wrote', 'writes', 'continued', 'continues', 'concluded']);

/** A phrase with a finite verb in it is a clause, not a subject ("the retailer is debt free"). */
function holdsVerb(norms: readonly string[], span: Span): boolean {
  for (let k = span.from; k < span.to; k++) if (BE_FORMS.has(norms[k]) || CLAUSE_VERBS.has(norms[k])) return true;
  return false;
}

/** The phrase ends the sentence or its clause: a stop, a comma, a dash or a relative pronoun follows. */
function endsClause(tokens: Token[], to: number): boolean {
  const next = tokens[to];
  return next === undefined || /^([.!?,;:\u2014\u2013-]|who|which)$/.test(next.norm) || isQuoteMark(next);
}

const CONTRACTED_BE = /^(he|she|they|we|i|you)'(s|re|m)$/;
/** Subjects that hold no view: "It is certain that", "There is concern that". */
const EMPTY_SUBJECTS = new Set(['it', 'there', 'this', 'that', 'what']);

/**
 * The cue and subject of a belief adjective ("is confident that"): a form of "be" or "remain" before
 * it, adverbs allowed between ("was increasingly confident that"), and a subject that can hold a view.
 */
function beliefAt(sentence: Sentence, adjective: number, lexicon: Lexicon): {cue: Span; source: Span} | null {
  const {tokens, norms} = sentence;
  let be = adjective - 1;
  while (be > 0 && isAdverbLike(tokens[be]) && !BE_FORMS.has(norms[be])) be--;
  if (be < 0) return null;
  const cue = {from: be, to: adjective + 1};
  if (CONTRACTED_BE.test(norms[be])) return {cue, source: {from: be, to: be + 1}};
  if (!BE_FORMS.has(norms[be]) && !/^remain(s|ed|ing)?$/.test(norms[be])) return null;
  const source = trimAtVerb(sentence, subjectBefore(sentence, be), lexicon);
  if (!source || (EMPTY_SUBJECTS.has(norms[source.from]) && source.to - source.from === 1)) return null;
  return {cue, source};
}

/** Subjects that open a clause with no "that" before it ("worried it could fail", "sure they will"). */
const CLAUSE_SUBJECTS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'there', 'thousands', 'millions', 'hundreds']);

/**
 * Whether a clause starts at `at` with no "that": a subject pronoun, "thousands of ...", or a
 * determiner or name whose phrase reaches a modal or a form of "be"/"have" within a few words ("is
 * concerned the vote may be delayed"), which "was worried about the vote" and "sure of the result" do not.
 */
function clauseFollows(tokens: Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || first.kind !== 'word') return false;
  if (CLAUSE_SUBJECTS.has(first.norm)) return true;
  if (!isDeterminer(first.norm) && !first.capitalized) return false;
  for (let k = at + 1; k < tokens.length && k <= at + 5; k++) {
    if (tokens[k].kind !== 'word') return false;
    if (CLAUSE_VERBS.has(tokens[k].norm) || BE_FORMS.has(tokens[k].norm)) return true;
  }
  return false;
}

const FIND_FORMS = new Set(['find', 'finds', 'found']);
const RECORD_FORMS = new Set(['record', 'records', 'recorded']);
/** Document verbs whose base form is also a noun ("a TV show", "a box office record", "the shortlist"). */
const BASE_DOCUMENT_VERBS = new Set(['show', 'find', 'record', 'list', 'estimate', 'suggest', 'indicate', 'reveal']);
const BASE_FORM_SUBJECTS = new Set(['i', 'we', 'you', 'they']);
const BASE_FORM_AUXILIARIES = /^(can|could|will|would|may|might|must|should|shall|to|do|does|did|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|cannot|shouldn't|not|never)$/;

/**
 * A base form is a verb only after a plural or "I/we/you/they" ("figures show", "polls show", "they
 * record") or an auxiliary ("could show", "did not find"); after a singular noun it is a noun ("the
 * X Factor show votes", "Spark heads world Booker list", "cult TV show Twin Peaks").
 */
function baseFormAgrees(sentence: Sentence, verb: number, subject: Span): boolean {
  const {tokens, norms} = sentence;
  let k = verb - 1;
  while (k > subject.to - 1 && isAdverbLike(tokens[k]) && !BASE_FORM_AUXILIARIES.test(norms[k])) k--;
  if (k >= 0 && BASE_FORM_AUXILIARIES.test(norms[k])) return true;
  const last = norms[subject.to - 1] ?? '';
  if (BASE_FORM_SUBJECTS.has(last) || last === 'who' || last === 'which') return true;
  // The head is the last word before any preposition, comma or participle: "figures from the trade
  // ministry show", "The markets, where traders bet, show", "Data published by the port show".
  let head = subject.to - 1;
  for (let k = subject.from + 1; k < subject.to; k++) {
    if (norms[k] === 'and') return true;
    if (isPreposition(norms[k]) || norms[k] === ',' || (/ed$/.test(norms[k]) && !sentence.tokens[k].capitalized)) {
      head = k - 1;
      break;
    }
  }
  return [norms[head], last].some((word) => /[^'s]s$/.test(word) || /^(data|media|people|police)$/.test(word));
}
/** What a finding reports with no "that": "found no evidence", "found little support", "found nothing". */
const FINDING_OBJECTS = new Set(['evidence', 'no', 'any', 'little', 'nothing', 'proof', 'sign', 'signs', 'traces', 'indications']);
const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'yourself', 'yourselves', 'oneself']);
/** Words a clause's subject does not hold ("found a job that paid well", "found him in a car where"). */
const NOT_IN_SUBJECT = new Set(['that', 'which', 'who', 'whom', 'where', 'when', 'while', 'after', 'before', 'because', 'as', 'and', 'or', 'but', 'to', 'if', 'until', 'since']);
/** Marks inside a figure or a possessive ("£456m", "EDS'") that do not end a noun phrase. */
const FIGURE_MARKS = new Set(["'", '\u2019', '£', '$', '€', '%', '-']);
const HELPING_VERBS = new Set(['help', 'helps', 'helped', 'helping', 'let', 'lets', 'letting', 'allow', 'allows', 'allowing', 'enable', 'enables', 'make', 'makes']);
const FINDING_SUBJECTS = new Set(['polls', 'surveys', 'studies', 'research', 'reports', 'analyses', 'audits', 'reviews']);
const QUANTIFIED_CLAUSE = new Set(['some', 'many', 'most', 'few', 'all', 'several', 'half']);
/** Auxiliaries and copulas that show a clause after "found" ("found the council had failed"). */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'had', 'has', 'have', 'would', 'could', 'will', 'did', 'does', 'do', 'should', 'might', 'may', 'can', 'must']);

/**
 * "find" reports only in its reporting sense: "found that ...", "the inquiry found the council had
 * failed", "investigators found no evidence", "..., the survey found.", or anything a poll, study or
 * outlet finds ("A CNN survey found 90 percent support"). "Varga found a job in Leeds", "Police found
 * him in a car", "found himself in trouble", "found a way to" are things found, not findings.
 */
function findingReported(sentence: Sentence, verb: number, subject: Span, kind: SourceKind, lexicon: Lexicon): boolean {
  const {tokens, norms} = sentence;
  let k = verb + 1;
  while (k < tokens.length && (isAdverbLike(tokens[k]) || TIME_WORDS.has(tokens[k].norm))) k++;
  // "found in 2014 that", "found last year that"
  if (norms[k + 2] === 'that' && (norms[k] === 'in' || norms[k] === 'last') && (/^\d{4}$/.test(norms[k + 1] ?? '') || /^(year|month|week)$/.test(norms[k + 1] ?? ''))) return true;
  const next = tokens[k];
  if (next === undefined || next.norm === 'that' || next.norm === ':' || next.norm === ',' || next.norm === '.' || isQuoteMark(next)) return true;
  if (REFLEXIVES.has(next.norm) || next.norm === 'out') return false;
  // "The report found its way to the minister": a journey, not a finding.
  if (/^(its|their|his|her|a)$/.test(next.norm) && norms[k + 1] === 'way') return false;
  // A crowd finding something good or bad holds an opinion ("Most people find vertigo disturbing",
  // "Some fans would find such a move controversial"), unless it finds a way, can find something
  // ("farmers can find the prices") or is the object of a helping verb ("help people find files").
  if (kind === 'vague') {
    return !(
      /^(way|ways)$/.test(next.norm) ||
      isPreposition(next.norm) ||
      /^(can|could)$/.test(norms[verb - 1] ?? '') ||
      HELPING_VERBS.has(norms[subject.from - 1] ?? '') ||
      HELPING_VERBS.has(norms[subject.from] ?? '')
    );
  }
  // Whatever a poll, a study or an outlet finds is a finding ("A USA Today poll finds a generation ...").
  if (kind === 'document' || kind === 'media' || FINDING_SUBJECTS.has(norms[subject.to - 1] ?? '') || lexicon.documentHeads.has(norms[subject.to - 1] ?? '')) return true;
  if (FINDING_OBJECTS.has(next.norm)) return true;
  // A clause without "that": a noun phrase, then its verb ("found the £40m system from a US supplier
  // was unreliable"; "found most firms expected", a quantifier's noun and a past form).
  const quantified = QUANTIFIED_CLAUSE.has(next.norm);
  for (let j = k + 1; j < tokens.length && j <= k + 9; j++) {
    const token = tokens[j];
    if (token.kind !== 'word' ? !FIGURE_MARKS.has(token.norm) && token.norm !== ',' : NOT_IN_SUBJECT.has(token.norm)) return false;
    if (CLAUSE_VERBS.has(token.norm) || (quantified && j > k + 1 && /ed$/.test(token.norm))) return true;
  }
  return false;
}

/** Reporting verbs that take a bare object when a person speaks ("She noted the deadline", "He mentioned the wall"). */
const PERSON_OBJECT_VERBS = /^(not(e|es|ed|ing)|mention(s|ed|ing)?|explain(s|ed|ing)?|stress(es|ed|ing)?|recall(s|ed|ing)?|question(s|ed|ing)?|describe(s|d)?|ask(s|ed)?|tout(s|ed|ing)?|urg(e|es|ed|ing)|remind(s|ed|ing)?|assur(e|es|ed|ing)|thank(ed|ing)?|encourag(e|es|ed|ing)|discuss(es|ed|ing)?|repeat(ed|ing)|highlight(ed|ing))$/;

/** A person as the subject: a personal name, or "he" / "she" (not "it", not an institution). */
function personSubject(sentence: Sentence, source: Span, lexicon: Lexicon): boolean {
  if (source.to - source.from === 1 && /^(he|she)$/.test(sentence.norms[source.from])) return true;
  return classifySource(sentence, source, lexicon).kind === 'named';
}

const TAG_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
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
 * "“Denver,” he answered." / "“...,” read a statement from X.": a quotation closed after a comma,
 * question or exclamation mark, then a two-part tag (speaker and verb, or verb and speaker) ending the clause.
 */
function quoteTag(sentence: Sentence, lexicon: Lexicon): {cue: Span; source: Span; kind?: SourceKind} | null {
  const {tokens} = sentence;
  for (let k = 2; k < tokens.length - 1; k++) {
    if (!isQuoteMark(tokens[k]) || !/^[,?!]$/.test(tokens[k - 1].norm)) continue;
    const speaker = tagSpeaker(tokens, k + 1);
    if (speaker && tagVerb(tokens[speaker.to], lexicon) && (speaker.to + 1 >= tokens.length || TAG_ENDS.has(tokens[speaker.to + 1].norm))) {
      return {cue: {from: speaker.to, to: speaker.to + 1}, source: speaker};
    }
    // "“...,” read a statement from the company.": the words are the document's.
    if (tokens[k + 1].norm === 'read' || tokens[k + 1].norm === 'reads') {
      const document = phraseAfter(sentence, k + 2);
      if (document && (document.to >= tokens.length || TAG_ENDS.has(tokens[document.to].norm))) return {cue: {from: k + 1, to: k + 2}, source: document, kind: 'document'};
    }
    if (tagVerb(tokens[k + 1], lexicon)) {
      const after = tagSpeaker(tokens, k + 2);
      if (after && (after.to >= tokens.length || TAG_ENDS.has(tokens[after.to].norm))) return {cue: {from: k + 1, to: k + 2}, source: after};
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
function colonTag(sentence: Sentence, lexicon: Lexicon, lastSource: CarriedContext['lastSource']): {cue: Span; source: Span; kind?: SourceKind} | null {
  const {tokens} = sentence;
  for (let k = 2; k < tokens.length; k++) {
    if (tokens[k].norm !== ':') continue;
    if (k + 1 < tokens.length && !isQuoteMark(tokens[k + 1])) return null;
    const verb = tokens[k - 1];
    if (verb.kind !== 'word') return null;
    if (verb.capitalized && k + 1 < tokens.length) {
      // Capitalized words, and the titles between them ("Manchester City boss Kevin Keegan").
      let from = k - 1;
      while (from > 0 && k - from < 7 && tokens[from - 1].kind === 'word' && (tokens[from - 1].capitalized || lexicon.personTitles.has(tokens[from - 1].norm))) from--;
      while (!tokens[from].capitalized) from++;
      const before = tokens[from - 1];
      if (!before || DASHES_OR_FROM.has(before.norm)) return {cue: {from: k, to: k + 1}, source: {from, to: k}};
      return null;
    }
    if (QUOTE_LABELS.has(verb.norm)) {
      // "the headline", "one message": the label with its determiner, not the clause before it.
      const from = k >= 2 && tokens[k - 2].kind === 'word' && (isDeterminer(tokens[k - 2].norm) || tokens[k - 2].norm.endsWith("'s")) ? k - 2 : k - 1;
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
const QUOTE_LABELS = new Set([
  'headline', 'headlines', 'slogan', 'motto', 'question', 'title', 'caption', 'banner', 'sign', 'message', 'verdict',
  'viewpoint', 'answer', 'reply', 'tagline', 'inscription'
]);

const DASHES_OR_FROM = new Set(['-', '--', '\u2014', '\u2013', '\u2015', 'from']);

const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);
const SPEECH_NOUNS = new Set([
  'interview', 'interviews', 'statement', 'speech', 'tweet', 'tweets', 'op-ed', 'letter', 'email', 'e-mail', 'memo', 'column',
  'essay', 'post', 'video', 'remarks', 'testimony', 'editorial', 'appearance', 'address', 'podcast', 'broadcast'
]);
const VIEW_NOUNS = new Set(['words', 'view', 'opinion', 'eyes', 'estimation', 'telling', 'mind']);

/** "in a CNN national poll", "in an interview", "in his words": the noun within five words of "in". */
function inPhrase(sentence: Sentence, k: number): {kind: 'poll' | 'speech' | 'view'; head: number} | null {
  const {tokens} = sentence;
  const owner = tokens[k + 1];
  if (owner && /^(his|her|their)$/.test(owner.norm) && VIEW_NOUNS.has(tokens[k + 2]?.norm ?? '')) return {kind: 'view', head: k + 2};
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    const token = tokens[j];
    if (token.kind === 'punct' && token.norm !== '/' && token.norm !== '-') return null;
    if (j > k + 1 && isPreposition(token.norm)) return null;
    // "in a CNN poll", "in this survey" name one poll; "in the polls" is the race, not a source.
    if (POLL_NOUNS.has(token.norm)) return /^(a|an|this|that)$/.test(tokens[k + 1].norm) || tokens.slice(k + 1, j).some((word) => word.capitalized) ? {kind: 'poll', head: j} : null;
    // "in an interview with", "in a statement," but not "in the book world".
    if (SPEECH_NOUNS.has(token.norm)) {
      const next = tokens[j + 1];
      return next && next.kind === 'word' && !isPreposition(next.norm) && !/^(on|that)$/.test(next.norm) ? null : {kind: 'speech', head: j};
    }
  }
  return null;
}

/** Kinds a stance or a request never credits ("Officials plan to", "Many extortionists ... threatening"). */
function crowdless(kind: SourceKind): boolean {
  return kind === 'anonymous' || kind === 'vague';
}

/** "Some say", "many feared": not "the most telling", "are all expected", "one of the most". */
function quantifierStandsAlone(tokens: Token[], q: number): boolean {
  const before = tokens[q - 1];
  if (!before || before.kind !== 'word') return true;
  return CLAUSE_OPENERS.has(before.norm);
}

/** Words after which a clause, and so a subject, begins ("while some argue", "what many thought"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'as', 'what', 'that', 'because', 'although', 'though', 'whereas', 'since', 'so', 'yet', 'if', 'when', 'where', 'however']);

const TIME_WORDS = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight', 'again', 'repeatedly']);
const COORDINATORS = new Set(['and', 'but', 'then']);
/** What follows "was asked" when the one asked is the speaker ("was asked about", "was asked whether"). */
const ASKED_ABOUT = new Set(['about', 'if', 'whether', 'what', 'how', 'why', 'who', 'which', 'when', 'where', '.', ',', 'again', 'repeatedly']);
const SAYING = new Set(['saying', 'stating', 'adding', 'arguing', 'insisting', 'explaining', 'declaring', 'telling', 'claiming', 'noting', 'warning']);

/** A phrase cut before an auxiliary ("praise from Putin would not affect" -> "Putin"). */
function untilVerb(norms: readonly string[], span: Span | null): Span | null {
  if (!span) return null;
  for (let k = span.from + 1; k < span.to; k++) if (CLAUSE_VERBS.has(norms[k]) || BE_FORMS.has(norms[k])) return {from: span.from, to: k};
  return span;
}

/** "saying that", "saying:", "saying it would", "saying the law helped": words follow, not "saying goodbye". */
function saysWhat(tokens: Token[], verb: number): boolean {
  const next = tokens[verb + 1];
  if (!next) return false;
  if (next.norm === 'that' || next.norm === ':' || next.norm === ',' || isQuoteMark(next)) return true;
  if (next.kind !== 'word' || isPreposition(next.norm)) return false;
  // A clause: a subject and its verb within a few words ("saying the law helped", "saying it would").
  for (let k = verb + 2; k < tokens.length && k <= verb + 5; k++) {
    const token = tokens[k];
    if (token.kind !== 'word' || isPreposition(token.norm)) return false;
    if (CLAUSE_VERBS.has(token.norm) || BE_FORMS.has(token.norm) || /ed$/.test(token.norm)) return true;
  }
  return false;
}
const TIME_DEICTICS = new Set(['this', 'last', 'next', 'earlier', 'late']);
const TIME_UNITS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'spring', 'summer', 'autumn', 'fall', 'winter']);
const TIME_ADVERBS = new Set(['recently', 'earlier', 'later', 'previously', 'privately', 'publicly', 'separately']);

/** How many words at `at` make a time ("Friday", "this month", "last week", "recently"): 0, 1 or 2. */
function timeAfter(norms: readonly string[], at: number): number {
  const word = norms[at] ?? '';
  if (TIME_WORDS.has(word) || TIME_ADVERBS.has(word)) return 1;
  if (TIME_DEICTICS.has(word) && (TIME_UNITS.has(norms[at + 1] ?? '') || TIME_WORDS.has(norms[at + 1] ?? ''))) return 2;
  return 0;
}
/** Where the subject ends before a verb at `verb`, past a time that stands between them ("on Saturday", "last week", "yesterday"). */
function timeBefore(norms: readonly string[], verb: number): number {
  const word = norms[verb - 1] ?? '';
  if (norms[verb - 2] === 'on' && WEEKDAYS.has(word)) return verb - 2;
  if (/^(yesterday|today|tonight)$/.test(word)) return verb - 1;
  if (TIME_DEICTICS.has(norms[verb - 2] ?? '') && TIME_UNITS.has(word)) return verb - 2;
  return verb;
}
const GERUND_PREPOSITIONS = new Set(['by', 'after', 'before', 'while', 'without', 'in', 'when']);

/** The word before a verb that is also a noun must end a plausible source: a name, a pronoun or a source noun. */
function plausibleSubjectEnd(prev: Token, lexicon: Lexicon): boolean {
  if (prev.kind !== 'word') return true;
  if (prev.capitalized || lexicon.pronouns.has(prev.norm) || isAdverbLike(prev) || prev.norm === 'who' || prev.norm === 'which') return true;
  const head = prev.norm.replace(/'s$/, '');
  return lexicon.anonymousHeads.has(head) || lexicon.vagueHeads.has(head) || lexicon.institutionHeads.has(head) || lexicon.documentHeads.has(head) || lexicon.personTitles.has(head);
}

/**
 * The subject that opens a sentence, for a verb far from it ("Trump was defensive ..., saying"): after a
 * short opener ("Meanwhile,"), a pronoun or a capitalized name, resolved like any other source.
 */
function openingSubject(sentence: Sentence, lexicon: Lexicon, lastSource: CarriedContext['lastSource']): {span: Span; kind: SourceKind; resolved: string | null} | null {
  const {tokens} = sentence;
  let from = 0;
  // "On Monday, the mayor ...", "However, she ...": a short opener before a comma is skipped; "Mr Ruiz
  // hit back, saying" has its subject before the comma.
  if (tokens[0] && (isPreposition(tokens[0].norm) || isAdverbLike(tokens[0]) || OPENERS.has(tokens[0].norm))) {
    for (let k = 1; k < Math.min(tokens.length, 5); k++) {
      if (tokens[k].norm === ',') {
        from = k + 1;
        break;
      }
    }
  }
  const first = tokens[from];
  if (!first || first.kind !== 'word') return null;
  if (lexicon.pronouns.has(first.norm) && !/^(it|his|her|their)$/.test(first.norm)) {
    if (!lastSource) return {span: {from, to: from + 1}, kind: 'named', resolved: null};
    return {span: {from, to: from + 1}, kind: lastSource.kind, resolved: lastSource.text};
  }
  // "He's comparing ... and says": the pronoun with its auxiliary attached.
  const bare = first.norm.replace(/'(s|d|ll|ve|re)$/, '');
  if (bare !== first.norm && lexicon.pronouns.has(bare) && !/^(it|his|her|their)$/.test(bare)) {
    if (!lastSource) return {span: {from, to: from + 1}, kind: 'named', resolved: null};
    return {span: {from, to: from + 1}, kind: lastSource.kind, resolved: lastSource.text};
  }
  // "Mr Ruiz began his testimony, telling", "President Putin ..., saying": a title and a name.
  if (first.capitalized && lexicon.personTitles.has(first.norm) && tokens[from + 1]?.kind === 'word' && tokens[from + 1].capitalized) {
    let to = from + 1;
    while (to < tokens.length && tokens[to].capitalized && tokens[to].kind === 'word') to++;
    const reading = classifySource(sentence, {from, to}, lexicon);
    if (reading.kind === 'named' || reading.kind === 'institutional') return {span: {from, to}, kind: reading.kind, resolved: null};
  }
  if (OPENING_DETERMINERS.has(first.norm) || (first.capitalized && lexicon.knownWords.has(first.norm))) return definiteOpening(sentence, from, lexicon);
  if (!first.capitalized || isDeterminer(first.norm) || lexicon.knownWords.has(first.norm)) return null;
  let to = from + 1;
  while (to < tokens.length && tokens[to].capitalized && tokens[to].kind === 'word') to++;
  const reading = classifySource(sentence, {from, to}, lexicon);
  if (reading.kind !== 'named' && reading.kind !== 'institutional' && reading.kind !== 'media') return null;
  return {span: {from, to}, kind: reading.kind, resolved: null};
}

/** Words that open a sentence before a comma without being its subject ("However, ...", "Last week, ..."). */
const OPENERS = new Set(['however', 'but', 'and', 'meanwhile', 'still', 'yet', 'last', 'this', 'earlier', 'later', 'separately', 'instead', 'also', 'then', 'now', 'today', 'yesterday', 'overall', 'again', 'indeed', 'so']);

/** Words that open a subject noun phrase ("The ..., saying", "His chief aide ..., saying", "Other Republicans"). */
const OPENING_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'one', 'other', 'another', 'some', 'several', 'many', 'most', 'both', 'all']);

/**
 * Besides the lexicon's document heads, nouns of a finding body or a reading of data that head a long
 * subject ("an arbitration panel in 2001 found", "The Real Clear Politics average ... shows").
 */
const FINDING_BODIES = new Set(['studies', 'research', 'average', 'slide', 'polls', 'surveys', 'panel', 'inquiry', 'investigation', 'estimate', 'index', 'model', 'chart']);
const CLAUSE_STARTS = new Set([',', ';', ':', 'though', 'although', 'while', 'whereas', 'because', 'but', 'and', 'as', 'since', 'when', 'after', 'before', 'if']);

/**
 * The subject of a document verb whose clause opens with a finding noun: the first noun of the clause
 * (after its determiners, numbers and modifiers) is a study, analysis, average, panel, ... The span
 * runs from the clause start to that noun.
 */
function documentSubject(sentence: Sentence, verb: number, lexicon: Lexicon): Span | null {
  const {tokens, norms} = sentence;
  if (verb < 1) return null;
  let from = verb - 1;
  while (from > 0 && verb - from < 30 && !CLAUSE_STARTS.has(norms[from - 1])) from--;
  if (verb - from >= 30) return null;
  // A verb of its own before the cue means another clause ("Tory sources say senior party figures had").
  const verbLike = (k: number) =>
    BE_FORMS.has(norms[k]) || CLAUSE_VERBS.has(norms[k]) || (!tokens[k].capitalized && (/ed$/.test(norms[k]) || lexicon.speechVerbs.has(norms[k]) || lexicon.cognitionVerbs.has(norms[k])));
  for (let k = from; k < verb && k - from < 6; k++) {
    if (tokens[k].kind !== 'word') return null;
    if (lexicon.documentHeads.has(norms[k]) || FINDING_BODIES.has(norms[k])) {
      // "figures from the Council of Mortgage Lenders", "research conducted by the Center": the phrase
      // that names who made it belongs to the source, when no other verb stands in it.
      if (!(isPreposition(norms[k + 1] ?? '') || norms[k + 2] === 'by')) return {from, to: k + 1};
      for (let j = k + 1; j < verb; j++) if (verbLike(j) && !(j === k + 1 && norms[k + 2] === 'by')) return {from, to: k + 1};
      return {from, to: verb};
    }
    if (isPreposition(norms[k]) || /^(that|which|who)$/.test(norms[k]) || verbLike(k)) return null;
  }
  return null;
}

/** Common irregular past tenses, which end a subject as "-ed" does ("The bank gave no details, but said"). */
const IRREGULAR_PAST = new Set([
  'gave', 'took', 'made', 'held', 'kept', 'left', 'lost', 'won', 'sent', 'spent', 'paid', 'sold', 'bought', 'brought', 'met', 'ran',
  'began', 'became', 'came', 'went', 'got', 'had', 'did', 'struck', 'led', 'fell', 'rose', 'grew', 'set', 'cut', 'hit', 'put', 'let'
]);

/**
 * "The New York businessman has praised Putin, saying": a definite noun phrase opening the sentence,
 * ended by its verb (an auxiliary, a reporting verb or a past form). A phrase that runs into a
 * preposition or punctuation is not taken: no tagger says where it ends.
 */
function definiteOpening(sentence: Sentence, from: number, lexicon: Lexicon): {span: Span; kind: SourceKind; resolved: string | null} | null {
  const {tokens} = sentence;
  let to = from + 1;
  while (to < tokens.length && to - from < 6) {
    const token = tokens[to];
    if (token.kind !== 'word') return null;
    const norm = token.norm;
    if (BE_FORMS.has(norm) || isAdverbLike(token)) break;
    if (!token.capitalized && (lexicon.speechVerbs.has(norm) || lexicon.stanceVerbs.has(norm) || lexicon.cognitionVerbs.has(norm) || /ed$/.test(norm) || IRREGULAR_PAST.has(norm))) break;
    if (isPreposition(norm) || isDeterminer(norm) || lexicon.pronouns.has(norm) || /^(and|or|but|that|which|who)$/.test(norm)) return null;
    to++;
  }
  if (to - from < 2 || to >= tokens.length || to - from >= 6) return null;
  const reading = classifySource(sentence, {from, to}, lexicon);
  const kind: SourceKind = reading.kind === 'unknown' || reading.kind === 'pronoun' ? 'named' : reading.kind;
  return {span: {from, to}, kind, resolved: null};
}

/**
 * A subject never reaches back over another reporting verb: "The latest speculation suggests the
 * prime minister favours" makes "the prime minister" the subject of "favours", "..., saying members
 * preferred" makes it "members".
 */
function trimAtVerb(sentence: Sentence, span: Span | null, lexicon: Lexicon): Span | null {
  if (!span) return null;
  for (let k = span.to - 2; k >= span.from; k--) {
    const token = sentence.tokens[k];
    if (token.kind !== 'word' || token.capitalized) continue;
    const norm = token.norm;
    if (lexicon.speechVerbs.has(norm) || lexicon.cognitionVerbs.has(norm) || lexicon.stanceVerbs.has(norm) || lexicon.documentVerbs.has(norm)) {
      // "the alleged spammers", "a reported attack": a participle or noun inside the phrase.
      const before = sentence.tokens[k - 1];
      if (k > span.from && before.kind === 'word' && (isDeterminer(before.norm) || isPreposition(before.norm) || before.norm.endsWith("'s"))) continue;
      // "A witness, who did not want to be named, said": the verb is inside the subject's relative clause.
      if (sentence.norms.slice(span.from, k).some((word) => word === 'who' || word === 'whose' || word === 'which')) continue;
      // "E Hayot, writing in Print Culture, said": an appositive participle.
      if (before?.norm === ',' && norm.endsWith('ing')) continue;
      // "Mr Kruger was quoted in the Guardian saying": what is left is no subject; keep the whole phrase.
      if (isPreposition(sentence.tokens[k + 1].norm)) return span;
      return {from: k + 1, to: span.to};
    }
  }
  return span;
}

/**
 * The noun phrase a relative pronoun at `who` stands for: "objections from Ted Cruz, who said" -> "Ted Cruz", "the 30
 * percent of voters who said" -> "voters", "some senior officers who fear" -> "some senior officers".
 * Walking back stops at a determiner (kept) or at a word that cannot be inside the phrase.
 */
function relativeHead(sentence: Sentence, who: number, lexicon: Lexicon): Span | null {
  const {tokens} = sentence;
  const end = tokens[who - 1]?.norm === ',' ? who - 2 : who - 1;
  let from = end + 1;
  while (from - 1 >= 0 && end - from < 5) {
    const token = tokens[from - 1];
    if (token.kind !== 'word') break;
    const norm = token.norm;
    if (isDeterminer(norm) || lexicon.vagueModifiers.has(norm)) {
      from--;
      break;
    }
    if (isPreposition(norm) || BE_FORMS.has(norm) || isAdverbLike(token) || lexicon.pronouns.has(norm) || /^(and|or|but|that|than|as|if|when|while|because)$/.test(norm)) break;
    if (!token.capitalized && (lexicon.speechVerbs.has(norm) || lexicon.cognitionVerbs.has(norm) || lexicon.stanceVerbs.has(norm) || /(ing|ed)$/.test(norm))) break;
    from--;
  }
  // "an article the other day which suggested": a time is no source.
  if (from > end || /^(day|days|week|weeks|month|months|year|years|time|night|morning|evening)$/.test(tokens[end].norm)) return null;
  return {from, to: end + 1};
}

/** "These employees, Stumpf explained earlier in the hearing, were well paid": a cue set off by commas. */
function isParenthetical(tokens: Token[], verb: number): boolean {
  let before = verb - 1;
  while (before > 0 && verb - before <= 4 && tokens[before].kind === 'word') before--;
  if (before <= 0 || tokens[before].norm !== ',' || before === verb - 1) return false;
  for (let k = verb + 1; k < tokens.length && k <= verb + 8; k++) {
    if (tokens[k].norm === ',') return true;
    if (tokens[k].kind === 'punct') return false;
  }
  return false;
}

/** "called X a Y" / "called X \"Y\"": a label follows the object within a few words. */
function labelFollows(tokens: Token[], verb: number): boolean {
  // "called off a demonstration", "called up a reservist": a phrasal verb, not a label.
  if (/^(off|up|out|back|down|in|at)$/.test(tokens[verb + 1]?.norm ?? '')) return false;
  for (let k = verb + 2; k < tokens.length && k < verb + 9; k++) {
    const token = tokens[k];
    if (isQuoteMark(token) || token.norm === 'a' || token.norm === 'an') return true;
    if (token.kind === 'punct' || token.norm === 'to' || token.norm === 'for' || token.norm === 'in') return false;
  }
  return false;
}

/** "urged councils to limit", "called for", "agreed to", "asked X to": a request or a decision, no information. */
function isDemand(norm: string, next: Token | undefined, tokens: Token[], verb: number): boolean {
  if (/^(urg|encourag)/.test(norm)) return true;
  if (norm.startsWith('call') && (next?.norm === 'for' || next?.norm === 'on')) return true;
  // "agreed to", "pledged to follow", "vowed to fight": a commitment, not information.
  if (/^(agree|pledg|promis|vow)/.test(norm) && next?.norm === 'to') return true;
  return (norm.startsWith('ask') || norm.startsWith('tell') || norm === 'told') && objectThen(tokens, verb, ASK_TO);
}

const ASK_TO: ReadonlySet<string> = new Set(['to']);
const AS_WORDS: ReadonlySet<string> = new Set(['as']);

/** The owner before a noun: "his" in "his claim", "Trump's" or "the ministry's" in "Trump's claim". */
function possessorBefore(sentence: Sentence, noun: number, lexicon: Lexicon): Span | null {
  const {tokens} = sentence;
  const prev = tokens[noun - 1];
  if (!prev || prev.kind !== 'word') return null;
  if (/^(his|her|their|its)$/.test(prev.norm)) return {from: noun - 1, to: noun};
  if (!prev.norm.endsWith("'s")) return null;
  // The name that owns it: a run of capitalized words, with "the" before a body ("the ministry's").
  let from = noun - 1;
  while (from > 0 && noun - from < 5 && tokens[from - 1].kind === 'word' && (tokens[from - 1].capitalized || tokens[from - 1].norm === 'the')) {
    from--;
    if (tokens[from].norm === 'the') break;
  }
  if (!prev.capitalized && from === noun - 1 && noun >= 2 && tokens[noun - 2].norm === 'the') from = noun - 2;
  return {from, to: noun};
}

/** "urged Congress to act": within a few words after the verb, one of the words that completes it. */
function objectThen(tokens: Token[], verb: number, completers: ReadonlySet<string> | undefined): boolean {
  if (!completers) return false;
  for (let k = verb + 2; k < tokens.length && k < verb + 8; k++) {
    const token = tokens[k];
    if (completers.has(token.norm)) return true;
    // "told Reuters that the company was planning to": a clause opened first belongs to the verb.
    if (token.kind === 'punct' || token.norm === 'that' || token.norm === 'whether') return false;
  }
  return false;
}

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
const COLON_LABELS = new Set([
  'latest', 'note', 'update', 'updates', 'correction', 'clarification', 'email', 'e-mail', 'notice', 'remember', 'watch',
  'video', 'photos', 'related', 'breaking', 'exclusive', 'live', 'editor', 'disclosure', 'warning', 'source', 'sources', 'credit'
]);

/** A crowd of people with views ("critics", "many"); bare "people" is everybody and nobody. */
function isCrowdHead(norm: string, lexicon: Lexicon): boolean {
  return lexicon.vagueHeads.has(norm) && norm !== 'people';
}

/** Index of the last word of a span's core ("critics" in "Most of the critics", "Some" in "Some"). */
function lastWordOf(sentence: Sentence, span: Span): number {
  let end = span.to;
  for (let k = span.from + 1; k < span.to; k++) {
    if (isPreposition(sentence.tokens[k].norm) && sentence.tokens[k].norm !== 'of') {
      end = k;
      break;
    }
  }
  for (let k = end - 1; k >= span.from; k--) if (sentence.tokens[k].kind === 'word') return k;
  return span.from;
}

function spanTextOf(sentence: Sentence, span: Span): string {
  const parts: string[] = [];
  for (let i = span.from; i < span.to; i++) {
    const token = sentence.tokens[i];
    if (i > span.from && token.start > sentence.tokens[i - 1].end) parts.push(' ');
    parts.push(token.text);
  }
  return parts.join('');
}

function firstVerbGuess(sentence: Sentence, phraseFrom: number): number {
  // "The ministry, in a statement, condemned ...": the subject ends at the comma before the phrase.
  return phraseFrom > 0 && sentence.tokens[phraseFrom - 1].norm === ',' ? phraseFrom - 1 : phraseFrom;
}

function firstSubject(found: LocalAttribution[]): {span: Span; kind: SourceKind; resolved: string | null} | null {
  const first = found.find((attribution) => attribution.source);
  return first?.source ? {span: first.source, kind: first.kind, resolved: first.resolvedSource} : null;
}

function blank(sentence: number): LocalAttribution {
  return {
    sentence,
    kind: 'named',
    cue: {from: 0, to: 0},
    source: null,
    sourceText: null,
    resolvedSource: null,
    content: null,
    quote: null,
    anonymityReason: null,
    position: null,
    loaded: null,
    stance: false
  };
}

/** Words that show the draft acknowledges anonymity, so a nearby "because" or "to discuss" is its reason. */
const ANONYMITY_WORDS = new Set(['withheld', 'anonymity', 'anonymously', 'named', 'identified', 'authorized', 'authorised', 'permitted', 'allowed', 'fear', 'fearing', 'sensitivity', 'publicly', 'record']);

/** Per sentence, the anonymity reasons it states; computed once however many sources ask. */
type ReasonCache = Map<Sentence, {acknowledges: boolean; reasons: ReturnType<Lexicon['anonymityReasons']['findAll']>}>;

function describeAnonymity(attribution: LocalAttribution, sentences: Sentence[], lexicon: Lexicon, cache: ReasonCache): void {
  const sentence = sentences[attribution.sentence];
  const source = attribution.source!;
  const positions = lexicon.anonymityPositions.findAll(sentence.norms, source.from, source.to);
  if (positions.length > 0) attribution.position = spanTextOf(sentence, source);

  const windows = [sentence, sentences[attribution.sentence + 1]].filter((candidate): candidate is Sentence => candidate !== undefined);
  for (const window of windows) {
    let found = cache.get(window);
    if (!found) {
      found = {acknowledges: window.norms.some((norm) => ANONYMITY_WORDS.has(norm)), reasons: lexicon.anonymityReasons.findAll(window.norms)};
      cache.set(window, found);
    }
    for (const reason of found.reasons) {
      const strong = reason.value.includes('authori') || reason.value.includes('permitted') || reason.value.includes('allowed') || reason.value.includes('sensitivity') || reason.value.includes('fear');
      if (!strong && !found.acknowledges) continue;
      const tokens = window.tokens;
      let end = reason.to;
      while (end < tokens.length && tokens[end].norm !== ',' && tokens[end].norm !== '.' && tokens[end].norm !== ';' && end - reason.from < 18) end++;
      attribution.anonymityReason = spanTextOf(window, {from: reason.from, to: end});
      return;
    }
  }
}

/** Index look-ups over a paragraph's sentences and attributions, so quotes cost O(log n) each. */
class ParagraphIndex {
  readonly bySentence: LocalAttribution[][];
  private readonly wordCounts: Int32Array;

  constructor(readonly sentences: Sentence[], attributions: LocalAttribution[]) {
    this.bySentence = sentences.map(() => []);
    for (const attribution of attributions) this.bySentence[attribution.sentence]?.push(attribution);
    this.wordCounts = new Int32Array(sentences.length);
    sentences.forEach((sentence, s) => {
      let words = 0;
      for (const token of sentence.tokens) if (token.kind === 'word') words++;
      this.wordCounts[s] = words;
    });
  }

  /** The sentence holding an offset, or the first one after it; -1 past the end. */
  sentenceAt(offset: number): number {
    // Offsets are whole numbers: "end > offset" is "end >= offset + 1".
    const found = firstAtOrAfter(this.sentences, offset + 1, (sentence) => sentence.end);
    return found < this.sentences.length ? found : -1;
  }


  words(s: number): number {
    return this.wordCounts[s];
  }
}

/** The first token whose start is at or after `offset`. */
function tokenAt(sentence: Sentence, offset: number): number {
  return firstAtOrAfter(sentence.tokens, offset, (token) => token.start);
}

/** Links each quotation to a speaker in its own sentences or the sentence before or after. */
function attachQuotes(scan: QuoteScan, index: ParagraphIndex, incoming: CarriedContext): QuoteInfo[] {
  const {sentences, bySentence} = index;
  const quotes: QuoteInfo[] = [];
  for (const range of scan.ranges) {
    const first = index.sentenceAt(range.start);
    if (first < 0 || sentences[first].start >= range.end) continue;
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1].start < range.end) last++;
    let words = 0;
    for (let s = first; s <= last; s++) {
      const tokens = sentences[s].tokens;
      for (let t = tokenAt(sentences[s], range.start + 1); t < tokens.length && tokens[t].end <= range.end; t++) if (tokens[t].kind === 'word') words++;
    }
    // The cue nearest the quote in its own sentences; else the sentence after ("..." / He said.)
    // or before ("She said:" / "...").
    let attribution = nearestCue(index, first, last, range);
    if (!attribution && last + 1 < sentences.length && index.words(last + 1) <= 25) {
      attribution = bySentence[last + 1].find((a) => a.cue.from <= 6) ?? null;
    }
    if (!attribution && first > 0) {
      const previousSentence = sentences[first - 1];
      const list = bySentence[first - 1];
      const lastToken = previousSentence.tokens[previousSentence.tokens.length - 1];
      const candidate = list[list.length - 1];
      if (candidate && (lastToken.norm === ':' || candidate.cue.to >= previousSentence.tokens.length - 2)) attribution = candidate;
    }
    // A second quote right after an attributed one continues the same speaker:
    // "“We will rebuild,” said Mayor Lowe. “Every house, every school.”"
    const previous = quotes[quotes.length - 1];
    if (!attribution && previous?.speaker && previous.attribution) {
      const previousEnd = index.sentenceAt(previous.end - 1);
      if (first - previousEnd <= 1) attribution = previous.attribution;
    }
    // A quotation that opens its sentence right after somebody's reported words in the same paragraph
    // is theirs: "Mr Gopinath said the planes will connect regional cities. “After an evaluation ...”".
    let carried = false;
    if (!attribution && first > 0 && opensSentence(sentences[first], range.start)) {
      const reported = bySentence[first - 1].find((a) => a.source !== null && !a.stance && a.kind !== 'document');
      if (reported) {
        attribution = reported;
        carried = true;
      }
    }
    let speaker = attribution ? attribution.resolvedSource ?? attribution.sourceText : null;
    if (!attribution && range.start === 0 && incoming.openQuote && incoming.quoteSpeaker) {
      // The quote carries on from the previous paragraph: its speaker carries on too.
      speaker = incoming.quoteSpeaker;
      attribution = {...blank(first), resolvedSource: speaker, sourceText: speaker, quote: {start: range.start, end: range.end}};
    }
    if (attribution && !carried && !attribution.quote && range.closed) attribution.quote = {start: range.start, end: range.end};
    quotes.push({start: range.start, end: range.end, words, speaker, attribution, continued: range.start === 0 && incoming.openQuote});
  }
  return quotes;
}

/** Whether the quotation opening at character `start` is the first thing in its sentence. */
function opensSentence(sentence: Sentence, start: number): boolean {
  const first = sentence.tokens[0];
  return first !== undefined && isQuoteMark(first) && first.start === start;
}

/** Among the attributions of sentences first..last, the one whose cue is nearest the quote. */
function nearestCue(index: ParagraphIndex, first: number, last: number, range: {start: number; end: number}): LocalAttribution | null {
  let best: LocalAttribution | null = null;
  let bestDistance = Infinity;
  for (let s = first; s <= last; s++) {
    const list = index.bySentence[s];
    if (list.length === 0) continue;
    const tokens = index.sentences[s].tokens;
    // Cues are in text order within a sentence: look only at the two either side of the quote.
    const low = firstAtOrAfter(list, range.start, (attribution) => tokens[attribution.cue.from].start);
    for (const k of [low - 1, low, low + 1]) {
      const candidate = list[k];
      if (!candidate) continue;
      const cue = tokens[candidate.cue.from];
      const distance = cue.start >= range.end ? cue.start - range.end : cue.end <= range.start ? range.start - cue.end : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
  }
  return best;
}

/**
 * Which attribution covers each token. Ranges are filled through "next unfilled" pointers, so a
 * sentence with thousands of cues costs no more than its length.
 */
function computeCoverage(index: ParagraphIndex, attributions: LocalAttribution[], quotes: QuoteInfo[], lexicon: Lexicon): (LocalAttribution | null)[][] {
  const {sentences} = index;
  const coverage = sentences.map((sentence) => new Array<LocalAttribution | null>(sentence.tokens.length).fill(null));
  // Int32Array.from with a mapping function goes through V8's slow generic path: fill by hand.
  const nextFree = sentences.map((sentence) => {
    const next = new Int32Array(sentence.tokens.length + 1);
    for (let i = 0; i < next.length; i++) next[i] = i;
    return next;
  });
  const find = (s: number, i: number): number => {
    const next = nextFree[s];
    let root = i;
    while (next[root] !== root) root = next[root];
    while (next[i] !== root) {
      const up = next[i];
      next[i] = root;
      i = up;
    }
    return root;
  };
  const fill = (s: number, from: number, to: number, attribution: LocalAttribution | null) => {
    for (let i = find(s, from); i < to; i = find(s, i + 1)) {
      coverage[s][i] = attribution;
      nextFree[s][i] = i + 1;
    }
  };
  const wordsFrom = sentences.map((sentence) => {
    const counts = new Int32Array(sentence.tokens.length + 1);
    for (let i = sentence.tokens.length - 1; i >= 0; i--) counts[i] = counts[i + 1] + (sentence.tokens[i].kind === 'word' ? 1 : 0);
    return counts;
  });
  const colonCovered = new Set<number>();
  const handover = speakerHandovers(sentences, attributions);
  for (const attribution of attributions) {
    const s = attribution.sentence;
    const tokens = sentences[s].tokens;
    const cueEnd = Math.max(attribution.cue.to, attribution.source && attribution.source.from >= attribution.cue.from ? attribution.source.to : 0);
    const cueStart = Math.min(attribution.cue.from, attribution.source && attribution.source.from < attribution.cue.from ? attribution.source.from : Infinity);
    const after = skipAudience(tokens, cueEnd, attribution, lexicon);
    // "The trend will continue, according to CEA analysts, with sales rising": a mid-sentence "according
    // to" vouches for the clause before it, whatever trails after.
    const vouchesBefore =
      tokens[attribution.cue.from].norm === 'according' && cueStart > 2 && tokens[cueStart - 1].norm === ',' && tokens[cueEnd]?.norm === ',' && TRAILING_PHRASES.has(tokens[cueEnd + 1]?.norm ?? '');
    const content: Span = vouchesBefore
      ? {from: 0, to: cueStart}
      : wordsFrom[s][Math.min(after, tokens.length)] >= 2 ? {from: after, to: tokens.length} : wordsFrom[s][Math.min(cueEnd, tokens.length)] >= 2 ? {from: cueEnd, to: tokens.length} : {from: 0, to: cueStart};
    // "The minister said the plan would work, but analysts said it might fail": the content stops
    // where a coordinated clause gives the floor to another source.
    if (content.from >= cueEnd) content.to = Math.min(content.to, handover.next(s, content), frontedClauseEnd(tokens, content, wordsFrom[s]));
    if (content.to > content.from) {
      attribution.content = content;
      fill(s, content.from, content.to, attribution);
    }
    // "She said:" covers the next sentence too.
    if (tokens[tokens.length - 1].norm === ':' && sentences[s + 1] && !colonCovered.has(s + 1)) {
      colonCovered.add(s + 1);
      coverage[s + 1].fill(attribution);
      nextFree[s + 1].fill(sentences[s + 1].tokens.length);
    }
  }
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    for (let s = Math.max(0, index.sentenceAt(quote.start)); s < sentences.length && sentences[s].start < quote.end; s++) {
      const tokens = sentences[s].tokens;
      let t = tokenAt(sentences[s], quote.start);
      while (t < tokens.length && tokens[t].end <= quote.end) {
        const free = find(s, t);
        if (free >= tokens.length || tokens[free].end > quote.end) break;
        coverage[s][free] = quote.attribution;
        nextFree[s][free] = free + 1;
        t = free + 1;
      }
    }
  }
  return coverage;
}

const TELL_VERBS = new Set(['told', 'tell', 'tells', 'telling']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you']);

/** Words that open a trailing phrase, not a clause of its own, after "..., according to X," */
const TRAILING_PHRASES = new Set(['with', 'as', 'amid', 'despite', 'after', 'before', 'while', 'following', 'because']);

const CLAUSE_COORDINATORS = new Set(['but', 'and', 'while', 'whereas', 'although', 'though', 'yet']);

/**
 * "Although the company's statement said it would stay, observers said ...": a cue in a clause that
 * opens the sentence with a subordinator reports only up to the comma that closes that clause.
 */
function frontedClauseEnd(tokens: Token[], content: Span, wordsFrom: Int32Array): number {
  if (!SUBORDINATORS.has(tokens[0]?.norm ?? '')) return content.to;
  // The first mark that ends the fronted clause; the cue must sit before it ("As a result, says the
  // committee, ..." has its cue after it).
  let mark = 1;
  while (mark < tokens.length && (tokens[mark].kind !== 'punct' || tokens[mark].norm === '-' || tokens[mark].norm === "'")) mark++;
  if (mark < content.from || mark >= content.to || tokens[mark].norm !== ',') return content.to;
  return wordsFrom[mark + 1] >= 3 ? mark : content.to;
}

/**
 * Where a clause opens with "but" / "while" / "and" (with or without a comma) or a semicolon, and then
 * the source of another attribution of the same sentence: that clause is the other source's. `next`
 * gives, for a content span, the first such place inside it (or the span's end). A comma alone is not
 * enough: "argued that since it had a US subsidiary, the court could declare it bankrupt" is still the
 * arguer's. Built once per paragraph, so a sentence with thousands of cues stays linear.
 */
function speakerHandovers(sentences: Sentence[], attributions: LocalAttribution[]): {next: (s: number, content: Span) => number} {
  const bySentence = new Map<number, {start: number; cut: number}[]>();
  for (const other of attributions) {
    if (!other.source || other.stance) continue;
    const tokens = sentences[other.sentence].tokens;
    const start = other.source.from;
    if (start < 2 || other.cue.from < start) continue;
    // "..., but accepted many experts said": a second verb of the first source, with its object.
    if (/ed$/.test(tokens[start].norm) && !tokens[start].capitalized && isDeterminer(tokens[start + 1]?.norm ?? '')) continue;
    const coordinator = start - 1;
    const punctuated = tokens[coordinator - 1]?.norm === ',' || tokens[coordinator - 1]?.norm === ';';
    let cut = -1;
    // Without a comma, "and" after a name joins two subjects ("Mr Lilliu and other union bosses shouted").
    if (CLAUSE_COORDINATORS.has(tokens[coordinator].norm) && (punctuated || tokens[coordinator].norm !== 'and' || !tokens[coordinator - 1]?.capitalized)) cut = punctuated ? coordinator - 1 : coordinator;
    else if (tokens[coordinator].norm === ';') cut = coordinator;
    if (cut < 0) continue;
    let list = bySentence.get(other.sentence);
    if (!list) bySentence.set(other.sentence, (list = []));
    list.push({start, cut});
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  return {
    next(s, content) {
      const list = bySentence.get(s);
      if (!list) return content.to;
      const first = list[firstAtOrAfter(list, content.from + 2, (item) => item.start)];
      return first && first.start < content.to ? first.cut : content.to;
    }
  };
}

/**
 * Where the content of "told X ..." starts: after whom the speaker told ("told reporters the talks had
 * stalled" reports "the talks had stalled"). The audience is an object pronoun, a name ("told Reuters",
 * "told The Associated Press") or a short phrase ending in a listed audience noun ("told a news
 * conference"). Any other cue, or no audience, leaves `at` as it is.
 */
function skipAudience(tokens: Token[], at: number, attribution: LocalAttribution, lexicon: Lexicon): number {
  const verb = tokens[attribution.cue.to - 1];
  if (!verb || !TELL_VERBS.has(verb.norm) || at !== attribution.cue.to) return at;
  const first = tokens[at];
  if (!first || first.kind !== 'word') return at;
  if (OBJECT_PRONOUNS.has(first.norm)) return at + 1;
  if (first.capitalized) {
    let end = at;
    while (end < tokens.length && end - at < 4 && tokens[end].kind === 'word' && tokens[end].capitalized) end++;
    // A lower-case word must follow: the name ends where the reported words start.
    return tokens[end]?.kind === 'word' && !tokens[end].capitalized ? end : at;
  }
  let k = isDeterminer(first.norm) ? at + 1 : at;
  for (const limit = k + 3; k < tokens.length && k < limit && tokens[k].kind === 'word'; k++) {
    if (lexicon.tellAudiences.has(tokens[k].norm)) return k + 1;
  }
  return at;
}
