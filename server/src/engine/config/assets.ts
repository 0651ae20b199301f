// Locates files shipped with the package (schema, presets) from wherever the code runs: sources, out/ or a bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

function moduleDir(): string {
  try {
    const url = import.meta.url;
    if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  } catch {
    // import.meta is empty in a CommonJS bundle; fall through.
  }
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

declare const __dirname: string | undefined;

/** The package root: the nearest ancestor holding schemas/blueprintlint.schema.json. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = moduleDir();
  for (;;) {
    if (existsSync(join(dir, 'schemas', 'blueprintlint.schema.json'))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Blueprint Lint: cannot find schemas/blueprintlint.schema.json above ${moduleDir()}`);
    dir = parent;
  }
}

export function schemaPath(): string {
  return join(packageRoot(), 'schemas', 'blueprintlint.schema.json');
}

export function presetPath(name: string): string {
  return join(packageRoot(), 'rules', 'presets', `${name}.jsonc`);
}
