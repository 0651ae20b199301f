// Which open documents keep their parse and step caches: the recently linted ones, within a size budget.
import { ChunkCache } from '../engine/index.js';
import { StepCache } from '../engine/incremental/stepCache.js';

export interface DocumentCache {
  parse: ChunkCache;
  steps: StepCache;
}

/**
 * Caches cost ~85 bytes of heap per character of text (mdast of every chunk, every step's phrases and findings;
 * measured: the bench's 10,000-line blueprint, 417,280 characters, holds 35 MB after 300 edits), so with hundreds
 * of open documents only the most recently linted keep theirs; a document that lost its cache is linted whole once
 * and caches again. 1,000,000 characters is ~85 MB: a 10,000-line blueprint twice over, or a hundred 200-line ones.
 * The most recent `minKept` documents keep theirs whatever their size.
 */
export const CACHE_BUDGET_CHARS = 1_000_000;

export class DocumentCaches {
  /** In order of use, oldest first (a Map iterates in insertion order). */
  private readonly entries = new Map<string, DocumentCache & { chars: number }>();
  private chars = 0;

  constructor(
    private readonly budgetChars = CACHE_BUDGET_CHARS,
    private readonly minKept = 2,
  ) {}

  /** The document's caches (new ones when it had none), now the most recent; older ones past the budget are dropped. */
  use(uri: string, chars: number): DocumentCache {
    const old = this.entries.get(uri);
    this.entries.delete(uri);
    const entry = old ?? { parse: new ChunkCache(), steps: new StepCache(), chars };
    this.chars += chars - (old?.chars ?? 0);
    entry.chars = chars;
    this.entries.set(uri, entry);
    for (const [key, e] of this.entries) {
      if (this.chars <= this.budgetChars || this.entries.size <= this.minKept) break;
      this.entries.delete(key);
      this.chars -= e.chars;
    }
    return entry;
  }

  drop(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    this.chars -= e.chars;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** Documents holding caches, oldest first. */
  uris(): string[] {
    return [...this.entries.keys()];
  }

  get totalChars(): number {
    return this.chars;
  }
}
