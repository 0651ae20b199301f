// The server's diagnostics through the real protocol: what is published, when, and when it is cleared.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspSession, fixturesDir, uriOf } from './lspSession.js';
import { fixtureText, rangeOf } from './fixtures.js';

const HOTEL = join(fixturesDir, 'hotel', 'check-in.blueprint.md');
const DESK = join(fixturesDir, 'support-desk.md');
const README = join(fixturesDir, 'notes', 'README.md');
const DOCS = 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md';

/** A path beside the fixture with its own name, so tests sharing one server never share a document. */
function variant(path: string, tag: string): string {
  return path.replace(/(\.blueprint)?\.md$/, (ext) => `-${tag}${ext}`);
}

describe('protocol: diagnostics', function () {
  /** One server for the tests that need default settings; the others start their own. */
  let shared: LspSession;
  let session: LspSession | undefined;
  before(async () => {
    shared = await LspSession.start({ workspaceFolders: [fixturesDir], capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
  });
  after(async () => shared?.stop());
  afterEach(async () => {
    await session?.stop();
    session = undefined;
  });

  it('advertises UTF-16 positions, incremental sync, quick fixes, fix-all and its commands', async () => {
    const caps = shared.initializeResult.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.blueprintLint'], resolveProvider: true });
    assert.deepEqual(caps.executeCommandProvider?.commands, ['blueprintLint.showDocs', 'blueprintLint.addVocabulary', 'blueprintLint.applyAllFixes']);
  });

  it('publishes one diagnostic per flagged step with rule code, docs link, range, severity, message and the step title', async () => {
    const session = shared;
    const text = fixtureText('hotel/check-in.blueprint.md');
    const uri = session.open(variant(HOTEL, 'one'), text);
    const published = await session.nextDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, [
      {
        range: rangeOf(text, 'in under 2 minutes'),
        severity: 2,
        code: 'benefit-needs-support',
        codeDescription: { href: DOCS },
        source: 'blueprint-lint',
        message: 'Name the employee resource, tool or authority behind "in under 2 minutes": step "Check-in" promises it but names none.',
        data: { ruleId: 'benefit-needs-support', index: 0, version: 1 },
        relatedInformation: [{ location: { uri, range: rangeOf(text, 'Check-in') }, message: 'Step "Check-in"' }],
      },
    ]);
  });

  it('counts columns in UTF-16 code units (an emoji before the phrase)', async () => {
    const session = shared;
    const text = fixtureText('support-desk.md');
    const uri = session.open(variant(DESK, 'utf16'), text);
    const [d] = (await session.nextDiagnostics(uri)).diagnostics;
    // "   - Frontstage: 🛎️ The agent promises an answer " is 50 UTF-16 code units but 49 code points.
    assert.deepEqual(d?.range, { start: { line: 7, character: 50 }, end: { line: 7, character: 65 } });
    assert.deepEqual(d?.range, rangeOf(text, 'within the hour'));
    assert.equal([...text.split('\n')[7]!.slice(0, 50)].length, 49);
    assert.equal(d?.message, 'Name the employee resource, tool or authority behind "within the hour": step "Open a ticket" promises it but names none.');
  });

  it('publishes an empty list for Markdown that is not a blueprint, and nothing for other languages', async () => {
    const session = shared;
    const plain = session.open(join(fixturesDir, 'notes', 'todo-plain.txt'), 'A free upgrade for everyone.\n', 'plaintext');
    const readme = session.open(variant(README, 'plain'), fixtureText('notes/README.md'));
    assert.deepEqual((await session.nextDiagnostics(readme)).diagnostics, []);
    // The server handles notifications in order: had it linted the text file, that publish would have come first.
    assert.deepEqual(
      session.diagnostics.all.filter((p) => p.uri === plain),
      [],
    );
  });

  it('re-lints on change and clears when the file stops being a blueprint', async () => {
    const session = shared;
    const text = fixtureText('support-desk.md');
    const uri = session.open(variant(DESK, 'relint'), text);
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.replace(uri, 'within the hour.', 'within the hour after checking the CRM.');
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
    const session = shared;
    const text = fixtureText('hotel/check-in.blueprint.md');
    const uri = session.open(variant(HOTEL, 'stale'), text);
    const first = await session.nextDiagnostics(uri);
    assert.equal(first.version, 1);
    // Two changes within the debounce window: only the newest version is linted and published.
    session.replace(uri, 'in under 2 minutes', 'in under 2 minutes with a same-day refund');
    session.replace(uri, 'in under 2 minutes with a same-day refund', 'politely');
    const next = await session.nextDiagnostics(uri);
    assert.equal(next.version, 3);
    assert.deepEqual(next.diagnostics, []);
  });

  it('clears diagnostics when the document is closed', async () => {
    const session = shared;
    const uri = session.open(variant(HOTEL, 'close'), fixtureText('hotel/check-in.blueprint.md'));
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.close(uri);
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  it('with run: onSave, lints on open and save only', async () => {
    session = await LspSession.start({ workspaceFolders: [fixturesDir], configuration: () => ({ run: 'onSave', debounceMs: 0 }) });
    const uri = session.open(HOTEL, fixtureText('hotel/check-in.blueprint.md'));
    assert.equal((await session.nextDiagnostics(uri)).diagnostics.length, 1);
    session.replace(uri, 'in under 2 minutes', 'politely');
    const status = await session.request<{ problems: number }>('blueprintLint/status', { uri });
    // The status request is answered after the change was handled: no publish came in between.
    assert.equal(status.problems, 1);
    assert.deepEqual(
      session.diagnostics.pending((p) => p.uri === uri),
      [],
    );
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
    const session = shared;
    const uri = session.open(variant(HOTEL, 'status'), fixtureText('hotel/check-in.blueprint.md'));
    const expected = { uri, isBlueprint: true, reason: 'glob', steps: 3, problems: 1, enabled: true };
    assert.deepEqual(await session.nextNotification('blueprintLint/statusChanged', uri), expected);
    assert.deepEqual(await session.request('blueprintLint/status', { uri }), expected);
    const readme = session.open(variant(README, 'status'), fixtureText('notes/README.md'));
    assert.deepEqual(await session.nextNotification('blueprintLint/statusChanged', readme), { uri: readme, isBlueprint: false, reason: 'none', steps: 0, problems: 0, enabled: true });
    assert.deepEqual(await session.request('blueprintLint/status', { uri: uriOf('/nowhere/x.md') }), {
      uri: uriOf('/nowhere/x.md'),
      isBlueprint: false,
      reason: 'not-open',
      steps: 0,
      problems: 0,
      enabled: true,
    });
  });
});
