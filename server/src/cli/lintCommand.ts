import { allRules, lint, type LintResult, type ResolvedConfig } from '../engine/index.js';
import { isIgnoredPath } from './configAdapter.js';
import type { ConfigResolver } from './configResolver.js';
import { discoverFiles } from './discover.js';
import { fixText, writeFileAtomically } from './fixFile.js';
import { formatters } from './formatters/index.js';
import { emit, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { countFindings, toForwardSlashes, type FileReport } from './report.js';
import { readSource, type SourceFile } from './source.js';
import { lintableText, stdinTarget, type Target } from './targets.js';
import { packageVersion } from './version.js';

/** The default command: find files, lint (and fix) each, print one report, choose the exit code. */
export async function lintCommand(options: CliOptions, io: CliIo, configs: ConfigResolver): Promise<number> {
  let failed = false;
  const targets: Target[] = [];
  if (options.stdin) {
    targets.push(await stdinTarget(options, io));
  } else {
    const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], { cwd: io.cwd, useIgnoreFiles: options.useIgnoreFiles });
    for (const arg of discovery.missing) io.err(`${toForwardSlashes(arg)}: no such file or directory\n`);
    for (const arg of discovery.unmatched) io.err(`${toForwardSlashes(arg)}: no files match this pattern\n`);
    if (discovery.missing.length > 0 || discovery.unmatched.length > 0) failed = true;
    for (const file of discovery.files) targets.push({ file });
  }

  const reports: FileReport[] = [];
  const all: FileReport[] = [];
  for (const { file, source } of targets) {
    const config = configs.forFile(file.absolutePath);
    if (options.useIgnoreFiles && isIgnoredPath(file.absolutePath, config)) {
      if (file.explicit) io.err(`${file.displayPath}: skipped: matched by the config's ignores\n`);
      continue;
    }
    const outcome = await lintOne(file.displayPath, file.absolutePath, source ?? (await readSource(file.absolutePath, options.maxFileSize)), config, options, io);
    if (outcome.failed) failed = true;
    if (!outcome.result) continue;
    const findings = outcome.result.findings;
    all.push({ file: file.displayPath, absolutePath: file.absolutePath, findings });
    reports.push({ file: file.displayPath, absolutePath: file.absolutePath, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings });
  }

  const color = options.color ?? (io.stdoutIsTTY && options.outputFile === undefined && !io.env['NO_COLOR']);
  await emit(options, io, formatters[options.format](reports, { cwd: io.cwd, color, version: packageVersion(), rules: allRules(), fixed: options.fix }));

  if (failed || configs.hadErrors) return EXIT_USAGE;
  // Counted on all findings, so --quiet cannot hide warnings from --max-warnings.
  const totals = countFindings(all);
  if (totals.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings >= 0 && totals.warnings > options.maxWarnings) {
    io.err(`blueprint-lint: too many warnings (${totals.warnings}; maximum allowed: ${options.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** Lints one file, fixing it first with --fix; no result when it was skipped, `failed` for errors that set exit code 2. */
async function lintOne(
  display: string,
  absolutePath: string,
  source: SourceFile,
  config: ResolvedConfig,
  options: CliOptions,
  io: CliIo,
): Promise<{ result?: LintResult; failed: boolean }> {
  const text = lintableText(source, { absolutePath, displayPath: display, explicit: true }, io);
  if (text === undefined || source.kind !== 'text') return { failed: false };
  const lintText = (t: string): LintResult => lint(t, { filePath: absolutePath, config });
  let failed = false;
  let result: LintResult;
  try {
    if (!options.fix) {
      result = lintText(text);
    } else if (source.invalidUtf8At) {
      // Writing would turn the undecodable bytes into replacement characters for good.
      io.err(`${display}: not fixed: the file is not valid UTF-8\n`);
      result = lintText(text);
    } else {
      const outcome = fixText(text, lintText);
      result = outcome.result;
      if (outcome.text !== text) {
        try {
          await writeFileAtomically(absolutePath, outcome.text, { bom: source.bom, mode: source.mode });
        } catch (error) {
          failed = true;
          const code = (error as NodeJS.ErrnoException).code;
          io.err(`${display}: cannot write fixes: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}\n`);
          result = lintText(text); // the file on disk is unchanged, so report its findings
        }
      }
    }
  } catch (error) {
    io.err(`${display}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return { failed: true };
  }
  for (const p of result.problems) io.err(`${display}:${p.start.line}:${p.start.column}: ${p.message}\n`);
  return { result, failed };
}
