// Words that look like cues but are not here. Each guard is named, says why, and carries an example
// sentence with the word it keeps from being a cue; test/unit/attribution-guards.test.ts runs every
// example. The verb finders ask at five points, in this order:
// - `word`: before any verb finder ("It's worth noting that");
// - `verb`: the form is a noun or a name here ("the latest reports", "the United States");
// - `object`: a verb that needs a complement has a bare object ("The firm posted a loss");
// - `source`: the subject found cannot be the source ("what they have learned.");
// - `credit`: the source is a crowd or nobody, and the verb credits it with no information ("Officials plan to").
// Within a point, the first guard that applies wins; the order of the list is the order they are tried.
import {isQuoteMark, type Sentence, type Token} from '../../nlp/tokens';
import {AS_WORDS, isDemand, objectThen} from '../clauses';
import {crowdless} from '../records';
import {BE_FORMS, isDeterminer, isPreposition, QUANTIFIER_SUBJECTS} from '../sources';
import {documentSubject, isCrowdHead, lastWordOf, personSubject, plausibleSubjectEnd, quantifierStandsAlone} from '../subjects';
import {PERSON_OBJECT_VERBS} from './reporting-verbs';
import type {VerbSite} from './site';
import WORDS from '../../lexicon/attribution.json';

export type GuardPoint = 'word' | 'verb' | 'object' | 'source' | 'credit';

export interface NotACue {
  name: string;
  point: GuardPoint;
  /** A sentence where the guard keeps `word` from being a cue. */
  example: string;
  /** The word (as written, any case) in the example. */
  word: string;
  applies: (v: VerbSite) => boolean;
}

const I_WE_YOU = /^(i|we|you)$/;
const POLL_NOUNS = new Set(WORDS.pollNouns.words);
const KNOWING = /^(know|knows|knew|learned|learnt|learns|hint|hints|hinted|hinting|hoping)$/;

/** Where a sentence names a poll, found once a sentence (a guard asked at every cue must not rescan it). */
const POLLS_AT = new WeakMap<Sentence, number[]>();

/** Whether the sentence names a poll outside `span`. */
function pollOutside(sentence: Sentence, span: {from: number; to: number}): boolean {
  let at = POLLS_AT.get(sentence);
  if (!at) {
    at = [];
    sentence.norms.forEach((norm, k) => POLL_NOUNS.has(norm) && at!.push(k));
    POLLS_AT.set(sentence, at);
  }
  return at.length > 0 && (at[0] < span.from || at[at.length - 1] >= span.to);
}

/**
 * A quotation, a colon or "that" after the verb (a comma between allowed), a colon or quotation that
 * ends a short phrase after it ("continued in the Sydney Morning Herald:"), or a quotation before it.
 */
function bringsInWords(tokens: Token[], verb: number, next: Token | undefined): boolean {
  const after = next?.norm === ',' ? tokens[verb + 2] : next;
  if (after && (isQuoteMark(after) || after.norm === ':' || after.norm === 'that')) return true;
  for (let k = verb + 1; k < tokens.length && k <= verb + 8 && tokens[k].kind === 'word'; k++) {
    if (tokens[k + 1] && (tokens[k + 1].norm === ':' || isQuoteMark(tokens[k + 1]))) return true;
  }
  for (let k = verb - 1; k >= 0 && k >= verb - 8; k--) if (isQuoteMark(tokens[k])) return true;
  return false;
}

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
  return (
    before.kind === 'word' &&
    !isDeterminer(before.norm) &&
    !isPreposition(before.norm) &&
    !before.norm.endsWith("'s") &&
    (before.capitalized || plainSubjectEnd(before))
  );
}

/** A word that can end a subject before "first reported": a pronoun or a plain noun, not an adjective slot. */
function plainSubjectEnd(token: Token): boolean {
  return /^(he|she|they|it|we|i)$/.test(token.norm) || /(s|er|or|ist|ian|ment|tion)$/.test(token.norm);
}

/** Whom a senate or a board confirms in office: "confirmed two judges", "confirming his nomination". */
const APPOINTEES = /^(judges?|justices?|nominees?|nominations?|appointments?|ambassadors?|appointees?|secretary|secretaries)$/;

