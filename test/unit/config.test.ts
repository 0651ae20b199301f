import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigCache, defaultConfig, findConfigFile, isBlueprintPath, isIgnoredPath, resolveConfig, settingsToConfig, type ResolvedConfig } from '../../server/src/engine/config/index.js';
import { KNOWN_RULES, makeTempDir, removeDir, RULE_INFO, writeTree } from './config-helpers.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'config');
const presets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'rules', 'presets');

function formatted(errors: Array<{ format(): string }>): string[] {
  return errors.map((e) => e.format());
}

describe('config: discovery', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('walks up from the document directory to the nearest config file', () => {
    writeTree(root, { '.blueprintlint.yaml': 'enable: true\n', 'a/b/c/doc.md': '# x\n' });
    assert.equal(findConfigFile(join(root, 'a', 'b', 'c')), join(root, '.blueprintlint.yaml'));
    writeTree(root, { 'a/.blueprintlint.json': '{}' });
    assert.equal(findConfigFile(join(root, 'a', 'b', 'c')), join(root, 'a', '.blueprintlint.json'));
  });

  it('prefers .jsonc, then .json, .yaml, .yml in one directory', () => {
    writeTree(root, { '.blueprintlint.yml': '{}', '.blueprintlint.yaml': '{}' });
    assert.equal(findConfigFile(root), join(root, '.blueprintlint.yaml'));
    writeTree(root, { '.blueprintlint.json': '{}' });
    assert.equal(findConfigFile(root), join(root, '.blueprintlint.json'));
    writeTree(root, { '.blueprintlint.jsonc': '{}' });
    assert.equal(findConfigFile(root), join(root, '.blueprintlint.jsonc'));
  });

  it('stops at stopDir (the workspace folder) and then uses it as base directory', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "enable": false }', 'ws/docs/a.md': '' });
    const ws = join(root, 'ws');
    assert.equal(findConfigFile(join(ws, 'docs'), ws), undefined);
    const { config, errors } = resolveConfig({ filePath: join(ws, 'docs', 'a.md'), stopDir: ws, knownRules: KNOWN_RULES });
    assert.deepEqual(errors, []);
    assert.deepEqual(config, { ...defaultConfig(), baseDir: ws });
    // Without the stop, the file above the workspace applies.
    assert.equal(resolveConfig({ filePath: join(ws, 'docs', 'a.md'), knownRules: KNOWN_RULES }).config.enable, false);
  });

  it('uses only the nearest file: a parent config is not merged in', () => {
    writeTree(root, {
      '.blueprintlint.jsonc': '{ "rules": { "empty-lane": "error" }, "files": ["top/**"] }',
      'sub/.blueprintlint.yaml': 'rules:\n  duplicate-step: "off"\n',
    });
    const { config } = resolveConfig({ filePath: join(root, 'sub', 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(config.rules, { 'duplicate-step': { severity: 'off', options: {} } });
    assert.deepEqual(config.files, defaultConfig().files);
    assert.equal(config.baseDir, join(root, 'sub'));
    assert.deepEqual(config.sources, [join(root, 'sub', '.blueprintlint.yaml')]);
  });

  it('an explicit configFile disables discovery; a missing one is an error and defaults apply', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "enable": false }', 'ci/lint.yaml': 'autoDetect: false\n' });
    const explicit = resolveConfig({ filePath: join(root, 'x.md'), configFile: join(root, 'ci', 'lint.yaml'), knownRules: KNOWN_RULES });
    assert.equal(explicit.config.enable, true);
    assert.equal(explicit.config.autoDetect, false);
    assert.equal(explicit.config.baseDir, join(root, 'ci'));
    const missing = resolveConfig({ filePath: join(root, 'x.md'), configFile: 'nope.jsonc', cwd: root, knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(missing.errors), [`${join(root, 'nope.jsonc')}:1:1: cannot read config file (file not found)`]);
    assert.equal(missing.errors[0]!.code, 'io');
    assert.equal(missing.config.enable, true);
  });
});

