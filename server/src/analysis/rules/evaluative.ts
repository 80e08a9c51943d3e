// editorializing, second half: appraisal words in the writer's voice ("a sour and deflating end",
// "Sanders' stridency", "slamming his remarks", "There's no denying"). The stock phrases of
// editorializing.ts announce a judgement; these describe with one.
import type {Suggestion} from '../types';
import type {Sentence} from '../nlp/tokens';
import type {EvaluativeKind, Lexicon} from '../lexicon';
import type {ParagraphModel} from '../attribution/model';
import {isTitleCase} from '../attribution/headlines';
import {tagOfSentence, type Upos, type WordTag} from '../nlp/tags';
import {RangeSet} from '../sorted';
import {attributeSuggestion, attributionsIn, othersWords, removalEdits, tokenSpan, type RawFinding} from './rule';

/** Words after an adjective that show it is not modifying a noun ("unlikely to", "sorry for"). */
const NOT_A_NOUN_AFTER = new Set([
  'to',
  'that',
  'of',
  'for',
  'about',
  'with',
  'at',
  'in',
  'on',
  'by',
  'from',
  'than',
  'as',
  'if',
  'when',
  'because',
  'but',
  'or',
  'and'
]);
const LINKING_VERBS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "'s",
  "'re",
  'seems',
  'seemed',
  'looks',
  'looked',
  'became',
  'becomes',
  'remains',
  'remained',
  'proved',
  'proves'
]);

interface Match {
  from: number;
  to: number;
  kind: EvaluativeKind;
}

/**
 * Appraisal words the writer uses in their own voice: outside quotations and attributed content, not
 * part of a name, not a source's reporting verb, and (for adjectives) modifying a noun or after "be".
 * `taken` holds the token ranges (token indices) editorializing's stock phrases already report or block:
 * a RangeSet, so a sentence of many matches is not a scan of all of them per match.
 */
export function evaluativeFindings(model: ParagraphModel, s: number, lexicon: Lexicon, taken: RangeSet): RawFinding[] {
  const sentence = model.sentences[s];
  const {tokens, norms} = sentence;
  const blocked = new Set<number>();
  for (const not of lexicon.notEvaluative.findAll(norms)) for (let i = not.from; i < not.to; i++) blocked.add(i);
  const headline = isTitleCase(sentence);
  const cues = new Set(attributionsIn(model, s).map((a) => a.cue.from));
  const matches: Match[] = [];
  for (const match of lexicon.evaluative.findAll(norms)) {
    const first = tokens[match.from];
    if (blocked.has(match.from) || taken.overlaps({start: match.from, end: match.to})) continue;
    if (first.quoted || othersWords(model, s, match.from) || cues.has(match.from) || isClaimed(norms, match.from, lexicon)) continue;
    // A capital mid-sentence is part of a name ("Brilliant Minds Ltd"), except in a title-case headline.
    if (first.capitalized && match.from > 0 && !headline && tokens[match.from - 1].norm !== '"') continue;
    if (
      match.value === 'adjective' &&
      !modifiesOrPredicates(sentence, match.from, match.to, lexicon.attributiveOnly.has(norms[match.from]))
    )
      continue;
    // The tagger decides the word's part of speech here: "stellar" in "stellar companions" is an
    // adjective of astronomy only by sense, but "bristles" in "the bristles can be made" is a noun.
    if (match.to === match.from + 1 && !fitsTag(match.value, tagOfSentence(model.text, sentence, first), headline)) continue;
    matches.push({from: match.from, to: match.to, kind: match.value});
  }
  if (headline) {
    for (const match of lexicon.headlineAdverbs.findAll(norms)) {
      if (!tokens[match.from].quoted && !othersWords(model, s, match.from)) matches.push({from: match.from, to: match.to, kind: 'adverb'});
    }
    matches.sort((a, b) => a.from - b.from);
  }
  const findings = joinCoordinated(matches, norms).map((match) => build(model, s, match, lexicon));
  const question = rhetoricalQuestion(model, s);
  if (question) findings.push(question);
  return findings;
}

const QUESTION_OPENERS = new Set([
  'what',
  'who',
  'which',
  'why',
  'how',
  'where',
  'is',
  'are',
  'was',
  'were',
  'does',
  'do',
  'did',
  'will',
  'would',
  'can',
  'could',
  'should',
  'has',
  'have',
  "isn't",
  "aren't",
  "wasn't",
  "doesn't",
  "don't",
  "didn't",
  "won't",
  "wouldn't",
  "can't",
  "couldn't",
  "shouldn't",
  "hasn't",
  "haven't"
]);

/**
 * A negated question in the writer's voice argues rather than asks ("What grandfather wouldn't love
 * that?", "Isn't it time the council listened?"). A plain question ("Will the bridge reopen?") is left
 * alone: explainers ask them. Rare in straight news: two in the 2,225 BBC articles, both readers'.
 */
function rhetoricalQuestion(model: ParagraphModel, s: number): RawFinding | null {
  const {tokens, norms} = model.sentences[s];
  let last = tokens.length - 1;
  while (last > 0 && (norms[last] === '"' || norms[last] === ')')) last--;
  if (norms[last] !== '?' || !QUESTION_OPENERS.has(norms[0]) || tokens[0].quoted || othersWords(model, s, 0)) return null;
  if (!norms.some((norm, i) => i < last && (norm.endsWith("n't") || norm === 'not' || norm === 'never'))) return null;
  if (tokens.some((token, i) => i < last && token.quoted)) return null;
  const span = tokenSpan(model.sentences[s], 0, last + 1);
  return {
    ruleId: 'editorializing',
    secondary: false,
    message: "Editorializing: a rhetorical question argues in the writer's voice; state the point and say who makes it",
    start: span.start,
    end: span.end,
    expected: [],
    suggestions: [],
    related: []
  };
}

