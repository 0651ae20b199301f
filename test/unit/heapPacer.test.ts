// The language server collects its heap after each slice of whole-document lints, so a burst of opens does not
// leave hundreds of parses' garbage in memory (bench `--only rss`: 500 open blueprints peak at ~250 MB, not ~290).
import { strict as assert } from 'node:assert';
import { HeapPacer } from '../../server/src/server/heapPacer.js';

describe('HeapPacer', () => {
  it('collects once per slice of linted text, counting from zero after each collection', () => {
    const pacer = new HeapPacer(1000);
    assert.deepEqual(
      [400, 400, 400, 999, 1].map((n) => pacer.linted(n)),
      [false, false, true, false, true],
    );
  });

  it('a collection frees garbage the heap still held', () => {
    const pacer = new HeapPacer(1);
    // eslint-disable-next-line no-useless-assignment -- garbage is made only to be dropped and collected
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    assert.equal(garbage, undefined);
    assert.equal(pacer.linted(1), true);
    assert.ok(process.memoryUsage().heapUsed < before - 5 * 1024 * 1024, 'at least 5 MB of garbage collected');
  });
});
