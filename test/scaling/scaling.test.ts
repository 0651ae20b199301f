// Huge and hostile documents lint in time linear in their size: each case is linted at n and 4n (median of 3 runs,
// in one fresh child process, CPU time) and the ratio of the two times must stay at most 8 (linear is 4, quadratic 16; the margin is for a busy CI machine). Each case also
// checks what the lint found, so a fast wrong answer fails too.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { capNesting, MAX_DEPTH, splitChunks } from '../../server/src/engine/parse.js';
import { assertWellFormed } from '../property/invariants.js';
import { CASES, LONG_LANE_HEAD, longTable, mixedBlueprint, negatedLane, wideTable } from './hostile.js';

const config = defaultConfig();
const MAX_RATIO = 8;
const rows: string[] = [];

function lintForced(text: string): LintResult {
  return lint(text, { forceBlueprint: true, config });
}

const timingScript = fileURLToPath(new URL('./timing.js', import.meta.url));

/** Medians of 3 interleaved runs of n and 4n, timed in a fresh process so no sample collects another suite's garbage. */
function timeInChild(id: string, n: number, reps: number): { cpu: [number, number]; wall: [number, number] } {
  const out = execFileSync(process.execPath, [timingScript, id, String(n), String(reps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as { cpu: [number, number]; wall: [number, number] };
}

/** Lints case `id` at n and 4n here and checks both results, then asserts the time ratio measured in a child process. */
function scales(name: string, id: string, n: number, check: (text: string, result: LintResult, size: number) => void, reps = 1): void {
  it(`${name}: n = ${n.toLocaleString('en')} and 4n lint correctly, and 4n takes at most ${MAX_RATIO}x the time of n`, () => {
    const make = CASES[id]!;
    const small = make(n);
    const big = make(4 * n);
    for (const [text, size] of [
      [small, n],
      [big, 4 * n],
    ] as const) {
      const r = lintForced(text);
      assertWellFormed(text, r);
      check(text, r, size);
    }
    const { cpu, wall } = timeInChild(id, n, reps);
    const ratio = cpu[1] / cpu[0];
    rows.push(
      `${name.padEnd(44)} ${String(small.length).padStart(7)} / ${String(big.length).padStart(7)} ${cpu[0].toFixed(0).padStart(5)} / ${cpu[1].toFixed(0).padStart(5)} ms CPU ${ratio.toFixed(2).padStart(5)}   wall ${wall[0].toFixed(0).padStart(5)} / ${wall[1].toFixed(0).padStart(5)} ms`,
    );
    assert.ok(ratio <= MAX_RATIO, `${name}: 4n took ${cpu[1].toFixed(0)} ms of CPU (median of 3), ${ratio.toFixed(2)}x the ${cpu[0].toFixed(0)} ms of n`);
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

  after(() => {
    console.log(`      ${'case'.padEnd(44)} chars n / 4n      CPU n / 4n    ratio   wall n / 4n`);
    for (const row of rows) console.log(`      ${row}`);
  });

  scales('one long line of prose and markup', 'line', 20_000, (_text, r) => {
    assert.deepEqual([r.blueprint.steps, r.findings, r.problems], [[], [], []]);
  });

  scales('a lane that is one long line', 'lane', 20_000, (_text, r) => {
    // The promise is the lane's opening words, whatever follows them.
    const short = lintForced(`${LONG_LANE_HEAD}x`);
    assert.deepEqual(
      short.findings.map((f) => [f.ruleId, f.span]),
      [['benefit-needs-support', { start: 33, end: 45 }]],
    );
    assert.deepEqual(
      byRule(r, 'benefit-needs-support').map((f) => f.span),
      [{ start: 33, end: 45 }],
    );
    assert.equal(r.blueprint.steps.length, 1);
  });

  scales('a line of only pipes', 'pipes', 100_000, (_text, r) => {
    assert.deepEqual([r.blueprint.steps, r.findings, r.problems], [[], [], []]);
  });

  scales('blueprint of mixed step shapes', 'mixed', 25_000, (text, r, size) => {
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
    assert.deepEqual(
      r.findings.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message}`),
      expected,
    );
  });

  scales('table with many step columns', 'wide', 500, (_text, r, size) => {
    const { benefitCells } = wideTable(size);
    assert.equal(r.blueprint.steps.length, size);
    assert.deepEqual(
      byRule(r, 'benefit-needs-support').map((f) => f.span),
      benefitCells.map((c) => ({ start: c + 7, end: c + 19 })),
    );
    assert.equal(byRule(r, 'frontstage-needs-backstage').length, size);
    // The preferred fix adds a row with one cell per column: the new lane's cell lands in its step's column.
    const last = byRule(r, 'benefit-needs-support').at(-1)!;
    const row = last.fixes[0]!.edits[0]!.text;
    assert.equal(row.split('|').length - 2, size + 1);
    assert.equal(row.split('|')[size]!.trim(), 'TBD');
  });

  scales('table with many step rows', 'long', 300, (_text, r, size) => {
    const { benefitCells } = longTable(size);
    assert.equal(r.blueprint.steps.length, size);
    assert.deepEqual(
      byRule(r, 'benefit-needs-support').map((f) => f.span),
      benefitCells.map((c) => ({ start: c + 7, end: c + 19 })),
    );
  });

  scales('a lane with many negated promises', 'negated', 1_000, (text, r) => {
    // Every repeat after the first adds hits but no finding: the promise found is the first repeat's.
    const one = lintForced(negatedLane(1));
    const view = (x: LintResult) => byRule(x, 'benefit-needs-support').map((f) => [f.span, f.message]);
    assert.equal(view(one).length, 1);
    assert.deepEqual(view(r), view(one));
    const host = text.indexOf('Host waves');
    assert.deepEqual(
      byRule(r, 'frontstage-needs-backstage').map((f) => f.span),
      [{ start: host, end: host + 'Host waves.'.length }],
    );
  });

  scales('an employee lane with many product names', 'products', 1_000, (_text, r, size) => {
    assert.deepEqual(r.findings, []);
    const supports = r.blueprint.steps[0]!.supports;
    assert.equal(supports.length, 3 * size);
    assert.deepEqual(
      supports.slice(0, 3).map((s) => [s.text, s.kind]),
      [
        ['SiteLink', 'tool'],
        ['CRM', 'tool'],
        ['POS', 'tool'],
      ],
    );
  });

  scales('nested lists on one line (1,250 / 5,000 levels)', 'lists', 1_250, (_text, r) => assertNestingCut(r));

  scales('nested blockquotes on one line (1,250 / 5,000 levels)', 'quotes', 1_250, (_text, r) => assertNestingCut(r), 20);

  it('capNesting blanks only the markers past MAX_DEPTH, keeps every offset, and leaves fenced code alone', () => {
    const deep = `${'> '.repeat(MAX_DEPTH + 5)}x`;
    const fenced = `\`\`\`\n${deep}\n\`\`\`\n`;
    const text = `# T\n\n${fenced}\n${deep}\n`;
    const { text: capped, cutAt } = capNesting(text);
    assert.equal(capped.length, text.length);
    const line = text.lastIndexOf(deep);
    assert.equal(cutAt, line + 2 * MAX_DEPTH);
    assert.equal(capped.slice(0, line + 2 * MAX_DEPTH), text.slice(0, line + 2 * MAX_DEPTH), 'the fence and the first 100 markers are kept');
    assert.equal(capped.slice(line + 2 * MAX_DEPTH), `${' '.repeat(10)}x\n`);
    assert.deepEqual(capNesting(`${'- '.repeat(MAX_DEPTH)}x\n`), { text: `${'- '.repeat(MAX_DEPTH)}x\n`, cutAt: -1 });
  });

  it('a line starting with an unclosed "[" is not read as the start of a definition (the document is still split at headings)', () => {
    const text = `${'[a '.repeat(2000)}\n`.repeat(50) + '## B\n\ntext\n';
    assert.equal(splitChunks(text).length, 2);
    assert.equal(splitChunks(`[x]: /url\n\n${text}`).length, 1, 'a real definition still makes the document parse whole');
  });

  for (const opener of ['[', '*', '`'] as const) {
    scales(`unclosed ${opener}`, { '[': 'brackets', '*': 'stars', '`': 'ticks' }[opener], 5_000, (_text, r) => {
      assert.deepEqual(
        r.blueprint.steps.map((s) => [s.title, s.shape]),
        [['Unclosed', 'prose']],
      );
      assert.deepEqual([r.findings, r.problems], [[], []]);
    });
  }
});
