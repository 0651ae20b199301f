import { textMemo } from '../incremental/textMemos.js';
import type { LaneKind, Side } from '../types.js';
import { labelWords, readByMeaning, readByTrade, splitGloss, type LaneReading } from './laneReading.js';
import { BENEFIT_WORDS, RESULT_WORDS } from './laneWords.js';
import { withoutIcons } from './iconLabel.js';

/** Spec section 4: the lane labels and their synonyms. */
export const LANE_LABELS: Readonly<Record<LaneKind, readonly string[]>> = {
  evidence: ['Physical evidence', 'Evidence', 'Props', 'Touchpoint', 'Touchpoints', 'Touch points', 'Touch point'],
  customer: [
    'Customer',
    'Customer actions',
    'Customer action',
    'Guest',
    'Guest actions',
    'Patient',
    'Patient actions',
    'Client',
    'Client actions',
    'Passenger',
    'Passenger actions',
    'Visitor',
    'Member',
    'User',
    'User actions',
    'Customer journey',
  ],
  frontstage: [
    'Frontstage',
    'Front stage',
    'Frontstage actions',
    'Onstage',
    'On stage',
    'Onstage actions',
    'Front-line',
    'Frontline',
    'Contact employee actions',
    'Visible employee actions',
    'Visible contact employee actions',
    'Employee actions',
  ],
  backstage: ['Backstage', 'Back stage', 'Backstage actions', 'Offstage', 'Off stage', 'Invisible employee actions', 'Invisible contact employee actions', 'Behind the scenes', 'Back office'],
  support: ['Support', 'Support processes', 'Support process', 'Support systems', 'Systems', 'Tools', 'Resources', 'Enablers', 'Authority', 'Empowerment', 'Training', 'Staffing', 'Employee support'],
  benefit: ['Benefit', 'Customer benefit', 'Value', 'Customer value', 'Outcome', 'Customer outcome', 'Promise', 'Customer promise'],
  other: [
    'Time',
    'Duration',
    'Emotion',
    'Emotions',
    'Feelings',
    'Pain points',
    'Pain point',
    'Metrics',
    'KPIs',
    'KPI',
    'Policies',
    'Rules',
    'Owner',
    'Role',
    'Notes',
    'Risks',
    'Opportunities',
    'Line of visibility',
    'Line of interaction',
    'Channel',
    'Channels',
  ],
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

/** Headers of a column that numbers the steps ("#", "No.", "Step #"): a step column, but a named one titles the rows first. */
export const STEP_NUMBER_HEADERS: ReadonlySet<string> = new Set(['step #', 'no', 'no.', 'nr', 'nr.', '#']);

/** Header labels that name the step column of a lanes-as-columns table. */
export const STEP_COLUMN_LABELS = new Set([
  'step',
  'steps',
  'stage',
  'stages',
  'phase',
  'phases',
  'moment',
  'moments',
  'touchpoint moment',
  'activity',
  'journey step',
  'journey stage',
  'step name',
  'stage name',
  'phase name',
  'milestone',
  'milestones',
  'touchpoint',
  'touchpoints',
  'touch point',
  ...STEP_NUMBER_HEADERS,
  // the word for a step in the languages teams write their headers in (Dutch, German, French, Spanish, Italian, Portuguese)
  'stap',
  'stappen',
  'schritt',
  'étape',
  'etape',
  'etapa',
  'paso',
  'fase',
  'passo',
]);

export function normaliseLabel(label: string): string {
  if (label.length > 40) return normaliseUncached(label);
  // Lane labels repeat (every step's "Customer:"): the running lint's cache remembers short ones, a few thousand at most.
  const normalised = textMemo<string>('normalised labels', 4_000);
  const hit = normalised?.get(label);
  if (hit !== undefined) return hit;
  const n = normaliseUncached(label);
  normalised?.set(label, n);
  return n;
}

function normaliseUncached(label: string): string {
  return (
    label
      .toLowerCase()
      // an icon or bullet before the words ("👤 Customer", "⚙️ Backstage") is decoration, not part of the label
      .replace(/^[^\p{L}\p{N}(#]+(?=[\p{L}\p{N}])/u, '')
      .replace(/[:：]\s*$/, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/[:：]\s*$/, '')
      .replace(/[-_\u2010\u2013]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export type LaneTable = ReadonlyMap<string, LaneKind>;

/** Labels added by config: read exactly as the user mapped them, never as result lanes. */
const configured = new WeakMap<LaneTable, ReadonlySet<string>>();

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
  const own = new Set<string>();
  if (extra) {
    for (const kind of Object.keys(extra) as LaneKind[]) {
      add(kind, extra[kind] ?? []);
      for (const l of extra[kind] ?? []) own.add(normaliseLabel(l));
    }
  }
  configured.set(table, own);
  cache.set(key, table);
  return table;
}

export function lookupLane(label: string, table: LaneTable): LaneKind | undefined {
  return readLane(label, table)?.kind;
}

const RESULT = new Set(RESULT_WORDS);
const PROMISE = new Set(BENEFIT_WORDS);

/** A listed label's reading: result labels ("Outcome", "Value") are benefits only where their content states a gain. */
function synonymReading(label: string, kind: LaneKind, table: LaneTable): LaneReading {
  const words = labelWords(label);
  const head = words[words.length - 1] ?? '';
  const gainOnly = kind === 'benefit' && RESULT.has(head) && !PROMISE.has(words.join(' ')) && !configured.get(table)?.has(label);
  return gainOnly ? { kind, basis: 'synonym', words: label, gainOnly } : { kind, basis: 'synonym', words: label };
}

/** A label's lane: the synonym table (with config labels) first, then the label's words (laneReading.ts). */
export function readLane(label: string, table: LaneTable): LaneReading | undefined {
  const n = normaliseLabel(label);
  if (n.length === 0 || n.length > 60) return undefined;
  if (label.length > 120) return undefined;
  // A name written as code ("$find-ideal-customer", "{{owner}}", "@ops") is a variable or a handle, not a lane.
  if (/^\s*(?:[$@%]|\{\{)\S/.test(label)) return undefined;
  // ...and so is a path ("packages/ui", "apps/api-client")
  if (/^\s*[a-z0-9._-]+(?:\/[a-z0-9._-]+)+\/?\s*$/.test(label)) return undefined;
  const kind = table.get(n);
  if (kind) {
    // A gloss that says who acts overrules a listed label ("Frontstage (User Actions)" is what users do).
    const glossed = /[(\r\n]/.test(label) ? readByMeaning(label) : undefined;
    return glossed?.basis === 'gloss' ? glossed : synonymReading(n, kind, table);
  }
  // A label's reading with this table, in the running lint's cache.
  const readings = textMemo<LaneReading | null>(table, 4_000);
  let r = readings?.get(label);
  if (r === undefined) {
    if (topicLabel(label, table)) {
      readings?.set(label, null);
      return undefined;
    }
    const own = coordinatedCustomer(label) ?? readByMeaning(label);
    // A gloss naming a lane by its own name overrules a role's guessed side ("Office (behind the scenes)").
    // So does a gloss saying whether the lane is seen, over "support" read as a team ("Practice support (not seen)").
    const seen = own?.kind === 'support' ? glossReading(label, table) : undefined;
    if (seen && (seen.kind === 'frontstage' || seen.kind === 'backstage')) r = seen;
    else r = (own && !own.byRole && own.basis !== 'role' ? own : (roleGloss(label, own, table) ?? own)) ?? compoundReading(label, table) ?? readByTrade(label) ?? staffGloss(label, table) ?? null;
    readings?.set(label, r);
  }
  return r ?? undefined;
}

/**
 * A heading about lanes, not a lane: "About us", "Why this team", or both sides of the line of visibility named by
 * their own words ("Frontstage and backstage", "Front stage vs back stage").
 */
function topicLabel(label: string, table: LaneTable): boolean {
  if (/^\s*(?:\d{1,2}[.)]\s*)?(?:about|why)\s/i.test(label)) return true;
  const parts = label.split(/\s+(?:and|&|vs\.?|versus)\s+|\s*\/\s*/i);
  if (parts.length !== 2) return false;
  const kinds = parts.map((p) => readByMeaning(p.trim()) ?? (table.get(normaliseLabel(p)) ? { kind: table.get(normaliseLabel(p))!, basis: 'synonym' as const } : undefined));
  // (only the two sides of the line of visibility: "Backstage & support" may be one merged lane)
  return kinds.every((k) => k && (k.basis === 'lane-word' || k.basis === 'synonym')) && kinds.some((k) => k!.kind === 'frontstage') && kinds.some((k) => k!.kind === 'backstage');
}

/**
 * People named together, one of them the customer ("Parent/carer", "Parents & carers", "Patient and family"): the lane
 * is the customer's, whichever comes last (a role's head-last reading is for one name, "Customer service agent").
 */
function coordinatedCustomer(label: string): LaneReading | undefined {
  const parts = label.replace(/\([^)]*\)/g, ' ').split(/\s*(?:&|\/|\+)\s*|\s+(?:and|or)\s+/i);
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p.trim() || p.trim().split(/\s+/).length > 2)) return undefined;
  const readingsOf = parts.map((p) => readByMeaning(p));
  const customer = readingsOf.find((r) => r?.kind === 'customer' && r.basis === 'role');
  // (every part names people: "packages/api-client" is a path, not a parent and a carer; a word no list knows joined by
  // "or" / "and" is someone beside them: "Patient or escort")
  const joined = /\s(?:and|or|&)\s/i.test(label);
  return customer && readingsOf.every((r, i) => r?.basis === 'role' || (!r && joined && /^\s*\p{L}+\s*$/u.test(parts[i]!))) ? customer : undefined;
}

/**
 * Two names set apart by a spaced slash read as the first that names a lane ("Ops / Planning" is the ops team's lane);
 * an unspaced slash joins words of one name ("Worker/crew input").
 */
function compoundReading(label: string, table: LaneTable): LaneReading | undefined {
  const parts = label.split(/\s+\/\s+/);
  if (parts.length >= 2 && parts.length <= 4) {
    for (const part of parts) {
      const r = part.trim() ? readLane(part, table) : undefined;
      if (r && r.kind !== 'other') return r;
    }
  }
  return listReading(label, table);
}

/**
 * A list of what a lane holds ("Systems, rota & say-so": a comma list, not one name like "Tools & kit") reads as its
 * first item when that item is a lane's own name (a listed label or a lane word; a role or a guess does not decide).
 */
function listReading(label: string, table: LaneTable): LaneReading | undefined {
  // (three or more names joined by bare slashes are a list too: "Kit/tickets/OK"; two may be one name, "Worker/crew input")
  const slashes = /^[^/\s]+(?:\/[^/\s]+){2,}$/.test(label.trim());
  if (/[()]/.test(label) || (!slashes && !/[,·•]|\s(?:and|&)\s/.test(label))) return undefined;
  // (middle dots set items apart as commas do: "Tools · $ · sign-off")
  const parts = slashes ? label.trim().split('/') : label.split(/\s*[,·•]\s*|\s+&\s+|\s+and\s+/);
  if (parts.length < 2 || parts.length > 5) return undefined;
  const first = parts[0]!.trim() ? readLane(parts[0]!, table) : undefined;
  return first && first.kind !== 'other' && (first.basis === 'synonym' || first.basis === 'lane-word') ? first : undefined;
}

// ("client does not see", "the guest never sees")
const UNSEEN_GLOSS =
  /^(?:non[- ]?visible|not visible|not seen|out of sight|invisible|unseen|hidden|out (?:the )?back|round the back)(?:\s+(?:to|by|from|for)\s+(?:the\s+)?[\p{L}-]+)?$|^(?:the\s+)?[\p{L}-]+\s+(?:does\s*n[o'’]?t|doesn['’]t|never|can['’]?t|cannot|won['’]t)\s+see(?:s)?(?:\s+(?:it|this|them|us))?$/iu;
// ("contact person for client": who the customer deals with is in front)
const SEEN_GLOSS =
  /^(?:visible|seen|in view|in sight|line of sight)(?:\s+(?:to|by|for)\s+(?:the\s+)?[\p{L}-]+)?$|^(?:the\s+)?contact(?:\s+person)?\s+(?:for|with|of)\s+(?:the\s+)?[\p{L}-]+$|^(?:they|the\s+[\p{L}-]+|customers?|guests?|clients?)\s+(?:can\s+)?see\s+(?:us|them|it|this)$/iu;

/** The lane a label's gloss names by a lane word ("CSR (frontline)" is frontstage), for labels read by a role or not at all. */
function glossReading(label: string, table: LaneTable): LaneReading | undefined {
  const { gloss } = splitGloss(label);
  if (!gloss || gloss === label) return undefined;
  // A gloss of several notes ("RAs, seen") says who the lane is in one of them.
  const notes = gloss.split(/\s*,\s*/).filter((n) => n.trim());
  if (notes.length >= 2 && notes.length <= 4) {
    for (const note of notes) {
      const r = noteReading(note, table);
      if (r) return r;
    }
  }
  return noteReading(gloss, table);
}

/**
 * A gloss's lane for a label read by a role or not at all; people are never a support lane, so a role glossed with a
 * support word keeps its own side ("Coordinator (backend)" works out of sight; "Agent (support desk)" is the agent).
 */
function roleGloss(label: string, own: LaneReading | undefined, table: LaneTable): LaneReading | undefined {
  const g = glossReading(label, table);
  if (!g || g.kind !== 'support') return g;
  // (a team glossed only "(backend)" or "(back office)" works out of sight, whatever the label names)
  if (/^\s*back[ -]?(?:end|office)\s*$/i.test(splitGloss(label).gloss ?? '')) return { kind: 'backstage', basis: 'gloss', words: g.words };
  return own?.basis === 'role' ? own : g;
}

/**
 * A label that names nothing by itself, glossed with a team out of sight ("Podiatry hub (admin)"), is that team's lane
 * (a person's role in a gloss may be either side: "Group leader (teacher)" is the customer on a school visit).
 */
function staffGloss(label: string, table: LaneTable): LaneReading | undefined {
  const { gloss } = splitGloss(label);
  const g = gloss && gloss !== label ? readLane(gloss, table) : undefined;
  return g && g.basis === 'role' && g.kind === 'backstage' ? g : undefined;
}

function noteReading(gloss: string, table: LaneTable): LaneReading | undefined {
  const g = readLane(gloss, table);
  // Only a lane's own word decides: a role in a gloss may be either side ("Group leader (teacher)").
  if (g && g.kind !== 'other' && (g.basis === 'synonym' || g.basis === 'lane-word')) return { ...g, basis: 'gloss' };
  // A gloss that says only that the lane is seen puts people no list knows in front ("Our people (visible)").
  if (UNSEEN_GLOSS.test(gloss.trim())) return { kind: 'backstage', basis: 'gloss', words: gloss.trim() };
  if (SEEN_GLOSS.test(gloss.trim())) return { kind: 'frontstage', basis: 'gloss', words: gloss.trim() };
  // ("user-facing", "public facing": facing whoever the document's customer is puts the lane in front)
  const facing = /^([\p{L}]+)[- ]facing$/iu.exec(gloss.trim());
  if (facing && (/^(?:public|front)$/i.test(facing[1]!) || readLane(facing[1]!, table)?.kind === 'customer')) return { kind: 'frontstage', basis: 'gloss', words: gloss.trim() };
  // where the lane's people are, said of the customer: with them or meeting them is in front ("on deck with guests",
  // "sees the grower"), away is behind
  const where = CUSTOMER_PLACE_GLOSS.exec(gloss.trim());
  // ("Nail tech (with her)": a pronoun in a staff lane's gloss is the customer they serve)
  // (whom a lane's people see or serve is the customer, whatever the document calls them: "sees the grower")
  if (where && (readLane(where[2]!, table)?.kind === 'customer' || /^(?:her|him|them|you)$/i.test(where[2]!.trim()) || /^(?:sees|meets|serves|greets)$/i.test(where[1]!))) {
    return { kind: /^(?:away|out of)/i.test(where[1]!) ? 'backstage' : 'frontstage', basis: 'gloss', words: gloss.trim() };
  }
  return undefined;
}

const CUSTOMER_PLACE_GLOSS =
  /^(?:[\p{L}'’-]+\s+){0,3}?(with|in front of|facing|alongside|among|away from|out of sight of|sees|meets|faces|serves|greets|talks to|deals with)\s+(?:the\s+|our\s+)?([\p{L}'’ -]{2,30})$/iu;

// ("NaN" and "null" are how a data frame or a database export writes an empty cell)
const PLACEHOLDER = /^(?:tbd|tbc|tba|todo|to do|to be (?:confirmed|decided|defined|agreed|determined|added)|fixme|\?+|-+|—+|–+|n\/?a|none|nothing|nil|nan|null|\.{2,}|…|x)?$/i;

// "None listed yet.", "Nothing identified": the lane says that nothing has been named in it.
const NONE_SAID =
  /^(?:none|nothing|no one|nobody)\s+(?:listed|identified|named|recorded|agreed|specified|defined|documented|in place|assigned|given)(?:\s+(?:yet|at present|for now|so far|as yet))?\.?$/i;

/** Present but empty: the whole content is a placeholder (emphasis and a trailing full stop ignored). */
export function isPlaceholder(content: string): boolean {
  // (icons before or after say nothing: "🟩 —", "nothing yet 🤷")
  // (a placeholder in brackets is one too: "(none)", "[TBC]")
  // (a highlight mark is no content: StackEdit's "==?==")
  const bare = withoutIcons(content.replace(/[*_`~]/g, '').replace(/^\s*==(.*)==\s*$/, '$1'))
    .trim()
    .replace(/^[([]\s*([^()[\]]*?)\s*[)\]]$/, '$1');
  if (PLACEHOLDER.test(bare) || PLACEHOLDER.test(bare.replace(/(?<=[a-z])\.$/i, ''))) return true;
  if (NONE_SAID.test(bare)) return true;
  // A placeholder with a note on why ("TBC (a work phone?)", "— (no cover on bad-weather days)", "None at present.")
  // is still nothing in the lane.
  const noted = bare
    .replace(/\s*\([^()]*\)\s*\.?$/, '')
    .replace(/\s+(?:at present|yet|for now|so far|currently|as yet|at the moment)\.?$/i, '')
    .trim();
  return noted !== bare && noted.length > 0 && PLACEHOLDER.test(noted.replace(/(?<=[a-z])\.$/i, ''));
}
