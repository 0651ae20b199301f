// Reads a lane label by its words (spec section 4): "Client Action" is the customer lane, "Supporting Systems" support,
// "Staff frontstage" frontstage, "Risks" other. Exact synonyms (and the config's `lanes`) are looked up first.
import type { LaneKind } from '../types.js';
import { editDistance } from '../config/suggest.js';
import { loadRuleVocabulary } from '../phrases/vocabulary.js';
import {
  ACTION_WORDS,
  APP_WORDS,
  BACKROOM_WORDS,
  BACKSTAGE_WORDS,
  BENEFIT_WORDS,
  CUSTOMER_ROLE_WORDS,
  EMPLOYEE_ROLE_WORDS,
  EVIDENCE_WORDS,
  FRONTSTAGE_WORDS,
  HIDDEN_WORDS,
  NEUTRAL_WORDS,
  OTHER_WORDS,
  RESULT_WORDS,
  SEEN_WORDS,
  SUPPORT_WORDS,
  SYSTEM_WORDS,
} from './laneWords.js';

/** How a label was placed, strongest first; a reader can state each in one sentence (see `explainReading`). */
export type ReadingBasis =
  | 'synonym' // the label is a listed lane label or a config synonym
  | 'lane-word' // it contains a word that names a lane (frontstage, support, evidence, benefit...)
  | 'other-word' // it names a metric, risk, feeling, time or plan: not a lane of the service
  | 'role-action' // a role and a word of doing ("Client action", "Organiser steps")
  | 'role' // a role alone ("Dispatcher", "Volunteer")
  | 'system' // a system or app the organisation runs
  | 'gloss' // the gloss names the actor and overrules the label ("Frontstage (User Actions)")
  | 'context' // a second staff lane in a table that already has a frontstage lane
  | 'unplaced' // none of the above: kept as an `other` lane, never dropped
  | 'position'; // an unnamed lane (sub-heading, table row or column) before the frontstage lane in a step with no customer lane: the customer's

export interface LaneReading {
  kind: LaneKind;
  basis: ReadingBasis;
  /** The words that decided it. */
  words: string;
  /** A result lane (Outcome, Output, Value): a benefit only where its content states a customer gain. */
  gainOnly?: boolean;
  /** The staff lane was placed by a role, not by a word of visibility (tables may move it backstage). */
  byRole?: boolean;
}

type Category = 'front' | 'back' | 'backroom' | 'other' | 'support' | 'evidence' | 'benefit' | 'result' | 'customer' | 'employee' | 'system' | 'app' | 'action' | 'hidden' | 'seen' | 'neutral';

// Priority order: a term listed in two sets takes the first one's category.
const SETS: Array<[Category, readonly string[]]> = [
  ['front', FRONTSTAGE_WORDS],
  ['back', BACKSTAGE_WORDS],
  ['benefit', BENEFIT_WORDS],
  ['other', OTHER_WORDS],
  ['support', SUPPORT_WORDS],
  ['evidence', EVIDENCE_WORDS],
  ['result', RESULT_WORDS],
  ['seen', SEEN_WORDS],
  ['customer', CUSTOMER_ROLE_WORDS],
  ['employee', EMPLOYEE_ROLE_WORDS],
  ['backroom', BACKROOM_WORDS],
  ['system', SYSTEM_WORDS],
  ['app', APP_WORDS],
  ['action', ACTION_WORDS],
  ['hidden', HIDDEN_WORDS],
  ['neutral', NEUTRAL_WORDS],
];

interface Term {
  words: string[];
  category: Category;
}

/** Terms by their first word, longest first. */
const TERMS: ReadonlyMap<string, Term[]> = (() => {
  const byFirst = new Map<string, Term[]>();
  const seen = new Set<string>();
  for (const [category, list] of SETS) {
    for (const term of list) {
      const words = term.split(' ').map(singular);
      const key = words.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const bucket = byFirst.get(words[0]!) ?? [];
      bucket.push({ words, category });
      byFirst.set(words[0]!, bucket);
    }
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
})();

/** English plural to singular for label words ("activities", "systems", "processes", "staff"). */
export function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ics)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

interface Token {
  category: Category;
  text: string;
}

/** The label's words as categories; undefined when a word is none of the lane vocabulary's (the label is not a lane name). */
function categorise(words: readonly string[]): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < words.length;) {
    const candidates = TERMS.get(words[i]!);
    const hit = candidates?.find((t) => t.words.every((w, k) => words[i + k] === w));
    if (!hit) return undefined;
    out.push({ category: hit.category, text: hit.words.join(' ') });
    i += hit.words.length;
  }
  return out;
}

