// vague-source, other shapes of a crowd standing in for a source: reports nobody wrote ("refused to
// confirm reports they plan to"), a crowd after a verdict ("very well received by gamers") and a
// party or "authorities" speaking as one ("which Democrats say", "authorities say").
import type {Lexicon} from '../lexicon';
import type {ParagraphModel} from '../attribution/model';
import {attributionsIn, isNested} from './rule';

export interface VagueShape {
  from: number;
  to: number;
}

/** Words before "reports" that take them as hearsay: "confirm reports", "amid reports", "denied reports". */
const HEARSAY_BEFORE = new Set([
  'confirm',
  'confirmed',
  'confirms',
  'confirming',
  'deny',
  'denied',
  'denies',
  'denying',
  'dismissed',
  'dismisses',
  'dismissing',
  'rejected',
  'rejects',
  'rejecting',
  'amid',
  'following',
  'despite',
  'after',
  'the'
]);
/** Words after "reports" that open what they say: "reports that", "reports claiming", "reports they". */
const HEARSAY_AFTER = new Set(['that', 'claiming', 'suggesting', 'saying', 'alleging', 'indicating', 'they', 'he', 'she', 'it']);
const HEARSAY = new Set(['reports', 'rumours', 'rumors']);
/** Participles of a verdict whose holders follow "by": "well received by gamers", "panned by critics". */
const VERDICT_BY = new Set([
  'received',
  'praised',
  'criticised',
  'criticized',
  'welcomed',
  'hailed',
  'condemned',
  'panned',
  'lauded',
  'acclaimed',
  'greeted',
  'slammed',
  'mocked',
  'ridiculed',
  'derided',
  'embraced',
  'applauded',
  'attacked',
  'dismissed',
  'rejected',
  'loved',
  'hated'
]);
/**
 * Members of a party or "authorities" speaking as one: nobody in particular. American party members
 * only: "the Tories" and "the Conservatives" are British usage for the party as a body, which issues
 * statements; "Democrats say" reports a crowd of them.
 */
const SPEAKING_CROWDS = new Set(['democrats', 'republicans', 'authorities']);
const QUANTIFIERS = /^(some|many|most|several|few|other)$/;

export function vagueShapes(model: ParagraphModel, s: number, lexicon: Lexicon): VagueShape[] {
  const found: VagueShape[] = [];
  const {tokens, norms} = model.sentences[s];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].quoted) continue;
    if (
      HEARSAY.has(norms[i]) &&
      HEARSAY_BEFORE.has(norms[i - 1]) &&
      HEARSAY_AFTER.has(norms[i + 1] ?? '') &&
      !(norms[i - 1] === 'the' && norms[i - 2] !== 'of')
    ) {
      found.push({from: norms[i - 1] === 'the' ? i - 1 : i, to: i + 1});
    } else if (norms[i] === 'by' && VERDICT_BY.has(norms[i - 1])) {
      const at = QUANTIFIERS.test(norms[i + 1] ?? '') ? i + 2 : i + 1;
      const head = norms[at] ?? '';
      if (
        (lexicon.feelingCrowds.has(head) || lexicon.opinionHolders.has(head)) &&
        !tokens[at].capitalized &&
        !/^(of|at|from|for)$/.test(norms[at + 1] ?? '')
      ) {
        found.push({from: i + 1, to: at + 1});
      }
    }
  }
  for (const attribution of attributionsIn(model, s)) {
    // A stand taken ("Republicans have refused to vote") is an act, not information: no source to name.
    if (attribution.stance || !attribution.source || attribution.resolvedSource || isNested(model, attribution)) continue;
    const {from, to} = attribution.source;
    const head = to - 1;
    const bare = head === from || (head === from + 1 && QUANTIFIERS.test(norms[from]));
    if (bare && SPEAKING_CROWDS.has(norms[head]) && !tokens[from].quoted) found.push({from, to});
  }
  return found;
}
