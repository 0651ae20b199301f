// Entry point the extension host calls (--extensionTestsPath, or the web workbench's payload): runs the mocha suite.
// Bundled to out/vscode-suite/index.cjs with the test files next to it (scripts/e2e/bundle-suite.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const here = __dirname;
  for (const file of fs.readdirSync(here).sort()) {
    if (file.endsWith('.test.cjs')) mocha.addFile(path.join(here, file));
  }
  const resultFile = process.env.BLUEPRINT_LINT_TEST_RESULT;
  const result: SuiteResult = { passes: 0, failures: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      result.failures = failures;
      console.log(`[blueprint-lint-tests] ${result.passes} passed, ${failures} failed, ${result.pending} pending`);
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      result.passes++;
      result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: unknown) => {
      result.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err instanceof Error ? (err.stack ?? err.message) : err) });
    });
    runner.on('pending', (t) => {
      result.pending++;
      result.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}
