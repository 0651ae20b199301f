// CI recipes (issue #17 part 5): --changed-since, governed suppressions end to end, the GitHub Action and the pre-commit hooks.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { makeWorkspace, repoRoot, runCli, statsOf } from './helpers.js';

const HOTEL = (checkout: string) =>
  '# Hotel arrival\n\n## Check-in\n\n- **Customer:** The guest arrives at the desk.\n- **Frontstage:** The receptionist checks the guest in without waiting.\n- **Backstage:** Housekeeping prepares the room.\n\n' +
  `## Check-out\n\n- **Customer:** The guest leaves.\n- **Frontstage:** The receptionist settles ${checkout} without waiting.\n- **Backstage:** Housekeeping cleans the room.\n`;
const CHECKOUT_MESSAGE = 'Name the employee resource, tool or authority behind "without waiting": step "Check-out" promises it but names none.';
const CHECKIN_MESSAGE = 'Name the employee resource, tool or authority behind "without waiting": step "Check-in" promises it but names none.';

/** A temporary directory outside any repository (git must not find one above it). */
function tempDir(): { dir: string; env: NodeJS.ProcessEnv; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-ci-'));
  return { dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() },
  });
}

const rowsOf = (stdout: string) => (JSON.parse(stdout) as Array<{ file: string; line: number; rule: string; message: string }>).map((f) => [f.file, f.line, f.rule, f.message]);

describe('cli --changed-since', function () {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('keeps findings on lines changed since the ref, and every finding of an untracked file', () => {
    writeFileSync(join(t.dir, 'hotel.blueprint.md'), HOTEL('the bill'));
    git(t.dir, 'init', '-q');
    git(t.dir, 'add', '.');
    git(t.dir, 'commit', '-qm', 'first');
    const all = runCli(['--format', 'json', '.'], { cwd: t.dir, env: t.env });
    assert.deepEqual(rowsOf(all.stdout), [
      ['hotel.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE],
      ['hotel.blueprint.md', 12, 'benefit-needs-support', CHECKOUT_MESSAGE],
    ]);
    assert.deepEqual(runCli(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: t.dir, env: t.env }).stdout, '[]\n');

    writeFileSync(join(t.dir, 'hotel.blueprint.md'), HOTEL('the whole bill'));
    writeFileSync(join(t.dir, 'new.blueprint.md'), HOTEL('the bill'));
    const changed = runCli(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: t.dir, env: t.env });
    assert.equal(changed.status, 0);
    assert.equal(changed.stderr, '');
    assert.deepEqual(rowsOf(changed.stdout), [
      ['hotel.blueprint.md', 12, 'benefit-needs-support', CHECKOUT_MESSAGE],
      ['new.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE],
      ['new.blueprint.md', 12, 'benefit-needs-support', CHECKOUT_MESSAGE],
    ]);
    // Committed changes count too: the diff is against the ref, not the index.
    git(t.dir, 'add', '.');
    git(t.dir, 'commit', '-qm', 'second');
    assert.deepEqual(
      rowsOf(runCli(['--format', 'json', '--changed-since', 'HEAD~1', '.'], { cwd: t.dir, env: t.env }).stdout).map((r) => `${r[0]}:${r[1]}`),
      ['hotel.blueprint.md:12', 'new.blueprint.md:6', 'new.blueprint.md:12'],
    );
  });

  it('a bad ref or no repository is a usage error, exit 2, before anything is linted', () => {
    writeFileSync(join(t.dir, 'hotel.blueprint.md'), HOTEL('the bill'));
    const outside = runCli(['--changed-since', 'HEAD', '.'], { cwd: t.dir, env: t.env });
    assert.deepEqual([outside.status, outside.stdout, outside.stderr], [2, '', `blueprint-lint: --changed-since: ${t.dir} is not inside a git repository\n`]);
    git(t.dir, 'init', '-q');
    const badRef = runCli(['--changed-since', 'no-such-branch', '.'], { cwd: t.dir, env: t.env });
    assert.deepEqual([badRef.status, badRef.stdout, badRef.stderr], [2, '', "blueprint-lint: --changed-since: 'no-such-branch' is not a commit in this repository\n"]);
    const withStdin = runCli(['--stdin', '--changed-since', 'HEAD'], { cwd: t.dir, env: t.env, input: HOTEL('x') });
    assert.equal(withStdin.status, 2);
    assert.match(withStdin.stderr, /^blueprint-lint: --changed-since cannot be combined with --stdin /);
  });
});

