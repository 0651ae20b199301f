// Lists pasted as plain text (a Slack thread, a chat or word-processor copy) -> the Markdown lists they are (#14).
//
// Slack copies a list's items as lines opened by a bullet character, `•` then `◦` then `▪` at each deeper level (and
// `1.` then `a.` then `i.` in a numbered list), four spaces a level. To Markdown such lines are lines of the paragraph
// they follow, so a step's lanes hide inside its title's paragraph ("*Booking*\n    ◦ climber: picks..."). Here a
// paragraph (at the top level or in a list item) holding lines opened by a bullet character, or indented lines opened by
// `a.` or `i.` (a run starting at a or i), is cut there: the lines before stay a paragraph, each such line opens a list
// item, nested under the item above it when indented deeper, and the lines up to the next item are its text, parsed as
// Markdown. A line of Slack reactions (`:tada: 4  :eyes: 2`) ends the item above it and is no text. Never throws; linear.
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { LineIndex } from '../text.js';
import { parseSlice } from './fragment.js';

const BULLETS = '•◦▪▫‣⁃●○■□▸▹►∙·';
const HINT = new RegExp(`[${BULLETS}]|\\n[ \\t]+(?:[aA]|[iI])[.)][ \\t]`);
const BULLET = new RegExp(`^([ \\t]*)[${BULLETS}][\\uFE0E\\uFE0F]?[ \\t]+(?=\\S)`);
const LETTER = /^([ \t]+)([a-z]|[ivx]{1,5}|[A-Z]|[IVX]{1,5})[.)][ \t]+(?=\S)/;
const REACTIONS = /^[ \t]*:[\w+'-]+:[ \t]+\d+(?:[ \t]+:[\w+'-]+:[ \t]+\d+)*[ \t]*$/;
/** List levels kept; deeper items are siblings of the deepest. */
const MAX_LEVELS = 16;

interface Line {
  start: number;
  end: number;
  /** The item this line opens: its indentation in columns, where its marker and its text start. */
  item?: { indent: number; marker: number; from: number; ordered: boolean };
  reactions?: boolean;
}

/** The root with bullet-character lines read as list items; the same root when it has none. */
export function withSlackLists(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    const children = blocks(root.children, text, lines, 0);
    return children === root.children ? root : { ...root, children };
  } catch {
    return root;
  }
}

/** The blocks with their paragraphs read; the same array when nothing changed. */
function blocks(nodes: RootContent[], text: string, lines: LineIndex, depth: number): RootContent[] {
  let out: RootContent[] | undefined;
  nodes.forEach((node, k) => {
    let read: RootContent[] | undefined;
    if (node.type === 'paragraph') read = paragraphLists(node, text, lines);
    else if (node.type === 'list' && depth < MAX_LEVELS) {
      let changed = false;
      const items = node.children.map((item) => {
        const kids = blocks(item.children, text, lines, depth + 1);
        if (kids === item.children) return item;
        changed = true;
        return { ...item, children: kids as ListItem['children'] };
      });
      if (changed) read = [{ ...node, children: items }];
    }
    if (read) out ??= nodes.slice(0, k);
    if (out) out.push(...(read ?? [node]));
  });
  return out ?? nodes;
}

