// Bundles the VS Code test suite (test/vscode/suite) into CommonJS files the extension host can require:
// out/vscode-suite/index.cjs (git-ignored) plus one <name>.test.cjs per test file. `vscode` and `mocha` stay external.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = join(root, 'test', 'vscode', 'suite');
const outdir = join(root, 'out', 'vscode-suite');
const entryPoints = readdirSync(suite)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => join(suite, f));
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`bundle-suite: ${entryPoints.length} files -> ${outdir}`);
