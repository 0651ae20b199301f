// Sentences, tokens with lemmas and parts of speech, and clauses of a piece of text, from wink-nlp.
import { detached } from '../incremental/memo.js';
import { textMemo } from '../incremental/textMemos.js';
import { wink } from './wink.js';

export interface Token {
  /** Index in the document's token list. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag (NOUN, VERB, AUX, ADJ, ADP, DET, PRON, PART, PUNCT, NUM, SYM, CCONJ, SCONJ, ADV, PROPN...). */
  pos: string;
  start: number;
  end: number;
  /** Index of the sentence the token is in. */
  sentence: number;
  /** Index of the clause the token is in (clauses never cross sentences). */
  clause: number;
}

export interface Range {
  start: number;
  end: number;
  /** First and one-past-last token index. */
  from: number;
  to: number;
}

export interface LangDoc {
  text: string;
  tokens: Token[];
  sentences: Range[];
  clauses: Range[];
}

/** Words that open a new clause inside a sentence (coordinating and subordinating conjunctions). */
const CLAUSE_OPENERS = new Set(['but', 'and', 'or', 'so', 'because', 'while', 'whereas', 'although', 'though', 'unless', 'if', 'when', 'whenever', 'once', 'until', 'who', 'which', 'where']);
/** Punctuation that closes a clause ("-" and "'" are inside words: "say-so", "guest's"); an arrow ("missed SLA → ticket free") too. */
const CLAUSE_PUNCT = /^[,;:.!?()[\]—–"“”\u2192\u21d2\u2794\u279c]+$/;

/**
 * Reads a text: hard-wrapped lines are joined (a single line break is a space; a blank line ends a sentence), so a
 * sentence is split on its punctuation only. Offsets are those of the given text. Null when wink is not available.
 */
export function readText(text: string): LangDoc | null {
  // Recent reads by text, in the running lint's cache (prose is split into sentences on every analysis of its step).
  const reads = textMemo<LangDoc>('wink reads', 2000);
  const hit = reads?.get(text);
  if (hit) return hit;
  // a kept read holds its own copy of the text: a slice of the document would keep the whole document alive
  const doc = read(reads ? detached(text) : text);
  if (doc) reads?.set(text, doc);
  return doc;
}

function read(text: string): LangDoc | null {
  const nlp = wink();
  if (!nlp) return null;
  // Joined lines; a capitalised word opening a sentence is lower-cased for the tagger (a lane's "Claims the payment"
  // is read as a proper noun otherwise). Same length, so offsets do not move.
  const joined = text.replace(/[\r\n\t]/g, ' ').replace(/(^|[.!?;:]\s+|^\s+)([A-Z])(?=[a-z])/g, (_, before: string, c: string) => before + c.toLowerCase());
  const doc = nlp.readDoc(joined);
  const its = nlp.its;
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const found = joined.indexOf(v, at);
    const start = found >= 0 ? found : at;
    const end = found >= 0 ? start + v.length : at;
    at = end;
    if (tags[k] === 'SPACE') continue;
    const lower = v.toLowerCase();
    // wink lemmatises "n't" to "not" and "ca" (of "can't") to "can"; "cannot" is one token
    const lemma = lower === 'cannot' ? 'cannot' : (lemmas[k] ?? lower).toLowerCase();
    tokens.push({ i: tokens.length, text: v, lower, lemma, pos: tags[k] ?? 'X', start, end, sentence: 0, clause: 0 });
  }
  // A plural-looking noun right after the subject's noun and before an object is the verb the tagger missed
  // ("Property manager reviews the scores", "Duty manager hands out tickets").
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    const next = tokens[k + 1]!;
    if (t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && ['DET', 'PRON', 'ADP', 'PART', 'NUM', 'ADJ'].includes(next.pos)) {
      let verbBefore = false;
      for (let j = k - 1; j >= 0 && !/^[.!?;:,]$/.test(tokens[j]!.text); j--) if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADP') verbBefore = true;
      if (!verbBefore) t.pos = 'VERB';
    }
  }
  // sentence boundaries: wink's, plus a blank line in the original text
  const sentences: Range[] = [];
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    const endsHere = !next || (/^[.!?]+$/.test(t.text) && next.start > t.end) || /\n[ \t]*\r?\n/.test(text.slice(t.end, next.start));
    if (endsHere) {
      sentences.push({ start: tokens[from]!.start, end: t.end, from, to: k + 1 });
      from = k + 1;
    }
  }
  // wink's sentence breaker also splits on ";" and after abbreviations; ours is enough for clause work
  const clauses: Range[] = [];
  for (const [si, s] of sentences.entries()) {
    let cf = s.from;
    for (let k = s.from; k < s.to; k++) {
      const t = tokens[k]!;
      t.sentence = si;
      const after = tokens[k + 1];
      // "so far", "once per member", "once a week": adverbs, not clause openers
      const adverb = (t.lower === 'so' && after?.lower === 'far') || (t.lower === 'once' && !!after && (after.pos === 'ADP' || after.pos === 'DET' || after.pos === 'NUM' || after.lower === 'again'));
      const opens = k > cf && CLAUSE_OPENERS.has(t.lower) && !adverb;
      if (opens) {
        clauses.push({ start: tokens[cf]!.start, end: tokens[k - 1]!.end, from: cf, to: k });
        cf = k;
      }
      t.clause = clauses.length;
      if (CLAUSE_PUNCT.test(t.text) || k === s.to - 1) {
        clauses.push({ start: tokens[cf]!.start, end: t.end, from: cf, to: k + 1 });
        cf = k + 1;
      }
    }
  }
  return { text, tokens, sentences, clauses };
}

/** Tokens of [start, end) of the text. */
export function tokensIn(doc: LangDoc, start: number, end: number): Token[] {
  return doc.tokens.filter((t) => t.start >= start && t.end <= end);
}

/** The first token that overlaps or follows offset `at`. */
export function tokenAt(doc: LangDoc, at: number): Token | undefined {
  return doc.tokens.find((t) => t.end > at);
}
