// A slice of the document parsed as Markdown on its own, every position the document's: readers of other tools' markup
// (bbcode.ts, slackPaste.ts) cut a block remark read whole at lines of that markup and read what lies between.
import type { Nodes, RootContent } from 'mdast';
import { capNesting, parseGfm } from '../parse.js';
import type { LineIndex } from '../text.js';

/** The block nodes of text[start, end) parsed alone; positions through `lines`, so the cost is the slice's, not the document's. */
export function parseSlice(text: string, start: number, end: number, lines: LineIndex): RootContent[] {
  if (end <= start || !/\S/.test(text.slice(start, end))) return [];
  const tree = parseGfm(capNesting(text.slice(start, end)).text);
  for (const n of tree.children) place(n, start, lines);
  return tree.children;
}

function place(node: Nodes, offset: number, lines: LineIndex): void {
  const p = node.position;
  if (p) node.position = { start: lines.position((p.start.offset ?? 0) + offset), end: lines.position((p.end.offset ?? 0) + offset) };
  if ('children' in node) for (const c of node.children as Nodes[]) place(c, offset, lines);
}
