// A near miss of a lane label ("Backstgae", "Front-stage actions") silently drops the lane: every other rule misreads the step.
import { LANE_LABELS, normaliseLabel, STEP_COLUMN_LABELS } from '../server/src/engine/blueprint/lanes.js';
import { detached, Generations, RULE_MEMO_MIN_CHARS } from '../server/src/engine/memo.js';
import { disableFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { LaneKind, Span, Step } from '../server/src/engine/types.js';

const ID = 'unknown-lane';

interface Candidate {
  label: string;
  span: Span;
}

interface Known {
  label: string;
  kind: LaneKind;
  squashed: string;
}

const squash = (s: string) => normaliseLabel(s).replace(/ /g, '');

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How far a label may be from a known one: short words only by a plural "s" or a swap of two letters. */
function close(s: string, k: string, d: number): boolean {
  if (s[0] !== k[0]) return false;
  if (s.length <= 4 || k.length <= 4) return d === 0 || (d === 1 && (s === `${k}s` || k === `${s}s` || [...s].sort().join('') === [...k].sort().join('')));
  return d <= (s.length <= 8 ? 1 : 2);
}

/** The known lane label a candidate is a near miss of; undefined when it is known, or no lane is close. */
function nearMiss(label: string, known: ReadonlySet<string>, table: readonly Known[]): Known | undefined {
  const n = normaliseLabel(label);
  if (!n || known.has(n) || STEP_COLUMN_LABELS.has(n) || !/^\p{L}/u.test(n)) return undefined;
  const s = n.replace(/ /g, '');
  let best: Known | undefined;
  let bestD = Infinity;
  for (const k of table) {
    if (Math.abs(k.squashed.length - s.length) > 2) continue;
    const d = distance(s, k.squashed);
    if (d < bestD && close(s, k.squashed, d)) {
      best = k;
      bestD = d;
    }
  }
  // A near miss of an "other" lane (Notes, Risks) changes no rule's reading of the step.
  return best && best.kind !== 'other' ? best : undefined;
}

/** The known label in the candidate's case: all lower, all upper, or as the label list writes it. */
function inCase(written: string, label: string): string {
  if (written === written.toLowerCase()) return label.toLowerCase();
  if (written === written.toUpperCase() && /\p{L}{2}/u.test(written)) return label.toUpperCase();
  return label;
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
function lineCandidates(text: string, step: Step): Candidate[] {
  const out: Candidate[] = [];
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
function cells(line: Line): Candidate[] {
  const out: Candidate[] = [];
  const bars: number[] = [];
  for (let i = 0; i < line.text.length; i++) if (line.text[i] === '|' && line.text[i - 1] !== '\\') bars.push(i);
  const bounds = [...(line.text.trimStart().startsWith('|') ? [] : [-1]), ...bars, ...(line.text.trimEnd().endsWith('|') ? [] : [line.text.length])];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const raw = line.text.slice(bounds[i]! + 1, bounds[i + 1]);
    const m = /^([ \t]*(?:\*\*|__|\*|_)?)(.*?)(?::?(?:\*\*|__|\*|_)?:?[ \t]*)$/.exec(raw);
    if (!m) continue;
    const start = line.start + bounds[i]! + 1 + m[1]!.length;
    out.push({ label: m[2]!, span: { start, end: start + m[2]!.length } });
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

/** Lane-position cells of a table step: the header row (steps as rows) or the first column (steps as columns). */
function tableCandidates(text: string, step: Step, byTable: Map<number, Candidate[]>, delimiters: Map<number, number>, headers: Map<number, Candidate[]>): Candidate[] {
  if (step.shape === 'table-columns') {
    // Every column step of a table has the same first column: read it once per table, not once per column.
    const known = byTable.get(step.span.start);
    if (known) return known;
    const found = memoised(text, step, () => {
      const lines = linesIn(text, step.span);
      const delimiter = lines.findIndex((l) => DELIMITER.test(l.text));
      return lines
        .slice(delimiter + 1)
        .map((l) => cells(l)[0])
        .filter((c): c is Candidate => c !== undefined);
    });
    byTable.set(step.span.start, found);
    return found;
  }
  // Steps as rows: walk up from the row to the delimiter line; the header is the line above it.
  const row = lineStartBefore(text, step.span.start);
  const delimiter = row > 0 ? delimiterAbove(text, previousLineStart(text, row), delimiters) : -1;
  if (delimiter < 0) return [];
  let header = headers.get(delimiter);
  if (!header) {
    header = cells(lineFrom(text, previousLineStart(text, delimiter)));
    headers.set(delimiter, header);
  }
  return header;
}

/**
 * The start of the delimiter line at or above the line starting at `from`, before a blank line, never the document's
 * first line (-1: none); remembered per line, so a long table's rows share one walk.
 */
function delimiterAbove(text: string, from: number, memo: Map<number, number>): number {
  const walked: number[] = [];
  let found = -1;
  for (let at = from; at > 0; at = previousLineStart(text, at)) {
    const known = memo.get(at);
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
  for (const at of walked) memo.set(at, found);
  return found;
}

/**
 * lineCandidates of recent lints by the lines they read (positions relative to the first), two generations like the
 * editor's caches: a keystroke reads the candidates of every unchanged step from here instead of scanning its lines.
 * Keys are slices of the text (no copy); entries of the latest two lints only, so at most two texts stay alive.
 */
const memo = new Generations<LineMemo>();

interface LineMemo {
  /** The step's spans relative to the first line, and whether the lines run to the end of the text. */
  at: string;
  candidates: Candidate[];
}

/**
 * Candidates of a step from the memo, or `find` run on the text: what the scans read is the step's lines, from the start
 * of its first line to two characters past its last line's end (a line's break and the next line's first character).
 */
function memoised(text: string, step: Step, find: () => Candidate[]): Candidate[] {
  if (text.length < RULE_MEMO_MIN_CHARS) return find();
  const from = lineStartBefore(text, step.span.start);
  let to = Math.max(step.span.end, from);
  while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
  const rel = (n: number) => n - from;
  const at = `${step.shape},${rel(step.span.start)},${rel(step.span.end)},${rel(step.titleSpan.start)},${rel(step.titleSpan.end)},${to + 2 > text.length ? 1 : 0}`;
  const key = text.slice(from, to + 2);
  let found = memo.get(key);
  if (!found || found.at !== at) {
    found = { at, candidates: find().map((c) => ({ label: detached(c.label), span: { start: rel(c.span.start), end: rel(c.span.end) } })) };
    memo.set(key, found);
  }
  return found.candidates.map((c) => ({ label: c.label, span: { start: c.span.start + from, end: c.span.end + from } }));
}

/** The shipped labels, squashed for the distance, and their normalised forms. */
let shipped: { table: Known[]; known: ReadonlySet<string> } | undefined;

const rule: Rule = {
  id: ID,
  description: 'A label in lane position that is a near miss of a known lane label ("Backstgae", "Front-stage actions").',
  defaultSeverity: 'warning',
  fixable: true,
  optionsSchema: {
    type: 'object',
    properties: { ignore: { type: 'array', items: { type: 'string' }, description: 'Labels that are meant as they are written.' } },
    additionalProperties: false,
  },
  defaultOptions: { ignore: [] },
  vocabularies: [],
  check(context: RuleContext): void {
    shipped ??= (() => {
      const table = (Object.keys(LANE_LABELS) as LaneKind[]).flatMap((kind) => LANE_LABELS[kind].map((label) => ({ label, kind, squashed: squash(label) })));
      return { table, known: new Set(table.map((k) => normaliseLabel(k.label))) };
    })();
    const table = shipped.table;
    const known = new Set(shipped.known);
    // Labels the model read as lanes (config synonyms included) are known, and so are ignored ones.
    for (const s of context.blueprint.steps) for (const l of s.lanes) if (l.basis !== 'unplaced' && l.basis !== 'position') known.add(normaliseLabel(l.label));
    const ignore = Array.isArray(context.options['ignore']) ? (context.options['ignore'] as unknown[]) : [];
    for (const i of ignore) if (typeof i === 'string') known.add(normaliseLabel(i));
    const seen = new Set<number>();
    const byTable = new Map<number, Candidate[]>();
    const delimiters = new Map<number, number>();
    const headers = new Map<number, Candidate[]>();
    if (context.text.length >= RULE_MEMO_MIN_CHARS) memo.commit();
    for (const step of context.blueprint.steps) {
      const candidates =
        step.shape === 'table-columns' || step.shape === 'table-rows'
          ? tableCandidates(context.text, step, byTable, delimiters, headers)
          : memoised(context.text, step, () => lineCandidates(context.text, step));
      for (const c of candidates) {
        if (seen.has(c.span.start)) continue;
        const hit = nearMiss(c.label, known, table);
        if (!hit) continue;
        seen.add(c.span.start);
        const to = inCase(c.label, hit.label);
        context.report({
          message: `Did you mean "${to}"? Step "${step.title}" has an unknown lane label "${c.label}".`,
          span: c.span,
          step,
          fixes: [{ title: `Rename "${c.label}" to "${to}"`, kind: 'rename', safe: true, preferred: true, intent: { kind: 'replace', span: c.span, text: to } }, disableFix(step, ID)],
          data: { label: c.label, suggestion: to, lane: hit.kind },
        });
      }
    }
  },
};

export default rule;
