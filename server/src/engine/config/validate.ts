import { compilePattern } from '../phrases/pattern.js';
// Turns a parsed config value into a PartialConfig, keeping every valid part and reporting every invalid one.
import picomatch from 'picomatch';
import type { LaneKind, Severity, SupportKind } from '../types.js';
import type { ConfigError } from './errors.js';
import { dirname } from 'node:path';
import type { OverrideBlock, PartialConfig, RuleEntry, RuleInfo } from './layer.js';
import { describePath, LANE_KINDS, optionsErrors, schemaErrors, SEVERITY_WORDS, SUPPORT_KINDS, type SchemaVariant } from './schema.js';
import { prefixedLocator, type Locator, type ValuePath } from './source.js';
import { didYouMean } from './suggest.js';
import type { VocabularyChanges } from './types.js';

/** An `extends` entry and where it is written. */
export interface ExtendsRef {
  ref: string;
  path: ValuePath;
}

export interface ExtractResult {
  layer: PartialConfig;
  extends: ExtendsRef[];
  errors: ConfigError[];
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A plain-prototype deep copy (the JSONC parser builds null-prototype objects). */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : undefined;
}

function isSeverity(v: unknown): v is RuleEntry['severity'] {
  return typeof v === 'string' && (SEVERITY_WORDS as readonly string[]).includes(v);
}

const SEVERITY_LIST = '"off", "info", "warning" or "error"';

function severityMessage(value: unknown, ruleId: string): string {
  const hint = typeof value === 'string' ? didYouMean(value, SEVERITY_WORDS) : '';
  return `invalid severity ${JSON.stringify(value)} for rule "${ruleId}"${hint === '' ? `; expected ${SEVERITY_LIST}` : hint}`;
}

function extractRules(value: unknown, locator: Locator, errors: ConfigError[]): Record<string, RuleEntry> | undefined {
  if (!isObject(value)) return undefined;
  const rules: Record<string, RuleEntry> = {};
  for (const [id, setting] of Object.entries(value)) {
    if (isSeverity(setting)) {
      rules[id] = { severity: setting };
      continue;
    }
    if (!isObject(setting)) {
      errors.push(locator.errorAt(['rules', id], 'value', severityMessage(setting, id), 'severity'));
      continue;
    }
    let ok = true;
    for (const key of Object.keys(setting)) {
      if (key !== 'severity' && key !== 'options') {
        errors.push(locator.errorAt(['rules', id, key], 'key', `unknown property "${key}" in rule "${id}"${didYouMean(key, ['severity', 'options'])}`, 'schema'));
      }
    }
    if (!('severity' in setting)) {
      errors.push(locator.errorAt(['rules', id], 'value', `rule "${id}" is missing "severity"`, 'severity'));
      ok = false;
    } else if (!isSeverity(setting.severity)) {
      errors.push(locator.errorAt(['rules', id, 'severity'], 'value', severityMessage(setting.severity, id), 'severity'));
      ok = false;
    }
    if ('options' in setting && !isObject(setting.options)) {
      errors.push(locator.errorAt(['rules', id, 'options'], 'value', `${describePath(['rules', id, 'options'], locator.displayPrefix)} must be an object`, 'rule-options'));
      ok = false;
    }
    if (ok) rules[id] = { severity: setting.severity as RuleEntry['severity'], options: isObject(setting.options) ? (plain(setting.options) as Record<string, unknown>) : {} };
  }
  return rules;
}

/** Why a glob cannot be used, or undefined when it is fine. */
export function globProblem(glob: string, key: 'files' | 'ignores' | 'excludedFiles'): string | undefined {
  if (glob.startsWith('!')) {
    return key === 'files' ? `negated glob "${glob}" is not supported; list files to skip under "ignores"` : `negated glob "${glob}" is not supported in "${key}"`;
  }
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return `glob "${glob}" must be relative to the configuration's directory`;
  try {
    picomatch.makeRe(glob, { strictBrackets: true, dot: true });
  } catch (e) {
    return `invalid glob "${glob}": ${(e as Error).message}`;
  }
  return undefined;
}

function extractGlobs(value: unknown, key: 'files' | 'ignores' | 'excludedFiles', locator: Locator, errors: ConfigError[]): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  value.forEach((glob, i) => {
    if (typeof glob !== 'string' || glob === '') return; // reported by the schema
    const problem = globProblem(glob, key);
    if (problem) errors.push(locator.errorAt([key, i], 'value', problem, 'glob'));
    else out.push(glob);
  });
  return out;
}

