// Entry point of the blueprint-lint command: parse arguments, run a command, return the exit code.
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './options.js';
import { packageVersion } from '../engine/resources.js';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

/** A worker thread's entry, exported so bin/lint-worker.js can take it from the bundle the main thread runs. */
export const lintWorker = (): Promise<typeof import('./lintWorker.js')> => import('./lintWorker.js');

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
    case 'init': {
      // No config is read: init is how a project gets one.
      const { initCommand } = await import('./init.js');
      return initCommand(options, io);
    }
    default: {
      const { runCommand } = await import('./commands.js');
      return runCommand(options, io);
    }
  }
}
