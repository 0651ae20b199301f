// A step that handles an upset customer or a complaint must say who backs the employee (an escalation is backing).
import { disableFix, fixes, shownContent, findAll, laneFix, languageFinds, loadRuleVocabulary, quotedPhrases, supportOfKind, type TextUnit } from '../server/src/engine/phrases/ruleVocabulary.js';
import { routingPatterns, superiorPatterns } from '../server/src/engine/language/index.js';
import type { CompiledVocabulary } from '../server/src/engine/phrases/vocabulary.js';
import type { PhraseMatcher } from '../server/src/engine/phrases/vocabulary.js';
import type { PolicySection } from '../server/src/engine/document/reading.js';
import type { Rule } from '../server/src/engine/rule.js';

const ID = 'conflict-needs-backing';

const rule: Rule = {
  id: ID,
  description: 'A step that handles an upset, angry or abusive customer or a complaint must name who backs the employee.',
  summary: 'an upset or abusive customer or a complaint, with nobody backing the employee',
  fixSummary: 'quick fix',
  defaultSeverity: 'warning',
  fixable: false,
  vocabularies: ['conflict.txt', 'not-conflict.txt', 'backing.txt', 'support-backing.txt', 'negation.txt', 'employee-roles.txt', 'customer-roles.txt', 'escalation-section.txt', 'language-slots.txt'],
  checkStep(step, context): void {
    const vocab = context.vocabulary;
    const conflict = loadRuleVocabulary('conflict.txt');
    const traps = loadRuleVocabulary('not-conflict.txt');
    const backing = loadRuleVocabulary('backing.txt');
    // An escalation section ("When to escalate") that names backing backs every step.
    const backedByDocument = () => context.document.hasPolicy({ headings: loadRuleVocabulary('escalation-section.txt'), outsideSteps: false }, backsEveryStep);
    const units = context.units;
    // Conflict is read in what happens in the step, not in its support lanes or metrics, which describe the remedy.
    const happening = units.filter((u) => u.source !== 'support' && u.source !== 'other');
    const found = findAll(happening, conflict, vocab, { traps, events: true });
    if (!found.length) return;
    const employee = units.filter((u) => u.side === 'employee');
    // Rules of language read who acts clause by clause, so they read every unit but the customer's lanes.
    const notCustomer = units.filter((u) => u.source !== 'customer' && u.source !== 'evidence');
    if (backs(employee, backing, vocab, true, notCustomer) || backedByDocument()) return;
    const emptySupport = step.lanes.find((l) => l.kind === 'support' && l.placeholder);
    const what = quotedPhrases(found);
    // What to do comes first: the Problems panel shows a message's first ~70 characters.
    const message = emptySupport
      ? `Fill in the ${emptySupport.label} lane of step "${step.title}" (${shownContent(emptySupport)}) with who backs the employee: the step deals with conflict (${what}).`
      : `Name who backs the employee in step "${step.title}" (an escalation path, a duty manager or the right to end the interaction): it deals with conflict (${what}).`;
    context.report({
      message,
      span: found[0]!.span,
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
  },
};

/** An escalation section that names backing. */
function backsEveryStep(section: PolicySection, vocab: CompiledVocabulary): boolean {
  return backs([{ text: section.text, source: 'other', side: 'employee' }], loadRuleVocabulary('backing.txt'), vocab, false);
}

/** Backing in units: a backing phrase, a core backing phrase, a case sent to a person or team, or (in a step) a superior taking part. */
function backs(units: readonly TextUnit[], backing: PhraseMatcher, vocab: CompiledVocabulary, inStep: boolean, clauses: readonly TextUnit[] = units): boolean {
  if (findAll(units, backing, vocab).length > 0 || supportOfKind(units, vocab, ['backing']).length > 0) return true;
  return languageFinds(clauses, vocab, ...(inStep ? [routingPatterns, superiorPatterns] : [routingPatterns])).length > 0;
}

export default rule;
