// The phrase table's file format: strings as UTF-8, records as 32-bit integers, and hashed indexes from a string to a
// value, all read in place from the file's bytes. A reader decodes a string the first time it is asked for, so a short
// run pays for the entries its text reaches, not for the whole table (JSON.parse of all of it was a tenth of a cold run).
//
// File: one line of JSON (the head: format, digest, where each section lies), then the sections, each 4-byte aligned.

/** FNV-1a over UTF-16 code units: the writer and the reader must agree on it (it picks an index's bucket). */
function stringKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Head {
  format: number;
  digest: string;
  /** Byte offset and length of each section. */
  sections: Record<string, [number, number]>;
}

/** Builds a table file: strings once each, records, and indexes from a string to a number. */
export class TableWriter {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly records: number[] = [];
  private readonly indexes = new Map<string, Array<[id: number, value: number]>>();

  /** The id of a string, stored once. */
  string(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      this.ids.set(s, (id = this.strings.length));
      this.strings.push(s);
    }
    return id;
  }

  /** Appends a record of integers; returns where it starts. */
  record(values: readonly number[]): number {
    const at = this.records.length;
    for (const v of values) this.records.push(v);
    return at;
  }

  /** Files `value` under the string `key` in the index `name` (a key is filed once; the first value stays). */
  index(name: string, key: string, value: number): void {
    let pairs = this.indexes.get(name);
    if (!pairs) this.indexes.set(name, (pairs = []));
    pairs.push([this.string(key), value]);
  }

  /** The file's bytes. */
  bytes(format: number, digest: string): Buffer {
    const encoded = this.strings.map((s) => Buffer.from(s, 'utf8'));
    const ends = new Uint32Array(encoded.length);
    let end = 0;
    encoded.forEach((b, i) => (ends[i] = end += b.length));
    const sections: Array<[string, Uint8Array]> = [
      ['text', Buffer.concat(encoded)],
      ['ends', bytesOf(ends)],
      ['records', bytesOf(Int32Array.from(this.records))],
    ];
    for (const [name, pairs] of this.indexes) sections.push([`index:${name}`, bytesOf(hashedIndex(pairs, this.strings))]);
    // the head's length depends on the offsets it names: lay the sections out after a head of fixed width
    const HEAD = 1024;
    const placed: Head['sections'] = {};
    let offset = HEAD;
    for (const [name, data] of sections) {
      placed[name] = [offset, data.length];
      offset += (data.length + 3) & ~3;
    }
    const head = JSON.stringify({ format, digest, sections: placed } satisfies Head);
    if (head.length + 1 > HEAD) throw new Error('phrase table: head too long');
    const file = Buffer.alloc(offset, 0);
    file.write(`${head}\n`, 0, 'latin1');
    file.fill(0x20, head.length + 1, HEAD);
    for (const [name, data] of sections) file.set(data, placed[name]![0]);
    return file;
  }
}

/** An index as integers: bucket count B (a power of two), B + 1 slot starts, then (string id, value) per slot, by bucket. */
function hashedIndex(pairs: ReadonlyArray<[number, number]>, strings: readonly string[]): Int32Array {
  const seen = new Set<number>();
  const unique = pairs.filter(([id]) => !seen.has(id) && seen.add(id));
  let buckets = 1;
  while (buckets < unique.length * 2) buckets *= 2;
  const bucketOf = unique.map(([id]) => stringKey(strings[id]!) & (buckets - 1));
  const out = new Int32Array(2 + buckets + 2 * unique.length);
  out[0] = buckets;
  for (const b of bucketOf) out[2 + b]!++;
  for (let b = 0; b < buckets; b++) out[2 + b]! += out[1 + b]!;
  const next = out.slice(1, 1 + buckets);
  const base = 2 + buckets;
  unique.forEach(([id, value], i) => {
    const slot = next[bucketOf[i]!]!++;
    out[base + 2 * slot] = id;
    out[base + 2 * slot + 1] = value;
  });
  return out;
}

function bytesOf(a: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** 32-bit integers of a section: a view when aligned (as a file read whole is), else a copy. */
function ints(bytes: Uint8Array): Int32Array {
  if (bytes.length % 4 !== 0) throw new RangeError('phrase table: section not 32-bit aligned');
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Reads a table file in place. */
export class TableReader {
  readonly format: number;
  readonly digest: string;
  readonly records: Int32Array;
  private readonly text: Buffer;
  private readonly ends: Int32Array;
  private readonly decoded: Array<string | undefined>;
  private readonly indexes = new Map<string, Int32Array>();

  /** Throws when the file is not whole (a damaged or foreign file is not used). */
  constructor(file: Uint8Array) {
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const line = bytes.indexOf(10);
    if (line < 0 || line > 4096) throw new RangeError('phrase table: no head');
    const head = JSON.parse(bytes.toString('latin1', 0, line)) as Head;
    this.format = head.format;
    this.digest = head.digest;
    const section = (name: string): Buffer => {
      const [offset, length] = head.sections[name] ?? [-1, 0];
      if (offset <= line || offset + length > bytes.length) throw new RangeError(`phrase table: section ${name} out of the file`);
      return bytes.subarray(offset, offset + length);
    };
    this.text = section('text');
    this.ends = ints(section('ends'));
    this.records = ints(section('records'));
    const n = this.ends.length;
    if (n > 0 && this.ends[n - 1] !== this.text.length) throw new RangeError('phrase table: strings do not fill the text');
    for (const name of Object.keys(head.sections)) {
      if (!name.startsWith('index:')) continue;
      const index = ints(section(name));
      const buckets = index[0]!;
      if (buckets < 1 || (buckets & (buckets - 1)) !== 0 || index.length !== 2 + buckets + 2 * index[1 + buckets]!) throw new RangeError(`phrase table: ${name} is damaged`);
      this.indexes.set(name.slice('index:'.length), index);
    }
    this.decoded = new Array<string | undefined>(n);
  }

  /** String `id`, decoded on first use. */
  string(id: number): string {
    let s = this.decoded[id];
    if (s === undefined) {
      if (id < 0 || id >= this.ends.length) throw new RangeError(`phrase table: no string ${id}`);
      s = this.decoded[id] = this.text.toString('utf8', id === 0 ? 0 : this.ends[id - 1], this.ends[id]);
    }
    return s;
  }

  /** The value filed under `key` in index `name`, or undefined. */
  lookup(name: string, key: string): number | undefined {
    const index = this.indexes.get(name);
    if (!index) return undefined;
    const buckets = index[0]!;
    const b = stringKey(key) & (buckets - 1);
    const base = 2 + buckets;
    for (let slot = index[1 + b]!; slot < index[2 + b]!; slot++) if (this.string(index[base + 2 * slot]!) === key) return index[base + 2 * slot + 1];
    return undefined;
  }

  /** How many keys index `name` holds. */
  count(name: string): number {
    const index = this.indexes.get(name);
    return index ? (index.length - 2 - index[0]!) / 2 : 0;
  }

  /** Every (key's string id, value) of index `name`, in bucket order: no key is decoded. */
  keyIds(name: string): Array<[number, number]> {
    const index = this.indexes.get(name);
    if (!index) return [];
    const out: Array<[number, number]> = [];
    for (let p = 2 + index[0]!; p < index.length; p += 2) out.push([index[p]!, index[p + 1]!]);
    return out;
  }
}
