// Glob matching of document paths against `files` and `ignores`, relative to the config's base directory.
import picomatch from 'picomatch';
import { relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from './types.js';

type Matcher = (path: string) => boolean;
const matchers = new WeakMap<readonly string[], Matcher>();

function matcherFor(globs: readonly string[]): Matcher {
  let m = matchers.get(globs);
  if (!m) {
    const compiled = globs.flatMap((g) => {
      try {
        return [picomatch(g, { dot: true, windows: false })];
      } catch {
        return []; // reported when the config was loaded
      }
    });
    m = (path: string) => compiled.some((test) => test(path));
    matchers.set(globs, m);
  }
  return m;
}

/** The path relative to the config's base directory, with forward slashes. */
export function relativeToBase(filePath: string, config: ResolvedConfig): string {
  return relative(config.baseDir ?? process.cwd(), resolve(filePath))
    .split(sep)
    .join('/');
}

/** True when the path matches one of the `files` globs (defaults included). */
export function isBlueprintPath(filePath: string, config: ResolvedConfig): boolean {
  return matcherFor(config.files)(relativeToBase(filePath, config));
}

/** True when the path, or a directory above it, matches one of the `ignores` globs: `drafts` and `drafts/**` both work. */
export function isIgnoredPath(filePath: string, config: ResolvedConfig): boolean {
  if (config.ignores.length === 0) return false;
  const match = matcherFor(config.ignores);
  const rel = relativeToBase(filePath, config);
  const parts = rel.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (match(parts.slice(0, i).join('/'))) return true;
  }
  return false;
}
