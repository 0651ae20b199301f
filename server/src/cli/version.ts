import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: { dir: string; version: string } | undefined;

/** The package version, from the nearest package.json named blueprint-lint above this module (works from out/ and from a bundle). */
export function packageVersion(): string {
  return findPackage().version;
}

/** The installed package's folder (where rules/vocabulary lives); this module's folder when there is no package.json. */
export function packageRootDir(): string {
  return findPackage().dir;
}

function findPackage(): { dir: string; version: string } {
  if (found) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'blueprint-lint' && pkg.version) return (found = { dir, version: pkg.version });
    } catch {
      // no package.json at this level: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) return (found = { dir: start, version: '0.0.0' });
    dir = up;
  }
}
