// Drives the language server over stdio with raw JSON-RPC (Content-Length framing) and times diagnostics.
//   node bench/lsp.mjs FILE [--opens 3] [--edits 200] [--cap-ms 60000] [--cpu-prof DIR]   standalone: open and edit timings for one file
//   node [--expose-gc] bench/lsp.mjs FILE --in-process [--edits 200] [--cpu-prof DIR] [--engine TREE]   the same edits
//     through lint() with the server's caches, no server: per-keystroke wall and CPU times, with --cpu-prof a profile of
//     the keystrokes alone (not the first lint), with --expose-gc the heap the caches hold after the edits, with
//     --engine the compiled engine of another checkout (TREE/out), timed by this same harness
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rng } from './generate.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const SERVER_BIN = join(ROOT, 'bin/blueprint-lint-server.js');

/** The settings every configuration request gets: lint on every change, no debounce. */
const SETTINGS = { debounceMs: 0 };

export class LspClient {
  /** @param {{cwd?: string, rootUri?: string, timeoutMs?: number, nodeArgs?: string[]}} options */
  constructor({ cwd = ROOT, rootUri, timeoutMs = 600_000, nodeArgs = [] } = {}) {
    this.timeoutMs = timeoutMs;
    this.rootUri = rootUri;
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER_BIN, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = new Map();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.errors = [];
    this.exited = new Promise((res) => this.proc.on('exit', (code, signal) => res({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.proc.on('exit', (code, signal) => {
      const err = new Error(`server exited (code ${code}, signal ${signal}): ${this.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      for (const p of this.pending.values()) p.reject(err);
      for (const list of this.waiters.values()) for (const w of list) w.reject(err);
      this.pending.clear();
      this.waiters.clear();
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    return this.withTimeout(
      new Promise((res, rej) => {
        this.pending.set(id, { resolve: res, reject: rej });
        this.send({ id, method, params });
      }),
      `${method} response`,
    );
  }

  notify(method, params) {
    this.send({ method, params });
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body), performance.now());
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      this.send({ id: msg.id, result: this.answer(msg) });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      const list = this.waiters.get(msg.params.uri) ?? [];
      const keep = [];
      for (const w of list) {
        if (w.accept(msg.params)) w.resolve({ at, params: msg.params });
        else keep.push(w);
      }
      if (keep.length) this.waiters.set(msg.params.uri, keep);
      else this.waiters.delete(msg.params.uri);
    } else if (msg.method === 'window/logMessage' && msg.params?.type === 1) {
      this.errors.push(msg.params.message.slice(0, 300));
    }
  }

  /** Server-to-client requests: configuration gets the bench settings; registrations and progress are acknowledged. */
  answer(msg) {
    if (msg.method === 'workspace/configuration') return (msg.params?.items ?? []).map(() => ({ ...SETTINGS }));
    return null;
  }

  /** Resolves at the first publishDiagnostics for `uri` that `accept` takes. Register before sending the change. */
  diagnostics(uri, accept = () => true) {
    return this.withTimeout(
      new Promise((res, rej) => {
        const list = this.waiters.get(uri) ?? [];
        list.push({ accept, resolve: res, reject: rej });
        this.waiters.set(uri, list);
      }),
      `diagnostics for ${uri}`,
    );
  }

  withTimeout(promise, what) {
    let timer;
    const timeout = new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`timed out after ${this.timeoutMs} ms waiting for ${what}`)), this.timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async initialize() {
    const rootUri = this.rootUri ?? null;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
        },
        general: { positionEncodings: ['utf-16'] },
      },
      initializationOptions: { blueprintLint: { ...SETTINGS }, workspaceTrusted: true },
    });
    this.notify('initialized', {});
  }

  /** Current and peak resident set size of the server process, from /proc (Linux). */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      this.notify('exit', null);
    } catch {
      // The server is already gone; nothing to shut down.
    }
    const done = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(undefined), 5000))]);
    if (!done) this.proc.kill('SIGKILL');
  }
}

/** Opens `text` under a fresh URI and returns ms to its first diagnostics; closes it again. */
export async function openToDiagnostics(client, uri, text) {
  const waiting = client.diagnostics(uri);
  const t0 = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { at, params } = await waiting;
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return { ms: at - t0, count: params.diagnostics.length };
}

/** A URI next to `file` that no other open document uses, so the server lints it from scratch. */
export function freshUri(file, tag) {
  return pathToFileURL(join(dirname(file), `${basename(file).replace(/\.blueprint\.md$/, '')}-${tag}.blueprint.md`)).href;
}

/**
 * Scripted typing: words typed one character per edit at seeded spots in lane lines, with backspaces and, every
 * 25th edit, an Enter that adds a support lane line. Yields LSP incremental changes and keeps the text in step.
 */
export function* scriptedEdits(text, seed, count) {
  const lines = text.split('\n');
  const r = rng(seed);
  const targets = [];
  lines.forEach((l, i) => {
    if (/^\s*(?:[-*]|\d+\.)\s+\S/.test(l) || /^\|.*\|\s*$/.test(l)) targets.push(i);
  });
  if (targets.length === 0) throw new Error('no lane lines to edit');
  const words = ['quickly', 'staff', 'always', 'refund', 'tablet', 'warmly', 'checklist', 'promptly'];
  let line = -1;
  let col = 0;
  let word = '';
  let typed = 0;
  for (let n = 1; n <= count; n++) {
    if (n % 25 === 0 && line >= 0) {
      // Enter at the end of the current line plus a whole new lane line, as an editor's paste would send it.
      const end = lines[line].length;
      const added = '- Support: Staff use the CRM.';
      yield { range: { start: { line, character: end }, end: { line, character: end } }, text: `\n${added}` };
      lines.splice(line + 1, 0, added);
      for (let t = 0; t < targets.length; t++) if (targets[t] > line) targets[t]++;
      line = -1;
      continue;
    }
    if (line < 0 || typed >= word.length) {
      line = targets[r.int(targets.length)];
      const l = lines[line];
      // In a table row, type inside the last cell, before its closing pipe.
      col = l.trimEnd().endsWith('|') ? l.trimEnd().length - 1 : l.length;
      word = ` ${r.pick(words)}`;
      typed = 0;
    }
    if (typed > 1 && r.chance(0.1)) {
      // Backspace over the last typed character.
      yield { range: { start: { line, character: col - 1 }, end: { line, character: col } }, text: '' };
      lines[line] = lines[line].slice(0, col - 1) + lines[line].slice(col);
      col--;
      typed--;
      continue;
    }
    const ch = word[typed++];
    yield { range: { start: { line, character: col }, end: { line, character: col } }, text: ch };
    lines[line] = lines[line].slice(0, col) + ch + lines[line].slice(col);
    col++;
  }
}

/** Keystroke-to-updated-diagnostics latencies over scripted edits of an open document; stops early at `capMs`. */
export async function keystrokeLatencies(client, uri, text, { edits = 200, capMs = 60_000, seed = 7 } = {}) {
  const opened = client.diagnostics(uri);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const ms = [];
  let version = 1;
  const start = performance.now();
  for (const change of scriptedEdits(text, seed, edits)) {
    version++;
    const v = version;
    // Servers that omit the version are matched on the first diagnostics after the change.
    const waiting = client.diagnostics(uri, (p) => p.version === undefined || p.version === v);
    const t0 = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    const { at } = await waiting;
    ms.push(at - t0);
    if (performance.now() - start > capMs) break;
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return { ms, planned: edits, capped: ms.length < edits };
}

/** Opens many documents and waits for all their diagnostics; returns the server's memory afterwards. */
export async function openMany(client, files) {
  const t0 = performance.now();
  const waits = [];
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    waits.push(client.diagnostics(uri));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
  }
  await Promise.all(waits);
  return { ms: performance.now() - t0, open: files.length, ...client.memory() };
}

/** The offset of an LSP position in `text` (UTF-16, lines split at \n as the scripted edits are). */
function offsetAt(text, { line, character }) {
  let at = 0;
  for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

/**
 * The scripted edits through lint() in this process, with a chunk and step cache per document as the server keeps:
 * what a keystroke costs the engine, without JSON-RPC. With `profileDir`, the keystrokes alone are profiled.
 */
export async function inProcessKeystrokes(file, { edits = 200, seed = 7, profileDir, tree = ROOT } = {}) {
  const engine = join(tree, 'out/server/src/engine');
  const { lint } = await import(pathToFileURL(join(engine, 'lint.js')).href);
  // The caches' folder (engine/incremental/), or where an older checkout kept them.
  const from = async (file, older) => import(pathToFileURL(join(engine, existsSync(join(engine, 'incremental', file)) ? join('incremental', file) : older)).href);
  const { ChunkCache } = await from('chunkCache.js', 'parse.js');
  const { StepCache } = await from('stepCache.js', 'stepCache.js');
  let text = readFileSync(file, 'utf8');
  // CPU (user + system) beside wall time: the machine is shared, and other work stretches wall time only.
  const cpuMs = (from) => {
    const u = process.cpuUsage(from);
    return (u.user + u.system) / 1000;
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  lint(text, { filePath: file });
  const fullMs = performance.now() - t0;
  const fullCpuMs = cpuMs(c0);
  // With --expose-gc: the heap the caches hold after the edits (each reading after a full collection).
  const heap = () => (globalThis.gc ? (globalThis.gc(), process.memoryUsage().heapUsed) : NaN);
  const before = heap();
  const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
  lint(text, { filePath: file, ...caches });
  const changes = [...scriptedEdits(text, seed, edits)];
  let session;
  if (profileDir) {
    const { Session } = await import('node:inspector/promises');
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const ms = [];
  const cpu = [];
  for (const change of changes) {
    text = text.slice(0, offsetAt(text, change.range.start)) + change.text + text.slice(offsetAt(text, change.range.end));
    const t = performance.now();
    const c = process.cpuUsage();
    lint(text, { filePath: file, ...caches });
    ms.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `keystrokes-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  const pick = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  };
  const at = pick(ms);
  const cpuAt = pick(cpu);
  const cachesMb = (heap() - before) / 1048576;
  const keysCpuMs = cpu.reduce((a, b) => a + b, 0);
  return {
    file,
    engine: tree,
    fullLintMs: fullMs,
    fullLintCpuMs: fullCpuMs,
    edits: ms.length,
    p50Ms: at(50),
    p95Ms: at(95),
    maxMs: at(100),
    cpuP50Ms: cpuAt(50),
    cpuP95Ms: cpuAt(95),
    keysCpuMs,
    cachesMb,
    stats: caches.stepCache.stats,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '');
  const num = (flag, dflt) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : dflt);
  if (args.includes('--in-process')) {
    const profileDir = args.includes('--cpu-prof') ? resolve(args[args.indexOf('--cpu-prof') + 1]) : undefined;
    const tree = args.includes('--engine') ? resolve(args[args.indexOf('--engine') + 1]) : undefined;
    const r = await inProcessKeystrokes(file, { edits: num('--edits', 200), profileDir, tree });
    process.stdout.write(`${JSON.stringify(r, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v), 1)}\n`);
    process.exit(0);
  }
  const prof = args.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args[args.indexOf('--cpu-prof') + 1])}`] : [];
  const client = new LspClient({ rootUri: pathToFileURL(dirname(file)).href, nodeArgs: prof });
  try {
    await client.initialize();
    const text = readFileSync(file, 'utf8');
    const open = [];
    for (let i = 0; i < num('--opens', 3); i++) open.push((await openToDiagnostics(client, freshUri(file, `open${i}`), text)).ms);
    const keys = await keystrokeLatencies(client, pathToFileURL(file).href, text, { edits: num('--edits', 200), capMs: num('--cap-ms', 60_000) });
    process.stdout.write(`${JSON.stringify({ file, openMs: open, keystrokeMs: keys.ms, memory: client.memory(), serverErrors: client.errors }, null, 1)}\n`);
  } finally {
    await client.shutdown();
  }
}
