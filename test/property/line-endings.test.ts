// CRLF, lone CR, mixed line endings and a byte order mark change offsets only: the same findings at the
// same lines and columns, and fixes that do the same thing in the document's own line ending.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/fix.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { blueprintArb, fuzzRuns, fuzzSeed } from '../support/arbitraries.js';
import { assertWellFormed, lineColumnView, preview } from './invariants.js';

const runs = Math.max(10, Math.ceil(fuzzRuns() / 20));

const steps = (r: LintResult) => r.blueprint.steps.map((s) => `${s.shape}:${s.title}`);
const toLf = (s: string) => s.replace(/\r\n?/g, '\n');

/** Every line break of `text` is replaced by one chosen by `pick` (called per line). */
function withLineEndings(text: string, pick: (line: number) => string): string {
  return text
    .split('\n')
    .map((line, i, all) => (i === all.length - 1 ? line : line + pick(i)))
    .join('');
}

function sameFixes(lf: string, other: string, a: Finding, b: Finding, context: string): void {
  assert.deepEqual(
    b.fixes.map((f) => `${f.kind}:${f.title}`),
    a.fixes.map((f) => `${f.kind}:${f.title}`),
    context,
  );
  a.fixes.forEach((fix, i) => {
    const want = applyEdits(lf, fix.edits).text;
    const got = applyEdits(other, b.fixes[i]!.edits).text;
    assert.equal(toLf(got), want, `${context}: fix "${fix.title}" differs beyond line endings`);
  });
}

