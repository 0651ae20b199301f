// In-process lint timings of one file (parse + model + rules), without process start-up: the time-per-line series.
//   node bench/engine-time.mjs --time N [--warmup W] [--budget-ms B] FILE   prints {ms, cpuMs, lines, findings, maxRssMb}
// Several FILEs: one line each, in one process (so the vocabulary is compiled once): the per-line series in one go.
// With a budget, measured runs stop once B ms have passed (at least one measured run).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');

async function main(args) {
  const n = Number(args[args.indexOf('--time') + 1]);
  const w = args.includes('--warmup') ? Number(args[args.indexOf('--warmup') + 1]) : 1;
  const budget = args.includes('--budget-ms') ? Number(args[args.indexOf('--budget-ms') + 1]) : Infinity;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) i++;
    else files.push(resolve(args[i]));
  }
  if (!Number.isInteger(n) || n < 1) throw new Error('--time N needs a positive whole number');
  if (files.length === 0) throw new Error('no FILE given');
  const engine = await import(pathToFileURL(resolve(root, 'out/server/src/engine/index.js')).href);
  for (const file of files) timeFile(engine, file, n, w, budget);
}

function timeFile(engine, file, n, w, budget) {
  const text = readFileSync(file, 'utf8');
  const config = engine.defaultConfig();
  const ms = [];
  const cpuMs = [];
  let findings = 0;
  const start = performance.now();
  for (let i = 0; i < w + n; i++) {
    if (ms.length > 0 && performance.now() - start > budget) break;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = engine.lint(text, { filePath: file, config });
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= w) {
      ms.push(dt);
      cpuMs.push((c.user + c.system) / 1000);
    }
    findings = result.findings.length;
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  // Peak RSS of the process so far (with several files: of the largest one so far).
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ file, ms, cpuMs, lines, findings, maxRssMb })}\n`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`engine-time: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
