// Rules of language over tokens, lemmas and word classes: pattern matches that find benefits and support, and vetoes
// that reject a candidate with a reason. Every rule can be stated in one sentence; each carries its name as `rule`.
import type { SupportKind } from '../types.js';
import type { LangDoc, Range, Token } from './doc.js';
import { inSlot, slot } from './slots.js';
import { attached } from '../incremental/textMemos.js';

export type Role = 'employee' | 'customer';

/** A text read by the language layer, with the role nouns (employee-roles.txt, customer-roles.txt) found in it. */
export interface LangText {
  doc: LangDoc;
  /** Role of each token, when a role phrase covers it. */
  roles: Array<Role | undefined>;
}

export interface Found {
  start: number;
  end: number;
  /** Name of the rule of language that found it ("free+noun"). */
  rule: string;
  group?: string;
  kind?: SupportKind;
}

const NOUNISH = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET']);
const PERSONAL_CUSTOMER = new Set(['you', 'your']);
const COMPANY_PRONOUNS = new Set(['we', 'our', 'us', 'ours']);
const THIRD_PERSON = new Set(['they', 'he', 'she']);
const INDEFINITE_PEOPLE = new Set(['anyone', 'anybody', 'someone', 'somebody']);

function tok(lt: LangText, i: number): Token | undefined {
  return lt.doc.tokens[i];
}

function clauseOf(lt: LangText, t: Token): Range {
  return lt.doc.clauses[t.clause]!;
}

function isNeg(t: Token | undefined): boolean {
  return !!t && (t.lemma === 'not' || t.lower === 'never' || t.lower === 'cannot' || t.lower === "n't" || t.lower === 'n’t');
}

