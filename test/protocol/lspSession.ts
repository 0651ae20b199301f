// A minimal LSP client for the protocol tests: spawns the real server over stdio and records what it sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root: out/test/protocol -> ../../.. */
export const repoRoot = resolve(here, '..', '..', '..');
export const serverScript = process.env.BLUEPRINT_LINT_SERVER ?? join(repoRoot, 'bin', 'blueprint-lint-server.js');
export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'workspace');

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface SessionOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: string[];
  /** Answers workspace/configuration; when absent the client does not advertise the capability. */
  configuration?: (scopeUri: string | undefined, section: string | undefined) => unknown;
}

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Notifications of one kind, consumed in order; waiting never sleeps, it resolves on arrival or fails at a deadline. */
class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: Array<Waiter<T>> = [];
  readonly all: T[] = [];

  push(value: T): void {
    this.all.push(value);
    const i = this.waiters.findIndex((w) => w.match(value));
    if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(value);
    else this.items.push(value);
  }

  /** The next unconsumed item accepted by `filter` (items of other filters stay queued). */
  next(filter: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const i = this.items.findIndex(filter);
    if (i >= 0) return Promise.resolve(this.items.splice(i, 1)[0]!);
    return new Promise<T>((resolvePromise, reject) => {
      const waiter: Waiter<T> = {
        match: filter,
        resolve: (v) => {
          clearTimeout(timer);
          resolvePromise(v);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  pending(filter: (value: T) => boolean): T[] {
    return this.items.filter(filter);
  }
}

export class LspSession {
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly notifications = new Inbox<{ method: string; params: unknown }>();
  readonly requests: Array<{ method: string; params: unknown }> = [];
  readonly stderr: string[] = [];
  initializeResult!: InitializeResult;
  /** Answer of the client to blueprintLint/addVocabulary and workspace/applyEdit. */
  applyEditResult = true;
  settings: (scopeUri: string | undefined, section: string | undefined) => unknown = () => ({});
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on('data', (d: Buffer) => session.stderr.push(d.toString()));
    if (options.configuration) session.settings = options.configuration;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => session.diagnostics.push(p));
    connection.onNotification((method: string, params: unknown) => session.notifications.push({ method, params }));
    connection.onRequest((method: string, params: unknown) => {
      session.requests.push({ method, params });
      if (method === 'workspace/configuration') {
        const items = (params as { items: Array<{ scopeUri?: string; section?: string }> }).items;
        return items.map((item) => session.settings(item.scopeUri, item.section) ?? null);
      }
      if (method === 'workspace/applyEdit') return { applied: session.applyEditResult };
      if (method === 'blueprintLint/addVocabulary') return { applied: true };
      if (method === 'window/showDocument') return { success: true };
      return null;
    });
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    const capabilities: ClientCapabilities = {
      ...options.capabilities,
      workspace: {
        ...options.capabilities?.workspace,
        configuration: options.configuration !== undefined,
        workspaceFolders: true,
      },
    };
    session.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  open(path: string, text: string, languageId = 'markdown'): string {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends the edits as incremental changes (each relative to the text after the previous one). */
  change(uri: string, edits: TextEdit[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    let text = this.texts.get(uri) ?? '';
    // Apply from the end so earlier ranges stay valid, and send them in that order too.
    const sorted = [...edits].sort((a, b) => compare(b.range, a.range));
    for (const e of sorted) text = applyText(text, [e]);
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /** Replaces the first occurrence of `search` (through an incremental change). */
  replace(uri: string, search: string, replacement: string): number {
    const text = this.text(uri);
    const at = text.indexOf(search);
    if (at < 0) throw new Error(`"${search}" not in the document`);
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    return this.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + search.length) }, newText: replacement }]);
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The next publishDiagnostics for the URI (in arrival order). */
  nextDiagnostics(uri: string, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri, `publishDiagnostics for ${uri}`, timeoutMs);
  }

  /** Consumes publishes for the URI until one satisfies `accept`. */
  async diagnosticsUntil(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, what: string, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      const p = await this.diagnostics.next((d) => d.uri === uri, what, left);
      if (accept(p)) return p;
    }
  }

  /** The next notification of `method` (about `uri`, when given). */
  nextNotification(method: string, uri?: string, timeoutMs = 30_000): Promise<unknown> {
    const about = (params: unknown): boolean => uri === undefined || (params as { uri?: string } | null)?.uri === uri;
    return this.notifications.next((n) => n.method === method && about(n.params), method, timeoutMs).then((n) => n.params);
  }

  /** A request with a deadline, so a server that never answers fails the test with a clear message. */
  request<R>(method: string, params?: unknown, timeoutMs = 30_000): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer to ${method} within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.connection.sendRequest<R>(method, params), deadline]).finally(() => clearTimeout(timer));
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

export function applyText(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'markdown', 0, text), edits);
}

/** Snippet syntax to the text a client inserts: placeholders keep their default, tab stops vanish. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** The text edits a workspace edit makes to one document, snippets rendered as plain text. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edit.changes?.[uri] ?? []) out.push(e);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change || change.textDocument.uri !== uri) continue;
    for (const e of change.edits as unknown as Array<{ range: Range; newText?: string; snippet?: { value: string }; insertTextFormat?: number }>) {
      if (e.snippet) out.push({ range: e.range, newText: snippetToText(e.snippet.value) });
      else out.push({ range: e.range, newText: e.insertTextFormat === 2 ? snippetToText(e.newText ?? '') : (e.newText ?? '') });
    }
  }
  return out;
}
