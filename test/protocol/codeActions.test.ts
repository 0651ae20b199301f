// Code actions through the real protocol: each quick fix applied to the text, placeholders filled, diagnostics gone.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyText, editsFor, LspSession, uriOf } from './lspSession.js';
import { fixtureText, rangeOf, tempWorkspace } from './fixtures.js';

const DOCS = 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md';
const HOTEL_TEXT = fixtureText('hotel/check-in.blueprint.md');
/** Two misspelt lane labels: unknown-lane's rename fixes are safe, so fix-all has work to do. */
const TYPO_TEXT = [
  '# Bike repair',
  '',
  '## Drop-off',
  '',
  '- **Customer:** The rider leaves the bike.',
  '- **Frontstage:** The mechanic writes a ticket.',
  '- **Backstgae:** The workshop lead checks the parts stock.',
  '',
  '## Pick-up',
  '',
  '- **Customer:** The rider collects the bike.',
  '- **Frontstage:** The mechanic explains the repair.',
  '- **Bakcstage:** The workshop system closes the job.',
  '',
].join('\n');
const EDIT_CAPS = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } };
const SHARED_CAPS = { ...EDIT_CAPS, window: { showDocument: { support: true } } };

async function actionsFor(session: LspSession, uri: string, diagnostic: Diagnostic, only = ['quickfix']): Promise<CodeAction[]> {
  return session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only },
  });
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((a) => a.title === title);
  assert.ok(found, `no action "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

describe('protocol: code actions', function () {
  /** Tests that write no config share one server (each with its own document); the others start their own. */
  let shared: LspSession;
  let sharedWs: ReturnType<typeof tempWorkspace>;
  let session: LspSession;
  let ws: ReturnType<typeof tempWorkspace>;
  let own: LspSession | undefined;
  let documents = 0;
  before(async () => {
    sharedWs = tempWorkspace();
    shared = await LspSession.start({ workspaceFolders: [sharedWs.dir], initializationOptions: { debounceMs: 0 }, capabilities: SHARED_CAPS });
  });
  after(async () => {
    await shared?.stop();
    sharedWs?.dispose();
  });
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(async () => {
    await own?.stop();
    own = undefined;
    ws.dispose();
  });

  /** Opens a copy of the hotel fixture: on the shared server, or on a new one when options are given. */
  async function openHotel(options?: Parameters<typeof LspSession.start>[0]): Promise<{ uri: string; diagnostic: Diagnostic }> {
    let folder = sharedWs.dir;
    if (options) {
      own = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 }, ...options });
      folder = ws.dir;
    }
    session = own ?? shared;
    const uri = session.open(join(folder, 'hotel', `check-in-${++documents}.blueprint.md`), HOTEL_TEXT);
    const [diagnostic] = (await session.nextDiagnostics(uri)).diagnostics;
    assert.ok(diagnostic);
    return { uri, diagnostic };
  }

  it('offers every engine fix, the disable fix, the config fix and the docs link, the add-support fix preferred', async () => {
    const { uri, diagnostic } = await openHotel();
    const actions = await actionsFor(session, uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Add a support lane to "Check-in"', 'quickfix', true],
        ['Name the tool the employee uses', 'quickfix', false],
        ['Name the authority the employee has', 'quickfix', false],
        ['Name the resource the employee has', 'quickfix', false],
        ['Disable benefit-needs-support for this step', 'quickfix', false],
        ['Disable benefit-needs-support for this file', 'quickfix', false],
        ['Treat "in under 2 minutes" as not a benefit', 'quickfix', false],
        ['Show documentation for benefit-needs-support', 'quickfix', false],
      ],
    );
    for (const a of actions) assert.deepEqual(a.diagnostics, [diagnostic]);
    assert.deepEqual(byTitle(actions, 'Show documentation for benefit-needs-support').command, {
      title: 'Show documentation for benefit-needs-support',
      command: 'blueprintLint.showDocs',
      arguments: [DOCS],
    });
  });

  const laneFixes: Array<[string, string]> = [
    ['Add a support lane to "Check-in"', 'Support'],
    ['Name the tool the employee uses', 'Tools'],
    ['Name the authority the employee has', 'Authority'],
    ['Name the resource the employee has', 'Resources'],
  ];
  for (const [title, label] of laneFixes) {
    it(`"${title}" inserts a placeholder lane in the step; filling it clears the diagnostic`, async () => {
      const { uri, diagnostic } = await openHotel();
      const action = byTitle(await actionsFor(session, uri, diagnostic), title);
      const edits = editsFor(action.edit!, uri);
      // Without snippet support the edit is plain text with the TBD placeholder, inside the step.
      assert.deepEqual(edits, [{ range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } }, newText: `\n- **${label}:** TBD` }]);
      session.change(uri, edits);
      assert.match(session.text(uri), new RegExp(`Housekeeping prepares the room\\.\\n- \\*\\*${label}:\\*\\* TBD\\n\\n## Payment`));
      const placeholder = await session.nextDiagnostics(uri);
      assert.equal(placeholder.diagnostics.length, 1);
      assert.equal(placeholder.diagnostics[0]!.message, 'Fill in the placeholder support lane of step "Check-in" with the employee resource, tool or authority behind "in under 2 minutes".');
      session.replace(uri, `**${label}:** TBD`, `**${label}:** Keys are pre-encoded by the night audit.`);
      const filled = await session.nextDiagnostics(uri);
      assert.deepEqual([filled.version, filled.diagnostics], [3, []]);
    });
  }

  it('"Disable benefit-needs-support for this step" adds the comment above the step and clears the diagnostic', async () => {
    const { uri, diagnostic } = await openHotel();
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Disable benefit-needs-support for this step');
    session.change(uri, editsFor(action.edit!, uri));
    assert.match(session.text(uri), /\n\n<!-- blueprint-lint-disable-next-line benefit-needs-support -->\n## Check-in\n/);
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('"Disable benefit-needs-support for this file" puts a disable-file comment on the first line; snippet clients get a reason placeholder', async () => {
    const { uri, diagnostic } = await openHotel();
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Disable benefit-needs-support for this file');
    const edits = editsFor(action.edit!, uri);
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- blueprint-lint-disable-file benefit-needs-support -->\n' }]);
    session.change(uri, edits);
    assert.ok(session.text(uri).startsWith('<!-- blueprint-lint-disable-file benefit-needs-support -->\n# Hotel check-in\n'));
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);

    const snippets = await openHotel({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never } } });
    const withReason = byTitle(await actionsFor(session, snippets.uri, snippets.diagnostic), 'Disable benefit-needs-support for this file');
    assert.deepEqual((withReason.edit!.documentChanges![0] as unknown as { edits: unknown[] }).edits, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        snippet: { kind: 'snippet', value: '<!-- blueprint-lint-disable-file benefit-needs-support -- ${1:reason} -->\n' },
      },
    ]);
  });

  it('a hover on a suppression directive says what it silences, the reason, the expiry and how many findings it silenced', async () => {
    session = shared;
    const hover = async (text: string) => {
      const uri = session.open(join(sharedWs.dir, 'hotel', `directive-${++documents}.blueprint.md`), text);
      await session.nextDiagnostics(uri);
      return session.request<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 10 } });
    };
    const withDirective = (body: string) => HOTEL_TEXT.replace('## Check-in', `<!-- blueprint-lint-disable-next-line ${body} -->\n## Check-in`);
    const active = await hover(withDirective('benefit-needs-support -- keys come from the kiosk (until 2999-12-31)'));
    assert.deepEqual(active, {
      contents: {
        kind: 'markdown',
        value: '**blueprint-lint-disable-next-line**: silences `benefit-needs-support`  \nReason: keys come from the kiosk  \nUntil: 2999-12-31 (inclusive)  \nSilenced here: 1 finding',
      },
      range: { start: { line: 8, character: 0 }, end: { line: 8, character: 110 } },
    });
    const expired = await hover(withDirective('benefit-needs-support, unknown-lane -- old (until 2001-01-31)'));
    assert.equal(
      expired!.contents.value,
      '**blueprint-lint-disable-next-line**: silences `benefit-needs-support`, `unknown-lane`  \nReason: old  \nExpired after 2001-01-31: it silences nothing any more',
    );
    const bare = await hover(withDirective(''));
    assert.equal(bare!.contents.value, '**blueprint-lint-disable-next-line**: silences every rule  \nReason: _none given_ (write one after `--`)  \nSilenced here: 1 finding');
  });

  it('sends LSP 3.18 SnippetTextEdits to clients that support them', async () => {
    const { uri, diagnostic } = await openHotel({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never } } });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Add a support lane to "Check-in"');
    assert.deepEqual(action.edit, {
      documentChanges: [
        {
          textDocument: { uri, version: 1 },
          edits: [
            {
              range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } },
              snippet: { kind: 'snippet', value: '\n- **Support:** ${1:what the employee needs to keep this promise}' },
            },
          ],
        },
      ],
    });
    // The user types over the placeholder.
    session.change(uri, [{ range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } }, newText: '\n- **Support:** Opera PMS upgrade rules' }]);
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('sends snippet text with insertTextFormat 2 to clients with experimental.snippetTextEdit', async () => {
    const { uri, diagnostic } = await openHotel({ capabilities: { experimental: { snippetTextEdit: true } } });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Name the tool the employee uses');
    assert.deepEqual((action.edit as WorkspaceEdit).documentChanges, [
      {
        textDocument: { uri, version: 1 },
        edits: [{ range: { start: { line: 12, character: 48 }, end: { line: 12, character: 48 } }, newText: '\n- **Tools:** ${1:system, checklist or app the employee uses}', insertTextFormat: 2 }],
      },
    ]);
  });

  it('"Treat X as not a benefit" creates .blueprintlint.jsonc in the workspace folder; the diagnostic goes once it is saved', async () => {
    const { uri, diagnostic } = await openHotel({ capabilities: EDIT_CAPS });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Treat "in under 2 minutes" as not a benefit');
    const configPath = join(ws.dir, '.blueprintlint.jsonc');
    const configUri = uriOf(configPath);
    const changes = action.edit!.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    const text = applyText('', editsFor(action.edit!, configUri));
    assert.deepEqual(parseJsonc(text), { vocabulary: { benefit: { remove: ['in under 2 minutes'] } } });
    writeFileSync(configPath, text);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('a hover on a benefit-needs-support finding says what found the promise and that no support was named', async () => {
    const { uri, diagnostic } = await openHotel();
    const hover = await session.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
    assert.equal(hover.contents.kind, 'markdown');
    assert.equal(
      hover.contents.value,
      '**benefit-needs-support**: benefit: "in under 2 minutes" (vocabulary: in under {n} {unit})  \nno resource, tool or authority named in an employee lane or an employee\'s sentence',
    );
    assert.deepEqual(hover.range, diagnostic.range);
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });

  it('"Map X to the frontstage lane" writes the unplaced label to the config\'s lanes; the notice goes once it is saved', async () => {
    own = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 }, capabilities: EDIT_CAPS });
    session = own;
    const text = ['| Stage | Client action | Gear list | Supporting systems |', '|---|---|---|---|', '| Booking | Books a session | Amp and two mics | Calendar |', ''].join('\n');
    const uri = session.open(join(ws.dir, 'studio', `booking-${++documents}.blueprint.md`), text);
    const diagnostics = (await session.nextDiagnostics(uri)).diagnostics.filter((d) => d.code === 'unread-blueprint');
    assert.equal(diagnostics.length, 1);
    const actions = await actionsFor(session, uri, diagnostics[0]!);
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Map')).map((a) => a.title),
      ['customer', 'frontstage', 'backstage', 'support', 'evidence'].map((k) => `Map "Gear list" to the ${k} lane`),
    );
    const action = byTitle(actions, 'Map "Gear list" to the support lane');
    const configPath = join(ws.dir, '.blueprintlint.jsonc');
    const configUri = uriOf(configPath);
    const config = applyText('', editsFor(action.edit!, configUri));
    assert.deepEqual(parseJsonc(config), { lanes: { support: ['Gear list'] } });
    writeFileSync(configPath, config);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.deepEqual(
      (await session.nextDiagnostics(uri)).diagnostics.filter((d) => d.code === 'unread-blueprint'),
      [],
    );
  });

  it('"Treat X as not a benefit" edits an existing JSONC config in place, keeping its comments and layout', async () => {
    const configPath = join(ws.dir, '.blueprintlint.jsonc');
    const before = '// Team rules: ask Ana before changing.\n{\n    "rules": {\n        "benefit-needs-support": "warning" // CI blocks on errors only\n    }\n}\n';
    writeFileSync(configPath, before);
    const { uri, diagnostic } = await openHotel({ capabilities: EDIT_CAPS });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Treat "in under 2 minutes" as not a benefit');
    const after = applyText(before, editsFor(action.edit!, uriOf(configPath)));
    assert.equal(
      after,
      '// Team rules: ask Ana before changing.\n{\n    "rules": {\n        "benefit-needs-support": "warning" // CI blocks on errors only\n    },\n    "vocabulary": {\n        "benefit": {\n            "remove": [\n                "in under 2 minutes"\n            ]\n        }\n    }\n}\n',
    );
  });

  it('"Treat X as not a benefit" edits a YAML config through its document model, keeping comments', async () => {
    const configPath = join(ws.dir, '.blueprintlint.yaml');
    const before = '# team settings\nrules:\n  benefit-needs-support: warning # CI blocks on errors\n';
    writeFileSync(configPath, before);
    const { uri, diagnostic } = await openHotel({ capabilities: EDIT_CAPS });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Treat "in under 2 minutes" as not a benefit');
    const after = applyText(before, editsFor(action.edit!, uriOf(configPath)));
    assert.equal(after, `${before}vocabulary:\n  benefit:\n    remove:\n      - in under 2 minutes\n`);
    writeFileSync(configPath, after);
    // Before the server hears of the change, the diagnostic is still there, but the phrase is listed: no action offers it again.
    const titles = (await actionsFor(session, uri, diagnostic)).map((a) => a.title);
    assert.ok(titles.includes('Add a support lane to "Check-in"') && !titles.some((t) => t.startsWith('Treat "in under 2 minutes"')), JSON.stringify(titles));
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: 2 }] });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('"Treat X as a support term" takes the selected words and adds them as a tool', async () => {
    const { uri, diagnostic } = await openHotel({ capabilities: EDIT_CAPS });
    const selection = rangeOf(HOTEL_TEXT, 'Housekeeping');
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: selection, context: { diagnostics: [diagnostic] } });
    const action = byTitle(actions, 'Treat "Housekeeping" as a support term');
    const configUri = uriOf(join(ws.dir, '.blueprintlint.jsonc'));
    const text = applyText('', editsFor(action.edit!, configUri));
    assert.deepEqual(parseJsonc(text), { vocabulary: { support: { add: { tool: ['Housekeeping'] } } } });
    writeFileSync(join(ws.dir, '.blueprintlint.jsonc'), text);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('without file-creation support the server writes the config file itself through blueprintLint.addVocabulary', async () => {
    const { uri, diagnostic } = await openHotel({});
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Treat "in under 2 minutes" as not a benefit');
    assert.equal(action.edit, undefined);
    assert.equal(action.command?.command, 'blueprintLint.addVocabulary');
    const result = await session.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    assert.deepEqual(result, { applied: true });
    assert.deepEqual(parseJsonc(readFileSync(join(ws.dir, '.blueprintlint.jsonc'), 'utf8')), { vocabulary: { benefit: { remove: ['in under 2 minutes'] } } });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('with addToConfigTarget "settings" the client is asked to change blueprintLint.vocabulary', async () => {
    const { uri, diagnostic } = await openHotel({ configuration: () => ({ addToConfigTarget: 'settings', debounceMs: 0 }) });
    const action = byTitle(await actionsFor(session, uri, diagnostic), 'Treat "in under 2 minutes" as not a benefit');
    assert.equal(action.edit, undefined);
    await session.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    const asked = session.requests.filter((r) => r.method === 'blueprintLint/addVocabulary');
    assert.deepEqual(asked, [{ method: 'blueprintLint/addVocabulary', params: { scopeUri: uriOf(ws.dir), change: { list: 'benefit.remove', phrase: 'in under 2 minutes' } } }]);
  });

  it('blueprintLint.showDocs asks the client to open the rule page (window/showDocument)', async () => {
    const { uri, diagnostic } = await openHotel();
    const docs = byTitle(await actionsFor(session, uri, diagnostic), 'Show documentation for benefit-needs-support');
    await session.request('workspace/executeCommand', docs.command);
    assert.deepEqual(session.requests.filter((r) => r.method === 'window/showDocument').at(-1), { method: 'window/showDocument', params: { uri: DOCS, external: true } });
  });

  it('finds the finding of a diagnostic without data (clients that drop it) by rule and range', async () => {
    const { uri, diagnostic } = await openHotel();
    const { data: _data, relatedInformation: _related, ...bare } = diagnostic;
    const actions = await actionsFor(session, uri, bare);
    assert.equal(actions[0]?.title, 'Add a support lane to "Check-in"');
  });

  it("offers no fix-all when no finding has a safe fix (this rule's fixes all need a person)", async () => {
    const { uri, diagnostic } = await openHotel();
    assert.deepEqual(await actionsFor(session, uri, diagnostic, ['source.fixAll']), []);
  });

  it('source.fixAll.blueprintLint applies every safe fix in one edit; blueprintLint.applyAllFixes does it via workspace/applyEdit', async () => {
    session = shared;
    const text = TYPO_TEXT;
    const uri = session.open(join(sharedWs.dir, 'bike', `repair-${++documents}.blueprint.md`), text);
    const before = await session.nextDiagnostics(uri);
    assert.deepEqual(
      before.diagnostics.filter((d) => d.code === 'unknown-lane').map((d) => d.range),
      [rangeOf(text, 'Backstgae'), rangeOf(text, 'Bakcstage')],
    );
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Fix all safe Blueprint Lint problems', 'source.fixAll.blueprintLint']],
    );
    const fixed = applyText(text, editsFor(actions[0]!.edit!, uri));
    assert.equal(fixed, text.replace('Backstgae', 'Backstage').replace('Bakcstage', 'Backstage'));
    await session.request('workspace/executeCommand', { command: 'blueprintLint.applyAllFixes', arguments: [uri] });
    const applied = session.requests.filter((r) => r.method === 'workspace/applyEdit').at(-1)?.params as { label: string; edit: WorkspaceEdit };
    assert.equal(applied.label, 'Fix all safe Blueprint Lint problems');
    assert.equal(applyText(text, editsFor(applied.edit, uri)), fixed);
    session.change(uri, editsFor(applied.edit, uri));
    const after = await session.nextDiagnostics(uri);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'unknown-lane'),
      [],
    );
  });

  it('publishes diagnostics that re-arrive after each edit in order (sanity of the harness)', async () => {
    const { uri } = await openHotel();
    session.replace(uri, 'in under 2 minutes', 'politely');
    const p: PublishDiagnosticsParams = await session.nextDiagnostics(uri);
    assert.deepEqual([p.version, p.diagnostics], [2, []]);
  });
});
