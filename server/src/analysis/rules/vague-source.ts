// vague-source: weasel attribution ("experts say", "local media reported", "as of the latest reports").
import type {Suggestion} from '../types';
import type {Sentence} from '../nlp/tokens';
import {isDeterminer, isPreposition, MONTHS, QUANTIFIER_SUBJECTS, WEEKDAYS} from '../attribution/sources';
import {isTitleCase} from '../attribution/headlines';
import {RangeSet} from '../sorted';
import {attributionsIn, coveringAttribution, isNested, relatedFor, tokenSpan, type RawFinding, type Rule} from './rule';
import {CONTRASTS} from '../attribution/coverage';
import {crowdFeelings} from './states-of-mind';
import {vagueShapes} from './vague-shapes';

export const vagueSource: Rule = ({model, lexicon}) => {
  const findings: RawFinding[] = [];
  const taken = new RangeSet();
  const overlaps = (span: {start: number; end: number}) => taken.overlaps(span);
  for (const attribution of model.attributions) {
    if (attribution.kind !== 'vague' || !attribution.source || attribution.resolvedSource || isNested(model, attribution)) continue;
    const sentence = model.sentences[attribution.sentence];
    if (sentence.tokens[attribution.source.from].quoted || namesFollow(sentence, attribution.source.to)) continue;
    // "As of the latest reports": the cue goes with its source, and the fix rewrites both.
    if (sentence.norms[attribution.cue.from] === 'as' && sentence.norms[attribution.cue.from + 1] === 'of') {
      const whole = {from: attribution.cue.from, to: attribution.source.to};
      const span = tokenSpan(sentence, whole.from, whole.to);
      taken.add(span);
      findings.push(build(span, model.text.slice(span.start, span.end), [], phraseFixes(model, attribution.sentence, whole, lexicon)));
      continue;
    }
    const span = tokenSpan(sentence, attribution.source.from, attribution.source.to);
    taken.add(span);
    findings.push(build(span, model.text.slice(span.start, span.end), relatedFor(model, attribution), [nameSource(span)]));
  }
  model.sentences.forEach((sentence, s) => {
    // Inside somebody's attributed words a vague phrase is theirs ("The minister said the media reports were wrong").
    const matches = [...lexicon.vaguePhrases.findAll(sentence.norms), ...lexicon.crowdPhrases.findAll(sentence.norms)].filter(
      (match) => !insideOthersWords(model, s, match)
    );
    for (const match of matches) {
      if (sentence.tokens[match.from].quoted) continue;
      // "it was reported by the state broadcaster": the agent is named.
      if (sentence.norms[match.from] === 'it' && sentence.norms[match.to] === 'by') continue;
      // "CEA analysts say": a name before the crowd word, which the model read as one named house.
      if (afterNameInSource(model, s, match.from)) continue;
      // "according to analysts at TDG Research": the source goes on to name the house.
      if (houseNamedAfter(model, s, match)) continue;
      // "according to analysts Gartner": the name stands right after the crowd noun.
      const last = sentence.norms[match.to - 1];
      if (lexicon.vagueHeads.has(last) && !QUANTIFIER_SUBJECTS.has(last) && namedRightAfter(sentence, match.to)) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      if (overlaps(span)) continue;
      taken.add(span);
      findings.push(build(span, model.text.slice(span.start, span.end), [], phraseFixes(model, s, match, lexicon)));
    }
    for (const shape of vagueShapes(model, s, lexicon)) {
      if (insideOthersWords(model, s, shape)) continue;
      const span = tokenSpan(sentence, shape.from, shape.to);
      if (overlaps(span)) continue;
      taken.add(span);
      findings.push(build(span, model.text.slice(span.start, span.end), [], [nameSource(span)]));
    }
    // "Political pundits are shocked that ...": opinion holders whose feeling is the news.
    for (const crowd of crowdFeelings(model, s, lexicon)) {
      if (!crowd.opinionHolders) continue;
      // "Human rights campaigners", "Industry experts": up to two words that qualify the crowd.
      let from = crowd.from;
      const qualifies = (k: number) =>
        sentence.tokens[k].kind === 'word' &&
        !isDeterminer(sentence.norms[k]) &&
        !isPreposition(sentence.norms[k]) &&
        !/^(and|but|or|however|because|while|if|when|that|which)$/.test(sentence.norms[k]);
      while (from > 0 && crowd.from - from < 2 && qualifies(from - 1)) from--;
      const head = crowd.feeling - 1;
      let last = head;
      while (last > from && !lexicon.opinionHolders.has(sentence.norms[last])) last--;
      const span = tokenSpan(sentence, from, last + 1);
      if (overlaps(span)) continue;
      taken.add(span);
      findings.push(build(span, model.text.slice(span.start, span.end), [], [nameSource(span)]));
    }
  });
  return findings;
};

function build(span: {start: number; end: number}, actual: string, related: RawFinding['related'], suggestions: Suggestion[]): RawFinding {
  return {
    ruleId: 'vague-source',
    secondary: false,
    message: `Vague source: "${actual}" does not say who (name the experts, outlet or report)`,
    start: span.start,
    end: span.end,
    expected: ['[TK: named source]'],
    suggestions,
    related
  };
}

function nameSource(span: {start: number; end: number}): Suggestion {
  return {title: 'Name the source', kind: 'name-source', edits: [{start: span.start, end: span.end, newText: '[TK: named source]'}]};
}

