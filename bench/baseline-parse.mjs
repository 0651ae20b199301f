// The floor for a parse-based linter: read every Markdown file and parse it with remark-parse + gfm + frontmatter, one thread.
//   node bench/baseline-parse.mjs PATH...                  whole-process baseline; prints {files, lines, bytes}
//   node bench/baseline-parse.mjs --threads N PATH...      the same files dealt to N worker threads (every other file
//                                                          each, the CLI's young generation): the floor for parallel runs
//   node bench/baseline-parse.mjs --time N [--warmup W] FILE   in-process parse timings; prints {ms, cpuMs, hash, micromark}
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// Same plugin set and options as server/src/engine/parse.ts.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Markdown files under the paths, skipping dot folders and node_modules (as the CLI does). */
export function markdownFiles(paths) {
  const out = [];
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (entry.isDirectory()) visit(join(path, entry.name));
        else if (/\.(md|markdown)$/i.test(entry.name)) out.push(join(path, entry.name));
      }
    } else out.push(path);
  };
  for (const p of paths) visit(p);
  return out;
}

/** Hash of the mdast (positions included), to show two parser versions build the same tree. */
function treeHash(tree) {
  return createHash('sha256').update(JSON.stringify(tree)).digest('hex').slice(0, 16);
}

function micromarkInfo() {
  const redirects = globalThis.__micromarkRedirects ?? [];
  const fromMdast = redirects.filter((r) => /mdast-util-from-markdown/.test(r.from ?? ''));
  return {
    resolved: fromMdast.length > 0 ? 'micromark-403 (4.0.3) via resolve hook' : 'project install (overridden to 4.0.2)',
    redirects: fromMdast.map((r) => `${r.from.replace(/^.*node_modules\//, '')} -> ${r.to.replace(/^.*node_modules\//, '')}`),
  };
}

function timeMode(args) {
  const n = Number(args[args.indexOf('--time') + 1]);
  const w = args.includes('--warmup') ? Number(args[args.indexOf('--warmup') + 1]) : 1;
  const file = args[args.length - 1];
  const text = readFileSync(file, 'utf8');
  const ms = [];
  const cpuMs = [];
  let hash = '';
  for (let i = 0; i < w + n; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const tree = processor.parse(text);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= w) {
      ms.push(dt);
      cpuMs.push((c.user + c.system) / 1000);
    }
    if (i === 0) hash = treeHash(tree);
  }
  process.stdout.write(`${JSON.stringify({ file, ms, cpuMs, hash, micromark: micromarkInfo() })}\n`);
}

function parseFiles(list) {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  for (const file of list) {
    const text = readFileSync(file, 'utf8');
    const tree = processor.parse(text);
    files++;
    bytes += text.length;
    lines += tree.position ? tree.position.end.line : 0;
  }
  return { files, lines, bytes };
}

function wholeMode(paths) {
  process.stdout.write(`${JSON.stringify(parseFiles(markdownFiles(paths)))}\n`);
}

/** The same work dealt to `n` worker threads, each with the young generation the CLI gives its workers. */
async function threadsMode(n, paths) {
  const all = markdownFiles(paths);
  const { WORKER_YOUNG_GENERATION_MB } = await import('../out/server/src/cli/workerPool.js');
  const parts = await Promise.all(
    Array.from({ length: n }, (_, k) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { files: all.filter((_, i) => i % n === k) }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      return new Promise((done, fail) => {
        worker.once('message', done);
        worker.once('error', fail);
      });
    }),
  );
  const sum = parts.reduce((a, p) => ({ files: a.files + p.files, lines: a.lines + p.lines, bytes: a.bytes + p.bytes }), { files: 0, lines: 0, bytes: 0 });
  process.stdout.write(`${JSON.stringify(sum)}\n`);
}

if (!isMainThread) {
  parentPort.postMessage(parseFiles(workerData.files));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    process.stderr.write('Usage: node bench/baseline-parse.mjs PATH... | --time N [--warmup W] FILE\n');
    process.exitCode = 2;
  } else if (args.includes('--time')) timeMode(args);
  else if (args[0] === '--threads') await threadsMode(Number(args[1]), args.slice(2));
  else wholeMode(args);
}
