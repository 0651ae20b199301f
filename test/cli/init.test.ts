import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../server/src/cli/main.js';
import { packageVersion } from '../../server/src/engine/resources.js';
import { allRules } from '../../server/src/engine/index.js';
import { resolveConfig } from '../../server/src/engine/config/index.js';
import { runCli } from './helpers.js';

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  questions: string[];
}

/** An in-process CliIo; with `answers` it is a terminal that answers the questions in order. */
function capture(cwd: string, answers?: string[]): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const io: CliIo = {
    cwd,
    env: {},
    stdoutIsTTY: answers !== undefined,
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readStdin: async () => new Uint8Array(0),
  };
  if (answers) {
    io.prompt = async (q) => {
      questions.push(q);
      const a = answers.shift();
      if (a === undefined) throw new Error(`unexpected question: ${q}`);
      return a;
    };
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), questions };
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');

describe('blueprint-lint init', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-init-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a commented config that loads without errors and lists every rule at its default severity', () => {
    const r = runCli(['init'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'created .blueprintlint.jsonc\n');
    assert.equal(r.status, 0);
    const text = read(dir, '.blueprintlint.jsonc');
    assert.match(text, /^\/\/ Blueprint Lint configuration \(written by `blueprint-lint init`\)/);
    const { config, errors } = resolveConfig({ filePath: join(dir, 'a.md'), knownRules: allRules().map((x) => x.id), ruleInfo: allRules(), cwd: dir });
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.fromEntries(Object.entries(config.rules).map(([id, s]) => [id, s.severity])), Object.fromEntries(allRules().map((x) => [x.id, x.defaultSeverity])));
    for (const rule of allRules()) assert.ok(text.includes(`// ${rule.description}`), `no comment for ${rule.id}`);
    assert.equal(existsSync(join(dir, '.vscode')), false, 'settings written without --vscode');
    assert.equal(existsSync(join(dir, '.github')), false, 'workflow written without --ci');
  });

  it('is idempotent: a second run with the same flags changes nothing and says so', () => {
    assert.equal(
      runCli(['init', '--vscode', '--ci', 'github'], { cwd: dir }).stdout,
      [
        'created .blueprintlint.jsonc\n',
        'created .vscode/settings.json (added blueprintLint.enable, blueprintLint.run, blueprintLint.addToConfigTarget)\n',
        'created .github/workflows/blueprint-lint.yml\n',
      ].join(''),
    );
    const before = ['.blueprintlint.jsonc', '.vscode/settings.json', '.github/workflows/blueprint-lint.yml'].map((f) => read(dir, f));
    const again = runCli(['init', '--vscode', '--ci', 'github'], { cwd: dir });
    assert.equal(
      again.stdout,
      [
        'unchanged .blueprintlint.jsonc\n',
        'unchanged .vscode/settings.json (its Blueprint Lint entries are there)\n',
        'unchanged .github/workflows/blueprint-lint.yml\n',
        'init: nothing changed\n',
      ].join(''),
    );
    assert.equal(again.status, 0);
    assert.deepEqual(
      ['.blueprintlint.jsonc', '.vscode/settings.json', '.github/workflows/blueprint-lint.yml'].map((f) => read(dir, f)),
      before,
    );
    assert.equal(read(dir, '.vscode/settings.json'), '{\n  "blueprintLint.enable": true,\n  "blueprintLint.run": "onType",\n  "blueprintLint.addToConfigTarget": "configFile"\n}\n');
    const workflow = read(dir, '.github/workflows/blueprint-lint.yml');
    assert.ok(workflow.includes(`      - run: npx --yes blueprint-lint@${packageVersion()} --format github\n`), workflow);
    assert.match(workflow, /^on:\n {2}push:\n {2}pull_request:\n/m);
  });

  it('adds only the missing settings, keeping the comments and the values the user set', () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  // ours\n  "editor.tabSize": 4,\n  "blueprintLint": { "run": "onSave" }\n}\n');
    const r = runCli(['init', '--vscode'], { cwd: dir });
    assert.equal(r.stdout, 'created .blueprintlint.jsonc\nupdated .vscode/settings.json (added blueprintLint.enable, blueprintLint.addToConfigTarget)\n');
    assert.equal(
      read(dir, '.vscode/settings.json'),
      '{\n  // ours\n  "editor.tabSize": 4,\n  "blueprintLint": { "run": "onSave" },\n  "blueprintLint.enable": true,\n  "blueprintLint.addToConfigTarget": "configFile"\n}\n',
    );
  });

  it('never replaces a different existing file without a terminal to ask on', () => {
    writeFileSync(join(dir, '.blueprintlint.jsonc'), '{ "rules": { "empty-lane": "off" } }\n');
    const r = runCli(['init'], { cwd: dir });
    assert.equal(r.stdout, 'kept .blueprintlint.jsonc (it exists and differs from the template; not replaced)\ninit: nothing changed\n');
    assert.equal(r.status, 0);
    assert.equal(read(dir, '.blueprintlint.jsonc'), '{ "rules": { "empty-lane": "off" } }\n');
  });

  it('leaves a project with a config under another name alone', () => {
    writeFileSync(join(dir, '.blueprintlint.yaml'), 'rules: {}\n');
    const r = runCli(['init'], { cwd: dir });
    assert.equal(r.stdout, "kept .blueprintlint.yaml (the project's config file; .blueprintlint.jsonc not written)\ninit: nothing changed\n");
    assert.equal(existsSync(join(dir, '.blueprintlint.jsonc')), false);
  });

  it('on a terminal asks about settings, CI and replacing a different file, and does what the answers say', async () => {
    writeFileSync(join(dir, '.blueprintlint.jsonc'), '{}\n');
    const c = capture(dir, ['y', '', 'yes']);
    assert.equal(await main(['init'], c.io), 0);
    assert.deepEqual(c.questions, [
      'Add Blueprint Lint entries to .vscode/settings.json? [y/N] ',
      'Add a GitHub Actions workflow (.github/workflows/blueprint-lint.yml)? [y/N] ',
      '.blueprintlint.jsonc exists and differs from what init writes. Replace it? [y/N] ',
    ]);
    assert.equal(c.stdout(), 'updated .blueprintlint.jsonc\ncreated .vscode/settings.json (added blueprintLint.enable, blueprintLint.run, blueprintLint.addToConfigTarget)\n');
    assert.match(read(dir, '.blueprintlint.jsonc'), /"extends": "recommended"/);
    assert.equal(existsSync(join(dir, '.github')), false);
  });

  it('--yes asks nothing even on a terminal, and replaces nothing', async () => {
    writeFileSync(join(dir, '.blueprintlint.jsonc'), '{}\n');
    const c = capture(dir, []);
    assert.equal(await main(['init', '--yes', '--ci', 'github'], c.io), 0);
    assert.deepEqual(c.questions, []);
    assert.equal(c.stdout(), 'kept .blueprintlint.jsonc (it exists and differs from the template; not replaced)\ncreated .github/workflows/blueprint-lint.yml\n');
    assert.equal(read(dir, '.blueprintlint.jsonc'), '{}\n');
  });

  it('a settings file it cannot parse is an error with its position, and stays as it was', () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  "a": 1\n  "b": 2\n}\n');
    const r = runCli(['init', '--vscode'], { cwd: dir });
    assert.equal(r.stdout, 'created .blueprintlint.jsonc\n');
    assert.equal(r.stderr, 'blueprint-lint: init: .vscode/settings.json:3:3: CommaExpected; the file was not changed\n');
    assert.equal(r.status, 2);
    assert.equal(read(dir, '.vscode/settings.json'), '{\n  "a": 1\n  "b": 2\n}\n');
  });

  it('rejects paths, an unknown CI and init flags on other commands', () => {
    const cases: Array<[string[], string]> = [
      [['init', 'docs'], "init takes no paths (got 'docs'); run it in the project's folder"],
      [['init', '--ci', 'gitlab'], "invalid --ci 'gitlab' (expected github)"],
      [['--vscode', 'a.md'], '--vscode goes with init'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { cwd: dir });
      assert.equal(r.stderr, `blueprint-lint: ${message} (run 'blueprint-lint --help' for usage)\n`);
      assert.equal(r.status, 2);
    }
    assert.deepEqual(existsSync(join(dir, '.blueprintlint.jsonc')), false);
  });
});