/** Label words: lower case, singular; hyphens, slashes, "&" and "+" join words like spaces. */
export function labelWords(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map(singular);
}

const MAX_WORDS = 6;

/** Words that start a qualifier after a label's head ("Touchpoints in thesis", "Actions per visit"). */
const QUALIFIER = new Set(['in', 'for', 'per', 'at', 'during', 'across', 'within', 'by']);

/** Reads label words by meaning (without the synonym table); a qualifier after the head is read only if it can be. */
function readWords(words: readonly string[]): LaneReading | undefined {
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  const end = words[words.length - 1]!;
  // What we or staff have to work with is support ("What we have in place", "We have", "What we've got to help", "What
  // we keep for it").
  const have = words[0] === 'what' ? words.slice(1) : words;
  if (have.length >= 2 && WE.has(have[0]!) && (HAVE.has(have[1]!) || (have[1] === 've' && have[2] === 'got'))) return { kind: 'support', basis: 'lane-word', words: have.slice(0, 2).join(' ') };
  // ...and what we have set up, put in place or give the team ("What we've set up", "What we give the team")
  const done = have[1] === 've' ? [have[0]!, ...have.slice(2)] : have;
  if (words[0] === 'what' && done.length >= 2 && WE.has(done[0]!) && PROVIDES.test(done.slice(1).join(' '))) return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  // What the reader has to work with or has behind them is support ("What you've got", "What's behind you"); "what you
  // get" or "what you need" is the customer's in a page written to customers, so only having counts.
  if (READER_HAS.test(words.join(' '))) return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  // What the firm promises, or what is in it for the customer, is the promise itself ("What we promise", "What's in it
  // for them", "What we commit to").
  if (PROMISED.test(words.join(' '))) return { kind: 'benefit', basis: 'lane-word', words: words.join(' ') };
  // Who may decide is the authority staff have ("Who can say yes", "Who decides", "What they can decide", "Can approve").
  if (WHO_DECIDES.test(words.join(' '))) return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  // What staff get or are given is what they have to work with ("What instructors get", "What the crew are given").
  const got = words[0] === 'what' ? words.slice(words[1] === 'the' || words[1] === 'our' ? 2 : 1) : [];
  if (got.length >= 2 && got.length <= 4 && /^(?:get|got|have|are given|is given|receive)$/.test(got.slice(got.findIndex((w, k) => k > 0 && /^(?:get|got|have|are|is|receive)$/.test(w))).join(' '))) {
    const who = readWords(
      got.slice(
        0,
        got.findIndex((w, k) => k > 0 && /^(?:get|got|have|are|is|receive)$/.test(w)),
      ),
    );
    if (who?.kind === 'frontstage' || who?.kind === 'backstage') return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  }
  // What the organisation provides or supplies is what staff are given ("What the hub provides"; not what the customer
  // provides)
  if (words[0] === 'what' && words.length <= 5 && (end === 'provide' || end === 'supply') && !words.slice(1, -1).some((w) => CUSTOMER_ROLE_WORDS.includes(w) || w === 'you' || w === 'they')) {
    return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  }
  // What staff carry is support ("In your pocket", "In the van", "In our kit bag").
  if (words[0] === 'in' && words.length <= 4 && /^(?:your|our|the|my) (?:[a-z]+ )?(?:pocket|bag|kit|kitbag|van|toolbox|backpack|pouch|belt)$/.test(words.slice(1).join(' ')))
    return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  // What is kept in a place staff draw on is support ("What's in the shed", "What is in the van"; not "what's in it for me").
  const kept = words[0] === 'what' ? words.slice(words[1] === 'is' || words[1] === 's' ? 2 : 1) : [];
  if (kept[0] === 'in' && kept.length >= 2 && kept.length <= 4 && !kept.includes('it')) return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
  if (words.length >= 2) {
    // A customer's experience is the customer's side of the step ("Guest experience", "Client experience").
    if (end === 'experience' && words.length <= 3 && readWords(words.slice(0, -1))?.kind === 'customer') return { kind: 'customer', basis: 'role', words: words.join(' ') };
    // What the customer sees or hears is the visible part of the service ("Customer sees", "What the guest hears").
    if (PERCEIVES.has(end) && readWords(words.slice(0, -1))?.kind === 'customer') return { kind: 'frontstage', basis: 'lane-word', words: words.join(' ') };
    // "Bill does": someone no list knows, doing, is staff; a customer doing is the customer's lane.
    if (DOES.has(end)) return readWords([...words.slice(0, -1), 'action']);
    // A participle after what staff are given says which of it ("System touched", "Tools used"): still support.
    if (words.length <= 3 && /[a-z]ed$/.test(end)) {
      const noun = readWords(words.slice(0, -1));
      if (noun?.kind === 'support') return noun;
    }
  }
  // "Behind the bar", "Behind the till": what staff serve across keeps them in view, whatever else the word names
  if (words[0] === 'behind' && words[1] === 'the' && words.length >= 3 && words.length <= 4 && SERVED_ACROSS.has(words[words.length - 1]!)) {
    return { kind: 'frontstage', basis: 'lane-word', words: words.join(' ') };
  }
  const tokens = categorise(words);
  if (!tokens) {
    // "Behind the phones", "Behind the wall": who works behind something stays out of sight; behind a bar, a till or a
    // wheel they serve in view
    if (words[0] === 'behind' && words[1] === 'the' && words.length >= 3 && words.length <= 4 && !words.slice(2).some((w) => CUSTOMER_ROLE_WORDS.includes(w))) {
      return { kind: SERVED_ACROSS.has(words[words.length - 1]!) ? 'frontstage' : 'backstage', basis: 'lane-word', words: words.join(' ') };
    }
    // A room named for the work done in it is out of sight ("Print room", "Stock room"); one that receives the customer
    // is not ("Waiting room", "Treatment room")
    if (words.length === 2 && words[1] === 'room' && !CUSTOMER_ROOMS.has(words[0]!)) return { kind: 'backstage', basis: 'lane-word', words: words.join(' ') };
    // Off the place where the customer sees or hears the service is out of sight ("Off-mic", "Off stage", "Off camera")
    if (words[0] === 'off' && words.length <= 3 && OFF_PLACES.has(words[words.length - 1]!)) return { kind: 'backstage', basis: 'lane-word', words: words.join(' ') };
    // What is provided or supplied is what staff are given ("Provided", "Supplied to staff")
    if ((words[0] === 'provided' || words[0] === 'supplied') && (words.length === 1 || (words[1] === 'to' && words.length <= 3))) {
      return { kind: 'support', basis: 'lane-word', words: words.join(' ') };
    }
    const cut = words.findIndex((w, i) => i > 0 && QUALIFIER.has(w));
    if (cut > 0) return readWords(words.slice(0, cut));
    // Staff named with where they work are that staff's lane ("Our people on the van"); "Volunteers on the day" may
    // be the customers of a volunteering scheme, so only staff heads count.
    const on = words.indexOf('on');
    const staff = on > 0 ? readWords(words.slice(0, on)) : undefined;
    if (staff && (staff.kind === 'frontstage' || staff.kind === 'backstage')) return staff;
    // A label ending in a lane's own phrase takes that lane, whatever comes before it ("BDC & back office").
    const tail = words.length >= 3 ? categorise(words.slice(-2)) : undefined;
    if (tail?.length === 1 && (tail[0]!.category === 'front' || tail[0]!.category === 'back')) return readWords(words.slice(-2));
    // A short label whose head is a role names that role's lane whatever modifies it ("Counter staff", "Field crew").
    const head = words.length <= 3 ? categorise(words.slice(-1)) : undefined;
    if (head && ['employee', 'customer', 'backroom'].includes(head[0]!.category)) return readWords(words.slice(-1));
    // So does a head that names what employees are given ("Ticketing System", "Booking tools", "Delegated authority").
    // (a fault before it names what goes wrong, not what staff have: "Broken equipment", "Missing kit"; a doing names a
    // step: "Returning kit")
    const modifiers = words.slice(0, -1);
    if (head && (TOOL_HEADS.has(head[0]!.text) || (head[0]!.category === 'support' && !modifiers.some((w) => FAULTS.has(w) || /ing$/.test(w))))) return readWords(words.slice(-1));
    // Someone's doing whose someone is no customer word is staff work ("Intake action", "Case-handler action").
    if (head && head[0]!.category === 'action' && words.slice(0, -1).every(actorLike)) return { kind: 'frontstage', basis: 'role-action', words: words.join(' '), byRole: true };
    return layerModifier(words);
  }
  const first = (c: Category) => tokens.find((t) => t.category === c);
  const last = (c: Category) => [...tokens].reverse().find((t) => t.category === c);
  const has = (c: Category) => tokens.some((t) => t.category === c);
  const front = first('front');
  const back = first('back');
  if (front || back) {
    const t = front && back ? (tokens.indexOf(front) < tokens.indexOf(back) ? front : back) : (front ?? back)!;
    return { kind: t.category === 'front' ? 'frontstage' : 'backstage', basis: 'lane-word', words: t.text };
  }
  const benefit = first('benefit');
  // "Outputs / Value" is a result lane: a promise only where its content states one.
  if (benefit) return has('result') ? { kind: 'benefit', basis: 'lane-word', words: benefit.text, gainOnly: true } : { kind: 'benefit', basis: 'lane-word', words: benefit.text };
  const other = first('other');
  if (other) return { kind: 'other', basis: 'other-word', words: other.text };
  const support = first('support');
  if (support) return { kind: 'support', basis: 'lane-word', words: support.text };
  const evidence = first('evidence');
  if (evidence) return { kind: 'evidence', basis: 'lane-word', words: evidence.text };
  const result = first('result');
  if (result) return { kind: 'benefit', basis: 'lane-word', words: result.text, gainOnly: true };
  // An app the label ties to staff ("Staff app", "Internal portal") is their tool; otherwise it is what the customer uses.
  // ...unless a role is the head: "Site representative" is a person at the site, not the website.
  const head = [...tokens].reverse().find((t) => t.category !== 'neutral');
  const app = head?.category === 'employee' || head?.category === 'customer' ? undefined : first('app');
  if (app && (has('employee') || has('hidden') || has('backroom'))) return { kind: 'support', basis: 'system', words: app.text };
  if (app) return { kind: 'evidence', basis: 'system', words: app.text };
  // The head role is the last one: "Customer service agent" is staff, "Staff-assisted customer" the customer.
  const role = [...tokens].reverse().find((t) => t.category === 'customer' || t.category === 'employee' || t.category === 'backroom');
  if (role) {
    const action = has('action');
    const basis: ReadingBasis = action ? 'role-action' : 'role';
    if (role.category === 'customer') return { kind: 'customer', basis, words: role.text };
    if (role.category === 'backroom') return { kind: 'backstage', basis, words: role.text };
    if (has('hidden')) return { kind: 'backstage', basis, words: `${first('hidden')!.text} ${role.text}` };
    // staff of a team or place out of sight ("Kitchen staff", "Warehouse team") work behind the line too
    if (has('backroom')) return { kind: 'backstage', basis, words: `${first('backroom')!.text} ${role.text}` };
    return { kind: 'frontstage', basis, words: role.text, byRole: true };
  }
  const system = last('system');
  if (system) {
    if (has('seen')) return { kind: 'evidence', basis: 'system', words: `${first('seen')!.text} ${system.text}` };
    return { kind: 'support', basis: 'system', words: system.text };
  }
  if (has('hidden') && has('action')) return { kind: 'backstage', basis: 'lane-word', words: first('hidden')!.text };
  return undefined;
}

