import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../../server/src/engine/index.js';
import { SETTINGS } from '../../server/src/engine/config/definition.js';
import { settingsToConfig } from '../../server/src/engine/config/settings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('schemas, package.json settings and docs tables are generated from engine/config/definition.ts', () => {
  it('the committed schemas, package.json and settings tables are what scripts/gen-settings.mjs writes (nobody hand-edits them)', () => {
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

  it("the config schema's rule entries are the registry's rules, each with the rule's own description", () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'blueprintlint.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, { description: string }> } } };
    assert.deepEqual(
      Object.entries(schema.properties.rules.properties).map(([id, entry]) => [id, entry.description]),
      allRules().map((r) => [r.id, r.description]),
    );
  });

  it('a rule is its file: the registry holds exactly rules/*.ts, and the generated rule tables list each rule', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(
      allRules()
        .map((r) => r.id)
        .sort(),
      files.sort(),
    );
    for (const page of ['docs/configuration.md', 'docs/rules.md']) {
      const text = readFileSync(join(root, page), 'utf8');
      const table = text.slice(text.indexOf('<!-- rules table:'), text.indexOf('<!-- end of rules table -->'));
      const listed = [...table.matchAll(/^\| \[?`?([a-z-]+)/gm)].map((m) => m[1]).filter((id) => id !== 'rule');
      assert.deepEqual(
        listed,
        allRules().map((r) => r.id),
        page,
      );
    }
  });

  it('each docs page lists every setting once, in the order of the definition', () => {
    for (const page of ['README.md', 'docs/editor.md', 'docs/configuration.md']) {
      const listed = [...readFileSync(join(root, page), 'utf8').matchAll(/^\| `blueprintLint\.([\w.]+)` \|/gm)].map((m) => m[1]);
      assert.deepEqual(listed, Object.keys(SETTINGS), page);
    }
  });

  it('--check names each file that differs and exits 1; a page without the table markers is an error', () => {
    const copy = mkdtempSync(join(tmpdir(), 'blueprint-lint-gen-'));
    try {
      for (const file of [
        'package.json',
        'README.md',
        'docs/editor.md',
        'docs/configuration.md',
        'docs/rules.md',
        'schemas/blueprintlint.schema.json',
        'schemas/settings.schema.json',
        'scripts/gen-settings.mjs',
      ]) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        copyFileSync(join(root, file), join(copy, file));
      }
      symlinkSync(join(root, 'out'), join(copy, 'out'));
      const check = () => spawnSync(process.execPath, [join(copy, 'scripts', 'gen-settings.mjs'), '--check'], { encoding: 'utf8' });
      assert.deepEqual([check().status, check().stderr], [0, '']);
      const readme = join(copy, 'README.md');
      writeFileSync(readme, readFileSync(readme, 'utf8').replace('| `blueprintLint.debounceMs` | `200` |', '| `blueprintLint.debounceMs` | `300` |'));
      assert.deepEqual([check().status, check().stderr], [1, 'README.md differs from server/src/engine/config/definition.ts: run node scripts/gen-settings.mjs\n']);
      writeFileSync(readme, '# no table\n');
      const lost = check();
      assert.equal(lost.status, 1);
      assert.match(lost.stderr, /Error: README\.md: the table markers are missing/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
