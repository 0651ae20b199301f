import * as vscode from 'vscode';

/** One output channel for the client and the server, so users find every log line in one place. */
export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Blueprint Lint', { log: true });
}
