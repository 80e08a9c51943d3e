// unattributed-claim, second half: how a crowd feels and why somebody acted, stated as fact
// ("Americans are mad", "has been prompted by Microsoft's growing concern with security").
import type {Lexicon} from '../lexicon';
import type {ParagraphModel} from '../attribution/model';
import {attributeSuggestion, attributionsIn, othersWords, tokenSpan, type RawFinding} from './rule';

const STOPS = /^[,;:.!?"()]$|^(and|but|or|which|who|that|because|while|when|after|before|if)$/;
/** Capitalized plurals of nationalities and factions ("Israelis", "Shiites"), with a plural verb. */
const GROUP_PLURAL = /(ans|ians|ese|is|ites|ists)$/;
const PLURAL_LINKS = new Set([
  'are',
  'were',
  "'re",
  'remain',
  'feel',
  'seem',
  'appear',
  'become',
  'have',
  'grew',
  'became',
  'felt',
  'remained',
  'seemed',
  'appeared'
]);

/**
 * A crowd's feeling told as fact: the crowd's first token, the feeling's index, and whether the crowd
 * is one whose job is to hold opinions ("Political pundits are shocked"), which vague-source reports.
 */
export interface CrowdFeeling {
  from: number;
  feeling: number;
  opinionHolders: boolean;
}

/** Every crowd feeling of sentence `s` in the writer's voice (not quoted, not a source's cue or words). */
export function crowdFeelings(model: ParagraphModel, s: number, lexicon: Lexicon): CrowdFeeling[] {
  const found: CrowdFeeling[] = [];
  const {tokens, norms} = model.sentences[s];
  // The sentence's cue tokens, gathered once: a look-up per word, not a scan of every cue of the paragraph.
  const cueTokens = new Set<number>();
  for (const a of attributionsIn(model, s)) for (let t = a.cue.from; t < a.cue.to; t++) cueTokens.add(t);
  const isCue = (i: number) => cueTokens.has(i);
  for (let i = 1; i < tokens.length; i++) {
    if (!lexicon.feelings.has(norms[i]) || tokens[i].quoted || othersWords(model, s, i) || isCue(i)) continue;
    const subject = crowdBefore(norms, tokens, i, lexicon);
    if (subject < 0 || isCue(subject)) continue;
    const head = lexicon.feelingCrowds.has(norms[subject]) || subject === i - 1 ? subject : subject + 1;
    found.push({from: subject, feeling: i, opinionHolders: lexicon.opinionHolders.has(norms[head])});
  }
  return found;
}

/** unattributed-claim's findings for crowds' feelings (other than opinion holders') and for motives. */
export function stateOfMindFindings(model: ParagraphModel, s: number, lexicon: Lexicon): RawFinding[] {
  const findings: RawFinding[] = [];
  const {tokens, norms} = model.sentences[s];
  for (const crowd of crowdFeelings(model, s, lexicon)) {
    if (!crowd.opinionHolders) findings.push(build(model, s, crowd.from, crowd.feeling + 1, 'feeling'));
  }
  for (const told of crowdFeelingNouns(model, s, lexicon)) findings.push(build(model, s, told.from, told.to, 'feeling'));
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].quoted || othersWords(model, s, i)) continue;
    if (lexicon.motiveCauses.has(norms[i]) && norms[i + 1] === 'by') {
      for (let k = i + 2; k < tokens.length && k <= i + 6 && !STOPS.test(norms[k]); k++) {
        if (lexicon.motiveMinds.has(norms[k])) {
          findings.push(build(model, s, i, k + 1, 'motive'));
          break;
        }
      }
    }
  }
  return findings;
}

/**
 * Feelings as nouns of a crowd a quantifier sizes, in the writer's voice: "the frustration of many
 * Americans", "outrage among millions of TV viewers" (one word may qualify the crowd). Not "to the
 * delight of many fans", a reaction one can watch.
 */
function crowdFeelingNouns(model: ParagraphModel, s: number, lexicon: Lexicon): {from: number; to: number}[] {
  const found: {from: number; to: number}[] = [];
  const {tokens, norms} = model.sentences[s];
  for (let i = 0; i < tokens.length; i++) {
    if (!lexicon.feelingNouns.has(norms[i]) || (norms[i + 1] !== 'of' && norms[i + 1] !== 'among')) continue;
    if (tokens[i].quoted || othersWords(model, s, i)) continue;
    const quantifier = lexicon.crowdQuantifiers.matchAt(norms, i + 2);
    if (!quantifier) continue;
    let head = quantifier.to;
    if (!lexicon.feelingCrowds.has(norms[head]) && tokens[head]?.kind === 'word') head++;
    if (!lexicon.feelingCrowds.has(norms[head] ?? '')) continue;
    const from = /^(the|their|this|that)$/.test(norms[i - 1] ?? '') ? i - 1 : i;
    if (norms[from - 1] === 'to') continue;
    found.push({from, to: head + 1});
  }
  return found;
}

/** The crowd a feeling is told of: "Americans are mad", "many voters were increasingly angry". -1 if none. */
function crowdBefore(
  norms: readonly string[],
  tokens: ParagraphModel['sentences'][number]['tokens'],
  at: number,
  lexicon: Lexicon
): number {
  let j = at - 1;
  let linked = false;
  let plural = false;
  while (j >= 0 && at - j <= 4 && (lexicon.feelingDegrees.has(norms[j]) || lexicon.feelingLinks.has(norms[j]))) {
    if (lexicon.feelingLinks.has(norms[j])) {
      linked = true;
      plural ||= PLURAL_LINKS.has(norms[j]);
    }
    j--;
  }
  if (!linked || j < 0 || tokens[j].kind !== 'word') return -1;
  const head = norms[j];
  const crowd = lexicon.feelingCrowds.has(head) || (plural && tokens[j].capitalized && GROUP_PLURAL.test(head));
  // "the National Union of Students are worried": a crowd word inside a name.
  if (!crowd || (tokens[j].capitalized && j > 0 && (norms[j - 1] === 'of' || (tokens[j - 1].capitalized && tokens[j - 1].kind === 'word'))))
    return -1;
  // "many voters", "most Americans", "the fans": the quantifier or article opens the span.
  return j > 0 && /^(many|most|some|the|all|few|other)$/.test(norms[j - 1]) ? j - 1 : j;
}

function build(model: ParagraphModel, s: number, from: number, to: number, kind: 'feeling' | 'motive'): RawFinding {
  const sentence = model.sentences[s];
  const span = tokenSpan(sentence, from, to);
  const actual = model.text.slice(span.start, span.end);
  return {
    ruleId: 'unattributed-claim',
    secondary: false,
    message:
      kind === 'feeling'
        ? `Unattributed claim: "${actual}" states how a crowd feels as fact; who says so? Cite a poll or somebody who feels it`
        : `Unattributed claim: "${actual}" states a motive as fact; say who gives this reason`,
    start: span.start,
    end: span.end,
    expected: [],
    suggestions: [attributeSuggestion(model, s)],
    related: []
  };
}
