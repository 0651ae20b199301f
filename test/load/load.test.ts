// Load over LSP: 500 open blueprints, 20 edits a second; stale work dropped, memory flat, final diagnostics exact.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/engine/index.js';
import { LspSession } from '../protocol/lspSession.js';
// Seeded, so a failing run can be replayed with LOAD_SEED.
import { mulberry32 as rng } from '../support/random.js';

const DOCS = 500;
const EDITS_PER_SECOND = 20;
/** `npm test` runs 20 s to stay short; LOAD_SECONDS=60 is the full run. */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const DEBOUNCE_MS = 50;

const BENEFITS = [' in under 2 minutes', ' within the hour', ' at no extra cost', ' with a free upgrade'];
const SUPPORTS = [' The agent checks the CRM.', ' A supervisor approves refunds.', ' The PMS shows the booking.'];
const TITLES = ['Arrival', 'Check-in', 'Payment', 'Handover', 'Follow-up', 'Departure'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** About 40 lines: a title, intro and six steps of three lanes; some lanes promise a benefit without support. */
function blueprint(n: number, random: () => number): string {
  const lines = [`# Service ${n}`, '', `How service ${n} runs from arrival to departure.`, ''];
  for (const title of TITLES) {
    const benefit = random() < 0.3 ? pick(random, BENEFITS) : '';
    const support = benefit && random() < 0.4 ? pick(random, SUPPORTS) : '';
    lines.push(`## ${title}`, '');
    lines.push(`- **Customer:** The guest starts ${title.toLowerCase()}.`);
    lines.push(`- **Frontstage:** The receptionist helps the guest${benefit}.`);
    lines.push(`- **Backstage:** Staff prepare the next step.${support}`, '');
  }
  return lines.join('\n');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`No VmRSS for process ${pid}`);
  return Number(m[1]);
}

