// UI test: drives the real VS Code workbench (code-server) in Debian Chromium with playwright-core.
// Opens a fixture blueprint, sees the squiggle and the Problems entry, opens the quick-fix menu, applies
// "Add a support lane", and sees the diagnostic change. Screenshots go to $SHOTS (test/artifacts/).
//   VSIX=blueprint-lint.vsix SHOTS=test/artifacts node test/ui/ui-test.mjs <workDir>   (env from .e2e/env.sh)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installVsix, launchChromium, requireEnv, startCodeServer, writeUserSettings } from '../../scripts/e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = path.resolve(process.argv[2] || path.join(root, '.e2e', 'runs', 'ui'));
const shots = path.resolve(process.env.SHOTS || path.join(root, 'test', 'artifacts'));
const CODE_SERVER = requireEnv('CODE_SERVER');
const VSIX = path.resolve(requireEnv('VSIX'));
const t0 = Date.now();
const log = (...a) => console.log(`[ui-test ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
const ws = path.join(work, 'ws');
fs.cpSync(path.join(root, 'test', 'fixtures', 'vscode-workspace'), ws, { recursive: true });
writeUserSettings(path.join(work, 'ud'), { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false });

await installVsix(CODE_SERVER, work, VSIX);
log('vsix installed');
const port = await freePort();
const started = Date.now();
const { stop } = await startCodeServer({ codeServer: CODE_SERVER, work, port });
log(`code-server listening on ${port}`);

let exitCode = 1;
let context;
try {
  context = await launchChromium(work, { viewport: { width: 1280, height: 760 } });
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  log('workbench rendered');

  // open the blueprint with Quick Open
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
  await page.keyboard.type('checkin.blueprint.md');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'checkin.blueprint.md' }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'offers a free upgrade' }).waitFor({ timeout: 30000 });
  log('editor open');

  // the core rule's squiggle, from the bundled language server
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 90000 });
  log(`squiggle visible ${((Date.now() - started) / 1000).toFixed(1)}s after code-server started`);

  // Problems panel entry with the rule's message
  await page.keyboard.press('Control+Shift+M');
  const message = 'Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.';
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: message }).first();
  await problem.waitFor({ timeout: 30000 });
  log('problems:', JSON.stringify(await page.locator('.markers-panel .monaco-list-row').allInnerTexts()));
  await page.screenshot({ path: path.join(shots, 'ui-1-diagnostics.png') });

  // put the cursor inside the flagged phrase: click the left end of the widest squiggle ("free upgrade"; another
  // rule squiggles "upgrade" alone), then open the quick-fix menu from the editor
  const squiggles = await editor.locator('.squiggly-warning').evaluateAll((els) =>
    els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
  const widest = squiggles.sort((a, b) => b.width - a.width)[0];
  await page.mouse.click(widest.x + 4, widest.y + widest.height / 2 - 4);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add a support lane to "Check-in"' }).first();
  await fix.waitFor({ timeout: 20000 });
  log('quick-fix menu:', JSON.stringify(await page.locator('.action-widget .monaco-list-row').allInnerTexts()));
  await page.screenshot({ path: path.join(shots, 'ui-2-quickfix-menu.png') });

  await fix.click();
  await editor.locator('.view-lines', { hasText: '- Support: TBD' }).waitFor({ timeout: 20000 });
  log('fix applied: "- Support: TBD" inserted');
  // the step is still flagged, now because its support lane is a placeholder
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'its support lane is a placeholder' }).first().waitFor({ timeout: 30000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: message }).waitFor({ state: 'detached', timeout: 30000 });
  log('problems after fix:', JSON.stringify(await page.locator('.markers-panel .monaco-list-row').allInnerTexts()));
  await page.screenshot({ path: path.join(shots, 'ui-3-after-fix.png') });
  log('PASS');
  exitCode = 0;
} catch (error) {
  log('FAIL', error instanceof Error ? error.stack : error);
  try {
    await context?.pages()[0]?.screenshot({ path: path.join(shots, 'ui-fail.png') });
  } catch {
    // no page to capture
  }
} finally {
  await context?.close().catch(() => {});
  stop();
}
process.exit(exitCode);
