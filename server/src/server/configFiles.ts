// Resolves the engine config of each document (config file + settings) and reports broken config files where they are.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node.js';
import { LineIndex, type ResolvedConfig } from '../engine/index.js';
import { describeRaised, resolveConfig, type ConfigError } from './configAdapter.js';
import { pathToUri, type WorkspaceFolders } from './documents.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import type { EditorSettings } from './settings.js';

export class ConfigService {
  /** What was last published per config file (JSON), so unchanged errors are not sent again on every keystroke. */
  private readonly published = new Map<string, string>();
  /** Problems without a file (settings) already logged: resolution runs on every lint, the log should not. */
  private readonly logged = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolders,
    /** False in an untrusted workspace: config files may not extend files outside their folder. */
    private readonly trusted: boolean,
  ) {}

  /** Config for a document path (an untitled document gets the first folder's config). Never throws for user input. */
  configFor(filePath: string | undefined, settings: EditorSettings): ResolvedConfig {
    const folder = filePath ? this.folders.folderOf(filePath) : this.folders.all()[0];
    const probe = filePath ?? join(folder?.path ?? process.cwd(), 'untitled.md');
    const { config, errors } = resolveConfig({
      filePath: probe,
      settings: settings.layer,
      configFile: settings.configFile,
      stopDir: folder?.path,
      trustedRoot: this.trusted ? undefined : folder?.path,
    });
    this.report(errors, config.sources);
    this.logRaised(config);
    return config;
  }

  /** A setting that asks for less than the team policy allows is raised; the output log says so once. */
  private logRaised(config: ResolvedConfig): void {
    for (const raised of [config.raised, ...Object.values(config.profiles).map((p) => p.raised)]) {
      for (const [id, r] of Object.entries(raised)) {
        if (r.by === 'default' || r.by === r.policy) continue;
        const line = `Blueprint Lint ${describeRaised(id, r)}`;
        if (!this.logged.has(line)) this.connection.console.info(line);
        this.logged.add(line);
      }
    }
  }

  /** A config file changed on disk: re-check it even when no open document uses it. */
  recheck(configFile: string, deleted: boolean): void {
    if (deleted) {
      this.publish(configFile, []);
      return;
    }
    const folder = this.folders.folderOf(configFile);
    const { config, errors } = resolveConfig({
      filePath: join(dirname(configFile), 'probe.md'),
      stopDir: folder?.path,
      trustedRoot: this.trusted ? undefined : folder?.path,
    });
    this.report(errors, [...config.sources, configFile]);
  }

  /** Publishes errors on their files; files that took part without errors lose old diagnostics. */
  private report(errors: readonly ConfigError[], sources: readonly string[]): void {
    const byFile = new Map<string, ConfigError[]>();
    for (const e of errors) {
      if (!isAbsolute(e.file)) {
        const line = `Blueprint Lint ${e.file}: ${e.message}`;
        if (!this.logged.has(line)) this.connection.console.warn(line);
        this.logged.add(line);
        continue;
      }
      byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    }
    for (const [file, list] of byFile)
      this.publish(
        file,
        list.map((e) => toDiagnostic(e)),
      );
    for (const file of sources) if (isAbsolute(file) && !byFile.has(file)) this.publish(file, []);
  }

  private publish(file: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    const before = this.published.get(file);
    if (before === key || (before === undefined && diagnostics.length === 0)) return;
    this.published.set(file, key);
    void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
  }
}

/** A config error as a diagnostic on its file; a point error spans the rest of its line so every editor shows it. */
function toDiagnostic(error: ConfigError): Diagnostic {
  const start = { line: Math.max(0, error.line - 1), character: Math.max(0, error.column - 1) };
  let end = { line: Math.max(0, error.endLine - 1), character: Math.max(0, error.endColumn - 1) };
  if (end.line === start.line && end.character <= start.character) {
    end = { line: start.line, character: start.character + 1 };
    try {
      const lines = new LineIndex(readFileSync(error.file, 'utf8'));
      end.character = Math.max(end.character, lines.lineEnd(start.line + 1) - lines.lineStart(start.line + 1));
    } catch {
      // The file is unreadable (that may be the error itself); keep the one-character range.
    }
  }
  return {
    range: { start, end },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: `config-${error.code}`,
    message: `${error.message} (defaults are used instead)`,
  };
}
