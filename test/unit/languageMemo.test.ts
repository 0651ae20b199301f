// The language layer's memos: a reading is reused only with the role nouns it was made with; a pattern runs once per reading.
import { strict as assert } from 'node:assert';
import { findsOf, langText, type Found, type LangText } from '../../server/src/engine/language/index.js';
import { PhraseMatcher } from '../../server/src/engine/phrases/vocabulary.js';

const TEXT = 'The concierge books a table for the guest.';

describe('language layer: memos', () => {
  it('reads a text again when the role nouns differ, and reuses the reading when they are the same', () => {
    const staff = new PhraseMatcher([{ phrase: 'concierge', kind: 'employee', origin: 'test' }]);
    const none = new PhraseMatcher([{ phrase: 'sommelier', kind: 'employee', origin: 'test' }]);
    const withStaff = langText(TEXT, staff)!;
    assert.equal(langText(TEXT, staff), withStaff);
    const concierge = withStaff.doc.tokens.find((t) => t.lower === 'concierge')!;
    assert.equal(withStaff.roles[concierge.i], 'employee');
    const withoutStaff = langText(TEXT, none)!;
    assert.notEqual(withoutStaff, withStaff);
    assert.equal(withoutStaff.roles[concierge.i], undefined);
  });

  it('runs a rule of language once per reading and hands back its findings', () => {
    const lt = langText(TEXT, new PhraseMatcher([]))!;
    let runs = 0;
    const pattern = (l: LangText): Found[] => {
      runs++;
      return [{ start: 4, end: 13, rule: `test ${l.doc.text.slice(4, 13)}` }];
    };
    const first = findsOf(lt, pattern);
    assert.equal(findsOf(lt, pattern), first);
    assert.equal(runs, 1);
    assert.deepEqual(first, [{ start: 4, end: 13, rule: 'test concierge' }]);
  });
});