function extractVocabulary(value: unknown, locator: Locator, errors: ConfigError[]): VocabularyChanges | undefined {
  if (!isObject(value)) return undefined;
  const benefit = isObject(value.benefit) ? value.benefit : {};
  const support = isObject(value.support) ? value.support : {};
  // Added phrases use the vocabulary pattern syntax: a malformed one is an error at its position and is dropped.
  const valid = (list: unknown, path: Array<string | number>): string[] => {
    if (!Array.isArray(list)) return [];
    const out: string[] = [];
    list.forEach((phrase, i) => {
      if (typeof phrase !== 'string' || phrase.trim() === '') return; // reported by the schema
      try {
        compilePattern(phrase);
        out.push(phrase);
      } catch (e) {
        errors.push(locator.errorAt([...path, i], 'value', `invalid phrase "${phrase}": ${(e as Error).message}`, 'schema'));
      }
    });
    return out;
  };
  const supportAdd: VocabularyChanges['support']['add'] = [];
  if (Array.isArray(support.add)) {
    for (const phrase of valid(support.add, ['vocabulary', 'support', 'add'])) supportAdd.push({ kind: 'resource', phrase });
  } else if (isObject(support.add)) {
    for (const [kind, phrases] of Object.entries(support.add)) {
      if (!(SUPPORT_KINDS as readonly string[]).includes(kind)) continue;
      for (const phrase of valid(phrases, ['vocabulary', 'support', 'add', kind])) supportAdd.push({ kind: kind as SupportKind, phrase });
    }
  }
  return {
    benefit: { add: valid(benefit.add, ['vocabulary', 'benefit', 'add']), remove: strings(benefit.remove) ?? [] },
    support: { add: supportAdd, remove: strings(support.remove) ?? [] },
  };
}

function extractLanes(value: unknown): Partial<Record<LaneKind, string[]>> | undefined {
  if (!isObject(value)) return undefined;
  const lanes: Partial<Record<LaneKind, string[]>> = {};
  for (const [kind, labels] of Object.entries(value)) {
    const list = strings(labels);
    if ((LANE_KINDS as readonly string[]).includes(kind) && list) lanes[kind as LaneKind] = list;
  }
  return lanes;
}

/** The keys a layer, an `overrides` entry and a profile share: rules, vocabulary, lanes, reportUnusedDirectives. */
function extractBlock(value: Obj, layer: PartialConfig, locator: Locator, errors: ConfigError[]): void {
  if (typeof value.reportUnusedDirectives === 'boolean') layer.reportUnusedDirectives = value.reportUnusedDirectives;
  const rules = extractRules(value.rules, locator, errors);
  if (rules) layer.rules = rules;
  const vocabulary = extractVocabulary(value.vocabulary, locator, errors);
  if (vocabulary) layer.vocabulary = vocabulary;
  const lanes = extractLanes(value.lanes);
  if (lanes) layer.lanes = lanes;
}

function extractOverrides(value: unknown, layer: PartialConfig, locator: Locator, errors: ConfigError[]): void {
  if (!Array.isArray(value)) return;
  const blocks: OverrideBlock[] = [];
  value.forEach((entry, i) => {
    if (!isObject(entry)) return; // reported by the schema
    const at = prefixedLocator(locator, ['overrides', i]);
    const before = errors.length;
    const files = extractGlobs(entry.files, 'files', at, errors) ?? [];
    const excludedFiles = extractGlobs(entry.excludedFiles, 'excludedFiles', at, errors) ?? [];
    // An entry with a broken glob would apply to the wrong files: it is left out whole.
    if (errors.length > before || files.length === 0) return;
    const config: PartialConfig = { source: layer.source, locator: at };
    extractBlock(entry, config, at, errors);
    blocks.push({ files, excludedFiles, baseDir: dirname(layer.source), config });
  });
  layer.overrides = blocks;
}

function extractProfiles(value: unknown, layer: PartialConfig, locator: Locator, errors: ConfigError[]): void {
  if (!isObject(value)) return;
  const profiles: Record<string, PartialConfig> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject(entry)) continue; // reported by the schema
    const at = prefixedLocator(locator, ['profiles', name]);
    const config: PartialConfig = { source: layer.source, locator: at };
    extractBlock(entry, config, at, errors);
    profiles[name] = config;
  }
  layer.profiles = profiles;
}

