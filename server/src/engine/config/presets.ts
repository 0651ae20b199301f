// Presets: generated from the rule list, then overridden by the shipped preset file (rules/presets/<name>.jsonc).
import type { SeveritySetting } from '../types.js';
import { presetPath } from './assets.js';
import type { PartialConfig, RuleEntry, RuleInfo } from './layer.js';

export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * recommended: every known rule at its default severity (needs `ruleInfo` to name it; otherwise rules keep
 * their defaults anyway). strict: every known rule at least `warning`.
 */
export function generatedPreset(name: PresetName, knownRules: readonly string[], ruleInfo: readonly RuleInfo[] | undefined): PartialConfig {
  const rules: Record<string, RuleEntry> = {};
  for (const id of knownRules) {
    const defaultSeverity: SeveritySetting | undefined = ruleInfo?.find((r) => r.id === id)?.defaultSeverity;
    if (name === 'strict') rules[id] = { severity: defaultSeverity === 'error' ? 'error' : 'warning' };
    else if (defaultSeverity !== undefined) rules[id] = { severity: defaultSeverity };
  }
  return { source: presetPath(name), rules };
}
