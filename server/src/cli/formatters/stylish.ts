import { countFindings, type FileReport, type FormatContext } from '../report.js';

const ansi = { underline: [4, 24], bold: [1, 22], red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], dim: [2, 22] } as const;
type Style = keyof typeof ansi;

/** ESLint-like human output: a header per file, aligned rows, one summary line (also for a clean run, unless --quiet). */
export function formatStylish(reports: readonly FileReport[], ctx: FormatContext): string {
  const paint = (style: Style, s: string): string => (ctx.color ? `\u001b[${ansi[style][0]}m${s}\u001b[${ansi[style][1]}m` : s);
  const severityStyle = { error: 'red', warning: 'yellow', info: 'blue' } as const;
  let out = '';
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => ({
      where: `${f.start.line}:${f.start.column}`,
      severity: f.severity,
      message: f.message.replace(/\s*\r?\n\s*/g, ' '),
      rule: f.ruleId,
    }));
    const width = (pick: (r: (typeof rows)[number]) => string): number => Math.max(...rows.map((r) => pick(r).length));
    const w = { where: width((r) => r.where), severity: width((r) => r.severity), message: width((r) => r.message) };
    out += `\n${paint('underline', report.file)}\n`;
    for (const r of rows) {
      const line = [paint('dim', r.where.padEnd(w.where)), paint(severityStyle[r.severity], r.severity.padEnd(w.severity)), r.message.padEnd(w.message), paint('dim', r.rule)].join('  ');
      out += `  ${line}\n`;
    }
  }
  const t = countFindings(reports);
  const total = t.errors + t.warnings + t.infos;
  // a clean run says so (and how much it read), so an empty output never hides a run that linted nothing
  if (total === 0) return ctx.quiet ? '' : `${paint('green', `\u2714 no problems in ${plural(reports.length, 'file')}`)}\n`;
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')})`;
  out += `\n${paint('bold', paint(t.errors > 0 ? 'red' : t.warnings > 0 ? 'yellow' : 'blue', summary))}\n`;
  if (t.fixable > 0 && !ctx.fixed) out += `  ${plural(t.fixable, 'problem')} fixable with the --fix option.\n`;
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
