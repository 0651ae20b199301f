// Entry point of the blueprint-lint command: parse arguments, run a command, return the exit code.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { allRules, lint, type LintResult, type ResolvedConfig } from '../engine/index.js';
import { ConfigCache, isIgnoredPath, loadSettingsFile, resolveConfig, type ConfigError, type PartialConfig } from './configAdapter.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { fixText, writeFileAtomically } from './fixFile.js';
import { formatters } from './formatters/index.js';
import { inspectModel } from './inspect.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './options.js';
import { countFindings, toForwardSlashes, type FileReport } from './report.js';
import { formatRuleTable, listRules } from './ruleList.js';
import { decodeSource, readSource, type SourceFile } from './source.js';
import { packageVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Everything the CLI touches outside itself, so it can run in-process too. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(parseCliArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`blueprint-lint: ${error.message} (run 'blueprint-lint --help' for usage)\n`);
      return EXIT_USAGE;
    }
    const e = error instanceof Error ? error : new Error(String(error));
    io.err(`blueprint-lint: internal error: ${e.message}\n`);
    if (/\bblueprint-lint\b/.test(io.env['DEBUG'] ?? '') && e.stack) io.err(`${e.stack}\n`);
    return EXIT_USAGE;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  switch (options.command) {
    case 'help':
      io.out(USAGE);
      return EXIT_OK;
    case 'version':
      io.out(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'rules': {
      const listing = listRules(allRules());
      await emit(options, io, options.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : formatRuleTable(listing));
      return EXIT_OK;
    }
    default:
      return runOnFiles(options, io);
  }
}

/** Shared by lint, inspect and --print-config: config resolution, then the command's own work. */
async function runOnFiles(options: CliOptions, io: CliIo): Promise<number> {
  const knownRules = allRules().map((r) => r.id);
  for (const o of options.ruleOverrides) {
    if (!knownRules.includes(o.id)) throw new UsageError(`unknown rule '${o.id}' in --rule (see 'blueprint-lint rules')`);
  }
  const configs = new ConfigResolver(options, io);
  if (!configs.loadSettings()) return EXIT_USAGE;
  // A broken explicit config stops everything: linting with half a config would mislead CI.
  if (options.configFile !== undefined && !configs.checkExplicitConfig()) return EXIT_USAGE;

  if (options.command === 'print-config') {
    const config = configs.forFile(resolve(io.cwd, options.printConfigFor!));
    io.out(`${JSON.stringify(config, null, 2)}\n`);
    return configs.hadErrors ? EXIT_USAGE : EXIT_OK;
  }
  if (options.command === 'inspect') return inspect(options, io, configs);
  return lintFiles(options, io, configs);
}

class ConfigResolver {
  private readonly cache = new ConfigCache();
  private readonly reported = new Set<string>();
  private settings: PartialConfig | undefined;
  hadErrors = false;

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
  ) {}

  loadSettings(): boolean {
    if (this.options.settingsFile === undefined) return true;
    const { settings, errors } = loadSettingsFile(resolve(this.io.cwd, this.options.settingsFile));
    this.report(errors);
    this.settings = settings;
    return errors.length === 0;
  }

  checkExplicitConfig(): boolean {
    const before = this.hadErrors;
    this.forFile(resolve(this.io.cwd, '__blueprint-lint-probe__.md'));
    return !this.hadErrors || before;
  }

  forFile(filePath: string): ResolvedConfig {
    const { config, errors } = resolveConfig({
      filePath,
      configFile: this.options.configFile === undefined ? undefined : resolve(this.io.cwd, this.options.configFile),
      settings: this.settings,
      knownRules: allRules().map((r) => r.id),
      cwd: this.io.cwd,
      cache: this.cache,
    });
    this.report(errors);
    if (this.options.ruleOverrides.length === 0) return config;
    const rules = { ...config.rules };
    for (const o of this.options.ruleOverrides) rules[o.id] = { severity: o.severity, options: rules[o.id]?.options ?? {} };
    return { ...config, rules };
  }

  private report(errors: readonly ConfigError[]): void {
    for (const e of errors) {
      this.hadErrors = true;
      const line = `${displayPath(e.file, this.io.cwd)}:${e.line}:${e.column}: ${e.message}`;
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      this.io.err(`${line}\n`);
    }
  }
}

async function inspect(options: CliOptions, io: CliIo, configs: ConfigResolver): Promise<number> {
  const target = await oneTarget(options, io);
  if (!target) return EXIT_USAGE;
  const config = configs.forFile(target.file.absolutePath);
  const text = textOf(target.source, target.file, io);
  if (text === undefined) return EXIT_USAGE;
  const result = lint(text, { filePath: target.file.absolutePath, config });
  await emit(options, io, `${JSON.stringify(inspectModel(result), null, 2)}\n`);
  return configs.hadErrors ? EXIT_USAGE : EXIT_OK;
}

