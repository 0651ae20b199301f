// Every example in every rule's documentation runs here; every quick fix is applied and the result linted again.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../server/src/engine/fix.js';
import { intentEdits } from '../../server/src/engine/intentEdits.js';
import { lint } from '../../server/src/engine/lint.js';
import { allRules } from '../../server/src/engine/registry.js';
import { defaultConfig, type ResolvedConfig } from '../../server/src/engine/config/types.js';
import type { Finding } from '../../server/src/engine/types.js';
import { ruleDocExamples, type DocExample } from '../support/ruleDocs.js';

function configFor(ex: DocExample): ResolvedConfig {
  const config = defaultConfig();
  const rules = (ex.config?.['rules'] ?? {}) as Record<string, unknown>;
  for (const [id, v] of Object.entries(rules)) {
    if (typeof v === 'string') config.rules[id] = { severity: v as never, options: {} };
    else config.rules[id] = v as never;
  }
  return config;
}

const format = (f: Finding) => `${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.severity} ${f.message}`;

function lintExample(ex: DocExample, text = ex.input) {
  return lint(text, { config: configFor(ex), forceBlueprint: true });
}

describe('rule documentation examples', () => {
  const examples = ruleDocExamples();

  it('every registered rule has documentation with examples', () => {
    for (const rule of allRules()) {
      assert.ok(
        examples.some((e) => e.ruleId === rule.id),
        `rules/${rule.id}.md has no "markdown example" block`,
      );
    }
  });

  for (const ex of examples) {
    describe(`${ex.ruleId}.md line ${ex.docLine}`, () => {
      it('gives exactly the documented findings', () => {
        const got = lintExample(ex)
          .findings.filter((f) => f.ruleId === ex.ruleId)
          .map(format);
        assert.deepEqual(got, ex.expected);
      });

      it('each quick fix keeps the document linting and resolves or changes its finding', () => {
        const before = lintExample(ex).findings.filter((f) => f.ruleId === ex.ruleId);
        for (const finding of before) {
          for (const fix of finding.fixes) {
            const fixed = applyEdits(ex.input, intentEdits(ex.input, fix.intent));
            assert.equal(fixed.skipped.length, 0, `fix "${fix.title}" has overlapping edits`);
            const after = lintExample(ex, fixed.text).findings.filter((f) => f.ruleId === ex.ruleId && f.step === finding.step);
            // A finding already about a placeholder keeps its wording until the placeholder is filled in.
            if (finding.data?.['placeholder'] !== true) {
              const same = after.find((f) => f.message === finding.message);
              assert.equal(same, undefined, `fix "${fix.title}" left "${finding.message}" unchanged:\n${fixed.text}`);
            }
            // Filling the placeholder the fix inserted must make the finding go away.
            if (fix.kind !== 'disable-step') {
              const filled = fillPlaceholder(fixed.text);
              const rest = lintExample(ex, filled).findings.filter((f) => f.ruleId === ex.ruleId && f.step === finding.step);
              assert.deepEqual(rest.map(format), [], `after filling the placeholder of "${fix.title}":\n${filled}`);
            }
          }
        }
      });
    });
  }
});

/** Replaces the placeholders (the fix's and any the example had) with real support text. */
function fillPlaceholder(text: string): string {
  return text.replace(/TBD/g, 'Duty manager on call; staff may refund up to $50');
}
