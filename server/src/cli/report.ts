import type { Finding, Rule } from '../engine/index.js';

/** One linted file as the formatters see it. */
export interface FileReport {
  /** Path as given on the command line, or relative to cwd; always forward slashes. */
  file: string;
  absolutePath: string;
  findings: Finding[];
  /** Findings silenced by directives, with `suppressedBy`; formatters other than SARIF ignore them. */
  suppressed?: Finding[];
}

/** What every formatter may use besides the findings. */
export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  rules: readonly Rule[];
  /** Whether --fix ran (stylish then omits the "fixable with --fix" hint). */
  fixed: boolean;
  /** Whether --quiet asked for errors only (stylish then prints nothing for a clean run). */
  quiet?: boolean;
}

export type Formatter = (reports: readonly FileReport[], ctx: FormatContext) => string;

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function countFindings(reports: readonly FileReport[]): Totals {
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const report of reports) {
    for (const f of report.findings) {
      if (f.severity === 'error') totals.errors++;
      else if (f.severity === 'warning') totals.warnings++;
      else totals.infos++;
      if (f.fixes.some((fix) => fix.safe)) totals.fixable++;
    }
  }
  return totals;
}
