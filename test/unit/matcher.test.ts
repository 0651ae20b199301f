// The phrase matcher splits entries into first tokens and shared rests for speed; these tests hold it to what one
// expression per entry would find, and check that the shipped vocabulary files (read unvalidated at run time) are valid.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compilePattern, splitVariant, variantsByKey, WORD_AFTER } from '../../server/src/engine/phrases/pattern.js';
import { headWords, spellHead } from '../../server/src/engine/phrases/headWords.js';
import { derivePhraseTable, openPhraseTable, PHRASE_TABLE_FILE, phraseTable, vocabularyDigest } from '../../server/src/engine/phrases/phraseTable.js';
import { TextMemos, withTextMemos } from '../../server/src/engine/incremental/textMemos.js';
import { parseVocabularyFile, PhraseMatcher, shippedEntries, VocabularyError, type VocabularyEntry } from '../../server/src/engine/phrases/vocabulary.js';
import { packageRoot } from '../../server/src/engine/resources.js';
import { fuzzRuns, fuzzSeed, instantiatePattern } from '../support/arbitraries.js';

const vocabularyDir = join(packageRoot(), 'rules', 'vocabulary');

describe('shipped vocabulary files', () => {
  it('every entry of every file compiles (run time reads them without validating)', () => {
    const files = readdirSync(vocabularyDir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 20, `only ${files.length} vocabulary files`);
    for (const file of files) {
      const entries = parseVocabularyFile(readFileSync(join(vocabularyDir, file), 'utf8'), file, 'benefit');
      assert.ok(entries.length > 0, file);
      for (const entry of entries) assert.ok(variantsByKey(entry.phrase).size > 0, `${entry.origin}: no index key`);
    }
  });

  it('a malformed entry is an error at file:line:column when validated', () => {
    assert.throws(
      () => parseVocabularyFile('# note\nrefund\n  same (day|\n', 'x.txt', 'benefit'),
      (e: unknown) => e instanceof VocabularyError && e.message === 'x.txt:3:8: unclosed "("',
    );
  });
});

describe('phrase table (derived at build time)', () => {
  it('is built, read, and gives for every shipped entry exactly what deriving gives', () => {
    const table = phraseTable();
    assert.ok(table, `rules/vocabulary/${PHRASE_TABLE_FILE} is missing or was not accepted: run the build`);
    const file = openPhraseTable(readFileSync(join(vocabularyDir, PHRASE_TABLE_FILE)));
    assert.equal(file.digest, vocabularyDigest());
    const phrases = file.phrases();
    let variants = 0;
    for (const phrase of phrases) {
      const derived = variantsByKey(phrase);
      assert.deepEqual(table.variants(phrase), derived, phrase);
      for (const variant of [...derived.values()].flat()) {
        assert.deepEqual(table.split(variant), splitVariant(variant), variant);
        for (const { head } of splitVariant(variant).starts) assert.deepEqual(table.words(head), spellHead(head) ?? null, head);
        variants++;
      }
    }
    assert.ok(phrases.length >= 1000 && variants >= phrases.length, `${phrases.length} entries, ${variants} variants`);
  });

  it('derives tables that keep each phrase once, in order, and know nothing else', () => {
    const t = openPhraseTable(derivePhraseTable(['[the] refund', 'same day', '[the] refund', "can't wait"], 'd'));
    assert.equal(t.digest, 'd');
    assert.deepEqual(t.phrases(), ['[the] refund', 'same day', "can't wait"]);
    for (const phrase of t.phrases()) {
      assert.deepEqual(t.variants(phrase), variantsByKey(phrase), phrase);
      for (const variant of [...variantsByKey(phrase).values()].flat()) {
        assert.deepEqual(t.split(variant), splitVariant(variant), variant);
        for (const { head } of splitVariant(variant).starts) assert.deepEqual(t.words(head), spellHead(head) ?? null, head);
      }
    }
    for (const other of ['refund', 'the refund', '', 'same  day']) assert.equal(t.variants(other), undefined, other);
    assert.equal(t.split('(the) refunds'), undefined);
    assert.equal(t.words(`${compilePattern('refunds')}${WORD_AFTER}`), undefined);
  });

  it('refuses a damaged file', () => {
    const bytes = derivePhraseTable(['[the] refund', 'same day'], 'd');
    assert.throws(() => openPhraseTable(bytes.subarray(0, bytes.length - 4)), RangeError);
    assert.throws(() => openPhraseTable(bytes.subarray(0, 100)), /head|out of the file|JSON/);
  });
});

