// The words a one-word head of the phrase matcher can match, spelled out, so the matcher looks a word up in a map
// instead of compiling and running one expression per head: building those expressions was most of a cold run's
// matcher time, and a file uses few of them.

import { WORD_AFTER } from './pattern.js';

/** Past this many words a head keeps its expression (a shipped head spells out to at most a few dozen). */
const MAX_WORDS = 256;

/**
 * Every string (lower case) that the head source matches as a whole, or undefined when the source is not a plain
 * sequence of lower-case ASCII letters, classes of letters and apostrophes, groups with alternatives and optional `?`,
 * or when it spells out to more than MAX_WORDS strings. A top-level `|` is refused: the matcher appends a word
 * boundary that would bind to the last alternative only.
 */
export function headWords(source: string): string[] | undefined {
  const parser = { src: source, at: 0 };
  const words = sequence(parser, true);
  if (!words || parser.at !== source.length) return undefined;
  return [...new Set(words)];
}

/** The words of a matcher head (a source ending in WORD_AFTER) when it is one word that spells out, else undefined. */
export function spellHead(head: string): string[] | undefined {
  if (!head.endsWith(WORD_AFTER)) return undefined;
  const words = headWords(head.slice(0, -WORD_AFTER.length));
  // A head that can match nothing would end at the word's start, where the matcher looks no word up.
  return words && !words.includes('') ? words : undefined;
}

interface Parser {
  src: string;
  at: number;
}

/** A sequence of atoms up to `)` or `|` (or the end); at the top level a `|` is refused. */
function sequence(p: Parser, top: boolean): string[] | undefined {
  let words = [''];
  while (p.at < p.src.length) {
    const c = p.src[p.at]!;
    if (c === ')' || c === '|') {
      if (top) return undefined;
      break;
    }
    const atom = atomAt(p);
    if (!atom) return undefined;
    let options = atom;
    if (p.src[p.at] === '?') {
      p.at++;
      // A lazy `??` changes only which match is found first, but keep to what the matcher writes.
      if (p.src[p.at] === '?') return undefined;
      options = [...atom, ''];
    }
    const next: string[] = [];
    for (const w of words) for (const o of options) next.push(w + o);
    if (next.length > MAX_WORDS) return undefined;
    words = next;
  }
  return words;
}

/** One atom: a run of letters (its last letter alone when a `?` follows it), a class of letters and apostrophes, or a group of alternatives. */
function atomAt(p: Parser): string[] | undefined {
  const start = p.at;
  let end = start;
  while (end < p.src.length && isLetter(p.src.charCodeAt(end))) end++;
  if (end > start) {
    // "ab?" is "a" then an optional "b"
    if (p.src[end] === '?' && end - start > 1) end--;
    p.at = end;
    return [p.src.slice(start, end)];
  }
  const c = p.src[p.at]!;
  if (c === '[') {
    const close = p.src.indexOf(']', p.at);
    if (close < 0) return undefined;
    const chars = p.src.slice(p.at + 1, close);
    if (!/^[a-z'\u2019]+$/.test(chars)) return undefined;
    p.at = close + 1;
    return [...new Set(chars)];
  }
  if (c === '(') {
    p.at += p.src.startsWith('(?:', p.at) ? 3 : 1;
    const words: string[] = [];
    for (;;) {
      const alt = sequence(p, false);
      if (!alt) return undefined;
      words.push(...alt);
      if (words.length > MAX_WORDS) return undefined;
      const end = p.src[p.at];
      p.at++;
      if (end === ')') return words;
      if (end !== '|') return undefined;
    }
  }
  return undefined;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}
