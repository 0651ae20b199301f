import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, from the nearest package.json named blueprint-lint above this module (works from out/ and from a bundle). */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'blueprint-lint' && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}
