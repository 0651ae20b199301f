import { resolve } from 'node:path';
import type { DiscoveredFile } from './discover.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { toForwardSlashes } from './report.js';
import { decodeSource, readSource, type SourceFile } from './source.js';

export interface Target {
  file: DiscoveredFile;
  /** Already read (stdin, inspect); otherwise read when its turn comes. */
  source?: SourceFile;
}

/** The one file `inspect` works on; undefined (after saying why) when it does not exist. */
export async function singleTarget(options: CliOptions, io: CliIo): Promise<Required<Target> | undefined> {
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

/** stdin as a file: named by --stdin-filename, which also places it for config lookup and `files` globs. */
export async function stdinTarget(options: CliOptions, io: CliIo): Promise<Required<Target>> {
  const name = options.stdinFilename ?? '<stdin>';
  const bytes = await io.readStdin();
  const decoded = decodeSource(bytes);
  const source: SourceFile = decoded.kind === 'text' ? { ...decoded, size: bytes.length, mtimeMs: 0, mode: 0o644 } : decoded;
  return { file: { absolutePath: resolve(io.cwd, name), displayPath: toForwardSlashes(name), explicit: true }, source };
}

/** The text to lint, or undefined after telling the user why the file is skipped. */
export function lintableText(source: SourceFile, file: DiscoveredFile, io: CliIo): string | undefined {
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
