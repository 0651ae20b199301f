// HTML <table> blocks -> synthetic mdast tables, so build.ts can read them like GFM tables (#18).
//
// Markdown blueprints are often written as raw HTML tables. remark keeps such a block as one `html` node whose value is
// the raw text. This module tokenizes that text with htmlparser2's Tokenizer (every event carries exact indices into
// the text) and rebuilds the visible grid as mdast `table` > `tableRow` > `tableCell` nodes whose inline children carry
// source offsets, so `appendInline` + `TextBuilder` map every visible character back to the Markdown source.
//
// The cell content model (what `appendInline(TextBuilder)` reads back):
// - `text` nodes come in three kinds, and only these:
//   1. literal runs: `value` equals the source slice at `position` character for character;
//   2. one decoded character reference (`&amp;`, `&nbsp;`, `&#x2019;`…): `value` is the decoded text and `position`
//      covers the reference's source characters (appendAligned maps every decoded character inside that span);
//   3. one collapsed whitespace run: `value` is " " and `position` is the run's first source character (a newline,
//      tab or form feed; a run starting with a space is simply a literal " "). A whitespace character reference
//      (`&#32;`) collapses the same way, its position covering the reference.
//   Whitespace is collapsed as a browser would: runs become one space, dropped at the start and end of a cell and
//   around line breaks.
// - `break` nodes stand for `<br>` and for every block boundary inside a cell (`<p>`, `<div>`, `<li>`, `<ul>`,
//   headings, nested table rows and cells…). Breaks are only emitted between visible text: never first or last in a
//   cell, never two in a row.
// - `strong` nodes wrap the text of `<strong>`/`<b>` (never nested: a strong inside a strong is the same strong).
// - `<img>`, `<script>`, `<style>`, `<title>`, `<template>`, `<iframe>`, comments, CDATA and doctypes add no text.
// - Text inside a table but outside any cell (stray text, `<caption>`) is dropped.
// - A table nested in a cell is not a grid: its text becomes the cell's text, its rows and cells separated by breaks.
//
// Grid: `<thead>`, `<tbody>`, `<tfoot>` and bare rows are flattened in source order; `<th>` and `<td>` are both cells.
// Spanning cells (`colspan`, `rowspan`) are REPEATED by default: every grid slot a cell covers gets a tableCell with the
// origin cell's position and the very same children array (shared, not copied: read them, never mutate them), so a
// backstage cell spanning three steps supports all three. With `{ spans: 'empty' }` the covered slots get empty cells
// instead (no children, a zero-length position at the origin cell's content end). A slot left uncovered before a
// rowspan-carried slot gets an empty cell, so columns stay aligned; rows are otherwise not padded (rows may differ
// in length, as in GFM). Rows without any cell are dropped; tables without any row are not returned.
// `rowspan="0"` spans to the end of its row group; spans never cross a row group. colspan is capped at 1000 and the
// whole expansion at a budget linear in the input, so hostile spans cannot blow up memory.
//
// Positions: Table and TableRow positions span their elements (from `<table`/`<tr` to after the end tag's `>`, or to
// where the element was implicitly closed). A TableCell position is the cell's CONTENT span: from after its start tag's
// `>` to the `<` of its end tag (or of whatever closed it implicitly), which keeps build.ts's empty-cell insertion point
// inside the cell.
//
// Never throws; linear in the input. htmlparser2's Tokenizer is a linear state machine; its Parser is not used because
// it looks every end tag up in its element stack (Array#indexOf), quadratic on a megabyte of unclosed tags followed by
// unmatched end tags. The tree-building here keeps counters, not an element stack. Spans expand into at most
// value.length / 4 + 10,000 grid slots; past that budget they stop expanding (the real cells are always kept).
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Break, Html, PhrasingContent, Strong, Table, TableCell, TableRow, Text } from 'mdast';
import type { Point, Position } from 'unist';

export interface HtmlTableOptions {
  /** How a cell spanning several grid slots fills them: repeat the cell (default) or leave empty cells. */
  spans?: 'repeat' | 'empty';
  /** Line and column of value[0], for the nodes' line/column fields (offsets never need it). Default 1:1. */
  startPoint?: { line: number; column: number };
}

