// Compiles one vocabulary entry (a phrase in the small documented pattern syntax) into regex source.
// The syntax has no user-written regex, so nothing a user writes can backtrack catastrophically.

export class PatternError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'a couple of',
  'a few',
  'half an',
  'half a',
  'an',
  'a',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const AMOUNT = '\\d[\\d,]*(?:\\.\\d+)?(?:\\s?[km])?';
const CURRENCY_CODES = ['usd', 'eur', 'gbp', 'chf', 'sek'];
const UNIT_PREFIXES = ['working', 'business', 'calendar', 'school', 'full'];
const UNIT_WORDS = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|nights?|shifts?)';
const UNIT_WORD_STARTS = ['second', 'secs', 'minute', 'mins', 'hour', 'hrs', 'day', 'week', 'month', 'night', 'shift'];

/** One alternative of a placeholder and the index keys of the words it can start with. */
interface PlaceholderPart {
  keys: string[];
  src: string;
}

/**
 * Placeholders as ordered alternatives: the full expression joins them all, and a matcher bucket keeps only the
 * parts that can start at its key ("{n}" under "two" is just "two"), which keeps its expression small to compile.
 */
const PLACEHOLDERS: Record<string, PlaceholderPart[]> = {
  n: [
    { keys: ['digit'], src: '\\d+(?:[.,]\\d+)*(?:\\s?-\\s?\\d+)?' },
    // Only a tens word takes a unit after it ("twenty-four"), so "a one-hour window" is not the number "a one".
    { keys: TENS.flatMap(wordKeys), src: `(?:${TENS.join('|')})[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine)` },
    ...NUMBER_WORDS.map((w) => ({ keys: wordKeys(w), src: w.replace(/ /g, '\\s+') })),
  ],
  money: [
    { keys: ['$', '€', '£', '¥'], src: `[$€£¥]\\s?${AMOUNT}` },
    { keys: ['digit'], src: `${AMOUNT}\\s?(?:%|percent\\b|per\\s?cent\\b|dollars?\\b|euros?\\b|pounds?\\b|usd\\b|eur\\b|gbp\\b|chf\\b|sek\\b)` },
    { keys: CURRENCY_CODES.flatMap(wordKeys), src: `(?:${CURRENCY_CODES.join('|')})\\s?${AMOUNT}` },
  ],
  time: [
    { keys: ['digit'], src: '\\d{1,2}(?:[:.]\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)' },
    { keys: ['digit'], src: '\\d{1,2}:\\d{2}' },
    ...['noon', 'midday', 'midnight'].map((w) => ({ keys: wordKeys(w), src: w })),
  ],
  unit: [
    { keys: UNIT_PREFIXES.flatMap(wordKeys), src: `(?:${UNIT_PREFIXES.join('|')})[\\s-]+${UNIT_WORDS}` },
    { keys: UNIT_WORD_STARTS.flatMap(wordKeys), src: UNIT_WORDS },
  ],
};

/** A placeholder's alternatives, all or only those that can start at one key. */
function placeholderParts(name: string, key?: string): string[] {
  return (PLACEHOLDERS[name] ?? []).filter((part) => key === undefined || part.keys.includes(key)).map((part) => part.src);
}

const SEP = '[\\s\\-\u2013\u2010]+';

const NO_INFLECTION = new Set([
  'a',
  'an',
  'the',
  'to',
  'on',
  'in',
  'of',
  'by',
  'for',
  'no',
  'at',
  'up',
  'per',
  'and',
  'or',
  'with',
  'your',
  'their',
  'our',
  'his',
  'her',
  'its',
  'my',
  'within',
  'without',
  'from',
  'into',
  'onto',
  'than',
  'then',
  'there',
  'as',
  'is',
  'it',
  'be',
  'not',
  'all',
  'any',
  'same',
  'one',
  'you',
  'they',
  'them',
  'we',
  'us',
  'own',
  'off',
  'out',
  'so',
  'via',
  'under',
  'over',
  'less',
  'more',
  'next',
  'each',
  'every',
  'while',
  'who',
  'what',
  'when',
  'this',
  'that',
  'these',
  'those',
  'has',
  'have',
  'had',
  'can',
  'may',
  'will',
  'must',
  'need',
  'needs',
]);

function escape(s: string): string {
  // Straight and typographic apostrophes are the same letter to a reader ("can't" = "can’t").
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/['\u2019]/g, "['\u2019]");
}

