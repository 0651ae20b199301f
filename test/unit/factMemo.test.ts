// Policy answers in an editor: a policy section's verdict is remembered by its text in the document's step cache; an editor's findings are plain data.
import { strict as assert } from 'node:assert';
import { languageSample } from '../../server/src/engine/blueprint/looksLike.js';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { fixesTogether, safeFixIn } from '../../server/src/engine/fix.js';
import { resolvedFix } from '../../server/src/engine/intentEdits.js';
import { lint, type LintResult } from '../../server/src/engine/lint.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { compileVocabulary } from '../../server/src/engine/phrases/vocabulary.js';
import { ReadingMemos } from '../../server/src/engine/incremental/readingMemo.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import type { FixProposal } from '../../server/src/engine/types.js';

const STEP = '# Hotel\n\n## Check-in\n\n- **Guest:** Asks for a quieter room.\n- **Frontstage:** Receptionist upgrades the guest to a suite.\n';
const POLICY = '\n## Empowerment levels\n\nReceptionists may upgrade one room per night; the duty manager up to two nights.\n';
const NO_LIMIT = '\n## Empowerment levels\n\nReceptionists may upgrade guests.\n';
const UNCOVERED = 'Name who may decide "upgrades" and up to which limit: step "Check-in" leaves it to the employee.';

const decisions = (r: LintResult<FixProposal>) => r.findings.filter((f) => f.ruleId === 'decision-needs-authority').map((f) => f.message);

describe('policy answers: the engine memo', () => {
  it('judges an unchanged policy section once across keystrokes elsewhere, and again when its text changes', () => {
    const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
    const lintWith = (text: string) => lint(text, { forceBlueprint: true, ...caches });
    assert.deepEqual(decisions(lintWith(STEP + POLICY)), []);
    const stats = caches.stepCache.readings.stats;
    assert.equal(stats.verdictHits, 0);
    // decision-needs-authority reads the two sections that hold no step (the title's and the policy); conflict-needs-backing, none (no conflict).
    assert.equal(stats.verdictMisses, 2);
    // A keystroke in the step: neither section is judged again.
    assert.deepEqual(decisions(lintWith(STEP.replace('quieter room', 'quieter rooms') + POLICY)), []);
    assert.deepEqual([stats.verdictHits, stats.verdictMisses], [2, 2]);
    // The policy loses its limit: judged again (the title's section is not), and the unchanged step, whose reports stood on
    // the old answer, is judged again and no longer covered.
    assert.deepEqual(decisions(lintWith(STEP + NO_LIMIT)), [UNCOVERED]);
    assert.deepEqual([stats.verdictHits, stats.verdictMisses], [3, 3]);
    // And back: the first policy text left the memo with the lint that did not use it, so it is judged again.
    assert.deepEqual(decisions(lintWith(STEP + POLICY)), []);
    assert.deepEqual([stats.verdictHits, stats.verdictMisses], [4, 4]);
  });

  it('gives what a lint without caches gives, on the same edits', () => {
    const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
    for (const text of [STEP + POLICY, STEP + NO_LIMIT, STEP + NO_LIMIT.replace('guests', 'guests for one night'), STEP]) {
      assert.deepEqual(decisions(lint(text, { forceBlueprint: true, ...caches })), decisions(lint(text, { forceBlueprint: true })), text);
    }
  });

  it('keeps answers by judge and section text, and starts again under another vocabulary', () => {
    const memos = new ReadingMemos();
    const vocabulary = compileVocabulary(defaultConfig().vocabulary);
    const judge = () => true;
    const other = () => false;
    memos.verdicts(judge, vocabulary).set('section', true);
    assert.equal(memos.verdicts(judge, vocabulary).get('section'), true);
    assert.equal(memos.verdicts(judge, vocabulary).get('another section'), undefined);
    assert.equal(memos.verdicts(other, vocabulary).get('section'), undefined);
    const custom = compileVocabulary({ benefit: { add: ['a custom benefit'], remove: [] }, support: { add: [], remove: [] } });
    assert.notEqual(custom, vocabulary);
    assert.equal(memos.verdicts(judge, custom).get('section'), undefined);
    memos.verdicts(judge, custom).set('section', false);
    assert.equal(memos.verdicts(judge, custom).get('section'), false);
    // Kept through a commit of a lint that asked, dropped by one that did not.
    memos.commit();
    assert.equal(memos.verdicts(judge, custom).get('section'), false);
    memos.commit();
    memos.commit();
    assert.equal(memos.verdicts(judge, custom).get('section'), undefined);
  });
});