function isVerbish(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

/**
 * The subject of a clause: the role of its first noun phrase before its verb (employee, customer, company for
 * "we/our", or undefined). A clause without one (a lane written "Hands over the keys") takes the sentence's
 * previous clause's subject.
 */
export function clauseSubject(lt: LangText, clauseIndex: number): Role | 'company' | 'other' | undefined {
  return once(lt, `who:${clauseIndex}`, () => subjectOf(lt, clauseIndex));
}

function subjectOf(lt: LangText, clauseIndex: number): Role | 'company' | 'other' | undefined {
  const c = lt.doc.clauses[clauseIndex];
  if (!c) return undefined;
  for (let k = c.from; k < c.to; k++) {
    const t = lt.doc.tokens[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'ADV' || t.lower === 'so' || t.lower === 'that') continue;
    if (isVerbish(t) || t.pos === 'ADP') break;
    const role = lt.roles[k];
    if (role) return role;
    if (t.lower === 'our' && roleIn(lt, k + 1, Math.min(c.to, k + 4), 'employee') >= 0) return 'employee';
    if (COMPANY_PRONOUNS.has(t.lower)) return 'company';
    if (PERSONAL_CUSTOMER.has(t.lower)) return 'customer';
    // a personal pronoun refers to the last subject named before it ("Agents check documents; they can upgrade")
    if (THIRD_PERSON.has(t.lower)) {
      for (let p = clauseIndex - 1; p >= 0; p--) {
        const prev = clauseSubject(lt, p);
        if (prev === 'employee' || prev === 'customer') return prev;
      }
      // (with nobody named before it, "they" is the lane's own unnamed actor, as a terse lane's missing subject is)
      return lt.doc.clauses.slice(0, clauseIndex).some((p) => clauseSubject(lt, lt.doc.clauses.indexOf(p)) !== undefined) ? 'other' : undefined;
    }
    // a time opening the clause is no subject: "A week before, they get the email", "The day after, we ring"
    if (NOUNISH.has(t.pos) && TIME_NOUNS.has(t.lemma)) {
      let j = k + 1;
      if (['before', 'after', 'later', 'earlier', 'ahead', 'ago', 'out'].includes(lt.doc.tokens[j]?.lower ?? '')) j++;
      if (lt.doc.tokens[j]?.text === ',') {
        k = j;
        continue;
      }
    }
    if (t.pos === 'PRON' || NOUNISH.has(t.pos)) {
      // the rest of the noun phrase may hold the role ("the night team", "the new starter")
      for (let j = k + 1; j < c.to && MODIFIER.has(lt.doc.tokens[j]!.pos); j++) if (lt.roles[j]) return lt.roles[j];
      return 'other';
    }
  }
  const prev = lt.doc.clauses[clauseIndex - 1];
  if (prev && lt.doc.tokens[prev.from]!.sentence === lt.doc.tokens[c.from]!.sentence) return clauseSubject(lt, clauseIndex - 1);
  return undefined;
}

/** End offset of the noun phrase (modifiers and nouns) starting at token i; returns the last token index. */
function nounPhraseEnd(lt: LangText, i: number, limit: number): number {
  let last = -1;
  for (let k = i; k < limit; k++) {
    const t = lt.doc.tokens[k]!;
    if (NOUNISH.has(t.pos) || t.pos === 'ADJ' || t.pos === 'NUM' || (t.text === '-' && k > i) || t.lower === "'s" || t.lower === '’s') {
      if (NOUNISH.has(t.pos) || t.pos === 'ADJ' || t.pos === 'NUM') last = k;
      continue;
    }
    const after = lt.doc.tokens[k + 1];
    // a verb form inside a compound ("booking fee", "parking space") after a modifier, or a participle before its noun
    // ("chilled water", "printed maps")
    if (t.pos === 'VERB' && /ing$/.test(t.lower) && NOUNISH.has(after?.pos ?? '')) continue;
    if (t.pos === 'VERB' && /(?:ed|en)$/.test(t.lower) && (NOUNISH.has(after?.pos ?? '') || after?.pos === 'ADJ')) continue;
    // a plural noun tagged as a verb ends a phrase its modifiers opened ("printable invites and a link")
    if (t.pos === 'VERB' && last >= i && /[^s]s$/.test(t.lower) && (!after || after.pos === 'PUNCT' || after.pos === 'CCONJ' || after.pos === 'ADP')) {
      last = k;
      break;
    }
    break;
  }
  return last;
}

const PLACE_PREPOSITIONS = new Set(['at', 'in', 'on', 'into', 'inside', 'through', 'near']);

/** An employee role in [from, to) named as a person, not as a place: "at the counter", "in the office" say where. */
function roleAsPerson(lt: LangText, from: number, to: number): boolean {
  const r = roleIn(lt, from, to, 'employee');
  return r >= 0 && !placeAt(lt, r, from);
}

/** The role word at k is a place after a preposition ("laid out on the counter"), looking back no further than `from`. */
function placeAt(lt: LangText, k: number, from = 0): boolean {
  let j = k - 1;
  while (j >= from && (lt.doc.tokens[j]!.pos === 'DET' || lt.doc.tokens[j]!.pos === 'ADJ')) j--;
  return PLACE_PREPOSITIONS.has(lt.doc.tokens[j]?.lower ?? '');
}

/** Tokens [from, to) name an employee or an approval: what is lifted is staff's OK, not a customer's chore. */
function namesApproval(lt: LangText, from: number, to: number): boolean {
  return roleIn(lt, from, to, 'employee') >= 0 || lt.doc.tokens.slice(from, to).some((x) => inSlot(x, 'approval-noun'));
}

function roleIn(lt: LangText, from: number, to: number, role: Role): number {
  for (let k = from; k < to; k++) if (lt.roles[k] === role) return k;
  return -1;
}

/** Text of tokens [from, to] joined as written. */
function span(lt: LangText, from: number, to: number, rule: string, extra: Partial<Found> = {}): Found {
  return { start: lt.doc.tokens[from]!.start, end: lt.doc.tokens[to]!.end, rule, ...extra };
}

/** Token i sits in a clause "<employee> can/may/is allowed to ... <token i>": a permission given to an employee. */
function employeePermission(lt: LangText, i: number): boolean {
  const t = lt.doc.tokens[i]!;
  // the nearest permission word before it in the sentence, in a clause whose subject is an employee
  for (let k = i - 1; k >= 0 && lt.doc.tokens[k]!.sentence === t.sentence; k--) {
    const x = lt.doc.tokens[k]!;
    if (x.lower === 'can' || x.lower === 'may' || x.lower === 'allowed' || x.lower === 'authorised' || x.lower === 'authorized' || x.lower === 'empowered') {
      // "so (that) X may ..." states a purpose, not a permission
      const opener = lt.doc.tokens[lt.doc.clauses[x.clause]!.from]!;
      if (opener.lower === 'so') return false;
      return clauseSubject(lt, x.clause) === 'employee';
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Benefit patterns

/** Benefit wording found by rules of language (customer-side lanes, the frontstage lane and prose). */
export function benefitPatterns(lt: LangText): Found[] {
  const out: Found[] = [];
  const toks = lt.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const c = clauseOf(lt, t);
    const next = tok(lt, i + 1);
    // free/complimentary/courtesy + noun: something given at no charge
    // (a gift adjective after a hyphen is an "X-free" compound: step-free, sugar-free, hands-free mean "without X")
    const compound = i > 0 && toks[i - 1]!.text === '-' && toks[i - 1]!.end === t.start;
    if (inSlot(t, 'gift-adjective') && !compound && t.pos !== 'VERB' && next && next.lower !== 'of' && next.lower !== 'to' && next.lower !== 'up') {
      const end = nounPhraseEnd(lt, i + 1, c.to);
      if (end > i && (toks.slice(i + 1, end + 1).some((x) => NOUNISH.has(x.pos)) || (end > i + 1 && toks[end]!.pos === 'VERB'))) {
        out.push(span(lt, i, end, 'free+noun', { group: 'money' }));
        i = end;
        continue;
      }
    }
    // <verb> free / for free: done at no charge ("the tenth shirt is laundered free")
    if (t.lower === 'free' && i > 0 && (toks[i - 1]!.lower === 'for' || (toks[i - 1]!.pos === 'VERB' && /(ed|en|t)$/.test(toks[i - 1]!.lower))) && !NOUNISH.has(next?.pos ?? '')) {
      out.push(span(lt, i - 1, i, 'verb+free', { group: 'money' }));
      continue;
    }
    // ...with whom it is done for between: "sent to them free", "posted to the family free"
    const doneFor = t.lower === 'free' && !NOUNISH.has(next?.pos ?? '') ? receiverBefore(lt, i, c.from) : -1;
    if (doneFor >= 0) {
      out.push(span(lt, doneFor, i, 'verb+free', { group: 'money' }));
      continue;
    }
    // <noun phrase> free opening its clause: "Smoke test free if the stove is new", "Parking free on Sundays"
    // ("sugar-free" is a compound; "free of" is without)
    if (t.lower === 'free' && i > c.from && NOUNISH.has(toks[i - 1]!.pos) && (!next || next.pos === 'PUNCT' || POSTPOSED_FREE_NEXT.has(next.lower))) {
      let k = i - 1;
      // (an ordinal opens the phrase as an adjective does: "first annual service free")
      while (k > c.from && (NOUNISH.has(toks[k - 1]!.pos) || toks[k - 1]!.pos === 'ADJ' || toks[k - 1]!.pos === 'DET' || ORDINALS.has(toks[k - 1]!.lower))) k--;
      if (k === c.from && !(next?.text === '-' && next.start === t.end)) {
        out.push(span(lt, k, i, 'noun+free', { group: 'money' }));
        continue;
      }
    }
    // can / may + verb ... or + a way, place, time or other doing: an option the customer is given ("can reply online
    // or by post", "may pay by card or in cash"); staff who can do one thing or another have latitude, not the customer
    if ((t.lower === 'can' || t.lower === 'may') && next && isVerbish(next) && next.clause === t.clause && !isNeg(next)) {
      const who = clauseSubject(lt, t.clause);
      if ((who === 'customer' || who === undefined) && roleIn(lt, c.from, c.to, 'employee') < 0) {
        // the alternatives may be a clause apart ("reply online | or by post"), never past the sentence's end
        let orAt = -1;
        for (let k = i + 2; k < toks.length && k <= i + 12 && !/^[.;!?]$/.test(toks[k]!.text); k++) if (toks[k]!.lower === 'or') orAt = k;
        const alt = orAt > 0 ? tok(lt, orAt + 1) : undefined;
        // ways, places or times to do it ("online or by post", "collect or have it delivered"), not two things to add
        const way = alt && (alt.pos === 'ADP' || alt.pos === 'ADV' || isVerbish(alt));
        if (alt && way && !isNeg(alt) && alt.lower !== 'not' && alt.lower !== 'else') {
          const altClause = lt.doc.clauses[alt.clause]!;
          const end = Math.max(orAt + 1, nounPhraseEnd(lt, orAt + 1, altClause.to));
          out.push(span(lt, i, end, 'can+or', { group: 'choice' }));
          i = end;
          continue;
        }
      }
    }
    // without (having to / needing to) + verb: an effort the customer is spared
    if (t.lower === 'without' && next) {
      // adverbs between do not change it: "without ever having to chase the shop", "without even queueing"
      let a = i + 1;
      while (a < i + 3 && tok(lt, a)?.pos === 'ADV' && tok(lt, a + 1)) a++;
      let j = a;
      if ((tok(lt, a)!.lower === 'having' || tok(lt, a)!.lower === 'needing') && tok(lt, a + 1)?.lower === 'to') j = a + 2;
      const v = tok(lt, j);
      const gerund = v && j === a && /ing$/.test(v.lower) && (v.pos === 'VERB' || v.pos === 'NOUN');
      const infinitive = v && j === a + 2 && (v.pos === 'VERB' || v.pos === 'NOUN');
      if (v && v.clause === t.clause && (gerund || infinitive)) {
        // "without asking the manager" is an employee's authority, not the customer's ease; so is "<employee> can
        // ... without <verb>ing" (a permission: "can move passengers without calling revenue control")
        const objEnd = Math.min(c.to, j + 6);
        // ("without asking anyone": nobody's permission is needed, whoever "you" is)
        const anyone = INDEFINITE_PEOPLE.has(tok(lt, j + 1)?.lower ?? '') || INDEFINITE_PEOPLE.has(tok(lt, j + 2)?.lower ?? '');
        // (a role is someone whose OK is skipped only when the verb asks it or the role is a superior: "without seeing a
        // GP" spares the customer a visit, "without asking the manager" is an employee's authority)
        const asked = inSlot(v, 'asking-verb') || toks.slice(j + 1, objEnd).some((x) => inSlot(x, 'superior'));
        const authority = (roleAsPerson(lt, j + 1, objEnd) && asked) || toks.slice(j + 1, objEnd).some((x) => inSlot(x, 'approval-noun')) || employeePermission(lt, i) || anyone;
        if (!authority) {
          let end = j;
          if (tok(lt, j + 1)?.pos === 'ADP' && tok(lt, j + 1)!.clause === t.clause && (j + 2 >= c.to || tok(lt, j + 2)!.pos === 'PUNCT')) end = j + 1;
          out.push(span(lt, i, end, 'without+verb', { group: 'ease' }));
          i = end;
          continue;
        }
      }
    }
    // without + what the customer would otherwise bring or arrange: "collects without appointment", "held without a deposit"
    if (t.lower === 'without' && next) {
      let j = next.pos === 'DET' ? i + 2 : i + 1;
      // (modifiers of a charge: "without extra payment", "without any additional fee")
      while (tok(lt, j)?.pos === 'ADJ' && j < i + 4) j++;
      const head = tok(lt, j);
      const charge = head && inSlot(head, 'charge-noun', true) && NOUNISH.has(head.pos);
      // (the verb it qualifies says whether it is leave given or the customer's situation: "turns up without a booking")
      const verb = toks
        .slice(c.from, i)
        .reverse()
        .find((x) => isVerbish(x) && x.lemma !== 'be');
      if (head && head.clause === t.clause && charge && !employeePermission(lt, i)) {
        out.push(span(lt, i, j, 'without+charge', { group: 'money' }));
        i = j;
        continue;
      }
      if (head && head.clause === t.clause && inSlot(head, 'requirement-noun', true) && NOUNISH.has(head.pos) && !employeePermission(lt, i) && !inSlot(verb, 'arrive-verb')) {
        out.push(span(lt, i, j, 'without+requirement', { group: 'ease' }));
        i = j;
        continue;
      }
    }
    // need not / is not required to + verb: an obligation lifted ("a single-handed skipper need not jump ashore")
    const lifted = liftedObligation(lt, i);
    if (lifted) {
      out.push(lifted);
      i = tokenEndingAt(lt, lifted.end, i);
      continue;
    }
    // never / don't / no longer + need / have to: an obligation lifted from the customer ("nobody has to come back")
    const nobody = t.lower === 'nobody' || (t.lower === 'no' && next?.lower === 'one');
    if (isNeg(t) || (t.lower === 'no' && next?.lower === 'longer') || nobody) {
      let j = t.lower === 'no' ? i + 2 : i + 1;
      if (tok(lt, j)?.lower === 'even' || tok(lt, j)?.lower === 'ever') j++;
      const v = tok(lt, j);
      if (v && (v.lemma === 'need' || (v.lemma === 'have' && tok(lt, j + 1)?.lower === 'to'))) {
        const subject = clauseSubject(lt, t.clause);
        const objFrom = v.lemma === 'have' ? j + 2 : j + 1;
        const objEnd = Math.min(c.to, objFrom + 6);
        const approval = namesApproval(lt, objFrom, objEnd);
        if ((nobody || (subject !== 'employee' && subject !== 'company')) && !approval && objFrom < c.to) {
          const end = Math.min(c.to - 1, objFrom + (toks[objFrom]!.lower === 'to' ? 1 : 0) + (NOUNISH.has(toks[objFrom + 1]?.pos ?? '') ? 1 : 0));
          out.push(span(lt, i, Math.max(end, objFrom), 'never-have-to', { group: 'ease' }));
          continue;
        }
      }
    }
    // no need to / of / for + verb: a chore lifted ("no need of bringing his own photo")
    if (
      t.lower === 'no' &&
      next?.lower === 'need' &&
      ['to', 'of', 'for'].includes(tok(lt, i + 2)?.lower ?? '') &&
      (isVerbish(tok(lt, i + 3)) || /ing$/.test(tok(lt, i + 3)?.lower ?? '')) &&
      tok(lt, i + 3)!.clause === t.clause
    ) {
      out.push(span(lt, i, i + 3, 'no-need-to+verb', { group: 'ease' }));
      i += 3;
      continue;
    }
    // nothing to + verb / no <noun> to + verb: a chore that does not exist
    if ((t.lower === 'nothing' || t.lower === 'no') && next) {
      let j = i + 1;
      if (t.lower === 'no') while (j < c.to && j <= i + 3 && (NOUNISH.has(toks[j]!.pos) || toks[j]!.pos === 'ADJ')) j++;
      if ((t.lower === 'nothing' || j > i + 1) && tok(lt, j)?.lower === 'to' && isVerbish(tok(lt, j + 1)) && tok(lt, j + 1)!.clause === t.clause) {
        out.push(span(lt, i, j + 1, 'nothing-to+verb', { group: 'ease' }));
        i = j + 1;
        continue;
      }
    }
    // so (that) the customer can / need not ...: the purpose of the step is the customer's gain
    if (t.lower === 'so' && c.from === i) {
      let j = i + 1;
      if (tok(lt, j)?.lower === 'that') j++;
      const det = tok(lt, j)?.pos === 'DET' || ['their', 'his', 'her', 'your'].includes(tok(lt, j)?.lower ?? '') ? 1 : 0;
      const subjEnd = Math.max(nounPhraseEnd(lt, j + det, c.to), j);
      const who = roleIn(lt, j, subjEnd + 1, 'customer') >= 0 || PERSONAL_CUSTOMER.has(tok(lt, j)?.lower ?? '');
      const employee = roleIn(lt, j, subjEnd + 1, 'employee') >= 0;
      // (an adverb before the verb says nothing of it, unless it is the gain: "so the parents actually get to sit down"; nor
      // does a relative clause: "so parents who don't read music can still help")
      let vi = subjEnd + 1;
      if (['who', 'that'].includes(tok(lt, vi)?.lower ?? '') && (who || employee)) {
        const modalAt = toks.slice(vi, Math.min(c.to + 8, vi + 9)).findIndex((x) => ['can', 'could', 'may', 'will'].includes(x.lower));
        if (modalAt > 1) vi += modalAt;
      }
      while (tok(lt, vi)?.pos === 'ADV' && !GAIN_ADVERBS.has(tok(lt, vi)!.lower) && vi < subjEnd + 3) vi++;
      const v = tok(lt, vi);
      // a pronoun in the purpose clause stands for the customer the sentence named, or the lane's own writer ("so I know")
      const pronoun = !who && subjEnd === j && (THIRD_PERSON.has(tok(lt, j)?.lower ?? '') || tok(lt, j)?.lower === 'i') && pronounIsCustomer(lt, i);
      const knows = v && KNOW_VERBS.has(v.lemma) && v.pos === 'VERB';
      // ...and "so they only pay", "so they go straight in", "so they get to stay": the purpose is a burden cut or leave given
      const gain = v && (GAIN_ADVERBS.has(v.lower) || (v.lemma === 'get' && tok(lt, vi + 1)?.lower === 'to') || (isVerbish(v) && GAIN_ADVERBS.has(tok(lt, vi + 1)?.lower ?? '')));
      if ((who || pronoun) && !employee && v && v.clause === t.clause && (['can', 'may', 'could', 'will'].includes(v.lower) || (isVerbish(v) && isNeg(tok(lt, vi + 1))) || isNeg(v) || knows || gain)) {
        const last = c.to - 1 - (toks[c.to - 1]!.pos === 'PUNCT' ? 1 : 0);
        out.push(span(lt, i, last, 'so-that-can', { group: 'ease' }));
        i = last;
        continue;
      }
      // so (that) staff know it ahead: the customer is known before they arrive ("so the teacher knows already before the
      // first class")
      if (employee && knows && v.clause === t.clause && toks.slice(vi + 1, c.to).some((x) => AHEAD_WORDS.has(x.lower))) {
        const last = c.to - 1 - (toks[c.to - 1]!.pos === 'PUNCT' ? 1 : 0);
        out.push(span(lt, i, last, 'staff-know-ahead', { group: 'care' }));
        i = last;
        continue;
      }
      // so (that) there is nothing / no / only one / always ...: the purpose is a chore gone or a certainty ("so there is
      // nothing for the couple to fill in", "so there is a single payment to make", "so there is always a lane free")
      let b = j + 1;
      if (tok(lt, b)?.lower === 'will' || tok(lt, b)?.lower === 'would') b++;
      const q = tok(lt, b + 1);
      const single = q && (q.lower === 'a' || q.lower === 'one') && ['single', 'one'].includes(tok(lt, b + 2)?.lower ?? '');
      const sentence = lt.doc.sentences[t.sentence]!;
      // (in a staff sentence, "the rota is kept so there is no gap", the purpose is the team's)
      const staff = roleIn(lt, sentence.from, i, 'employee') >= 0 && roleIn(lt, sentence.from, sentence.to, 'customer') < 0;
      if (tok(lt, j)?.lower === 'there' && tok(lt, b)?.lemma === 'be' && q && q.clause === t.clause && (THERE_GAIN.has(q.lower) || single) && !staff) {
        let last = c.to - 1;
        while (last > b && toks[last]!.pos === 'PUNCT') last--;
        out.push(span(lt, i, last, 'so-there-is', { group: 'ease' }));
        i = last;
        continue;
      }
    }
    // promise / guarantee + object: what the organisation promises is certainty ("the vet promises a phone call at 8")
    if ((t.lemma === 'promise' || t.lemma === 'guarantee') && t.pos === 'VERB' && clauseSubject(lt, t.clause) !== 'customer') {
      let j = i + 1;
      if (tok(lt, j)?.pos === 'PRON' && tok(lt, j + 1)?.pos === 'DET') j++; // "promises them a ..."
      if (tok(lt, j)?.pos === 'DET' || tok(lt, j)?.pos === 'NUM') {
        const end = nounPhraseEnd(lt, j + 1, c.to);
        if (end > j && toks.slice(j + 1, end + 1).some((x) => NOUNISH.has(x.pos))) {
          out.push(span(lt, i, end, 'promise+object', { group: 'certainty' }));
          i = end;
          continue;
        }
      }
    }
    // match / beat any price: a price promise
    if ((t.lemma === 'match' || t.lemma === 'beat') && (next?.lower === 'any' || next?.lower === 'every')) {
      const end = nounPhraseEnd(lt, i + 2, c.to);
      if (end > i + 1 && toks.slice(i + 2, end + 1).some((x) => inSlot(x, 'price-noun'))) {
        out.push(span(lt, i, end, 'match-any+price', { group: 'money' }));
        i = end;
        continue;
      }
    }
    const found = offered(lt, i, c) ?? paraphrase(lt, i, c);
    if (found) {
      out.push(found);
      i = tokenEndingAt(lt, found.end, i);
    }
  }
  return out;
}

/** Index of the token that ends at `end` (the last token of a found span), searching forward from `from`. */
function tokenEndingAt(lt: LangText, end: number, from: number): number {
  let k = from;
  while (k + 1 < lt.doc.tokens.length && lt.doc.tokens[k]!.end < end) k++;
  return k;
}

const PERFECT_OR_MODAL = new Set(['have', 'has', 'had', "'ve", 'can', 'could', 'may', 'might', 'must', 'should']);

/** A past participle ("booked", "written", "paid"): a verb form that is neither its base, an -s form nor an -ing form. */
function participle(t: Token | undefined): boolean {
  return !!t && t.pos === 'VERB' && t.lower !== t.lemma && !/(?:s|ing)$/.test(t.lower);
}

/** The clause's subject is the customer, or a pronoun in a purpose clause of a sentence that names the customer ("so they only pay"). */
function customerSubject(lt: LangText, i: number, c: Range): boolean {
  const t = lt.doc.tokens[i]!;
  const who = clauseSubject(lt, t.clause);
  if (who === 'customer') return true;
  const opener = lt.doc.tokens[c.from]!;
  // "They only need to show the email" opening a lane, with nobody named before it: the lane's own customer
  if (who === 'other' && THIRD_PERSON.has(opener.lower) && !lt.roles.slice(0, c.from).some((r) => r === 'employee')) return true;
  const pronoun = lt.doc.tokens[c.from + 1];
  if (opener.lower !== 'so' || !pronoun || !(THIRD_PERSON.has(pronoun.lower) || PERSONAL_CUSTOMER.has(pronoun.lower))) return false;
  const sentence = lt.doc.sentences[t.sentence]!;
  return roleIn(lt, sentence.from, c.from, 'customer') >= 0;
}

/**
 * Benefits written as paraphrase, each a rule of language (issue #14): work done ahead, certainty, continuity,
 * comfort, time given back, something brought to the customer, a burden cut down to one thing.
 */
function paraphrase(lt: LangText, i: number, c: Range): Found | null {
  const toks = lt.doc.tokens;
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  // work done before the customer arrives: "the visit already booked", "is already waiting", "medicines ready-bagged"
  // (a verb of preparation in a reduced relative or a passive; "has already paid" is the customer's own past action)
  if (t.lower === 'already' && prev && (NOUNISH.has(prev.pos) || prev.lemma === 'be') && !PERFECT_OR_MODAL.has(prev.lower)) {
    if (next && next.clause === t.clause && ((participle(next) && inSlot(next, 'prepared-verb')) || next.lower === 'waiting')) return span(lt, i, i + 1, 'already-done', { group: 'ease' });
  }
  // found ready: "finds their desk already set up", "walks into the room laid out as agreed", "finds the hook-up tested
  // and working": what the customer meets on arrival was prepared for them
  if ((t.lemma === 'find' || ((t.lemma === 'walk' || t.lemma === 'come' || t.lemma === 'arrive') && ['into', 'to'].includes(next?.lower ?? ''))) && isVerbish(t)) {
    const subject = clauseSubject(lt, t.clause);
    if (subject !== 'employee' && subject !== 'company' && roleIn(lt, c.from, i, 'employee') < 0) {
      // (the thing found may run over an "and": "finds their desk with monitor and chair already set up")
      const until = lt.doc.sentences[t.sentence]!.to;
      for (let k = i + 2; k < until && k <= i + 10; k++) {
        const x = toks[k]!;
        const base = x.lower === x.lemma && ['up', 'out'].includes(toks[k + 1]?.lower ?? '');
        // ("already labelled" is read by its own rule, already-done)
        if (toks[k - 1]?.lower === 'already' && participle(x)) break;
        if ((inSlot(x, 'prepared-verb') && x.pos === 'VERB' && (participle(x) || base)) || x.lower === 'ready') return span(lt, i, base ? k + 1 : k, 'found-ready', { group: 'ease' });
      }
    }
  }
  const done = toks[i + 2];
  if (t.lower === 'ready' && next?.text === '-' && next.end === done?.start && participle(done) && inSlot(done, 'prepared-verb')) return span(lt, i, i + 2, 'already-done', { group: 'ease' });
  // no + an adjective of the unexpected + noun: certainty ("no surprise price rises", "no hidden extras")
  if (t.lower === 'no' && inSlot(next, 'unexpected-adjective')) {
    const end = nounPhraseEnd(lt, i + 1, c.to);
    if (end > i + 1 || next!.lower === 'surprises') return span(lt, i, Math.max(end, i + 1), 'no-unexpected+noun', { group: 'certainty' });
  }
  // round the clock written with a comma or a slash between: "24 hours, 7 days", "24 hrs / 7 days a week"
  if (t.lower === '24' && TIME_NOUNS.has(next?.lemma ?? '') && /^[,/]$/.test(toks[i + 2]?.text ?? '') && toks[i + 3]?.lower === '7' && toks[i + 4]?.lemma === 'day') {
    return span(lt, i, i + 4, 'round-the-clock', { group: 'availability' });
  }
  // a burden spared, as a gerund: "no memorising", "No chasing.", "no form-filling", "no driving into town" (a sign's
  // "No smoking" names no burden the service takes away)
  if (t.lower === 'no' && next) {
    const k = toks[i + 2]?.text === '-' && toks[i + 2]!.start === next.end && toks[i + 3]?.start === toks[i + 2]!.end ? i + 3 : i + 1;
    const doing = toks[k];
    if (doing && /ing$/.test(doing.lower) && inSlot(doing, 'burden-verb') && doing.lower !== 'nothing') return span(lt, i, k, 'no-burden', { group: 'ease' });
  }
  // no charge: "no lost-ticket fee", "no cancellation charge" (modifiers and hyphenated words before the charge noun)
  if (t.lower === 'no') {
    for (let k = i + 1; k < Math.min(c.to, i + 6); k++) {
      const x = toks[k]!;
      // ("fine" is often tagged an adjective: a charge word ending the phrase is the head whatever its tag)
      if (inSlot(x, 'charge-noun') && (NOUNISH.has(x.pos) || !NOUNISH.has(toks[k + 1]?.pos ?? ''))) return span(lt, i, k, 'no+charge', { group: 'money' });
      // (a word joined by a hyphen is part of a compound whatever its tag: "call-out", "drop-in")
      const joined = toks[k - 1]!.text === '-' && toks[k - 1]!.end === x.start;
      if (!(NOUNISH.has(x.pos) || x.pos === 'ADJ' || joined || (x.text === '-' && x.start === toks[k - 1]!.end) || (x.pos === 'VERB' && /(ed|en|st)$/.test(x.lower)))) break;
    }
  }
  // a charge taken away: "the late fee taken off", "the call-out charge is waived", "fees refunded"
  const off = next?.lower === 'off' && ['taken', 'written', 'knocked'].includes(t.lower);
  if ((off || (inSlot(t, 'remove-verb') && participle(t))) && !isNeg(prev)) {
    for (let k = i - 1; k >= Math.max(c.from, i - 4); k--) {
      const x = toks[k]!;
      if (inSlot(x, 'charge-noun') && NOUNISH.has(x.pos)) return span(lt, k, off ? i + 1 : i, 'charge-removed', { group: 'money' });
      if (!(x.lemma === 'be' || x.lemma === 'get' || x.pos === 'AUX' || x.pos === 'ADV')) break;
    }
  }
  // a price held fixed: "<rent/price/fee> (for new members) is locked / frozen / capped"
  if (inSlot(t, 'hold-verb') && participle(t) && prev?.lemma === 'be') {
    for (let k = i - 2; k >= c.from; k--) {
      const x = toks[k]!;
      if (isVerbish(x) || isNeg(x)) break;
      if (inSlot(x, 'price-noun') && NOUNISH.has(x.pos)) return span(lt, k, i, 'price-held', { group: 'certainty' });
    }
  }
  // the same person each time: "the same familiar face", "the same nurse"
  // ("same groomer every time" in a terse note drops the article)
  if (t.lower === 'same' && (prev?.lower === 'the' || prev === undefined || prev.pos === 'PUNCT' || i === c.from)) {
    let j = i + 1;
    while (j < c.to && toks[j]!.pos === 'ADJ') j++;
    const head = toks[j];
    if (head && j < c.to && (lt.roles[j] === 'employee' || inSlot(head, 'continuity-noun')))
      return span(lt, prev?.lower === 'the' ? i - 1 : i, roleRunEnd(lt, j, c.to), 'the-same+person', { group: 'continuity' });
  }
  // the same <anyone or anything> every time / each visit: continuity whatever the noun ("same groomer every time",
  // "the same two cleaners every week")
  if (t.lower === 'same') {
    let j = i + 1;
    while (j < c.to && (toks[j]!.pos === 'ADJ' || toks[j]!.pos === 'NUM')) j++;
    const headEnd = toks[j] && NOUNISH.has(toks[j]!.pos) ? nounPhraseEnd(lt, j, c.to) : -1;
    const each = headEnd >= 0 ? toks[headEnd + 1] : undefined;
    if (each && (each.lower === 'every' || each.lower === 'each') && toks[headEnd + 2] && NOUNISH.has(toks[headEnd + 2]!.pos) && toks[headEnd + 2]!.clause === t.clause)
      return span(lt, prev?.lower === 'the' ? i - 1 : i, headEnd + 2, 'the-same+each-time', { group: 'continuity' });
  }
  // time given back: "parents are free until 4 pm", "you are free to leave" ("feel free" is a courtesy)
  if (t.lower === 'free' && prev?.lemma === 'be' && next && ['until', 'to', 'for'].includes(next.lower) && customerSubject(lt, i, c)) {
    return span(lt, i - 1, i + 1, 'customer-is-free', { group: 'ease' });
  }
  // a thing said to be free costs the customer nothing: "the first month is free on any plan" (a person, or a slot
  // "when a desk is free", is free as in available)
  // ("free to visitors" says for whom; "free to leave" says what one may do)
  const whom = toks[i + 2]?.pos === 'DET' || toks[i + 2]?.pos === 'PRON' ? toks[i + 3] : toks[i + 2];
  const forCustomers = next?.lower === 'to' && !!whom && NOUNISH.has(whom.pos) && lt.roles[whom.i] !== 'employee';
  if (t.lower === 'free' && prev?.lemma === 'be' && (next?.lower !== 'to' || forCustomers) && next?.lower !== 'until' && !WAITING_OPENERS.has(toks[c.from]!.lower) && toks[c.from]!.lower !== 'if') {
    const who = clauseSubject(lt, t.clause);
    const subject = toks
      .slice(c.from, i - 1)
      .reverse()
      .find((x) => NOUNISH.has(x.pos));
    if (subject && who === 'other' && !inSlot(subject, 'availability-noun', true)) return span(lt, subject.i, i, 'thing-is-free', { group: 'money' });
    // ...or a pronoun standing for the thing: "It's free and takes five minutes"
    const pronoun = toks[i - 2];
    if (!subject && pronoun && pronoun.clause === t.clause && THING_PRONOUNS.has(pronoun.lower)) return span(lt, i - 2, i, 'thing-is-free', { group: 'money' });
  }
  // brought to where the customer is: "the bags are delivered to the stateroom", "a volunteer brings it to their home"
  // (passive, or done by staff or the company; "takes the car to the garage" by the customer is their own errand)
  const passive = prev?.lemma === 'be' || (prev?.pos === 'ADV' && toks[i - 2]?.lemma === 'be');
  if (inSlot(t, 'bring-verb') && t.pos === 'VERB' && ((passive && participle(t)) || ['employee', 'company'].includes(clauseSubject(lt, t.clause) ?? ''))) {
    let to = i + 1;
    while (to < Math.min(c.to, i + 5) && toks[to]!.lower !== 'to' && (toks[to]!.pos === 'PRON' || toks[to]!.pos === 'DET' || toks[to]!.pos === 'ADJ' || NOUNISH.has(toks[to]!.pos))) to++;
    const owner = toks[to + 1];
    if (toks[to]?.lower === 'to' && owner) {
      const possessive = owner.lower === 'their' || owner.lower === 'your' || lt.roles[owner.i] === 'customer';
      const end = nounPhraseEnd(lt, to + 2, c.to);
      if (end > to + 1 && (possessive || (owner.pos === 'DET' && inSlot(toks[end], 'customer-place')))) return span(lt, i, end, 'brought-to-customer', { group: 'ease' });
    }
  }
  // work done for the customer by staff or the company: "we book the test slot for you", "done on their behalf"
  if (
    t.lower === 'for' &&
    (next?.lower === 'you' || next?.lower === 'them' || next?.lower === 'him' || next?.lower === 'her') &&
    // the clause may go on with where or when ("for him at the counter")
    (toks[i + 2] === undefined || toks[i + 2]!.pos === 'PUNCT' || toks[i + 2]!.clause !== t.clause || toks[i + 2]!.pos === 'ADP') &&
    // (or done to a thing of theirs, in the passive: "the cake is carried out to the car for them")
    (['employee', 'company'].includes(clauseSubject(lt, t.clause) ?? '') || passiveBefore(lt, c.from, i))
  ) {
    return span(lt, i, i + 1, 'done-for-customer', { group: 'ease' });
  }
  if (t.lower === 'behalf' && prev && (prev.lower === 'their' || prev.lower === 'your' || lt.roles[prev.i] === 'customer' || /^['’]s$/.test(prev.lower))) {
    return span(lt, /^['’]s$/.test(prev.lower) && i >= 2 ? i - 2 : i - 1, i, 'done-for-customer', { group: 'ease' });
  }
  // kept informed at every turn: "a text after each lesson", "texts at every stage" (one text is no promise of being told)
  if (inSlot(t, 'message-noun') && NOUNISH.has(t.pos)) {
    const each = toks.slice(i + 1, Math.min(c.to, i + 4)).findIndex((x) => x.lower === 'every' || x.lower === 'each');
    if (each >= 0 && toks[i + 2 + each] && NOUNISH.has(toks[i + 2 + each]!.pos)) return span(lt, i, i + 2 + each, 'message-each-time', { group: 'information' });
  }
  const told = toldAhead(lt, i, c);
  if (told) return told;
  // "pizza on us": a thing the company pays for ("depends on us" is no thing given)
  // ("a glass of wine with it, on us": the thing may stand before a comma, a few words back)
  let paid = prev;
  if (prev?.text === ',') for (let k = i - 2, stop = Math.max(lt.doc.sentences[t.sentence]!.from, i - 6); k >= stop && paid === prev; k--) if (NOUNISH.has(toks[k]!.pos)) paid = toks[k];
  if (t.lower === 'on' && next?.lower === 'us' && paid && NOUNISH.has(paid.pos) && (!toks[i + 2] || toks[i + 2]!.pos === 'PUNCT' || toks[i + 2]!.clause !== t.clause)) {
    return span(lt, paid.i, i + 1, 'on-us', { group: 'money' });
  }
  // nothing asked of the customer: "no sorting or photos needed (from you)", "no deposit required" (not an employee's
  // approval: "no manager's OK needed" is authority)
  if (t.lower === 'no' && next && (NOUNISH.has(next.pos) || next.pos === 'ADJ' || (next.pos === 'VERB' && /ing$/.test(next.lower)))) {
    let k = i + 1;
    const end = lt.doc.sentences[t.sentence]!.to;
    while (
      k < Math.min(end, i + 8) &&
      (NOUNISH.has(toks[k]!.pos) ||
        toks[k]!.pos === 'ADJ' ||
        toks[k]!.pos === 'CCONJ' ||
        (toks[k]!.pos === 'VERB' && /ing$/.test(toks[k]!.lower)) ||
        (toks[k]!.text === '-' && toks[k]!.start === toks[k - 1]!.end))
    )
      k++;
    const needed = toks[k];
    if (k > i + 1 && needed && ['needed', 'required', 'necessary'].includes(needed.lower) && !namesApproval(lt, i + 1, k)) return span(lt, i, k, 'nothing-needed', { group: 'ease' });
  }
  // paid by the firm: "at the Firm's expense", "at the practice's cost" (the customer's own expense is theirs)
  if ((t.lower === 'expense' || t.lower === 'cost') && /^['’]s$/.test(prev?.lower ?? '') && toks[i - 3]?.lower === 'the' && toks[i - 4]?.lower === 'at') {
    const owner = toks[i - 2]!;
    if (NOUNISH.has(owner.pos) && lt.roles[owner.i] !== 'customer' && lt.roles[owner.i] !== 'employee') return span(lt, i - 4, i, 'at-firm-expense', { group: 'money' });
  }
  // a purpose clause saying nobody will suffer something ("so nobody finds out on the platform", "so nobody gets up
  // for nothing") is trouble spared the customer, when the sentence is the customer's or names them before it
  if (t.lower === 'so') {
    let k = i + 1;
    if (toks[k]?.lower === 'that') k++;
    // ("so that no passenger is left sitting": no + a customer noun is nobody among the customers)
    const noOne = toks[k]?.lower === 'no' && (toks[k + 1]?.lower === 'one' || lt.roles[k + 1] === 'customer');
    const none = toks[k]?.lower === 'nobody' || noOne ? (noOne ? k + 1 : k) : -1;
    // (an active verb of the nobody: "no one has to", "no tenant is kept waiting" are read by their own rules)
    const after = none >= 0 ? toks[none + 1] : undefined;
    const own = after && (after.lemma === 'be' || after.lemma === 'get' || ((after.lemma === 'have' || after.lemma === 'need') && toks[none + 2]?.lower === 'to'));
    const verb = none >= 0 && !own ? toks.slice(none + 1, none + 4).find((x) => isVerbish(x) && x.lemma !== 'be' && x.pos !== 'AUX' && x.lemma !== 'have') : undefined;
    if (verb && i > 0) {
      const sentence = lt.doc.sentences[t.sentence]!;
      const main = clauseSubject(lt, toks[sentence.from]!.clause);
      // (a thing as the subject, "Badges are laid out ... so nobody wanders", is done for whoever comes)
      const customers = main === 'customer' || main === undefined || main === 'other' ? !roleAsPerson(lt, sentence.from, i) : roleIn(lt, sentence.from, i, 'customer') >= 0;
      // (staff or the firm doing it to people: "We text people when it's ready so nobody makes a wasted trip")
      const served = toks.slice(sentence.from, i).some((x) => SERVED_PEOPLE.has(x.lower));
      if (customers || served) return span(lt, i, verb.i, 'so-nobody', { group: 'comfort' });
    }
  }
  // a purpose clause saying the customer will never suffer something: "so they never miss a service", "so you never
  // have to chase us" (the customer's pronoun or noun, then "never" and a verb)
  if (t.lower === 'so' && i > c.from - 1) {
    let k = i + 1;
    if (toks[k]?.lower === 'that') k++;
    const who = toks[k];
    const theirs = who && (['they', 'you'].includes(who.lower) || lt.roles[who.i] === 'customer');
    const never = theirs ? toks[k + 1] : undefined;
    const verb = never?.lower === 'never' ? toks[k + 2] : undefined;
    if (verb && isVerbish(verb) && verb.lemma !== 'be') return span(lt, i, k + 2, 'so-never', { group: 'comfort' });
  }
  // a burden cut down to one thing: "so they only pay the excess", "customers only need their booking code", a lane
  // written "Only pays the call-out charge" ("can only pay by card" is a restriction)
  if (t.lower === 'only' && inSlot(next, 'burden-verb') && !PERFECT_OR_MODAL.has(prev?.lower ?? '') && (customerSubject(lt, i, c) || clauseSubject(lt, t.clause) === undefined)) {
    let k = i + 2;
    if (toks[k]?.pos === 'ADP' || toks[k]?.pos === 'PART') k++; // "pays for the parts", "needs to bring"
    if (toks[k - 1]?.lower === 'to' && isVerbish(toks[k])) k++; // "only need to give the order number"
    if (toks[k]?.pos === 'DET' || toks[k]?.lower === 'their' || toks[k]?.lower === 'your') k++;
    // ("only need to tell us which room": the person told closes it when no noun phrase follows)
    const end = OBJECT_PRONOUNS.has(toks[k]?.lower ?? '') && toks[k]!.clause === t.clause ? Math.max(k, nounPhraseEnd(lt, k + 1, c.to)) : nounPhraseEnd(lt, k, c.to);
    if (end > i + 1) return span(lt, i, end, 'only+burden', { group: 'money' });
  }
  // the same after the verb: "pays only the postage", "pay only for the parts"
  if (t.lower === 'only' && inSlot(prev, 'burden-verb') && isVerbish(prev) && (customerSubject(lt, i, c) || clauseSubject(lt, t.clause) === undefined)) {
    let k = i + 1;
    if (toks[k]?.pos === 'ADP') k++;
    if (toks[k]?.pos === 'DET' || toks[k]?.lower === 'their' || toks[k]?.lower === 'your') k++;
    const end = nounPhraseEnd(lt, k, c.to);
    if (end > i) return span(lt, i - 1, end, 'only+burden', { group: 'money' });
  }
  // comfort: a quiet, private or separate place ("the quiet cat waiting room"), unless it is for staff
  if (inSlot(t, 'comfort-adjective') && t.pos === 'ADJ') {
    const end = nounPhraseEnd(lt, i + 1, c.to);
    if (end > i && inSlot(toks[end], 'space-noun') && roleIn(lt, i, Math.min(c.to, end + 3), 'employee') < 0) return span(lt, i, end, 'comfort+place', { group: 'comfort' });
  }
  return null;
}

const CUSTOMER_OBJECTS = new Set(['them', 'you', 'him', 'her']);

/** The customer hears it (passive "is told", "gets a call", a message noun opening a terse lane) or staff tell them. */
function toCustomer(lt: LangText, i: number, c: Range): boolean {
  const toks = lt.doc.tokens;
  const t = toks[i]!;
  const who = clauseSubject(lt, t.clause);
  const message = inSlot(t, 'message-noun');
  const customerSide = who === 'customer' || who === undefined;
  // "is told", "gets warned"
  // (and a terse lane opening with it, "Told how much to pay a month ahead": the lane's customer is the one told)
  // (a role lane's text is read after its label: "Tenant told the date ..." is the same terse lane)
  const from = lt.doc.sentences[t.sentence]!.from;
  const opensSentence = i === from || (i === from + 1 && lt.roles[from] === 'customer');
  if (inSlot(t, 'tell-verb') && participle(t) && (toks[i - 1]?.lemma === 'be' || toks[i - 1]?.lemma === 'get' || opensSentence)) return customerSide;
  // "gets a phone call", "receive WhatsApp": a verb of receiving a few words before the message
  if (message && NOUNISH.has(t.pos)) {
    for (let k = i - 1; k >= Math.max(c.from, i - 3); k--) if (toks[k]!.lemma === 'get' || toks[k]!.lemma === 'receive') return customerSide;
  }
  // "we text them", "the office rings the client": staff or the company tell the customer
  const object = toks[i + 1]?.lower === 'to' ? i + 2 : i + 1;
  if (
    (inSlot(t, 'tell-verb') || message) &&
    who !== 'customer' &&
    who !== 'other' &&
    object < c.to &&
    (CUSTOMER_OBJECTS.has(toks[object]!.lower) || (toks[object]!.pos !== 'ADP' && roleIn(lt, object, Math.min(c.to, object + 3), 'customer') >= 0))
  )
    return true;
  // a terse lane that is just the message and when: "Text day before w/ arrival window" (not "Calls the office before 10")
  const opens = i === c.from || (i === c.from + 1 && toks[c.from]!.pos === 'DET');
  if (!message || !opens || roleIn(lt, c.from, c.to, 'customer') >= 0) return false;
  let k = i + 1;
  while (k < c.to && (toks[k]!.pos === 'DET' || toks[k]!.pos === 'NUM' || TIME_NOUNS.has(toks[k]!.lemma))) k++;
  return k > i + 1 && toks[k]?.lower === 'before';
}

const TIME_NOUNS = new Set(['day', 'night', 'evening', 'morning', 'afternoon', 'week', 'month', 'hour', 'h', 'hr', 'hrs', 'minute', 'min', 'mins']);

/**
 * Told ahead: the customer hears of something before it happens or as soon as it changes ("is told before being
 * sworn", "a text the day before", "gets a call if the carer will be late", "is told at once"): certainty.
 */
function toldAhead(lt: LangText, i: number, c: Range): Found | null {
  const toks = lt.doc.tokens;
  const t = toks[i]!;
  // the customer getting anything a stated time ahead: "gets a reminder two days before", "gets the interpreter's name
  // and photo 48 h before" (what they get early is notice)
  if ((t.lemma === 'get' || t.lemma === 'receive') && t.pos === 'VERB' && !['employee', 'company'].includes(clauseSubject(lt, t.clause) ?? '')) {
    const sentenceEnd = lt.doc.sentences[t.sentence]!.to;
    let from = i;
    for (let k = i + 2; k < sentenceEnd; k++) {
      const x = toks[k]!;
      // (another doing ends what they get: "gets paid two days before the deadline" is no notice; a message got is the
      // notice itself: "receives a text two days before")
      if (x.pos === 'VERB' || x.pos === 'AUX') break;
      if (inSlot(x, 'message-noun') && from === i) from = k;
      const early = x.lower === 'before' || x.lower === 'ahead' || x.lower === 'beforehand' || (x.lower === 'advance' && toks[k - 1]?.lower === 'in');
      const unit = toks[x.lower === 'advance' ? k - 2 : k - 1];
      if (
        early &&
        unit &&
        TIME_NOUNS.has(unit.lemma) &&
        (toks[unit.i - 1]?.pos === 'NUM' || ['a', 'the', 'one'].includes(toks[unit.i - 1]?.lower ?? '')) &&
        (toks[k + 1] === undefined || toks[k + 1]!.pos === 'PUNCT' || toks[k + 1]!.pos === 'CCONJ')
      ) {
        return span(lt, from, k, 'told-ahead', { group: 'information' });
      }
    }
  }
  // staff or the firm ringing ahead, whom left unsaid: "or we ring ahead if running late", "the driver texts in advance"
  const aheadNext = toks[i + 1]?.lower === 'ahead' || (toks[i + 1]?.lower === 'in' && toks[i + 2]?.lower === 'advance');
  if (inSlot(t, 'tell-verb') && t.pos === 'VERB' && aheadNext && ['company', 'employee'].includes(clauseSubject(lt, t.clause) ?? '')) {
    return span(lt, i, i + (toks[i + 1]!.lower === 'in' ? 2 : 1), 'told-ahead', { group: 'information' });
  }
  if (!(inSlot(t, 'message-noun') || inSlot(t, 'tell-verb')) || !toCustomer(lt, i, c)) return null;
  const sentence = lt.doc.sentences[t.sentence]!;
  // ...or the time comes first: "a week before, they get the email"
  for (let k = sentence.from + 1; k < i; k++) {
    if (toks[k]!.lower === 'before' && TIME_NOUNS.has(toks[k - 1]!.lemma) && toks[k + 1]?.pos === 'PUNCT') return span(lt, k - 1, i, 'told-ahead', { group: 'information' });
  }
  for (let k = i + 1; k < sentence.to; k++) {
    const x = toks[k]!;
    const before = x.lower === 'before' && toks[k + 1] !== undefined && toks[k + 1]!.pos !== 'PUNCT';
    const dayBefore = x.lower === 'before' && TIME_NOUNS.has(toks[k - 1]?.lemma ?? '');
    const ahead = x.lower === 'beforehand' || x.lower === 'ahead' || (x.lower === 'advance' && toks[k - 1]?.lower === 'in') || (x.lower === 'once' && toks[k - 1]?.lower === 'at');
    if (before || dayBefore || ahead) return span(lt, i, k, 'told-ahead', { group: 'information' });
    // a call or visit afterwards to check on them: "a call six weeks later to check the alarms still work"
    if (x.lower === 'to' && toks[k + 1]?.lemma === 'check' && toks.slice(i + 1, k).some((y) => y.lower === 'later' || y.lower === 'after' || y.lower === 'afterwards')) {
      return span(lt, i, k + 1, 'checked-on', { group: 'information' });
    }
    // warned of a change: "a call if the carer is running late", "a text when the delivery is delayed"
    if (x.lower === 'if' || x.lower === 'when' || x.lower === 'whenever') {
      for (let d = k + 1; d < sentence.to; d++) if (inSlot(toks[d], 'delay-word')) return span(lt, i, d, 'told-of-change', { group: 'information' });
    }
  }
  return null;
}

/** Whom staff or the firm serve, named as the object of what they do before "so nobody ...". */
const SERVED_PEOPLE = new Set(['them', 'you', 'people', 'everyone', 'everybody']);
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'next', 'last', 'every']);

/** The participle of "<participle> to/for <whom> free" before token `i` ("sent to them free"), or -1. */
function receiverBefore(lt: LangText, i: number, from: number): number {
  const toks = lt.doc.tokens;
  let k = i - 1;
  while (k > from && (NOUNISH.has(toks[k]!.pos) || toks[k]!.pos === 'PRON' || toks[k]!.pos === 'DET' || toks[k]!.pos === 'ADJ')) k--;
  if (k === i - 1 || k <= from || (toks[k]!.lower !== 'to' && toks[k]!.lower !== 'for')) return -1;
  const whom = toks.slice(k + 1, i);
  if (!whom.some((x) => (x.pos === 'PRON' && x.lower !== 'it') || lt.roles[x.i] === 'customer' || x.lower === 'family' || x.lower === 'people')) return -1;
  const verb = toks[k - 1];
  return verb && verb.pos === 'VERB' && /(ed|en|t)$/.test(verb.lower) ? k - 1 : -1;
}

const THING_PRONOUNS = new Set(['it', 'this', 'that', 'everything']);
const AHEAD_WORDS = new Set(['before', 'already', 'ahead', 'advance', 'beforehand']);
const SUBJECT_PRONOUNS = new Set(['we', 'i', 'they', 'you', 'he', 'she']);
const OBJECT_PRONOUNS = new Set(['us', 'them', 'you', 'him', 'her', 'me']);
const PARTICLES = new Set(['back', 'out', 'over', 'round', 'home', 'across', 'up']);

const POSTPOSED_FREE_NEXT = new Set(['if', 'when', 'for', 'on', 'at', 'with', 'until', 'during', 'after', 'before', 'to', 'and', 'in']);

const REFLEXIVE = new Set(['himself', 'herself', 'themselves', 'themself', 'yourself']);

const RIGHT_VERBS = new Set(['ask', 'request', 'appeal']);
const TRACK_VERBS = new Set(['follow', 'track', 'check', 'see', 'watch', 'view', 'monitor']);
const STATUS_NOUNS = new Set(['status', 'progress', 'whereabouts', 'position', 'location', 'eta']);
const GAIN_ADVERBS = new Set(['only', 'straight', 'always', 'already', 'still']);
const THERE_GAIN = new Set(['nothing', 'no', 'never', 'only', 'always', 'just']);
const LEFT_STATES = new Set(['sitting', 'standing', 'waiting', 'stranded', 'alone', 'behind', 'out', 'wondering', 'hanging', 'outside', 'stuck']);
const KNOW_VERBS = new Set(['know', 'see', 'understand', 'feel']);

/** A passive verb ("is carried", "gets delivered") in tokens [from, to). */
function passiveBefore(lt: LangText, from: number, to: number): boolean {
  const toks = lt.doc.tokens;
  for (let k = from + 1; k < to; k++) if (participle(toks[k]!) && isVerbish(toks[k]) && (toks[k - 1]!.lemma === 'be' || toks[k - 1]!.lemma === 'get')) return true;
  return false;
}

/** "so they know": the pronoun is the customer when its sentence names a customer before it, or names no employee. */
function pronounIsCustomer(lt: LangText, at: number): boolean {
  const sentence = lt.doc.sentences[lt.doc.tokens[at]!.sentence]!;
  if (roleIn(lt, sentence.from, at, 'customer') >= 0) return true;
  // a terse lane's unnamed subject is the one "they" stands for ("Gets a text with the fitter's name, so they know")
  const main = clauseSubject(lt, lt.doc.tokens[sentence.from]!.clause);
  if (main === undefined || main === 'company') return true;
  // ("we ... so they": "they" after "we" is someone other than us, the customer)
  for (let k = sentence.from; k < at; k++) if (lt.roles[k] === 'employee' && !COMPANY_PRONOUNS.has(lt.doc.tokens[k]!.lower) && !placeAt(lt, k, sentence.from)) return false;
  return true;
}

/** Index of an "or" after token i, in its sentence and within 14 tokens, that opens an alternative (not "or not"). */
function alternativeAfter(lt: LangText, i: number): number {
  const toks = lt.doc.tokens;
  for (let k = i + 1; k < toks.length && k <= i + 14 && !/^[.;!?]$/.test(toks[k]!.text); k++) {
    if (toks[k]!.lower !== 'or') continue;
    const alt = toks[k + 1];
    if (alt && !isNeg(alt) && alt.lower !== 'else' && alt.lower !== 'similar' && alt.pos !== 'PUNCT') return k;
  }
  return -1;
}

/** A way of doing something: "online", "in person", or a preposition of manner or place before a noun ("by phone", "at the counter"). */
function wayAt(lt: LangText, k: number): boolean {
  const t = lt.doc.tokens[k];
  if (!t) return false;
  if (t.lower === 'online' || t.lower === 'remotely' || (t.lower === 'in' && lt.doc.tokens[k + 1]?.lower === 'person')) return true;
  if (!['by', 'at', 'in', 'over', 'via', 'on', 'through'].includes(t.lower)) return false;
  for (let j = k + 1; j <= k + 3 && lt.doc.tokens[j]; j++) if (NOUNISH.has(lt.doc.tokens[j]!.pos)) return true;
  return false;
}

/** The last token of a way ("by phone", "at the front desk") starting at k. */
function wayEnd(lt: LangText, k: number): number {
  const t = lt.doc.tokens[k]!;
  if (t.lower === 'online' || t.lower === 'remotely') return k;
  if (t.lower === 'in' && lt.doc.tokens[k + 1]?.lower === 'person') return k + 1;
  let j = k + 1;
  while (lt.doc.tokens[j] && !NOUNISH.has(lt.doc.tokens[j]!.pos)) j++;
  return Math.max(j, nounPhraseEnd(lt, j, lt.doc.tokens.length));
}

/**
 * Options offered and ill treatment spared: a choice among listed alternatives, three or more ways to do a thing,
 * a customer never turned away or rushed, something given ", free", a price that includes it.
 */
function offered(lt: LangText, i: number, c: Range): Found | null {
  const toks = lt.doc.tokens;
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  const who = () => clauseSubject(lt, t.clause);
  // choose / pick / select + alternatives joined by "or": options the customer is offered ("chooses phone, video or
  // face to face", "choose one of three scripts or write your own"); staff choosing is their judgement
  if (inSlot(t, 'choice-verb') && (t.pos === 'VERB' || i === c.from) && !isNeg(prev) && !isNeg(toks[i - 2]) && who() !== 'employee' && who() !== 'company') {
    const orAt = alternativeAfter(lt, i);
    if (orAt > 0 && roleIn(lt, i + 1, orAt, 'employee') < 0) {
      const altClause = lt.doc.clauses[toks[orAt + 1]!.clause]!;
      const altFrom = toks[orAt + 1]!.pos === 'DET' ? orAt + 2 : orAt + 1;
      const end = Math.max(orAt + 1, nounPhraseEnd(lt, altFrom, altClause.to));
      return span(lt, i, end, 'choice-among', { group: 'choice' });
    }
  }
  // three or more ways to do one thing: "renew online, by phone or at the counter"
  if (t.lower === 'or' && wayAt(lt, i + 1)) {
    let first = -1;
    let ways = 1;
    let p = i - 1;
    for (;;) {
      let q = p;
      while (q >= Math.max(0, p - 5) && toks[q]!.text !== ',' && !/^[.;!?]$/.test(toks[q]!.text) && !isVerbish(toks[q])) q--;
      const start = toks[q]?.text === ',' ? q + 1 : -1;
      // the first way follows the verb with no comma before it
      let lead = -1;
      for (let k = Math.max(0, p - 3); k <= p; k++)
        if (wayAt(lt, k) && (k === 0 || toks[k - 1]!.text !== ',' || k === start)) {
          lead = k;
          break;
        }
      if (start >= 0 && wayAt(lt, start)) {
        ways++;
        first = start;
        p = start - 2;
        continue;
      }
      if (lead >= 0) {
        ways++;
        first = lead;
      }
      break;
    }
    const subject = first >= 0 ? clauseSubject(lt, toks[first]!.clause) : undefined;
    if (ways >= 3 && subject !== 'employee' && subject !== 'company' && roleIn(lt, first, i, 'employee') < 0) return span(lt, first, wayEnd(lt, i + 1), 'ways-offered', { group: 'choice' });
  }
  // never / not / nobody + ill treatment: "is never turned away", "nobody pushes them towards one", "not rushed"
  // ("no Visitor is kept waiting": no + a customer noun is nobody among the customers)
  const noCustomer = t.lower === 'no' && !!next && lt.roles[next.i] === 'customer';
  const nobody = t.lower === 'nobody' || (t.lower === 'no' && next?.lower === 'one') || noCustomer;
  if (isNeg(t) || nobody) {
    let j = nobody && t.lower === 'no' ? i + 2 : i + 1;
    while (toks[j] && (toks[j]!.lemma === 'be' || toks[j]!.lemma === 'get' || toks[j]!.pos === 'ADV' || toks[j]!.pos === 'AUX') && j < i + 4) j++;
    const v = toks[j];
    // ("kept waiting", "left sitting in an empty waiting room", "not left out", "never left on their own")
    // (and "made to feel awkward", "made to wait")
    const madeTo = v?.lemma === 'make' && toks[j + 1]?.lower === 'to' && ['feel', 'wait', 'queue', 'pay', 'explain', 'repeat'].includes(toks[j + 2]?.lemma ?? '');
    const leftIn =
      v &&
      participle(v) &&
      ((v.lemma === 'keep' && toks[j + 1]?.lower === 'waiting') ||
        (v.lemma === 'leave' && (LEFT_STATES.has(toks[j + 1]?.lower ?? '') || (toks[j + 1]?.lower === 'on' && toks[j + 3]?.lower === 'own'))) ||
        // ("not sat alone waiting", "never sat around")
        (v.lemma === 'sit' && ['alone', 'waiting', 'around', 'about'].includes(toks[j + 1]?.lower ?? '')) ||
        madeTo);
    if (leftIn && who() !== 'employee') return span(lt, i, madeTo ? j + 2 : j + 1, 'spared-ill-treatment', { group: 'comfort' });
    const away = v && v.lemma === 'turn' ? toks[j + 1]?.lower === 'away' || toks[j + 2]?.lower === 'away' : true;
    if (v && v.clause === t.clause && inSlot(v, 'mistreat-verb') && away && (v.pos === 'VERB' || participle(v))) {
      const subject = who();
      // (adverbs between do not change it: "is not simply turned away")
      let aux = j - 1;
      while (aux > i && toks[aux]!.pos === 'ADV' && !isNeg(toks[aux])) aux--;
      const passive = participle(v) && toks[aux] && (toks[aux]!.lemma === 'be' || toks[aux]!.lemma === 'get' || isNeg(toks[aux]));
      if ((nobody && !passive) || (passive && subject !== 'employee' && subject !== 'company')) {
        const end = v.lemma === 'turn' ? (toks[j + 1]?.lower === 'away' ? j + 1 : j + 2) : j;
        return span(lt, i, end, 'spared-ill-treatment', { group: 'comfort' });
      }
    }
  }
  // the customer leaving with something the service gives ("Leaves with rough mixes of every song", "go home with the
  // recipe cards"); a bill or a charge is no gain
  if ((t.lemma === 'leave' || (['go', 'walk'].includes(t.lemma) && ['home', 'away', 'out'].includes(next?.lower ?? ''))) && t.pos === 'VERB' && who() !== 'employee' && who() !== 'company') {
    const w = t.lemma === 'leave' ? i + 1 : i + 2;
    if (tok(lt, w)?.lower === 'with' && tok(lt, w)!.clause === t.clause) {
      let j = w + 1;
      // (the tagger may read a noun phrase's words as verbs: "rough/ADV mixes/VERB of every song")
      while (tok(lt, j) && tok(lt, j)!.clause === t.clause && j < w + 9 && toks[j]!.pos !== 'PUNCT' && toks[j]!.pos !== 'SCONJ') j++;
      const thing = toks.slice(w + 1, j);
      if (thing.some((x) => NOUNISH.has(x.pos) || x.lower === 'what') && !thing.some((x) => inSlot(x, 'charge-noun') || /^(?:bill|invoice|fine|debt|nothing)s?$/.test(x.lower))) {
        return span(lt, i, j - 1, 'leaves-with', { group: 'comfort' });
      }
    }
  }
  // ", free" closing a clause: the thing just named comes at no charge ("boxes delivered before the move, free")
  // "we'll re-send them free", "replaces it free": what is done for the customer comes at no charge ("set them free" frees)
  // ("we mail it back free": a particle may close the verb)
  const o = prev && PARTICLES.has(prev.lower) ? i - 2 : i - 1;
  if (
    t.lower === 'free' &&
    o > 0 &&
    ['it', 'them', 'him', 'her', 'one'].includes(toks[o]!.lower) &&
    // (the tagger may take a verb after a subject pronoun for a noun: "we re-tuft them free")
    (isVerbish(toks[o - 1]) || toks[o - 2]?.pos === 'AUX' || SUBJECT_PRONOUNS.has(toks[o - 2]?.lower ?? '')) &&
    !['set', 'let', 'break', 'cut', 'get'].includes(toks[o - 1]!.lemma) &&
    (!next || !NOUNISH.has(next.pos))
  ) {
    return span(lt, o - 1, i, 'done-free', { group: 'money' });
  }
  // (or set between commas: "van parks right by the door, free, no hauling")
  if (t.lower === 'free' && prev?.text === ',' && (!next || /^[.;!,]$/.test(next.text) || (next.lower === 'of' && toks[i + 2]?.lower === 'charge'))) {
    return span(lt, i, next?.lower === 'of' ? i + 2 : i, 'comma-free', { group: 'money' });
  }
  // a right the customer holds: "is entitled to pay half the rent", "can claim the cost back", "costs can be claimed"
  if (t.lower === 'entitled' && next?.lower === 'to' && (prev?.lemma === 'be' || prev?.pos === 'AUX') && who() !== 'employee' && who() !== 'company' && !isNeg(toks[i - 2])) {
    const end = isVerbish(toks[i + 2])
      ? Math.max(i + 2, nounPhraseEnd(lt, toks[i + 3]?.pos === 'DET' ? i + 4 : i + 3, c.to))
      : Math.max(i + 1, nounPhraseEnd(lt, toks[i + 2]?.pos === 'DET' ? i + 3 : i + 2, c.to));
    return span(lt, i - 1, end, 'entitled-to', { group: 'certainty' });
  }
  const modal = (k: number) => ['can', 'may'].includes(toks[k]?.lower ?? '');
  const claimFrom = modal(i - 1) ? i - 1 : (prev?.lemma === 'be' || prev?.pos === 'ADV') && modal(i - 2) ? i - 2 : -1;
  if (t.lemma === 'claim' && t.pos === 'VERB' && claimFrom >= 0 && who() !== 'employee' && who() !== 'company') {
    const from = claimFrom;
    return span(lt, from, next?.lower === 'back' ? i + 1 : i, 'can-claim', { group: 'money' });
  }
  // leave to ask: "can ask for their mark to be checked", "may request a second review", "can appeal" (a request made,
  // "asks for a refund", is the customer's own ask; staff who can ask have latitude)
  // (can / may with the customer or no one as subject, and no staff in the clause: leave the customer is given)
  const customerModal = () => modal(i - 1) && who() !== 'employee' && who() !== 'company' && roleIn(lt, c.from, c.to, 'employee') < 0;
  if (RIGHT_VERBS.has(t.lemma) && isVerbish(t) && customerModal()) {
    return span(lt, i - 1, next?.lower === 'for' || next?.lower === 'that' ? i + 1 : i, 'may-ask', { group: 'certainty' });
  }
  // "can follow the bag's status", "can track their repair's progress": the customer sees where things stand
  if (TRACK_VERBS.has(t.lemma) && isVerbish(t) && customerModal()) {
    const from = toks[i + 1]?.pos === 'DET' || toks[i + 1]?.pos === 'PRON' ? i + 2 : i + 1;
    const end = nounPhraseEnd(lt, from, c.to);
    if (end >= from && toks.slice(from, end + 1).some((x) => STATUS_NOUNS.has(x.lemma))) return span(lt, i - 1, end, 'can-track', { group: 'information' });
  }
  // "has the right to a second review", "have the right to cancel"
  if (t.lower === 'right' && next?.lower === 'to' && prev?.lower === 'the' && toks[i - 2]?.lemma === 'have' && who() !== 'employee' && who() !== 'company' && !isNeg(toks[i - 3])) {
    const end = isVerbish(toks[i + 2]) ? i + 2 : Math.max(i + 1, nounPhraseEnd(lt, toks[i + 2]?.pos === 'DET' ? i + 3 : i + 2, c.to));
    return span(lt, i - 2, end, 'right-to', { group: 'certainty' });
  }
  // nothing is / comes as a surprise, no surprises: the customer knows what is coming
  if (
    (t.lower === 'nothing' || t.lower === 'no') &&
    (next?.lower === 'surprises' || ((next?.lemma === 'be' || next?.lemma === 'come') && toks.slice(i + 2, Math.min(c.to, i + 5)).some((x) => x.lemma === 'surprise')))
  ) {
    const k = toks.slice(i + 1, Math.min(c.to, i + 5)).findIndex((x) => x.lemma === 'surprise');
    return span(lt, i, i + 1 + k, 'no-surprise', { group: 'certainty' });
  }
  // included in the price / fee: nothing extra to pay ("the certificate, included in the ceremony fee")
  if (t.lower === 'included' && next?.lower === 'in') {
    const j = toks[i + 2]?.pos === 'DET' || toks[i + 2]?.pos === 'PRON' ? i + 3 : i + 2;
    const end = nounPhraseEnd(lt, j, c.to);
    if (end >= j && (inSlot(toks[end], 'price-noun', true) || inSlot(toks[end], 'charge-noun', true))) return span(lt, i, end, 'included-in-price', { group: 'money' });
  }
  return null;
}

/** "need not + verb", "is not required / obliged to + verb": an obligation lifted from whoever is not staff or the company. */
function liftedObligation(lt: LangText, i: number): Found | null {
  const toks = lt.doc.tokens;
  const t = toks[i]!;
  let verbAt = -1;
  if (t.lemma === 'need' && toks[i + 1]?.lower === 'not' && isVerbish(toks[i + 2])) verbAt = i + 2;
  if (isNeg(t) && ['required', 'obliged', 'expected', 'asked'].includes(toks[i + 1]?.lower ?? '') && toks[i + 2]?.lower === 'to' && isVerbish(toks[i + 3])) verbAt = i + 3;
  if (verbAt < 0 || toks[verbAt]!.clause !== t.clause) return null;
  const subject = clauseSubject(lt, t.clause);
  if (subject === 'employee' || subject === 'company') return null;
  const c = lt.doc.clauses[t.clause]!;
  const objEnd = Math.min(c.to, verbAt + 6);
  if (namesApproval(lt, verbAt + 1, objEnd)) return null;
  return span(lt, i, verbAt, 'obligation-lifted', { group: 'ease' });
}

// ---------------------------------------------------------------------------------------------------------------
// Support patterns

let capWords: string[][] | undefined;
function caps(): string[][] {
  return (capWords ??= [...slot('cap')].map((c) => c.split(' ')));
}

const AMOUNT_NOUNS = new Set(['amount', 'sum', 'value', 'claim', 'refund', 'case', 'order', 'credit', 'bill', 'payment', 'request', 'one']);
const COMPARATIVES = new Set(['larger', 'bigger', 'higher', 'greater', 'more', 'over', 'above', 'beyond', 'exceeding']);

/**
 * Cases past a threshold that go to a named person ("refunds over $500 go to the duty manager", "under $2,500 she posts
 * it herself; larger amounts go to a team lead"): who decides beyond the limit, so the employee decides below it.
 */
export function thresholdRoutes(lt: LangText): Found[] {
  const out: Found[] = [];
  const toks = lt.doc.tokens;
  for (const t of toks) {
    // ("go" is often tagged a noun after a plural subject: "refunds over $500 go to ...")
    const sent = ['go', 'goes', 'went'].includes(t.lower) || ((t.lemma === 'send' || t.lemma === 'pass' || t.lemma === 'refer') && participle(t) && toks[t.i - 1]?.lemma === 'be');
    if (!sent) continue;
    let k = t.i + 1;
    if (['straight', 'direct', 'directly'].includes(toks[k]?.lower ?? '')) k++;
    if (toks[k]?.lower !== 'to') continue;
    const c = lt.doc.clauses[t.clause]!;
    const s = lt.doc.sentences[t.sentence]!;
    const to = Math.min(s.to, k + 6);
    const role = toks.slice(k + 1, to).find((x) => lt.roles[x.i] === 'employee' || inSlot(x, 'routing-target'));
    if (!role) continue;
    const before = toks.slice(c.from, t.i);
    const bounded = before.some((x) => COMPARATIVES.has(x.lower) || inSlot(x, 'comparison'));
    const amount = before.some((x) => x.pos === 'NUM' || /\d/.test(x.text) || AMOUNT_NOUNS.has(x.lemma) || AMOUNT_NOUNS.has(x.lower.replace(/s$/, '')));
    let end = roleRunEnd(lt, role.i, to);
    while (end + 1 < to && NOUNISH.has(toks[end + 1]!.pos) && (lt.roles[end + 1] === 'employee' || inSlot(toks[end + 1], 'routing-target'))) end++;
    if (bounded && amount) out.push({ start: before[0]!.start, end: toks[end]!.end, rule: 'threshold-route', kind: 'authority' });
  }
  return out;
}

/** Support wording found by rules of language (employee-side lanes and employee prose). */
export function supportPatterns(lt: LangText): Found[] {
  // (a fresh array from a literal: a copy made by spreading an empty one holds small integers, and every push site
  // of this loop would then throw the optimised function away the first time it adds a hit)
  const out: Found[] = thresholdRoutes(lt);
  const toks = lt.doc.tokens;
  const text = lt.doc.text;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const c = clauseOf(lt, t);
    const subject = () => clauseSubject(lt, t.clause);
    // completed / attended ... course: training the employee has had
    if (inSlot(t, 'training-verb') && isVerbish(t)) {
      let found = -1;
      for (let j = i + 1; j < Math.min(c.to, i + 8); j++) {
        if (inSlot(toks[j], 'training-noun') && subject() !== 'customer') {
          found = j;
          break;
        }
        if (isVerbish(toks[j]) || (toks[j]!.pos === 'PUNCT' && toks[j]!.text !== '-')) break;
      }
      if (found >= 0) {
        out.push(span(lt, i, found, 'completed+course', { kind: 'training' }));
        i = found;
        continue;
      }
    }
    // no <superior or approval> (is) needed / required: the employee decides alone
    if ((t.lower === 'no' && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tok(lt, i + 1)?.pos ?? '')) || tok(lt, i + 1)?.lower === 'one' || (t.lower === 'one' && toks[i - 1]?.lower === 'no')) {
      // "no <noun phrase> (is) needed": the noun phrase must follow "no" directly
      const npEnd = Math.max(nounPhraseEnd(lt, i + 1, c.to), i + 1);
      for (let j = i + 1; j < Math.min(c.to, npEnd + 4); j++) {
        const x = toks[j]!;
        if (j > npEnd && !['needed', 'required', 'necessary', 'need', 'needs', 'is', 'are', 'be', 'ever'].includes(x.lower)) break;
        if (['needed', 'required', 'necessary', 'need', 'needs', 'required'].includes(x.lower) || x.lemma === 'need') {
          const held = roleIn(lt, i, j, 'employee') >= 0 || toks.slice(i, j + 4).some((y) => inSlot(y, 'approval-noun')) || toks[i]!.lower === 'one';
          if (held) {
            let end = j;
            // "no one needs the manager's OK": take the approval noun
            for (let k = j + 1; k < Math.min(c.to, j + 5); k++) if (inSlot(toks[k], 'approval-noun') || lt.roles[k] === 'employee') end = k;
            out.push(span(lt, i, end, 'no-approval-needed', { kind: 'authority' }));
            i = end;
          }
          break;
        }
      }
    }
    // never / don't need (to ask) <superior or approval>, nobody needs <approval>: the employee decides alone
    const nobody = t.lower === 'nobody' || (t.lower === 'no' && tok(lt, i + 1)?.lower === 'one');
    if (isNeg(t) || nobody) {
      const v = tok(lt, t.lower === 'no' ? i + 2 : i + 1);
      if (v && v.lemma === 'need') {
        const from = v.i + 1;
        const objEnd = Math.min(c.to, from + 7);
        const k = toks.slice(from, objEnd).findIndex((x) => inSlot(x, 'approval-noun'));
        const r = roleIn(lt, from, objEnd, 'employee');
        const at = k >= 0 ? from + k : r;
        if (at >= 0 && subject() !== 'customer') {
          out.push(span(lt, i, at, 'no-approval-needed', { kind: 'authority' }));
          i = at;
          continue;
        }
      }
    }
    // <employee> can ... without <verb>ing: a permission, the employee decides alone
    if (t.lower === 'without' && /ing$/.test(tok(lt, i + 1)?.lower ?? '') && employeePermission(lt, i)) {
      let end = i + 1;
      const objEnd = nounPhraseEnd(lt, i + 2, c.to);
      if (objEnd > i + 1) end = objEnd;
      out.push(span(lt, i, end, 'can+without', { kind: 'authority' }));
      i = end;
      continue;
    }
    // without (asking) <superior> / <approval>: the employee decides alone
    if (t.lower === 'without') {
      const objEnd = Math.min(c.to, i + 7);
      const k = toks.slice(i + 1, objEnd).findIndex((x) => inSlot(x, 'approval-noun'));
      const r = roleIn(lt, i + 1, objEnd, 'employee');
      // "without asking anyone", "without checking with anybody": nobody's permission is needed
      const anyone = /ing$/.test(tok(lt, i + 1)?.lower ?? '') ? toks.slice(i + 2, Math.min(c.to, i + 4)).findIndex((x) => INDEFINITE_PEOPLE.has(x.lower)) : -1;
      const at = k >= 0 ? i + 1 + k : r >= 0 ? r : anyone >= 0 ? i + 2 + anyone : -1;
      if (at >= 0) {
        const end = roleRunEnd(lt, at, c.to);
        out.push(span(lt, i, end, 'without+superior', { kind: 'authority' }));
        i = end;
        continue;
      }
    }
    // can / may + verb ... himself / herself / themselves: the employee does it alone ("can put the code through himself")
    if (REFLEXIVE.has(t.lower) && subject() !== 'customer' && subject() !== 'company') {
      const sentence = lt.doc.sentences[t.sentence]!;
      let modal = -1;
      for (let k = i - 1; k >= Math.max(sentence.from, i - 12); k--) if (toks[k]!.lower === 'can' || toks[k]!.lower === 'may') modal = k;
      // ("so they can see it for themselves": a purpose clause gives the customer the ability, not the employee)
      const before = modal - 1;
      const purpose = modal > 1 && THIRD_PERSON.has(toks[before]!.lower) && ['so', 'that'].includes(toks[before - 1]!.lower) && pronounIsCustomer(lt, before);
      if (modal >= 0 && !purpose && isVerbish(toks[modal + 1]) && roleIn(lt, modal, i, 'customer') < 0) {
        out.push(span(lt, modal, i, 'can+self', { kind: 'authority' }));
        continue;
      }
    }
    // on their own say-so / authority / initiative
    if ((t.lower === 'on' || t.lower === 'at' || t.lower === 'by') && ['their', 'his', 'her', 'your', 'our', 'its'].includes(tok(lt, i + 1)?.lower ?? '')) {
      let j = i + 2;
      if (tok(lt, j)?.lower === 'own') j++;
      const head = tok(lt, j);
      let end = j;
      let word = head?.lower ?? '';
      if (head && tok(lt, j + 1)?.text === '-' && tok(lt, j + 2)) {
        word = `${head.lower}-${tok(lt, j + 2)!.lower}`;
        end = j + 2;
      }
      if (head && (slot('own-decision-noun').has(word) || slot('own-decision-noun').has(head.lemma)) && (j > i + 2 || word !== 'call')) {
        out.push(span(lt, i, end, 'own-say-so', { kind: 'authority' }));
        i = end;
        continue;
      }
    }
    // pass / refer / escalate ... to <employee role>: someone behind the employee
    if (inSlot(t, 'escalation-verb') && isVerbish(t)) {
      for (let j = i + 1; j < Math.min(c.to, i + 7); j++) {
        if (toks[j]!.lower !== 'to') continue;
        const r = roleIn(lt, j + 1, Math.min(c.to, j + 5), 'employee');
        if (r >= 0) {
          const end = roleRunEnd(lt, r, c.to);
          out.push(span(lt, i, end, 'pass-to+role', { kind: 'backing' }));
          i = end;
        }
        break;
      }
      if (out.length && out[out.length - 1]!.rule === 'pass-to+role' && out[out.length - 1]!.end >= t.end) continue;
    }
    // a cap on caseload or queue: "no more than 6 children each"
    for (const words of caps()) {
      if (words[0] !== t.lower || !words.every((w, k) => tok(lt, i + k)?.lower === w)) continue;
      const n = tok(lt, i + words.length);
      const counted = tok(lt, i + words.length + 1);
      if (n && n.pos === 'NUM' && counted && NOUNISH.has(counted.pos) && !/^(minute|hour|day|week|month|second|pound|dollar|euro)/.test(counted.lemma)) {
        out.push(span(lt, i, i + words.length + 1, 'cap+count', { kind: 'resource' }));
        i += words.length + 1;
      }
      break;
    }
    // from / on / in / using the <...> console / system / portal: a tool in the employee's hands
    if ((inSlot(t, 'tool-preposition') && t.pos === 'ADP') || (inSlot(t, 'tool-verb') && isVerbish(t))) {
      let j = i + 1;
      if (t.lemma === 'look' && (tok(lt, j)?.lower === 'at' || tok(lt, j)?.lower === 'in')) j++;
      const d = tok(lt, j);
      // "by barcode", "via radio": an instrument preposition may take a bare noun
      const bare = d && ['by', 'via', 'using'].includes(t.lower) && NOUNISH.has(d.pos);
      if (d && (d.pos === 'DET' || d.pos === 'PRON' || bare) && d.clause === t.clause) {
        const end = nounPhraseEnd(lt, bare ? j : j + 1, c.to);
        const head = end > j || (bare && end === j) ? toks[end]! : undefined;
        // the customer's thing ("the guest's phone"), unless an employee is the one using it
        const possessor = toks.slice(j, end).find((x, k) => lt.roles[j + k] === 'customer') && !['employee', 'company'].includes(subject() ?? '');
        if (head && NOUNISH.has(head.pos) && inSlot(head, 'tool-noun') && !possessor && !['your'].includes(d.lower)) {
          out.push(span(lt, bare ? i : j, end, 'tool+use', { kind: 'tool' }));
          i = end;
          continue;
        }
      }
    }
    // has / keeps the history / record (open, to hand): information the employee holds
    if (t.lemma === 'have' || t.lemma === 'keep') {
      if (tok(lt, i + 1)?.lower === 'to') continue;
      for (let j = i + 1; j < Math.min(c.to, i + 6); j++) {
        if (isVerbish(toks[j])) break;
        if (inSlot(toks[j], 'information-noun') && NOUNISH.has(toks[j]!.pos)) {
          out.push(span(lt, i, j, 'has+information', { kind: 'resource' }));
          i = j;
          break;
        }
      }
    }
  }
  void text;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Vetoes

/** The last token of the employee role phrase starting at `at` ("duty manager", "night shift lead"), before `limit`. */
function roleRunEnd(lt: LangText, at: number, limit: number): number {
  let end = at;
  while (end + 1 < limit && lt.roles[end + 1] === 'employee') end++;
  return end;
}

/** The tokens overlapping [start, end): a binary search over tokens in text order, so a long text costs no scan per hit. */
function tokensOf(lt: LangText, start: number, end: number): Token[] {
  const toks = lt.doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  const out: Token[] = [];
  for (let i = lo; i < toks.length && toks[i]!.start < end; i++) if (toks[i]!.end > start) out.push(toks[i]!);
  return out;
}

/** Per text, values worked out once per clause or sentence (a text with thousands of hits asks each many times). */
function once<T>(lt: LangText, key: string, compute: () => T): T {
  const m = attached(lt, 'per clause', () => new Map<string, unknown>());
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  m.set(key, v);
  return v;
}

/**
 * Why a benefit candidate [start, end) promises nothing, or null. `customerSide`: it was found in a customer-side
 * lane (where the customer's own request is written).
 */
export function benefitVeto(lt: LangText, start: number, end: number, customerSide: boolean, group?: string): string | null {
  const negated = negationVeto(lt, start, end);
  if (negated) return negated;
  const inside = tokensOf(lt, start, end);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return null;
  const c = lt.doc.clauses[first.clause]!;
  return (
    companyOrRequest(lt, first, last, c, customerSide) ??
    staffPerk(lt, first, c, customerSide) ??
    paidExtra(lt, last, c) ??
    boughtFor(lt, first) ??
    planned(lt, first, last) ??
    aimed(lt, first, c) ??
    needed(lt, first, c) ??
    lacking(lt, first) ??
    threshold(lt, last, c) ??
    (group === 'speed' || group === 'availability' ? (measure(lt, first) ?? handoff(lt, first, c) ?? softwarePerformance(lt, first)) : null) ??
    (group === 'choice' ? plainChoice(lt, first, c) : null)
  );
}

/** "prioritise immediate resolution": what staff are told to prioritise or strive for is a goal, not a promise. */
function aimed(lt: LangText, first: Token, c: Range): string | null {
  for (let k = first.i - 1; k >= c.from; k--) {
    const v = lt.doc.tokens[k]!;
    if (inSlot(v, 'aim-verb')) return `a goal ("${v.text}"), not a promise`;
  }
  return null;
}

/** "Needs tracking link and ETA rules": what is needed, required or missing is a gap, not a promise ("no need to queue" is one). */
function needed(lt: LangText, first: Token, c: Range): string | null {
  const toks = lt.doc.tokens;
  // "needs no appointment": the need is what is spared
  if (first.lower === 'no' || first.lower === 'nothing' || toks[first.i - 1]?.lower === 'no') return null;
  for (let k = first.i - 1; k >= c.from; k--) {
    const v = toks[k]!;
    // "anything missing will be sent free", "required forms are returned": a participle describes, it states no need
    if (!inSlot(v, 'need-verb') || /(?:ing|ed)$/.test(v.lower)) continue;
    const before = toks[k - 1];
    if (before && (before.lower === 'no' || before.lower === 'without' || before.lower === 'never' || isNeg(before))) return null;
    if (toks[k + 1]?.lower === 'to') return null;
    return `a need ("${v.text}"), not a promise`;
  }
  return null;
}

/** "left without heating": "without" after a verb of being or staying says what the customer lacks, not an effort spared. */
function lacking(lt: LangText, first: Token): string | null {
  const before = lt.doc.tokens[first.i - 1];
  if (first.lower !== 'without' || !before || before.sentence !== first.sentence || !inSlot(before, 'lack-verb')) return null;
  return `what the customer lacks ("${before.text} without")`;
}

const LOWER_BOUNDS = new Set(['over', 'above', 'beyond', 'exceeding', 'exceed', 'exceeds', 'more', 'greater', 'higher', 'least']);

/** "the refund would be over $60", "refund amount exceeds $150": a benefit bounded from below by an amount names a case, not a promise. */
function threshold(lt: LangText, last: Token, c: Range): string | null {
  const toks = lt.doc.tokens;
  let k = last.i + 1;
  const limit = Math.min(c.to, last.i + 5);
  while (k < limit && (toks[k]!.pos === 'AUX' || toks[k]!.lemma === 'be' || ['amount', 'value', 'total', 'sum', 'request', 'requested'].includes(toks[k]!.lower))) k++;
  const cue = toks[k];
  if (!cue || k >= limit || !(LOWER_BOUNDS.has(cue.lower) || cue.lemma === 'exceed')) return null;
  const amount = toks.slice(k + 1, Math.min(c.to, k + 4)).some((x) => x.pos === 'NUM' || /^[£$€¥%]/.test(x.text) || /\d/.test(x.text));
  return amount ? `a threshold ("${lt.doc.text.slice(last.start, cue.end)} ..."): it names which cases, it promises nothing` : null;
}

/** "90% within 60 seconds": a speed stated as a share of cases is a measure, not a promise. */
function measure(lt: LangText, first: Token): string | null {
  const toks = lt.doc.tokens;
  for (let k = first.i - 1; k >= Math.max(0, first.i - 3); k--) {
    const x = toks[k]!;
    if (x.sentence !== first.sentence) break;
    if (x.text === '%' || /%$/.test(x.text) || x.lower === 'percent' || x.lower === 'per cent') return `a measure ("${lt.doc.text.slice(x.start, first.end)}"), not a promise`;
  }
  return null;
}

/** "call the duty manager straight away": the speed of a handoff to a colleague is the staff's urgency, not a customer promise. */
function handoff(lt: LangText, first: Token, c: Range): string | null {
  const toks = lt.doc.tokens;
  for (let k = first.i - 1; k >= c.from; k--) {
    const v = toks[k]!;
    if (inSlot(v, 'handoff-verb') && (v.pos === 'VERB' || k === c.from) && roleAsPerson(lt, k + 1, first.i))
      return `a handoff to a colleague ("${lt.doc.text.slice(v.start, v.end)} ... ${first.text}"), not a promise to the customer`;
  }
  // a speed labelling a handoff: "Same day: passed to the web team"
  const colon = toks.slice(first.i + 1, first.i + 4).find((x) => x.text === ':' && x.sentence === first.sentence);
  const v = colon && toks[colon.i + 1];
  const to = Math.min(lt.doc.sentences[first.sentence]!.to, (v?.i ?? 0) + 6);
  if (v && (inSlot(v, 'handoff-verb') || inSlot(v, 'escalation-verb')) && (roleIn(lt, v.i + 1, to, 'employee') >= 0 || toks.slice(v.i + 1, to).some((x) => inSlot(x, 'routing-target'))))
    return `a handoff to a colleague ("${lt.doc.text.slice(v.start, v.end)}"), not a promise to the customer`;
  return null;
}

/** Why the wording [start, end) is software's performance, or null (for rules that weigh a burden on staff). */
export function keptBySoftware(lt: LangText, start: number, end: number): string | null {
  const first = tokensOf(lt, start, end)[0];
  return first ? softwarePerformance(lt, first) : null;
}

/** "refund amount exceeds $150": the wording bounded from below by an amount names a case, or null. */
export function thresholdOf(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const last = inside[inside.length - 1];
  return last ? threshold(lt, last, lt.doc.clauses[last.clause]!) : null;
}

/** "Push notifications: immediate", "the website is available 24/7": software's speed or availability is kept by no employee. */
function softwarePerformance(lt: LangText, first: Token): string | null {
  const toks = lt.doc.tokens;
  const sentence = lt.doc.sentences[first.sentence]!;
  const words = toks.slice(sentence.from, sentence.to);
  // In a verbless note ("Receipt e-mail: within 5 minutes") the software may stand on either side; otherwise it is the subject.
  const verbless = !words.some((x) => x.pos === 'VERB' && x.i !== first.i);
  // "Push notifications: immediate": the label before the colon is what the figure is about, whatever its words
  const colon = toks.slice(sentence.from, first.i).find((x) => x.text === ':');
  const scope = colon ? toks.slice(sentence.from, colon.i) : verbless ? words : toks.slice(sentence.from, first.i);
  if (!verbless && !colon && scope.some((x) => x.pos === 'VERB')) return null;
  if (roleIn(lt, sentence.from, sentence.to, 'employee') >= 0) return null;
  const software = scope.find((x) => x.i !== first.i && (colon !== undefined || NOUNISH.has(x.pos)) && inSlot(x, 'software-noun', true));
  return software ? `the software's performance ("${software.text}"), kept by no employee` : null;
}

/** "chooses a type from the menu": the customer simply choosing is an action; a choice is a benefit when it is offered. */
function plainChoice(lt: LangText, first: Token, c: Range): string | null {
  if (first.lemma !== 'choose' || first.pos !== 'VERB') return null;
  if (alternativeAfter(lt, first.i) >= 0) return null;
  const toks = lt.doc.tokens;
  for (let k = first.i - 1; k >= c.from; k--) {
    const x = toks[k]!;
    if (['can', 'may', 'could', 'to', 'free', 'let', 'lets', 'able', 'allowed', 'invited', 'get', 'gets'].includes(x.lower)) return null;
  }
  // a verb opening its clause has the lane's actor for subject ("Chooses a size from the menu" in the customer's lane)
  const subject = first.i === c.from ? undefined : clauseSubject(lt, first.clause);
  return subject === 'company' ? null : `the customer's own action ("${first.text}"), not a choice offered`;
}

const WAITING_OPENERS = new Set(['before', 'until', 'till', 'once', 'when', 'unless']);

/** A benefit in a clause that waits for it to be built or switched on ("before live tracking is switched on") is planned, not promised. */
function planned(lt: LangText, first: Token, last: Token): string | null {
  const toks = lt.doc.tokens;
  const sentence = lt.doc.sentences[first.sentence]!;
  let opener: Token | undefined;
  for (let k = first.i - 1; k >= sentence.from; k--) {
    const x = toks[k]!;
    if (x.pos === 'PUNCT') break;
    if (WAITING_OPENERS.has(x.lower)) opener = x;
  }
  if (!opener) return null;
  for (let k = last.i + 1; k + 1 < sentence.to; k++) {
    const x = toks[k]!;
    if (x.pos === 'PUNCT') break;
    if (x.lemma === 'be' && inSlot(toks[k + 1], 'launch-verb') && participle(toks[k + 1])) return `planned ("${lt.doc.text.slice(opener.start, toks[k + 1]!.end)}": not built yet)`;
  }
  return null;
}

/** A service named as what it is charged at ("late collection is charged at £10 a quarter hour") is a paid extra, not a promise. */
function paidExtra(lt: LangText, last: Token, c: Range): string | null {
  const toks = lt.doc.tokens;
  let k = last.i + 1;
  if (toks[k]?.lemma === 'be' || toks[k]?.pos === 'AUX') k++;
  const v = toks[k];
  if (!v || k >= c.to || !inSlot(v, 'charge-verb') || v.pos !== 'VERB') return null;
  const amount = toks.slice(k + 1, Math.min(c.to, k + 4)).some((x) => x.pos === 'NUM' || x.pos === 'SYM' || /^[£$€]/.test(x.text));
  return amount ? `paid extra ("${lt.doc.text.slice(last.start, v.end)}" at a price)` : null;
}

/**
 * Why the wording [start, end) is negated or refused in its clause, or null: a non-/un- prefix; not, never or
 * cannot before it in the clause (unless what is negated is a burden: "never have to wait"); a refusal verb
 * before it; or it is the subject of a negated predicate ("points can't be used").
 */
export function negationVeto(lt: LangText, start: number, end: number): string | null {
  const inside = tokensOf(lt, start, end);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return null;
  const toks = lt.doc.tokens;
  const text = lt.doc.text;
  // non-refundable, un-guaranteed: a prefix negates the word
  if (/(?:^|[^\p{L}])(?:non|un)[-‐]$/iu.test(text.slice(Math.max(0, start - 4), start)) || /^(?:non|un)[-‐]/i.test(first.lower)) return 'negated (non- prefix)';
  const c = lt.doc.clauses[first.clause]!;
  // not / never / cannot before it in its clause ("rent is not reduced for repairs within 14 days")
  for (let k = first.i - 1; k >= c.from; k--) {
    const x = toks[k]!;
    if (isNeg(x) && !(toks[k + 1] && ['only', 'just', 'merely'].includes(toks[k + 1]!.lower))) {
      // a lifted burden is the gain itself ("never have to wait", "don't need to print")
      let v = toks[k + 1];
      if (v && (v.lower === 'even' || v.lower === 'ever')) v = toks[k + 2];
      if (v && inSlot(v, 'burden-verb')) break;
      if (v && v.lemma === 'be' && toks[k + 2] && /^(left|kept|made|asked|charged|billed)$/.test(toks[k + 2]!.lower)) break;
      // a negation inside a relative clause on the subject ends at the main verb: "customers who are not
      // satisfied get a full refund"
      if (relativeNegationEnds(lt, c, k, first.i)) break;
      return `negated ("${text.slice(x.start, x.end)}" before it in the clause)`;
    }
    if (inSlot(x, 'refusal-verb') && isVerbish(x)) return `refused ("${x.text}")`;
  }
  // the subject of a negated predicate: "points can't be used", "payments are not made", "fees are non-refundable"
  for (let k = last.i + 1; k < Math.min(c.to, last.i + 6); k++) {
    const x = toks[k]!;
    if (x.pos === 'PUNCT') break;
    if (isNeg(x)) {
      const prev = toks[k - 1]!;
      if (!(prev.pos === 'AUX' || prev.lemma === 'be' || prev.lemma === 'do' || x.lower === 'cannot' || x.lower === 'never')) break;
      let v = toks[k + 1];
      if (v && (v.lemma === 'be' || v.lower === 'been')) v = toks[k + 2];
      if (v && inSlot(v, 'burden-verb')) break;
      return `negated ("${text.slice(prev.start, x.end)}" after it)`;
    }
    if (/^(?:non|un)-/.test(x.lower) && x.pos === 'ADJ' && toks[k - 1]!.lemma === 'be') return `negated ("${x.text}")`;
    if (x.pos === 'VERB' && !(x.lemma === 'be')) break;
  }
  return null;
}

/** The negation at token k sits in a relative clause (who/whose/which, or "that" after a noun) and a later verb before token `until` is the main clause's. */
function relativeNegationEnds(lt: LangText, c: Range, k: number, until: number): boolean {
  const toks = lt.doc.tokens;
  let relative = false;
  for (let m = c.from; m < k; m++) {
    const x = toks[m]!;
    if (x.lower === 'who' || x.lower === 'whose' || x.lower === 'which' || (x.lower === 'that' && m > 0 && NOUNISH.has(toks[m - 1]!.pos))) relative = true;
  }
  if (!relative) return false;
  // the negated predicate: the words right after the cue (auxiliaries, the verb or adjective it negates)
  let m = k + 1;
  while (m < until && (toks[m]!.pos === 'AUX' || toks[m]!.pos === 'PART' || toks[m]!.pos === 'ADV')) m++;
  m++;
  for (; m < until; m++) if (toks[m]!.pos === 'VERB' && toks[m - 1]!.lower !== 'to' && toks[m - 1]!.pos !== 'AUX') return true;
  return false;
}

function companyOrRequest(lt: LangText, first: Token, last: Token, c: Range, customerSide: boolean): string | null {
  const toks = lt.doc.tokens;
  const text = lt.doc.text;
  // the customer's request: "claims the guaranteed payment", "asks for money off"
  const subject = clauseSubject(lt, first.clause);
  if (customerSide || subject === 'customer') {
    for (let k = first.i - 1; k >= c.from; k--) {
      const x = toks[k]!;
      // "asks for X" is a request; "can ask for X" and "(shows the card) to claim X" are an entitlement offered
      const before = toks[k - 1];
      const offered = !!before && (before.lower === 'to' || ['can', 'may', 'could'].includes(before.lower));
      if (inSlot(x, 'request-verb') && (x.pos === 'VERB' || k === c.from) && !offered) return `customer's request ("${x.text}")`;
    }
  }
  // a gain to the company: "cut our rebate costs", "saves us money"
  for (let k = first.i - 1; k >= Math.max(c.from, first.i - 4); k--) {
    const x = toks[k]!;
    if (x.lower === 'our' || x.lower === 'us') {
      const between = toks.slice(k + 1, first.i);
      if (between.every((y) => y.pos === 'ADJ' || NOUNISH.has(y.pos))) {
        const verb = toks[k - 1];
        if (x.lower === 'us' || (verb && inSlot(verb, 'company-gain-verb'))) return `company's gain ("${text.slice(verb && x.lower === 'our' ? verb.start : x.start, last.end)}")`;
      }
      break;
    }
    if (!(x.pos === 'ADJ' || NOUNISH.has(x.pos))) break;
  }
  // what is sold is the company's takings: "the ranking sells the vouchers"
  for (let k = first.i - 1; k >= Math.max(c.from, first.i - 4); k--) {
    const x = toks[k]!;
    if (x.lemma === 'sell' && x.pos === 'VERB') return `company's gain ("${text.slice(x.start, last.end)}" is what it sells)`;
    if (!(x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'NUM' || NOUNISH.has(x.pos))) break;
  }
  // ... or said in the relative clause after it: "switches the account to paperless, which cuts our print costs"
  const after = lt.doc.clauses[first.clause + 1];
  if (after && toks[after.from]?.lower === 'which') {
    for (let k = after.from + 1; k < Math.min(after.to, after.from + 4); k++) {
      if (inSlot(toks[k], 'company-gain-verb') && ['our', 'us'].includes(toks[k + 1]?.lower ?? ''))
        return `company's gain ("${text.slice(toks[after.from]!.start, toks[Math.min(after.to, k + 3) - 1]!.end)}")`;
    }
  }
  return null;
}

/** "Gets a £5 voucher for every review" in a staff lane: what the lane's own actor receives is a staff perk, not the customer's. */
function staffPerk(lt: LangText, first: Token, c: Range, customerSide: boolean): string | null {
  if (customerSide) return null;
  const toks = lt.doc.tokens;
  for (let k = first.i - 1; k >= c.from; k--) {
    const x = toks[k]!;
    // someone else named between the verb and the gain receives it ("gets them a taxi", "gets the guest a drink")
    if (lt.roles[k] === 'customer' || ['them', 'him', 'her', 'you', 'us'].includes(x.lower)) return null;
    if (!isVerbish(x)) continue;
    if (!['get', 'receive', 'earn', 'win'].includes(x.lemma)) return null;
    const subject = clauseSubject(lt, x.clause);
    return subject === undefined ? `the staff's own gain ("${lt.doc.text.slice(x.start, first.end)}")` : null;
  }
  return null;
}

/** "the £95 excess for a replacement": a benefit the customer pays an amount or a charge for is a paid extra. */
function boughtFor(lt: LangText, first: Token): string | null {
  const toks = lt.doc.tokens;
  // "pays what it costs us to replace it": what the customer pays for is bought, not given
  if (toks[first.i - 1]?.lower === 'to') {
    const before = toks.slice(Math.max(0, first.i - 6), first.i - 1);
    const cost = before.find((x) => x.lemma === 'cost' && x.sentence === first.sentence);
    const pay = cost && toks.slice(Math.max(0, cost.i - 6), cost.i).find((x) => x.lemma === 'pay' && x.sentence === first.sentence);
    if (pay) return `paid extra ("${lt.doc.text.slice(pay.start, first.end)}")`;
  }
  let k = first.i - 1;
  if (toks[k]?.pos === 'DET') k--;
  if (toks[k]?.lower !== 'for') return null;
  const paid = toks[k - 1];
  if (!paid || !(inSlot(paid, 'charge-noun', true) || paid.pos === 'NUM' || /^[£$€]/.test(paid.text) || /\d/.test(paid.text))) return null;
  return `paid extra ("${lt.doc.text.slice(paid.start, first.end)}")`;
}

/** Why a support candidate [start, end) gives the employee nothing, or null. */
export function supportVeto(lt: LangText, start: number, end: number, kind: SupportKind, prose = false): string | null {
  const inside = tokensOf(lt, start, end);
  const first = inside[0];
  if (!first) return null;
  const toks = lt.doc.tokens;
  const c = lt.doc.clauses[first.clause]!;
  // prose without a verb is a caption or a title's gloss ("a question about the tablets"): it names a topic, not
  // something staff use or have
  if (prose) {
    const sentence = lt.doc.sentences[first.sentence]!;
    if (!once(lt, `verb:${first.sentence}`, () => toks.slice(sentence.from, sentence.to).some((x) => isVerbish(x)))) return 'names a topic (prose without a verb: a caption or gloss)';
  }
  // "Call logged", "Ticket raised": a tool's name whose last word is a past participle says what was done, no tool
  const last = inside[inside.length - 1]!;
  if (kind === 'tool' && inside.length >= 2 && last.pos === 'VERB' && /ed$/.test(last.lower)) return `an action done ("${lt.doc.text.slice(first.start, last.end)}"), not a tool`;
  // "Whoever has a spare moment on the late shift rings": nobody is given the job, whatever the sentence names (a power
  // is another matter: "whoever's on can refund up to £20" gives it to everyone on duty)
  const opener = toks[lt.doc.sentences[first.sentence]!.from];
  if (opener && kind !== 'authority' && /^who(?:ever|soever)$/.test(opener.lower)) return `nobody in particular ("${opener.text} ...": no one is given the job)`;
  // the acting employee: "Duty manager apologises", "A floor walker says hello", "Property manager reviews the scores"
  if (kind === 'backing' || kind === 'resource') {
    const roleFrom = inside.findIndex((x) => lt.roles[x.i] === 'employee');
    if (roleFrom >= 0) {
      let r = inside[roleFrom]!.i;
      while (lt.roles[r + 1] === 'employee') r++;
      // Only determiners, adjectives, nouns, numbers and joins before the role: it is the subject (found once per clause).
      const subjectEnd = once(lt, `subject:${first.clause}`, () => {
        let k = c.from;
        while (k < c.to && ((x) => x.pos === 'DET' || x.pos === 'ADJ' || NOUNISH.has(x.pos) || x.pos === 'NUM' || x.pos === 'CCONJ' || x.pos === 'PUNCT')(toks[k]!)) k++;
        return k;
      });
      const subjectPosition = inside[roleFrom]!.i <= subjectEnd;
      const v = toks[r + 1];
      const after = toks[r + 2];
      const verb = v && v.clause === first.clause && (v.pos === 'VERB' || (v.pos === 'NOUN' && /s$/.test(v.lower) && !!after && (after.pos === 'DET' || after.pos === 'PRON')));
      const endsBy = end <= (v ? v.end : toks[r]!.end);
      if (subjectPosition && verb && endsBy && !inSlot(v, 'backing-verb'))
        return `acting employee ("${lt.doc.text.slice(inside[roleFrom]!.start, v!.end)}": an employee doing the work is not support)`;
    }
  }
  // what the step promises the customer is theirs: "promises every first-timer a named buddy" gives the employee nothing
  // (only the promised object itself: "promises an answer after checking the CRM" names the agent's tool)
  if (kind === 'resource' || kind === 'tool' || kind === 'backing') {
    for (let k = first.i - 1; k >= c.from; k--) {
      const x = toks[k]!;
      if ((x.lemma === 'promise' || x.lemma === 'guarantee') && x.pos === 'VERB') {
        if (roleIn(lt, k + 1, first.i, 'employee') < 0) return `promised to the customer ("${lt.doc.text.slice(x.start, inside[inside.length - 1]!.end)}": the customer's, not the employee's)`;
        break;
      }
      const modifier = MODIFIER.has(x.pos) || x.pos === 'PRON' || x.text === '-' || (x.pos === 'VERB' && !/ing$/.test(x.lower));
      if (!modifier) break;
    }
  }
  // backing names someone: "covered by the damage waiver" names a policy, not a person behind the employee
  const lastTok = inside[inside.length - 1]!;
  if (kind === 'backing' && (lastTok.pos === 'DET' || lastTok.pos === 'PRON' || lastTok.pos === 'ADP')) {
    const npEnd = nounPhraseEnd(lt, lastTok.i + 1, c.to);
    if (npEnd > lastTok.i && roleIn(lt, lastTok.i, npEnd + 1, 'employee') < 0) {
      return `backing names no one ("${lt.doc.text.slice(first.start, toks[npEnd]!.end)}" is not a person or team)`;
    }
  }
  // a tool in the customer's hands: "the customer scans the QR code", "books in the app"
  if (kind === 'tool') {
    const subject = clauseSubject(lt, first.clause);
    if (subject === 'customer') return "customer's own tool (the customer is the clause's subject)";
    const d = toks[first.i - 1];
    // the customer's thing, unless an employee is the one using it ("our dispatcher sees the caller's GPS location")
    if (
      subject !== 'employee' &&
      subject !== 'company' &&
      d &&
      (d.lower === 'your' || lt.roles[d.i] === 'customer' || (toks[first.i - 2] && lt.roles[first.i - 2] === 'customer' && /^['’]s$/.test(d.lower)))
    )
      return "customer's own tool (held by the customer)";
    // what staff send or hand to the customer is the customer's ("emails the checklist to the client")
    const last = inside[inside.length - 1]!;
    const to = toks[last.i + 1];
    const owner = toks[last.i + 2] && toks[last.i + 2]!.pos === 'DET' ? toks[last.i + 3] : toks[last.i + 2];
    const verb = toks.slice(Math.max(0, first.i - 3), first.i).find((x) => GIVE_VERBS.has(x.lemma) && x.clause === first.clause);
    if (verb && to?.lower === 'to' && owner && (lt.roles[owner.i] === 'customer' || ['them', 'him', 'her', 'you'].includes(owner.lower)))
      return `given to the customer ("${lt.doc.text.slice(verb.start, owner.end)}"), not the employee's tool`;
  }
  return null;
}

const GIVE_VERBS = new Set(['send', 'email', 'e-mail', 'post', 'mail', 'give', 'hand', 'text', 'forward', 'show']);
