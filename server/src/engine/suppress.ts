import type { Root, Nodes } from 'mdast';
import { markdownDirective } from './blueprint/myst.js';
import { attached } from './incremental/textMemos.js';
import type { LineIndex } from './text.js';
import type { Finding, FixProposal, Step } from './types.js';

type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable-step';

export interface Directive {
  kind: DirectiveKind;
  /** Empty = every rule. */
  rules: string[];
  offset: number;
  endOffset: number;
  /** The text after `--`, without its `(until ...)`; undefined when there is none. */
  reason?: string;
  /** Last day (YYYY-MM-DD) the directive suppresses. */
  until?: string;
  /** What is wrong with the `(until ...)` written, when it is not a real date. */
  badUntil?: string;
}

/** The rule id of findings about directives themselves (expired, unused, unreadable expiry). */
export const DIRECTIVE_RULE = 'suppression-directive';

/** Every directive comment holds this. */
export const DIRECTIVE_PREFIX = 'blueprint-lint-';
const DIRECTIVE = /<!--\s*blueprint-lint-(disable-next-line|disable-line|disable-file|disable-step|disable|enable)\b([\s\S]*?)-->/g;

/**
 * Finds suppression comments in HTML nodes (block and inline) of the tree whose offsets index `text`; comments inside
 * code are not directives, but the body of a MyST directive is Markdown, not code (a comment in a list-table's cell).
 */
export function findDirectives(root: Root, text: string): Directive[] {
  const out: Directive[] = [];
  const found = (value: string, base: number) => {
    for (const m of value.matchAll(DIRECTIVE)) {
      out.push({ kind: m[1] as DirectiveKind, ...parseBody(m[2]!), offset: base + m.index!, endOffset: base + m.index! + m[0].length });
    }
  };
  const visit = (n: Nodes) => {
    if (n.type === 'html') found(n.value, n.position?.start.offset ?? 0);
    else if (n.type === 'code' && markdownDirective(n.lang) && n.position) {
      const start = n.position.start.offset!;
      const body = text.slice(start, n.position.end.offset).search(/\r?\n/);
      if (body >= 0) found(text.slice(start + body, n.position.end.offset), start + body);
    } else if ('children' in n) {
      for (const c of n.children as Nodes[]) visit(c);
    }
  };
  visit(root);
  return out.sort((a, b) => a.offset - b.offset);
}

const UNTIL = /\(\s*until\b([^)]*)\)\s*$/i;

/** `rule, rule -- reason (until YYYY-MM-DD)`: the rules, the reason and the expiry, each optional. */
export function parseBody(body: string): Pick<Directive, 'rules' | 'reason' | 'until' | 'badUntil'> {
  const dash = body.indexOf('--');
  const rules = (dash < 0 ? body : body.slice(0, dash)).split(/[\s,]+/).filter(Boolean);
  if (dash < 0) return { rules };
  let reason = body.slice(dash + 2).trim();
  const out: Pick<Directive, 'rules' | 'reason' | 'until' | 'badUntil'> = { rules };
  const u = UNTIL.exec(reason);
  if (u) {
    reason = reason.slice(0, u.index).trim();
    const date = u[1]!.trim();
    if (isCalendarDate(date)) out.until = date;
    else out.badUntil = date;
  }
  if (reason) out.reason = reason;
  return out;
}

/** YYYY-MM-DD naming a day that exists (no 2027-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today's local date as YYYY-MM-DD, the day expiry dates are compared with. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** findDirectives of the document from its chunks' trees (positions relative to each chunk), each cached tree read once. */
export function findChunkDirectives(chunks: ReadonlyArray<{ start: number; text: string; tree: Root }>): Directive[] {
  const out: Directive[] = [];
  for (const c of chunks) {
    const found = attached(c.tree, 'directives', () => findDirectives(c.tree, c.text));
    for (const d of found) out.push(c.start === 0 ? d : { ...d, offset: d.offset + c.start, endOffset: d.endOffset + c.start });
  }
  return out;
}

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

