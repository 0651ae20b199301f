// The language layer loads wink's English model with its own copy of the package's core loader (server/src/engine/
// language/wink.ts, for start-up time): the model it builds must be the package's, value for value.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { isDeepStrictEqual, types } from 'node:util';
import { FAST_MODEL_VERSION, fastModel, WINK_PIPE } from '../../server/src/engine/language/wink.js';
import { lexemeFeature, packedLexemesValid, packLexemes } from '../../server/src/engine/language/winkLexemes.js';

const require = createRequire(import.meta.url);

describe('language layer: the fast model loader', () => {
  const installed = (JSON.parse(readFileSync(require.resolve('wink-eng-lite-web-model/package.json'), 'utf8')) as { version: string }).version;

  it('is used only for the mirrored version of wink-eng-lite-web-model', () => {
    const fast = fastModel();
    if (installed === FAST_MODEL_VERSION) assert.ok(fast, 'the mirrored version is installed, so the fast loader must be used');
    else assert.equal(fast, undefined);
  });

  it("builds the package's model for the pipe: the same loaders for its annotations, empty machines for the others", function () {
    if (installed !== FAST_MODEL_VERSION) this.skip();
    const fast = fastModel() as Record<string, unknown>;
    const pkg = require('wink-eng-lite-web-model') as Record<string, unknown>;
    assert.deepEqual(Object.keys(fast), Object.keys(pkg));
    assert.equal(Object.getPrototypeOf(fast), Object.getPrototypeOf(pkg));
    // the model key of each annotation wink-nlp reads (wink-nlp.js: validAnnotations)
    const annotation: Record<string, string> = { sbd: 'sbd', pos: 'pos', ner: 'ner', negation: 'negation', sa: 'sentiment' };
    const automaton = require('wink-nlp/src/automaton.js') as () => { emptyModelJSON(): string };
    const outside: string[] = [];
    for (const key of Object.keys(pkg)) {
      if (key === 'core' || key === 'addons') continue;
      if (annotation[key] && !(WINK_PIPE as readonly string[]).includes(annotation[key])) {
        outside.push(key);
        assert.deepEqual((fast[key] as () => unknown)(), { machines: [automaton().emptyModelJSON()], transformers: [] }, key);
      } else assert.equal(fast[key], pkg[key], key);
    }
    assert.deepEqual(outside, ['ner', 'negation', 'sa']);
    const addons = fast['addons'] as Record<string, unknown>;
    const pkgAddons = pkg['addons'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(addons), Object.keys(pkgAddons));
    for (const key of Object.keys(pkgAddons)) assert.equal(addons[key], pkgAddons[key], key);
    const mine = (fast['core'] as () => Record<string, unknown>)();
    const theirs = (pkg['core'] as () => Record<string, unknown>)();
    // compared whole, the packed lexeme list and hash are built out (their proxies answer every reflective read)
    assert.ok(isDeepStrictEqual(mine, theirs), 'core models differ');
    // hashes keep the package's null prototype, so "constructor" or "toString" is not a word the model knows
    const features = mine['features'] as Record<string, { hash?: object }>;
    for (const [name, f] of Object.entries(features)) if (f.hash) assert.equal(Object.getPrototypeOf(f.hash), null, name);
  });

  it("reads the build's packed copy, whose lexemes answer every word as the package's hash does", function () {
    const copy = join(import.meta.dirname, '..', '..', '..', 'dist', `wink-eng-lite-web-model-${FAST_MODEL_VERSION}-core.bin`);
    if (installed !== FAST_MODEL_VERSION || !existsSync(copy)) this.skip();
    type Lexeme = { list: string[]; hash: Record<string, number>; intrinsicSize: number; index: number };
    const lexemeOf = (model: unknown) => (model as { core: () => { features: Record<string, Lexeme> } }).core().features['lexeme']!;
    const mine = lexemeOf(fastModel());
    const theirs = lexemeOf(require('wink-eng-lite-web-model'));
    assert.ok(types.isProxy(mine.hash) && types.isProxy(mine.list), 'the packed copy was not used');
    assert.equal(mine.list.length, theirs.list.length);
    assert.equal(mine.intrinsicSize, theirs.intrinsicSize);
    assert.equal(mine.index, theirs.index);
    // read in an order unlike the list's, before anything builds the whole hash
    for (let k = theirs.list.length - 1; k >= 0; k -= 1) {
      const word = theirs.list[k]!;
      assert.equal(mine.hash[word], theirs.hash[word], word);
      assert.equal(mine.list[k], word);
    }
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'length', '', 'zzqxv', 'You', 'YOU', 'you ', '0', '1e3']) {
      assert.equal(mine.hash[word], theirs.hash[word], JSON.stringify(word));
      assert.equal(word in mine.hash, word in theirs.hash, JSON.stringify(word));
    }
    for (const key of ['-1', '01', '1e3', String(theirs.list.length), 'length', 'push']) assert.equal(key in mine.list, key in theirs.list, key);
  });

  it('packed lexemes take the writes wink makes, as an array and a null-prototype object do', () => {
    const words = ['you', 'You', 'constructor', 'café', '😀', '', 'a\nb', 'you'];
    const packed = packLexemes(words)!;
    assert.ok(packedLexemesValid(packed));
    assert.ok(!packedLexemesValid({ ...packed, ends: packed.ends.subarray(1) }));
    assert.equal(packLexemes(['\ud800']), undefined, 'a lone surrogate does not survive UTF-8');
    const { list, hash } = lexemeFeature(packed);
    const plainList = [...words];
    const plainHash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < words.length; k += 1) plainHash[words[k]!] = k;
    // wink's getFeaturesIndex: a new word is pushed and hashed; then a word written over and one deleted
    for (const [l, h] of [
      [list, hash],
      [plainList, plainHash],
    ] as const) {
      h['new'] = l.length;
      l.push('new');
      h['café'] = 99;
      delete h['You'];
      delete h['constructor'];
      h['constructor'] = 98;
      delete h['absent'];
    }
    for (const word of [...words, 'new', 'absent', '__proto__']) {
      assert.equal(hash[word], plainHash[word], word);
      assert.equal(word in hash, word in plainHash, word);
    }
    assert.equal(hash['you'], 7, 'a repeated word is the last of its index, as an object built in list order keeps it');
    assert.equal(list.length, plainList.length);
    assert.deepEqual([...list], plainList);
    assert.deepEqual(Object.keys(hash), Object.keys(plainHash));
    assert.deepEqual(Object.entries(hash), Object.entries(plainHash));
    assert.ok(isDeepStrictEqual(list, plainList));
  });

  it('gives the tokens, parts of speech, lemmas and sentences of the package on every corpus, holdout and fixture text', function () {
    if (installed !== FAST_MODEL_VERSION) this.skip();
    this.timeout(120_000);
    type Nlp = { readDoc(t: string): { tokens(): { out(as?: unknown): unknown[] }; sentences(): { out(as?: unknown): unknown[] } }; its: Record<string, unknown> };
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Nlp;
    // fresh instances of both (the language layer's own may have read other texts: new words get indexes in reading order)
    const mine = winkNLP(fastModel(), [...WINK_PIPE]);
    const theirs = winkNLP(require('wink-eng-lite-web-model'), [...WINK_PIPE]);
    const root = join(import.meta.dirname, '..', '..', '..');
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(md|markdown|txt)$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of readdirSync(join(root, 'test')).filter((d) => d === 'corpus' || d.startsWith('holdout'))) walk(join(root, 'test', dir));
    walk(join(root, 'test', 'fixtures'));
    walk(join(root, 'examples'));
    assert.ok(texts.length > 250, `${texts.length} texts`);
    let tokens = 0;
    for (const text of texts) {
      // as the language layer reads it (doc.ts: lines joined) and as written, in capitals
      for (const t of [text.replace(/[\r\n\t]/g, ' '), text.toUpperCase()]) {
        const a = mine.readDoc(t);
        const b = theirs.readDoc(t);
        for (const its of ['value', 'pos', 'lemma', 'type', 'normal', 'stopWordFlag', 'shape']) {
          assert.deepEqual(a.tokens().out(mine.its[its]), b.tokens().out(theirs.its[its]), its);
        }
        assert.deepEqual(a.sentences().out(mine.its['span']), b.sentences().out(theirs.its['span']));
        tokens += a.tokens().out().length;
      }
    }
    assert.ok(tokens > 100_000, `${tokens} tokens`);
  });
});
