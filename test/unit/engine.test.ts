// Unit tests of the engine's small modules: positions, edits, detection, suppression, the model's shapes.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { frontMatterVerdict, matchesGlobs } from '../../server/src/engine/blueprint/detect.js';
import { normaliseTitle } from '../../server/src/engine/blueprint/build.js';
import { applyEdits, applyFixes } from '../../server/src/engine/fix.js';
import { resolvedFix } from '../../server/src/engine/intentEdits.js';
import { lint } from '../../server/src/engine/lint.js';
import { LineIndex } from '../../server/src/engine/text.js';
import type { Finding } from '../../server/src/engine/types.js';

const core = (text: string, filePath?: string) => lint(text, { filePath }).findings.filter((f) => f.ruleId === 'benefit-needs-support');

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and UTF-16 columns for LF, CRLF, CR and astral characters', () => {
    const idx = new LineIndex('a\r\nb😀c\rd\ne');
    assert.deepEqual(idx.position(0), { line: 1, column: 1, offset: 0 });
    assert.deepEqual(idx.position(3), { line: 2, column: 1, offset: 3 });
    assert.deepEqual(idx.position(6), { line: 2, column: 4, offset: 6 }, 'the emoji is two UTF-16 code units');
    assert.deepEqual(idx.position(8), { line: 3, column: 1, offset: 8 });
    assert.deepEqual(idx.position(10), { line: 4, column: 1, offset: 10 });
    assert.equal(idx.offset(2, 4), 6);
    assert.equal(idx.lineEnd(1), 1);
    assert.equal(idx.eol, '\r\n');
  });
});

describe('applyEdits / applyFixes', () => {
  it('applies non-overlapping edits and skips overlapping ones', () => {
    const r = applyEdits('abcdef', [
      { start: 4, end: 5, text: 'E' },
      { start: 1, end: 2, text: 'B' },
      { start: 1, end: 3, text: 'x' },
    ]);
    assert.equal(r.text, 'aBcdEf');
    assert.equal(r.skipped.length, 1);
  });

  it('applies only safe fixes by default', () => {
    const base = { ruleId: 'r', severity: 'warning' as const, message: 'm', span: { start: 0, end: 1 }, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 }, step: null };
    const findings: Finding[] = [
      { ...base, fixes: [resolvedFix('abc', { title: 'unsafe', kind: 'x', safe: false, intent: { kind: 'replace', span: { start: 0, end: 1 }, text: 'U' } })] },
      { ...base, fixes: [resolvedFix('abc', { title: 'safe', kind: 'x', safe: true, intent: { kind: 'replace', span: { start: 2, end: 3 }, text: 'S' } })] },
    ];
    assert.deepEqual(applyFixes('abc', findings), { text: 'abS', fixed: 1 });
  });
});

