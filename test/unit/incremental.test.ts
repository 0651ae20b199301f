// Incremental re-lint (a per-document chunk cache, as the language server keeps) equals a full lint, finding for finding.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint.js';
import { ChunkCache } from '../../server/src/engine/parse.js';
import { packageRoot } from '../../server/src/engine/resources.js';

const corpusDir = join(packageRoot(), '..', 'shared', 'corpus');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const snippets = ['', 'x', '\n', '\n\n', '## New step\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Hands over the key.\n', '```\n', '<!--', '-->', '| a | b |\n|---|---|\n', '# ', '---\n', '- **Support:** Till system\n', 'same-day refund ', '> '];

/** One edit: replace `length` characters at a relative position with a snippet. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...snippets) });

const comparable = (text: string, cache?: ChunkCache) => {
  const r = lint(text, { parseCache: cache, filePath: 'doc.blueprint.md' });
  return JSON.stringify({ steps: r.blueprint.steps.map((s) => [s.title, s.shape, s.span, s.lanes.length]), findings: r.findings.map((f) => [f.ruleId, f.span, f.message, f.fixes.map((x) => x.edits)]), problems: r.problems });
};

describe('incremental re-lint', function () {
  this.timeout(300000);
  it('a chain of random edits linted with one cache gives exactly the findings of a fresh lint (150 chains)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
        const cache = new ChunkCache();
        let text = corpus[doc]!;
        comparable(text, cache);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
          assert.equal(comparable(text, cache), comparable(text), `after editing at ${at}`);
        }
      }),
      { numRuns: 150, seed: Number(process.env['FUZZ_SEED'] ?? 20261122) },
    );
  });
});
