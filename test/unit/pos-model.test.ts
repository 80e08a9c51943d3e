// The packed part-of-speech model file (scripts/pos-model-pack.mjs writes it beside the bundles;
// nlp/tags/packed.ts reads it): it must hold exactly the package's core data, and its lexeme hash must
// answer as the object wink would have built.
import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {fnv1a, lexemeHash, lexemeList, lexemeText, readPackedModel} from '../../server/src/analysis/nlp/tags/packed';
// @ts-expect-error: a plain ES module without types, used by scripts/esbuild-options.mjs
import {fnv1a as packerFnv1a, packModel, PACKED_MAGIC} from '../../scripts/pos-model-pack.mjs';

const json = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
const bytes: Uint8Array = packModel(json);
const packed = readPackedModel(bytes);

function bytesOf(words: Uint32Array): Buffer {
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}

describe('packed part-of-speech model', () => {
  it('holds the package data: the lexemes, the lexicon and its expansions, and the rest as it was', () => {
    expect(String.fromCharCode(...bytes.subarray(0, 8))).toBe(PACKED_MAGIC);
    expect(packed.lexemes.length).toBe(json.features.lexeme.list.length);
    expect([...packed.lexemes]).toEqual(json.features.lexeme.list);
    expect(packed.lexemes[json.features.lexeme.list.indexOf('\n\n')]).toBe('\n\n');
    expect(bytesOf(packed.lexicon).equals(Buffer.from(json.lexicon, 'base64'))).toBe(true);
    expect(packed.lexicon.length).toBe(json.features.lexeme.list.length * json.packing.size);
    expect(bytesOf(packed.xpansions).equals(Buffer.from(json.xpansions, 'base64'))).toBe(true);
    const {lexicon: _l, xpansions: _x, ...rest} = json;
    const {list: _list, ...lexeme} = json.features.lexeme;
    expect(packed.model).toEqual({...rest, features: {...json.features, lexeme}});
  });

  it('finds every lexeme at its index, and nothing else', () => {
    expect(fnv1a('reports')).toBe(packerFnv1a('reports'));
    expect(fnv1a('\u00e9t\u00e9 \ud83d\ude00')).toBe(packerFnv1a('\u00e9t\u00e9 \ud83d\ude00'));
    const hash = packed.lexemeHash;
    const list: string[] = json.features.lexeme.list;
    const wrong = list.filter((word, k) => hash[word] !== k);
    expect(wrong).toEqual([]);
    // Names of Object.prototype are plain words here ("constructor" is a lexeme, found above).
    expect(hash.constructor).toBe(list.indexOf('constructor'));
    for (const absent of ['Xylofrond', 'zibbles', '', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(list.includes(absent), absent).toBe(false);
      expect(hash[absent], absent).toBeUndefined();
      expect(absent in hash, absent).toBe(false);
    }
    expect('reports' in hash).toBe(true);
  });

  it('keeps the words wink adds, as wink adds them (hash[word] = index)', () => {
    const list = ['alpha', 'beta', 'gamma'];
    const table = new Int32Array(8).fill(-1);
    list.forEach((word, k) => {
      let slot = fnv1a(word) & 7;
      while (table[slot] !== -1) slot = (slot + 1) & 7;
      table[slot] = k;
    });
    const hash = lexemeHash(lexemeText(list), table);
    expect([hash.alpha, hash.beta, hash.gamma, hash.delta]).toEqual([0, 1, 2, undefined]);
    hash.delta = list.push('delta') - 1;
    expect(hash.delta).toBe(3);
    expect('delta' in hash).toBe(true);
    // A full table (a damaged file) answers "absent" instead of looping.
    expect(lexemeHash(lexemeText(['a']), new Int32Array(4).fill(0)).zzz).toBeUndefined();
    expect(lexemeHash(lexemeText(['a']), new Int32Array(4).fill(7)).a).toBeUndefined();
  });

  it('gives wink a list it reads by index and grows with push', () => {
    const list = lexemeList(lexemeText(['the', '', 'caf\u00e9', '\n\n', 'x']));
    expect(list.length).toBe(5);
    expect([list[0], list[1], list[2], list[3], list[4], list[5]]).toEqual(['the', '', 'caf\u00e9', '\n\n', 'x', undefined]);
    expect(list.push('zibbles')).toBe(6);
    expect(list[5]).toBe('zibbles');
    expect(list.length).toBe(6);
    expect(list.slice(1, 3)).toEqual(['', 'caf\u00e9']);
    expect(list.indexOf('zibbles')).toBe(5);
    expect([3 in list, 6 in list, 'length' in list]).toEqual([true, false, true]);
    expect(Array.isArray(list)).toBe(true);
    expect(() => {
      list[9] = 'gap';
    }).toThrow(TypeError);
    expect(() => {
      list[0] = 'changed';
    }).toThrow(TypeError);
    expect(list[0]).toBe('the');
  });

  it('refuses a damaged file with a clear error', () => {
    const broken = (change: (copy: Uint8Array) => Uint8Array) => () => readPackedModel(change(Uint8Array.from(bytes)));
    expect(broken((copy) => copy.subarray(0, 4))).toThrow(/^the model file is damaged \(not a whosaid model file\)$/);
    expect(broken((copy) => ((copy[0] = 0x7b), copy))).toThrow(/not a whosaid model file/);
    expect(broken((copy) => copy.subarray(0, 100_000))).toThrow(/^the model file is damaged \((lexemes|starts|lexicon|xpansions|table)\)$/);
    expect(broken((copy) => ((copy[20] = 0xff), copy))).toThrow(/^the model file is damaged \(header\)$/);
    expect(broken((copy) => copy.subarray(0, 20))).toThrow(/^the model file is damaged \(header\)$/);
  });

  it('is read from an unaligned copy as well', () => {
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const again = readPackedModel(shifted);
    expect(again.lexicon.byteOffset % 4).toBe(0);
    expect(bytesOf(again.lexicon).equals(bytesOf(packed.lexicon))).toBe(true);
    expect(again.lexemeHash.reports).toBe(packed.lexemeHash.reports);
  });
});

describe('bundled WordNet exception lists', () => {
  it('are the package tables, loaded through JSON.parse, with a null prototype', async () => {
    const {build} = await import('esbuild');
    const {mkdtempSync, readFileSync, rmSync, writeFileSync} = await import('node:fs');
    const {tmpdir} = await import('node:os');
    const {join} = await import('node:path');
    // @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
    const {BUNDLE_OPTIONS} = await import('../../scripts/esbuild-options.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-wn-'));
    try {
      const names = ['adjective', 'noun', 'verb'].map((kind) => `wink-eng-lite-web-model/dist/wn-${kind}-exceptions.js`);
      writeFileSync(join(dir, 'entry.js'), `module.exports = [${names.map((name) => `require(${JSON.stringify(name)})`).join(', ')}];`);
      const outfile = join(dir, 'out.js');
      await build({
        ...BUNDLE_OPTIONS,
        logLevel: 'warning',
        entryPoints: [join(dir, 'entry.js')],
        outfile,
        nodePaths: [join(__dirname, '../../node_modules')]
      });
      const code = readFileSync(outfile, 'utf8');
      expect(code).toContain('JSON.parse(');
      expect(code).not.toContain('exceptions.wryer=');
      const bundled = createRequire(import.meta.url)(outfile);
      names.forEach((name, k) => {
        const original = createRequire(import.meta.url)(name);
        expect(Object.getPrototypeOf(bundled[k])).toBeNull();
        expect({...bundled[k]}).toEqual({...original});
        expect(Object.keys(bundled[k]).length).toBeGreaterThan(1000);
      });
      expect(bundled[2].constructor).toBeUndefined();
      expect(bundled[2].went).toBe('go');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