/**
 * A short label ending in a staff role the prose vocabulary names (employee-roles.txt: "Fitter", "Groomer", "Night
 * auditor") is that role's lane: one list of trades for labels and sentences alike. Pronouns ("we") are no label.
 */
function staffRoleOfProse(words: readonly string[]): LaneReading | undefined {
  const text = words.join(' ');
  const hit = loadRuleVocabulary('employee-roles.txt')
    .find(text)
    .find((h) => h.end === text.length && (h.start === 0 || text[h.start - 1] === ' ') && h.entry.group !== 'pronouns');
  return hit ? { kind: 'frontstage', basis: 'role', words: hit.text, byRole: true } : undefined;
}

/** Verbs of providing for staff after "what we": set up, put in place, provide, supply, or give (to) the team. */
const PROVIDES = /^(?:set up|put in place|put in|(?:provide|provided|supply|supplied|give|gave|given)(?: to)? (?:the )?(?:team|staff|crew|them|you)|equip)\b/;

/**
 * "What you've got (to work with)", "What you have", "What's behind you", "What backs you up", "What the service gives
 * us", "What we're given", "What we lean on", "What helps", "What keeps it going" (label words).
 */
const READER_HAS =
  /^what (?:(?:you|u) (?:ve got|have|ha|got)(?: (?:to (?:work with|lean on|use|help(?: you| u| us| them)?|call on|do it with)|on hand|in place))?|(?:is |s )?behind (?:you|u|us|the team|staff|them)|back (?:you|u|us|the team|staff|them)(?: up)?|(?:the )?(?:[a-z]+ ){0,2}(?:give|gave) (?:u|us|you|staff|the team|them)(?: to work with)?|back(?:s)? it(?: up)?|(?:we|i|you|u|staff|the team|they) (?:can )?(?:lean|rely|draw|count|call|fall back|run) on|help(?:s)?(?: (?:us|u|you|the team|staff|them))?|(?:we|you|staff|they) (?:are |re )?given(?: to work with)?|keep (?:it|u|us|thing|everything|everyone|the [a-z]+)(?: all)? (?:going|running|moving|afloat|ticking(?: over)?)|(?:actually |really )?make (?:it|this|that|them|thing|everything) (?:work|possible|happen|go|run))$/;