/** Spelling variants (British/American) of a stem, as regex source. */
function spellingVariants(stem: string): string {
  let src = escape(stem);
  src = src.replace(/is(?=a(?:tion|ble)|e$|er$|ing$|ed$)/g, 'i[sz]').replace(/iz(?=a(?:tion|ble)|e$)/g, 'i[sz]');
  src = src.replace(/yse$/, 'y[sz]e');
  src = src.replace(/our$/, 'ou?r').replace(/our(?=able|ite)/, 'ou?r');
  src = src.replace(/tre$/, 't(?:re|er)');
  src = src.replace(/ogue$/, 'og(?:ue)?');
  src = src.replace(/(?<!e)que$/, '(?:que|ck)');
  return src;
}

/** A word with its inflections (-s, -es, -ed, -d, -ing, y/ies, doubled consonant, ll/l), spelling variants included. */
function inflectWord(word: string): string {
  let src = inflected.get(word);
  if (src === undefined) {
    src = inflect(word.toLowerCase());
    if (inflected.size > 20_000) inflected.clear();
    inflected.set(word, src);
  }
  return src;
}

// The same words recur across hundreds of entries ("customer", "staff"): inflect each once.
const inflected = new Map<string, string>();

function inflect(w: string): string {
  if (w.length <= 2 || NO_INFLECTION.has(w) || !/^[a-z]+$/.test(w)) return spellingVariants(w);
  const variants = spellingVariants(w);
  if (/[^aeiou]y$/.test(w)) return `${spellingVariants(w.slice(0, -1))}(?:y|ies|ied|ying)`;
  // centre/center, catalogue/catalog: the variant group already ends the word.
  if (/\)\??$/.test(variants)) return `${variants}(?:s|d|ed|ing)?`;
  if (w.endsWith('ee')) return `${variants}(?:s|d|ing)?`;
  if (w.endsWith('e')) return `${variants.slice(0, -1)}(?:e|es|ed|ing)`;
  const last = w[w.length - 1]!;
  const doubled = /[bdgklmnprtz]/.test(last) && /[aeiou][bdgklmnprtz]$/.test(w) ? `|${last}(?:ed|ing|er|s)?` : '';
  const ies = /(?:s|x|z|ch|sh)$/.test(w) ? 'es|' : '';
  return `${variants}(?:${ies}s|ed|ing${doubled})?`;
}

interface Token {
  src: string;
  optional: boolean;
  /** A required group's or placeholder's alternatives, in the order they are tried. */
  alts?: string[];
  /** A plain ASCII word (with its inflections): it matches letters only, within one word. */
  word?: boolean;
}

/** Parses a pattern into regex source matching the whole phrase (without word boundaries). */
export function compilePattern(pattern: string): string {
  // Group names restart per expression, so the same entry text always compiles to the same source.
  atomicCounter = 0;
  const tokens = parseSequence(pattern, 0, pattern.length, false);
  if (tokens.length === 0 || tokens.every((t) => t.optional)) throw new PatternError('entry has no required word', 1);
  return joinTokens(tokens);
}

let atomicCounter = 0;

/**
 * An optional part that, once taken, is never given back (an atomic group, emulated with a lookahead and a
 * backreference): a run of optional words cannot backtrack through all its subsets.
 */
function atomic(src: string): string {
  // Upper case: entry text is lower-cased before it is escaped, so no entry can spell a group name.
  const name = `A${++atomicCounter}`;
  return `(?=(?<${name}>${src}))\\k<${name}>`;
}

