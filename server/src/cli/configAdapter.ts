// The one place the CLI touches the config module, so wiring it is a one-file change.
// Interim: until server/src/engine/config/index.ts lands, a minimal stand-in with the same names and shapes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { defaultConfig, LineIndex, type ResolvedConfig, type RuleSetting, type SeveritySetting } from '../engine/index.js';

export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
  format(): string;
}

export type PartialConfig = Partial<Omit<ResolvedConfig, 'rules'>> & { rules?: Record<string, RuleSetting> };

export class ConfigCache {
  readonly entries = new Map<string, unknown>();
}

export interface ResolveOptions {
  filePath: string;
  configFile?: string;
  settings?: PartialConfig;
  knownRules: string[];
  stopDir?: string;
  cache?: ConfigCache;
}

function configError(file: string, line: number, column: number, message: string): ConfigError {
  return { file, line, column, message, format: () => `${file}:${line}:${column}: ${message}` };
}

export function resolveConfig(opts: ResolveOptions): { config: ResolvedConfig; errors: ConfigError[] } {
  const config = defaultConfig();
  const errors: ConfigError[] = [];
  config.baseDir = process.cwd();
  if (opts.configFile !== undefined) {
    if (!existsSync(opts.configFile)) errors.push(configError(opts.configFile, 1, 1, 'config file not found'));
    else config.sources.push(resolve(opts.configFile));
  }
  for (const [id, setting] of Object.entries(opts.settings?.rules ?? {})) config.rules[id] = setting;
  return { config, errors };
}

/** Reads the blueprintLint.* keys of a VS Code settings file (flat or nested). */
export function loadSettingsFile(path: string): { settings: PartialConfig; errors: ConfigError[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { settings: {}, errors: [configError(path, 1, 1, 'settings file not found')] };
  }
  const parseErrors: ParseError[] = [];
  const raw = parseJsonc(text, parseErrors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (parseErrors.length > 0) {
    const lines = new LineIndex(text);
    return {
      settings: {},
      errors: parseErrors.map((e) => {
        const p = lines.position(e.offset);
        return configError(path, p.line, p.column, printParseErrorCode(e.error));
      }),
    };
  }
  return { settings: settingsToConfig(raw ?? {}, path), errors: [] };
}

export function settingsToConfig(settings: Record<string, unknown>, source: string): PartialConfig {
  void source;
  const nested = (settings['blueprintLint'] ?? {}) as Record<string, unknown>;
  const rules = (settings['blueprintLint.rules'] ?? nested['rules'] ?? {}) as Record<string, unknown>;
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (typeof value === 'string') out[id] = { severity: value as SeveritySetting, options: {} };
    else if (value && typeof value === 'object') {
      const v = value as { severity?: SeveritySetting; options?: Record<string, unknown> };
      out[id] = { severity: v.severity ?? 'warning', options: v.options ?? {} };
    }
  }
  return { rules: out };
}

export function isIgnoredPath(filePath: string, config: ResolvedConfig): boolean {
  if (config.ignores.length === 0) return false;
  const rel = relative(config.baseDir ?? dirname(filePath), resolve(filePath)).replace(/\\/g, '/');
  return picomatch(config.ignores, { dot: true })(rel);
}