describe('blueprint detection', () => {
  it('reads front matter: blueprint key or type service-blueprint', () => {
    assert.equal(frontMatterVerdict({ value: 'blueprint: x', start: 0 }).blueprint, true);
    assert.equal(frontMatterVerdict({ value: 'type: service-blueprint', start: 0 }).blueprint, true);
    assert.equal(frontMatterVerdict({ value: 'type: article', start: 0 }).blueprint, false);
  });

  it('reports broken front matter with a position and still finds the key', () => {
    const v = frontMatterVerdict({ value: 'blueprint: [unclosed', start: 0 });
    assert.equal(v.blueprint, true);
    assert.match(v.error!.message, /^broken front matter: /);
  });

  it('matches the default globs relative to the base directory', () => {
    const globs = defaultConfig().files;
    assert.equal(matchesGlobs('/w/docs/a.blueprint.md', globs, '/w'), true);
    assert.equal(matchesGlobs('/w/blueprints/x/y.md', globs, '/w'), true);
    assert.equal(matchesGlobs('/w/docs/a.md', globs, '/w'), false);
  });

  it('reads one section of staff areas alone as a staffing list, and a journey of such steps, or one beside the customer, as a blueprint', () => {
    const staffing = '# Handover\n\n## Staffing today\n\n- Front desk: 2 from opening\n- Back of house: 1 on call\n\n## Log\n\nQuiet day.\n';
    assert.equal(lint(staffing, { filePath: 'log.md' }).blueprint.isBlueprint, false);
    const journey = '## Arrival\n\n- Front desk: greets them\n- Back of house: preps the room\n\n## Departure\n\n- Front desk: waves them off\n- Back of house: strips the room\n';
    assert.equal(lint(journey, { filePath: 'stay.md' }).blueprint.reason, 'lanes');
    const served = '## Arrival\n\n- Guest: arrives\n- Front desk: greets them\n';
    assert.equal(lint(served, { filePath: 'stay.md' }).blueprint.reason, 'lanes');
  });

  it('lints a file with lanes of one kind only when its path or front matter says so', () => {
    const text = '## Refund\n\n- **Customer:** Gets a refund on the spot.\n';
    assert.equal(lint(text, { filePath: 'notes.md' }).blueprint.isBlueprint, false);
    assert.equal(lint(text, { filePath: 'refund.blueprint.md' }).blueprint.reason, 'glob');
    assert.equal(lint(`---\nblueprint: yes\n---\n${text}`).blueprint.reason, 'front-matter');
  });

  it('does not count a column no lane word names as a second lane: a reference table with one lane column is no blueprint', () => {
    const oneLane = '| Step | Customer | Status |\n|---|---|---|\n| Login | Enters the code | Done |\n| Export | Downloads the file | Planned |\n';
    const twoLanes = '| Step | Customer | Backstage | Status |\n|---|---|---|---|\n| Login | Enters the code | Audit log kept | Done |\n';
    assert.equal(lint(oneLane, { filePath: 'notes.md' }).blueprint.isBlueprint, false);
    assert.equal(lint(twoLanes, { filePath: 'notes.md' }).blueprint.reason, 'lanes');
  });

  it('does not take software tiers alone for a service, nor names written as code for lanes', () => {
    const stack = '## Operational contract\n\n- **Frontend:** Vue single-page app\n- **Backend:** Go API with a health endpoint\n- **Owner:** Platform team\n';
    assert.equal(lint(stack, { filePath: 'notes.md' }).blueprint.isBlueprint, false);
    const skills = '| Skill | Primary phase |\n|---|---|\n| $find-ideal-customer | Intake |\n| $reconcile-accounts | Books |\n';
    assert.equal(lint(skills, { filePath: 'notes.md' }).blueprint.isBlueprint, false);
    const service = '## Order\n\n- **Customer:** Orders in the app.\n- **Backend:** Kitchen ticket printed.\n';
    assert.equal(lint(service, { filePath: 'notes.md' }).blueprint.reason, 'lanes');
  });

  it('gives a README that merely mentions customers no findings', () => {
    const r = lint('# App\n\nWe promise customers a free upgrade and same-day answers.\n\n## Install\n\nRun it.\n', { filePath: 'README.md' });
    assert.equal(r.blueprint.isBlueprint, false);
    assert.deepEqual(r.findings, []);
  });
});

describe('step titles', () => {
  it('drops step numbers and emphasis markers', () => {
    assert.equal(normaliseTitle('Step 3: Check-in'), 'Check-in');
    assert.equal(normaliseTitle('3. Check-in'), 'Check-in');
    assert.equal(normaliseTitle('Step 2 of 8 — Check-in'), 'Check-in');
    assert.equal(normaliseTitle('3) Check-in '), 'Check-in');
    assert.equal(normaliseTitle('Stage 2 - Stay'), 'Stay');
  });
});

