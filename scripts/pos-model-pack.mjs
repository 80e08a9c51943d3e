// Packs wink-eng-lite-web-model's core data (3 MB of JSON) into whosaid's model file, written beside
// each bundle that tags (scripts/esbuild-options.mjs) and read by server/src/analysis/nlp/tags/packed.ts.
//
// Loading the JSON cost the CLI ~60 ms the first time a paragraph was tagged: JSON.parse of 3 MB
// (~25 ms, most of it the 87,593-string lexeme list and 1.9 MB of base64), decoding the base64, and
// building a hash of the 87,593 lexemes (an object with that many keys: 20-30 ms). The packed file
// holds the same data ready to use:
//
//   bytes 0-7    "WSPOSM01" (format name and version)
//   bytes 8-11   length N of the header, unsigned 32-bit little-endian
//   bytes 12-    the header, N bytes of JSON: {model, sections, lexemeCount, tableBits}, where `model`
//                is the core data without the lexeme list, `lexicon` and `xpansions`, and `sections`
//                gives [offset, length] in bytes of each part below (offsets are multiples of 4)
//   lexemes      the lexeme list joined by U+0000 (no lexeme holds one; some hold line feeds), UTF-8
//   starts       where each lexeme starts in that string once decoded, in UTF-16 code units, then one
//                more entry (the string's length + 1): unsigned 32-bit little-endian
//   lexicon      the model's `lexicon`, the bytes its base64 decodes to (read as 32-bit words)
//   xpansions    the same for `xpansions`
//   table        the lexemes' hash table: 2^tableBits 32-bit little-endian slots holding a lexeme's
//                index or -1, open addressing with linear probing from fnv1a(lexeme) & (size - 1)
//
// The lexicon and xpansions are stored as wink reads them, as machine-order 32-bit words of the bytes
// its base64 decodes to (the model only works on little-endian machines either way).
import {Buffer} from 'node:buffer';

export const PACKED_MAGIC = 'WSPOSM01';

/**
 * FNV-1a over the UTF-16 code units of `text`, unsigned 32-bit. The same function is in
 * server/src/analysis/nlp/tags/packed.ts (test/unit/pos-model.test.ts checks that every lexeme of a
 * packed model is found where it was put).
 */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The bits of the smallest power-of-two table that keeps the load at or under 0.7. */
function tableBits(count) {
  let bits = 4;
  while (count > 0.7 * 2 ** bits) bits++;
  return bits;
}

/** The packed model file's bytes, from the package's core data (the parsed JSON). */
export function packModel(data) {
  const lexemes = data.features.lexeme.list;
  if (lexemes.some((lexeme) => lexeme.includes('\u0000'))) throw new Error('pos-model-pack: a lexeme holds U+0000');
  if (new Set(lexemes).size !== lexemes.length) throw new Error('pos-model-pack: the lexeme list has duplicates');
  const bits = tableBits(lexemes.length);
  const mask = 2 ** bits - 1;
  const table = new Int32Array(2 ** bits).fill(-1);
  for (let k = 0; k < lexemes.length; k++) {
    let slot = fnv1a(lexemes[k]) & mask;
    while (table[slot] !== -1) slot = (slot + 1) & mask;
    table[slot] = k;
  }
  const tableBytes = Buffer.alloc(table.length * 4);
  for (let i = 0; i < table.length; i++) tableBytes.writeInt32LE(table[i], i * 4);
  const starts = Buffer.alloc((lexemes.length + 1) * 4);
  for (let k = 0, at = 0; k <= lexemes.length; k++) {
    starts.writeUInt32LE(at, k * 4);
    if (k < lexemes.length) at += lexemes[k].length + 1;
  }
  const parts = {
    lexemes: Buffer.from(lexemes.join('\u0000'), 'utf8'),
    starts,
    lexicon: Buffer.from(data.lexicon, 'base64'),
    xpansions: Buffer.from(data.xpansions, 'base64'),
    table: tableBytes
  };
  const {lexicon: _lexicon, xpansions: _xpansions, ...rest} = data;
  const {list: _list, ...lexeme} = data.features.lexeme;
  const model = {...rest, features: {...data.features, lexeme}};
  // The header holds the sections' offsets, which depend on the header's length: lay out again until
  // the length stops changing (twice or three times).
  let header = Buffer.alloc(0);
  for (let pass = 0; pass < 8; pass++) {
    const start = align4(12 + header.length);
    let offset = start;
    const sections = {};
    for (const [name, bytes] of Object.entries(parts)) {
      sections[name] = [offset, bytes.length];
      offset = align4(offset + bytes.length);
    }
    const next = Buffer.from(JSON.stringify({model, sections, lexemeCount: lexemes.length, tableBits: bits}), 'utf8');
    if (align4(12 + next.length) !== start) {
      header = next;
      continue;
    }
    const file = Buffer.alloc(offset);
    file.write(PACKED_MAGIC, 0, 'latin1');
    file.writeUInt32LE(next.length, 8);
    next.copy(file, 12);
    for (const [name, bytes] of Object.entries(parts)) bytes.copy(file, sections[name][0]);
    return file;
  }
  throw new Error('pos-model-pack: the header length did not settle');
}

function align4(n) {
  return (n + 3) & ~3;
}
