// Phrase matching over normalized tokens with a trie: one Map look-up a token, never a scan of a list.
//
// Pattern syntax (in the lexicon files):
//   "is expected to"        literal words
//   "{be} {adv?} expected"  slots, defined per lexicon; `?` makes a slot optional
//   "concerns persist|remain that"  alternatives for one position
//   "still? expected"       `?` after a word makes it optional

export interface PhraseMatch<T> {
  /** Index of the first token matched. */
  from: number;
  /** Index after the last token matched. */
  to: number;
  value: T;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Edges that match any one-word value of a slot ("{passive}"): one edge, not one per value. */
  slots?: {values: ReadonlySet<string>; node: TrieNode<T>}[];
  value?: T;
}

/** A step of an expanded pattern: a literal word, or any one-word value of a slot. */
type Step = string | {slot: string};

export class PhraseSet<T = string> {
  private readonly root: TrieNode<T> = {next: new Map()};
  /** Words a match can start with: findAll skips every other token at once. */
  private readonly starts = new Set<string>();
  private readonly slotWords = new Map<string, ReadonlySet<string>>();
  size = 0;

  constructor(
    patterns: Iterable<string> = [],
    value?: (pattern: string) => T,
    private readonly slots: Record<string, readonly string[]> = {}
  ) {
    for (const [name, values] of Object.entries(slots)) {
      this.slotWords.set(name, new Set(values.map(normalizeWord).filter((word) => !word.includes(' '))));
    }
    for (const pattern of patterns) this.add(pattern, value ? value(pattern) : (pattern as unknown as T));
  }

  add(pattern: string, value: T): void {
    for (const steps of expand(tokenizePattern(pattern), this.slots)) {
      if (steps.length === 0) continue;
      let node = this.root;
      steps.forEach((step, index) => {
        if (typeof step === 'string') {
          if (index === 0) this.starts.add(step);
          let child = node.next.get(step);
          if (!child) {
            child = {next: new Map()};
            node.next.set(step, child);
          }
          node = child;
        } else {
          const values = this.slotWords.get(step.slot)!;
          if (index === 0) for (const word of values) this.starts.add(word);
          node.slots ??= [];
          let edge = node.slots.find((candidate) => candidate.values === values);
          if (!edge) {
            edge = {values, node: {next: new Map()}};
            node.slots.push(edge);
          }
          node = edge.node;
        }
      });
      if (node.value === undefined) this.size++;
      node.value = value;
    }
  }

  /** The longest phrase starting at `from`, or undefined. */
  matchAt(norms: readonly string[], from: number, limit = norms.length): PhraseMatch<T> | undefined {
    return longest(this.root, norms, from, from, limit, undefined);
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(norms: readonly string[], from = 0, to = norms.length): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    const end = Math.min(to, norms.length);
    for (let i = from; i < end; i++) {
      if (!this.starts.has(norms[i])) continue;
      const match = this.matchAt(norms, i, end);
      if (match) {
        found.push(match);
        i = match.to - 1;
      }
    }
    return found;
  }

  has(phrase: string): boolean {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    const match = this.matchAt(words, 0);
    return match !== undefined && match.to === words.length;
  }
}

/**
 * The longest match from `node` at token `i` on, literal edges before slot edges; the first match of a
 * length wins. A plain function rather than a closure made at each call: matchAt runs for every
 * candidate token of every phrase list.
 */
function longest<T>(
  node: TrieNode<T>,
  norms: readonly string[],
  from: number,
  i: number,
  limit: number,
  best: PhraseMatch<T> | undefined
): PhraseMatch<T> | undefined {
  if (node.value !== undefined && i > from && (!best || i > best.to)) best = {from, to: i, value: node.value};
  if (i >= limit) return best;
  const word = norms[i];
  const child = node.next.get(word);
  if (child) best = longest(child, norms, from, i + 1, limit, best);
  if (node.slots) for (const edge of node.slots) if (edge.values.has(word)) best = longest(edge.node, norms, from, i + 1, limit, best);
  return best;
}

/** Normalizes a word for matching: lower case, typographic apostrophes and quotes made plain. */
export function normalizeWord(word: string): string {
  let lower = word.toLowerCase();
  if (lower.includes('\u2019') || lower.includes('\u2018')) lower = lower.replace(/[\u2018\u2019]/g, "'");
  return lower;
}

type PatternToken = {alternatives: string[]; optional: boolean};

function tokenizePattern(pattern: string): PatternToken[] {
  // Punctuation in a pattern is its own token, as it is in the parsed text.
  const parts = normalizeWord(pattern)
    .replace(/([,;:])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
  return parts.map((part) => {
    // "word?" and "{slot?}" are optional.
    const optionalSlot = /^\{\w+\?\}$/.test(part);
    const optional = optionalSlot || (part.endsWith('?') && part.length > 1);
    const body = optionalSlot ? part.replace('?', '') : optional ? part.slice(0, -1) : part;
    return {alternatives: body.split('|'), optional};
  });
}

function expand(tokens: PatternToken[], slots: Record<string, readonly string[]>): Step[][] {
  let results: Step[][] = [[]];
  for (const token of tokens) {
    const choices: Step[][] = [];
    for (const alternative of token.alternatives) {
      const slot = /^\{(\w+)\}$/.exec(alternative);
      if (slot) {
        const values = slots[slot[1]];
        if (!values) throw new Error(`Unknown slot {${slot[1]}} in phrase pattern`);
        // One-word values share one slot edge; only multi-word values ("has been") are spelled out.
        if (values.some((value) => !value.includes(' '))) choices.push([{slot: slot[1]}]);
        for (const value of values) if (value.includes(' ')) choices.push(normalizeWord(value).split(' '));
      } else choices.push(alternative.split(' '));
    }
    const next: Step[][] = [];
    for (const prefix of results) {
      if (token.optional) next.push(prefix);
      for (const choice of choices) next.push([...prefix, ...choice]);
    }
    results = next;
  }
  return results;
}
