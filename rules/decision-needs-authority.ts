// A step whose employee must take a discretionary decision must say who may take it and up to which limit.
import {
  PLACEHOLDER,
  disableFix,
  fixes,
  shownContent,
  findAll,
  laneFix,
  lanesLabelled,
  languageFinds,
  loadRuleVocabulary,
  quotedPhrases,
  supportOfKind,
  type TextUnit,
} from '../server/src/engine/phrases/ruleVocabulary.js';
import { escalatesBeyondLimit, limitPatterns, routingPatterns } from '../server/src/engine/language/index.js';
import type { PolicySection } from '../server/src/engine/document/reading.js';
import type { CompiledVocabulary, PhraseMatcher } from '../server/src/engine/phrases/vocabulary.js';
import type { Rule } from '../server/src/engine/rule.js';

const ID = 'decision-needs-authority';
const AUTHORITY_LABELS = ['Authority', 'Empowerment'];

const rule: Rule = {
  id: ID,
  description: 'A step whose employee must decide something discretionary (refund, waive, compensate, upgrade...) must name who may decide it and up to which limit.',
  summary: 'an employee decides something discretionary (refund, waive, upgrade...) with nobody named as allowed to, or no limit',
  fixSummary: 'quick fix',
  defaultSeverity: 'warning',
  fixable: false,
  vocabularies: [
    'decision.txt',
    'not-decision.txt',
    'authority.txt',
    'decision-limit.txt',
    'support-authority.txt',
    'negation.txt',
    'employee-roles.txt',
    'customer-roles.txt',
    'authority-section.txt',
    'language-slots.txt',
  ],
  checkStep(step, context): void {
    const vocab = context.vocabulary;
    const decisions = loadRuleVocabulary('decision.txt');
    const traps = loadRuleVocabulary('not-decision.txt');
    const authority = loadRuleVocabulary('authority.txt');
    const limits = loadRuleVocabulary('decision-limit.txt');
    // An authority section ("Empowerment levels") or a section outside the steps that names who and a limit covers every step.
    const coveredByDocument = () => context.document.hasPolicy({ headings: loadRuleVocabulary('authority-section.txt'), outsideSteps: true }, coversDecisions);
    const units = context.units;
    // Decisions are read where the employee acts: frontstage and backstage lanes, prose not about the customer.
    const deciding = units.filter((u) => u.side === 'employee' && u.source !== 'support' && u.source !== 'other');
    const found = findAll(deciding, decisions, vocab, { traps, events: true, employeeActs: true });
    if (!found.length) return;
    const employee = units.filter((u) => u.side === 'employee');
    const authorityLanes = lanesLabelled(step, AUTHORITY_LABELS);
    // An Authority lane that is a placeholder or still holds TBD is unfinished: it names no one and no limit yet.
    const emptyLane = authorityLanes.find((l) => l.placeholder || /\bTBD\b/.test(l.content.text));
    const who = authorityLanes.some((l) => l !== emptyLane && !l.placeholder) || whoDecides(employee, authority, vocab);
    const limit = hasLimit(employee, limits, vocab);
    if ((who && limit) || coveredByDocument()) return;
    const first = found[0]!;
    const decision = quotedPhrases(found);
    const stepName = `step "${step.title}"`;
    // What to do comes first: the Problems panel shows a message's first ~70 characters.
    let message: string;
    if (emptyLane) message = `Fill in the ${emptyLane.label} lane of ${stepName} (${shownContent(emptyLane)}) with who may decide ${decision} and up to which limit.`;
    else if (who) message = `Name how far the employee may go on ${decision} ("up to $200", "one night"): ${stepName} leaves the decision to them but sets no limit.`;
    else if (limit) message = `Name who may decide ${decision}: ${stepName} leaves it to the employee but names no one allowed to.`;
    else message = `Name who may decide ${decision} and up to which limit: ${stepName} leaves it to the employee.`;
    context.report({
      message,
      span: first.span,
      fixes: fixes(
        laneFix(step, {
          title: `Add an authority lane to "${step.title}"`,
          kind: 'name-authority',
          label: 'Authority',
          text: `${PLACEHOLDER} may decide up to ${PLACEHOLDER}`,
          snippet: '${1:role} may decide up to ${2:limit}',
          placeholder: emptyLane,
        }),
        disableFix(step, ID),
      ),
      data: { decisions: found.map((h) => h.text), authority: who, limit },
    });
  },
};

/** A policy section that names who may decide and up to which limit. */
function coversDecisions(section: PolicySection, vocab: CompiledVocabulary): boolean {
  const unit: TextUnit = { text: section.text, source: 'other', side: 'employee' };
  return whoDecides([unit], loadRuleVocabulary('authority.txt'), vocab) && hasLimit([unit], loadRuleVocabulary('decision-limit.txt'), vocab);
}

/** Who may decide: a permission or approval, a core authority phrase, a case sent to a person (routing), escalation beyond a threshold. */
function whoDecides(units: readonly TextUnit[], authority: PhraseMatcher, vocab: CompiledVocabulary): boolean {
  if (findAll(units, authority, vocab).length > 0 || supportOfKind(units, vocab, ['authority']).length > 0) return true;
  return languageFinds(units, vocab, routingPatterns, escalatesBeyondLimit).length > 0;
}

/** A limit: a limit phrase, or an amount bounded by a comparison ("over $500", "up to £50", "<= $60"). */
function hasLimit(units: readonly TextUnit[], limits: PhraseMatcher, vocab: CompiledVocabulary): boolean {
  return findAll(units, limits, vocab).length > 0 || languageFinds(units, vocab, limitPatterns).length > 0;
}

export default rule;
