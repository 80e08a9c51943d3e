// Reporting verbs and their subjects: "the minister said", "critics who say", "..., said Mr Dobrow.". The
// verb finders run in this order on a word in a verb list; the first that takes the word ends its turn.
import {isQuoteMark, type Token} from '../../nlp/tokens';
import {beBefore, endsClause, holdsVerb, isDemand, isParenthetical, labelFollows, objectThen, timeBefore} from '../clauses';
import {blank, crowdless} from '../records';
import {BE_FORMS, phraseAfter, QUANTIFIER_SUBJECTS, type Span, subjectBefore} from '../sources';
import {isAdverbLike} from '../verb-group';
import {documentSubject, quantifierStandsAlone, relativeHead, trimAtVerb} from '../subjects';
import {documentCue} from './documents';
import {notACue} from './not-a-cue';
import {participleCue, gerundCue, withSpeakerCue} from './participles';
import {passiveCue} from './passives';
import {attribute, holdSubject, sentenceSubject, subjectCue, type VerbSite, verbSite, type CueSite} from './site';
import WORDS from '../../lexicon/attribution.json';

/** Verbs that stand before their speaker at the end of a sentence ("..., said Mr Dobrow."); not "told X". */
const INVERTING_VERBS = new Set(WORDS.invertingVerbs.words);

/** Reporting verbs that take a bare object when a person speaks ("She noted the deadline", "He mentioned the wall"). */
export const PERSON_OBJECT_VERBS =
  /^(not(e|es|ed|ing)|mention(s|ed|ing)?|explain(s|ed|ing)?|stress(es|ed|ing)?|recall(s|ed|ing)?|question(s|ed|ing)?|describe(s|d)?|ask(s|ed)?|tout(s|ed|ing)?|urg(e|es|ed|ing)|remind(s|ed|ing)?|assur(e|es|ed|ing)|thank(ed|ing)?|encourag(e|es|ed|ing)|discuss(es|ed|ing)?|repeat(ed|ing)|highlight(ed|ing))$/;

const COORDINATORS = new Set(WORDS.coordinators.words);

/** The verb cue at `i`, if any; returns the index the sentence's walk goes on from (past an inverted speaker). */
export function verbCue(site: CueSite, i: number): number {
  const v = verbSite(site, i);
  if (!v) return i;
  if (notACue('word', v) || gerundCue(v) || endorseCue(v) || notACue('verb', v) || passiveCue(v)) return i;
  readComplement(v);
  if (participleCue(v) || withSpeakerCue(v) || putItCue(v)) return i;
  const late = speakerAfterWithoutComma(v);
  if (late) {
    v.inverted = true;
    return commitCue(v, late);
  }
  if (v.isDocumentVerb) {
    documentCue(v);
    return i;
  }
  // "He noted the deadline", "Varga mentioned the wall": a few of these verbs report with a bare object
  // too, when a person says it (checked once the subject is known).
  v.bareObject =
    v.lexicon.needsComplement.has(v.norm) && !v.complementFollows && !v.afterQuoteOrComma && !isParenthetical(v.sentence.tokens, i);
  if (notACue('object', v)) return i;
  return subjectVerbCue(v);
}

/**
 * "the first member of Congress to endorse him", "has yet to endorse", "refused to endorse": endorsing
 * is a stand, whoever the sentence says takes it (a crowd takes none). Whether the word was taken.
 */
function endorseCue(v: VerbSite): boolean {
  if (v.norm !== 'endorse' || v.prev?.norm !== 'to') return false;
  const subject = sentenceSubject(v.site);
  if (!subject || !crowdless(subject.kind)) {
    v.site.found.push({
      ...blank(v.site.index),
      kind: subject?.kind ?? 'named',
      cue: {from: v.i - 1, to: v.i + 1},
      source: subject?.span ?? null,
      resolvedSource: subject?.resolved ?? null,
      stance: true
    });
  }
  return true;
}

/** Whether what follows the verb opens what was said, and whether a quote or comma stands before it. */
function readComplement(v: VerbSite): void {
  const {lexicon, norm, next, prev, i} = v;
  const tokens = v.sentence.tokens;
  v.complementFollows =
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
  v.afterQuoteOrComma = prev !== undefined && (prev.norm === ',' || isQuoteMark(prev));
}

/** "As Tom Ridge put it: ...", "as one official put it,": the words are the speaker's. Whether the word was taken. */
function putItCue(v: VerbSite): boolean {
  const {site, sentence, norm, i} = v;
  const {tokens, norms} = sentence;
  if (!(
    (norm === 'put' || norm === 'puts') &&
    norms[i + 1] === 'it' &&
    (i + 2 >= tokens.length || /^[,:.;]$/.test(norms[i + 2]) || isQuoteMark(tokens[i + 2]))
  ))
    return false;
  const subject = subjectBefore(sentence, i);
  const attribution = subject && attribute(site, {from: i, to: i + 2}, subject, null, 'named');
  if (attribution) site.found.push(attribution);
  return true;
}

