// Finds the configuration file that applies to a document: the nearest one walking up.
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { stampOf } from './cache.js';

/** Checked in this order in each directory; the first present wins. */
export const CONFIG_FILE_NAMES = ['.blueprintlint.jsonc', '.blueprintlint.json', '.blueprintlint.yaml', '.blueprintlint.yml'] as const;

/** True when `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Walks up from `startDir` to the filesystem root, or to `stopDir` (included) when `startDir` is inside it.
 * Returns the first config file found, or undefined. Directories checked are pushed onto `checked` when given.
 */
export function findConfigFile(startDir: string, stopDir?: string, checked?: string[]): string | undefined {
  let dir = resolve(startDir);
  const stop = stopDir !== undefined && isInside(dir, resolve(stopDir)) ? resolve(stopDir) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      checked?.push(candidate);
      if (stampOf(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}
