import type { DocumentReading, TextUnit } from './document/reading.js';
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
  report(report: RuleReport): void;
}

/** A report of a step rule: always about the step it was given, which the engine fills in. */
export type StepReport = Omit<RuleReport, 'step'>;

/**
 * What a step rule reads besides its step. Of the rest of the document it sees only the document's answers to
 * questions (`StepDocument`): the engine records each answer with the step's reports and reuses those reports while
 * the step and every answer it read are unchanged.
 */
export interface StepContext {
  /** The step's lanes and prose sentences, each with its side (customer, employee, promise), in document order. */
  readonly units: readonly TextUnit[];
  document: StepDocument;
  options: Record<string, unknown>;
  vocabulary: CompiledVocabulary;
  report(report: StepReport): void;
}

/** The questions a step rule may ask about the whole document. */
export type StepDocument = Pick<DocumentReading, 'hasPolicy'>;

interface RuleInfo {
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
}

/** A rule that reads the whole document: the blueprint, the text's reading, every step at once. */
export interface DocumentRule extends RuleInfo {
  check(context: RuleContext): void;
  checkStep?: never;
}

/** A rule that judges one step at a time: given only that step, so an editor re-runs it only on the steps an edit changed. */
export interface StepRule extends RuleInfo {
  checkStep(step: Step, context: StepContext): void;
  check?: never;
}

export type Rule = DocumentRule | StepRule;

export function isStepRule(rule: Rule): rule is StepRule {
  return typeof rule.checkStep === 'function';
}
