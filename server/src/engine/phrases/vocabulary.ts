import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VocabularyChanges } from '../config/types.js';
import { packageRoot } from '../resources.js';
import { phraseTable } from './phraseTable.js';
import type { SupportKind } from '../types.js';
import { compilePattern, isSeparator, isWordChar, isWordStart, keyCode, keyCodeAt, PatternError, retagGroups, splitVariant, variantsByKey } from './pattern.js';

export type EntryKind = 'benefit' | SupportKind | 'negation' | 'employee' | 'customer' | 'not-benefit' | 'not-support';

export interface VocabularyEntry {
  phrase: string;
  kind: EntryKind;
  group?: string;
  /** Where the entry was written: a vocabulary file line, or a config source. */
  origin: string;
}

/** Read-only: a matcher hands the same hits to every caller that looks at the same text in one lint. */
export interface PhraseHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entry: VocabularyEntry;
}

export class VocabularyError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

export const SUPPORT_KINDS: readonly SupportKind[] = ['resource', 'tool', 'authority', 'training', 'backing'];

/** The data files shipped in rules/vocabulary/, by entry kind. */
const FILES: ReadonlyArray<[string, EntryKind]> = [
  ['benefit.txt', 'benefit'],
  ...SUPPORT_KINDS.map((k): [string, EntryKind] => [`support-${k}.txt`, k]),
  ['negation.txt', 'negation'],
  ['employee-roles.txt', 'employee'],
  ['customer-roles.txt', 'customer'],
  ['not-benefit.txt', 'not-benefit'],
  ['not-support.txt', 'not-support'],
];

/**
 * Parses one vocabulary file; with `validate`, every malformed entry is an error naming file:line:column. The shipped
 * files are read without it at run time (compiling every entry up front doubled a short run's start-up); the unit
 * tests validate them.
 */
export function parseVocabularyFile(text: string, file: string, kind: EntryKind, validate = true): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  let group: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+##.*$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@group')) {
      group = line.slice(6).trim() || undefined;
      return;
    }
    if (validate) {
      try {
        compilePattern(line);
      } catch (e) {
        const column = e instanceof PatternError ? raw.indexOf(line) + e.column : 1;
        throw new VocabularyError(file, index + 1, column, (e as Error).message);
      }
    }
    entries.push({ phrase: line, kind, group, origin: `${file}:${index + 1}` });
  });
  return entries;
}

let shipped: VocabularyEntry[] | undefined;

/** Loads and validates the shipped vocabularies once per process. */
export function shippedEntries(): VocabularyEntry[] {
  if (shipped) return shipped;
  const dir = join(packageRoot(), 'rules', 'vocabulary');
  const all: VocabularyEntry[] = [];
  for (const [name, kind] of FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    all.push(...parseVocabularyFile(readFileSync(path, 'utf8'), `rules/vocabulary/${name}`, kind, false));
  }
  shipped = all;
  return all;
}

/** Texts longer than this (whole sections) are rarely looked at twice; keeping them would only hold memory. */
const MEMO_MAX_CHARS = 2000;
const MEMO_MAX_ENTRIES = 1024;
let lintGeneration = 0;

/** Starts a new lint: matchers forget the texts of the one before, so no memo outlives its document. */
export function beginLintMemos(): void {
  lintGeneration++;
}

/** One way an entry can start at a bucket's key: its first token's alternatives, and the shared rest. */
interface Variant {
  entry: VocabularyEntry;
  pattern: string;
  /** Its first token's alternatives, in order, as ids of the bucket's distinct heads. */
  heads?: number[];
  tail?: Tail;
  /** Keys of the words the rest can go on with; a cheap test before the rest's expression runs. */
  next?: Set<number>;
}

/** The rest of a variant after its first token; variants that only differ in how they start share one. */
interface Tail {
  source: string;
  re?: RegExp;
}

