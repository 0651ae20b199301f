import * as vscode from 'vscode';

const DOCS_URL = /\/rules\/([a-z0-9-]+)\.md(?:#.*)?$/;

/** The rule id of a documentation URL built by the engine's docsUrl(), or of a bare rule id. */
export function ruleIdOf(target: string): string | undefined {
  if (/^[a-z0-9-]+$/.test(target)) return target;
  return DOCS_URL.exec(target)?.[1];
}

/** Rules whose documentation ships inside the extension (rules/<id>.md). */
export async function bundledRuleIds(extensionUri: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'rules'));
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && name !== 'README.md')
      .map(([name]) => name.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Shows a rule's documentation: the copy bundled in the extension when there is one (works offline and
 * matches the installed version), else the URL in the browser.
 */
export async function showRuleDocs(extensionUri: vscode.Uri, target: string | undefined): Promise<void> {
  let id = target ? ruleIdOf(target) : undefined;
  if (!target) {
    const ids = await bundledRuleIds(extensionUri);
    id = await vscode.window.showQuickPick(ids, { placeHolder: 'Show the documentation of which rule?' });
    if (!id) return;
  }
  if (id) {
    const local = vscode.Uri.joinPath(extensionUri, 'rules', `${id}.md`);
    try {
      await vscode.workspace.fs.stat(local);
      // locked: a plain preview follows the active editor and would turn into a preview of the user's blueprint
      await vscode.commands.executeCommand('markdown.showPreview', local, undefined, { locked: true });
      return;
    } catch {
      // not bundled: fall through to the URL
    }
  }
  if (target && /^https?:\/\//.test(target)) {
    await vscode.env.openExternal(vscode.Uri.parse(target));
    return;
  }
  void vscode.window.showWarningMessage(`Blueprint Lint: no documentation found for "${target ?? ''}".`);
}
