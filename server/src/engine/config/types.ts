import type { LaneKind, Severity, SeveritySetting, SupportKind } from '../types.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface VocabularyChanges {
  benefit: { add: string[]; remove: string[] };
  support: { add: Array<{ kind: SupportKind; phrase: string }>; remove: string[] };
}

/** The one configuration model shared by the CLI, the language server and the tests. */
export interface ResolvedConfig {
  /** Per-rule overrides; rules not named here use their default severity and options. */
  rules: Record<string, RuleSetting>;
  vocabulary: VocabularyChanges;
  /** Extra lane labels (synonyms) per lane kind. */
  lanes: Partial<Record<LaneKind, string[]>>;
  /** Globs (relative to the config's base directory) that mark a Markdown file as a blueprint. */
  files: string[];
  /** Globs of files never linted. */
  ignores: string[];
  /** Detect blueprints by their lane labels (spec 2). */
  autoDetect: boolean;
  enable: boolean;
  /** Report disable directives that silence nothing (rule suppression-directive). */
  reportUnusedDirectives: boolean;
  /** Directory globs in `files` and `ignores` are relative to. */
  baseDir?: string;
  /** Config files that contributed, outermost first. */
  sources: string[];
  /** `policy.minimumSeverity`: the lowest severity per rule, and the config file that sets it. */
  policy: Record<string, PolicyMinimum>;
  /** Rules the policy raised for this file: what the layers below asked for and who asked. */
  raised: Record<string, RaisedRule>;
  /** Each profile's effective rules, vocabulary and lanes, composed in its place in the precedence. */
  profiles: Record<string, ProfileConfig>;
  /** The profile the document picked in its front matter, once applied. */
  profile?: string;
}

export interface PolicyMinimum {
  severity: Severity;
  source: string;
}

export interface RaisedRule {
  /** The severity the layers below the policy gave the rule. */
  from: SeveritySetting;
  to: Severity;
  /** The layer that set `from` (a file, `--rule`), or `default` for the rule's default severity. */
  by: string;
  /** The config file whose policy raised it. */
  policy: string;
}

/** What a profile changes once composed: the whole values the document lints with. */
export type ProfileConfig = Pick<ResolvedConfig, 'rules' | 'vocabulary' | 'lanes' | 'reportUnusedDirectives' | 'raised' | 'sources'>;

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    vocabulary: { benefit: { add: [], remove: [] }, support: { add: [], remove: [] } },
    lanes: {},
    files: ['**/*.blueprint.md', '**/blueprints/**/*.md'],
    ignores: [],
    autoDetect: true,
    enable: true,
    reportUnusedDirectives: false,
    sources: [],
    policy: {},
    raised: {},
    profiles: {},
  };
}
