import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeStatus } from '../../../client/src/statusItem.js';
import type { BlueprintStatus } from '../../../server/src/server/protocol.js';

const status = (over: Partial<BlueprintStatus>): BlueprintStatus => ({ uri: 'file:///a.md', isBlueprint: true, reason: 'glob', steps: 12, problems: 34, enabled: true, ...over });
/**
 * Characters of "text – detail" that fit beside the "Turn off for this file" link: a 49-character row made a 479 px
 * popup, which stops growing near 500 px (about 6 px a character), measured by test/ui at 1280 and 1920 px.
 */
const ROW_BUDGET = 52;

describe('Blueprint Lint in VS Code: language status item text', () => {
  it('says what the file is read as, in rows short enough for the status popup', () => {
    const rows = [
      describeStatus(undefined),
      describeStatus(status({})),
      describeStatus(status({ reason: 'front-matter', steps: 1, problems: 1 })),
      describeStatus(status({ reason: 'lanes', problems: 0 })),
      describeStatus(status({ reason: 'disabled', enabled: false })),
      describeStatus(status({ reason: 'too-large' })),
      describeStatus(status({ isBlueprint: false, reason: 'ignored', steps: 0, problems: 0 })),
      describeStatus(status({ isBlueprint: false, reason: 'none', steps: 0, problems: 0 })),
    ].map((r) => `${r.text} – ${r.detail}`);
    assert.deepEqual(rows, [
      'Blueprint Lint – waiting for the server',
      'Blueprint: 12 steps, 34 problems – by files setting',
      'Blueprint: 1 step, 1 problem – by front matter',
      'Blueprint: 12 steps, 0 problems – by lane labels',
      'Blueprint: off – for this file',
      'Blueprint: skipped – over maxFileSize',
      'Blueprint: ignored – by config ignores',
      'Not a blueprint – no front matter, glob or lanes',
    ]);
    for (const row of rows) assert.ok(row.length <= ROW_BUDGET, `"${row}" is ${row.length} characters`);
  });

  it('warns when the blueprint has problems or was skipped, informs otherwise', () => {
    assert.equal(describeStatus(status({})).severity, vscode.LanguageStatusSeverity.Warning);
    assert.equal(describeStatus(status({ reason: 'too-large' })).severity, vscode.LanguageStatusSeverity.Warning);
    assert.equal(describeStatus(status({ problems: 0 })).severity, vscode.LanguageStatusSeverity.Information);
  });
});
