// MyST pages (Jupyter Book, Sphinx with myst-parser, mystmd) -> the Markdown they stand for (#14), so a blueprint kept
// in list-tables or tab-sets reads like one in pipe tables or lane boxes.
//
// MyST writes directives as fences whose info is `{name}`: ```` ```{list-table} Title ```` or `:::{note}` (colon fences,
// which remark reads as text, cut here at their lines: blockMarkup.ts), option lines (`:header-rows: 1`, or a `---`
// block of YAML) first, then the body. Read here:
// - `{list-table}`: a bullet list of rows (`* - cell`), each row a list of cells (`  - cell`), read as the pipe table
//   it draws (its first row the header when `:header-rows:` is at least 1, else an empty header, as a table without a
//   header row), so everything build.ts knows about tables applies; cells keep their text as textTable.ts keeps it;
// - `{table}`: the pipe table inside it, its caption left out;
// - directives whose body is Markdown (admonitions, `{dropdown}`, `{card}`, sphinx-design's `{tab-set}` and
//   `{tab-item} Label`, ...): a box titled by its argument (a tab-item named by a lane label is that lane, as a GitBook
//   tab is), or, untitled, its body in place;
// - `(label)=` target lines: markup, left out; a role (`{ref}`text``, `{doc}`path``) reads as the text it shows.
// Other directives (`{code-cell}`, `{math}`, `{figure}`, ...) stay what remark made of them: a notebook's code is code.
// Fixes: a list-table is fixed-width (no fix writes a row into it); a new lane beside tab-items is a tab-item. Never throws.
import type { Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import type { LineIndex } from '../text.js';
import { boxNode, nextBreak, readBlocks, type BlockReader, type MarkedLine } from './blockMarkup.js';
import { parseSlice } from './fragment.js';
import { CELLS_IN_PLACE, cellOf, emptyRow, rowNode, tableNode } from './textTable.js';

const HINT = /^[ \t]{0,3}(?:`{3,}|~{3,}|:{3,})[ \t]*\{[A-Za-z]|^[ \t]{0,3}\([^()\s]+\)=[ \t]*$|\{[A-Za-z][\w:.-]*\}`/m;
const COLON_OPEN = /^[ \t]{0,3}(:{3,})\{([A-Za-z][\w:.-]*)\}[ \t]*(.*?)[ \t]*$/d;
const COLON_CLOSE = /^[ \t]{0,3}(:{3,})[ \t]*$/;
const TARGET = /^[ \t]{0,3}\([^()\s]+\)=[ \t]*$/;
const OPTION = /^[ \t]*:[\w-]+:(?:[ \t]|$)/;
/** Directives whose body is Markdown: read as a box, titled by the argument when there is one. */
const BOXES = new Set([
  'admonition',
  'note',
  'tip',
  'hint',
  'important',
  'warning',
  'caution',
  'attention',
  'danger',
  'error',
  'seealso',
  'dropdown',
  'card',
  'grid',
  'grid-item',
  'grid-item-card',
  'tab-set',
  'tab-item',
  'div',
  'topic',
  'sidebar',
  'margin',
  'aside',
]);
/** Whether a fence's info (`{note}`, `{list-table}`) opens a directive whose body is Markdown, not code. */
export function markdownDirective(lang: string | null | undefined): boolean {
  const name = /^\{([A-Za-z][\w:.-]*)\}$/.exec(lang ?? '')?.[1];
  return name !== undefined && (name === 'list-table' || name === 'table' || BOXES.has(name));
}

/** Directives nested deeper than this are left as remark read them. */
const MAX_DEPTH = 16;

/** The root with MyST's directives, targets and roles read; the same root when it has none. */
export function withMyst(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    const read = new MystReader(text, lines);
    const children = read.roles(read.nodes(root.children, 0)) as RootContent[];
    return children === root.children ? root : { ...root, children };
  } catch {
    return root;
  }
}

/** A directive's parts in the source: its argument, where its options end and where its body lies. */
interface Directive {
  name: string;
  start: number;
  end: number;
  title?: { start: number; end: number };
  options: string;
  body: { start: number; end: number };
  /** The fence that opens and closes it (":::" or "```"), for a sibling written the same way. */
  fence: string;
}

class MystReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** Nodes with their colon-fenced and backtick-fenced directives and target lines read. */
  nodes(nodes: RootContent[], depth: number): RootContent[] {
    if (depth > MAX_DEPTH) return nodes;
    const cut = readBlocks(nodes, this.text, this.lines, this.colonReader(depth));
    let out: RootContent[] | undefined;
    cut.forEach((node, k) => {
      const read = node.type === 'code' && /^\{[A-Za-z][\w:.-]*\}$/.test(node.lang ?? '') ? this.fenced(node, depth) : undefined;
      if (read) out ??= cut.slice(0, k);
      if (out) out.push(...(read ?? [node]));
    });
    return out ?? cut;
  }

  private colonReader(depth: number): BlockReader {
    const text = this.text;
    return {
      lineAt: (_, start, lineEnd, limit) => {
        // Only a line opened by ":" or "(" (after up to three spaces) can be a fence or a target: the rest are not sliced.
        let i = start;
        while (i < lineEnd && i - start < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
        if (text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== 40) return undefined;
        const line = text.slice(start, lineEnd);
        if (TARGET.test(line)) return { role: 'alone', name: 'target', start, end: lineEnd, fence: 0 };
        const close = COLON_CLOSE.exec(line);
        if (close) return { role: 'close', name: '', start, end: lineEnd, fence: close[1]!.length };
        const open = COLON_OPEN.exec(line);
        if (!open) return undefined;
        const [from, to] = open.indices![3]!;
        const title = to > from ? { start: start + from, end: start + to } : undefined;
        return { role: 'open', name: open[2]!, start, end: optionsEnd(text, lineEnd, limit), fence: open[1]!.length, title };
      },
      // A closing fence closes the outermost open directive no longer than it (and what is open inside it).
      closes: (open, close) => open.findIndex((o) => o.fence <= close.fence),
      block: (open: MarkedLine, close: MarkedLine, body: RootContent[]) => {
        const opener = nextBreak(text, open.start, open.end);
        const d: Directive = {
          name: open.name,
          start: open.start,
          end: close.end,
          title: open.title,
          options: text.slice(opener < 0 ? open.end : opener, open.end),
          body: { start: open.end, end: close.start },
          fence: ':'.repeat(open.fence),
        };
        return this.directive(d, body, depth) ?? parseSlice(text, open.start, close.end, this.lines);
      },
    };
  }

  /** A directive in a backtick (or tilde) fence, or undefined when it is none this reader reads. */
  private fenced(code: RootContent, depth: number): RootContent[] | undefined {
    const text = this.text;
    const start = code.position!.start.offset!;
    const end = code.position!.end.offset!;
    const openEnd = lineEndAt(text, start, end);
    const open = /^[ \t]*(`{3,}|~{3,})[ \t]*\{([A-Za-z][\w:.-]*)\}[ \t]*(.*?)[ \t]*$/d.exec(text.slice(start, openEnd));
    if (!open) return undefined;
    const fence = open[1]!;
    const lastStart = lineStartAt(text, start, end);
    const closed = lastStart > openEnd && new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(text.slice(lastStart, end));
    const bodyStart = optionsEnd(text, openEnd, closed ? lastStart : end);
    const [from, to] = open.indices![3]!;
    const d: Directive = {
      name: open[2]!,
      start,
      end,
      title: to > from ? { start: start + from, end: start + to } : undefined,
      options: text.slice(openEnd, bodyStart),
      body: { start: bodyStart, end: closed ? lastStart : end },
      fence,
    };
    if (d.name !== 'list-table' && d.name !== 'table' && !BOXES.has(d.name)) return undefined;
    return this.directive(d, parseSlice(text, d.body.start, d.body.end, this.lines), depth);
  }

  /** What a directive stands for, given its body's nodes; undefined for a directive this reader leaves alone. */
  private directive(d: Directive, body: RootContent[], depth: number): RootContent[] | undefined {
    if (d.name === 'list-table') {
      const table = listTable(this.text, this.lines, d);
      return table ? [table] : undefined;
    }
    if (d.name === 'table') return this.nodes(body, depth + 1);
    if (!BOXES.has(d.name)) return undefined;
    const inner = this.nodes(body, depth + 1);
    if (!d.title) return inner;
    if (d.name !== 'tab-item') return [boxNode(inner, d.start, d.end, this.lines, { title: d.title })];
    const sibling = { before: `${d.fence}{tab-item} `, between: '\n', after: `\n${d.fence}` };
    return [boxNode(inner, d.start, d.end, this.lines, { title: d.title, tab: true, sibling })];
  }

  /** Nodes whose roles (`{ref}`target``) read as the text they show: the role's name left out, a `<target>` after a title too. */
  roles(nodes: readonly Nodes[]): readonly Nodes[] {
    let out: Nodes[] | undefined;
    let roleText = false;
    nodes.forEach((node, k) => {
      let n = node;
      if ('children' in n) {
        const kids = this.roles(n.children as Nodes[]);
        if (kids !== n.children) n = { ...n, children: kids } as Nodes;
      }
      const wasRoleText = roleText;
      roleText = false;
      if (n.type === 'text') {
        const end = n.position?.end.offset;
        const name = /\{[A-Za-z][\w:.-]*\}$/.exec(n.value);
        if (wasRoleText) n = { ...n, value: shownText(n.value) };
        else if (name && end !== undefined && this.text[end] === '`') {
          roleText = true;
          const value = n.value.slice(0, name.index);
          n = { ...n, value, position: { start: n.position!.start, end: this.lines.position(end - name[0].length) } };
        }
      } else if (n.type === 'inlineCode' && wasRoleText) n = { ...n, value: shownText(n.value) };
      if (n !== node) out ??= nodes.slice(0, k) as Nodes[];
      if (out && !(n.type === 'text' && n.value === '')) out.push(n);
    });
    return out ?? nodes;
  }
}

