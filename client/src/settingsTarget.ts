import * as vscode from 'vscode';
import { AddVocabularyRequest } from '../../server/src/server/protocol.js';

/** The `blueprintLint.vocabulary` setting's shape (the same as `vocabulary` in a .blueprintlint config file). */
interface VocabularySetting {
  benefit?: { add?: string[]; remove?: string[] };
  support?: { add?: Array<{ kind: string; phrase: string }>; remove?: string[] };
  [other: string]: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds one change to a vocabulary setting value, leaving everything else in it untouched; null when already there. */
export function withVocabularyChange(value: unknown, change: AddVocabularyRequest.Params['change']): VocabularySetting | null {
  const vocabulary: VocabularySetting = isObject(value) ? structuredClone(value) : {};
  const phrase = change.phrase.trim();
  // Lane labels go to the project config file, which the server edits itself.
  if (change.list === 'lanes') return null;
  if (change.list === 'benefit.remove') {
    const benefit = (vocabulary.benefit = isObject(vocabulary.benefit) ? vocabulary.benefit : {});
    const remove = (benefit.remove = Array.isArray(benefit.remove) ? benefit.remove : []);
    if (remove.some((p) => p.toLowerCase() === phrase.toLowerCase())) return null;
    remove.push(phrase);
  } else {
    const support = (vocabulary.support = isObject(vocabulary.support) ? vocabulary.support : {});
    const add = (support.add = Array.isArray(support.add) ? support.add : []);
    if (add.some((e) => isObject(e) && typeof e.phrase === 'string' && e.phrase.toLowerCase() === phrase.toLowerCase())) return null;
    add.push({ kind: change.kind, phrase });
  }
  return vocabulary;
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
  const target = inFolder
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<unknown>('vocabulary');
  const current =
    target === vscode.ConfigurationTarget.WorkspaceFolder
      ? inspected?.workspaceFolderValue
      : target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.globalValue;
  const next = withVocabularyChange(current, params.change);
  if (next === null) return { applied: false, message: `"${params.change.phrase}" is already in blueprintLint.vocabulary.` };
  try {
    await config.update('vocabulary', next, target);
  } catch (error) {
    return { applied: false, message: `Could not update blueprintLint.vocabulary: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { applied: true };
}
