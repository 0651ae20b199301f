// The one entry point CLI and server call: document path (+ settings) → ResolvedConfig and positioned errors.
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigCache } from './cache.js';
import { findConfigFile } from './discovery.js';
import type { ConfigError } from './errors.js';
import type { PartialConfig, RuleInfo } from './layer.js';
import { loadConfigFile, type LoadContext } from './load.js';
import { composeConfig, identity, type LoadedLayers } from './compose.js';
import type { ResolvedConfig } from './types.js';
import { checkRules } from './validate.js';

export interface ResolveOptions {
  /** The document being linted (absolute, or relative to the working directory). */
  filePath: string;
  /** An explicit config file (`--config`): disables discovery. */
  configFile?: string;
  /** From `settingsToConfig` / `loadSettingsFile`; wins over the config file, its overrides and profiles. */
  settings?: PartialConfig;
  /** Command-line choices (`--rule`); win over settings. Policy minimums still apply over them. */
  flags?: PartialConfig;
  /** Ids of the rules that exist; any other id in a config is an error. */
  knownRules: readonly string[];
  /** Default severities (for presets) and option schemas (to check options); `allRules()` fits. */
  ruleInfo?: readonly RuleInfo[];
  /** Discovery stops here (inclusive), e.g. the workspace folder. Defaults to `trustedRoot`. */
  stopDir?: string;
  /** When set (untrusted workspace), `extends` may not leave this directory. */
  trustedRoot?: string;
  /** Base directory for globs when no config file is found; defaults to `stopDir`, then the working directory. */
  cwd?: string;
  cache?: ConfigCache;
}

export interface ResolveResult {
  config: ResolvedConfig;
  /** In the order files were read (extended files first). Empty when the configuration is valid. */
  errors: ConfigError[];
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * The configuration of `filePath`; the order of layers is `composeConfig`'s. Profiles are composed for every name
 * and picked per document by `configForDocument`. Never throws for user input: invalid parts are left out and reported in `errors`.
 */
export function resolveConfig(opts: ResolveOptions): ResolveResult {
  const loaded = loadLayers(opts);
  return {
    config: composeConfig(loaded, { filePath: resolve(opts.cwd ?? process.cwd(), opts.filePath), settings: loaded.settings, flags: opts.flags, ruleInfo: opts.ruleInfo }),
    errors: loaded.errors,
  };
}

/** The config file's layers and the checked settings layer; cached by the files they come from, shared by every document they apply to. */
function loadLayers(opts: ResolveOptions): LoadedLayers & { settings?: PartialConfig } {
  const cwd = opts.cwd ?? process.cwd();
  const stopDir = opts.stopDir ?? opts.trustedRoot;
  const configPath = opts.configFile !== undefined ? resolve(cwd, opts.configFile) : findConfigFile(dirname(resolve(cwd, opts.filePath)), stopDir);
  const cache = opts.cache ?? new ConfigCache();
  const key = JSON.stringify([configPath ?? null, stopDir ?? cwd, opts.trustedRoot ?? null, opts.knownRules, identity(opts.ruleInfo), identity(opts.settings)]);
  const cached = cache.resolution(key);
  if (cached) return cached;

  const ctx: LoadContext = {
    knownRules: opts.knownRules,
    ruleInfo: opts.ruleInfo,
    trustedRoot: opts.trustedRoot === undefined ? undefined : realDir(opts.trustedRoot),
    cache,
    errors: [],
    stamps: [],
    displayBase: configPath ? realDir(dirname(configPath)) : cwd,
  };
  const layers = configPath ? loadConfigFile(configPath, 'file', [], ctx) : [];
  let settings: PartialConfig | undefined;
  if (opts.settings) {
    const checked = checkRules(opts.settings, opts.knownRules, opts.ruleInfo);
    settings = checked.layer;
    ctx.errors.push(...checked.errors);
  }
  const result = { layers, settings, errors: ctx.errors, baseDir: configPath ? dirname(configPath) : resolve(stopDir ?? cwd) };
  // Discovery runs before the lookup, so a config file that appears or moves is seen; stamps cover edits.
  cache.storeResolution(key, ctx.stamps, result);
  return result;
}