/** An appointment within the next four words, before any clause or stop ("confirmed 68 judicial nominees"). */
function appointmentAfter(norms: readonly string[], from: number): boolean {
  for (let k = from; k < norms.length && k < from + 4; k++) {
    if (APPOINTEES.test(norms[k])) return true;
    if (/^[,;:.!?"()]$/.test(norms[k]) || /^(that|as|to|the fact|whether|it)$/.test(norms[k])) return false;
  }
  return false;
}

/**
 * "Some technical websites report that": a plural noun, a verb in the plural (no -s) and "that" make a
 * verb of the ambiguous word, never "the report that" (a determiner) or "his reports that" (plural noun).
 */
function pluralSubjectThen(prev: Token, norm: string, next: Token | undefined): boolean {
  return prev.kind === 'word' && /[^s']s$/.test(prev.norm) && !norm.endsWith('s') && next?.norm === 'that';
}

/** Verbs whose object does what follows: "help users find", "let drivers see", "make people believe". */
const CAUSATIVES = /^(help|helps|helped|helping|let|lets|letting|make|makes|made|making|allow|allows|enable|enables)$/;

const REDUCED_PASSIVES = /^(thought|believed|said|reported|expected|understood|rumoured|rumored|alleged|known|considered)$/;

/** Who watches rather than witnesses. */
const AUDIENCES = /^(people|viewers|fans|spectators|audiences?|visitors|readers|listeners|users|cinema-goers|moviegoers)$/;

/**
 * "The government proposal states that": a singular noun, a verb in -s and "that" make a verb of the
 * ambiguous word, never "the firm's claims that" (a possessive before it).
 */
function singularSubjectThen(prev: Token, norm: string, next: Token | undefined): boolean {
  return (
    prev.kind === 'word' &&
    !/(s|ed|ing)$/.test(prev.norm) &&
    !prev.capitalized &&
    /^(states|says|shows|suggests|finds|notes|argues|warns|claims|reports|concludes|recommends)$/.test(norm) &&
    next?.norm === 'that'
  );
}

/** Words before a reporting verb's form that make it a noun ("the latest reports", "unconfirmed claims"). */
const NOUN_PRECEDERS = new Set(WORDS.nounPreceders.words);

export const NOT_A_CUE: readonly NotACue[] = [
  {
    // BBC quotes often run over paragraphs, where the quote marks do not pair: "I know" is the speaker's own words.
    name: 'own-words',
    point: 'word',
    example: 'I know the ministry will act, and I have learned to wait.',
    word: 'know',
    applies: ({token, norm, sentence: {tokens}, i}) =>
      /^(know|knew|answer|learn)/.test(norm) &&
      (token.quoted || I_WE_YOU.test(tokens[i - 1]?.norm ?? '') || I_WE_YOU.test(tokens[i - 2]?.norm ?? ''))
  },
  {
    // "Republicans are confirming judges at the slowest pace": approving an appointment, not a statement.
    name: 'confirm-appointment',
    point: 'word',
    example: 'The Senate confirmed two district judges on Monday.',
    word: 'confirmed',
    applies: ({norm, sentence: {norms}, i}) => /^confirm/.test(norm) && appointmentAfter(norms, i + 1)
  },
  {
    // "declined to comment" is a stand; "Shares declined to 300p" is a price.
    name: 'declined-price',
    point: 'word',
    example: 'Shares in the airline declined sharply on Monday.',
    word: 'declined',
    applies: ({norm, sentence: {tokens}, i}) =>
      /^declin/.test(norm) && (tokens[i + 1]?.norm !== 'to' || !/^[a-z]+$/.test(tokens[i + 2]?.norm ?? ''))
  },
  {
    // The writer's aside, not a source speaking.
    name: 'worth-noting',
    point: 'word',
    example: "It's worth noting that the bridge reopened in May.",
    word: 'noting',
    applies: ({prev}) => prev?.norm === 'worth'
  },
  {
    // A noun after a determiner: "the report", "a statement" ("Some say": a quantifier standing alone is the
    // subject). Also "That said, ...": an aside, not a report.
    name: 'after-determiner',
    point: 'verb',
    example: 'The report was published on Monday.',
    word: 'report',
    applies: ({prev, norm, lexicon, sentence: {tokens}, i}) =>
      prev !== undefined &&
      prev.kind === 'word' &&
      isDeterminer(prev.norm) &&
      !(QUANTIFIER_SUBJECTS.has(prev.norm) && !lexicon.ambiguousNouns.has(norm) && quantifierStandsAlone(tokens, i - 1))
  },
  {
    // "his claims", "the minister's statement" ("He's claiming" is a pronoun and its auxiliary, not a possessive).
    name: 'after-possessive',
    point: 'verb',
    example: "The mayor's claims were rejected by the court.",
    word: 'claims',
    applies: ({prev}) =>
      prev !== undefined && prev.kind === 'word' && prev.norm.endsWith("'s") && !/^(he|she|it|who|that)'s$/.test(prev.norm)
  },
  {
    // "the latest reports", "unconfirmed claims"; but "The Gazette first reported" is a verb.
    name: 'after-noun-preceder',
    point: 'verb',
    example: 'There were unconfirmed reports of gunfire near the border.',
    word: 'reports',
    applies: ({prev, sentence: {tokens}, i}) =>
      prev !== undefined && prev.kind === 'word' && NOUN_PRECEDERS.has(prev.norm) && !firstAsAdverb(tokens, i)
  },
  {
    // "of the latest reports", "cleared of claims": a noun after a preposition.
    name: 'after-preposition',
    point: 'verb',
    example: 'He was cleared of claims that he lied to the inquiry.',
    word: 'claims',
    applies: ({prev}) => prev !== undefined && prev.kind === 'word' && isPreposition(prev.norm) && prev.norm !== 'who'
  },
  {
    // Headlines capitalize their verbs ("Obama Sees 'Personal Insult'"); elsewhere a capital is a name.
    name: 'capitalized-name',
    point: 'verb',
    example: 'The United States backed the plan on Friday.',
    word: 'States',
    applies: ({token, i, sentence: {tokens}, site}) => token.capitalized && i > 0 && !isQuoteMark(tokens[i - 1]) && !site.titleCase
  },
  {
    // "The fighting continued, and 30 people were killed": going on, not speaking. "Continue" speaks
    // only with the words it brings in ("She continued: ...", "Prager continues, “...”", "continued that")
    // or as a quotation's tag ('"...," she continued').
    name: 'continue-not-speaking',
    point: 'verb',
    example: 'The fighting continued, and 30 people were killed.',
    word: 'continued',
    applies: ({norm, next, i, sentence: {tokens}}) => /^continu(e|es|ed)$/.test(norm) && !bringsInWords(tokens, i, next)
  },
  {
    // "was charged with murder", "charged £5 a crossing": "charged" speaks only as "charged that" (an
    // accusation) or before a quotation or a colon. ("charges" is left out: "settle charges that" is a noun.)
    name: 'charge-not-speaking',
    point: 'verb',
    example: 'The ferry line charged passengers £5 for the crossing.',
    word: 'charged',
    applies: ({norm, next}) => norm === 'charged' && !(next && (next.norm === 'that' || next.norm === ':' || isQuoteMark(next)))
  },
  {
    // "with, say, Burma": "say" as "for example".
    name: 'say-for-example',
    point: 'verb',
    example: 'Compare the figures with, say, Burma or Laos.',
    word: 'say',
    applies: ({norm, prev, next}) => norm === 'say' && prev?.norm === ',' && next?.norm === ','
  },
  {
    // "the album, which saw Andre 3000 produce one disc": a thing that saw events, not a witness.
    name: 'which-saw',
    point: 'verb',
    example: 'The album, which saw the duo split the songs, sold well.',
    word: 'saw',
    applies: ({norm, prev}) => (norm === 'saw' || norm === 'sees' || norm === 'see') && prev?.norm === 'which'
  },
  {
    // "a utility that will help users find and remove spyware", "lets drivers see the road": a verb
    // after a causative and its object is what the object is helped to do, not a report.
    name: 'causative-infinitive',
    point: 'verb',
    example: 'The new app will help commuters find the fastest ferry.',
    word: 'find',
    applies: ({prev, sentence: {tokens, norms}, i}) =>
      prev?.kind === 'word' &&
      !prev.quoted &&
      (CAUSATIVES.test(norms[i - 2] ?? '') || (tokens[i - 2]?.kind === 'word' && CAUSATIVES.test(norms[i - 3] ?? '')))
  },
  {
    // "People with hand tremors find it hard to use a mouse": finding something hard is an experience.
    name: 'find-it-hard',
    point: 'verb',
    example: 'Many commuters find it hard to reach the ferry on time.',
    word: 'find',
    applies: ({norm, sentence: {norms}, i}) =>
      /^(find|finds|found|finding)$/.test(norm) &&
      norms[i + 1] === 'it' &&
      /^(hard|harder|difficult|easy|easier|impossible|tough|tricky|awkward|useful|helpful|hard-going)$/.test(norms[i + 2] ?? '')
  },
  {
    // "Others thought to be in the running include ...", "a man believed to be the driver": a participle
    // that describes the noun before it; whoever thinks so is not named.
    name: 'reduced-passive',
    point: 'verb',
    example: 'Others thought to be in the running include two harbour pilots.',
    word: 'thought',
    applies: ({norm, prev, sentence: {norms}, i}) =>
      REDUCED_PASSIVES.test(norm) &&
      prev?.kind === 'word' &&
      !BE_FORMS.has(prev.norm) &&
      norms[i + 1] === 'to' &&
      /^(be|have)$/.test(norms[i + 2] ?? '')
  },
  {
    // "his home state", "a reality show": a noun after a common word, not a verb after its subject.
    name: 'noun-after-common-word',
    point: 'verb',
    example: 'He returned to campaign in his home state last week.',
    word: 'state',
    applies: ({norm, prev, next, lexicon, isDocumentVerb, sentence, i}) =>
      lexicon.ambiguousNouns.has(norm) &&
      prev !== undefined &&
      !plausibleSubjectEnd(prev, lexicon) &&
      !pluralSubjectThen(prev, norm, next) &&
      !singularSubjectThen(prev, norm, next) &&
      !(isDocumentVerb && documentSubject(sentence, i, lexicon))
  },
  {
    // "the Merriam-Webster list were", "the report was": a noun before its own verb. Not after a pronoun or a
    // relative ("a show they claim is", "a bill which critics claim would"): there the clause reported has its
    // subject left out.
    name: 'noun-before-its-verb',
    point: 'verb',
    example: 'The Merriam-Webster list was updated in May.',
    word: 'list',
    applies: ({norm, next, prev, lexicon, sentence: {norms}, i}) =>
      lexicon.ambiguousNouns.has(norm) &&
      next !== undefined &&
      /^(was|were|is|are|has|have|had|will|would)$/.test(next.norm) &&
      prev !== undefined &&
      !lexicon.pronouns.has(prev.norm) &&
      !/^(which|that|who)$/.test(norms[i - 2] ?? '')
  },
  {
    // "EU member states": a compound noun, though "member" can head a source ("a member said").
    name: 'member-states',
    point: 'verb',
    example: 'EU member states agreed the budget on Friday.',
    word: 'states',
    applies: ({norm, prev}) => norm === 'states' && prev?.norm === 'member'
  },
  {
    // "The firm posted a loss": a few verbs report only with a complement; with a bare object only these
    // do, and only when a person says it ("He noted the deadline", checked once the subject is known).
    name: 'bare-object',
    point: 'object',
    example: 'The firm posted a loss of £2m for the year.',
    word: 'posted',
    applies: ({bareObject, norm}) => bareObject && !PERSON_OBJECT_VERBS.test(norm)
  },
  {
    // A thought verb never stands before its speaker ("..., said Mr Dobrow." does): "concluded" after a clause
    // and a comma is what the clause's own subject concluded.
    name: 'thought-inverted',
    point: 'source',
    example: 'Prices, it seems, will rise again, concluded Mr Dobrow.',
    word: 'concluded',
    applies: ({isThought, inverted, prev}) => isThought && inverted && prev?.norm === ','
  },
  {
    // "..., BBC Scotland has learned." reports what comes before; "what they have learned." does not.
    name: 'learned-at-end',
    point: 'source',
    example: 'Nobody knows what the inspectors have learned.',
    word: 'learned',
    applies: ({norm, next, source, sentence: {tokens}}) =>
      /^learn/.test(norm) && (next === undefined || next.norm === '.') && tokens[source!.from - 1]?.norm !== ','
  },
  {
    // "from member state to member state": a phrase opening with a preposition is no subject.
    name: 'preposition-subject',
    point: 'source',
    example: 'From town to town, however, say the organisers, prices differ.',
    word: 'say',
    applies: ({source, sentence: {tokens}}) => isPreposition(tokens[source!.from].norm) && tokens[source!.from].norm !== 'who'
  },
  {
    // Forms that are as often nouns ("teaching posts") need a recognizable source; "The term refers to"
    // defines, only a person refers to something; "Ruiz talks about" is a person speaking, "Trade talks
    // about tariffs" are a noun.
    name: 'needs-a-person',
    point: 'source',
    example: 'The term refers to a tax on imported steel.',
    word: 'refers',
    applies: ({bareObject, norm, sentence, source, lexicon}) =>
      (bareObject || /^refer/.test(norm) || norm === 'talks') && !personSubject(sentence, source!, lexicon)
  },
  {
    // "Officials plan to reopen the bridge", "G7 ministers called for ...": a stand or a request credits no
    // information to anybody, so it makes no anonymous or vague source.
    name: 'crowd-stance-or-request',
    point: 'credit',
    example: 'Some officials want to reopen the bridge.',
    word: 'want',
    applies: ({attribution, isStance, norm, next, sentence: {tokens}, i}) =>
      crowdless(attribution!.kind) && (isStance || isDemand(norm, next, tokens, i))
  },
  {
    // "whether the executives knew that", "Few games have hinted at": knowing and hinting credit the writer's
    // statement to nobody.
    name: 'crowd-knowing',
    point: 'credit',
    example: 'It is unclear whether the executives knew that the accounts were false.',
    word: 'knew',
    applies: ({attribution, norm}) => crowdless(attribution!.kind) && KNOWING.test(norm)
  },
  {
    // "users can see": seeing is perception; "Economists see the report as key" is an opinion.
    name: 'crowd-seeing',
    point: 'credit',
    example: 'Many people can see that the charges have risen.',
    word: 'see',
    applies: ({attribution, norm, sentence: {tokens, norms}, i, source}) =>
      crowdless(attribution!.kind) && norm === 'see' && (!objectThen(tokens, i, AS_WORDS) || norms[source!.to - 1] === 'people')
  },
  {
    // "10.9 million people saw the show", "viewers watched the final": an audience, not witnesses.
    name: 'audience-saw',
    point: 'credit',
    example: 'More than two million people saw the final on television.',
    word: 'saw',
    applies: ({attribution, norm, sentence, source}) =>
      crowdless(attribution!.kind) &&
      /^(saw|seen|watched)$/.test(norm) &&
      AUDIENCES.test(sentence.norms[lastWordOf(sentence, source!)] ?? '')
  },
  {
    // "people who feel taken for granted", "legal battles with people who claim to have been hurt" describe a
    // crowd; "reporters who asked about the audit" ask, they tell nothing. Only "critics who say" credits a crowd with words.
    name: 'crowd-described',
    point: 'credit',
    example: 'Reporters who asked about the audit were turned away.',
    word: 'asked',
    applies: ({relative, isSpeech, sentence: {norms}, source, norm, attribution}) =>
      relative && (!isSpeech || norms[source!.to - 1] === 'people' || /^(ask|question)/.test(norm)) && crowdless(attribution!.kind)
  },
  {
    // "The poll takes into account voters who said they would vote in the primary": a poll's respondents,
    // whom the poll counts; the poll is the source. ("various opinion polls which suggest" are a source.)
    name: 'poll-respondents',
    point: 'credit',
    example: 'The new poll counts independent voters who said they would vote in the primary.',
    word: 'said',
    applies: ({relative, sentence, source, attribution}) => relative && crowdless(attribution!.kind) && pollOutside(sentence, source!)
  },
  {
    // "Many fans consider the album his finest": judging verbs attribute only for a crowd; "Everyone could see
    // the sweeteners" is perception, not judgement.
    name: 'opinion-needs-a-crowd',
    point: 'credit',
    example: 'The minister considers the matter closed.',
    word: 'considers',
    applies: ({isCrowdOpinion, attribution, sentence, source, lexicon, i}) =>
      isCrowdOpinion &&
      (attribution!.kind !== 'vague' ||
        !isCrowdHead(sentence.norms[lastWordOf(sentence, source!)] ?? '', lexicon) ||
        /^(can|could|will|would)$/.test(sentence.norms[i - 1] ?? ''))
  }
];

const AT: Record<GuardPoint, NotACue[]> = {word: [], verb: [], object: [], source: [], credit: []};
for (const guard of NOT_A_CUE) AT[guard.point].push(guard);

let trace: ((guard: string, sentence: Sentence, token: number) => void) | null = null;

/** For tests: called with every guard that keeps a word from being a cue. */
export function traceGuards(hook: typeof trace): void {
  trace = hook;
}

/** Whether a guard at this point keeps the verb from being a cue. */
export function notACue(point: GuardPoint, v: VerbSite): boolean {
  for (const guard of AT[point]) {
    if (guard.applies(v)) {
      if (trace) trace(guard.name, v.sentence, v.i);
      return true;
    }
  }
  return false;
}
