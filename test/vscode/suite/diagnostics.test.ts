import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, fileUri, hasRule, lacksRule, none, ofRule, open, ours, resetEditors, RULE, SOURCE, until, waitForDiagnostics, waitForStatus } from './helpers.js';

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
    assert.equal(d!.message, 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.');
    const target = typeof d!.code === 'object' ? d!.code.target.toString() : '';
    assert.match(target, /rules\/benefit-needs-support\.md$/);
    const related = d!.relatedInformation?.[0];
    assert.ok(related, 'related information points at the step title');
    assert.equal(related.location.uri.toString(), doc.uri.toString());
    assert.equal(doc.getText(related.location.range), 'Check-in');
    assert.equal(d!.relatedInformation?.length, 1, 'one benefit phrase: nothing else to point at');
  });

  it('marks every benefit phrase of a step: one diagnostic on the first, related information and a dotted mark on the others', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content:
        '# Hotel welcome\n\n1. **Welcome**\n   - Customer: gets a free upgrade and a late checkout at no extra cost\n' +
        '   - Frontstage: the receptionist hands over the key within 2 minutes\n   - Backstage: housekeeping marks rooms as clean\n',
    });
    await vscode.window.showTextDocument(doc);
    const diagnostics = ofRule(RULE, await waitForDiagnostics(doc.uri, hasRule(RULE), 'the core rule on the welcome step'));
    assert.equal(diagnostics.length, 1, 'one diagnostic per step, as the CLI counts it');
    const [d] = diagnostics;
    assert.equal(doc.getText(d!.range), 'free upgrade');
    assert.equal(
      d!.message,
      'Name the employee resource, tool or authority behind "free upgrade", "late checkout at no extra cost" and "within 2 minutes": step "Welcome" promises them but names none.',
    );
    const related = (d!.relatedInformation ?? []).map((r) => [r.message, r.location.uri.toString(), doc.getText(r.location.range), r.location.range.start.line]);
    assert.deepEqual(related, [
      ['Step "Welcome"', doc.uri.toString(), 'Welcome', 2],
      ['Also promised: "late checkout at no extra cost"', doc.uri.toString(), 'late checkout at no extra cost', 3],
      ['Also promised: "within 2 minutes"', doc.uri.toString(), 'within 2 minutes', 4],
    ]);
    // the editor marks the other two phrases (the first has the squiggle), in the warning's colour
    const blueprintLint = await api();
    const marks = await until(
      () => blueprintLint.benefitMarks.marks(doc.uri),
      (m) => m.length === 2,
      'two benefit marks',
    );
    assert.deepEqual(
      marks.map((m) => [doc.getText(m.range), m.severity]),
      [
        ['late checkout at no extra cost', vscode.DiagnosticSeverity.Warning],
        ['within 2 minutes', vscode.DiagnosticSeverity.Warning],
      ],
    );
    assert.match(marks[0]!.hover, /^Blueprint Lint: "late checkout at no extra cost" is promised here too\. Name the employee resource/);
    // once the step names support, the diagnostic and the marks go
    await vscode.window.activeTextEditor!.edit((e) => e.insert(new vscode.Position(6, 0), '   - Support: receptionists may upgrade one room per night\n'));
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no core finding once support is named');
    await until(
      () => blueprintLint.benefitMarks.marks(doc.uri),
      (m) => m.length === 0,
      'marks cleared',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
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