/**
 * The outermost `<table>` grids in raw HTML text whose character i sits at source offset start + i (a block `html`
 * node at the top level of a document: node.value, node.position.start.offset). For an html node inside a list item or
 * block quote, remark strips the container's indentation or `> ` markers from node.value: use htmlNodeTables.
 */
export function htmlTables(value: string, start: number, options: HtmlTableOptions = {}): Table[] {
  try {
    if (typeof value !== 'string' || !value.includes('<')) return [];
    const base = Number.isFinite(start) ? start : 0;
    const pointer = makePointer(value, base, options.startPoint ?? { line: 1, column: 1 });
    return read(value, (i) => base + i, pointer, options.spans ?? 'repeat');
  } catch {
    return [];
  }
}

/**
 * The outermost `<table>` grids of an mdast `html` node, positioned in `source` (the whole document the node was
 * parsed from). Works for html nodes in containers too: where node.value differs from the node's source span (the
 * container prefixes remark strips from continuation lines), each character is mapped back to its source line.
 */
export function htmlNodeTables(node: Html, source: string, options: Omit<HtmlTableOptions, 'startPoint'> = {}): Table[] {
  try {
    const value = node.value;
    const pos = node.position;
    if (typeof value !== 'string' || !value.includes('<')) return [];
    const start = pos?.start.offset;
    const end = pos?.end.offset;
    if (!pos || start === undefined || end === undefined || start < 0 || end > source.length || end < start) {
      return htmlTables(value, start ?? 0, { ...options, startPoint: pos?.start });
    }
    const raw = source.slice(start, end);
    const pointer = makePointer(raw, start, pos.start);
    const spans = options.spans ?? 'repeat';
    if (raw === value) return read(value, (i) => start + i, pointer, spans);
    const map = alignToSource(value, raw, start);
    return read(value, (i) => map[i]!, pointer, spans);
  } catch {
    return [];
  }
}

/**
 * The children of a cell before its first top-level break: the first line. An HTML row header is often a bold label,
 * `<br>` and a gloss ("Customer actions<br>What the customer does"); the label is the first line.
 */
export function firstLine(cell: TableCell): PhrasingContent[] {
  const i = cell.children.findIndex((n) => n.type === 'break');
  return i < 0 ? cell.children : cell.children.slice(0, i);
}

// ---------------------------------------------------------------------------------------------------------------
// Offsets and points

type Pointer = (offset: number) => Point;

/** Points for source offsets in [textStart, textStart + text.length], text being the source there. */
function makePointer(text: string, textStart: number, base: { line: number; column: number }): Pointer {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    const i = Math.max(0, Math.min(text.length, offset - textStart));
    // Number of newlines before i.
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newlines[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return { line: base.line, column: base.column + i, offset };
    return { line: base.line + lo, column: i - newlines[lo - 1]!, offset };
  };
}

/**
 * Source offsets of value's characters (and of value.length) when value is raw with container prefixes removed from
 * its continuation lines. Line by line, each value line is aligned to the END of its source line (the removed part is
 * a prefix); characters that do not match (a tab remark turned into spaces) map to the start of their source line.
 */
function alignToSource(value: string, raw: string, start: number): number[] {
  const map = new Array<number>(value.length + 1).fill(start);
  const vLines = value.split('\n');
  const rLines = raw.split('\n');
  if (vLines.length === rLines.length) {
    let v = 0;
    let r = 0;
    for (let k = 0; k < vLines.length; k++) {
      const vl = vLines[k]!;
      const rl = rLines[k]!;
      let a = vl.length - 1;
      let b = rl.length - 1;
      while (a >= 0 && b >= 0 && vl.charCodeAt(a) === rl.charCodeAt(b)) {
        map[v + a] = start + r + b;
        a--;
        b--;
      }
      for (; a >= 0; a--) map[v + a] = start + r + Math.max(0, b);
      // The newline after this line.
      map[v + vl.length] = start + r + rl.length;
      v += vl.length + 1;
      r += rl.length + 1;
    }
    map[value.length] = start + raw.length;
    return map;
  }
  // Unexpected shape: greedy subsequence match, clamped to the span.
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    let k = j;
    const limit = Math.min(raw.length, j + 16);
    while (k < limit && raw.charCodeAt(k) !== ch) k++;
    if (k < limit) j = k;
    map[i] = start + Math.min(j, Math.max(0, raw.length - 1));
    if (j < raw.length && raw.charCodeAt(j) === ch) j++;
  }
  map[value.length] = start + raw.length;
  return map;
}

