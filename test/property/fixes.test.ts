// Every offered fix stays inside its step, keeps the document a blueprint with the same steps, and
// resolves its finding (or leaves only the placeholder wording until the placeholder is filled in).
import { strict as assert } from 'node:assert';
import type { Nodes } from 'mdast';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/fix.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { parseMarkdown } from '../../server/src/engine/parse.js';
import type { Finding, Fix, Span, Step } from '../../server/src/engine/types.js';
import { blueprintArb, fuzzRuns, fuzzSeed, mutatedCorpusArb } from '../support/arbitraries.js';
import { assertWellFormed, preview } from './invariants.js';

const runs = fuzzRuns();
const share = (divisor: number) => Math.max(10, Math.ceil(runs / divisor));

const FILL = 'Duty manager on call; staff may refund up to $50';
const PLACEHOLDER = /^(?:tbd|tbc|todo|to do|\?+|-+|—+|–|n\/?a|none|nothing|\.\.\.|…|)$/i;

/** The table (mdast) that holds an offset, as a span. */
function enclosingTable(text: string, offset: number): Span | undefined {
  let found: Span | undefined;
  const visit = (n: Nodes) => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined || offset < s || offset > e) return;
    if (n.type === 'table') found = { start: s, end: e };
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(parseMarkdown(text));
  return found;
}

/** Where a fix of a finding in `step` may write: the step (the whole table for table steps) and its title, in whole lines. */
function allowedRegion(text: string, result: LintResult, step: Step): Span {
  let start = Math.min(step.span.start, step.titleSpan.start);
  let end = Math.max(step.span.end, step.titleSpan.end);
  if (step.shape === 'table-rows' || step.shape === 'table-columns') {
    const table = enclosingTable(text, step.span.start);
    if (table) {
      start = Math.min(start, table.start);
      end = Math.max(end, table.end);
    }
  }
  const lines = result.lines;
  return { start: lines.lineStart(lines.position(start).line), end: lines.lineEnd(lines.position(end).line) };
}

function stepOf(result: LintResult, finding: Finding): Step | undefined {
  if (finding.step === null) return undefined;
  const same = result.blueprint.steps.filter((s) => s.title === finding.step);
  // Only steps that can be found again by title after the fix are checked for resolution.
  return same.length === 1 ? same[0] : undefined;
}

// A prose step that gains a lane becomes a heading step: the same step, so both count as one shape here.
const shapes = (r: LintResult) => r.blueprint.steps.map((s) => (s.shape === 'prose' ? 'heading' : s.shape)).join(',');
const titles = (r: LintResult) => r.blueprint.steps.map((s) => s.title).join(' / ');