// (not "what we offer", a range of products; not "what's in it for me", whoever "me" is)
/** Rooms where the customer is received, seen or served. */
const CUSTOMER_ROOMS: ReadonlySet<string> = new Set([
  'waiting',
  'treatment',
  'consulting',
  'consultation',
  'meeting',
  'fitting',
  'changing',
  'dining',
  'living',
  'bed',
  'guest',
  'show',
  'tasting',
  'reading',
  'search',
  'party',
  'function',
  'class',
  'exam',
  'therapy',
  'counselling',
  'interview',
  'sitting',
  'tea',
  'family',
  'quiet',
  'hotel',
  'visiting',
  'day',
]);
const PROMISED = /^what (?:we|i|you|our \w+|the \w+) (?:promise|guarantee|commit to|pledge)$|^what (?:is |s )?in it for (?:them|you|the \w+)$/;
const WHO_DECIDES =
  /^(?:who|what (?:they|staff|you|we|the team|the crew|the \w+)) (?:can |may |get to |gets to |is allowed to |are allowed to )?(?:decide|approve|say yes|sign off|ok it|okay it|authorise|authorize|agree it)$|^(?:can|may) (?:decide|approve|say yes|sign off|authorise|authorize)$|^who (?:decide|approve|sign off|say yes)\b/;