describe('config: formats', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  const expected = (dir: string, source: string): ResolvedConfig => ({
    rules: {
      'benefit-needs-support': { severity: 'error', options: {} },
      'unknown-lane': { severity: 'warning', options: { maxDistance: 2 } },
      'empty-lane': { severity: 'off', options: {} },
    },
    vocabulary: {
      benefit: { add: ['express lane'], remove: ['guarantee'] },
      support: {
        add: [
          { kind: 'tool', phrase: 'Opera PMS' },
          { kind: 'authority', phrase: 'may comp' },
        ],
        remove: ['tablet'],
      },
    },
    lanes: { support: ['Enablement'], frontstage: ['Counter staff'] },
    files: ['**/*.blueprint.md', '**/blueprints/**/*.md', '**/*.service.md'],
    ignores: ['drafts/**'],
    autoDetect: false,
    enable: true,
    reportUnusedDirectives: false,
    baseDir: dir,
    sources: [source],
    policy: {},
    raised: {},
    profiles: {},
  });

  for (const [name, fixture] of [
    ['.blueprintlint.jsonc', 'full.jsonc'],
    ['.blueprintlint.json', 'full.jsonc'],
    ['.blueprintlint.yaml', 'full.yaml'],
    ['.blueprintlint.yml', 'full.yaml'],
  ] as const) {
    it(`reads ${name}`, () => {
      copyFileSync(join(fixtures, fixture), join(root, name));
      const result = resolveConfig({ filePath: join(root, 'doc.md'), knownRules: KNOWN_RULES });
      assert.deepEqual(formatted(result.errors), []);
      assert.deepEqual(result.config, expected(root, join(root, name)));
    });
  }

  it('YAML 1.2: unquoted off is the word, not false; an empty file is an empty config', () => {
    writeTree(root, { '.blueprintlint.yaml': 'rules:\n  empty-lane: off\n', 'sub/.blueprintlint.yml': '# nothing yet\n' });
    assert.deepEqual(resolveConfig({ filePath: join(root, 'a.md'), knownRules: KNOWN_RULES }).config.rules, { 'empty-lane': { severity: 'off', options: {} } });
    const empty = resolveConfig({ filePath: join(root, 'sub', 'a.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(empty.errors, []);
    assert.deepEqual(empty.config.rules, {});
  });

  it('"add" as a plain list means kind resource', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "vocabulary": { "support": { "add": ["float staff"] } } }' });
    const { config } = resolveConfig({ filePath: join(root, 'a.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(config.vocabulary.support.add, [{ kind: 'resource', phrase: 'float staff' }]);
  });
});

describe('config: extends', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('recommended: every rule at its default severity', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "extends": "recommended" }' });
    const { config, errors } = resolveConfig({ filePath: join(root, 'a.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.fromEntries(Object.entries(config.rules).map(([id, s]) => [id, s.severity])), Object.fromEntries(RULE_INFO.map((r) => [r.id, r.defaultSeverity])));
    assert.deepEqual(config.sources, [join(presets, 'recommended.jsonc'), join(root, '.blueprintlint.jsonc')]);
  });

  it('strict: every rule at least warning, benefit-needs-support an error', () => {
    writeTree(root, { '.blueprintlint.yaml': 'extends: strict\nrules:\n  duplicate-step: info\n' });
    const { config, errors } = resolveConfig({ filePath: join(root, 'a.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.fromEntries(Object.entries(config.rules).map(([id, s]) => [id, s.severity])), {
      'benefit-needs-support': 'error',
      'decision-needs-authority': 'warning',
      'frontstage-needs-backstage': 'warning',
      'conflict-needs-backing': 'warning',
      'burden-needs-relief': 'warning',
      'customer-first-slogan': 'warning',
      'unknown-lane': 'warning',
      'empty-lane': 'warning',
      'duplicate-step': 'info', // the file itself wins over the preset
    });
  });

  it('strict with a shorter rule list skips the ids this build does not have', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "extends": "strict" }' });
    const { config, errors } = resolveConfig({ filePath: join(root, 'a.md'), knownRules: ['unknown-lane'] });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.rules, { 'unknown-lane': { severity: 'warning', options: {} } });
  });

  it('merges a chain: presets and files in order, then the file; arrays concatenated, rules replaced per rule', () => {
    writeTree(root, {
      'shared/base.yaml': [
        'extends: ./deeper.yml',
        'rules:',
        '  unknown-lane: { severity: error, options: { maxDistance: 1 } }',
        '  empty-lane: warning',
        'vocabulary:',
        '  benefit: { add: [same day], remove: [guarantee] }',
        'lanes: { support: [Enablement] }',
        'files: ["**/*.journey.md"]',
        'ignores: [archive]',
        '',
      ].join('\n'),
      'shared/deeper.yml': 'enable: false\nautoDetect: false\nrules:\n  duplicate-step: error\n',
      'proj/.blueprintlint.jsonc': `{
        "extends": ["strict", "../shared/base.yaml"],
        "enable": true,
        "rules": { "unknown-lane": "info", "empty-lane": { "severity": "off" } },
        "vocabulary": { "benefit": { "add": ["guarantee"] } },
        "lanes": { "support": ["Back office"] },
        "files": ["**/*.service.md"],
      }`,
    });
    const { config, errors } = resolveConfig({ filePath: join(root, 'proj', 'a.md'), knownRules: ['unknown-lane', 'empty-lane', 'duplicate-step', 'benefit-needs-support'] });
    assert.deepEqual(formatted(errors), []);
    assert.deepEqual(config.rules, {
      'benefit-needs-support': { severity: 'error', options: {} },
      // A bare severity keeps the options inherited from base.yaml.
      'unknown-lane': { severity: 'info', options: { maxDistance: 1 } },
      'empty-lane': { severity: 'off', options: {} },
      'duplicate-step': { severity: 'error', options: {} },
    });
    // The later layer adds back a phrase an earlier one removed.
    assert.deepEqual(config.vocabulary.benefit, { add: ['same day', 'guarantee'], remove: [] });
    assert.deepEqual(config.lanes, { support: ['Enablement', 'Back office'] });
    assert.deepEqual(config.files, ['**/*.blueprint.md', '**/blueprints/**/*.md', '**/*.journey.md', '**/*.service.md']);
    assert.deepEqual(config.ignores, ['archive']);
    assert.equal(config.enable, true);
    assert.equal(config.autoDetect, false);
    assert.deepEqual(config.sources, [join(presets, 'strict.jsonc'), join(root, 'shared', 'deeper.yml'), join(root, 'shared', 'base.yaml'), join(root, 'proj', '.blueprintlint.jsonc')]);
    assert.equal(config.baseDir, join(root, 'proj'));
  });

  it('reports a cycle with its chain, at the extends entry that closes it', () => {
    writeTree(root, {
      '.blueprintlint.jsonc': '{\n  "extends": ["recommended", "./a.yaml"]\n}\n',
      'a.yaml': 'rules:\n  empty-lane: error\nextends:\n  - ./.blueprintlint.jsonc\n',
    });
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [`${join(root, 'a.yaml')}:4:5: extends cycle: .blueprintlint.jsonc -> a.yaml -> .blueprintlint.jsonc`]);
    assert.equal(errors[0]!.code, 'extends-cycle');
    assert.deepEqual(config.rules, { 'empty-lane': { severity: 'error', options: {} } });
  });

  it('reports a file extending itself', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "extends": "./.blueprintlint.jsonc" }' });
    const { errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [`${join(root, '.blueprintlint.jsonc')}:1:14: extends cycle: .blueprintlint.jsonc -> .blueprintlint.jsonc`]);
  });

  it('reports a missing extends file and an unknown preset with a suggestion', () => {
    writeTree(root, { '.blueprintlint.yaml': 'extends:\n  - recomended\n  - ./missing.jsonc\n  - ./notes.txt\n' });
    const { errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    const file = join(root, '.blueprintlint.yaml');
    assert.deepEqual(formatted(errors), [
      `${file}:2:5: unknown preset "recomended"; did you mean "recommended"?`,
      `${file}:3:5: cannot find extended config "./missing.jsonc" (no file at ${join(root, 'missing.jsonc')})`,
      `${file}:4:5: cannot extend "./notes.txt": unsupported config file type; use .jsonc, .json, .yaml or .yml`,
    ]);
  });

  it('with trustedRoot, refuses extends that leave it (also through a symlink)', () => {
    writeTree(root, {
      'outside.jsonc': '{ "enable": false }',
      'ws/.blueprintlint.jsonc': '{ "extends": ["../outside.jsonc", "./link.jsonc", "./inside.jsonc"] }',
      'ws/inside.jsonc': '{ "autoDetect": false }',
    });
    symlinkSync(join(root, 'outside.jsonc'), join(root, 'ws', 'link.jsonc'));
    const ws = join(root, 'ws');
    const file = join(ws, '.blueprintlint.jsonc');
    const untrusted = resolveConfig({ filePath: join(ws, 'a.md'), trustedRoot: ws, knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(untrusted.errors), [
      `${file}:1:15: cannot extend "../outside.jsonc": this workspace is not trusted, so extends may not leave its folder ${ws}`,
      `${file}:1:35: cannot extend "./link.jsonc": this workspace is not trusted, so extends may not leave its folder ${ws}`,
    ]);
    assert.deepEqual(
      untrusted.errors.map((e) => e.code),
      ['extends-untrusted', 'extends-untrusted'],
    );
    assert.equal(untrusted.config.enable, true);
    assert.equal(untrusted.config.autoDetect, false);
    const trusted = resolveConfig({ filePath: join(ws, 'a.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(trusted.errors, []);
    assert.equal(trusted.config.enable, false);
  });
});

describe('config: errors with positions', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('unknown rule id: exact line:column of the key and a suggestion', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{\n  "rules": {\n    "benefit-needs-suport": "error",\n    "no-such-rule": "off"\n  }\n}\n' });
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    const file = join(root, '.blueprintlint.jsonc');
    assert.deepEqual(formatted(errors), [`${file}:3:5: unknown rule "benefit-needs-suport"; did you mean "benefit-needs-support"?`, `${file}:4:5: unknown rule "no-such-rule"`]);
    assert.deepEqual([errors[0]!.endLine, errors[0]!.endColumn, errors[0]!.length], [3, 27, 22]);
    assert.deepEqual(config.rules, {});
  });

  it('bad severities, in both rule forms', () => {
    writeTree(root, {
      '.blueprintlint.yaml':
        'rules:\n  empty-lane: Error\n  duplicate-step: 2\n  unknown-lane:\n    severity: fatal\n  benefit-needs-support:\n    options: {}\n  customer-first-slogan: { severty: info }\n',
    });
    const file = join(root, '.blueprintlint.yaml');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(
      formatted(errors),
      [
        `${file}:2:15: invalid severity "Error" for rule "empty-lane"; did you mean "error"?`,
        `${file}:3:19: invalid severity 2 for rule "duplicate-step"; expected "off", "info", "warning" or "error"`,
        `${file}:5:15: invalid severity "fatal" for rule "unknown-lane"; expected "off", "info", "warning" or "error"`,
        `${file}:7:5: rule "benefit-needs-support" is missing "severity"`,
        `${file}:8:28: unknown property "severty" in rule "customer-first-slogan"; did you mean "severity"?`,
        `${file}:8:26: rule "customer-first-slogan" is missing "severity"`,
      ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
    assert.deepEqual(config.rules, {});
    assert.ok(errors.every((e) => e.code === 'severity' || e.code === 'schema'));
  });

  it('schema errors in JSONC point at the value or the key; valid parts are kept', () => {
    writeTree(root, {
      '.blueprintlint.jsonc': [
        '{',
        '  "enable": "yes",',
        '  "rule": {},',
        '  "lanes": { "suport": ["Enablement"], "other": ["Mood"] },',
        '  "vocabulary": { "support": { "add": { "tools": ["x"], "tool": ["Opera PMS"] } } },',
        '  "files": ["**/*.service.md", "a/[b", "", 3, "!drafts/**", "/abs/*.md"],',
        '  "extends": 42,',
        '}',
      ].join('\n'),
    });
    const file = join(root, '.blueprintlint.jsonc');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [
      `${file}:2:13: "enable" must be a boolean`,
      `${file}:3:3: unknown property "rule"; did you mean "rules"?`,
      `${file}:4:14: unknown lane kind "suport"; did you mean "support"?`,
      `${file}:5:41: unknown support kind "tools"; did you mean "tool"?`,
      `${file}:6:32: invalid glob "a/[b": Missing closing: "]" - use "\\\\]" to match literal characters`,
      `${file}:6:40: "files[2]" must not be empty`,
      `${file}:6:44: "files[3]" must be a string`,
      `${file}:6:47: negated glob "!drafts/**" is not supported; list files to skip under "ignores"`,
      `${file}:6:61: glob "/abs/*.md" must be relative to the configuration's directory`,
      `${file}:7:14: "extends" must be a string or an array of strings`,
    ]);
    assert.deepEqual(config.lanes, { other: ['Mood'] });
    assert.deepEqual(config.vocabulary.support.add, [{ kind: 'tool', phrase: 'Opera PMS' }]);
    assert.deepEqual(config.files, [...defaultConfig().files, '**/*.service.md']);
    assert.equal(config.enable, true);
  });

  it('schema errors in YAML point at the value or the key', () => {
    writeTree(root, {
      '.blueprintlint.yaml': ['autoDetect: 1', 'lanes:', '  frontstage: Counter staff', '  backstage: [Kitchen]', 'ignore: [drafts]', 'vocabulary:', '  benefit:', '    add: [fast, 7]', ''].join('\n'),
    });
    const file = join(root, '.blueprintlint.yaml');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [
      `${file}:1:13: "autoDetect" must be a boolean`,
      `${file}:3:15: "lanes.frontstage" must be an array`,
      `${file}:5:1: unknown property "ignore"; did you mean "ignores"?`,
      `${file}:8:17: "vocabulary.benefit.add[1]" must be a string`,
    ]);
    assert.deepEqual(config.lanes, { backstage: ['Kitchen'] });
    assert.deepEqual(config.vocabulary.benefit.add, ['fast']);
  });

  it('rejects YAML custom tags with their position, and falls back to defaults', () => {
    writeTree(root, { '.blueprintlint.yaml': 'enable: false\nrules: !foo\n  empty-lane: error\nfiles: !!js/function "function () {}"\n' });
    const file = join(root, '.blueprintlint.yaml');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [
      `${file}:2:8: YAML tag !foo is not allowed: configuration files hold plain data only`,
      `${file}:4:8: YAML tag !!js/function is not allowed: configuration files hold plain data only`,
    ]);
    assert.deepEqual(config, { ...defaultConfig(), baseDir: root });
  });

  it('JSON syntax errors: all of them, with positions; the broken file falls back to defaults', () => {
    writeTree(root, { '.blueprintlint.json': '{\n  "enable": false\n  "rules": { "empty-lane": }\n}\n' });
    const file = join(root, '.blueprintlint.json');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [`${file}:3:3: JSON syntax error: comma expected`, `${file}:3:28: JSON syntax error: value expected`]);
    assert.ok(errors.every((e) => e.code === 'syntax'));
    assert.deepEqual(config, { ...defaultConfig(), baseDir: root });
  });

  it('duplicate keys are errors in JSON as in YAML; the file falls back to defaults', () => {
    writeTree(root, {
      '.blueprintlint.jsonc': '{\n  "rules": { "empty-lane": "off" },\n  "enable": false,\n  "rules": { "empty-lane": "error", "empty-lane": "info" }\n}\n',
      'y/.blueprintlint.yaml': 'enable: false\nenable: true\n',
    });
    const file = join(root, '.blueprintlint.jsonc');
    const json = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(json.errors), [`${file}:4:3: duplicate key "rules"`, `${file}:4:37: duplicate key "empty-lane"`]);
    assert.deepEqual(json.config, { ...defaultConfig(), baseDir: root });
    const yaml = resolveConfig({ filePath: join(root, 'y', 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(yaml.errors), [`${join(root, 'y', '.blueprintlint.yaml')}:2:1: YAML syntax error: duplicate key`]);
  });

  it('positions count lines after a byte order mark and CRLF line ends', () => {
    writeTree(root, { '.blueprintlint.json': '\uFEFF{\r\n  "rules": {\r\n    "empty-lan": "off"\r\n  }\r\n}\r\n' });
    const { errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [`${join(root, '.blueprintlint.json')}:3:5: unknown rule "empty-lan"; did you mean "empty-lane"?`]);
  });

  it('the configuration must be an object; errors in an extended file name that file', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "extends": "./base.yml" }', 'base.yml': '- a\n- b\n' });
    const { errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.deepEqual(formatted(errors), [`${join(root, 'base.yml')}:1:1: the configuration must be an object`]);
  });

  it('checks rule options against the rule options schema', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "rules": { "unknown-lane": { "severity": "error", "options": { "maxDistance": "2", "max": 1 } } } }' });
    const file = join(root, '.blueprintlint.jsonc');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    assert.deepEqual(formatted(errors), [`${file}:1:81: "rules.unknown-lane.options.maxDistance" must be an integer`, `${file}:1:86: unknown property "max" in "rules.unknown-lane.options"`]);
    assert.deepEqual(config.rules, {});
  });

  it('ConfigError.format is path:line:column: message', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{"enable": 1}' });
    const [error] = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES }).errors;
    assert.equal(error!.format(), `${join(root, '.blueprintlint.jsonc')}:1:12: "enable" must be a boolean`);
    assert.deepEqual([error!.file, error!.line, error!.column, error!.message], [join(root, '.blueprintlint.jsonc'), 1, 12, '"enable" must be a boolean']);
  });
});

