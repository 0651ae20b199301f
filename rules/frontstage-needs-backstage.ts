// A step with employee actions in front of the customer should show what happens behind the line of visibility.
import { disableFix, fixes, shownContent, laneFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule } from '../server/src/engine/rule.js';

const ID = 'frontstage-needs-backstage';

const rule: Rule = {
  id: ID,
  description: 'A step with frontstage (onstage) employee actions should show what happens behind the line of visibility: a backstage or support lane.',
  summary: 'frontstage actions with nothing behind the line of visibility',
  fixSummary: 'quick fix',
  defaultSeverity: 'info',
  fixable: false,
  vocabularies: [],
  checkStep(step, context): void {
    const front = step.lanes.find((l) => l.kind === 'frontstage' && !l.placeholder);
    if (!front) return;
    const behind = step.lanes.filter((l) => l.kind === 'backstage' || l.kind === 'support');
    if (behind.some((l) => !l.placeholder)) return;
    const emptyBackstage = behind.find((l) => l.kind === 'backstage');
    // What to do comes first: the Problems panel shows a message's first ~70 characters.
    const lead = `Say what happens out of the customer's sight in step "${step.title}": it shows frontstage actions`;
    // Empty cells and lanes are absence; only written placeholders (TBD, ?, —) are quoted.
    const written = behind.filter((l) => l.content.text.trim() !== '');
    const message = written.length
      ? `${lead} but only placeholders behind the line of visibility (${written.map((l) => `${l.label}: ${shownContent(l)}`).join(', ')}).`
      : `${lead} but nothing behind the line of visibility (no backstage or support content).`;
    context.report({
      message,
      span: front.contentSpan,
      fixes: fixes(
        laneFix(step, {
          title: `Add a backstage lane to "${step.title}"`,
          kind: 'insert',
          label: 'Backstage',
          snippet: "${1:what happens out of the customer's sight to make this possible}",
          placeholder: emptyBackstage,
        }),
        disableFix(step, ID),
      ),
    });
  },
};

export default rule;
