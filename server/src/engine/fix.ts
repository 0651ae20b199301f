// Applies text edits to a text, and the safe fixes of findings (the CLI's --fix, the server's fix-all) without collisions.
import { resolvedFix } from './intentEdits.js';
import type { Finding, Fix, FixProposal, TextEdit } from './types.js';

/** Applies non-overlapping edits; an edit that overlaps an earlier-applied one is skipped and reported. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.start > e.end || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
    applied.push(e);
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

/** Applies each finding's safe fixes (or the chosen ones); a fix whose edits collide with another's is left for a later pass. */
export function applyFixes(text: string, findings: readonly Finding[], choose: (f: Finding) => Fix | undefined = safeFix): { text: string; fixed: number } {
  const { edits, fixed } = fixesTogether(findings, choose);
  return { text: applyEdits(text, edits).text, fixed };
}

/** The edits of each finding's chosen fix (`safeFixIn` for an editor's findings), leaving out a fix whose edits collide with an earlier one's. */
export function fixesTogether<F extends FixProposal>(findings: ReadonlyArray<Finding<F>>, choose: (f: Finding<F>) => Fix | undefined): { edits: TextEdit[]; fixed: number } {
  const edits: TextEdit[] = [];
  let fixed = 0;
  const taken: Array<[number, number]> = [];
  for (const finding of findings) {
    const fix = choose(finding);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === e.end && e.start === s)));
    if (overlaps) continue;
    for (const e of fix.edits) {
      edits.push(e);
      taken.push([e.start, e.end]);
    }
    fixed++;
  }
  return { edits, fixed };
}

function safeFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.safe);
}

/** A chooser for `fixesTogether` over an editor's findings: the first safe fix, its edits written against `text` (the linted text). */
export function safeFixIn(text: string): (finding: Finding<FixProposal>) => Fix | undefined {
  return (finding) => {
    const fix = finding.fixes.find((f) => f.safe);
    return fix && resolvedFix(text, fix);
  };
}
