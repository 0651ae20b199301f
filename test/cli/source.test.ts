import assert from 'node:assert/strict';
import { decodeSource, firstInvalidUtf8 } from '../../server/src/cli/source.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('cli source decoding', () => {
  it('finds the first malformed UTF-8 sequence', () => {
    assert.equal(firstInvalidUtf8(bytes('plain ascii')), -1);
    assert.equal(firstInvalidUtf8(bytes('caf\u00e9 \u20ac \u{1F600}')), -1);
    assert.equal(firstInvalidUtf8(bytes('ab', [0xe9], 'cd')), 2, 'latin-1 é');
    assert.equal(firstInvalidUtf8(bytes('ab', [0xc0, 0x80])), 2, 'overlong NUL');
    assert.equal(firstInvalidUtf8(bytes('x', [0xed, 0xa0, 0x80])), 1, 'encoded surrogate');
    assert.equal(firstInvalidUtf8(bytes('x', [0xe2, 0x82])), 1, 'truncated at end');
    assert.equal(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
  });

  it('reports the position of the first bad byte in the decoded text', () => {
    const r = decodeSource(bytes('# T\n\nCaf\u00e9 ', [0xe9], ' ok\n'));
    assert.equal(r.kind, 'text');
    if (r.kind !== 'text') return;
    assert.deepEqual(r.invalidUtf8At, { line: 3, column: 6, offset: 10 });
    assert.equal(r.text, '# T\n\nCaf\u00e9 \uFFFD ok\n');
  });

  it('strips a BOM so columns count from the first real character, and remembers it', () => {
    const r = decodeSource(bytes([0xef, 0xbb, 0xbf], '# Title\n'));
    assert.deepEqual(r, { kind: 'text', text: '# Title\n', bom: true });
    assert.deepEqual(decodeSource(bytes('# Title\n')), { kind: 'text', text: '# Title\n', bom: false });
  });

  it('treats NUL bytes as binary and an empty file as empty text', () => {
    assert.deepEqual(decodeSource(bytes('PNG', [0, 1, 2])), { kind: 'binary' });
    assert.deepEqual(decodeSource(new Uint8Array(0)), { kind: 'text', text: '', bom: false });
  });
});
