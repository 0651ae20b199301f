// Held-out labelled blueprints nobody tuned the vocabulary to: prints how the engine really does, asserts only a floor.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { corpusByName, corpusPath, describeFired, evaluateCorpus, firedFor, readFloors, readLabels, SHAPES, summarise } from '../support/evaluation.js';

// Held-out sets: test/holdout (November 2026), test/holdout-2 to -25 (December 2026), each with its floor.
for (const name of [
  'holdout',
  'holdout-2',
  'holdout-3',
  'holdout-4',
  'holdout-5',
  'holdout-6',
  'holdout-7',
  'holdout-8',
  'holdout-9',
  'holdout-10',
  'holdout-11',
  'holdout-12',
  'holdout-13',
  'holdout-14',
  'holdout-15',
  'holdout-16',
  'holdout-17',
  'holdout-18',
  'holdout-19',
  'holdout-20',
  'holdout-21',
  'holdout-22',
  'holdout-23',
  'holdout-24',
  'holdout-25',
]) {
  const spec = corpusByName(name)!;
  const holdoutDir = corpusPath(spec);

  function ratio(part: number, whole: number): string {
    return `${part}/${whole} (${whole === 0 ? '-' : ((100 * part) / whole).toFixed(1)}%)`;
  }

  describe(`held-out blueprint set (${spec.dir}/labels.json)`, function () {
    this.timeout(120000);
    const labels = readLabels(spec);
    /** The held-out floor lives beside the corpus floor in test/corpus/floors.json. */
    const flagF1Floor = readFloors()[name]!.f1;
    const evaluation = evaluateCorpus(spec);
    const summary = summarise(evaluation.files);

    it('labels every Markdown file of the set, consistently (flag = benefit && !support)', () => {
      const documents = readdirSync(holdoutDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
      assert.deepEqual(documents.sort(), Object.keys(labels).sort());
      for (const [file, label] of Object.entries(labels)) {
        assert.equal(label.blueprint, label.steps !== undefined, `${file}: blueprints and only blueprints list steps`);
        const titles = new Set<string>();
        for (const s of label.steps ?? []) {
          assert.ok((SHAPES as readonly string[]).includes(s.shape), `${file}: unknown shape ${s.shape}`);
          assert.equal(s.flag, s.benefit && !s.support, `${file}: ${s.title}`);
          assert.ok(!titles.has(s.title), `${file}: duplicate title ${s.title}`);
          titles.add(s.title);
        }
      }
    });

    it('tells blueprints from non-blueprints', () => {
      const wrong = evaluation.files.filter((f) => f.detectedBlueprint !== f.labelledBlueprint);
      console.log(`      blueprint detection: ${ratio(summary.blueprintsRight, summary.files)}`);
      for (const f of spec.blind ? [] : evaluation.files) {
        if (!f.labelledBlueprint) console.log(`        non-blueprint ${f.file}: ${f.verdicts.filter((v) => v.flagged).length} flag(s)`);
      }
      for (const f of spec.blind ? [] : wrong) console.log(`        WRONG ${f.file}: labelled ${f.labelledBlueprint ? 'blueprint' : 'not a blueprint'}`);
      // A set whose first blind reading missed layouts records its detection floor; the others must tell every file.
      const detectionFloor = readFloors()[name]!.detection;
      if (detectionFloor === undefined) {
        assert.deepEqual(
          wrong.map((w) => w.file),
          [],
        );
      } else {
        const right = summary.blueprintsRight / summary.files;
        assert.ok(right >= detectionFloor, `detection ${right.toFixed(3)} is below the recorded floor ${detectionFloor} (test/corpus/floors.json)`);
      }
    });

    it('reports step recall by title and shape (printed, not asserted)', () => {
      const labelled = evaluation.files.flatMap((f) => f.verdicts.filter((v) => v.label !== null));
      const titleOnly = labelled.filter((v) => v.engineShape !== null).length;
      const misses: string[] = [];
      let extra = 0;
      for (const v of labelled) {
        if (v.engineShape === null) misses.push(`missed ${v.file}: ${v.shape} "${v.title}"`);
        else if (v.engineShape !== v.shape) misses.push(`shape ${v.file}: "${v.title}" ${v.shape}, engine says ${v.engineShape}`);
      }
      for (const f of evaluation.files) {
        const wanted = new Set((labels[f.file]!.steps ?? []).map((s) => s.title));
        for (const g of f.engineSteps.filter((g) => !wanted.has(g.title))) {
          extra++;
          misses.push(`extra ${f.file}: ${g.shape} "${g.title}"`);
        }
      }
      console.log(`      step recall (title + shape): ${ratio(summary.stepsMatched, summary.stepsLabelled)}; by title only: ${ratio(titleOnly, summary.stepsLabelled)}; extra steps: ${extra}`);
      console.log(`      by shape: ${SHAPES.map((shape) => `${shape} ${summary.byShape.get(shape)!.matched}/${summary.byShape.get(shape)!.labelled}`).join(', ')}`);
      if (spec.blind) console.log(`        (blind: ${misses.length} step misses not printed)`);
      else for (const m of misses) console.log(`        ${m}`);
      assert.ok(summary.stepsLabelled > 0, 'the labels list no steps');
    });

    it(`flags steps with an F1 of at least the recorded floor (${flagF1Floor})`, () => {
      const { counts, scores } = summary;
      const notes = new Map(Object.entries(labels).flatMap(([file, l]) => (l.steps ?? []).map((s) => [`${file}\0${s.title}`, s.note] as const)));
      console.log(`      flags: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}; precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`);
      // (a blind set's steps and notes are never printed: see CorpusSpec.blind)
      for (const v of spec.blind ? [] : evaluation.files.flatMap((f) => f.verdicts)) {
        if (v.outcome !== 'fp' && v.outcome !== 'fn') continue;
        const note = notes.get(`${v.file}\0${v.title}`);
        console.log(`        ${v.outcome.toUpperCase()} ${v.file}: ${v.title}${note ? ` (${note})` : ''} [${v.cause}: ${describeFired(firedFor(v))}]`);
      }
      assert.ok(scores.f1 >= flagF1Floor, `flag F1 ${scores.f1.toFixed(3)} is below the held-out floor ${flagF1Floor} (test/corpus/floors.json)`);
    });
  });
}
