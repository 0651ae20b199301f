// The standard @vscode/test-electron runner. Where VS Code can be downloaded it runs the suite in desktop VS Code;
// offline, VSCODE_EXECUTABLE_PATH points at scripts/e2e/code-shim.sh, which runs the same suite in code-server.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function main(): Promise<void> {
  // the extension under test: the installed .vsix when given (scripts/e2e/run.sh), else the working tree
  const extensionDevelopmentPath = process.env.BLUEPRINT_LINT_EXTENSION_PATH ?? root;
  const extensionTestsPath = join(root, 'out', 'vscode-suite', 'index.cjs');
  const workspace = join(root, 'test', 'fixtures', 'vscode-workspace');
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH, // undefined: download VS Code (needs the internet)
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--no-sandbox', '--disable-gpu'],
    extensionTestsEnv: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('BLUEPRINT_LINT_'))) as Record<string, string>,
  });
}

main().catch((error: unknown) => {
  console.error('vscode tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
