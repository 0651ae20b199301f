#!/usr/bin/env node
// Launcher: the CLI lives in the compiled output; this file only starts it and sets the exit code.
try {
  const { main } = await import('../out/server/src/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`blueprint-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (/\bblueprint-lint\b/.test(process.env.DEBUG ?? '') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
