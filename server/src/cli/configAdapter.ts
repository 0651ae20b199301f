// The one place the CLI touches the config module, so a change in its API is a one-file change here.
import { allRules, type ResolvedConfig } from '../engine/index.js';
import {
  ConfigCache,
  describeRaised,
  FLAGS_SOURCE,
  isIgnoredPath as configIgnores,
  defaultEditorSettings,
  loadSettingsFile as loadSettings,
  resolveConfig as resolve,
  type ConfigError,
  type PartialConfig,
} from '../engine/config/index.js';

export { ConfigCache, describeRaised, FLAGS_SOURCE, type ConfigError, type PartialConfig };

export interface CliResolveOptions {
  filePath: string;
  configFile?: string;
  settings?: PartialConfig;
  flags?: PartialConfig;
  knownRules: string[];
  cwd: string;
  cache?: ConfigCache;
}

export function resolveConfig(opts: CliResolveOptions): { config: ResolvedConfig; errors: ConfigError[] } {
  // Rule metadata lets presets use default severities and lets options be checked against each rule's schema.
  return resolve({ ...opts, ruleInfo: allRules() });
}

/**
 * The blueprintLint.* keys of a VS Code settings file; editor-only keys (run, debounceMs, ...) do not apply to the CLI,
 * except `configFile`, which names the config the editor lints with, and `maxFileSize` (its default when not set).
 */
export function loadSettingsFile(path: string): { settings: PartialConfig; configFile?: string; maxFileSize: number; errors: ConfigError[] } {
  const result = loadSettings(path);
  return { settings: result.config, configFile: result.editor.configFile, maxFileSize: result.editor.maxFileSize, errors: result.errors };
}

/** The editor's default `blueprintLint.maxFileSize`, the CLI's too. */
export const DEFAULT_MAX_FILE_SIZE = defaultEditorSettings().maxFileSize;

export function isIgnoredPath(filePath: string, config: ResolvedConfig): boolean {
  return configIgnores(filePath, config);
}
