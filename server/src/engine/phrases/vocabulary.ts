import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VocabularyChanges } from '../config/types.js';
import { packageRoot } from '../resources.js';
import type { SupportKind } from '../types.js';
import { compilePattern, groupCount, keyOfWordAt, PatternError, variantsByKey, WORD_AFTER } from './pattern.js';

export type EntryKind = 'benefit' | SupportKind | 'negation' | 'employee' | 'customer' | 'not-benefit' | 'not-support';

export interface VocabularyEntry {
  phrase: string;
  kind: EntryKind;
  group?: string;
  /** Where the entry was written: a vocabulary file line, or a config source. */
  origin: string;
  /** The compiled pattern, once validated. */
  source?: string;
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
  entry: VocabularyEntry;
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

/** Parses one vocabulary file; every malformed entry is an error naming file:line:column. */
export function parseVocabularyFile(text: string, file: string, kind: EntryKind): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  let group: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+##.*$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@group')) {
      group = line.slice(6).trim() || undefined;
      return;
    }
    let source: string;
    try {
      source = compilePattern(line);
    } catch (e) {
      const column = e instanceof PatternError ? raw.indexOf(line) + e.column : 1;
      throw new VocabularyError(file, index + 1, column, (e as Error).message);
    }
    entries.push({ phrase: line, kind, group, origin: `${file}:${index + 1}`, source });
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
    all.push(...parseVocabularyFile(readFileSync(path, 'utf8'), `rules/vocabulary/${name}`, kind));
  }
  shipped = all;
  return all;
}

/**
 * Finds vocabulary phrases in one pass over the text: an index from a word's first letters to the entries that can
 * start there, each tried as a sticky expression; the longest match at a word wins and matches never overlap.
 */
interface Bucket {
  variants: Array<{ entry: VocabularyEntry; variant: string }>;
  re?: RegExp;
  /** Capture group number of each variant in `re`. */
  groups?: number[];
}

export class PhraseMatcher {
  /** Per first-word key: the entry variants that can start there, and (built on first use) one expression for them all. */
  private readonly byKey = new Map<string, Bucket>();
  private readonly count: number;

  constructor(entries: readonly VocabularyEntry[]) {
    const seen = new Set<string>();
    let count = 0;
    for (const entry of entries) {
      const id = entry.phrase.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      count++;
      if (entry.source === undefined) compilePattern(entry.phrase);
      for (const [key, variant] of variantsByKey(entry.phrase)) {
        const bucket = this.byKey.get(key) ?? { variants: [] };
        bucket.variants.push({ entry, variant });
        this.byKey.set(key, bucket);
      }
    }
    this.count = count;
  }

  get size(): number {
    return this.count;
  }

  private expression(bucket: Bucket): RegExp {
    if (!bucket.re) {
      // Longer variants first: the first alternative that matches wins.
      bucket.variants.sort((a, b) => b.variant.length - a.variant.length);
      const compiled = bucket.variants.map((v) => compilePattern(v.variant));
      // Each variant is one capture group; atomic groups inside add theirs, so note where each variant's group is.
      let group = 1;
      bucket.groups = compiled.map((src) => {
        const at = group;
        group += 1 + groupCount(src);
        return at;
      });
      bucket.re = new RegExp(`(?:${compiled.map((src) => `(${src})`).join('|')})${WORD_AFTER}`, 'iy');
    }
    return bucket.re;
  }

  find(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    if (this.count === 0) return hits;
    WORD_START.lastIndex = 0;
    let w: RegExpExecArray | null;
    let from = 0;
    while ((w = WORD_START.exec(text)) !== null) {
      const i = w.index;
      if (i < from) continue;
      const key = keyOfWordAt(text, i);
      const bucket = key ? this.byKey.get(key) : undefined;
      if (!bucket) continue;
      const re = this.expression(bucket);
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      const v = bucket.groups!.findIndex((g) => m[g] !== undefined);
      hits.push({ start: i, end: i + m[0].length, text: m[0], entry: bucket.variants[Math.max(0, v)]!.entry });
      from = i + m[0].length;
    }
    return hits;
  }
}

// Where a word (or a number or an amount) starts: the only places an entry can match.
const WORD_START = /(?<![A-Za-z0-9_\u00C0-\u024F\u0370-\u04FF])[A-Za-z0-9\u00C0-\u024F\u0370-\u04FF$€£¥]/g;

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
