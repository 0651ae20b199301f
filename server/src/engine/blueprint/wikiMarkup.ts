// Tables and section lines written in other wiki markups, and spreadsheet exports in ```csv fences -> synthetic mdast
// tables and headings, so build.ts reads them like Markdown's.
//
// A paragraph that is one line `== Title` or `== Title ==` (AsciiDoc and MediaWiki section lines) is a heading of as
// many levels as it has `=` signs, and one line `h2. Title` (Jira and Confluence) a heading of its level; Markdown gives
// such a line no other meaning.
// Pages moved from Jira or Confluence (`||Step||Customer||` header, `|a|b|` rows), MediaWiki (`{|` ... `|}` with `!`
// header cells, `|-` between rows, `||` between cells), AsciiDoc (`|===` ... `|===`, every `|` opening a cell) and
// DokuWiki (`^ Step ^ Juror ^` over `| a | b |` rows; its `======` section lines count levels down)
// keep their tables as text; remark reads them as paragraphs, so their lanes would be prose. Only top-level
// paragraphs are read. Cells are built as textTable.ts builds them (literal runs mapped to the source), and the table
// is fixed-width for fixes: no fix writes inside markup it cannot lay out.
import type { Heading, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { LineIndex } from '../text.js';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { cellOf, emptyRow, replaceTopLevel, rowNode, tableNode } from './textTable.js';

export interface Line {
  start: number;
  end: number;
  text: string;
}

type Piece = { start: number; end: number };

const JIRA_HEADER = /^[ \t]*\|\|.*\|\|[ \t]*$/;
const MEDIAWIKI_OPEN = /^[ \t]*\{\|/;
const ASCIIDOC_FENCE = /^[ \t]*\|===[ \t]*$/;

const SECTION_LINE = /^(={2,6})[ \t]+(.*?)(?:[ \t]+=+)?[ \t]*$/;
const JIRA_SECTION = /^h([1-6])\.[ \t]+(\S.*?)[ \t]*$/;
// DokuWiki: `^ Step ^ Juror ^` header cells, `| a | b |` rows; its section lines count down (`======` is the top).
const DOKU_HEADER = /^[ \t]*\^.*[\^|][ \t]*$/;
const DOKU_TOP = /^======[ \t]+\S.*[ \t]+======[ \t]*$/m;

/** The root with every top-level Jira, MediaWiki or AsciiDoc table and section line replaced by a table or heading node. */
export function withWikiMarkup(root: Root, text: string, lines: LineIndex): Root {
  if (!/\|\||\{\||\|===|^==|^h[1-6]\.[ \t]|^[ \t]*\^|^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:[ct]sv|ya?ml|plantuml|puml)/im.test(text)) return root;
  const countsDown = DOKU_TOP.test(text);
  return replaceTopLevel(root, (node) => {
    const found =
      node.type === 'paragraph'
        ? (sectionLine(node, text, lines, countsDown) ?? wikiTableAt(node, text, lines))
        : node.type === 'code' && /^[ct]sv$/i.test(node.lang ?? '')
          ? csvTable(node, text, lines)
          : node.type === 'code' && /^ya?ml$/i.test(node.lang ?? '')
            ? yamlStepsTable(node, text, lines)
            : node.type === 'code' && /^p?uml$|^plantuml$/i.test(node.lang ?? '')
              ? swimlaneTable(node, text, lines)
              : undefined;
    return found && { node: found, nodes: 1 };
  });
}

function sectionLine(p: RootContent, text: string, lines: LineIndex, countsDown: boolean): Heading | undefined {
  const start = p.position?.start.offset;
  const end = p.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const line = text.slice(start, end);
  if (/[\r\n]/.test(line)) return undefined;
  // Jira and Confluence write a heading as "h2. Title"
  const jira = JIRA_SECTION.exec(line);
  if (jira) {
    const titleStart = start + line.indexOf(jira[2]!, 3);
    const at = (a: number, b: number) => ({ start: lines.position(a), end: lines.position(b) });
    return {
      type: 'heading',
      depth: Number(jira[1]) as Heading['depth'],
      children: [{ type: 'text', value: jira[2]!, position: at(titleStart, titleStart + jira[2]!.length) }],
      position: at(start, end),
    };
  }
  if (text.charCodeAt(start) !== 61 /* = */) return undefined;
  const m = SECTION_LINE.exec(line);
  if (!m || !m[2]) return undefined;
  const titleStart = start + line.indexOf(m[2], m[1]!.length);
  const titleEnd = titleStart + m[2].length;
  const at = (a: number, b: number) => ({ start: lines.position(a), end: lines.position(b) });
  const depth = (countsDown ? 7 - m[1]!.length : m[1]!.length) as Heading['depth'];
  return { type: 'heading', depth, children: [{ type: 'text', value: m[2], position: at(titleStart, titleEnd) }], position: at(start, end) };
}

function wikiTableAt(p: RootContent, text: string, lines: LineIndex): Table | undefined {
  const start = p.position?.start.offset;
  if (start === undefined) return undefined;
  const first = lineAt(text, lines.lineStart(lines.position(start).line));
  if (JIRA_HEADER.test(first.text)) return jiraTable(first, text, lines);
  if (MEDIAWIKI_OPEN.test(first.text)) return mediaWikiTable(first, text, lines);
  if (ASCIIDOC_FENCE.test(first.text)) return asciiDocTable(first, text, lines);
  if (DOKU_HEADER.test(first.text)) return dokuTable(first, text, lines);
  // An AsciiDoc block title or attribute line (`.Title`, `[cols="1,3"]`) may sit right above the fence.
  const second = nextLine(text, first);
  if (second && /^[ \t]*(?:\.\S|\[)/.test(first.text) && ASCIIDOC_FENCE.test(second.text)) return asciiDocTable(second, text, lines, first.text);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Jira and Confluence wiki markup: `||h1||h2||` then `|c1|c2|`, one row a line

function jiraTable(header: Line, text: string, lines: LineIndex): Table | undefined {
  const head = cutsToPieces(header, /\|\|/g);
  if (head.length < 2) return undefined;
  const rows: TableRow[] = [rowOf(head, header, text, lines)];
  let last = header;
  for (let l = nextLine(text, header); l && /^[ \t]*\|/.test(l.text) && !JIRA_HEADER.test(l.text); l = nextLine(text, l)) {
    rows.push(rowOf(cutsToPieces(l, /\|/g), l, text, lines));
    last = l;
  }
  if (rows.length < 2) return undefined;
  return tableNode(evenRows(rows, head.length, lines), header.start, last.end, lines);
}

// DokuWiki: a `^`-separated header line, then rows whose cells open with `|` (or `^` for a header cell), one a line

function dokuTable(header: Line, text: string, lines: LineIndex): Table | undefined {
  const head = cutsToPieces(header, /[\^|]/g);
  if (head.length < 2) return undefined;
  const rows: TableRow[] = [rowOf(head, header, text, lines)];
  let last = header;
  for (let l = nextLine(text, header); l && /^[ \t]*[|^]/.test(l.text); l = nextLine(text, l)) {
    rows.push(rowOf(cutsToPieces(l, /[\^|]/g), l, text, lines));
    last = l;
  }
  if (rows.length < 2) return undefined;
  return tableNode(evenRows(rows, head.length, lines), header.start, last.end, lines);
}

/** The cell pieces of a line split at `sep` (its leading and trailing separators open and close the row). */
function cutsToPieces(l: Line, sep: RegExp): Piece[] {
  const inLink = linkMask(l.text);
  const cuts: Array<{ at: number; len: number }> = [];
  for (const m of l.text.matchAll(sep)) if (!inLink[m.index]) cuts.push({ at: m.index, len: m[0].length });
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) pieces.push({ start: l.start + cuts[k]!.at + cuts[k]!.len, end: l.start + cuts[k + 1]!.at });
  // A row whose last cell has no closing bar still ends at the line's end.
  const tail = cuts[cuts.length - 1];
  if (tail && l.text.slice(tail.at + tail.len).trim()) pieces.push({ start: l.start + tail.at + tail.len, end: l.end });
  return pieces;
}

/** Which characters of a line sit inside `[label|target]` (a Jira link, whose bar separates nothing), in one pass. */
function linkMask(line: string): Uint8Array {
  const mask = new Uint8Array(line.length);
  let open = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '[') open = i;
    else if (line[i] === ']' && open >= 0) {
      mask.fill(1, open, i);
      open = -1;
    }
  }
  return mask;
}

// ---------------------------------------------------------------------------------------------------------------
// MediaWiki: `{| class="wikitable"`, `|+ caption`, `! h1 !! h2`, `|-`, `| c1 || c2` (or one cell a line), `|}`

function mediaWikiTable(open: Line, text: string, lines: LineIndex): Table | undefined {
  const rows: Array<{ cells: Piece[][]; start: number; end: number }> = [];
  let current: (typeof rows)[number] | undefined;
  let close: Line | undefined;
  for (let l = nextLine(text, open); l; l = nextLine(text, l)) {
    const t = l.text.trimStart();
    const indent = l.text.length - t.length;
    if (t.startsWith('|}')) {
      close = l;
      break;
    }
    if (t.startsWith('|-')) {
      current = undefined;
      continue;
    }
    if (t.startsWith('|+')) continue;
    if (t.startsWith('!') || t.startsWith('|')) {
      if (!current) rows.push((current = { cells: [], start: l.start, end: l.end }));
      const body: Line = { start: l.start + indent + 1, end: l.end, text: t.slice(1) };
      for (const piece of splitCells(body, t.startsWith('!') ? /!!|\|\|/g : /\|\|/g)) current.cells.push([withoutAttributes(piece, text)]);
      current.end = l.end;
    } else if (current && current.cells.length && t) {
      // A line that opens no cell continues the last one.
      current.cells[current.cells.length - 1]!.push({ start: l.start, end: l.end });
      current.end = l.end;
    }
  }
  if (!close || rows.length < 2) return undefined;
  const width = Math.max(...rows.map((r) => r.cells.length));
  if (width < 2) return undefined;
  const nodes = rows.map((r) =>
    rowNode(
      r.cells.map((c) => cellOf(c, text, lines)),
      r.start,
      r.end,
      lines,
    ),
  );
  return tableNode(evenRows(nodes, width, lines), open.start, close.end, lines);
}

function splitCells(l: Line, sep: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const m of l.text.matchAll(sep)) {
    pieces.push({ start: l.start + from, end: l.start + m.index });
    from = m.index + m[0].length;
  }
  pieces.push({ start: l.start + from, end: l.end });
  return pieces;
}