/** Where the customer sees or hears the service: work off it is out of sight ("Off-mic", "Off stage"). */
const OFF_PLACES: ReadonlySet<string> = new Set(['mic', 'stage', 'camera', 'air', 'set', 'screen', 'floor']);

/** What staff serve across in the customer's view ("Behind the bar"). */
const SERVED_ACROSS: ReadonlySet<string> = new Set(['bar', 'till', 'wheel', 'hatch', 'stall']);

const PERCEIVES: ReadonlySet<string> = new Set(['see', 'hear', 'see and hear']);
const WE: ReadonlySet<string> = new Set(['we', 'i', 'staff', 'team', 'they']);
const HAVE: ReadonlySet<string> = new Set(['have', 'ha', 'use', 'need', 'keep', 'hold', 'carry', 'lean', 'rely']);
// "does" as labelWords leaves it ("doe"), and "do"
const DOES: ReadonlySet<string> = new Set(['doe', 'do']);

/** Words saying something is wrong with what they modify. */
const FAULTS: ReadonlySet<string> = new Set(['broken', 'missing', 'faulty', 'lost', 'damaged', 'failed', 'failing', 'outdated', 'lacking', 'no']);

/** Head nouns that place a short label whatever modifies them: the systems and tools employees are given. */
const TOOL_HEADS: ReadonlySet<string> = new Set(['system', 'tool', 'tooling', 'software', 'platform']);

/** Words before "action" that say which or how, not who ("Next action", "Required action", "Follow-up action"). */
const NOT_ACTORS = new Set(['next', 'previous', 'prior', 'last', 'first', 'final', 'follow', 'up', 'further', 'immediate', 'corrective', 'preventive']);
const actorLike = (w: string): boolean => !NOT_ACTORS.has(w) && !/(?:ed|ing)$/.test(w) && !misspeltLaneWord(w);

/** Single lane words long enough to be misspelt recognisably ("Frontsatge" is a typo of a lane, not a team). */
const TYPO_TARGETS: readonly string[] = SETS.filter(([c]) => c !== 'other' && c !== 'neutral' && c !== 'action')
  .flatMap(([, list]) => list)
  .filter((t) => !t.includes(' ') && t.length >= 5);

function misspeltLaneWord(w: string): boolean {
  return w.length >= 5 && !TYPO_TARGETS.includes(w) && TYPO_TARGETS.some((t) => Math.abs(t.length - w.length) <= 2 && editDistance(w, t) <= 2);
}

