import * as vscode from 'vscode';
import { withVocabularyPhrase } from '../../server/src/engine/config/vocabularyEdit.js';
import { AddVocabularyRequest } from '../../server/src/server/protocol.js';

/** Adds one change to a vocabulary setting value, in the config file's shape, leaving everything else in it untouched; null when already there. */
export function withVocabularyChange(value: unknown, change: AddVocabularyRequest.Params['change']): unknown {
  // Lane labels go to the project config file, which the server edits itself.
  if (change.list === 'lanes') return null;
  const next = withVocabularyPhrase({ vocabulary: value ?? {} }, { ...change, phrase: change.phrase.trim() });
  return next === undefined ? null : next['vocabulary'];
}

/**
 * The server asks the client to edit `blueprintLint.vocabulary` ("treat X as a support term" with
 * addToConfigTarget = settings): settings belong to the editor, so the client writes them, at the most
 * specific scope that exists (folder, else workspace, else user).
 */
export async function addVocabulary(params: AddVocabularyRequest.Params): Promise<AddVocabularyRequest.Result> {
  const scope = vscode.Uri.parse(params.scopeUri);
  const config = vscode.workspace.getConfiguration('blueprintLint', scope);
  const inFolder = vscode.workspace.getWorkspaceFolder(scope) !== undefined;
  const target = inFolder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<unknown>('vocabulary');
  const current =
    target === vscode.ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue : target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const next = withVocabularyChange(current, params.change);
  if (next === null) return { applied: false, message: `"${params.change.phrase}" is already in blueprintLint.vocabulary.` };
  try {
    await config.update('vocabulary', next, target);
  } catch (error) {
    return { applied: false, message: `Could not update blueprintLint.vocabulary: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { applied: true };
}
