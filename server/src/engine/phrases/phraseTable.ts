// The matcher variants of every shipped vocabulary entry, derived at build time (scripts/phrase-table.mjs) and read
// at start-up: deriving them from the pattern syntax took about half of a one-file run's CPU time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../resources.js';
import { spellHead } from './headWords.js';
import { splitVariant, variantsByKey, type SplitVariant } from './pattern.js';
import { TableReader, TableWriter } from './tableFile.js';

/** The table's file, beside the vocabularies it is derived from (git-ignored, shipped in the .vsix). */
export const PHRASE_TABLE_FILE = 'phrase-table.generated.bin';
// 3: ASCII JSON. 4: the words of each one-word head, spelled out. 5: packed (tableFile.ts), read in place: a run decodes
// the entries its text reaches instead of parsing 1.9 MB of JSON.
const FORMAT = 5;

/*
 * Records (tableFile.ts; s = a string id):
 *   an entry phrase's variants, under index "phrases": key count, then per key: s(key), variant count, s(variant)...
 *   a variant's split, under index "variants": start count, then per start: s(head), s(tail), next key count (-1: none),
 *     s(next key)...
 * Index "heads": a head's words joined by "|" (`spellHead`; spelling them at start-up cost more than it saved), -1: none.
 */

/** Read access to a loaded table; `undefined` answers mean "derive it". */
export interface PhraseTable {
  variants(phrase: string): Map<string, string[]> | undefined;
  split(variant: string): SplitVariant | undefined;
  /** The words of a head: a list, null when it does not spell out, undefined when the table does not know the head. */
  words(head: string): readonly string[] | null | undefined;
}

/** A table file opened: its digest, its entry phrases in the order derived, and the look-ups. */
export interface OpenedPhraseTable extends PhraseTable {
  readonly format: number;
  readonly digest: string;
  /** The entry phrases in the order derived; with `every`, only every n-th of them (the first, the n+1-th...), and only those decoded. */
  phrases(every?: number): string[];
  /** How many entry phrases the table holds. */
  phraseCount(): number;
}

function vocabularyDir(): string {
  return join(packageRoot(), 'rules', 'vocabulary');
}

/** A digest of the table format and every vocabulary file's name and bytes. */
export function vocabularyDigest(dir = vocabularyDir()): string {
  const hash = createHash('sha1').update(`format ${FORMAT}\n`);
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort())
    hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

/** Derives the table file of the given entry phrases (the build writes it with `writePhraseTable`). */
export function derivePhraseTable(phrases: readonly string[], digest: string): Buffer {
  const file = new TableWriter();
  const splitDone = new Set<string>();
  const headDone = new Set<string>();
  for (const phrase of new Set(phrases)) {
    const byKey = variantsByKey(phrase);
    const record = [byKey.size];
    for (const [key, variants] of byKey) record.push(file.string(key), variants.length, ...variants.map((v) => file.string(v)));
    file.index('phrases', phrase, file.record(record));
    for (const variant of [...byKey.values()].flat()) {
      if (splitDone.has(variant)) continue;
      splitDone.add(variant);
      const { starts } = splitVariant(variant);
      const split = [starts.length];
      for (const start of starts) {
        split.push(file.string(start.head), file.string(start.tail));
        if (start.nextKeys) split.push(start.nextKeys.length, ...start.nextKeys.map((k) => file.string(k)));
        else split.push(-1);
      }
      file.index('variants', variant, file.record(split));
      for (const { head } of starts) {
        if (headDone.has(head)) continue;
        headDone.add(head);
        const spelled = spellHead(head);
        file.index('heads', head, spelled ? file.string(spelled.join('|')) : -1);
      }
    }
  }
  return file.bytes(FORMAT, digest);
}

/** Writes the table of every entry of every vocabulary file in the folder; returns how many phrases it holds. */
export function writePhraseTable(entries: readonly string[], dir = vocabularyDir()): number {
  const bytes = derivePhraseTable(entries, vocabularyDigest(dir));
  writeFileSync(join(dir, PHRASE_TABLE_FILE), bytes);
  return openPhraseTable(bytes).phrases().length;
}

/** Opens a table file's bytes in place; throws when the file is not whole. */
export function openPhraseTable(bytes: Uint8Array): OpenedPhraseTable {
  const file = new TableReader(bytes);
  const r = file.records;
  const s = (id: number) => file.string(id);
  return {
    format: file.format,
    digest: file.digest,
    phrases(every = 1) {
      const ids = file.keyIds('phrases').sort((a, b) => a[1] - b[1]);
      const out: string[] = [];
      for (let i = 0; i < ids.length; i += every) out.push(s(ids[i]![0]));
      return out;
    },
    phraseCount() {
      return file.count('phrases');
    },
    variants(phrase) {
      let at = file.lookup('phrases', phrase);
      if (at === undefined) return undefined;
      const byKey = new Map<string, string[]>();
      for (let keys = r[at++]!; keys > 0; keys--) {
        const key = s(r[at++]!);
        const variants: string[] = [];
        for (let n = r[at++]!; n > 0; n--) variants.push(s(r[at++]!));
        byKey.set(key, variants);
      }
      return byKey;
    },
    split(variant) {
      let at = file.lookup('variants', variant);
      if (at === undefined) return undefined;
      const starts: SplitVariant['starts'] = [];
      for (let n = r[at++]!; n > 0; n--) {
        const head = s(r[at++]!);
        const tail = s(r[at++]!);
        const count = r[at++]!;
        let nextKeys: string[] | undefined;
        if (count >= 0) {
          nextKeys = [];
          for (let k = 0; k < count; k++) nextKeys.push(s(r[at++]!));
        }
        starts.push({ head, tail, nextKeys });
      }
      return { starts };
    },
    words(head) {
      const list = file.lookup('heads', head);
      return list === undefined ? undefined : list === -1 ? null : s(list).split('|');
    },
  };
}

/** Whether the table gives what deriving gives for a sample of its entries: a table from another build is not used. */
function agreesWithPatterns(table: OpenedPhraseTable): boolean {
  // Every eighth phrase in the order derived; only those are decoded (a cold run reads about two thirds of the rest later).
  for (const phrase of table.phrases(Math.max(1, Math.floor(table.phraseCount() / 8)))) {
    const derived = variantsByKey(phrase);
    if (JSON.stringify([...derived]) !== JSON.stringify([...(table.variants(phrase) ?? [])])) return false;
    for (const variant of [...derived.values()].flat()) {
      const split = splitVariant(variant);
      if (JSON.stringify(split) !== JSON.stringify(table.split(variant))) return false;
      for (const { head } of split.starts) if (JSON.stringify(spellHead(head) ?? null) !== JSON.stringify(table.words(head))) return false;
    }
  }
  return true;
}

let loaded: PhraseTable | null | undefined;

/** The shipped table, once per process, or undefined when it is missing, of other vocabulary files or another build. */
export function phraseTable(): PhraseTable | undefined {
  if (loaded === undefined) {
    loaded = null;
    try {
      const dir = vocabularyDir();
      const table = openPhraseTable(readFileSync(join(dir, PHRASE_TABLE_FILE)));
      if (table.format === FORMAT && table.digest === vocabularyDigest(dir) && agreesWithPatterns(table)) loaded = table;
    } catch {
      // No table (a source checkout before its build, say), or a damaged one: the matcher derives every variant itself.
    }
  }
  return loaded ?? undefined;
}
