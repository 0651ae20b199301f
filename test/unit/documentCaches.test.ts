// The language server's cache budget: recently linted documents keep their parse and step caches, older ones lose them.
import { strict as assert } from 'node:assert';
import { DocumentCaches } from '../../server/src/server/documentCaches.js';

describe('document caches (server)', () => {
  it('returns the same caches for a document until they are dropped', () => {
    const caches = new DocumentCaches(1000);
    const a = caches.use('a', 10);
    assert.equal(caches.use('a', 12), a);
    assert.equal(caches.totalChars, 12);
    caches.drop('a');
    assert.equal(caches.has('a'), false);
    assert.equal(caches.totalChars, 0);
    assert.notEqual(caches.use('a', 12), a);
  });

  it('drops the least recently linted documents once over the budget, keeping the two most recent whatever their size', () => {
    const caches = new DocumentCaches(100, 2);
    caches.use('a', 40);
    caches.use('b', 40);
    caches.use('a', 40);
    caches.use('c', 40);
    // 120 > 100: b is the oldest use.
    assert.deepEqual(caches.uris(), ['a', 'c']);
    assert.equal(caches.totalChars, 80);
    caches.use('huge', 5000);
    assert.deepEqual(caches.uris(), ['c', 'huge']);
    caches.use('c', 10);
    assert.deepEqual(caches.uris(), ['huge', 'c']);
    assert.equal(caches.totalChars, 5010);
  });
});
