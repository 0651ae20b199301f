// Huge and hostile documents lint in time linear in their size: each case is linted at n and 4n (median of 3 runs,
// in one process, CPU time) and the ratio of the two times must stay at most 6 (linear is 4, quadratic 16). Each case also
// checks what the lint found, so a fast wrong answer fails too.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { MAX_DEPTH } from '../../server/src/engine/parse.js';
import { assertWellFormed } from '../property/invariants.js';
import { LONG_LANE_HEAD, longLine, longTable, mixedBlueprint, negatedLane, nestedLists, nestedQuotes, pipes, productLane, unclosed, wideTable } from './hostile.js';

const config = defaultConfig();
const MAX_RATIO = 6;
const rows: string[] = [];

function lintForced(text: string): LintResult {
  return lint(text, { forceBlueprint: true, config });
}

interface Sample {
  cpu: number;
  wall: number;
  result: LintResult;
}

/** One sample: CPU time (less moved by a busy machine than wall time) and wall time of `reps` lints of `text`. */
function sample(text: string, reps: number): Sample {
  let result: LintResult | undefined;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let k = 0; k < reps; k++) result = lintForced(text);
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0, result: result! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;

/** Lints the case at n and 4n, checks both results, and asserts the time ratio. */
function scales(name: string, n: number, make: (size: number) => string, check: (text: string, result: LintResult, size: number) => void, reps = 1): void {
  it(`${name}: n = ${n.toLocaleString('en')} and 4n lint correctly, and 4n takes at most ${MAX_RATIO}x the time of n`, () => {
    const small = make(n);
    const big = make(4 * n);
    // One untimed lint first: the code paths this input takes are compiled before either size is timed.
    lintForced(small);
    // Three runs of each size, interleaved, so a burst of load from elsewhere hits both sizes alike.
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let i = 0; i < 3; i++) {
      a.push(sample(small, reps));
      b.push(sample(big, reps));
    }
    for (const [text, r, size] of [[small, a[0]!.result, n], [big, b[0]!.result, 4 * n]] as const) {
      assertWellFormed(text, r);
      check(text, r, size);
    }
    const [cpuA, cpuB] = [median(a.map((x) => x.cpu)), median(b.map((x) => x.cpu))];
    const [wallA, wallB] = [median(a.map((x) => x.wall)), median(b.map((x) => x.wall))];
    const ratio = cpuB / cpuA;
    rows.push(`${name.padEnd(44)} ${String(small.length).padStart(7)} / ${String(big.length).padStart(7)} ${cpuA.toFixed(0).padStart(5)} / ${cpuB.toFixed(0).padStart(5)} ms CPU ${ratio.toFixed(2).padStart(5)}   wall ${wallA.toFixed(0).padStart(5)} / ${wallB.toFixed(0).padStart(5)} ms`);
    assert.ok(ratio <= MAX_RATIO, `${name}: 4n took ${cpuB.toFixed(0)} ms of CPU (median of 3), ${ratio.toFixed(2)}x the ${cpuA.toFixed(0)} ms of n`);
  });
}

