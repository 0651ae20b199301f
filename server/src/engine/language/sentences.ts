// The one sentence splitter: where a piece of prose breaks into the units whose subject says whose side they are on.

/** A sentence or clause of a text: [start, end) with the surrounding spaces left out. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Sentences and ":"/";" clauses of prose (a clause after a colon has its own subject: "the sign-up happens in the
 * product: the customer picks a plan"). A soft line break inside a sentence does not end it ("up to\n$500"); a colon
 * that opens a list ("logged with: name, room, compensation offered") keeps the list in its sentence, and a short
 * label keeps its value ("Website information: 24/7 availability"): the label says what the value is about.
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /(?:[^.!?;:]|[.!?:](?!\s|$))+(?:[.!?;:]+(?=\s|$)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    if (!m[0].trim()) continue;
    const seg = { start: m.index + lead, end: m.index + m[0].trimEnd().length };
    const prev = out[out.length - 1];
    const opensList = (text.slice(seg.start, seg.end).match(/,/g)?.length ?? 0) >= 2;
    const head = prev ? text.slice(prev.start, prev.end - 1) : '';
    const label = head.trim().split(/\s+/).length <= 4 && !/[.!?;]/.test(head);
    if (prev && text[prev.end - 1] === ':' && (opensList || label)) prev.end = seg.end;
    else out.push(seg);
  }
  return out;
}
