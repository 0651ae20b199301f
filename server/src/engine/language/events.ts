// Rules of language for the rule pack (issue #14): is a conflict or a decision word an event of the step, or a label,
// a field, a category, an instruction not to do it? Who backs the employee (a case sent to someone), who decides and
// how far (a threshold, a routing). Each rule can be stated in one sentence; each carries its name as `rule`.
import type { Range, Token } from './doc.js';
import { clauseSubject, negationVeto, thresholdOf, thresholdRoutes, type Found, type LangText } from './judge.js';
import { inSlot, slot, type SlotName } from './slots.js';

const NOUNISH = new Set(['NOUN', 'PROPN']);
const ARROWS = new Set(['→', '⇒', '➜', '➔', '->', '=>', '-->']);
const TIME_UNIT = /^(second|minute|hour|day|week|month|year|night)s?$/;

function isNeg(t: Token | undefined): boolean {
  return !!t && (t.lemma === 'not' || t.lower === 'never' || t.lower === 'cannot' || t.lower === "n't" || t.lower === 'n’t');
}

function hasVerb(lt: LangText, c: Range): boolean {
  for (let k = c.from; k < c.to; k++) if (lt.doc.tokens[k]!.pos === 'VERB' || lt.doc.tokens[k]!.pos === 'AUX') return true;
  return false;
}

function tokensOf(lt: LangText, start: number, end: number): Token[] {
  return lt.doc.tokens.filter((t) => t.end > start && t.start < end);
}

/** Words of a slot that are several words long, split; matched at token i. */
function slotPhraseAt(lt: LangText, i: number, name: SlotName): number {
  let best = 0;
  for (const entry of slot(name)) {
    const words = entry.split(' ');
    if (words.length <= best) continue;
    if (words.every((w, k) => lt.doc.tokens[i + k]?.lower === w)) best = words.length;
  }
  return best;
}

