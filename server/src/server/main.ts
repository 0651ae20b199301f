// Blueprint Lint language server: wiring of the LSP connection to the feature modules. Editor-agnostic.
import { writeFileSync } from 'node:fs';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionProvider, type VocabularyCommandArgs } from './codeActions.js';
import { isConfigFileName } from './configAdapter.js';
import { planConfigEdit, readIfExists } from './configEdits.js';
import { ConfigService } from './configFiles.js';
import { DiagnosticsService, warmUpEngine } from './diagnostics.js';
import { isMarkdownDocument, isMarkdownPath, uriToPath, WorkspaceFolders } from './documents.js';
import { guardNotification, guardRequest } from './guard.js';
import { hoverAt } from './hover.js';
import { AddVocabularyRequest, Commands, FIX_ALL_KIND, LintWorkspaceRequest, StatusRequest, type BlueprintStatus } from './protocol.js';
import { SettingsStore } from './settings.js';
import { lintWorkspace } from './workspaceLint.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
if (!process.argv.slice(2).some((a) => TRANSPORTS.some((t) => a === t || (t.endsWith('=') && a.startsWith(t))))) {
  process.stderr.write('Usage: blueprint-lint-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

const CONFIG_WATCH_GLOB = '**/.blueprintlint.{json,jsonc,yaml,yml}';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();

let capabilities: ClientCapabilities = {};
let settings!: SettingsStore;
let configs!: ConfigService;
let diagnostics!: DiagnosticsService;
let codeActions!: CodeActionProvider;
/** Versions linted on open, so the change event that TextDocuments fires with every open does not lint twice. */
const openedVersions = new Map<string, number>();

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
  const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: boolean };
  const canPull = capabilities.workspace?.configuration === true;
  settings = new SettingsStore(connection, canPull, params.initializationOptions);
  configs = new ConfigService(connection, folders, options.workspaceTrusted !== false);
  diagnostics = new DiagnosticsService(connection, documents, settings, configs);
  codeActions = new CodeActionProvider(capabilities, documents, diagnostics, settings, folders);
  return {
    capabilities: {
      // Engine offsets are UTF-16 code units, which is also the encoding every client must support.
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      executeCommandProvider: { commands: [Commands.showDocs, Commands.addVocabulary, Commands.fixAll] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'blueprint-lint-server', version: '0.1.0' },
  };
});

connection.onInitialized(
  guardNotification(connection, 'initialized', async () => {
    setImmediate(guardNotification(connection, 'engine warm-up', warmUpEngine));
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'blueprintLint' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_WATCH_GLOB }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(connection, 'workspace folders change', (e) => {
          folders.change(e.added, e.removed);
          diagnostics.relintAll();
        }),
      );
    }
  }),
);

documents.onDidOpen(
  guardNotification(connection, 'didOpen', async (e) => {
    openedVersions.set(e.document.uri, e.document.version);
    await diagnostics.schedule(e.document.uri, 'open');
  }),
);
documents.onDidChangeContent(
  guardNotification(connection, 'didChange', async (e) => {
    if (openedVersions.get(e.document.uri) === e.document.version) return;
    openedVersions.delete(e.document.uri);
    await diagnostics.schedule(e.document.uri, 'change');
  }),
);
documents.onDidSave(guardNotification(connection, 'didSave', (e) => diagnostics.schedule(e.document.uri, 'save')));
documents.onDidClose(
  guardNotification(connection, 'didClose', (e) => {
    openedVersions.delete(e.document.uri);
    diagnostics.closed(e.document.uri);
  }),
);

connection.onDidChangeConfiguration(
  guardNotification(connection, 'didChangeConfiguration', (params) => {
    settings.changed(params.settings);
    diagnostics.relintAll();
  }),
);

connection.onDidChangeWatchedFiles(
  guardNotification(connection, 'didChangeWatchedFiles', (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (path && isConfigFileName(path)) configs.recheck(path, change.type === FileChangeType.Deleted);
      // Markdown files changing on disk change no configuration; anything else may be an `extends` target.
      configChanged ||= !isMarkdownPath(path ?? change.uri);
    }
    if (configChanged) diagnostics.relintAll();
  }),
);

connection.onCodeAction(guardRequest(connection, 'codeAction', (params) => codeActions.provide(params)));
connection.onCodeActionResolve(guardRequest(connection, 'codeAction/resolve', (action) => codeActions.resolve(action)));

connection.onHover(guardRequest(connection, 'hover', (params) => hoverAt(diagnostics, params)));

connection.onExecuteCommand(
  guardRequest(connection, 'executeCommand', async (params) => {
    const arg = params.arguments?.[0];
    switch (params.command) {
      case Commands.showDocs:
        return showDocs(String(arg));
      case Commands.addVocabulary:
        return addVocabulary(arg as VocabularyCommandArgs);
      case Commands.fixAll: {
        const snap = await diagnostics.current(String(arg));
        const edit = snap && codeActions.fixAllEdit(snap);
        if (edit) await connection.workspace.applyEdit({ label: 'Fix all safe Blueprint Lint problems', edit });
        return null;
      }
      default:
        throw new Error(`Unknown command ${params.command}`);
    }
  }),
);

connection.onRequest(
  LintWorkspaceRequest.type,
  guardRequest(connection, LintWorkspaceRequest.method, () => lintWorkspace(connection, folders, documents, settings, configs)),
);

connection.onRequest(
  StatusRequest.type,
  guardRequest(connection, StatusRequest.method, async (params): Promise<BlueprintStatus> => {
    if (typeof params?.uri !== 'string') throw new Error('blueprintLint/status needs { uri: string }');
    const none = { uri: params.uri, isBlueprint: false, steps: 0, problems: 0 };
    const doc = documents.get(params.uri);
    if (!doc) return { ...none, reason: 'not-open', enabled: true };
    if (!isMarkdownDocument(doc)) return { ...none, reason: 'not-markdown', enabled: true };
    const docSettings = await settings.get(params.uri);
    if (!docSettings.enable) return { ...none, reason: 'disabled', enabled: false };
    return diagnostics.status(params.uri) ?? (await diagnostics.current(params.uri, false))!.status;
  }),
);

async function showDocs(url: string): Promise<null> {
  if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: url, external: true });
  else connection.window.showInformationMessage(`Blueprint Lint documentation: ${url}`);
  return null;
}

/** Settings belong to the client, which is asked to change them; config files the server may write itself. */
async function addVocabulary(args: VocabularyCommandArgs): Promise<AddVocabularyRequest.Result> {
  if (args.target === 'settings') {
    const result = await connection.sendRequest(AddVocabularyRequest.type, { scopeUri: args.scopeUri, change: args.change });
    settings.changed(undefined);
    diagnostics.relintAll();
    return result;
  }
  if (!args.file) throw new Error('blueprintLint.addVocabulary needs a file for the configFile target');
  const plan = planConfigEdit(args.file, readIfExists(args.file), args.change);
  if (plan) writeFileSync(args.file, plan.after);
  configs.recheck(args.file, false);
  diagnostics.relintAll();
  return { applied: plan !== undefined };
}

documents.listen(connection);
connection.listen();
