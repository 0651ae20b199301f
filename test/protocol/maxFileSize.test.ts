// Files over blueprintLint.maxFileSize are skipped with one information diagnostic, never linted (no freeze).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspSession } from './lspSession.js';
import { fixtureText, tempWorkspace } from './fixtures.js';

const HOTEL_TEXT = fixtureText('hotel/check-in.blueprint.md');

describe('protocol: maxFileSize', function () {
  let session: LspSession | undefined;
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(async () => {
    await session?.stop();
    ws.dispose();
  });

  it('skips a blueprint over the limit with one information diagnostic, and lints it again once it fits', async () => {
    session = await LspSession.start({ workspaceFolders: [ws.dir], configuration: () => ({ debounceMs: 0, maxFileSize: 1000 }) });
    const big = `${HOTEL_TEXT}\n${'<!-- padding -->\n'.repeat(40)}`;
    const size = Buffer.byteLength(big, 'utf8');
    assert.ok(size > 1000 && HOTEL_TEXT.length < 1000, 'the fixture must straddle the limit');
    const uri = session.open(join(ws.dir, 'hotel', 'big.blueprint.md'), big);
    const published = await session.nextDiagnostics(uri);
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics as Array<{ severity: number; code: string; message: string; range: unknown }>;
    assert.equal(d!.severity, 3);
    assert.equal(d!.code, 'file-too-large');
    assert.deepEqual(d!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(d!.message, `Blueprint Lint skipped this file: it is ${size.toLocaleString('en-US')} bytes, over the blueprintLint.maxFileSize limit of 1,000 bytes.`);
    // Under the limit again: linted as a blueprint, with the core rule's finding.
    session.replace(uri, big, HOTEL_TEXT);
    const after = (await session.nextDiagnostics(uri)).diagnostics as Array<{ code: string }>;
    assert.ok(after.length > 0 && after.every((x) => x.code !== 'file-too-large'), JSON.stringify(after));
    assert.ok(
      after.some((x) => x.code === 'benefit-needs-support'),
      JSON.stringify(after),
    );
  });
});
