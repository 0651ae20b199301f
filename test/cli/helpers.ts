import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../../server/src/engine/index.js';

/** Repository root, from out/test/cli/ (compiled) three levels up. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const launcher = join(repoRoot, 'bin', 'blueprint-lint.js');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real launcher as a child process, the way CI scripts do. */
export function runCli(args: readonly string[], opts: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv }): CliRun {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', DEBUG: '', ...opts.env };
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd: opts.cwd, input: opts.input ?? '', env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of a fixture tree (test/fixtures/cli/<name>) in a temp dir, marked as a git repository root. */
export function makeWorkspace(name = 'ws'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-cli-'));
  cpSync(join(fixtures, name), dir, { recursive: true });
  mkdirSync(join(dir, '.git'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Findings-dependent tests need the real engine; until its rules exist they are reported as pending. */
export const engineHasCoreRule = allRules().some((r) => r.id === 'benefit-needs-support');

const STATS = /^blueprint-lint: linted (\d+), cached (\d+), workers (\d+)(?: \(from (bundle|out)\))?\n/m;

/** The counts BLUEPRINT_LINT_DEBUG_STATS=1 prints; throws when the line is missing. */
export function statsOf(stderr: string): { linted: number; cached: number; workers: number } {
  const m = STATS.exec(stderr);
  if (!m) throw new Error(`no stats line in stderr: ${JSON.stringify(stderr)}`);
  return { linted: Number(m[1]), cached: Number(m[2]), workers: Number(m[3]) };
}

/** What the worker threads ran ('bundle': dist/cli.cjs, 'out': the compiled modules), undefined without workers. */
export function workerCodeOf(stderr: string): string | undefined {
  const m = STATS.exec(stderr);
  if (!m) throw new Error(`no stats line in stderr: ${JSON.stringify(stderr)}`);
  return m[4];
}

/** stderr without the stats line, for comparing runs that differ only in how they linted. */
export function withoutStats(stderr: string): string {
  return stderr.replace(STATS, '');
}
