#!/usr/bin/env node
// Long mode of the property tests: 100,000 cases per property (scaled shares for the dearer ones) and the full
// hostile sizes (1 MB line, 5 MB file, 2,000 columns, 10,000 nested lists, a 9 MB list nested 3,000 deep), in the
// engine and through the CLI (test/load/hostileCli.test.ts). Usage:
//   node scripts/fuzz.mjs [--runs N] [--seed S] [--grep TEXT]
// Run `node scripts/build.mjs --no-bundle` first (the tests run from out/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const runs = option('--runs') ?? process.env.FUZZ_RUNS ?? '100000';
if (!/^\d+$/.test(runs) || Number(runs) < 1) {
  console.error(`fuzz: --runs must be a positive whole number, got "${runs}"`);
  process.exit(2);
}
const seed = option('--seed') ?? process.env.FUZZ_SEED;
if (seed !== undefined && !/^-?\d+$/.test(seed)) {
  console.error(`fuzz: --seed must be a whole number, got "${seed}"`);
  process.exit(2);
}
const compiled = join(root, 'out', 'test', 'property');
if (!existsSync(compiled)) {
  console.error('fuzz: out/test/property is missing; run `node scripts/build.mjs --no-bundle` first');
  process.exit(2);
}

const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const grep = option('--grep');
// test/load/hostileCli: the same hostile inputs through the CLI, bounded in CPU time and peak RSS (issue #16).
const mochaArgs = [mocha, '--no-config', '--timeout', '0', '--reporter', 'spec', ...(grep ? ['--grep', grep] : []), 'out/test/property/**/*.test.js', 'out/test/load/hostileCli.test.js'];
const env = { ...process.env, FUZZ_RUNS: runs, FUZZ_FULL: '1', ...(seed !== undefined ? { FUZZ_SEED: seed } : {}) };
console.log(`fuzz: ${runs} runs per property${seed !== undefined ? `, seed ${seed}` : ''}, full hostile sizes`);
const child = spawn(process.execPath, mochaArgs, { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
