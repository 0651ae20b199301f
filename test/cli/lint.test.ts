import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineHasCoreRule, makeWorkspace, runCli } from './helpers.js';

const CHECKIN_MESSAGE = 'Name the employee resource, tool or authority behind "without waiting": step "Check-in" promises it but names none.';
const checkinFinding = (file: string, severity = 'warning') => ({
  file,
  line: 6,
  column: 56,
  endLine: 6,
  endColumn: 71,
  rule: 'benefit-needs-support',
  severity,
  message: CHECKIN_MESSAGE,
  step: 'Check-in',
});

describe('blueprint-lint on real blueprints', function () {
  let ws: ReturnType<typeof makeWorkspace>;
  let broken: ReturnType<typeof makeWorkspace>;
  before(function () {
    if (!engineHasCoreRule) this.skip(); // pending until the engine registers benefit-needs-support
    ws = makeWorkspace();
    broken = makeWorkspace('broken');
    mkdirSync(join(ws.dir, 'node_modules', 'pkg'), { recursive: true });
    copyFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md'), join(ws.dir, 'node_modules', 'pkg', 'checkin.blueprint.md'));
    const checkin = readFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md'), 'utf8');
    mkdirSync(join(ws.dir, 'odd'));
    writeFileSync(join(ws.dir, 'odd', 'crlf.blueprint.md'), checkin.replace(/\n/g, '\r\n'));
    writeFileSync(join(ws.dir, 'odd', 'bom.blueprint.md'), `\uFEFF${checkin}`);
  });
  after(() => {
    ws?.cleanup();
    broken?.cleanup();
  });

  it('json: walks the tree, skipping .gitignored, node_modules and config-ignored files', () => {
    const r = runCli(['.', '--format', 'json'], { cwd: ws.dir });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0, 'warnings only');
    assert.deepEqual(JSON.parse(r.stdout), [
      checkinFinding('docs/checkin.blueprint.md'),
      checkinFinding('odd/bom.blueprint.md'),
      checkinFinding('odd/crlf.blueprint.md'),
      checkinFinding('with-config/arrival.blueprint.md'),
    ]);
  });

  it('json: file names as given on the command line', () => {
    const r = runCli(['./docs/checkin.blueprint.md', 'docs/clean.blueprint.md', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual(JSON.parse(r.stdout), [checkinFinding('./docs/checkin.blueprint.md')]);
  });

  it('an explicitly named file that the config ignores is skipped with a notice', () => {
    const r = runCli(['with-config/drafts/welcome.blueprint.md', '--format', 'json'], { cwd: ws.dir });
    assert.deepEqual([r.status, r.stdout], [0, '[]\n']);
    assert.equal(r.stderr, "with-config/drafts/welcome.blueprint.md: skipped: matched by the config's ignores\n");
    const all = runCli(['with-config/drafts/welcome.blueprint.md', '--format', 'json', '--no-ignore'], { cwd: ws.dir });
    const found = JSON.parse(all.stdout) as Array<{ file: string; rule: string }>;
    assert.ok(found.some((f) => f.file === 'with-config/drafts/welcome.blueprint.md' && f.rule === 'benefit-needs-support'));
  });

  it('--no-ignore also lints .gitignored folders', () => {
    const r = runCli(['.', '--format', 'json', '--no-ignore'], { cwd: ws.dir });
    const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file);
    assert.ok(files.includes('ignored/draft.blueprint.md'));
    assert.ok(files.includes('with-config/drafts/welcome.blueprint.md'));
    assert.ok(!files.some((f) => f.startsWith('node_modules/')));
  });

  it('stylish: the ESLint-like report', () => {
    const r = runCli(['docs'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `\ndocs/checkin.blueprint.md\n  6:56  warning  ${CHECKIN_MESSAGE}  benefit-needs-support\n\n\u2716 1 problem (0 errors, 1 warning, 0 infos)\n`);
    const coloured = runCli(['docs', '--color'], { cwd: ws.dir });
    assert.ok(coloured.stdout.includes('\u001b[4mdocs/checkin.blueprint.md\u001b[24m'));
    const noColor = runCli(['docs', '--color', '--no-color'], { cwd: ws.dir });
    assert.ok(!noColor.stdout.includes('\u001b['));
  });

  it('github: one annotation per finding', () => {
    const r = runCli(['docs', '--format', 'github'], { cwd: ws.dir });
    assert.equal(r.stdout, `::warning file=docs/checkin.blueprint.md,line=6,col=56,endLine=6,endColumn=71,title=benefit-needs-support::${CHECKIN_MESSAGE}\n`);
    assert.match(r.stdout, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+\n$/);
  });

  it('sarif: results point at the finding with a relative URI and a rule index', () => {
    const log = JSON.parse(runCli(['docs', '--format', 'sarif'], { cwd: ws.dir }).stdout);
    const run = log.runs[0];
    const result = run.results[0];
    assert.equal(run.results.length, 1);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'benefit-needs-support');
    assert.deepEqual(
      { ruleId: result.ruleId, level: result.level, text: result.message.text, location: result.locations[0].physicalLocation },
      {
        ruleId: 'benefit-needs-support',
        level: 'warning',
        text: CHECKIN_MESSAGE,
        location: { artifactLocation: { uri: 'docs/checkin.blueprint.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 56, endLine: 6, endColumn: 71 } },
      },
    );
  });

  it('exit codes follow --max-warnings', () => {
    const status = (...args: string[]): number | null => runCli(['docs', '--format', 'json', ...args], { cwd: ws.dir }).status;
    assert.equal(status(), 0);
    assert.equal(status('--max-warnings', '1'), 0);
    assert.equal(status('--max-warnings', '-1'), 0);
    const over = runCli(['docs', '--max-warnings', '0'], { cwd: ws.dir });
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'blueprint-lint: too many warnings (1; maximum allowed: 0)\n');
  });

  it('--rule changes a severity; error findings exit 1; off silences the rule', () => {
    const asError = runCli(['docs', '--format', 'json', '--rule', 'benefit-needs-support:error'], { cwd: ws.dir });
    assert.equal(asError.status, 1);
    assert.deepEqual(JSON.parse(asError.stdout), [checkinFinding('docs/checkin.blueprint.md', 'error')]);
    const off = runCli(['docs', '--format', 'json', '--rule', 'benefit-needs-support:off'], { cwd: ws.dir });
    assert.deepEqual([off.status, off.stdout], [0, '[]\n']);
  });

  it('--settings applies blueprintLint.rules from a VS Code settings file', () => {
    const r = runCli(['docs', '--format', 'json', '--settings', '.vscode/ci-settings.json'], { cwd: ws.dir });
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), [checkinFinding('docs/checkin.blueprint.md', 'error')]);
    // --rule wins over settings: the command line is the most specific choice.
    const both = runCli(['docs', '--format', 'json', '--settings', '.vscode/ci-settings.json', '--rule', 'benefit-needs-support:info'], { cwd: ws.dir });
    assert.equal(both.status, 0);
    assert.equal(JSON.parse(both.stdout)[0].severity, 'info');
  });

  it('--quiet reports errors only, but warnings still count for --max-warnings', () => {
    const quiet = runCli(['docs', '--format', 'json', '--quiet'], { cwd: ws.dir });
    assert.deepEqual([quiet.status, quiet.stdout], [0, '[]\n']);
    assert.equal(runCli(['docs', '--quiet', '--max-warnings', '0'], { cwd: ws.dir }).status, 1);
    const errors = runCli(['docs', '--format', 'json', '--quiet', '--rule', 'benefit-needs-support:error'], { cwd: ws.dir });
    assert.equal(JSON.parse(errors.stdout).length, 1);
  });

  it('--stdin lints text from stdin, named by --stdin-filename', () => {
    const text = readFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md'));
    const named = runCli(['--stdin', '--stdin-filename', 'docs/piped.md', '--format', 'json'], { cwd: ws.dir, input: text });
    assert.deepEqual(JSON.parse(named.stdout), [checkinFinding('docs/piped.md')]);
    const anonymous = runCli(['--stdin', '--format', 'json'], { cwd: ws.dir, input: text });
    assert.deepEqual(JSON.parse(anonymous.stdout), [checkinFinding('<stdin>')]);
  });

  it('a broken discovered config: error with position on stderr, exit 2', () => {
    const r = runCli(['broken-config', '--format', 'json'], { cwd: broken.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'broken-config/.blueprintlint.jsonc:5:3: JSON syntax error: comma expected\n');
  });

  it('a broken explicit --config: error, exit 2, nothing linted', () => {
    const r = runCli(['.', '--format', 'json', '--config', 'broken-config/.blueprintlint.jsonc'], { cwd: broken.dir });
    assert.deepEqual([r.status, r.stdout], [2, '']);
    assert.equal(r.stderr, 'broken-config/.blueprintlint.jsonc:5:3: JSON syntax error: comma expected\n');
  });

  it('inspect prints the blueprint model of spec 10', () => {
    const r = runCli(['inspect', 'docs/checkin.blueprint.md'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      blueprint: true,
      steps: [
        {
          title: 'Check-in',
          line: 3,
          endLine: 7,
          shape: 'heading',
          lanes: { customer: ['The guest arrives at the desk.'], frontstage: ['The receptionist checks the guest in without waiting.'], backstage: ['Housekeeping prepares the room.'] },
          benefits: [{ text: 'without waiting', line: 6, column: 56 }],
          supports: [],
        },
      ],
    });
    const piped = runCli(['inspect', '--stdin', '--stdin-filename', 'piped.md'], { cwd: ws.dir, input: readFileSync(join(ws.dir, 'docs', 'checkin.blueprint.md')) });
    assert.deepEqual(JSON.parse(piped.stdout), JSON.parse(r.stdout), 'inspect --stdin gives the same model');
    const readme = JSON.parse(runCli(['inspect', 'README.md'], { cwd: ws.dir }).stdout);
    assert.deepEqual(readme, { blueprint: false, steps: [] });
    const missing = runCli(['inspect', 'nope.md'], { cwd: ws.dir });
    assert.deepEqual([missing.status, missing.stderr], [2, 'nope.md: no such file or directory\n']);
  });

  it('inspect --explain says why the file is a blueprint, how each label was read, and why each step is flagged', () => {
    const r = runCli(['inspect', '--explain', 'docs/checkin.blueprint.md'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).explain, {
      verdict: 'linted as a blueprint: its path matches the blueprint file globs (or it was forced)',
      labels: [
        { label: 'Customer', lane: 'customer', why: '"Customer" is a listed customer label', line: 5, column: 5 },
        { label: 'Frontstage', lane: 'frontstage', why: '"Frontstage" is a listed frontstage label', line: 6, column: 5 },
        { label: 'Backstage', lane: 'backstage', why: '"Backstage" is a listed backstage label', line: 7, column: 5 },
      ],
      verdicts: [
        {
          step: 'Check-in',
          line: 3,
          flagged: true,
          why: 'flagged: promise "without waiting" (frontstage: vocabulary: without (waiting|… 8 more)); no support found',
        },
      ],
      skipped: [],
    });
    const readme = JSON.parse(runCli(['inspect', '--explain', 'README.md'], { cwd: ws.dir }).stdout);
    assert.match(readme.explain.verdict, /^not linted: no step carries labels of two different service lanes/);
    assert.deepEqual(runCli(['--explain', 'README.md'], { cwd: ws.dir }).status, 2);
  });

  it('inspect lists supports with their kind and position', () => {
    const model = JSON.parse(runCli(['inspect', 'docs/clean.blueprint.md'], { cwd: ws.dir }).stdout);
    assert.deepEqual(model.steps[0].lanes.support, ["The receptionist has the PMS open with the guest's booking."]);
    assert.deepEqual(model.steps[0].supports, [
      { kind: 'tool', text: 'PMS', line: 7, column: 41 },
      { kind: 'resource', text: "guest's booking", line: 7, column: 59 },
    ]);
  });

  it('rules lists every rule as JSON and as an aligned table', () => {
    const json = runCli(['rules', '--format', 'json'], { cwd: ws.dir });
    const list = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    const core = list.find((r) => r['id'] === 'benefit-needs-support');
    assert.deepEqual(Object.keys(core!), ['id', 'description', 'defaultSeverity', 'fixable', 'docs']);
    assert.equal(core!['defaultSeverity'], 'warning');
    assert.equal(core!['docs'], 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md');
    const table = runCli(['rules'], { cwd: ws.dir }).stdout.trimEnd().split('\n');
    assert.match(table[0]!, /^RULE\s+DEFAULT\s+FIX\s+DESCRIPTION$/);
    assert.equal(table.length, list.length + 1);
    const descriptionColumn = table[0]!.indexOf('DESCRIPTION');
    for (const [i, row] of table.slice(1).entries()) assert.equal(row.indexOf(String(list[i]!['description'])), descriptionColumn);
  });

  it('--print-config shows the configuration that applies to a file', () => {
    const r = runCli(['--print-config', 'with-config/arrival.blueprint.md'], { cwd: ws.dir });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).ignores, ['drafts/**']);
  });
});
