// Worker thread side of the pool: lints the batches of files the main thread sends and posts plain outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/index.js';
import { lintInOrder, type FileOutcome, type LintFileOptions } from './lintFile.js';
import { RUNNING_CODE, type BatchReply, type BatchRequest, type WorkerData } from './workerPool.js';

/** Started by bin/lint-worker.js, from the CLI's bundle or from out/ (whichever the main thread runs). */
export function serveLintBatches(): void {
  const { configs, options } = workerData as WorkerData;
  parentPort?.on('message', (batch: BatchRequest) => {
    void runBatch(batch, configs, options).then((reply) => parentPort?.postMessage(reply));
  });
}

async function runBatch(batch: BatchRequest, configs: readonly ResolvedConfig[], options: LintFileOptions): Promise<BatchReply> {
  const outcomes: Array<{ index: number; outcome: FileOutcome }> = [];
  try {
    const files = batch.items.map((item) => ({ ...item, config: configs[item.configId]! }));
    await lintInOrder(files, options, (file, outcome) => outcomes.push({ index: file.index, outcome }));
    return { id: batch.id, code: RUNNING_CODE, outcomes };
  } catch (error) {
    return { id: batch.id, code: RUNNING_CODE, outcomes, error: error instanceof Error ? error.message : String(error) };
  }
}
