// Word documents converted by pandoc with their styles kept: a lane is a fenced div (`::: {custom-style="Lane Client"}`)
// opened by a span in a character style for labels (`[Client and family]{custom-style="Lane Label"} The family ...`).

/** A bracketed span whose style or class names a label, with its text: `[Office]{custom-style="Lane Label"}`. */
const LABEL_SPAN = /\[([^[\]\r\n]{1,60})\]\{[^{}\r\n]*?(?:custom-style="[^"\r\n]*\blabel\b[^"\r\n]*"|\.label\b)[^{}\r\n]*\}/gi;
/** An empty bookmark span Word writes into headings: `[]{#_Toc150112231 .anchor}`. */
const EMPTY_SPAN = /\[\]\{[^{}\r\n]*\}/g;

export interface SpanHead {
  label: string;
  /** Where the label's text starts in the line, and where the words after the span start. */
  labelFrom: number;
  contentFrom: number;
}

/** The label span a line opens with, followed by its words; undefined when the line opens with anything else. */
export function labelSpanHead(line: string): SpanHead | undefined {
  if (!line.includes(']{')) return undefined;
  const lead = /^[ \t]*/.exec(line)![0].length;
  LABEL_SPAN.lastIndex = lead;
  const m = LABEL_SPAN.exec(line);
  if (!m || m.index !== lead) return undefined;
  const after = m.index + m[0].length;
  // a separator after the span is no content; "--" alone is pandoc's en dash, a placeholder, and stays
  const gap = /^[ \t]*(?:(?:[:\u2013\u2014]|-(?=[ \t]))[ \t]*)?/.exec(line.slice(after))![0].length;
  return { label: m[1]!.trim(), labelFrom: lead + 1, contentFrom: after + gap };
}

/** Label spans written as bold labels and bookmark spans dropped, for readers that look for `**Label**`. */
export function labelSpansAsBold(text: string): string {
  if (!text.includes(']{')) return text;
  return text.replace(LABEL_SPAN, '**$1**').replace(EMPTY_SPAN, '');
}

/** A title without Word's empty bookmark spans ("[]{#_Toc1 .anchor}First phone call" is "First phone call"). */
export function withoutBookmarks(title: string): string {
  return title.includes(']{') ? title.replace(EMPTY_SPAN, '') : title;
}
