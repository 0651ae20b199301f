// A step that handles an upset customer, a complaint or an escalation must say who backs the employee.
import { disableFix, fixes, shownContent, findAll, isEmployeeSide, laneFix, loadRuleVocabulary, quotedPhrases, stepUnits, supportOfKind } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';

const ID = 'conflict-needs-backing';

const rule: Rule = {
  id: ID,
  description: 'A step that handles an upset, angry or abusive customer, a complaint or an escalation must name who backs the employee.',
  defaultSeverity: 'warning',
  scope: 'step',
  fixable: false,
  vocabularies: ['conflict.txt', 'not-conflict.txt', 'backing.txt', 'support-backing.txt', 'negation.txt', 'employee-roles.txt', 'customer-roles.txt'],
  check(context: RuleContext): void {
    const vocab = context.vocabulary;
    const conflict = loadRuleVocabulary('conflict.txt');
    const traps = loadRuleVocabulary('not-conflict.txt');
    const backing = loadRuleVocabulary('backing.txt');
    for (const step of context.blueprint.steps) {
      const units = stepUnits(step, vocab);
      // Conflict is read in what happens in the step, not in its support lanes or metrics, which describe the remedy.
      const happening = units.filter((u) => u.source !== 'support' && u.source !== 'other');
      const found = findAll(happening, conflict, vocab, { traps });
      if (!found.length) continue;
      const employee = units.filter(isEmployeeSide);
      if (findAll(employee, backing, vocab).length > 0 || supportOfKind(employee, vocab, ['backing']).length > 0) continue;
      const emptySupport = step.lanes.find((l) => l.kind === 'support' && l.placeholder);
      const what = quotedPhrases(found);
      const lead = `Step "${step.title}" deals with conflict (${what})`;
      const message = emptySupport
        ? `${lead} but its ${emptySupport.label} lane is a placeholder (${shownContent(emptySupport)}): name who backs the employee.`
        : `${lead} but names no one who backs the employee: an escalation path, a duty manager or the right to end the interaction.`;
      context.report({
        message,
        span: found[0]!.span,
        step,
        fixes: fixes(
          laneFix(step, {
            title: `Add a backing line to "${step.title}"`,
            kind: 'insert',
            label: 'Support',
            snippet: '${1:who backs the employee: escalation path, duty manager, the right to end the interaction}',
            placeholder: emptySupport,
          }),
          disableFix(step, ID),
        ),
        data: { conflict: found.map((h) => h.text) },
      });
    }
  },
};

export default rule;
