// `inspect --explain`: why a file is or is not a blueprint, which label went to which lane and why, what fired, what was skipped.
import type { Nodes, Root } from 'mdast';
import { normaliseTitle } from '../engine/blueprint/build.js';
import { explainReading, type LaneReading } from '../engine/blueprint/laneReading.js';
import { laneTable, readLane } from '../engine/blueprint/lanes.js';
import { lint, type LintResult, type ResolvedConfig, type Step } from '../engine/index.js';
import { parseMarkdown } from '../engine/parse.js';

export interface Explanation {
  /** One sentence: linted or not, and why. */
  verdict: string;
  language?: string;
  labels: Array<{ label: string; lane: string; why: string; line: number; column: number }>;
  verdicts: Array<{ step: string; line: number; flagged: boolean; why: string }>;
  skipped: Array<{ line: number; what: string; why: string }>;
}

const VERDICT: Record<string, string> = {
  'front-matter': 'linted as a blueprint: its front matter says so',
  glob: 'linted as a blueprint: its path matches the blueprint file globs (or it was forced)',
  lanes: 'linted as a blueprint: a step carries labels of two different service lanes',
  disabled: 'not linted: linting is turned off for it',
  none: 'not linted: no step carries labels of two different service lanes, and neither front matter nor path marks it as a blueprint',
};

/** Why a step is flagged or not, in one line: what promised, what supported, and what was read and rejected. */
function stepVerdict(step: Step, flagged: boolean): string {
  const benefits = step.benefits.map((b) => `"${b.text}" (${b.source}: ${b.why ?? b.entry})`);
  const supports = step.supports.map((s) => `"${s.text}" (${s.kind}, ${s.source}: ${s.why ?? s.entry})`);
  const rejected = (step.rejected ?? []).map((r) => `"${r.text}" as ${r.as}: ${r.reason}`);
  const promise = benefits.length ? `promise ${benefits.join(', ')}` : 'no promise found';
  const support = supports.length ? `support ${supports.join(', ')}` : step.lanes.some((l) => l.kind === 'support' && l.placeholder) ? 'the support lane is a placeholder' : 'no support found';
  return `${flagged ? 'flagged' : 'not flagged'}: ${promise}; ${support}${rejected.length ? `; rejected ${rejected.join(', ')}` : ''}`;
}

function headingText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(headingText).join('') : '';
}

/** Block nodes no step was read from: tables that were not read, diagrams, HTML, and headed sections read as commentary. */
function skipped(root: Root, result: LintResult, steps: readonly Step[]): Explanation['skipped'] {
  // A block a step was read from, whole or in part (a table whose rows are steps, a MyST directive holding lanes).
  const covered = (start: number, end: number) => steps.some((s) => s.span.start < end && start < s.span.end);
  const out: Explanation['skipped'] = [];
  const line = (n: Nodes) => result.lines.position(n.position?.start.offset ?? 0).line;
  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (covered(start, end)) continue;
    if (node.type === 'table') out.push({ line: line(node), what: 'table', why: 'neither its header row nor its first column holds labels of two lanes' });
    else if (node.type === 'code' && /^mermaid\b/i.test(node.lang ?? '')) out.push({ line: line(node), what: 'Mermaid diagram', why: 'diagrams are not read' });
    else if (node.type === 'code') out.push({ line: line(node), what: 'code block', why: 'code blocks are not read' });
    else if (node.type === 'html' && /<table/i.test(node.value)) out.push({ line: line(node), what: 'HTML table', why: 'neither its header row nor its first column holds labels of two lanes' });
    // A heading is read when it groups steps or titles one (a table's step titled by the heading above it).
    else if (node.type === 'heading' && node.depth > 1 && !steps.some((s) => s.group === normaliseTitle(headingText(node)) || (s.titleSpan.start >= start && s.titleSpan.start < end))) {
      out.push({ line: line(node), what: 'section', why: 'read as commentary: a legend, summary or note, or prose beside no step with lanes' });
    }
  }
  return out;
}

/** The explanation of one file (the lint it explains is run again with the file forced to a blueprint, to show every label). */
export function explain(text: string, filePath: string, config: ResolvedConfig, result: LintResult): Explanation {
  const b = result.blueprint;
  let verdict = VERDICT[b.reason] ?? b.reason;
  if (b.looksLike) verdict += `; its ${b.looksLike.why} calls it a ${b.looksLike.words.toLowerCase()}`;
  const forced = b.isBlueprint ? result : lint(text, { filePath, config, forceBlueprint: true });
  const table = laneTable(config.lanes);
  const labels: Explanation['labels'] = [];
  for (const step of forced.blueprint.steps) {
    for (const lane of step.lanes) {
      const at = forced.lines.position(lane.labelSpan.start);
      if (labels.some((l) => l.line === at.line && l.column === at.column)) continue;
      const reading: LaneReading | undefined =
        lane.basis === 'unplaced' ? { kind: 'other', basis: 'unplaced', words: '' } : (readLane(lane.label, table) ?? { kind: lane.kind, basis: 'context', words: lane.label });
      const why = lane.basis === 'context' ? explainReading(lane.label, { ...reading, basis: 'context' }) : explainReading(lane.label, reading);
      labels.push({ label: lane.label, lane: lane.kind, why, line: at.line, column: at.column });
    }
  }
  const flaggedSteps = new Set(result.findings.filter((f) => f.ruleId === 'benefit-needs-support').map((f) => f.stepTitleSpan?.start));
  const verdicts = b.isBlueprint
    ? b.steps.map((s) => ({ step: s.title, line: result.lines.position(s.span.start).line, flagged: flaggedSteps.has(s.titleSpan.start), why: stepVerdict(s, flaggedSteps.has(s.titleSpan.start)) }))
    : [];
  const out: Explanation = { verdict, labels, verdicts, skipped: skipped(parseMarkdown(text), forced, forced.blueprint.steps) };
  if (b.language) out.language = b.language;
  return out;
}
