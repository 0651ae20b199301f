// Loads wink-nlp and its English model on first use, synchronously: the engine's lint() is sync.
// Only the language layer calls this, and only for a document that is a blueprint, so a non-blueprint never loads the
// model (about 0.3 s and 30 MB the first time). In the esbuild bundles the line below is dropped (scripts/bundle.mjs), so
// `require` is the bundle's own: the model ships inside dist/server.cjs, and dist/cli.cjs carries wink-nlp and the
// model's modules but not the package's own entry (its 3 MB core JSON is read from node_modules, or the build's packed
// copy of it). Under out/ everything resolves from node_modules.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../resources.js';
import { lexemeFeature, packedLexemesValid, packLexemes, type PackedLexemes } from './winkLexemes.js';
const require = createRequire(import.meta.url); // bundle: global require

/** The part of the wink-nlp API the language layer uses. */
export interface WinkItems {
  out(as?: unknown): unknown[];
  length(): number;
}
export interface WinkDoc {
  tokens(): WinkItems;
  sentences(): { each(fn: (s: { out(as: unknown): unknown }) => void): void };
}
export interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; lemma: unknown; pos: unknown; span: unknown; type: unknown };
}

/** The annotations the language layer asks of wink: sentences and parts of speech (lemmas come with every token). */
export const WINK_PIPE = ['sbd', 'pos'] as const;

let loaded: Wink | null | undefined;
let loads = 0;

