// A spreadsheet pasted as a GFM table -> the table the sheet holds, so build.ts reads its lanes.
//
// Sheets copied with their frame keep the column letters (A, B, C...) as the GFM header and the row numbers as the
// first column; the sheet's own header is a body row under them, often below a group row ("STAFF SIDE" over several
// lanes). The letters name the sheet's columns, not lanes: of the top body rows whose cells name lanes, the one with
// the most cells filled is the real header (a group row leaves its merged cells empty); the rows above it are dropped,
// and so is the row-number column. A cell holding only `^` is merged with the cell above it (a paste splits merged
// cells), so it reads as that cell. The table is fixed-width for fixes: no fix writes into the pasted frame.
import type { Root, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { replaceTopLevel, tableNode } from './textTable.js';
import type { LineIndex } from '../text.js';

/** How far down the sheet's own header may sit (a title row, a group row, then the lane names). */
const HEADER_ROWS = 4;
const COLUMN_NAME = /^[A-Z]{1,2}$/;

/** The root with every top-level pasted sheet's table replaced by the table under its frame; the same root when none. */
export function withSheetPastes(root: Root, lines: LineIndex, namesLanes: (cells: readonly TableCell[]) => boolean): Root {
  return replaceTopLevel(root, (node) => {
    if (node.type !== 'table') return undefined;
    const found = sheetTable(node.children, namesLanes);
    return found && { node: tableNode(found, node.position!.start.offset!, node.position!.end.offset!, lines), nodes: 1 };
  });
}

function sheetTable(rows: readonly TableRow[], namesLanes: (cells: readonly TableCell[]) => boolean): TableRow[] | undefined {
  const [frame, ...body] = rows;
  if (!frame || body.length < 2) return undefined;
  const names = frame.children.map((c) => toString(c).trim());
  // A row-number column: an empty (or "#") corner over whole numbers.
  const numbered = /^#?$/.test(names[0] ?? 'x') && body.every((r) => /^\d*$/.test(toString(r.children[0] ?? { type: 'text', value: '' }).trim()));
  const letters = names.slice(numbered ? 1 : 0);
  if (letters.length < 2 || !letters.every((n, k) => COLUMN_NAME.test(n) && (k === 0 || columnIndex(n) > columnIndex(letters[k - 1]!)))) return undefined;
  const from = numbered ? 1 : 0;
  const cut = (r: TableRow): TableRow => ({ ...r, children: r.children.slice(from) });
  // A group row over the header ("STAFF SIDE" over three lanes) may name lanes too, but leaves its merged cells empty.
  let at = -1;
  let filled = 0;
  body.slice(0, HEADER_ROWS).forEach((r, k) => {
    const cells = cut(r).children;
    const n = cells.filter((c) => toString(c).trim()).length;
    if (n > filled && namesLanes(cells)) [at, filled] = [k, n];
  });
  if (at < 0) return undefined;
  const kept = body.slice(at).map(cut);
  if (kept.length < 2) return undefined;
  for (let k = 1; k < kept.length; k++) kept[k] = merged(kept[k]!, kept[k - 1]!);
  return kept;
}

/** A row whose `^` cells read as the cells above them (already resolved, so a run of `^` reaches the first). */
function merged(row: TableRow, above: TableRow): TableRow {
  if (!row.children.some((c) => toString(c).trim() === '^')) return row;
  return { ...row, children: row.children.map((c, k) => (toString(c).trim() === '^' && above.children[k] ? { ...above.children[k]! } : c)) };
}

/** A spreadsheet column's number: A = 1, Z = 26, AA = 27. */
function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
