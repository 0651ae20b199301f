// Writes package.json contributes.configuration from schemas/settings.schema.json (the settings the engine checks), so the
// two cannot drift; `--check` exits 1 instead of writing when package.json differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = join(root, 'package.json');

/** Settings only the VS Code client reads (the language server never sees them). */
const CLIENT_ONLY = {
  'blueprintLint.disabledFiles': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'resource',
    markdownDescription:
      "Files (workspace-folder relative paths or globs) Blueprint Lint leaves alone. The status item's *Turn off for this file* adds the file here, so your Markdown is never edited.",
  },
};

/** The package.json text with contributes.configuration generated. */
export function generatedPackageJson() {
  const settings = JSON.parse(readFileSync(join(root, 'schemas', 'settings.schema.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
  pkg.contributes.configuration = { title: 'Blueprint Lint', properties: { ...settings.properties, ...CLIENT_ONLY } };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const want = generatedPackageJson();
  const have = readFileSync(packagePath, 'utf8');
  if (process.argv.includes('--check')) {
    if (want !== have) {
      console.error('package.json contributes.configuration differs from schemas/settings.schema.json: run node scripts/gen-settings.mjs');
      process.exitCode = 1;
    }
  } else if (want !== have) {
    writeFileSync(packagePath, want);
    console.log('package.json: contributes.configuration written');
  }
}