/** The paragraph cut at its item lines, or undefined when it has none. */
function paragraphLists(p: Paragraph, text: string, lines: LineIndex): RootContent[] | undefined {
  const start = p.position?.start.offset;
  const end = p.position?.end.offset;
  if (start === undefined || end === undefined || !HINT.test(text.slice(start, end))) return undefined;
  const found = itemLines(text, start, end, lines);
  if (!found.some((l) => l.item)) return undefined;
  const out: RootContent[] = [];
  let text0: number | undefined = found[0]!.item ? undefined : start;
  let textEnd = start;
  let list: Array<{ indent: number; list: List }> = [];
  let current: { item: ListItem; from: number; to: number } | undefined;
  const flushItem = () => {
    if (!current) return;
    current.item.children = parseSlice(text, current.from, current.to, lines) as ListItem['children'];
    current = undefined;
  };
  const flushText = () => {
    if (text0 !== undefined) out.push(...parseSlice(text, text0, textEnd, lines));
    text0 = undefined;
  };
  for (const line of found) {
    if (line.item) {
      flushItem();
      flushText();
      const { indent, marker, from, ordered } = line.item;
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start: lines.position(marker), end: lines.position(line.end) } };
      while (list.length > 1 && indent < list[list.length - 1]!.indent) list.pop();
      const top = list[list.length - 1];
      const parentItem = top?.list.children[top.list.children.length - 1];
      if (!top || (indent > top.indent && parentItem && list.length < MAX_LEVELS)) {
        const nested: List = { type: 'list', ordered, start: ordered ? 1 : null, spread: false, children: [item], position: item.position };
        if (parentItem) parentItem.children.push(nested);
        else out.push(nested);
        list = [...list, { indent, list: nested }];
      } else top.list.children.push(item);
      current = { item, from, to: line.end };
    } else if (line.reactions) {
      flushItem();
      flushText();
      list = [];
    } else if (current) current.to = line.end;
    else {
      text0 ??= line.start;
      textEnd = line.end;
    }
  }
  flushItem();
  flushText();
  for (const n of out) if (n.type === 'list') settle(n);
  return out;
}

/** The paragraph's lines, each marked when it opens an item or holds reactions. */
function itemLines(text: string, start: number, end: number, lines: LineIndex): Line[] {
  const out: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let at = start;
  let letters: boolean | undefined;
  for (;;) {
    breaks.lastIndex = at;
    const br = breaks.exec(text);
    const lineEnd = br && br.index < end ? br.index : end;
    // The first line is read from the paragraph's start (after a list marker); what comes before it counts as indentation.
    const lineStart = at === start ? lines.lineStart(lines.position(start).line) : at;
    const lead = at - lineStart;
    const line = text.slice(at, lineEnd);
    const entry: Line = { start: at, end: lineEnd };
    const bullet = BULLET.exec(line);
    const letter = bullet || at === start ? undefined : LETTER.exec(line);
    if (letter) letters ??= /^[aAiI]$/.test(letter[2]!);
    if (bullet || (letter && letters)) {
      const m = (bullet ?? letter)!;
      entry.item = { indent: lead + columns(m[1]!), marker: at + m[1]!.length, from: at + m[0].length, ordered: !bullet };
    } else if (REACTIONS.test(line)) entry.reactions = true;
    out.push(entry);
    if (lineEnd >= end) break;
    at = lineEnd + br![0].length;
  }
  return out;
}

/** Indentation width in columns, a tab to the next multiple of four. */
function columns(ws: string): number {
  let n = 0;
  for (const ch of ws) n = ch === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

/** Each list and item ends where its last child does. */
function settle(list: List): void {
  for (const item of list.children) {
    for (const c of item.children) if (c.type === 'list') settle(c);
    const last = item.children[item.children.length - 1];
    if (last?.position && item.position && last.position.end.offset! > item.position.end.offset!) item.position = { start: item.position.start, end: last.position.end };
  }
  const last = list.children[list.children.length - 1];
  if (last?.position && list.position) list.position = { start: list.position.start, end: last.position.end };
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/** The marker after an item opened by a letter or roman numeral ("b." after "a.", "iii." after "ii."), or undefined. */
export function nextLetterMarker(itemStart: string): string | undefined {
  const m = /^([a-zA-Z]{1,5})([.)])[ \t]/.exec(itemStart);
  if (!m) return undefined;
  const [, mark, dot] = m as unknown as [string, string, string];
  const lower = mark.toLowerCase();
  const upper = mark !== lower;
  // One letter other than i counts on as a letter; i and longer numerals count on as roman numerals.
  const roman = ROMAN.indexOf(lower);
  let next: string | undefined;
  if (mark.length === 1 && lower !== 'i') next = lower === 'z' ? undefined : String.fromCharCode(lower.charCodeAt(0) + 1);
  else if (roman >= 0 && roman + 1 < ROMAN.length) next = ROMAN[roman + 1];
  return next && `${upper ? next.toUpperCase() : next}${dot}`;
}
