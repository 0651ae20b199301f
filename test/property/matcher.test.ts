// User vocabulary entries are literal phrases in a small pattern syntax: whatever a user writes compiles to a
// regex without repeated groups, and matches a 100 KB text correctly and in bounded time.
import { strict as assert } from 'node:assert';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { compilePattern, PatternError } from '../../server/src/engine/phrases/pattern.js';
import { PhraseMatcher } from '../../server/src/engine/phrases/vocabulary.js';
import { fuzzRuns, fuzzSeed } from '../support/arbitraries.js';

/** Groups in regex source that carry an unbounded quantifier (+, * or {n,}): the root of catastrophic backtracking. */
export function repeatedGroups(src: string): string[] {
  const open: number[] = [];
  const out: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') {
      open.push(i);
    } else if (c === ')') {
      const start = open.pop() ?? 0;
      if (/^(?:[+*]|\{\d+,\d*\})/.test(src.slice(i + 1))) out.push(src.slice(start, i + 2));
    }
  }
  return out;
}

const ENGINE_REPEATS = new Set(['(?:[.,]\\d+)*']);

const repeat = (s: string, n: number, sep = ' ') => Array(n).fill(s).join(sep);

const ADVERSARIAL = [
  repeat('(a|a)', 12, ''),
  `(${Array.from({ length: 500 }, (_, i) => 'a'.repeat((i % 20) + 1)).join('|')})`,
  '[a [a [a [a [a [a [a [a]]]]]]]] b',
  `${repeat('[a]', 20)} b`,
  `${repeat('[a|aa]', 20)} b`,
  `a ${repeat('[a]', 20)}`,
  '(a+)+',
  '((a|b)+)*',
  '=a.*.*.*',
  'a*+?',
  '\\d+\\w*',
  '(?:a)',
  `(${repeat('[a]', 10, ' ')} a|a)`,
];

interface WorkerResult {
  hits: number;
  first: string | null;
  last: string | null;
  compileMs: number;
  matchMs: number;
}

/** Runs one pattern over a text in a worker; a watchdog stops it after `limitMs` (linear code takes well under a second). */
function matchInWorker(pattern: string, text: string, limitMs = 10_000): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./matcherWorker.js', import.meta.url), { workerData: { pattern, text } });
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`matching ${JSON.stringify(pattern.slice(0, 60))} over ${text.length} chars did not finish in ${limitMs / 1000} s: the regex backtracks`));
    }, limitMs);
    worker.once('message', (r: WorkerResult) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(r);
    });
    worker.once('error', (e) => {
      clearTimeout(watchdog);
      reject(e);
    });
  });
}

const A_WORD = 'a'.repeat(100_000);
const A_WORDS = 'a '.repeat(50_000);

describe('vocabulary pattern matcher', function () {
  this.timeout(0);
  const measured: string[] = [];
  after(() => {
    console.log('      adversarial patterns over 100 KB:');
    for (const m of measured) console.log(`        ${m}`);
  });

  it('user patterns never compile to a repeated group (no nested quantifiers from user input)', () => {
    for (const p of ADVERSARIAL) {
      let src: string;
      try {
        src = compilePattern(p);
      } catch (e) {
        assert.ok(e instanceof PatternError, `${p}: ${(e as Error).message}`);
        continue;
      }
      assert.deepEqual(repeatedGroups(src), [], `${p} compiles to ${src}`);
    }
  });

  it(`random patterns from the syntax compile to regexes without repeated groups, or fail with a PatternError (${Math.max(100, Math.ceil(fuzzRuns() / 4))} cases)`, () => {
    const token = fc.oneof(fc.constantFrom('a', 'aa', 'b', '(', ')', '[', ']', '|', '{n}', '{money}', '=x', '-', ' ', '*', '+', '?', '.', '\\', '{', '}', 'ö', '😀'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 20 }).map((t) => t.join('')),
        (p) => {
          let src: string;
          try {
            src = compilePattern(p);
          } catch (e) {
            assert.ok(e instanceof PatternError, `${JSON.stringify(p)} threw ${(e as Error).message}`);
            return;
          }
          // The {n} placeholder is the engine's own fixed regex (digit groups "1,000.50"); nothing else may repeat.
          assert.deepEqual(
            repeatedGroups(src).filter((g) => !ENGINE_REPEATS.has(g)),
            [],
            `${JSON.stringify(p)} compiles to ${src}`,
          );
          assert.doesNotThrow(() => new RegExp(src, 'giu'), `${JSON.stringify(p)} compiles to an invalid regex ${src}`);
        },
      ),
      { numRuns: Math.max(100, Math.ceil(fuzzRuns() / 4)), seed: fuzzSeed() },
    );
  });

  it('the regex metacharacters a user writes are matched literally', () => {
    const m = new PhraseMatcher([{ phrase: '=a.*', kind: 'benefit', origin: 'config' }]);
    assert.deepEqual(
      m.find('xx a.* yy').map((h) => h.text),
      ['a.*'],
    );
    assert.deepEqual(m.find('xx abc yy'), []);
  });

  const cases: Array<[string, string, string, number, string | null]> = [
    ['(a|a) x8 over one 100 KB word', repeat('(a|a)', 8, ''), A_WORD, 0, null],
    ['(a|a) x8 over "a a a ..."', repeat('(a|a)', 8, ''), A_WORDS, 6250, repeat('a', 8)],
    ['500-way alternation over one 100 KB word', ADVERSARIAL[1]!, A_WORD, 0, null],
    ['500-way alternation over "a a a ..."', ADVERSARIAL[1]!, A_WORDS, 50_000, 'a'],
    ['nested optionals over "a a a ..."', ADVERSARIAL[2]!, A_WORDS, 0, null],
    ['nested optionals over "a a a ... b"', ADVERSARIAL[2]!, `${A_WORDS}b`, 1, `${repeat('a', 8)} b`],
    ['20 optional words then b over one 100 KB word', ADVERSARIAL[3]!, A_WORD, 0, null],
    ['20 optional words then b over "a a a ..."', ADVERSARIAL[3]!, A_WORDS, 0, null],
    ['20 optional words then b over "a a a ... b"', ADVERSARIAL[3]!, `${A_WORDS}b`, 1, `${repeat('a', 20)} b`],
    ['20 optional a|aa then b over "a a a ..."', ADVERSARIAL[4]!, A_WORDS, 0, null],
    ['a then 20 optional words over "a a a ..."', ADVERSARIAL[5]!, A_WORDS, Math.ceil(50_000 / 21), repeat('a', 21)],
  ];
  for (const [name, pattern, text, hits, first] of cases) {
    it(`${name}: ${hits} hits, in bounded time`, async () => {
      const r = await matchInWorker(pattern, text);
      measured.push(`${name.padEnd(52)} compile ${r.compileMs.toFixed(0).padStart(5)} ms, match ${r.matchMs.toFixed(0).padStart(6)} ms, ${r.hits} hits`);
      assert.equal(r.hits, hits);
      assert.equal(r.first, first);
    });
  }
});
