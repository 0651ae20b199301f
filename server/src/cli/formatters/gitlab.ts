import { isAbsolute, relative } from 'node:path';
import { type FileReport, type FormatContext } from '../report.js';
import { toForwardSlashes } from '../../files/paths.js';
import { fingerprinter } from './fingerprint.js';

/** GitLab Code Quality severities: blueprint errors block as "major", warnings are "minor". */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** One GitLab Code Quality issue (the subset of the Code Climate format GitLab reads). */
export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: (typeof SEVERITY)[keyof typeof SEVERITY];
  location: { path: string; lines: { begin: number; end: number } };
}

/** A GitLab Code Quality report (artifacts:reports:codequality): one JSON array, paths relative to the repository root (cwd). */
export function formatGitlab(reports: readonly FileReport[], ctx: FormatContext): string {
  const issues: GitlabIssue[] = [];
  for (const report of reports) {
    const path = repositoryPath(report, ctx.cwd);
    const fingerprint = fingerprinter(path);
    for (const f of report.findings) {
      issues.push({
        description: `${f.message} (${f.ruleId})`,
        check_name: f.ruleId,
        fingerprint: fingerprint(f),
        severity: SEVERITY[f.severity],
        location: { path, lines: { begin: f.start.line, end: f.end.line } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function repositoryPath(report: FileReport, cwd: string): string {
  const rel = relative(cwd, report.absolutePath);
  return toForwardSlashes(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : report.absolutePath);
}
