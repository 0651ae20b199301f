import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VocabularyChanges } from '../config/types.js';
import { packageRoot } from '../resources.js';
import type { SupportKind } from '../types.js';
import { compilePattern, PatternError, WORD_AFTER, WORD_BEFORE } from './pattern.js';

export type EntryKind = 'benefit' | SupportKind | 'negation' | 'employee' | 'customer' | 'not-benefit' | 'not-support';

export interface VocabularyEntry {
  phrase: string;
  kind: EntryKind;
  group?: string;
  /** Where the entry was written: a vocabulary file line, or a config source. */
  origin: string;
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
    try {
      compilePattern(line);
    } catch (e) {
      const column = e instanceof PatternError ? raw.indexOf(line) + e.column : 1;
      throw new VocabularyError(file, index + 1, column, (e as Error).message);
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
    all.push(...parseVocabularyFile(readFileSync(path, 'utf8'), `rules/vocabulary/${name}`, kind));
  }
  shipped = all;
  return all;
}

/** Finds vocabulary phrases in text with one combined regular expression; leftmost match wins, longer entries first. */
export class PhraseMatcher {
  private readonly regex: RegExp | undefined;
  private readonly entries: VocabularyEntry[];

  constructor(entries: readonly VocabularyEntry[]) {
    const seen = new Set<string>();
    this.entries = [...entries]
      .filter((e) => {
        const key = e.phrase.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => b.phrase.length - a.phrase.length);
    const sources = this.entries.map((e) => `(${compilePattern(e.phrase)})`);
    this.regex = sources.length ? new RegExp(`${WORD_BEFORE}(?:${sources.join('|')})${WORD_AFTER}`, 'giu') : undefined;
  }

  get size(): number {
    return this.entries.length;
  }

  find(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const re = this.regex;
    if (!re) return hits;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      hits.push({ start: m.index, end: m.index + m[0].length, text: m[0], entry: this.entries[g - 1]! });
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
  const userBenefit = (changes?.benefit.add ?? []).map((phrase): VocabularyEntry => ({ phrase, kind: 'benefit', origin: 'config' }));
  const userSupport = (changes?.support.add ?? []).map((a): VocabularyEntry => ({ phrase: a.phrase, kind: a.kind, origin: 'config' }));
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
