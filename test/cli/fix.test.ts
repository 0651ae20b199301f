import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync, statSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineIndex, resolvedFix, type Finding, type LintResult } from '../../server/src/engine/index.js';
import { fixText, MAX_FIX_PASSES, writeFileAtomically } from '../../server/src/cli/fixFile.js';

/** A stand-in linter: every "TBD" is a finding whose safe fix replaces it with "done"; "??" has only an unsafe fix. */
function fakeLint(text: string): LintResult {
  const findings: Finding[] = [];
  const lines = new LineIndex(text);
  for (const m of text.matchAll(/TBD|\?\?/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    const safe = m[0] === 'TBD';
    findings.push({
      ruleId: 'fake',
      severity: 'warning',
      message: m[0],
      span: { start, end },
      start: lines.position(start),
      end: lines.position(end),
      step: null,
      fixes: [resolvedFix(text, { title: 'replace', kind: 'rename', intent: { kind: 'replace', span: { start, end }, text: safe ? 'done' : 'x' }, safe })],
    });
  }
  return { blueprint: { isBlueprint: true, reason: 'lanes', steps: [] }, findings, problems: [], lines, suppressed: [], dated: false, directives: [] };
}

describe('cli --fix loop', () => {
  it('applies only safe fixes and reports what remains', () => {
    const out = fixText('a TBD b ?? c TBD\r\n', fakeLint);
    assert.equal(out.text, 'a done b ?? c done\r\n');
    assert.equal(out.applied, 2);
    assert.deepEqual(
      out.result.findings.map((f) => f.message),
      ['??'],
    );
  });

  it('re-lints until nothing fixable remains, and stops at the pass limit', () => {
    // Each fix reveals a new problem: "TBDTBD" -> fix of one occurrence at a time via a chained lint.
    let calls = 0;
    const chained = (text: string): LintResult => {
      calls++;
      const r = fakeLint(text);
      return { ...r, findings: r.findings.slice(0, 1) };
    };
    const out = fixText('TBD TBD TBD', chained);
    assert.equal(out.text, 'done done done');
    assert.equal(out.passes, 3);
    assert.equal(calls, 4);

    const endless = (text: string): LintResult => {
      const lines = new LineIndex(text);
      const f: Finding = {
        ruleId: 'grow',
        severity: 'warning',
        message: 'grow',
        span: { start: 0, end: 0 },
        start: lines.position(0),
        end: lines.position(0),
        step: null,
        fixes: [resolvedFix(text, { title: 'grow', kind: 'insert', intent: { kind: 'replace', span: { start: 0, end: 0 }, text: '+' }, safe: true })],
      };
      return { blueprint: { isBlueprint: true, reason: 'lanes', steps: [] }, findings: [f], problems: [], lines, suppressed: [], dated: false, directives: [] };
    };
    const grown = fixText('x', endless);
    assert.equal(grown.passes, MAX_FIX_PASSES);
    assert.equal(grown.text, '+'.repeat(MAX_FIX_PASSES) + 'x');
  });

  it('writes atomically, keeping the BOM and the file mode, leaving no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-fix-'));
    try {
      const path = join(dir, 'a.md');
      writeFileSync(path, '\uFEFFold\r\n');
      chmodSync(path, 0o640);
      await writeFileAtomically(path, 'new\r\n', { bom: true, mode: statSync(path).mode });
      assert.deepEqual([...readFileSync(path)], [0xef, 0xbb, 0xbf, ...Buffer.from('new\r\n')]);
      assert.equal(statSync(path).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(dir), ['a.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
