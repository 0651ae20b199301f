// Pandoc's plain-text tables (grid and simple) and box-drawing grids in code blocks -> synthetic mdast tables, so
// build.ts reads them like GFM tables.
//
// Word documents converted with pandoc's Markdown writer keep tables as grid tables (`+----+----+` borders, `|`
// between cells, a `+====+` line under the header) or simple tables (a header line over dash groups, one row a line).
// remark reads them as paragraphs (and a simple table's dash line as a thematic break), so their lanes would be prose.
// Only tables that are top-level nodes are read; pandoc's multiline tables are not (their closing dash line makes the
// last row a setext heading, which splits the document's sections before this module could join them).
//
// Cell content follows htmlTable.ts's model, so appendInline maps every visible character back to the source: literal
// runs whose value is the source slice at their position, a collapsed " " (positioned on the line end) between the
// lines of a cell, and a `break` before a line that starts a list item or follows a blank line inside the cell. A
// cell's position is its first line's text: a span to its last line would take in the other columns between.
// Emphasis markers, backslashes of escapes, code ticks, link targets and footnote marks are left out of the runs.
import type { Break, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import type { LineIndex } from '../text.js';

/** Data on a table read from plain text: its columns are fixed-width, so no fix may write inside it. */
export const FIXED_WIDTH = 'fixedWidth';
/** Data on a table another markup draws a cell at a time (a MyST list-table): a fix may write inside a cell, adds no row or column. */
export const CELLS_IN_PLACE = 'cellsInPlace';

const GRID_BORDER = /^ {0,3}\+(?:[-=:]+\+)+[ \t]*$/;
const GRID_HEADER_BORDER = /^ {0,3}\+(?:[=:]+\+)+[ \t]*$/;
const GRID_ROW = /^ {0,3}\|.*\|[ \t]*$/;
const DASH_GROUPS = /^ {0,3}-{2,}(?:[ \t]+-{2,})+[ \t]*$/;
const LIST_START = /^(?:[-*+]|\d{1,3}[.)])[ \t]/;

interface Line {
  start: number;
  end: number;
  text: string;
}

/**
 * The root with every top-level grid or simple table replaced by a table node (data `fixedWidth: true`); the same
 * root when it has none. Never throws; linear in the text.
 */
export function withTextTables(root: Root, text: string, lines: LineIndex): Root {
  if (!text.includes('--') && !text.includes('┌')) return root;
  return replaceTopLevel(root, (node, i, kids) => {
    const box = node.type === 'code' ? boxGridAt(node, text, lines) : undefined;
    const found = box ? { table: box, nodes: 1 } : node.type === 'paragraph' ? (gridAt(node, text, lines) ?? simpleAt(kids, i, text, lines)) : undefined;
    return found && { node: found.table, nodes: found.nodes };
  });
}

/**
 * The root with top-level nodes replaced where `find` reads one (a table or heading written in other markup), the node
 * and the `nodes` after it it spans dropped, and any later node that starts inside the replacement (a table with blank
 * lines, which remark split into paragraphs). The same root when nothing is replaced; never throws.
 */
export function replaceTopLevel(root: Root, find: (node: RootContent, i: number, kids: readonly RootContent[]) => { node: RootContent; nodes: number } | undefined): Root {
  try {
    const out: RootContent[] = [];
    let changed = false;
    const kids = root.children;
    for (let i = 0; i < kids.length; i++) {
      const found = find(kids[i]!, i, kids);
      if (!found) {
        out.push(kids[i]!);
        continue;
      }
      let j = i + found.nodes;
      while (j < kids.length && (kids[j]!.position?.start.offset ?? Infinity) < found.node.position!.end.offset!) j++;
      out.push(found.node);
      changed = true;
      i = j - 1;
    }
    return changed ? { ...root, children: out } : root;
  } catch {
    return root;
  }
}

function sourceLines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let s = from;
  while (s < to) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > to) e = to;
    const textEnd = e > s && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    out.push({ start: s, end: textEnd, text: text.slice(s, textEnd) });
    s = e + 1;
  }
  return out;
}

