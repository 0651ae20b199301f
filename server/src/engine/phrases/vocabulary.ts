import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VocabularyChanges } from '../config/types.js';
import { packageRoot } from '../resources.js';
import { spellHead } from './headWords.js';
import { phraseTable } from './phraseTable.js';
import { textMemo } from '../incremental/textMemos.js';
import type { SupportKind } from '../types.js';
import { compilePattern, isSeparator, isWordChar, isWordStart, keyCode, keyCodeAt, PatternError, retagGroups, splitVariant, variantsByKey, WORD_AFTER } from './pattern.js';

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

/** One way an entry can start at a bucket's key; its starts are its first token's alternatives, each a head and a tail. */
interface Variant {
  entry: VocabularyEntry;
  pattern: string;
}

interface Start {
  /** Id of the head among the bucket's distinct heads. */
  head: number;
  tail: Tail;
  /** Keys of the words the tail can go on with; a cheap test before the tail's expression runs. */
  next?: Set<number>;
  entry: VocabularyEntry;
}

/** What follows a head; variants that only differ in how they start share one. */
interface Tail {
  source: string;
  re?: RegExp;
}

interface Bucket {
  variants: Variant[];
  /** Every start of every variant, in the order they are tried. */
  order?: Start[];
  /**
   * Per key of the word after a word: the starts that can match there when the word's own end is where their head
   * ends, in order; `otherNext` for a key no start names, or no next word. Without these, a common first word ("the")
   * would try every start it begins ("the firm", "the store", ...).
   */
  byNext?: Map<number, Start[]>;
  otherNext?: Start[];
  /** The distinct heads' sources (many variants start with the same word, e.g. "the"). */
  sources?: string[];
  /** Per head, its expression, built the first time a word needs it run (a head whose words are spelled out rarely does). */
  heads?: Array<RegExp | undefined>;
  /** Per head: it reads letters and apostrophes only, so where it ends at a word is known from the word alone. */
  local?: boolean[];
  anyLocal?: boolean;
  /** Per word a word-local head can match (lower case, spelled out by `headWords`): the heads that match it. */
  byWord?: Map<string, number[]>;
  /** Word-local heads that are not spelled out (too many words): run as expressions on every word of the key. */
  unspelled?: number[];
  /** The sources of the heads that are not word-local: a prefilter when no word-local head matches; none when empty. */
  otherSources?: string[];
  anyOther?: RegExp;
  /** Per head, the visit it was last tried at and where it ended there (-1: no match), so each is tried once per word. */
  triedAt?: Float64Array;
  endedAt?: Int32Array;
}

