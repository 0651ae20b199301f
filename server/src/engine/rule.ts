import type { DocumentReading } from './document/reading.js';
import type { CompiledVocabulary } from './phrases/vocabulary.js';
import { DIRECTIVE_RULE } from './suppress.js';
import type { Blueprint, FixProposal, SeveritySetting, Span, Step } from './types.js';

/** Where every rule's documentation lives; built in one place. */
export const DOCS_BASE = 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/';
export function docsUrl(ruleId: string): string {
  // Findings about suppression comments come from the engine, not a rule file: their page is the CLI reference's section.
  if (ruleId === DIRECTIVE_RULE) return `${DOCS_BASE.replace(/rules\/$/, '')}docs/cli.md#governed-suppressions`;
  return `${DOCS_BASE}${ruleId}.md`;
}

export interface RuleReport {
  message: string;
  span: Span;
  step: Step | null;
  fixes?: FixProposal[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  text: string;
  /** The text as rules read it (sections, prose, lane-position labels, lines), worked out once per lint: no rule scans the text itself. */
  document: DocumentReading;
  blueprint: Blueprint;
  options: Record<string, unknown>;
  vocabulary: CompiledVocabulary;
  /** What the rule's `documentFacts` found in the whole document in this lint (undefined for rules without it). */
  facts?: DocumentFacts;
  report(report: RuleReport): void;
}

/** Plain facts about the whole document that a step-scoped rule's verdicts depend on ("an escalation section backs every step"). */
export type DocumentFacts = Readonly<Record<string, boolean | number | string>>;

/**
 * `remember(key, compute)` is `compute()`, or the value it gave in the latest lint of the same document (an editor's
 * cache; the CLI just computes) when `key` is the same and so are the vocabulary and the rule's options. `key` must
 * hold everything the value depends on besides those: the text of a section, not its position.
 */
export type FactMemo = <V extends boolean | number | string>(key: string, compute: () => V) => V;

/** What `documentFacts` reads: the rule's context without reports or facts, plus the memo the engine keeps for it. */
export type FactsContext = Omit<RuleContext, 'report' | 'facts'> & { remember: FactMemo };

export interface Rule {
  id: string;
  description: string;
  /** What it flags, in a line for the README's rules table ("a near miss of a lane label"); scripts/gen-settings.mjs writes it. */
  summary: string;
  /** What its fixes are, in a few words for the same table: "quick fix", "safe (`--fix`)", "none". */
  fixSummary: string;
  defaultSeverity: SeveritySetting;
  /** True when at least one fix is safe to apply unattended. */
  fixable: boolean;
  /** JSON Schema of the rule's options object. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Vocabulary data files (in rules/vocabulary/) the rule reads. */
  vocabularies?: string[];
  /**
   * 'step': every report names the step it is about and depends only on that step (its fields and fixes) and the
   * rule's `documentFacts`, never on other steps or text elsewhere, so an editor may re-run the rule on just the steps
   * an edit changed. Default 'document'.
   */
  scope?: 'step' | 'document';
  /**
   * For a step-scoped rule whose verdicts also depend on the rest of the document: computed on every lint over the
   * whole document and handed to `check` as `context.facts`; a step's cached reports are reused only under equal facts.
   */
  documentFacts?(context: FactsContext): DocumentFacts;
  check(context: RuleContext): void;
}
