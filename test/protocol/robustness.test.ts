// Crash containment, workspace-wide linting and the three transports, through the real protocol.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError, SocketMessageReader, SocketMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { LspSession, serverScript, uriOf } from './lspSession.js';
import { fixtureText, tempWorkspace } from './fixtures.js';

const HOTEL_TEXT = fixtureText('hotel/check-in.blueprint.md');

describe('protocol: robustness', function () {
  let session: LspSession;
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(async () => {
    await session?.stop();
    ws.dispose();
  });

  it('answers a request whose handler throws with an error, logs it, and keeps serving', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 } });
    const uri = session.open(join(ws.dir, 'hotel', 'check-in.blueprint.md'), HOTEL_TEXT);
    await session.nextDiagnostics(uri);
    // A malformed request (no range) makes the code-action handler throw.
    const failure = await session.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(failure instanceof ResponseError, `expected a ResponseError, got ${String(failure)}`);
    assert.equal(failure.code, -32603);
    assert.match(failure.message, /^Blueprint Lint: codeAction failed: /);
    const logged = (await session.nextNotification('window/logMessage')) as { type: number; message: string };
    assert.equal(logged.type, 1);
    assert.match(logged.message, /codeAction failed: .*TypeError/s);
    // Still serving: a change is linted and published.
    session.replace(uri, 'in under 2 minutes', 'politely');
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
    assert.equal((await session.request<{ isBlueprint: boolean }>('blueprintLint/status', { uri })).isBlueprint, true);
  });

  it('blueprintLint/lintWorkspace lints every blueprint in the folders and publishes for files not open', async () => {
    // Walked like the CLI walks: .gitignore'd files are skipped.
    mkdirSync(join(ws.dir, 'drafts'));
    writeFileSync(join(ws.dir, 'drafts', 'old.blueprint.md'), HOTEL_TEXT);
    writeFileSync(join(ws.dir, '.gitignore'), 'drafts/\n');
    session = await LspSession.start({ workspaceFolders: [ws.dir] });
    const result = await session.request('blueprintLint/lintWorkspace', null, 120_000);
    assert.deepEqual(result, { filesScanned: 3, blueprints: 2, problems: 2 });
    const hotel = await session.nextDiagnostics(uriOf(join(ws.dir, 'hotel', 'check-in.blueprint.md')));
    const desk = await session.nextDiagnostics(uriOf(join(ws.dir, 'support-desk.md')));
    assert.deepEqual([hotel.diagnostics.map((d) => d.code), desk.diagnostics.map((d) => d.code)], [['benefit-needs-support'], ['benefit-needs-support']]);
    assert.deepEqual(
      session.diagnostics.all.filter((p) => p.uri.endsWith('README.md')),
      [],
    );
  });

  async function initialize(connection: MessageConnection): Promise<InitializeResult> {
    connection.listen();
    return connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  }

  it('serves over --node-ipc', async () => {
    const child = fork(serverScript, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      assert.equal((await initialize(connection)).capabilities.positionEncoding, 'utf-16');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('serves over --socket=PORT (the server connects to the client)', async () => {
    const accepted = new Promise<Socket>((resolve) => {
      const server = createServer((socket) => {
        server.close();
        resolve(socket);
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        const child = fork(serverScript, [`--socket=${port}`], { stdio: 'ignore' });
        void accepted.then((socket) => socket.once('close', () => child.kill()));
      });
    });
    const socket = await accepted;
    const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    try {
      assert.equal((await initialize(connection)).capabilities.positionEncoding, 'utf-16');
    } finally {
      connection.dispose();
      socket.destroy();
    }
  });

  it('refuses to start without a transport and says how to start it', async () => {
    const child = fork(serverScript, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.equal(stderr, 'Usage: blueprint-lint-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  });
});
