// The one place the installed package is found: its root (data files live under it) and its version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: { root: string; version: string } | undefined;

/** The installed package's root (data files live under it), found from this module's location. */
export function packageRoot(): string {
  return findPackage().root;
}

/** The version in the package's package.json. */
export function packageVersion(): string {
  return findPackage().version;
}

function findPackage(): { root: string; version: string } {
  if (found) return found;
  // In the esbuild CJS bundle __dirname exists; in the ESM build import.meta.url does.
  let dir = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'blueprint-lint') return (found = { root: dir, version: pkg.version ?? '0.0.0' });
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('blueprint-lint: cannot find the package root (package.json named blueprint-lint)');
    dir = parent;
  }
}
