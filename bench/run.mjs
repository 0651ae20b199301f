// `npm run bench`: generates the corpora, measures the CLI, the language server and the peers side by side in one run,
// prints a table and writes bench/results/latest.json. Options: --quick (smoke run), --only a,b (sections), --help.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FULL, QUICK, generateCorpus } from './generate.mjs';
import { freshUri, keystrokeLatencies, LspClient, openMany, openToDiagnostics } from './lsp.mjs';

const BENCH = resolve(fileURLToPath(import.meta.url), '..');
const ROOT = resolve(BENCH, '..');
const CLI = join(ROOT, 'bin/blueprint-lint.js');
const MARKDOWNLINT = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const PROBE = pathToFileURL(join(BENCH, 'probe.mjs')).href;
const MICROMARK_403 = pathToFileURL(join(BENCH, 'micromark-403.mjs')).href;
const SECTIONS = ['cold', 'tree', 'real', 'single', 'micromark', 'lsp', 'rss'];

const USAGE = `Usage: node bench/run.mjs [--quick] [--only ${SECTIONS.join(',')}] [--out FILE]
  --quick   smoke run: 100-file tree, files up to 10,000 lines, one repeat, short LSP script (about 2-4 minutes)
  --only    run only these sections (the others are reported as skipped)
  --out     also write the JSON here (bench/results/latest.json is always written)`;

/** Run counts and time budgets. A section stops repeating once over its budget (every command still runs once). */
const PLANS = {
  full: {
    corpus: FULL,
    treeRounds: 3,
    treeBudgetMs: 6 * 60_000,
    // In-process lints per size per round (after one warm-up run in each process): as warm as one longer series.
    engineRuns: { 100: 9, 1000: 7, 10000: 5, 100000: 1 },
    singleRounds: 3,
    cliRuns: { 100: 5, 1000: 5, 10000: 3, 100000: 3 },
    singleBudgetMs: 4 * 60_000,
    micromarkRuns: 3,
    micromarkSizes: [1000, 10000],
    lspSizes: [1000, 10000],
    lspOpens: 3,
    openBudgetMs: 30_000,
    edits: 200,
    editCapMs: 90_000,
    rssDocs: 500,
    processTimeoutMs: 15 * 60_000,
    coldRounds: 15,
    realFiles: 1000,
    realRounds: 3,
    realBudgetMs: 4 * 60_000,
  },
  quick: {
    corpus: QUICK,
    treeRounds: 1,
    treeBudgetMs: 60_000,
    engineRuns: { 100: 3, 1000: 3, 10000: 1 },
    singleRounds: 1,
    cliRuns: { 100: 1, 1000: 1, 10000: 1 },
    singleBudgetMs: 60_000,
    micromarkRuns: 1,
    micromarkSizes: [1000],
    lspSizes: [1000],
    lspOpens: 1,
    openBudgetMs: 10_000,
    edits: 20,
    editCapMs: 15_000,
    rssDocs: 100,
    processTimeoutMs: 3 * 60_000,
    coldRounds: 5,
    realFiles: 100,
    realRounds: 1,
    realBudgetMs: 60_000,
  },
};

const TARGETS = {
  coldVsMarkdownlint: { label: 'one blueprint, cold CLI vs markdownlint-cli2 (#16)', max: 0.8 },
  cliVsMarkdownlint: { label: 'CLI (default settings) on the tree vs markdownlint-cli2', max: 0.8 },
  cliVsBaseline: { label: 'CLI vs read+parse baseline (1 thread)', max: 1.25 },
  workersVsBaseline: { label: 'CLI with workers (default auto) vs the same baseline', max: 0.7 },
  cacheSecondVsFirst: { label: 'CLI --cache, 2nd run (no change) vs 1st', max: 0.15 },
  keystroke1k: { label: 'keystroke p95 vs full re-lint, 1,000 lines', max: 0.25 },
  keystroke10k: { label: 'keystroke p95 vs full re-lint, 10,000 lines', max: 0.1 },
  perLine100kVs1k: { label: 'time per line, 100,000 vs 1,000 lines', max: 1.2 },
  realVsMarkdownlint: { label: '1,000 real-size blueprints (corpus copies), CLI vs markdownlint-cli2', max: 0.8 },
  realVsBaseline: { label: 'same, CLI (1 thread) vs read+parse baseline', max: 1.25 },
  serverRss500: { label: 'server peak RSS, 500 open blueprints (MB)', max: 300, unit: 'MB' },
};

// ---------------------------------------------------------------- helpers

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const round = (x, d = 0) => (Number.isFinite(x) ? Number(x.toFixed(d)) : null);

