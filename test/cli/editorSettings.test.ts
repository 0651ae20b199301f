import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules } from '../../server/src/engine/index.js';
import { repoRoot, runCli } from './helpers.js';

const FINDING = 'Name the employee resource, tool or authority behind "within the hour": step "Open a ticket" promises it but names none.  benefit-needs-support';

describe('CLI: the workspace .vscode/settings.json and --print-config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-settings-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.vscode'));
    mkdirSync(join(dir, 'docs'));
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'workspace', 'support-desk.md'), join(dir, 'docs', 'support-desk.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const settings = (text: string): void => writeFileSync(join(dir, '.vscode', 'settings.json'), text);

  it('reads blueprintLint.* from .vscode/settings.json by default, also from a subfolder; --no-editor-settings turns it off', () => {
    settings('{\n  // the team\'s rules\n  "blueprintLint.rules": { "benefit-needs-support": "error" },\n  "blueprintLint.disabledFiles": [],\n  "blueprintLint.addToConfigTarget": "settings"\n}\n');
    const fromRoot = runCli(['docs'], { cwd: dir });
    assert.equal(fromRoot.stderr, '');
    assert.equal(fromRoot.stdout, `\ndocs/support-desk.md\n  8:51  error  ${FINDING}\n\n✖ 1 problem (1 error, 0 warnings, 0 infos)\n`);
    assert.equal(fromRoot.status, 1);
    const fromSub = runCli(['support-desk.md'], { cwd: join(dir, 'docs') });
    assert.equal(fromSub.status, 1);
    assert.match(fromSub.stdout, /8:51 {2}error {2}/);
    const off = runCli(['docs', '--no-editor-settings'], { cwd: dir });
    assert.equal(off.stdout, `\ndocs/support-desk.md\n  8:51  warning  ${FINDING}\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n`);
    assert.equal(off.status, 0);
  });

  it('settings win over the config file and --rule over both, as in the editor', () => {
    writeFileSync(join(dir, '.blueprintlint.jsonc'), '{ "rules": { "benefit-needs-support": "off", "empty-lane": "error" } }\n');
    settings('{ "blueprintLint.rules": { "benefit-needs-support": "error" } }\n');
    const severity = (args: string[]): Record<string, string> => {
      const r = runCli(['--print-config', 'docs/support-desk.md', ...args], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const rules = (JSON.parse(r.stdout) as { rules: Record<string, { severity: string }> }).rules;
      return { bns: rules['benefit-needs-support']!.severity, empty: rules['empty-lane']!.severity };
    };
    assert.deepEqual(severity([]), { bns: 'error', empty: 'error' });
    assert.deepEqual(severity(['--no-editor-settings']), { bns: 'off', empty: 'error' });
    assert.deepEqual(severity(['--rule', 'benefit-needs-support:info']), { bns: 'info', empty: 'error' });
  });

  it("honours the settings' blueprintLint.configFile, resolved against the workspace folder", () => {
    mkdirSync(join(dir, 'lint'));
    writeFileSync(join(dir, 'lint', 'team.jsonc'), '{ "rules": { "duplicate-step": "off" } }\n');
    settings('{ "blueprintLint.configFile": "lint/team.jsonc" }\n');
    const r = runCli(['--print-config', 'support-desk.md'], { cwd: join(dir, 'docs') });
    assert.equal(r.status, 0, r.stderr);
    const config = JSON.parse(r.stdout) as { rules: Record<string, { severity: string }>; sources: string[] };
    assert.equal(config.rules['duplicate-step']!.severity, 'off');
    assert.deepEqual(
      config.sources.map((s) => s.slice(dir.length)),
      ['/lint/team.jsonc', '/.vscode/settings.json'],
    );
  });

  it('a broken settings file is a configuration error with its position, exit 2', () => {
    settings('{\n  "blueprintLint.rules": { "benefit-needs-support": "loud" }\n}\n');
    const r = runCli(['docs'], { cwd: dir });
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '.vscode/settings.json:2:53: invalid severity "loud" for rule "benefit-needs-support"; expected "off", "info", "warning" or "error"\n');
    assert.equal(r.status, 2);
    assert.equal(runCli(['docs', '--no-editor-settings'], { cwd: dir }).status, 0);
  });

  it('--print-config lists every rule with the severity it lints with, not only the configured ones', () => {
    settings('{ "blueprintLint.rules": { "empty-lane": "off" } }\n');
    const r = runCli(['--print-config', 'docs/support-desk.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const rules = (JSON.parse(r.stdout) as { rules: Record<string, { severity: string; options: object }> }).rules;
    const expected = Object.fromEntries(
      allRules()
        .map((x) => x.id)
        .sort()
        .map((id) => [id, { severity: id === 'empty-lane' ? 'off' : allRules().find((x) => x.id === id)!.defaultSeverity, options: {} }]),
    );
    assert.deepEqual(rules, expected);
    assert.deepEqual(Object.keys(rules), Object.keys(expected));
  });
});