describe('line endings and byte order mark (fast-check)', function () {
  this.timeout(0);

  it(`CRLF gives the same findings, lines, columns and fixes as LF; fixes keep CRLF (${runs} cases)`, () => {
    fc.assert(
      fc.property(blueprintArb, ({ text }) => {
        const crlf = text.replace(/\n/g, '\r\n');
        const a = lint(text);
        const b = lint(crlf);
        assertWellFormed(crlf, b);
        const context = `CRLF version of ${preview(text)}`;
        assert.equal(b.blueprint.reason, a.blueprint.reason, context);
        assert.deepEqual(steps(b), steps(a), context);
        assert.deepEqual(lineColumnView(b), lineColumnView(a), context);
        assert.deepEqual(
          b.problems.map((p) => [p.start.line, p.start.column, p.message]),
          a.problems.map((p) => [p.start.line, p.start.column, p.message]),
          context,
        );
        a.findings.forEach((f, i) => {
          sameFixes(text, crlf, f, b.findings[i]!, context);
          for (const fix of b.findings[i]!.fixes) {
            const fixed = applyEdits(crlf, fix.edits).text;
            assert.ok(!/(^|[^\r])\n/.test(fixed), `${context}: fix "${fix.title}" inserted a bare LF into a CRLF document`);
          }
        });
      }),
      { numRuns: runs, seed: fuzzSeed() },
    );
  });

  it(`mixed LF / CRLF / CR line endings give the same findings at the same lines and columns (${runs} cases)`, () => {
    fc.assert(
      fc.property(blueprintArb, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 16 }), ({ text }, endings) => {
        const mixed = withLineEndings(text, (i) => endings[i % endings.length]!);
        // A CR followed by an LF-ended empty line is one CRLF break, so compare with the mixed text's own LF form.
        const lf = toLf(mixed);
        const a = lint(lf);
        const b = lint(mixed);
        assertWellFormed(mixed, b);
        const context = `mixed line endings ${JSON.stringify(endings)} on ${preview(text)}`;
        assert.deepEqual(steps(b), steps(a), context);
        assert.deepEqual(lineColumnView(b), lineColumnView(a), context);
        // Whatever line ending a fix inserts, it does the same thing as on the LF text.
        a.findings.forEach((f, i) => sameFixes(lf, mixed, f, b.findings[i]!, context));
      }),
      { numRuns: runs, seed: fuzzSeed() },
    );
  });

  it(`a BOM shifts every offset by one and line-1 columns by one, and changes nothing else (${runs} cases)`, () => {
    fc.assert(
      fc.property(blueprintArb, ({ text }) => {
        const bom = `\uFEFF${text}`;
        const a = lint(text);
        const b = lint(bom);
        assertWellFormed(bom, b);
        const context = `BOM + ${preview(text)}`;
        assert.equal(b.blueprint.reason, a.blueprint.reason, context);
        assert.deepEqual(steps(b), steps(a), context);
        a.blueprint.steps.forEach((s, i) => {
          const t = b.blueprint.steps[i]!;
          assert.deepEqual([t.span.start, t.span.end, t.titleSpan.start], [s.span.start + 1, s.span.end + 1, s.titleSpan.start + 1], `${context}: step "${s.title}" span`);
        });
        assert.equal(b.findings.length, a.findings.length, context);
        a.findings.forEach((f, i) => {
          const g = b.findings[i]!;
          assert.deepEqual([g.ruleId, g.message, g.step], [f.ruleId, f.message, f.step], context);
          assert.deepEqual([g.span.start, g.span.end], [f.span.start + 1, f.span.end + 1], `${context}: span of "${f.message}"`);
          assert.deepEqual([g.start.line, g.start.column], [f.start.line, f.start.column + (f.start.line === 1 ? 1 : 0)], context);
          for (const [k, fix] of f.fixes.entries()) {
            const want = `\uFEFF${applyEdits(text, fix.edits).text}`;
            assert.equal(applyEdits(bom, g.fixes[k]!.edits).text, want, `${context}: fix "${fix.title}" does something else after a BOM`);
          }
        });
      }),
      { numRuns: runs, seed: fuzzSeed() },
    );
  });

  describe('examples', () => {
    const doc = '---\nblueprint: true\n---\n\n## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';

    it('a BOM before front matter keeps the front matter detection', () => {
      const result = lint(`\uFEFF${doc}`);
      assert.equal(result.blueprint.reason, 'front-matter');
      assert.deepEqual(result.problems, []);
    });

    it('a BOM before broken front matter reports the YAML error at its real position', () => {
      const broken = '---\nblueprint: [unclosed\n---\n\n## Check-in\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Receptionist hands over the key.\n';
      const plain = lint(broken).problems;
      const withBom = lint(`\uFEFF${broken}`).problems;
      assert.equal(plain.length, 1);
      assert.equal(withBom.length, 1);
      assert.equal(withBom[0]!.start.offset, plain[0]!.start.offset + 1);
      assert.equal(withBom[0]!.start.line, plain[0]!.start.line);
    });

    it('after a BOM, "Add a support lane" inserts the lane after the last lane, like without it', () => {
      const text = '\uFEFF## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';
      const finding = lint(text).findings[0]!;
      assert.equal(text.slice(finding.span.start, finding.span.end), 'free upgrade');
      const fixed = applyEdits(text, finding.fixes[0]!.edits).text;
      assert.equal(fixed, '\uFEFF## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n- **Support:** TBD\n');
    });

    it('after a BOM, "Disable for this step" on the first line keeps the BOM first and the heading a heading', () => {
      const text = '\uFEFF## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';
      const finding = lint(text).findings[0]!;
      const disable = finding.fixes.find((f) => f.kind === 'disable-step')!;
      const fixed = applyEdits(text, disable.edits).text;
      assert.ok(fixed.startsWith('\uFEFF<!-- blueprint-lint-disable-next-line benefit-needs-support -->\n## Check-in\n'), JSON.stringify(fixed.slice(0, 90)));
      assert.deepEqual(
        lint(fixed).findings.filter((f) => f.ruleId === 'benefit-needs-support'),
        [],
      );
    });

    it('CRLF: the finding is at the same line and column, and the inserted lane uses CRLF', () => {
      const lf = '## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';
      const crlf = lf.replace(/\n/g, '\r\n');
      const f = lint(crlf).findings[0]!;
      assert.deepEqual([f.start.line, f.start.column, f.end.line, f.end.column], [3, 21, 3, 33]);
      assert.equal(crlf.slice(f.span.start, f.span.end), 'free upgrade');
      assert.equal(applyEdits(crlf, f.fixes[0]!.edits).text, `${crlf}- **Support:** TBD\r\n`);
    });

    it('a tab is one column (columns count UTF-16 code units, not display width)', () => {
      const text = '## Check-in\n\n- **Guest:**\tGets a\tfree upgrade 😀 when quiet.\n- **Frontstage:** Receptionist hands over the key.\n';
      const f = lint(text).findings.find((x) => x.ruleId === 'benefit-needs-support')!;
      assert.equal(text.slice(f.span.start, f.span.end), 'free upgrade');
      assert.deepEqual([f.start.line, f.start.column, f.end.column], [3, '- **Guest:**\tGets a\t'.length + 1, '- **Guest:**\tGets a\tfree upgrade'.length + 1]);
    });

    it('lone CR line endings: same line and column as LF', () => {
      const lf = '## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';
      const cr = lf.replace(/\n/g, '\r');
      const f = lint(cr).findings[0]!;
      assert.deepEqual([f.start.line, f.start.column, f.end.line, f.end.column], [3, 21, 3, 33]);
    });
  });
});
