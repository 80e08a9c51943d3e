// Reading whosaid's packed part-of-speech model file (format: scripts/pos-model-pack.mjs), the file the
// bundles read instead of wink-eng-lite-web-model's 3 MB of JSON: a short JSON header, then the lexeme
// list as one string, the lexicon and its expansions as raw 32-bit words, and a ready-made hash table
// of the lexemes. About 10 ms instead of ~60 for the JSON, its base64 and a hash of 87,593 keys.

export const PACKED_MAGIC = 'WSPOSM01';

/** The parts of the core model that the packed file holds apart from its JSON. */
export interface PackedModel {
  /** The core data without the lexeme list, `lexicon` and `xpansions`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: any;
  lexemes: string[];
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  /** lexeme -> index, for wink's `features.lexeme.hash` (see lexemeHash). */
  lexemeHash: Record<string, number>;
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
  const lexemes = decoder.decode(section('lexemes')).split('\u0000');
  if (lexemes.length !== header.lexemeCount) fail('lexemes');
  const table = words(section('table'), Int32Array);
  if (table.length !== 2 ** header.tableBits) fail('table');
  return {
    model: header.model,
    lexemes,
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

/**
 * wink's `features.lexeme.hash`, over the packed table instead of an object built with 87,593 keys.
 * wink only reads it as `hash[word]` (undefined when absent) and writes it as `hash[word] = index` when
 * it meets a new word (wink-nlp/src/cache.js: getFeaturesIndex and lookup; nothing else in wink or in
 * whosaid reads it), so a Proxy answers those two from the table, with the words added later in a Map.
 * `in` is answered too; listing the keys is not supported (nothing does it).
 */
export function lexemeHash(lexemes: readonly string[], table: Int32Array): Record<string, number> {
  const mask = table.length - 1;
  const added = new Map<string, number>();
  const find = (word: string): number | undefined => {
    const known = added.get(word);
    if (known !== undefined) return known;
    // Bounded, so a damaged table with no empty slot cannot loop forever.
    for (let probe = 0, slot = fnv1a(word) & mask; probe <= mask; probe++, slot = (slot + 1) & mask) {
      const index = table[slot];
      if (index === -1) return undefined;
      if (lexemes[index] === word) return index;
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