function isArrow(lt: LangText, t: Token): boolean {
  if (ARROWS.has(t.text)) return true;
  // wink splits "->" and "=>" into two symbols
  const next = lt.doc.tokens[t.i + 1];
  return (t.text === '-' || t.text === '=' || t.text === '--') && next?.text === '>' && next.start === t.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Events: is the word an event of the step?

/**
 * Why an event word [start, end) (a conflict or a decision) is no event of the step, or null:
 * - it is negated in its clause, or it continues a negated clause as one more item of its list ("do not promise
 *   refunds, credits or compensation");
 * - it names a label: the modifier of a record or attribute noun ("complaint type", "refund requests");
 * - it is the value of a field ("claim status: disputed");
 * - it is one item of a list of fields or kinds ("the log holds: name, date, compensation offered").
 */
export function eventVeto(lt: LangText, start: number, end: number): string | null {
  const negated = negationVeto(lt, start, end) ?? listNegation(lt, start, end);
  if (negated) return negated;
  return labelVeto(lt, start, end) ?? recorded(lt, start, end) ?? standingPrice(lt, start, end) ?? compNotGift(lt, start, end) ?? thresholdOf(lt, start, end);
}

/** "Every complaint must be logged with ...": the word as the subject of a passive recording verb is paperwork, not an event. */
function recorded(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const last = inside[inside.length - 1];
  if (!last) return null;
  const toks = lt.doc.tokens;
  let k = last.i + 1;
  while (k < toks.length && k <= last.i + 4 && (toks[k]!.pos === 'AUX' || toks[k]!.lemma === 'be' || toks[k]!.lower === 'been')) k++;
  const v = toks[k];
  if (!v || k === last.i + 1 || v.sentence !== last.sentence || !inSlot(v, 'record-verb') || !/(ed|en)$/.test(v.lower)) return null;
  return `paperwork ("${lt.doc.text.slice(inside[0]!.start, v.end)}"), not an event of the step`;
}

const PERMISSION = new Set(['can', 'may', 'could', 'might', 'offer', 'offers', 'offered', 'decide', 'decides', 'discretion', 'choose', 'allowed', 'able', 'authorised', 'authorized', 'empowered']);

/** "sends the mixes the same evening, free of charge": a price for everyone is the company's offer, not a decision left to the employee. */
function standingPrice(lt: LangText, start: number, end: number): string | null {
  const text = lt.doc.text.slice(start, end);
  if (!/^(?:free of charge|at no (?:cost|charge)|for free|no charge)$/i.test(text)) return null;
  const first = tokensOf(lt, start, end)[0];
  if (!first) return null;
  const s = lt.doc.sentences[first.sentence]!;
  if (lt.doc.tokens.slice(s.from, s.to).some((x) => PERMISSION.has(x.lower))) return null;
  return `the price for everyone ("${text}"), not a decision left to the employee`;
}

/** "comp the best takes": comp gives something away only when what is comped is something the customer pays for. */
function compNotGift(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const first = inside[0];
  if (!first || inside.length !== 1 || !/^comp(?:s|ed|ing)?$/.test(first.lower)) return null;
  const toks = lt.doc.tokens;
  // the object: the words up to a preposition, punctuation or the clause's end ("the best vocal takes", "a dessert")
  const object: Token[] = [];
  for (let k = first.i + 1; k < toks.length && k <= first.i + 5; k++) {
    const x = toks[k]!;
    if (x.sentence !== first.sentence || x.clause !== first.clause || x.pos === 'ADP' || x.pos === 'PUNCT' || x.pos === 'CCONJ') break;
    object.push(x);
  }
  if (object.some((x) => x.pos === 'PRON') || !object.some((x) => NOUNISH.has(x.pos) || x.pos === 'VERB')) return null;
  if (object.some((x) => inSlot(x, 'sellable-noun', true))) return null;
  const noun = object[object.length - 1]!;
  return `"${lt.doc.text.slice(first.start, noun.end)}" gives nothing away (what is comped is not something the customer pays for)`;
}

/** A clause without a verb of its own (one more item after a comma or "or") shares the negation of the clause it continues. */
export function listNegation(lt: LangText, start: number, end: number): string | null {
  const first = tokensOf(lt, start, end)[0];
  if (!first) return null;
  const toks = lt.doc.tokens;
  let ci = first.clause;
  let c = lt.doc.clauses[ci]!;
  // "no refunds, credits or exchanges": "no" opens the list
  const opens = (r: Range) => toks[r.from]?.lower === 'no' || toks[r.from]?.lower === 'nor';
  if (hasVerb(lt, c)) return null;
  while (ci > 0) {
    const prev = lt.doc.clauses[ci - 1]!;
    if (toks[prev.from]!.sentence !== first.sentence) return null;
    ci--;
    c = prev;
    if (opens(c)) return `negated ("${toks[c.from]!.text}" opens the list it is in)`;
    if (hasVerb(lt, c)) {
      for (let k = c.from; k < c.to; k++) if (isNeg(toks[k])) return `negated ("${toks[k]!.text}" governs the list it is in)`;
      return null;
    }
  }
  return null;
}

/** A benefit that is one field of a list a record holds ("logged with: name, room, compensation offered"), or null. */
export function fieldVeto(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const first = inside[0];
  const last = inside[inside.length - 1];
  return first && last ? listItem(lt, first, last) : null;
}

/** Why the word [start, end) names a label, a field or a category, or null. */
export function labelVeto(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const last = inside[inside.length - 1];
  const first = inside[0];
  if (!first || !last) return null;
  const toks = lt.doc.tokens;
  // the modifier of a record or attribute noun: "complaint type", "complaints summary", "refund requests over $500"
  const next = toks[last.i + 1];
  const after = toks[last.i + 2];
  if (next && next.start === last.end + 1 && inSlot(next, 'label-head') && (NOUNISH.has(last.pos) || last.pos === 'VERB' || last.pos === 'ADJ')) {
    const verbReading = next.pos === 'VERB' && !!after && (after.pos === 'DET' || after.pos === 'PRON');
    if (!verbReading) return `a label ("${lt.doc.text.slice(first.start, next.end)}" names a kind of record, not an event)`;
  }
  // the label of a line whose value is a time or amount: "General Complaints: 3-5 business days" names a category
  if (next?.text === ':') {
    let k = first.i - 1;
    while (k >= 0 && toks[k]!.sentence === first.sentence && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'DET')) k--;
    const opensLine = k < 0 || toks[k]!.sentence !== first.sentence || lt.doc.text.slice(toks[k]!.end, toks[k + 1]!.start).includes('\n');
    const value = toks.slice(last.i + 2, last.i + 5).filter((y) => y.sentence === first.sentence);
    if (opensLine && value.some((y) => y.pos === 'NUM' || /^[<>≤≥~]?\d/.test(y.text))) return `a category's label ("${lt.doc.text.slice(first.start, next.end)}" with a time or amount), not an event`;
  }
  // the value of a field: "claim status: disputed", "Reason = complaint"
  for (let k = first.i - 1; k >= Math.max(0, first.i - 3); k--) {
    const x = toks[k]!;
    if (x.sentence !== first.sentence) break;
    if (x.text === ':' || x.text === '=') {
      const name = toks[k - 1];
      const rest = toks.slice(last.i + 1).filter((y) => y.sentence === first.sentence && y.pos !== 'PUNCT');
      if (name && inSlot(name, 'label-head') && rest.length <= 2) return `a field's value ("${lt.doc.text.slice(name.start, last.end)}")`;
      break;
    }
    if (!(x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'ADV')) break;
  }
  return listItem(lt, first, last);
}

