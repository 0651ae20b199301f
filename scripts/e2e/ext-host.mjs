// Route 2: runs a standard extension-test entry (the run() that @vscode/test-electron would call) inside
// code-server's Node extension host, through the web workbench's ?payload= parameter, and exits with its code.
//   node scripts/e2e/ext-host.mjs <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder> <workDir>
// Env: CODE_SERVER (from .e2e/env.sh); optional TEST_TIMEOUT_S, VERBOSE. BLUEPRINT_LINT_* variables reach the tests.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { freePort, launchChromium, requireEnv, startCodeServer, userSettingsDrift, writeUserSettings } from './lib.mjs';

const [devPath, testsPath, wsPath, workArg] = process.argv.slice(2, 6);
if (!devPath || !testsPath || !wsPath || !workArg) {
  console.error('usage: ext-host.mjs <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder> <workDir>');
  process.exit(2);
}
const work = path.resolve(workArg);
const timeoutS = Number(process.env.TEST_TIMEOUT_S || 300);
const t0 = Date.now();
const log = (...a) => console.log(`[ext-host ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const userSettings = writeUserSettings(path.join(work, 'ud'));
// a throw-away copy of the workspace: tests edit and save files, the fixture stays as checked in. It lives outside
// this repository, whose .gitignore (.e2e/) would otherwise hide every file from the workspace lint.
const wsCopy = path.join(fs.mkdtempSync(path.join(process.env.E2E_WORKSPACE_ROOT || '/tmp', 'blueprint-lint-e2e-')), 'ws');
fs.cpSync(path.resolve(wsPath), wsCopy, { recursive: true });
fs.writeFileSync(path.join(work, 'workspace-path.txt'), wsCopy + '\n');

const testEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('BLUEPRINT_LINT_')));
const port = Number(process.env.PORT || (await freePort()));
const { stop } = await startCodeServer({
  codeServer: requireEnv('CODE_SERVER'),
  work,
  port,
  env: testEnv,
  // the built workbench honours the payload's test entries only with the smoke-test driver enabled
  extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
});
log(`code-server up on port ${port}`);

const authority = `127.0.0.1:${port}`;
const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
  ['extensionEnvironment', JSON.stringify(testEnv)],
]);
const url = `http://${authority}/?folder=${encodeURIComponent(wsCopy)}&payload=${encodeURIComponent(payload)}`;

const context = await launchChromium(work);
let finished = false;
const finish = async (code, why) => {
  if (finished) return;
  finished = true;
  // a setting the workbench rewrote at start-up raced the tests (a dirty settings.json they may trip over): fail loudly
  const drift = userSettingsDrift(path.join(work, 'ud'), userSettings);
  if (drift.length > 0) {
    log(`FAILED: the workbench rewrote user settings written before start-up (use values it accepts as is): ${drift.join('; ')}`);
    if (code === 0) code = 3;
  }
  log(`${why} -> exit ${code}`);
  await context.close().catch(() => {});
  stop();
  fs.rmSync(path.dirname(wsCopy), { recursive: true, force: true });
  // the browser profile is large and says nothing a failure needs; the logs and user data stay for diagnosis
  fs.rmSync(path.join(work, 'chromium-profile'), { recursive: true, force: true });
  process.exit(code);
};
// The web extension service reports the test run's end through window.codeAutomationExit(code, logs), and the
// extension host's console through window.codeAutomationLog(type, args).
await context.exposeFunction('codeAutomationLog', (type, args) => {
  const msg = util.format(...(args || []));
  if (!process.env.VERBOSE && /open-vsx\.org|ENOTFOUND|EAI_AGAIN|marketplace/.test(msg)) return; // offline noise
  console.log(`[vscode ${type}] ${msg}`);
});
await context.exposeFunction('codeAutomationExit', async (code, logs) => {
  if (Array.isArray(logs)) {
    for (const l of logs) fs.writeFileSync(path.join(work, 'browser-log-' + String(l.relativePath).replace(/[\\/]/g, '_')), l.contents);
  }
  await finish(code, 'tests finished');
});
const page = context.pages()[0] || (await context.newPage());
page.on('pageerror', (e) => log('pageerror', e.message));
setTimeout(() => void finish(124, `timeout after ${timeoutS}s`), timeoutS * 1000).unref();
await page.goto(url);
log('workbench loading');
