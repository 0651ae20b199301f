// VS Code settings (`blueprintLint.*`, flat or nested) → a PartialConfig for the linter plus editor-only options.
import { readFileSync } from 'node:fs';
import { errorAtStart, type ConfigError } from './errors.js';
import type { PartialConfig } from './layer.js';
import { parseConfigText, positionlessLocator, sourceLocator, type ConfigSource, type Locator, type ValuePath } from './source.js';
import { didYouMean } from './suggest.js';
import { CONFIG_SETTING_KEYS, EDITOR_SETTING_KEYS, SETTINGS, settingValueProblem, type EditorSettingKey, type SettingValues } from './definition.js';
import { FILE_ONLY_KEYS } from './schema.js';
import { extractLayer } from './validate.js';

export const SETTINGS_PREFIX = 'blueprintLint';
export { CONFIG_SETTING_KEYS, EDITOR_SETTING_KEYS };

/** The editor's own settings, typed from the one definition; `trace.server` nested as VS Code hands it over. */
export type EditorSettings = Pick<SettingValues, 'run' | 'debounceMs' | 'maxFileSize' | 'addToConfigTarget'> & {
  trace: { server: SettingValues['trace.server'] };
  /** An explicit config file, as `--config` (resolved by the caller against the workspace folder). */
  configFile?: string;
};

export function defaultEditorSettings(): EditorSettings {
  const { run, debounceMs, maxFileSize, addToConfigTarget } = SETTINGS;
  return { run: run.default, debounceMs: debounceMs.default, maxFileSize: maxFileSize.default, addToConfigTarget: addToConfigTarget.default, trace: { server: SETTINGS['trace.server'].default } };
}

export interface SettingsResult {
  /** Pass as `settings` to `resolveConfig`. */
  config: PartialConfig;
  editor: EditorSettings;
  errors: ConfigError[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** From a settings object (e.g. what the editor sent); errors have no positions. */
export function settingsToConfig(settings: Record<string, unknown>, source: string): SettingsResult {
  return fromSettings(settings, source, undefined);
}

/** Reads a `.vscode/settings.json` (JSONC); errors point into the file. */
export function loadSettingsFile(path: string): SettingsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return { config: { source: path }, editor: defaultEditorSettings(), errors: [errorAtStart(path, `cannot read settings file (${reason})`, 'io')] };
  }
  const source = parseConfigText(path, text, 'jsonc');
  if (source.syntaxErrors.length > 0) return { config: { source: path }, editor: defaultEditorSettings(), errors: source.syntaxErrors };
  if (!isObject(source.value)) {
    return { config: { source: path }, editor: defaultEditorSettings(), errors: [sourceLocator(source).errorAt([], 'value', 'a settings file must hold an object', 'setting')] };
  }
  return fromSettings(source.value, path, source);
}

function fromSettings(settings: Obj, sourceName: string, source: ConfigSource | undefined): SettingsResult {
  // Where each `blueprintLint` key was written: ['blueprintLint.rules'] (flat) or ['blueprintLint', 'rules'] (nested).
  const written = new Map<string, { value: unknown; path: ValuePath }>();
  const nested = settings[SETTINGS_PREFIX];
  if (isObject(nested)) {
    for (const [key, value] of Object.entries(nested)) {
      if (key === 'trace' && isObject(value)) {
        for (const [sub, v] of Object.entries(value)) written.set(`trace.${sub}`, { value: v, path: [SETTINGS_PREFIX, 'trace', sub] });
      } else written.set(key, { value, path: [SETTINGS_PREFIX, key] });
    }
  }
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith(`${SETTINGS_PREFIX}.`)) written.set(key.slice(SETTINGS_PREFIX.length + 1), { value, path: [key] }); // flat keys win
  }
  const plain: Locator = source ? sourceLocator(source) : positionlessLocator(sourceName);
  const at = (path: ValuePath, part: 'key' | 'value', message: string): ConfigError => plain.errorAt(path, part, message, 'setting');
  const errors: ConfigError[] = [];
  const editor = defaultEditorSettings();
  const configValue: Obj = {};
  const known = [...CONFIG_SETTING_KEYS, ...EDITOR_SETTING_KEYS] as readonly string[];
  for (const [key, { value, path }] of written) {
    if (value === null || value === undefined) continue; // VS Code sends null for a setting that is not set
    if ((CONFIG_SETTING_KEYS as readonly string[]).includes(key)) {
      configValue[key] = value;
    } else if ((EDITOR_SETTING_KEYS as readonly string[]).includes(key)) {
      const editorKey = key as EditorSettingKey;
      const problem = settingValueProblem(editorKey, value);
      if (problem) errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.${key}" ${problem}`));
      else setEditorValue(editor, editorKey, value);
    } else if ((FILE_ONLY_KEYS as readonly string[]).includes(key)) {
      errors.push(at(path, 'key', `"${SETTINGS_PREFIX}.${key}" belongs in a configuration file, not in settings`));
    } else {
      errors.push(at(path, 'key', `unknown setting "${SETTINGS_PREFIX}.${key}"${didYouMean(key, known).replace(/"([^"]+)"\?$/, `"${SETTINGS_PREFIX}.$1"?`)}`));
    }
  }
  // Config keys are validated like a config file, with paths mapped back to where the setting is written.
  const mapPath = (p: ValuePath): ValuePath => {
    const [head, ...rest] = p;
    const w = head === undefined ? undefined : written.get(String(head));
    return w ? [...w.path, ...rest] : [];
  };
  const locator = source ? sourceLocator(source, mapPath, SETTINGS_PREFIX) : positionlessLocator(sourceName, SETTINGS_PREFIX);
  const extracted = extractLayer(configValue, locator, sourceName, 'settings');
  errors.push(...extracted.errors);
  errors.sort((a, b) => a.offset - b.offset);
  return { config: extracted.layer, editor, errors };
}

/** Stores a checked value; `disabledFiles` is the client's alone (the files it does not open for linting). */
function setEditorValue(editor: EditorSettings, key: EditorSettingKey, value: unknown): void {
  switch (key) {
    case 'trace.server':
      editor.trace.server = value as EditorSettings['trace']['server'];
      return;
    case 'configFile':
      if (value !== '') editor.configFile = value as string;
      return;
    case 'disabledFiles':
      return;
    default:
      (editor as Record<typeof key, unknown>)[key] = value;
  }
}
