// Property-based tests of the engine on generated blueprints and mutated corpus files: never throws,
// ranges inside the document, positions exact, results deterministic.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint.js';
import { blueprintArb, corpusFiles, fuzzRuns, fuzzSeed, mutatedCorpusArb } from '../support/arbitraries.js';
import { assertWellFormed, preview, snapshot } from './invariants.js';

// Linting costs ~10 ms per generated blueprint and ~50 ms per corpus file on this machine, so the
// cheaper properties get the full count and the dearer ones a share of it (FUZZ_RUNS scales all).
const runs = fuzzRuns();
const share = (divisor: number) => Math.max(10, Math.ceil(runs / divisor));

describe('engine properties (fast-check)', function () {
  this.timeout(0);

  it(`generated blueprints: never throws, ranges inside the document, exact positions (${runs} cases)`, () => {
    let flagged = 0;
    fc.assert(
      fc.property(blueprintArb, fc.boolean(), ({ text }, force) => {
        const result = lint(text, { forceBlueprint: force });
        assertWellFormed(text, result);
        if (result.findings.length) flagged++;
      }),
      { numRuns: runs, seed: fuzzSeed() },
    );
    // The generator must exercise the rule, or the properties above say little.
    assert.ok(flagged > runs / 20, `only ${flagged} of ${runs} generated blueprints had a finding`);
  });

  it(`generated blueprints are recognised: every generated section yields at least one step (${share(20)} cases)`, () => {
    fc.assert(
      fc.property(blueprintArb, ({ text, sections }) => {
        const result = lint(text, { forceBlueprint: true });
        assert.ok(result.blueprint.steps.length >= sections, `${sections} sections but ${result.blueprint.steps.length} steps in ${preview(text)}`);
      }),
      { numRuns: share(20), seed: fuzzSeed() },
    );
  });

  it(`generated blueprints: linting twice gives equal JSON (${share(10)} cases)`, () => {
    fc.assert(
      fc.property(blueprintArb, ({ text }) => {
        assert.equal(snapshot(lint(text)), snapshot(lint(text)), `not deterministic on ${preview(text)}`);
      }),
      { numRuns: share(10), seed: fuzzSeed() },
    );
  });

  it(`mutated corpus blueprints: never throws, ranges inside the document, exact positions, deterministic (${share(10)} cases)`, () => {
    fc.assert(
      fc.property(mutatedCorpusArb(), fc.boolean(), (doc, force) => {
        const options = { filePath: doc.path, forceBlueprint: force };
        const first = lint(doc.text, options);
        assertWellFormed(doc.text, first);
        const second = lint(doc.text, options);
        assert.equal(snapshot(second), snapshot(first), `not deterministic on ${doc.file} after ${JSON.stringify(doc.mutations)}`);
      }),
      { numRuns: share(10), seed: fuzzSeed() },
    );
  });

  it('every unmutated corpus file satisfies the invariants', () => {
    const files = corpusFiles();
    assert.ok(files.length > 0, 'the shared corpus is missing');
    for (const f of files) assertWellFormed(f.text, lint(f.text, { filePath: f.path }));
  });
});
