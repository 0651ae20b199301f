import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's root (data files live under it), found from this module's location. */
export function packageRoot(): string {
  if (root) return root;
  // In the esbuild CJS bundle __dirname exists; in the ESM build import.meta.url does.
  let dir = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'blueprint-lint') return (root = dir);
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('blueprint-lint: cannot find the package root (package.json named blueprint-lint)');
    dir = parent;
  }
}
