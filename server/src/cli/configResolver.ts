import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { allRules, type ResolvedConfig } from '../engine/index.js';
import { ConfigCache, DEFAULT_MAX_FILE_SIZE, describeRaised, FLAGS_SOURCE, loadSettingsFile, resolveConfig, type ConfigError, type PartialConfig } from './configAdapter.js';
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
  /** Files larger than this are not linted: --max-file-size, else the settings' `blueprintLint.maxFileSize`, else its default. */
  maxFileSize: { bytes: number; from: string };

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
  ) {
    this.configFile = options.configFile === undefined ? undefined : resolve(io.cwd, options.configFile);
    this.maxFileSize = { bytes: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, from: options.maxFileSize === undefined ? 'blueprintLint.maxFileSize' : '--max-file-size' };
  }

  /** A config file was named (--config or the settings' configFile): it is checked before anything is linted. */
  get hasExplicitConfig(): boolean {
    return this.configFile !== undefined;
  }

  /** Reads --settings, else the workspace's .vscode/settings.json unless --no-editor-settings; false when it is broken. */
  loadSettings(): boolean {
    const file = this.options.settingsFile !== undefined ? resolve(this.io.cwd, this.options.settingsFile) : this.options.useEditorSettings ? findWorkspaceSettings(this.io.cwd) : undefined;
    if (file === undefined) return true;
    const { settings, configFile, maxFileSize, errors } = loadSettingsFile(file);
    this.report(errors);
    this.settings = settings;
    if (this.options.maxFileSize === undefined) this.maxFileSize = { bytes: maxFileSize, from: 'blueprintLint.maxFileSize' };
    if (this.configFile === undefined && configFile !== undefined) this.configFile = resolve(dirname(dirname(file)), configFile);
    return errors.length === 0;
  }

  /** Resolves --config once up front; false when it is broken. */
  checkExplicitConfig(): boolean {
    this.forFile(resolve(this.io.cwd, '__blueprint-lint-probe__.md'));
    return !this.hadErrors;
  }

  forFile(filePath: string): ResolvedConfig {
    const { config, errors } = resolveConfig({
      filePath,
      configFile: this.configFile,
      settings: this.settings,
      flags: this.flags,
      knownRules: allRules().map((r) => r.id),
      cwd: this.io.cwd,
      cache: this.cache,
    });
    this.report(errors);
    this.reportRaised(config);
    return config;
  }

  /** --rule is the most specific choice (over config files, profiles and settings); --report-unused-directives only turns the report on. */
  private get flags(): PartialConfig | undefined {
    const { ruleOverrides, reportUnusedDirectives } = this.options;
    if (ruleOverrides.length === 0 && !reportUnusedDirectives) return undefined;
    // One object per run: the config cache keys resolutions by the identity of their inputs.
    if (!this.flagsLayer) {
      this.flagsLayer = { source: FLAGS_SOURCE };
      if (ruleOverrides.length > 0) this.flagsLayer.rules = Object.fromEntries(ruleOverrides.map((o) => [o.id, { severity: o.severity }]));
      if (reportUnusedDirectives) this.flagsLayer.reportUnusedDirectives = true;
    }
    return this.flagsLayer;
  }
  private flagsLayer: PartialConfig | undefined;

  /** A setting or --rule that asked for less than the team policy allows gets one note on stderr (not an error). */
  private reportRaised(config: ResolvedConfig): void {
    const all = [config.raised, ...Object.values(config.profiles).map((p) => p.raised)];
    for (const raised of all) {
      for (const [id, r] of Object.entries(raised)) {
        if (r.by === 'default' || r.by === r.policy) continue;
        const line = `note: ${describeRaised(id, r, (f) => displayPath(f, this.io.cwd))}`;
        if (this.reported.has(line)) continue;
        this.reported.add(line);
        this.io.err(`${line}\n`);
      }
    }
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
