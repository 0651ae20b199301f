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

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/** Drops findings silenced by directives (spec 8). */
export function applySuppressions(findings: Finding[], directives: readonly Directive[], lines: LineIndex, text: string, steps: readonly Step[]): Finding[] {
  if (directives.length === 0) return findings;
  const stepOf = (f: Finding) => steps.find((s) => s.titleSpan.start === f.stepTitleSpan?.start);
  return findings.filter((f) => {
    const line = f.start.line;
    const step = stepOf(f);
    const titleLine = step ? lines.position(step.titleSpan.start).line : -1;
    let disabled = false;
    for (const d of directives) {
      if (!applies(d, f.ruleId)) continue;
      switch (d.kind) {
        case 'disable-file':
          return false;
        case 'disable-step':
          if (step && ownerOf(d, steps, lines) === step) return false;
          break;
        case 'disable-line':
          if (lines.position(d.offset).line === line) return false;
          break;
        case 'disable-next-line': {
          const next = nextContentLine(lines, text, lines.position(d.endOffset).line);
          if (next === line || next === titleLine) return false;
          break;
        }
        case 'disable':
          if (d.offset <= f.span.start) disabled = true;
          break;
        case 'enable':
          if (d.offset <= f.span.start) disabled = false;
          break;
      }
    }
    return !disabled;
  });
}

function nextContentLine(lines: LineIndex, text: string, line: number): number {
  for (let l = line + 1; l <= lines.lineCount; l++) {
    if (text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() !== '') return l;
  }
  return -1;
}

/** The step a disable-step comment belongs to: the nearest step title before it on the same line. */
function ownerOf(d: Directive, steps: readonly Step[], lines: LineIndex): Step | undefined {
  const line = lines.position(d.offset).line;
  let owner: Step | undefined;
  for (const s of steps) {
    if (s.titleSpan.start > d.offset || lines.position(s.titleSpan.start).line !== line) continue;
    if (!owner || s.titleSpan.start > owner.titleSpan.start) owner = s;
  }
  return owner;
}
