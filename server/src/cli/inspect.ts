import type { LintResult, StepShape, SupportKind } from '../engine/index.js';

/** The spec 10 `inspect` contract. */
export interface InspectModel {
  blueprint: boolean;
  steps: Array<{
    title: string;
    line: number;
    endLine: number;
    shape: StepShape;
    lanes: Record<string, string[]>;
    benefits: Array<{ text: string; line: number; column: number }>;
    supports: Array<{ kind: SupportKind; text: string; line: number; column: number }>;
  }>;
}

export function inspectModel(result: LintResult): InspectModel {
  const at = (offset: number): { line: number; column: number } => {
    const p = result.lines.position(offset);
    return { line: p.line, column: p.column };
  };
  return {
    blueprint: result.blueprint.isBlueprint,
    steps: result.blueprint.steps.map((step) => {
      const lanes: Record<string, string[]> = {};
      for (const lane of step.lanes) (lanes[lane.kind] ??= []).push(lane.content.text);
      // span.end is exclusive: the step's last line is the one holding its last character.
      const last = step.span.end > step.span.start ? step.span.end - 1 : step.span.start;
      return {
        title: step.title,
        line: at(step.span.start).line,
        endLine: at(last).line,
        shape: step.shape,
        lanes,
        benefits: step.benefits.map((b) => ({ text: b.text, ...at(b.span.start) })),
        supports: step.supports.map((s) => ({ kind: s.kind, text: s.text, ...at(s.span.start) })),
      };
    }),
  };
}
