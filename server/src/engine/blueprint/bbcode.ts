// A Discourse topic's BBCode boxes -> the sections they stand for (#14): a `[details="Step 1: Arriving"]` box is read
// as a `<details><summary>Step 1: Arriving</summary>` block is (htmlFlow.ts).
//
// Discourse writes a collapsible box as `[details="Title"]` ... `[/details]` (`[details=Title]` unquoted, attributes
// such as `open` after a quoted title), a quotation of another post as `[quote="user, post:1, topic:2"]` ... `[/quote]`
// and hidden text as `[spoiler]` ... `[/spoiler]`: each opening tag starts a line, each closing tag ends one, the body
// between them is Markdown. Remark reads the tags as text, so a tag line joins the paragraph (or list item) next to it.
// Every top-level block holding a tag line is cut at its tag lines and the text between them parsed as Markdown on its
// own, as Discourse does. A titled details box becomes a heading one level under the section around it, ended by a
// section-end marker at its closing tag; a quote, a spoiler or an untitled box leaves its body in place, as a `>` quote
// block's is read. A closing tag closes the nearest open tag of its name; an unclosed or stray tag is text, and a
// Markdown heading ends every open box (the editor's units start at Markdown headings). Never throws; linear.
import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import type { LineIndex } from '../text.js';
import { parseSlice } from './fragment.js';
import { boxEnd, boxHeading } from './htmlFlow.js';

const HINT = /\[\/(?:details|quote|spoiler)\]/i;
const OPEN = /^[ \t]{0,3}\[(details|quote|spoiler)(?:=(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\]"'\r\n]*)))?(?:[ \t]+[\w-]+(?:=(?:"[^"\r\n]*"|[^\]\s]*))?)*[ \t]*\]/i;
const CLOSE = /\[\/(details|quote|spoiler)\][ \t]*$/i;
/** Blocks a tag line can hide in: a paragraph, or a list or quote whose last line runs on lazily. */
const HOLDERS = new Set(['paragraph', 'list', 'blockquote']);
/** Open boxes tracked at once; deeper tags are text. */
const MAX_OPEN = 32;

interface Tag {
  open: boolean;
  name: string;
  /** The tag line, and the tag's own characters in it. */
  lineStart: number;
  lineEnd: number;
  tagStart: number;
  tagEnd: number;
  title?: { start: number; end: number };
  /** The tag it pairs with, once matched. */
  pair?: Tag;
}

/** The root with Discourse's BBCode boxes read as sections; the same root when it has none. */
export function withBbcode(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    return rewrite(root, text, lines) ?? root;
  } catch {
    return root;
  }
}

function rewrite(root: Root, text: string, lines: LineIndex): Root | undefined {
  const tags = root.children.map((node) => (HOLDERS.has(node.type) ? tagsOf(node, text) : []));
  if (!pair(root, tags)) return undefined;
  const out: RootContent[] = [];
  let mdDepth = 0;
  // The open boxes, each with the depth of its heading when it has one.
  const open: Array<{ tag: Tag; depth?: number }> = [];
  root.children.forEach((node, k) => {
    if (node.type === 'heading') {
      mdDepth = node.depth;
      open.length = 0;
    }
    const matched = tags[k]!.filter((t) => t.pair);
    if (!matched.length) {
      out.push(node);
      return;
    }
    let from = node.position!.start.offset!;
    for (const t of matched) {
      out.push(...parseSlice(text, from, t.open ? t.lineStart : t.tagStart, lines));
      if (t.open) {
        const base = [...open].reverse().find((o) => o.depth !== undefined)?.depth ?? mdDepth;
        const heading = t.name === 'details' && t.title ? titleHeading(text, t, Math.min(6, Math.max(1, base) + 1), lines) : undefined;
        if (heading) out.push(heading);
        open.push({ tag: t, depth: heading?.depth });
        from = t.tagEnd;
      } else {
        const at = open.findIndex((o) => o.tag === t.pair);
        const box = at >= 0 ? open[at]! : undefined;
        if (box) open.length = at;
        if (box?.depth !== undefined) out.push(boxEnd(text.slice(t.tagStart, t.tagEnd), { start: lines.position(t.tagStart), end: lines.position(t.tagEnd) }, box.depth));
        from = t.lineEnd;
      }
    }
    out.push(...parseSlice(text, from, node.position!.end.offset!, lines));
  });
  return { ...root, children: out };
}

/** The tag lines of one top-level block, in order. */
function tagsOf(node: RootContent, text: string): Tag[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const slice = text.slice(start, end);
  if (!/\[\/?(?:details|quote|spoiler)\b/i.test(slice)) return [];
  const out: Tag[] = [];
  const breaks = /\r\n|\r|\n/g;
  let lineStart = start;
  while (lineStart <= end) {
    breaks.lastIndex = lineStart - start;
    const br = breaks.exec(slice);
    const lineEnd = br ? start + br.index : end;
    const line = text.slice(lineStart, lineEnd);
    const o = OPEN.exec(line);
    if (o) {
      const raw = o[2] ?? o[3] ?? o[4];
      const at = raw === undefined ? -1 : lineStart + o[0].indexOf(raw, o[1]!.length + 1);
      const trimmed = raw?.trim() ?? '';
      const title = trimmed ? { start: at + raw!.indexOf(trimmed), end: at + raw!.indexOf(trimmed) + trimmed.length } : undefined;
      out.push({ open: true, name: o[1]!.toLowerCase(), lineStart, lineEnd, tagStart: lineStart + o.index, tagEnd: lineStart + o.index + o[0].length, title });
    }
    const c = CLOSE.exec(line);
    if (c && (!o || c.index >= o[0].length)) out.push({ open: false, name: c[1]!.toLowerCase(), lineStart, lineEnd, tagStart: lineStart + c.index, tagEnd: lineStart + c.index + c[0].length });
    if (!br) break;
    lineStart = start + br.index + br[0].length;
  }
  return out;
}

/** Pairs each closing tag with the nearest open tag of its name; true when any pair was found. */
function pair(root: Root, tags: readonly Tag[][]): boolean {
  const stack: Tag[] = [];
  let any = false;
  root.children.forEach((node, k) => {
    if (node.type === 'heading') stack.length = 0;
    for (const t of tags[k]!) {
      if (t.open) {
        if (stack.length < MAX_OPEN) stack.push(t);
        continue;
      }
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.name !== t.name) i--;
      if (i < 0) continue;
      t.pair = stack[i]!;
      stack[i]!.pair = t;
      stack.length = i;
      any = true;
    }
  });
  return any;
}

/** The heading a titled box stands for, its title's Markdown read in place. */
function titleHeading(text: string, t: Tag, depth: number, lines: LineIndex): Heading | undefined {
  const { start, end } = t.title!;
  const [first, ...rest] = parseSlice(text, start, end, lines);
  const children: PhrasingContent[] =
    first?.type === 'paragraph' && !rest.length ? first.children : [{ type: 'text', value: text.slice(start, end), position: { start: lines.position(start), end: lines.position(end) } }];
  return boxHeading({ type: 'heading', depth: depth as Heading['depth'], children, position: { start: lines.position(t.lineStart), end: lines.position(t.tagEnd) } });
}
