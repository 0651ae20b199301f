// Phrase detection on sentences written apart from the shared corpus (test/fixtures/phrases/*.tsv).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBenefits, findSupports, readableEntry } from '../../server/src/engine/blueprint/analyse.js';
import { compileVocabulary } from '../../server/src/engine/phrases/vocabulary.js';
import { packageRoot } from '../../server/src/engine/resources.js';

interface Case {
  line: number;
  text: string;
  expected: string[];
}

function readCases(name: string): Case[] {
  const file = join(packageRoot(), 'test', 'fixtures', 'phrases', name);
  assert.ok(existsSync(file), `missing fixture ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim() && !l.startsWith('#') && !l.startsWith('text\t'))
    .map(({ l, i }) => {
      const [text, expected] = l.split('\t');
      return {
        line: i + 1,
        text: text!,
        expected:
          !expected || expected.trim() === '-'
            ? []
            : expected
                .split(',')
                .map((e) => e.trim())
                .filter(Boolean),
      };
    });
}

/** Precision and recall of found items against expected ones, each item compared case-insensitively. */
function score(cases: Case[], find: (text: string) => string[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = find(c.text).map((g) => g.toLowerCase());
    const want = c.expected.map((w) => w.toLowerCase());
    // A found phrase counts when it overlaps an expected one (boundaries differ by merging, e.g. "refund on the spot").
    const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);
    for (const g of got) {
      if (want.some((w) => overlaps(g, w))) tp++;
      else {
        fp++;
        misses.push(`FP line ${c.line}: "${g}" in: ${c.text}`);
      }
    }
    for (const w of want) {
      if (!got.some((g) => overlaps(g, w))) {
        fn++;
        misses.push(`FN line ${c.line}: "${w}" in: ${c.text}`);
      }
    }
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { tp, fp, fn, precision, recall, misses };
}

describe('phrase detection on unseen sentences', () => {
  const vocab = compileVocabulary();

  it('says which vocabulary entry found a phrase, a long alternation cut to the alternative that matched', () => {
    assert.deepEqual(
      findBenefits('the receptionist offers a free upgrade', vocab).map((b) => [b.text, b.why]),
      [['free upgrade', 'vocabulary: =free (upgrade|… 105 more)']],
    );
    assert.equal(readableEntry('=comp (a|the|their|one|her)', 'comp their room'), '=comp (their|… 4 more)');
    assert.equal(readableEntry('=free (drink|meal)', 'free drink'), '=free (drink|meal)', 'three alternatives or fewer stay whole');
  });

  it('benefit phrases: precision and recall of at least 0.9', () => {
    const s = score(readCases('benefit.tsv'), (t) => findBenefits(t, vocab).map((b) => b.text));
    console.log(`      benefit: tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
    for (const m of s.misses.slice(0, 40)) console.log(`        ${m}`);
    assert.ok(s.precision >= 0.9 && s.recall >= 0.9, 'benefit precision or recall below 0.9');
  });

  it('support phrases (with their kind): precision and recall of at least 0.9', () => {
    const s = score(readCases('support.tsv'), (t) => findSupports(t, vocab).map((x) => `${x.kind}:${x.text}`));
    console.log(`      support: tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
    for (const m of s.misses.slice(0, 40)) console.log(`        ${m}`);
    assert.ok(s.precision >= 0.9 && s.recall >= 0.9, 'support precision or recall below 0.9');
  });
});
