// The matcher variants of every shipped vocabulary entry, derived at build time (scripts/phrase-table.mjs) and read
// at start-up: deriving them from the pattern syntax took about half of a one-file run's CPU time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../resources.js';
import { spellHead } from './headWords.js';
import { splitVariant, variantsByKey, type SplitVariant } from './pattern.js';

/** The table's file, beside the vocabularies it is derived from (git-ignored, shipped in the .vsix). */
export const PHRASE_TABLE_FILE = 'phrase-table.generated.json';
// 3: written in ASCII only (non-ASCII characters as JSON escapes), so it is read as a one-byte string: decoding UTF-8 and
// parsing a two-byte string took 3x as long at start-up. 4: the words of each one-word head, spelled out.
const FORMAT = 4;

interface TableFile {
  format: number;
  /** Digest of the vocabulary files the table was derived from: a table of other files is not used. */
  digest: string;
  /** Every string once; the rest refers to them by index. */
  strings: string[];
  /** Per entry phrase: [key, variant patterns] pairs. */
  keys: Array<[phrase: number, byKey: Array<[key: number, variants: number[]]>]>;
  /** Per variant pattern: its starts, each a head, a tail and next keys (-1: none). */
  splits: Array<[variant: number, starts: Array<[head: number, tail: number, nextKeys: number[] | -1]>]>;
  /** Per head: its words joined by "|" (`spellHead`; spelling them at start-up cost more than it saved), -1: none. */
  words: Array<[head: number, words: number]>;
}

/** Read access to a loaded table; `undefined` answers mean "derive it". */
export interface PhraseTable {
  variants(phrase: string): Map<string, string[]> | undefined;
  split(variant: string): SplitVariant | undefined;
  /** The words of a head: a list, null when it does not spell out, undefined when the table does not know the head. */
  words(head: string): readonly string[] | null | undefined;
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

/** Derives the table of the given entry phrases (the build writes it with `writePhraseTable`). */
export function derivePhraseTable(phrases: readonly string[], digest: string): TableFile {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let n = ids.get(s);
    if (n === undefined) {
      ids.set(s, (n = strings.length));
      strings.push(s);
    }
    return n;
  };
  const keys: TableFile['keys'] = [];
  const splits: TableFile['splits'] = [];
  const splitDone = new Set<string>();
  const words: TableFile['words'] = [];
  const headDone = new Set<string>();
  for (const phrase of new Set(phrases)) {
    const byKey = variantsByKey(phrase);
    keys.push([id(phrase), [...byKey].map(([key, variants]) => [id(key), variants.map(id)])]);
    for (const variant of [...byKey.values()].flat()) {
      if (splitDone.has(variant)) continue;
      splitDone.add(variant);
      const s = splitVariant(variant);
      splits.push([id(variant), s.starts.map((start) => [id(start.head), id(start.tail), start.nextKeys ? start.nextKeys.map(id) : -1])]);
      for (const { head } of s.starts) {
        if (headDone.has(head)) continue;
        headDone.add(head);
        const spelled = spellHead(head);
        words.push([id(head), spelled ? id(spelled.join('|')) : -1]);
      }
    }
  }
  return { format: FORMAT, digest, strings, keys, splits, words };
}

/** Writes the table of every entry of every vocabulary file in the folder; returns how many phrases it holds. */
export function writePhraseTable(entries: readonly string[], dir = vocabularyDir()): number {
  const table = derivePhraseTable(entries, vocabularyDigest(dir));
  writeFileSync(join(dir, PHRASE_TABLE_FILE), asciiJson(table));
  return table.keys.length;
}

/** JSON in ASCII: every character above U+007F as a \\u escape (JSON.parse gives back the same strings). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function open(file: TableFile): PhraseTable {
  const s = file.strings;
  const keys = new Map<string, Array<[number, number[]]>>();
  for (const [phrase, byKey] of file.keys) keys.set(s[phrase]!, byKey);
  const splits = new Map<string, Array<[number, number, number[] | -1]>>();
  for (const [variant, starts] of file.splits) splits.set(s[variant]!, starts);
  const words = new Map<string, number>();
  for (const [head, list] of file.words) words.set(s[head]!, list);
  return {
    variants(phrase) {
      const byKey = keys.get(phrase);
      return byKey && new Map(byKey.map(([key, variants]) => [s[key]!, variants.map((v) => s[v]!)]));
    },
    split(variant) {
      const starts = splits.get(variant);
      return starts && { starts: starts.map(([head, tail, next]) => ({ head: s[head]!, tail: s[tail]!, nextKeys: next === -1 ? undefined : next.map((k) => s[k]!) })) };
    },
    words(head) {
      const list = words.get(head);
      return list === undefined ? undefined : list === -1 ? null : s[list]!.split('|');
    },
  };
}

/** Whether the table gives what deriving gives for a sample of its entries: a table from another build is not used. */
function agreesWithPatterns(table: PhraseTable, file: TableFile): boolean {
  const step = Math.max(1, Math.floor(file.keys.length / 8));
  for (let i = 0; i < file.keys.length; i += step) {
    const phrase = file.strings[file.keys[i]![0]]!;
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
      // ASCII (asciiJson): latin1 reads it byte for byte; a table of another format is refused below.
      const file = JSON.parse(readFileSync(join(dir, PHRASE_TABLE_FILE), 'latin1')) as TableFile;
      if (file.format === FORMAT && file.digest === vocabularyDigest(dir)) {
        const table = open(file);
        if (agreesWithPatterns(table, file)) loaded = table;
      }
    } catch {
      // No table (a source checkout before its build, say): the matcher derives every variant itself.
    }
  }
  return loaded ?? undefined;
}
