// Builds the .vsix: vsce refuses a package.json with "files" (the npm package's list) beside .vscodeignore, so the
// manifest is packaged without "files" and restored byte for byte afterwards, whatever happens.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const original = readFileSync(manifest, 'utf8');
const pkg = JSON.parse(original);
delete pkg.files;
writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
try {
  execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', 'blueprint-lint.vsix'], { cwd: root, stdio: 'inherit' });
} finally {
  writeFileSync(manifest, original);
}