describe('config: precedence, cache, globs', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('defaults <- extends <- file <- settings', () => {
    writeTree(root, {
      'base.jsonc': '{ "rules": { "empty-lane": "error", "duplicate-step": "error", "unknown-lane": "error" }, "files": ["base/**"] }',
      '.blueprintlint.jsonc': '{ "extends": "./base.jsonc", "rules": { "duplicate-step": "info", "unknown-lane": "info" }, "files": ["file/**"] }',
    });
    const settings = settingsToConfig({ 'blueprintLint.rules': { 'unknown-lane': 'off' }, 'blueprintLint.files': ['settings/**'], 'blueprintLint.enable': false }, 'settings.json');
    const { config, errors } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES, settings: settings.config });
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.fromEntries(Object.entries(config.rules).map(([id, s]) => [id, s.severity])), {
      'empty-lane': 'error', // from extends
      'duplicate-step': 'info', // file beats extends
      'unknown-lane': 'off', // settings beat the file
    });
    assert.deepEqual(config.files, [...defaultConfig().files, 'base/**', 'file/**', 'settings/**']);
    assert.equal(config.enable, false);
    assert.deepEqual(config.sources, [join(root, 'base.jsonc'), join(root, '.blueprintlint.jsonc'), 'settings.json']);
  });

  it('a ConfigCache reads each config file once for a directory of 1,000 documents, and notices edits', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "extends": "./base.yaml", "rules": { "empty-lane": "error" } }', 'base.yaml': 'enable: true\n' });
    const cache = new ConfigCache();
    const first = resolveConfig({ filePath: join(root, 'docs', 'd0.md'), knownRules: KNOWN_RULES, cache });
    for (let i = 1; i < 1000; i++) {
      const again = resolveConfig({ filePath: join(root, 'docs', `d${i}.md`), knownRules: KNOWN_RULES, cache });
      assert.equal(again.config, first.config);
    }
    assert.equal(cache.stats.reads, 2);
    assert.equal(cache.stats.resolutionHits, 999);
    writeFileSync(join(root, 'base.yaml'), 'enable: false\n');
    utimesSync(join(root, 'base.yaml'), new Date(), new Date(Date.now() + 5000));
    const edited = resolveConfig({ filePath: join(root, 'docs', 'd0.md'), knownRules: KNOWN_RULES, cache });
    assert.equal(edited.config.enable, false);
    assert.equal(cache.stats.reads, 3);
    // A nearer config file appearing later is found even with a warm cache.
    writeTree(root, { 'docs/.blueprintlint.yml': 'autoDetect: false\n' });
    const nearer = resolveConfig({ filePath: join(root, 'docs', 'd0.md'), knownRules: KNOWN_RULES, cache });
    assert.deepEqual(nearer.config.sources, [join(root, 'docs', '.blueprintlint.yml')]);
  });

  it('isBlueprintPath matches the globs relative to baseDir, dot files included', () => {
    const config: ResolvedConfig = { ...defaultConfig(), files: [...defaultConfig().files, '**/*.service.md'], baseDir: root };
    assert.equal(isBlueprintPath(join(root, 'a', 'checkin.blueprint.md'), config), true);
    assert.equal(isBlueprintPath(join(root, 'blueprints', 'hotel', 'checkin.md'), config), true);
    assert.equal(isBlueprintPath(join(root, '.github', 'x.service.md'), config), true);
    assert.equal(isBlueprintPath(join(root, 'README.md'), config), false);
    assert.equal(isBlueprintPath(join(root, 'blueprints.md'), config), false);
    mkdirSync(join(root, 'sub'));
    const relativeToCwd = resolveConfig({ filePath: 'x.md', cwd: join(root, 'sub'), knownRules: KNOWN_RULES }).config;
    assert.equal(relativeToCwd.baseDir, join(root, 'sub'));
  });

  it('isIgnoredPath matches the file or any directory above it', () => {
    writeTree(root, { '.blueprintlint.jsonc': '{ "ignores": ["drafts", "old/**", "**/*.tmp.md"] }' });
    const { config } = resolveConfig({ filePath: join(root, 'x.md'), knownRules: KNOWN_RULES });
    assert.equal(isIgnoredPath(join(root, 'drafts', 'a', 'b.md'), config), true);
    assert.equal(isIgnoredPath(join(root, 'old', 'b.md'), config), true);
    assert.equal(isIgnoredPath(join(root, 'x', 'y.tmp.md'), config), true);
    assert.equal(isIgnoredPath(join(root, 'x', 'drafts.md'), config), false);
    assert.equal(isIgnoredPath(join(root, 'src', 'drafts', 'b.md'), config), false);
    assert.equal(isIgnoredPath(join(root, 'b.md'), { ...config, ignores: [] }), false);
  });
});
