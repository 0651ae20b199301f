import type { FileReport, FormatContext } from '../report.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export function formatGithub(reports: readonly FileReport[], ctx: FormatContext): string {
  void ctx;
  let out = '';
  for (const report of reports) {
    for (const f of report.findings) {
      const props = [
        `file=${escapeProperty(report.file)}`,
        `line=${f.start.line}`,
        `col=${f.start.column}`,
        `endLine=${f.end.line}`,
        `endColumn=${f.end.column}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      out += `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
  }
  return out;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