describe('phrase matcher', () => {
  it('splits a variant into its first alternatives, each a head and a tail ending at a word boundary', () => {
    const split = splitVariant('(hand over|hand) [it] to');
    const rest = splitVariant('(pass|refer) [it] to').starts[0]!.tail;
    // A first word is the head; the alternative's other words go to the front of its tail.
    assert.deepEqual(
      split.starts.map((s) => s.head),
      [`${compilePattern('hand')}${WORD_AFTER}`, `${compilePattern('hand')}${WORD_AFTER}`],
    );
    assert.ok(split.starts[0]!.tail.endsWith(rest) && split.starts[0]!.tail.length > rest.length);
    assert.deepEqual(split.starts[0]!.nextKeys, ['ove']);
    // The same rest compiles to the same source, so variants that share it share one expression.
    assert.equal(split.starts[1]!.tail, rest);
    assert.deepEqual(split.starts[1]!.nextKeys, ['it', 'to']);
    assert.ok(new RegExp(rest, 'iy').test(' it to'));
    const over = new RegExp(split.starts[0]!.tail, 'iy');
    assert.ok(over.test(' over it to') && !over.test(' overt to') && !over.test(' over'));
    assert.equal(splitVariant('waive').starts[0]!.tail, WORD_AFTER);
    // A placeholder's parts are heads of their own; a group that starts with a group stays one head.
    assert.equal(splitVariant('{n@digit} days').starts.length, 1);
    assert.deepEqual(
      splitVariant('((a|b) c|d) e').starts.map((s) => s.tail === splitVariant('(x) e').starts[0]!.tail),
      [true, true],
    );
  });

  it('narrows a leading optional part and placeholder to the index key', () => {
    assert.deepEqual(
      variantsByKey('[the|a] refund'),
      new Map([
        ['the', ['(the) refund']],
        ['a', ['(a) refund']],
        ['ref', ['refund']],
      ]),
    );
    assert.deepEqual(variantsByKey('{n} days').get('two'), ['{n@two} days']);
    assert.deepEqual(variantsByKey('{n} days').get('digit'), ['{n@digit} days']);
  });

  it('finds inflections that only the word boundary tells apart ("waived", not "waive" + "d")', () => {
    const m = new PhraseMatcher([
      { phrase: 'waive', kind: 'authority', origin: 't' },
      { phrase: 'two day delivery', kind: 'benefit', origin: 't' },
    ]);
    assert.deepEqual(
      m.find('She waived it; two-day deliveries; 2 days delivery').map((h) => h.text),
      ['waived', 'two-day deliveries'],
    );
  });

  it('picks the starts of a common first word by the word after it, and remembers each word it has seen', () => {
    const m = new PhraseMatcher(['the firm (calls|rings)', 'the store', 'the', "can't wait", 'customer'].map((phrase) => ({ phrase, kind: 'benefit' as const, origin: 't' })));
    const text = "The firm rings; the store-the firm; the\tstore; THE FIRM CALLS; can't wait, can’t wait; the customer's; the firmly";
    // Twice, so the second pass reads every word from memory: the same hits.
    for (let pass = 0; pass < 2; pass++) {
      assert.deepEqual(
        m.find(text).map((h) => `${h.text}=${h.entry.phrase}`),
        [
          'The firm rings=the firm (calls|rings)',
          'the store=the store',
          'the=the',
          'the\tstore=the store',
          'THE FIRM CALLS=the firm (calls|rings)',
          "can't wait=can't wait",
          "can’t wait=can't wait",
          'the=the',
          'customer=customer',
          'the=the',
        ],
      );
    }
  });

  // Reference: at each word start, does any entry's whole expression match there?
  const entries: VocabularyEntry[] = shippedEntries().filter((e) => e.kind !== 'negation');
  const whole = entries.map((e) => ({ entry: e, re: new RegExp(`(?:${compilePattern(e.phrase)})${WORD_AFTER}`, 'iy') }));
  const matcher = new PhraseMatcher(entries);
  const wordStart = /(?<![A-Za-z0-9_\u00C0-\u024F\u0370-\u04FF])[A-Za-z0-9\u00C0-\u024F\u0370-\u04FF$€£¥]/g;
  const fillers = ['and', 'the', 'then', 'we', 'quickly', 'if', 'needed', '.', ',', '(', ')', 'Ok', 'twenty', '5', 'same', 'free'];

  it('agrees with one expression per entry on random text of vocabulary phrases (soundness and completeness)', () => {
    const phrase = fc.tuple(fc.nat(entries.length - 1), fc.nat(), fc.constantFrom('', 's', 'ed', 'ing')).map(([i, choice, suffix]) => instantiatePattern(entries[i]!.phrase, choice) + suffix);
    const piece = fc.oneof(phrase, fc.constantFrom(...fillers));
    const text = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '-', '  ', '\n')).map(([parts, sep]) => parts.join(sep));
    fc.assert(
      fc.property(text, (t) => {
        const hits = matcher.find(t);
        for (const h of hits) {
          // Sound: the entry's whole expression produces exactly the hit's text there.
          const re = new RegExp(`^(?:${compilePattern(h.entry.phrase)})$`, 'i');
          assert.ok(re.test(h.text), `${JSON.stringify(h.text)} is not a match of "${h.entry.phrase}" in ${JSON.stringify(t)}`);
        }
        // Complete: every word start outside earlier hits where some entry matches starts a hit.
        let covered = 0;
        const starts = new Set(hits.map((h) => h.start));
        for (const w of t.matchAll(wordStart)) {
          const at = w.index;
          const hit = hits.find((h) => h.start <= at && at < h.end);
          if (hit) {
            covered = hit.end;
            continue;
          }
          if (at < covered) continue;
          const some = whole.find(({ re }) => {
            re.lastIndex = at;
            const m = re.exec(t);
            return m !== null && m[0].length > 0;
          });
          assert.ok(!some || starts.has(at), `"${some?.entry.phrase}" matches at ${at} of ${JSON.stringify(t)} but the matcher found nothing there`);
        }
      }),
      { numRuns: fuzzRuns(200), seed: fuzzSeed() },
    );
  });
});

