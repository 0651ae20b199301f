// Governed suppressions: reasons, expiry dates, unused directives (issue #17 part 2).
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { lint } from '../../server/src/engine/lint.js';
import { docsUrl } from '../../server/src/engine/rule.js';
import { disableFileFix } from '../../server/src/engine/intentEdits.js';
import { isCalendarDate, localToday, parseBody } from '../../server/src/engine/suppress.js';

const step = (title: string) => `## ${title}\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Hands over the key.\n`;
const rows = (text: string, opts: { today: string; reportUnused?: boolean }) => {
  const r = lint(text, { filePath: 'x.blueprint.md', today: opts.today, config: { ...defaultConfig(), reportUnusedDirectives: opts.reportUnused ?? false } });
  const pick = (f: (typeof r.findings)[number]) => [f.ruleId, f.severity, f.message, f.start.line, f.start.column, f.end.line, f.end.column, f.step];
  return {
    findings: r.findings.filter((f) => f.ruleId !== 'frontstage-needs-backstage').map(pick),
    suppressed: r.suppressed.map((f) => [f.ruleId, f.step, f.suppressedBy]),
    dated: r.dated,
  };
};

describe('suppression governance', () => {
  it('parses rules, reason and expiry; a date that does not exist is kept as unreadable', () => {
    assert.deepEqual(parseBody(' a, b -- run by the desk app (until 2027-03-31) '), { rules: ['a', 'b'], reason: 'run by the desk app', until: '2027-03-31' });
    assert.deepEqual(parseBody(' a -- reason with -- dashes '), { rules: ['a'], reason: 'reason with -- dashes' });
    assert.deepEqual(parseBody(' a -- (Until 2027-01-05)'), { rules: ['a'], until: '2027-01-05' });
    assert.deepEqual(parseBody(' a -- why (until 2027-02-30)'), { rules: ['a'], reason: 'why', badUntil: '2027-02-30' });
    assert.deepEqual(parseBody(' a -- why (until next spring)'), { rules: ['a'], reason: 'why', badUntil: 'next spring' });
    assert.deepEqual(parseBody(' a'), { rules: ['a'] });
    assert.equal(isCalendarDate('2028-02-29'), true);
    assert.equal(isCalendarDate('2027-02-29'), false);
    assert.equal(localToday(new Date(2026, 0, 7, 23, 59)), '2026-01-07');
  });

  it('a directive suppresses through its last day, then is reported and stops suppressing', () => {
    const text = `<!-- blueprint-lint-disable-next-line benefit-needs-support -- upgrades run by the desk app (until 2027-03-31) -->\n${step('A')}`;
    const onLastDay = rows(text, { today: '2027-03-31' });
    assert.deepEqual(onLastDay.findings, []);
    assert.deepEqual(onLastDay.suppressed, [['benefit-needs-support', 'A', { directive: 'blueprint-lint-disable-next-line', reason: 'upgrades run by the desk app', until: '2027-03-31' }]]);
    assert.equal(onLastDay.dated, true);
    const after = rows(text, { today: '2027-04-01' });
    assert.deepEqual(after.findings, [
      ['suppression-directive', 'warning', 'Suppression blueprint-lint-disable-next-line benefit-needs-support expired after 2027-03-31; what it silenced is reported again', 1, 1, 1, 115, null],
      ['benefit-needs-support', 'warning', 'Name the employee resource, tool or authority behind "free upgrade": step "A" promises it but names none.', 4, 21, 4, 33, 'A'],
    ]);
    assert.deepEqual(after.suppressed, []);
  });

  it('an unreadable expiry is an error at the comment and the directive suppresses nothing', () => {
    const text = `${step('A')}\n<!-- blueprint-lint-disable-file -- (until 31/03/2027) -->\n`;
    assert.deepEqual(rows(text, { today: '2026-12-05' }).findings, [
      ['benefit-needs-support', 'warning', 'Name the employee resource, tool or authority behind "free upgrade": step "A" promises it but names none.', 3, 21, 3, 33, 'A'],
      ['suppression-directive', 'error', "Expiry '(until 31/03/2027)' of blueprint-lint-disable-file is not a date YYYY-MM-DD; the directive suppresses nothing until it is fixed", 6, 1, 6, 59, null],
    ]);
  });

  it('unused directives are reported only when asked, naming the rules that silenced nothing', () => {
    const text =
      `<!-- blueprint-lint-disable-next-line benefit-needs-support, unknown-lane -- both -->\n${step('A')}\n` +
      `<!-- blueprint-lint-disable-line -->\n<!-- blueprint-lint-disable empty-lane -->\n<!-- blueprint-lint-enable -->\n`;
    assert.deepEqual(rows(text, { today: '2026-12-05' }).findings, []);
    assert.deepEqual(rows(text, { today: '2026-12-05', reportUnused: true }).findings, [
      ['suppression-directive', 'warning', "Unused blueprint-lint-disable-next-line directive: it silences no 'unknown-lane' finding", 1, 1, 1, 86, null],
      ['suppression-directive', 'warning', 'Unused blueprint-lint-disable-line directive: it silences no finding', 7, 1, 7, 37, null],
      ['suppression-directive', 'warning', "Unused blueprint-lint-disable directive: it silences no 'empty-lane' finding", 8, 1, 8, 43, null],
    ]);
  });

  it('a document without expiry dates is not dated; without a today, the local date decides', () => {
    assert.equal(lint(`<!-- blueprint-lint-disable-file -- fine -->\n${step('A')}`, { filePath: 'x.blueprint.md' }).dated, false);
    const old = lint(`<!-- blueprint-lint-disable-file -- old (until 2001-01-01) -->\n${step('A')}`, { filePath: 'x.blueprint.md' });
    assert.deepEqual(
      old.findings.map((f) => f.ruleId).filter((id) => id !== 'frontstage-needs-backstage'),
      ['suppression-directive', 'benefit-needs-support'],
    );
  });

  it('the disable-file fix goes after front matter and a BOM, in the line ending of the file', () => {
    const edit = (text: string) => disableFileFix(text, 'empty-lane').edits[0];
    assert.deepEqual(edit('# T\n'), { start: 0, end: 0, text: '<!-- blueprint-lint-disable-file empty-lane -->\n', snippet: '<!-- blueprint-lint-disable-file empty-lane -- ${1:reason} -->\n' });
    assert.equal(edit('---\nblueprint: true\n---\n# T\n')!.start, 24);
    assert.equal(edit('\uFEFF---\r\nblueprint: true\r\n...\r\n# T\r\n')!.start, 28);
    assert.equal(edit('\uFEFF# T\r\n')!.text, '<!-- blueprint-lint-disable-file empty-lane -->\r\n');
    assert.equal(edit('\uFEFF# T\r\n')!.start, 1);
    assert.equal(edit('--- not front matter\n')!.start, 0);
  });

  it('findings about directives link to the governed-suppressions section, rules to their own page', () => {
    assert.equal(docsUrl('suppression-directive'), 'https://github.com/blueprint-lint/blueprint-lint/blob/main/docs/cli.md#governed-suppressions');
    assert.equal(docsUrl('empty-lane'), 'https://github.com/blueprint-lint/blueprint-lint/blob/main/rules/empty-lane.md');
  });
});
