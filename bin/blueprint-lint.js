#!/usr/bin/env node
// Launcher: the CLI lives in the compiled output; this file only starts it and sets the exit code.
import { setFlagsFromString } from 'node:v8';

// Less inlining per optimised function (V8's default budget is 920 bytes of bytecode): each thread compiles the
// parser's hot code again, and with the smaller budget a worker used 12% less CPU in all (docs/performance.md, run 11).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=400');

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
