import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundLines, MAX_INDENT_COLUMNS, MAX_LINE_LENGTH } from '../../server/src/engine/inputBounds.js';
import { lint, type DocumentProblem } from '../../server/src/engine/lint.js';
import { problemDiagnostic } from '../../server/src/server/diagnostics.js';

const STEP = '## Check-in\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Receptionist hands over the key.\n';

describe('input bounds (boundLines)', () => {
  it('leaves a normal document as it is, with no cut', () => {
    const text = `${STEP}${' '.repeat(MAX_INDENT_COLUMNS)}x\n`;
    assert.deepEqual(boundLines(text), { text, cuts: [] });
  });

  it('ends the parsed text before the first line indented more than the limit (a tab counts to the next multiple of 4)', () => {
    const before = `${STEP}\n`;
    const deep = `${'\t'.repeat(25)} x\r\ny\n`;
    const { text, cuts } = boundLines(before + deep);
    assert.equal(text, before);
    assert.deepEqual(cuts, [
      {
        offset: before.length,
        message: 'line 6 is indented more than 100 columns (nesting deeper than 100 levels): it and the 2 lines from it to the end were left out; the limit is fixed, no setting changes it',
      },
    ]);
  });

  it('blanks each line past the length limit from the limit on, keeping every offset, never splitting a surrogate pair', () => {
    const long = `${'a'.repeat(MAX_LINE_LENGTH - 1)}😀tail`;
    const text = `x\n${long}\n${'b'.repeat(MAX_LINE_LENGTH + 3)}\nend`;
    const out = boundLines(text);
    assert.equal(out.text.length, text.length);
    const cut = 2 + MAX_LINE_LENGTH + 1;
    assert.equal(out.text.slice(0, cut), text.slice(0, cut), 'everything before the cut is kept, the emoji whole');
    assert.equal(out.text.slice(cut, cut + 4), '    ');
    assert.ok(out.text.endsWith(`${'b'.repeat(MAX_LINE_LENGTH)}   \nend`));
    assert.deepEqual(out.cuts, [
      { offset: cut, message: 'line 2 is 2,000,005 characters long, past the limit of 2,000,000: the rest of it (and of 1 more such line) was left out; the limit is fixed, no setting changes it' },
    ]);
  });

  it('lint reports a cut as one information problem where it starts, and lints what comes before it', () => {
    const text = `${STEP}${' '.repeat(MAX_INDENT_COLUMNS + 1)}- **Guest:** free upgrade\n`;
    const result = lint(text, { forceBlueprint: true });
    assert.deepEqual(result.problems, [
      {
        message: 'line 5 is indented more than 100 columns (nesting deeper than 100 levels): it and the 1 line from it to the end were left out; the limit is fixed, no setting changes it',
        start: { line: 5, column: 1, offset: 98 },
        end: { line: 5, column: 1, offset: 98 },
        severity: 'info',
      },
    ]);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.start.line, f.start.column]),
      [
        ['benefit-needs-support', 3, 21],
        ['frontstage-needs-backstage', 4, 19],
      ],
    );
  });
});

describe('input bounds in the editor', () => {
  it('a cut is an Information diagnostic with code input-cut; any other document problem stays a warning', () => {
    const at = { line: 5, column: 1, offset: 98 };
    const cut: DocumentProblem = { message: 'line 5 is indented more than 100 columns', start: at, end: at, severity: 'info' };
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } };
    assert.deepEqual(problemDiagnostic(cut), { range, severity: 3, source: 'blueprint-lint', code: 'input-cut', message: cut.message });
    assert.deepEqual(problemDiagnostic({ message: 'front matter: bad', start: at, end: at }), { range, severity: 2, source: 'blueprint-lint', code: 'document', message: 'front matter: bad' });
  });
});

describe('input bounds on normal files (test/corpus/data)', () => {
  it('cut nothing: every corpus file is parsed as it is, so its lint is the same as without the bounds', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'corpus', 'data');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 50, `${files.length} corpus files`);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const bounded = boundLines(text);
      assert.deepEqual(bounded.cuts, [], f);
      assert.equal(bounded.text, text, f);
    }
  });
});