interface Bucket {
  variants: Variant[];
  /** Any head of the bucket: most words that share a key with an entry start none of its variants. */
  anyHead?: RegExp;
  /** The distinct heads of the bucket's variants (many variants start with the same word, e.g. "the"). */
  heads?: RegExp[];
  /** Per head, the visit it was last tried at and where it ended there (-1: no match), so each is tried once per word. */
  triedAt?: Float64Array;
  endedAt?: Int32Array;
}

/**
 * Finds vocabulary phrases in one pass over the text: an index from a word's first letters to the entry variants
 * that can start there. A variant is tried as its first token's alternatives, in order, each followed by the rest
 * of the entry, so a match is what one alternation of all variants would find. Expressions are built on first use
 * and each rest only once, because building them is most of a short run's time.
 */
export class PhraseMatcher {
  private readonly byKey = new Map<number, Bucket>();
  private readonly tails = new Map<string, Tail>();
  private readonly count: number;
  private visit = 0;
  private readonly memo = new Map<string, readonly PhraseHit[]>();
  private memoLint = -1;

  constructor(entries: readonly VocabularyEntry[]) {
    const table = phraseTable();
    const seen = new Set<string>();
    let count = 0;
    for (const entry of entries) {
      const id = entry.phrase.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      count++;
      for (const [key, patterns] of table?.variants(entry.phrase) ?? variantsByKey(entry.phrase)) {
        const code = keyCode(key);
        const bucket = this.byKey.get(code) ?? { variants: [] };
        for (const pattern of patterns) bucket.variants.push({ entry, pattern });
        this.byKey.set(code, bucket);
      }
    }
    for (const bucket of this.byKey.values()) bucket.variants.sort((a, b) => b.pattern.length - a.pattern.length);
    this.count = count;
  }

  get size(): number {
    return this.count;
  }

  /** Splits a bucket's variants on first use: heads compiled now, each rest when one of its heads is first found. */
  private prepare(bucket: Bucket): RegExp {
    if (!bucket.anyHead) {
      const table = phraseTable();
      const ids = new Map<string, number>();
      for (const variant of bucket.variants) {
        const { heads, tail, nextKeys } = table?.split(variant.pattern) ?? splitVariant(variant.pattern);
        if (nextKeys) variant.next = new Set(nextKeys.map(keyCode));
        variant.heads = heads.map((src) => {
          let id = ids.get(src);
          if (id === undefined) ids.set(src, (id = ids.size));
          return id;
        });
        let shared = this.tails.get(tail);
        if (!shared) this.tails.set(tail, (shared = { source: tail }));
        variant.tail = shared;
      }
      const sources = [...ids.keys()];
      bucket.heads = sources.map((src) => new RegExp(src, 'iy'));
      bucket.triedAt = new Float64Array(sources.length);
      bucket.endedAt = new Int32Array(sources.length);
      // One distinct head is its own prefilter: a second copy of it would only cost compiled code (server memory).
      bucket.anyHead = sources.length === 1 ? bucket.heads[0]! : new RegExp(sources.map((src, id) => retagGroups(src, String(id))).join('|'), 'iy');
    }
    return bucket.anyHead;
  }

  /** The end of the first variant of the bucket that matches at `at`, and its entry. */
  private matchAt(bucket: Bucket, text: string, at: number): { end: number; entry: VocabularyEntry } | undefined {
    const anyHead = this.prepare(bucket);
    anyHead.lastIndex = at;
    if (!anyHead.test(text)) return undefined;
    const visit = ++this.visit;
    const heads = bucket.heads!;
    const triedAt = bucket.triedAt!;
    const endedAt = bucket.endedAt!;
    if (heads.length === 1) {
      // The prefilter was the one head: its end is known.
      triedAt[0] = visit;
      endedAt[0] = anyHead.lastIndex;
    }
    for (const variant of bucket.variants) {
      for (const id of variant.heads!) {
        if (triedAt[id] !== visit) {
          const head = heads[id]!;
          head.lastIndex = at;
          endedAt[id] = head.test(text) ? head.lastIndex : -1;
          triedAt[id] = visit;
        }
        const end = endedAt[id]!;
        if (end < 0) continue;
        if (variant.next) {
          // The rest starts with a separator and then a word of known keys: check that before running it.
          let j = end;
          while (j < text.length && isSeparator(text.charCodeAt(j))) j++;
          if (j === end || !variant.next.has(keyCodeAt(text, j))) continue;
        }
        const tail = variant.tail!;
        tail.re ??= new RegExp(tail.source, 'iy');
        tail.re.lastIndex = end;
        if (tail.re.test(text)) return { end: tail.re.lastIndex, entry: variant.entry };
      }
    }
    return undefined;
  }

