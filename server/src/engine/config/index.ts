// Configuration: discovery, extends and presets, schema validation, VS Code settings, one resolved model.
export type { PolicyMinimum, ProfileConfig, RaisedRule, ResolvedConfig, RuleSetting, VocabularyChanges } from './types.js';
export { describeRaised, FLAGS_SOURCE, overrideApplies } from './compose.js';
export { configForDocument, frontMatterProfile, policyNote } from './profile.js';
export { defaultConfig } from './types.js';
export { resolveConfig, type ResolveOptions, type ResolveResult } from './resolve.js';
export { ConfigError, type ConfigErrorCode } from './errors.js';
export { ConfigCache } from './cache.js';
export { CONFIG_FILE_NAMES, findConfigFile } from './discovery.js';
export { isBlueprintPath, isIgnoredPath } from './globs.js';
export type { PartialConfig, RuleEntry, RuleInfo } from './layer.js';
export { PRESET_NAMES, type PresetName } from './presets.js';
export { configSchema, LANE_KINDS, SEVERITY_WORDS, SUPPORT_KINDS } from './schema.js';
export { CONFIG_SETTING_KEYS, defaultEditorSettings, EDITOR_SETTING_KEYS, loadSettingsFile, settingsToConfig, type EditorSettings, type SettingsResult } from './settings.js';
export { CONFIG_SCHEMA, SETTINGS, type SettingDefinition, type SettingKey, type SettingValues } from './definition.js';
