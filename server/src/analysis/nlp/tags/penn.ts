// Penn Treebank tags, derived from the UPOS tag, the word's form and its neighbours (wink has none).

import type {TaggedToken} from './types';
import {POSSESSIVE_PRONOUNS} from './words';

const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'ca', 'wo', "'ll", 'ought']);
const WH_PRONOUNS = new Set(['who', 'whom', 'what', 'whoever', 'whatever']);
const WH_DETERMINERS = new Set(['which', 'whichever']);
const WH_ADVERBS = new Set(['when', 'where', 'why', 'how', 'whenever', 'wherever']);
const HAVE_BE = new Set([
  'have',
  'has',
  'had',
  'having',
  "'ve",
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  "'s",
  "'re",
  'get',
  'got',
  'gets',
  'getting'
]);
const PUNCT_TAGS: Record<string, string> = {
  ',': ',',
  '.': '.',
  '!': '.',
  '?': '.',
  ':': ':',
  ';': ':',
  '(': '-LRB-',
  ')': '-RRB-',
  '[': '-LRB-',
  ']': '-RRB-',
  '"': "''",
  '\u201c': '``',
  '\u201d': "''",
  "'": "''",
  '\u2018': '``',
  '\u2019': "''",
  '-': 'HYPH',
  '\u2014': ':',
  '\u2013': ':',
  '...': ':',
  '\u2026': ':'
};

export function pennTag(tokens: TaggedToken[], i: number): string {
  const token = tokens[i];
  const lower = token.text.toLowerCase().replace(/\u2019/g, "'");
  switch (token.pos) {
    case 'NOUN':
      return token.lemma !== lower && !lower.endsWith('ss') ? 'NNS' : 'NN';
    case 'PROPN':
      return token.lemma !== lower && /s$/.test(lower) && !/ss$/.test(lower) ? 'NNPS' : 'NNP';
    case 'ADJ':
      if (token.lemma !== lower && lower.endsWith('est')) return 'JJS';
      if (token.lemma !== lower && (lower.endsWith('er') || lower === 'worse' || lower === 'less')) return 'JJR';
      return 'JJ';
    case 'ADV':
      if (WH_ADVERBS.has(lower)) return 'WRB';
      if (lower === 'more' || lower === 'less') return 'RBR';
      if (lower === 'most' || lower === 'least') return 'RBS';
      return 'RB';
    case 'AUX':
    case 'VERB':
      return verbTag(tokens, i, lower);
    case 'PRON':
      if (POSSESSIVE_PRONOUNS.has(lower)) return lower === 'whose' ? 'WP$' : 'PRP$';
      if (WH_PRONOUNS.has(lower)) return 'WP';
      if (lower === 'that' || WH_DETERMINERS.has(lower)) return 'WDT';
      if (lower === 'there') return 'EX';
      return /^(this|these|those|all|both|some|any|each|either|neither|none)$/.test(lower) ? 'DT' : 'PRP';
    case 'DET':
      if (WH_DETERMINERS.has(lower) || lower === 'what' || lower === 'whatever') return 'WDT';
      if (lower === 'all' || lower === 'both' || lower === 'half' || lower === 'such') return 'PDT';
      return 'DT';
    case 'ADP':
      return lower === 'to' ? 'TO' : 'IN';
    case 'SCONJ':
      return 'IN';
    case 'CCONJ':
      return 'CC';
    case 'PART':
      if (lower === 'to') return 'TO';
      if (lower === "'s" || lower === "'") return 'POS';
      return 'RB';
    case 'NUM':
      return 'CD';
    case 'INTJ':
      return 'UH';
    case 'PUNCT':
      return PUNCT_TAGS[token.text] ?? (token.text.startsWith('.') ? ':' : 'NFP');
    case 'SYM':
      return token.text === '$' || token.text === '\u00a3' || token.text === '\u20ac' ? '$' : token.text === '#' ? '#' : 'SYM';
    default:
      return 'FW';
  }
}

function verbTag(tokens: TaggedToken[], i: number, lower: string): string {
  const token = tokens[i];
  if (token.pos === 'AUX' && MODALS.has(lower)) return 'MD';
  if (lower.endsWith('ing') && token.lemma !== lower) return 'VBG';
  if (lower === 'am' || lower === "'m" || lower === 'are' || lower === "'re") return 'VBP';
  if (lower === 'is' || lower === 'has' || lower === 'does' || (lower === "'s" && token.pos === 'AUX')) return 'VBZ';
  if (lower === 'was' || lower === 'were' || lower === 'did' || lower === 'had' || lower === "'d") return 'VBD';
  if (lower === 'been' || lower === 'done') return 'VBN';
  if (token.lemma === lower || token.lemma === 'be') return baseTag(tokens, i);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return 'VBZ';
  // A past form: a participle after a form of "have" or "be" (with adverbs between), or used as an
  // adjective after a determiner; otherwise a simple past.
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const before = tokens[j];
    const word = before.text.toLowerCase().replace(/\u2019/g, "'");
    if (before.pos === 'ADV' || before.pos === 'PART') continue;
    if (HAVE_BE.has(word) && (before.pos === 'AUX' || before.pos === 'VERB')) return 'VBN';
    if (
      before.pos === 'DET' ||
      before.pos === 'ADP' ||
      before.pos === 'ADJ' ||
      (before.pos === 'PUNCT' && j === i - 1 && before.text === ',')
    )
      return 'VBN';
    break;
  }
  return 'VBD';
}

/** A base form: the infinitive (VB) after "to", a modal or "do", or at an imperative start; else present (VBP). */
function baseTag(tokens: TaggedToken[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const before = tokens[j];
    const word = before.text.toLowerCase().replace(/\u2019/g, "'");
    if (before.pos === 'ADV' || (before.pos === 'PART' && word !== 'to')) continue;
    if (word === 'to' || MODALS.has(word) || (before.lemma === 'do' && before.pos === 'AUX')) return 'VB';
    return before.pos === 'PRON' || before.pos === 'NOUN' || before.pos === 'PROPN' ? 'VBP' : 'VB';
  }
  return 'VB';
}
