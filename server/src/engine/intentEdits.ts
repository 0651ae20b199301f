// Fix intents -> text edits: the one place that writes a fix's text. Pure: the text and the intent in, edits out.
import { normaliseLabel } from './blueprint/lanes.js';
import type { ColumnRow, DisableSite, Fix, FixIntent, FixProposal, LabelStyle, LaneSite, Span, TextEdit } from './types.js';

/** The edits `intent` makes in `text` (the text whose lint produced the intent; offsets in it are offsets of `text`). */
export function intentEdits(text: string, intent: FixIntent): TextEdit[] {
  switch (intent.kind) {
    case 'add-lane':
      return laneEdits(intent.site, intent.label, intent.content, intent.snippet);
    case 'replace':
      return [edit(intent.span, intent.text, intent.snippet)];
    case 'disable-step':
      return [disableStepEdit(intent.site, intent.ruleId)];
    case 'disable-file':
      return [disableFileEdit(text, intent.ruleId)];
    case 'opt-in':
      return [optInEdit(text)];
  }
}

/** A proposed fix with the edits it makes in `text`. */
export function resolvedFix(text: string, fix: FixProposal): Fix {
  const out: Fix = { title: fix.title, kind: fix.kind, intent: fix.intent, safe: fix.safe, edits: intentEdits(text, fix.intent) };
  if (fix.preferred !== undefined) out.preferred = fix.preferred;
  return out;
}

/** A copy of `fix` as a finding of an editor's lint carries it: plain data, its edits left to `intentEdits` against the text then held. */
export function proposalOf(fix: FixProposal): FixProposal {
  const out: FixProposal = { title: fix.title, kind: fix.kind, intent: fix.intent, safe: fix.safe };
  if (fix.preferred !== undefined) out.preferred = fix.preferred;
  return out;
}

/** The fix that silences a rule in the whole file (offered on every finding, so built here rather than by each rule). */
export function disableFileFix(text: string, ruleId: string): Fix {
  return resolvedFix(text, { title: `Disable ${ruleId} for this file`, kind: 'disable-file', safe: false, intent: { kind: 'disable-file', ruleId } });
}

function edit(span: Span, text: string, snippet: string | undefined): TextEdit {
  return snippet === undefined ? { start: span.start, end: span.end, text } : { start: span.start, end: span.end, text, snippet };
}

const at = (offset: number): Span => ({ start: offset, end: offset });

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function formatLabel(label: string, style: LabelStyle | 'heading'): string {
  if (style === 'bold-inside') return `**${label}:**`;
  if (style === 'bold-outside') return `**${label}**:`;
  return style === 'plain' ? `${label}:` : label;
}

