// A lint without caches is fresh whatever ran before it in the process: no memo outlives a lint, so nothing needs flushing.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { lint, type LintOptions } from '../../server/src/engine/lint.js';
import { requiredCorpusFiles } from '../support/arbitraries.js';

const lintModule = pathToFileURL(join(fileURLToPath(import.meta.url), '..', '..', '..', 'server', 'src', 'engine', 'lint.js')).href;

/** What a lint decided, as text: the model, the findings with their fixes, the problems and the directives. */
function result(text: string, options: LintOptions = {}): string {
  const r = lint(text, { filePath: 'blueprint.md', forceBlueprint: true, today: '2026-01-01', ...options });
  return JSON.stringify({ blueprint: r.blueprint, findings: r.findings, problems: r.problems, suppressed: r.suppressed, directives: r.directives });
}

/** A handful of corpus files: every seventh, so the shapes differ. */
const handful = () =>
  requiredCorpusFiles()
    .filter((_, i) => i % 7 === 0)
    .slice(0, 6);

describe('a lint without caches needs no flushing', () => {
  it('lints a text the same twice in a row, after other texts, and after an editor cache linted them', () => {
    const files = handful();
    assert.ok(files.length >= 5, `only ${files.length} corpus files`);
    const first = files.map((f) => result(f.text));
    // Again in the reverse order, so each text now comes after different ones.
    const again = [...files].reverse().map((f) => result(f.text));
    again.reverse();
    const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
    for (const f of files) result(f.text, caches);
    const afterEditor = files.map((f) => result(f.text));
    files.forEach((f, i) => {
      assert.equal(result(f.text), first[i], `${f.name}: twice in a row`);
      assert.equal(again[i], first[i], `${f.name}: after other texts`);
      assert.equal(afterEditor[i], first[i], `${f.name}: after a cached lint of the same texts`);
    });
  });

  it("reads a lane label with this lint's lane table, whatever table read the same label before", () => {
    // With one memo of lane readings per process, keyed on the label alone, the default table's reading of
    // "Zorblax / Qux" (no lane) stood when a config then named Zorblax a customer lane, and the lane went missing.
    const text = '# Visit\n\n## Arrive\n\n- **Zorblax / Qux:** Walks in and waits at the desk.\n- **Frontstage:** Greets them.\n- **Backstage:** Preps the room.\n';
    const config = { ...defaultConfig(), lanes: { customer: ['Zorblax'] } };
    const lanes = (options: LintOptions) => lint(text, { forceBlueprint: true, ...options }).blueprint.steps.map((s) => s.lanes.map((l) => `${l.label}=${l.kind}`));
    assert.deepEqual(lanes({}), [['Frontstage=frontstage', 'Backstage=backstage']]);
    assert.deepEqual(lanes({ config }), [['Zorblax / Qux=customer', 'Frontstage=frontstage', 'Backstage=backstage']]);
    const cache = new StepCache();
    lanes({ stepCache: cache });
    assert.deepEqual(lanes({ config, stepCache: cache }), [['Zorblax / Qux=customer', 'Frontstage=frontstage', 'Backstage=backstage']], 'with one cache');
  });

  it('gives in this process, after everything the suites ran, what a new process linting only that text gives', () => {
    for (const f of handful().slice(0, 3)) {
      const script = `import { readFileSync } from 'node:fs'; import { lint } from ${JSON.stringify(lintModule)};
        const r = lint(readFileSync(${JSON.stringify(f.path)}, 'utf8'), { filePath: 'blueprint.md', forceBlueprint: true, today: '2026-01-01' });
        process.stdout.write(JSON.stringify({ blueprint: r.blueprint, findings: r.findings, problems: r.problems, suppressed: r.suppressed, directives: r.directives }));`;
      const alone = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(result(f.text), alone, f.name);
    }
  });
});
