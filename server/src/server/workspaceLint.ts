// blueprintLint/lintWorkspace: lint every Markdown file of the workspace folders, publishing for files not open.
import { readFileSync, statSync } from 'node:fs';
import type { Connection, TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { discoverFiles } from '../files/discover.js';
import { lint } from '../engine/index.js';
import { isIgnoredPath } from './configAdapter.js';
import type { ConfigService } from './configFiles.js';
import { problemDiagnostic, toDiagnostic } from './diagnostics.js';
import { pathToUri, type WorkspaceFolders } from './documents.js';
import type { LintWorkspaceRequest } from './protocol.js';
import type { SettingsStore } from './settings.js';

export async function lintWorkspace(
  connection: Connection,
  folders: WorkspaceFolders,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  configs: ConfigService,
): Promise<LintWorkspaceRequest.Result> {
  const result: LintWorkspaceRequest.Result = { filesScanned: 0, blueprints: 0, problems: 0 };
  for (const folder of folders.all()) {
    const folderSettings = await settings.get(folder.uri);
    if (!folderSettings.enable) continue;
    // The CLI's own walk: .gitignore'd files, node_modules and .git are skipped the same way.
    const { files } = await discoverFiles([folder.path], { cwd: folder.path, useIgnoreFiles: true });
    for (const { absolutePath: file } of files) {
      const uri = pathToUri(file);
      result.filesScanned++;
      // Open documents are linted from the editor's text already.
      if (documents.get(uri)) continue;
      if (statSync(file).size > folderSettings.maxFileSize) continue;
      const config = configs.configFor(file, folderSettings);
      if (isIgnoredPath(file, config)) continue;
      const text = readFileSync(file, 'utf8');
      const lintResult = lint(text, { filePath: file, config });
      if (!lintResult.blueprint.isBlueprint) continue;
      result.blueprints++;
      result.problems += lintResult.findings.length;
      const diagnostics = lintResult.findings.map((f, index) => toDiagnostic(uri, f, lintResult.lines, { ruleId: f.ruleId, index, version: -1 }));
      diagnostics.push(...lintResult.problems.map((p) => problemDiagnostic(p)));
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }
  return result;
}
