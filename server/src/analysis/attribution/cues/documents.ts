// Documents and findings: "Court records show", "The inquiry found the council had failed"; "find" and
// "record" only in their reporting sense, base forms only where they agree with a plural subject.
import type {Lexicon} from '../../lexicon';
import {isQuoteMark, type Sentence} from '../../nlp/tokens';
import type {SourceKind} from '../../types';
import {CLAUSE_VERBS, TIME_WORDS} from '../clauses';
import {isPreposition, type Span, subjectBefore} from '../sources';
import {isAdverbLike, pastVerbGroup} from '../verb-group';
import {documentSubject, relativeHead} from '../subjects';
import {attribute, holdSubject, type VerbSite} from './site';
import WORDS from '../../lexicon/attribution.json';

export const FIND_FORMS = new Set(WORDS.findForms.words);

export const RECORD_FORMS = new Set(WORDS.recordForms.words);

/** Document verbs whose base form is also a noun ("a TV show", "a box office record", "the shortlist"). */
export const BASE_DOCUMENT_VERBS = new Set(WORDS.baseDocumentVerbs.words);

const BASE_FORM_SUBJECTS = new Set(WORDS.baseFormSubjects.words);

const BASE_FORM_AUXILIARIES =
  /^(can|could|will|would|may|might|must|should|shall|to|do|does|did|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|cannot|shouldn't|not|never)$/;

/**
 * A base form is a verb only after a plural or "I/we/you/they" ("figures show", "polls show", "they
 * record") or an auxiliary ("could show", "did not find"); after a singular noun it is a noun ("the
 * X Factor show votes", "Spark heads world Booker list", "cult TV show Twin Peaks").
 */
export function baseFormAgrees(sentence: Sentence, verb: number, subject: Span): boolean {
  const {tokens, norms} = sentence;
  const k = pastVerbGroup(verb - 1, -1, (at) => at > subject.to - 1 && isAdverbLike(tokens[at]) && !BASE_FORM_AUXILIARIES.test(norms[at]));
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
const FINDING_OBJECTS = new Set(WORDS.findingObjects.words);

const REFLEXIVES = new Set(WORDS.reflexives.words);

/** Words a clause's subject does not hold ("found a job that paid well", "found him in a car where"). */
const NOT_IN_SUBJECT = new Set(WORDS.notInSubject.words);

/** Marks inside a figure or a possessive ("£456m", "EDS'") that do not end a noun phrase. */
const FIGURE_MARKS = new Set(["'", '\u2019', '£', '$', '€', '%', '-']);

const HELPING_VERBS = new Set(WORDS.helpingVerbs.words);

const FINDING_SUBJECTS = new Set(WORDS.findingSubjects.words);

const QUANTIFIED_CLAUSE = new Set(WORDS.quantifiedClause.words);

/**
 * "find" reports only in its reporting sense: "found that ...", "the inquiry found the council had
 * failed", "investigators found no evidence", "..., the survey found.", or anything a poll, study or
 * outlet finds ("A CNN survey found 90 percent support"). "Varga found a job in Leeds", "Police found
 * him in a car", "found himself in trouble", "found a way to" are things found, not findings.
 */
export function findingReported(sentence: Sentence, verb: number, subject: Span, kind: SourceKind, lexicon: Lexicon): boolean {
  const {tokens, norms} = sentence;
  const k = pastVerbGroup(verb + 1, 1, (at) => at < tokens.length && (isAdverbLike(tokens[at]) || TIME_WORDS.has(tokens[at].norm)));
  if (k < 0) return false;
  // "found in 2014 that", "found last year that"
  if (
    norms[k + 2] === 'that' &&
    (norms[k] === 'in' || norms[k] === 'last') &&
    (/^\d{4}$/.test(norms[k + 1] ?? '') || /^(year|month|week)$/.test(norms[k + 1] ?? ''))
  )
    return true;
  const next = tokens[k];
  if (next === undefined || next.norm === 'that' || next.norm === ':' || next.norm === ',' || next.norm === '.' || isQuoteMark(next))
    return true;
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
  if (
    kind === 'document' ||
    kind === 'media' ||
    FINDING_SUBJECTS.has(norms[subject.to - 1] ?? '') ||
    lexicon.documentHeads.has(norms[subject.to - 1] ?? '')
  )
    return true;
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

/**
 * "Court records show ...", "The census put the population at ...": only a real source counts. The
 * nearest noun phrase first; else a document heading the clause, however long its subject ("A 2014
 * study by Loyola Law School professor Justin Levitt found", "The average of polls taken over the past
 * two weeks shows"). "the mining company, which estimates ...": the relative pronoun stands for the
 * noun phrase before it.
 */
export function documentCue(v: VerbSite): void {
  const {site, sentence, lexicon, norm, prev, i} = v;
  const nearest =
    prev && prev.norm === 'which' && sentence.tokens[i - 2]?.norm === ','
      ? relativeHead(sentence, i - 1, lexicon)
      : subjectBefore(sentence, i);
  const heading = documentSubject(sentence, i, lexicon);
  for (const subject of [nearest, heading]) {
    if (!subject) continue;
    // A finding noun heading the clause is a document whatever its modifiers ("Another slide").
    const attribution = attribute(site, {from: i, to: i + 1}, subject, null, subject === heading ? 'document' : null);
    // "Varga found a job", "Lennon recorded his album" are no findings; "the X Factor show", "a box
    // office record" are nouns.
    const finding = FIND_FORMS.has(norm) || (RECORD_FORMS.has(norm) && attribution?.kind === 'named');
    if (
      attribution &&
      attribution.kind !== 'anonymous' &&
      ((norm !== 'put' && norm !== 'puts') || attribution.kind === 'document') &&
      (!BASE_DOCUMENT_VERBS.has(norm) || baseFormAgrees(sentence, i, subject)) &&
      (!finding || findingReported(sentence, i, subject, subject === heading ? 'document' : attribution.kind, lexicon))
    ) {
      site.found.push(attribution);
      holdSubject(site, subject, attribution);
      break;
    }
  }
}
