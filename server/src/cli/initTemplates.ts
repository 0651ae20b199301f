// What `blueprint-lint init` writes: the commented config file, the editor settings it adds, the CI workflow.
import type { Rule } from '../engine/index.js';

export const CONFIG_FILE = '.blueprintlint.jsonc';
export const SETTINGS_FILE = '.vscode/settings.json';
export const GITHUB_WORKFLOW_FILE = '.github/workflows/blueprint-lint.yml';
export const CI_PROVIDERS = ['github'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** A starting config: every rule listed at its default severity (so a team sees what it can change), the rest as comments. */
export function configTemplate(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries = sorted.map((r, i) => `"${r.id}": "${r.defaultSeverity}"${i < sorted.length - 1 ? ',' : ''}`);
  const width = Math.max(...entries.map((e) => e.length)) + 2;
  const ruleLines = entries.map((e, i) => `    ${e.padEnd(width)}// ${sorted[i]!.description}`);
  return `// Blueprint Lint configuration (written by \`blueprint-lint init\`). The CLI, the language server and the
// VS Code extension all read it; reference: https://github.com/blueprint-lint/blueprint-lint/blob/main/docs/configuration.md
{
  // "recommended" (every rule at its default severity) or "strict"; or a path to another config file.
  "extends": "recommended",

  // Severity per rule: "off", "info", "warning" or "error". CI fails on "error" (exit code 1).
  "rules": {
${ruleLines.join('\n')}
  },

  // Phrases your blueprints use that the shipped vocabulary does not know, or that it reads wrongly.
  "vocabulary": {
    "benefit": { "add": [], "remove": [] },
    // Support phrases by kind: resource, tool, authority, training or backing, e.g. { "tool": ["Opera PMS"] }.
    "support": { "add": {}, "remove": [] }
  },

  // Your own lane labels per lane kind, e.g. { "support": ["Enablement"] }.
  "lanes": {},

  // Files that are always blueprints (others are blueprints when their steps carry lane labels).
  "files": ["**/*.blueprint.md", "**/blueprints/**/*.md"],

  // Files never linted.
  "ignores": []
}
`;
}

/**
 * The `.vscode/settings.json` entries init adds when they are missing (a value already there is the user's and stays):
 * quick fixes that add vocabulary write to the config file, which the CLI and CI read too.
 */
export const SETTINGS_ENTRIES: ReadonlyArray<readonly [string, unknown]> = [
  ['blueprintLint.enable', true],
  ['blueprintLint.run', 'onType'],
  ['blueprintLint.addToConfigTarget', 'configFile'],
];

/** A GitHub Actions workflow that lints on pushes and pull requests with annotations, pinned to this version. */
export function githubWorkflow(version: string): string {
  return `# Lints the service blueprints on every push and pull request (written by \`blueprint-lint init --ci github\`).
# Findings appear as annotations on the changed lines; an error-severity finding fails the job.
name: Blueprint Lint
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  blueprint-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npx --yes blueprint-lint@${version} --format github
`;
}
