// Files shipped with the package (schema, presets), under the package root resources.ts finds.
import { join } from 'node:path';
import { packageRoot } from '../resources.js';

export function schemaPath(): string {
  return join(packageRoot(), 'schemas', 'blueprintlint.schema.json');
}

export function presetPath(name: string): string {
  return join(packageRoot(), 'rules', 'presets', `${name}.jsonc`);
}
