// What the document reading keeps between an editor's lints: the engine's memo, so the rules that read it keep none.
import { Generations } from './memo.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';

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
  /** The vocabulary each policy judge's answers were given under. */
  private judged = new Map<object, CompiledVocabulary>();
  /** Policy answers found in the memo and judged afresh, since creation: for tests and the bench. */
  readonly stats = { verdictHits: 0, verdictMisses: 0 };

  of<V>(owner: object): Memo<V> {
    let memo = this.memos.get(owner);
    if (!memo) this.memos.set(owner, (memo = new Generations<unknown>()));
    this.used.add(owner);
    return memo as Generations<V>;
  }

  /** A policy judge's answers by section text, under one vocabulary (another vocabulary starts them again). */
  verdicts(judge: object, vocabulary: CompiledVocabulary): Memo<boolean> {
    if (this.judged.get(judge) !== vocabulary) {
      this.memos.delete(judge);
      this.judged.set(judge, vocabulary);
    }
    const memo = this.of<boolean>(judge);
    return {
      get: (key) => {
        const hit = memo.get(key);
        if (hit === undefined) this.stats.verdictMisses++;
        else this.stats.verdictHits++;
        return hit;
      },
      set: (key, value) => memo.set(key, value),
    };
  }

  commit(): void {
    for (const [owner, memo] of this.memos) {
      if (this.used.has(owner)) memo.commit();
      else {
        this.memos.delete(owner);
        this.judged.delete(owner);
      }
    }
    this.used = new Set();
  }
}
