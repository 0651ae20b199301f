import * as vscode from 'vscode';
import { LanguageClient, type ErrorHandler, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { Commands, DIAGNOSTIC_SOURCE } from '../../server/src/server/protocol.js';
import { isFileDisabled } from './disabledFiles.js';

export const CLIENT_ID = 'blueprintLint';
export const CLIENT_NAME = 'Blueprint Lint';

/** Options the server reads from `initialize` (editor-agnostic clients may send the same object). */
export interface InitializationOptions {
  /** False in a restricted-mode workspace: config `extends` may then not leave the workspace. */
  workspaceTrusted: boolean;
}

/**
 * `blueprintLint.disabledFiles` is the client's own setting: it becomes `enable: false` in the configuration the
 * server pulls for those files, and is not passed on (the server does not know the key).
 */
function applyDisabledFiles(items: { scopeUri?: string; section?: string }[], results: unknown[]): unknown[] {
  return results.map((result, index) => {
    const item = items[index];
    if (item?.section !== CLIENT_ID) return result;
    if (typeof result !== 'object' || result === null || Array.isArray(result)) return result;
    const { disabledFiles: _clientOnly, ...forServer } = result as Record<string, unknown>;
    return item.scopeUri && isFileDisabled(vscode.Uri.parse(item.scopeUri)) ? { ...forServer, enable: false } : forServer;
  });
}

/**
 * @param showDocs runs the client's own "show rule documentation" (bundled docs, offline) when the server lists
 *   `blueprintLint.showDocs` among its commands: the client then owns that command id, so it is answered here.
 * @param errorHandler what to do when the server crashes (crashPolicy.ts); the library's default when omitted.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  showDocs: (target: string | undefined) => Promise<void>,
  errorHandler?: ErrorHandler,
): LanguageClient {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // no --inspect here: a development host (like the test host) would otherwise open a debug port per restart
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  // a function, so a restart after the user grants trust sends the new value
  const initializationOptions = (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // the server pulls `blueprintLint` per document; this only tells it when to pull again
    synchronize: { configurationSection: CLIENT_ID },
    initializationOptions,
    outputChannel,
    ...(errorHandler ? { errorHandler } : {}),
    diagnosticCollectionName: DIAGNOSTIC_SOURCE,
    middleware: {
      executeCommand: async (command, args, next) => {
        if (command === Commands.showDocs) return showDocs(typeof args[0] === 'string' ? args[0] : undefined);
        return next(command, args);
      },
      workspace: {
        configuration: async (params, token, next) => {
          const results = await next(params, token);
          return Array.isArray(results) ? applyDisabledFiles(params.items, results) : results;
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
