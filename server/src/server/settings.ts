// Editor settings (`blueprintLint.*`), pulled per document and cached by URI.
import type { Connection } from 'vscode-languageserver/node.js';
import { convertSettings, type ConfigError, type PartialConfig, type SettingValues } from './configAdapter.js';

/** The settings of one document: the shared settings type's values the server reads, and the linter's layer. */
export interface EditorSettings extends Pick<SettingValues, 'enable' | 'run' | 'debounceMs' | 'maxFileSize' | 'addToConfigTarget'> {
  /** `blueprintLint.configFile`: an explicit config file instead of discovery. */
  configFile?: string;
  /** The settings as a config layer (rules, vocabulary, lanes, files...), merged over the config file like the CLI's --settings. */
  layer: PartialConfig;
  /** Settings with wrong values (they fall back to defaults). */
  errors: ConfigError[];
  /** The raw `blueprintLint` object as the client sent it. */
  raw: Record<string, unknown>;
}

/** Turns whatever the client sent into typed settings; bad values fall back to defaults. */
export function toEditorSettings(value: unknown): EditorSettings {
  const raw = isObject(value) ? value : {};
  const converted = convertSettings(raw);
  const { run, debounceMs, maxFileSize, addToConfigTarget, configFile } = converted.editor;
  return {
    enable: raw.enable !== false,
    run,
    debounceMs,
    maxFileSize,
    addToConfigTarget,
    configFile,
    layer: converted.config,
    errors: converted.errors,
    raw,
  };
}

/** Settings embedded in initializationOptions or a didChangeConfiguration payload: `{blueprintLint: {...}}` or the object itself. */
export function pickSection(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if (isObject(value.blueprintLint)) return value.blueprintLint;
  if (isObject(value.settings) && isObject(value.settings.blueprintLint)) return value.settings.blueprintLint;
  // initializationOptions may carry the workspace trust flag beside the settings.
  const { workspaceTrusted: _trusted, ...rest } = value;
  return rest;
}

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<EditorSettings>>();
  /** Used when the client cannot answer workspace/configuration. */
  private pushed: EditorSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = this.report(toEditorSettings(pickSection(initializationOptions)));
  }

  /** Wrong setting values are logged (they have no file position); linting goes on with defaults for them. */
  private report(settings: EditorSettings): EditorSettings {
    for (const e of settings.errors) this.connection.console.warn(`Blueprint Lint settings: ${e.message}`);
    return settings;
  }

  get(uri: string): Promise<EditorSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let cached = this.byUri.get(uri);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'blueprintLint' })
        .then((value: unknown) => this.report(toEditorSettings(value ?? this.pushed.raw)))
        .catch(() => this.pushed);
      this.byUri.set(uri, cached);
    }
    return cached;
  }

  /** workspace/didChangeConfiguration: forget everything; a push-style payload becomes the new settings. */
  changed(payload: unknown): void {
    this.byUri.clear();
    if (!this.canPull && isObject(payload) && payload.blueprintLint !== undefined) this.pushed = this.report(toEditorSettings(payload.blueprintLint));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
