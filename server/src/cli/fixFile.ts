import { randomBytes } from 'node:crypto';
import { chmod, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyFixes, type LintResult } from '../engine/index.js';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** Findings that remain in the fixed text. */
  result: LintResult;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/** Applies safe fixes, re-linting after each pass, until nothing fixable remains or the pass limit is hit. */
export function fixText(original: string, lintText: (text: string) => LintResult, maxPasses = MAX_FIX_PASSES): FixOutcome {
  let text = original;
  let result = lintText(text);
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses && result.findings.some((f) => f.fixes.some((fix) => fix.safe))) {
    const next = applyFixes(text, result.findings);
    passes++;
    // A fix that changes nothing would loop forever; stop instead.
    if (next.fixed === 0 || next.text === text) break;
    applied += next.fixed;
    text = next.text;
    result = lintText(text);
  }
  return { text, result, applied, passes };
}

/** Writes via a temp file in the same directory and a rename, so a crash never leaves half a file. */
export async function writeFileAtomically(path: string, text: string, opts: { bom: boolean; mode: number }): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, (opts.bom ? '\uFEFF' : '') + text, { encoding: 'utf8', flag: 'wx' });
    await chmod(temp, opts.mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
