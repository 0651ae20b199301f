import assert from 'node:assert/strict';
import { join } from 'node:path';
import { defaultConfig, defaultEditorSettings, loadSettingsFile, resolveConfig, settingsToConfig } from '../../server/src/engine/config/index.js';
import { KNOWN_RULES, makeTempDir, removeDir, writeTree } from './config-helpers.js';

describe('config: VS Code settings', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('reads flat blueprintLint.* keys and separates editor-only keys', () => {
    const { config, editor, errors } = settingsToConfig(
      {
        'editor.tabSize': 2,
        'blueprintLint.enable': true,
        'blueprintLint.autoDetect': false,
        'blueprintLint.rules': { 'benefit-needs-support': 'error', 'unknown-lane': { severity: 'info', options: { maxDistance: 3 } } },
        'blueprintLint.vocabulary': { support: { add: ['float staff'] } },
        'blueprintLint.lanes': { backstage: ['Kitchen'] },
        'blueprintLint.files': ['**/*.svc.md'],
        'blueprintLint.run': 'onSave',
        'blueprintLint.debounceMs': 50,
        'blueprintLint.maxFileSize': 1000,
        'blueprintLint.trace.server': 'verbose',
        'blueprintLint.configFile': 'ci/lint.yaml',
      },
      'user settings',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(editor, { run: 'onSave', debounceMs: 50, maxFileSize: 1000, addToConfigTarget: 'configFile', trace: { server: 'verbose' }, configFile: 'ci/lint.yaml' });
    const resolved = resolveConfig({ filePath: join(root, 'a.md'), stopDir: root, knownRules: KNOWN_RULES, settings: config });
    assert.deepEqual(resolved.errors, []);
    assert.deepEqual(resolved.config, {
      ...defaultConfig(),
      rules: { 'benefit-needs-support': { severity: 'error', options: {} }, 'unknown-lane': { severity: 'info', options: { maxDistance: 3 } } },
      vocabulary: { benefit: { add: [], remove: [] }, support: { add: [{ kind: 'resource', phrase: 'float staff' }], remove: [] } },
      lanes: { backstage: ['Kitchen'] },
      files: [...defaultConfig().files, '**/*.svc.md'],
      autoDetect: false,
      baseDir: root,
      sources: ['user settings'],
    });
  });

  it('reads a nested blueprintLint object; flat keys win over nested ones', () => {
    const { config, editor, errors } = settingsToConfig(
      {
        blueprintLint: { enable: false, run: 'onSave', trace: { server: 'messages' }, rules: { 'empty-lane': 'error' }, ignores: ['drafts'] },
        'blueprintLint.rules': { 'empty-lane': 'warning' },
      },
      'settings',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(editor, { ...defaultEditorSettings(), run: 'onSave', trace: { server: 'messages' } });
    assert.equal(config.enable, false);
    assert.deepEqual(config.rules, { 'empty-lane': { severity: 'warning' } });
    assert.deepEqual(config.ignores, ['drafts']);
  });

  it('editor defaults: onType, 200 ms, 2,000,000 bytes, no trace, fixes write to the config file', () => {
    const { editor, errors, config } = settingsToConfig({}, 'settings');
    assert.deepEqual(errors, []);
    assert.deepEqual(editor, { run: 'onType', debounceMs: 200, maxFileSize: 2_000_000, addToConfigTarget: 'configFile', trace: { server: 'off' } });
    assert.equal(config.rules, undefined);
  });

  it('null values (how VS Code sends an unset setting) count as not set', () => {
    const { config, editor, errors } = settingsToConfig({ blueprintLint: { configFile: null, rules: null, debounceMs: null } }, 'settings');
    assert.deepEqual(errors, []);
    assert.deepEqual(editor, defaultEditorSettings());
    assert.equal(config.rules, undefined);
  });

  it('bad values in a settings object are errors at 1:1 (there is no text to point into)', () => {
    const { errors, editor } = settingsToConfig({ 'blueprintLint.run': 'always', 'blueprintLint.files': '*.md', 'blueprintLint.rule': {}, 'blueprintLint.extends': 'strict' }, 'settings');
    assert.deepEqual(
      errors.map((e) => e.format()),
      [
        'settings:1:1: "blueprintLint.run" must be "onType" or "onSave"',
        'settings:1:1: unknown setting "blueprintLint.rule"; did you mean "blueprintLint.rules"?',
        'settings:1:1: "blueprintLint.extends" belongs in a configuration file, not in settings',
        'settings:1:1: "blueprintLint.files" must be an array',
      ],
    );
    assert.equal(editor.run, 'onType');
  });

  it('every editor setting is checked against its definition: the ones only the server or the client reads too', () => {
    const { errors, editor } = settingsToConfig(
      { 'blueprintLint.addToConfigTarget': 'clipboard', 'blueprintLint.disabledFiles': 'notes.md', 'blueprintLint.maxFileSize': 0, 'blueprintLint.trace.server': 'all', 'blueprintLint.configFile': 3 },
      'settings',
    );
    assert.deepEqual(
      errors.map((e) => e.format()),
      [
        'settings:1:1: "blueprintLint.addToConfigTarget" must be "configFile" or "settings"',
        'settings:1:1: "blueprintLint.disabledFiles" must be an array of strings',
        'settings:1:1: "blueprintLint.maxFileSize" must be a whole number of bytes, more than 0',
        'settings:1:1: "blueprintLint.trace.server" must be "off", "messages" or "verbose"',
        'settings:1:1: "blueprintLint.configFile" must be a string',
      ],
    );
    assert.deepEqual(editor, defaultEditorSettings());
    assert.deepEqual(settingsToConfig({ 'blueprintLint.addToConfigTarget': 'settings', 'blueprintLint.disabledFiles': ['notes.md'] }, 'settings').editor, {
      ...defaultEditorSettings(),
      addToConfigTarget: 'settings',
    });
  });

  it('loadSettingsFile: JSONC with comments; errors point into the file, also unknown rules found later', () => {
    writeTree(root, {
      '.vscode/settings.json': [
        '{',
        '  // team settings',
        '  "editor.tabSize": 2,',
        '  "blueprintLint.rules": { "benefit-needs-support": "error", "empty-lan": "off" },',
        '  "blueprintLint.run": "onSave",',
        '  "blueprintLint.debounceMs": -5,',
        '  "blueprintLint.enabel": true,',
        '  "blueprintLint": { "lanes": { "backstge": ["Kitchen"] }, "files": [1] },',
        '}',
        '',
      ].join('\n'),
    });
    const file = join(root, '.vscode', 'settings.json');
    const { config, editor, errors } = loadSettingsFile(file);
    assert.deepEqual(
      errors.map((e) => e.format()),
      [
        `${file}:6:31: "blueprintLint.debounceMs" must be a whole number of milliseconds, 0 or more`,
        `${file}:7:3: unknown setting "blueprintLint.enabel"; did you mean "blueprintLint.enable"?`,
        `${file}:8:33: unknown lane kind "backstge"; did you mean "backstage"?`,
        `${file}:8:70: "blueprintLint.files[0]" must be a string`,
      ],
    );
    assert.equal(editor.run, 'onSave');
    assert.equal(editor.debounceMs, 200);
    const resolved = resolveConfig({ filePath: join(root, 'a.md'), stopDir: root, knownRules: KNOWN_RULES, settings: config });
    assert.deepEqual(
      resolved.errors.map((e) => e.format()),
      [`${file}:4:62: unknown rule "empty-lan"; did you mean "empty-lane"?`],
    );
    assert.deepEqual(resolved.config.rules, { 'benefit-needs-support': { severity: 'error', options: {} } });
  });

  it('loadSettingsFile: a missing file and a syntax error are reported, never thrown', () => {
    const missing = join(root, 'nope.json');
    assert.deepEqual(
      loadSettingsFile(missing).errors.map((e) => e.format()),
      [`${missing}:1:1: cannot read settings file (file not found)`],
    );
    writeTree(root, { 'settings.json': '{ "blueprintLint.enable": false,, }' });
    const broken = loadSettingsFile(join(root, 'settings.json'));
    assert.deepEqual(
      broken.errors.map((e) => e.format()),
      [`${join(root, 'settings.json')}:1:33: JSON syntax error: property name expected`],
    );
    assert.equal(broken.config.enable, undefined);
  });
});
