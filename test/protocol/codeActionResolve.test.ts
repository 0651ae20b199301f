// codeAction/resolve through the real protocol: fixes offered as intents, edits computed on resolve, stale resolves refused.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ClientCapabilities, CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, applyFixes } from '../../server/src/engine/fix.js';
import { lint } from '../../server/src/engine/lint.js';
import { applyText, editsFor, LspSession } from './lspSession.js';
import { fixtureText, rangeOf, tempWorkspace } from './fixtures.js';

const HOTEL_TEXT = fixtureText('hotel/check-in.blueprint.md');
const TYPO_TEXT = [
  '# Bike repair',
  '',
  '## Drop-off',
  '',
  '- **Customer:** The rider leaves the bike.',
  '- **Frontstage:** The mechanic writes a ticket.',
  '- **Backstgae:** The workshop lead checks the parts stock.',
  '',
].join('\n');
const ADD_SUPPORT = 'Add a support lane to "Check-in"';
const RESOLVE_CAPS: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true } },
  textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};
/** The engine's fixes and the disable-file fix: the actions whose edits wait for resolve. */
const INTENT_TITLES = [
  ADD_SUPPORT,
  'Name the tool the employee uses',
  'Name the authority the employee has',
  'Name the resource the employee has',
  'Disable benefit-needs-support for this step',
  'Disable benefit-needs-support for this file',
];