const byRule = (r: LintResult, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

/** The problem a cut of deep nesting gives, where the first marker past MAX_DEPTH is (two characters per marker). */
function assertNestingCut(r: LintResult): void {
  assert.deepEqual(
    r.problems.map((p) => [p.message, p.start.line, p.start.column]),
    [[`content nested more than ${MAX_DEPTH} levels deep was left out`, 1, 2 * MAX_DEPTH + 1]],
  );
  assert.deepEqual([r.blueprint.steps, r.findings], [[], []]);
}

describe('scaling: huge and hostile documents lint in linear time', function () {
  this.timeout(120_000);

  before(() => {
    // The first lint in a process compiles the vocabulary: not part of any case's time.
    lintForced(`${LONG_LANE_HEAD}x\n`);
  });

  after(() => {
    console.log(`      ${'case'.padEnd(44)} chars n / 4n      CPU n / 4n    ratio   wall n / 4n`);
    for (const row of rows) console.log(`      ${row}`);
  });

  scales('one long line of prose and markup', 20_000, (n) => longLine(n), (_text, r) => {
    assert.deepEqual([r.blueprint.steps, r.findings, r.problems], [[], [], []]);
  });

  scales('a lane that is one long line', 20_000, (n) => LONG_LANE_HEAD + longLine(n), (_text, r) => {
    // The promise is the lane's opening words, whatever follows them.
    const short = lintForced(`${LONG_LANE_HEAD}x`);
    assert.deepEqual(short.findings.map((f) => [f.ruleId, f.span]), [['benefit-needs-support', { start: 33, end: 45 }]]);
    assert.deepEqual(byRule(r, 'benefit-needs-support').map((f) => f.span), [{ start: 33, end: 45 }]);
    assert.equal(r.blueprint.steps.length, 1);
  });

  scales('a line of only pipes', 100_000, (n) => pipes(n), (_text, r) => {
    assert.deepEqual([r.blueprint.steps, r.findings, r.problems], [[], [], []]);
  });

  scales('blueprint of mixed step shapes', 25_000, (n) => mixedBlueprint(n).text, (text, r, size) => {
    // Blocks are independent: the whole gives each block's own findings, moved to where the block sits.
    const { blocks } = mixedBlueprint(size);
    const head = text.length - blocks.join('').length;
    const expected: string[] = [];
    let at = head;
    let steps = 0;
    for (const b of blocks) {
      const alone = lintForced(b);
      steps += alone.blueprint.steps.length;
      for (const f of alone.findings) expected.push(`${f.ruleId} ${f.span.start + at}-${f.span.end + at} ${f.message}`);
      at += b.length;
    }
    assert.equal(r.blueprint.steps.length, steps);
    assert.ok(steps >= blocks.length);
    assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message}`), expected);
  });

  scales('table with many step columns', 500, (n) => wideTable(n).text, (_text, r, size) => {
    const { benefitCells } = wideTable(size);
    assert.equal(r.blueprint.steps.length, size);
    assert.deepEqual(byRule(r, 'benefit-needs-support').map((f) => f.span), benefitCells.map((c) => ({ start: c + 7, end: c + 19 })));
    assert.equal(byRule(r, 'frontstage-needs-backstage').length, size);
    // The preferred fix adds a row with one cell per column: the new lane's cell lands in its step's column.
    const last = byRule(r, 'benefit-needs-support').at(-1)!;
    const row = last.fixes[0]!.edits[0]!.text;
    assert.equal(row.split('|').length - 2, size + 1);
    assert.equal(row.split('|')[size]!.trim(), 'TBD');
  });

  scales('table with many step rows', 300, (n) => longTable(n).text, (_text, r, size) => {
    const { benefitCells } = longTable(size);
    assert.equal(r.blueprint.steps.length, size);
    assert.deepEqual(byRule(r, 'benefit-needs-support').map((f) => f.span), benefitCells.map((c) => ({ start: c + 7, end: c + 19 })));
  });

  scales('a lane with many negated promises', 1_000, (n) => negatedLane(n), (text, r) => {
    // Every repeat after the first adds hits but no finding: the promise found is the first repeat's.
    const one = lintForced(negatedLane(1));
    const view = (x: LintResult) => byRule(x, 'benefit-needs-support').map((f) => [f.span, f.message]);
    assert.equal(view(one).length, 1);
    assert.deepEqual(view(r), view(one));
    const host = text.indexOf('Host waves');
    assert.deepEqual(byRule(r, 'frontstage-needs-backstage').map((f) => f.span), [{ start: host, end: host + 'Host waves.'.length }]);
  });

  scales('an employee lane with many product names', 1_000, (n) => productLane(n), (_text, r, size) => {
    assert.deepEqual(r.findings, []);
    const supports = r.blueprint.steps[0]!.supports;
    assert.equal(supports.length, 3 * size);
    assert.deepEqual(supports.slice(0, 3).map((s) => [s.text, s.kind]), [['SiteLink', 'tool'], ['CRM', 'tool'], ['POS', 'tool']]);
  });

  scales('nested lists on one line (1,250 / 5,000 levels)', 1_250, (n) => nestedLists(n), (_text, r) => assertNestingCut(r));

  scales('nested blockquotes on one line (1,250 / 5,000 levels)', 1_250, (n) => nestedQuotes(n), (_text, r) => assertNestingCut(r), 20);

  for (const opener of ['[', '*', '`'] as const) {
    scales(`unclosed ${opener}`, 5_000, (n) => unclosed(n, opener), (_text, r) => {
      assert.deepEqual(r.blueprint.steps.map((s) => [s.title, s.shape]), [['Unclosed', 'prose']]);
      assert.deepEqual([r.findings, r.problems], [[], []]);
    });
  }
});
