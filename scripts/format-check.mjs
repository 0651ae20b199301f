// Checks Prettier formatting of the files listed in .prettier-checked (one path a line) and ends with one "format: N passed, N failed" line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const listFile = join(root, '.prettier-checked');
const files = readFileSync(listFile, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
let passed = 0;
let failed = 0;
for (const [i, rel] of files.entries()) {
  const path = join(root, rel);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    console.error(`.prettier-checked:${i + 1}: ${rel}: no such file`);
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
