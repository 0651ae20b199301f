// Runs the mocha suites of .mocharc.json with the spec reporter and ends with one "N passed, N failed" line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { globSync } from 'tinyglobby';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rc = JSON.parse(readFileSync(join(root, '.mocharc.json'), 'utf8'));
const patterns = process.argv.slice(2).length ? process.argv.slice(2) : rc.spec;
const mocha = new Mocha({ timeout: rc.timeout ?? 60000, reporter: 'spec' });
const files = globSync(patterns, { cwd: root, absolute: true }).sort();
if (files.length === 0) {
  console.error(`no test files match ${patterns.join(' ')}: run the build first (node scripts/build.mjs)`);
  process.exit(1);
}
// npm test replays one fast-check seed so CI is deterministic; FUZZ_SEED picks another, `npm run fuzz` explores.
const fc = await import('fast-check');
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20261205;
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
console.log(`fast-check seed ${seed} (FUZZ_SEED=N to replay another)`);
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const s = runner.stats ?? { passes: 0, failures, pending: 0 };
  console.log(`\nmocha: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
  process.exitCode = failures > 0 || s.passes === 0 ? 1 : 0;
});
