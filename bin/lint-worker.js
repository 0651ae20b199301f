// Entry of a CLI worker thread: the same code the main thread runs, from the bundle with its code cache (bin/cli-bundle.js)
// when the main thread runs the bundle, else the compiled modules under out/.
import { workerData } from 'node:worker_threads';
import { loadCliBundle } from './cli-bundle.js';
import { CLI_V8_FLAGS } from './flags.js';

const bundle = workerData?.fromBundle ? loadCliBundle(CLI_V8_FLAGS) : undefined;
const { serveLintBatches } = bundle ? await bundle.lintWorker() : await import('../out/server/src/cli/lintWorker.js');
serveLintBatches();
