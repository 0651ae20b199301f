import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node.js';
import { api, EXTENSION_ID, hasRule, lacksRule, ofRule, open, resetEditors, RULE, waitForDiagnostics } from './helpers.js';
import { serverPids, waitForServerPids } from './serverProcess.js';

const SUPPORT_LINE = '\n   - Support: the receptionist may upgrade a guest without asking a manager';

function serverModule(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return vscode.Uri.joinPath(extension.extensionUri, 'dist', 'server.cjs').fsPath;
}

/** Polls `condition` until it holds, or rejects after the deadline. */
async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const summary = (ds: vscode.Diagnostic[]) => ofRule(RULE, ds).map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]);

describe('Blueprint Lint in VS Code: server crash', function () {
  before(function () {
    if (process.platform === 'win32') this.skip(); // serverProcess.ts reads /proc or `ps`: none on Windows
  });
  afterEach(resetEditors);

  it('restarts the server after its process is killed (SIGKILL), then publishes and follows edits again', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    const original = doc.getText();
    const before = summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic before the kill'));
    assert.equal(before.length, 1);
    const module = serverModule();
    const [oldPid] = await waitForServerPids(module, (pids) => pids.length === 1, 'exactly one server process below this extension host');

    const states: State[] = [];
    const published: boolean[] = []; // one entry per diagnostics change for the document after the kill: has the rule?
    const subscriptions = [
      blueprintLint.client().onDidChangeState((e) => states.push(e.newState)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString())) published.push(hasRule(RULE)(vscode.languages.getDiagnostics(doc.uri)));
      }),
    ];
    try {
      const killedAt = Date.now();
      process.kill(oldPid!, 'SIGKILL');
      const [newPid] = await waitForServerPids(module, (pids) => pids.length === 1 && pids[0] !== oldPid, 'a new server process in place of the killed one');
      assert.notEqual(newPid, oldPid);
      assert.deepEqual(serverPids(module).filter((p) => p === oldPid), [], 'the killed process is gone');
      await waitUntil(() => states.includes(State.Starting) && states.at(-1) === State.Running, `the client to go through Starting back to Running (states: ${JSON.stringify(states)})`);
      assert.equal(blueprintLint.client().isRunning(), true);

      // the client keeps the old diagnostics over a crash: only a publish after the kill proves the new server linted
      await waitUntil(() => published.includes(true), 'the new server to publish the document\'s diagnostics');
      assert.deepEqual(summary(vscode.languages.getDiagnostics(doc.uri)), before, 'the same finding as before the kill');
      console.log(`[blueprint-lint-tests] server crash: pid ${oldPid} -> ${newPid}, diagnostics back ${Date.now() - killedAt} ms after the kill`);

      // a new edit is linted by the new server: a support lane clears the finding, undo brings it back
      const editor = await vscode.window.showTextDocument(doc);
      const last = doc.lineAt(10);
      assert.match(last.text, /^ {3}- Backstage:/);
      assert.equal(await editor.edit((b) => b.insert(last.range.end, SUPPORT_LINE)), true);
      await waitForDiagnostics(doc.uri, lacksRule(RULE), 'no finding once the step names an authority (linted by the new server)');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original, 'undo removed the support lane');
      const after = summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'the finding back after undo'));
      assert.deepEqual(after, before);
      assert.deepEqual(serverPids(module), [newPid], 'the same new server served the edits: no further restart');
    } finally {
      for (const s of subscriptions) s.dispose();
    }
  });
});