function log(msg) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Runs a Node script as a whole process with the resource probe preloaded: wall time, CPU time of all threads, peak RSS. */
function runNode(script, args, { cwd = ROOT, timeoutMs, keepStdout = false, preload = [], env = {} } = {}) {
  const probeFile = join(tmpdir(), `blueprint-bench-probe-${process.pid}-${Date.now()}.json`);
  // script '-e': `node -e ARGS` (the process-start floor)
  const nodeArgs = [...preload.flatMap((p) => ['--import', p]), '--import', PROBE, script, ...args];
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, nodeArgs, { cwd, env: { ...process.env, ...env, BENCH_PROBE_FILE: probeFile, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let stdoutBytes = 0;
    let stderrTail = '';
    child.stdout.on('data', (c) => {
      stdoutBytes += c.length;
      if (keepStdout) out.push(c);
    });
    child.stderr.on('data', (c) => {
      stderrTail = (stderrTail + c.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      let probe = {};
      try {
        probe = JSON.parse(readFileSync(probeFile, 'utf8'));
        rmSync(probeFile);
      } catch {
        // Killed before exit: no probe record.
      }
      done({
        wallMs,
        cpuMs: probe.userMs !== undefined ? probe.userMs + probe.systemMs : NaN,
        maxRssMb: probe.maxRssKb !== undefined ? probe.maxRssKb / 1024 : NaN,
        code,
        timedOut: signal === 'SIGKILL',
        stdout: keepStdout ? Buffer.concat(out).toString('utf8') : '',
        stdoutBytes,
        stderrTail,
      });
    });
  });
}

function failed(run, okCodes) {
  if (run.timedOut) return 'timeout';
  if (!okCodes.includes(run.code)) return `exit ${run.code}: ${run.stderrTail.trim().split('\n').slice(-2).join(' | ').slice(0, 200)}`;
  return undefined;
}

/** What the CLI offers today: the performance options come from other work in progress. */
function cliFeatures() {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  const text = `${help.stdout}\n${help.stderr}`;
  const has = (flag) => new RegExp(`(^|\\s)${flag}(\\s|=|$)`, 'm').test(text);
  const shardArg = /--shard[ =]([A-Z]+\/[A-Z]+|\S+)/.exec(text)?.[1];
  return {
    workers: has('--workers'),
    cache: has('--cache'),
    cacheLocation: has('--cache-location'),
    shard: has('--shard'),
    shardArg,
    helpOk: help.status === 0,
  };
}

function versionOf(pkgJson) {
  try {
    return JSON.parse(readFileSync(join(ROOT, pkgJson), 'utf8')).version;
  } catch {
    return null;
  }
}

function micromarkInUse() {
  for (const p of ['node_modules/mdast-util-from-markdown/node_modules/micromark/package.json', 'node_modules/micromark/package.json']) {
    const v = versionOf(p);
    if (v) return v;
  }
  return null;
}

function git(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------------------------------------------------------------- sections

/** Whole-process runs on the 1,000-file tree, interleaved per round so machine noise hits every command alike. */
async function treeSection(plan, corpus, features, results) {
  const tree = corpus.tree.dir;
  const cacheFile = join(tmpdir(), `blueprint-bench-cache-${process.pid}`);
  const cacheArgs = features.cacheLocation ? ['--cache', '--cache-location', cacheFile] : ['--cache'];
  const clearCache = () => {
    for (const f of [cacheFile, join(tree, '.blueprintlintcache')]) rmSync(f, { recursive: true, force: true });
  };
  // With --workers in the CLI its default may be "auto": the single-thread row must ask for no workers.
  const oneThread = features.workers ? ['--workers', '0'] : [];
  const commands = [
    { id: 'cli', what: 'our CLI (1 thread)', script: CLI, args: ['.', '--format', 'json', ...oneThread], ok: [0, 1], check: 'findings' },
    { id: 'markdownlint', what: 'markdownlint-cli2, default rules', script: MARKDOWNLINT, args: ['**/*.md'], ok: [0, 1] },
    { id: 'baseline', what: 'read + remark-parse/gfm/frontmatter, 1 thread', script: join(BENCH, 'baseline-parse.mjs'), args: ['.'], ok: [0], check: 'baseline' },
  ];
  // What two threads give the bare parse on this machine (its cores may share one physical core): a reference, no target.
  if (features.workers)
    commands.push({ id: 'baselineThreads', what: 'the same read + parse in 2 worker threads', script: join(BENCH, 'baseline-parse.mjs'), args: ['--threads', '2', '.'], ok: [0], check: 'baseline' });
  // The CLI as a user runs it: `--workers auto` (its default) picks the thread count; the debug line says which.
  if (features.workers)
    commands.push({
      id: 'workers',
      what: 'our CLI, default settings (--workers auto)',
      script: CLI,
      args: ['.', '--format', 'json'],
      env: { BLUEPRINT_LINT_DEBUG_STATS: '1' },
      ok: [0, 1],
      check: 'findings',
    });
  if (features.cache) {
    commands.push({
      id: 'cacheFirst',
      what: 'our CLI --cache, 1st run (empty cache, default workers)',
      script: CLI,
      args: ['.', '--format', 'json', ...cacheArgs],
      ok: [0, 1],
      before: clearCache,
      check: 'findings',
    });
    commands.push({ id: 'cacheSecond', what: 'our CLI --cache, 2nd run (nothing changed)', script: CLI, args: ['.', '--format', 'json', ...cacheArgs], ok: [0, 1], check: 'findings' });
  }
  if (features.shard) commands.push({ id: 'shard', what: 'our CLI --shard 1/2 (half the tree), 1 thread', script: CLI, args: ['.', '--format', 'json', '--shard', '1/2', ...oneThread], ok: [0, 1] });
  // Warm-up: one short run of each tool on a tiny input, so module files are in the page cache for every measured run.
  const small = corpus.single[100];
  for (const c of [
    [CLI, [small, '--format', 'json']],
    [MARKDOWNLINT, [small]],
    [join(BENCH, 'baseline-parse.mjs'), [small]],
  ])
    await runNode(c[0], c[1], { timeoutMs: plan.processTimeoutMs });
  const byId = Object.fromEntries(commands.map((c) => [c.id, { ...c, wall: [], cpu: [], rss: [], error: undefined, note: undefined }]));
  const start = performance.now();
  for (let round = 0; round < plan.treeRounds; round++) {
    if (round > 0 && performance.now() - start > plan.treeBudgetMs) {
      log(`tree: budget reached after ${round} round(s)`);
      break;
    }
    for (const c of Object.values(byId)) {
      if (c.error) continue;
      c.before?.();
      log(`tree round ${round + 1}: ${c.what}`);
      const run = await runNode(c.script, c.args, { cwd: tree, timeoutMs: plan.processTimeoutMs, keepStdout: round === 0 && c.check !== undefined, env: c.env });
      c.error = failed(run, c.ok);
      if (c.error) {
        log(`  ${c.id} failed: ${c.error}`);
        continue;
      }
      if (round === 0 && c.check === 'findings') c.note = checkFindings(run.stdout, corpus.tree.files);
      const threads = /workers (\d+)/.exec(run.stderrTail)?.[1];
      if (round === 0 && c.env?.BLUEPRINT_LINT_DEBUG_STATS && threads !== undefined) c.note = `${c.note ?? ''}; ${threads} worker threads`;
      if (round === 0 && c.check === 'baseline') c.note = `${JSON.parse(run.stdout).files} files parsed`;
      c.wall.push(run.wallMs);
      c.cpu.push(run.cpuMs);
      c.rss.push(run.maxRssMb);
      log(`  ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU`);
    }
  }
  rmSync(cacheFile, { recursive: true, force: true });
  const tree_ = {};
  for (const c of Object.values(byId)) {
    tree_[c.id] = {
      what: c.what,
      command: `node ${c.script.replace(`${ROOT}/`, '')} ${c.args.join(' ')}`,
      runs: c.wall.length,
      wallMs: round(median(c.wall)),
      cpuMs: round(median(c.cpu)),
      peakRssMb: round(Math.max(...c.rss), 0),
      allWallMs: c.wall.map((x) => round(x)),
      error: c.error,
      note: c.note,
    };
  }
  for (const [id, flag] of [
    ['workers', 'workers'],
    ['cacheFirst', 'cache'],
    ['cacheSecond', 'cache'],
    ['shard', 'shard'],
  ]) {
    if (!features[flag]) tree_[id] = { what: id, notImplemented: true, note: `n/a (not implemented: no --${flag} in blueprint-lint --help)` };
  }
  results.tree = tree_;
  const r = (a, b, key = 'wallMs') => (tree_[a]?.[key] && tree_[b]?.[key] ? tree_[a][key] / tree_[b][key] : null);
  // A user runs the CLI with its defaults; the one-thread figure is kept beside it.
  const asRun = features.workers ? 'workers' : 'cli';
  results.ratios.cliVsMarkdownlint = { value: r(asRun, 'markdownlint'), cpu: r(asRun, 'markdownlint', 'cpuMs'), oneThread: r('cli', 'markdownlint') };
  results.ratios.cliVsBaseline = { value: r('cli', 'baseline'), cpu: r('cli', 'baseline', 'cpuMs') };
  results.ratios.workersVsBaseline = features.workers
    ? { value: r('workers', 'baseline'), cpu: r('workers', 'baseline', 'cpuMs'), baselineInTwoThreads: r('baselineThreads', 'baseline'), vsBaselineInTwoThreads: r('workers', 'baselineThreads') }
    : { notImplemented: true };
  results.ratios.cacheSecondVsFirst = features.cache ? { value: r('cacheSecond', 'cacheFirst'), cpu: r('cacheSecond', 'cacheFirst', 'cpuMs') } : { notImplemented: true };
}

// ---------------------------------------------------------------- real-size files from the labelled corpus

const LABELLED = join(ROOT, 'test/corpus/data');

/** The labelled blueprints of test/corpus/data (labels.json: blueprint true), by name. */
function labelledBlueprints() {
  const labels = JSON.parse(readFileSync(join(LABELLED, 'labels.json'), 'utf8')).files;
  return Object.keys(labels)
    .filter((name) => labels[name].blueprint === true && existsSync(join(LABELLED, name)))
    .sort();
}

/** The labelled blueprint of median size, copied as `one-file.blueprint.md` (what issue #16 calls one file). */
function coldFile(corpusDir) {
  const names = labelledBlueprints().map((name) => ({ name, bytes: readFileSync(join(LABELLED, name)).length }));
  names.sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name));
  const pick = names[names.length >> 1];
  const dir = join(corpusDir, 'cold');
  mkdirSync(join(dir, '.git'), { recursive: true });
  const file = join(dir, 'one-file.blueprint.md');
  copyFileSync(join(LABELLED, pick.name), file);
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true }, "gitignore": false }\n');
  return { file, source: pick.name, bytes: pick.bytes, lines: readFileSync(file, 'utf8').split('\n').length };
}

