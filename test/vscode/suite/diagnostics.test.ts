import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, fileUri, hasRule, none, ofRule, open, ours, resetEditors, RULE, SOURCE, waitForDiagnostics, waitForStatus } from './helpers.js';

describe('Blueprint Lint in VS Code: diagnostics and status', () => {
  afterEach(resetEditors);

  it('activates on a Markdown file and starts the bundled server', async () => {
    await open('hotel/checkin.blueprint.md');
    const blueprintLint = await api();
    assert.equal(blueprintLint.client().isRunning(), true);
    assert.equal(blueprintLint.client().initializeResult?.serverInfo?.name, 'blueprint-lint-server');
    assert.equal(typeof blueprintLint.timings.clientReadyMs, 'number');
    console.log(`[blueprint-lint-tests] activation: client ready ${blueprintLint.timings.clientReadyMs} ms after activate()`);
  });

  it('publishes the core rule on the step that promises a free upgrade, with exact range, severity and message', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    const diagnostics = ofRule(RULE, await waitForDiagnostics(doc.uri, hasRule(RULE), 'benefit-needs-support on checkin'));
    const blueprintLint = await api();
    console.log(`[blueprint-lint-tests] activation: first diagnostics ${await blueprintLint.firstDiagnostics} ms after activate()`);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    const [d] = diagnostics;
    assert.equal(codeOf(d!), RULE);
    assert.equal(d!.source, SOURCE);
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([d!.range.start.line, d!.range.start.character, d!.range.end.line, d!.range.end.character], [9, 43, 9, 55]);
    assert.equal(doc.getText(d!.range), 'free upgrade');
    assert.equal(d!.message, 'Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.');
    const target = typeof d!.code === 'object' ? d!.code.target.toString() : '';
    assert.match(target, /rules\/benefit-needs-support\.md$/);
    const related = d!.relatedInformation?.[0];
    assert.ok(related, 'related information points at the step title');
    assert.equal(related.location.uri.toString(), doc.uri.toString());
    assert.equal(doc.getText(related.location.range), 'Check-in');
  });

  it('shows "Blueprint: 2 steps, N problems" in the language status item', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    const diagnostics = await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    const n = diagnostics.length;
    const text = await waitForStatus(await api(), (t) => t.startsWith('Blueprint: 2'), 'for checkin');
    assert.equal(text, `Blueprint: 2 steps, ${n} ${n === 1 ? 'problem' : 'problems'}`);
  });

  it('leaves a Markdown file that is not a blueprint alone and says so in the status item', async () => {
    const blueprintLint = await api();
    const doc = await open('notes/README.md');
    const text = await waitForStatus(blueprintLint, (t) => t === 'Not a blueprint', 'Not a blueprint');
    assert.equal(text, 'Not a blueprint');
    assert.deepEqual(ours(doc.uri), []);
    assert.equal(blueprintLint.status.current?.isBlueprint, false);
  });

  it('lints an untitled Markdown document as the user types lane labels', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Draft\n\n1. **Welcome**\n   - Customer: walks in\n   - Frontstage: every guest gets a free drink\n',
    });
    await vscode.window.showTextDocument(doc);
    const [d] = ofRule(RULE, await waitForDiagnostics(doc.uri, hasRule(RULE), 'diagnostics on an untitled document'));
    assert.equal(d!.range.start.line, 4);
    assert.match(doc.getText(d!.range), /free drink$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(doc.uri, none, 'diagnostics cleared when the untitled document closes');
  });

  it('runs "Lint All Blueprints in the Workspace" on files that are not open', async () => {
    const unopened = fileUri('hotel/late-checkout.blueprint.md');
    assert.deepEqual(ours(unopened), [], 'nothing before the command');
    const result = await vscode.commands.executeCommand<{ filesScanned: number; blueprints: number; problems: number }>('blueprintLint.lintWorkspace');
    assert.ok(result, 'the command returns the server result');
    assert.equal(result.filesScanned, 5);
    // the server counts the blueprints it linted from disk; open documents are already linted from the editor
    assert.ok(result.blueprints >= 1 && result.blueprints <= 4, `blueprints: ${result.blueprints}`);
    const [d] = ofRule(RULE, await waitForDiagnostics(unopened, hasRule(RULE), 'workspace diagnostics for late-checkout'));
    assert.deepEqual([d!.range.start.line, d!.range.start.character], [4, 48]);
  });
});
