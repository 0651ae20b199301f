import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withVocabularyPhrase } from '../../server/src/engine/config/vocabularyEdit.js';
import { settingsToConfig } from '../../server/src/engine/config/settings.js';
import { schemaPath } from '../../server/src/engine/config/assets.js';
import { packageRoot, packageVersion } from '../../server/src/engine/resources.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('"Treat X as ..." edits in the shape the config loader reads', () => {
  it('a support term written to blueprintLint.vocabulary is accepted by the engine, under its kind', () => {
    const next = withVocabularyPhrase({ vocabulary: {} }, { list: 'support.add', phrase: 'Opera PMS', kind: 'tool' });
    assert.deepEqual(next, { vocabulary: { support: { add: { tool: ['Opera PMS'] } } } });
    const result = settingsToConfig({ 'blueprintLint.vocabulary': next!['vocabulary'] }, 'settings');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.config.vocabulary?.support?.add, [{ kind: 'tool', phrase: 'Opera PMS' }]);
  });

  it('keeps a plain support list plain (kind resource) and the rest of the value untouched', () => {
    const current = { vocabulary: { benefit: { add: ['express lane'] }, support: { add: ['float budget'] } } };
    const next = withVocabularyPhrase(current, { list: 'support.add', phrase: 'spare keys', kind: 'resource' });
    assert.deepEqual(next, { vocabulary: { benefit: { add: ['express lane'] }, support: { add: ['float budget', 'spare keys'] } } });
    assert.deepEqual(current.vocabulary.support.add, ['float budget']);
  });

  it('records "not a benefit" once: a phrase already listed (any case) is no change', () => {
    const once = withVocabularyPhrase(undefined, { list: 'benefit.remove', phrase: 'Fast-track' });
    assert.deepEqual(once, { vocabulary: { benefit: { remove: ['Fast-track'] } } });
    assert.equal(withVocabularyPhrase(once, { list: 'benefit.remove', phrase: 'fast-track' }), undefined);
  });
});

describe('the package root is found in one place (engine/resources.ts)', () => {
  it("the schema lives under it and its version is package.json's", () => {
    assert.equal(packageRoot(), root);
    assert.equal(schemaPath(), join(root, 'schemas', 'blueprintlint.schema.json'));
    assert.equal(packageVersion(), (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
