// The rule pack's lexicons load, and each rule's documentation lists the vocabulary files it reads.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { loadRuleVocabulary } from '../../server/src/engine/phrases/ruleVocabulary.js';
import { ruleById } from '../../server/src/engine/registry.js';
import { packageRoot } from '../../server/src/engine/resources.js';

const LEXICONS = [
  'decision.txt',
  'not-decision.txt',
  'authority.txt',
  'decision-limit.txt',
  'conflict.txt',
  'not-conflict.txt',
  'backing.txt',
  'burden.txt',
  'not-burden.txt',
  'relief.txt',
  'slogan.txt',
  'people.txt',
];
const PACK = ['decision-needs-authority', 'frontstage-needs-backstage', 'conflict-needs-backing', 'burden-needs-relief', 'customer-first-slogan', 'unknown-lane', 'empty-lane', 'duplicate-step'];

describe('rule pack vocabularies', () => {
  it('loads every lexicon with at least a few entries', () => {
    for (const file of LEXICONS) assert.ok(loadRuleVocabulary(file).size >= 2, file);
  });

  it('names a missing lexicon in its error', () => {
    assert.throws(() => loadRuleVocabulary('no-such-lexicon.txt'), /rules\/vocabulary\/no-such-lexicon\.txt is missing/);
  });

  it('registers every rule of the pack with the severity of the issue table', () => {
    const expected: Record<string, string> = {
      'decision-needs-authority': 'warning',
      'frontstage-needs-backstage': 'info',
      'conflict-needs-backing': 'warning',
      'burden-needs-relief': 'warning',
      'customer-first-slogan': 'info',
      'unknown-lane': 'warning',
      'empty-lane': 'info',
      'duplicate-step': 'warning',
    };
    for (const id of PACK) {
      const rule = ruleById(id);
      assert.ok(rule, id);
      assert.equal(rule.defaultSeverity, expected[id], id);
      assert.equal(rule.fixable, id === 'unknown-lane', id);
    }
  });

  it('lists in each rule and its documentation the vocabulary files it reads, and they exist', () => {
    for (const id of PACK) {
      const rule = ruleById(id)!;
      const doc = readFileSync(join(packageRoot(), 'rules', `${id}.md`), 'utf8');
      for (const file of rule.vocabularies ?? []) {
        assert.ok(existsSync(join(packageRoot(), 'rules', 'vocabulary', file)), `${id}: rules/vocabulary/${file}`);
        assert.ok(doc.includes(file), `rules/${id}.md does not list ${file}`);
      }
    }
  });

  it('matches inflections and leaves traps alone', () => {
    const decisions = loadRuleVocabulary('decision.txt');
    const traps = loadRuleVocabulary('not-decision.txt');
    assert.deepEqual(
      decisions.find('Agent refunded it and waived the fee').map((h) => h.text),
      ['refunded', 'waived'],
    );
    const text = 'Pays by credit card';
    const hit = decisions.find(text)[0]!;
    assert.ok(traps.find(text).some((t) => t.start <= hit.start && hit.end <= t.end));
  });
});

describe('rule pack behaviour details', () => {
  const findings = (text: string, ruleId: string) => lint(text, { forceBlueprint: true }).findings.filter((f) => f.ruleId === ruleId);

  it('customer-first-slogan ignores slogans in code blocks and comments', () => {
    const text = '## Check-in\n\n- Guest: Arrives.\n- Frontstage: Hands over the key.\n\n```\nthe customer is always right\n```\n\n<!-- the customer is king -->\n';
    assert.deepEqual(findings(text, 'customer-first-slogan'), []);
  });

  it('unknown-lane keeps the case of the label it renames, with a safe fix', () => {
    const text = '## Check-in\n\n- guest: Arrives.\n- frontstage: Hands over the key.\n- backstgae: Room is cleaned.\n';
    const [f] = findings(text, 'unknown-lane');
    assert.equal(f!.message, 'Did you mean "backstage"? Step "Check-in" has an unknown lane label "backstgae".');
    assert.deepEqual(f!.fixes[0]!.edits, [{ start: text.indexOf('backstgae'), end: text.indexOf('backstgae') + 9, text: 'backstage' }]);
    assert.equal(f!.fixes[0]!.safe, true);
  });

  it('unknown-lane reports a misspelt header of a table with steps as rows once, on the first row', () => {
    const text = '| Step | Customer | Frontstgae | Backstage |\n|---|---|---|---|\n| Order | Orders | Takes it | Logs it |\n| Pay | Pays | Rings it up | Closes |\n';
    const got = findings(text, 'unknown-lane');
    assert.deepEqual(
      got.map((f) => `${f.start.line}:${f.start.column} ${f.step}`),
      ['1:21 Order'],
    );
  });

  it('empty-lane leaves the support lane to the core rule', () => {
    const text = '## Check-in\n\n- Guest: Arrives.\n- Frontstage: Hands over the key.\n- Support: TBD\n';
    assert.deepEqual(findings(text, 'empty-lane'), []);
  });

  it('decision-needs-authority ignores decisions only the customer mentions', () => {
    const text = '## Returns\n\n- Customer: Asks for a refund.\n- Frontstage: Clerk checks the receipt.\n- Backstage: Stock is updated.\n';
    assert.deepEqual(findings(text, 'decision-needs-authority'), []);
  });
});
