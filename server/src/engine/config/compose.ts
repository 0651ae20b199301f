// Builds the configuration of one file from its layers: file layers with their matching overrides, a profile, settings, flags, then policy.
import picomatch from 'picomatch';
import { relative, resolve, sep } from 'node:path';
import type { SeveritySetting } from '../types.js';
import type { ConfigError } from './errors.js';
import type { OverrideBlock, PartialConfig, RuleInfo } from './layer.js';
import { mergeLayer } from './merge.js';
import { defaultConfig, type PolicyMinimum, type ProfileConfig, type RaisedRule, type ResolvedConfig } from './types.js';

/** A config file and its `extends` chain, read and checked: what the cache keeps per config file. */
export interface LoadedLayers {
  /** Extended layers first, the config file last. */
  layers: PartialConfig[];
  errors: ConfigError[];
  baseDir: string;
}

export interface ComposeInput {
  filePath: string;
  /** Editor settings (the CLI's --settings or .vscode/settings.json). */
  settings?: PartialConfig;
  /** Command-line choices (`--rule`, `--report-unused-directives`). */
  flags?: PartialConfig;
  ruleInfo?: readonly RuleInfo[];
}

const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

type Matcher = (path: string) => boolean;
const matchers = new WeakMap<OverrideBlock, { files: Matcher; excluded: Matcher }>();

function compile(globs: readonly string[]): Matcher {
  // A glob without a slash matches the file name in any folder, as in ESLint's overrides.
  const tests = globs.map((g) => picomatch(g.includes('/') ? g : `**/${g}`, { dot: true, windows: false }));
  return (path) => tests.some((test) => test(path));
}

/** True when the block's `files` match the path (relative to the block's config file) and its `excludedFiles` do not. */
export function overrideApplies(block: OverrideBlock, filePath: string): boolean {
  let m = matchers.get(block);
  if (!m) matchers.set(block, (m = { files: compile(block.files), excluded: compile(block.excludedFiles) }));
  const rel = relative(block.baseDir, resolve(filePath)).split(sep).join('/');
  if (rel.startsWith('../')) return false;
  return m.files(rel) && !m.excluded(rel);
}

/** The lowest severity per rule; when several files in an `extends` chain set one, the highest minimum holds. */
function policyOf(layers: readonly PartialConfig[]): Record<string, PolicyMinimum> {
  const policy: Record<string, PolicyMinimum> = {};
  for (const layer of layers) {
    for (const [id, severity] of Object.entries(layer.minimumSeverity ?? {})) {
      const before = policy[id];
      if (!before || RANK[severity] > RANK[before.severity]) policy[id] = { severity, source: layer.source };
    }
  }
  return policy;
}

/** Raises every rule below its policy minimum, and records what it was and which layer asked for it. */
function applyPolicy(config: ResolvedConfig, stack: readonly PartialConfig[], policy: Record<string, PolicyMinimum>, ruleInfo: readonly RuleInfo[] | undefined): ResolvedConfig {
  const rules = { ...config.rules };
  const raised: Record<string, RaisedRule> = {};
  for (const [id, minimum] of Object.entries(policy)) {
    const setBy = [...stack].reverse().find((layer) => layer.rules?.[id] !== undefined);
    const current: SeveritySetting | undefined = rules[id]?.severity ?? ruleInfo?.find((r) => r.id === id)?.defaultSeverity;
    if (current !== undefined && RANK[current] >= RANK[minimum.severity]) continue;
    rules[id] = { severity: minimum.severity, options: rules[id]?.options ?? {} };
    if (current !== undefined) raised[id] = { from: current, to: minimum.severity, by: setBy?.source ?? 'default', policy: minimum.source };
  }
  return { ...config, rules, raised };
}

/**
 * Precedence, lowest first: defaults, then each file layer (presets and `extends` first) followed by its `overrides`
 * that match the file (in order), then the profile, then settings, then flags; policy minimums are applied last.
 */
export function composeConfig(loaded: LoadedLayers, input: ComposeInput): ResolvedConfig {
  const below: PartialConfig[] = [];
  const matched: number[] = [];
  let index = 0;
  for (const layer of loaded.layers) {
    below.push(layer);
    for (const block of layer.overrides ?? []) {
      if (overrideApplies(block, input.filePath)) {
        below.push(block.config);
        matched.push(index);
      }
      index++;
    }
  }
  // Documents that match the same overrides share one object, so callers can key their caches by it.
  const key = JSON.stringify([matched, identity(input.settings), identity(input.flags), identity(input.ruleInfo)]);
  let composed = compositions.get(loaded);
  if (!composed) compositions.set(loaded, (composed = new Map()));
  const known = composed.get(key);
  if (known) return known;
  const config = composeFresh(loaded, below, input);
  composed.set(key, config);
  return config;
}

const compositions = new WeakMap<LoadedLayers, Map<string, ResolvedConfig>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** A number per object (0 for none), for cache keys. */
export function identity(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

function composeFresh(loaded: LoadedLayers, below: readonly PartialConfig[], input: ComposeInput): ResolvedConfig {
  const upper = [input.settings, input.flags].filter((l): l is PartialConfig => l !== undefined);
  const policy = policyOf(loaded.layers);
  const base: ResolvedConfig = { ...defaultConfig(), baseDir: loaded.baseDir };
  const build = (profile: readonly PartialConfig[]): ResolvedConfig => {
    const stack = [...below, ...profile, ...upper];
    let config = base;
    for (const layer of stack) config = mergeLayer(config, layer);
    return applyPolicy(config, stack, policy, input.ruleInfo);
  };
  const profiles: Record<string, ProfileConfig> = {};
  const names = new Set(loaded.layers.flatMap((l) => Object.keys(l.profiles ?? {})));
  for (const name of [...names].sort()) {
    const { rules, vocabulary, lanes, reportUnusedDirectives, raised, sources } = build(loaded.layers.flatMap((l) => l.profiles?.[name] ?? []));
    profiles[name] = { rules, vocabulary, lanes, reportUnusedDirectives, raised, sources };
  }
  return { ...build([]), policy, profiles };
}

/** `"off"` in .vscode/settings.json raised to "warning" by team policy in .blueprintlint.jsonc: for logs and notes. */
export function describeRaised(ruleId: string, raised: RaisedRule, display: (file: string) => string = (f) => f): string {
  const by = raised.by === 'default' ? 'its default severity' : raised.by === FLAGS_SOURCE ? '--rule' : display(raised.by);
  return `rule "${ruleId}": "${raised.from}" from ${by} raised to "${raised.to}" by team policy in ${display(raised.policy)}`;
}

/** The `source` of the command-line layer. */
export const FLAGS_SOURCE = '--rule';