  /**
   * The hits in `text`, in order. The analysis and several rules look for the same phrases in the same lane texts, so
   * a lint's short texts are answered once; the array is shared, so it is read-only.
   */
  find(text: string): readonly PhraseHit[] {
    if (text.length > MEMO_MAX_CHARS) return this.scan(text);
    if (this.memoLint !== lintGeneration || this.memo.size >= MEMO_MAX_ENTRIES) {
      this.memo.clear();
      this.memoLint = lintGeneration;
    }
    let hits = this.memo.get(text);
    if (!hits) this.memo.set(text, (hits = this.scan(text)));
    return hits;
  }

  private scan(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    if (this.count === 0) return hits;
    let before = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const previous = before;
      before = c;
      // A word (or a number or an amount) starts here: the only places an entry can match.
      if (!isWordStart(c) || isWordChar(previous)) continue;
      const bucket = this.byKey.get(keyCodeAt(text, i));
      if (!bucket) continue;
      const m = this.matchAt(bucket, text, i);
      if (!m || m.end === i) continue;
      hits.push({ start: i, end: m.end, text: text.slice(i, m.end), entry: m.entry });
      i = m.end - 1;
      before = text.charCodeAt(i);
    }
    return hits;
  }
}

export interface CompiledVocabulary {
  benefit: PhraseMatcher;
  support: PhraseMatcher;
  notBenefit: PhraseMatcher;
  notSupport: PhraseMatcher;
  negation: PhraseMatcher;
  roles: PhraseMatcher;
  /** Normalised texts or entries removed by config. */
  removedBenefit: Set<string>;
  removedSupport: Set<string>;
}

export function normalisePhrase(s: string): string {
  return s.toLowerCase().replace(/[\s\-\u2013]+/g, ' ').trim();
}

const compiled = new Map<string, CompiledVocabulary>();

/** Compiles the shipped vocabulary plus config changes, once per distinct set of changes. */
export function compileVocabulary(changes?: VocabularyChanges): CompiledVocabulary {
  const key = JSON.stringify(changes ?? null);
  const cached = compiled.get(key);
  if (cached) return cached;
  const base = shippedEntries();
  const of = (...kinds: EntryKind[]) => base.filter((e) => kinds.includes(e.kind));
  // The config module reports malformed user phrases with their position; here they are only kept out of the matcher.
  const usable = (phrase: string) => {
    try {
      compilePattern(phrase);
      return true;
    } catch {
      return false;
    }
  };
  const userBenefit = (changes?.benefit.add ?? []).filter(usable).map((phrase): VocabularyEntry => ({ phrase, kind: 'benefit', origin: 'config' }));
  const userSupport = (changes?.support.add ?? []).filter((a) => usable(a.phrase)).map((a): VocabularyEntry => ({ phrase: a.phrase, kind: a.kind, origin: 'config' }));
  const result: CompiledVocabulary = {
    benefit: new PhraseMatcher([...of('benefit'), ...userBenefit]),
    support: new PhraseMatcher([...of(...SUPPORT_KINDS), ...userSupport]),
    notBenefit: new PhraseMatcher(of('not-benefit')),
    notSupport: new PhraseMatcher(of('not-support')),
    negation: new PhraseMatcher(of('negation')),
    roles: new PhraseMatcher(of('employee', 'customer')),
    removedBenefit: new Set((changes?.benefit.remove ?? []).map(normalisePhrase)),
    removedSupport: new Set((changes?.support.remove ?? []).map(normalisePhrase)),
  };
  if (compiled.size > 32) compiled.clear();
  compiled.set(key, result);
  return result;
}