function lineAt(text: string, start: number): Line {
  let e = text.indexOf('\n', start);
  if (e < 0) e = text.length;
  const textEnd = e > start && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
  return { start, end: textEnd, text: text.slice(start, textEnd) };
}

// ---------------------------------------------------------------------------------------------------------------
// Grid tables

function gridAt(p: RootContent, text: string, lines: LineIndex): { table: Table; nodes: number } | undefined {
  const start = p.position?.start.offset;
  const end = p.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lineStart = lines.lineStart(lines.position(start).line);
  const first = lineAt(text, lineStart);
  if (!GRID_BORDER.test(first.text)) return undefined;
  const ls: Line[] = [];
  for (let l = first; ;) {
    if (!GRID_BORDER.test(l.text) && !GRID_ROW.test(l.text)) break;
    ls.push(l);
    if (l.end >= text.length) break;
    const next = text.indexOf('\n', l.end);
    if (next < 0) break;
    l = lineAt(text, next + 1);
  }
  if (ls.length < 3 || !GRID_BORDER.test(ls[ls.length - 1]!.text)) return undefined;
  const indent = first.text.length - first.text.trimStart().length;
  const bounds: number[] = [];
  for (let c = indent; c < first.text.trimEnd().length; c++) if (first.text[c] === '+') bounds.push(c);
  if (bounds.length < 3) return undefined;
  const rows: TableRow[] = [];
  let block: Line[] = [];
  let header: TableRow | undefined;
  const flush = (isHeader: boolean) => {
    if (block.length) {
      const row = gridRow(block, bounds, text, lines);
      if (isHeader && !header && rows.length === 0) header = row;
      else rows.push(row);
    }
    block = [];
  };
  for (const l of ls.slice(1)) {
    if (GRID_BORDER.test(l.text)) flush(GRID_HEADER_BORDER.test(l.text));
    else block.push(l);
  }
  if (!rows.length && !header) return undefined;
  // A grid without a header line is all body: an empty header keeps every row a row (GFM tables always have one).
  const head = header ?? emptyRow(bounds.length - 1, ls[0]!.start, lines);
  const last = ls[ls.length - 1]!;
  return { table: tableNode([head, ...rows], ls[0]!.start, last.end, lines), nodes: 1 };
}

function gridRow(block: Line[], bounds: number[], text: string, lines: LineIndex, bar = '|'): TableRow {
  const columns = bounds.length - 1;
  const pieces: Array<Array<{ start: number; end: number }>> = Array.from({ length: columns }, () => []);
  for (const l of block) {
    const aligned = bounds.every((b) => l.text[b] === bar);
    const cuts = aligned ? bounds : pipeCuts(l.text, bar);
    for (let c = 0; c < columns && c + 1 < cuts.length; c++) pieces[c]!.push({ start: l.start + cuts[c]! + 1, end: l.start + cuts[c + 1]! });
  }
  const cells = pieces.map((ps) => cellOf(ps, text, lines));
  return rowNode(cells, block[0]!.start, block[block.length - 1]!.end, lines);
}

function pipeCuts(line: string, bar = '|'): number[] {
  const cuts: number[] = [];
  for (let c = 0; c < line.length; c++) if (line[c] === bar && line[c - 1] !== '\\') cuts.push(c);
  return cuts;
}

// ---------------------------------------------------------------------------------------------------------------
// Box-drawing grids in a plain code block: "┌───┬───┐", rows of "│ a │ b │", "├───┼───┤" between rows, "└───┴───┘".

const BOX_TOP = /^ *┌[─━═┬┯╤]+┐ *$/;
// A rule between rows; one with words in it ("├┄ line of visibility ┄┤") divides rows the same way.
const BOX_RULE = /^ *[├╞┝╟].*[┤╡┥╢] *$/;
const BOX_BOTTOM = /^ *└[─━═┴┷╧]+┘ *$/;
const BOX_ROW = /^ *│.*│ *$/;

