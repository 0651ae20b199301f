// The language layer loads wink's English model with its own copy of the package's core loader (server/src/engine/
// language/wink.ts, for start-up time): the model it builds must be the package's, value for value.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { FAST_MODEL_VERSION, fastModel } from '../../server/src/engine/language/wink.js';

const require = createRequire(import.meta.url);

describe('language layer: the fast model loader', () => {
  const installed = (JSON.parse(readFileSync(require.resolve('wink-eng-lite-web-model/package.json'), 'utf8')) as { version: string }).version;

  it('is used only for the mirrored version of wink-eng-lite-web-model', () => {
    const fast = fastModel();
    if (installed === FAST_MODEL_VERSION) assert.ok(fast, 'the mirrored version is installed, so the fast loader must be used');
    else assert.equal(fast, undefined);
  });

  it('builds the same model as the package', function () {
    if (installed !== FAST_MODEL_VERSION) this.skip();
    const fast = fastModel() as Record<string, unknown>;
    const pkg = require('wink-eng-lite-web-model') as Record<string, unknown>;
    assert.deepEqual(Object.keys(fast), Object.keys(pkg));
    assert.equal(Object.getPrototypeOf(fast), Object.getPrototypeOf(pkg));
    for (const key of Object.keys(pkg)) {
      if (key === 'core' || key === 'addons') continue;
      assert.equal(fast[key], pkg[key], key);
    }
    const addons = fast['addons'] as Record<string, unknown>;
    const pkgAddons = pkg['addons'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(addons), Object.keys(pkgAddons));
    for (const key of Object.keys(pkgAddons)) assert.equal(addons[key], pkgAddons[key], key);
    const mine = (fast['core'] as () => Record<string, unknown>)();
    const theirs = (pkg['core'] as () => Record<string, unknown>)();
    assert.ok(isDeepStrictEqual(mine, theirs), 'core models differ');
    // hashes keep the package's null prototype, so "constructor" or "toString" is not a word the model knows
    const features = mine['features'] as Record<string, { hash?: object }>;
    for (const [name, f] of Object.entries(features)) if (f.hash) assert.equal(Object.getPrototypeOf(f.hash), null, name);
  });

  it("reads the build's ASCII copy of the core JSON as the same values", function () {
    const copy = join(import.meta.dirname, '..', '..', '..', 'dist', `wink-eng-lite-web-model-${FAST_MODEL_VERSION}-core.json`);
    if (installed !== FAST_MODEL_VERSION || !existsSync(copy)) this.skip();
    const text = readFileSync(copy, 'latin1');
    // eslint-disable-next-line no-control-regex -- the range of ASCII starts at NUL on purpose
    assert.ok(/^[\x00-\x7f]*$/.test(text), 'the copy must be ASCII');
    const original = join(dirname(require.resolve('wink-eng-lite-web-model/package.json')), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
    const parsed = JSON.parse(text) as { bytes: number; model: unknown };
    assert.equal(parsed.bytes, statSync(original).size);
    assert.ok(isDeepStrictEqual(parsed.model, JSON.parse(readFileSync(original, 'utf8'))), 'the copy differs from the package file');
  });
});