/** Names of a software layer: as the modifier of one more noun they still place the label ("Data recovery" is no layer). */
const LAYER_WORDS: ReadonlySet<string> = new Set(['frontend', 'front end', 'backend', 'back end', 'api', 'database', 'ui', 'crm', 'platform', 'infrastructure']);

/** "Frontend Components", "API Contract", "Database Objects": a layer word before one noun the vocabulary does not know. */
function layerModifier(words: readonly string[]): LaneReading | undefined {
  const lead = categorise(words.slice(0, -1));
  if (!lead || lead.length !== 1 || !LAYER_WORDS.has(lead[0]!.text)) return undefined;
  return readWords(words.slice(0, -1));
}

export interface SplitLabel {
  /** The label without its gloss. */
  main: string;
  gloss?: string;
}

/** Splits "Frontstage (what the client sees)", "Frontstage — what the client sees" and a label over a line break. */
export function splitGloss(label: string): SplitLabel {
  const text = label.replace(/^[^\p{L}]+/u, '').replace(/[:：\s]+$/u, '');
  const lines = text.split(/\s*[\r\n]+\s*/);
  if (lines.length > 1) return { main: lines[0]!, gloss: lines.slice(1).join(' ') };
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text);
  if (paren && paren[1]) return { main: paren[1], gloss: paren[2] };
  const dash = /^(.*?)\s+[\u2013\u2014-]\s+(.*)$/.exec(text);
  if (dash && dash[1]) return { main: dash[1], gloss: dash[2] };
  return { main: text };
}

/** The last resort for a label no word list places: its main words (without the gloss) end in a staff trade. */
export function readByTrade(label: string): LaneReading | undefined {
  const words = labelWords(splitGloss(label).main);
  return words.length > 0 && words.length <= 3 ? staffRoleOfProse(words) : undefined;
}

/** A label read by its words alone; the gloss overrules it when the gloss names an actor and a doing ("User Actions"). */
export function readByMeaning(label: string): LaneReading | undefined {
  const { main, gloss } = splitGloss(label);
  const reading = readWords(labelWords(main));
  if (gloss) {
    const g = readWords(labelWords(gloss));
    if (g && g.basis === 'role-action' && (!reading || g.kind !== reading.kind)) return { ...g, basis: 'gloss' };
  }
  return reading;
}

/**
 * Readings of the labels of one table or step, with what the other labels say: when the set already has a frontstage
 * lane (or a first staff lane), a staff lane placed only by its role is behind the line ("Organiser action" then
 * "Caseworker action").
 */
export function inContext(readings: ReadonlyArray<LaneReading | undefined>): Array<LaneReading | undefined> {
  const frontByWord = readings.some((r) => r?.kind === 'frontstage' && !r.byRole);
  let frontSeen = frontByWord;
  return readings.map((r) => {
    if (!r || r.kind !== 'frontstage' || !r.byRole) return r;
    if (!frontSeen) {
      frontSeen = true;
      return r;
    }
    return { ...r, kind: 'backstage', basis: 'context' };
  });
}

/** One sentence on why a label got its lane (for `inspect --explain` and the editor). */
export function explainReading(label: string, r: LaneReading | undefined): string {
  if (!r) return `"${label}" is not a lane label`;
  switch (r.basis) {
    case 'synonym':
      return `"${label}" is a listed ${r.kind} label`;
    case 'lane-word':
      return `"${label}" names the ${r.kind} lane ("${r.words}")${r.gainOnly ? '; a benefit only where its content states a customer gain' : ''}`;
    case 'other-word':
      return `"${label}" names no lane of the service ("${r.words}"): other`;
    case 'role-action':
      return `"${label}" is what ${r.kind === 'customer' ? 'a customer-side' : 'a staff'} role ("${r.words}") does: ${r.kind}`;
    case 'role':
      return `"${label}" names ${r.kind === 'customer' ? 'a customer-side' : 'a staff'} role ("${r.words}"): ${r.kind}`;
    case 'system':
      return `"${label}" names a system ("${r.words}"): ${r.kind}`;
    case 'gloss':
      return `the gloss of "${label}" says who acts ("${r.words}"): ${r.kind}`;
    case 'context':
      return `"${label}" is a second staff lane beside a frontstage lane: backstage`;
    case 'unplaced':
      return `"${label}" could not be placed: kept as an other lane`;
    case 'position':
      return `"${label}" names no lane but comes before the frontstage lane in a step with no customer lane: customer`;
  }
}
