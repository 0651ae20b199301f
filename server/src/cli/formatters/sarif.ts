import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../../engine/index.js';
import type { FileReport, FormatContext } from '../report.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;
const INFORMATION_URI = 'https://github.com/blueprint-lint/blueprint-lint';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

/** SARIF 2.1.0 for code-scanning uploads: one run, every rule described, results with stable fingerprints. */
export function formatSarif(reports: readonly FileReport[], ctx: FormatContext): string {
  const rules: SarifRule[] = ctx.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    helpUri: docsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      // A finding from a rule the registry does not list (e.g. an engine notice) still needs a descriptor.
      i = rules.push({ id, shortDescription: { text: id }, fullDescription: { text: id }, helpUri: docsUrl(id), defaultConfiguration: { level: 'warning' } }) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };

  const results = [];
  for (const report of reports) {
    const uri = artifactUri(report, ctx.cwd);
    const seen = new Map<string, number>();
    for (const f of report.findings) {
      const identity = [f.ruleId, uri, f.step ?? '', f.message].join('\u0000');
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      results.push({
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: uri.relative ? { uri: uri.uri, uriBaseId: '%SRCROOT%' } : { uri: uri.uri },
              region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
            },
          },
        ],
        // Line-independent, so moving a step does not turn an old finding into a new one.
        partialFingerprints: { 'blueprintLint/v1': createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32) },
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'blueprint-lint', version: ctx.version, semanticVersion: ctx.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative to cwd (forward slashes, percent-encoded) when the file is under it, else an absolute file: URI. */
function artifactUri(report: FileReport, cwd: string): { uri: string; relative: boolean } {
  const rel = relative(cwd, report.absolutePath);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(/[\\/]/).map(encodeURIComponent).join('/'), relative: true };
  }
  return { uri: pathToFileURL(report.absolutePath).href, relative: false };
}