/** `style="..." | content`: the attributes before a single bar are markup, not the cell's text. */
function withoutAttributes(p: Piece, text: string): Piece {
  const raw = text.slice(p.start, p.end);
  const m = /^[^|[\]]*=[^|[\]]*\|(?!\|)/.exec(raw);
  return m ? { start: p.start + m[0].length, end: p.end } : p;
}

// ---------------------------------------------------------------------------------------------------------------
// AsciiDoc: `|===`, an optional header line, rows of as many cells as the table has columns (one line each or one
// cell a line). As AsciiDoc has it, the first line is a header only when it holds a whole row and a blank line follows
// it (or the attribute line asks for `header`); `[cols="1h,4"]` gives the width, so a table of one cell a line with no
// header (lanes down the side, as a one-table-per-step page writes them) keeps every row a row.

function asciiDocTable(fence: Line, text: string, lines: LineIndex, attributes = ''): Table | undefined {
  const cells: Array<{ pieces: Piece[]; line: Line; last: Line }> = [];
  let close: Line | undefined;
  let firstBlank = -1;
  let firstLineBlank = false;
  for (let l = nextLine(text, fence); l; l = nextLine(text, l)) {
    if (ASCIIDOC_FENCE.test(l.text)) {
      close = l;
      break;
    }
    if (!l.text.trim()) {
      if (cells.length && firstBlank < 0) {
        firstBlank = cells.length;
        firstLineBlank = cells.every((c) => c.line === cells[0]!.line && c.last === c.line);
      }
      continue;
    }
    if (/^[ \t]*\|/.test(l.text)) {
      const bar = l.text.indexOf('|');
      const body: Line = { start: l.start + bar + 1, end: l.end, text: l.text.slice(bar + 1) };
      for (const piece of splitCells(body, /\|/g)) cells.push({ pieces: [piece], line: l, last: l });
    } else if (cells.length) {
      // A line that opens no cell continues the last one.
      const prev = cells[cells.length - 1]!;
      prev.pieces.push({ start: l.start, end: l.end });
      prev.last = l;
    }
  }
  if (!close || !cells.length) return undefined;
  const firstLine = cells[0]!.line;
  const onFirstLine = cells.filter((c) => c.line === firstLine).length;
  const declared = asciiDocColumns(attributes);
  const width = declared ?? (firstLineBlank ? onFirstLine : firstBlank > 0 ? firstBlank : onFirstLine);
  const options = /(?:options|opts)="([^"]*)"|%(\w+)/g;
  const asked = [...attributes.matchAll(options)].map((m) => m[1] ?? m[2] ?? '').join(',');
  const header = /noheader/.test(asked) ? false : /header/.test(asked) || (firstLineBlank && onFirstLine === width);
  if (width < 2 || cells.length < (header ? 2 : 1) * width) return undefined;
  const rows: TableRow[] = [];
  // A table with no header row gets an empty one, as GFM tables always have a header.
  if (!header) rows.push(emptyRow(width, fence.start, lines));
  for (let k = 0; k < cells.length; k += width) {
    const group = cells.slice(k, k + width);
    const tableCells: TableCell[] = group.map((c) => cellOf(c.pieces, text, lines));
    rows.push(rowNode(tableCells, group[0]!.line.start, group[group.length - 1]!.last.end, lines));
  }
  return tableNode(evenRows(rows, width, lines), fence.start, close.end, lines);
}

