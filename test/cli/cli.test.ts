import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace, repoRoot, runCli } from './helpers.js';

const USAGE_HINT = "(run 'blueprint-lint --help' for usage)";

describe('blueprint-lint command line (engine-independent)', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  let broken: ReturnType<typeof makeWorkspace>;
  before(() => {
    ws = makeWorkspace();
    broken = makeWorkspace('broken');
    mkdirSync(join(ws.dir, 'odd'));
    writeFileSync(join(ws.dir, 'odd', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    writeFileSync(join(ws.dir, 'odd', 'latin1.md'), Buffer.concat([Buffer.from('# Caf\n\nMen'), Buffer.from([0xfc]), Buffer.from(' du jour\n')]));
    writeFileSync(join(ws.dir, 'odd', 'empty.md'), '');
  });
  after(() => {
    ws.cleanup();
    broken.cleanup();
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['--help'], { cwd: ws.dir });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: blueprint-lint \[paths or globs\.\.\.\]/);
    const version = runCli(['--version'], { cwd: ws.dir });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual([version.status, version.stdout], [0, `${pkg.version}\n`]);
  });

  it('an unknown option is a one-line usage error, exit 2', () => {
    const r = runCli(['--bogus', 'docs'], { cwd: ws.dir });
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', `blueprint-lint: unknown option '--bogus' ${USAGE_HINT}\n`]);
  });

  it('bad option values are usage errors, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [['--format', 'xml'], "invalid --format 'xml' (expected stylish, json, sarif, github, junit, gitlab)"],
      [['--format'], "option '--format' needs a value"],
      [['--max-warnings', 'many'], "invalid --max-warnings 'many' (expected a whole number >= 0, or -1 for unlimited)"],
      [['--rule', 'benefit-needs-support'], "invalid --rule 'benefit-needs-support' (expected rule-id:severity, severity one of off, info, warning, error)"],
      [['--rule', 'no-such-rule:error'], "unknown rule 'no-such-rule' in --rule (see 'blueprint-lint rules')"],
      [['--stdin', '--fix'], '--fix cannot be combined with --stdin'],
      [['inspect'], 'inspect needs exactly one FILE'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { cwd: ws.dir });
      assert.deepEqual([r.status, r.stderr], [2, `blueprint-lint: ${message} ${USAGE_HINT}\n`], args.join(' '));
    }
  });

  it('a missing path is reported and exits 2, the other paths are still linted', () => {
    const r = runCli(['nope.md', 'docs/clean.blueprint.md', '--format', 'json'], { cwd: ws.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'nope.md: no such file or directory\n');
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it('a glob that matches nothing is reported and exits 2', () => {
    const r = runCli(['docs/*.mdx', 'README.md', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '[]\n', 'docs/*.mdx: no files match this pattern\n']);
  });

  it('binary, invalid UTF-8 and empty files: notices on stderr, not fatal', () => {
    const r = runCli(['odd', '--format', 'json'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.equal(r.stderr, 'odd/binary.md: skipped: binary file\n' + 'odd/latin1.md:3:4: invalid UTF-8 byte sequence, linted with replacement characters\n');
  });

  it('--max-file-size: a larger file is not linted and gets one information finding that says so', () => {
    const size = readFileSync(join(ws.dir, 'docs', 'clean.blueprint.md')).length;
    const r = runCli(['docs/clean.blueprint.md', '--max-file-size', '100', '--format', 'json'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'docs/clean.blueprint.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        rule: 'file-too-large',
        severity: 'info',
        message: `Blueprint Lint skipped this file: it is ${size.toLocaleString('en-US')} bytes, over the --max-file-size limit of 100 bytes.`,
        step: null,
      },
    ]);
    const errorsOnly = runCli(['docs/clean.blueprint.md', '--max-file-size', '100', '--format', 'json', '--quiet'], { cwd: ws.dir });
    assert.deepEqual([errorsOnly.status, errorsOnly.stdout, errorsOnly.stderr], [0, '[]\n', '']);
  });

  it("the size limit is --max-file-size, else the settings' blueprintLint.maxFileSize, else the editor's default of 2,000,000 bytes", () => {
    const size = readFileSync(join(ws.dir, 'docs', 'clean.blueprint.md')).length;
    writeFileSync(join(ws.dir, 'limit.json'), '{ "blueprintLint.maxFileSize": 100 }');
    const fromSettings = runCli(['docs/clean.blueprint.md', '--settings', 'limit.json', '--format', 'json'], { cwd: ws.dir });
    assert.equal(fromSettings.status, 0, fromSettings.stderr);
    assert.deepEqual(
      (JSON.parse(fromSettings.stdout) as Array<{ rule: string; message: string }>).map((f) => [f.rule, f.message]),
      [['file-too-large', `Blueprint Lint skipped this file: it is ${size.toLocaleString('en-US')} bytes, over the blueprintLint.maxFileSize limit of 100 bytes.`]],
    );
    const flagWins = runCli(['docs/clean.blueprint.md', '--settings', 'limit.json', '--max-file-size', '1kb', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual([flagWins.status, flagWins.stdout], [0, '[]\n'], 'the file is linted (and clean) under the 1 KB flag');
    // One byte over the default: a blueprint of 2,000,001 bytes is reported, not linted.
    const big = '## Arrival\n\n- **Customer:** The guest arrives.\n'.padEnd(2_000_001, ' ');
    writeFileSync(join(ws.dir, 'docs', 'big.blueprint.md'), big);
    const byDefault = runCli(['docs/big.blueprint.md', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual(
      (JSON.parse(byDefault.stdout) as Array<{ rule: string; message: string }>).map((f) => [f.rule, f.message]),
      [['file-too-large', 'Blueprint Lint skipped this file: it is 2,000,001 bytes, over the blueprintLint.maxFileSize limit of 2,000,000 bytes.']],
    );
    writeFileSync(join(ws.dir, 'docs', 'big.blueprint.md'), big.slice(0, 2_000_000));
    const atTheLimit = runCli(['docs/big.blueprint.md', '--format', 'json'], { cwd: ws.dir });
    // the workspace is shared by this file's tests
    rmSync(join(ws.dir, 'limit.json'));
    rmSync(join(ws.dir, 'docs', 'big.blueprint.md'));
    assert.deepEqual([atTheLimit.status, atTheLimit.stdout], [0, '[]\n'], 'exactly 2,000,000 bytes is linted');
  });

  it('json prints one array even when nothing is found; stylish prints a one-line all-clear (nothing with --quiet)', () => {
    const json = runCli(['README.md', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual([json.status, json.stdout, json.stderr], [0, '[]\n', '']);
    const stylish = runCli(['README.md'], { cwd: ws.dir });
    assert.deepEqual([stylish.status, stylish.stdout, stylish.stderr], [0, '\u2714 no problems in 1 file\n', '']);
    const quiet = runCli(['README.md', '--quiet'], { cwd: ws.dir });
    assert.deepEqual([quiet.status, quiet.stdout, quiet.stderr], [0, '', '']);
  });

  it('sarif with no findings is still a complete log', () => {
    const r = runCli(['README.md', '--format', 'sarif'], { cwd: ws.dir });
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.name, 'blueprint-lint');
  });

  it('--output-file writes the report to a file and nothing to stdout', () => {
    const r = runCli(['README.md', '--format', 'json', '-o', 'reports/lint.json'], { cwd: ws.dir });
    assert.deepEqual([r.status, r.stdout], [0, '']);
    assert.equal(readFileSync(join(ws.dir, 'reports', 'lint.json'), 'utf8'), '[]\n');
  });

  it('a broken --settings file is a config error with its position, exit 2, nothing linted', () => {
    const r = runCli(['.', '--settings', 'broken-settings/settings.json', '--format', 'json'], { cwd: broken.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^broken-settings\/settings\.json:\d+:\d+: .+\n/);
  });

  it('a missing --config file is a config error, exit 2, nothing linted', () => {
    const r = runCli(['.', '--config', 'nope.jsonc', '--format', 'json'], { cwd: ws.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /nope\.jsonc/);
  });

  it('never prints a stack trace for an internal error (unless DEBUG=blueprint-lint)', () => {
    // A directory given to inspect cannot be read as a file: handled, not a crash.
    const r = runCli(['inspect', 'docs'], { cwd: ws.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'docs: cannot read: is a directory\n');
  });
});
