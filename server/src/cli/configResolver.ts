import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { allRules, type ResolvedConfig } from '../engine/index.js';
import { ConfigCache, loadSettingsFile, resolveConfig, type ConfigError, type PartialConfig } from './configAdapter.js';
import { displayPath, type CliIo } from './io.js';
import type { CliOptions } from './options.js';

/** Per-file configuration for one CLI run: one cache, --settings and --rule applied, each config error printed once. */
export class ConfigResolver {
  private readonly cache = new ConfigCache();
  private readonly reported = new Set<string>();
  private settings: PartialConfig | undefined;
  /** --config, else the settings' `blueprintLint.configFile` (resolved against the workspace folder, as the editor does). */
  private configFile: string | undefined;
  hadErrors = false;

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
  ) {
    this.configFile = options.configFile === undefined ? undefined : resolve(io.cwd, options.configFile);
  }

  /** A config file was named (--config or the settings' configFile): it is checked before anything is linted. */
  get hasExplicitConfig(): boolean {
    return this.configFile !== undefined;
  }

  /** Reads --settings, else the workspace's .vscode/settings.json unless --no-editor-settings; false when it is broken. */
  loadSettings(): boolean {
    const file = this.options.settingsFile !== undefined ? resolve(this.io.cwd, this.options.settingsFile) : this.options.useEditorSettings ? findWorkspaceSettings(this.io.cwd) : undefined;
    if (file === undefined) return true;
    const { settings, configFile, errors } = loadSettingsFile(file);
    this.report(errors);
    this.settings = settings;
    if (this.configFile === undefined && configFile !== undefined) this.configFile = resolve(dirname(dirname(file)), configFile);
    return errors.length === 0;
  }

  /** Resolves --config once up front; false when it is broken. */
  checkExplicitConfig(): boolean {
    this.forFile(resolve(this.io.cwd, '__blueprint-lint-probe__.md'));
    return !this.hadErrors;
  }

  forFile(filePath: string): ResolvedConfig {
    const resolved = resolveConfig({
      filePath,
      configFile: this.configFile,
      settings: this.settings,
      knownRules: allRules().map((r) => r.id),
      cwd: this.io.cwd,
      cache: this.cache,
    });
    const errors = resolved.errors;
    let config = resolved.config;
    this.report(errors);
    // The flag turns the report on; it never turns off what a config asks for.
    if (this.options.reportUnusedDirectives) config = { ...config, reportUnusedDirectives: true };
    if (this.options.ruleOverrides.length === 0) return config;
    // --rule is the most specific choice, so it wins over config files and settings.
    const rules = { ...config.rules };
    for (const o of this.options.ruleOverrides) rules[o.id] = { severity: o.severity, options: rules[o.id]?.options ?? {} };
    return { ...config, rules };
  }

  private report(errors: readonly ConfigError[]): void {
    for (const e of errors) {
      this.hadErrors = true;
      const line = `${displayPath(e.file, this.io.cwd)}:${e.line}:${e.column}: ${e.message}`;
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      this.io.err(`${line}\n`);
    }
  }
}

/** The workspace's `.vscode/settings.json`: the nearest at or above `cwd`, not past the repository root (the folder with `.git`). */
export function findWorkspaceSettings(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, '.vscode', 'settings.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
