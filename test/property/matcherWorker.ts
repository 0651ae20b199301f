// Runs one vocabulary pattern over a large text in a worker, so the test can stop it if it never finishes.
import { parentPort, workerData } from 'node:worker_threads';
import { PhraseMatcher } from '../../server/src/engine/phrases/vocabulary.js';

interface Job {
  pattern: string;
  text: string;
}

const job = workerData as Job;
const t0 = performance.now();
const matcher = new PhraseMatcher([{ phrase: job.pattern, kind: 'benefit', origin: 'config' }]);
const compiled = performance.now();
const hits = matcher.find(job.text);
parentPort!.postMessage({
  hits: hits.length,
  first: hits[0]?.text ?? null,
  last: hits[hits.length - 1]?.text ?? null,
  compileMs: compiled - t0,
  matchMs: performance.now() - compiled,
});
