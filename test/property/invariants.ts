// Invariants every lint result must satisfy, checked against an independent line/column computation.
import { strict as assert } from 'node:assert';
import { intentEdits } from '../../server/src/engine/intentEdits.js';
import type { LintResult } from '../../server/src/engine/lint.js';
import type { FixProposal, Position, Span, Step } from '../../server/src/engine/types.js';

/** Reference position: 1-based line (LF, CRLF and lone CR each end a line) and 1-based UTF-16 column. */
export function referencePosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** Line starts by the same definition, for positions of many offsets in one document. */
export class ReferenceLines {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair (inside one astral character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${span.start}-${span.end} outside [0, ${text.length}] or reversed`);
}

function assertStep(text: string, step: Step, i: number): void {
  const what = `step ${i} "${step.title}"`;
  assertSpan(text, step.span, `${what} span`);
  assertSpan(text, step.titleSpan, `${what} title span`);
  for (const lane of step.lanes) {
    assertSpan(text, lane.labelSpan, `${what} lane ${lane.label} label`);
    assertSpan(text, lane.contentSpan, `${what} lane ${lane.label} content`);
  }
  for (const b of step.benefits) assertSpan(text, b.span, `${what} benefit "${b.text}"`);
  for (const s of step.supports) assertSpan(text, s.span, `${what} support "${s.text}"`);
}

/** Every range lies inside the document with start <= end; positions agree with LineIndex and the reference. */
export function assertWellFormed(text: string, result: LintResult<FixProposal>): void {
  const ref = new ReferenceLines(text);
  const eq = (got: Position, offset: number, what: string) => {
    assert.deepEqual(got, ref.position(offset), `${what}: position of offset ${offset}`);
    assert.deepEqual(got, result.lines.position(offset), `${what}: disagrees with LineIndex`);
  };
  result.blueprint.steps.forEach((s, i) => assertStep(text, s, i));
  let previous = -1;
  for (const f of result.findings) {
    const what = `finding ${f.ruleId} "${f.message}"`;
    assertSpan(text, f.span, what);
    assert.ok(!splitsSurrogatePair(text, f.span.start) && !splitsSurrogatePair(text, f.span.end), `${what}: span cuts an astral character in half`);
    eq(f.start, f.span.start, `${what} start`);
    eq(f.end, f.span.end, `${what} end`);
    assert.ok(f.span.start >= previous, `${what}: findings are not sorted by position`);
    previous = f.span.start;
    if (f.stepTitleSpan) assertSpan(text, f.stepTitleSpan, `${what} step title`);
    assert.equal(typeof f.message, 'string');
    // lint() turns a throwing rule into a finding; for these tests that is still a crash to report.
    assert.ok(!/^Rule ".*" failed: /.test(f.message), `rule crashed: ${f.message}`);
    assert.ok(f.message.length > 0 && !f.message.includes('undefined') && !f.message.includes('[object'), `${what}: malformed message`);
    for (const fix of f.fixes) {
      // An editor's lint leaves the edits to intentEdits; a lint that wrote them wrote the same.
      const edits = intentEdits(text, fix.intent);
      if ('edits' in fix) assert.deepStrictEqual(fix.edits, edits, `${what} fix "${fix.title}": edits differ from its intent's`);
      for (const e of edits) {
        assertSpan(text, e, `${what} fix "${fix.title}" edit`);
        assert.equal(typeof e.text, 'string');
      }
    }
  }
  for (const p of result.problems) {
    assert.ok(p.start.offset >= 0 && p.start.offset <= p.end.offset && p.end.offset <= text.length, `problem "${p.message}" outside the document`);
    eq(p.start, p.start.offset, `problem "${p.message}" start`);
    eq(p.end, p.end.offset, `problem "${p.message}" end`);
  }
}

/** The JSON-visible part of a result, for determinism checks (functions on steps are dropped). */
export function snapshot(result: LintResult): string {
  return JSON.stringify({ blueprint: result.blueprint, findings: result.findings, problems: result.problems });
}

/** Findings with offsets removed: what must not change when only line endings change. */
export function lineColumnView(result: LintResult): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.severity} [${f.step}] ${f.message} {${f.fixes.map((x) => x.title).join(' / ')}}`);
}

/** A short printable preview of a document for failure messages. */
export function preview(text: string, max = 600): string {
  const shown = text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;
  return JSON.stringify(shown);
}
