// Every cache of document state lives in engine/incremental/; elsewhere in the engine a module keeps only memos of
// configuration-sized inputs, each listed here with why (docs/architecture.md, "Caches").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleState } from './moduleState.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const engine = join(root, 'server', 'src', 'engine');

/** Module-level state outside engine/incremental/ that is no cache of a document, as "path#binding": why. */
const ALLOWED: Record<string, string> = {
  'blueprint/build.ts#INLINE_CUT': "a global expression's lastIndex, set before each scan: nothing kept between calls",
  'blueprint/legend.ts#CUE': "a global expression's lastIndex, set before each scan: nothing kept between calls",
  'blueprint/pandocSpans.ts#LABEL_SPAN': "a global expression's lastIndex, set before each scan: nothing kept between calls",
  'blueprint/detect.ts#matchers': "glob matchers by the config's blueprint globs",
  'blueprint/lanes.ts#cache': "lane tables by the config's lane synonyms",
  'blueprint/lanes.ts#configured': 'the labels a lane table took from the config, per table',
  'config/compose.ts#matchers': "glob matchers of the config's override blocks",
  'config/compose.ts#compositions': 'resolved configs per loaded config layers',
  'config/compose.ts#ids': 'a number per config object, for the keys of the config caches',
  'config/compose.ts#nextId': 'the next such number',
  'config/globs.ts#matchers': "glob matchers by the config's globs",
  'config/schema.ts#loaded': 'the shipped JSON schema, read once',
  'config/schema.ts#optionValidators': "schema validators of the rules' options",
  'config/schema.ts#lenientAjv': 'the schema compiler, built once',
  'intentEdits.ts#emptyCells': 'a run of empty table cells as long as the widest table so far: no text of a document',
  'language/index.ts#enabled': 'the process-wide switch of the language layer (benchmarks)',
  'language/index.ts#benefitCue': 'an expression built once from the shipped word classes',
  'language/index.ts#supportCue': 'an expression built once from the shipped word classes',
  'language/index.ts#vetoCue': 'an expression built once from the shipped word classes',
  'language/judge.ts#capWords': 'the shipped cap words, split once',
  'language/slots.ts#slots': 'the shipped word classes, read once',
  'language/wink.ts#loaded': 'the wink-nlp model, loaded once',
  'language/wink.ts#loads': 'how often the model was loaded (tests hold it to once)',
  'phrases/pattern.ts#inflected': "vocabulary words' inflections",
  'phrases/pattern.ts#startKeyMemo': "vocabulary patterns' start keys",
  'phrases/pattern.ts#atomicCounter': 'group numbering, restarted by every compile',
  'phrases/phraseTable.ts#loaded': 'the shipped phrase table, read once',
  'phrases/vocabulary.ts#shipped': 'the shipped vocabularies, read once',
  'phrases/vocabulary.ts#spelled': "vocabulary heads' spelled-out words",
  'phrases/vocabulary.ts#compiled': "compiled vocabularies by the config's vocabulary changes",
  'phrases/vocabulary.ts#cache': "rules' vocabulary files, read once",
  'resources.ts#found': 'the package root, found once',
};

/** Each module-level binding of a source file that is a cache or other state: a let, a Map or WeakMap, or one its functions change. */
function stateBindings(path: string, source: string): string[] {
  const names = new Set<string>();
  for (const s of moduleState(path, source)) {
    const m =
      /^\d+: module-level (?:let|var) (\S+)$/.exec(s) ??
      /^\d+: (\S+) is a new (?:Map|WeakMap|WeakSet|Generations|ReadingMemos|StepCache|ChunkCache) kept by the module$/.exec(s) ??
      /^\d+: a function (?:assigns to|counts in|changes) module-level (\S+)/.exec(s);
    if (m) names.add(m[1]!);
  }
  return [...names];
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'incremental' ? [] : engineFiles(path);
    return f.endsWith('.ts') ? [path] : [];
  });
}

describe('every cache of document state is in engine/incremental/', () => {
  it('no engine module outside it keeps a module-level Map, WeakMap, let or binding its functions change, except the allowed ones', () => {
    const files = engineFiles(engine);
    assert.ok(files.length > 50, `found only ${files.length} engine modules: the path is wrong`);
    const found = files.flatMap((f) => stateBindings(f, readFileSync(f, 'utf8')).map((name) => `${relative(engine, f).split('\\').join('/')}#${name}`));
    assert.deepEqual(
      found.filter((k) => !(k in ALLOWED)),
      [],
      'a memo of a document belongs in engine/incremental/, owned by the cache a lint is given',
    );
    assert.deepEqual(
      Object.keys(ALLOWED).filter((k) => !found.includes(k)),
      [],
      'an allowed binding that is gone leaves the list',
    );
  });

  it('reports a memo keyed on text, a let and a filled WeakMap, and not constant tables', () => {
    const source = [
      'const reads = new Map<string, string[]>();',
      'const found = new WeakMap<object, number>();',
      'let last: string | undefined;',
      'const WORDS = new Set(["a", "b"]);',
      'const TABLE: Record<string, number> = { a: 1 };',
      'export function read(text: string): string[] {',
      '  last = text;',
      '  let hit = reads.get(text);',
      '  if (!hit) reads.set(text, (hit = text.split(" ")));',
      '  return WORDS.has(text) ? [] : hit;',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(stateBindings('x.ts', source).sort(), ['found', 'last', 'reads']);
  });
});
