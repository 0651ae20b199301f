// The check the export-format tests share: linting with the caches of the text before an edit gives a fresh lint's result.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/index.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { withEdits } from './fixEdits.js';

/** Linting after each one-character edit with the caches of the text before gives a fresh lint's steps and findings. */
export function incrementalMatchesFresh(text: string): void {
  const run = (t: string, caches?: { parse: ChunkCache; steps: StepCache }) => {
    const r = lint(t, { parseCache: caches?.parse, stepCache: caches?.steps, filePath: 'doc.blueprint.md' });
    return JSON.stringify({ steps: r.blueprint.steps.map((s) => [s.title, s.shape, s.span, s.titleSpan, s.lanes, s.benefits, s.supports]), findings: withEdits(t, r.findings) });
  };
  for (const at of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const caches = { parse: new ChunkCache(), steps: new StepCache() };
    assert.equal(run(text, caches), run(text));
    const cut = Math.floor(at * text.length);
    const edited = `${text.slice(0, cut)}x${text.slice(cut)}`;
    assert.equal(run(edited, caches), run(edited), `after an edit at ${cut}`);
  }
}
