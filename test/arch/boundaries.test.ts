import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cruiser = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = join(root, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs dependency-cruiser with the project's rules in `cwd`; its JSON summary's violations. */
function cruise(cwd: string, paths: string[]): { violations: Violation[]; modules: number } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [cruiser, '--config', config, '--output-type', 'json', ...paths], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // It exits non-zero when it finds violations; the report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  const result = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised };
}

describe('architecture boundaries (.dependency-cruiser.cjs)', function () {
  this.timeout(180_000);

  it('the engine, CLI, server, client and rules keep their layers and import no cycle', () => {
    const { violations, modules } = cruise(root, ['server/src', 'client/src', 'rules']);
    assert.deepEqual(
      violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
      [],
    );
    assert.ok(modules > 100, `cruised only ${modules} modules: the paths are wrong`);
  });

  it('reports an engine module importing the CLI, a server module importing the CLI, a rule importing a memo, and a cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-arch-'));
    try {
      const write = (rel: string, text: string): void => {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      };
      write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
      write('package.json', '{"type":"module"}');
      write('server/src/cli/options.ts', 'export const x = 1;\n');
      write('server/src/engine/lint.ts', "import { x } from '../cli/options.js';\nexport const y = x;\n");
      write('server/src/server/main.ts', "import { x } from '../cli/options.js';\nexport const z = x;\n");
      write('server/src/engine/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
      write('server/src/engine/b.ts', "import type { a } from './a.js';\nexport const b = 1;\nexport type A = typeof a;\n");
      write('server/src/engine/incremental/memo.ts', 'export class Generations<V> { v?: V; }\n');
      write('rules/slogan.ts', "import { Generations } from '../server/src/engine/incremental/memo.js';\nexport const memo = new Generations<string>();\n");
      const found = cruise(dir, ['server/src', 'rules'])
        .violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
        .sort();
      assert.deepEqual(found, [
        'engine-stands-alone: server/src/engine/lint.ts → server/src/cli/options.ts',
        'no-circular: server/src/engine/a.ts → server/src/engine/b.ts',
        'rules-keep-no-memo: rules/slogan.ts → server/src/engine/incremental/memo.ts',
        'server-not-cli: server/src/server/main.ts → server/src/cli/options.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
