import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SETTING_KEYS, configSchema, EDITOR_SETTING_KEYS } from '../../server/src/engine/config/index.js';

const schemas = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schemas');
type Schema = Record<string, unknown>;

/** Every property schema reachable from `schema`, with its path. */
function properties(schema: Schema, path = ''): Array<[string, Schema]> {
  const out: Array<[string, Schema]> = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
    out.push([`${path}${key}`, child], ...properties(child, `${path}${key}.`));
    for (const branch of (child.anyOf as Schema[] | undefined) ?? []) out.push(...properties(branch, `${path}${key}.`));
  }
  return out;
}

describe('config: schemas', () => {
  it('blueprintlint.schema.json is draft-07 and describes every property', () => {
    const schema = configSchema();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const undocumented = properties(schema)
      .filter(([, s]) => typeof s.description !== 'string' || s.description === '')
      .map(([p]) => p);
    assert.deepEqual(undocumented, []);
    assert.ok(properties(schema).length > 40);
  });

  it('settings.schema.json covers exactly the settings keys, with the linter keys copied from the config schema', () => {
    const settings = JSON.parse(readFileSync(join(schemas, 'settings.schema.json'), 'utf8')) as { properties: Record<string, Schema> };
    const keys = Object.keys(settings.properties).map((k) => k.replace(/^blueprintLint\./, ''));
    assert.deepEqual([...keys].sort(), [...CONFIG_SETTING_KEYS, ...EDITOR_SETTING_KEYS].sort());
    const config = configSchema().properties as Record<string, Schema>;
    for (const key of CONFIG_SETTING_KEYS) {
      const { scope: _scope, default: _default, ...fromSettings } = settings.properties[`blueprintLint.${key}`]!;
      const { default: _d, ...fromConfig } = config[key]!;
      assert.deepEqual(fromSettings, fromConfig, key);
    }
  });
});
