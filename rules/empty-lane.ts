// A lane left as TBD / TODO / ? / N/A is an open question in the blueprint; the support lane is the core rule's business.
import { disableFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule } from '../server/src/engine/rule.js';

const ID = 'empty-lane';

/** Placeholders that mark work left to do (the model's wider placeholder set also has "-", "—", "none" and empty). */
const TODO = /^(?:tbd|tbc|todo|to do|fixme|xxx|\?+|n\/?a|\.\.\.|…)$/i;

const rule: Rule = {
  id: ID,
  description: 'A lane whose content is a placeholder (TBD, TODO, ?, N/A) is unfinished.',
  summary: 'a lane holding only a placeholder (TBD, TODO, ?, N/A)',
  fixSummary: 'none',
  defaultSeverity: 'info',
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: {
      includeEmpty: { type: 'boolean', description: 'Also flag lanes that are empty or hold only "-", "—" or "none".' },
    },
    additionalProperties: false,
  },
  defaultOptions: { includeEmpty: false },
  vocabularies: [],
  checkStep(step, context): void {
    const includeEmpty = context.options['includeEmpty'] === true;
    for (const lane of step.lanes) {
      if (!lane.placeholder || lane.kind === 'support') continue;
      const content = lane.content.text.replace(/[*_`~]/g, '').trim();
      const todo = TODO.test(content) || TODO.test(content.replace(/\.$/, ''));
      if (!todo && !includeEmpty) continue;
      const shown = content === '' ? 'empty' : `"${content}"`;
      context.report({
        message: `Fill in or remove the placeholder ${lane.label} lane of step "${step.title}" (${shown}).`,
        span: lane.contentSpan,
        fixes: [disableFix(step, ID)],
        data: { lane: lane.label, kind: lane.kind },
      });
    }
  },
};

export default rule;
