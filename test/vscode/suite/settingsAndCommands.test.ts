import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, EXTENSION_ID, fileUri, hasRule, lacksRule, ofRule, open, readFile, resetEditors, RULE, waitForDiagnostics, waitForStatus, writeFile } from './helpers.js';

const severityIs = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) => ofRule(RULE, ds).length === 1 && ofRule(RULE, ds)[0]!.severity === severity;

describe('Blueprint Lint in VS Code: settings and commands', () => {
  afterEach(async () => {
    await resetEditors();
    // a failed test must not leave a config file behind for the next one
    await vscode.workspace.fs.delete(fileUri('.blueprintlint.jsonc')).then(undefined, () => undefined);
  });

  it('takes a severity from .vscode/settings.json (written on disk) and goes back when it is removed', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning by default');
    const original = await readFile('.vscode/settings.json');
    await writeFile('.vscode/settings.json', '{\n  // teams enforce rules here\n  "blueprintLint.rules": { "benefit-needs-support": "error" }\n}\n');
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Error), 'an error after the settings change');
    await writeFile('.vscode/settings.json', original);
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning again');
  });

  it('shows a team policy minimum that lifts a lower setting: related information on the policy line, and the hover', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning by default');
    const original = await readFile('.vscode/settings.json');
    try {
      await writeFile('.vscode/settings.json', '{\n  "blueprintLint.rules": { "benefit-needs-support": "info" }\n}\n');
      // the setting first, so the policy below raises "info" from settings and not the default
      await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Information), 'info from the setting');
      await writeFile('.blueprintlint.jsonc', '{\n  // the team keeps promises visible\n  "policy": {\n    "minimumSeverity": { "benefit-needs-support": "error" }\n  }\n}\n');
      const [d] = ofRule(RULE, await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Error), 'an error raised by the policy over the "info" setting'));
      assert.match(d!.message, / \(raised to error by team policy in \.blueprintlint\.jsonc\)$/);
      const policy = (d!.relatedInformation ?? []).find((r) => r.location.uri.toString() === fileUri('.blueprintlint.jsonc').toString());
      assert.ok(policy, `related information points at the config file: ${JSON.stringify(d!.relatedInformation?.map((r) => r.message))}`);
      assert.equal(policy.message, 'Rule "benefit-needs-support": "info" from settings raised to "error" by team policy in .blueprintlint.jsonc');
      const config = await vscode.workspace.openTextDocument(fileUri('.blueprintlint.jsonc'));
      assert.equal(policy.location.range.start.line, 3);
      assert.equal(config.getText(policy.location.range), '"benefit-needs-support"');
      // the hover on the finding says the same, with the line
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d!.range.start.translate(0, 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Rule "benefit-needs-support": "info" from settings raised to "error" by team policy in \.blueprintlint\.jsonc \(line 4\)/);
    } finally {
      await writeFile('.vscode/settings.json', original);
      await vscode.workspace.fs.delete(fileUri('.blueprintlint.jsonc')).then(undefined, () => undefined);
    }
    const [back] = ofRule(RULE, await waitForDiagnostics(doc.uri, severityIs(vscode.DiagnosticSeverity.Warning), 'a warning again without the policy'));
    assert.deepEqual(
      back!.relatedInformation?.map((r) => r.message),
      ['Step "Check-in"'],
    );
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

  it('"Open Configuration File" creates .blueprintlint.jsonc, and the server follows its edits', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('blueprintLint.openConfig');
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), fileUri('.blueprintlint.jsonc').toString());
    assert.equal(editor.document.languageId, 'jsonc');
    // no blueprint-lint package in this workspace: no $schema (the extension supplies the schema)
    assert.doesNotMatch(await readFile('.blueprintlint.jsonc'), /\$schema/);
    // the starter config is valid: it changes nothing, so the diagnostic stays; now switch the rule off in it
    const starter = await readFile('.blueprintlint.jsonc');
    const text = starter.replace('"benefit-needs-support": "warning"', '"benefit-needs-support": "off"');
    assert.notEqual(text, starter);
    await writeFile('.blueprintlint.jsonc', text);
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no diagnostics with the rule off in the config file');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri('.blueprintlint.jsonc'));
    await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'the diagnostic back without the config file');
  });

  for (const withPackage of [false, true]) {
    it(`validates the created .blueprintlint.jsonc against the schema offline (${withPackage ? "$schema into the workspace's blueprint-lint package" : "the extension's jsonValidation"})`, async () => {
      const local = fileUri('node_modules/blueprint-lint/schemas/blueprintlint.schema.json');
      if (withPackage) {
        const shipped = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'schemas', 'blueprintlint.schema.json');
        await vscode.workspace.fs.copy(shipped, local, { overwrite: true });
      }
      try {
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>('blueprintLint.openConfig');
        assert.ok(editor);
        const config = editor.document.uri;
        const starter = await readFile('.blueprintlint.jsonc');
        assert.equal(starter.includes('"$schema": "./node_modules/blueprint-lint/schemas/blueprintlint.schema.json"'), withPackage);
        const bad = starter.replace('"benefit-needs-support": "warning"', '"benefit-needs-support": "loud"');
        assert.notEqual(bad, starter);
        await writeFile('.blueprintlint.jsonc', bad);
        const line = bad.split('\n').findIndex((l) => l.includes('"loud"'));
        // the JSON language server's own diagnostics (the Blueprint Lint server reports the same error separately)
        const fromSchema = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(config).filter((d) => d.source !== 'blueprint-lint');
        await waitForDiagnostics(config, () => fromSchema().length > 0, 'a diagnostic from the JSON language server');
        assert.deepEqual(
          fromSchema().map((d) => [d.range.start.line, d.message]),
          [[line, 'Value is not accepted. Valid values: "off", "info", "warning", "error".']],
        );
      } finally {
        if (withPackage) await vscode.workspace.fs.delete(fileUri('node_modules'), { recursive: true });
      }
    });
  }

  it('restarts the server and gets the diagnostics back', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    const before = await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
    const seen: number[] = [];
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) seen.push(vscode.languages.getDiagnostics(doc.uri).length);
    });
    let back: vscode.Diagnostic[];
    try {
      await vscode.commands.executeCommand('blueprintLint.restartServer');
      assert.equal(blueprintLint.client().isRunning(), true);
      back = await waitForDiagnostics(doc.uri, (ds) => hasRule(RULE)(ds) && seen.includes(0), 'diagnostics cleared by the stop and published again');
    } finally {
      subscription.dispose();
    }
    // the diagnostics read after the clear are the evidence; a listener's last event can lag behind that read
    assert.ok(seen.includes(0), `cleared by the stop: ${JSON.stringify(seen)}`);
    const shown = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    assert.deepEqual(shown(back), shown(before));
  });

  it('"Show Rule Documentation" opens the documentation bundled in the extension', async () => {
    const activeLabel = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
    const label = await new Promise<string>((resolve, reject) => {
      const done = (): void => {
        if (!activeLabel().includes('benefit-needs-support')) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(activeLabel());
      };
      const subscription = vscode.window.tabGroups.onDidChangeTabs(done);
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no documentation tab; active tab: "${activeLabel()}"`));
      }, 30_000);
      const url = 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md';
      vscode.commands.executeCommand('blueprintLint.showDocs', url).then(done, reject);
    });
    // "[Preview] x.md" is VS Code's label of a locked preview; an unlocked one reads "Preview x.md" and follows the editor
    assert.match(label, /^\[Preview\] benefit-needs-support\.md$/);
    const doc = await open('hotel/checkin.blueprint.md');
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic, with the blueprint as the active editor');
    const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.deepEqual(
      previews.map((t) => t.label),
      ['[Preview] benefit-needs-support.md'],
      'the documentation preview still shows the rule page, not the blueprint',
    );
  });
});
