// Lane-major blueprints: one section per lane ("## Customer actions", "## Back-office"), each listing the steps that
// lane takes part in, a step named the same way in every section ("3. Move-in day – ..."). A reviewer reads step
// "Move-in day" across the sections; so does this module, after every section has been read on its own.
import type { Lane, Span } from '../types.js';
import type { LaneReading } from './laneReading.js';

/** One item of a lane section: the step it names (its number and title) and what the lane does in it. */
export interface LaneItem {
  number?: number;
  /** The step's title as written ("Move-in day"), undefined for an item with no title before a separator. */
  title?: string;
  titleSpan?: Span;
  /** The lane's text in that step, as a lane labelled by the section's heading. */
  lane: Lane;
  /** Where a directive disabling a rule for the merged step goes: the end of the item's first line. */
  lineEnd: number;
}

/** A section whose heading names a lane and whose content is one list of the steps that lane takes part in. */
export interface LaneSection {
  reading: LaneReading;
  items: LaneItem[];
}

/** Two or more lane sections side by side, customer and staff among them, whose items share at least two titles. */
export function laneMajorRuns<T extends { laneSection?: LaneSection; group?: string }>(steps: readonly T[]): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < steps.length;) {
    if (!steps[i]!.laneSection) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < steps.length && steps[j]!.laneSection && steps[j]!.group === steps[i]!.group) j++;
    const sections = steps.slice(i, j).map((s) => s.laneSection!);
    if (isLaneMajor(sections)) runs.push({ from: i, to: j });
    i = j;
  }
  return runs;
}

const CUSTOMER_SIDE = new Set(['customer', 'evidence']);
const STAFF_SIDE = new Set(['frontstage', 'backstage', 'support']);

function isLaneMajor(sections: readonly LaneSection[]): boolean {
  if (sections.length < 2) return false;
  const kinds = sections.map((s) => s.reading.kind);
  if (!kinds.some((k) => CUSTOMER_SIDE.has(k)) || !kinds.some((k) => STAFF_SIDE.has(k))) return false;
  // Titles shared across sections tie the items together; numbers alone might count unrelated lists.
  const seen = new Map<string, number>();
  for (const s of sections) for (const key of new Set(s.items.map(keyOf).filter((k): k is string => k !== undefined))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen.values()].filter((n) => n >= 2).length >= 2;
}

export function keyOf(item: LaneItem): string | undefined {
  return item.title ? item.title.toLowerCase().replace(/\s+/g, ' ').trim() : undefined;
}

/** The steps of one run: each title in order of first appearance, with one lane from every section that names it. */
export function mergedItems(sections: readonly LaneSection[]): Array<{ first: LaneItem; items: LaneItem[] }> {
  const byKey = new Map<string, { first: LaneItem; items: LaneItem[] }>();
  for (const s of sections) {
    for (const item of s.items) {
      const key = keyOf(item);
      if (key === undefined) continue;
      const entry = byKey.get(key);
      if (entry) entry.items.push(item);
      else byKey.set(key, { first: item, items: [item] });
    }
  }
  return [...byKey.values()];
}
