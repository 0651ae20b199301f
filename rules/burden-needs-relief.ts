// A step that promises extended service at the employee's expense must name the staffing, rota, breaks or pay behind it.
import { disableFix, fixes, shownContent, findAll, laneFix, lanesLabelled, loadRuleVocabulary, quotedPhrases } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule } from '../server/src/engine/rule.js';

const ID = 'burden-needs-relief';
const STAFFING_LABELS = ['Staffing'];

const rule: Rule = {
  id: ID,
  description: "A step that promises the customer extended service at the employee's expense (24/7, out of hours, on call...) must name the staffing, rota, breaks or pay behind it.",
  summary: '24/7, out-of-hours or on-call service with no staffing, rota, breaks or pay named',
  fixSummary: 'quick fix',
  defaultSeverity: 'warning',
  fixable: false,
  vocabularies: ['burden.txt', 'not-burden.txt', 'relief.txt', 'negation.txt', 'employee-roles.txt', 'customer-roles.txt'],
  checkStep(step, context): void {
    const vocab = context.vocabulary;
    const burden = loadRuleVocabulary('burden.txt');
    const traps = loadRuleVocabulary('not-burden.txt');
    const relief = loadRuleVocabulary('relief.txt');
    const units = context.units;
    // The promise is read where it is made or kept; support and other lanes describe the arrangements.
    const promising = units.filter((u) => u.source !== 'support' && u.source !== 'other');
    const found = findAll(promising, burden, vocab, { traps, staffBurden: true });
    if (!found.length) return;
    const staffing = lanesLabelled(step, STAFFING_LABELS);
    if (staffing.some((l) => !l.placeholder)) return;
    if (
      findAll(
        units.filter((u) => u.side === 'employee'),
        relief,
        vocab,
      ).length > 0
    )
      return;
    const emptyLane = staffing.find((l) => l.placeholder);
    const what = quotedPhrases(found);
    // What to do comes first: the Problems panel shows a message's first ~70 characters.
    const message = emptyLane
      ? `Fill in the ${emptyLane.label} lane of step "${step.title}" (${shownContent(emptyLane)}) with the staffing, rota, breaks or pay behind ${what}.`
      : `Name the staffing, rota, breaks or pay behind ${what}: step "${step.title}" promises it at the employee's expense.`;
    context.report({
      message,
      span: found[0]!.span,
      fixes: fixes(
        laneFix(step, {
          title: `Add a staffing lane to "${step.title}"`,
          kind: 'insert',
          label: 'Staffing',
          snippet: '${1:who covers it: rota, shifts, breaks, pay}',
          placeholder: emptyLane,
        }),
        disableFix(step, ID),
      ),
      data: { burden: found.map((h) => h.text) },
    });
  },
};

export default rule;
