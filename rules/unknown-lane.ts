// A near miss of a lane label ("Backstgae", "Front-stage actions") silently drops the lane: every other rule misreads the step.
import { LANE_LABELS, normaliseLabel, STEP_COLUMN_LABELS } from '../server/src/engine/blueprint/lanes.js';
import { disableFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { LaneKind } from '../server/src/engine/types.js';

const ID = 'unknown-lane';

interface Known {
  label: string;
  kind: LaneKind;
  squashed: string;
}

const squash = (s: string) => normaliseLabel(s).replace(/ /g, '');

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How far a label may be from a known one: short words only by a plural "s" or a swap of two letters. */
function close(s: string, k: string, d: number): boolean {
  if (s[0] !== k[0]) return false;
  if (s.length <= 4 || k.length <= 4) return d === 0 || (d === 1 && (s === `${k}s` || k === `${s}s` || [...s].sort().join('') === [...k].sort().join('')));
  return d <= (s.length <= 8 ? 1 : 2);
}

/** The known lane label a candidate is a near miss of; undefined when it is known, or no lane is close. */
function nearMiss(label: string, known: ReadonlySet<string>, table: readonly Known[]): Known | undefined {
  const n = normaliseLabel(label);
  if (!n || known.has(n) || STEP_COLUMN_LABELS.has(n) || !/^\p{L}/u.test(n)) return undefined;
  const s = n.replace(/ /g, '');
  let best: Known | undefined;
  let bestD = Infinity;
  for (const k of table) {
    if (Math.abs(k.squashed.length - s.length) > 2) continue;
    const d = distance(s, k.squashed);
    if (d < bestD && close(s, k.squashed, d)) {
      best = k;
      bestD = d;
    }
  }
  // A near miss of an "other" lane (Notes, Risks) changes no rule's reading of the step.
  return best && best.kind !== 'other' ? best : undefined;
}

/** The known label in the candidate's case: all lower, all upper, or as the label list writes it. */
function inCase(written: string, label: string): string {
  if (written === written.toLowerCase()) return label.toLowerCase();
  if (written === written.toUpperCase() && /\p{L}{2}/u.test(written)) return label.toUpperCase();
  return label;
}

/** The shipped labels, squashed for the distance, and their normalised forms. */
const SHIPPED: readonly Known[] = (Object.keys(LANE_LABELS) as LaneKind[]).flatMap((kind) => LANE_LABELS[kind].map((label) => ({ label, kind, squashed: squash(label) })));
const SHIPPED_KNOWN: readonly string[] = SHIPPED.map((k) => normaliseLabel(k.label));

const rule: Rule = {
  id: ID,
  description: 'A label in lane position that is a near miss of a known lane label ("Backstgae", "Front-stage actions").',
  summary: 'a near miss of a lane label ("Backstgae", "Frontsatge actions")',
  fixSummary: 'safe (`--fix`)',
  defaultSeverity: 'warning',
  fixable: true,
  optionsSchema: {
    type: 'object',
    properties: { ignore: { type: 'array', items: { type: 'string' }, description: 'Labels that are meant as they are written.' } },
    additionalProperties: false,
  },
  defaultOptions: { ignore: [] },
  vocabularies: [],
  check(context: RuleContext): void {
    const known = new Set(SHIPPED_KNOWN);
    // Labels the model read as lanes (config synonyms included) are known, and so are ignored ones.
    for (const s of context.blueprint.steps) for (const l of s.lanes) if (l.basis !== 'unplaced' && l.basis !== 'position') known.add(normaliseLabel(l.label));
    const ignore = Array.isArray(context.options['ignore']) ? (context.options['ignore'] as unknown[]) : [];
    for (const i of ignore) if (typeof i === 'string') known.add(normaliseLabel(i));
    const seen = new Set<number>();
    for (const step of context.blueprint.steps) {
      for (const c of context.document.laneLabels(step)) {
        if (seen.has(c.span.start)) continue;
        const hit = nearMiss(c.label, known, SHIPPED);
        if (!hit) continue;
        seen.add(c.span.start);
        const to = inCase(c.label, hit.label);
        context.report({
          message: `Did you mean "${to}"? Step "${step.title}" has an unknown lane label "${c.label}".`,
          span: c.span,
          step,
          fixes: [{ title: `Rename "${c.label}" to "${to}"`, kind: 'rename', safe: true, preferred: true, intent: { kind: 'replace', span: c.span, text: to } }, disableFix(step, ID)],
          data: { label: c.label, suggestion: to, lane: hit.kind },
        });
      }
    }
  },
};

export default rule;