/** The same expression with its group names made unique by `tag`, so several compiled entries can share one regex. */
export function retagGroups(src: string, tag: string): string {
  return src.replace(/\(\?<A(\d+)>/g, `(?<A${tag}_$1>`).replace(/\\k<A(\d+)>/g, `\\k<A${tag}_$1>`);
}

/** One way a variant can start: a head (one word where it can be) and what must follow it. */
export interface VariantStart {
  head: string;
  /** Continues after the head and ends at a word boundary. */
  tail: string;
  /**
   * Index keys one of which the word after the head's separator must have, when the tail cannot match empty: the
   * matcher checks it before running the tail's expression. Undefined when the tail may be empty.
   */
  nextKeys?: string[];
}

/**
 * A matcher variant as the ways it can start: one per alternative of its first token, in order. A head is the
 * alternative's first word when that is a plain word ("the" of "(the firm|the store) calls"), so whether it matches
 * depends on that word alone and the matcher can remember it per word; the alternative's other words go to the front
 * of its tail. The rest of the variant is compiled the same whatever precedes it, so variants that share it share
 * its expression, built only when one of their heads is found in the text.
 */
export interface SplitVariant {
  starts: VariantStart[];
}

export function splitVariant(variant: string): SplitVariant {
  const firstEnd = firstTokenEnd(variant);
  const restText = variant.slice(firstEnd);
  // The rest is numbered from the first group name on, whatever the first token holds: equal rests, equal sources.
  atomicCounter = 0;
  const rest = tailOf(parseSequence(restText, 0, restText.length, true, false));
  const restKeys = requiredKeys(restText);
  const first = parseSequence(variant, 0, firstEnd, true)[0];
  if (!first || first.optional) throw new PatternError('entry has no required word', 1);
  const open = variant.search(/[^\s\-\u2013]/);
  if (variant[open] !== '(') {
    return { starts: (first.alts ?? [first.src]).map((src) => ({ head: src + WORD_AFTER, tail: rest + WORD_AFTER, nextKeys: restKeys })) };
  }
  const close = matching(variant, open, '(', ')', firstEnd);
  const starts = longestFirst(variant, splitTop(variant, open + 1, close)).map(([s, e]): VariantStart => {
    const tokens = parseSequence(variant, s, e, true);
    const word = tokens[0]!;
    if (tokens.length === 1 || !word.word) return { head: joinTokens(tokens) + WORD_AFTER, tail: rest + WORD_AFTER, nextKeys: restKeys };
    // What an alternative adds after its first word must itself end at a word boundary, as the whole alternative did.
    const more = tailOf(tokens.slice(1)) + WORD_AFTER;
    const moreText = variant.slice(firstTokenEnd(variant.slice(s, e)) + s, e);
    return { head: word.src + WORD_AFTER, tail: rest === '' ? more : more + rest + WORD_AFTER, nextKeys: requiredKeys(moreText) };
  });
  return { starts };
}

/** Tokens after a variant's first as the expression that continues it: a separator before each word. */
function tailOf(tokens: Token[]): string {
  return tokens.map((t) => (t.optional ? atomic(`(?:${SEP}${t.src})?`) : `${SEP}${t.src}`)).join('');
}

/** The keys the first word of a pattern part must have, or undefined when the part may match nothing. */
function requiredKeys(part: string): string[] | undefined {
  const next = leadingKeys(part, 0, part.length);
  return next.required ? [...next.keys] : undefined;
}

/** Where a pattern's first token ends. */
function firstTokenEnd(p: string): number {
  let i = 0;
  while (i < p.length && /[\s\-\u2013]/.test(p[i]!)) i++;
  const c = p[i];
  if (c === '(' || c === '[') return matching(p, i, c, c === '(' ? ')' : ']', p.length) + 1;
  if (c === '{') return p.indexOf('}', i) + 1;
  return wordEnd(p, i, p.length);
}

/** Where the plain word starting at `i` ends: at a separator or pattern syntax. */
function wordEnd(p: string, i: number, end: number): number {
  while (i < end && !/[\s\-\u2013()[\]{}|]/.test(p[i]!)) i++;
  return i;
}

function joinTokens(tokens: Token[]): string {
  let out = '';
  tokens.forEach((t, idx) => {
    if (idx === 0) out = t.optional ? atomic(`(?:${t.src})?`) : t.src;
    else out += t.optional ? atomic(`(?:${SEP}${t.src})?`) : `${SEP}${t.src}`;
  });
  return out;
}

/** `fold` false keeps leading optional words as optional tokens (the rest of a split variant, which follows a word). */
function parseSequence(p: string, start: number, end: number, narrowing: boolean, fold = true): Token[] {
  const tokens: Token[] = [];
  let i = start;
  // Optional words before the first required one are folded into it, so the match never starts with a separator.
  const pending: string[] = [];
  const push = (src: string, optional: boolean, alts?: string[], word?: boolean) => {
    if (tokens.length === 0 && optional && fold) {
      pending.push(src);
      return;
    }
    if (tokens.length === 0 && pending.length > 0) {
      tokens.push({ src: pending.map((s) => atomic(`(?:${s}${SEP})?`)).join('') + src, optional: false });
      pending.length = 0;
      return;
    }
    tokens.push({ src, optional, alts, word });
  };
  while (i < end) {
    const c = p[i]!;
    if (/[\s\-\u2013]/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      const close = matching(p, i, '(', ')', end);
      // Longer alternatives first: the first that fits wins, and "call out" must not lose to "call".
      const alts = longestFirst(p, splitTop(p, i + 1, close)).map(([s, e]) => joinTokens(parseSequence(p, s, e, narrowing)));
      push(`(?:${alts.join('|')})`, false, alts);
      i = close + 1;
    } else if (c === '[') {
      const close = matching(p, i, '[', ']', end);
      const inner = longestFirst(p, splitTop(p, i + 1, close)).map(([s, e]) => joinTokens(parseSequence(p, s, e, narrowing)));
      push(`(?:${inner.join('|')})`, true);
      i = close + 1;
    } else if (c === '{') {
      const close = p.indexOf('}', i);
      if (close < 0 || close > end) throw new PatternError('unclosed "{"', i + 1);
      // "{n@two}" is the matcher's own narrowing of a leading placeholder to one index key (see variantsByKey).
      const [name = '', key] = p
        .slice(i + 1, close)
        .trim()
        .split('@');
      const parts = key === undefined || narrowing ? placeholderParts(name, key) : [];
      if (parts.length === 0) throw new PatternError(`unknown placeholder {${p.slice(i + 1, close).trim()}}; use {n}, {money}, {time} or {unit}`, i + 1);
      push(`(?:${parts.join('|')})`, false, parts);
      i = close + 1;
    } else if (c === ')' || c === ']' || c === '}' || c === '|') {
      throw new PatternError(`unexpected "${c}"`, i + 1);
    } else {
      const j = wordEnd(p, i, end);
      const raw = p.slice(i, j);
      if (raw.startsWith('=')) push(escape(raw.slice(1).toLowerCase()), false);
      else if (/^[\p{L}]+$/u.test(raw)) push(inflectWord(raw), false, undefined, /^[a-z]+$/i.test(raw));
      else push(escape(raw.toLowerCase()), false);
      i = j;
    }
  }
  if (tokens.length === 0) for (const src of pending) tokens.push({ src, optional: true });
  return tokens;
}

function longestFirst(p: string, parts: Array<[number, number]>): Array<[number, number]> {
  return [...parts].sort((a, b) => p.slice(b[0], b[1]).trim().length - p.slice(a[0], a[1]).trim().length);
}

function matching(p: string, open: number, o: string, c: string, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (p[i] === o) depth++;
    else if (p[i] === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new PatternError(`unclosed "${o}"`, open + 1);
}

function splitTop(p: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let s = start;
  for (let i = start; i < end; i++) {
    const c = p[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      parts.push([s, i]);
      s = i + 1;
    }
  }
  parts.push([s, end]);
  for (const [a, b] of parts) if (p.slice(a, b).trim() === '') throw new PatternError('empty alternative', a + 1);
  return parts;
}

// Letters of the Latin, Greek and Cyrillic blocks: a class that needs no Unicode mode, which is costly to compile.
export const WORD_AFTER = '(?![A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF])';

/** A letter for the index: ASCII, Latin, Greek and Cyrillic blocks (no Unicode-mode regex on the hot path). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff);
}

/** The key of a word as the matcher's index sees it: its first three letters, "digit", or a currency sign. */
function keyOfWordAt(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return 'digit';
  if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) return text[i]!;
  if (!isLetter(c)) return undefined;
  let j = i + 1;
  while (j < i + 3 && j < text.length && isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

const DIGIT_KEY = 1;
/** Above every lower-cased code unit the index reads (up to U+04FF). */
const LETTER_BASE = 0x500;
/** Lower case of the letters the index knows, by code unit, so a key needs no string. */
const LOWER = new Uint16Array(0x500).map((_, c) => {
  const lower = String.fromCharCode(c).toLowerCase();
  // A few letters lower-case outside the blocks (U+023A to U+2C65): they keep their own code.
  return lower.length === 1 && lower.charCodeAt(0) < LETTER_BASE ? lower.charCodeAt(0) : c;
});

/** An index key (from `startKeys`) as the number `keyCodeAt` gives a word with that key. */
export function keyCode(key: string): number {
  return key === 'digit' ? DIGIT_KEY : keyCodeAt(key, 0);
}

/**
 * `keyOfWordAt` as a number (up to three letters in base 1280, or a digit or currency mark): no string per word. Under
 * 2^31, so V8 keeps it a small integer: a larger key would be a heap number allocated per word and per lookup.
 */
export function keyCodeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return DIGIT_KEY;
  if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) return 2 + c;
  if (!isLetter(c)) return 0;
  let key = LOWER[c]!;
  for (let j = i + 1; j < i + 3 && j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (!isLetter(d)) break;
    key = key * LETTER_BASE + LOWER[d]!;
  }
  return key + 0x10000;
}

/** A letter, digit or underscore of the blocks the matcher reads: a phrase cannot start or end next to one. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** A character of the separator between an entry's words (`SEP`): white space as `\\s` reads it, hyphen, dashes. */
export function isSeparator(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 0x2013 || c === 0x2010) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where a word, a number or an amount can start. */
export function isWordStart(c: number): boolean {
  return (c !== 95 && isWordChar(c)) || c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

/** Keys of a literal pattern word; a short word ending in y also keys its -ie- forms ("dry" -> "dri"). */
function wordKeys(word: string): string[] {
  const key = keyOfWordAt(word, 0);
  if (!key) return [];
  const keys = [key];
  if (word.length <= 3 && /[^aeiou]y$/i.test(word)) keys.push(`${word.slice(0, -1).toLowerCase()}i`);
  return keys;
}

/** The keys of the words an entry can start with, so the matcher only tries entries that can start at a word. */
function startKeys(pattern: string): Set<string> {
  let keys = startKeyMemo.get(pattern);
  if (!keys) {
    keys = leadingKeys(pattern, 0, pattern.length).keys;
    if (startKeyMemo.size > 20_000) startKeyMemo.clear();
    startKeyMemo.set(pattern, keys);
  }
  return keys;
}

// Narrowing asks for the keys of the same alternatives once per key: remember them for the matcher build.
const startKeyMemo = new Map<string, Set<string>>();

/**
 * The keys of a pattern's first required token and of the optional tokens before it; `required` is false when every
 * token is optional (or a group has an alternative that is), so the pattern can match nothing.
 */
function leadingKeys(p: string, start: number, end: number): { keys: Set<string>; required: boolean } {
  const keys = new Set<string>();
  let i = start;
  while (i < end) {
    const c = p[i]!;
    if (/[\s\-\u2013]/.test(c)) {
      i++;
      continue;
    }
    let optional = false;
    if (c === '(' || c === '[') {
      const close = matching(p, i, c, c === '(' ? ')' : ']', end);
      optional = c === '[';
      for (const [s, e] of splitTop(p, i + 1, close)) {
        const alt = leadingKeys(p, s, e);
        if (!alt.required) optional = true;
        for (const k of alt.keys) keys.add(k);
      }
      i = close + 1;
    } else if (c === '{') {
      const close = p.indexOf('}', i);
      const [name = '', key] = p
        .slice(i + 1, close)
        .trim()
        .split('@');
      for (const k of key !== undefined ? [key] : (PLACEHOLDERS[name]?.flatMap((part) => part.keys) ?? [])) keys.add(k);
      i = close + 1;
    } else {
      const j = wordEnd(p, i, end);
      for (const k of wordKeys(p.slice(i, j).replace(/^=/, ''))) keys.add(k);
      i = j;
    }
    if (!optional) return { keys, required: true };
  }
  return { keys, required: false };
}

/**
 * For each key an entry can start with, the entry narrowed to what can start at that key, so a bucket's expression
 * stays small: leading alternatives ("(agent|nurse) calls" under "nur" is "(nurse) calls"), a leading optional part
 * taken or skipped ("[the] refund" under "the" is "(the) refund", under "ref" "refund"), a leading placeholder
 * ("{n} days" under "two" is "{n@two} days"). The matcher compiles a variant with `splitVariant`.
 */
export function variantsByKey(pattern: string): Map<string, string[]> {
  return narrowAll(pattern.trim());
}

/** Every key's variants of a trimmed pattern, each alternative's keys computed once. */
function narrowAll(p: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const c = p[0];
  if (c === '(' || c === '[') {
    const close = matching(p, 0, c, c === '(' ? ')' : ']', p.length);
    const rest = p.slice(close + 1).trim();
    const byKey = new Map<string, string[]>();
    for (const [s, e] of splitTop(p, 1, close)) {
      const alt = p.slice(s, e).trim();
      // A required group's alternative may be all optional words: then the rest's keys start it too.
      for (const key of startKeys(c === '(' ? `${alt} ${rest}` : alt)) {
        const list = byKey.get(key);
        if (list) list.push(alt);
        else byKey.set(key, [alt]);
      }
    }
    for (const [key, alts] of byKey) out.set(key, [`(${alts.join('|')}) ${rest}`.trim()]);
    // The optional part skipped: only when something required follows it.
    if (c === '[' && rest !== '') {
      for (const [key, variants] of narrowAll(rest)) {
        const list = out.get(key);
        if (list) list.push(...variants);
        else out.set(key, variants);
      }
    }
    return out;
  }
  if (c === '{') {
    const close = p.indexOf('}');
    const name = p.slice(1, close).trim();
    for (const key of startKeys(p)) out.set(key, [name.includes('@') ? p : `{${name}@${key}}${p.slice(close + 1)}`]);
    return out;
  }
  for (const key of startKeys(p)) out.set(key, [p]);
  return out;
}
