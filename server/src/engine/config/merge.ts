// Applies one PartialConfig on top of a ResolvedConfig: later layers win.
import type { LaneKind } from '../types.js';
import type { PartialConfig } from './layer.js';
import type { ResolvedConfig, RuleSetting, VocabularyChanges } from './types.js';

function unique<T>(items: T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const norm = (phrase: string): string => phrase.trim().toLowerCase();

/** Later layers win: adding a phrase an earlier layer removed brings it back, and vice versa. */
function mergeVocabulary(base: VocabularyChanges, layer: VocabularyChanges): VocabularyChanges {
  const benefitAdded = new Set(layer.benefit.add.map(norm));
  const benefitRemoved = new Set(layer.benefit.remove.map(norm));
  const supportAdded = new Set(layer.support.add.map((a) => norm(a.phrase)));
  const supportRemoved = new Set(layer.support.remove.map(norm));
  return {
    benefit: {
      add: unique([...base.benefit.add.filter((p) => !benefitRemoved.has(norm(p))), ...layer.benefit.add], norm),
      remove: unique([...base.benefit.remove.filter((p) => !benefitAdded.has(norm(p))), ...layer.benefit.remove], norm),
    },
    support: {
      add: unique([...base.support.add.filter((a) => !supportRemoved.has(norm(a.phrase))), ...layer.support.add], (a) => `${a.kind}:${norm(a.phrase)}`),
      remove: unique([...base.support.remove.filter((p) => !supportAdded.has(norm(p))), ...layer.support.remove], norm),
    },
  };
}

export function mergeLayer(base: ResolvedConfig, layer: PartialConfig): ResolvedConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, entry] of Object.entries(layer.rules ?? {})) {
    // A bare severity keeps the inherited options; an object entry replaces the rule's setting.
    rules[id] = { severity: entry.severity, options: entry.options ?? base.rules[id]?.options ?? {} };
  }
  const lanes: Partial<Record<LaneKind, string[]>> = { ...base.lanes };
  for (const [kind, labels] of Object.entries(layer.lanes ?? {}) as Array<[LaneKind, string[]]>) {
    lanes[kind] = unique([...(lanes[kind] ?? []), ...labels], norm);
  }
  return {
    ...base,
    rules,
    vocabulary: layer.vocabulary ? mergeVocabulary(base.vocabulary, layer.vocabulary) : base.vocabulary,
    lanes,
    files: unique([...base.files, ...(layer.files ?? [])]),
    ignores: unique([...base.ignores, ...(layer.ignores ?? [])]),
    autoDetect: layer.autoDetect ?? base.autoDetect,
    enable: layer.enable ?? base.enable,
    reportUnusedDirectives: layer.reportUnusedDirectives ?? base.reportUnusedDirectives,
    sources: unique([...base.sources, layer.source]),
  };
}