/** A reporting verb and the subject before it (or the speaker after it); returns where the walk goes on. */
function subjectVerbCue(v: VerbSite): number {
  const {site, sentence, lexicon, norm, prev, next, i} = v;
  const {tokens, norms} = sentence;
  // "The White House is saying that": the subject stands before the auxiliary. "Liam Fox on Saturday
  // called him": a time between the subject and its verb is skipped.
  const p = beBefore(tokens, i);
  const subjectEnd = timeBefore(norms, norm.endsWith('ing') && p >= 0 && BE_FORMS.has(tokens[p].norm) ? p : i);
  // "voters who said", "critics who say": the relative pronoun stands for the noun phrase before it.
  v.relative = prev !== undefined && (prev.norm === 'who' || prev.norm === 'which') && i >= 2;
  let source = v.relative ? relativeHead(sentence, i - 1, lexicon) : trimAtVerb(sentence, subjectBefore(sentence, subjectEnd), lexicon);
  // "The survey of more than 1,000 people reported": a finding noun heading the clause is the source,
  // not the last noun before the verb.
  const heading = source && !v.relative ? documentSubject(sentence, i, lexicon) : null;
  if (source && heading && heading.from < source.from && heading.to >= source.to) source = heading;
  // "what many thought", "Some say": the quantifier alone is the subject.
  if (prev && QUANTIFIER_SUBJECTS.has(prev.norm) && quantifierStandsAlone(tokens, i - 1)) source = {from: i - 1, to: i};
  // "Cruz exhorted Republicans ... and said he": the coordinated verb shares the sentence's subject.
  if (!source && prev && COORDINATORS.has(prev.norm) && !v.isDocumentVerb) {
    const subject = sentenceSubject(site);
    if (subject) {
      if (!(crowdless(subject.kind) && (v.isStance || isDemand(norm, next, tokens, i))))
        site.found.push(subjectCue(site, subject, i, norm));
      return i;
    }
  }
  source = invertedSpeaker(v, source);
  // "... said Friday." opening a sentence (often a split after "Rep. X (D-Md.)"): the cue stands alone.
  if (!source && i === 0 && v.isSpeech && !norm.endsWith('ing')) {
    const lastSource = site.recent.lastSource;
    site.found.push({
      ...blank(site.index),
      kind: lastSource?.kind ?? 'named',
      cue: {from: i, to: i + 1},
      resolvedSource: lastSource?.text ?? null
    });
    return i;
  }
  if (!source) return i;
  return commitCue(v, source);
}

/** The cue at `v.i` with its source, unless a guard keeps it; returns where the sentence's walk goes on. */
function commitCue(v: VerbSite, source: Span): number {
  const {site, lexicon, norm, i} = v;
  v.source = source;
  if (notACue('source', v)) return i;
  const attribution = attribute(site, {from: i, to: i + 1}, source, norm, v.isSpeech && !lexicon.ambiguousNouns.has(norm) ? 'named' : null);
  if (!attribution) return i;
  v.attribution = attribution;
  if (notACue('credit', v)) return i;
  attribution.stance = v.isStance;
  site.found.push(attribution);
  if (!v.inverted) holdSubject(site, source, attribution);
  return v.inverted ? source.to - 1 : i;
}

/**
 * "... 600 digital images estimates the Consumer Electronics Association, the organisation behind CES.",
 * "... the tip of the iceberg thinks Tim Danton, editor of PC Pro": the speaker after a present-tense verb
 * with no comma before it, when a name runs to the sentence's end and the words before hold a verb.
 */
function speakerAfterWithoutComma(v: VerbSite): Span | null {
  const {sentence, norm, prev, i} = v;
  const {tokens, norms} = sentence;
  if (!NO_COMMA_INVERTING.has(norm) || prev?.kind !== 'word' || prev.capitalized || !holdsVerb(norms, {from: 0, to: i})) return null;
  const after = phraseAfter(sentence, i + 1);
  if (!after) return null;
  const first = tokens[tokens[after.from].norm === 'the' ? after.from + 1 : after.from];
  if (!first?.capitalized || holdsVerb(norms, after)) return null;
  // The speaker with the appositive after it: the words before the verb are what was said.
  const end = appositiveEnd(tokens, norms, after.to);
  return end < 0 ? null : {from: after.from, to: end};
}

/** Present-tense verbs that stand before their speaker without a comma in feature copy ("thinks Tim Danton"). */
const NO_COMMA_INVERTING = new Set(['thinks', 'believes', 'reckons', 'estimates', 'says', 'argues', 'suggests', 'writes', 'predicts']);

/**
 * Where the words from `at` to the sentence's end stop before its closing marks, when they are nothing
 * or an appositive without a verb (", editor of PC Pro."); -1 otherwise.
 */
function appositiveEnd(tokens: Token[], norms: readonly string[], at: number): number {
  let end = tokens.length;
  while (end > at && tokens[end - 1].kind === 'punct') end--;
  if (end <= at) return at;
  return norms[at] === ',' && !holdsVerb(norms, {from: at + 1, to: end}) ? end : -1;
}

/** The speaker after the verb, when the words before it are what was said; sets `v.inverted`. */
function invertedSpeaker(v: VerbSite, source: Span | null): Span | null {
  const {sentence, norm, prev, i} = v;
  const {tokens, norms} = sentence;
  // "..., it is thought he failed to get the numbers, said Mr Dobrow.": what stands before the comma
  // is a clause, what was said; the name after the verb is the speaker.
  if (source && INVERTING_VERBS.has(norm) && prev?.norm === ',' && holdsVerb(norms, source)) {
    const after = phraseAfter(sentence, i + 1);
    if (after && tokens[after.from].capitalized && !holdsVerb(norms, after) && endsClause(tokens, after.to)) {
      source = after;
      v.inverted = true;
    }
  }
  // A participle after a comma takes the sentence's subject, never the words after it ("..., alleging they
  // created false accounts").
  if (!source && v.isSpeech && !norm.endsWith('ing') && (v.afterQuoteOrComma || i === 0 || prev?.norm === '"')) {
    // "“...,” said the ministry." / "..., said John Smith, a spokesman."
    source = phraseAfter(sentence, i + 1);
    // "“resilient,” repeated often, ...": an adverb is no speaker.
    if (source && tokens.slice(source.from, source.to).every((word) => isAdverbLike(word))) source = null;
    v.inverted = source !== null;
  }
  return source;
}