/**
 * N copies of the labelled blueprints (round robin, sorted by name), 50 to a folder, names kept so each is detected as in
 * the corpus (by name, front matter or lane labels). Rebuilt when the count or the corpus changes.
 */
function realTree(corpusDir, files) {
  const names = labelledBlueprints();
  const dir = join(corpusDir, 'real');
  const stamp = JSON.stringify({ files, names, bytes: names.map((n) => readFileSync(join(LABELLED, n)).length) });
  const stampFile = join(dir, '.stamp.json');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < files; i++) {
      const sub = join(dir, `team-${String(Math.floor(i / 50)).padStart(2, '0')}`);
      mkdirSync(sub, { recursive: true });
      const name = names[i % names.length];
      copyFileSync(join(LABELLED, name), join(sub, `${String(i).padStart(4, '0')}-${name}`));
    }
    writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true }, "gitignore": false }\n');
    // its own repository root, as the generated tree: the project's .gitignore (bench/corpus/) must not hide it
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(stampFile, stamp);
  }
  let bytes = 0;
  let lines = 0;
  for (const sub of readdirSync(dir).filter((d) => d.startsWith('team-'))) {
    for (const f of readdirSync(join(dir, sub))) {
      const text = readFileSync(join(dir, sub, f), 'utf8');
      bytes += Buffer.byteLength(text);
      lines += text.split('\n').length;
    }
  }
  return { dir, files, blueprints: names.length, bytes, lines };
}

