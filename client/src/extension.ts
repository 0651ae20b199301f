import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node.js';
import { AddVocabularyRequest, Commands, DIAGNOSTIC_SOURCE, StatusChangedNotification, StatusRequest } from '../../server/src/server/protocol.js';
import { BenefitMarkers } from './benefitMarks.js';
import { registerCommands } from './commands.js';
import { CrashErrorHandler, RestartBudget, type GaveUp } from './crashPolicy.js';
import { createLanguageClient } from './languageClient.js';
import { createOutputChannel } from './output.js';
import { showRuleDocs } from './ruleDocs.js';
import { addVocabulary } from './settingsTarget.js';
import { BlueprintStatusItem } from './statusItem.js';
import { Stopwatch, type ActivationTimings } from './timings.js';

/** What activate() returns: used by the editor tests, and by anyone scripting the extension. */
export interface BlueprintLintApi {
  readonly timings: ActivationTimings;
  /** Resolves with timings.firstDiagnosticsMs once the server's first diagnostics arrived. */
  readonly firstDiagnostics: Promise<number>;
  client(): LanguageClient;
  readonly status: BlueprintStatusItem;
  /** The dotted marks on a flagged step's other benefit phrases. */
  readonly benefitMarks: BenefitMarkers;
  /** Fires when the server crashed too often to be restarted (crashPolicy.ts); the user is offered a Restart. */
  readonly onDidGiveUpRestarting: vscode.Event<GaveUp>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<BlueprintLintApi> {
  const stopwatch = new Stopwatch();
  const timings: ActivationTimings = {};
  const output = createOutputChannel();
  context.subscriptions.push(output);

  const showDocs = (target: string | undefined) => showRuleDocs(context.extensionUri, target);
  const budget = new RestartBudget();
  const gaveUp = new vscode.EventEmitter<GaveUp>();
  context.subscriptions.push(
    gaveUp,
    gaveUp.event(async ({ message }) => {
      const choice = await vscode.window.showErrorMessage(message, 'Restart', 'Show Output');
      if (choice === 'Restart') await vscode.commands.executeCommand('blueprintLint.restartServer');
      else if (choice === 'Show Output') output.show(true);
    }),
  );
  const crashes = new CrashErrorHandler(
    budget,
    (m) => output.warn(m),
    (e) => gaveUp.fire(e),
  );
  const current = createLanguageClient(context, output, showDocs, crashes);
  client = current;
  const status = new BlueprintStatusItem(async (uri) => current.sendRequest(StatusRequest.type, { uri: uri.toString() }));
  const benefitMarks = new BenefitMarkers();
  context.subscriptions.push(status, benefitMarks);
  context.subscriptions.push(
    current.onNotification(StatusChangedNotification.type, (s) => status.update(s)),
    current.onRequest(AddVocabularyRequest.type, (params) => addVocabulary(params)),
  );

  let firstDiagnosticsArrived: (ms: number) => void = () => undefined;
  const firstDiagnostics = new Promise<number>((resolve) => (firstDiagnosticsArrived = resolve));
  const firstDiagnosticsListener = vscode.languages.onDidChangeDiagnostics((event) => {
    const ours = event.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE));
    if (!ours) return;
    timings.firstDiagnosticsMs = stopwatch.elapsed();
    output.info(`first diagnostics ${timings.firstDiagnosticsMs} ms after activation`);
    firstDiagnosticsArrived(timings.firstDiagnosticsMs);
    firstDiagnosticsListener.dispose();
  });
  context.subscriptions.push(firstDiagnosticsListener);

  const restart = async (): Promise<void> => {
    status.clear();
    budget.reset(); // a restart the user asked for: crashes before it do not count against the new server
    await current.restart();
    await status.refresh();
  };
  context.subscriptions.push(
    ...registerCommands({
      context,
      output,
      client: () => current,
      restart,
      configurationChanged: () => current.sendNotification(DidChangeConfigurationNotification.type, { settings: null }),
      fileToggled: () => status.rerender(),
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void status.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('blueprintLint.disabledFiles')) status.rerender();
    }),
    // trust changes what `extends` may reach (initializationOptions.workspaceTrusted): start over with the new value
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );

  try {
    await current.start();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    output.error(`the server did not start: ${why}`);
    void vscode.window.showErrorMessage(`Blueprint Lint: the language server did not start (${why}). See the Blueprint Lint output.`);
  }
  // the client registers the server's commands; register showDocs only when the server did not list it
  const serverCommands = current.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (!serverCommands.includes(Commands.showDocs)) {
    context.subscriptions.push(vscode.commands.registerCommand(Commands.showDocs, (target?: unknown) => showDocs(typeof target === 'string' ? target : undefined)));
  }
  timings.clientReadyMs = stopwatch.elapsed();
  output.info(`client ready ${timings.clientReadyMs} ms after activation (workspace trusted: ${vscode.workspace.isTrusted})`);
  void status.refresh();

  return { timings, firstDiagnostics, client: () => current, status, benefitMarks, onDidGiveUpRestarting: gaveUp.event };
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
