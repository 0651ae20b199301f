// What the document reading keeps between an editor's lints: the engine's memo, so the rules that read it keep none.
import { Generations } from '../memo.js';

/** Values by the text they were read from; a key must hold everything its value depends on. */
export interface Memo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * One memo per kind of reading (an owner: a phrase matcher, a reader), each two generations like the step cache, so
 * it holds one document version's worth; a kind the latest lint did not read is dropped at the commit.
 */
export class ReadingMemos {
  private memos = new Map<object, Generations<unknown>>();
  private used = new Set<object>();

  of<V>(owner: object): Memo<V> {
    let memo = this.memos.get(owner);
    if (!memo) this.memos.set(owner, (memo = new Generations<unknown>()));
    this.used.add(owner);
    return memo as Generations<V>;
  }

  commit(): void {
    for (const [owner, memo] of this.memos) {
      if (this.used.has(owner)) memo.commit();
      else this.memos.delete(owner);
    }
    this.used = new Set();
  }
}
