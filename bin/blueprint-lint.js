#!/usr/bin/env node
// Launcher: the CLI lives in the compiled output; this file only starts it and sets the exit code.
let cli;
try {
  cli = await import('../out/server/src/cli/main.js');
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