/**
 * Fixes for a vague phrase: "According to reports" / "As of the latest reports" become
 * "According to [TK: source]"; in "experts say" only the crowd is replaced, never the verb.
 */
function phraseFixes(
  model: Parameters<Rule>[0]['model'],
  sentenceIndex: number,
  match: {from: number; to: number},
  lexicon: Parameters<Rule>[0]['lexicon']
): Suggestion[] {
  const sentence = model.sentences[sentenceIndex];
  const {tokens, norms} = sentence;
  const span = tokenSpan(sentence, match.from, match.to);
  if (/^(according|as|by)$/.test(norms[match.from])) {
    const text = tokens[match.from].capitalized ? 'According to [TK: source]' : 'according to [TK: source]';
    return [{title: 'Attribute this', kind: 'attribute', edits: [{start: span.start, end: span.end, newText: text}]}];
  }
  let last = match.to - 1;
  while (
    last > match.from &&
    (lexicon.speechVerbs.has(norms[last]) || lexicon.cognitionVerbs.has(norms[last]) || /^(have|has|are|is)$/.test(norms[last]))
  )
    last--;
  if (last === match.to - 1) return [nameSource(span)];
  return [nameSource(tokenSpan(sentence, match.from, last + 1))];
}

/** Capitalized words after a crowd noun that name nobody: days, months (not May, also a surname) and "I". */
const NOT_NAMES = new Set([...WEEKDAYS, ...[...MONTHS].filter((month) => month !== 'may'), 'i']);

function namedRightAfter(sentence: Sentence, at: number): boolean {
  const next = sentence.tokens[at];
  return next !== undefined && next.kind === 'word' && next.capitalized && !NOT_NAMES.has(next.norm) && !isTitleCase(sentence);
}

/** "other retailers - including HMV, Monsoon and Jessops - reported": the crowd is named at once. */
function namesFollow(sentence: Sentence, at: number): boolean {
  const {tokens, norms} = sentence;
  let k = at;
  if (tokens[k]?.kind === 'punct' && /^(,|-|--|\u2013|\u2014|\()$/.test(norms[k])) k++;
  if (norms[k] === 'including') k++;
  else if (norms[k] === 'such' && norms[k + 1] === 'as') k += 2;
  else return false;
  return namedRightAfter(sentence, k);
}

function afterNameInSource(model: Parameters<Rule>[0]['model'], sentenceIndex: number, token: number): boolean {
  return attributionsIn(model, sentenceIndex).some(
    (a) => a.source !== null && a.source.from < token && token < a.source.to && a.kind === 'institutional'
  );
}

const NAMING_KINDS = new Set(['named', 'institutional', 'media']);
const HOUSE_PREPOSITIONS = new Set(['at', 'from', 'of', 'with', 'in']);

/** The model's source starts in the crowd phrase and goes on, past "at"/"from"/..., to a name it trusts. */
function houseNamedAfter(model: Parameters<Rule>[0]['model'], sentenceIndex: number, match: {from: number; to: number}): boolean {
  if (!HOUSE_PREPOSITIONS.has(model.sentences[sentenceIndex].norms[match.to])) return false;
  return attributionsIn(model, sentenceIndex).some(
    (a) =>
      a.source !== null && NAMING_KINDS.has(a.kind) && a.source.from >= match.from && a.source.from < match.to && a.source.to > match.to + 1
  );
}

/**
 * A vague or crowd phrase inside somebody's attributed words ("the minister said many analysts agree",
 * "the home secretary said the media reports were wrong") is theirs: covered by an attribution whose
 * cue comes before it in the same sentence.
 */
/**
 * A source and cue that close the sentence after a comma and the words they give ("..., Ms Alexander says."), with no
 * clause handed to another speaker between ("It has been suggested that ..., but he denied").
 */
function sameClause(model: Parameters<Rule>[0]['model'], sentenceIndex: number, from: number, to: number, cueEnd: number): boolean {
  const {norms, tokens} = model.sentences[sentenceIndex];
  if (norms[to - 1] !== ',' && norms[to - 1] !== '"') return false;
  for (let k = from; k < to; k++) if (CONTRASTS.has(norms[k]) || norms[k] === ';') return false;
  return tokens
    .slice(cueEnd)
    .every(
      (token) =>
        token.kind !== 'word' ||
        /^(on|in|at|last|this|yesterday|today|a|an|the|statement|interview|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(
          token.norm
        )
    );
}

function insideOthersWords(model: Parameters<Rule>[0]['model'], sentenceIndex: number, match: {from: number; to: number}): boolean {
  const covering = coveringAttribution(model, sentenceIndex, match.from);
  if (covering === null || covering.sentence !== sentenceIndex) return false;
  // '"Opinion polls suggest ...", Ms Alexander says': a source named after the words it gave, with a
  // name, owns them too. A crowd or nobody after them ('..., analysts said') does not.
  if (
    covering.cue.to > match.from &&
    !(
      covering.kind === 'named' &&
      covering.source &&
      covering.source.from >= match.to &&
      sameClause(model, sentenceIndex, match.to, covering.source.from, covering.cue.to)
    )
  )
    return false;
  // "was hailed as the album of the year by many critics": the phrase is that attribution's own source.
  return !covering.source || covering.source.to <= match.from || covering.source.from >= match.to;
}
