// Measures, through the protocol, open-to-first-diagnostics and keystroke-to-diagnostics on a generated 1,000-line blueprint.
// Not a test: run `node out/test/protocol/measure.js [lines]` after building. Debounce is 0 so only the server's work is timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspSession } from './lspSession.js';

/** A heading-step blueprint of about `lines` lines; every third step promises something with no support behind it. */
export function generateBlueprint(lines: number): string {
  const out = ['# Generated service blueprint', ''];
  for (let step = 1; out.length < lines - 8; step++) {
    out.push(`## Step ${step}: Handle request ${step}`, '');
    out.push(`- **Customer:** The guest asks about booking ${step}.`);
    out.push(step % 3 === 0 ? `- **Frontstage:** The agent promises an answer within the hour for request ${step}.` : `- **Frontstage:** The agent listens and notes request ${step}.`);
    out.push(step % 3 === 0 ? `- **Backstage:** The team files request ${step}.` : `- **Backstage:** The agent checks the CRM for booking ${step}.`);
    out.push(`- **Support:** ${step % 3 === 0 ? 'TBD' : `Booking system screen ${step}`}`, '');
  }
  while (out.length < lines) out.push('');
  return out.join('\n');
}

function stats(ms: number[]): { median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1]! * 10) / 10 };
}

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 1000);
  const keystrokes = Number(process.argv[3] ?? 30);
  const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-measure-'));
  const text = generateBlueprint(lines);
  const path = join(dir, 'generated.blueprint.md');
  try {
    const t0 = performance.now();
    const session = await LspSession.start({ workspaceFolders: [dir], initializationOptions: { debounceMs: 0 } });
    const initialized = performance.now() - t0;

    // Cold: opened right after `initialized`, while the engine warm-up may still be running.
    let sent = performance.now();
    const uri = session.open(path, text);
    const first = await session.nextDiagnostics(uri, 120_000);
    const coldOpen = performance.now() - sent;

    // Warm: a second document of the same size, after the first lint.
    sent = performance.now();
    const uri2 = session.open(join(dir, 'second.blueprint.md'), text);
    await session.nextDiagnostics(uri2, 120_000);
    const warmOpen = performance.now() - sent;

    // Keystrokes: one character typed into a lane in the middle of the document, each waited for.
    const middle = Math.floor(lines / 2);
    const docLines = text.split('\n');
    let line = middle;
    while (!docLines[line]!.startsWith('- **Customer:**')) line++;
    const times: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      const character = docLines[line]!.length + i;
      sent = performance.now();
      const version = session.change(uri, [{ range: { start: { line, character }, end: { line, character } }, newText: 'x' }]);
      const p = await session.diagnosticsUntil(uri, (d) => d.version === version, `version ${version}`, 120_000);
      times.push(performance.now() - sent);
      if (p.diagnostics.length !== first.diagnostics.length) throw new Error(`keystroke ${i} changed the findings: ${p.diagnostics.length}`);
    }
    await session.stop();
    const report = {
      lines: text.split('\n').length,
      bytes: Buffer.byteLength(text),
      findings: first.diagnostics.length,
      spawnToInitializedMs: Math.round(initialized),
      openToFirstDiagnosticsColdMs: Math.round(coldOpen),
      openToFirstDiagnosticsWarmMs: Math.round(warmOpen),
      keystrokeToDiagnosticsMs: stats(times),
      keystrokes,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('measure.js'))
  void main().catch((e: unknown) => {
    process.stderr.write(`measure: ${(e as Error).message}\n`);
    process.exit(1);
  });
