// Labels written where a lane label goes (a line's "**Label:**", a table's header row or first column), read from the source lines.
import type { Span, Step } from '../types.js';
import { detached } from '../incremental/memo.js';
import type { Memo } from '../incremental/readingMemo.js';

/** A label in lane position as written (emphasis and a trailing colon removed) and its source span. */
export interface LabelCandidate {
  label: string;
  span: Span;
}

interface Line {
  start: number;
  text: string;
}

/** Offset after the last line break before `offset` (a backward scan: lastIndexOf of a break the text never uses walks to the start). */
function lineStartBefore(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i + 1;
}

/** The lines overlapping a span, whatever their line endings (LF, CRLF or a lone CR). */
function linesIn(text: string, span: Span): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  // Start at the line holding the span (not the document's first line): linear in the step, not the document.
  re.lastIndex = lineStartBefore(text, span.start);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (start > span.end || (m[0] === '' && start >= text.length)) break;
    const body = m[0].replace(/[\r\n]+$/, '');
    if (start + m[0].length > span.start || (start >= span.start && m[0] === '')) out.push({ start, text: body });
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

const PREFIX = /^((?:[ \t]*>)*[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?)(#{1,6}[ \t]+)?/;
const LABEL = /^(\*\*|__|\*|_)?(\p{L}[^*_:|\n()]{0,40}?)[ \t]*(\([^)\n]*\))?[ \t]*(?:(:)[ \t]*(\*\*|__|\*|_)?|(\*\*|__|\*|_)[ \t]*(:)?|$)/u;

/** Labels in lane position on the lines of a heading, list or prose step: "- **Label:** ...", "Label: ...", "### Label". */
function lineCandidates(text: string, step: Step): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  let fence: string | undefined;
  for (const line of linesIn(text, step.span)) {
    const f = /^[ \t]*(`{3,}|~{3,})/.exec(line.text);
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (/^[ \t]*\|/.test(line.text) || /^[ \t]*<!--/.test(line.text)) continue;
    const p = PREFIX.exec(line.text);
    if (!p) continue;
    const rest = line.text.slice(p[0].length);
    const m = LABEL.exec(rest);
    if (!m) continue;
    const after = rest.slice(m[0].length).trim();
    const heading = p[2] !== undefined;
    const colon = m[4] !== undefined || m[7] !== undefined;
    const aloneEmphasised = m[1] !== undefined && m[6] !== undefined && after === '';
    if (heading ? after.replace(/#+$/, '') !== '' : !colon && !aloneEmphasised) continue;
    const label = m[2]!.trimEnd();
    if (label.split(/\s+/).length > 4) continue;
    const start = line.start + p[0].length + (m[1]?.length ?? 0);
    const span = { start, end: start + label.length };
    if (span.start < step.titleSpan.end && step.titleSpan.start < span.end) continue;
    out.push({ label, span });
  }
  return out;
}

/** Cells of a table line with their source spans (content trimmed, emphasis and a trailing colon removed). */
function cells(line: Line): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const bars: number[] = [];
  for (let i = 0; i < line.text.length; i++) if (line.text[i] === '|' && line.text[i - 1] !== '\\') bars.push(i);
  const bounds = [...(line.text.trimStart().startsWith('|') ? [] : [-1]), ...bars, ...(line.text.trimEnd().endsWith('|') ? [] : [line.text.length])];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const raw = line.text.slice(bounds[i]! + 1, bounds[i + 1]);
    const m = /^([ \t]*(?:\*\*|__|\*|_)?)(.*?)(?::?(?:\*\*|__|\*|_)?:?[ \t]*)$/.exec(raw);
    if (!m) continue;
    const start = line.start + bounds[i]! + 1 + m[1]!.length;
    // An emphasised label with a gloss after it ("**Front stage** (visible)") ends where its emphasis closes.
    const marker = m[1]!.trim();
    const close = marker ? m[2]!.indexOf(marker) : -1;
    const label = close > 0 ? m[2]!.slice(0, close).replace(/:$/, '').trimEnd() : m[2]!;
    out.push({ label, span: { start, end: start + label.length } });
  }
  return out;
}

const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The line starting at `start` (its text without the line break). */
function lineFrom(text: string, start: number): Line {
  let i = start;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return { start, text: text.slice(start, i) };
}

/** Start of the line before the line starting at `start` (which must not be the first line). */
function previousLineStart(text: string, start: number): number {
  return lineStartBefore(text, start - (text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 ? 2 : 1));
}

/** A step's lines as remembered across lints: the step's spans relative to its first line, and its candidates. */
export interface RememberedLabels {
  /** The step's spans relative to the first line, and whether the lines run to the end of the text. */
  at: string;
  candidates: LabelCandidate[];
}

/**
 * One lint's reader of lane-position labels. What it works out per table (the first column, the header above a row)
 * lives as long as the lint; what it reads per step goes through `memo` (an editor's, keyed by the lines read).
 */
export class LaneLabelReader {
  private readonly byTable = new Map<number, LabelCandidate[]>();
  private readonly delimiters = new Map<number, number>();
  private readonly headers = new Map<number, LabelCandidate[]>();

  constructor(
    private readonly text: string,
    private readonly memo: Memo<RememberedLabels> | undefined,
  ) {}

  /** The labels in lane position of a step: its lines' labels, or its table's header row or first column. */
  of(step: Step): LabelCandidate[] {
    if (step.shape === 'table-columns' || step.shape === 'table-rows') return this.tableCandidates(step);
    return this.remembered(step, () => lineCandidates(this.text, step));
  }

  /** Lane-position cells of a table step: the header row (steps as rows) or the first column (steps as columns). */
  private tableCandidates(step: Step): LabelCandidate[] {
    const text = this.text;
    if (step.shape === 'table-columns') {
      // Every column step of a table has the same first column: read it once per table, not once per column.
      const known = this.byTable.get(step.span.start);
      if (known) return known;
      const found = this.remembered(step, () => {
        const lines = linesIn(text, step.span);
        const delimiter = lines.findIndex((l) => DELIMITER.test(l.text));
        return lines
          .slice(delimiter + 1)
          .map((l) => cells(l)[0])
          .filter((c): c is LabelCandidate => c !== undefined);
      });
      this.byTable.set(step.span.start, found);
      return found;
    }
    // Steps as rows: walk up from the row to the delimiter line; the header is the line above it.
    const row = lineStartBefore(text, step.span.start);
    const delimiter = row > 0 ? this.delimiterAbove(previousLineStart(text, row)) : -1;
    if (delimiter < 0) return [];
    let header = this.headers.get(delimiter);
    if (!header) {
      header = cells(lineFrom(text, previousLineStart(text, delimiter)));
      this.headers.set(delimiter, header);
    }
    return header;
  }

  /**
   * The start of the delimiter line at or above the line starting at `from`, before a blank line, never the document's
   * first line (-1: none); remembered per line, so a long table's rows share one walk.
   */
  private delimiterAbove(from: number): number {
    const text = this.text;
    const walked: number[] = [];
    let found = -1;
    for (let at = from; at > 0; at = previousLineStart(text, at)) {
      const known = this.delimiters.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(at);
      const line = lineFrom(text, at).text;
      if (line.trim() === '') break;
      if (DELIMITER.test(line)) {
        found = at;
        break;
      }
    }
    for (const at of walked) this.delimiters.set(at, found);
    return found;
  }

  /**
   * Candidates of a step from the memo, or `find` run on the text: what the scans read is the step's lines, from the
   * start of its first line to two characters past its last line's end (a line's break and the next line's first character).
   */
  private remembered(step: Step, find: () => LabelCandidate[]): LabelCandidate[] {
    const text = this.text;
    if (!this.memo) return find();
    const from = lineStartBefore(text, step.span.start);
    let to = Math.max(step.span.end, from);
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
    const rel = (n: number) => n - from;
    const at = `${step.shape},${rel(step.span.start)},${rel(step.span.end)},${rel(step.titleSpan.start)},${rel(step.titleSpan.end)},${to + 2 > text.length ? 1 : 0}`;
    const key = text.slice(from, to + 2);
    let found = this.memo.get(key);
    if (!found || found.at !== at) {
      found = { at, candidates: find().map((c) => ({ label: detached(c.label), span: { start: rel(c.span.start), end: rel(c.span.end) } })) };
      this.memo.set(key, found);
    }
    return found.candidates.map((c) => ({ label: c.label, span: { start: c.span.start + from, end: c.span.end + from } }));
  }
}