/** The word is one item of a list of fields or kinds: in parentheses, or after "<record or kind>:" ("the log holds:"). */
function listItem(lt: LangText, first: Token, last: Token): string | null {
  const toks = lt.doc.tokens;
  const s = lt.doc.sentences[first.sentence]!;
  // the list's region: the enclosing parentheses, or from a colon to the sentence end
  let from = -1;
  let to = s.to;
  let why = '';
  for (let k = first.i - 1; k >= s.from; k--) {
    const x = toks[k]!;
    if (x.text === ')') break;
    if (x.text === '(') {
      from = k + 1;
      for (let j = last.i + 1; j < s.to; j++) {
        if (toks[j]!.text.startsWith(')')) {
          to = j;
          break;
        }
      }
      why = 'a category in a parenthesised list';
      break;
    }
    if (x.text === ':') {
      const intro = toks.slice(s.from, k);
      if (intro.some((y) => inSlot(y, 'label-head') || inSlot(y, 'record-verb'))) {
        from = k + 1;
        why = `a field in the list after "${lt.doc.text.slice(toks[s.from]!.start, x.start).trim()}"`;
      }
      break;
    }
  }
  if (from < 0) return null;
  // the items: split on commas, "or", "and", ";", "/"
  const items: Token[][] = [[]];
  for (let k = from; k < to; k++) {
    const x = toks[k]!;
    if (x.text === ',' || x.text === ';' || x.text === '/' || x.lower === 'or' || x.lower === 'and') items.push([]);
    else items[items.length - 1]!.push(x);
  }
  const full = items.filter((it) => it.length > 0);
  if (full.length < 3) return null;
  const mine = full.find((it) => it.some((x) => x.i === first.i));
  if (!mine) return null;
  // the item is a noun phrase (a participle may follow its noun: "compensation offered"), not a clause
  const nounAt = mine.findIndex((x) => NOUNISH.has(x.pos));
  if (nounAt < 0) return null;
  const clause = mine.some((x, k) => x.pos === 'AUX' || x.pos === 'PRON' || (x.pos === 'VERB' && (k < nounAt || !/(ed|en|wn|t)$/.test(x.lower)) && x.i !== first.i && x.i !== last.i) || lt.roles[x.i]);
  return clause ? null : why;
}

