// The labelled shared corpus: step recall, flag precision/recall/F1, and silence on non-blueprints.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { corpusDir } from '../support/arbitraries.js';

interface LabelledStep {
  title: string;
  shape: string;
  benefit: boolean;
  support: boolean;
  flag: boolean;
}
interface LabelledFile {
  blueprint: boolean;
  steps?: LabelledStep[];
}

/** The F1 this build must not fall below; raise it when a change lifts the measured figure (npm run eval). */
const FLOOR = 0.95;

describe('labelled corpus (test/corpus/data/labels.json)', function () {
  this.timeout(120000);
  if (!existsSync(join(corpusDir, 'labels.json'))) {
    it('is present', () => assert.fail(`missing ${corpusDir}/labels.json: the labelled corpus belongs in the repository`));
    return;
  }
  const labels = (JSON.parse(readFileSync(join(corpusDir, 'labels.json'), 'utf8')) as { files: Record<string, LabelledFile> }).files;
  const results = Object.entries(labels).map(([file, label]) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    return { file, label, result: lint(text, { filePath: join(corpusDir, file) }) };
  });

  it('recognises exactly the blueprints', () => {
    for (const { file, label, result } of results) assert.equal(result.blueprint.isBlueprint, label.blueprint, file);
  });

  it('finds every labelled step with the right title and shape, and no extra step', () => {
    let expected = 0;
    let found = 0;
    for (const { file, label, result } of results) {
      if (!label.blueprint) continue;
      const want = (label.steps ?? []).map((s) => `${s.shape}:${s.title}`);
      const got = result.blueprint.steps.map((s) => `${s.shape}:${s.title}`);
      expected += want.length;
      found += want.filter((w) => got.includes(w)).length;
      assert.deepEqual(got, want, file);
    }
    console.log(`      step recall: ${found}/${expected} (${((100 * found) / expected).toFixed(1)}%)`);
  });

  it(`flags steps with an F1 of at least the recorded floor (${FLOOR})`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const { file, label, result } of results) {
      const flagged = new Set(result.findings.filter((f) => f.ruleId === 'benefit-needs-support').map((f) => f.step));
      for (const s of label.steps ?? []) {
        const got = flagged.has(s.title);
        if (got && s.flag) tp++;
        else if (got && !s.flag) {
          fp++;
          misses.push(`FP ${file}: ${s.title}`);
        } else if (!got && s.flag) {
          fn++;
          misses.push(`FN ${file}: ${s.title}`);
        }
      }
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);
    console.log(`      flags: tp ${tp}, fp ${fp}, fn ${fn}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`);
    for (const m of misses) console.log(`        ${m}`);
    assert.ok(f1 >= FLOOR, `flag F1 ${f1.toFixed(3)} is below the recorded floor ${FLOOR}`);
  });

  it('gives zero findings on non-blueprints', () => {
    for (const { file, label, result } of results) if (!label.blueprint) assert.deepEqual(result.findings, [], file);
  });
});
