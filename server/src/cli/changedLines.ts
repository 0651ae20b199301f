// --changed-since REF: which lines of which files changed since a git ref, so CI can report only what a change touched.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Finding } from '../engine/index.js';
const require = createRequire(import.meta.url); // bundle: global require

/** Why the changed lines cannot be known (not a repository, no such ref, no git); the run exits 2 with it. */
export class ChangedLinesError extends Error {}

/** Per real file path: its changed lines, or 'all' for a file git does not track yet. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export function changedLinesSince(ref: string, cwd: string): ChangedLines {
  const top = git(['rev-parse', '--show-toplevel'], cwd, () => `--changed-since: ${cwd} is not inside a git repository`).trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top, () => `--changed-since: '${ref}' is not a commit in this repository`);
  const diff = git(['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', ref, '--'], top, (e) => `--changed-since: git diff failed: ${e}`);
  const changed = parseUnifiedDiff(diff, top);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top, (e) => `--changed-since: git ls-files failed: ${e}`);
  for (const rel of untracked.split('\0')) if (rel) changed.set(resolve(top, rel), 'all');
  return changed;
}

/** The added or rewritten lines (new-side numbers) of each file in `git diff --unified=0` output. */
export function parseUnifiedDiff(diff: string, top: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      // '+++ /dev/null': the file was deleted, nothing of it can carry a finding.
      current = target.startsWith('b/') ? new Set() : undefined;
      if (current) changed.set(resolve(top, target.slice(2)), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let l = start; l < start + count; l++) current.add(l);
    }
  }
  return changed;
}

/** The findings whose lines touch a changed line of the file. */
export function onChangedLines(findings: readonly Finding[], absolutePath: string, changed: ChangedLines): Finding[] {
  const lines = changed.get(realPath(absolutePath));
  if (lines === 'all') return [...findings];
  if (!lines) return [];
  return findings.filter((f) => {
    for (let l = f.start.line; l <= f.end.line; l++) if (lines.has(l)) return true;
    return false;
  });
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function git(args: string[], cwd: string, explain: (stderr: string) => string): string {
  // required here, not imported: child_process brings net and streams, about 7 ms of every run without --changed-since
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new ChangedLinesError('--changed-since: git is not installed or not on PATH');
    throw new ChangedLinesError(explain((e.stderr ?? e.message).trim().split('\n')[0] ?? ''));
  }
}
