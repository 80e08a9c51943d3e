// Loading wink-nlp and its English model (wink-eng-lite-web-model), once, on first use.

import {readPackedModel, type PackedModel} from './packed';

/** The parts of wink that tagging needs, once loaded. */
export interface Wink {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  nlp: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  its: any;
  /** wink's lexicon, captured from its POS updater on the first document (see load). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cache: any;
  lemmatize: (value: string, pos: string, cache: unknown) => string;
  posIndex: Record<string, number>;
  posList: string[];
}

let wink: Wink | null = null;
let loadMs = 0;

/** Loads the tagger now instead of on the first paragraph. Returns the milliseconds the load took (0 if already loaded). */
export function preloadTagger(): number {
  if (wink) return 0;
  load();
  return loadMs;
}

/** How long the model took to load, in ms (0 before it is loaded). */
export function taggerLoadMs(): number {
  return loadMs;
}

export function load(): Wink {
  if (wink) return wink;
  const started = performance.now();
  // require() inside the function: the bundles (esbuild) and vitest both resolve it, and the model
  // is read only when the first paragraph is tagged, not when the engine is imported.
  // The model's parts are loaded one by one: its `main` also loads the named-entity and sentiment
  // models (0.6 MB), which whosaid does not use; wink's loader asks for them, so two empty stand-ins.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const winkNLP = require('wink-nlp');
  const core = readCore();
  const sbd = require('wink-eng-lite-web-model/dist/load-sbd-model.js');
  const pos = require('wink-eng-lite-web-model/dist/load-pos-model.js');
  const negation = require('wink-eng-lite-web-model/dist/load-negation-model.js');
  const metaCER = require('wink-eng-lite-web-model/dist/load-cer-meta-model.js');
  const featureFn = require('wink-eng-lite-web-model/dist/feature.js');
  const lemmatize = require('wink-eng-lite-web-model/dist/lemmatize.js');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let cache: unknown = null;
  const model = {
    core: () => core,
    sbd,
    pos: () => {
      const loaded = pos();
      const updater = loaded.updater;
      // wink keeps its lexicon private; its POS updater is handed it on every document. The fix-ups
      // need to ask the lexicon which parts of speech a word can have, so the first call keeps it.
      return {
        ...loaded,
        updater(px: unknown, lexicon: unknown, tags: unknown, tokens: unknown) {
          cache = lexicon;
          return updater(px, lexicon, tags, tokens);
        }
      };
    },
    ner: () => ({machines: [], transformers: []}),
    negation,
    // Never run (not in the pipe), but wink's loader compiles one machine for it.
    sa: () => ({machines: negation().machines, setter: () => undefined}),
    metaCER,
    featureFn,
    addons: {lemmatize}
  };
  const nlp = winkNLP(model, ['pos']);
  nlp.readDoc('The tagger is ready.');
  if (!cache) throw new Error('whosaid: the part-of-speech model did not load (no lexicon)');
  const list = posNames();
  const posIndex: Record<string, number> = {};
  list.forEach((name, index) => (posIndex[name] = index));
  wink = {nlp, its: nlp.its, cache, lemmatize, posIndex, posList: list};
  loadMs = performance.now() - started;
  return wink;
}

/**
 * Set by the bundles (scripts/esbuild-options.mjs: esbuild's `define`) to the name of the packed model
 * file beside them; undefined when the sources run as they are (vitest), which read the package's JSON.
 */
declare const WHOSAID_POS_MODEL: string | undefined;

/* eslint-disable @typescript-eslint/no-explicit-any */
/** wink's core model, ready for use: from the packed file beside the bundle, or from the package's JSON. */
function readCore(): any {
  // A conditional expression, so that esbuild drops the JSON's branch from the bundles as dead code.
  return typeof WHOSAID_POS_MODEL === 'string' ? readPackedCore(WHOSAID_POS_MODEL) : readJsonCore();
}

function readPackedCore(file: string): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const {readFileSync} = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const {join} = require('node:path') as typeof import('node:path');
  let packed: PackedModel;
  try {
    packed = readPackedModel(readFileSync(join(__dirname, file)));
  } catch (error) {
    throw modelError(error);
  }
  return readCoreModel(packed.model, packed);
}

function readJsonCore(): any {
  let data: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    data = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  } catch (error) {
    throw modelError(error);
  }
  const lexemes: string[] = data.features.lexeme.list.slice();
  return readCoreModel(data, {
    lexemes,
    lexemeHash: indexOf(lexemes),
    lexicon: new Uint32Array(decodeBase64(data.lexicon)),
    xpansions: new Uint32Array(decodeBase64(data.xpansions))
  });
}

function modelError(error: unknown): Error {
  const file = typeof WHOSAID_POS_MODEL === 'string' ? WHOSAID_POS_MODEL : 'wink-eng-lite-web-model';
  return new Error(
    `whosaid: the part-of-speech model could not be read (${file} belongs beside the program; reinstall whosaid): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    {cause: error}
  );
}

/**
 * wink's core model made ready for use, as the package's own loader (dist/read-core-model.js and
 * load-core-model.js) makes it, without its first step: a deep copy of the whole 3 MB model through
 * JSON.stringify and JSON.parse (30 ms of a ~100 ms cold load). What wink changes later (the word
 * lists grow with the unknown words it meets) is copied here one level deep instead; the data the
 * package required is left as it was. The lexemes, their hash and the two word arrays come apart
 * (`parts`): decoded from the JSON's base64, or read from the packed file (tags/packed.ts).
 */
function readCoreModel(data: any, parts: Omit<PackedModel, 'model'>): any {
  const layout: Record<string, number[]> = data.packing.layout;
  const features: Record<string, any> = {};
  for (const [name, feature] of Object.entries<any>(data.features)) {
    features[name] = name === 'lexeme' ? {...feature} : {...feature, list: feature.list.slice()};
  }
  const efList: string[] = [];
  for (const name in layout) {
    const [, mask, shift, packed, extrinsic] = layout[name];
    if (packed === 0) {
      const feature = features[name];
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = mask >>> shift;
    }
    if (extrinsic === 1) efList.push(name);
  }
  const lexeme = features.lexeme;
  lexeme.list = parts.lexemes;
  lexeme.hash = parts.lexemeHash;
  lexeme.intrinsicSize = parts.lexemes.length;
  lexeme.index = parts.lexemes.length;
  const posHash: Record<string, number> = data.pos.hash;
  features.posClusters.list = features.posClusters.list.map(
    (cluster: string) => new Set(cluster.split('_').map((name) => posHash[name] || 0))
  );
  return {
    ...data,
    packing: {...data.packing, efList},
    features,
    lexicon: parts.lexicon,
    xpansions: parts.xpansions
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function indexOf(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]] = k;
  return hash;
}

/** Base64 to bytes: Node's decoder where there is one (ten times faster), else atob. */
function decodeBase64(data: string): ArrayBuffer {
  const NodeBuffer = (globalThis as {Buffer?: {from(data: string, encoding: string): Uint8Array}}).Buffer;
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(data, 'base64');
    // A fresh, aligned copy: Node may hand out a slice of a shared pool.
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return bytes.buffer;
}

/** wink's part-of-speech numbering (the model's `pos.list`). */
function posNames(): string[] {
  return [
    'UNK',
    'ADJ',
    'ADP',
    'ADV',
    'AUX',
    'CCONJ',
    'DET',
    'INTJ',
    'NOUN',
    'NUM',
    'PART',
    'PRON',
    'PROPN',
    'PUNCT',
    'SPACE',
    'SYM',
    'VERB',
    'X',
    'SCONJ'
  ];
}
