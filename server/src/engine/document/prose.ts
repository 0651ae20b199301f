// The document's prose as a reader of sentences sees it: markup blanked in place, so every offset still points into the text.
import type { Span } from '../types.js';

/** A heading-delimited section of the prose: a heading up to the next heading of any level. */
export interface ProseSection {
  /** The heading's text; undefined for the part before the first heading. */
  title: string | undefined;
  span: Span;
}

/** The text with front matter, fenced code, HTML comments and inline markup blanked out (same length, so offsets hold). */
export function readableProse(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank);
  // Each pass only where its opening can be (a look for the literal is much cheaper than the expression over the text).
  if (out.includes('```') || out.includes('~~~')) out = out.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[^\n]*|$)/gm, blank);
  if (out.includes('<!--')) out = out.replace(/<!--[\s\S]*?-->/g, blank);
  return out.replace(/[*_`~]/g, ' ');
}

/** Heading-delimited sections of `prose` (headings in blanked code are gone, so they start no section). */
export function proseSections(prose: string): ProseSection[] {
  const out: ProseSection[] = [];
  const re = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm;
  let current: ProseSection = { title: undefined, span: { start: 0, end: prose.length } };
  let m: RegExpExecArray | null;
  while ((m = re.exec(prose)) !== null) {
    current.span.end = m.index;
    out.push(current);
    current = { title: m[1]!.trim(), span: { start: m.index, end: prose.length } };
  }
  out.push(current);
  return out;
}

/** The text of the document's first level-1 ATX heading (raw text: where a notice about the whole document goes). */
export function titleHeadingSpan(text: string): Span | undefined {
  const m = /^ {0,3}#[ \t]+(.*?)[ \t#]*$/m.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

/** Whether a fenced code block opens with this info word (a Mermaid diagram: ```mermaid), in any case. */
export function hasFencedBlock(text: string, info: string): boolean {
  const word = info.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^ {0,3}(?:\`\`\`|~~~)[ \\t]*${word}\\b`, 'im').test(text);
}