describe('cli governed suppressions', function () {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());
  const silenced = (until: string) =>
    HOTEL('the bill').replace('## Check-out', `<!-- blueprint-lint-disable-next-line benefit-needs-support -- express checkout runs on the app (until ${until}) -->\n## Check-out`) +
    '\n<!-- blueprint-lint-disable-next-line unknown-lane -->\nClosing note.\n';

  it('SARIF writes the silenced finding with its reason; the expired directive is reported; unused ones on request', () => {
    writeFileSync(join(t.dir, 'hotel.blueprint.md'), silenced('2999-12-31'));
    const log = JSON.parse(runCli(['--format', 'sarif', '.'], { cwd: t.dir, env: t.env }).stdout);
    const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }>; suppressions?: unknown }>;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine, r.suppressions]),
      [
        ['benefit-needs-support', 6, undefined],
        ['benefit-needs-support', 13, [{ kind: 'inSource', justification: 'express checkout runs on the app', properties: { directive: 'blueprint-lint-disable-next-line', until: '2999-12-31' } }]],
      ],
    );
    // Only SARIF shows suppressed findings.
    assert.deepEqual(rowsOf(runCli(['--format', 'json', '.'], { cwd: t.dir, env: t.env }).stdout), [['hotel.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE]]);

    const unusedRow = ['hotel.blueprint.md', 16, 'suppression-directive', "Unused blueprint-lint-disable-next-line directive: it silences no 'unknown-lane' finding"];
    assert.deepEqual(rowsOf(runCli(['--format', 'json', '--report-unused-directives', '.'], { cwd: t.dir, env: t.env }).stdout), [
      ['hotel.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE],
      unusedRow,
    ]);
    writeFileSync(join(t.dir, '.blueprintlint.json'), '{ "reportUnusedDirectives": true }\n');
    assert.deepEqual(rowsOf(runCli(['--format', 'json', '.'], { cwd: t.dir, env: t.env }).stdout), [['hotel.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE], unusedRow]);
    rmSync(join(t.dir, '.blueprintlint.json'));

    writeFileSync(join(t.dir, 'hotel.blueprint.md'), silenced('2001-01-31'));
    assert.deepEqual(rowsOf(runCli(['--format', 'json', '.'], { cwd: t.dir, env: t.env }).stdout), [
      ['hotel.blueprint.md', 6, 'benefit-needs-support', CHECKIN_MESSAGE],
      ['hotel.blueprint.md', 9, 'suppression-directive', 'Suppression blueprint-lint-disable-next-line benefit-needs-support expired after 2001-01-31; what it silenced is reported again'],
      ['hotel.blueprint.md', 13, 'benefit-needs-support', CHECKOUT_MESSAGE],
    ]);
  });

  it('a config with reportUnusedDirectives that is not a boolean is a config error with a position', () => {
    writeFileSync(join(t.dir, 'hotel.blueprint.md'), HOTEL('the bill'));
    writeFileSync(join(t.dir, '.blueprintlint.json'), '{\n  "reportUnusedDirectives": "yes"\n}\n');
    const r = runCli(['--format', 'json', '.'], { cwd: t.dir, env: t.env });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^\.blueprintlint\.json:2:\d+: .*reportUnusedDirectives.*boolean/m);
  });

  it('--cache never replays a file whose directives carry an expiry date', () => {
    writeFileSync(join(t.dir, 'dated.blueprint.md'), silenced('2999-12-31'));
    writeFileSync(join(t.dir, 'plain.blueprint.md'), HOTEL('the bill'));
    const env = { ...t.env, BLUEPRINT_LINT_DEBUG_STATS: '1' };
    runCli(['--cache', '--workers', '0', '.'], { cwd: t.dir, env });
    assert.deepEqual(statsOf(runCli(['--cache', '--workers', '0', '.'], { cwd: t.dir, env }).stderr), { linted: 1, cached: 1, workers: 0 });
  });
});

describe('CI recipes in the repository', () => {
  const action = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
  type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string };
  const steps = action.runs.steps as Step[];
  const lintStep = steps.find((s) => s.id === 'lint')!;

  /** Runs the action's lint step as the runner would: its env with the inputs filled in, bash, the action's own checkout. */
  function runLintStep(cwd: string, inputs: Record<string, string> = {}) {
    const output = join(cwd, 'github-output.txt');
    writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: output, NO_COLOR: '' };
    for (const [name, value] of Object.entries(lintStep.env ?? {})) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      assert.ok(input, `env ${name} takes an input`);
      env[name] = inputs[input] ?? String(action.inputs[input].default);
    }
    const r = spawnSync('bash', ['-e', '-c', lintStep.run!], { cwd, env, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, output: readFileSync(output, 'utf8') };
  }

  it('action.yml: a composite action that sets up Node, lints to SARIF and uploads it with codeql-action/upload-sarif', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(
      steps.map((s) => s.uses ?? s.id ?? s.run!.split(' ')[0]),
      ['actions/setup-node@v4', 'npm', 'lint', 'github/codeql-action/upload-sarif@v3', 'echo'],
    );
    const upload = steps[3]!;
    assert.deepEqual(upload.with, { sarif_file: '${{ inputs.sarif-file }}', category: 'blueprint-lint' });
    assert.match(upload.if!, /inputs\.upload == 'true'/);
    assert.match(lintStep.run!, /--format sarif --output-file "\$BLUEPRINT_LINT_SARIF"/);
  });

  it('action.yml: its lint step writes a SARIF report of the workspace and its exit code, and leaves failing to a later step', () => {
    const ws = makeWorkspace();
    try {
      const clean = runLintStep(ws.dir, { paths: 'docs' });
      assert.deepEqual([clean.status, clean.output], [0, 'exit-code=0\n']);
      const log = JSON.parse(readFileSync(join(ws.dir, 'blueprint-lint.sarif'), 'utf8'));
      assert.deepEqual(
        log.runs[0].results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [
          r.ruleId,
          r.locations[0]!.physicalLocation.artifactLocation.uri,
        ]),
        [['benefit-needs-support', 'docs/checkin.blueprint.md']],
      );
      const over = runLintStep(ws.dir, { paths: 'docs/*.blueprint.md', args: '--max-warnings 0', 'sarif-file': 'out/report.sarif' });
      assert.deepEqual([over.status, over.output], [0, 'exit-code=1\n']);
      assert.equal(JSON.parse(readFileSync(join(ws.dir, 'out', 'report.sarif'), 'utf8')).runs[0].results.length, 1);
      const usage = runLintStep(ws.dir, { args: '--bogus' });
      assert.deepEqual([usage.status, usage.output], [2, 'exit-code=2\n']);
    } finally {
      ws.cleanup();
    }
  });

  it('.pre-commit-hooks.yaml: each hook runs the package bin on the staged Markdown files', () => {
    const hooks = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; types: string[] }>;
    const bins = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin as Record<string, string>;
    assert.deepEqual(
      hooks.map((h) => [h.id, h.entry, h.language, h.types]),
      [
        ['blueprint-lint', 'blueprint-lint', 'node', ['markdown']],
        ['blueprint-lint-fix', 'blueprint-lint --fix', 'node', ['markdown']],
      ],
    );
    const ws = makeWorkspace('fix');
    try {
      // pre-commit runs the entry with the file names appended.
      const run = (entry: string, files: string[]) => {
        const [bin, ...args] = entry.split(' ');
        assert.ok(bins[bin!], `${bin} is a bin of the package`);
        return spawnSync(process.execPath, [join(repoRoot, bins[bin!]!), ...args, ...files], { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
      };
      const before = readFileSync(join(ws.dir, 'mixed.blueprint.md'), 'utf8');
      const lintOnly = run(hooks[0]!.entry, ['mixed.blueprint.md', 'clean.blueprint.md']);
      assert.equal(lintOnly.status, 0);
      assert.match(lintOnly.stdout, /^\nmixed\.blueprint\.md\n/);
      assert.match(lintOnly.stdout, /1 problem fixable with the --fix option/);
      assert.equal(readFileSync(join(ws.dir, 'mixed.blueprint.md'), 'utf8'), before);
      const fix = run(hooks[1]!.entry, ['mixed.blueprint.md']);
      assert.equal(fix.status, 0);
      assert.notEqual(readFileSync(join(ws.dir, 'mixed.blueprint.md'), 'utf8'), before);
      assert.doesNotMatch(fix.stdout, /fixable/);
      assert.doesNotMatch(fix.stdout, /Backstgae/);
    } finally {
      ws.cleanup();
    }
  });
});
