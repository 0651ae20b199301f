// Overrides by glob, profiles picked by front matter and policy minimums, through the real CLI: findings, exit codes, --print-config.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, runCli } from './helpers.js';

const RULE = 'benefit-needs-support';
const MESSAGE = 'Name the employee resource, tool or authority behind "within the hour": step "Open a ticket" promises it but names none.';
const BLUEPRINT = readFileSync(join(repoRoot, 'test', 'fixtures', 'workspace', 'support-desk.md'), 'utf8');
/** The fixture with `profile: <name>` added to its front matter (the finding moves one line down, to 9:51). */
const withProfile = (name: string): string => BLUEPRINT.replace('---\nblueprint: support desk\n', `---\nprofile: ${name}\nblueprint: support desk\n`);

interface Printed {
  rules: Record<string, { severity: string; options: object }>;
  policy: Record<string, { severity: string; source: string }>;
  raised: Record<string, { from: string; to: string; by: string; policy: string }>;
  profiles: string[];
  profile?: string;
  vocabulary: unknown;
  sources: string[];
}

describe('CLI: overrides, profiles and policy', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-layers-'));
    mkdirSync(join(dir, '.git'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (files: Record<string, string>): void => {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  };
  const blueprintAt = (...rels: string[]): void => {
    for (const rel of rels) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      copyFileSync(join(repoRoot, 'test', 'fixtures', 'workspace', 'support-desk.md'), join(dir, rel));
    }
  };
  const lint = (args: string[]) => runCli(['--format', 'json', ...args], { cwd: dir });
  const severities = (stdout: string): Array<[string, number, string]> =>
    (JSON.parse(stdout) as Array<{ file: string; line: number; severity: string; rule: string }>).filter((f) => f.rule === RULE).map((f) => [f.file, f.line, f.severity]);
  const printed = (file: string, args: string[] = []): Printed => {
    const r = runCli(['--print-config', file, ...args], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as Printed;
  };

  it('overrides apply to the files their globs match, relative to the config file; later entries win; excludedFiles are left alone', () => {
    write({
      '.blueprintlint.jsonc': JSON.stringify({
        rules: { [RULE]: 'info' },
        overrides: [
          { files: ['legacy/**'], rules: { [RULE]: 'error' } },
          { files: ['legacy/**'], excludedFiles: ['legacy/keep/**'], rules: { [RULE]: 'warning' } },
          { files: ['*.draft.md'], rules: { [RULE]: 'off' } },
        ],
      }),
    });
    blueprintAt('docs/a.md', 'legacy/b.md', 'legacy/keep/c.md', 'docs/deep/d.draft.md');
    const r = lint(['.']);
    assert.equal(r.stderr, '');
    assert.deepEqual(severities(r.stdout), [
      ['docs/a.md', 8, 'info'],
      ['legacy/b.md', 8, 'warning'],
      ['legacy/keep/c.md', 8, 'error'],
    ]);
    assert.equal(r.status, 1);
    assert.equal(printed('legacy/keep/c.md').rules[RULE]!.severity, 'error');
    assert.equal(printed('legacy/b.md').rules[RULE]!.severity, 'warning');
    assert.equal(printed('docs/deep/d.draft.md').rules[RULE]!.severity, 'off');
    // A path that does not exist yet gets the overrides its name matches.
    assert.equal(printed('legacy/new.md').rules[RULE]!.severity, 'warning');
    assert.equal(printed('docs/a.md').rules[RULE]!.severity, 'info');
  });

  it("an extended file's overrides use its own folder and lose to the extending file", () => {
    write({
      'team/base.jsonc': JSON.stringify({ overrides: [{ files: ['*.md'], rules: { [RULE]: 'error', 'empty-lane': 'error' } }] }),
      'team/project/.blueprintlint.jsonc': JSON.stringify({ extends: '../base.jsonc', rules: { [RULE]: 'off' } }),
    });
    const config = printed('team/project/x.md');
    assert.deepEqual([config.rules[RULE]!.severity, config.rules['empty-lane']!.severity], ['off', 'error']);
  });

  it('bad override globs and keys are configuration errors at their positions, exit 2, and the entry is left out', () => {
    write({
      '.blueprintlint.jsonc': `{\n  "overrides": [\n    { "files": ["/abs/**"], "rules": { "${RULE}": "error" } },\n    { "files": ["ok/**"], "ignores": ["x"], "rules": { "benefit-needs-suport": "error" } },\n    { "rules": {} }\n  ]\n}\n`,
    });
    blueprintAt('docs/a.md');
    const r = lint(['docs']);
    assert.equal(
      r.stderr,
      [
        '.blueprintlint.jsonc:3:17: glob "/abs/**" must be relative to the configuration\'s directory',
        '.blueprintlint.jsonc:4:27: unknown property "ignores" in "overrides[1]"',
        '.blueprintlint.jsonc:4:56: unknown rule "benefit-needs-suport"; did you mean "benefit-needs-support"?',
        '.blueprintlint.jsonc:5:5: "overrides[2]" is missing "files"',
        '',
      ].join('\n'),
    );
    assert.equal(r.status, 2);
    // One bad glob leaves the whole entry out, so it never applies to files its other globs would match.
    write({ '.blueprintlint.jsonc': JSON.stringify({ overrides: [{ files: ['docs/**', '/abs/**'], rules: { [RULE]: 'error' } }] }) });
    const print = runCli(['--print-config', 'docs/a.md'], { cwd: dir });
    assert.equal(print.status, 2);
    assert.equal((JSON.parse(print.stdout) as Printed).rules[RULE]!.severity, 'warning');
  });

  it('front matter "profile:" picks a named rule set; settings and --rule still win over it', () => {
    write({
      '.blueprintlint.jsonc': JSON.stringify({ profiles: { draft: { rules: { [RULE]: 'info' } }, strict: { rules: { [RULE]: 'error' } } } }),
      'docs/draft.md': withProfile('draft'),
      'docs/strict.md': withProfile('strict'),
    });
    blueprintAt('docs/plain.md');
    const r = lint(['docs']);
    assert.equal(r.stderr, '');
    assert.deepEqual(severities(r.stdout), [
      ['docs/draft.md', 9, 'info'],
      ['docs/plain.md', 8, 'warning'],
      ['docs/strict.md', 9, 'error'],
    ]);
    assert.equal(r.status, 1);
    const draft = printed('docs/draft.md');
    assert.equal(draft.profile, 'draft');
    assert.equal(draft.rules[RULE]!.severity, 'info');
    assert.deepEqual(draft.profiles, ['draft', 'strict']);
    assert.equal(printed('docs/plain.md').profile, undefined);
    assert.equal(printed('docs/draft.md', ['--rule', `${RULE}:error`]).rules[RULE]!.severity, 'error');
    write({ '.vscode/settings.json': `{ "blueprintLint.rules": { "${RULE}": "off" } }` });
    assert.equal(printed('docs/strict.md').rules[RULE]!.severity, 'off');
    assert.equal(printed('docs/strict.md', ['--no-editor-settings']).rules[RULE]!.severity, 'error');
  });

  it('an unknown profile is an error at the front matter value with the closest name, exit 2; the file is linted without a profile', () => {
    write({ '.blueprintlint.jsonc': JSON.stringify({ profiles: { draft: { rules: { [RULE]: 'info' } } } }), 'docs/typo.md': withProfile('drfat') });
    const r = lint(['docs']);
    assert.equal(r.stderr, 'docs/typo.md:2:10: unknown profile "drfat"; did you mean "draft"?\n');
    assert.deepEqual(severities(r.stdout), [['docs/typo.md', 9, 'warning']]);
    assert.equal(r.status, 2);
    const print = runCli(['--print-config', 'docs/typo.md'], { cwd: dir });
    assert.equal(print.stderr, 'docs/typo.md:2:10: unknown profile "drfat"; did you mean "draft"?\n');
    assert.equal(print.status, 2);
    write({ 'docs/typo.md': withProfile('other'), '.blueprintlint.jsonc': '{}' });
    assert.equal(lint(['docs']).stderr, 'docs/typo.md:2:10: unknown profile "other"; the configuration defines no profiles\n');
  });

  it('policy minimums raise what settings, --rule, profiles and overrides lower, and the findings and stderr say so', () => {
    write({
      '.blueprintlint.jsonc': JSON.stringify({
        profiles: { draft: { rules: { [RULE]: 'off' } } },
        overrides: [{ files: ['legacy/**'], rules: { [RULE]: 'info' } }],
        policy: { minimumSeverity: { [RULE]: 'warning' } },
      }),
      '.vscode/settings.json': `{ "blueprintLint.rules": { "${RULE}": "off" } }`,
      'docs/draft.md': withProfile('draft'),
    });
    blueprintAt('docs/a.md', 'legacy/b.md');
    const raisedMessage = `${MESSAGE} (raised to warning by team policy in .blueprintlint.jsonc)`;
    const r = runCli(['docs/a.md'], { cwd: dir });
    assert.equal(r.stdout, `\ndocs/a.md\n  8:51  warning  ${raisedMessage}  ${RULE}\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n`);
    assert.equal(r.stderr, `note: rule "${RULE}": "off" from .vscode/settings.json raised to "warning" by team policy in .blueprintlint.jsonc\n`);
    assert.equal(r.status, 0);
    const flags = runCli(['--format', 'json', '--no-editor-settings', '--rule', `${RULE}:info`, 'docs', 'legacy'], { cwd: dir });
    assert.equal(flags.stderr, `note: rule "${RULE}": "info" from --rule raised to "warning" by team policy in .blueprintlint.jsonc\n`);
    const findings = JSON.parse(flags.stdout) as Array<{ file: string; severity: string; message: string }>;
    assert.deepEqual(
      findings.map((f) => [f.file, f.severity, f.message]),
      [
        ['docs/a.md', 'warning', raisedMessage],
        ['docs/draft.md', 'warning', raisedMessage],
        ['legacy/b.md', 'warning', raisedMessage],
      ],
    );
    const printedConfig = printed('docs/a.md');
    assert.deepEqual(printedConfig.policy, { [RULE]: { severity: 'warning', source: join(dir, '.blueprintlint.jsonc') } });
    assert.deepEqual(printedConfig.raised, { [RULE]: { from: 'off', to: 'warning', by: join(dir, '.vscode', 'settings.json'), policy: join(dir, '.blueprintlint.jsonc') } });
    // A setting at or above the minimum is kept as it is, and nothing is said.
    write({ '.vscode/settings.json': `{ "blueprintLint.rules": { "${RULE}": "error" } }` });
    const above = runCli(['--format', 'json', 'docs/a.md'], { cwd: dir });
    assert.equal(above.stderr, '');
    assert.deepEqual(
      (JSON.parse(above.stdout) as Array<{ severity: string; message: string }>).map((f) => [f.severity, f.message]),
      [['error', MESSAGE]],
    );
    assert.equal(above.status, 1);
  });

  it('policy belongs in configuration files: in settings it is an error with its position', () => {
    write({ '.vscode/settings.json': `{\n  "blueprintLint.policy": { "minimumSeverity": { "${RULE}": "error" } }\n}\n` });
    blueprintAt('docs/a.md');
    const r = lint(['docs']);
    assert.equal(r.stderr, '.vscode/settings.json:2:3: "blueprintLint.policy" belongs in a configuration file, not in settings\n');
    assert.equal(r.status, 2);
  });

  it('an unknown rule in policy is an error with a suggestion; the highest minimum of an extends chain holds', () => {
    write({
      'base.jsonc': JSON.stringify({ policy: { minimumSeverity: { [RULE]: 'error' } } }),
      '.blueprintlint.jsonc': `{ "extends": "./base.jsonc", "policy": { "minimumSeverity": { "${RULE}": "info", "empty-lanes": "warning" } } }\n`,
    });
    blueprintAt('docs/a.md');
    const r = runCli(['--print-config', 'docs/a.md'], { cwd: dir });
    assert.equal(r.stderr, '.blueprintlint.jsonc:1:96: unknown rule "empty-lanes"; did you mean "empty-lane"?\n');
    assert.equal(r.status, 2);
    const config = JSON.parse(r.stdout) as Printed;
    assert.deepEqual(config.policy, { [RULE]: { severity: 'error', source: join(dir, 'base.jsonc') } });
    assert.equal(config.rules[RULE]!.severity, 'error');
  });

  it('one vocabulary shape: the same vocabulary in the config file, settings, an override or a profile gives the same findings', () => {
    const vocabulary = { support: { add: { tool: ['ticket'] } } };
    blueprintAt('docs/a.md');
    const findingsWith = (files: Record<string, string>): unknown => {
      rmSync(join(dir, '.blueprintlint.jsonc'), { force: true });
      rmSync(join(dir, '.vscode'), { recursive: true, force: true });
      write(files);
      const r = lint(['docs']);
      assert.equal(r.stderr, '');
      return JSON.parse(r.stdout);
    };
    const without = findingsWith({ 'docs/a.md': BLUEPRINT });
    assert.deepEqual(severities(JSON.stringify(without)), [['docs/a.md', 8, 'warning']]);
    const fromFile = findingsWith({ '.blueprintlint.jsonc': JSON.stringify({ vocabulary }) });
    assert.notDeepEqual(fromFile, without);
    assert.deepEqual(severities(JSON.stringify(fromFile)), []);
    assert.deepEqual(findingsWith({ '.vscode/settings.json': JSON.stringify({ 'blueprintLint.vocabulary': vocabulary }) }), fromFile);
    assert.deepEqual(findingsWith({ '.vscode/settings.json': JSON.stringify({ blueprintLint: { vocabulary } }) }), fromFile);
    assert.deepEqual(findingsWith({ '.blueprintlint.jsonc': JSON.stringify({ overrides: [{ files: ['docs/**'], vocabulary }] }) }), fromFile);
    const profiled = findingsWith({ '.blueprintlint.jsonc': JSON.stringify({ profiles: { p: { vocabulary } } }), 'docs/a.md': withProfile('p') });
    // The profile line moves the other findings one line down; otherwise they are the same.
    const shifted = (fromFile as Array<{ line: number; endLine: number }>).map((f) => ({ ...f, line: f.line + 1, endLine: f.endLine + 1 }));
    assert.deepEqual(profiled, shifted);
  });
});
