// Settings and config files through the real protocol: pulled per document, watched, merged like the CLI, errors shown in place.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession, uriOf } from './lspSession.js';
import { fixtureText, tempWorkspace } from './fixtures.js';

const HOTEL_TEXT = fixtureText('hotel/check-in.blueprint.md');
const RULE = 'benefit-needs-support';

describe('protocol: settings and config files', function () {
  let session: LspSession;
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(async () => {
    await session?.stop();
    ws.dispose();
  });

  const hotel = (): string => join(ws.dir, 'hotel', 'check-in.blueprint.md');
  const severities = (p: { diagnostics: Array<{ code?: unknown; severity?: number }> }): Array<[unknown, number | undefined]> => p.diagnostics.map((d) => [d.code, d.severity]);

  it('pulls blueprintLint settings per document and re-pulls after didChangeConfiguration', async () => {
    let rules: Record<string, string> = {};
    session = await LspSession.start({ workspaceFolders: [ws.dir], configuration: (_scope, section) => (section === 'blueprintLint' ? { rules, debounceMs: 0 } : null) });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 2]]);
    const pulled = session.requests.find((r) => r.method === 'workspace/configuration');
    assert.deepEqual(pulled?.params, { items: [{ scopeUri: uri, section: 'blueprintLint' }] });
    rules = { [RULE]: 'error' };
    session.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 1]]);
  });

  it('uses initializationOptions, then pushed settings, when the client cannot answer workspace/configuration', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { blueprintLint: { rules: { [RULE]: 'info' } } } });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 3]]);
    assert.equal(session.requests.filter((r) => r.method === 'workspace/configuration').length, 0);
    session.notify('workspace/didChangeConfiguration', { settings: { blueprintLint: { rules: { [RULE]: 'error' } } } });
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 1]]);
  });

  it('logs wrong settings (they have no file position) and lints on with defaults for them', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], configuration: () => ({ debounceMs: -5, rules: { 'benefit-needs-suport': 'error' } }) });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 2]]);
    const logs = session.notifications.all.filter((n) => n.method === 'window/logMessage').map((n) => n.params as { type: number; message: string });
    assert.ok(
      logs.some((l) => l.type === 2 && l.message.includes('"blueprintLint.debounceMs" must be a whole number')),
      JSON.stringify(logs),
    );
    assert.ok(
      logs.some((l) => l.type === 2 && /unknown rule "benefit-needs-suport"/.test(l.message)),
      JSON.stringify(logs),
    );
  });

  it('registers a watcher for config files when the client allows dynamic registration', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    // Any request after `initialized` is answered after the registration was sent (the server handles messages in order).
    await session.request('blueprintLint/status', { uri: uriOf(hotel()) });
    const registration = session.requests.find((r) => r.method === 'client/registerCapability');
    assert.deepEqual(registration?.params, {
      registrations: [
        {
          id: (registration?.params as { registrations: Array<{ id: string }> }).registrations[0]!.id,
          method: 'workspace/didChangeWatchedFiles',
          registerOptions: { watchers: [{ globPattern: '**/.blueprintlint.{json,jsonc,yaml,yml}' }] },
        },
      ],
    });
  });

  it('re-lints open documents when a watched config file appears, changes or goes', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 } });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 2]]);
    const config = join(ws.dir, '.blueprintlint.jsonc');
    writeFileSync(config, `// team config\n{ "rules": { "${RULE}": "error" } }\n`);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 1]]);
    writeFileSync(config, `{ "rules": { "${RULE}": "off" } }\n`);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('merges settings over the config file, as the CLI does with --settings', async () => {
    writeFileSync(join(ws.dir, '.blueprintlint.json'), JSON.stringify({ rules: { [RULE]: 'error' } }));
    session = await LspSession.start({ workspaceFolders: [ws.dir], configuration: () => ({ rules: { [RULE]: 'info' } }) });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 3]]);
  });

  it("puts a broken config file's error on the config file itself and keeps linting with defaults", async () => {
    const config = join(ws.dir, '.blueprintlint.json');
    writeFileSync(config, '{\n  "rules": {\n    "benefit-needs-suport": "error"\n  }\n}\n');
    session = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 } });
    const uri = session.open(hotel(), HOTEL_TEXT);
    const onConfig = await session.nextDiagnostics(uriOf(config));
    assert.equal(onConfig.diagnostics.length, 1);
    const [error] = onConfig.diagnostics;
    assert.deepEqual(error!.range.start, { line: 2, character: 4 });
    assert.equal(error!.severity, 1);
    assert.equal(error!.source, 'blueprint-lint');
    assert.match(error!.message, /unknown rule "benefit-needs-suport".*benefit-needs-support/);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 2]]);
    // Fixing the file clears its diagnostic, whether or not it is open in the editor.
    writeFileSync(config, `{ "rules": { "${RULE}": "error" } }\n`);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    assert.deepEqual((await session.nextDiagnostics(uriOf(config))).diagnostics, []);
    assert.deepEqual(severities(await session.nextDiagnostics(uri)), [[RULE, 1]]);
  });

  it('reports a JSON syntax error at its position', async () => {
    const config = join(ws.dir, '.blueprintlint.jsonc');
    writeFileSync(config, '{\n  "rules": {\n    "benefit-needs-support": "error",,\n  }\n}\n');
    session = await LspSession.start({ workspaceFolders: [ws.dir] });
    session.open(hotel(), HOTEL_TEXT);
    const [error] = (await session.nextDiagnostics(uriOf(config))).diagnostics;
    assert.equal(error?.range.start.line, 2);
    assert.equal(error?.range.start.character, 37);
  });

  it('publishes nothing for a file the config ignores, and says so in the status', async () => {
    writeFileSync(join(ws.dir, '.blueprintlint.jsonc'), '{ "ignores": ["hotel/**"] }');
    session = await LspSession.start({ workspaceFolders: [ws.dir] });
    const uri = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
    assert.deepEqual(await session.request('blueprintLint/status', { uri }), { uri, isBlueprint: false, reason: 'ignored', steps: 0, problems: 0, enabled: true });
  });

  it('gives each workspace folder its own config (multi-root)', async () => {
    const strict = join(ws.dir, 'strict');
    const relaxed = join(ws.dir, 'relaxed');
    mkdirSync(strict);
    mkdirSync(relaxed);
    writeFileSync(join(strict, '.blueprintlint.jsonc'), `{ "rules": { "${RULE}": "error" } }`);
    writeFileSync(join(relaxed, '.blueprintlint.jsonc'), `{ "rules": { "${RULE}": "info" } }`);
    session = await LspSession.start({ workspaceFolders: [strict, relaxed] });
    const a = session.open(join(strict, 'check-in.blueprint.md'), HOTEL_TEXT);
    const b = session.open(join(relaxed, 'check-in.blueprint.md'), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(a)), [[RULE, 1]]);
    assert.deepEqual(severities(await session.nextDiagnostics(b)), [[RULE, 3]]);
  });

  it('applies overrides by glob and the profile a front matter names, like the CLI; an unknown profile is an error at its value', async () => {
    writeFileSync(join(ws.dir, '.blueprintlint.jsonc'), JSON.stringify({ overrides: [{ files: ['hotel/**'], rules: { [RULE]: 'error' } }], profiles: { draft: { rules: { [RULE]: 'info' } } } }));
    session = await LspSession.start({ workspaceFolders: [ws.dir], initializationOptions: { debounceMs: 0 } });
    const inHotel = session.open(hotel(), HOTEL_TEXT);
    assert.deepEqual(severities(await session.nextDiagnostics(inHotel)), [[RULE, 1]]);
    const draft = session.open(join(ws.dir, 'draft.blueprint.md'), `---\nprofile: draft\n---\n${HOTEL_TEXT}`);
    assert.deepEqual(severities(await session.nextDiagnostics(draft)), [[RULE, 3]]);
    const typo = session.open(join(ws.dir, 'typo.blueprint.md'), `---\nprofile: drfat\n---\n${HOTEL_TEXT}`);
    const diagnostics = (await session.nextDiagnostics(typo)).diagnostics;
    assert.deepEqual(severities({ diagnostics }), [
      [RULE, 2],
      ['config-profile', 1],
    ]);
    assert.deepEqual(diagnostics[1]!.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } });
    assert.equal(diagnostics[1]!.message, 'unknown profile "drfat"; did you mean "draft"?');
  });

  it('raises a setting below the policy minimum, says so in the diagnostic and logs the setting that tried to lower it', async () => {
    const config = join(ws.dir, '.blueprintlint.jsonc');
    writeFileSync(config, JSON.stringify({ policy: { minimumSeverity: { [RULE]: 'warning' } } }));
    session = await LspSession.start({ workspaceFolders: [ws.dir], configuration: (_scope, section) => (section === 'blueprintLint' ? { rules: { [RULE]: 'off' }, debounceMs: 0 } : null) });
    const uri = session.open(hotel(), HOTEL_TEXT);
    const [diagnostic, ...rest] = (await session.nextDiagnostics(uri)).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(diagnostic!.code, RULE);
    assert.equal(diagnostic!.severity, 2);
    assert.match(diagnostic!.message, / \(raised to warning by team policy in \.blueprintlint\.jsonc\)$/);
    // the editor points at the policy line: the rule's key under policy.minimumSeverity
    const key = `"${RULE}"`;
    const at = readFileSync(config, 'utf8').indexOf(key);
    const related = (diagnostic as { relatedInformation?: Array<{ location: unknown; message: string }> }).relatedInformation ?? [];
    assert.deepEqual(related.slice(1), [
      {
        location: { uri: uriOf(config), range: { start: { line: 0, character: at }, end: { line: 0, character: at + key.length } } },
        message: `Rule "${RULE}": "off" from settings raised to "warning" by team policy in .blueprintlint.jsonc`,
      },
    ]);
    const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: (diagnostic as { range: { start: unknown } }).range.start });
    assert.match(hover?.contents.value ?? '', new RegExp(`Rule "${RULE}": "off" from settings raised to "warning" by team policy in \\.blueprintlint\\.jsonc \\(line 1\\)`));
    const logs = session.notifications.all.filter((n) => n.method === 'window/logMessage').map((n) => n.params as { type: number; message: string });
    const expected = `Blueprint Lint rule "${RULE}": "off" from settings raised to "warning" by team policy in ${config}`;
    assert.deepEqual(
      logs.filter((l) => l.message.includes('team policy')),
      [{ type: 3, message: expected }],
    );
  });
});