/** Checks one fix of one finding; returns a description of what was checked, for coverage counts. */
function checkFix(text: string, result: LintResult, finding: Finding, fix: Fix, context: string): void {
  const where = `${context}\nfinding ${finding.ruleId} "${finding.message}", fix "${fix.title}"`;
  const applied = applyEdits(text, fix.edits);
  assert.deepEqual(applied.skipped, [], `${where}: overlapping or out-of-range edits`);
  const fixed = applied.text;
  const step = stepOf(result, finding);
  if (step) {
    const region = allowedRegion(text, result, step);
    for (const e of fix.edits) assert.ok(e.start >= region.start && e.end <= region.end, `${where}: edit ${e.start}-${e.end} outside its step ${region.start}-${region.end}`);
    assert.equal(fixed.slice(0, region.start), text.slice(0, region.start), `${where}: text before the step changed`);
    assert.equal(fixed.slice(fixed.length - (text.length - region.end)), text.slice(region.end), `${where}: text after the step changed`);
  }
  const after = lint(fixed, { forceBlueprint: true });
  assertWellFormed(fixed, after);
  if (fix.kind !== 'rename') {
    assert.equal(shapes(after), shapes(result), `${where}: the steps changed shape:\n${fixed}`);
    assert.equal(titles(after), titles(result), `${where}: the steps changed:\n${fixed}`);
  }
  if (!step) return;
  const remaining = after.findings.filter((f) => f.ruleId === finding.ruleId && f.step === finding.step);
  if (fix.kind === 'disable-step') {
    assert.deepEqual(
      remaining.map((f) => f.message),
      [],
      `${where}: still reported after disabling it for the step:\n${fixed}`,
    );
    return;
  }
  // The same message may stay only when it already had the placeholder wording (the fix adds another
  // placeholder) or the fix replaced a placeholder by its own; filling the placeholder in must then resolve it.
  const placeholderForPlaceholder = fix.edits.every((e) => PLACEHOLDER.test(text.slice(e.start, e.end).trim()) && PLACEHOLDER.test(e.text.trim()));
  if (!placeholderForPlaceholder && !/placeholder/i.test(finding.message)) {
    assert.ok(!remaining.some((f) => f.message === finding.message), `${where}: unchanged after the fix:\n${fixed}`);
  }
  if (fix.edits.some((e) => e.text.includes('TBD'))) {
    const filled = applyEdits(
      text,
      fix.edits.map((e) => ({ ...e, text: e.text.replace(/TBD/g, FILL) })),
    ).text;
    const rest = lint(filled, { forceBlueprint: true }).findings.filter((f) => f.ruleId === finding.ruleId && f.step === finding.step);
    assert.deepEqual(
      rest.map((f) => f.message),
      [],
      `${where}: still reported after filling in the placeholder:\n${filled}`,
    );
  }
}

/** Picks one (finding, fix) pair by two random numbers, half the time from the core rule; undefined when nothing is fixable. */
function pick(result: LintResult, a: number, b: number): { finding: Finding; fix: Fix } | undefined {
  const fixable = result.findings.filter((f) => f.fixes.length > 0);
  const core = fixable.filter((f) => f.ruleId === 'benefit-needs-support');
  const withFixes = core.length > 0 && a % 2 === 0 ? core : fixable;
  if (!withFixes.length) return undefined;
  const finding = withFixes[Math.floor(a / 2) % withFixes.length]!;
  return { finding, fix: finding.fixes[b % finding.fixes.length]! };
}

describe('quick fixes (fast-check)', function () {
  this.timeout(0);

  it(`generated blueprints: a fix stays in its step, keeps the steps and resolves its finding (${share(8)} cases)`, () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(blueprintArb, fc.nat(), fc.nat(), fc.constantFrom('\n', '\r\n'), ({ text: lf }, a, b, eol) => {
        const text = lf.replace(/\n/g, eol);
        const result = lint(text, { forceBlueprint: true });
        const chosen = pick(result, a, b);
        if (!chosen) return;
        const key = `${chosen.finding.ruleId}/${chosen.fix.kind}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
        checkFix(text, result, chosen.finding, chosen.fix, `in ${preview(text)}`);
      }),
      { numRuns: share(8), seed: fuzzSeed() },
    );
    // Each kind of quick fix of the core rule must have been tried, or the property proves little.
    for (const kind of ['add-support', 'name-tool', 'name-authority', 'name-resource', 'disable-step']) {
      assert.ok(kinds.has(`benefit-needs-support/${kind}`), `no ${kind} fix was tried: ${JSON.stringify([...kinds])}`);
    }
  });

  it(`mutated corpus blueprints: a fix stays in its step and resolves its finding (${share(40)} cases)`, () => {
    fc.assert(
      fc.property(mutatedCorpusArb(), fc.nat(), fc.nat(), (doc, a, b) => {
        const result = lint(doc.text, { forceBlueprint: true });
        const chosen = pick(result, a, b);
        if (!chosen) return;
        checkFix(doc.text, result, chosen.finding, chosen.fix, `in ${doc.file} after ${JSON.stringify(doc.mutations)}`);
      }),
      { numRuns: share(40), seed: fuzzSeed() },
    );
  });
});
