import type { Root, Nodes } from 'mdast';
import type { LineIndex } from './text.js';
import type { Finding, Step } from './types.js';

type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable-step';

interface Directive {
  kind: DirectiveKind;
  /** Empty = every rule. */
  rules: string[];
  offset: number;
  endOffset: number;
}

/** Every directive comment holds this. */
export const DIRECTIVE_PREFIX = 'blueprint-lint-';
const DIRECTIVE = /<!--\s*blueprint-lint-(disable-next-line|disable-line|disable-file|disable-step|disable|enable)\b([\s\S]*?)-->/g;

/** Finds suppression comments in HTML nodes (block and inline); comments inside code are not directives. */
export function findDirectives(root: Root): Directive[] {
  const out: Directive[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'html') {
      const base = n.position?.start.offset ?? 0;
      for (const m of n.value.matchAll(DIRECTIVE)) {
        const rules = m[2]!.replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
        out.push({ kind: m[1] as DirectiveKind, rules, offset: base + m.index!, endOffset: base + m.index! + m[0].length });
      }
    } else if ('children' in n) {
      for (const c of n.children as Nodes[]) visit(c);
    }
  };
  visit(root);
  return out.sort((a, b) => a.offset - b.offset);
}

const chunkDirectives = new WeakMap<Root, Directive[]>();

/** findDirectives of the document from its chunks' trees (positions relative to each chunk), each cached tree read once. */
export function findChunkDirectives(chunks: ReadonlyArray<{ start: number; tree: Root }>): Directive[] {
  const out: Directive[] = [];
  for (const c of chunks) {
    let found = chunkDirectives.get(c.tree);
    if (!found) chunkDirectives.set(c.tree, (found = findDirectives(c.tree)));
    for (const d of found) out.push(c.start === 0 ? d : { ...d, offset: d.offset + c.start, endOffset: d.endOffset + c.start });
  }
  return out;
}

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/** Drops findings silenced by directives (spec 8); directives are indexed once, so the cost is linear in findings + directives. */
export function applySuppressions(findings: Finding[], directives: readonly Directive[], lines: LineIndex, text: string, steps: readonly Step[]): Finding[] {
  if (directives.length === 0) return findings;
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
  const any = (list: readonly Directive[] | undefined, ruleId: string) => list !== undefined && list.some((d) => applies(d, ruleId));
  return findings.filter((f) => {
    if (any(fileWide, f.ruleId)) return false;
    const step = f.stepTitleSpan ? stepByTitle.get(f.stepTitleSpan.start) : undefined;
    if (step && any(byStep.get(step), f.ruleId)) return false;
    if (any(byLine.get(f.start.line), f.ruleId) || any(byNextLine.get(f.start.line), f.ruleId)) return false;
    // disable-next-line before a step's title covers the step's findings on later lines too.
    const titleLine = step ? lines.position(step.titleSpan.start).line : -1;
    if (any(byNextLine.get(titleLine), f.ruleId)) return false;
    // The last disable or enable at or before the finding decides.
    const list = rangesFor(f.ruleId);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.offset <= f.span.start) lo = mid + 1;
      else hi = mid;
    }
    return !(lo > 0 && list[lo - 1]!.kind === 'disable');
  });
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
