import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shardOf } from '../../server/src/cli/shard.js';
import { generateTree } from './generateTree.js';
import { engineHasCoreRule, runCli, statsOf } from './helpers.js';

interface Entry {
  file: string;
  line: number;
  column: number;
  rule: string;
}

describe('blueprint-lint --shard', function () {
  let dir: string;
  before(function () {
    if (!engineHasCoreRule) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-shard-'));
    mkdirSync(join(dir, '.git'));
    generateTree(dir, 120, 11);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('the shards 1/3, 2/3 and 3/3 are disjoint and together report exactly the unsharded run', () => {
    const env = { BLUEPRINT_LINT_DEBUG_STATS: '1' };
    const whole = runCli(['.', '--format', 'json', '--workers', '0'], { cwd: dir, env });
    const shards = [1, 2, 3].map((i) => runCli(['.', '--format', 'json', '--workers', '0', '--shard', `${i}/3`], { cwd: dir, env }));
    const counts = shards.map((s) => statsOf(s.stderr).linted);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      120,
      `files per shard: ${counts.join(', ')}`,
    );
    for (const c of counts) assert.ok(c >= 20, `every shard gets a fair part: ${counts.join(', ')}`);
    const parts = shards.map((s) => JSON.parse(s.stdout) as Entry[]);
    const filesOf = (entries: Entry[]): Set<string> => new Set(entries.map((e) => e.file));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) for (const f of filesOf(parts[i]!)) assert.ok(!filesOf(parts[j]!).has(f), `${f} in shards ${i + 1} and ${j + 1}`);
    }
    // Stable sort by file keeps each file's own order, which is the unsharded order.
    const union = parts.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    assert.deepEqual(union, JSON.parse(whole.stdout));
    assert.ok(union.length > 50);
    assert.equal(Math.max(...shards.map((s) => s.status ?? 9)), whole.status);
  });

  it('--shard 1/1 is the whole run', () => {
    const whole = runCli(['.', '--format', 'json', '--workers', '0'], { cwd: dir });
    assert.equal(runCli(['.', '--format', 'json', '--workers', '0', '--shard', '1/1'], { cwd: dir }).stdout, whole.stdout);
  });

  for (const bad of ['0/3', '4/3', 'a/b', '3', '1/0', '-1/3', '1/3/5', '']) {
    it(`--shard '${bad}' is a usage error`, () => {
      const r = runCli(['.', `--shard=${bad}`], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `blueprint-lint: invalid --shard '${bad}' (expected i/n with 1 <= i <= n, e.g. 2/4) (run 'blueprint-lint --help' for usage)\n`);
    });
  }

  it('--shard with --stdin is a usage error', () => {
    const r = runCli(['--stdin', '--shard', '1/2'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--shard cannot be combined with --stdin/);
  });
});

describe('shard assignment', () => {
  it('depends on the path alone, the same with either slash, and spreads paths over every shard', () => {
    const paths = Array.from({ length: 300 }, (_, i) => `docs/team-${i % 7}/journey-${i}.md`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) {
      const s = shardOf(p, 4);
      assert.ok(s >= 1 && s <= 4);
      assert.equal(shardOf(p, 4), s);
      assert.equal(shardOf(p.replace(/\//g, '\\'), 4), s);
      counts[s - 1]!++;
    }
    for (const c of counts) assert.ok(c > 50, `per shard: ${counts.join(', ')}`);
    assert.equal(shardOf('anything.md', 1), 1);
  });
});
