// Checks Prettier formatting of every TypeScript and script file (what .prettierignore and .gitignore do not exclude) and ends with one "format: N passed, N failed" line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { globSync } from 'tinyglobby';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ignorePath = ['.gitignore', '.prettierignore'].map((f) => join(root, f));
const candidates = globSync('**/*.{ts,mjs,cjs}', { cwd: root, ignore: ['node_modules/**', 'out/**', 'dist/**', '.e2e/**'] }).sort();
const files = [];
for (const rel of candidates) if (!(await prettier.getFileInfo(join(root, rel), { ignorePath })).ignored) files.push(rel);
let passed = 0;
let failed = 0;
for (const rel of files) {
  const path = join(root, rel);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    console.error(`${rel}: unreadable`);
    failed++;
    continue;
  }
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  if (await prettier.check(text, options)) passed++;
  else {
    console.error(`${rel}: not formatted (run: npx prettier --write ${rel})`);
    failed++;
  }
}
console.log(`format: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
