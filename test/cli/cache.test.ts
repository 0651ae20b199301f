import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, defaultConfig } from '../../server/src/engine/index.js';
import { configHash } from '../../server/src/cli/lintCache.js';
import { engineHasCoreRule, makeWorkspace, repoRoot, runCli, statsOf, withoutStats, type CliRun } from './helpers.js';

const STATS = { BLUEPRINT_LINT_DEBUG_STATS: '1' };
/** Files linted in the fixture workspace: README, docs/checkin, docs/clean, docs/latin1, with-config/arrival. */
const FILES = 5;

describe('blueprint-lint --cache', function () {
  let ws: ReturnType<typeof makeWorkspace>;
  const lintRun = (extra: string[] = [], format = 'json'): CliRun => runCli(['.', '--format', format, '--workers', '0', ...extra], { cwd: ws.dir, env: STATS });
  const cached = (extra: string[] = [], format = 'json'): CliRun => lintRun(['--cache', ...extra], format);
  /** The run must print what a run without the cache prints. */
  const assertSameAsUncached = (run: CliRun, extra: string[] = [], format = 'json'): void => {
    const fresh = lintRun(extra, format);
    assert.equal(run.stdout, fresh.stdout);
    assert.equal(withoutStats(run.stderr), withoutStats(fresh.stderr));
    assert.equal(run.status, fresh.status);
  };

  beforeEach(function () {
    if (!engineHasCoreRule) this.skip();
    ws = makeWorkspace();
    // Its "invalid UTF-8" notice must come back from the cache too.
    writeFileSync(join(ws.dir, 'docs', 'latin1.blueprint.md'), Buffer.concat([readFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md')), Buffer.from('\nCaf\xe9\n', 'latin1')]));
  });
  afterEach(() => ws?.cleanup());

  it('a second run with nothing changed lints nothing and prints the same report', () => {
    const first = cached();
    assert.deepEqual(statsOf(first.stderr), { linted: FILES, cached: 0, workers: 0 });
    assert.ok(existsSync(join(ws.dir, '.blueprintlintcache')));
    const second = cached();
    assert.deepEqual(statsOf(second.stderr), { linted: 0, cached: FILES, workers: 0 });
    assert.equal(second.stdout, first.stdout);
    assert.equal(withoutStats(second.stderr), withoutStats(first.stderr));
    assert.match(second.stderr, /^docs\/latin1\.blueprint\.md:\d+:\d+: invalid UTF-8 byte sequence/m);
    assert.equal((JSON.parse(second.stdout) as unknown[]).length, 3);
    assertSameAsUncached(second);
    for (const format of ['stylish', 'sarif', 'github']) assertSameAsUncached(cached([], format), [], format);
  });

  it('.blueprintlintcache is git-ignored in this repository', () => {
    assert.match(readFileSync(join(repoRoot, '.gitignore'), 'utf8'), /^\.blueprintlintcache$/m);
  });

  it('a changed file is linted again, alone', () => {
    cached();
    appendFileSync(join(ws.dir, 'docs', 'clean.blueprint.md'), '\n## Pay\n\n- **Customer:** The guest gets a refund on the spot.\n');
    const after = cached();
    assert.deepEqual(statsOf(after.stderr), { linted: 1, cached: FILES - 1, workers: 0 });
    assert.match(after.stdout, /docs\/clean\.blueprint\.md/);
    assertSameAsUncached(after);
  });

  it('a vocabulary.add in one config re-lints exactly the files under that config', () => {
    const before = cached();
    assert.match(before.stdout, /with-config\/arrival\.blueprint\.md/);
    writeFileSync(join(ws.dir, 'with-config', '.blueprintlint.jsonc'), '{\n  "ignores": ["drafts/**"],\n  "vocabulary": { "support": { "add": ["prepares the room"] } }\n}\n');
    const after = cached();
    assert.deepEqual(statsOf(after.stderr), { linted: 1, cached: FILES - 1, workers: 0 });
    assert.doesNotMatch(after.stdout, /with-config\/arrival\.blueprint\.md/, 'the new support phrase backs the promise');
    assertSameAsUncached(after);
  });

  it('--rule changes the config of every file; the same --rule again is cached', () => {
    cached();
    const strict = cached(['--rule', 'benefit-needs-support:error']);
    assert.deepEqual(statsOf(strict.stderr), { linted: FILES, cached: 0, workers: 0 });
    assert.equal(strict.status, 1);
    assert.deepEqual(statsOf(cached(['--rule', 'benefit-needs-support:error']).stderr), { linted: 0, cached: FILES, workers: 0 });
    assertSameAsUncached(strict, ['--rule', 'benefit-needs-support:error']);
  });

  it('entries of files a run did not see are kept while the files exist', () => {
    runCli(['docs', '--format', 'json', '--workers', '0', '--cache'], { cwd: ws.dir });
    const keys = (): string[] => Object.keys((JSON.parse(readFileSync(join(ws.dir, '.blueprintlintcache'), 'utf8')) as { entries: object }).entries);
    assert.deepEqual(keys(), ['docs/checkin.blueprint.md', 'docs/clean.blueprint.md', 'docs/latin1.blueprint.md']);
    runCli(['with-config', '--format', 'json', '--workers', '0', '--cache'], { cwd: ws.dir });
    assert.deepEqual(keys(), ['docs/checkin.blueprint.md', 'docs/clean.blueprint.md', 'docs/latin1.blueprint.md', 'with-config/arrival.blueprint.md']);
    const all = cached();
    assert.deepEqual(statsOf(all.stderr), { linted: 1, cached: FILES - 1, workers: 0 }, 'only README.md is new');
    assertSameAsUncached(all);
    rmSync(join(ws.dir, 'docs', 'clean.blueprint.md'));
    runCli(['with-config', '--format', 'json', '--workers', '0', '--cache'], { cwd: ws.dir });
    assert.deepEqual(keys(), ['README.md', 'docs/checkin.blueprint.md', 'docs/latin1.blueprint.md', 'with-config/arrival.blueprint.md']);
  });

  it('a cache written by another version is dropped without a notice', () => {
    const first = cached();
    const path = join(ws.dir, '.blueprintlintcache');
    const data = JSON.parse(readFileSync(path, 'utf8')) as { tool: string };
    writeFileSync(path, JSON.stringify({ ...data, tool: '0.0.1-older' }));
    const after = cached();
    assert.deepEqual(statsOf(after.stderr), { linted: FILES, cached: 0, workers: 0 });
    assert.equal(withoutStats(after.stderr), withoutStats(first.stderr));
  });

  for (const [what, content] of [
    ['not JSON', 'garbage{', 'not valid JSON'],
    ['JSON of the wrong shape', '{"format":1,"entries":5}', 'unexpected content'],
    ['an entry with a broken finding', '', 'unexpected content'],
  ] as const) {
    it(`a cache holding ${what} is ignored with a one-line notice, then rewritten`, () => {
      const first = cached();
      const path = join(ws.dir, '.blueprintlintcache');
      if (content === '') {
        const data = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { findings: Array<{ start: unknown }> }> };
        data.entries['docs/checkin.blueprint.md']!.findings[0]!.start = 'line 6';
        writeFileSync(path, JSON.stringify(data));
      } else writeFileSync(path, content);
      const after = cached();
      const notice = `blueprint-lint: ignoring the cache .blueprintlintcache: ${what === 'not JSON' ? 'not valid JSON' : 'unexpected content'} (it will be rewritten)\n`;
      assert.equal(withoutStats(after.stderr), notice + withoutStats(first.stderr));
      assert.equal(after.stdout, first.stdout);
      assert.equal(after.status, first.status);
      assert.deepEqual(statsOf(after.stderr), { linted: FILES, cached: 0, workers: 0 });
      assert.deepEqual(statsOf(cached().stderr), { linted: 0, cached: FILES, workers: 0 }, 'rewritten');
    });
  }

  it('a cache that cannot be read or written is a notice, never a failure', () => {
    const first = lintRun();
    const unwritable = cached(['--cache-location', 'README.md/cache']);
    assert.equal(unwritable.stdout, first.stdout);
    assert.equal(unwritable.status, first.status);
    assert.match(unwritable.stderr, /^blueprint-lint: ignoring the cache README\.md\/cache: .+\n/m);
    assert.match(unwritable.stderr, /^blueprint-lint: cannot write the cache README\.md\/cache: .+\n/m);
  });

  it('--cache-location names the cache file, or a folder that holds .blueprintlintcache', () => {
    mkdirSync(join(ws.dir, 'tmp'));
    cached(['--cache-location', 'tmp/lint.cache']);
    assert.ok(existsSync(join(ws.dir, 'tmp', 'lint.cache')));
    assert.deepEqual(statsOf(lintRun(['--cache-location', 'tmp/lint.cache']).stderr), { linted: 0, cached: FILES, workers: 0 }, 'implies --cache');
    lintRun(['--cache-location', 'tmp']);
    assert.ok(existsSync(join(ws.dir, 'tmp', '.blueprintlintcache')));
    lintRun(['--cache-location', 'new/folder/']);
    assert.ok(existsSync(join(ws.dir, 'new', 'folder', '.blueprintlintcache')));
    assert.ok(!existsSync(join(ws.dir, '.blueprintlintcache')));
  });

  it('--fix does not replay cached findings that it could fix', () => {
    const fix = makeWorkspace('fix');
    try {
      const run = (extra: string[]): CliRun => runCli(['.', '--format', 'json', '--workers', '0', '--cache', ...extra], { cwd: fix.dir, env: STATS });
      const first = run([]);
      assert.match(first.stdout, /"rule": "unknown-lane"/);
      const fixed = run(['--fix']);
      assert.ok(statsOf(fixed.stderr).linted >= 1);
      assert.ok(readFileSync(join(fix.dir, 'mixed.blueprint.md'), 'utf8').includes('**Backstage:**'), 'the file was fixed');
      assert.doesNotMatch(fixed.stdout, /unknown-lane/);
      const again = run([]);
      assert.deepEqual(statsOf(again.stderr).linted, 0, 'the fixed file was stored with its new content');
      assert.equal(again.stdout, fixed.stdout);
    } finally {
      fix.cleanup();
    }
  });
});

describe('cache config hash', () => {
  it('changes with any part of the resolved config, not with an equal copy', () => {
    const base = defaultConfig();
    const same = configHash(defaultConfig(), allRules());
    assert.equal(configHash(base, allRules()), same);
    const added = { ...base, vocabulary: { ...base.vocabulary, benefit: { add: ['free coffee'], remove: [] } } };
    assert.notEqual(configHash(added, allRules()), same);
    assert.notEqual(configHash({ ...base, rules: { 'empty-lane': { severity: 'off', options: {} } } }, allRules()), same);
    assert.notEqual(configHash({ ...base, files: ['**/*.md'] }, allRules()), same);
  });
});