/** The employee is not the one who acts: the event's clause has the customer as its subject ("the guest asks for a refund"). */
export function customerActs(lt: LangText, start: number, end: number): string | null {
  const first = tokensOf(lt, start, end)[0];
  if (!first) return null;
  return clauseSubject(lt, first.clause) === 'customer' ? 'the customer acts in its clause' : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Who backs, who decides, how far

/** The end (token index) of a person or team named at token i: a role noun, a routing target, a capitalised team name. */
function target(lt: LangText, i: number, limit: number): number {
  const toks = lt.doc.tokens;
  let k = i;
  while (k < limit && (toks[k]!.pos === 'DET' || toks[k]!.pos === 'ADJ' || toks[k]!.lower === 'straight') && !lt.roles[k] && !inSlot(toks[k], 'routing-target')) k++;
  const t = toks[k];
  if (!t || k >= limit) return -1;
  const capitalised = t.pos === 'PROPN' && /^[A-Z]/.test(t.text);
  if (!(lt.roles[k] === 'employee' || inSlot(t, 'routing-target') || capitalised)) return -1;
  let end = k;
  while (end + 1 < limit && (lt.roles[end + 1] === 'employee' || (NOUNISH.has(toks[end + 1]!.pos) && (inSlot(toks[end + 1], 'routing-target') || /^[A-Z]/.test(toks[end + 1]!.text))))) end++;
  return end;
}

function span(lt: LangText, from: number, to: number, rule: string, extra: Partial<Found> = {}): Found {
  return { start: lt.doc.tokens[from]!.start, end: lt.doc.tokens[to]!.end, rule, ...extra };
}

/**
 * A case sent to a person or team is backing (and names who decides): "escalates to the duty manager", "hand the
 * conversation to a person", "Refund requests over $500 → senior agent", "To Billing:", "above: manager".
 */
export function routingPatterns(lt: LangText): Found[] {
  // (a fresh array from a literal: a copy made by spreading an empty one holds small integers, and every push site
  // of this loop would then throw the optimised function away the first time it adds a hit)
  const out: Found[] = thresholdRoutes(lt);
  const toks = lt.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const s = lt.doc.sentences[t.sentence]!;
    const c = lt.doc.clauses[t.clause]!;
    // <arrow> person: the row's case goes to that person
    if (isArrow(lt, t)) {
      const from = ARROWS.has(t.text) ? i + 1 : i + 2;
      const end = target(lt, from, Math.min(s.to, from + 4));
      if (end >= 0) {
        out.push(span(lt, i, end, 'route-arrow', { kind: 'backing' }));
        i = end;
      }
      continue;
    }
    // pass / refer / escalate / hand (over) ... to <person or team>, not negated
    if (inSlot(t, 'escalation-verb') && (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.i === c.from)) {
      let found = -1;
      for (let j = i + 1; j < Math.min(s.to, i + 8); j++) {
        if (toks[j]!.lower !== 'to') continue;
        found = target(lt, j + 1, Math.min(s.to, j + 6));
        break;
      }
      // the customer asking to be passed to a manager is a demand, not backing
      if (found >= 0 && !negationVeto(lt, t.start, t.end) && clauseSubject(lt, t.clause) !== 'customer') {
        out.push(span(lt, i, found, 'route-to', { kind: 'backing' }));
        i = found;
      }
      continue;
    }
    // "(straight) to <team>:" heading a list of cases: those cases go to that team
    if (t.lower === 'to' && (i === s.from || (i === s.from + 1 && ['straight', 'directly', 'direct'].includes(toks[s.from]!.lower)))) {
      const end = target(lt, i + 1, Math.min(s.to, i + 5));
      const closer = toks[end + 1];
      if (end >= 0 && closer && (closer.text.startsWith(':') || closer.text === '(' || closer.text === '-' || closer.text === '—')) {
        out.push(span(lt, s.from, end, 'route-heading', { kind: 'backing' }));
        i = end;
      }
      continue;
    }
    // "<limit>: <person>" / "above: manager" — a threshold table's rows name who decides
    if (t.text === ':' && i > s.from) {
      const before = toks.slice(Math.max(s.from, i - 5), i);
      const bounded = before.some((x) => inSlot(x, 'comparison') || x.pos === 'NUM' || x.lower === 'otherwise');
      const end = target(lt, i + 1, Math.min(s.to, i + 4));
      if (bounded && end >= 0 && lt.roles.slice(i + 1, end + 1).some((r) => r === 'employee')) {
        out.push(span(lt, i + 1, end, 'threshold-role', { kind: 'authority' }));
        i = end;
      }
    }
  }
  return out;
}

