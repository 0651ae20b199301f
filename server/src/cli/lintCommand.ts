import { stat } from 'node:fs/promises';
import { allRules, type ResolvedConfig } from '../engine/index.js';
import { changedLinesSince, ChangedLinesError, onChangedLines, type ChangedLines } from './changedLines.js';
import { isIgnoredPath } from './configAdapter.js';
import type { ConfigResolver } from './configResolver.js';
import { discoverFiles, type DiscoveredFile } from '../files/discover.js';
import { formatters } from './formatters/index.js';
import { emit, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { cacheFilePath, configHash, hashFile, LintCache } from './lintCache.js';
import { lintInOrder, type FileOutcome, type LintFileOptions } from './lintFile.js';
import type { CliOptions } from './options.js';
import { toForwardSlashes } from '../files/paths.js';
import { countFindings, type FileReport } from './report.js';
import { inShard } from './shard.js';
import { formatNote, stdinTarget, type Target } from './targets.js';
import { packageVersion } from '../engine/resources.js';
import { measureIdleCores } from './idleCores.js';
import { chooseWorkerCount, lintInWorkers, workersMayPay, type WorkerCode, type WorkItem } from './workerPool.js';

/** One file of the run, in report order. */
interface Planned {
  target: Target;
  configId: number;
  outcome?: FileOutcome;
}

/** The default command: find files, lint (and fix) each, print one report, choose the exit code. */
export async function lintCommand(options: CliOptions, io: CliIo, configs: ConfigResolver): Promise<number> {
  // From here to the worker decision (discovery, configs, the cache): how many cores others leave idle.
  const idle = measureIdleCores();
  let failed = false;
  let changed: ChangedLines | undefined;
  if (options.changedSince !== undefined) {
    try {
      changed = changedLinesSince(options.changedSince, io.cwd);
    } catch (error) {
      if (!(error instanceof ChangedLinesError)) throw error;
      io.err(`blueprint-lint: ${error.message}\n`);
      return EXIT_USAGE;
    }
  }
  let targets: Target[] = [];
  if (options.stdin) {
    targets.push(await stdinTarget(options, io));
  } else {
    const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], { cwd: io.cwd, useIgnoreFiles: options.useIgnoreFiles });
    for (const arg of discovery.missing) io.err(`${toForwardSlashes(arg)}: no such file or directory\n`);
    for (const arg of discovery.unmatched) io.err(`${toForwardSlashes(arg)}: no files match this pattern\n`);
    if (discovery.missing.length > 0 || discovery.unmatched.length > 0) failed = true;
    for (const file of discovery.files) targets.push({ file });
  }
  const shard = options.shard;
  if (shard) targets = targets.filter((t) => inShard(t.file.absolutePath, shard, io.cwd));

  // Configs are resolved here, once per distinct config, so workers and the cache get plain, numbered data.
  const configTable: ResolvedConfig[] = [];
  const configIds = new Map<string, number>();
  const plan: Planned[] = [];
  for (const target of targets) {
    const config = configs.forFile(target.file.absolutePath);
    if (options.useIgnoreFiles && isIgnoredPath(target.file.absolutePath, config)) {
      if (target.file.explicit) plan.push({ target, configId: -1, outcome: { notes: [{ message: "skipped: matched by the config's ignores" }], failed: false } });
      continue;
    }
    const key = JSON.stringify(config);
    let configId = configIds.get(key);
    if (configId === undefined) {
      configId = configTable.push(config) - 1;
      configIds.set(key, configId);
    }
    plan.push({ target, configId });
  }

  const lintOptions: LintFileOptions = { fix: options.fix, maxFileSize: configs.maxFileSize.bytes, maxFileSizeFrom: configs.maxFileSize.from };
  const cache = options.cacheLocation !== undefined && !options.stdin ? await LintCache.load(cacheFilePath(options.cacheLocation, io.cwd), packageVersion(), io) : undefined;
  const configHashes = cache ? configTable.map((c) => configHash(c, allRules())) : [];
  let cached = 0;
  if (cache) {
    await Promise.all(
      plan.map(async (p) => {
        if (p.outcome || p.target.source) return;
        const hash = await hashFile(p.target.file.absolutePath, lintOptions.maxFileSize);
        const hit = hash === undefined ? undefined : cache.lookup(p.target.file.absolutePath, hash, configHashes[p.configId]!);
        // With --fix, a file that still has something to fix must be fixed, not replayed.
        if (hit && !(options.fix && hit.findings?.some((f) => f.fixes.some((fix) => fix.safe)))) {
          p.outcome = hit;
          cached++;
        }
      }),
    );
  }

  const pending = plan.filter((p) => !p.outcome);
  const { workers, code } = await lintPending(pending, configTable, lintOptions, options.workers, idle);
  if (cache) {
    for (const p of pending) if (!p.target.source) cache.store(p.target.file.absolutePath, configHashes[p.configId]!, p.outcome!);
    await cache.save(io);
  }
  if (io.env['BLUEPRINT_LINT_DEBUG_STATS']) io.err(`blueprint-lint: linted ${pending.length}, cached ${cached}, workers ${workers}${code ? ` (from ${code})` : ''}\n`);

  const reports: FileReport[] = [];
  const all: FileReport[] = [];
  for (const { target, outcome } of plan) {
    const file = target.file;
    for (const note of outcome!.notes) io.err(formatNote(file.displayPath, note));
    if (outcome!.failed) failed = true;
    let findings = outcome!.findings;
    if (!findings) continue;
    let suppressed = outcome!.suppressed ?? [];
    if (changed) {
      findings = onChangedLines(findings, file.absolutePath, changed);
      suppressed = onChangedLines(suppressed, file.absolutePath, changed);
    }
    all.push({ file: file.displayPath, absolutePath: file.absolutePath, findings });
    reports.push({
      file: file.displayPath,
      absolutePath: file.absolutePath,
      findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings,
      suppressed: options.quiet ? suppressed.filter((f) => f.severity === 'error') : suppressed,
    });
  }

  const color = options.color ?? (io.stdoutIsTTY && options.outputFile === undefined && !io.env['NO_COLOR']);
  await emit(options, io, formatters[options.format](reports, { cwd: io.cwd, color, version: packageVersion(), rules: allRules(), fixed: options.fix, quiet: options.quiet }));

  if (failed || configs.hadErrors) return EXIT_USAGE;
  // Counted on all findings, so --quiet cannot hide warnings from --max-warnings.
  const totals = countFindings(all);
  if (totals.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings >= 0 && totals.warnings > options.maxWarnings) {
    io.err(`blueprint-lint: too many warnings (${totals.warnings}; maximum allowed: ${options.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** Lints the files not answered by the cache, in worker threads when that pays; returns the number of workers used and what they ran. */
async function lintPending(
  pending: Planned[],
  configTable: ResolvedConfig[],
  lintOptions: LintFileOptions,
  setting: number | 'auto',
  idle: ReturnType<typeof measureIdleCores>,
): Promise<{ workers: number; code?: WorkerCode }> {
  const onDisk = pending.filter((p) => !p.target.source);
  let workers = 0;
  let code: WorkerCode | undefined;
  if (setting !== 0 && onDisk.length > 0) {
    const sizes = await Promise.all(onDisk.map((p) => fileSize(p.target.file)));
    const bytes = sizes.reduce((a, b) => a + b, 0);
    // Idle cores are measured only when they decide something (the wait tops the window up to 100 ms).
    const idleCores = setting === 'auto' && workersMayPay(onDisk.length, bytes) ? await idle.idleCores() : undefined;
    workers = chooseWorkerCount(setting, onDisk.length, bytes, undefined, idleCores);
    if (workers > 0) {
      const items: WorkItem[] = onDisk.map((p, i) => ({ index: i, absolutePath: p.target.file.absolutePath, configId: p.configId, size: sizes[i]! }));
      const pool = await lintInWorkers(items, configTable, lintOptions, workers);
      code = pool.code;
      onDisk.forEach((p, i) => (p.outcome = pool.outcomes.get(i)));
    }
  }
  const here = pending.filter((p) => !p.outcome).map((p) => ({ planned: p, absolutePath: p.target.file.absolutePath, config: configTable[p.configId]!, source: p.target.source }));
  await lintInOrder(here, lintOptions, (file, outcome) => (file.planned.outcome = outcome));
  return { workers, code };
}

async function fileSize(file: DiscoveredFile): Promise<number> {
  return (await stat(file.absolutePath).catch(() => undefined))?.size ?? 0;
}