/** Validates `value` (schema, severities, globs) and keeps what is valid. Rule ids are checked by `checkRules`. */
export function extractLayer(value: unknown, locator: Locator, source: string, variant: SchemaVariant): ExtractResult {
  const layer: PartialConfig = { source, locator };
  if (!isObject(value)) {
    return { layer, extends: [], errors: [locator.errorAt([], 'value', 'the configuration must be an object', 'schema')] };
  }
  const errors = schemaErrors(value, locator, variant);
  if (typeof value.enable === 'boolean') layer.enable = value.enable;
  if (typeof value.autoDetect === 'boolean') layer.autoDetect = value.autoDetect;
  if (variant === 'file' && typeof value.root === 'boolean') layer.root = value.root;
  extractBlock(value, layer, locator, errors);
  const files = extractGlobs(value.files, 'files', locator, errors);
  if (files) layer.files = files;
  const ignores = extractGlobs(value.ignores, 'ignores', locator, errors);
  if (ignores) layer.ignores = ignores;
  const refs: ExtendsRef[] = [];
  if (variant === 'file') {
    extractOverrides(value.overrides, layer, locator, errors);
    extractProfiles(value.profiles, layer, locator, errors);
    if (isObject(value.policy) && isObject(value.policy.minimumSeverity)) {
      const minimums = Object.entries(value.policy.minimumSeverity).filter((e): e is [string, Severity] => e[1] === 'info' || e[1] === 'warning' || e[1] === 'error');
      layer.minimumSeverity = Object.fromEntries(minimums);
    }
    if (typeof value.extends === 'string' && value.extends !== '') refs.push({ ref: value.extends, path: ['extends'] });
    else if (Array.isArray(value.extends)) {
      value.extends.forEach((ref, i) => {
        if (typeof ref === 'string' && ref !== '') refs.push({ ref, path: ['extends', i] });
      });
    }
  }
  return { layer, extends: refs, errors: sortErrors(errors) };
}

/**
 * Drops rule entries whose id is unknown (an error with a suggestion, unless `silent`) and checks
 * options against the rule's options schema when the rule describes one.
 */
export function checkRules(layer: PartialConfig, knownRules: readonly string[], ruleInfo: readonly RuleInfo[] | undefined, silent = false): { layer: PartialConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const out: PartialConfig = { ...layer };
  if (layer.overrides) {
    out.overrides = layer.overrides.map((block) => {
      const checked = checkRules(block.config, knownRules, ruleInfo, silent);
      errors.push(...checked.errors);
      return { ...block, config: checked.layer };
    });
  }
  if (layer.profiles) {
    out.profiles = {};
    for (const [name, profile] of Object.entries(layer.profiles)) {
      const checked = checkRules(profile, knownRules, ruleInfo, silent);
      errors.push(...checked.errors);
      out.profiles[name] = checked.layer;
    }
  }
  if (layer.minimumSeverity) {
    out.minimumSeverity = {};
    for (const [id, severity] of Object.entries(layer.minimumSeverity)) {
      if (knownRules.includes(id)) out.minimumSeverity[id] = severity;
      else if (!silent && layer.locator) errors.push(layer.locator.errorAt(['policy', 'minimumSeverity', id], 'key', `unknown rule "${id}"${didYouMean(id, knownRules)}`, 'unknown-rule'));
    }
  }
  if (!layer.rules) return { layer: out, errors };
  const rules: Record<string, RuleEntry> = {};
  for (const [id, entry] of Object.entries(layer.rules)) {
    if (!knownRules.includes(id)) {
      if (!silent && layer.locator) errors.push(layer.locator.errorAt(['rules', id], 'key', `unknown rule "${id}"${didYouMean(id, knownRules)}`, 'unknown-rule'));
      continue;
    }
    const schema = ruleInfo?.find((r) => r.id === id)?.optionsSchema;
    if (schema && entry.options && layer.locator) {
      const problems = optionsErrors(entry.options, schema, layer.locator, ['rules', id, 'options']);
      if (problems.length > 0) {
        errors.push(...problems);
        continue;
      }
    }
    rules[id] = entry;
  }
  return { layer: { ...out, rules }, errors };
}

export function sortErrors(errors: ConfigError[]): ConfigError[] {
  return [...errors].sort((a, b) => (a.file === b.file ? a.offset - b.offset || a.line - b.line || a.column - b.column : 0));
}
