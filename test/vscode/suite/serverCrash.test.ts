import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node.js';
import type { GaveUp } from '../../../client/src/crashPolicy.js';
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

/** One entry per diagnostics change of `uri` from now on: does it hold the rule's finding? (The client keeps old diagnostics over a crash.) */
function recordPublishes(uri: vscode.Uri): { published: boolean[]; subscription: vscode.Disposable } {
  const published: boolean[] = [];
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) published.push(hasRule(RULE)(vscode.languages.getDiagnostics(uri)));
  });
  return { published, subscription };
}

const summary = (ds: vscode.Diagnostic[]) => ofRule(RULE, ds).map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]);

describe('Blueprint Lint in VS Code: server crash', function () {
  before(function () {
    if (process.platform === 'win32') this.skip(); // serverProcess.ts reads /proc or `ps`: none on Windows
  });
  afterEach(async () => {
    await resetEditors();
    // a failed test here may leave the client stopped: the suites after this one need a running server
    if (!(await api()).client().isRunning()) await vscode.commands.executeCommand('blueprintLint.restartServer');
  });

  it('restarts the server after its process is killed (SIGKILL), then publishes and follows edits again', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    const original = doc.getText();
    const before = summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic before the kill'));
    assert.equal(before.length, 1);
    const module = serverModule();
    const [oldPid] = await waitForServerPids(module, (pids) => pids.length === 1, 'exactly one server process below this extension host');

    const states: State[] = [];
    const { published, subscription: publishes } = recordPublishes(doc.uri);
    const subscriptions = [blueprintLint.client().onDidChangeState((e) => states.push(e.newState)), publishes];
    try {
      const killedAt = Date.now();
      process.kill(oldPid!, 'SIGKILL');
      const [newPid] = await waitForServerPids(module, (pids) => pids.length === 1 && pids[0] !== oldPid, 'a new server process in place of the killed one');
      assert.notEqual(newPid, oldPid);
      assert.deepEqual(
        serverPids(module).filter((p) => p === oldPid),
        [],
        'the killed process is gone',
      );
      await waitUntil(() => states.includes(State.Starting) && states.at(-1) === State.Running, `the client to go through Starting back to Running (states: ${JSON.stringify(states)})`);
      assert.equal(blueprintLint.client().isRunning(), true);

      // the client keeps the old diagnostics over a crash: only a publish after the kill proves the new server linted
      await waitUntil(() => published.includes(true), "the new server to publish the document's diagnostics");
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

  it('restarts a server killed while the client is writing to it (the write errors must not shut the client down)', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    const before = summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic'));
    const module = serverModule();
    let [pid] = await waitForServerPids(module, (pids) => pids.length === 1, 'one server process');
    // three kills, each followed at once by writes the dead process cannot take (EPIPE, "Channel closed")
    for (let crash = 1; crash <= 3; crash++) {
      const { published, subscription } = recordPublishes(doc.uri);
      try {
        process.kill(pid!, 'SIGKILL');
        // writes until the client sees the close: those after the IPC channel went fail ("Channel closed", "EPIPE")
        const client = blueprintLint.client();
        const writes: Promise<unknown>[] = [];
        while (client.state === State.Running && writes.length < 10_000) {
          for (let i = 0; i < 5; i++) writes.push(client.sendNotification('$/blueprintLint/ping').catch(() => undefined));
          await new Promise((r) => setImmediate(r));
        }
        await Promise.all(writes);
        const old = pid;
        [pid] = await waitForServerPids(module, (pids) => pids.length === 1 && pids[0] !== old, `a new server after crash ${crash} during writes`);
        await waitUntil(() => blueprintLint.client().isRunning(), `the client running again after crash ${crash} (state ${blueprintLint.client().state})`);
        await waitUntil(() => published.includes(true), `the new server to publish after crash ${crash}`);
        assert.deepEqual(summary(vscode.languages.getDiagnostics(doc.uri)), before);
      } finally {
        subscription.dispose();
      }
    }
  });

  it('stops restarting after 5 crashes in 3 minutes, clears the stale diagnostics, and "Restart Language Server" brings it back', async () => {
    const blueprintLint = await api();
    const doc = await open('hotel/checkin.blueprint.md');
    const before = summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic'));
    const module = serverModule();
    // a restart the user asks for starts a fresh budget: the crash in the test before must not count
    await vscode.commands.executeCommand('blueprintLint.restartServer');
    let [pid] = await waitForServerPids(module, (pids) => pids.length === 1, 'one server process after the restart command');

    const gaveUp: GaveUp[] = [];
    const subscription = blueprintLint.onDidGiveUpRestarting((e) => gaveUp.push(e));
    try {
      for (let crash = 1; crash <= 5; crash++) {
        process.kill(pid!, 'SIGKILL');
        const old = pid;
        [pid] = await waitForServerPids(module, (pids) => pids.length === 1 && pids[0] !== old, `a new server after crash ${crash}`);
        await waitUntil(() => blueprintLint.client().isRunning(), `the client running again after crash ${crash}`);
      }
      assert.deepEqual(gaveUp, [], 'five crashes are restarted');

      process.kill(pid!, 'SIGKILL');
      await waitUntil(() => gaveUp.length > 0 && blueprintLint.client().state === State.Stopped, 'the client to give up after the sixth crash');
      assert.deepEqual(gaveUp, [{ crashes: 6, message: 'Blueprint Lint: the language server crashed 6 times in 3 minutes and was not restarted. See the Blueprint Lint output for details.' }]);
      assert.deepEqual(await waitForServerPids(module, (pids) => pids.length === 0, 'no server process'), []);
      // the findings of a server that is gone are not left standing as if they were current
      await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, "the dead server's diagnostics cleared");

      await vscode.commands.executeCommand('blueprintLint.restartServer');
      assert.equal(blueprintLint.client().isRunning(), true);
      const [fresh] = await waitForServerPids(module, (pids) => pids.length === 1, 'a server process after "Restart Language Server"');
      assert.notEqual(fresh, pid);
      assert.deepEqual(summary(await waitForDiagnostics(doc.uri, hasRule(RULE), 'diagnostics back after the restart command')), before);
    } finally {
      subscription.dispose();
    }
  });
});
