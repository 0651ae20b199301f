// Public surface of the engine: text + config in, blueprint model and findings (with fixes) out.
export type * from './types.js';
export type { ResolvedConfig, RuleSetting, VocabularyChanges } from './config/types.js';
export { defaultConfig } from './config/types.js';
export type { Rule, RuleContext, RuleReport } from './rule.js';
export { docsUrl } from './rule.js';
export { lint, type LintOptions, type LintResult } from './lint.js';
export { applyFixes, applyEdits, fixesTogether, safeFixIn } from './fix.js';
export { allRules, ruleById } from './registry.js';
export { LineIndex } from './text.js';
export { ChunkCache } from './incremental/chunkCache.js';
export { DIRECTIVE_RULE, type DirectiveReport } from './suppress.js';
export { disableFileFix, intentEdits, resolvedFix } from './intentEdits.js';
export type { DocumentProblem } from './lint.js';
