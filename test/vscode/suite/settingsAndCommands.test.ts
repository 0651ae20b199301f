import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fileUri, hasRule, lacksRule, ofRule, open, readFile, resetEditors, RULE, waitForDiagnostics, waitForStatus, writeFile } from './helpers.js';

const severityIs = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
  ofRule(RULE, ds).length === 1 && ofRule(RULE, ds)[0]!.severity === severity;

describe('Blueprint Lint in VS Code: settings and commands', () => {
  afterEach(resetEditors);

  it('takes a severity from .vscode/settings.json (written on disk) and goes back when it is removed', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning by default');
    const original = await readFile('.vscode/settings.json');
    await writeFile('.vscode/settings.json', '{\n  // teams enforce rules here\n  "blueprintLint.rules": { "benefit-needs-support": "error" }\n}\n');
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Error), 'an error after the settings change');
    await writeFile('.vscode/settings.json', original);
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning again');
  });

  it('turns the file off and on from the status item command, recording it in blueprintLint.disabledFiles', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    assert.equal(await vscode.commands.executeCommand('blueprintLint.toggleFile'), false, 'now off');
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostics while the file is off');
    await waitForStatus(blueprintLint, (t) => t === 'Blueprint: off', 'off');
    assert.deepEqual(vscode.workspace.getConfiguration('blueprintLint', doc.uri).get('disabledFiles'), ['hotel/checkin.blueprint.md']);
    assert.equal(doc.isDirty, false, 'the Markdown file itself is not edited');
    assert.equal(await vscode.commands.executeCommand('blueprintLint.toggleFile'), true, 'on again');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'diagnostics back');
    await waitForStatus(blueprintLint, (t) => t.startsWith('Blueprint: 2 steps'), 'on');
  });

  it('"Open Configuration File" creates .blueprintlint.jsonc with $schema, and the server follows its edits', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('blueprintLint.openConfig');
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), fileUri('.blueprintlint.jsonc').toString());
    assert.equal(editor.document.languageId, 'jsonc');
    assert.match(editor.document.getText(), /"\$schema": "https:\/\/.*blueprintlint\.schema\.json"/);
    // the starter config is valid: it changes nothing, so the diagnostic stays; now switch the rule off in it
    const text = editor.document.getText().replace('"benefit-needs-support": "warning"', '"benefit-needs-support": "off"');
    assert.notEqual(text, editor.document.getText());
    await writeFile('.blueprintlint.jsonc', text);
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no diagnostics with the rule off in the config file');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri('.blueprintlint.jsonc'));
    await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'the diagnostic back without the config file');
  });

  it('restarts the server and gets the diagnostics back', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    const seen: number[] = [];
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) seen.push(vscode.languages.getDiagnostics(doc.uri).length);
    });
    try {
      await vscode.commands.executeCommand('blueprintLint.restartServer');
      assert.equal(blueprintLint.client().isRunning(), true);
      await waitForDiagnostics(doc.uri, (ds) => hasRule(RULE)(ds) && seen.includes(0), 'diagnostics cleared by the stop and published again');
    } finally {
      subscription.dispose();
    }
    assert.ok(seen.indexOf(0) >= 0 && seen.at(-1)! > 0, `cleared, then back: ${JSON.stringify(seen)}`);
  });

  it('"Show Rule Documentation" opens the documentation bundled in the extension', async () => {
    await vscode.commands.executeCommand('blueprintLint.showDocs', 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md');
    const deadline = Date.now() + 10_000;
    let label = '';
    while (Date.now() < deadline) {
      label = vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
      if (label.includes('benefit-needs-support')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(label, /Preview benefit-needs-support\.md/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
