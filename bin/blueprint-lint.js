#!/usr/bin/env node
// Launcher: the CLI lives in the compiled output; this file only starts it and sets the exit code.
import { setFlagsFromString } from 'node:v8';
import { CLI_V8_FLAGS } from './flags.js';

setFlagsFromString(CLI_V8_FLAGS);

let cli;
try {
  // The bundle with its code cache when the build made one (bin/cli-bundle.js), else the compiled modules under out/.
  const { loadCliBundle } = await import('./cli-bundle.js');
  cli = loadCliBundle(CLI_V8_FLAGS) ?? (await import('../out/server/src/cli/main.js'));
} catch (error) {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli/main.js');
  process.stderr.write(
    notBuilt
      ? 'blueprint-lint: internal error: the CLI is not built (run `npm run build` first)\n'
      : `blueprint-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (/\bblueprint-lint\b/.test(process.env.DEBUG ?? '') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
if (cli) process.exitCode = await cli.main(process.argv.slice(2));