async function oneTarget(options: CliOptions, io: CliIo): Promise<{ file: DiscoveredFile; source: SourceFile } | undefined> {
  if (options.stdin) return stdinTarget(options, io);
  const given = options.paths[0]!;
  const file = { absolutePath: resolve(io.cwd, given), displayPath: toForwardSlashes(given), explicit: true };
  const source = await readSource(file.absolutePath, options.maxFileSize);
  if (source.kind === 'unreadable' && source.reason === 'no such file or directory') {
    io.err(`${file.displayPath}: no such file or directory\n`);
    return undefined;
  }
  return { file, source };
}

async function stdinTarget(options: CliOptions, io: CliIo): Promise<{ file: DiscoveredFile; source: SourceFile }> {
  const name = options.stdinFilename ?? '<stdin>';
  const bytes = await io.readStdin();
  const decoded = decodeSource(bytes);
  const source: SourceFile = decoded.kind === 'text' ? { ...decoded, size: bytes.length, mtimeMs: 0, mode: 0o644 } : decoded;
  return { file: { absolutePath: resolve(io.cwd, name), displayPath: toForwardSlashes(name), explicit: true }, source };
}

/** The text to lint, or undefined after telling the user why the file is skipped. */
function textOf(source: SourceFile, file: DiscoveredFile, io: CliIo): string | undefined {
  switch (source.kind) {
    case 'binary':
      io.err(`${file.displayPath}: skipped: binary file\n`);
      return undefined;
    case 'too-large':
      io.err(`${file.displayPath}: skipped: larger than the maximum file size (${source.size} bytes)\n`);
      return undefined;
    case 'unreadable':
      io.err(`${file.displayPath}: cannot read: ${source.reason}\n`);
      return undefined;
    case 'text':
      if (source.invalidUtf8At) {
        const p = source.invalidUtf8At;
        io.err(`${file.displayPath}:${p.line}:${p.column}: invalid UTF-8 byte sequence, linted with replacement characters\n`);
      }
      return source.text;
  }
}

async function lintFiles(options: CliOptions, io: CliIo, configs: ConfigResolver): Promise<number> {
  let failed = false;
  let errors = 0;
  let warnings = 0;
  const targets: Array<{ file: DiscoveredFile; source?: SourceFile }> = [];
  if (options.stdin) {
    targets.push(await stdinTarget(options, io));
  } else {
    const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], { cwd: io.cwd, useIgnoreFiles: options.useIgnoreFiles });
    for (const arg of discovery.missing) io.err(`${toForwardSlashes(arg)}: no such file or directory\n`);
    if (discovery.missing.length > 0) failed = true;
    for (const file of discovery.files) targets.push({ file });
  }

  const reports: FileReport[] = [];
  for (const target of targets) {
    const { file } = target;
    const config = configs.forFile(file.absolutePath);
    if (options.useIgnoreFiles && isIgnoredPath(file.absolutePath, config)) {
      if (file.explicit) io.err(`${file.displayPath}: skipped: matched by the config's ignores\n`);
      continue;
    }
    const source = target.source ?? (await readSource(file.absolutePath, options.maxFileSize));
    const text = textOf(source, file, io);
    if (text === undefined || source.kind !== 'text') continue;
    const lintText = (t: string): LintResult => lint(t, { filePath: file.absolutePath, config });
    try {
      let result: LintResult;
      if (options.fix && source.invalidUtf8At) {
        io.err(`${file.displayPath}: not fixed: the file is not valid UTF-8\n`);
        result = lintText(text);
      } else if (options.fix) {
        const outcome = fixText(text, lintText);
        if (outcome.text !== text) await writeFileAtomically(file.absolutePath, outcome.text, { bom: source.bom, mode: source.mode });
        result = outcome.result;
      } else {
        result = lintText(text);
      }
      for (const p of result.problems) io.err(`${file.displayPath}:${p.start.line}:${p.start.column}: ${p.message}\n`);
      const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
      reports.push({ file: file.displayPath, absolutePath: file.absolutePath, findings });
      // Counting happens on all findings so --quiet cannot hide warnings from --max-warnings.
      const totals = countFindings([{ file: file.displayPath, absolutePath: file.absolutePath, findings: result.findings }]);
      errors += totals.errors;
      warnings += totals.warnings;
    } catch (error) {
      failed = true;
      io.err(`${file.displayPath}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  const color = options.color ?? (io.stdoutIsTTY && options.outputFile === undefined && !io.env['NO_COLOR']);
  const output = formatters[options.format](reports, { cwd: io.cwd, color, version: packageVersion(), rules: allRules(), fixed: options.fix });
  await emit(options, io, output);

  if (failed || configs.hadErrors) return EXIT_USAGE;
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.err(`blueprint-lint: too many warnings (${warnings}; maximum allowed: ${options.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

async function emit(options: CliOptions, io: CliIo, text: string): Promise<void> {
  if (options.outputFile === undefined) {
    if (text) io.out(text);
    return;
  }
  const path = resolve(io.cwd, options.outputFile);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** A path for messages: relative to cwd when inside it, forward slashes. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return toForwardSlashes(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path);
}