describe('model: the five step shapes', () => {
  const text = [
    '# Title',
    '',
    '## Heading step',
    '',
    '- **Customer:** Gets a free upgrade.',
    '- **Frontstage**: Receptionist hands over the key.',
    '',
    '## Listed',
    '',
    '1. **List step** — greets the guest',
    '   - Guest: Greeted by name.',
    '   - Backstage: Host reads the guest notes in the CRM.',
    '',
    '## Grid',
    '',
    '| Lane | Col A | Col B |',
    '|---|---|---|',
    '| Customer | Waits | Leaves |',
    '| Onstage (what the guest sees) | Agent helps | — |',
    '',
    '## Rows',
    '',
    '| Step | Customer | Frontstage |',
    '|---|---|---|',
    '| Row A | Orders | Server takes it |',
    '',
    '## Prose step',
    '',
    'The desk calls the guest within an hour.',
    '',
  ].join('\n');
  const steps = lint(text).blueprint.steps;

  it('finds each shape with its title', () => {
    assert.deepEqual(
      steps.map((s) => `${s.shape}:${s.title}`),
      ['heading:Heading step', 'list:List step', 'table-columns:Col A', 'table-columns:Col B', 'table-rows:Row A', 'prose:Prose step'],
    );
  });

  it('reads lanes with bold labels, colon outside the emphasis, glosses and placeholders', () => {
    assert.deepEqual(
      steps[0]!.lanes.map((l) => [l.kind, l.content.text]),
      [
        ['customer', 'Gets a free upgrade.'],
        ['frontstage', 'Receptionist hands over the key.'],
      ],
    );
    assert.deepEqual(
      steps[3]!.lanes.map((l) => [l.kind, l.placeholder]),
      [
        ['customer', false],
        ['frontstage', true],
      ],
    );
    assert.equal(steps[1]!.prose[0]!.text, 'greets the guest');
  });

  it('keeps exact source offsets for lane content', () => {
    const lane = steps[0]!.lanes[0]!;
    assert.equal(text.slice(lane.contentSpan.start, lane.contentSpan.end), 'Gets a free upgrade.');
    const cell = steps[2]!.lanes[1]!;
    assert.equal(text.slice(cell.contentSpan.start, cell.contentSpan.end), 'Agent helps');
  });
});

describe('suppression comments', () => {
  const step = (title: string) => `## ${title}\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Hands over the key.\n`;

  it('disable-next-line before the step title silences that step only', () => {
    const text = `<!-- blueprint-lint-disable-next-line benefit-needs-support -->\n${step('A')}\n${step('B')}`;
    assert.deepEqual(
      core(text).map((f) => f.step),
      ['B'],
    );
  });

  it('disable ... enable silences a region; a rule list limits it', () => {
    const text = `<!-- blueprint-lint-disable benefit-needs-support -->\n${step('A')}\n<!-- blueprint-lint-enable -->\n${step('B')}\n<!-- blueprint-lint-disable other-rule -->\n${step('C')}`;
    assert.deepEqual(
      core(text).map((f) => f.step),
      ['B', 'C'],
    );
  });

  it('disable-file silences everything; a comment inside code is no directive', () => {
    assert.deepEqual(core(`${step('A')}\n<!-- blueprint-lint-disable-file -->\n`), []);
    assert.equal(core(`${step('A')}\n\`\`\`\n<!-- blueprint-lint-disable-file -->\n\`\`\`\n`).length, 1);
  });

  it('disable-step inside a table title cell silences that column step only', () => {
    const text = '| Lane | A <!-- blueprint-lint-disable-step benefit-needs-support --> | B |\n|---|---|---|\n| Customer | Free upgrade | Free upgrade |\n| Frontstage | Agent helps | Agent helps |\n';
    assert.deepEqual(
      core(text, 'x.blueprint.md').map((f) => f.step),
      ['B'],
    );
  });
});

describe('a rule that throws', () => {
  it('becomes one finding naming the rule', () => {
    const broken = {
      id: 'broken-rule',
      description: 'd',
      summary: 'd',
      fixSummary: 'none',
      defaultSeverity: 'warning' as const,
      fixable: false,
      check: () => {
        throw new Error('boom');
      },
    };
    const r = lint('## A\n\n- **Guest:** x\n- **Frontstage:** y\n', { rules: [broken] });
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.message]),
      [['broken-rule', 'Rule "broken-rule" failed: boom']],
    );
  });
});
