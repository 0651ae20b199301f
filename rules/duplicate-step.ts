// Two steps with one title make findings, links and suppressions ambiguous, and usually mean a copy-paste slip.
import { disableFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { Step } from '../server/src/engine/types.js';

const ID = 'duplicate-step';

function key(step: Step, sameGroupOnly: boolean): string {
  const title = step.title.toLowerCase().replace(/\s+/g, ' ').trim();
  return sameGroupOnly ? `${(step.group ?? '').toLowerCase()}\u0000${title}` : title;
}

const rule: Rule = {
  id: ID,
  description: 'Two steps of one blueprint must not have the same title.',
  summary: 'two steps with the same title in one blueprint',
  fixSummary: 'none',
  defaultSeverity: 'warning',
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: { sameGroupOnly: { type: 'boolean', description: 'Only compare steps under the same group heading.' } },
    additionalProperties: false,
  },
  defaultOptions: { sameGroupOnly: false },
  vocabularies: [],
  check(context: RuleContext): void {
    const sameGroupOnly = context.options['sameGroupOnly'] === true;
    const first = new Map<string, Step>();
    for (const step of context.blueprint.steps) {
      if (!step.title) continue;
      const k = key(step, sameGroupOnly);
      const earlier = first.get(k);
      if (!earlier) {
        first.set(k, step);
        continue;
      }
      const line = context.document.lineOf(earlier.titleSpan.start);
      context.report({
        message: `Give step "${step.title}" its own title: the step on line ${line} has the same one.`,
        span: step.titleSpan,
        step,
        fixes: [disableFix(step, ID)],
        data: { firstLine: line },
      });
    }
  },
};

export default rule;
