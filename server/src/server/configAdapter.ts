// The one place the server touches the engine's config module (discovery, resolution, settings conversion).
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { allRules, type ResolvedConfig } from '../engine/index.js';
import {
  CONFIG_FILE_NAMES,
  ConfigCache,
  describeRaised,
  findConfigFile as findNearest,
  isIgnoredPath,
  resolveConfig as resolveEngineConfig,
  settingsToConfig,
  type ConfigError,
  type EditorSettings,
  type PartialConfig,
  type SettingValues,
} from '../engine/config/index.js';

export type { ConfigError, PartialConfig, SettingValues };
export { CONFIG_FILE_NAMES, describeRaised, isIgnoredPath };

/** The raw `blueprintLint` section as the editor sent it → the config layer the CLI's `--settings` would build, and the editor's own settings. */
export function convertSettings(section: Record<string, unknown>): { config: PartialConfig; editor: EditorSettings; errors: ConfigError[] } {
  return settingsToConfig({ blueprintLint: section }, 'settings');
}

export interface ResolveRequest {
  filePath: string;
  settings?: PartialConfig;
  /** `blueprintLint.configFile`, relative to the workspace folder. */
  configFile?: string;
  /** The workspace folder: config discovery stops here. */
  stopDir?: string;
  /** Set in an untrusted workspace: `extends` may not leave this folder. */
  trustedRoot?: string;
}

const cache = new ConfigCache();

export function resolveConfig(request: ResolveRequest): { config: ResolvedConfig; errors: ConfigError[] } {
  const rules = allRules();
  const configFile = request.configFile && !isAbsolute(request.configFile) && request.stopDir ? resolve(request.stopDir, request.configFile) : request.configFile;
  return resolveEngineConfig({
    filePath: request.filePath,
    configFile,
    settings: request.settings,
    knownRules: rules.map((r) => r.id),
    ruleInfo: rules,
    stopDir: request.stopDir,
    trustedRoot: request.trustedRoot,
    cwd: request.stopDir,
    cache,
  });
}

export function isConfigFileName(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

/** Nearest config file walking up from the document's directory, not above stopDir. */
export function findConfigFile(filePath: string, stopDir?: string): string | undefined {
  return findNearest(dirname(resolve(filePath)), stopDir);
}
