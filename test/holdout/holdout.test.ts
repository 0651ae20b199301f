// Held-out labelled blueprints nobody tuned the vocabulary to: prints how the engine really does, asserts only a floor.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { packageRoot } from '../../server/src/engine/resources.js';

const shapes = ['heading', 'list', 'table-columns', 'table-rows', 'prose'] as const;

interface LabelledStep {
  title: string;
  shape: (typeof shapes)[number];
  benefit: boolean;
  support: boolean;
  flag: boolean;
  note?: string;
}
interface LabelledFile {
  blueprint: boolean;
  steps?: LabelledStep[];
}

const holdoutDir = join(packageRoot(), 'test', 'holdout');
const flagF1Floor = 0.75;

function ratio(part: number, whole: number): string {
  return `${part}/${whole} (${whole === 0 ? '-' : ((100 * part) / whole).toFixed(1)}%)`;
}

describe('held-out blueprint set (test/holdout/labels.json)', function () {
  this.timeout(120000);
  const labels = (JSON.parse(readFileSync(join(holdoutDir, 'labels.json'), 'utf8')) as { files: Record<string, LabelledFile> }).files;
  const results: { file: string; label: LabelledFile; result: LintResult }[] = Object.entries(labels).map(([file, label]) => ({
    file,
    label,
    result: lint(readFileSync(join(holdoutDir, file), 'utf8'), { filePath: join(holdoutDir, file) }),
  }));

  it('labels every Markdown file of the set, consistently (flag = benefit && !support)', () => {
    const documents = readdirSync(holdoutDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(documents.sort(), Object.keys(labels).sort());
    for (const [file, label] of Object.entries(labels)) {
      assert.equal(label.blueprint, label.steps !== undefined, `${file}: blueprints and only blueprints list steps`);
      const titles = new Set<string>();
      for (const s of label.steps ?? []) {
        assert.ok(shapes.includes(s.shape), `${file}: unknown shape ${s.shape}`);
        assert.equal(s.flag, s.benefit && !s.support, `${file}: ${s.title}`);
        assert.ok(!titles.has(s.title), `${file}: duplicate title ${s.title}`);
        titles.add(s.title);
      }
    }
  });

  it('tells blueprints from non-blueprints', () => {
    const wrong = results.filter(({ label, result }) => result.blueprint.isBlueprint !== label.blueprint);
    console.log(`      blueprint detection: ${ratio(results.length - wrong.length, results.length)}`);
    for (const { file, label, result } of results) {
      if (!label.blueprint) console.log(`        non-blueprint ${file}: ${result.findings.length} finding(s)`);
    }
    for (const { file, label } of wrong) console.log(`        WRONG ${file}: labelled ${label.blueprint ? 'blueprint' : 'not a blueprint'}`);
    assert.deepEqual(
      wrong.map((w) => w.file),
      [],
    );
  });

  it('reports step recall by title and shape (printed, not asserted)', () => {
    let expected = 0;
    let exact = 0;
    let titleOnly = 0;
    let extra = 0;
    const perShape = new Map<string, [number, number]>(shapes.map((s) => [s, [0, 0]]));
    const misses: string[] = [];
    for (const { file, label, result } of results) {
      if (!label.blueprint) continue;
      const got = result.blueprint.steps.map((s) => ({ title: s.title, shape: s.shape as string }));
      for (const want of label.steps ?? []) {
        expected++;
        const counts = perShape.get(want.shape)!;
        counts[1]++;
        const sameTitle = got.find((g) => g.title === want.title);
        if (sameTitle) titleOnly++;
        if (sameTitle?.shape === want.shape) {
          exact++;
          counts[0]++;
        } else if (sameTitle) misses.push(`shape ${file}: "${want.title}" ${want.shape}, engine says ${sameTitle.shape}`);
        else misses.push(`missed ${file}: ${want.shape} "${want.title}"`);
      }
      const wanted = new Set((label.steps ?? []).map((s) => s.title));
      for (const g of got.filter((g) => !wanted.has(g.title))) {
        extra++;
        misses.push(`extra ${file}: ${g.shape} "${g.title}"`);
      }
    }
    console.log(`      step recall (title + shape): ${ratio(exact, expected)}; by title only: ${ratio(titleOnly, expected)}; extra steps: ${extra}`);
    console.log(`      by shape: ${[...perShape].map(([shape, [hit, all]]) => `${shape} ${hit}/${all}`).join(', ')}`);
    for (const m of misses) console.log(`        ${m}`);
    assert.ok(expected > 0, 'the labels list no steps');
  });

  it(`flags steps with an F1 of at least ${flagF1Floor}`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const { file, label, result } of results) {
      const flagged = new Set(result.findings.filter((f) => f.ruleId === 'benefit-needs-support').map((f) => f.step));
      const labelled = new Set((label.steps ?? []).map((s) => s.title));
      for (const s of label.steps ?? []) {
        const got = flagged.has(s.title);
        if (got && s.flag) tp++;
        else if (got) {
          fp++;
          misses.push(`FP ${file}: ${s.title}${s.note ? ` (${s.note})` : ''}`);
        } else if (s.flag) {
          fn++;
          misses.push(`FN ${file}: ${s.title}${s.note ? ` (${s.note})` : ''}`);
        }
      }
      // A finding on a step the labels do not know (e.g. a mistitled step) is a false positive too.
      for (const step of flagged) {
        if (step === null || !labelled.has(step)) {
          fp++;
          misses.push(`FP ${file}: unlabelled step ${JSON.stringify(step)}`);
        }
      }
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);
    console.log(`      flags: tp ${tp}, fp ${fp}, fn ${fn}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`);
    for (const m of misses) console.log(`        ${m}`);
    assert.ok(f1 >= flagF1Floor, `flag F1 ${f1.toFixed(3)} is below the held-out floor ${flagF1Floor}`);
  });
});