describe(`load: ${DOCS} open blueprints, ${EDITS_PER_SECOND} edits/s for ${SECONDS} s over LSP`, function () {
  this.timeout((SECONDS + 240) * 1000);
  let dir: string;
  let session: LspSession | undefined;
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'blueprint-lint-load-')));
  });
  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps up, drops stale work, stays within memory and ends with the diagnostics of a fresh lint', async () => {
    const random = rng(Number(process.env.LOAD_SEED ?? 20261122));
    const settings = { debounceMs: DEBOUNCE_MS };
    const s = (session = await LspSession.start({
      workspaceFolders: [dir],
      initializationOptions: { blueprintLint: settings },
      configuration: (_scope, section) => (section === 'blueprintLint' ? settings : null),
    }));
    const pid = s.child.pid!;

    // Every publish is checked as it arrives: its version must be the newest sent and never below an earlier one.
    const sentAt = new Map<string, Map<number, number>>();
    const lastPublished = new Map<string, PublishDiagnosticsParams>();
    const latencies: number[] = [];
    const violations: string[] = [];
    let publishes = 0;
    let waiting: { pending: Set<string>; done: () => void } | undefined;
    // Replaces the session's inbox: nothing here consumes it, and 500 documents' publishes would only pile up.
    s.diagnostics.push = (p: PublishDiagnosticsParams): void => {
      publishes++;
      const version = p.version ?? -1;
      const previous = lastPublished.get(p.uri)?.version ?? 0;
      if (version < previous) violations.push(`${p.uri}: version ${version} published after ${previous}`);
      if (version > s.version(p.uri)) violations.push(`${p.uri}: version ${version} published, newest sent ${s.version(p.uri)}`);
      const at = sentAt.get(p.uri)?.get(version);
      if (at !== undefined && version === s.version(p.uri)) latencies.push(performance.now() - at);
      lastPublished.set(p.uri, p);
      if (waiting && version === s.version(p.uri) && waiting.pending.delete(p.uri) && waiting.pending.size === 0) waiting.done();
    };

    /** Resolves when every document has a publish for its newest version, or fails at the deadline. */
    const settled = (uris: string[], timeoutMs: number, what: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const pending = new Set(uris.filter((u) => lastPublished.get(u)?.version !== s.version(u)));
        if (pending.size === 0) return resolve();
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`${what}: ${pending.size} documents without diagnostics for their last version after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting = {
          pending,
          done: () => {
            clearTimeout(timer);
            waiting = undefined;
            resolve();
          },
        };
      });

    const paths: string[] = [];
    const uris: string[] = [];
    for (let n = 0; n < DOCS; n++) {
      const path = join(dir, `service-${String(n).padStart(3, '0')}.blueprint.md`);
      const text = blueprint(n, random);
      writeFileSync(path, text);
      paths.push(path);
    }
    const openStart = performance.now();
    for (const path of paths) {
      const uri = s.open(path, readFileSync(path, 'utf8'));
      uris.push(uri);
      sentAt.set(uri, new Map([[1, performance.now()]]));
    }
    await settled(uris, 120_000, 'after opening');
    const openMs = performance.now() - openStart;
    latencies.length = 0;
    const publishesAtOpen = publishes;

    // The edit loop: a timer fires every 2000/EDITS_PER_SECOND ms with two edits; RSS is sampled once a second.
    const rss: Array<{ t: number; kb: number }> = [];
    let edits = 0;
    const started = performance.now();
    rss.push({ t: 0, kb: rssKb(pid) });
    await new Promise<void>((resolve) => {
      const sampler = setInterval(() => rss.push({ t: (performance.now() - started) / 1000, kb: rssKb(pid) }), 1000);
      const editor = setInterval(() => {
        if (performance.now() - started >= SECONDS * 1000) {
          clearInterval(editor);
          clearInterval(sampler);
          resolve();
          return;
        }
        // Two edits per tick; half the time both hit one document, as typing does, so the debounce has stale work to drop.
        const first = pick(random, uris);
        edit(s, first, random);
        edit(s, random() < 0.5 ? first : pick(random, uris), random);
        edits += 2;
      }, 2000 / EDITS_PER_SECOND);
    });
    const editSeconds = (performance.now() - started) / 1000;
    await settled(uris, 60_000, 'after the edits');
    rss.push({ t: (performance.now() - started) / 1000, kb: rssKb(pid) });

    function edit(session: LspSession, uri: string, random: () => number): void {
      const lines = session.text(uri).split('\n');
      const lanes = lines.map((l, i) => (l.startsWith('- **') ? i : -1)).filter((i) => i >= 0);
      const line = pick(random, lanes);
      const text = lines[line]!;
      const added = [...BENEFITS, ...SUPPORTS].filter((w) => text.includes(w));
      if (added.length > 0 && random() < 0.5) {
        // Remove a benefit or support phrase the line carries.
        const phrase = pick(random, added);
        const at = text.indexOf(phrase);
        session.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at + phrase.length } }, newText: '' }]);
      } else {
        const phrase = random() < 0.5 ? pick(random, BENEFITS) : pick(random, SUPPORTS);
        session.change(uri, [{ range: { start: { line, character: text.length }, end: { line, character: text.length } }, newText: phrase }]);
      }
      sentAt.get(uri)!.set(session.version(uri), performance.now());
    }

    assert.deepEqual(violations, [], 'no publish may carry a stale version');
    let flagged = 0;
    for (const uri of uris) {
      const path = paths[uris.indexOf(uri)]!;
      const expected = lint(s.text(uri), { filePath: path }).findings.map((f) => ({
        code: f.ruleId,
        range: { start: { line: f.start.line - 1, character: f.start.column - 1 }, end: { line: f.end.line - 1, character: f.end.column - 1 } },
        message: f.message,
      }));
      const got = lastPublished.get(uri)!.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));
      assert.deepEqual(got, expected, `final diagnostics of ${path}`);
      flagged += got.length;
    }
    assert.ok(flagged > 0, 'the final texts should have some findings, or the comparison proves little');

    const third = editSeconds / 3;
    const firstMax = Math.max(...rss.filter((r) => r.t <= third).map((r) => r.kb));
    const lastMax = Math.max(...rss.filter((r) => r.t >= 2 * third).map((r) => r.kb));
    const sorted = [...latencies].sort((a, b) => a - b);
    const editPublishes = publishes - publishesAtOpen;
    const figures =
      `load: ${DOCS} docs opened in ${(openMs / 1000).toFixed(1)} s; ${edits} edits in ${editSeconds.toFixed(1)} s -> ${editPublishes} publishes ` +
      `(${edits - editPublishes} stale versions dropped); latency last change -> publish p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (n=${sorted.length}, debounce ${DEBOUNCE_MS} ms); ` +
      `server RSS min ${(Math.min(...rss.map((r) => r.kb)) / 1024).toFixed(0)} MB, max ${(Math.max(...rss.map((r) => r.kb)) / 1024).toFixed(0)} MB, ` +
      `first-third max ${(firstMax / 1024).toFixed(0)} MB, last-third max ${(lastMax / 1024).toFixed(0)} MB; ${flagged} findings at the end`;
    console.log(`      ${figures}`);
    assert.ok(lastMax <= firstMax * 1.5, `RSS grew from ${firstMax} kB to ${lastMax} kB: ${figures}`);
    assert.ok(editPublishes < edits, `back-to-back edits of one document should be linted once: ${figures}`);
  });
});
