import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, hasRule, lacksRule, ofRule, open, rangeOf, readFile, resetEditors, revertAndClose, RULE, waitForDiagnostics } from './helpers.js';

const ADD_SUPPORT = 'Add a support lane to "Check-in"';
const firstOfRule = async (uri: vscode.Uri, what: string) => ofRule(RULE, await waitForDiagnostics(uri, hasRule(RULE), what))[0]!;

describe('Blueprint Lint in VS Code: quick fixes', () => {
  afterEach(async () => {
    await resetEditors();
    await vscode.workspace.getConfiguration('blueprintLint').update('addToConfigTarget', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('offers the fixes of spec 7 for the flagged step, with "add a support lane" preferred', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    const d = await firstOfRule(doc.uri, 'checkin diagnostic');
    const actions = await codeActions(doc.uri, d.range, (a) => a.some((x) => x.title === ADD_SUPPORT), 'the add-support fix');
    const expected = [
      ADD_SUPPORT,
      'Name the tool the employee uses',
      'Name the authority the employee has',
      'Name the resource the employee has',
      'Disable benefit-needs-support for this step',
      'Treat "free upgrade" as not a benefit',
      'Show documentation for benefit-needs-support',
    ];
    // other rules may add their own actions for the same range: the core rule's must all be there, in this order
    assert.deepEqual(
      actions.map((a) => a.title).filter((t) => expected.includes(t)),
      expected,
    );
    assert.equal(actions.find((a) => a.isPreferred)?.title, ADD_SUPPORT);
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix'));
  });

  it('adds a support lane, reports the placeholder, and clears once the placeholder is filled in', async () => {
    const doc = await open('hotel/checkin.blueprint.md');
    const d = await firstOfRule(doc.uri, 'checkin diagnostic');
    const actions = await codeActions(doc.uri, d.range, (a) => a.some((x) => x.title === ADD_SUPPORT), 'the add-support fix');
    const fix = actions.find((a) => a.title === ADD_SUPPORT)!;
    assert.ok(fix.edit, 'the fix carries an edit');
    const before = d.message;
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(11).text, '   - Support: TBD', "the lane goes after the step's last lane");
    assert.equal(doc.lineCount, 13);

    // the lane exists but is a placeholder: still flagged, in the placeholder wording
    const changed = (ds: vscode.Diagnostic[]) => ofRule(RULE, ds).length === 1 && ofRule(RULE, ds)[0]!.message !== before;
    const [placeholder] = ofRule(RULE, await waitForDiagnostics(doc.uri, changed, 'placeholder wording'));
    assert.equal(placeholder!.message, 'Fill in the placeholder support lane of step "Check-in" with the employee resource, tool or authority behind "free upgrade".');

    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, 'TBD'), 'the receptionist may upgrade a guest without asking a manager');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no diagnostic once the support lane names an authority');
    await revertAndClose(doc);
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'the diagnostic back after revert');
  });

  it('disables the rule for one step with a suppression comment', async () => {
    const doc = await open('hotel/room-service.blueprint.md');
    const d = await firstOfRule(doc.uri, 'room-service diagnostic');
    const title = 'Disable benefit-needs-support for this step';
    const actions = await codeActions(doc.uri, d.range, (a) => a.some((x) => x.title === title), 'the disable fix');
    assert.equal(await vscode.workspace.applyEdit(actions.find((a) => a.title === title)!.edit!), true);
    assert.match(doc.getText(), /<!-- blueprint-lint-disable-next-line benefit-needs-support -->\n1\. \*\*Order\*\*/);
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no diagnostic in the suppressed step');
  });

  it('"Treat X as not a benefit" with addToConfigTarget = settings writes blueprintLint.vocabulary through the client', async () => {
    await vscode.workspace.getConfiguration('blueprintLint').update('addToConfigTarget', 'settings', vscode.ConfigurationTarget.Workspace);
    const doc = await open('hotel/spa.blueprint.md');
    const d = await firstOfRule(doc.uri, 'spa diagnostic');
    const title = 'Treat "same day" as not a benefit';
    const actions = await codeActions(doc.uri, d.range, (a) => a.some((x) => x.title === title && x.command !== undefined), 'the vocabulary action as a command (settings target)');
    const action = actions.find((a) => a.title === title)!;
    assert.equal(action.edit, undefined, 'settings are changed by the client, not by a file edit');
    // the client's answer first: a failed settings write (say, an unsaved settings.json) says why, instead of a timeout below
    assert.deepEqual(await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? [])), { applied: true });
    await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no diagnostic once "same day" is not a benefit');
    const vocabulary = vscode.workspace.getConfiguration('blueprintLint', doc.uri).inspect('vocabulary');
    assert.deepEqual(vocabulary?.workspaceFolderValue ?? vocabulary?.workspaceValue, { benefit: { remove: ['same day'] } });
    assert.match(await readFile('.vscode/settings.json'), /"same day"/);
    await vscode.workspace.getConfiguration('blueprintLint', doc.uri).update('vocabulary', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('blueprintLint', doc.uri).update('vocabulary', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, hasRule(RULE), 'the diagnostic back once the setting is removed');
  });
});