/**
 * A money amount or count bounded by a comparison is a limit: "up to £50", "over $500", "above £400", "<= $60",
 * "at most 2 vouchers". A duration is not ("over 2 years" says how long, not how far).
 */
export function limitPatterns(lt: LangText): Found[] {
  const out: Found[] = [];
  const toks = lt.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let n = slotPhraseAt(lt, i, 'comparison');
    // "<", ">", "<=", "≥": wink gives "<" "=" as two symbols
    if (!n && /^[<>≤≥]$/.test(t.text)) n = toks[i + 1]?.text === '=' && toks[i + 1]!.start === t.end ? 2 : 1;
    if (!n) continue;
    let j = i + n;
    const money = toks[j]?.pos === 'SYM' && /^[$£€¥₹]$/.test(toks[j]!.text);
    if (money) j++;
    const num = toks[j];
    if (!num || num.pos !== 'NUM') continue;
    const unit = toks[j + 1];
    const currencyWord = unit && /^(dollars?|pounds?|euros?|usd|gbp|eur|%|percent)$/i.test(unit.text);
    if (!money && !currencyWord && unit && TIME_UNIT.test(unit.lower)) continue;
    if (!money && !currencyWord && !(unit && NOUNISH.has(unit.pos))) continue;
    const end = money || !unit ? j : j + 1;
    out.push(span(lt, i, end, 'threshold', { kind: 'authority' }));
    i = end;
  }
  return out;
}

/**
 * A superior (manager, supervisor, lead) who takes part in the step backs the employee in a conflict: "normally the
 * manager of the area calls back", "the duty manager deals with this in person". Not when negated or absent
 * ("without the manager", "the manager is not told"), nor when the customer is the clause's subject ("the guest asks
 * for the manager").
 */
export function superiorPatterns(lt: LangText): Found[] {
  const out: Found[] = [];
  const toks = lt.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (lt.roles[i] !== 'employee' || !inSlot(t, 'superior') || !NOUNISH.has(t.pos)) continue;
    // the head of a role phrase ("duty manager", "shift supervisor"): take the whole phrase
    let from = i;
    while (from > 0 && lt.roles[from - 1] === 'employee') from--;
    let p = from - 1;
    while (p >= 0 && (toks[p]!.pos === 'DET' || toks[p]!.pos === 'ADJ' || NOUNISH.has(toks[p]!.pos) || /^(their|his|her|your|our)$/.test(toks[p]!.lower))) p--;
    const prev = toks[p];
    if (prev && (prev.lower === 'without' || prev.lower === 'no' || prev.lower === 'nor')) continue;
    if (negationVeto(lt, toks[from]!.start, t.end)) continue;
    // a superior who is only told or copied in does not back: "let the manager know", "tell the manager if it keeps going"
    const c = lt.doc.clauses[t.clause]!;
    const TOLD = /^(tell|tells|told|inform|informs|informed|notify|notifies|notified|copy|copies|copied|cc|let|lets|updated|alerted|emailed)$/;
    // ... or is the subject of a passive "is told / is informed / is kept updated"
    const passive = toks.slice(i + 1, Math.min(c.to, i + 5)).some((x, k, a) => TOLD.test(x.lower) && a.slice(0, k).some((y) => y.lemma === 'be' || y.lower === 'gets' || y.lower === 'kept'));
    const told = passive || toks.slice(c.from, from).some((x) => TOLD.test(x.lower));
    if (told || clauseSubject(lt, t.clause) === 'customer') continue;
    out.push(span(lt, from, i, 'superior-takes-part', { kind: 'backing' }));
  }
  return out;
}

/** "escalate" / "escalation" in a text that also states a threshold: beyond the limit, someone else decides. */
export function escalatesBeyondLimit(lt: LangText): Found[] {
  if (!limitPatterns(lt).length) return [];
  const out: Found[] = [];
  for (const t of lt.doc.tokens) {
    if ((t.lemma === 'escalate' || t.lower === 'escalation') && !negationVeto(lt, t.start, t.end)) out.push({ start: t.start, end: t.end, rule: 'escalate-beyond-limit', kind: 'authority' });
  }
  return out;
}
