// The language layer's memos: a reading is reused only with the role nouns it was made with; a pattern runs once per reading.
import { strict as assert } from 'node:assert';
import { findsOf, langText, type Found, type LangText } from '../../server/src/engine/language/index.js';
import { TextMemos, withTextMemos } from '../../server/src/engine/incremental/textMemos.js';
import { PhraseMatcher } from '../../server/src/engine/phrases/vocabulary.js';

const TEXT = 'The concierge books a table for the guest.';

describe('language layer: memos', () => {
  it('reads a text again when the role nouns differ, and reuses the reading when they are the same', () => {
    const staff = new PhraseMatcher([{ phrase: 'concierge', kind: 'employee', origin: 'test' }]);
    const none = new PhraseMatcher([{ phrase: 'sommelier', kind: 'employee', origin: 'test' }]);
    // The running lint's memos (a lint runs with its cache's, or with its own).
    withTextMemos(new TextMemos(), () => {
      const withStaff = langText(TEXT, staff)!;
      assert.equal(langText(TEXT, staff), withStaff);
      const concierge = withStaff.doc.tokens.find((t) => t.lower === 'concierge')!;
      assert.equal(withStaff.roles[concierge.i], 'employee');
      const withoutStaff = langText(TEXT, none)!;
      assert.notEqual(withoutStaff, withStaff);
      assert.equal(withoutStaff.roles[concierge.i], undefined);
    });
  });

  it('remembers no reading outside a lint, and none from one lint in another without a shared cache', () => {
    const staff = new PhraseMatcher([{ phrase: 'concierge', kind: 'employee', origin: 'test' }]);
    const outside = langText(TEXT, staff)!;
    assert.notEqual(langText(TEXT, staff), outside);
    assert.deepEqual(langText(TEXT, staff), outside);
    const inOne = withTextMemos(new TextMemos(), () => langText(TEXT, staff));
    const inAnother = withTextMemos(new TextMemos(), () => langText(TEXT, staff));
    assert.notEqual(inAnother, inOne);
    const cache = new TextMemos();
    const kept = withTextMemos(cache, () => langText(TEXT, staff));
    cache.commit();
    assert.equal(
      withTextMemos(cache, () => langText(TEXT, staff)),
      kept,
      'the same cache in the next lint',
    );
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
