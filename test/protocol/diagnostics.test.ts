// The server's diagnostics through the real protocol: what is published, when, and when it is cleared.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspSession, fixturesDir, uriOf } from './lspSession.js';
import { fixtureText, rangeOf } from './fixtures.js';

const HOTEL = join(fixturesDir, 'hotel', 'check-in.blueprint.md');
const DESK = join(fixturesDir, 'support-desk.md');
const README = join(fixturesDir, 'notes', 'README.md');
const DOCS = 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md';

describe('protocol: diagnostics', function () {
  let session: LspSession;
  afterEach(async () => session?.stop());

  it('advertises UTF-16 positions, incremental sync, quick fixes, fix-all and its commands', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir], capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
    const caps = session.initializeResult.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.blueprintLint'], resolveProvider: false });
    assert.deepEqual(caps.executeCommandProvider?.commands, ['blueprintLint.showDocs', 'blueprintLint.addVocabulary', 'blueprintLint.applyAllFixes']);
  });

  it('publishes one diagnostic per flagged step with rule code, docs link, range, severity, message and the step title', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const text = fixtureText('hotel/check-in.blueprint.md');
    const uri = session.open(HOTEL, text);
    const published = await session.nextDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, [
      {
        range: rangeOf(text, 'free upgrade'),
        severity: 2,
        code: 'benefit-needs-support',
        codeDescription: { href: DOCS },
        source: 'blueprint-lint',
        message: 'Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.',
        data: { ruleId: 'benefit-needs-support', index: 0, version: 1 },
        relatedInformation: [{ location: { uri, range: rangeOf(text, 'Check-in') }, message: 'Step "Check-in"' }],
      },
    ]);
  });

  it('counts columns in UTF-16 code units (an emoji before the phrase)', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const text = fixtureText('support-desk.md');
    const uri = session.open(DESK, text);
    const [d] = (await session.nextDiagnostics(uri)).diagnostics;
    // "   - Frontstage: 🛎️ The agent offers a " is 40 UTF-16 code units but 39 code points.
    assert.deepEqual(d?.range, { start: { line: 7, character: 40 }, end: { line: 7, character: 52 } });
    assert.deepEqual(d?.range, rangeOf(text, 'free upgrade'));
    assert.equal([...text.split('\n')[7]!.slice(0, 40)].length, 39);
    assert.equal(d?.message, 'Step "Open a ticket" promises "free upgrade" but names no employee resource, tool or authority behind it.');
  });

  it('publishes an empty list for Markdown that is not a blueprint, and nothing for other languages', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const plain = session.open(join(fixturesDir, 'notes', 'todo.txt'), 'A free upgrade for everyone.\n', 'plaintext');
    const readme = session.open(README, fixtureText('notes/README.md'));
    assert.deepEqual((await session.nextDiagnostics(readme)).diagnostics, []);
    // The server handles notifications in order: had it linted the text file, that publish would have come first.
    assert.deepEqual(session.diagnostics.all.filter((p) => p.uri === plain), []);
  });

  it('re-lints on change and clears when the file stops being a blueprint', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir], initializationOptions: { debounceMs: 0 } });
    const text = fixtureText('support-desk.md');
    const uri = session.open(DESK, text);
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.replace(uri, 'premium support.', 'premium support after checking the CRM.');
    const afterSupport = await session.nextDiagnostics(uri);
    assert.deepEqual([afterSupport.version, afterSupport.diagnostics], [2, []]);
    session.replace(uri, ' after checking the CRM', '');
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    // Without the front matter and lane labels it is plain Markdown.
    session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, newText: '# Notes\n\nA free upgrade, always.\n' }]);
    const cleared = await session.nextDiagnostics(uri);
    assert.deepEqual([cleared.version, cleared.diagnostics], [4, []]);
  });

  it('drops the lint of a version that changed before it was published (default debounce)', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const text = fixtureText('hotel/check-in.blueprint.md');
    const uri = session.open(HOTEL, text);
    const first = await session.nextDiagnostics(uri);
    assert.equal(first.version, 1);
    // Two changes within the debounce window: only the newest version is linted and published.
    session.replace(uri, 'free upgrade', 'free upgrade and a same-day refund');
    session.replace(uri, 'free upgrade and a same-day refund', 'room key');
    const next = await session.nextDiagnostics(uri);
    assert.equal(next.version, 3);
    assert.deepEqual(next.diagnostics, []);
  });

  it('clears diagnostics when the document is closed', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const uri = session.open(HOTEL, fixtureText('hotel/check-in.blueprint.md'));
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.close(uri);
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('with run: onSave, lints on open and save only', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir], configuration: () => ({ run: 'onSave', debounceMs: 0 }) });
    const uri = session.open(HOTEL, fixtureText('hotel/check-in.blueprint.md'));
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.replace(uri, 'free upgrade', 'room key');
    const status = await session.request<{ problems: number }>('blueprintLint/status', { uri });
    // The status request is answered after the change was handled: no publish came in between.
    assert.equal(status.problems, 1);
    assert.deepEqual(session.diagnostics.pending((p) => p.uri === uri), []);
    session.save(uri);
    const saved = await session.nextDiagnostics(uri);
    assert.deepEqual([saved.version, saved.diagnostics], [2, []]);
  });

  it('enable: false clears the diagnostics of open documents', async () => {
    let enable = true;
    session = await LspSession.start({ workspaceFolders: [fixturesDir], configuration: () => ({ enable }) });
    const uri = session.open(HOTEL, fixtureText('hotel/check-in.blueprint.md'));
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    enable = false;
    session.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
    const status = await session.request('blueprintLint/status', { uri });
    assert.deepEqual(status, { uri, isBlueprint: false, reason: 'disabled', steps: 0, problems: 0, enabled: false });
  });

  it('skips files over maxFileSize with one information diagnostic at 0:0 saying why', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir], configuration: () => ({ maxFileSize: 100 }) });
    const text = fixtureText('hotel/check-in.blueprint.md');
    const uri = session.open(HOTEL, text);
    const { diagnostics } = await session.nextDiagnostics(uri);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'blueprint-lint',
        code: 'file-too-large',
        message: `Blueprint Lint skipped this file: it is ${Buffer.byteLength(text)} bytes, over the blueprintLint.maxFileSize limit of 100 bytes.`,
      },
    ]);
  });

  it('answers blueprintLint/status and sends blueprintLint/statusChanged after each lint', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir] });
    const uri = session.open(HOTEL, fixtureText('hotel/check-in.blueprint.md'));
    const expected = { uri, isBlueprint: true, reason: 'glob', steps: 3, problems: 1, enabled: true };
    assert.deepEqual(await session.nextNotification('blueprintLint/statusChanged'), expected);
    assert.deepEqual(await session.request('blueprintLint/status', { uri }), expected);
    const readme = session.open(README, fixtureText('notes/README.md'));
    assert.deepEqual(await session.nextNotification('blueprintLint/statusChanged'), { uri: readme, isBlueprint: false, reason: 'none', steps: 0, problems: 0, enabled: true });
    assert.deepEqual(await session.request('blueprintLint/status', { uri: uriOf('/nowhere/x.md') }), {
      uri: uriOf('/nowhere/x.md'), isBlueprint: false, reason: 'not-open', steps: 0, problems: 0, enabled: true,
    });
  });
});