/** Interleaved rounds of whole-process commands; returns per-command medians (wall, CPU) and all wall times. */
async function interleaved(commands, rounds, { cwd, budgetMs = Infinity, timeoutMs, label }) {
  const byId = Object.fromEntries(commands.map((c) => [c.id, { ...c, wall: [], cpu: [], rss: [], error: undefined, note: undefined }]));
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && performance.now() - start > budgetMs) {
      log(`${label}: budget reached after ${round} round(s)`);
      break;
    }
    for (const c of Object.values(byId)) {
      if (c.error) continue;
      const run = await runNode(c.script, c.args, { cwd, timeoutMs, keepStdout: round === 0 && c.check !== undefined, env: c.env, nodeArgs: c.nodeArgs });
      c.error = failed(run, c.ok);
      if (c.error) {
        log(`  ${c.id} failed: ${c.error}`);
        continue;
      }
      if (round === 0 && c.check) c.note = c.check(run);
      c.wall.push(run.wallMs);
      c.cpu.push(run.cpuMs);
      c.rss.push(run.maxRssMb);
    }
    log(
      `${label} round ${round + 1}: ${Object.values(byId)
        .map((c) => `${c.id} ${fmtMs(c.wall.at(-1))}`)
        .join(', ')}`,
    );
  }
  const out = {};
  for (const c of Object.values(byId)) {
    const cmd = c.script === '-e' ? `node -e ${c.args.join(' ')}` : `node ${c.script.replace(`${ROOT}/`, '')} ${c.args.join(' ')}`;
    out[c.id] = {
      what: c.what,
      command: cmd,
      runs: c.wall.length,
      wallMs: round(median(c.wall)),
      minWallMs: round(Math.min(...c.wall)),
      maxWallMs: round(Math.max(...c.wall)),
      cpuMs: round(median(c.cpu)),
      peakRssMb: round(Math.max(...c.rss), 0),
      allWallMs: c.wall.map((x) => round(x)),
      error: c.error,
      note: c.note,
    };
  }
  return out;
}

/**
 * One real-size blueprint, cold: a fresh process per run for our CLI and markdownlint-cli2 on the same file, interleaved,
 * with `node -e 0` as the floor (process start alone) and our CLI on a non-blueprint of the corpus as the cost of what
 * every file pays before the language layer.
 */
async function coldSection(plan, corpus, results) {
  const one = coldFile(resolve(corpus.single[100], '..', '..'));
  const cwd = resolve(one.file, '..');
  const findings = (run) => {
    try {
      return `${JSON.parse(run.stdout).length} findings`;
    } catch {
      return 'stdout was not JSON';
    }
  };
  const commands = [
    { id: 'cli', what: 'our CLI, one blueprint', script: CLI, args: ['one-file.blueprint.md', '--format', 'json'], ok: [0, 1], check: findings },
    { id: 'markdownlint', what: 'markdownlint-cli2, same file', script: MARKDOWNLINT, args: ['one-file.blueprint.md'], ok: [0, 1] },
    { id: 'node', what: 'node -e 0 (process start, the floor)', script: '-e', args: ['0'], ok: [0] },
  ];
  // warm-up: module files into the page cache
  for (const c of commands) await runNode(c.script, c.args, { cwd, timeoutMs: plan.processTimeoutMs });
  const rows = await interleaved(commands, plan.coldRounds, { cwd, timeoutMs: plan.processTimeoutMs, label: 'cold' });
  results.cold = { file: { source: `test/corpus/data/${one.source}`, bytes: one.bytes, lines: one.lines }, ...rows };
  const r = (a, b, key = 'wallMs') => (rows[a]?.[key] && rows[b]?.[key] ? rows[a][key] / rows[b][key] : null);
  results.ratios.coldVsMarkdownlint = { value: r('cli', 'markdownlint'), cpu: r('cli', 'markdownlint', 'cpuMs'), note: `${one.source}, ${one.lines} lines` };
}

/** 1,000 real-size blueprints (copies of the labelled corpus) as whole-process runs, interleaved per round. */
async function realSection(plan, corpus, features, results) {
  const tree = realTree(resolve(corpus.single[100], '..', '..'), plan.realFiles);
  const oneThread = features.workers ? ['--workers', '0'] : [];
  const linted = (run) => {
    try {
      const list = JSON.parse(run.stdout);
      // auto decides by the idle cores at the time: the note says what this round chose
      const threads = /workers (\d+)/.exec(run.stderrTail ?? '')?.[1];
      return `${list.length} findings in ${new Set(list.map((f) => f.file)).size} files${threads === undefined ? '' : `; ${threads} worker threads`}`;
    } catch {
      return 'stdout was not JSON';
    }
  };
  const commands = [
    { id: 'cli', what: 'our CLI, default settings', script: CLI, args: ['.', '--format', 'json'], env: { BLUEPRINT_LINT_DEBUG_STATS: '1' }, ok: [0, 1], check: linted },
    { id: 'cliOneThread', what: 'our CLI, 1 thread', script: CLI, args: ['.', '--format', 'json', ...oneThread], ok: [0, 1] },
    { id: 'markdownlint', what: 'markdownlint-cli2, default rules', script: MARKDOWNLINT, args: ['**/*.md'], ok: [0, 1] },
    {
      id: 'baseline',
      what: 'read + remark-parse/gfm/frontmatter, 1 thread',
      script: join(BENCH, 'baseline-parse.mjs'),
      args: ['.'],
      ok: [0],
      check: (run) => `${JSON.parse(run.stdout).files} files parsed`,
    },
  ];
  const rows = await interleaved(commands, plan.realRounds, { cwd: tree.dir, budgetMs: plan.realBudgetMs, timeoutMs: plan.processTimeoutMs, label: 'real' });
  results.real = { tree: { files: tree.files, distinct: tree.blueprints, lines: tree.lines, bytes: tree.bytes }, ...rows };
  const r = (a, b, key = 'wallMs') => (rows[a]?.[key] && rows[b]?.[key] ? rows[a][key] / rows[b][key] : null);
  const note = tree.files === 1000 ? undefined : `${tree.files} files in this mode`;
  results.ratios.realVsMarkdownlint = { value: r('cli', 'markdownlint'), cpu: r('cli', 'markdownlint', 'cpuMs'), oneThread: r('cliOneThread', 'markdownlint'), note };
  results.ratios.realVsBaseline = { value: r('cliOneThread', 'baseline'), cpu: r('cliOneThread', 'baseline', 'cpuMs'), note };
}

