// One contribution to the configuration (a file, a preset, the editor settings), already validated.
import type { LaneKind, Severity, SeveritySetting } from '../types.js';
import type { VocabularyChanges } from './types.js';
import type { Locator } from './source.js';

/** A rule entry as written: a bare severity keeps the options inherited from earlier layers. */
export interface RuleEntry {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

/** A partial configuration: every key optional; produced from a config file or from VS Code settings. */
export interface PartialConfig {
  /** The file it came from (for `sources` and error messages). */
  source: string;
  root?: boolean;
  enable?: boolean;
  autoDetect?: boolean;
  reportUnusedDirectives?: boolean;
  rules?: Record<string, RuleEntry>;
  vocabulary?: VocabularyChanges;
  lanes?: Partial<Record<LaneKind, string[]>>;
  files?: string[];
  ignores?: string[];
  /** `overrides` entries (config files only), in file order. */
  overrides?: OverrideBlock[];
  /** `profiles` (config files only): what each named profile changes. */
  profiles?: Record<string, PartialConfig>;
  /** `policy.minimumSeverity` (config files only). */
  minimumSeverity?: Record<string, Severity>;
  /** Where its values are written, so checks made later (unknown rule ids) can point at them. */
  locator?: Locator;
}

/** What a rule tells the configuration about itself; `Rule` objects from the registry fit this shape. */
export interface RuleInfo {
  id: string;
  defaultSeverity?: SeveritySetting;
  optionsSchema?: Record<string, unknown>;
}

/** One `overrides` entry: a partial configuration for the files its globs match. */
export interface OverrideBlock {
  /** Relative to `baseDir`; a glob without a slash matches the file name in any folder. */
  files: string[];
  excludedFiles: string[];
  /** The directory of the config file that declares it. */
  baseDir: string;
  config: PartialConfig;
}
