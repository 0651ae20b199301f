// Core rule: a step that promises the customer a benefit must name the employee resource, tool or authority behind it.
import type { Rule } from '../server/src/engine/rule.js';
import type { FixProposal, Lane, Span, Step } from '../server/src/engine/types.js';

const ID = 'benefit-needs-support';

const PLACEHOLDER = 'TBD';

/** Quick fixes for one step: add a support lane (preferred), name the tool / authority / resource, disable for the step. */
function fixesFor(step: Step, emptySupport: Lane | undefined): FixProposal[] {
  const variant = (title: string, kind: string, label: string, hint: string, preferred = false): FixProposal => ({
    title,
    kind,
    safe: false,
    preferred,
    intent: { kind: 'add-lane', site: step.insertion, label, content: PLACEHOLDER, snippet: `\${1:${hint}}` },
  });
  const hint = 'what the employee needs to keep this promise';
  const snippet = `\${1:${hint}}`;
  // An empty table cell may be missing from a short row: the step's insertion fills or adds it under its column.
  const emptyCell = emptySupport !== undefined && emptySupport.content.text.trim() === '' && (step.shape === 'table-rows' || step.shape === 'table-columns');
  // A placeholder support lane is filled in place rather than getting a second support lane.
  const first: FixProposal = emptySupport
    ? {
        title: `Fill in the ${emptySupport.label} lane of "${step.title}"`,
        kind: 'add-support',
        safe: false,
        preferred: true,
        intent: emptyCell
          ? { kind: 'add-lane', site: step.insertion, label: emptySupport.label, content: PLACEHOLDER, snippet }
          : { kind: 'replace', span: emptySupport.contentSpan, text: PLACEHOLDER, snippet },
      }
    : variant(`Add a support lane to "${step.title}"`, 'add-support', 'Support', hint, true);
  return [
    first,
    variant('Name the tool the employee uses', 'name-tool', 'Tools', 'system, checklist or app the employee uses'),
    variant('Name the authority the employee has', 'name-authority', 'Authority', 'who may decide what, up to which limit'),
    variant('Name the resource the employee has', 'name-resource', 'Resources', 'time, staff, budget or information'),
    { title: `Disable ${ID} for this step`, kind: 'disable-step', safe: false, intent: { kind: 'disable-step', site: step.disableSite, ruleId: ID } },
  ];
}

function quoteList(items: string[]): string {
  const q = items.map((s) => `"${s}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** A benefit phrase besides the one the finding's range covers, for editors to mark (related information). */
export interface OtherPhrase {
  text: string;
  /** Offsets relative to the finding's start: a step that only moved keeps its cached report, and these stay right. */
  from: number;
  to: number;
}

/** The step's other benefit phrases (each span once), in document order. */
function otherPhrases(step: Step, span: Span): OtherPhrase[] {
  const seen = new Set([`${span.start}:${span.end}`]);
  const out: OtherPhrase[] = [];
  for (const b of step.benefits) {
    const key = `${b.span.start}:${b.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: short(b.text), from: b.span.start - span.start, to: b.span.end - span.start });
  }
  return out;
}

/** Why the step is flagged, in one or two lines: what found the promise, and what was read and rejected as support. */
export function explanation(step: Step): string {
  const promise = step.benefits
    .slice(0, 2)
    .map((b) => `"${short(b.text)}" (${b.why ?? b.entry})`)
    .join(', ');
  const rejected = (step.rejected ?? [])
    .filter((r) => r.as === 'support')
    .slice(0, 2)
    .map((r) => `"${short(r.text)}" ${r.reason}`);
  const support = rejected.length ? `not support: ${rejected.join('; ')}` : "no resource, tool or authority named in an employee lane or an employee's sentence";
  return `benefit: ${promise}\n${support}`;
}

const rule: Rule = {
  id: ID,
  description: 'A step that promises the customer a benefit must name the employee resource, tool or authority that makes it possible.',
  summary: 'a step that promises a customer benefit but names no employee resource, tool or authority',
  fixSummary: 'quick fixes',
  defaultSeverity: 'warning',
  fixable: false,
  vocabularies: [
    'benefit.txt',
    'support-resource.txt',
    'support-tool.txt',
    'support-authority.txt',
    'support-training.txt',
    'support-backing.txt',
    'negation.txt',
    'employee-roles.txt',
    'customer-roles.txt',
    'not-benefit.txt',
    'not-support.txt',
  ],
  checkStep(step, context): void {
    if (step.benefits.length === 0 || step.supports.length > 0) return;
    const first = step.benefits[0]!;
    const names = [...new Set(step.benefits.map((b) => short(b.text)))];
    const shown = names.slice(0, 3);
    const more = names.length > 3 ? ` (and ${names.length - 3} more)` : '';
    const emptySupport = step.lanes.find((l) => l.kind === 'support' && l.placeholder);
    const what = `the employee resource, tool or authority behind ${quoteList(shown)}${more}`;
    // The Problems panel shows about 90 characters of a row: what to do comes first, the step and the reason after it.
    const message = emptySupport
      ? `Fill in the placeholder support lane of step "${step.title}" with ${what}.`
      : `Name ${what}: step "${step.title}" promises ${names.length === 1 ? 'it' : 'them'} but names none.`;
    const span: Span = first.span;
    context.report({
      message,
      span,
      fixes: fixesFor(step, emptySupport),
      data: {
        benefit: first.source === 'benefit' ? undefined : first.text,
        benefits: names,
        phrases: otherPhrases(step, span),
        placeholder: emptySupport !== undefined,
        explanation: explanation(step),
      },
    });
  },
};

export default rule;
