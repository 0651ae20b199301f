// Worker thread entry: lints the batches of files the main thread sends and posts plain outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/index.js';
import { lintInOrder, type FileOutcome, type LintFileOptions } from './lintFile.js';
import type { BatchReply, BatchRequest } from './workerPool.js';

const { configs, options } = workerData as { configs: ResolvedConfig[]; options: LintFileOptions };

parentPort?.on('message', (batch: BatchRequest) => {
  void runBatch(batch).then((reply) => parentPort?.postMessage(reply));
});

async function runBatch(batch: BatchRequest): Promise<BatchReply> {
  const outcomes: Array<{ index: number; outcome: FileOutcome }> = [];
  try {
    const files = batch.items.map((item) => ({ ...item, config: configs[item.configId]! }));
    await lintInOrder(files, options, (file, outcome) => outcomes.push({ index: file.index, outcome }));
    return { id: batch.id, outcomes };
  } catch (error) {
    return { id: batch.id, outcomes, error: error instanceof Error ? error.message : String(error) };
  }
}