/** A role's content as shown: `Title <target>` shows its title, a bare target itself. */
function shownText(value: string): string {
  const m = /^(.*?\S)\s*<[^<>]*>$/.exec(value);
  return m ? m[1]! : value;
}

/** Where a directive's options end: after its `:key: value` lines, or after a `---` block of YAML opening its body. */
function optionsEnd(text: string, openEnd: number, limit: number): number {
  let at = openEnd;
  let yaml = false;
  let first = true;
  while (at < limit) {
    const start = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
    if (start > limit) break;
    const lineEnd = lineEndAt(text, start, limit);
    const line = text.slice(start, lineEnd);
    if (first && /^[ \t]*---[ \t]*$/.test(line)) yaml = true;
    else if (yaml) {
      if (/^[ \t]*---[ \t]*$/.test(line)) return lineEnd;
    } else if (!OPTION.test(line)) break;
    first = false;
    at = lineEnd;
  }
  // An unclosed YAML block is body, not options.
  return yaml ? openEnd : at;
}

function lineEndAt(text: string, from: number, limit: number): number {
  const br = nextBreak(text, from, limit);
  return br < 0 ? limit : br;
}

/** The start of the last line of [from, end). */
function lineStartAt(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

interface Cell {
  pieces: Array<{ start: number; end: number }>;
  /** The column where the cell's text starts: a line indented as deep continues it. */
  column: number;
}

/**
 * A list-table's rows: a line `* - text` (any bullets) opens a row and its first cell, a deeper `- text` line a cell,
 * a line deeper than the cell's text (or blank) continues it. Undefined when a line is none of these.
 */
function listTable(text: string, lines: LineIndex, d: Directive): Table | undefined {
  const rows: Array<{ start: number; end: number; cells: Cell[] }> = [];
  let rowIndent = -1;
  for (let start = afterBreak(text, d.body.start); start < d.body.end;) {
    const lineEnd = lineEndAt(text, start, d.body.end);
    const line = text.slice(start, lineEnd);
    const lineStart = start;
    start = afterBreak(text, lineEnd);
    const row = rows[rows.length - 1];
    const cell = row?.cells[row.cells.length - 1];
    if (!line.trim()) {
      cell?.pieces.push({ start: lineStart, end: lineStart });
      continue;
    }
    const indent = columns(line);
    const outer = bulletEnd(line, line.length - line.trimStart().length);
    if (outer >= 0 && (rowIndent < 0 || indent <= rowIndent)) {
      // A row: its bullet, then the first cell's bullet on the same line (or nothing, the cells below).
      const inner = outer < line.length ? bulletEnd(line, outer) : -1;
      if (outer < line.length && inner < 0) return undefined;
      rowIndent = indent;
      rows.push({ start: lineStart, end: lineEnd, cells: inner < 0 ? [] : [{ pieces: [{ start: lineStart + inner, end: lineEnd }], column: columns(line.slice(0, inner).replace(/\S/g, ' ')) }] });
      continue;
    }
    if (!row) return undefined;
    row.end = lineEnd;
    if (outer >= 0 && indent > rowIndent && (!cell || indent < cell.column)) {
      row.cells.push({ pieces: [{ start: lineStart + outer, end: lineEnd }], column: columns(line.slice(0, outer).replace(/\S/g, ' ')) });
    } else if (cell && indent >= cell.column) cell.pieces.push({ start: lineStart + (line.length - line.trimStart().length), end: lineEnd });
    else return undefined;
  }
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const headerRows = Number(/(?:^|\n)[ \t]*:?header-rows:?[ \t]*(\d+)/.exec(d.options)?.[1] ?? 0);
  if (width < 2 || rows.length < (headerRows > 0 ? 2 : 1)) return undefined;
  const tableRows: TableRow[] = rows.map((r) => {
    const cells = r.cells.map((c) => cellOf(c.pieces, text, lines));
    const pad = emptyRow(width - cells.length, r.end, lines).children;
    return rowNode([...cells, ...pad], r.start, r.end, lines);
  });
  // Without a header row the table draws none: the pipe table it stands for has an empty one.
  if (headerRows === 0) tableRows.unshift(emptyRow(width, d.body.start, lines));
  return { ...tableNode(tableRows, d.start, d.end, lines), data: { [CELLS_IN_PLACE]: true } as never };
}

/** Where the text after a bullet (`*`, `-` or `+` then spaces, or the line's end) starting at `at` begins, or -1. */
function bulletEnd(line: string, at: number): number {
  if (!/[*+-]/.test(line[at] ?? '')) return -1;
  let i = at + 1;
  if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return -1;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** The offset after the line break at `at`, or `at` when none is there. */
function afterBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return text.charCodeAt(at) === 10 ? at + 1 : at;
}

/** The indentation of a line in columns, a tab to the next multiple of four. */
function columns(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}
