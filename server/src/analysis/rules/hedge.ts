// hedge: words of doubt. The writer's own are warnings; inside a quote or attributed content they are
// the source's words and only information.
import type {Lexicon} from '../lexicon';
import type {Sentence} from '../nlp/tokens';
import {isPreposition, subjectBefore} from '../attribution/sources';
import {isAdverbLike, pastVerbGroup} from '../attribution/verb-group';
import {
  attributeSuggestion,
  attributionsIn,
  coveringAttribution,
  relatedFor,
  removalEdits,
  tokenSpan,
  type RawFinding,
  type Rule,
  type RuleContext
} from './rule';

export const hedge: Rule = ({model, lexicon, strict}) => {
  const findings: RawFinding[] = [];
  model.sentences.forEach((sentence, s) => {
    const {tokens, norms} = sentence;
    const blocked = new Set<number>();
    for (const not of lexicon.notHedges.findAll(norms)) for (let i = not.from; i < not.to; i++) blocked.add(i);
    for (const match of lexicon.hedges.findAll(norms)) {
      if (blocked.has(match.from)) continue;
      const first = tokens[match.from];
      // "May" mid-sentence is the month; "May said:", "May performed with" opening a sentence are
      // somebody called May (the modal takes a bare verb).
      if (
        first.norm === 'may' &&
        first.capitalized &&
        (match.from > 0 || tokens[match.from + 1]?.capitalized || isNameBefore(norms[match.from + 1] ?? '', lexicon))
      )
        continue;
      // "likely" as an adjective before a noun ("the likely winner") is a fair description; flag it as an adverb or predicate.
      if (first.norm === 'likely' && match.to === match.from + 1 && /^(the|a|an|most|more)$/.test(norms[match.from - 1] ?? '')) continue;
      // "appeared to Chloe", "seemed to him": the verb of appearing before somebody, not "appear to be".
      if (norms[match.to - 1] === 'to' && isObjectAfterTo(tokens[match.to])) continue;
      // "as much music as he could", "as strong as it could be": a comparison, not a doubt; "could face
      // up to 21 years in prison", "could be jailed for life if convicted": the law's maximum.
      if (
        MODALS.has(first.norm) &&
        ((norms[match.from - 2] === 'as' && /^(he|she|it|they|we|i|you)$/.test(norms[match.from - 1] ?? '')) ||
          isLegalMaximum(norms, match.to))
      )
        continue;
      // "Older people were more likely to use a landline", "four times more likely to": a measured
      // comparison between groups, not a doubt ("It is more likely", "would be more likely" stay hedges).
      if (isGroupComparison(norms, match.from, match.to)) continue;
      // "assess how much might be going on", "what the government might do": an indirect question asks,
      // it asserts nothing.
      if (MODALS.has(first.norm) && (isIndirectQuestion(norms, match.from) || isAmountInQuestion(norms, match.from))) continue;
      // "Before Italy could recover", "until the crew could reach it": ability in a time clause.
      if (
        first.norm === 'could' &&
        (/^(before|until)$/.test(norms[match.from - 2] ?? '') || /^(before|until)$/.test(norms[match.from - 3] ?? ''))
      )
        continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      if (
        match.value === 'weak-modal' &&
        (hasGenericSubject(sentence, match.from, lexicon) ||
          isPermissivePassive(norms, match.from) ||
          isGeneralVerb(norms, match.from, lexicon)) &&
        !lexicon.predictionTimes.findAll(norms, match.to).length
      ) {
        findings.push(generalStatement(actual, span));
        continue;
      }
      const covering = coveringAttribution(model, s, match.from);
      const quoted = first.quoted;
      if (quoted || covering) {
        const who = covering?.resolvedSource ?? covering?.sourceText ?? null;
        findings.push({
          ruleId: 'hedge',
          secondary: true,
          message: `Hedge "${actual}" is the source's word${who ? ` (${who})` : ''}, not the writer's`,
          start: span.start,
          end: span.end,
          expected: [],
          suggestions: [],
          related: covering ? relatedFor(model, covering) : []
        });
        continue;
      }
      const suggestions: RawFinding['suggestions'] = [];
      if (match.value === 'removable') {
        suggestions.push({
          title: `Remove the hedge "${actual}"`,
          kind: 'remove',
          edits: removalEdits(model.text, sentence.start, span.start, span.end)
        });
      }
      suggestions.push(attributeSuggestion(model, s, 'Attribute it'));
      findings.push({
        ruleId: 'hedge',
        secondary: false,
        message: `Hedge "${actual}" in the writer's voice: say who thinks so, or state what is known`,
        start: span.start,
        end: span.end,
        expected: match.value === 'removable' ? [''] : [],
        suggestions,
        related: []
      });
    }
    // Under the strict preset only: vague quantities in the writer's voice.
    for (const match of strict ? lexicon.vagueQuantities.findAll(norms) : []) {
      if (!isVagueQuantity(model, s, match.from, match.to, lexicon)) continue;
      const span = tokenSpan(sentence, match.from, match.to);
      const actual = model.text.slice(span.start, span.end);
      findings.push({
        ruleId: 'hedge',
        secondary: false,
        message: `Vague quantity "${actual}" in the writer's voice: how many, and who counted? Give the number or its source`,
        start: span.start,
        end: span.end,
        expected: ['[TK: number]'],
        suggestions: [{title: 'Give the number', kind: 'rewrite', edits: [{start: span.start, end: span.end, newText: '[TK: number]'}]}],
        related: []
      });
    }
  });
  return findings;
};

