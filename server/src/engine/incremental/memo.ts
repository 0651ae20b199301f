// What the editor's memos share: two generations of entries, strings detached from the text they were cut from, moved spans.
import type { Span } from '../types.js';

/**
 * Two generations (the chunk cache is one): entries used by the latest lint survive `commit`, the rest are dropped,
 * so a memo stays the size of one document.
 */
export class Generations<V> {
  private entries = new Map<string, V>();
  private next = new Map<string, V>();

  get(key: string): V | undefined {
    const hit = this.entries.get(key) ?? this.next.get(key);
    if (hit !== undefined) this.next.set(key, hit);
    return hit;
  }

  set(key: string, value: V): void {
    this.next.set(key, value);
  }

  commit(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries the next generation holds so far. */
  protected get pending(): number {
    return this.next.size;
  }
}

/** A copy of `s` that does not share its memory: a slice kept in a memo would keep the whole text it was cut from alive. */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

export function movedSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}
