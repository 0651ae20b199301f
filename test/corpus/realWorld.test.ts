// Fixtures that reproduce the layouts and label spellings of 22 public blueprints and near-misses, in our own words.
import { strict as assert } from 'node:assert';
import { corpusByName, describeFired, evaluateCorpus, firedFor, FLAG_RULE, readFloors, summarise } from '../support/evaluation.js';

// Four sets: test/fixtures/real-world (22 documents) and real-world-2 to -4 (later public documents, mostly near-misses);
// step floors where recorded.
for (const name of ['real-world', 'real-world-2', 'real-world-3', 'real-world-4']) {
  const spec = corpusByName(name)!;

  describe(`real-world layouts (${spec.dir}/labels.json)`, function () {
    this.timeout(120000);
    const floor = readFloors()[name]!;
    const evaluation = evaluateCorpus(spec);
    const summary = summarise(evaluation.files);

    it('has every labelled file', () => assert.deepEqual(evaluation.missing, []));

    it(`recognises at least ${floor.detection} of the files as blueprints or not, as labelled`, () => {
      for (const f of evaluation.files) if (f.detectedBlueprint !== f.labelledBlueprint) console.log(`        ${f.file}: read as ${f.detectedBlueprint ? '' : 'no '}blueprint`);
      assert.ok(summary.blueprintsRight / summary.files >= floor.detection!, `${summary.blueprintsRight}/${summary.files}`);
    });

    if (floor.stepRecall !== undefined) {
      it(`finds at least ${floor.stepRecall} of the labelled steps, and at least ${floor.stepPrecision} of what it reads as steps are steps`, () => {
        const recall = summary.stepsMatched / summary.stepsLabelled;
        const precision = summary.stepsMatched / summary.stepsFound;
        console.log(`      steps: recall ${summary.stepsMatched}/${summary.stepsLabelled}, precision ${summary.stepsMatched}/${summary.stepsFound}`);
        assert.ok(recall >= floor.stepRecall!, `step recall ${recall.toFixed(3)}`);
        assert.ok(precision >= floor.stepPrecision!, `step precision ${precision.toFixed(3)}`);
      });
    }

    it(`flags steps with an F1 of at least ${floor.f1}`, () => {
      const { counts, scores } = summary;
      console.log(`      flags: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}; F1 ${scores.f1.toFixed(3)}`);
      for (const v of evaluation.files.flatMap((f) => f.verdicts)) {
        if (v.outcome === 'fp' || v.outcome === 'fn') console.log(`        ${v.outcome.toUpperCase()} ${v.file}: ${v.title} [${v.cause}: ${describeFired(firedFor(v))}]`);
      }
      assert.ok(scores.f1 >= floor.f1, `flag F1 ${scores.f1.toFixed(3)}`);
    });

    it(`never raises ${FLAG_RULE} on a file that is not a blueprint`, () => {
      for (const f of evaluation.files) if (!f.labelledBlueprint) assert.equal(f.verdicts.filter((v) => v.flagged).length, 0, f.file);
    });
  });
}
