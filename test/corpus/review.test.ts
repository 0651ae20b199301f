// The prose rules on the real-world fixtures opted in as blueprints, judged finding by finding (review.json).
import { strict as assert } from 'node:assert';
import { readFloors } from '../support/evaluation.js';
import { readReview, reviewFindings, summariseReview } from '../support/review.js';

describe('reviewer judgements of the prose rules (test/fixtures/real-world/review.json)', function () {
  this.timeout(120000);
  const review = readReview();
  const findings = reviewFindings(review);
  const floors = readFloors()['review'] as unknown as Record<string, { precision: number; recall: number }>;

  it('has a judgement for every finding the prose rules give', () => {
    const unjudged = findings.filter((f) => f.found && f.verdict === null).map((f) => `${f.rule} ${f.file}: "${f.step}": ${f.message}`);
    assert.deepEqual(unjudged, []);
  });

  for (const r of summariseReview(findings, review.rules)) {
    const floor = floors[r.rule]!;
    it(`${r.rule}: at least ${floor.precision} of its findings right, at least ${floor.recall} of the right ones found`, () => {
      const list = (verdict: string, found: boolean) =>
        findings
          .filter((f) => f.rule === r.rule && f.verdict === verdict && f.found === found)
          .map((f) => `${f.file}: ${f.step}`)
          .join('; ');
      console.log(`      right ${r.right}, wrong ${r.wrong}, missed ${r.missed}; precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
      assert.ok(r.precision >= floor.precision, `precision ${r.precision.toFixed(3)}; false alarms: ${list('wrong', true)}`);
      assert.ok(r.recall >= floor.recall, `recall ${r.recall.toFixed(3)}; missed: ${list('right', false)}`);
    });
  }
});