/** Every tree file must show up (each has one unsupported step), so a CLI that silently skipped files cannot look fast. */
function checkFindings(stdout, expectedFiles) {
  let list;
  try {
    list = JSON.parse(stdout);
  } catch {
    return 'stdout was not JSON';
  }
  const files = new Set(list.map((f) => f.file)).size;
  return `${list.length} findings in ${files} files${files === expectedFiles ? '' : ` (EXPECTED ${expectedFiles}: some files were not linted)`}`;
}

/** Time per line: in-process lint (no start-up) per size, and the CLI as a whole process per size (its peak RSS too). */
async function singleSection(plan, corpus, results) {
  const start = performance.now();
  const sizes = Object.keys(plan.engineRuns).map(Number);
  const samples = Object.fromEntries(sizes.map((size) => [size, { ms: [], cpuMs: [] }]));
  // Rounds that time every size once each, as the tree rows do: the machine's speed drifts over minutes, and a ratio of
  // two sizes timed minutes apart would carry that drift (run 14: the 1,000-line file timed fast, the 100,000 slow).
  for (let round = 0; round < plan.singleRounds; round++) {
    if (round > 0 && performance.now() - start > plan.singleBudgetMs / 2) break;
    for (const size of sizes) {
      const s = samples[size];
      if (s.error) continue;
      const runs = plan.engineRuns[size];
      // The largest file warms the JIT within its own first thousands of lines; a separate warm-up run would double its cost.
      const warmup = size >= 100000 ? 0 : 1;
      log(`single ${size}: in-process lint x${runs} (round ${round + 1}/${plan.singleRounds})`);
      const eng = await runNode(join(BENCH, 'engine-time.mjs'), ['--time', String(runs), '--warmup', String(warmup), '--budget-ms', String(Math.round(plan.singleBudgetMs / 8)), corpus.single[size]], {
        timeoutMs: plan.processTimeoutMs,
        keepStdout: true,
      });
      const err = failed(eng, [0]);
      if (err) {
        s.error = err;
        continue;
      }
      const data = JSON.parse(eng.stdout);
      s.ms.push(...data.ms);
      s.cpuMs.push(...data.cpuMs);
      s.findings = data.findings;
    }
  }
  const rows = {};
  for (const size of sizes) {
    const file = corpus.single[size];
    const s = samples[size];
    const row = { lines: size, bytes: readFileSync(file).length };
    if (s.error) row.engineError = s.error;
    else {
      row.engineRuns = s.ms.length;
      row.engineMs = round(median(s.ms), 1);
      row.usPerLine = round((median(s.ms) * 1000) / size, 2);
      row.engineCpuMs = round(median(s.cpuMs), 1);
      row.cpuUsPerLine = round((median(s.cpuMs) * 1000) / size, 2);
      row.findings = s.findings;
    }
    // The whole process does the same lint plus start-up: when the lint alone timed out, so would the CLI.
    const cliRuns = row.engineError === 'timeout' ? 0 : performance.now() - start > plan.singleBudgetMs ? 1 : plan.cliRuns[size];
    if (cliRuns === 0) row.cliError = 'skipped: the in-process lint timed out';
    const wall = [];
    const cpu = [];
    let rss = 0;
    for (let i = 0; i < cliRuns; i++) {
      log(`single ${size}: CLI whole process ${i + 1}/${cliRuns}`);
      // the 100,000-line file (4.3 MB) is over the default size limit (2,000,000 bytes), which would report instead of lint
      const run = await runNode(CLI, [file, '--format', 'json', '--max-file-size', '20mb'], { timeoutMs: plan.processTimeoutMs });
      const err = failed(run, [0, 1]);
      if (err) {
        row.cliError = err;
        break;
      }
      wall.push(run.wallMs);
      cpu.push(run.cpuMs);
      rss = Math.max(rss, run.maxRssMb);
      if (i === 0 && run.wallMs * cliRuns > plan.singleBudgetMs / 2) break;
    }
    if (wall.length) Object.assign(row, { cliRuns: wall.length, cliWallMs: round(median(wall)), cliCpuMs: round(median(cpu)), cliPeakRssMb: round(rss) });
    rows[size] = row;
  }
  results.single = rows;
  const a = rows[100000]?.usPerLine;
  const b = rows[1000]?.usPerLine;
  const largest = Math.max(...Object.keys(rows).map(Number));
  const cpuRatio = (x) => (rows[x]?.cpuUsPerLine && rows[1000]?.cpuUsPerLine ? rows[x].cpuUsPerLine / rows[1000].cpuUsPerLine : undefined);
  if (a && b) results.ratios.perLine100kVs1k = { value: a / b, cpu: cpuRatio(100000) };
  else if (!rows[100000] && largest > 1000 && rows[largest].usPerLine && b)
    results.ratios.perLine100kVs1k = { value: rows[largest].usPerLine / b, cpu: cpuRatio(largest), note: `${largest.toLocaleString('en-US')} vs 1,000 lines in this mode` };
  else results.ratios.perLine100kVs1k = { missing: rows[100000]?.engineError ?? 'no 100,000-line file in this mode' };
  const cli = rows[100000] ?? rows[Math.max(...Object.keys(rows).map(Number))];
  results.cliPeakRssLargestMb = { lines: cli?.lines, value: cli?.cliPeakRssMb ?? null };
}

