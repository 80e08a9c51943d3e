// Reading whosaid's packed part-of-speech model file (format: scripts/pos-model-pack.mjs), the file the
// bundles read instead of wink-eng-lite-web-model's 3 MB of JSON: a short JSON header, then the lexeme
// list as one string with where each lexeme starts, the lexicon and its expansions as raw 32-bit words,
// and a ready-made hash table of the lexemes. A few ms instead of ~60 for the JSON, its base64 and a
// hash of 87,593 keys. The 87,593 lexemes are not made into strings (splitting took ~10 ms, and the
// garbage collector more): the hash compares words in place, and the list makes a lexeme's string
// when wink first asks for it.

export const PACKED_MAGIC = 'WSPOSM01';

/** The parts of the core model that the packed file holds apart from its JSON. */
export interface PackedModel {
  /** The core data without the lexeme list, `lexicon` and `xpansions`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: any;
  /** wink's `features.lexeme.list` (see lexemeList). */
  lexemes: string[];
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  /** lexeme -> index, for wink's `features.lexeme.hash` (see lexemeHash). */
  lexemeHash: Record<string, number>;
}

/** The lexemes as one string: lexeme k is text.slice(starts[k], starts[k + 1] - 1) (a separator follows each). */
export interface LexemeText {
  text: string;
  starts: Uint32Array;
  count: number;
}

/** A list of lexemes as LexemeText (for tests; the packed file holds it made). */
export function lexemeText(list: readonly string[]): LexemeText {
  const starts = new Uint32Array(list.length + 1);
  for (let k = 0; k < list.length; k++) starts[k + 1] = starts[k] + list[k].length + 1;
  return {text: list.join('\u0000'), starts, count: list.length};
}

type Section = [offset: number, length: number];

/** Reads a packed model file's bytes; throws a plain Error naming what is wrong with a damaged file. */
export function readPackedModel(bytes: Uint8Array): PackedModel {
  const fail = (what: string): never => {
    throw new Error(`the model file is damaged (${what})`);
  };
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== PACKED_MAGIC) fail('not a whosaid model file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) fail('header');
  const decoder = new TextDecoder('utf-8', {fatal: true});
  let header: {model: unknown; sections: Record<string, Section>; lexemeCount: number; tableBits: number};
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    return fail('header');
  }
  const section = (name: string): Uint8Array => {
    const [offset, length] = header.sections?.[name] ?? [-1, -1];
    if (!(offset >= 0 && length >= 0 && offset % 4 === 0 && offset + length <= bytes.length)) fail(name);
    return bytes.subarray(offset, offset + length);
  };
  const lexemes: LexemeText = {
    text: decoder.decode(section('lexemes')),
    starts: words(section('starts'), Uint32Array),
    count: header.lexemeCount
  };
  if (lexemes.starts.length !== lexemes.count + 1 || lexemes.starts[lexemes.count] !== lexemes.text.length + 1) fail('lexemes');
  const table = words(section('table'), Int32Array);
  if (table.length !== 2 ** header.tableBits) fail('table');
  return {
    model: header.model,
    lexemes: lexemeList(lexemes),
    lexicon: words(section('lexicon'), Uint32Array),
    xpansions: words(section('xpansions'), Uint32Array),
    lexemeHash: lexemeHash(lexemes, table)
  };
}

/** The bytes as 32-bit words: a view where they are aligned, else a copy. */
function words<T extends Uint32Array | Int32Array>(
  bytes: Uint8Array,
  Type: {new (buffer: ArrayBuffer, offset: number, length: number): T}
): T {
  if (bytes.length % 4 !== 0) throw new Error('the model file is damaged (a section is not whole 32-bit words)');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Type(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.length / 4);
}

/** FNV-1a over the UTF-16 code units, unsigned 32-bit: the same function as scripts/pos-model-pack.mjs. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Whether lexeme `k` is `word`, compared in place. */
function isLexeme(lexemes: LexemeText, k: number, word: string): boolean {
  const start = lexemes.starts[k];
  return lexemes.starts[k + 1] - 1 - start === word.length && lexemes.text.startsWith(word, start);
}

/**
 * wink's `features.lexeme.hash`, over the packed table instead of an object built with 87,593 keys.
 * wink only reads it as `hash[word]` (undefined when absent) and writes it as `hash[word] = index` when
 * it meets a new word (wink-nlp/src/cache.js: getFeaturesIndex and lookup; nothing else in wink or in
 * whosaid reads it), so a Proxy answers those two from the table, with the words added later in a Map.
 * `in` is answered too; listing the keys is not supported (nothing does it).
 */
export function lexemeHash(lexemes: LexemeText, table: Int32Array): Record<string, number> {
  const mask = table.length - 1;
  const added = new Map<string, number>();
  const find = (word: string): number | undefined => {
    const known = added.get(word);
    if (known !== undefined) return known;
    // Bounded, so a damaged table with no empty slot cannot loop forever.
    for (let probe = 0, slot = fnv1a(word) & mask; probe <= mask; probe++, slot = (slot + 1) & mask) {
      const index = table[slot];
      if (index === -1 || index >= lexemes.count) return undefined;
      if (isLexeme(lexemes, index, word)) return index;
    }
    return undefined;
  };
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_target, key) => (typeof key === 'string' ? find(key) : undefined),
    set: (_target, key, value) => {
      if (typeof key !== 'string') return false;
      added.set(key, value);
      return true;
    },
    has: (_target, key) => typeof key === 'string' && find(key) !== undefined
  });
}

/** The array index a property key names, or -1. */
function arrayIndex(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && String(n) === key ? n : -1;
}

/**
 * wink's `features.lexeme.list`: `list[k]` (a lexeme's string, made on first use and kept),
 * `list.length`, and `list.push(word)` for the words wink adds (wink-nlp/src/cache.js: value,
 * getFeaturesIndex, currentSize). Array methods that read through indices and `length` (slice,
 * indexOf, spreading) work too, slowly; nothing in wink or whosaid uses them on this list.
 */
export function lexemeList(lexemes: LexemeText): string[] {
  const made: (string | undefined)[] = [];
  const added: string[] = [];
  const at = (k: number): string | undefined => {
    if (k >= lexemes.count) return added[k - lexemes.count];
    return (made[k] ??= lexemes.text.slice(lexemes.starts[k], lexemes.starts[k + 1] - 1));
  };
  const push = (...words: string[]): number => {
    added.push(...words);
    return lexemes.count + added.length;
  };
  return new Proxy([] as string[], {
    get: (target, key) => {
      const k = arrayIndex(key);
      if (k >= 0) return at(k);
      if (key === 'length') return lexemes.count + added.length;
      if (key === 'push') return push;
      return Reflect.get(target, key);
    },
    set: (_target, key, value) => {
      const k = arrayIndex(key);
      if (k === lexemes.count + added.length) return (added.push(value), true);
      if (k >= lexemes.count && k < lexemes.count + added.length) return ((added[k - lexemes.count] = value), true);
      // Setting `length` to what it is (Array.prototype.push does) is fine; nothing else is supported.
      return key === 'length' && value === lexemes.count + added.length;
    },
    has: (target, key) => {
      const k = arrayIndex(key);
      return k >= 0 ? k < lexemes.count + added.length : Reflect.has(target, key);
    }
  });
}
