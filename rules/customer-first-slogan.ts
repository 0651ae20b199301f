// "The customer is always right" with no word about the people who deliver it: people first and customer obsessed.
import { isNegated } from '../server/src/engine/blueprint/analyse.js';
import { disableFix, loadRuleVocabulary } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { Span, Step } from '../server/src/engine/types.js';

const ID = 'customer-first-slogan';

/** The innermost step containing an offset. */
function stepAt(steps: readonly Step[], offset: number): Step | undefined {
  let best: Step | undefined;
  for (const s of steps) {
    if (s.span.start <= offset && offset < s.span.end && (!best || s.span.end - s.span.start < best.span.end - best.span.start)) best = s;
  }
  return best;
}

const rule: Rule = {
  id: ID,
  description: 'Prose that declares the customer first, always right or the only priority, in a section that says nothing about the people delivering it.',
  summary: '"the customer is always right" prose that says nothing about the people delivering it',
  fixSummary: 'none',
  defaultSeverity: 'info',
  fixable: false,
  vocabularies: ['slogan.txt', 'people.txt', 'support-resource.txt', 'support-tool.txt', 'support-authority.txt', 'support-training.txt', 'support-backing.txt', 'negation.txt'],
  check(context: RuleContext): void {
    const vocab = context.vocabulary;
    const slogans = loadRuleVocabulary('slogan.txt');
    const people = loadRuleVocabulary('people.txt');
    // Prose with code, front matter, comments and inline markup blanked: offsets are the text's.
    const text = context.document.prose;
    const steps = context.blueprint.steps;
    for (const hit of context.document.proseHits(slogans)) {
      if (isNegated(text, hit, vocab)) continue;
      const step = stepAt(steps, hit.start);
      const section = context.document.sectionAt(hit.start);
      const range: Span = step ? step.span : section.span;
      const body = text.slice(range.start, range.end);
      const speaksOfPeople =
        people.find(body).some((h) => !isNegated(body, h, vocab)) ||
        vocab.support.find(body).length > 0 ||
        steps.some((s) => s.lanes.some((l) => l.kind === 'support' && !l.placeholder && l.contentSpan.start >= range.start && l.contentSpan.end <= range.end));
      if (speaksOfPeople) continue;
      const phrase = context.text
        .slice(hit.start, hit.end)
        .replace(/[*_`~]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const who = step ? `step "${step.title}"` : section.title !== undefined ? `section "${section.title.replace(/[*_`~]/g, '')}"` : 'the blueprint';
      context.report({
        // What to do comes first: the Problems panel shows a message's first ~70 characters.
        message: `Name the people delivering "${phrase}" and what they need: ${who} declares it but says nothing about them (be people first and customer obsessed).`,
        span: { start: hit.start, end: hit.end },
        step: step ?? null,
        fixes: step ? [disableFix(step, ID)] : [],
        data: { slogan: phrase },
      });
    }
  },
};

export default rule;
