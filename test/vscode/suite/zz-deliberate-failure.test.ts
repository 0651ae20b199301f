import * as assert from 'node:assert/strict';
import { hasRule, open, ours, RULE, waitForDiagnostics } from './helpers.js';

// Proof that the harness reports failure: scripts/e2e/run.sh runs the suite once with BLUEPRINT_LINT_EXPECT_FAIL=1
// and requires a non-zero exit with exactly this test failed.
if (process.env.BLUEPRINT_LINT_EXPECT_FAIL === '1') {
  describe('Blueprint Lint in VS Code: deliberate failure', () => {
    it('expects a diagnostic on the "Arrival" step, which names its support (must fail)', async () => {
      const doc = await open('hotel/checkin.blueprint.md');
      await waitForDiagnostics(doc.uri, hasRule(RULE), 'checkin diagnostic');
      assert.ok(
        ours(doc.uri).some((d) => d.range.start.line < 6),
        'a diagnostic in the Arrival step',
      );
    });
  });
}