/** A head source that can only read ASCII letters and apostrophes before its closing word boundary. */
const WORD_LOCAL = /^(?:[a-z]|\(\?:|[()|?]|\[[a-z'\u2019]+\])*$/;
/** Words remembered per matcher: enough for a large repository's wording; more are forgotten all at once. */
const WORD_MEMO_MAX = 8192;
/** A word's ends for every word-local head: none of them matches. */
const NO_ENDS: number[] = [];
/** The key of "no word follows" (keys of words are positive). */
const NO_NEXT = -1;

/** The index key of the word after the separators at `at`, or NO_NEXT when no separator is there. */
function nextKeyAt(text: string, at: number): number {
  let j = at;
  while (j < text.length && isSeparator(text.charCodeAt(j))) j++;
  return j > at ? keyCodeAt(text, j) : NO_NEXT;
}

/** A straight or typographic apostrophe. */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** The words a word-local head matches (from the phrase table, else spelled now), or undefined when it must run as an expression. */
function spelledOut(head: string): readonly string[] | undefined {
  const known = phraseTable()?.words(head);
  if (known !== undefined) return known ?? undefined;
  let words = spelled.get(head);
  if (words === undefined) {
    words = spellHead(head) ?? null;
    if (spelled.size > 20_000) spelled.clear();
    spelled.set(head, words);
  }
  return words ?? undefined;
}

// Heads of config entries recur across matchers and buckets (every "the ..." entry).
const spelled = new Map<string, string[] | null>();

/** The first `end` characters of a word with ASCII capitals lowered, as a head with the `i` flag reads them (not `toLowerCase`: "İ" is no "i" to it). */
function asciiLower(word: string, end: number): string {
  const part = end === word.length ? word : word.slice(0, end);
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c >= 65 && c <= 90) return part.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return part;
}

/** A character of a word as the matcher's word-local heads see it: letters, digits and apostrophes. */
function inWord(c: number): boolean {
  return isWordChar(c) || isApostrophe(c);
}

/**
 * Finds vocabulary phrases in one pass over the text: an index from a word's first letters to the entry variants
 * that can start there. A variant is tried as its first token's alternatives, in order, each a head followed by its
 * tail, so a match is what one alternation of all variants would find. Most heads are one word: where they end at a
 * word is remembered per word, and the starts worth trying are looked up by the word that follows, so the common
 * words are looked up rather than matched again. Expressions are built on first use and each tail only once, because
 * building them is most of a short run's time.
 */
export class PhraseMatcher {
  private readonly byKey = new Map<number, Bucket>();
  private readonly tails = new Map<string, Tail>();
  private readonly count: number;
  private visit = 0;
  /** Per word (letters, digits, apostrophes as written): the ends of its bucket's word-local heads on it, relative. */
  private readonly wordEnds = new Map<string, number[]>();

  /**
   * `spellHeads: false` runs every word-local head as its expression, as before heads were spelled out (the unit tests
   * hold the two ways to the same hits).
   */
  constructor(
    entries: readonly VocabularyEntry[],
    private readonly options: { spellHeads?: boolean } = {},
  ) {
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

  /** Splits a bucket's variants on first use; a head's expression is built when a word needs it, a tail when one of its heads is first found. */
  private prepare(bucket: Bucket): void {
    const table = phraseTable();
    const ids = new Map<string, number>();
    const order: Start[] = [];
    for (const variant of bucket.variants) {
      const { starts } = table?.split(variant.pattern) ?? splitVariant(variant.pattern);
      for (const { head, tail, nextKeys } of starts) {
        let id = ids.get(head);
        if (id === undefined) ids.set(head, (id = ids.size));
        let shared = this.tails.get(tail);
        if (!shared) this.tails.set(tail, (shared = { source: tail }));
        order.push({ head: id, tail: shared, next: nextKeys && new Set(nextKeys.map(keyCode)), entry: variant.entry });
      }
    }
    const sources = [...ids.keys()];
    const local = sources.map((src) => src.endsWith(WORD_AFTER) && WORD_LOCAL.test(src.slice(0, -WORD_AFTER.length)));
    // A start whose head is not word-local may end elsewhere, so it is in every list and checks its next word itself.
    const goesOn = (start: Start, key: number) => !local[start.head] || !start.next || start.next.has(key);
    const byNext = new Map<number, Start[]>();
    for (const start of order)
      for (const key of start.next ?? [])
        if (!byNext.has(key))
          byNext.set(
            key,
            order.filter((s) => goesOn(s, key)),
          );
    bucket.order = order;
    bucket.byNext = byNext;
    bucket.otherNext = order.filter((s) => goesOn(s, NO_NEXT));
    bucket.sources = sources;
    bucket.heads = new Array<RegExp | undefined>(sources.length);
    bucket.local = local;
    bucket.anyLocal = local.includes(true);
    const byWord = new Map<string, number[]>();
    const unspelled: number[] = [];
    sources.forEach((src, id) => {
      if (!local[id]) return;
      const words = this.options.spellHeads === false ? undefined : spelledOut(src);
      if (!words) unspelled.push(id);
      else
        for (const word of words) {
          const ids = byWord.get(word);
          if (ids) ids.push(id);
          else byWord.set(word, [id]);
        }
    });
    bucket.byWord = byWord;
    bucket.unspelled = unspelled;
    bucket.otherSources = sources.filter((_, id) => !local[id]);
    bucket.triedAt = new Float64Array(sources.length);
    bucket.endedAt = new Int32Array(sources.length);
  }

  /** The head's expression, built on its first run. */
  private head(bucket: Bucket, id: number): RegExp {
    return (bucket.heads![id] ??= new RegExp(bucket.sources![id]!, 'iy'));
  }

  /** Any head of the bucket that is not word-local, as one expression built on first use; undefined when there is none. */
  private anyOther(bucket: Bucket): RegExp | undefined {
    if (bucket.anyOther) return bucket.anyOther;
    const others = bucket.otherSources!;
    if (others.length === 0) return undefined;
    return (bucket.anyOther = others.length === 1 ? this.head(bucket, bucket.local!.indexOf(false)) : new RegExp(others.map((src, id) => retagGroups(src, String(id))).join('|'), 'iy'));
  }

  /** Where each word-local head of the bucket ends on `word` (-1: no match), or NO_ENDS when none matches. */
  private localEnds(bucket: Bucket, word: string): number[] {
    // A word-local head reads only the word, and the character after the word ends any head's match: the word decides.
    let ends = this.wordEnds.get(word);
    if (ends) return ends;
    const local = bucket.local!;
    let any = false;
    // Small arrays of small integers: the memo holds thousands of them.
    ends = new Array<number>(local.length).fill(-1);
    // A spelled-out head matches the word up to its end or up to an apostrophe (the only characters of a word its
    // boundary lets it stop before); the expression decides only when it could stop at two of those.
    let twice: number[] | undefined;
    for (let end = 1; end <= word.length; end++) {
      if (end < word.length && !isApostrophe(word.charCodeAt(end))) continue;
      const ids = bucket.byWord!.get(asciiLower(word, end));
      if (!ids) continue;
      for (const id of ids) {
        if (ends[id]! < 0) ends[id] = end;
        else (twice ??= []).push(id);
      }
      any = true;
    }
    for (const id of twice ?? []) ends[id] = this.runHead(bucket, id, word);
    for (const id of bucket.unspelled!) {
      const end = this.runHead(bucket, id, word);
      ends[id] = end;
      if (end >= 0) any = true;
    }
    if (!any) ends = NO_ENDS;
    if (this.wordEnds.size >= WORD_MEMO_MAX) this.wordEnds.clear();
    this.wordEnds.set(word, ends);
    return ends;
  }

  /** Where the head's expression ends on the word from its start, or -1. */
  private runHead(bucket: Bucket, id: number, word: string): number {
    const head = this.head(bucket, id);
    head.lastIndex = 0;
    return head.test(word) ? head.lastIndex : -1;
  }

  /** The end of the first variant of the bucket that matches at `at`, and its entry. */
  private matchAt(bucket: Bucket, text: string, at: number): { end: number; entry: VocabularyEntry } | undefined {
    // Only the first call builds: kept out of line, so the optimised matcher does not carry the building code.
    if (!bucket.heads) this.prepare(bucket);
    let ends = NO_ENDS;
    let wordEnd = at;
    let apostrophe = false;
    if (bucket.anyLocal) {
      wordEnd = at + 1;
      for (let c: number; wordEnd < text.length && inWord((c = text.charCodeAt(wordEnd))); wordEnd++) if (isApostrophe(c)) apostrophe = true;
      ends = this.localEnds(bucket, text.slice(at, wordEnd));
    }
    if (ends === NO_ENDS) {
      const anyOther = this.anyOther(bucket);
      if (!anyOther) return undefined;
      anyOther.lastIndex = at;
      if (!anyOther.test(text)) return undefined;
    }
    // Without an apostrophe, a word-local head can only end at the word's end: the next word picks the starts to try.
    let starts = bucket.order!;
    const picked = ends !== NO_ENDS && !apostrophe;
    if (picked) starts = bucket.byNext!.get(nextKeyAt(text, wordEnd)) ?? bucket.otherNext!;
    const visit = ++this.visit;
    const local = bucket.local!;
    const triedAt = bucket.triedAt!;
    const endedAt = bucket.endedAt!;
    for (const start of starts) {
      const id = start.head;
      let end: number;
      if (local[id]) {
        if (ends === NO_ENDS || ends[id]! < 0) continue;
        end = at + ends[id]!;
      } else {
        if (triedAt[id] !== visit) {
          const head = this.head(bucket, id);
          head.lastIndex = at;
          endedAt[id] = head.test(text) ? head.lastIndex : -1;
          triedAt[id] = visit;
        }
        end = endedAt[id]!;
        if (end < 0) continue;
      }
      // The tail starts with a separator and then a word of known keys: check that before running it.
      if (start.next && !(picked && local[id]) && !start.next.has(nextKeyAt(text, end))) continue;
      const tail = start.tail;
      tail.re ??= new RegExp(tail.source, 'iy');
      tail.re.lastIndex = end;
      if (tail.re.test(text)) return { end: tail.re.lastIndex, entry: start.entry };
    }
    return undefined;
  }

  /**
   * The hits in `text`, in order. The analysis and several rules look for the same phrases in the same lane texts, so
   * a lint's short texts are answered once; the array is shared, so it is read-only.
   */
  find(text: string): readonly PhraseHit[] {
    if (text.length > MEMO_MAX_CHARS) return this.scan(text);
    // The hits of recent texts, in the running lint's memos (none outside a lint: then every text is scanned).
    const memo = textMemo<readonly PhraseHit[]>(this, MEMO_MAX_ENTRIES);
    const hit = memo?.get(text);
    if (hit) return hit;
    const hits = this.scan(text);
    memo?.set(text, hits);
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
  return s
    .toLowerCase()
    .replace(/[\s\-\u2013]+/g, ' ')
    .trim();
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

// Rule lexicons are not one of the core's entry kinds; the kind is only a tag on the parsed entries.
const RULE_LEXICON = 'not-support' as EntryKind;

const cache = new Map<string, PhraseMatcher>();

/** Loads rules/vocabulary/<file> once per process; a missing or malformed file throws with file:line:column. */
export function loadRuleVocabulary(file: string): PhraseMatcher {
  const hit = cache.get(file);
  if (hit) return hit;
  const path = join(packageRoot(), 'rules', 'vocabulary', file);
  if (!existsSync(path)) throw new Error(`vocabulary file rules/vocabulary/${file} is missing`);
  const matcher = new PhraseMatcher(parseVocabularyFile(readFileSync(path, 'utf8'), `rules/vocabulary/${file}`, RULE_LEXICON, false));
  cache.set(file, matcher);
  return matcher;
}
