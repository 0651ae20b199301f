import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseGfm, parseMarkdown, parseWhole, splitChunks, tableRuns, type ParseProblem } from '../../server/src/engine/parse.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { packageRoot } from '../../server/src/engine/resources.js';
import { blueprintArb, corpusFiles, fuzzRuns, fuzzSeed, mutatedCorpusArb } from '../support/arbitraries.js';

/** Plain data of a tree, positions included, for deep comparison. */
function strip(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node));
}

// The shared corpus as far as it is present: its absence fails the corpus suite, which names it.
const documents: Array<[string, string]> = [
  ...corpusFiles().map((f): [string, string] => [f.name, f.text]),
  ...['pharmacy-prescription.blueprint.md', 'insurance-claim.md', 'coworking-membership.md', 'blueprints/bike-repair.md'].map((f): [string, string] => [
    f,
    readFileSync(join(packageRoot(), 'examples', f), 'utf8'),
  ]),
];

describe('parse: chunk-wise parsing', () => {
  for (const [name, text] of documents) {
    it(`gives the same tree as one whole parse: ${name}`, () => {
      const whole = parseWhole(text);
      const chunked = parseMarkdown(text);
      assert.deepEqual(strip(chunked.children), strip(whole.children));
    });
    it(`same with CRLF line endings: ${name}`, () => {
      const crlf = text.replace(/\n/g, '\r\n');
      assert.deepEqual(strip(parseMarkdown(crlf).children), strip(parseWhole(crlf).children));
    });
  }

  it('parses a document with a lone "\\r" line break whole (mixed-EOL mutations found both cases)', () => {
    // A fence and a heading after lone "\r"s: the split reads lines up to "\n" and would see neither where it is.
    for (const text of ['# A\r\rtext\r\n## B\r- x\n## C\r\n- y\n', '\u0000\r```\n# A\n\ntext\n\n## B\n- x\n']) {
      assert.equal(splitChunks(text).length, 1);
      assert.deepEqual(strip(parseMarkdown(text, new ChunkCache()).children), strip(parseWhole(text).children));
      assert.deepEqual(strip(parseMarkdown(text).children), strip(parseWhole(text).children));
    }
    assert.equal(splitChunks('# A\r\n\r\n## B\r\n').length, 2, 'CRLF still splits');
  });

  it('does not split inside fenced code, HTML comments or front matter', () => {
    const text = '---\ntitle: x\n---\n# A\n\n```sh\n# not a heading\n```\n\n<!--\n# hidden\n-->\n\n## B\ntext\n';
    assert.deepEqual(
      splitChunks(text).map((c) => c.text.split('\n')[0]),
      ['---', '# A', '## B'],
    );
    assert.deepEqual(strip(parseMarkdown(text).children), strip(parseWhole(text).children));
  });

  it('parses a document with link reference definitions whole', () => {
    const text = '# A\n\nsee [x]\n\n## B\n\n[x]: https://example.com\n';
    assert.equal(splitChunks(text).length, 1);
  });

  it('joins neighbouring chunks into runs that agree on tables, covering the text exactly', () => {
    const text = '# T\n\n## A\n- a\n\n## B\n| x | y |\n|---|---|\n| 1 | 2 |\n\n## C\nLane\n:-:\nx\n\n## D\n- d\n\n## E\n- e\n';
    const runs = tableRuns(text, splitChunks(text));
    assert.deepEqual(
      runs.map((r) => [r.start, r.line, r.text.split('\n')[0]]),
      [
        [0, 0, '# T'],
        [text.indexOf('## B'), 5, '## B'],
        [text.indexOf('## D'), 15, '## D'],
      ],
    );
    assert.equal(runs.map((r) => r.text).join(''), text);
    assert.deepEqual(strip(parseMarkdown(text).children), strip(parseWhole(text).children));
  });

  it('an unclosed front matter fence stays in a run of its own (a whole parse would make the list after it a paragraph)', () => {
    const text = '---\nThe guest asks.\n\n## Check-in\n\n- Arrival\n  - **Customer:** Asks for help.\n\n## C\n';
    assert.deepEqual(
      tableRuns(text, splitChunks(text)).map((r) => r.start),
      [0, text.indexOf('## Check-in')],
    );
    assert.deepEqual(
      parseMarkdown(text).children.map((c) => c.type),
      ['thematicBreak', 'paragraph', 'heading', 'list', 'heading'],
    );
    assert.deepEqual(strip(parseMarkdown(text)), strip(parseMarkdown(text, new ChunkCache())));
  });

  it('so does the first chunk after a second byte order mark (micromark skips it without counting it)', () => {
    const text = '\uFEFF\uFEFF\r\n# A\n\n- a\n\n## B\n- b\n';
    assert.equal(parseMarkdown(text).children[0]!.position!.start.offset, text.indexOf('# A'));
    assert.deepEqual(strip(parseMarkdown(text).children), strip(parseMarkdown(text, new ChunkCache()).children));
  });

  it(`generated and mutated blueprints: the run-wise parse gives the whole parse's tree (${Math.ceil(fuzzRuns() / 4)} cases each)`, () => {
    const check = (text: string): void => {
      const problems: ParseProblem[] = [];
      const runWise = parseMarkdown(text, undefined, problems);
      // The chunk-wise parse (the editor's) is the reference: the same as a whole parse but where micromark errs (above).
      assert.deepEqual(strip(runWise.children), strip(parseMarkdown(text, new ChunkCache()).children), `trees differ for ${JSON.stringify(text.slice(0, 200))}`);
      // Depth-capped or fallback parses, positions past a BOM and an unclosed front matter fence differ from a whole parse.
      if (problems.length === 0 && !/^\uFEFF|^---|^\+\+\+/.test(text))
        assert.deepEqual(strip(runWise.children), strip(parseWhole(text).children), `trees differ from a whole parse for ${JSON.stringify(text.slice(0, 200))}`);
    };
    fc.assert(
      fc.property(blueprintArb, ({ text }) => check(text)),
      { numRuns: Math.ceil(fuzzRuns() / 4), seed: fuzzSeed() },
    );
    if (corpusFiles().length > 0)
      fc.assert(
        fc.property(mutatedCorpusArb(), (doc) => check(doc.text)),
        { numRuns: Math.ceil(fuzzRuns() / 4), seed: fuzzSeed() },
      );
  });

  it('re-parses only changed chunks with a cache and still matches a whole parse', () => {
    const cache = new ChunkCache();
    const text = '# T\n\n## One\n- a\n\n## Two\n- b\n';
    parseMarkdown(text, cache);
    const edited = text.replace('- b', '- b changed');
    assert.deepEqual(strip(parseMarkdown(edited, cache).children), strip(parseWhole(edited).children));
  });
});

