// Helpers for the tests that run inside VS Code: everything waits on events with a deadline, never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BlueprintLintApi } from '../../../client/src/extension.js';

export const EXTENSION_ID = 'blueprint-lint.blueprint-lint';
export const SOURCE = 'blueprint-lint';
export const RULE = 'benefit-needs-support';

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace folder must be open');
  return f;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...relative.split('/'));
}

export async function api(): Promise<BlueprintLintApi> {
  const extension = vscode.extensions.getExtension<BlueprintLintApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diagnostics: vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message, severity: d.severity })));
}

/** Resolves with the document's Blueprint Lint diagnostics once `accept` holds for them (checked now and on every change). */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describe(ours(uri))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export const hasRule = (rule: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === rule);
export const lacksRule = (rule: string) => (d: vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === rule);
export const none = (d: vscode.Diagnostic[]) => d.length === 0;
/** Only the core rule's diagnostics: other rules may flag the same fixtures as the rule set grows. */
export const ofRule = (rule: string, d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === rule);

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** The server computes fix edits in codeAction/resolve: have the workbench resolve every action, as its light bulb does on pick. */
const RESOLVE_ALL = 1000;

/**
 * Code actions for a range. The workbench copies diagnostics into its marker service a moment after the extension
 * host sees them, so an early request may come back empty: ask again until `accept` holds or the deadline passes.
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, accept: (actions: vscode.CodeAction[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  let actions: vscode.CodeAction[];
  for (;;) {
    try {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, RESOLVE_ALL)) ?? [];
    } catch (error) {
      // The workbench cancels a provider request when the document or its diagnostics change under it: ask again.
      if (!(error instanceof Error && error.name === 'Canceled')) throw error;
      actions = [];
    }
    if (accept(actions)) return actions;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Polls `read` until `accept` holds for its value (for state the extension updates in its own listeners), with a deadline. */
export async function until<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; now: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the status item shows a status for which `accept` holds. */
export function waitForStatus(blueprintLint: BlueprintLintApi, accept: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (accept(blueprintLint.status.text)) return resolve(blueprintLint.status.text);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for status ${what}; shows "${blueprintLint.status.text}"`));
    }, timeoutMs);
    const subscription = blueprintLint.status.onDidChange(() => {
      if (!accept(blueprintLint.status.text)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(blueprintLint.status.text);
    });
  });
}

/** The zero-based range of the first occurrence of `text` in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" occurs in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

/** Documents a test may have left with unsaved edits: the fixture workspace's files and untitled documents. */
function leftDirty(doc: vscode.TextDocument): boolean {
  if (!doc.isDirty || doc.isClosed) return false;
  return doc.uri.scheme === 'untitled' || (doc.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(doc.uri) !== undefined);
}

/**
 * After each test: unsaved edits reverted and editors closed, so one failing test cannot break the next.
 * Documents outside the workspace are not ours: the workbench writes a setting through a settings.json document of its
 * own that is dirty for a moment and gone by the time it could be shown ("Unknown text editor").
 */
export async function resetEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter(leftDirty)) {
    try {
      await vscode.window.showTextDocument(doc);
      // revert, then close: a dirty editor left open would make closeAllEditors ask to save
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } catch (error) {
      if (leftDirty(doc)) throw error; // only a document that was saved or closed meanwhile needs nothing more
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function writeFile(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(relative), new TextEncoder().encode(text));
}

export async function readFile(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relative)));
}
