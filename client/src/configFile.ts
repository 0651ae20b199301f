import * as vscode from 'vscode';

/** Config file names the engine discovers, in its order of preference. */
export const CONFIG_FILE_NAMES = ['.blueprintlint.jsonc', '.blueprintlint.json', '.blueprintlint.yaml', '.blueprintlint.yml'];

/**
 * `$schema` of a created config: the schema inside the workspace's own blueprint-lint package, when the project
 * installs it (relative, so it works for everyone offline). A remote URL is never written: VS Code refuses to
 * download schemas from untrusted locations and would then drop validation; the extension's `jsonValidation`
 * contribution already gives .blueprintlint.json(c) the bundled schema.
 */
export const LOCAL_SCHEMA = './node_modules/blueprint-lint/schemas/blueprintlint.schema.json';

export function starterConfig(schema: string | undefined): string {
  return [
    '{',
    ...(schema ? [`  "$schema": "${schema}",`] : ["  // Completions and validation come from the Blueprint Lint extension's schema."]),
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

/** Opens the folder's config file, creating `.blueprintlint.jsonc` (with `$schema` where it resolves) when it has none. */
export async function openOrCreateConfig(folder: vscode.WorkspaceFolder): Promise<vscode.TextEditor> {
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(uri)) return vscode.window.showTextDocument(uri);
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]!);
  const schema = (await exists(vscode.Uri.joinPath(folder.uri, LOCAL_SCHEMA))) ? LOCAL_SCHEMA : undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfig(schema)));
  return vscode.window.showTextDocument(uri);
}