describe('parse: text where no table can start is parsed without the table construct', function () {
  this.timeout(0);
  // parseGfm's own choice against a parse with tables: equal trees whichever it chose.
  const same = (text: string): void => assert.deepEqual(strip(parseGfm(text)), strip(parseGfm(text, true)), `trees differ for ${JSON.stringify(text.slice(0, 200))}`);
  // What a "|" can be replaced by: nothing, a space, look-alikes a table does not accept, and a cell alignment colon.
  const noPipes = (text: string, by: string): string => text.replace(/\|/g, by);
  const replacements = ['', ' ', '\u00a6', '\uff5c', ':', '-'];

  it('the tableless parse does leave tables out (the comparisons below can fail)', () => {
    const table = '| Lane | Step |\n| --- | --- |\n| Front | Greets |\n';
    assert.equal(parseGfm(table, true).children[0]!.type, 'table');
    assert.equal(parseGfm(table, false).children[0]!.type, 'paragraph');
    assert.equal(parseMarkdown(table).children[0]!.type, 'table');
    // One column, no "|": still a table, so an aligned delimiter row keeps the table construct on.
    assert.equal(parseGfm('Lane\n:-:\nFront\n', false).children[0]!.type, 'paragraph');
    assert.equal(parseGfm('Lane\n:-:\nFront\n').children[0]!.type, 'table');
    assert.equal(parseMarkdown('# T\n\nLane\n--:\nFront\n').children[1]!.type, 'table');
  });

  it('near-tables without a "|": delimiter rows, setext underlines, tabs, containers', () => {
    for (const text of [
      'a\n:-:\n',
      'a\n---:\n',
      'a\n:--\nb\n',
      'a b\n--- ---\n',
      'a\tb\n---\t---\n',
      'Head\n- - -\n',
      '- a\n  :-\n',
      '> a\n> --:\n',
      'a \u00a6 b\n--- \u00a6 ---\n',
      '\\\na\n-\n',
      '# T\n\n:-:\n:-:\n',
      'a\n:-: :-:\nb c\n',
      '[^1]\n\n[^1]: a\n:-\n',
    ])
      same(text);
  });

  for (const [name, text] of documents) {
    it(`shipped and corpus blueprints with every "|" replaced: ${name}`, () => {
      for (const by of replacements) same(noPipes(text, by));
    });
  }

  it(`generated and mutated blueprints with every "|" replaced (${Math.ceil(fuzzRuns() / 4)} cases each)`, () => {
    const by = fc.constantFrom(...replacements);
    fc.assert(
      fc.property(blueprintArb, by, ({ text }, b) => same(noPipes(text, b))),
      { numRuns: Math.ceil(fuzzRuns() / 4), seed: fuzzSeed() },
    );
    if (corpusFiles().length === 0) return;
    fc.assert(
      fc.property(mutatedCorpusArb(), by, (doc, b) => same(noPipes(doc.text, b))),
      { numRuns: Math.ceil(fuzzRuns() / 4), seed: fuzzSeed() },
    );
  });
});