/**
 * "many of the buildings", "in some cases", "several witnesses": a crowd or amount with no number, in
 * the writer's voice. Not an estimate ("some 300", "some time", "many years"), a comparison ("so many",
 * "as many as"), the source's own words, or a crowd source the vague-source rule already reports
 * ("many analysts", "some say").
 */
function isVagueQuantity(model: RuleContext['model'], s: number, from: number, to: number, lexicon: Lexicon): boolean {
  const {tokens, norms} = model.sentences[s];
  const first = tokens[from];
  // A capital mid-sentence is a name ("Some Like It Hot").
  if (first.capitalized && from > 0 && tokens[from - 1].norm !== '"') return false;
  const next = norms[to] ?? '';
  if (lexicon.notQuantityBefore.has(next) || /^[\d$£€]/.test(next)) return false;
  if (norms[from] === 'some' && lexicon.notQuantityBeforeSome.has(next)) return false;
  if (lexicon.notQuantityAfter.has(norms[from - 1] ?? '')) return false;
  if (first.quoted || coveringAttribution(model, s, from)) return false;
  if (lexicon.vaguePhrases.matchAt(norms, from) || lexicon.crowdPhrases.matchAt(norms, from)) return false;
  return !attributionsIn(model, s).some((a) => a.kind === 'vague' && a.source !== null && a.source.from <= from && from < a.source.to);
}

/** After a capitalized "May" opening a sentence: a past tense, a reporting verb or "is" make it a name. */
function isNameBefore(next: string, lexicon: Lexicon): boolean {
  return /ed$/.test(next) || /^(is|was|has|had|and|,)$/.test(next) || lexicon.speechVerbs.has(next);
}

const MODALS = new Set(['could', 'may', 'might']);

/**
 * "how", "whether" or "why" up to six words before the modal ("how much the company may have to pay",
 * "as to whether Rock could pep up the awards"), or "if" after a verb of asking ("wonder if"), in a
 * sentence that is no question of its own. "what"
 * is left out: "what could be a wholesale review" is the writer's doubt, and "it can only be conjectured
 * what ... may have been" an uncertain statement; so are "which" and "where" clauses.
 */
