import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settingsToConfig } from '../../server/src/engine/config/settings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('package.json contributes.configuration is generated from schemas/settings.schema.json', () => {
  it('the committed package.json is what scripts/gen-settings.mjs writes (nobody hand-edits it)', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'gen-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });

  it('the vocabulary shape VS Code offers for settings is the one the engine accepts (per-kind lists, not {kind, phrase} objects)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
    const support = pkg.contributes.configuration.properties['blueprintLint.vocabulary']!.properties!['support'] as { properties: { add: { anyOf: Array<{ type: string }> } } };
    assert.deepEqual(
      support.properties.add.anyOf.map((s) => s.type),
      ['array', 'object'],
    );
    const result = settingsToConfig({ 'blueprintLint.vocabulary': { support: { add: { tool: ['Opera PMS'] } } } }, 'settings');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.config.vocabulary?.support?.add, [{ kind: 'tool', phrase: 'Opera PMS' }]);
  });
});
