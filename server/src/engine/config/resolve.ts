// The one entry point CLI and server call: document path (+ settings) → ResolvedConfig and positioned errors.
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigCache } from './cache.js';
import { findConfigFile } from './discovery.js';
import type { ConfigError } from './errors.js';
import type { PartialConfig, RuleInfo } from './layer.js';
import { loadConfigFile, type LoadContext } from './load.js';
import { mergeLayer } from './merge.js';
import { defaultConfig, type ResolvedConfig } from './types.js';
import { checkRules } from './validate.js';

export interface ResolveOptions {
  /** The document being linted (absolute, or relative to the working directory). */
  filePath: string;
  /** An explicit config file (`--config`): disables discovery. */
  configFile?: string;
  /** From `settingsToConfig` / `loadSettingsFile`; wins over the config file. */
  settings?: PartialConfig;
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

const ids = new WeakMap<object, number>();
let nextId = 1;
function identity(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * Merge order: defaults ← presets and `extends` (in order, depth first) ← the config file ← settings.
 * Never throws for user input: invalid parts are left out and reported in `errors`.
 */
export function resolveConfig(opts: ResolveOptions): ResolveResult {
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
  if (opts.settings) {
    const checked = checkRules(opts.settings, opts.knownRules, opts.ruleInfo);
    layers.push(checked.layer);
    ctx.errors.push(...checked.errors);
  }
  let config: ResolvedConfig = { ...defaultConfig(), baseDir: configPath ? dirname(configPath) : resolve(stopDir ?? cwd) };
  for (const layer of layers) config = mergeLayer(config, layer);
  const result = { config, errors: ctx.errors };
  // Discovery runs before the lookup, so a config file that appears or moves is seen; stamps cover edits.
  cache.storeResolution(key, ctx.stamps, result);
  return result;
}
