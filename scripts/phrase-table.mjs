// Build step: derives the matcher variants of every shipped vocabulary entry into rules/vocabulary/phrase-table.generated.bin,
// validating every entry on the way (a malformed one fails the build with file:line:column).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseVocabularyFile } = await import(join(root, 'out/server/src/engine/phrases/vocabulary.js'));
const { writePhraseTable } = await import(join(root, 'out/server/src/engine/phrases/phraseTable.js'));

const dir = join(root, 'rules', 'vocabulary');
const phrases = [];
try {
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    for (const entry of parseVocabularyFile(readFileSync(join(dir, name), 'utf8'), `rules/vocabulary/${name}`, 'benefit')) phrases.push(entry.phrase);
  }
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`phrase table: ${writePhraseTable(phrases, dir)} entries`);
// the JSON table of formats 3 and 4, left by an earlier build: no longer read, and not to be packed
rmSync(join(dir, 'phrase-table.generated.json'), { force: true });