const EXPECTED_POS: Record<EvaluativeKind, readonly Upos[]> = {
  adjective: ['ADJ'],
  adverb: ['ADV'],
  noun: ['NOUN'],
  verb: ['VERB'],
  phrase: []
};

/**
 * A one-word entry must carry its part of speech. Participles serve as adjectives ("a deserved win",
 * "a deflating end"), and a title-case headline's capitals mislead the tagger into proper nouns.
 */
function fitsTag(kind: EvaluativeKind, tag: WordTag, headline: boolean): boolean {
  const expected = EXPECTED_POS[kind];
  if (expected.length === 0 || expected.includes(tag.pos) || (headline && tag.pos === 'PROPN')) return true;
  return kind === 'adjective' && tag.pos === 'VERB' && (tag.tag === 'VBN' || tag.tag === 'VBG');
}

/** "a sour end" (before a word that can be a noun) or "the plan was woeful" (after a linking verb). */
function modifiesOrPredicates(sentence: Sentence, from: number, to: number, attributiveOnly: boolean): boolean {
  const {tokens, norms} = sentence;
  if (
    !attributiveOnly &&
    (LINKING_VERBS.has(norms[from - 1] ?? '') ||
      ((norms[from - 1] === 'so' || norms[from - 1] === 'very' || norms[from - 1] === 'too') && LINKING_VERBS.has(norms[from - 2] ?? '')))
  )
    return true;
  const next = tokens[to];
  if (!next) return false;
  if (next.kind === 'word') return !NOT_A_NOUN_AFTER.has(next.norm) || next.norm === 'and' || next.norm === 'or';
  return false;
}

/** "sour and deflating": one finding, so removing it never leaves "a and deflating end". */
function joinCoordinated(matches: Match[], norms: readonly string[]): Match[] {
  const joined: Match[] = [];
  for (const match of matches) {
    const last = joined[joined.length - 1];
    if (
      last &&
      last.kind === match.kind &&
      (last.kind === 'adjective' || last.kind === 'adverb') &&
      match.from === last.to + 1 &&
      /^(and|or|,)$/.test(norms[last.to])
    ) {
      last.to = match.to;
      continue;
    }
    joined.push({...match});
  }
  return joined;
}

function build(model: ParagraphModel, s: number, match: Match, lexicon: Lexicon): RawFinding {
  const sentence = model.sentences[s];
  const span = tokenSpan(sentence, match.from, match.to);
  const actual = model.text.slice(span.start, span.end);
  const suggestions: Suggestion[] = [];
  // A modifier can go without breaking the sentence; so can an opener such as "There's no denying".
  const removable = (match.kind === 'adjective' || match.kind === 'adverb') && !LINKING_VERBS.has(sentence.norms[match.from - 1] ?? '');
  if (removable || (match.kind === 'phrase' && match.from === 0)) {
    suggestions.push({title: `Remove "${actual}"`, kind: 'remove', edits: removalEdits(model.text, sentence.start, span.start, span.end)});
  }
  suggestions.push(attributeSuggestion(model, s));
  const colour = match.kind === 'adjective' && gradesPerformance(sentence.norms, match.from, lexicon);
  return {
    ruleId: 'editorializing',
    secondary: colour,
    message: colour
      ? `"${actual}" grades a performance: colour a match report or a review may carry; in news, describe what happened`
      : message(match.kind, actual),
    start: span.start,
    end: span.end,
    expected: removable ? [''] : [],
    suggestions,
    related: []
  };
}

function message(kind: EvaluativeKind, actual: string): string {
  if (kind === 'verb')
    return `Editorializing: "${actual}" takes sides in the writer's voice; describe what was done or said, or attribute the characterization`;
  if (kind === 'phrase') return `Editorializing: "${actual}" vouches for the point in the writer's voice; cut it or say who holds the view`;
  return `Editorializing: "${actual}" is the writer's judgement; attribute it or describe what was said or done`;
}

/**
 * "a superb save", "an impressive all-round display", "a dismal second half": a grade of quality on a
 * piece of play or a performance, at most three words before its noun (evaluative.json performanceColour).
 */
export function gradesPerformance(norms: readonly string[], at: number, lexicon: Lexicon): boolean {
  if (!lexicon.colourAdjectives.has(norms[at])) return false;
  for (let k = at + 1; k <= at + 4 && k < norms.length; k++) {
    if (lexicon.performanceNouns.has(norms[k])) return true;
    if (!/^[a-z0-9][a-z0-9'-]*$/.test(norms[k])) return false;
  }
  return false;
}

/** "prompting claims of a shambles", "allegations of incompetence": the word is what was claimed. */
function isClaimed(norms: readonly string[], at: number, lexicon: Lexicon): boolean {
  let k = at - 1;
  if (/^(a|an|the)$/.test(norms[k] ?? '')) k--;
  return norms[k] === 'of' && lexicon.possessiveNounCues.has(norms[k - 1] ?? '');
}