function isIndirectQuestion(norms: readonly string[], modal: number): boolean {
  if (norms[norms.length - 1] === '?' || norms[norms.length - 2] === '?') return false;
  for (let k = modal - 1; k >= 0 && k >= modal - 6; k--) {
    if (/^[,;:.!?"()]$/.test(norms[k])) return false;
    if (/^(how|whether|why)$/.test(norms[k])) return k > 0;
    // "started to wonder if SMS might be put to use": "if" after a verb of asking is "whether".
    if (norms[k] === 'if') return ASKING.test(norms[k - 1] ?? '');
    if (/^(what|which|that|who|where)$/.test(norms[k])) return false;
  }
  return false;
}
/** Words after which "if" asks ("wonder if", "unclear if"), as "whether" does. */
const ASKING =
  /^(wonder|wonders|wondered|wondering|ask|asks|asked|asking|know|knows|knew|unsure|unclear|decide|decides|decided|check|checks|checked)$/;

/** The nouns of an amount a modal's clause measures: "the difference students could make". */
const AMOUNT_NOUNS = /^(difference|impact|effect|effects|damage|harm|contribution|savings)$/;

/**
 * "the difference students could make", "the impact it could have": a modal in a clause that names an
 * amount under discussion, as an indirect question asks one ("how much difference students could
 * make"); it asserts no possibility. The noun opens the clause, at most four words before the modal.
 */
function isAmountInQuestion(norms: readonly string[], modal: number): boolean {
  if (!/^(make|have|do|cause|bring)$/.test(norms[modal + 1] ?? '')) return false;
  for (let k = modal - 1; k >= 1 && k >= modal - 5; k--) {
    if (/^[,;:.!?"()]$/.test(norms[k]) || /^(that|which|who)$/.test(norms[k])) return false;
    if (AMOUNT_NOUNS.test(norms[k])) return k < modal - 1 && norms[k - 1] === 'the';
  }
  return false;
}

const SANCTIONS = new Set([
  'prison',
  'jail',
  'gaol',
  'custody',
  'sentence',
  'fine',
  'fines',
  'fined',
  'jailed',
  'imprisoned',
  'sentenced',
  'convicted',
  'imprisonment'
]);

/** After "could": "face (up to) ... prison / a fine", "be jailed / fined / sentenced": a penalty the law sets. */
function isLegalMaximum(norms: readonly string[], at: number): boolean {
  // "could now face", "could still be fined": a time adverb between the modal and the penalty.
  const after = /^(now|still|also|even|yet|eventually|ultimately)$/.test(norms[at]) ? at + 1 : at;
  const verb = norms[after] === 'be' ? norms[after + 1] : norms[after];
  // "The Commission could fine the companies up to 10% of their turnover": the law's ceiling.
  if ((verb === 'fine' || verb === 'charge') && norms.slice(after + 1, after + 6).includes('up'))
    return norms[norms.indexOf('up', after + 1) + 1] === 'to';
  if (verb !== 'face' && verb !== 'jailed' && verb !== 'fined' && verb !== 'sentenced' && verb !== 'imprisoned') return false;
  if (verb !== 'face') return true;
  for (let k = after + 1; k < norms.length && k <= after + 10; k++) if (SANCTIONS.has(norms[k])) return true;
  return false;
}

/**
 * "Older people were more likely to use a landline", "four times more likely to", "the second most likely
 * to buy": a measured comparison between plural groups, not a doubt.
 */
function isGroupComparison(norms: readonly string[], from: number, to: number): boolean {
  if (!/^(more|less|most|least)$/.test(norms[from]) || norms[from + 1] !== 'likely' || to !== from + 2 || norms[to] !== 'to') return false;
  let k = from - 1;
  // "The French were the second most likely to buy": a ranking of groups.
  if (/^(most|least)$/.test(norms[from])) {
    if (/^(second|third|fourth|fifth)$/.test(norms[k] ?? '')) k--;
    if (norms[k] !== 'the') return false;
    k--;
  }
  while (
    k >= 0 &&
    /^(now|slightly|far|much|significantly|twice|times|\d+|two|three|four|five|six|seven|eight|nine|ten|several|also|still|even)$/.test(
      norms[k]
    )
  )
    k--;
  // Plural groups only: "The flanker is more likely to start" is a prediction about one player.
  return k >= 1 && /^(are|were|being)$/.test(norms[k]) && norms[k - 1] !== 'would';
}

const OBJECTS_AFTER_TO = new Set([
  'him',
  'her',
  'them',
  'me',
  'us',
  'you',
  'the',
  'a',
  'an',
  'his',
  'their',
  'its',
  'our',
  'my',
  'many',
  'most',
  'some',
  'everyone',
  'anyone',
  'all'
]);

/** The word after "appeared to" is a person or a noun phrase ("to Chloe", "to the crowd"), not a verb. */
function isObjectAfterTo(next: Sentence['tokens'][number] | undefined): boolean {
  if (!next || next.kind !== 'word') return false;
  return next.capitalized || OBJECTS_AFTER_TO.has(next.norm);
}

/** "may"/"could" in a general statement ("surgery may be needed"): shown, but not a warning. */
function generalStatement(actual: string, span: {start: number; end: number}): RawFinding {
  return {
    ruleId: 'hedge',
    secondary: true,
    message: `Hedge "${actual}" in a general statement; if it predicts something, say who expects it`,
    start: span.start,
    end: span.end,
    expected: [],
    suggestions: [],
    related: []
  };
}

const IRREGULAR_PARTICIPLES = new Set([
  'seen',
  'found',
  'held',
  'made',
  'given',
  'known',
  'done',
  'taken',
  'shown',
  'built',
  'sold',
  'paid',
  'kept',
  'set',
  'put',
  'read',
  'heard',
  'told',
  'worn',
  'grown',
  'drawn',
  'thrown',
  'written',
  'spoken',
  'chosen',
  'brought',
  'bought',
  'caught',
  'taught',
  'left',
  'sent',
  'spent',
  'met'
]);

/**
 * "may (also) be used", "may be found in": a passive after "may" states what is allowed or usual, as in
 * "The word may also be used in place names"; 75% of these were certain sentences in the CoNLL data.
 * "could be delayed" stays a prediction.
 */
function isPermissivePassive(norms: readonly string[], modal: number): boolean {
  if (norms[modal] !== 'may') return false;
  let k = modal + 1;
  if (norms[k] === 'also') k++;
  if (norms[k] !== 'be') return false;
  const participle = norms[k + 1] ?? '';
  return /[a-z](ed|en)$/.test(participle) || IRREGULAR_PARTICIPLES.has(participle);
}

/** "may vary", "may also refer to": a range of a kind, stated in general. */
function isGeneralVerb(norms: readonly string[], modal: number, lexicon: Lexicon): boolean {
  if (norms[modal] !== 'may') return false;
  let k = modal + 1;
  while (/^(also|often|sometimes|still|even)$/.test(norms[k] ?? '')) k++;
  return lexicon.generalModalVerbs.has(norms[k] ?? '');
}

const SPECIFIC_DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const COORDINATORS = new Set(['and', 'or', 'but', ',']);

/**
 * Whether the subject of a modal at `modal` makes the sentence a general statement: an indefinite or
 * generic subject ("a player", "you", "they") or a lower-case noun with no determiner ("surgery may be
 * needed"). A particular subject ("the talks", "Kim", "it", "which") keeps the modal a prediction.
 */
function hasGenericSubject(sentence: Sentence, modal: number, lexicon: Lexicon): boolean {
  const {tokens} = sentence;
  const j = pastVerbGroup(modal - 1, -1, (k) => isAdverbLike(tokens[k]));
  if (j < 0) return false;
  // "... was built in 1900 and may be rebuilt": the sentence's opening subject.
  if (COORDINATORS.has(tokens[j].norm)) return isGenericPhraseStart(sentence, 0, lexicon);
  const subject = subjectBefore(sentence, modal);
  if (!subject) return false;
  return isGenericPhraseStart(sentence, subject.from, lexicon);
}

function isGenericPhraseStart(sentence: Sentence, from: number, lexicon: Lexicon): boolean {
  const first = sentence.tokens[from];
  if (!first || first.kind !== 'word') return false;
  const norm = first.norm;
  if (lexicon.genericDeterminers.has(norm) || lexicon.genericPronouns.has(norm)) return true;
  if (SPECIFIC_DETERMINERS.has(norm) || norm.endsWith("'s")) return false;
  if (first.capitalized) return from === 0 && isCapitalizedCommonNoun(sentence, lexicon);
  // A lower-case bare noun ("surgery", "file-sharing"); pronouns and relatives ("it", "which") are particular.
  return !lexicon.pronouns.has(norm) && !/^(which|who|that|there)$/.test(norm) && !/^\d/.test(norm);
}

/**
 * A sentence-opening capital on a common noun phrase ("Plants may die", "Higher level control systems
 * may"), not a name ("Kim", "Deutsche Boerse"): no other capital before a preposition, and either more
 * than one word or a word that looks like a plural or an abstract noun.
 */
function isCapitalizedCommonNoun(sentence: Sentence, lexicon: Lexicon): boolean {
  const {tokens} = sentence;
  let end = 1;
  while (end < tokens.length && tokens[end].kind === 'word' && !isPreposition(tokens[end].norm) && !isModalOrVerbStart(tokens[end].norm)) {
    if (tokens[end].capitalized) return false;
    end++;
  }
  if (end > 1) return true;
  const norm = tokens[0].norm;
  return lexicon.knownWords.has(norm) || /[^su'i]s$/.test(norm) || /(tion|sion|ment|ness|ity|ance|ence|ism|ing)$/.test(norm);
}

function isModalOrVerbStart(norm: string): boolean {
  return /^(may|might|could|can|would|will|should|must|is|are|was|were|has|have|had|also|often|usually)$/.test(norm);
}
