import * as vscode from 'vscode';

/** Config file names the engine discovers, in its order of preference. */
export const CONFIG_FILE_NAMES = ['.blueprintlint.jsonc', '.blueprintlint.json', '.blueprintlint.yaml', '.blueprintlint.yml'];

/** Where `$schema` points: the schema the extension also contributes for these file names. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/blueprint-lint/blueprint-lint/main/schemas/blueprintlint.schema.json';

export function starterConfig(): string {
  return [
    '{',
    `  "$schema": "${SCHEMA_URL}",`,
    '  // Presets: "recommended" (default severities) or "strict".',
    '  "extends": "recommended",',
    '  // Severity per rule: "off" | "info" | "warning" | "error".',
    '  "rules": {',
    '    "benefit-needs-support": "warning"',
    '  }',
    '}',
    '',
  ].join('\n');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Opens the folder's config file, creating `.blueprintlint.jsonc` (with `$schema`) when it has none. */
export async function openOrCreateConfig(folder: vscode.WorkspaceFolder): Promise<vscode.TextEditor> {
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(uri)) return vscode.window.showTextDocument(uri);
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]!);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfig()));
  return vscode.window.showTextDocument(uri);
}
