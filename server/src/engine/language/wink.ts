// Loads wink-nlp and its English model on first use, synchronously: the engine's lint() is sync.
// Only the language layer calls this, and only for a document that is a blueprint, so a non-blueprint never loads the
// model (about 0.4 s and 30 MB the first time). In the esbuild bundle the line below is dropped (scripts/bundle.mjs), so
// `require` is the bundle's own and the model ships inside dist/server.cjs; under out/ it resolves from node_modules.
import { createRequire } from 'node:module';
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
    const model = require('wink-eng-lite-web-model') as unknown;
    loaded = winkNLP(model, ['sbd', 'pos']);
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Whether the model has been loaded in this process (tests check a non-blueprint never loads it). */
export function winkLoaded(): boolean {
  return loaded !== undefined && loads > 0;
}
