import type { FileReport, FormatContext } from '../report.js';

/** One entry of the spec 10 JSON contract; key order is part of what people diff. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  step: string | null;
}

/** Exactly one JSON array on stdout (spec 10), also when there is nothing to report. */
export function formatJson(reports: readonly FileReport[], ctx: FormatContext): string {
  void ctx;
  const entries: JsonFinding[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      entries.push({
        file: report.file,
        line: f.start.line,
        column: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        step: f.step,
      });
    }
  }
  return `${JSON.stringify(entries, null, 2)}\n`;
}