/** The wink instance, or null when the package cannot be loaded (the phrase engine then works alone). */
export function wink(): Wink | null {
  if (loaded !== undefined) return loaded;
  loads++;
  try {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    loaded = winkNLP(fastModel() ?? (require('wink-eng-lite-web-model') as unknown), [...WINK_PIPE]);
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Whether the model has been loaded in this process (tests check a non-blueprint never loads it). */
export function winkLoaded(): boolean {
  return loaded !== undefined && loads > 0;
}

/** The model version whose loader `fastModel` mirrors (test/unit checks the two models are deep-equal). */
export const FAST_MODEL_VERSION = '1.8.1';

/**
 * The English model as the package's own `dist/model.js` builds it for WINK_PIPE, loaded faster: its core loader requires
 * the 3 MB JSON, copies it with JSON.parse(JSON.stringify()), decodes the lexicon with atob and a loop and hashes 87,593
 * words; this one reads the build's packed copy of the same data (lexicon as bytes, lexeme list and hash answered on
 * demand: winkLexemes.ts), or parses the package's file once. The models of the annotations outside the pipe are empty
 * machines (`outsideThePipe`), and the stemmer and readability add-ons load on first read. Everything else (the other
 * loaders, the other hashes, the packing) is the package's own code or a line-for-line copy of it. Undefined (the caller
 * then requires the package) when the installed version is not the one mirrored, or when the package's files cannot be
 * found (the bundle for the .vsix, which embeds it).
 */
export function fastModel(): unknown {
  try {
    const pkg = require.resolve('wink-eng-lite-web-model/package.json');
    if ((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version !== FAST_MODEL_VERSION) return undefined;
    // The same object, keys in the same order, as dist/model.js. The package's modules are required by name, so the CLI
    // bundle carries them (and its code cache their bytecode) instead of loading ~60 files from node_modules.
    const model = Object.create(null) as Record<string, unknown>;
    const original = join(dirname(pkg), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
    model['core'] = () => packedCore(original) ?? coreModel(parsedCore(readFileSync(original, 'utf8')));
    model['sbd'] = require('wink-eng-lite-web-model/dist/load-sbd-model.js') as unknown;
    model['pos'] = require('wink-eng-lite-web-model/dist/load-pos-model.js') as unknown;
    // the annotations outside WINK_PIPE (test/unit/winkModel.test.ts holds the two lists together)
    model['ner'] = outsideThePipe;
    model['negation'] = outsideThePipe;
    model['sa'] = outsideThePipe;
    model['metaCER'] = require('wink-eng-lite-web-model/dist/load-cer-meta-model.js') as unknown;
    model['featureFn'] = require('wink-eng-lite-web-model/dist/feature.js') as unknown;
    const addons = Object.create(null) as Record<string, unknown>;
    // what a token's `its.stem` and a document's `its.readabilityStats` call: the language layer reads neither
    const stem = () => require('wink-eng-lite-web-model/dist/porter-stemmer.js') as unknown;
    const readabilityStats = () => require('wink-eng-lite-web-model/dist/readability-stats.js') as unknown;
    Object.defineProperty(addons, 'stem', { enumerable: true, configurable: true, get: stem });
    addons['lemmatize'] = require('wink-eng-lite-web-model/dist/lemmatize.js') as unknown;
    Object.defineProperty(addons, 'readabilityStats', { enumerable: true, configurable: true, get: readabilityStats });
    addons['wordVectors'] = undefined;
    model['addons'] = addons;
    return model;
  } catch {
    return undefined;
  }
}

/**
 * The model of an annotation outside WINK_PIPE. wink's load() builds a machine of every annotation model whatever the
 * pipe (for NER and sentiment, 560 KB of JSON parsed twice), and readDoc runs only the pipe's: an empty machine
 * (automaton.js `emptyModelJSON`) stands in, with no transformer or setter, as none is called.
 */
function outsideThePipe(): { machines: string[]; transformers: unknown[] } {
  return { machines: ['[100,0,{"0":{}},{},{},{}]'], transformers: [] };
}

/** 32-bit words from base64 (the package's JSON) or bytes (the packed file: a view when aligned, as it is when read whole). */
function words(data: string | Uint8Array): Uint32Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  // new Uint32Array(buffer) throws on a length that is not a multiple of 4, as the package's loader would.
  if (bytes.length % 4 !== 0) throw new RangeError('wink model: packed data is not 32-bit aligned');
  if (typeof data !== 'string' && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const out = new Uint32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** Where the build keeps the packed core model (scripts/cli-cache.mjs: writePackedCoreModel). */
function packedPath(): string {
  return join(packageRoot(), 'dist', `wink-eng-lite-web-model-${FAST_MODEL_VERSION}-core.bin`);
}

/** The sections of the packed file: the model's JSON without the three large values, then those as bytes. */
const SECTIONS = ['model', 'lexicon', 'xpansions', 'words', 'ends', 'starts', 'order'] as const;
type Section = (typeof SECTIONS)[number];
interface PackedHead {
  bytes: number;
  le: boolean;
  sections: Record<Section, [number, number]>;
}

/** The core model from the build's packed file when it was made from this very file on this byte order, else undefined. */
function packedCore(original: string): CoreModel | undefined {
  let file: Buffer;
  try {
    file = readFileSync(packedPath());
  } catch {
    return undefined; // no packed file (a build without the step, the .vsix): the package's JSON
  }
  try {
    // first line: {"bytes":2966880,"le":true,"sections":{"model":[offset,length],...}}
    const line = file.indexOf(10);
    if (line < 0 || line > 4096) return undefined;
    const head = JSON.parse(file.toString('latin1', 0, line)) as PackedHead;
    if (head.bytes !== statSync(original).size || head.le !== (endianness() === 'LE')) return undefined;
    const bytes = (name: Section) => {
      const [offset, length] = head.sections[name];
      if (offset <= line || offset + length > file.length) throw new RangeError(`wink model: section ${name} out of the file`);
      return file.subarray(offset, offset + length);
    };
    const lexemes: PackedLexemes = { bytes: bytes('words'), ends: words(bytes('ends')), starts: words(bytes('starts')), order: words(bytes('order')) };
    if (!packedLexemesValid(lexemes)) return undefined;
    const model = JSON.parse(bytes('model').toString('latin1')) as CoreModel;
    model.lexicon = words(bytes('lexicon'));
    model.xpansions = words(bytes('xpansions'));
    return coreModel(model, lexemeFeature(lexemes));
  } catch {
    return undefined;
  }
}

/**
 * Writes the packed core model of the installed package: its JSON without the lexicon, the expansions and the lexeme
 * list (ASCII, every character above U+007F as a JSON escape, so it is read as a one-byte string), then those three as
 * bytes, and the lexeme hash as buckets (winkLexemes.ts). Returns the file's path, or undefined when the version is not
 * the mirrored one or the words cannot be packed.
 */
export function writePackedCoreModel(): string | undefined {
  const pkg = require.resolve('wink-eng-lite-web-model/package.json');
  if ((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version !== FAST_MODEL_VERSION) return undefined;
  const original = join(dirname(pkg), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
  const model = JSON.parse(readFileSync(original, 'utf8')) as CoreModel;
  const lexeme = model.features['lexeme']!;
  const lexemes = packLexemes(lexeme.list as string[]);
  if (!lexemes) return undefined;
  const data: Record<Section, Uint8Array> = {
    lexicon: Buffer.from(model.lexicon as string, 'base64'),
    xpansions: Buffer.from(model.xpansions as string, 'base64'),
    words: lexemes.bytes,
    ends: bytesOf(lexemes.ends),
    starts: bytesOf(lexemes.starts),
    order: bytesOf(lexemes.order),
    model: new Uint8Array(),
  };
  // placeholders keep every key where the package's JSON has it
  model.lexicon = '';
  model.xpansions = '';
  lexeme.list = [];
  const json = JSON.stringify(model).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  data.model = Buffer.from(json, 'latin1');
  // the head's length depends on the offsets it names: lay the sections out after a head of fixed width
  const HEAD = 512;
  const sections = {} as Record<Section, [number, number]>;
  let offset = HEAD;
  for (const name of SECTIONS) {
    sections[name] = [offset, data[name].length];
    offset += (data[name].length + 3) & ~3;
  }
  const head = JSON.stringify({ bytes: statSync(original).size, le: endianness() === 'LE', sections } satisfies PackedHead);
  if (head.length + 1 > HEAD) throw new Error('wink model: packed head too long');
  const file = Buffer.alloc(offset, 0x20);
  file.write(`${head}\n`, 0, 'latin1');
  for (const name of SECTIONS) file.set(data[name], sections[name][0]);
  const target = packedPath();
  writeFileSync(target, file);
  return target;
}

function bytesOf(a: Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The package's core JSON parsed once, lexicon and expansions decoded (read-core-model.js of 1.8.1 up to the hashes). */
function parsedCore(json: string): CoreModel {
  const model = JSON.parse(json) as CoreModel;
  model.lexicon = words(model.lexicon as string);
  model.xpansions = words(model.xpansions as string);
  return model;
}

/**
 * The rest of read-core-model.js and load-core-model.js of wink-eng-lite-web-model 1.8.1: the hashes and sizes. The
 * lexeme list and hash are the packed file's proxies when given, else the hash is built from the list as the package does.
 */
function coreModel(model: CoreModel, packed?: { list: string[]; hash: Record<string, number> }): CoreModel {
  const packing = model.packing;
  const features = model.features;
  const pos = model.pos;
  for (const f in packing.layout) {
    if (packing.layout[f]![3] === 0) {
      const feature = features[f]!;
      feature.hash = Object.create(null) as Record<string, number>;
      for (let k = 0; k < feature.list.length; k += 1) feature.hash[feature.list[k] as string] = k;
    }
  }
  const lexeme = features['lexeme']!;
  if (packed) {
    lexeme.list = packed.list;
    lexeme.hash = packed.hash;
  } else {
    lexeme.hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < lexeme.list.length; k += 1) lexeme.hash[lexeme.list[k] as string] = k;
  }
  const clusters = features['posClusters']!.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}
