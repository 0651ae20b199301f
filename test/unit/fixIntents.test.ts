// The blueprint model and findings are plain data; a fix is an intent that intentEdits.ts turns into edits.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../server/src/engine/fix.js';
import { intentEdits, resolvedFix } from '../../server/src/engine/intentEdits.js';
import { lint } from '../../server/src/engine/lint.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import type { Finding, FixProposal } from '../../server/src/engine/types.js';
import { requiredCorpusFiles } from '../support/arbitraries.js';

/** Throws, naming the path, at the first value JSON would not carry back: a function, a class instance, a Map, NaN... */
function assertPlainData(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} is ${value}`);
    return;
  }
  assert.ok(typeof value === 'object', `${path} is a ${typeof value}`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainData(v, `${path}[${i}]`));
    return;
  }
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is no plain object`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) assertPlainData(v, `${path}.${k}`);
}

/** `value` as JSON gives it back: properties holding undefined are absent. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

describe('fix intents', () => {
  it('every step and finding of the corpus is plain data that survives JSON, and every fix is its intent resolved against the text', () => {
    let fixes = 0;
    const kinds = new Set<string>();
    for (const file of requiredCorpusFiles()) {
      const result = lint(file.text, { filePath: file.name });
      const model = { steps: result.blueprint.steps, findings: result.findings };
      assertPlainData(model, file.name);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(model)), withoutUndefined(model), file.name);
      for (const finding of result.findings) {
        for (const fix of finding.fixes) {
          assert.deepStrictEqual(fix.edits, intentEdits(file.text, fix.intent), `${file.name}: ${fix.title}`);
          kinds.add(fix.intent.kind);
          fixes++;
        }
      }
    }
    assert.ok(fixes > 100, `only ${fixes} fixes in the corpus`);
    assert.deepEqual([...kinds].sort(), ['add-lane', 'disable-step', 'replace']);
  });

  it('writes each kind of intent as the exact edit', () => {
    const text = '---\nblueprint: true\n---\n## Check-in\n\n- **Customer:** Gets a free upgrade.\n- **Frontstage:** Agent greets.\n';
    const step = lint(text).blueprint.steps[0]!;
    const end = text.length - 1;
    assert.deepEqual(intentEdits(text, { kind: 'add-lane', site: step.insertion, label: 'Support', content: 'TBD', snippet: '${1:tool} at $ per day' }), [
      { start: end, end, text: '\n- **Support:** TBD', snippet: '\n- **Support:** ${1:tool} at \\$ per day' },
    ]);
    const heading = text.indexOf('## Check-in');
    assert.deepEqual(intentEdits(text, { kind: 'disable-step', site: step.disableSite, ruleId: 'empty-lane' }), [
      { start: heading, end: heading, text: '<!-- blueprint-lint-disable-next-line empty-lane -->\n' },
    ]);
    assert.deepEqual(intentEdits(text, { kind: 'replace', span: { start: 4, end: 8 }, text: 'x' }), [{ start: 4, end: 8, text: 'x' }]);
    assert.deepEqual(intentEdits(text, { kind: 'disable-file', ruleId: 'empty-lane' }), [
      { start: 24, end: 24, text: '<!-- blueprint-lint-disable-file empty-lane -->\n', snippet: '<!-- blueprint-lint-disable-file empty-lane -- ${1:reason} -->\n' },
    ]);
    assert.deepEqual(intentEdits(text, { kind: 'opt-in' }), [{ start: 4, end: 4, text: 'blueprint: true\n' }]);
    assert.deepEqual(intentEdits('\uFEFF# Visit\r\n', { kind: 'opt-in' }), [{ start: 1, end: 1, text: '---\r\nblueprint: true\r\n---\r\n\r\n' }]);
  });

  it("fills a table step's empty cell under the lane's label, and adds a row for a lane it lacks", () => {
    const text = '## Visit\n\n| Lane | Arrive | Pay |\n| --- | --- | --- |\n| Customer | Walks in | Pays |\n| Support |  | TBD |\n';
    const [arrive, pay] = lint(text, { forceBlueprint: true }).blueprint.steps;
    const empty = text.indexOf('|  |') + 2;
    const tbd = text.indexOf('TBD');
    const rowEnd = text.length - 1;
    assert.deepEqual(intentEdits(text, { kind: 'add-lane', site: arrive!.insertion, label: 'support', content: 'Radio' }), [{ start: empty, end: empty, text: 'Radio' }]);
    assert.deepEqual(intentEdits(text, { kind: 'add-lane', site: pay!.insertion, label: 'Support', content: 'Till' }), [{ start: tbd, end: tbd + 3, text: 'Till' }]);
    assert.deepEqual(intentEdits(text, { kind: 'add-lane', site: pay!.insertion, label: 'Backstage', content: 'Ledger' }), [{ start: rowEnd, end: rowEnd, text: '\n| Backstage | | Ledger |' }]);
  });

  it('a finding kept in the step cache resolves, after an edit above its step, to the edits of a fresh lint', () => {
    const base = '---\nblueprint: true\n---\n## Check-in\n\n- **Customer:** Gets a free upgrade.\n- **Frontstage:** Agent greets.\n';
    const moved = base.replace('---\n## Check-in', '---\nA line of intro.\n\n## Check-in');
    const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
    lint(base, caches);
    const fixesOf = (findings: Array<Finding<FixProposal>>) => findings.map((f) => f.fixes.map((x) => ({ intent: x.intent, edits: intentEdits(moved, x.intent) })));
    const cached = lint(moved, caches).findings;
    const fresh = lint(moved).findings;
    assert.ok(
      cached.some((f) => f.fixes.some((x) => x.intent.kind === 'add-lane')),
      'the step has an add-lane fix',
    );
    assert.deepStrictEqual(fixesOf(cached), fixesOf(fresh));
    assert.deepStrictEqual(
      cached.map((f) => f.fixes.map((x) => resolvedFix(moved, x))),
      fresh.map((f) => f.fixes),
    );
  });

  it('an add-lane intent applied gives the step the lane, which the next lint reads', () => {
    const text = '## Visit\n\n### Customer\n\nGets a free upgrade.\n\n### Frontstage\n\nAgent greets.\n';
    const step = lint(text, { forceBlueprint: true }).blueprint.steps[0]!;
    const fixed = applyEdits(text, intentEdits(text, { kind: 'add-lane', site: step.insertion, label: 'Support', content: 'Upgrade list' })).text;
    assert.equal(fixed, `${text.trimEnd()}\n\n### Support\n\nUpgrade list\n`);
    assert.deepEqual(
      lint(fixed, { forceBlueprint: true }).blueprint.steps[0]!.lanes.map((l) => [l.kind, l.content.text]),
      [
        ['customer', 'Gets a free upgrade.'],
        ['frontstage', 'Agent greets.'],
        ['support', 'Upgrade list'],
      ],
    );
  });
});
