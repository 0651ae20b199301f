// Loads a config file and its `extends` chain into an ordered list of layers (extended first, the file last).
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { presetPath } from './assets.js';
import type { ConfigCache, FileStamp } from './cache.js';
import { errorAtStart, type ConfigError } from './errors.js';
import type { PartialConfig, RuleInfo } from './layer.js';
import { generatedPreset, isPresetName, PRESET_NAMES } from './presets.js';
import { formatForPath, sourceLocator, type Locator } from './source.js';
import { isInside } from './discovery.js';
import { didYouMean } from './suggest.js';
import { checkRules, extractLayer, sortErrors, type ExtendsRef } from './validate.js';

export interface LoadContext {
  knownRules: readonly string[];
  ruleInfo?: readonly RuleInfo[];
  /** Real path of the trusted root, when extends must stay inside it. */
  trustedRoot?: string;
  cache: ConfigCache;
  errors: ConfigError[];
  /** Every file read or looked for, so a cached resolution can be checked for staleness. */
  stamps: Array<FileStamp | { path: string; missing: true }>;
  /** Paths in cycle messages are shown relative to this directory. */
  displayBase: string;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function display(path: string, ctx: LoadContext): string {
  const rel = relative(ctx.displayBase, path);
  return (rel === '' ? path : rel).split(sep).join('/');
}

/** Reads one file and returns its layers, extended ones first; a broken file contributes nothing. */
export function loadConfigFile(file: string, kind: 'file' | 'preset', stack: readonly string[], ctx: LoadContext): PartialConfig[] {
  const format = formatForPath(file);
  if (!format) {
    ctx.errors.push(errorAtStart(file, `unsupported config file type; use .jsonc, .json, .yaml or .yml`, 'io'));
    return [];
  }
  const read = ctx.cache.read(file, format);
  if ('error' in read) {
    ctx.stamps.push({ path: file, missing: true });
    ctx.errors.push(errorAtStart(file, `cannot read config file (${read.error})`, 'io'));
    return [];
  }
  ctx.stamps.push(read.stamp);
  const { source } = read;
  if (source.syntaxErrors.length > 0) {
    ctx.errors.push(...source.syntaxErrors);
    return [];
  }
  const locator = sourceLocator(source);
  const extracted = extractLayer(source.value, locator, file, 'file');
  // Shipped presets may name rules this build does not have yet: skip those silently.
  const checked = checkRules(extracted.layer, ctx.knownRules, ctx.ruleInfo, kind === 'preset');
  ctx.errors.push(...sortErrors([...extracted.errors, ...checked.errors]));
  const layers: PartialConfig[] = [];
  for (const ref of extracted.extends) layers.push(...loadExtends(file, kind, ref, locator, [...stack, realPath(file)], ctx));
  layers.push(checked.layer);
  return layers;
}

function loadExtends(file: string, kind: 'file' | 'preset', { ref, path }: ExtendsRef, locator: Locator, stack: readonly string[], ctx: LoadContext): PartialConfig[] {
  const fail = (message: string, code: ConfigError['code']): PartialConfig[] => {
    ctx.errors.push(locator.errorAt(path, 'value', message, code));
    return [];
  };
  if (isPresetName(ref)) {
    const presetFile = presetPath(ref);
    if (stack.includes(realPath(presetFile))) return fail(`extends cycle: ${[...stack, realPath(presetFile)].map((p) => display(p, ctx)).join(' -> ')}`, 'extends-cycle');
    return [generatedPreset(ref, ctx.knownRules, ctx.ruleInfo), ...loadConfigFile(presetFile, 'preset', stack, ctx)];
  }
  const looksLikePath = /[\\/]/.test(ref) || formatForPath(ref) !== undefined;
  if (!looksLikePath) {
    const hint = didYouMean(ref, PRESET_NAMES);
    return fail(`unknown preset "${ref}"${hint !== '' ? hint : `; presets are ${PRESET_NAMES.join(', ')}, and a file path starts with ./ or ../`}`, 'extends-missing');
  }
  const target = resolve(dirname(file), ref);
  if (!formatForPath(target)) return fail(`cannot extend "${ref}": unsupported config file type; use .jsonc, .json, .yaml or .yml`, 'extends-missing');
  const real = realPath(target);
  if (kind === 'file' && ctx.trustedRoot !== undefined && !isInside(real, ctx.trustedRoot)) {
    return fail(`cannot extend "${ref}": this workspace is not trusted, so extends may not leave its folder ${ctx.trustedRoot}`, 'extends-untrusted');
  }
  if (stack.includes(real)) return fail(`extends cycle: ${[...stack, real].map((p) => display(p, ctx)).join(' -> ')}`, 'extends-cycle');
  const read = ctx.cache.read(target, formatForPath(target)!);
  if ('error' in read) {
    ctx.stamps.push({ path: target, missing: true });
    return fail(`cannot find extended config "${ref}" (${read.error === 'file not found' ? `no file at ${target}` : read.error})`, 'extends-missing');
  }
  return loadConfigFile(target, kind, stack, ctx);
}
