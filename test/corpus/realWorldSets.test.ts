// The later real-world fixture sets (public blueprints and near-misses rewritten in our own words): floors on telling
// blueprints from near-misses and on the core rule, and no core finding on a file that is not a blueprint.
import { strict as assert } from 'node:assert';
import { corpusByName, evaluateCorpus, FLAG_RULE, readFloors, summarise } from '../support/evaluation.js';

for (const name of ['real-world-2', 'real-world-3', 'real-world-4']) {
  const spec = corpusByName(name)!;

  describe(`real-world fixtures (${spec.dir}/labels.json)`, function () {
    this.timeout(120000);
    const floor = readFloors()[name]!;
    const evaluation = evaluateCorpus(spec);
    const summary = summarise(evaluation.files);

    it('has every labelled file', () => assert.deepEqual(evaluation.missing, []));

    it(`recognises at least ${floor.detection} of the files as blueprints or not, as labelled`, () => {
      for (const f of evaluation.files) if (f.detectedBlueprint !== f.labelledBlueprint) console.log(`        ${f.file}: read as ${f.detectedBlueprint ? '' : 'no '}blueprint`);
      assert.ok(summary.blueprintsRight / summary.files >= floor.detection!, `${summary.blueprintsRight}/${summary.files}`);
    });

    it(`flags steps with an F1 of at least ${floor.f1}`, () => {
      const { counts, scores } = summary;
      console.log(`      flags: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}; F1 ${scores.f1.toFixed(3)}`);
      assert.ok(scores.f1 >= floor.f1, `flag F1 ${scores.f1.toFixed(3)}`);
    });

    it(`never raises ${FLAG_RULE} on a file that is not a blueprint`, () => {
      for (const f of evaluation.files) if (!f.labelledBlueprint) assert.equal(f.verdicts.filter((v) => v.flagged).length, 0, f.file);
    });
  });
}
