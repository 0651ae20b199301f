// The curated word classes of the language layer, read from rules/vocabulary/language-slots.txt (data, not code).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../resources.js';
import type { Token } from './doc.js';

export type SlotName =
  | 'gift-adjective'
  | 'price-noun'
  | 'approval-noun'
  | 'own-decision-noun'
  | 'training-verb'
  | 'training-noun'
  | 'tool-noun'
  | 'tool-preposition'
  | 'tool-verb'
  | 'information-noun'
  | 'cap'
  | 'escalation-verb'
  | 'backing-verb'
  | 'request-verb'
  | 'burden-verb'
  | 'refusal-verb'
  | 'company-gain-verb'
  | 'label-head'
  | 'routing-target'
  | 'superior'
  | 'comparison'
  | 'record-verb'
  | 'unexpected-adjective'
  | 'comfort-adjective'
  | 'space-noun'
  | 'continuity-noun'
  | 'bring-verb'
  | 'customer-place'
  | 'hold-verb'
  | 'charge-verb'
  | 'prepared-verb'
  | 'launch-verb'
  | 'message-noun'
  | 'tell-verb'
  | 'delay-word'
  | 'software-noun'
  | 'handoff-verb'
  | 'lack-verb'
  | 'sellable-noun'
  | 'aim-verb'
  | 'need-verb'
  | 'charge-noun'
  | 'remove-verb'
  | 'availability-noun'
  | 'choice-verb'
  | 'mistreat-verb'
  | 'requirement-noun'
  | 'arrive-verb'
  | 'asking-verb';

let slots: Map<string, Set<string>> | undefined;

/** Parses the slot file: `@group NAME` then one lower-case entry per line; `#` comments; ` ## note` tails dropped. */
export function parseSlots(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let group = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s##\s.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const g = /^@group\s+(\S+)$/.exec(line);
    if (g) {
      group = g[1]!;
      if (!out.has(group)) out.set(group, new Set());
      continue;
    }
    out.get(group)?.add(line.toLowerCase());
  }
  return out;
}

/** The entries of one slot (lower case). */
export function slot(name: SlotName): ReadonlySet<string> {
  if (!slots) slots = parseSlots(readFileSync(join(packageRoot(), 'rules', 'vocabulary', 'language-slots.txt'), 'utf8'));
  return slots.get(name) ?? new Set();
}

/**
 * Whether a token's lemma or lower-case form is in a slot; with `plural`, also its form without a final "s" (the
 * tagger leaves some plurals unlemmatised: "apps", "vouchers").
 */
export function inSlot(t: Token | undefined, name: SlotName, plural = false): boolean {
  if (!t) return false;
  const entries = slot(name);
  return entries.has(t.lemma) || entries.has(t.lower) || (plural && entries.has(t.lower.replace(/s$/, '')));
}
