// Entry point of the blueprint-lint command: parse arguments, run a command, return the exit code.
import { resolve } from 'node:path';
import { allRules } from '../engine/index.js';
import { ConfigResolver } from './configResolver.js';
import { inspectCommand } from './inspectCommand.js';
import { emit, EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io.js';
import { lintCommand } from './lintCommand.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './options.js';
import { formatRuleTable, listRules } from './ruleList.js';
import { packageVersion } from './version.js';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(parseCliArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`blueprint-lint: ${error.message} (run 'blueprint-lint --help' for usage)\n`);
      return EXIT_USAGE;
    }
    // Never a stack trace for users; DEBUG=blueprint-lint shows it for us.
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

/** Lint, inspect and --print-config share config handling: --rule ids checked, --settings and --config validated first. */
async function runOnFiles(options: CliOptions, io: CliIo): Promise<number> {
  const knownRules = allRules().map((r) => r.id);
  for (const o of options.ruleOverrides) {
    if (!knownRules.includes(o.id)) throw new UsageError(`unknown rule '${o.id}' in --rule (see 'blueprint-lint rules')`);
  }
  const configs = new ConfigResolver(options, io);
  if (!configs.loadSettings()) return EXIT_USAGE;
  // A broken explicit config stops everything: linting with half a config would mislead CI.
  if (options.configFile !== undefined && !configs.checkExplicitConfig()) return EXIT_USAGE;

  switch (options.command) {
    case 'print-config': {
      const config = configs.forFile(resolve(io.cwd, options.printConfigFor!));
      await emit(options, io, `${JSON.stringify(config, null, 2)}\n`);
      return configs.hadErrors ? EXIT_USAGE : EXIT_OK;
    }
    case 'inspect':
      return inspectCommand(options, io, configs);
    default:
      return lintCommand(options, io, configs);
  }
}
