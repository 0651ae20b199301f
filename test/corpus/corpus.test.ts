// The labelled shared corpus: step recall, flag precision/recall/F1, and silence on non-blueprints.
import { strict as assert } from 'node:assert';
import { corpusByName, corpusPath, describeFired, evaluateCorpus, firedFor, hasLabels, readFloors, readLabels, summarise } from '../support/evaluation.js';

const spec = corpusByName('corpus')!;

describe('labelled corpus (test/corpus/data/labels.json)', function () {
  this.timeout(120000);
  if (!hasLabels(spec)) {
    it('is present', () => assert.fail(`missing ${corpusPath(spec)}/labels.json: the labelled corpus belongs in the repository`));
    return;
  }
  /** The F1 this build must not fall below (test/corpus/floors.json); raise it when a change lifts the measured figure (npm run eval). */
  const floor = readFloors()['corpus']!.f1;
  const evaluation = evaluateCorpus(spec);
  const summary = summarise(evaluation.files);

  it('has every labelled file', () => assert.deepEqual(evaluation.missing, []));

  it('recognises exactly the blueprints', () => {
    for (const f of evaluation.files) assert.equal(f.detectedBlueprint, f.labelledBlueprint, f.file);
  });

  it('finds every labelled step with the right title and shape, and no extra step', () => {
    const labels = readLabels(spec);
    for (const f of evaluation.files) {
      if (!f.labelledBlueprint) continue;
      const want = (labels[f.file]!.steps ?? []).map((s) => `${s.shape}:${s.title}`);
      assert.deepEqual(
        f.engineSteps.map((s) => `${s.shape}:${s.title}`),
        want,
        f.file,
      );
    }
    const { stepsMatched: found, stepsLabelled: expected } = summary;
    console.log(`      step recall: ${found}/${expected} (${((100 * found) / expected).toFixed(1)}%)`);
  });

  it(`flags steps with an F1 of at least the recorded floor (${floor})`, () => {
    const { counts, scores } = summary;
    console.log(`      flags: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}; precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`);
    for (const v of evaluation.files.flatMap((f) => f.verdicts)) {
      if (v.outcome === 'fp' || v.outcome === 'fn') console.log(`        ${v.outcome.toUpperCase()} ${v.file}: ${v.title} [${v.cause}: ${describeFired(firedFor(v))}]`);
    }
    assert.ok(scores.f1 >= floor, `flag F1 ${scores.f1.toFixed(3)} is below the recorded floor ${floor} (test/corpus/floors.json)`);
  });

  it('gives zero findings on non-blueprints', () => {
    for (const f of evaluation.files) {
      if (!f.labelledBlueprint) assert.deepEqual({ flags: f.verdicts.filter((v) => v.flagged).length, other: f.otherFindings }, { flags: 0, other: {} }, f.file);
    }
  });
});
