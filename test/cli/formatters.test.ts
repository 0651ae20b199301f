import assert from 'node:assert/strict';
import type { Finding, Rule } from '../../server/src/engine/index.js';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github.js';
import { formatJson } from '../../server/src/cli/formatters/json.js';
import { formatSarif } from '../../server/src/cli/formatters/sarif.js';
import { formatStylish } from '../../server/src/cli/formatters/stylish.js';
import type { FileReport, FormatContext } from '../../server/src/cli/report.js';

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message'>): Finding {
  return {
    span: { start: 0, end: 1 },
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: 2, offset: 1 },
    step: null,
    fixes: [],
    ...over,
  };
}

const rule = (id: string, defaultSeverity: Rule['defaultSeverity']): Rule => ({ id, description: `Describes ${id}.`, defaultSeverity, fixable: false, check: () => undefined });

const reports: FileReport[] = [
  {
    file: 'docs/checkin.blueprint.md',
    absolutePath: '/repo/docs/checkin.blueprint.md',
    findings: [
      finding({
        ruleId: 'benefit-needs-support',
        severity: 'warning',
        message: 'Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.',
        start: { line: 6, column: 44, offset: 120 },
        end: { line: 6, column: 56, offset: 132 },
        step: 'Check-in',
        fixes: [{ title: 'Add a support lane', kind: 'add-support', edits: [], safe: false }],
      }),
      finding({ ruleId: 'unknown-lane', severity: 'error', message: 'Unknown lane "Frontstge".', start: { line: 12, column: 3, offset: 200 }, end: { line: 12, column: 12, offset: 209 }, step: 'Pay', fixes: [{ title: 'Rename', kind: 'rename', edits: [], safe: true }] }),
    ],
  },
  { file: 'docs/clean.blueprint.md', absolutePath: '/repo/docs/clean.blueprint.md', findings: [] },
  {
    file: 'a, b/odd:name%.md',
    absolutePath: '/repo/a, b/odd:name%.md',
    findings: [finding({ ruleId: 'duplicate-step', severity: 'info', message: 'Line one\r\nhas 100% of "x"', step: null })],
  },
];

const ctx: FormatContext = {
  cwd: '/repo',
  color: false,
  version: '9.8.7',
  rules: [rule('benefit-needs-support', 'warning'), rule('unknown-lane', 'warning'), rule('duplicate-step', 'info')],
  fixed: false,
};

describe('cli formatters', () => {
  it('json: one array of spec 10 entries, keys in contract order', () => {
    const parsed = JSON.parse(formatJson(reports, ctx)) as Array<Record<string, unknown>>;
    assert.equal(parsed.length, 3);
    assert.deepEqual(Object.keys(parsed[0]!), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'step']);
    assert.deepEqual(parsed[0], {
      file: 'docs/checkin.blueprint.md',
      line: 6,
      column: 44,
      endLine: 6,
      endColumn: 56,
      rule: 'benefit-needs-support',
      severity: 'warning',
      message: 'Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.',
      step: 'Check-in',
    });
    assert.equal(parsed[2]!['step'], null);
    assert.equal(formatJson([], ctx), '[]\n');
  });

  it('stylish: underlined-file header, aligned rows, summary with counts and the --fix hint', () => {
    const out = formatStylish(reports, ctx);
    assert.equal(
      out,
      [
        '',
        'docs/checkin.blueprint.md',
        '  6:44  warning  Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.  benefit-needs-support',
        '  12:3  error    Unknown lane "Frontstge".                                                                             unknown-lane',
        '',
        'a, b/odd:name%.md',
        '  1:1  info  Line one has 100% of "x"  duplicate-step',
        '',
        '\u2716 3 problems (1 error, 1 warning, 1 info)',
        '  1 problem fixable with the --fix option.',
        '',
      ].join('\n'),
    );
    assert.equal(formatStylish([reports[1]!], ctx), '', 'nothing to report prints nothing');
    assert.ok(!formatStylish(reports, { ...ctx, fixed: true }).includes('--fix'));
  });

  it('stylish: colours only when asked', () => {
    const coloured = formatStylish(reports, { ...ctx, color: true });
    assert.ok(coloured.includes('\u001b[4mdocs/checkin.blueprint.md\u001b[24m'));
    assert.ok(coloured.includes('\u001b[31merror'));
    assert.ok(!formatStylish(reports, ctx).includes('\u001b['));
  });

  it('github: one workflow command per finding, notice for info, escaped properties and data', () => {
    const lines = formatGithub(reports, ctx).trimEnd().split('\n');
    assert.deepEqual(lines, [
      '::warning file=docs/checkin.blueprint.md,line=6,col=44,endLine=6,endColumn=56,title=benefit-needs-support::Step "Check-in" promises "free upgrade" but names no employee resource, tool or authority behind it.',
      '::error file=docs/checkin.blueprint.md,line=12,col=3,endLine=12,endColumn=12,title=unknown-lane::Unknown lane "Frontstge".',
      '::notice file=a%2C b/odd%3Aname%25.md,line=1,col=1,endLine=1,endColumn=2,title=duplicate-step::Line one%0D%0Ahas 100%25 of "x"',
    ]);
    assert.equal(escapeData('50%\n:,'), '50%25%0A:,');
    assert.equal(escapeProperty('a:b,c%\r'), 'a%3Ab%2Cc%25%0D');
  });

  it('sarif: 2.1.0 log with rule descriptors, levels, relative URIs, regions and fingerprints', () => {
    const log = JSON.parse(formatSarif(reports, ctx));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'blueprint-lint');
    assert.equal(run.tool.driver.version, '9.8.7');
    assert.equal(typeof run.tool.driver.informationUri, 'string');
    assert.deepEqual(run.tool.driver.rules[0], {
      id: 'benefit-needs-support',
      shortDescription: { text: 'Describes benefit-needs-support.' },
      fullDescription: { text: 'Describes benefit-needs-support.' },
      helpUri: 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/benefit-needs-support.md',
      defaultConfiguration: { level: 'warning' },
    });
    assert.equal(run.tool.driver.rules[2].defaultConfiguration.level, 'note');
    assert.deepEqual(
      run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
      [['benefit-needs-support', 0, 'warning'], ['unknown-lane', 1, 'error'], ['duplicate-step', 2, 'note']],
    );
    const first = run.results[0];
    assert.equal(first.message.text, reports[0]!.findings[0]!.message);
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'docs/checkin.blueprint.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 44, endLine: 6, endColumn: 56 },
    });
    assert.equal(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'a%2C%20b/odd%3Aname%25.md');
    assert.match(first.partialFingerprints['blueprintLint/v1'], /^[0-9a-f]{32}$/);
    const moved = JSON.parse(formatSarif([{ ...reports[0]!, findings: [{ ...reports[0]!.findings[0]!, start: { line: 9, column: 44, offset: 300 } }] }], ctx));
    assert.equal(moved.runs[0].results[0].partialFingerprints['blueprintLint/v1'], first.partialFingerprints['blueprintLint/v1'], 'fingerprint survives a move');
  });

  it('sarif: a finding from a rule outside the registry still gets a descriptor', () => {
    const log = JSON.parse(formatSarif([reports[2]!], { ...ctx, rules: [] }));
    assert.equal(log.runs[0].tool.driver.rules[0].id, 'duplicate-step');
    assert.equal(log.runs[0].results[0].ruleIndex, 0);
  });
});
