import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../../engine/index.js';
import type { Finding } from '../../engine/index.js';
import type { FileReport, FormatContext } from '../report.js';
import { fingerprinter } from './fingerprint.js';

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
    const fingerprint = fingerprinter(uri.uri);
    // Kept findings first, so a suppressed one never shifts the fingerprints of the others.
    for (const f of [...report.findings, ...(report.suppressed ?? [])]) {
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
        partialFingerprints: { 'blueprintLint/v1': fingerprint(f) },
        ...(f.suppressedBy ? { suppressions: [suppression(f.suppressedBy)] } : {}),
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

/** A SARIF suppression written in the source: the directive's reason as justification, its expiry as a property. */
function suppression(by: NonNullable<Finding['suppressedBy']>) {
  return {
    kind: 'inSource',
    ...(by.reason !== undefined ? { justification: by.reason } : {}),
    properties: { directive: by.directive, ...(by.until !== undefined ? { until: by.until } : {}) },
  };
}

/** Relative to cwd (forward slashes, percent-encoded) when the file is under it, else an absolute file: URI. */
function artifactUri(report: FileReport, cwd: string): { uri: string; relative: boolean } {
  const rel = relative(cwd, report.absolutePath);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(/[\\/]/).map(encodeURIComponent).join('/'), relative: true };
  }
  return { uri: pathToFileURL(report.absolutePath).href, relative: false };
}
