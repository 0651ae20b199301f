import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from './helpers.js';

interface Example {
  line: number;
  lang: 'jsonc' | 'yaml';
  text: string;
}

/** Every fenced jsonc/yaml block of a docs page, with the line its fence opens on. */
function examples(page: string): Example[] {
  const out: Example[] = [];
  const re = /^```(jsonc|yaml)\n([\s\S]*?)^```$/gm;
  const text = readFileSync(join(repoRoot, page), 'utf8');
  for (const m of text.matchAll(re)) out.push({ line: text.slice(0, m.index).split('\n').length, lang: m[1] as Example['lang'], text: m[2]! });
  return out;
}

const BLUEPRINT = '# Check-in\n\n## Step: Arrive\n\n- **Customer:** The guest gets a free upgrade.\n- **Frontstage:** The clerk greets the guest.\n';

describe('docs/configuration.md examples run through the CLI', function () {
  this.timeout(120_000);
  const found = examples('docs/configuration.md');
  // A comment-only block (the yaml-language-server line) configures nothing; every other block is run.
  const runnable = found.filter((e) => e.text.split('\n').some((l) => l.trim() !== '' && !/^\s*(#|\/\/)/.test(l)));

  it('finds the examples (a renamed fence must not drop them unnoticed)', () => {
    assert.equal(runnable.length, 7);
  });

  for (const example of runnable) {
    it(`docs/configuration.md:${example.line} (${example.lang}) is accepted: no configuration error, exit code not 2`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-docs-'));
      try {
        const project = join(dir, 'project');
        mkdirSync(join(dir, 'shared'), { recursive: true });
        mkdirSync(join(project, '.git'), { recursive: true });
        // The complete example extends this shared file.
        writeFileSync(join(dir, 'shared', 'blueprint-vocabulary.yaml'), 'vocabulary:\n  benefit: { add: [late checkout] }\n');
        writeFileSync(join(project, 'stay.blueprint.md'), BLUEPRINT);
        const settings = /^\/\/ \.vscode\/settings\.json/.test(example.text);
        let body = example.text;
        // A fragment ("rules": {...}) is the inside of a config object.
        if (example.lang === 'jsonc' && body.trimStart().startsWith('"')) body = `{\n${body}}\n`;
        const file = settings ? 'settings.json' : example.lang === 'yaml' ? '.blueprintlint.yaml' : '.blueprintlint.jsonc';
        writeFileSync(join(project, file), body);
        const args = settings ? ['--settings', 'settings.json', 'stay.blueprint.md'] : ['--config', file, 'stay.blueprint.md'];
        const run = runCli(args, { cwd: project });
        assert.equal(
          run.stderr
            .split('\n')
            .filter((l) => /error|warning:/i.test(l) && !/^\s*\d+:\d+/.test(l))
            .join('\n'),
          '',
        );
        assert.notEqual(run.status, 2, run.stderr);
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
