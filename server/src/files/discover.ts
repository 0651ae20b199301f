import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { GitignoreFilter } from './gitignore.js';
import { toForwardSlashes } from './paths.js';

export interface DiscoveredFile {
  absolutePath: string;
  /** As given on the command line, or relative to cwd; forward slashes. */
  displayPath: string;
  /** Named directly on the command line (not found by walking a directory or a glob). */
  explicit: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Arguments that are neither an existing path nor a glob. */
  missing: string[];
  /** Globs that match no file at all: likely a typo, which must not pass CI silently. */
  unmatched: string[];
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = '**/*.{md,markdown}';

/** Expands the command line's paths and globs into a sorted, de-duplicated list of files to lint. */
export async function discoverFiles(args: readonly string[], opts: { cwd: string; useIgnoreFiles: boolean }): Promise<Discovery> {
  const gitignore = new GitignoreFilter();
  const byPath = new Map<string, DiscoveredFile>();
  const missing: string[] = [];
  const unmatched: string[] = [];
  const add = (file: DiscoveredFile): void => {
    if (!byPath.has(file.absolutePath)) byPath.set(file.absolutePath, file);
  };
  const walked = (absolutePath: string, displayPath: string): void => {
    if (opts.useIgnoreFiles && gitignore.isIgnored(absolutePath)) return;
    add({ absolutePath, displayPath: toForwardSlashes(displayPath), explicit: false });
  };

  for (const arg of args) {
    const absolute = resolve(opts.cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add({ absolutePath: absolute, displayPath: toForwardSlashes(arg), explicit: true });
    } else if (info?.isDirectory()) {
      const found = await glob(MARKDOWN, { cwd: absolute, dot: true, ignore: ALWAYS_SKIPPED, caseSensitiveMatch: false, followSymbolicLinks: false });
      for (const rel of found) walked(join(absolute, rel), isAbsolute(arg) ? join(absolute, rel) : join(arg, rel));
    } else if (isDynamicPattern(toForwardSlashes(arg))) {
      const found = await glob(toForwardSlashes(arg), { cwd: opts.cwd, dot: true, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false });
      if (found.length === 0) unmatched.push(arg);
      for (const rel of found) walked(resolve(opts.cwd, rel), isAbsolute(arg) ? resolve(opts.cwd, rel) : rel);
    } else {
      missing.push(arg);
    }
  }
  const files = [...byPath.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { files, missing, unmatched };
}