/** The column count an AsciiDoc attribute line declares: `cols="1h,4"` has two, `cols="3*"` three, `cols=2` two. */
function asciiDocColumns(attributes: string): number | undefined {
  const m = /\bcols="?([^"\]]*)"?/.exec(attributes);
  if (!m) return undefined;
  const spec = m[1]!.trim();
  const repeat = /^(\d+)\*/.exec(spec);
  if (repeat) return Number(repeat[1]);
  if (/^\d+$/.test(spec) && !spec.includes(',')) return Number(spec);
  const n = spec.split(/[,;]/).filter((c) => c.trim()).length;
  return n >= 1 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// A spreadsheet export pasted in a ```csv (or ```tsv) fence: a header line, a row a line, quoted fields

function csvTable(code: RootContent, text: string, lines: LineIndex): Table | undefined {
  const start = code.position!.start.offset!;
  const end = code.position!.end.offset!;
  const open = lineAt(text, start);
  const sep = /tsv/i.test(open.text) ? '\t' : ',';
  const rows: TableRow[] = [];
  let last: Line | undefined;
  for (let l = nextLine(text, open); l && l.end < end; l = nextLine(text, l)) {
    if (/^[ \t]*(?:`{3,}|~{3,})[ \t]*$/.test(l.text)) break;
    if (!l.text.trim()) continue;
    const fields = csvFields(l, sep);
    if (!fields) return undefined;
    rows.push(rowOf(fields, l, text, lines));
    last = l;
  }
  const width = rows[0]?.children.length ?? 0;
  if (rows.length < 2 || width < 2 || !last) return undefined;
  return tableNode(evenRows(rows, width, lines), start, end, lines);
}

// Steps kept as data in a ```yaml fence (a static site's data block): a list of records, each a step's title and its
// lanes by key ("- name: Drop-off" / "cat_owner: Drops off..." / "systems: ~"), read as a table of steps as rows.
const TITLE_KEYS = ['name', 'title', 'step', 'stage', 'phase'];
const ID_KEYS = new Set(['id', 'slug', 'order', 'no', 'number', 'key']);

function yamlStepsTable(code: RootContent, text: string, lines: LineIndex): Table | undefined {
  if (code.type !== 'code') return undefined;
  const start = code.position!.start.offset!;
  const open = lineAt(text, start);
  const base = open.end + (text[open.end] === '\r' ? 2 : 1);
  // Offsets map straight to the source only when the fence is not indented (the value is then a verbatim slice).
  if (text.slice(base, base + code.value.length) !== code.value) return undefined;
  const doc = parseDocument(code.value, { keepSourceTokens: false });
  if (doc.errors.length) return undefined;
  const records = stepRecords(doc.contents);
  if (!records) return undefined;
  const titleKey = TITLE_KEYS.find((k) => records.every((r) => r.has(k)));
  if (!titleKey) return undefined;
  const keys: string[] = [];
  for (const r of records)
    for (const pair of r.items)
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.value !== titleKey && !ID_KEYS.has(pair.key.value) && !keys.includes(pair.key.value)) keys.push(pair.key.value);
  if (keys.length < 2) return undefined;
  const piecesOf = (n: YamlNode | null | undefined): Piece[] => {
    if (!isScalar(n) || !n.range || n.value === null || typeof n.value === 'object') return [];
    // a block scalar's first line is its indicator (">-", "|"); its text starts on the next line
    // a quoted scalar's quotes are no part of its text
    const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE' ? 1 : 0;
    const [from, to] = [n.range[0] + quoted, n.range[1] - quoted];
    const raw = code.value.slice(from, to);
    const body = /^[>|][+-]?[ \t]*\r?\n/.exec(raw);
    const first = from + (body ? body[0].length : 0);
    const out: Piece[] = [];
    let at = first;
    for (const line of code.value.slice(first, to).split('\n')) {
      out.push({ start: base + at, end: base + at + line.replace(/\r$/, '').length });
      at += line.length + 1;
    }
    return out;
  };
  const header = [titleKey, ...keys].map((k) => {
    const pair = records.find((r) => r.has(k))!.items.find((p) => isScalar(p.key) && p.key.value === k)!;
    return cellOf(piecesOf(pair.key as YamlNode), text, lines);
  });
  const rows: TableRow[] = [rowNode(header, base, base, lines)];
  for (const r of records) {
    const cells = [titleKey, ...keys].map((k) => cellOf(piecesOf(r.get(k, true) as YamlNode | undefined), text, lines));
    const [from, to] = r.range ?? [0, 0];
    rows.push(rowNode(cells, base + from, base + to, lines));
  }
  return tableNode(evenRows(rows, keys.length + 1, lines), start, code.position!.end.offset!, lines);
}

// A PlantUML activity diagram with swimlanes: `|Lane|` lines switch lanes, `partition "Step" { ... }` is a step and
// `:activity;` (over one or more lines) is what the current lane does in it; read as a table of steps as rows.
function swimlaneTable(code: RootContent, text: string, lines: LineIndex): Table | undefined {
  const start = code.position!.start.offset!;
  const end = code.position!.end.offset!;
  const lanes: Array<{ name: string; piece: Piece }> = [];
  const laneIndex = (name: string) => lanes.findIndex((l) => l.name.toLowerCase() === name.toLowerCase());
  const steps: Array<{ title: Piece; cells: Piece[][]; start: number; end: number }> = [];
  let current = -1;
  let activity: Piece[] | undefined;
  for (let l: Line | undefined = nextLine(text, lineAt(text, start)); l && l.end <= end; l = nextLine(text, l)) {
    if (/^[ \t]*(?:`{3,}|~{3,})[ \t]*$/.test(l.text)) break;
    const step = steps[steps.length - 1];
    if (activity) {
      // an activity runs over lines until its closing ";"
      const semi = l.text.lastIndexOf(';');
      const body = l.text.slice(0, semi < 0 ? undefined : semi);
      activity.push({ start: l.start + (body.length - body.trimStart().length), end: l.start + body.trimEnd().length });
      if (semi >= 0) activity = undefined;
      continue;
    }
    const lane = /^[ \t]*\|(?:#[\w]+\|)?([^|]+)\|[ \t]*$/.exec(l.text);
    if (lane) {
      const name = lane[1]!.trim();
      if (laneIndex(name) < 0) {
        const at = l.start + l.text.lastIndexOf(lane[1]!) + (lane[1]!.length - lane[1]!.trimStart().length);
        lanes.push({ name, piece: { start: at, end: at + name.length } });
      }
      current = laneIndex(name);
      continue;
    }
    const partition = /^[ \t]*partition[ \t]+"?([^"{]+?)"?[ \t]*\{?[ \t]*$/.exec(l.text);
    if (partition) {
      const at = l.start + l.text.indexOf(partition[1]!);
      steps.push({ title: { start: at, end: at + partition[1]!.length }, cells: [], start: l.start, end: l.end });
      continue;
    }
    const act = /^([ \t]*:)(.*?)(;?)[ \t]*$/.exec(l.text);
    if (act && step && current >= 0) {
      const piece = { start: l.start + act[1]!.length, end: l.start + act[1]!.length + act[2]!.trimEnd().length };
      (step.cells[current] ??= []).push(piece);
      if (!act[3]) activity = step.cells[current];
      step.end = l.end;
      continue;
    }
    if (step && /^[ \t]*\}/.test(l.text)) step.end = l.end;
  }
  if (lanes.length < 2 || steps.length < 2) return undefined;
  const header = rowNode([cellOf([], text, lines), ...lanes.map((l) => cellOf([l.piece], text, lines))], start, start, lines);
  const rows = steps.map((st) => rowNode([cellOf([st.title], text, lines), ...lanes.map((_, k) => cellOf(st.cells[k] ?? [], text, lines))], st.start, st.end, lines));
  return tableNode([header, ...rows], start, end, lines);
}

/** The first list of two or more records (maps), at the top or under one key ("steps:"). */
function stepRecords(contents: unknown): YAMLMap[] | undefined {
  const fromSeq = (n: unknown) => (isSeq(n) && n.items.length >= 2 && n.items.every((i) => isMap(i)) ? (n.items as YAMLMap[]) : undefined);
  if (fromSeq(contents)) return fromSeq(contents);
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    const found = fromSeq(pair.value);
    if (found) return found;
  }
  return undefined;
}

/** The fields of one CSV line, quotes left out; undefined for a quote left open (a field running over lines). */
function csvFields(l: Line, sep: string): Piece[] | undefined {
  const out: Piece[] = [];
  let i = 0;
  const t = l.text;
  while (i <= t.length) {
    if (t[i] === '"') {
      let j = i + 1;
      while (j < t.length && !(t[j] === '"' && t[j + 1] !== '"')) j += t[j] === '"' ? 2 : 1;
      if (j >= t.length) return undefined;
      out.push({ start: l.start + i + 1, end: l.start + j });
      i = j + 1;
      while (i < t.length && t[i] !== sep) i++;
    } else {
      const next = t.indexOf(sep, i);
      const stop = next < 0 ? t.length : next;
      out.push({ start: l.start + i, end: l.start + stop });
      i = stop;
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lines and rows

function rowOf(pieces: Piece[], l: Line, text: string, lines: LineIndex): TableRow {
  return rowNode(
    pieces.map((p) => cellOf([p], text, lines)),
    l.start,
    l.end,
    lines,
  );
}

/** Rows padded with empty cells (or cut) to the header's width, as GFM tables are. */
function evenRows(rows: TableRow[], width: number, lines: LineIndex): TableRow[] {
  return rows.map((r) => {
    if (r.children.length === width) return r;
    const end = r.position!.end.offset!;
    const pad = emptyRow(Math.max(0, width - r.children.length), end, lines).children;
    return { ...r, children: [...r.children.slice(0, width), ...pad] };
  });
}

export function lineAt(text: string, start: number): Line {
  let e = start;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return { start, end: e, text: text.slice(start, e) };
}

export function nextLine(text: string, l: Line): Line | undefined {
  let s = l.end;
  if (s >= text.length) return undefined;
  if (text[s] === '\r' && text[s + 1] === '\n') s += 2;
  else s += 1;
  return s <= text.length ? lineAt(text, s) : undefined;
}
