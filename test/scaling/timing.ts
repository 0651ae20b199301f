// Times one scaling case at n and 4n in a fresh process (no heap left over from other suites to collect):
//   node out/test/scaling/timing.js CASE N REPS   prints {cpu: [n, 4n], wall: [n, 4n]}, medians of 3 interleaved runs in ms.
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { lint } from '../../server/src/engine/lint.js';
import { CASES, LONG_LANE_HEAD } from './hostile.js';

const [id, nArg, repsArg] = process.argv.slice(2);
const make = CASES[id ?? ''];
const n = Number(nArg);
const reps = Number(repsArg ?? 1);
if (!make || !Number.isInteger(n) || n < 1 || !Number.isInteger(reps) || reps < 1) {
  process.stderr.write(`usage: timing.js CASE N REPS (CASE one of ${Object.keys(CASES).join(', ')})\n`);
  process.exit(2);
}
const config = defaultConfig();
const run = (text: string) => lint(text, { forceBlueprint: true, config });
const small = make(n);
const big = make(4 * n);
// The first lint compiles the vocabulary, the second the code paths this input takes: neither is timed.
run(`${LONG_LANE_HEAD}x\n`);
run(small);
const sample = (text: string) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let k = 0; k < reps; k++) run(text);
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};
// Three runs of each size, interleaved, so a burst of load from elsewhere hits both sizes alike.
const a: Array<{ cpu: number; wall: number }> = [];
const b: Array<{ cpu: number; wall: number }> = [];
for (let i = 0; i < 3; i++) {
  a.push(sample(small));
  b.push(sample(big));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1]!;
process.stdout.write(`${JSON.stringify({ cpu: [median(a.map((s) => s.cpu)), median(b.map((s) => s.cpu))], wall: [median(a.map((s) => s.wall)), median(b.map((s) => s.wall))] })}\n`);
