// What the CLI touches outside itself (streams, cwd, env), so it can also run in-process.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CliOptions } from './options.js';
import { toForwardSlashes } from '../files/paths.js';
const require = createRequire(import.meta.url); // bundle: global require

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Asks a question and returns the answer; present only when stdin is a terminal (nothing is asked in CI or a pipe). */
  prompt?(question: string): Promise<string>;
}

export function processIo(): CliIo {
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`blueprint-lint | head`): drop the rest of the report, keep the exit code honest.
    if (error.code === 'EPIPE') stdoutClosed = true;
    else {
      process.stderr.write(`blueprint-lint: cannot write output: ${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (t) => void (stdoutClosed || process.stdout.write(t)),
    err: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    prompt: process.stdin.isTTY ? askOnTerminal : undefined,
  };
}

async function askOnTerminal(question: string): Promise<string> {
  // required on the first question, not imported: readline brings its interface and streams to every run
  const { createInterface } = require('node:readline/promises') as typeof import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** Writes a command's report to stdout, or to --output-file (creating its folder). */
export async function emit(options: CliOptions, io: CliIo, text: string): Promise<void> {
  if (options.outputFile === undefined) {
    if (text) io.out(text);
    return;
  }
  const path = resolve(io.cwd, options.outputFile);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** A path for messages: relative to cwd when inside it, forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return toForwardSlashes(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path);
}
