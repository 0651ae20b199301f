// An editor's findings with their fixes' edits written, to compare with a lint that wrote them itself.
import { resolvedFix } from '../../server/src/engine/intentEdits.js';
import type { Finding, FixProposal } from '../../server/src/engine/types.js';

/** `findings` with each fix's edits written by intentEdits.ts against `text` (what the server does on a code action). */
export function withEdits(text: string, findings: ReadonlyArray<Finding<FixProposal>>): Finding[] {
  return findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => resolvedFix(text, x)) }));
}
