// Lines of other tools' block markup written on lines of their own inside a Markdown page (GitBook's `{% tab %}` tags,
// MyST's `:::{note}` fences) -> the blocks they open and close, for gitbook.ts and myst.ts.
//
// Remark reads such lines as text, so a tag line joins the paragraph (or list, quote or HTML block) next to it. Every
// top-level block holding a marked line is cut at its marked lines and the text between them parsed as Markdown on its
// own, as the tool does; the nodes between an opening line and the closing line it pairs with become what the reader
// makes of that block (a titled box, a table, its body in place). A line that stands alone (a tag with no body) is left
// out. A Markdown heading ends every open block (the editor's units start at Markdown headings), and a line that pairs
// with nothing stays text, as written. Linear: each line is looked at once, each piece parsed once.
import type { Blockquote, RootContent } from 'mdast';
import type { LineIndex } from '../text.js';
import type { Span } from '../types.js';
import { parseSlice } from './fragment.js';

/** A marked line: it opens a block, closes one, or stands alone. */
export interface MarkedLine {
  role: 'open' | 'close' | 'alone';
  name: string;
  /** The source the line takes: from its line start to the end of its last line (an opener may take option lines after it). */
  start: number;
  end: number;
  /** The block's title as written (a tab's title, a directive's argument). */
  title?: Span;
  /** A fence's length (MyST colons); 0 for tags. */
  fence: number;
  /** Markup that is cut out even when nothing pairs it (a GitBook `{% endstep %}` after an untitled `{% step %}`). */
  markup?: boolean;
  pair?: MarkedLine;
}

export interface BlockReader {
  /** The marked line at [start, lineEnd) of the source, reaching at most to `limit` (its block's end); undefined for any other line. */
  lineAt(text: string, start: number, lineEnd: number, limit: number): MarkedLine | undefined;
  /** Which of the open lines (outermost first) a closing line closes, or -1. */
  closes(open: readonly MarkedLine[], close: MarkedLine): number;
  /** What a paired block stands for, given the nodes of its body. */
  block(open: MarkedLine, close: MarkedLine, body: RootContent[]): RootContent[];
}

/** Blocks a marked line can hide in: a paragraph, an HTML block, or a list or quote whose last line runs on lazily. */
const HOLDERS = new Set(['paragraph', 'html', 'list', 'blockquote']);
/** Blocks open at once; deeper ones are text. */
const MAX_OPEN = 32;

/** The nodes with every paired block read by `reader`; the same array when none pairs. */
export function readBlocks(nodes: RootContent[], text: string, lines: LineIndex, reader: BlockReader): RootContent[] {
  // A box a reader made has had its lines read: its body is read again only as its own nodes.
  const marked = nodes.map((node) => (HOLDERS.has(node.type) && !boxOf(node) ? markedLines(node, text, reader) : []));
  if (!pair(nodes, marked, reader)) return nodes;
  const frames: Array<{ open?: MarkedLine; body: RootContent[] }> = [{ body: [] }];
  const here = () => frames[frames.length - 1]!.body;
  nodes.forEach((node, k) => {
    const cuts = marked[k]!.filter((m) => m.pair || m.role === 'alone' || m.markup);
    if (!cuts.length) {
      here().push(node);
      return;
    }
    let from = node.position!.start.offset!;
    for (const m of cuts) {
      here().push(...parseSlice(text, from, m.start, lines));
      // (an unpaired markup line is only cut out)
      if (m.role === 'open' && m.pair) frames.push({ open: m, body: [] });
      else if (m.role === 'close' && m.pair) {
        const frame = frames.pop()!;
        here().push(...reader.block(frame.open!, m, frame.body));
      }
      from = m.end;
    }
    here().push(...parseSlice(text, from, node.position!.end.offset!, lines));
  });
  return frames[0]!.body;
}

/** The marked lines of one block, in order. */
function markedLines(node: RootContent, text: string, reader: BlockReader): MarkedLine[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const out: MarkedLine[] = [];
  let at = start;
  for (;;) {
    const br = nextBreak(text, at, end);
    const lineEnd = br < 0 ? end : br;
    const m = reader.lineAt(text, at, lineEnd, end);
    // An opener's option lines are its own: the next line looked at is the one after them.
    const next = m ? Math.min(Math.max(m.end, lineEnd), end) : lineEnd;
    if (m) out.push({ ...m, end: next });
    if (next >= end) break;
    at = next + (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1);
  }
  return out;
}

/** The offset of the next line break at or after `from` and before `end`, or -1. */
export function nextBreak(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Pairs each closing line with an open one, as the reader says; true when any pair (or a line standing alone) was found. */
function pair(nodes: readonly RootContent[], marked: readonly MarkedLine[][], reader: BlockReader): boolean {
  const stack: MarkedLine[] = [];
  let any = false;
  nodes.forEach((node, k) => {
    if (node.type === 'heading') stack.length = 0;
    for (const m of marked[k]!) {
      if (m.markup) any = true;
      if (m.role === 'alone') any = true;
      else if (m.role === 'open') {
        if (stack.length < MAX_OPEN) stack.push(m);
      } else {
        const i = reader.closes(stack, m);
        if (i < 0) continue;
        m.pair = stack[i]!;
        stack[i]!.pair = m;
        // Blocks opened inside it and never closed pair with nothing: their lines stay text.
        stack.length = i;
        any = true;
      }
    }
  });
  return any;
}

/** Data on a box a reader made: a titled block of another tool's markup (a GitBook tab, a MyST tab-item). */
export interface BoxData {
  markupBox: {
    title?: Span;
    /** A tab: its title is a lane's label whatever its words, unless what it holds is a step of its own. */
    tab?: true;
    /** How a sibling box is written around its label and content, so a new lane looks like its neighbours. */
    sibling?: { before: string; between: string; after: string };
  };
}

/** A box holding `body`, titled by `title`, spanning [start, end). */
export function boxNode(body: RootContent[], start: number, end: number, lines: LineIndex, data: BoxData['markupBox']): Blockquote {
  return { type: 'blockquote', children: body as Blockquote['children'], position: { start: lines.position(start), end: lines.position(end) }, data: { markupBox: data } as never };
}

/** The box data of a node a reader made, or undefined. */
export function boxOf(node: RootContent): BoxData['markupBox'] | undefined {
  return node.type === 'blockquote' ? (node.data as Partial<BoxData> | undefined)?.markupBox : undefined;
}
