import type { FileReport, FormatContext } from '../report.js';

/** JUnit XML for CI test-report views: one testsuite per file, one failing testcase per finding, one passing testcase for a clean file. */
export function formatJunit(reports: readonly FileReport[], ctx: FormatContext): string {
  void ctx;
  let suites = '';
  let tests = 0;
  let failures = 0;
  for (const report of reports) {
    const file = escapeXml(report.file);
    let cases = '';
    for (const f of report.findings) {
      const where = `${f.start.line}:${f.start.column}`;
      const detail = `${f.severity} at ${report.file}:${where}: ${f.message} (${f.ruleId})`;
      cases +=
        `    <testcase classname="${file}" name="${escapeXml(`${where} ${f.ruleId}`)}">\n` +
        `      <failure type="${escapeXml(f.ruleId)}" message="${escapeXml(f.message)}">${escapeXml(detail)}</failure>\n` +
        `    </testcase>\n`;
    }
    const count = Math.max(report.findings.length, 1);
    if (report.findings.length === 0) cases = `    <testcase classname="${file}" name="blueprint-lint"/>\n`;
    tests += count;
    failures += report.findings.length;
    suites += `  <testsuite name="${file}" tests="${count}" failures="${report.findings.length}" errors="0">\n${cases}  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="blueprint-lint" tests="${tests}" failures="${failures}" errors="0">\n${suites}</testsuites>\n`;
}

/** Text and attribute escaping; characters XML 1.0 cannot hold at all become U+FFFD. */
export function escapeXml(s: string): string {
  return (
    s
      // XML 1.0 cannot carry these control characters at all, even escaped
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
  );
}
