// VS Code settings (`blueprintLint.*`, flat or nested) → a PartialConfig for the linter plus editor-only options.
import { readFileSync } from 'node:fs';
import { errorAtStart, type ConfigError } from './errors.js';
import type { PartialConfig } from './layer.js';
import { parseConfigText, positionlessLocator, sourceLocator, type ConfigSource, type Locator, type ValuePath } from './source.js';
import { didYouMean } from './suggest.js';
import { FILE_ONLY_KEYS } from './schema.js';
import { extractLayer } from './validate.js';

export const SETTINGS_PREFIX = 'blueprintLint';

/** Settings the linter uses; everything else under `blueprintLint.` is for the editor. */
export const CONFIG_SETTING_KEYS = ['enable', 'autoDetect', 'reportUnusedDirectives', 'rules', 'vocabulary', 'lanes', 'files', 'ignores'] as const;
export const EDITOR_SETTING_KEYS = ['run', 'debounceMs', 'maxFileSize', 'trace.server', 'configFile', 'addToConfigTarget'] as const;

export interface EditorSettings {
  run: 'onType' | 'onSave';
  debounceMs: number;
  maxFileSize: number;
  trace: { server: 'off' | 'messages' | 'verbose' };
  /** An explicit config file, as `--config` (resolved by the caller against the workspace folder). */
  configFile?: string;
}

export function defaultEditorSettings(): EditorSettings {
  return { run: 'onType', debounceMs: 200, maxFileSize: 2_000_000, trace: { server: 'off' } };
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
    } else if (key === 'run') {
      if (value === 'onType' || value === 'onSave') editor.run = value;
      else errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.run" must be "onType" or "onSave"`));
    } else if (key === 'debounceMs') {
      if (Number.isInteger(value) && (value as number) >= 0) editor.debounceMs = value as number;
      else errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.debounceMs" must be a whole number of milliseconds, 0 or more`));
    } else if (key === 'maxFileSize') {
      if (Number.isInteger(value) && (value as number) > 0) editor.maxFileSize = value as number;
      else errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.maxFileSize" must be a whole number of bytes, more than 0`));
    } else if (key === 'trace.server') {
      if (value === 'off' || value === 'messages' || value === 'verbose') editor.trace.server = value;
      else errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.trace.server" must be "off", "messages" or "verbose"`));
    } else if (key === 'configFile') {
      if (typeof value === 'string') {
        if (value !== '') editor.configFile = value;
      } else errors.push(at(path, 'value', `"${SETTINGS_PREFIX}.configFile" must be a string`));
    } else if (key === 'addToConfigTarget' || key === 'disabledFiles') {
      // Read by the editor alone (where fixes write, files it leaves alone); the linter has nothing to take from them.
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