/** A box-drawing grid that fills a code block with no language (or text/plain): the first block of rows is the header. */
function boxGridAt(code: RootContent, text: string, lines: LineIndex): Table | undefined {
  if (code.type !== 'code' || (code.lang && !/^(?:text|txt|plain|plaintext)$/i.test(code.lang))) return undefined;
  const start = code.position?.start.offset;
  const end = code.position?.end.offset;
  if (start === undefined || end === undefined || !code.value.trimStart().startsWith('┌')) return undefined;
  const ls = sourceLines(text, start, end).filter((l) => l.text.trim() && !/^ *(?:`{3,}|~{3,})/.test(l.text));
  const top = ls[0];
  if (!top || !BOX_TOP.test(top.text) || !BOX_BOTTOM.test(ls[ls.length - 1]!.text)) return undefined;
  const bounds: number[] = [];
  for (let c = 0; c < top.text.length; c++) if ('┌┬┯╤┐'.includes(top.text[c]!)) bounds.push(c);
  if (bounds.length < 3) return undefined;
  const blocks: Line[][] = [[]];
  for (const l of ls.slice(1, -1)) {
    if (BOX_RULE.test(l.text)) blocks.push([]);
    else if (BOX_ROW.test(l.text)) blocks[blocks.length - 1]!.push(l);
    else return undefined;
  }
  const rows = blocks.filter((b) => b.length).map((b) => gridRow(b, bounds, text, lines, '│'));
  if (rows.length < 2) return undefined;
  return tableNode(rows, top.start, ls[ls.length - 1]!.end, lines);
}

// ---------------------------------------------------------------------------------------------------------------
// Simple tables: a one-line paragraph (the header), a dash-group line remark reads as a thematic break, then rows.

function simpleAt(kids: readonly RootContent[], i: number, text: string, lines: LineIndex): { table: Table; nodes: number } | undefined {
  const head = kids[i]!;
  const rule = kids[i + 1];
  const body = kids[i + 2];
  if (rule?.type !== 'thematicBreak' || body?.type !== 'paragraph') return undefined;
  const hs = head.position!.start;
  const he = head.position!.end;
  const rs = rule.position!.start;
  const bs = body.position!.start;
  if (hs.line !== he.line || rs.line !== he.line + 1 || bs.line !== rs.line + 1) return undefined;
  const dash = lineAt(text, lines.lineStart(rs.line));
  if (!DASH_GROUPS.test(dash.text)) return undefined;
  const groups: number[] = [];
  for (let c = 0; c < dash.text.length; c++) if (dash.text[c] === '-' && dash.text[c - 1] !== '-') groups.push(c);
  const header = lineAt(text, lines.lineStart(hs.line));
  const rowLines = sourceLines(text, lines.lineStart(bs.line), body.position!.end.offset!);
  const headRow = rowNode(
    simpleCells(header, groups).map((ps) => cellOf(ps, text, lines)),
    header.start,
    header.end,
    lines,
  );
  const rows: TableRow[] = [];
  let pending: Array<Array<{ start: number; end: number }>> | undefined;
  let pendingStart = 0;
  let pendingEnd = 0;
  const flush = () => {
    if (pending)
      rows.push(
        rowNode(
          pending.map((ps) => cellOf(ps, text, lines)),
          pendingStart,
          pendingEnd,
          lines,
        ),
      );
  };
  for (const l of rowLines) {
    const cells = simpleCells(l, groups);
    // A line whose first column is blank goes on with the row above (a long cell wrapped by its writer).
    if (pending && cells[0]!.length === 0) {
      cells.forEach((ps, c) => pending![c]!.push(...ps));
      pendingEnd = l.end;
      continue;
    }
    flush();
    pending = cells;
    pendingStart = l.start;
    pendingEnd = l.end;
  }
  flush();
  if (!rows.length) return undefined;
  return { table: tableNode([headRow, ...rows], header.start, rowLines[rowLines.length - 1]!.end, lines), nodes: 3 };
}

/** A line cut at the columns' starts (moved left to the space before a word the cut would split). */
function simpleCells(l: Line, groups: number[]): Array<Array<{ start: number; end: number }>> {
  const cuts = groups.map((g, c) => {
    if (c === 0) return 0;
    let at = Math.min(g, l.text.length);
    while (at > 0 && at < l.text.length && l.text[at - 1] !== ' ' && l.text[at] !== ' ') at--;
    return at;
  });
  cuts.push(l.text.length);
  return groups.map((_, c) => {
    const s = Math.min(cuts[c]!, l.text.length);
    const e = Math.max(s, Math.min(cuts[c + 1]!, l.text.length));
    return l.text.slice(s, e).trim() ? [{ start: l.start + s, end: l.start + e }] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cells and nodes

/** A cell from its line pieces: trimmed runs, a " " between lines, a break before a list item or after a blank line. */
export function cellOf(pieces: Array<{ start: number; end: number }>, text: string, lines: LineIndex): TableCell {
  const children: PhrasingContent[] = [];
  let blank = false;
  let first = -1;
  let firstEnd = -1;
  for (const p of pieces) {
    const raw = text.slice(p.start, p.end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) {
      blank = children.length > 0;
      continue;
    }
    const s = p.start + lead;
    const e = s + body.length;
    if (children.length) {
      if (blank || LIST_START.test(body)) children.push({ type: 'break', position: span(s, s, lines) } as Break);
      else children.push(textNode(' ', p.start, p.start, lines));
    }
    children.push(...inlineRuns(text, s, e, lines));
    if (first < 0) {
      first = s;
      firstEnd = e;
    }
    blank = false;
  }
  const at = pieces[0]?.start ?? 0;
  const position = first < 0 ? span(at, at, lines) : span(first, firstEnd, lines);
  return { type: 'tableCell', children: children as TableCell['children'], position };
}

/** Literal runs of text[start, end) without emphasis markers, escape backslashes, code ticks and link targets. */
function inlineRuns(text: string, start: number, end: number, lines: LineIndex): Text[] {
  const out: Text[] = [];
  let run = start;
  const cut = (at: number, resume: number) => {
    if (at > run) out.push(textNode(text.slice(run, at), run, at, lines));
    run = resume;
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < end && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      cut(i, i + 1);
      i++;
    } else if (ch === '`') cut(i, i + 1);
    else if (ch === '*' || ch === '_') {
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      // A marker at a word's edge (not the "_" inside snake_case or the "*" of "2 * 3").
      if (ch === '*' ? !(/\s/.test(before) && /\s/.test(after)) : !/\w/.test(before) || !/\w/.test(after)) cut(i, i + 1);
    } else if (ch === '[' && text[i + 1] === '^' && text.indexOf(']', i) > 0 && text.indexOf(']', i) < end) {
      // A footnote mark ("TBD[^3]") points to a note; it is no part of the cell's text.
      const close = text.indexOf(']', i);
      cut(i, close + 1);
      i = close;
    } else if (ch === '<' && text.startsWith('<!--', i) && text.slice(i + 4, end).includes('-->')) {
      // An HTML comment (a disable directive written in the cell) is no part of its text, as in a Markdown table.
      const close = text.slice(i + 4, end).indexOf('-->') + i + 7;
      cut(i, close);
      i = close - 1;
    } else if (ch === '[') cut(i, i + 1);
    else if (ch === ']') {
      cut(i, i + 1);
      if (text[i + 1] === '(') {
        const close = text.indexOf(')', i + 2);
        if (close >= 0 && close < end) {
          run = close + 1;
          i = close;
        }
      }
    }
  }
  cut(end, end);
  return out;
}

function textNode(value: string, start: number, end: number, lines: LineIndex): Text {
  return { type: 'text', value, position: span(start, end, lines) };
}

export function rowNode(cells: TableCell[], start: number, end: number, lines: LineIndex): TableRow {
  return { type: 'tableRow', children: cells, position: span(start, end, lines) };
}

export function emptyRow(columns: number, at: number, lines: LineIndex): TableRow {
  const cells = Array.from({ length: columns }, (): TableCell => ({ type: 'tableCell', children: [], position: span(at, at, lines) }));
  return rowNode(cells, at, at, lines);
}

export function tableNode(rows: TableRow[], start: number, end: number, lines: LineIndex): Table {
  return { type: 'table', align: rows[0]!.children.map(() => null), children: rows, position: span(start, end, lines), data: { [FIXED_WIDTH]: true } as never };
}

function span(start: number, end: number, lines: LineIndex) {
  return { start: lines.position(start), end: lines.position(end) };
}
