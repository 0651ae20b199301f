import assert from 'node:assert/strict';
import type { Finding, Rule } from '../../server/src/engine/index.js';
import { XMLParser } from 'fast-xml-parser';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github.js';
import { formatGitlab } from '../../server/src/cli/formatters/gitlab.js';
import { formatJson } from '../../server/src/cli/formatters/json.js';
import { formatJunit } from '../../server/src/cli/formatters/junit.js';
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

const rule = (id: string, defaultSeverity: Rule['defaultSeverity']): Rule => ({
  id,
  description: `Describes ${id}.`,
  summary: id,
  fixSummary: 'none',
  defaultSeverity,
  fixable: false,
  check: () => undefined,
});

const reports: FileReport[] = [
  {
    file: 'docs/checkin.blueprint.md',
    absolutePath: '/repo/docs/checkin.blueprint.md',
    findings: [
      finding({
        ruleId: 'benefit-needs-support',
        severity: 'warning',
        message: 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.',
        start: { line: 6, column: 44, offset: 120 },
        end: { line: 6, column: 56, offset: 132 },
        step: 'Check-in',
        fixes: [{ title: 'Add a support lane', kind: 'add-support', intent: { kind: 'disable-file', ruleId: 'benefit-needs-support' }, edits: [], safe: false }],
      }),
      finding({
        ruleId: 'unknown-lane',
        severity: 'error',
        message: 'Unknown lane "Frontstge".',
        start: { line: 12, column: 3, offset: 200 },
        end: { line: 12, column: 12, offset: 209 },
        step: 'Pay',
        fixes: [{ title: 'Rename', kind: 'rename', intent: { kind: 'replace', span: { start: 200, end: 209 }, text: 'Frontstage' }, edits: [], safe: true }],
      }),
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
      message: 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.',
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
        '  6:44  warning  Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.  benefit-needs-support',
        '  12:3  error    Unknown lane "Frontstge".                                                                                         unknown-lane',
        '',
        'a, b/odd:name%.md',
        '  1:1  info  Line one has 100% of "x"  duplicate-step',
        '',
        '\u2716 3 problems (1 error, 1 warning, 1 info)',
        '  1 problem fixable with the --fix option.',
        '',
      ].join('\n'),
    );
    assert.equal(formatStylish([reports[1]!], ctx), '\u2714 no problems in 1 file\n', 'a clean run says so');
    assert.equal(formatStylish([reports[1]!, reports[1]!], { ...ctx, color: true }), '\u001b[32m\u2714 no problems in 2 files\u001b[39m\n');
    assert.equal(formatStylish([reports[1]!], { ...ctx, quiet: true }), '', '--quiet prints nothing for a clean run');
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
      '::warning file=docs/checkin.blueprint.md,line=6,col=44,endLine=6,endColumn=56,title=benefit-needs-support::Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.',
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
      [
        ['benefit-needs-support', 0, 'warning'],
        ['unknown-lane', 1, 'error'],
        ['duplicate-step', 2, 'note'],
      ],
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

  it('sarif: a suppressed finding is a result with an inSource suppression carrying the reason; kept fingerprints do not move', () => {
    const silenced = finding({
      ruleId: 'unknown-lane',
      severity: 'error',
      message: 'Unknown lane "Frontstge".',
      step: 'Pay',
      suppressedBy: { directive: 'blueprint-lint-disable-next-line', reason: 'legacy template', until: '2027-03-31' },
    });
    const plain = JSON.parse(formatSarif([reports[0]!], ctx)).runs[0].results;
    const withSuppressed = JSON.parse(
      formatSarif([{ ...reports[0]!, suppressed: [silenced, finding({ ruleId: 'empty-lane', severity: 'warning', message: 'm', suppressedBy: { directive: 'blueprint-lint-disable-file' } })] }], ctx),
    ).runs[0].results;
    assert.equal(withSuppressed.length, 4);
    assert.deepEqual(withSuppressed.slice(0, 2), plain);
    assert.deepEqual(withSuppressed[2].suppressions, [{ kind: 'inSource', justification: 'legacy template', properties: { directive: 'blueprint-lint-disable-next-line', until: '2027-03-31' } }]);
    assert.deepEqual(withSuppressed[3].suppressions, [{ kind: 'inSource', properties: { directive: 'blueprint-lint-disable-file' } }]);
    assert.equal(withSuppressed[2].ruleId, 'unknown-lane');
    assert.notEqual(withSuppressed[2].partialFingerprints['blueprintLint/v1'], withSuppressed[1].partialFingerprints['blueprintLint/v1']);
    assert.equal(
      plain.some((r: { suppressions?: unknown }) => 'suppressions' in r),
      false,
    );
  });

  it('junit: one testsuite per file, a failing testcase per finding, a passing one for a clean file, escaped text', () => {
    const xml = formatJunit(reports, ctx);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '));
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
    const checkin = 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none.';
    assert.deepEqual(doc.testsuites, {
      name: 'blueprint-lint',
      tests: '4',
      failures: '3',
      errors: '0',
      testsuite: [
        {
          name: 'docs/checkin.blueprint.md',
          tests: '2',
          failures: '2',
          errors: '0',
          testcase: [
            {
              classname: 'docs/checkin.blueprint.md',
              name: '6:44 benefit-needs-support',
              failure: { type: 'benefit-needs-support', message: checkin, '#text': `warning at docs/checkin.blueprint.md:6:44: ${checkin} (benefit-needs-support)` },
            },
            {
              classname: 'docs/checkin.blueprint.md',
              name: '12:3 unknown-lane',
              failure: { type: 'unknown-lane', message: 'Unknown lane "Frontstge".', '#text': 'error at docs/checkin.blueprint.md:12:3: Unknown lane "Frontstge". (unknown-lane)' },
            },
          ],
        },
        { name: 'docs/clean.blueprint.md', tests: '1', failures: '0', errors: '0', testcase: [{ classname: 'docs/clean.blueprint.md', name: 'blueprint-lint' }] },
        {
          name: 'a, b/odd:name%.md',
          tests: '1',
          failures: '1',
          errors: '0',
          testcase: [
            {
              classname: 'a, b/odd:name%.md',
              name: '1:1 duplicate-step',
              failure: { type: 'duplicate-step', message: 'Line one\r\nhas 100% of "x"', '#text': 'info at a, b/odd:name%.md:1:1: Line one\r\nhas 100% of "x" (duplicate-step)' },
            },
          ],
        },
      ],
    });
    assert.ok(xml.includes('message="Line one&#13;&#10;has 100% of &quot;x&quot;"'), 'a newline in an attribute survives as a character reference');
  });

  it('junit: no files is an empty, valid report', () => {
    assert.equal(formatJunit([], ctx), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="blueprint-lint" tests="0" failures="0" errors="0">\n</testsuites>\n');
  });

  it('gitlab: Code Quality issues with check name, severity mapping, repository path, lines and the SARIF fingerprint', () => {
    const issues = JSON.parse(formatGitlab(reports, ctx));
    const sarif = JSON.parse(formatSarif(reports, ctx)).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['blueprintLint/v1']);
    assert.deepEqual(issues, [
      {
        description: 'Name the employee resource, tool or authority behind "free upgrade": step "Check-in" promises it but names none. (benefit-needs-support)',
        check_name: 'benefit-needs-support',
        fingerprint: sarif[0],
        severity: 'minor',
        location: { path: 'docs/checkin.blueprint.md', lines: { begin: 6, end: 6 } },
      },
      {
        description: 'Unknown lane "Frontstge". (unknown-lane)',
        check_name: 'unknown-lane',
        fingerprint: sarif[1],
        severity: 'major',
        location: { path: 'docs/checkin.blueprint.md', lines: { begin: 12, end: 12 } },
      },
      {
        description: 'Line one\r\nhas 100% of "x" (duplicate-step)',
        check_name: 'duplicate-step',
        fingerprint: issues[2].fingerprint,
        severity: 'info',
        location: { path: 'a, b/odd:name%.md', lines: { begin: 1, end: 1 } },
      },
    ]);
    assert.match(issues[2].fingerprint, /^[0-9a-f]{32}$/);
    assert.deepEqual(JSON.parse(formatGitlab(reports, ctx)), issues, 'fingerprints are stable between runs');
    assert.equal(formatGitlab([], ctx), '[]\n');
  });
});