function actionsFor(session: LspSession, uri: string, diagnostic: Diagnostic, only = ['quickfix']): Promise<CodeAction[]> {
  return session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((a) => a.title === title);
  assert.ok(found, `no action "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

/** The error a request answered with (fails when it answered normally). */
async function errorOf(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await request;
  } catch (e) {
    const { code, message } = e as { code: number; message: string };
    return { code, message };
  }
  assert.fail('the request succeeded');
}

describe('protocol: codeAction/resolve', function () {
  let lazy: LspSession;
  let eager: LspSession;
  let ws: ReturnType<typeof tempWorkspace>;
  let documents = 0;
  before(async () => {
    ws = tempWorkspace();
    const start = (capabilities: ClientCapabilities) => LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 }, capabilities });
    [lazy, eager] = await Promise.all([start(RESOLVE_CAPS), start({ workspace: { workspaceEdit: { documentChanges: true } } })]);
  });
  after(async () => {
    await Promise.all([lazy?.stop(), eager?.stop()]);
    ws?.dispose();
  });

  async function open(session: LspSession, text = HOTEL_TEXT): Promise<{ uri: string; diagnostic: Diagnostic }> {
    const uri = session.open(join(ws.dir, 'hotel', `resolve-${++documents}.blueprint.md`), text);
    const [diagnostic] = (await session.nextDiagnostics(uri)).diagnostics;
    assert.ok(diagnostic);
    return { uri, diagnostic };
  }

  it('the server advertises resolve support', () => {
    assert.deepEqual(lazy.initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.blueprintLint'], resolveProvider: true });
  });

  it('offers fixes without an edit; the resolved "Add a support lane" carries the exact edit for the offered version', async () => {
    const { uri, diagnostic } = await open(lazy);
    const actions = await actionsFor(lazy, uri, diagnostic);
    for (const title of INTENT_TITLES) {
      const action = byTitle(actions, title);
      assert.equal(action.edit, undefined, `"${title}" came with an edit`);
      assert.deepEqual((action.data as { uri: string; version: number }).version, 1);
    }
    const resolved = await lazy.request<CodeAction>('codeAction/resolve', byTitle(actions, ADD_SUPPORT));
    assert.deepEqual(resolved, {
      title: ADD_SUPPORT,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        documentChanges: [
          {
            textDocument: { uri, version: 1 },
            edits: [{ range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } }, newText: '\n- **Support:** TBD' }],
          },
        ],
      },
    });
    lazy.change(uri, editsFor(resolved.edit!, uri));
    const after = await lazy.nextDiagnostics(uri);
    assert.match(after.diagnostics[0]!.message, /^Fill in the placeholder support lane of step "Check-in"/);
  });

  it('every resolved fix makes the same text as the eager edit a client without resolve support gets', async () => {
    const [offered, direct] = await Promise.all([open(lazy), open(eager)]);
    const [lazyActions, eagerActions] = await Promise.all([actionsFor(lazy, offered.uri, offered.diagnostic), actionsFor(eager, direct.uri, direct.diagnostic)]);
    for (const title of INTENT_TITLES) {
      const eagerAction = byTitle(eagerActions, title);
      assert.equal(eagerAction.data, undefined);
      const resolved = await lazy.request<CodeAction>('codeAction/resolve', byTitle(lazyActions, title));
      assert.equal(applyText(HOTEL_TEXT, editsFor(resolved.edit!, offered.uri)), applyText(HOTEL_TEXT, editsFor(eagerAction.edit!, direct.uri)), title);
    }
  });

  it("writes, eagerly and on resolve, the edits of a lint without caches (the CLI's), for every fix and for fix-all", async () => {
    for (const [folder, text] of [
      ['hotel', HOTEL_TEXT],
      ['bike', TYPO_TEXT],
    ] as const) {
      const path = join(ws.dir, folder, `plain-${++documents}.blueprint.md`);
      const findings = lint(text, { filePath: path }).findings;
      const uris = [lazy.open(path, text), eager.open(path, text)] as const;
      const [lazyDiagnostics, eagerDiagnostics] = await Promise.all([lazy.nextDiagnostics(uris[0]), eager.nextDiagnostics(uris[1])]);
      assert.equal(lazyDiagnostics.diagnostics.length, findings.length);
      let compared = 0;
      for (const [i, finding] of findings.entries()) {
        const [lazyActions, eagerActions] = await Promise.all([actionsFor(lazy, uris[0], lazyDiagnostics.diagnostics[i]!), actionsFor(eager, uris[1], eagerDiagnostics.diagnostics[i]!)]);
        for (const fix of finding.fixes) {
          const want = applyEdits(text, fix.edits).text;
          const resolved = await lazy.request<CodeAction>('codeAction/resolve', byTitle(lazyActions, fix.title));
          assert.equal(applyText(text, editsFor(resolved.edit!, uris[0])), want, `${folder}: ${fix.title}, resolved`);
          assert.equal(applyText(text, editsFor(byTitle(eagerActions, fix.title).edit!, uris[1])), want, `${folder}: ${fix.title}, eager`);
          compared++;
        }
      }
      assert.ok(compared >= 2, `${folder}: only ${compared} fixes compared`);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const fixAll = (session: LspSession, uri: string) =>
        session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
      const [lazyAll, eagerAll] = await Promise.all([fixAll(lazy, uris[0]), fixAll(eager, uris[1])]);
      const fixed = applyFixes(text, findings);
      if (fixed.fixed === 0) {
        assert.deepEqual([lazyAll, eagerAll], [[], []], `${folder}: fix-all offered with nothing safe to fix`);
        continue;
      }
      const resolvedAll = await lazy.request<CodeAction>('codeAction/resolve', lazyAll[0]!);
      assert.equal(applyText(text, editsFor(resolvedAll.edit!, uris[0])), fixed.text, `${folder}: fix-all, resolved`);
      assert.equal(applyText(text, editsFor(eagerAll[0]!.edit!, uris[1])), fixed.text, `${folder}: fix-all, eager`);
    }
  });

  it('a resolve after the document changed answers ContentModified and no edit', async () => {
    const { uri, diagnostic } = await open(lazy);
    const action = byTitle(await actionsFor(lazy, uri, diagnostic), ADD_SUPPORT);
    lazy.replace(uri, '# Hotel check-in', '# Hotel check-in\n\nA new first paragraph.');
    await lazy.nextDiagnostics(uri);
    assert.deepEqual(await errorOf(lazy.request('codeAction/resolve', action)), {
      code: -32801,
      message: `Blueprint Lint: the document changed since "${ADD_SUPPORT}" was offered (version 1, now 2); ask for code actions again`,
    });
  });

  it('a resolve after the document closed answers ContentModified', async () => {
    const { uri, diagnostic } = await open(lazy);
    const action = byTitle(await actionsFor(lazy, uri, diagnostic), ADD_SUPPORT);
    lazy.close(uri);
    assert.deepEqual(await errorOf(lazy.request('codeAction/resolve', action)), { code: -32801, message: `Blueprint Lint: ${uri} was closed since "${ADD_SUPPORT}" was offered` });
  });

  it('an action the server did not offer is refused with InvalidParams', async () => {
    assert.deepEqual(await errorOf(lazy.request('codeAction/resolve', { title: 'Something else', data: { anything: 1 } })), {
      code: -32602,
      message: 'Blueprint Lint: codeAction/resolve got an action it did not offer ("Something else")',
    });
  });

  it('an action offered complete (a command, no data) resolves to itself', async () => {
    const { uri, diagnostic } = await open(lazy);
    const docs = (await actionsFor(lazy, uri, diagnostic)).find((a) => a.title === 'Show documentation for benefit-needs-support');
    assert.ok(docs?.command && docs.data === undefined, 'the documentation action is offered as a command');
    assert.deepEqual(await lazy.request('codeAction/resolve', docs), docs);
  });

  it('fix-all is offered without an edit and resolves to every safe fix', async () => {
    const uri = lazy.open(join(ws.dir, 'bike', `resolve-${++documents}.blueprint.md`), TYPO_TEXT);
    const before = await lazy.nextDiagnostics(uri);
    assert.deepEqual(
      before.diagnostics.filter((d) => d.code === 'unknown-lane').map((d) => d.range),
      [rangeOf(TYPO_TEXT, 'Backstgae')],
    );
    const [action, ...others] = await lazy.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual([action?.title, action?.kind, action?.edit, others], ['Fix all safe Blueprint Lint problems', 'source.fixAll.blueprintLint', undefined, []]);
    const resolved = await lazy.request<CodeAction>('codeAction/resolve', action);
    assert.equal(applyText(TYPO_TEXT, editsFor(resolved.edit!, uri)), TYPO_TEXT.replace('Backstgae', 'Backstage'));
    assert.equal(resolved.data, undefined);
  });

  it('a client that resolves edits but drops data gets eager edits', async () => {
    const session = await LspSession.start({
      workspaceFolders: [ws.dir],
      initializationOptions: { debounceMs: 0 },
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
    });
    try {
      const { uri, diagnostic } = await open(session);
      const action = byTitle(await actionsFor(session, uri, diagnostic), ADD_SUPPORT);
      assert.deepEqual(action.edit, { changes: { [uri]: [{ range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } }, newText: '\n- **Support:** TBD' }] } });
    } finally {
      await session.stop();
    }
  });
});
