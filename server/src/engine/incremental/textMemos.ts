// What a document's texts were read as (wink reads, lane labels), kept by the document's cache for its next lint.
import { detached, Generations } from './memo.js';

/**
 * Values by the text they were worked out from, two generations like the other caches (what the latest lint used
 * survives `commit`), and never more than `max` in a generation.
 */
export class TextMemo<V> extends Generations<V> {
  constructor(private readonly max: number) {
    super();
  }

  /** Keeps `value` under a copy of `text` (a slice of the document would keep the whole document alive). */
  override set(text: string, value: V): void {
    if (this.pending < this.max) super.set(detached(text), value);
  }
}

/** One memo per kind of reading (an owner: a name, or the lane table a label was read with); kinds a lint did not read are dropped at its commit. */
export class TextMemos {
  private memos = new Map<unknown, TextMemo<unknown>>();
  private used = new Set<unknown>();

  of<V>(owner: string | object, max: number): TextMemo<V> {
    let memo = this.memos.get(owner);
    if (!memo) this.memos.set(owner, (memo = new TextMemo<unknown>(max)));
    this.used.add(owner);
    return memo as TextMemo<V>;
  }

  /** Keeps what the latest lint read. */
  commit(): void {
    for (const [owner, memo] of this.memos) {
      if (this.used.has(owner)) memo.commit();
      else this.memos.delete(owner);
    }
    this.used = new Set();
  }
}

/** The memos of the lint running now: set by `lint()` from the cache it was given, for the length of that lint only. */
let running: TextMemos | undefined;

/** Runs `f` with `memos` as the running lint's text memos (none when undefined), as they were before once it returns. */
export function withTextMemos<T>(memos: TextMemos | undefined, f: () => T): T {
  const before = running;
  running = memos;
  try {
    return f();
  } finally {
    running = before;
  }
}

/** The running lint's memo for `owner`; undefined when the lint was given no cache (then nothing is remembered). */
export function textMemo<V>(owner: string | object, max: number): TextMemo<V> | undefined {
  return running?.of<V>(owner, max);
}

/** Values worked out from an object (a read text, a list of hits, a chunk's tree), per table: they live as long as it. */
const onObjects = new WeakMap<object, Map<string, unknown>>();

/** `make()` once per object and table; the value is dropped with the object (a memo of it, never of a text). */
export function attached<V>(on: object, table: string, make: () => V): V {
  let tables = onObjects.get(on);
  if (!tables) onObjects.set(on, (tables = new Map()));
  if (tables.has(table)) return tables.get(table) as V;
  const value = make();
  tables.set(table, value);
  return value;
}