// ---------------------------------------------------------------------------------------------------------------
// Tags

const STRONG = new Set(['strong', 'b']);
/** Elements whose start or end separates lines of a cell's text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'option',
  'optgroup',
  'select',
  'textarea',
]);
/** Elements the Tokenizer reads as raw text up to their own end tag, whose text is not shown. */
const RAW_HIDDEN = new Set(['script', 'style', 'title', 'iframe', 'noembed', 'noframes']);
const GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const MAX_TAG_NAME = 10;
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function fromCodePoint(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** HTML's rules for parsing non-negative integers (leading whitespace, optional +, digits); NaN when there are none. */
function parseSpan(s: string): number {
  const m = /^[ \t\n\f\r]*\+?(\d+)/.exec(s);
  return m ? Number(m[1]) : Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

interface CellState {
  node: TableCell;
  /** Where the content starts (value index), for the cell's position. */
  from: number;
  colspan: number;
  rowspan: number;
  /** The grid columns of the cell's slots in its row. */
  cols: number[];
  strong: Strong | null;
  strongDepth: number;
  strongFrom: number;
  /** Any visible text yet. */
  content: boolean;
  /** A pending line break (value span of the tag that caused it). */
  breakAt: [number, number] | null;
  /** A pending collapsed space (value span of its source). */
  spaceAt: [number, number] | null;
  /** The literal text run being grown: value span and the container it goes to. */
  lit: { a: number; b: number; into: PhrasingContent[] } | null;
  /** Value index of the end of the last visible text. */
  lastEnd: number;
}

interface Carry {
  cell: TableCell;
  /** Value index of the cell's content end (where an empty spanned slot sits). */
  end: number;
  /** Rows still to cover (Infinity: to the end of the row group). */
  rows: number;
}

interface TableState {
  node: Table;
  from: number;
  row: { node: TableRow; from: number; col: number } | null;
  cell: CellState | null;
  carries: Array<Carry | undefined>;
  width: number;
}

function read(value: string, src: (i: number) => number, pointer: Pointer, spans: 'repeat' | 'empty'): Table[] {
  const tables: Table[] = [];
  const position = (a: number, b: number): Position => {
    const s = src(Math.max(0, Math.min(value.length, a)));
    const e = b <= a ? s : src(Math.min(value.length, b) - 1) + 1;
    return { start: pointer(s), end: pointer(Math.max(s, e)) };
  };
  // Grid slots made (real and spanned); spans stop expanding past this budget, which keeps the output linear.
  let slots = 0;
  const budget = value.length / 4 + 10_000;

  let depth = 0; // open <table> elements
  let table: TableState | null = null;
  let hideRaw = false; // inside <script>, <style>…: the next end tag ends it
  let hideDepth = 0; // inside <template>

  // Tag being read.
  let tagName = '';
  let tagLt = 0;
  let attr = '';
  let attrValue = '';
  let colspan = Number.NaN;
  let rowspan = Number.NaN;

  // -- cell content

  const container = (c: CellState): PhrasingContent[] => (c.strong ? c.strong.children : c.node.children);

  const flushLit = (c: CellState) => {
    const lit = c.lit;
    if (!lit) return;
    c.lit = null;
    const t: Text = { type: 'text', value: value.slice(lit.a, lit.b), position: position(lit.a, lit.b) };
    lit.into.push(t);
  };

  const push = (c: CellState, node: PhrasingContent) => {
    flushLit(c);
    container(c).push(node);
  };

  /** A literal run [a, b) of value, mapped 1:1 to the source. */
  const literal = (c: CellState, a: number, b: number) => {
    if (src(b - 1) - src(a) !== b - 1 - a) {
      // Not contiguous in the source (cannot happen inside one line): one node per character.
      for (let i = a; i < b; i++) {
        flushLit(c);
        c.lit = { a: i, b: i + 1, into: container(c) };
      }
      return;
    }
    const lit = c.lit;
    const into = container(c);
    if (lit && lit.into === into && lit.b === a && src(a - 1) + 1 === src(a)) {
      lit.b = b;
      return;
    }
    flushLit(c);
    c.lit = { a, b, into };
  };

  /** Before visible text: the pending break or space, then the strong wrapper if one is open. */
  const beforeText = (c: CellState) => {
    if (c.content && c.breakAt) {
      const br: Break = { type: 'break', position: position(c.breakAt[0], c.breakAt[1]) };
      push(c, br);
    } else if (c.content && c.spaceAt) {
      const [a, b] = c.spaceAt;
      if (b - a === 1 && value.charCodeAt(a) === 0x20) literal(c, a, b);
      else push(c, { type: 'text', value: ' ', position: position(a, b) });
    }
    c.breakAt = null;
    c.spaceAt = null;
    if (c.strongDepth > 0 && !c.strong) {
      flushLit(c);
      c.strong = { type: 'strong', children: [], position: position(c.strongFrom, c.strongFrom) };
      c.node.children.push(c.strong);
    }
  };

  const textRun = (c: CellState, a: number, b: number) => {
    let i = a;
    while (i < b) {
      if (isHtmlSpace(value.charCodeAt(i))) {
        let j = i + 1;
        while (j < b && isHtmlSpace(value.charCodeAt(j))) j++;
        space(c, i, i + 1);
        i = j;
      } else {
        let j = i + 1;
        while (j < b && !isHtmlSpace(value.charCodeAt(j))) j++;
        beforeText(c);
        literal(c, i, j);
        c.content = true;
        c.lastEnd = j;
        i = j;
      }
    }
  };

  const space = (c: CellState, a: number, b: number) => {
    if (c.content && !c.breakAt && !c.spaceAt) c.spaceAt = [a, b];
  };

  const lineBreak = (c: CellState, a: number, b: number) => {
    if (c.content && !c.breakAt) c.breakAt = [a, b];
    c.spaceAt = null;
  };

  const entity = (c: CellState, decoded: string, a: number, b: number) => {
    if (decoded.length === 1 && isHtmlSpace(decoded.charCodeAt(0))) {
      space(c, a, b);
      return;
    }
    beforeText(c);
    push(c, { type: 'text', value: decoded, position: position(a, b) });
    c.content = true;
    c.lastEnd = b;
  };

  const closeStrong = (c: CellState, end: number) => {
    if (c.strongDepth === 0) return;
    c.strongDepth--;
    if (c.strongDepth > 0) return;
    if (c.strong) {
      flushLit(c);
      c.strong.position = position(c.strongFrom, end);
      c.strong = null;
    }
  };

  // -- grid

  const emptyCell = (at: number): TableCell => ({ type: 'tableCell', children: [], position: position(at, at) });

  /** Fills the slots of the row, from its current column on, that rowspans from rows above carry into. */
  const fillCarried = (t: TableState) => {
    const row = t.row!;
    while (row.col < t.carries.length) {
      const carry = t.carries[row.col];
      if (!carry) return;
      if (slots >= budget) {
        t.carries = [];
        return;
      }
      row.node.children.push(spanned(carry.cell, carry.end));
      if (--carry.rows <= 0) t.carries[row.col] = undefined;
      row.col++;
      slots++;
    }
  };

  /** A slot covered by a spanning cell: the same cell again, or an empty one at its content end. */
  const spanned = (cell: TableCell, end: number): TableCell => (spans === 'repeat' ? { type: 'tableCell', children: cell.children, position: cell.position } : emptyCell(end));

  const startRow = (t: TableState, lt: number) => {
    endRow(t, lt);
    t.row = { node: { type: 'tableRow', children: [], position: position(lt, lt) }, from: lt, col: 0 };
  };

  const endCell = (t: TableState, end: number) => {
    const c = t.cell;
    if (!c) return;
    t.cell = null;
    if (c.strongDepth > 0) {
      c.strongDepth = 1;
      closeStrong(c, c.lastEnd);
    }
    flushLit(c);
    const contentEnd = Math.max(c.from, end);
    c.node.position = position(c.from, contentEnd);
    const row = t.row!;
    // colspan: the slots to the right of the cell.
    for (let k = 1; k < c.colspan && slots < budget; k++) {
      fillCarried(t);
      c.cols.push(row.col);
      row.node.children.push(spanned(c.node, contentEnd));
      row.col++;
      slots++;
    }
    // rowspan: carried into the same columns of the next rows of this group.
    if (c.rowspan !== 1 && slots < budget) {
      const rows = c.rowspan === 0 ? Number.POSITIVE_INFINITY : c.rowspan - 1;
      for (const col of c.cols) {
        while (t.carries.length < col) t.carries.push(undefined);
        t.carries[col] = { cell: c.node, end: contentEnd, rows };
      }
    }
  };

  const endRow = (t: TableState, end: number) => {
    endCell(t, end);
    const row = t.row;
    if (!row) return;
    t.row = null;
    // Slots carried into the rest of the row; a gap before one gets an empty cell.
    while (t.carries.length > 0 && !t.carries[t.carries.length - 1]) t.carries.pop();
    while (row.col < t.carries.length) {
      if (slots >= budget) {
        t.carries = [];
        break;
      }
      const carry = t.carries[row.col];
      if (carry) {
        row.node.children.push(spanned(carry.cell, carry.end));
        if (--carry.rows <= 0) t.carries[row.col] = undefined;
      } else {
        row.node.children.push(emptyCell(row.from));
      }
      row.col++;
      slots++;
    }
    if (row.node.children.length === 0) return;
    row.node.position = position(row.from, Math.max(row.from, end));
    t.width = Math.max(t.width, row.node.children.length);
    t.node.children.push(row.node);
  };

  const endGroup = (t: TableState, end: number) => {
    endRow(t, end);
    t.carries = [];
  };

  const startCell = (t: TableState, lt: number, gt: number) => {
    endCell(t, lt);
    if (!t.row) startRow(t, lt);
    const cell: TableCell = { type: 'tableCell', children: [], position: position(gt + 1, gt + 1) };
    const cs = Number.isNaN(colspan) || colspan < 1 ? 1 : Math.min(colspan, MAX_COLSPAN);
    const rs = Number.isNaN(rowspan) ? 1 : Math.min(rowspan, MAX_ROWSPAN);
    const row = t.row!;
    fillCarried(t);
    const cols = [row.col];
    row.node.children.push(cell);
    row.col++;
    slots++;
    t.cell = {
      node: cell,
      from: gt + 1,
      colspan: cs,
      rowspan: rs,
      cols,
      strong: null,
      strongDepth: 0,
      strongFrom: gt + 1,
      content: false,
      breakAt: null,
      spaceAt: null,
      lit: null,
      lastEnd: gt + 1,
    };
  };

  const endTable = (end: number) => {
    const t = table;
    if (!t) return;
    table = null;
    endGroup(t, end);
    if (t.node.children.length === 0) return;
    t.node.align = new Array<null>(t.width).fill(null);
    t.node.position = position(t.from, Math.max(t.from, end));
    tables.push(t.node);
  };

  // -- tags

  /** Index after the `>` of an end tag whose name ends at nameEnd (the Tokenizer skips to that `>` too). */
  const closeTagEnd = (nameEnd: number): number => {
    const gt = value.indexOf('>', nameEnd);
    return gt < 0 ? value.length : gt + 1;
  };

  const openTag = (name: string, lt: number, gt: number) => {
    if (RAW_HIDDEN.has(name)) {
      hideRaw = true;
      return;
    }
    if (name === 'template') {
      hideDepth++;
      return;
    }
    if (hideDepth > 0) return;
    if (name === 'table') {
      depth++;
      if (depth === 1) {
        table = { node: { type: 'table', align: [], children: [] }, from: lt, row: null, cell: null, carries: [], width: 0 };
        return;
      }
    }
    const t = table;
    if (!t) return;
    if (depth === 1) {
      if (name === 'td' || name === 'th') return startCell(t, lt, gt);
      if (name === 'tr') return startRow(t, lt);
      if (GROUPS.has(name)) return endGroup(t, lt);
      if (name === 'caption' || name === 'colgroup' || name === 'col') return endRow(t, lt);
    }
    const c = t.cell;
    if (!c) return;
    if (name === 'br' || BLOCK.has(name)) lineBreak(c, lt, gt + 1);
    else if (STRONG.has(name)) {
      if (c.strongDepth++ === 0) c.strongFrom = lt;
    }
  };

  const closeTag = (name: string, lt: number, nameEnd: number) => {
    if (hideRaw) {
      hideRaw = false;
      return;
    }
    if (name === 'template') {
      if (hideDepth > 0) hideDepth--;
      return;
    }
    if (hideDepth > 0) return;
    const t = table;
    if (!t) return;
    if (name === 'table') {
      depth--;
      if (depth === 0) return endTable(closeTagEnd(nameEnd));
    }
    if (depth === 1) {
      if (name === 'td' || name === 'th') return endCell(t, lt);
      if (name === 'tr') return endRow(t, closeTagEnd(nameEnd));
      if (GROUPS.has(name)) return endGroup(t, closeTagEnd(nameEnd));
    }
    const c = t.cell;
    if (!c) return;
    if (name === 'br' || BLOCK.has(name)) lineBreak(c, lt, closeTagEnd(nameEnd));
    else if (STRONG.has(name)) closeStrong(c, closeTagEnd(nameEnd));
  };

  const visibleCell = (): CellState | null => (hideRaw || hideDepth > 0 || !table ? null : table.cell);

  const callbacks: TokenizerCallbacks = {
    onopentagname(s, e) {
      tagLt = s - 1;
      tagName = e - s <= MAX_TAG_NAME ? value.slice(s, e).toLowerCase() : '';
      attr = '';
      attrValue = '';
      colspan = Number.NaN;
      rowspan = Number.NaN;
    },
    onattribname(s, e) {
      attr = e - s === 7 ? value.slice(s, e).toLowerCase() : '';
      attrValue = '';
    },
    onattribdata(s, e) {
      if (attr && attrValue.length < 16) attrValue += value.slice(s, Math.min(e, s + 16));
    },
    onattribentity(cp) {
      if (attr && attrValue.length < 16) attrValue += fromCodePoint(cp);
    },
    onattribend() {
      if (attr === 'colspan' && Number.isNaN(colspan)) colspan = parseSpan(attrValue);
      else if (attr === 'rowspan' && Number.isNaN(rowspan)) rowspan = parseSpan(attrValue);
      attr = '';
      attrValue = '';
    },
    onopentagend(gt) {
      const name = tagName;
      tagName = '';
      if (name) openTag(name, tagLt, gt);
    },
    onselfclosingtag(gt) {
      // HTML ignores the slash: <td/> opens a cell, <br/> is a br.
      const name = tagName;
      tagName = '';
      if (name) openTag(name, tagLt, gt);
    },
    onclosetag(s, e) {
      closeTag(e - s <= MAX_TAG_NAME ? value.slice(s, e).toLowerCase() : '', Math.max(0, s - 2), e);
    },
    ontext(s, e) {
      // htmlparser2 flushes an end tag left open at the end (`</a b`) as text from index -1: a browser drops it.
      if (s < 0) return;
      const c = visibleCell();
      if (c && e > s) textRun(c, s, e);
    },
    ontextentity(cp, end) {
      const c = visibleCell();
      if (!c) return;
      let s = value.lastIndexOf('&', end - 1);
      if (s < 0) s = Math.max(0, end - 1);
      entity(c, fromCodePoint(cp), s, end);
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(value);
  tokenizer.end();
  endTable(value.length);
  return tables;
}