describe('the document language in the editor', () => {
  const FRENCH = 'le client et la chambre pour les clients dans une salle avec des portes '.repeat(400);
  it('is read again only when an edit lands in the part the sample read', () => {
    const cache = new StepCache();
    let reads = 0;
    const sample = (t: string) => {
      reads++;
      return languageSample(t);
    };
    const { readTo } = languageSample(FRENCH);
    assert.ok(readTo > 0 && readTo < FRENCH.length);
    assert.equal(cache.documentLanguage(FRENCH, sample), 'French');
    assert.equal(cache.documentLanguage(`${FRENCH}the staff and the guests of the hotel `.repeat(2), sample), 'French');
    assert.equal(reads, 1);
    const english = 'the staff and the guests of the hotel are in the lobby with the manager '.repeat(300) + FRENCH;
    assert.equal(cache.documentLanguage(english, sample), undefined);
    assert.equal(reads, 2);
  });

  it('of a text shorter than the sample is reused only for the same text', () => {
    const cache = new StepCache();
    const short = FRENCH.slice(0, 600);
    assert.equal(cache.documentLanguage(short, languageSample), 'French');
    let reads = 0;
    const counted = (t: string) => (reads++, languageSample(t));
    assert.equal(cache.documentLanguage(short, counted), 'French');
    assert.equal(reads, 0);
    assert.equal(cache.documentLanguage(`${short} ${'the staff and the guests of the hotel '.repeat(30)}`, counted), undefined);
    assert.equal(reads, 1);
  });
});

describe("an editor's findings: plain data, edits written on demand", () => {
  it('carry the proposals as plain values, and the pure module writes the edits a lint without caches gives', () => {
    // Placeholders (fixes with snippets) and a misspelt lane (a safe rename, which fix-all applies).
    const text = `${STEP}- **Authority:** TBD\n- **Backstgae:** The night manager signs off.\n`;
    const editor = lint(text, { forceBlueprint: true, parseCache: new ChunkCache(), stepCache: new StepCache() }).findings;
    const plain = lint(text, { forceBlueprint: true }).findings;
    assert.ok(plain.some((f) => f.fixes.some((x) => x.safe)) && editor.length > 1 && editor.every((f) => f.fixes.length > 0));
    for (const f of editor) {
      // A value, not a getter: what is read is what was stored, and a copy holds the same.
      assert.ok('value' in Object.getOwnPropertyDescriptor(f, 'fixes')!, `${f.ruleId}: fixes is an accessor`);
      for (const x of f.fixes) assert.equal('edits' in x, false, `${f.ruleId}: "${x.title}" carries edits`);
    }
    assert.deepStrictEqual(structuredClone(editor), editor);
    // JSON writes what a lint without caches writes, less the edits.
    const withoutEdits = plain.map((f) => ({ ...f, fixes: f.fixes.map(({ edits: _edits, ...x }) => x) }));
    assert.equal(JSON.stringify(editor), JSON.stringify(withoutEdits));
    // Apart from the edits, the same findings; with them written by intentEdits.ts, the same fixes.
    assert.deepStrictEqual(
      editor.map((f) => ({ ...f, fixes: f.fixes.map((x) => resolvedFix(text, x)) })),
      plain,
    );
    assert.deepStrictEqual(
      fixesTogether(editor, safeFixIn(text)),
      fixesTogether(plain, (f) => f.fixes.find((x) => x.safe)),
    );
  });
});