/** The edits that add lane `label` with `content` (and `snippet`, in LSP snippet syntax) at `site`. */
export function laneEdits(site: LaneSite, label: string, content: string, snippet?: string): TextEdit[] {
  switch (site.form) {
    case 'line': {
      const line = (c: string) => `${site.lead}${formatLabel(label, site.style)}${site.sep}${c}${site.tail ?? ''}`;
      // A lone $ in the label or the copied layout is literal text in a snippet.
      return [edit(at(site.at), line(content), snippet === undefined ? undefined : line(snippet).replace(/\$(?!\{|\d)/g, '\\$'))];
    }
    case 'lane-row': {
      const cellLabel = site.html ? escapeHtml(label) : label;
      const row = (c: string) => {
        const cells = Array.from({ length: site.columns }, (_, i) => (i === site.laneCol ? cellLabel : i === site.contentCol ? c : ''));
        return site.html ? `${site.eol}<tr>${cells.map((x) => `<td>${x}</td>`).join('')}</tr>` : `${site.eol}| ${cells.join(' | ')} |`;
      };
      return [edit(at(site.at), row(site.html ? escapeHtml(content) : content), snippet === undefined ? undefined : row(snippet))];
    }
    case 'column':
      return columnEdits(site, label, content, snippet);
    case 'row':
      return rowEdits(site, label, content, snippet);
    case 'none':
      return [];
  }
}

function columnEdits(site: Extract<LaneSite, { form: 'column' }>, label: string, content: string, snippet: string | undefined): TextEdit[] {
  const key = normaliseLabel(label);
  const fill = site.rows.find((r: ColumnRow) => r.label === key)?.fill;
  if (fill) return [edit(fill, site.html ? escapeHtml(content) : content, snippet)];
  if (site.labelLast) {
    // A new row with the step's content in its column and the label in the last cell, as the table names its lanes.
    const cells = (c: string) => Array.from({ length: site.columns }, (_, i) => (i === site.columns - 1 ? label : i === site.col - 1 ? c : ''));
    const row = (c: string) =>
      site.html
        ? `${site.eol}<tr>${cells(c)
            .map((x, i) => (i === site.columns - 1 ? `<th scope="row"><strong>${escapeHtml(x)}</strong></th>` : `<td>${x}</td>`))
            .join('')}</tr>`
        : `${site.eol}| ${cells(c).join(' | ')} |`;
    const value = site.html ? escapeHtml(content) : content;
    return [edit(at(site.at), row(value), snippet === undefined ? undefined : row(snippet))];
  }
  if (site.html) {
    // A new <tr> after the last lane row: the label as a row header, the content in this step's column.
    const row = (c: string) =>
      `${site.eol}<tr><th scope="row"><strong>${escapeHtml(label)}</strong></th>${Array.from({ length: site.columns - 1 }, (_, i) => `<td>${i + 1 === site.col ? c : ''}</td>`).join('')}</tr>`;
    return [edit(at(site.at), row(escapeHtml(content)), snippet === undefined ? undefined : row(snippet))];
  }
  const row = (c: string) => `${site.eol}|${rowCells(label, site.col, c, site.columns)}|`;
  return [edit(at(site.at), row(content), snippet === undefined ? undefined : row(snippet))];
}

function rowEdits(site: Extract<LaneSite, { form: 'row' }>, label: string, content: string, snippet: string | undefined): TextEdit[] {
  const col = site.headers.indexOf(normaliseLabel(label));
  const fill = col >= 0 ? site.cells[col] : undefined;
  if (fill) return [edit(fill, site.html ? escapeHtml(content) : content, snippet)];
  if (site.html) {
    // A new header cell and a new cell in this row (other rows read the missing cell as empty).
    const edits: TextEdit[] = [];
    if (col < 0) edits.push({ start: site.headAt, end: site.headAt, text: `<th>${escapeHtml(label)}</th>` });
    const pad = '<td></td>'.repeat(Math.max(0, (col < 0 ? site.headers.length : col) - site.rowCells));
    edits.push(edit(at(site.rowAt), `${pad}<td>${escapeHtml(content)}</td>`, snippet === undefined ? undefined : `${pad}<td>${snippet}</td>`));
    return edits;
  }
  const cell = (end: { at: number; closed: boolean }, value: string, snippetValue: string | undefined, missing: number) => {
    const prefix = `${end.closed ? '' : ' |'}${'  |'.repeat(Math.max(0, missing))}`;
    return edit(at(end.at), `${prefix} ${value} |`, snippetValue === undefined ? undefined : `${prefix} ${snippetValue} |`);
  };
  // The lane's column is there but this row stops short of it: empty cells up to it, then the content.
  if (col >= 0 && col >= site.rowCells) return [cell(site.end, content, snippet, col - site.rowCells)];
  // GFM reads missing trailing cells as empty, so only the header, the delimiter row and this row change.
  return [cell(site.append.header, label, undefined, 0), cell(site.append.delimiter, '---', undefined, 0), cell(site.append.row, content, snippet, site.headers.length - site.rowCells)];
}

const cellOf = (x: string) => (x ? ` ${x} ` : ' ');
// Empty cells of a new row, long enough for the widest table so far: slices of it cost no copy, so a fix per column stays linear.
let emptyCells = '';
const emptyRun = (cells: number) => {
  if (emptyCells.length < 2 * cells) emptyCells = ' |'.repeat(Math.max(cells, 2 * (emptyCells.length / 2)));
  return emptyCells.slice(0, 2 * cells);
};

/** The cells of a new row of `columns` cells: `label` first, `c` in column `col` (1 or more), the others empty. */
function rowCells(label: string, col: number, c: string, columns: number): string {
  // Same text as joining every cell with "|": "| " after column col reads as " |" shifted by one character.
  return `${cellOf(label)}|${emptyRun(col - 1)}${cellOf(c)}${col + 1 < columns ? `|${emptyRun(columns - col - 2)} ` : ''}`;
}

function disableStepEdit(site: DisableSite, ruleId: string): TextEdit {
  if (site.form === 'in-cell') return { start: site.at, end: site.at, text: ` <!-- blueprint-lint-disable-step ${ruleId} -->` };
  return { start: site.at, end: site.at, text: `${site.indent}<!-- blueprint-lint-disable-next-line ${ruleId} -->${site.eol}` };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const eolOf = (text: string) => /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';

/** A disable-file comment on its own first line (after any front matter), a reason asked for. */
function disableFileEdit(text: string, ruleId: string): TextEdit {
  const start = FRONT_MATTER.exec(text)?.[0].length ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const eol = eolOf(text);
  const comment = (reason: string) => `<!-- blueprint-lint-disable-file ${ruleId}${reason} -->${eol}`;
  return { start, end: start, text: comment(''), snippet: comment(' -- ${1:reason}') };
}

/** `blueprint: true` as the first key of the front matter, or a new front matter block (after a byte order mark). */
function optInEdit(text: string): TextEdit {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const fm = /^---[ \t]*\r?\n/.exec(text.slice(bom));
  return fm ? { start: bom + fm[0].length, end: bom + fm[0].length, text: `blueprint: true${eol}` } : { start: bom, end: bom, text: `---${eol}blueprint: true${eol}---${eol}${eol}` };
}

/** `intent` with its document offsets moved by `by` (a step memoised at one place and found at another). */
export function movedIntent(intent: FixIntent, by: number): FixIntent {
  if (by === 0) return intent;
  switch (intent.kind) {
    case 'add-lane':
      return { ...intent, site: movedLaneSite(intent.site, by) };
    case 'replace':
      return { ...intent, span: movedBy(intent.span, by) };
    case 'disable-step':
      return { ...intent, site: movedDisableSite(intent.site, by) };
    default:
      return intent;
  }
}

export function movedFixProposal(fix: FixProposal, by: number): FixProposal {
  return { ...fix, intent: movedIntent(fix.intent, by) };
}

export function movedLaneSite(site: LaneSite, by: number): LaneSite {
  switch (site.form) {
    case 'none':
      return site;
    case 'line':
    case 'lane-row':
      return { ...site, at: site.at + by };
    case 'column':
      return { ...site, at: site.at + by, rows: site.rows.map((r) => (r.fill ? { label: r.label, fill: movedBy(r.fill, by) } : r)) };
    case 'row': {
      const end = (e: { at: number; closed: boolean }) => ({ at: e.at + by, closed: e.closed });
      return {
        ...site,
        cells: site.cells.map((c) => c && movedBy(c, by)),
        end: end(site.end),
        append: { header: end(site.append.header), delimiter: end(site.append.delimiter), row: end(site.append.row) },
        headAt: site.headAt + by,
        rowAt: site.rowAt + by,
      };
    }
  }
}

export function movedDisableSite(site: DisableSite, by: number): DisableSite {
  return { ...site, at: site.at + by };
}

function movedBy(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}