describe('PhraseMatcher: texts looked at twice in one lint', () => {
  const entry = (phrase: string): VocabularyEntry => ({ phrase, kind: 'benefit', origin: 'test' });
  const matcher = new PhraseMatcher([entry('same-day refund'), entry('free upgrade')]);
  const text = 'A same-day refund, or a free upgrade.';

  it("answers the same text with the same hits from the running lint's memos, and scans again with other memos or none", () => {
    const first = withTextMemos(new TextMemos(), () => {
      const hits = matcher.find(text);
      assert.equal(matcher.find('No promise here.').length, 0);
      assert.equal(matcher.find(text), hits, 'the same array within one lint');
      return hits;
    });
    assert.deepEqual(
      first.map((h) => [h.start, h.end, h.text]),
      [
        [2, 17, 'same-day refund'],
        [24, 36, 'free upgrade'],
      ],
    );
    const next = withTextMemos(new TextMemos(), () => matcher.find(text));
    assert.notEqual(next, first, "another lint's memos scan again");
    assert.deepEqual(next, first);
    const outside = matcher.find(text);
    assert.notEqual(outside, first, 'outside a lint nothing is kept');
    assert.notEqual(matcher.find(text), outside);
    assert.deepEqual(outside, first);
  });

  it('scans long texts every time (they are not kept)', () => {
    withTextMemos(new TextMemos(), () => {
      const long = `${text} ${'x '.repeat(1500)}`;
      const a = matcher.find(long);
      assert.notEqual(matcher.find(long), a);
      assert.deepEqual(matcher.find(long), a);
    });
  });
});

