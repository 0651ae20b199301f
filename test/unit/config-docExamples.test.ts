// Every configuration example in README.md and docs/*.md, run through the CLI (--print-config) and the server's settings path.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { CONFIG_SETTING_KEYS, configSchema, EDITOR_SETTING_KEYS } from '../../server/src/engine/config/index.js';
import { resolveConfig } from '../../server/src/server/configAdapter.js';
import { toEditorSettings } from '../../server/src/server/settings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin', 'blueprint-lint.js');
const PRESETS = ['recommended', 'strict'];
const BLUEPRINT = '# Check-in\n\n## Arrival\n\n- **Customer:** The guest arrives.\n- **Frontstage:** The receptionist greets the guest.\n';

interface Example {
  where: string;
  /** The block's text, a fragment wrapped in braces. */
  text: string;
  value: Record<string, unknown>;
  kind: 'config' | 'settings' | 'other';
}

/** Every fenced json/jsonc block of the documentation pages, parsed (a bare `"key": value` fragment read as one object). */
function examples(): Example[] {
  const pages = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const configKeys = Object.keys(configSchema().properties as object);
  const out: Example[] = [];
  for (const page of pages) {
    const lines = readFileSync(join(root, page), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^```jsonc?\s*$/.test(lines[i]!)) continue;
      const end = lines.indexOf('```', i + 1);
      assert.ok(end > i, `${page}:${i + 1}: unclosed code block`);
      const block = lines.slice(i + 1, end).join('\n');
      const where = `${page}:${i + 1}`;
      const text = /^\s*"/.test(block) ? `{${block}}` : block;
      const errors: ParseError[] = [];
      const value: unknown = parseJsonc(text, errors, { allowTrailingComma: false });
      assert.deepEqual(errors, [], `${where}: the example is not valid JSON(C)`);
      const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value as object) : [];
      // A block is a configuration when any top-level key is one: an unknown key beside it then fails the test.
      const kind = keys.some((k) => k === 'blueprintLint' || k.startsWith('blueprintLint.')) ? 'settings' : keys.some((k) => configKeys.includes(k)) ? 'config' : 'other';
      out.push({ where, text, value: value as Record<string, unknown>, kind });
      i = end;
    }
  }
  return out;
}

/** A project folder holding the example (and an empty file for each `extends` path it names), plus one blueprint. */
function project(example: Example): { dir: string; blueprint: string; dispose: () => void } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'blueprint-lint-docs-')));
  const dir = join(base, 'project');
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  if (example.kind === 'settings') writeFileSync(join(dir, '.vscode', 'settings.json'), example.text);
  else {
    writeFileSync(join(dir, '.blueprintlint.jsonc'), example.text);
    const extendsList = ([] as unknown[]).concat(example.value.extends ?? []).filter((e): e is string => typeof e === 'string' && !PRESETS.includes(e));
    for (const path of extendsList) {
      mkdirSync(dirname(resolve(dir, path)), { recursive: true });
      writeFileSync(resolve(dir, path), '{}\n');
    }
  }
  const blueprint = join(dir, 'check-in.blueprint.md');
  writeFileSync(blueprint, BLUEPRINT);
  return { dir, blueprint, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

function printConfig(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, '--print-config', 'check-in.blueprint.md'], { cwd: dir }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** The section the server receives for `blueprintLint` from settings written flat or nested. */
function section(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...((settings.blueprintLint as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(settings)) if (key.startsWith('blueprintLint.')) out[key.slice('blueprintLint.'.length)] = value;
  return out;
}

describe('config: every configuration example in the docs', function () {
  this.timeout(120_000);
  const all = examples();
  const configs = all.filter((e) => e.kind !== 'other');
  const printed = new Map<string, Record<string, unknown>>();
  const server = new Map<string, ReturnType<typeof toEditorSettings>>();

  it('finds the configuration examples; the other JSON blocks are command output on the CLI and protocol pages', () => {
    assert.ok(configs.length >= 8, `only ${configs.length} configuration examples: ${configs.map((e) => e.where).join(', ')}`);
    assert.ok(configs.some((e) => e.kind === 'settings'));
    const outputPages = ['docs/cli.md', 'docs/editor-protocol.md'];
    assert.deepEqual(
      all.filter((e) => e.kind === 'other' && !outputPages.some((page) => e.where.startsWith(`${page}:`))).map((e) => e.where),
      [],
    );
  });

  it('each runs through the CLI: --print-config exits 0 with nothing on stderr', async () => {
    const results = await Promise.all(
      configs.map(async (example) => {
        const p = project(example);
        try {
          return { example, ...(await printConfig(p.dir)) };
        } finally {
          p.dispose();
        }
      }),
    );
    for (const { example, code, stdout, stderr } of results) {
      assert.deepEqual({ code, stderr }, { code: 0, stderr: '' }, `${example.where} through the CLI`);
      printed.set(example.where, JSON.parse(stdout) as Record<string, unknown>);
    }
  });

  it("each runs through the server's settings and config path without an error", () => {
    for (const example of configs) {
      const p = project(example);
      try {
        const settings = toEditorSettings(example.kind === 'settings' ? section(example.value) : {});
        assert.deepEqual(settings.errors, [], `${example.where}: settings`);
        const { errors } = resolveConfig({ filePath: p.blueprint, settings: settings.layer, stopDir: p.dir });
        assert.deepEqual(errors, [], `${example.where}: config`);
        server.set(example.where, settings);
      } finally {
        p.dispose();
      }
    }
  });

  it('gives the documented effective values', () => {
    const at = (page: string, marker: string) => configs.find((e) => e.where.startsWith(page) && e.text.includes(marker))!.where;
    const complete = printed.get(at('docs/configuration.md', '"$schema"')) as { rules: Record<string, unknown>; lanes: Record<string, string[]>; ignores: string[] };
    assert.deepEqual(complete.rules['unknown-lane'], { severity: 'warning', options: { ignore: ['Backstory'] } });
    assert.deepEqual(complete.rules['empty-lane'], { severity: 'off', options: {} });
    assert.deepEqual(complete.lanes.frontstage, ['Counter staff']);
    const lanes = printed.get(at('docs/lanes.md', 'Gear list')) as { lanes: Record<string, string[]> };
    assert.deepEqual(lanes.lanes, { frontstage: ['Studio crew'], support: ['Gear list'] });
    const where = at('docs/configuration.md', 'blueprintLint.run');
    const fromCli = printed.get(where) as { rules: Record<string, unknown> };
    assert.deepEqual(fromCli.rules['benefit-needs-support'], { severity: 'error', options: {} });
    const fromServer = server.get(where)!;
    assert.deepEqual([fromServer.run, fromServer.layer.rules?.['benefit-needs-support']], ['onSave', { severity: 'error' }]);
  });

  it('the settings keys of the examples are all known settings', () => {
    const known = [...CONFIG_SETTING_KEYS, ...EDITOR_SETTING_KEYS] as readonly string[];
    const unknown = configs.filter((e) => e.kind === 'settings').flatMap((e) => Object.keys(section(e.value)).filter((k) => !known.includes(k)));
    assert.deepEqual(unknown, []);
  });
});
