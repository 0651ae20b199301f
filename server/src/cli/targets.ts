import { resolve } from 'node:path';
import type { DiscoveredFile } from '../files/discover.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { toForwardSlashes } from '../files/paths.js';
import { decodeSource, readSource, type SourceFile } from './source.js';

export interface Target {
  file: DiscoveredFile;
  /** Already read (stdin, inspect); otherwise read when its turn comes. */
  source?: SourceFile;
}

/** The one file `inspect` works on; undefined (after saying why) when it does not exist. */
export async function singleTarget(options: CliOptions, io: CliIo, maxFileSize: number): Promise<Required<Target> | undefined> {
  if (options.stdin) return stdinTarget(options, io);
  const given = options.paths[0]!;
  const file = { absolutePath: resolve(io.cwd, given), displayPath: toForwardSlashes(given), explicit: true };
  const source = readSource(file.absolutePath, maxFileSize);
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

/** A message about one file for stderr; printed as `file[:line:column]: message`. */
export interface FileNote {
  at?: { line: number; column: number };
  message: string;
}

export function formatNote(displayPath: string, note: FileNote): string {
  return `${displayPath}${note.at ? `:${note.at.line}:${note.at.column}` : ''}: ${note.message}\n`;
}

/** The text to lint, or undefined after telling the user why the file is skipped. */
export function lintableText(source: SourceFile, file: DiscoveredFile, io: CliIo): string | undefined {
  const { text, notes } = sourceText(source);
  for (const note of notes) io.err(formatNote(file.displayPath, note));
  return text;
}

/** The text to lint (undefined when the file is skipped) and what to tell the user about it. */
export function sourceText(source: SourceFile): { text?: string; notes: FileNote[] } {
  switch (source.kind) {
    case 'binary':
      return { notes: [{ message: 'skipped: binary file' }] };
    case 'too-large':
      return { notes: [{ message: `skipped: larger than the maximum file size (${source.size} bytes)` }] };
    case 'unreadable':
      return { notes: [{ message: `cannot read: ${source.reason}` }] };
    case 'text': {
      const p = source.invalidUtf8At;
      const notes = p ? [{ at: { line: p.line, column: p.column }, message: 'invalid UTF-8 byte sequence, linted with replacement characters' }] : [];
      return { text: source.text, notes };
    }
  }
}
