// Spreads files over worker threads and this thread in size-balanced batches; outcomes come back keyed by the file's place in the run.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/index.js';
import type { FileOutcome, LintFileOptions } from './lintFile.js';
const require = createRequire(import.meta.url); // bundle: global require

export interface WorkItem {
  /** Place of the file in the run's report order. */
  index: number;
  absolutePath: string;
  /** Index into the config table every worker receives at start. */
  configId: number;
  /** Bytes on disk, for balancing. */
  size: number;
}

export interface BatchRequest {
  id: number;
  items: Array<Pick<WorkItem, 'index' | 'absolutePath' | 'configId'>>;
}

/** What every worker receives at start. */
export interface WorkerData {
  configs: readonly ResolvedConfig[];
  options: LintFileOptions;
  /** The main thread runs dist/cli.cjs: the worker loads the same bundle and its code cache instead of out/. */
  fromBundle: boolean;
}

export interface PoolResult {
  outcomes: Map<number, FileOutcome>;
  /** What the workers ran (the first reply's; every worker starts from the same place). */
  code: WorkerCode | undefined;
}

/** Defined (true) only inside dist/cli.cjs, by scripts/bundle.mjs. */
declare const BLUEPRINT_LINT_CLI_BUNDLE: boolean | undefined;
export type WorkerCode = 'bundle' | 'out';
/** What this thread runs. */
export const RUNNING_CODE: WorkerCode = typeof BLUEPRINT_LINT_CLI_BUNDLE !== 'undefined' ? 'bundle' : 'out';

export interface BatchReply {
  id: number;
  /** What the worker runs: dist/cli.cjs or the modules under out/. */
  code: WorkerCode;
  outcomes: Array<{ index: number; outcome: FileOutcome }>;
  error?: string;
}

/**
 * Below both, starting workers costs more than it saves: each worker loads the engine, compiles its phrase expressions
 * and warms up its own compiled code (about 1.5 s of CPU), while the main thread only coordinates. Measured on the
 * bench tree's ~8 KB blueprints: 150 files are faster in one thread, 250 are even, 1,000 take 0.75x.
 */
export const AUTO_MIN_FILES = 300;
export const AUTO_MIN_BYTES = 3 * 1024 * 1024;
/** Files per worker that pay for its start-up under `auto`. */
const AUTO_FILES_PER_WORKER = 25;

/**
 * A worker's young generation (V8's default is 16 MB a semi-space): parse trees live for one file's lint, and with
 * the default many of them outlive two scavenges and are promoted, to be collected again by the old generation.
 */
export const WORKER_YOUNG_GENERATION_MB = 192;

/** An idle core measured at 0.75 counts as one: the main thread's own file reads leave its core partly idle too. */
const IDLE_SLACK = 0.25;

/**
 * How many worker threads to start: `--workers N` as given (at most one per file), `auto` only when there is enough
 * work, one per 25 files (at least 2) up to one per core that is free: this thread's own (it only hands out batches
 * and collects outcomes then: its young generation cannot be enlarged once node runs, so it lints slower than a
 * worker) and those `idleCores` found idle. Each worker pays its own start and warm-up (about 3 s of CPU on the real
 * tree, docs/performance.md), so on cores other processes keep busy, two workers are slower than this thread alone.
 * `idleCores` undefined: every core counts as free.
 */
export function chooseWorkerCount(setting: number | 'auto', files: number, bytes: number, cores = availableParallelism(), idleCores?: number): number {
  if (files === 0) return 0;
  if (setting !== 'auto') return Math.min(setting, files);
  if (cores < 2 || (files < AUTO_MIN_FILES && bytes < AUTO_MIN_BYTES)) return 0;
  const free = idleCores === undefined ? cores : Math.min(cores, Math.floor(1 + idleCores + IDLE_SLACK));
  if (free < 2) return 0;
  return Math.min(free, files, Math.max(2, Math.floor(files / AUTO_FILES_PER_WORKER)));
}

/** Whether `auto` could start workers for this much work on this many cores (before measuring how many are idle). */
export function workersMayPay(files: number, bytes: number, cores = availableParallelism()): boolean {
  return chooseWorkerCount('auto', files, bytes, cores) > 0;
}

/**
 * Batches, largest files first, each about 1/8 of a worker's share of the bytes still to deal (never under 1/64 of a
 * share): big files go out early and alone, and ever smaller batches at the end (down to a few files) let the workers
 * finish together instead of one waiting while the other ends a full batch.
 */
export function makeBatches(items: readonly WorkItem[], workers: number): WorkItem[][] {
  const sorted = [...items].sort((a, b) => b.size - a.size || a.index - b.index);
  const total = sorted.reduce((sum, i) => sum + i.size, 0);
  const floor = Math.max(1, total / (workers * 64));
  let remaining = total;
  const batches: WorkItem[][] = [];
  let current: WorkItem[] = [];
  let bytes = 0;
  for (const item of sorted) {
    current.push(item);
    bytes += item.size;
    if (bytes >= Math.max(floor, remaining / (workers * 8)) || current.length >= 32) {
      batches.push(current);
      remaining -= bytes;
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Batches a worker has been sent and not yet answered: one to lint and one waiting, so it never idles between them. */
const IN_FLIGHT = 2;

/** Lints `items` in `workers` worker threads; rejects (and stops every worker) if one of them fails. */
export async function lintInWorkers(items: readonly WorkItem[], configs: readonly ResolvedConfig[], options: LintFileOptions, workers: number): Promise<PoolResult> {
  const batches = makeBatches(items, workers);
  const results = new Map<number, FileOutcome>();
  let code: WorkerCode | undefined;
  if (batches.length === 0) return { outcomes: results, code };
  // required when workers start, not imported: a run in one thread never needs it (about 4 ms at start-up)
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const pool: Worker[] = [];
  const script = new URL('../../../../bin/lint-worker.js', import.meta.url);
  const workerData: WorkerData = { configs, options, fromBundle: RUNNING_CODE === 'bundle' };
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let waiting = 0;
      const feed = (worker: Worker): void => {
        if (next >= batches.length) {
          if (waiting === 0) resolve();
          return;
        }
        const id = next++;
        waiting++;
        const request: BatchRequest = { id, items: batches[id]!.map(({ index, absolutePath, configId }) => ({ index, absolutePath, configId })) };
        worker.postMessage(request);
      };
      for (let w = 0; w < Math.min(workers, batches.length); w++) {
        const worker = new threads.Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        pool.push(worker);
        worker.on('message', (reply: BatchReply) => {
          waiting--;
          code ??= reply.code;
          for (const { index, outcome } of reply.outcomes) results.set(index, outcome);
          if (reply.error !== undefined) reject(new Error(`worker thread failed: ${reply.error}`));
          else feed(worker);
        });
        worker.on('error', (error) => reject(new Error(`worker thread failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker thread exited with code ${code}`));
        });
        for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
      }
    });
  } finally {
    next = batches.length;
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { outcomes: results, code };
}
