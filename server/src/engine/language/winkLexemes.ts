// wink's lexeme list (87,593 words) and its word -> index hash, answered on demand from a packed copy the build writes.
// The package's loader parses every word and builds an object of 87,593 keys at load (about a fifth of a cold one-file
// run); wink itself only reads `list[i]`, `list.length`, `hash[word]`, pushes new words and sets `hash[word] = i`,
// so these proxies answer exactly those (and any other read, by building the whole thing first) from the packed bytes.

/** FNV-1a over UTF-16 code units: the build and the reader must agree on it (it keys the packed buckets). */
export function lexemeKey(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Buckets of the packed hash: a power of two, about 1.3 words each for the shipped model. */
const BUCKETS = 1 << 16;

/** The packed form of a lexeme list: every word's UTF-8 bytes, where each ends, and the words by bucket of their key. */
export interface PackedLexemes {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** BUCKETS + 1 offsets into `order`. */
  starts: Uint32Array;
  /** Word indexes, bucket by bucket, ascending within a bucket. */
  order: Uint32Array;
}

/** Packs a list, or undefined when a word does not survive UTF-8 (a lone surrogate): the caller then keeps the JSON. */
export function packLexemes(list: readonly string[]): PackedLexemes | undefined {
  const encoded = list.map((w) => Buffer.from(w, 'utf8'));
  if (encoded.some((b, i) => b.toString('utf8') !== list[i])) return undefined;
  const ends = new Uint32Array(list.length);
  const buckets = new Uint32Array(list.length);
  const starts = new Uint32Array(BUCKETS + 1);
  let end = 0;
  for (let i = 0; i < list.length; i++) {
    end += encoded[i]!.length;
    ends[i] = end;
    buckets[i] = lexemeKey(list[i]!) & (BUCKETS - 1);
    starts[buckets[i]! + 1]!++;
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, BUCKETS);
  const order = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) order[next[buckets[i]!]!++] = i;
  return { bytes: Buffer.concat(encoded), ends, starts, order };
}

/** Whether a packed copy is whole and consistent with itself (a damaged or foreign file is not used). */
export function packedLexemesValid(p: PackedLexemes): boolean {
  const n = p.ends.length;
  return p.order.length === n && p.starts.length === BUCKETS + 1 && p.starts[BUCKETS] === n && (n === 0 ? p.bytes.length === 0 : p.ends[n - 1] === p.bytes.length);
}

/** The list and hash wink's cache reads, as proxies over the packed words (decoded once each, when first read). */
export function lexemeFeature(p: PackedLexemes): { list: string[]; hash: Record<string, number> } {
  const size = p.ends.length;
  const buffer = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
  // the list's own elements: a hole until a word is first read; words wink pushes land after `size` as in any array
  const words = new Array<string>(size);
  const word = (i: number): string => words[i] ?? (words[i] = buffer.toString('utf8', i === 0 ? 0 : p.ends[i - 1], p.ends[i]));
  const fillList = () => {
    for (let i = 0; i < size; i++) if (words[i] === undefined) word(i);
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return i < size && String(i) === key ? i : -1;
  };
  const list = new Proxy(words, {
    get(t, key, receiver) {
      const i = index(key);
      return i >= 0 ? word(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return index(key) >= 0 || Reflect.has(t, key);
    },
    set(t, key, value) {
      return Reflect.set(t, key, value);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = index(key);
      if (i >= 0) word(i);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      fillList();
      return Reflect.ownKeys(t);
    },
  });

  // The packed words' index of `key` (the last, as an object built in list order keeps it), or -1.
  const find = (key: string): number => {
    const b = lexemeKey(key) & (BUCKETS - 1);
    for (let j = p.starts[b + 1]! - 1; j >= p.starts[b]!; j--) {
      const i = p.order[j]!;
      if (word(i) === key) return i;
    }
    return -1;
  };
  // Writes (wink's new words) go to the target, like any object; a packed word deleted is remembered as gone.
  const own = Object.create(null) as Record<string, number>;
  const gone = new Set<string>();
  let whole = false;
  const packed = (key: string | symbol): number => (whole || typeof key !== 'string' || key in own || gone.has(key) ? -1 : find(key));
  // Any other read (keys, descriptors) builds the object the package builds and then takes the same writes: packed
  // words in list order (written ones keep their place), then the other words in the order they were written.
  const fillHash = () => {
    if (whole) return;
    const written = new Map(Object.entries(own));
    for (const key of written.keys()) delete own[key];
    for (let i = 0; i < size; i++) {
      const w = word(i);
      if (gone.has(w)) continue;
      own[w] = written.get(w) ?? i;
      if (written.has(w)) written.delete(w);
    }
    for (const [key, value] of written) own[key] = value;
    whole = true;
  };
  const hash = new Proxy(own, {
    get(t, key, receiver) {
      const i = packed(key);
      return i >= 0 ? i : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return packed(key) >= 0 || Reflect.has(t, key);
    },
    // without this trap a write would first ask for the key's descriptor, which builds the whole hash
    set(t, key, value) {
      return Reflect.set(t, key, value);
    },
    deleteProperty(t, key) {
      if (typeof key === 'string' && !whole && find(key) >= 0) gone.add(key);
      return Reflect.deleteProperty(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      fillHash();
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      fillHash();
      return Reflect.ownKeys(t);
    },
  });
  return { list, hash };
}
