import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { SettingKey, SettingValues } from '../../server/src/engine/config/definition.js';

/**
 * "Turn Blueprint Lint off for this file" without editing the user's file: the file's path goes into the
 * `blueprintLint.disabledFiles` setting (workspace-folder relative globs; absolute paths for files outside
 * any folder). The client applies it by answering the server's configuration pull with `enable: false`.
 */
const SETTING = 'disabledFiles' satisfies SettingKey;

/** Untitled documents cannot be named in settings; their switch lives for the session only. */
const untitledOff = new Set<string>();

function relativeKey(uri: vscode.Uri): { folder: vscode.WorkspaceFolder | undefined; key: string } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return { folder, key: path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') };
  return { folder: undefined, key: uri.fsPath.split(path.sep).join('/') };
}

function patterns(uri: vscode.Uri): string[] {
  const value = vscode.workspace.getConfiguration('blueprintLint', uri).get<unknown>(SETTING);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

export function isFileDisabled(uri: vscode.Uri): boolean {
  if (uri.scheme === 'untitled') return untitledOff.has(uri.toString());
  if (uri.scheme !== 'file') return false;
  const list = patterns(uri);
  if (list.length === 0) return false;
  const { key } = relativeKey(uri);
  return picomatch(list, { dot: true })(key);
}

/** Flips the file's switch; returns the new state (true = linting on). */
export async function toggleFile(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'untitled') {
    const id = uri.toString();
    if (untitledOff.has(id)) untitledOff.delete(id);
    else untitledOff.add(id);
    return !untitledOff.has(id);
  }
  const { folder, key } = relativeKey(uri);
  const config = vscode.workspace.getConfiguration('blueprintLint', uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<SettingValues[typeof SETTING]>(SETTING);
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? [];
  const wasDisabled = isFileDisabled(uri);
  let next: string[];
  if (wasDisabled) {
    next = current.filter((p) => p !== key);
    if (next.length === current.length) {
      // matched by a glob (or a broader scope) that this toggle did not write: say so instead of failing silently
      throw new Error(`"${key}" is turned off by a pattern in blueprintLint.disabledFiles; edit that setting to turn it back on.`);
    }
  } else {
    next = [...current, key];
  }
  await config.update(SETTING, next.length > 0 ? next : undefined, target);
  return wasDisabled;
}