/** micromark 4.0.3 (devDependency alias, swapped in by a resolve hook) vs the pinned 4.0.2, same parser pipeline. */
async function micromarkSection(plan, corpus, results) {
  const rows = {};
  if (!existsSync(join(ROOT, 'node_modules/micromark-403/package.json'))) {
    results.micromark = { installed: micromarkInUse(), alias: null, rows, skipped: 'devDependency micromark-403 (npm:micromark@4.0.3) is not installed; run npm install' };
    return;
  }
  for (const size of plan.micromarkSizes) {
    const file = corpus.single[size];
    const row = { lines: size };
    for (const [key, preload] of [
      ['v402', []],
      ['v403', [MICROMARK_403]],
    ]) {
      log(`micromark ${size}: ${key} x${plan.micromarkRuns}`);
      const run = await runNode(join(BENCH, 'baseline-parse.mjs'), ['--time', String(plan.micromarkRuns), '--warmup', '1', file], { timeoutMs: plan.processTimeoutMs, keepStdout: true, preload });
      const err = failed(run, [0]);
      if (err) {
        row[key] = { error: err };
        continue;
      }
      const data = JSON.parse(run.stdout);
      row[key] = {
        ms: round(median(data.ms), 1),
        cpuMs: round(median(data.cpuMs), 1),
        hash: data.hash,
        resolved: data.micromark.resolved,
        redirects: data.micromark.redirects,
        peakRssMb: round(run.maxRssMb),
      };
    }
    if (row.v402?.ms && row.v403?.ms) {
      row.ratio = round(row.v403.ms / row.v402.ms, 2);
      row.cpuRatio = round(row.v403.cpuMs / row.v402.cpuMs, 2);
      row.sameTree = row.v402.hash === row.v403.hash;
    }
    rows[size] = row;
  }
  const sizes = Object.keys(rows)
    .map(Number)
    .sort((x, y) => x - y);
  if (sizes.length >= 2) {
    // log-log slope between the smallest and largest size: 1 is linear, 2 quadratic.
    const [s0, s1] = [sizes[0], sizes[sizes.length - 1]];
    for (const key of ['v402', 'v403']) {
      if (rows[s0][key]?.cpuMs && rows[s1][key]?.cpuMs) rows[`slope_${key}`] = round(Math.log(rows[s1][key].cpuMs / rows[s0][key].cpuMs) / Math.log(s1 / s0), 2);
    }
  }
  results.micromark = { installed: micromarkInUse(), alias: versionOf('node_modules/micromark-403/package.json'), rows };
}

/** Through the language server: open-to-diagnostics (a full lint of a fresh document) and keystroke-to-diagnostics. */
async function lspSection(plan, corpus, results) {
  const singleDir = resolve(corpus.single[100], '..');
  const client = new LspClient({ rootUri: pathToFileURL(singleDir).href, timeoutMs: plan.processTimeoutMs });
  const rows = {};
  try {
    await client.initialize();
    // Warm-up: the first lint pays for module loading and vocabulary compilation.
    await openToDiagnostics(client, freshUri(corpus.single[100], 'warmup'), readFileSync(corpus.single[100], 'utf8'));
    for (const size of plan.lspSizes) {
      const file = corpus.single[size];
      const text = readFileSync(file, 'utf8');
      const opens = [];
      const openStart = performance.now();
      for (let i = 0; i < plan.lspOpens; i++) {
        // Each open is a full lint: on a slow build, one or two are enough for a median and the edit script needs the time.
        if (i > 0 && performance.now() - openStart > plan.openBudgetMs) break;
        log(`lsp ${size}: open ${i + 1}/${plan.lspOpens}`);
        opens.push((await openToDiagnostics(client, freshUri(file, `open${i}`), text)).ms);
      }
      log(`lsp ${size}: ${plan.edits} scripted edits (cap ${plan.editCapMs / 1000} s)`);
      const keys = await keystrokeLatencies(client, pathToFileURL(file).href, text, { edits: plan.edits, capMs: plan.editCapMs });
      const relint = median(opens);
      rows[size] = {
        lines: size,
        openToDiagnosticsMs: round(relint, 1),
        opens: opens.length,
        edits: keys.ms.length,
        editsPlanned: keys.planned,
        capped: keys.capped,
        keystrokeP50Ms: round(percentile(keys.ms, 50), 1),
        keystrokeP95Ms: round(percentile(keys.ms, 95), 1),
        keystrokeMaxMs: round(Math.max(...keys.ms), 1),
        p95VsRelint: round(percentile(keys.ms, 95) / relint, 3),
      };
    }
    rows.serverErrors = client.errors.slice(0, 5);
  } catch (e) {
    rows.error = e instanceof Error ? e.message : String(e);
  } finally {
    await client.shutdown();
  }
  results.lsp = rows;
  for (const [size, key] of [
    [1000, 'keystroke1k'],
    [10000, 'keystroke10k'],
  ]) {
    results.ratios[key] = rows[size]
      ? { value: rows[size].p95VsRelint, note: rows[size].capped ? `${rows[size].edits} of ${rows[size].editsPlanned} edits (time cap)` : undefined }
      : { missing: rows.error ?? 'not in this mode' };
  }
}

