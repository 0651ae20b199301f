import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChunkCache, parseMarkdown, parseWhole, splitChunks } from '../../server/src/engine/parse.js';
import { packageRoot } from '../../server/src/engine/resources.js';
import { corpusFiles } from '../support/arbitraries.js';

/** Plain data of a tree, positions included, for deep comparison. */
function strip(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node));
}

// The shared corpus as far as it is present: its absence fails the corpus suite, which names it.
const documents: Array<[string, string]> = [
  ...corpusFiles().map((f): [string, string] => [f.name, f.text]),
  ...['pharmacy-prescription.blueprint.md', 'insurance-claim.md', 'coworking-membership.md', 'blueprints/bike-repair.md'].map((f): [string, string] => [f, readFileSync(join(packageRoot(), 'examples', f), 'utf8')]),
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

  it('does not split inside fenced code, HTML comments or front matter', () => {
    const text = '---\ntitle: x\n---\n# A\n\n```sh\n# not a heading\n```\n\n<!--\n# hidden\n-->\n\n## B\ntext\n';
    assert.deepEqual(splitChunks(text).map((c) => c.text.split('\n')[0]), ['---', '# A', '## B']);
    assert.deepEqual(strip(parseMarkdown(text).children), strip(parseWhole(text).children));
  });

  it('parses a document with link reference definitions whole', () => {
    const text = '# A\n\nsee [x]\n\n## B\n\n[x]: https://example.com\n';
    assert.equal(splitChunks(text).length, 1);
  });

  it('re-parses only changed chunks with a cache and still matches a whole parse', () => {
    const cache = new ChunkCache();
    const text = '# T\n\n## One\n- a\n\n## Two\n- b\n';
    parseMarkdown(text, cache);
    const edited = text.replace('- b', '- b changed');
    assert.deepEqual(strip(parseMarkdown(edited, cache).children), strip(parseWhole(edited).children));
  });
});
