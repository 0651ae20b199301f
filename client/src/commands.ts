import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { LintWorkspaceRequest } from '../../server/src/server/protocol.js';
import { openOrCreateConfig } from './configFile.js';
import { toggleFile } from './disabledFiles.js';
import { TOGGLE_FILE_COMMAND } from './statusItem.js';

/** What the commands need from the extension; the client object changes on restart. */
export interface CommandHost {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  client(): LanguageClient;
  restart(): Promise<void>;
  /** Tells the server to pull configuration again (used after session-only switches). */
  configurationChanged(): Promise<void>;
  /** Shows a file's new on/off state in the status item. */
  fileToggled(): void;
}

function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `blueprintLint.showDocs` is registered separately: the language client owns the id when the server lists it. */
export function registerCommands(host: CommandHost): vscode.Disposable[] {
  const { output } = host;
  return [
    vscode.commands.registerCommand('blueprintLint.lintWorkspace', async (): Promise<LintWorkspaceRequest.Result | undefined> => {
      try {
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Blueprint Lint: linting the workspace' }, () =>
          host.client().sendRequest(LintWorkspaceRequest.type),
        );
        output.info(`lintWorkspace: ${result.filesScanned} Markdown files, ${result.blueprints} blueprints, ${result.problems} problems`);
        void vscode.window.showInformationMessage(
          `Blueprint Lint: ${result.blueprints} blueprint(s) in ${result.filesScanned} Markdown file(s), ${result.problems} problem(s). See the Problems panel.`,
        );
        return result;
      } catch (error) {
        output.error(`lintWorkspace failed: ${errorText(error)}`);
        void vscode.window.showErrorMessage(`Blueprint Lint: linting the workspace failed: ${errorText(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('blueprintLint.openConfig', async () => {
      const folder = targetFolder();
      if (!folder) {
        void vscode.window.showWarningMessage('Blueprint Lint: open a folder first; the config file lives in the workspace folder.');
        return undefined;
      }
      return openOrCreateConfig(folder);
    }),
    vscode.commands.registerCommand('blueprintLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('blueprintLint.restartServer', async () => {
      output.info('restarting the server');
      await host.restart();
    }),
    vscode.commands.registerCommand(TOGGLE_FILE_COMMAND, async (target?: unknown): Promise<boolean | undefined> => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return undefined;
      try {
        const on = await toggleFile(uri);
        await host.configurationChanged();
        host.fileToggled();
        output.info(`${on ? 'turned on' : 'turned off'} for ${uri.toString()}`);
        return on;
      } catch (error) {
        void vscode.window.showWarningMessage(`Blueprint Lint: ${errorText(error)}`);
        return undefined;
      }
    }),
  ];
}