export interface SuppressOptions {
  /** Local date YYYY-MM-DD; a directive whose `until` is before it no longer suppresses. */
  today: string;
  /** Report disable directives that silence nothing. */
  reportUnused: boolean;
}

/** A directive as the editor shows it: whether it still holds and how many findings it silenced. */
export interface DirectiveReport extends Directive {
  state: 'active' | 'expired' | 'bad-date';
  silenced: number;
}

export interface SuppressResult<F extends FixProposal> {
  /** The findings no directive silences. */
  kept: Array<Finding<F>>;
  /** The findings a directive silences, each with `suppressedBy` set (SARIF writes them as suppressed results). */
  suppressed: Array<Finding<F>>;
  /** Findings about the directives: expired, unreadable expiry, and (when asked) unused. */
  directiveFindings: Array<Finding<F>>;
  /** Every directive, in document order. */
  directives: DirectiveReport[];
}

/** Splits findings into kept and silenced by directives (spec 8); directives are indexed once, so the cost is linear in findings + directives. */
export function applySuppressions<F extends FixProposal>(
  findings: Array<Finding<F>>,
  all: readonly Directive[],
  lines: LineIndex,
  text: string,
  steps: readonly Step[],
  options: SuppressOptions,
): SuppressResult<F> {
  const directiveFindings: Array<Finding<F>> = [];
  const report = (d: Directive, severity: Finding['severity'], message: string) => {
    directiveFindings.push({
      ruleId: DIRECTIVE_RULE,
      severity,
      message,
      span: { start: d.offset, end: d.endOffset },
      start: lines.position(d.offset),
      end: lines.position(d.endOffset),
      step: null,
      fixes: [],
    });
  };
  // Expired or unreadable expiry: the directive stops suppressing, so its findings come back beside this one.
  const directives = all.filter((d) => {
    if (d.badUntil !== undefined) {
      report(d, 'error', `Expiry '(until ${d.badUntil})' of blueprint-lint-${d.kind} is not a date YYYY-MM-DD; the directive suppresses nothing until it is fixed`);
      return false;
    }
    if (d.until !== undefined && options.today > d.until) {
      report(d, 'warning', `Suppression blueprint-lint-${d.kind} ${ruleNames(d.rules)} expired after ${d.until}; what it silenced is reported again`);
      return false;
    }
    return true;
  });
  const silenced = new Map<Directive, number>();
  const reports = (): DirectiveReport[] =>
    all.map((d) => ({ ...d, state: d.badUntil !== undefined ? 'bad-date' : d.until !== undefined && options.today > d.until ? 'expired' : 'active', silenced: silenced.get(d) ?? 0 }));
  if (directives.length === 0) return { kept: findings, suppressed: [], directiveFindings, directives: reports() };
  // The first step with a given title start, as a finding names its step by that offset.
  const stepByTitle = new Map<number, Step>();
  const stepsByLine = new Map<number, Step[]>();
  for (const s of steps) {
    if (!stepByTitle.has(s.titleSpan.start)) stepByTitle.set(s.titleSpan.start, s);
    const l = lines.position(s.titleSpan.start).line;
    const onLine = stepsByLine.get(l);
    if (onLine) onLine.push(s);
    else stepsByLine.set(l, [s]);
  }
  const fileWide: Directive[] = [];
  const byStep = new Map<Step, Directive[]>();
  const byLine = new Map<number, Directive[]>();
  const byNextLine = new Map<number, Directive[]>();
  const ranges: Directive[] = [];
  const nextLineAfter = new Map<number, number>();
  const add = <K>(map: Map<K, Directive[]>, key: K, d: Directive) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        fileWide.push(d);
        break;
      case 'disable-step': {
        const owner = ownerOf(d, stepsByLine.get(lines.position(d.offset).line) ?? []);
        if (owner) add(byStep, owner, d);
        break;
      }
      case 'disable-line':
        add(byLine, lines.position(d.offset).line, d);
        break;
      case 'disable-next-line': {
        const from = lines.position(d.endOffset).line;
        let next = nextLineAfter.get(from);
        if (next === undefined) {
          next = nextContentLine(lines, text, from);
          nextLineAfter.set(from, next);
        }
        // -1 (no content after it) matches the title line of a finding without a step, as it always has.
        add(byNextLine, next, d);
        break;
      }
      case 'disable':
      case 'enable':
        ranges.push(d);
        break;
    }
  }
  // Per rule: the disable/enable directives that apply to it, in document order (directives come sorted).
  const rangesByRule = new Map<string, Directive[]>();
  const rangesFor = (ruleId: string) => {
    let list = rangesByRule.get(ruleId);
    if (!list) {
      list = ranges.filter((d) => applies(d, ruleId));
      rangesByRule.set(ruleId, list);
    }
    return list;
  };
  const find = (list: readonly Directive[] | undefined, ruleId: string) => list?.find((d) => applies(d, ruleId));
  const silencer = (f: Finding<F>): Directive | undefined => {
    const step = f.stepTitleSpan ? stepByTitle.get(f.stepTitleSpan.start) : undefined;
    // disable-next-line before a step's title covers the step's findings on later lines too.
    const titleLine = step ? lines.position(step.titleSpan.start).line : -1;
    const d =
      find(fileWide, f.ruleId) ??
      (step && find(byStep.get(step), f.ruleId)) ??
      find(byLine.get(f.start.line), f.ruleId) ??
      find(byNextLine.get(f.start.line), f.ruleId) ??
      find(byNextLine.get(titleLine), f.ruleId);
    if (d) return d;
    // The last disable or enable at or before the finding decides.
    const list = rangesFor(f.ruleId);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.offset <= f.span.start) lo = mid + 1;
      else hi = mid;
    }
    const last = lo > 0 ? list[lo - 1]! : undefined;
    return last?.kind === 'disable' ? last : undefined;
  };
  const kept: Array<Finding<F>> = [];
  const suppressed: Array<Finding<F>> = [];
  // Per directive, the rule ids it silenced something of ('' for a directive naming no rule).
  const used = new Map<Directive, Set<string>>();
  for (const f of findings) {
    const d = silencer(f);
    if (!d) {
      kept.push(f);
      continue;
    }
    const by: NonNullable<Finding['suppressedBy']> = { directive: `blueprint-lint-${d.kind}` };
    if (d.reason !== undefined) by.reason = d.reason;
    if (d.until !== undefined) by.until = d.until;
    suppressed.push({ ...f, suppressedBy: by });
    silenced.set(d, (silenced.get(d) ?? 0) + 1);
    let ids = used.get(d);
    if (!ids) used.set(d, (ids = new Set()));
    ids.add(d.rules.length === 0 ? '' : f.ruleId);
  }
  if (options.reportUnused) {
    for (const d of directives) {
      if (d.kind === 'enable') continue;
      const ids = used.get(d);
      const unused = d.rules.length === 0 ? (ids ? [] : ['']) : d.rules.filter((r) => !ids?.has(r));
      if (unused.length === 0) continue;
      const what = unused[0] === '' ? 'no finding' : `no ${unused.map((r) => `'${r}'`).join(', ')} finding`;
      report(d, 'warning', `Unused blueprint-lint-${d.kind} directive: it silences ${what}`);
    }
  }
  return { kept, suppressed, directiveFindings, directives: reports() };
}

function ruleNames(rules: readonly string[]): string {
  return rules.length === 0 ? '(every rule)' : rules.join(', ');
}

function nextContentLine(lines: LineIndex, text: string, line: number): number {
  for (let l = line + 1; l <= lines.lineCount; l++) {
    if (text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() !== '') return l;
  }
  return -1;
}

/** The step a disable-step comment belongs to: the nearest step title before it on the same line. */
function ownerOf(d: Directive, onLine: readonly Step[]): Step | undefined {
  let owner: Step | undefined;
  for (const s of onLine) {
    if (s.titleSpan.start > d.offset) continue;
    if (!owner || s.titleSpan.start > owner.titleSpan.start) owner = s;
  }
  return owner;
}
