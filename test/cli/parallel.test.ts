import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idleBetween } from '../../server/src/cli/idleCores.js';
import { chooseWorkerCount, makeBatches, type WorkItem } from '../../server/src/cli/workerPool.js';
import { generateTree } from './generateTree.js';
import { engineHasCoreRule, makeWorkspace, repoRoot, runCli, statsOf, withoutStats, workerCodeOf } from './helpers.js';

const STATS = { BLUEPRINT_LINT_DEBUG_STATS: '1' };

function tempTree(count: number): { dir: string; files: string[]; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-tree-'));
  mkdirSync(join(dir, '.git'));
  const files = generateTree(dir, count);
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('blueprint-lint --workers', function () {
  let ws: ReturnType<typeof makeWorkspace>;
  let tree: ReturnType<typeof tempTree>;
  before(function () {
    if (!engineHasCoreRule) this.skip();
    ws = makeWorkspace();
    // Files that take every path through a worker: skipped, decoded with replacements, a front matter problem.
    writeFileSync(join(ws.dir, 'docs', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    writeFileSync(join(ws.dir, 'docs', 'latin1.blueprint.md'), Buffer.concat([readFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md')), Buffer.from('\nCaf\xe9\n', 'latin1')]));
    writeFileSync(join(ws.dir, 'docs', 'front.blueprint.md'), '---\ntitle: [unclosed\n---\n\n## Pay\n\n- **Customer:** The guest gets a refund on the spot.\n');
    tree = tempTree(120);
  });
  after(() => {
    ws?.cleanup();
    tree?.cleanup();
  });

  for (const format of ['json', 'stylish']) {
    it(`fixture tree, ${format}: --workers 2 prints exactly what --workers 0 prints`, () => {
      const single = runCli(['.', '--format', format, '--workers', '0'], { cwd: ws.dir, env: STATS });
      const parallel = runCli(['.', '--format', format, '--workers', '2'], { cwd: ws.dir, env: STATS });
      assert.equal(statsOf(single.stderr).workers, 0);
      assert.equal(statsOf(parallel.stderr).workers, 2);
      assert.equal(parallel.stdout, single.stdout);
      assert.equal(withoutStats(parallel.stderr), withoutStats(single.stderr));
      assert.equal(parallel.status, single.status);
      assert.match(single.stderr, /^docs\/binary\.md: skipped: binary file$/m);
      assert.match(single.stderr, /^docs\/latin1\.blueprint\.md:\d+:\d+: invalid UTF-8 byte sequence/m);
      assert.match(single.stdout, /docs\/latin1\.blueprint\.md/);
    });
  }

  it('a generated tree of 120 files: --workers 2 and --workers 0 give the same JSON, byte for byte', () => {
    const single = runCli(['.', '--format', 'json', '--workers', '0'], { cwd: tree.dir, env: STATS });
    const parallel = runCli(['.', '--format', 'json', '--workers', '2'], { cwd: tree.dir, env: STATS });
    assert.deepEqual(statsOf(parallel.stderr), { linted: 120, cached: 0, workers: 2 });
    assert.equal(parallel.stdout, single.stdout);
    assert.equal(withoutStats(parallel.stderr), withoutStats(single.stderr));
    assert.equal(parallel.status, single.status);
    const files = new Set((JSON.parse(single.stdout) as Array<{ file: string }>).map((f) => f.file));
    assert.ok(files.size > 40, `findings in ${files.size} files`);
  });

  it('workers run what the main thread runs: the bundle with its code cache, or out/ without it; same JSON either way', () => {
    // bin/cli-bundle.js runs dist/cli.cjs unless out/ was compiled after it
    const bundled = statSync(join(repoRoot, 'dist', 'cli.cjs')).mtimeMs >= statSync(join(repoRoot, 'out', 'server', 'src', 'cli', 'main.js')).mtimeMs;
    const fromBundle = runCli(['.', '--format', 'json', '--workers', '2'], { cwd: tree.dir, env: STATS });
    const fromOut = runCli(['.', '--format', 'json', '--workers', '2'], { cwd: tree.dir, env: { ...STATS, BLUEPRINT_LINT_NO_BUNDLE: '1' } });
    assert.equal(workerCodeOf(fromBundle.stderr), bundled ? 'bundle' : 'out');
    assert.equal(workerCodeOf(fromOut.stderr), 'out');
    assert.equal(fromBundle.stdout, fromOut.stdout);
    assert.equal(fromBundle.status, fromOut.status);
  });

  it('--fix in workers writes the same files and report as --fix in this thread', () => {
    const a = tempTree(60);
    const b = tempTree(60);
    try {
      const misspelt = a.files.filter((rel) => readFileSync(join(a.dir, rel), 'utf8').includes('**Backstgae:**'));
      assert.ok(misspelt.length > 0, 'the tree has lane labels to fix');
      const single = runCli(['.', '--format', 'json', '--fix', '--workers', '0'], { cwd: a.dir, env: STATS });
      const parallel = runCli(['.', '--format', 'json', '--fix', '--workers', '2'], { cwd: b.dir, env: STATS });
      assert.equal(statsOf(parallel.stderr).workers, 2);
      assert.equal(parallel.stdout, single.stdout);
      assert.equal(parallel.status, single.status);
      for (const rel of a.files) assert.equal(readFileSync(join(b.dir, rel), 'utf8'), readFileSync(join(a.dir, rel), 'utf8'), rel);
      for (const rel of misspelt) assert.ok(!readFileSync(join(b.dir, rel), 'utf8').includes('Backstgae'), `${rel} fixed`);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('--workers auto keeps a handful of files in this thread', () => {
    const r = runCli(['.', '--format', 'json'], { cwd: ws.dir, env: STATS });
    assert.equal(statsOf(r.stderr).workers, 0);
  });

  for (const bad of ['-1', 'x', '65', '1.5', '']) {
    it(`--workers '${bad}' is a usage error`, () => {
      const r = runCli(['.', `--workers=${bad}`], { cwd: ws.dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^blueprint-lint: invalid --workers '.*' \(expected auto, or a number from 0 to 64; 0 = no worker threads\)/);
    });
  }
});

describe('worker planning', () => {
  it('auto: no workers under 300 files and 3 MB, or on one core; else one per 25 files, at least 2, up to one per core', () => {
    assert.equal(chooseWorkerCount('auto', 299, 1000, 8), 0);
    assert.equal(chooseWorkerCount('auto', 10, 3 * 1024 * 1024, 8), 2, 'a few big files');
    assert.equal(chooseWorkerCount('auto', 10, 3 * 1024 * 1024 - 1, 8), 0);
    assert.equal(chooseWorkerCount('auto', 1, 3 * 1024 * 1024, 8), 1, 'never more workers than files');
    assert.equal(chooseWorkerCount('auto', 1000, 1e7, 1), 0);
    assert.equal(chooseWorkerCount('auto', 300, 1000, 8), 8);
    assert.equal(chooseWorkerCount('auto', 300, 1000, 4), 4);
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 2), 2, 'the main thread only coordinates');
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 4), 4);
    assert.equal(chooseWorkerCount('auto', 0, 0, 8), 0);
  });

  it("auto counts only free cores: this thread's own and those measured idle (0.75 of an idle core counts as one)", () => {
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 2, 0), 0, 'another process keeps the other core busy');
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 2, 0.7), 0);
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 2, 0.75), 2);
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 2, 1.9), 2, 'never more than the cores');
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 8, 2.2), 3);
    assert.equal(chooseWorkerCount('auto', 1000, 1000, 8, 7), 8);
    assert.equal(chooseWorkerCount('auto', 100, 1000, 8, 7), 0, 'too little work, however idle the cores');
    assert.equal(chooseWorkerCount(2, 1000, 1000, 2, 0), 2, 'an explicit count does not look at idle cores');
  });

  it('idle cores are the idle time of all cores over the wall time between two samples', () => {
    assert.equal(idleBetween({ at: 1000, idleMs: 5000 }, { at: 1200, idleMs: 5300 }), 1.5);
    assert.equal(idleBetween({ at: 1000, idleMs: 5000 }, { at: 1200, idleMs: 5000 }), 0);
    assert.equal(idleBetween({ at: 1000, idleMs: 5000 }, { at: 1000, idleMs: 5000 }), 0, 'no window, no idle core');
  });

  it('an explicit count is used as given, but never more workers than files', () => {
    assert.equal(chooseWorkerCount(3, 2, 10, 2), 2);
    assert.equal(chooseWorkerCount(3, 200, 10, 2), 3);
    assert.equal(chooseWorkerCount(0, 200, 10, 8), 0);
  });

  it('batches hold every file once, largest first, none much over a share of the bytes', () => {
    const items: WorkItem[] = Array.from({ length: 100 }, (_, i) => ({ index: i, absolutePath: `/f${i}`, configId: 0, size: i === 7 ? 50_000 : 1000 + i }));
    const batches = makeBatches(items, 2);
    const flat = batches.flat();
    assert.deepEqual(
      flat.map((i) => i.index).sort((x, y) => x - y),
      items.map((i) => i.index),
    );
    assert.deepEqual(
      batches[0]!.map((i) => i.index),
      [7],
      'the big file goes first, alone',
    );
    const total = items.reduce((s, i) => s + i.size, 0);
    const sizes = batches.map((b) => b.reduce((s, i) => s + i.size, 0));
    for (const size of sizes.slice(1)) assert.ok(size < total / 16 + 2000);
    assert.ok(batches.length >= 8);
    // Smaller towards the end, so the workers finish together: the last batches are a few files.
    assert.ok(sizes.at(-2)! < sizes[1]! / 2, `batch bytes ${sizes.join(', ')}`);
    assert.ok(batches.at(-2)!.length <= 3, `files per batch ${batches.map((b) => b.length).join(', ')}`);
  });
});