/** A fresh server with N tree blueprints (~200 lines each) open at once. */
async function rssSection(plan, corpus, results) {
  const client = new LspClient({ rootUri: pathToFileURL(corpus.tree.dir).href, timeoutMs: plan.processTimeoutMs });
  try {
    await client.initialize();
    const idle = client.memory();
    const files = corpus.tree.paths.slice(0, plan.rssDocs).map((p) => join(corpus.tree.dir, p));
    log(`rss: opening ${files.length} blueprints in one server`);
    const opened = await openMany(client, files);
    results.serverRss = {
      open: opened.open,
      idleRssMb: round(idle.rssMb),
      rssMb: round(opened.rssMb),
      peakRssMb: round(opened.peakRssMb),
      allDiagnosticsMs: round(opened.ms),
      serverErrors: client.errors.slice(0, 5),
    };
    results.ratios.serverRss500 = { value: opened.peakRssMb, note: opened.open === 500 ? undefined : `${opened.open} documents (quick mode)` };
  } catch (e) {
    results.serverRss = { error: e instanceof Error ? e.message : String(e) };
    results.ratios.serverRss500 = { missing: results.serverRss.error };
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------- report

function fmtMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function renderReport(results) {
  const out = [];
  const m = results.meta;
  out.push(
    `Blueprint Lint bench (${m.mode}) ${m.date}, commit ${m.commit ?? '?'}${m.dirty ? ' (+ uncommitted changes)' : ''}, node ${m.node}, ${m.cpus} CPUs, load avg ${m.loadStart} -> ${m.loadEnd}, ${m.minutes} min`,
  );
  out.push('');
  out.push('Ratios (wall-clock medians; CPU-time ratio beside it: less sensitive to a busy machine)');
  const ratioRows = Object.entries(TARGETS).map(([id, t]) => {
    const r = results.ratios[id] ?? {};
    let value = '—';
    let cpu = '';
    let pass = 'not run';
    if (r.notImplemented) pass = 'n/a (not implemented)';
    else if (r.missing) pass = `missing: ${String(r.missing).slice(0, 40)}`;
    else if (r.value !== null && r.value !== undefined) {
      value = t.unit === 'MB' ? `${Math.round(r.value)} MB` : `${r.value.toFixed(2)}x`;
      cpu = r.cpu ? `${r.cpu.toFixed(2)}x` : '';
      pass = r.value <= t.max ? 'PASS' : 'MISS';
    }
    return [t.label, value, cpu, t.unit === 'MB' ? `<= ${t.max} MB` : `<= ${t.max}x`, pass + (r.note ? ` (${r.note})` : '')];
  });
  out.push(table(['target', 'value', 'CPU', 'target', 'result'], ratioRows));
  const w = results.ratios.workersVsBaseline;
  if (w?.baselineInTwoThreads) {
    out.push(
      `Reference, no target: the read+parse baseline itself in 2 worker threads runs at ${w.baselineInTwoThreads.toFixed(2)}x of its one thread; our CLI with workers at ${w.vsBaselineInTwoThreads.toFixed(2)}x of that.`,
    );
  }
  const wholeProcess = (rows) =>
    table(
      ['command', 'wall median', 'min-max', 'CPU', 'peak RSS', 'runs', 'note'],
      Object.values(rows)
        .filter((t) => t && typeof t === 'object' && t.what)
        .map((t) => [
          t.what,
          t.error ? t.error.slice(0, 30) : fmtMs(t.wallMs),
          t.error ? '' : `${fmtMs(t.minWallMs)}-${fmtMs(t.maxWallMs)}`,
          fmtMs(t.cpuMs),
          t.peakRssMb ? `${t.peakRssMb} MB` : '—',
          t.runs,
          t.note ?? '',
        ]),
    );
  if (results.cold && !results.cold.error) {
    out.push(
      '',
      `One blueprint, cold CLI (${results.cold.file.source}, ${results.cold.file.lines} lines, ${results.cold.file.bytes} bytes, as one-file.blueprint.md): a fresh process per run, interleaved`,
    );
    out.push(wholeProcess(results.cold));
  }
  if (results.real && !results.real.error) {
    const t = results.real.tree;
    out.push(
      '',
      `${t.files.toLocaleString('en-US')} real-size blueprints (copies of the ${t.distinct} labelled blueprints of test/corpus/data, ${t.lines.toLocaleString('en-US')} lines, ${(t.bytes / 1e6).toFixed(1)} MB), whole process`,
    );
    out.push(wholeProcess(results.real));
  }
  if (results.tree) {
    out.push('', `Tree (${results.meta.tree.files} files, ${results.meta.tree.lines.toLocaleString('en-US')} lines, ${(results.meta.tree.bytes / 1e6).toFixed(1)} MB), whole process`);
    out.push(
      table(
        ['command', 'wall', 'CPU', 'peak RSS', 'runs', 'note'],
        Object.values(results.tree).map((t) =>
          t.notImplemented
            ? [t.what, '—', '—', '—', 0, t.note]
            : [t.what, t.error ? t.error.slice(0, 30) : fmtMs(t.wallMs), fmtMs(t.cpuMs), t.peakRssMb ? `${t.peakRssMb} MB` : '—', t.runs, t.note ?? ''],
        ),
      ),
    );
  }
  if (results.single) {
    out.push('', 'Single blueprints: in-process lint (parse + model + rules) and the CLI as a whole process');
    out.push(
      table(
        ['lines', 'bytes', 'lint', 'µs/line', 'lint CPU', 'CPU µs/line', 'runs', 'CLI wall', 'CLI CPU', 'CLI peak RSS', 'runs', 'findings'],
        Object.values(results.single).map((s) => [
          s.lines.toLocaleString('en-US'),
          s.bytes.toLocaleString('en-US'),
          s.engineError ? s.engineError.slice(0, 30) : fmtMs(s.engineMs),
          s.usPerLine ?? '—',
          fmtMs(s.engineCpuMs),
          s.cpuUsPerLine ?? '—',
          s.engineRuns ?? 0,
          s.cliError ? s.cliError.slice(0, 30) : fmtMs(s.cliWallMs),
          fmtMs(s.cliCpuMs),
          s.cliPeakRssMb ? `${s.cliPeakRssMb} MB` : '—',
          s.cliRuns ?? 0,
          s.findings ?? '—',
        ]),
      ),
    );
  }
  if (results.micromark) {
    const mm = results.micromark;
    if (mm.skipped) out.push('', `micromark 4.0.3 row skipped: ${mm.skipped}`);
    else out.push('', `micromark: project resolves ${mm.installed} (overrides); 4.0.3 from the devDependency alias micromark-403@${mm.alias ?? 'missing'} via a resolve hook`);
    const rows = Object.values(mm.rows).filter((r) => typeof r === 'object' && r.lines);
    out.push(
      table(
        ['lines', 'parse 4.0.2 (CPU)', 'parse 4.0.3 (CPU)', '4.0.3 / 4.0.2 wall', 'CPU', 'same mdast', 'peak RSS 4.0.2 / 4.0.3'],
        rows.map((r) => [
          r.lines.toLocaleString('en-US'),
          r.v402?.error ?? `${fmtMs(r.v402?.ms)} (${fmtMs(r.v402?.cpuMs)})`,
          r.v403?.error ?? `${fmtMs(r.v403?.ms)} (${fmtMs(r.v403?.cpuMs)})`,
          r.ratio ? `${r.ratio}x` : '—',
          r.cpuRatio ? `${r.cpuRatio}x` : '—',
          r.sameTree === undefined ? '—' : r.sameTree ? 'yes' : 'NO',
          `${r.v402?.peakRssMb ?? '—'} / ${r.v403?.peakRssMb ?? '—'} MB`,
        ]),
      ),
    );
    if (mm.rows.slope_v402 !== undefined) out.push(`growth of CPU time (log-log slope; 1 = linear): 4.0.2 ${mm.rows.slope_v402}, 4.0.3 ${mm.rows.slope_v403}`);
  }
  if (results.lsp) {
    out.push('', 'Language server over stdio, debounceMs 0 (open = a full lint of a fresh document)');
    if (results.lsp.error) out.push(`error: ${results.lsp.error}`);
    const rows = Object.values(results.lsp).filter((r) => r && typeof r === 'object' && r.lines);
    out.push(
      table(
        ['lines', 'open -> diagnostics', 'keystroke p50', 'keystroke p95', 'max', 'edits', 'p95 / re-lint'],
        rows.map((r) => [
          r.lines.toLocaleString('en-US'),
          fmtMs(r.openToDiagnosticsMs),
          fmtMs(r.keystrokeP50Ms),
          fmtMs(r.keystrokeP95Ms),
          fmtMs(r.keystrokeMaxMs),
          `${r.edits}/${r.editsPlanned}${r.capped ? ' (time cap)' : ''}`,
          r.p95VsRelint ?? '—',
        ]),
      ),
    );
  }
  if (results.serverRss) {
    const s = results.serverRss;
    out.push(
      '',
      s.error
        ? `Server RSS: error: ${s.error}`
        : `Server with ${s.open} open ~200-line blueprints: RSS ${s.rssMb} MB, peak ${s.peakRssMb} MB (idle ${s.idleRssMb} MB); all diagnostics in ${fmtMs(s.allDiagnosticsMs)}`,
    );
  }
  if (results.cliPeakRssLargestMb?.value) out.push(`CLI peak RSS on the ${results.cliPeakRssLargestMb.lines.toLocaleString('en-US')}-line file: ${results.cliPeakRssLargestMb.value} MB`);
  for (const s of m.skipped) out.push(`skipped: ${s}`);
  return out.join('\n');
}

// ---------------------------------------------------------------- main

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const mode = argv.includes('--quick') ? 'quick' : 'full';
  const plan = PLANS[mode];
  const onlyArg = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '') : SECTIONS.join(',');
  const only = onlyArg.split(',').filter(Boolean);
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const outArg = argv.includes('--out') ? resolve(argv[argv.indexOf('--out') + 1]) : undefined;
  for (const needed of ['out/server/src/cli/main.js', 'out/server/src/server/main.js', 'out/server/src/engine/index.js']) {
    if (!existsSync(join(ROOT, needed))) {
      process.stderr.write(`bench: ${needed} is missing; build first (node scripts/build.mjs --no-bundle)\n`);
      return 2;
    }
  }
  if (!existsSync(MARKDOWNLINT)) {
    process.stderr.write('bench: markdownlint-cli2 is not installed; run npm install (it is a devDependency)\n');
    return 2;
  }
  const t0 = performance.now();
  const loadStart = loadavg()[0].toFixed(1);
  log(`generating corpora (${mode})`);
  const corpus = generateCorpus(plan.corpus);
  const features = cliFeatures();
  const results = {
    meta: {
      mode,
      date: new Date().toISOString(),
      commit: git(['rev-parse', '--short', 'HEAD']),
      dirty: Boolean(git(['status', '--porcelain', '--untracked-files=no'])),
      node: process.version,
      cpus: cpus().length,
      memGb: round(totalmem() / 2 ** 30, 1),
      loadStart,
      markdownlintCli2: versionOf('node_modules/markdownlint-cli2/package.json'),
      micromark: micromarkInUse(),
      cliFeatures: features,
      tree: { files: corpus.tree.files, lines: corpus.tree.lines, bytes: corpus.tree.bytes },
      seed: corpus.key.seed,
      skipped: [],
    },
    ratios: {},
  };
  const sections = { cold: coldSection, tree: treeSection, single: singleSection, micromark: micromarkSection, lsp: lspSection, rss: rssSection };
  for (const name of SECTIONS) {
    if (!only.includes(name)) {
      results.meta.skipped.push(`${name} (--only)`);
      continue;
    }
    log(`section ${name}`);
    try {
      if (name === 'tree') await treeSection(plan, corpus, features, results);
      else if (name === 'real') await realSection(plan, corpus, features, results);
      else await sections[name](plan, corpus, results);
    } catch (e) {
      results[name] = { error: e instanceof Error ? e.message : String(e) };
      log(`section ${name} failed: ${results[name].error}`);
    }
  }
  results.meta.loadEnd = loadavg()[0].toFixed(1);
  results.meta.minutes = round((performance.now() - t0) / 60_000, 1);
  for (const [id, t] of Object.entries(TARGETS)) {
    const r = results.ratios[id];
    if (r && typeof r.value === 'number') r.pass = r.value <= t.max;
    if (r) r.target = t.max;
  }
  const report = renderReport(results);
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  const json = `${JSON.stringify({ ...results, report }, null, 2)}\n`;
  writeFileSync(join(BENCH, 'results', 'latest.json'), json);
  writeFileSync(join(BENCH, 'results', `${mode}-${results.meta.date.replace(/[:.]/g, '-')}.json`), json);
  if (outArg) writeFileSync(outArg, json);
  process.stdout.write(`${report}\n\nwritten: bench/results/latest.json\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
