// UI test: drives the real VS Code workbench (code-server) in Debian Chromium with playwright-core.
//  1. trusted workspace: open a fixture blueprint, see the squiggle and the Problems entry, open the quick-fix menu,
//     apply "Add a support lane", see the diagnostic change to the placeholder wording;
//  2. restricted mode (workspace trust on, folder not trusted): the extension still lints, and a config `extends`
//     that leaves the workspace is refused with a problem on the config file;
//  3. at 1280 and 1920 px: lane labels of different kinds in different colours, the status item's popup and its
//     "Turn off for this file" link inside the window, the hover on a finding showing its explanation line, the
//     action that leads the core message visible in its Problems row, and every benefit phrase of a step marked.
// Screenshots go to $SHOTS (scripts/e2e/run.sh: the run's log folder).
//   VSIX=blueprint-lint.vsix [SHOTS=dir] [UI_ONLY=polish] node test/ui/ui-test.mjs <workDir>   (env from .e2e/env.sh)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installVsix, launchChromium, requireEnv, startCodeServer, writeUserSettings } from '../../scripts/e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workRoot = path.resolve(process.argv[2] || path.join(root, '.e2e', 'runs', 'ui'));
const shots = path.resolve(process.env.SHOTS || path.join(workRoot, 'shots'));
const CODE_SERVER = requireEnv('CODE_SERVER');
const VSIX = path.resolve(requireEnv('VSIX'));
const t0 = Date.now();
const log = (...a) => console.log(`[ui-test ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
// what to do, the part of the core message that must stay visible in a Problems row at 1280 px
const CORE_ACTION = 'Name the employee resource, tool or authority behind "free upgrade"';
const CORE_MESSAGE = 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.';

fs.rmSync(workRoot, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });

/** Fresh workspace + code-server + Chromium for one scenario; `run(page)` does the checks. */
async function scenario(name, { trust, prepare, width = 1280, height = 760 }, run) {
  const work = path.join(workRoot, name);
  const ws = path.join(work, 'ws');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'vscode-workspace'), ws, { recursive: true });
  prepare?.(work, ws);
  writeUserSettings(path.join(work, 'ud'), { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false });
  await installVsix(CODE_SERVER, work, VSIX);
  const port = await freePort();
  const started = Date.now();
  const { stop } = await startCodeServer({ codeServer: CODE_SERVER, work, port, trust });
  log(`${name}: code-server listening on ${port}`);
  let context;
  try {
    context = await launchChromium(work, { viewport: { width, height } });
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => log('pageerror', e.message));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    log(`${name}: workbench rendered`);
    await run(page, started);
    log(`${name}: PASS`);
  } catch (error) {
    try {
      await context?.pages()[0]?.screenshot({ path: path.join(shots, `ui-fail-${name}.png`) });
    } catch {
      // no page to capture
    }
    throw error;
  } finally {
    await context?.close().catch(() => {});
    stop();
  }
}

async function openFile(page, name, text) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
  await page.keyboard.type(name);
  // file search starts with the extension host: on a loaded 2-core machine the first result took just over 20 s
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: text }).waitFor({ timeout: 30000 });
  return editor;
}

const problemRow = (page, text) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
const problemRows = (page) => page.locator('.markers-panel .monaco-list-row').allInnerTexts();

const tally = { passed: 0, failed: 0 };
/** Runs a scenario and counts it; a failing scenario does not stop the next one. */
async function check(...args) {
  // UI_ONLY=polish runs only the scenarios whose name starts with it (a quicker loop while working on one)
  if (process.env.UI_ONLY && !args[0].startsWith(process.env.UI_ONLY)) return;
  try {
    await scenario(...args);
    tally.passed++;
  } catch (error) {
    log('FAIL', error instanceof Error ? error.stack : error);
    tally.failed++;
  }
}

{
  await check('trusted', { trust: false }, async (page, started) => {
    const editor = await openFile(page, 'checkin.blueprint.md', 'offers a free upgrade');
    // the core rule's squiggle, from the bundled language server
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 90000 });
    log(`squiggle visible ${((Date.now() - started) / 1000).toFixed(1)}s after code-server started`);

    await page.keyboard.press('Control+Shift+M');
    await problemRow(page, CORE_MESSAGE).waitFor({ timeout: 30000 });
    log('problems:', JSON.stringify(await problemRows(page)));
    await page.screenshot({ path: path.join(shots, 'ui-1-diagnostics.png') });

    // cursor inside the flagged phrase: the left end of the widest squiggle ("free upgrade"; another rule squiggles
    // "upgrade" alone), then the quick-fix menu from the editor
    const squiggles = await editor.locator('.squiggly-warning').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const widest = squiggles.sort((a, b) => b.width - a.width)[0];
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add a support lane to "Check-in"' }).first();
    // Under load the first Ctrl+. can land before the editor has the code actions (CI once timed out here after 20 s):
    // ask a second time before failing.
    for (let attempt = 1; ; attempt++) {
      await page.mouse.click(widest.x + 4, widest.y + widest.height / 2 - 4);
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ timeout: 30000 });
        break;
      } catch (err) {
        if (attempt === 2) throw err;
        log('quick-fix menu not shown after 30 s; asking again');
        await page.keyboard.press('Escape');
      }
    }
    log('quick-fix menu:', JSON.stringify(await page.locator('.action-widget .monaco-list-row').allInnerTexts()));
    await page.screenshot({ path: path.join(shots, 'ui-2-quickfix-menu.png') });

    await fix.click();
    await editor.locator('.view-lines', { hasText: '- Support: TBD' }).waitFor({ timeout: 20000 });
    log('fix applied: "- Support: TBD" inserted');
    // still flagged, now because the support lane is a placeholder
    await problemRow(page, 'Fill in the placeholder support lane of step "Check-in"').waitFor({ timeout: 30000 });
    await problemRow(page, CORE_MESSAGE).waitFor({ state: 'detached', timeout: 30000 });
    log('problems after fix:', JSON.stringify(await problemRows(page)));
    await page.screenshot({ path: path.join(shots, 'ui-3-after-fix.png') });
  });

  await check(
    'restricted',
    {
      trust: true,
      prepare: (work, ws) => {
        // would switch the core rule off, if a restricted workspace's config could reach it
        fs.writeFileSync(path.join(work, 'outside.blueprintlint.jsonc'), '{ "rules": { "benefit-needs-support": "off" } }\n');
        fs.writeFileSync(path.join(ws, '.blueprintlint.jsonc'), '{\n  "extends": "../outside.blueprintlint.jsonc"\n}\n');
      },
    },
    async (page) => {
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30000 });
      log('workbench is in Restricted Mode');
      const editor = await openFile(page, 'checkin.blueprint.md', 'offers a free upgrade');
      await editor.locator('.squiggly-warning').first().waitFor({ timeout: 90000 });
      await page.keyboard.press('Control+Shift+M');
      await problemRow(page, CORE_MESSAGE).waitFor({ timeout: 30000 });
      // the refused extends is reported on the config file
      await problemRow(page, '.blueprintlint.jsonc').waitFor({ timeout: 30000 });
      const rows = await problemRows(page);
      log('problems:', JSON.stringify(rows));
      if (!rows.some((r) => /this workspace is not trusted, so extends may not leave its folder/.test(r))) throw new Error('no problem explains the refused extends');
      await page.screenshot({ path: path.join(shots, 'ui-4-restricted.png') });
    },
  );
}
const height = (page) => page.viewportSize().height;

/** The element's box, asserted to lie wholly inside the page's viewport (nothing cut off at an edge). */
async function assertInViewport(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  if (!box) throw new Error(`${what}: not rendered`);
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height && box.width > 0;
  log(`${what}: box ${JSON.stringify(box)} in ${width}x${height}: ${inside ? 'inside' : 'NOT inside'}`);
  if (!inside) throw new Error(`${what} is not wholly inside the ${width}x${height} viewport: ${JSON.stringify(box)}`);
  return box;
}

/**
 * The text of a Problems row as it shows on screen: characters laid out past the edge of an ancestor that clips them
 * (a column cut off with an ellipsis, the panel, the window) are left out.
 */
async function visibleRowText(row) {
  return row.evaluate((rowEl) => {
    const viewRight = Math.min(window.innerWidth, rowEl.getBoundingClientRect().right);
    const walker = document.createTreeWalker(rowEl, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let right = viewRight;
      for (let el = node.parentElement; el && el !== rowEl.parentElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible') continue;
        // an ellipsis takes the place of the last characters that would fit
        const cut = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth ? 12 : 0;
        right = Math.min(right, el.getBoundingClientRect().right - cut);
      }
      const range = document.createRange();
      let text = '';
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.right <= right + 0.5 && r.height > 0) text += node.data[i];
      }
      if (text.trim()) parts.push(text);
    }
    return parts.join(' | ');
  });
}

/**
 * The marks on a step's other benefit phrases: decorations with a dotted bottom border (VS Code draws them as boxes
 * in the overlay layer behind the text), each read back as the text it underlines.
 */
async function dottedMarks(editor) {
  return editor.evaluate((root) => {
    const boxes = [...root.querySelectorAll('.view-overlays div, .view-lines span')]
      .filter((e) => getComputedStyle(e).borderBottomStyle === 'dotted')
      .map((e) => e.getBoundingClientRect())
      .sort((a, b) => a.top - b.top || a.left - b.left);
    const walker = document.createTreeWalker(root.querySelector('.view-lines'), NodeFilter.SHOW_TEXT);
    const chars = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        chars.push({ c: node.data[i], x: r.left + r.width / 2, y: r.top + r.height / 2 });
      }
    }
    return boxes.map((b) =>
      chars
        .filter((ch) => ch.x >= b.left && ch.x <= b.right && ch.y >= b.top && ch.y <= b.bottom)
        .map((ch) => ch.c)
        .join('')
        .replace(/\u00a0/g, ' '),
    );
  });
}

const WELCOME = [
  '# Hotel welcome',
  '',
  '1. **Welcome**',
  '   - Customer: gets a free upgrade and a late checkout at no extra cost',
  '   - Frontstage: the receptionist hands over the key within 2 minutes',
  '   - Backstage: housekeeping marks rooms as clean',
  '',
].join('\n');

// Editor polish at two window widths: the status item's popup with its on/off link, the hover on a finding, lane colours.
for (const width of [1280, 1920]) {
  const prepare = (work, ws) => fs.writeFileSync(path.join(ws, 'hotel', 'welcome.blueprint.md'), WELCOME);
  await check(`polish-${width}`, { trust: false, width, height: width === 1280 ? 760 : 1080, prepare }, async (page) => {
    const editor = await openFile(page, 'checkin.blueprint.md', 'offers a free upgrade');
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 90000 });

    // lane labels of different kinds render in different colours (distinct scopes, coloured apart by the theme)
    const colours = {};
    for (const label of ['Customer', 'Frontstage', 'Backstage', 'Support']) {
      colours[label] = await editor
        .locator('.view-lines span span', { hasText: new RegExp(`^${label}$`) })
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    }
    const prose = await editor
      .locator('.view-lines span span', { hasText: /hands.over.an.ID/ })
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    log('lane label colours:', JSON.stringify(colours), 'prose:', prose);
    const distinct = new Set([...Object.values(colours), prose]);
    if (distinct.size !== 5) throw new Error(`lane labels of four kinds and the prose share colours: ${JSON.stringify({ ...colours, prose })}`);

    // the language status item: its popup shows what the file is read as, and the link to turn it off lies on screen
    const statusItem = page.locator('[id="status.languageStatus"]');
    await statusItem.waitFor({ timeout: 30000 });
    await statusItem.click();
    const popup = page.locator('.monaco-hover', { hasText: 'Blueprint: 2 steps' }).last();
    await popup.waitFor({ timeout: 20000 });
    const link = popup.getByText('Turn off for this file');
    await link.waitFor({ timeout: 20000 });
    log('status popup:', JSON.stringify(await popup.innerText()));
    await page.screenshot({ path: path.join(shots, `ui-status-item-${width}.png`) });
    await assertInViewport(page, popup, 'status item popup');
    await assertInViewport(page, link, '"Turn off for this file" link');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden', timeout: 10000 });

    // the hover on the core finding shows its explanation line (why the step was flagged), wholly on screen
    const squiggles = await editor.locator('.squiggly-warning').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    const widest = squiggles.sort((a, b) => b.width - a.width)[0];
    await page.mouse.move(widest.x + widest.width / 2, widest.y + widest.height / 2 - 4);
    // the explanation comes from the server's hover provider, a moment after the diagnostic part of the hover
    const explanation = page.locator('.monaco-hover p', { hasText: 'benefit: "free upgrade" (vocabulary: =free (upgrade|' }).last();
    await explanation.waitFor({ timeout: 20000 });
    log('hover explanation:', JSON.stringify(await explanation.innerText()));
    await page.screenshot({ path: path.join(shots, `ui-hover-${width}.png`) });
    await assertInViewport(page, explanation, 'hover explanation');
    await page.mouse.move(5, height(page) - 5);

    // the Problems row of the core finding shows what to do within the panel's width
    await page.keyboard.press('Control+Shift+M');
    const row = problemRow(page, CORE_MESSAGE);
    await row.waitFor({ timeout: 30000 });
    const visible = await visibleRowText(row);
    log(`problems row as shown (${visible.length} characters):`, JSON.stringify(visible));
    await page.screenshot({ path: path.join(shots, `ui-problems-row-${width}.png`) });
    if (!visible.includes(CORE_ACTION)) throw new Error(`the Problems row does not show "${CORE_ACTION}": ${JSON.stringify(visible)}`);

    // a step with three benefit phrases: the first squiggled, the other two marked with a dotted underline
    const welcome = await openFile(page, 'welcome.blueprint.md', 'late checkout at no extra cost');
    await welcome.locator('.squiggly-warning').first().waitFor({ timeout: 60000 });
    let marks = [];
    for (const deadline = Date.now() + 20000; Date.now() < deadline; await page.waitForTimeout(250)) {
      marks = await dottedMarks(welcome);
      if (marks.length === 2) break;
    }
    log('dotted marks:', JSON.stringify(marks));
    await page.screenshot({ path: path.join(shots, `ui-benefit-marks-${width}.png`) });
    if (JSON.stringify(marks) !== JSON.stringify(['late checkout at no extra cost', 'within 2 minutes'])) throw new Error(`other benefit phrases not marked: ${JSON.stringify(marks)}`);
    const related = await problemRows(page);
    log('problems with the welcome step:', JSON.stringify(related));
    for (const phrase of ['late checkout at no extra cost', 'within 2 minutes']) {
      if (!related.some((r) => r.includes(`Also promised: "${phrase}"`))) throw new Error(`no related-information row for "${phrase}" in the Problems panel`);
    }
  });
}
console.log(`ui: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