describe('PhraseMatcher: one-word heads spelled out instead of compiled', () => {
  it('spells a head out into the words it matches, and refuses what it cannot spell', () => {
    assert.deepEqual(headWords('customer(?:s|ed|ing)?')?.sort(), ['customer', 'customered', 'customering', 'customers']);
    assert.deepEqual(headWords("can['\u2019]t"), ["can't", 'can\u2019t']);
    assert.deepEqual(headWords('organi[sz](?:e|es|ed|ing)')?.length, 8);
    assert.deepEqual(headWords('(?:a|an|the)')?.sort(), ['a', 'an', 'the']);
    assert.deepEqual(headWords('colou?r')?.sort(), ['color', 'colour']);
    // A top-level "|" would leave the matcher's word boundary on the last alternative only.
    for (const refused of ['a|b', '\\d+', '(?=(?<A1>x))\\k<A1>', 'ab??', 'a[b-d]', 'caf\u00e9']) assert.equal(headWords(refused), undefined, refused);
  });

  it('spells every one-word head of the shipped vocabularies, each to exactly the words its expression matches', () => {
    const local = /^(?:[a-z]|\(\?:|[()|?]|\[[a-z'\u2019]+\])*$/;
    const heads = new Set<string>();
    for (const file of readdirSync(vocabularyDir).filter((f) => f.endsWith('.txt')))
      for (const e of parseVocabularyFile(readFileSync(join(vocabularyDir, file), 'utf8'), file, 'benefit', false))
        for (const variant of [...variantsByKey(e.phrase).values()].flat()) for (const start of splitVariant(variant).starts) heads.add(start.head);
    const spelled = new Map<string, string[]>();
    for (const head of heads) {
      const src = head.slice(0, -WORD_AFTER.length);
      if (!head.endsWith(WORD_AFTER) || !local.test(src)) continue;
      const words = spellHead(head);
      assert.ok(words && words.length > 0, head);
      spelled.set(src, words);
    }
    assert.ok(spelled.size >= 2000, `${spelled.size} one-word heads`);
    // Against every word any head spells with the same first two letters (plus capitals and a cut letter): the
    // expression matches the head's words only.
    const byPrefix = new Map<string, Set<string>>();
    for (const w of [...spelled.values()].flat()) {
      const near = byPrefix.get(w.slice(0, 2)) ?? new Set<string>();
      for (const c of [w, w.toUpperCase(), w.slice(0, -1)]) near.add(c);
      byPrefix.set(w.slice(0, 2), near);
    }
    for (const [src, words] of spelled) {
      const re = new RegExp(`^(?:${src})$`, 'i');
      const own = new Set(words);
      for (const prefix of new Set(words.map((w) => w.slice(0, 2))))
        for (const w of byPrefix.get(prefix)!)
          if (re.test(w) !== own.has(w.toLowerCase())) assert.fail(`${src} on ${JSON.stringify(w)}: expression ${re.test(w)}, spelled ${own.has(w.toLowerCase())}`);
    }
  });

  it('finds what the expressions find at capitals, apostrophes and letters that lower-case to ASCII', () => {
    const entries = ['customer', "can't wait", 'the firm (calls|rings)', 'it', 'organise', 'refund'].map((phrase): VocabularyEntry => ({ phrase, kind: 'benefit', origin: 't' }));
    const text = "CUSTOMER'S, Customer\u2019s; CAN\u2019T WAIT; The Firm Rings; \u0130t and it; ORGANIZED; \u212Aefund, Refunds, refund's";
    const spelled = new PhraseMatcher(entries).find(text);
    assert.deepEqual(
      spelled.map((h) => h.text),
      ['CUSTOMER', 'Customer', 'CAN\u2019T WAIT', 'The Firm Rings', 'it', 'ORGANIZED', 'Refunds', 'refund'],
    );
    assert.deepEqual(spelled, new PhraseMatcher(entries, { spellHeads: false }).find(text));
  });

  it('gives the hits of the expressions on every corpus text, for every vocabulary file', () => {
    const dirs = ['test/corpus/data', 'test/fixtures/real-world', 'test/fixtures/real-world-2', 'examples'].map((d) => join(packageRoot(), d));
    const texts = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join(d, f), 'utf8')),
    );
    assert.ok(texts.length >= 60, `${texts.length} texts`);
    // Capitals and typographic apostrophes take other paths through a spelled head.
    const all = texts.flatMap((t) => [t, t.toUpperCase().replace(/'/g, '\u2019')]);
    const files = readdirSync(vocabularyDir).filter((f) => f.endsWith('.txt'));
    let hits = 0;
    for (const file of files) {
      const entries = parseVocabularyFile(readFileSync(join(vocabularyDir, file), 'utf8'), file, 'benefit', false);
      const spelled = new PhraseMatcher(entries);
      const compiled = new PhraseMatcher(entries, { spellHeads: false });
      for (const text of all) {
        const a = spelled.find(text).map((h) => `${h.start}-${h.end} ${h.entry.origin}`);
        const b = compiled.find(text).map((h) => `${h.start}-${h.end} ${h.entry.origin}`);
        assert.deepEqual(a, b, `${file} on a corpus text`);
        hits += a.length;
      }
    }
    assert.ok(hits > 10_000, `${hits} hits`);
  });
});
