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
  value?: T;
}

export class PhraseSet<T = string> {
  private readonly root: TrieNode<T> = {next: new Map()};
  size = 0;

  constructor(
    patterns: Iterable<string> = [],
    value?: (pattern: string) => T,
    private readonly slots: Record<string, readonly string[]> = {}
  ) {
    for (const pattern of patterns) this.add(pattern, value ? value(pattern) : (pattern as unknown as T));
  }

  add(pattern: string, value: T): void {
    for (const words of expand(tokenizePattern(pattern), this.slots)) {
      if (words.length === 0) continue;
      let node = this.root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) {
          child = {next: new Map()};
          node.next.set(word, child);
        }
        node = child;
      }
      if (node.value === undefined) this.size++;
      node.value = value;
    }
  }

  /** The longest phrase starting at `from`, or undefined. */
  matchAt(norms: readonly string[], from: number, limit = norms.length): PhraseMatch<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = from; i < limit; i++) {
      node = node.next.get(norms[i]);
      if (!node) break;
      if (node.value !== undefined) best = {from, to: i + 1, value: node.value};
    }
    return best;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(norms: readonly string[], from = 0, to = norms.length): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    const end = Math.min(to, norms.length);
    for (let i = from; i < end; i++) {
      if (!this.root.next.has(norms[i])) continue;
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

function expand(tokens: PatternToken[], slots: Record<string, readonly string[]>): string[][] {
  let results: string[][] = [[]];
  for (const token of tokens) {
    const choices: string[] = [];
    for (const alternative of token.alternatives) {
      const slot = /^\{(\w+)\}$/.exec(alternative);
      if (slot) {
        const values = slots[slot[1]];
        if (!values) throw new Error(`Unknown slot {${slot[1]}} in phrase pattern`);
        choices.push(...values.map(normalizeWord));
      } else choices.push(alternative);
    }
    const next: string[][] = [];
    for (const prefix of results) {
      if (token.optional) next.push(prefix);
      for (const choice of choices) next.push([...prefix, ...choice.split(' ')]);
    }
    results = next;
  }
  return results;
}
