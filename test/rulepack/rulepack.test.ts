// The labelled rule-pack fixtures: per-rule precision and recall, fixes across every step shape, safe fixes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/engine/fix.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { packageRoot } from '../../server/src/engine/resources.js';
import type { Finding, Step } from '../../server/src/engine/types.js';

const PACK = [
  'decision-needs-authority',
  'frontstage-needs-backstage',
  'conflict-needs-backing',
  'burden-needs-relief',
  'customer-first-slogan',
  'unknown-lane',
  'empty-lane',
  'duplicate-step',
] as const;
const MIN_SCORE = 0.9;
const MIN_POSITIVES = 4;
/** The same filler the documentation test uses for TBD placeholders. */
const FILLER = 'Duty manager on call; staff may refund up to $50';

interface LabelledStep {
  title: string;
  shape: string;
  flags: string[];
}
interface LabelledFile {
  industry: string;
  steps: LabelledStep[];
  /** Rules expected to report outside any step (document introduction, group sections). */
  outside: string[];
}

const dir = join(packageRoot(), 'test', 'rulepack');
const labels = (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { files: Record<string, LabelledFile> }).files;

function lintFile(text: string, file: string): LintResult {
  return lint(text, { filePath: join(dir, 'fixtures', file), forceBlueprint: true });
}

/** The step a finding belongs to, told apart from steps with the same title by its title position. */
function stepKey(f: Finding): string {
  return f.step ?? '(outside steps)';
}

describe('rule pack fixtures (test/rulepack)', function () {
  this.timeout(120000);
  const results = Object.entries(labels).map(([file, label]) => {
    const text = readFileSync(join(dir, 'fixtures', file), 'utf8');
    return { file, label, text, result: lintFile(text, file) };
  });

  it('covers several industries and every step shape', () => {
    const industries = new Set(results.map((r) => r.label.industry));
    const shapes = new Set(results.flatMap((r) => r.label.steps.map((s) => s.shape)));
    assert.ok(industries.size >= 6, `only ${industries.size} industries`);
    assert.deepEqual([...shapes].sort(), ['heading', 'list', 'prose', 'table-columns', 'table-rows']);
  });

  it('finds exactly the labelled steps (title and shape)', () => {
    for (const { file, label, result } of results) {
      assert.deepEqual(
        result.blueprint.steps.map((s) => `${s.shape}:${s.title}`),
        label.steps.map((s) => `${s.shape}:${s.title}`),
        file,
      );
    }
  });

  it(`flags steps with per-rule precision and recall of at least ${MIN_SCORE}`, () => {
    const failures: string[] = [];
    for (const ruleId of PACK) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const misses: string[] = [];
      for (const { file, label, result } of results) {
        const got = new Set(result.findings.filter((f) => f.ruleId === ruleId).map(stepKey));
        const want = new Set(label.steps.filter((s) => s.flags.includes(ruleId)).map((s) => s.title));
        if (label.outside.includes(ruleId)) want.add('(outside steps)');
        const all = new Set([...label.steps.map((s) => s.title), '(outside steps)', ...got]);
        for (const key of all) {
          if (got.has(key) && want.has(key)) tp++;
          else if (got.has(key)) {
            fp++;
            misses.push(`FP ${file}: ${key}`);
          } else if (want.has(key)) {
            fn++;
            misses.push(`FN ${file}: ${key}`);
          }
        }
      }
      const precision = tp / (tp + fp || 1);
      const recall = tp / (tp + fn || 1);
      console.log(`      ${ruleId.padEnd(28)} tp ${String(tp).padStart(2)}  fp ${fp}  fn ${fn}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}`);
      for (const m of misses) console.log(`        ${m}`);
      if (tp + fn < MIN_POSITIVES) failures.push(`${ruleId}: only ${tp + fn} labelled positives`);
      if (precision < MIN_SCORE) failures.push(`${ruleId}: precision ${precision.toFixed(3)}`);
      if (recall < MIN_SCORE) failures.push(`${ruleId}: recall ${recall.toFixed(3)}`);
    }
    assert.deepEqual(failures, []);
  });

  it('writes every message in one voice: what to do first, then the step or section it is about', () => {
    for (const { file, result } of results) {
      for (const f of result.findings.filter((x) => (PACK as readonly string[]).includes(x.ruleId))) {
        // The Problems panel shows a message's first ~70 characters: the action must be there.
        assert.match(f.message, /^(?:Name|Fill in|Say|Give|Did you mean)\b/, `${file}: ${f.message}`);
        const names = f.step !== null ? f.message.toLowerCase().includes(`step "${f.step.toLowerCase()}"`) : /(?:section "[^"]+"|the blueprint)/.test(f.message);
        assert.ok(names, `${file}: ${f.message}`);
        assert.ok(f.message.endsWith('.') || f.message.endsWith('?'), `${file}: ${f.message}`);
      }
    }
  });

  it('applies safe fixes only for unknown-lane, and they leave no unknown-lane finding', () => {
    for (const { file, text, result } of results) {
      const safe = result.findings.flatMap((f) => f.fixes.filter((x) => x.safe).map((x) => ({ f, x })));
      for (const { f } of safe) assert.equal(f.ruleId, 'unknown-lane', `${file}: ${f.message}`);
      const fixed = applyEdits(
        text,
        safe.flatMap(({ x }) => x.edits),
      );
      assert.equal(fixed.skipped.length, 0, file);
      const after = lintFile(fixed.text, file).findings.filter((f) => f.ruleId === 'unknown-lane');
      assert.deepEqual(
        after.map((f) => f.message),
        [],
        file,
      );
    }
  });

  it('keeps every quick fix inside its step, and filling its placeholder resolves the finding', () => {
    let checked = 0;
    for (const { file, text, result } of results) {
      const steps = result.blueprint.steps;
      for (const f of result.findings.filter((x) => (PACK as readonly string[]).includes(x.ruleId) && x.step !== null)) {
        const step = steps.find((s) => s.titleSpan.start === f.stepTitleSpan?.start)!;
        const ordinal = steps.filter((s) => s.title === step.title).indexOf(step);
        for (const fix of f.fixes.filter((x) => x.kind !== 'disable-step' && !x.safe)) {
          for (const e of fix.edits) assert.ok(insideStep(step, e.start, e.end), `${file}: "${fix.title}" edits ${e.start}-${e.end} outside ${step.span.start}-${step.span.end}`);
          const filled = applyEdits(text, fix.edits).text.replace(/TBD/g, FILLER);
          const again = lintFile(filled, file);
          const same = again.blueprint.steps.filter((s) => s.title === step.title)[ordinal]!;
          const left = again.findings.filter((g) => g.ruleId === f.ruleId && g.stepTitleSpan?.start === same.titleSpan.start);
          assert.deepEqual(
            left.map((g) => g.message),
            [],
            `${file}: "${fix.title}" then filling TBD:\n${filled}`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked >= 20, `only ${checked} quick fixes checked`);
  });
});

/** Edits of a step's fix stay in its span; a table row may also append a cell to each line of its own table. */
function insideStep(step: Step, start: number, end: number): boolean {
  if (start >= step.span.start && end <= step.span.end) return true;
  // Steps as rows: a new column appends one cell at the end of every line of the table (header and delimiter too).
  return step.shape === 'table-rows' && start === end;
}
