// Where a "Treat X as ..." phrase goes in a config object, in the shape the config loader reads: one source for the
// server's config-file edits and the client's settings edits.

/** What the user asked to record (the protocol's AddVocabularyRequest change). */
export type VocabularyChange = { list: 'benefit.remove'; phrase: string } | { list: 'support.add'; phrase: string; kind: string } | { list: 'lanes'; phrase: string; kind: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where a change goes in a config object, given what it holds now: `vocabulary.benefit.remove`, or
 * `vocabulary.support.add` as written (a plain list, kind resource) or per kind (`add.tool`).
 */
export function vocabularyLocation(change: VocabularyChange, current: unknown): { path: string[]; listed: boolean } {
  if (change.list === 'lanes') {
    const path = ['lanes', change.kind];
    return { path, listed: listHolds(getIn(current, path), change.phrase) };
  }
  if (change.list === 'benefit.remove') {
    const path = ['vocabulary', 'benefit', 'remove'];
    return { path, listed: listHolds(getIn(current, path), change.phrase) };
  }
  const add = getIn(current, ['vocabulary', 'support', 'add']);
  if (Array.isArray(add)) return { path: ['vocabulary', 'support', 'add'], listed: listHolds(add, change.phrase) };
  const perKind = isObject(add) ? Object.values(add) : [];
  return { path: ['vocabulary', 'support', 'add', change.kind], listed: perKind.some((list) => listHolds(list, change.phrase)) };
}

/** True when the list already holds the phrase (case-insensitive). */
export function listHolds(list: unknown, phrase: string): boolean {
  const want = phrase.toLowerCase();
  return Array.isArray(list) && list.some((e) => typeof e === 'string' && e.toLowerCase() === want);
}

export function getIn(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of the config object with the phrase recorded; undefined when it is already there. */
export function withVocabularyPhrase(current: unknown, change: VocabularyChange): Obj | undefined {
  const { path, listed } = vocabularyLocation(change, current);
  if (listed) return undefined;
  const next: Obj = isObject(current) ? structuredClone(current) : {};
  let at = next;
  for (const key of path.slice(0, -1)) {
    if (!isObject(at[key])) at[key] = {};
    at = at[key] as Obj;
  }
  const last = path[path.length - 1]!;
  const list = at[last];
  at[last] = Array.isArray(list) ? [...(list as unknown[]), change.phrase] : [change.phrase];
  return next;
}
