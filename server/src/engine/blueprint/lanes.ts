import { detached } from '../memo.js';
import type { LaneKind, Side } from '../types.js';

/** Spec section 4: the lane labels and their synonyms. */
export const LANE_LABELS: Readonly<Record<LaneKind, readonly string[]>> = {
  evidence: ['Physical evidence', 'Evidence', 'Props', 'Touchpoint', 'Touchpoints', 'Touch points', 'Touch point'],
  customer: ['Customer', 'Customer actions', 'Customer action', 'Guest', 'Guest actions', 'Patient', 'Patient actions', 'Client', 'Client actions', 'Passenger', 'Passenger actions', 'Visitor', 'Member', 'User', 'User actions', 'Customer journey'],
  frontstage: ['Frontstage', 'Front stage', 'Frontstage actions', 'Onstage', 'On stage', 'Onstage actions', 'Front-line', 'Frontline', 'Contact employee actions', 'Visible employee actions', 'Visible contact employee actions', 'Employee actions'],
  backstage: ['Backstage', 'Back stage', 'Backstage actions', 'Offstage', 'Off stage', 'Invisible employee actions', 'Invisible contact employee actions', 'Behind the scenes', 'Back office'],
  support: ['Support', 'Support processes', 'Support process', 'Support systems', 'Systems', 'Tools', 'Resources', 'Enablers', 'Authority', 'Empowerment', 'Training', 'Staffing', 'Employee support'],
  benefit: ['Benefit', 'Customer benefit', 'Value', 'Customer value', 'Outcome', 'Customer outcome', 'Promise', 'Customer promise'],
  other: ['Time', 'Duration', 'Emotion', 'Emotions', 'Feelings', 'Pain points', 'Pain point', 'Metrics', 'KPIs', 'KPI', 'Policies', 'Rules', 'Owner', 'Role', 'Notes', 'Risks', 'Opportunities', 'Line of visibility', 'Line of interaction', 'Channel', 'Channels'],
};

export const LANE_SIDE: Readonly<Record<LaneKind, Side>> = {
  evidence: 'customer',
  customer: 'customer',
  frontstage: 'employee',
  backstage: 'employee',
  support: 'employee',
  benefit: 'promise',
  other: 'none',
};

/** Header labels that name the step column of a lanes-as-columns table. */
export const STEP_COLUMN_LABELS = new Set(['step', 'steps', 'stage', 'stages', 'phase', 'phases', 'moment', 'touchpoint moment', 'activity', 'journey step', 'step name']);

/** Lane labels repeat (every step's "Customer:") in every lint: remember short ones, a few thousand at most. */
const normalised = new Map<string, string>();

export function normaliseLabel(label: string): string {
  if (label.length > 40) return normaliseUncached(label);
  let n = normalised.get(label);
  if (n === undefined) {
    if (normalised.size >= 4_000) normalised.clear();
    normalised.set(detached(label), (n = normaliseUncached(label)));
  }
  return n;
}

function normaliseUncached(label: string): string {
  return label
    .toLowerCase()
    .replace(/[:：]\s*$/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[:：]\s*$/, '')
    .replace(/[-_\u2010\u2013]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type LaneTable = ReadonlyMap<string, LaneKind>;

const cache = new Map<string, LaneTable>();

/** Label lookup table, with extra synonyms from config. */
export function laneTable(extra?: Partial<Record<LaneKind, string[]>>): LaneTable {
  const key = JSON.stringify(extra ?? {});
  const hit = cache.get(key);
  if (hit) return hit;
  const table = new Map<string, LaneKind>();
  const add = (kind: LaneKind, labels: readonly string[]) => {
    for (const l of labels) table.set(normaliseLabel(l), kind);
  };
  for (const kind of Object.keys(LANE_LABELS) as LaneKind[]) add(kind, LANE_LABELS[kind]);
  if (extra) for (const kind of Object.keys(extra) as LaneKind[]) add(kind, extra[kind] ?? []);
  cache.set(key, table);
  return table;
}

export function lookupLane(label: string, table: LaneTable): LaneKind | undefined {
  const n = normaliseLabel(label);
  return n.length > 0 && n.length <= 60 ? table.get(n) : undefined;
}

const PLACEHOLDER = /^(?:tbd|tbc|todo|to do|fixme|\?+|-+|—+|–+|n\/?a|none|nothing|nil|\.{2,}|…|x)?$/i;

/** Present but empty: the whole content is a placeholder (emphasis and a trailing full stop ignored). */
export function isPlaceholder(content: string): boolean {
  const bare = content.replace(/[*_`~]/g, '').trim();
  return PLACEHOLDER.test(bare) || PLACEHOLDER.test(bare.replace(/(?<=[a-z])\.$/i, ''));
}
