// Loads wink-nlp and its English model on first use, synchronously: the engine's lint() is sync.
// Only the language layer calls this, and only for a document that is a blueprint, so a non-blueprint never loads the
// model (about 0.3 s and 30 MB the first time). In the esbuild bundle the line below is dropped (scripts/bundle.mjs), so
// `require` is the bundle's own and the model ships inside dist/server.cjs; under out/ (and in the CLI's bundle, where
// wink stays external) it resolves from node_modules.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../resources.js';
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

let loaded: Wink | null | undefined;
let loads = 0;

/** The wink instance, or null when the package cannot be loaded (the phrase engine then works alone). */
export function wink(): Wink | null {
  if (loaded !== undefined) return loaded;
  loads++;
  try {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    loaded = winkNLP(fastModel() ?? (require('wink-eng-lite-web-model') as unknown), ['sbd', 'pos']);
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
 * The English model as the package's own `dist/model.js` builds it, loaded faster: its core loader requires the 3 MB
 * JSON, copies it with JSON.parse(JSON.stringify()) and decodes the lexicon with atob and a loop; this one parses the
 * file once and decodes with Buffer. Everything else (the other loaders, the hashes, the packing) is the package's own
 * code or a line-for-line copy of it. Undefined (the caller then requires the package) when the installed version is
 * not the one mirrored, or when the package's files cannot be found (the bundle for the .vsix, which embeds it).
 */
export function fastModel(): unknown {
  try {
    const pkg = require.resolve('wink-eng-lite-web-model/package.json');
    if ((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version !== FAST_MODEL_VERSION) return undefined;
    const dist = join(dirname(pkg), 'dist');
    const from = (name: string) => require(join(dist, name)) as unknown;
    // The same object, keys in the same order, as dist/model.js.
    const model = Object.create(null) as Record<string, unknown>;
    model['core'] = () => coreModel(coreJson(join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json')));
    model['sbd'] = from('load-sbd-model.js');
    model['pos'] = from('load-pos-model.js');
    model['ner'] = from('load-ner-model.js');
    model['negation'] = from('load-negation-model.js');
    model['sa'] = from('load-sa-model.js');
    model['metaCER'] = from('load-cer-meta-model.js');
    model['featureFn'] = from('feature.js');
    const addons = Object.create(null) as Record<string, unknown>;
    addons['stem'] = from('porter-stemmer.js');
    addons['lemmatize'] = from('lemmatize.js');
    addons['readabilityStats'] = from('readability-stats.js');
    addons['wordVectors'] = undefined;
    model['addons'] = addons;
    return model;
  } catch {
    return undefined;
  }
}

function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  // new Uint32Array(buffer) throws on a length that is not a multiple of 4, as the package's loader would.
  if (bytes.length % 4 !== 0) throw new RangeError('wink model: packed data is not 32-bit aligned');
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

/** Where the build keeps an ASCII copy of the core model's JSON (scripts/build.mjs: writeAsciiCoreModel). */
function asciiCopyPath(): string {
  return join(packageRoot(), 'dist', `wink-eng-lite-web-model-${FAST_MODEL_VERSION}-core.json`);
}

/** The core model's JSON text: the build's ASCII copy when it was made from this very file, else the file. */
function coreJson(original: string): string {
  try {
    // The copy starts with the byte size of the file it was made from: {"bytes":2966880,"model":{...}}
    const text = readFileSync(asciiCopyPath(), 'latin1');
    const head = /^\{"bytes":(\d+),"model":/.exec(text.slice(0, 40));
    if (head && Number(head[1]) === statSync(original).size && text.endsWith('}')) return text.slice(head[0].length, -1);
  } catch {
    // no copy (a build without the step, the .vsix): read the package's file
  }
  return readFileSync(original, 'utf8');
}

/**
 * Writes the ASCII copy of the installed model's core JSON (every character above U+007F as a JSON escape, so
 * JSON.parse gives the same strings): it is read as a one-byte string, where decoding the file's UTF-8 and parsing a
 * two-byte string took about 3x as long. Returns the copy's path, or undefined when the version is not the mirrored one.
 */
export function writeAsciiCoreModel(): string | undefined {
  const pkg = require.resolve('wink-eng-lite-web-model/package.json');
  if ((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version !== FAST_MODEL_VERSION) return undefined;
  const original = join(dirname(pkg), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
  const text = readFileSync(original, 'utf8');
  const ascii = JSON.stringify(JSON.parse(text)).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const target = asciiCopyPath();
  writeFileSync(target, `{"bytes":${statSync(original).size},"model":${ascii}}`);
  return target;
}

/** read-core-model.js and load-core-model.js of wink-eng-lite-web-model 1.8.1, parsing the JSON once. */
function coreModel(json: string): CoreModel {
  const model = JSON.parse(json) as CoreModel;
  const packing = model.packing;
  const features = model.features;
  const pos = model.pos;
  model.lexicon = words(model.lexicon as string);
  model.xpansions = words(model.xpansions as string);
  for (const f in packing.layout) {
    if (packing.layout[f]![3] === 0) {
      const feature = features[f]!;
      feature.hash = Object.create(null) as Record<string, number>;
      for (let k = 0; k < feature.list.length; k += 1) feature.hash[feature.list[k] as string] = k;
    }
  }
  const lexeme = features['lexeme']!;
  lexeme.hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < lexeme.list.length; k += 1) lexeme.hash[lexeme.list[k] as string] = k;
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
