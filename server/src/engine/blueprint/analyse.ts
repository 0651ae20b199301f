// Finds benefit and support phrases in a step (spec sections 5 and 6): by lane side, negation and prose subject.
import { normalisePhrase, type CompiledVocabulary, type PhraseHit } from '../phrases/vocabulary.js';
import type { BenefitPhrase, Lane, LaneKind, RejectedPhrase, SourceText, Step, SupportKind, SupportPhrase } from '../types.js';
import {
  benefitPatterns,
  benefitVeto,
  fieldVeto,
  langText,
  languageLayerEnabled,
  mayHoldBenefitPattern,
  mayHoldSupportPattern,
  mayVetoBenefit,
  supportPatterns,
  supportVeto,
  type Found,
} from '../language/index.js';
import { attached } from '../incremental/textMemos.js';
import { sentenceSpans } from '../language/sentences.js';
import { withoutLeadingIcons } from './iconLabel.js';
import { LANE_SIDE, normaliseLabel } from './lanes.js';
import { CUSTOMER_ROLE_WORDS } from './laneWords.js';
import type { RawStep } from './build.js';
import { spanOf } from './sourceText.js';
import { missingThingSentences, sentencesOf, withoutAbbreviationStops } from './supportGaps.js';

/** Lanes whose text can carry a customer promise. */
const BENEFIT_LANES: ReadonlySet<LaneKind> = new Set(['customer', 'evidence', 'frontstage']);
/** Lanes whose text can name employee support. */
const SUPPORT_LANES: ReadonlySet<LaneKind> = new Set(['frontstage', 'backstage', 'support']);

const CLAUSE_BREAK = /[.;!?]\s|\bbut\b|\bhowever\b/gi;
// What joins the items of one list: "refunds, bill credits or compensation" (a negation before the first governs them all).
const LIST_LINK = /^(?:\s*,\s*|\s*,?\s+(?:and|or|nor)\s+)(?:[A-Za-z-]+\s+){0,2}$/i;
const POST_NEGATION =
  /^[\s,]*(?:(?:is|are|was|were|will be|can be|cannot be|isn't|aren't)\s+)?(?:not|never|no longer|n't)\s+(?:be\s+)?(?:available|possible|offered|allowed|permitted|given|included|provided|guaranteed|issued|refunded|accepted|honou?red)/i;

/** Hits sorted by start with the running maximum of their ends: "does any hit contain / overlap this span" in O(log n). */
interface SpanIndex {
  sorted: PhraseHit[];
  maxEnd: number[];
  /** The hit that reaches maxEnd[i] (the first one to). */
  widest: PhraseHit[];
}

function spanIndex(hits: readonly PhraseHit[]): SpanIndex {
  return attached(hits, 'span index', () => buildSpanIndex(hits));
}

function buildSpanIndex(hits: readonly PhraseHit[]): SpanIndex {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  const widest: PhraseHit[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i]!;
    if (i > 0 && maxEnd[i - 1]! >= h.end) {
      maxEnd.push(maxEnd[i - 1]!);
      widest.push(widest[i - 1]!);
    } else {
      maxEnd.push(h.end);
      widest.push(h);
    }
  }
  return { sorted, maxEnd, widest };
}

/** How many hits start at or before `at` (or strictly before, with `strict`). */
function startingBy(ix: SpanIndex, at: number, strict = false): number {
  let lo = 0;
  let hi = ix.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = ix.sorted[mid]!.start;
    if (strict ? s < at : s <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Some hit other than `except` contains [start, end). */
function containedIn(hits: readonly PhraseHit[], start: number, end: number, except?: PhraseHit): boolean {
  if (hits.length === 0) return false;
  const ix = spanIndex(hits);
  const k = startingBy(ix, start);
  if (k === 0 || ix.maxEnd[k - 1]! < end) return false;
  if (ix.widest[k - 1] !== except) return true;
  // The widest is the excluded hit itself: look at the others (a hit rarely contains text before its own start).
  for (let i = 0; i < k; i++) if (ix.sorted[i] !== except && ix.sorted[i]!.end >= end) return true;
  return false;
}

/** Some hit overlaps [start, end). */
function overlapsAny(hits: readonly PhraseHit[], start: number, end: number): boolean {
  if (hits.length === 0) return false;
  const ix = spanIndex(hits);
  const k = startingBy(ix, end, true);
  return k > 0 && ix.maxEnd[k - 1]! > start;
}

function insideAny(hit: PhraseHit, others: readonly PhraseHit[]): boolean {
  return containedIn(others, hit.start, hit.end);
}

/** A benefit is negated by a cue shortly before it in the same clause ("no refunds", "cannot be upgraded"). */
export function isNegated(text: string, hit: PhraseHit, vocab: CompiledVocabulary, benefits: readonly PhraseHit[] = []): boolean {
  const windowStart = Math.max(0, hit.start - 80);
  let window = text.slice(windowStart, hit.start);
  let lastBreak = -1;
  for (const m of window.matchAll(CLAUSE_BREAK)) lastBreak = m.index! + m[0].length;
  if (lastBreak >= 0) window = window.slice(lastBreak);
  const base = hit.start - window.length;
  // A cue inside another promise ("without waiting") or in "not only" negates nothing.
  const cues = vocab.negation
    .find(window)
    .filter((c) => !containedIn(benefits, base + c.start, base + c.end, hit))
    .filter((c) => !/^\s+(?:only|just|merely)\b/i.test(window.slice(c.end)));
  const cue = cues[cues.length - 1];
  // A promise worded as an absence ("no setup fee", "without waiting") after another ("no new contract and no setup fee")
  // is one more item of that list, not negated by it.
  const listed = cue && /^(?:no|never|without|nothing|zero)\b/i.test(hit.text) && /(?:,|\band|\bor)\s*$/i.test(window.slice(cue.end));
  if (cue && !listed) {
    const between = window.slice(cue.end).trim();
    const words = between === '' ? 0 : between.split(/\s+/).length;
    // a promise closing the sentence after a comma is said of it all, not negated ("so no water gets in, guaranteed")
    const closing = /,$/.test(between) && /^\s*(?:[.;!?)]|$)/.test(text.slice(hit.end));
    if (words <= 3 && !closing) return true;
  }
  return POST_NEGATION.test(text.slice(hit.end, hit.end + 60));
}

/**
 * Whether a rejected phrase overlaps the language finding `f` without lying strictly inside it. Only hits starting
 * within a phrase's reach of `f` are looked at (in start order), so the check stays linear in a lane full of negated
 * promises.
 */
function blockedBy(hits: readonly PhraseHit[], f: { start: number; end: number }): boolean {
  if (!hits.length || !overlapsAny(hits, f.start, f.end)) return false;
  const dropped = spanIndex(hits).sorted;
  let lo = 0;
  let hi = dropped.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dropped[mid]!.start < f.start - MAX_PHRASE_REACH) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < dropped.length && dropped[k]!.start < f.end; k++) {
    const h = dropped[k]!;
    const inside = f.start <= h.start && h.end <= f.end && f.end - f.start > h.end - h.start;
    if (h.end > f.start && !inside) return true;
  }
  return false;
}

/** Longer than any phrase the vocabularies match, so a hit starting further back cannot reach a finding. */
const MAX_PHRASE_REACH = 400;

function removed(hit: PhraseHit, set: ReadonlySet<string>): boolean {
  return set.size > 0 && (set.has(normalisePhrase(hit.text)) || set.has(normalisePhrase(hit.entry.phrase)));
}

/** Where a step's rejected candidates go; absent when the caller only wants the phrase engine (findBenefits). */
interface Judge {
  rejected: RejectedPhrase[];
  /** Use the language layer (lemmas, clauses, vetoes) on this text. */
  language: boolean;
}

function reject(judge: Judge | undefined, t: SourceText, start: number, end: number, as: 'benefit' | 'support', reason: string, source: LaneKind | 'prose'): void {
  judge?.rejected.push({ text: t.text.slice(start, end), span: spanOf(t, start, end), as, reason, source });
}

function languageHit(f: Found, text: string, kind: 'benefit' | SupportKind): PhraseHit {
  return {
    start: f.start,
    end: f.end,
    text: text.slice(f.start, f.end),
    entry: { phrase: f.rule, kind: kind === 'benefit' ? 'benefit' : kind, group: f.group, origin: 'language' } as PhraseHit['entry'],
  };
}

function whyOf(h: PhraseHit): string {
  return h.entry.origin === 'language' ? `${h.entry.phrase}: ${h.text}` : h.entry.origin === 'product name' ? `product name: ${h.text}` : `vocabulary: ${readableEntry(h.entry.phrase, h.text)}`;
}

/** A vocabulary entry as a reader sees it: a long "(a|b|...)" group shows only the alternative that matched. */
export function readableEntry(phrase: string, matched: string): string {
  const words = ` ${matched.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return phrase.replace(/\(([^()]*)\)/g, (group, inner: string) => {
    const alternatives = inner.split('|');
    if (alternatives.length <= 3) return group;
    const hit = alternatives.filter((a) => words.includes(` ${a.toLowerCase()} `)).sort((a, b) => b.length - a.length)[0];
    return `(${hit ?? alternatives[0]}|… ${alternatives.length - 1} more)`;
  });
}

const CUSTOMER_SOURCES: ReadonlySet<LaneKind | 'prose'> = new Set(['customer', 'evidence']);

function benefitsIn(t: SourceText, source: LaneKind | 'prose', vocab: CompiledVocabulary, judge?: Judge): BenefitPhrase[] {
  const hits = vocab.benefit.find(t.text);
  const useLanguage = !!judge?.language && languageLayerEnabled();
  if (!hits.length && !(useLanguage && mayHoldBenefitPattern(t.text))) return [];
  const traps = hits.length ? vocab.notBenefit.find(t.text) : [];
  const kept: PhraseHit[] = [];
  let negated: PhraseHit | undefined;
  for (const h of hits) {
    if (removed(h, vocab.removedBenefit)) continue;
    if (insideAny(h, traps)) reject(judge, t, h.start, h.end, 'benefit', `not a promise (not-benefit.txt: ${traps.find((x) => x.start <= h.start && x.end >= h.end)?.entry.phrase ?? ''})`, source);
    else if (isNegated(t.text, h, vocab, hits)) {
      reject(judge, t, h.start, h.end, 'benefit', 'negated (negation.txt cue before it)', source);
      negated = h;
    } else if (negated && LIST_LINK.test(t.text.slice(negated.end, h.start))) {
      reject(judge, t, h.start, h.end, 'benefit', `negated (in the list governed by the negation of "${negated.text}")`, source);
      negated = h;
    } else kept.push(h);
  }
  let all = kept;
  if (useLanguage) {
    const patterns = mayHoldBenefitPattern(t.text);
    const veto = mayVetoBenefit(t.text);
    const lt = patterns || (veto && kept.length) ? langText(t.text, vocab.roles) : null;
    if (lt) {
      const customerSide = CUSTOMER_SOURCES.has(source);
      all = [];
      for (const h of kept) {
        const reason = veto ? (benefitVeto(lt, h.start, h.end, customerSide, h.entry.group) ?? fieldVeto(lt, h.start, h.end)) : null;
        if (reason) reject(judge, t, h.start, h.end, 'benefit', reason, source);
        else all.push(h);
      }
      if (patterns) {
        const keptSet = new Set(kept);
        const dropped = hits.filter((h) => !keptSet.has(h));
        for (const f of benefitPatterns(lt)) {
          // (a phrase the negation rejected gives way to a pattern that reads the negation with it: "no home visit needed")
          if (overlapsAny(kept, f.start, f.end) || overlapsAny(traps, f.start, f.end) || blockedBy(dropped, f)) continue;
          const reason = benefitVeto(lt, f.start, f.end, customerSide, f.group) ?? fieldVeto(lt, f.start, f.end);
          if (reason) reject(judge, t, f.start, f.end, 'benefit', `${reason} [${f.rule}]`, source);
          else all.push(languageHit(f, t.text, 'benefit'));
        }
        all.sort((a, b) => a.start - b.start);
      }
    }
  }
  return mergeAdjacent(all, t.text).map((h) => ({ text: h.text, span: spanOf(t, h.start, h.end), entry: h.entry.phrase, source, group: h.entry.group, why: whyOf(h) }));
}

/** Phrases separated only by a space read as one promise ("refund" + "on the spot" = "refund on the spot"). */
function mergeAdjacent(hits: readonly PhraseHit[], text: string): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && /^[ \t]?$/.test(text.slice(prev.end, h.start))) {
      out[out.length - 1] = {
        ...prev,
        end: h.end,
        text: text.slice(prev.start, h.end),
        entry: {
          ...prev.entry,
          origin: prev.entry.origin === 'language' || h.entry.origin === 'language' ? 'language' : prev.entry.origin,
          phrase: prev.entry.origin === 'language' || h.entry.origin === 'language' ? `${prev.entry.phrase} + ${h.entry.phrase}` : prev.entry.phrase,
        },
      };
    } else out.push(h);
  }
  return out;
}

// A product name written in CamelCase (SiteLink, TeamViewer, HubSpot) on the employee side is a tool nobody listed.
const PRODUCT_NAME = /(?<![\p{L}\p{N}_'’])(?!Ma?c[A-Z])[A-Z]?[a-z]{1,12}[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![\p{L}\p{N}_])/gu;

/** A product named in a list of channels ("by email or WhatsApp"): how the customer is reached, not a tool. */
const CHANNEL_BEFORE = /\b(?:by|via|over)\s+(?:(?:e-?mail|text|sms|phone|post|letter|chat|call)\s*(?:,|\bor\b|\band\b|\/)\s*)+$/i;

function supportsIn(t: SourceText, source: LaneKind | 'prose', vocab: CompiledVocabulary, judge?: Judge): SupportPhrase[] {
  const hits = [...vocab.support.find(t.text)];
  // Product names never overlap each other (one regex scan), so only the vocabulary's hits can hide one.
  const known = [...hits];
  for (const m of t.text.matchAll(PRODUCT_NAME)) {
    const at = m.index!;
    if (overlapsAny(known, at, at + m[0].length)) continue;
    if (CHANNEL_BEFORE.test(t.text.slice(Math.max(0, at - 60), at))) {
      reject(judge, t, at, at + m[0].length, 'support', 'a channel the customer is reached by ("by email or WhatsApp"), not the employee\'s tool', source);
      continue;
    }
    hits.push({ start: at, end: at + m[0].length, text: m[0], entry: { phrase: m[0], kind: 'tool', origin: 'product name', group: 'product name' } });
  }
  const useLanguage = !!judge?.language && languageLayerEnabled();
  if (!hits.length && !useLanguage) return [];
  const traps = hits.length ? vocab.notSupport.find(t.text) : [];
  let kept = hits.filter((h) => {
    if (removed(h, vocab.removedSupport)) return false;
    // a word inside a page's path or a file name ("[[shop.tools.laser-cutter]]", "docs/tools/") names a page, not a tool
    if (/\p{L}[./]$/u.test(t.text.slice(Math.max(0, h.start - 2), h.start)) || /^[./]\p{L}/u.test(t.text.slice(h.end, h.end + 2))) return false;
    if (insideAny(h, traps)) {
      reject(judge, t, h.start, h.end, 'support', 'gives the employee nothing (not-support.txt)', source);
      return false;
    }
    return true;
  });
  // Only tools (whose holder matters), backing (which must name someone), role nouns (who may be the one acting) and what is promised can be vetoed.
  // (a resource is vetoable too where the text promises something: it may be what the customer is promised)
  const vetoable =
    source === 'prose' ||
    /\b(?:promis|guarantee|whoever|whosoever)/i.test(t.text) ||
    kept.some((h) => h.entry.kind === 'tool' || h.entry.kind === 'backing' || (h.entry.kind === 'resource' && vocab.roles.find(h.text).length > 0));
  const patterns = useLanguage && mayHoldSupportPattern(t.text);
  if (useLanguage && (vetoable || patterns)) {
    const lt = langText(t.text, vocab.roles);
    if (lt) {
      kept = kept.filter((h) => {
        const reason = supportVeto(lt, h.start, h.end, h.entry.kind as SupportKind, source === 'prose');
        if (reason) reject(judge, t, h.start, h.end, 'support', reason, source);
        return !reason;
      });
      for (const f of patterns ? supportPatterns(lt) : []) {
        // a trap read in a wider context wins ("nobody needs a manager's sign-off" contains the trap "sign-off")
        const widerThanTraps = hits.every((h) => h.end <= f.start || h.start >= f.end || (f.start <= h.start && h.end <= f.end && insideAny(h, traps)));
        if (overlapsAny(hits, f.start, f.end) && !widerThanTraps) continue;
        const reason = supportVeto(lt, f.start, f.end, f.kind!, source === 'prose');
        if (reason) reject(judge, t, f.start, f.end, 'support', `${reason} [${f.rule}]`, source);
        else kept.push(languageHit(f, t.text, f.kind!));
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start).map((h) => ({ text: h.text, span: spanOf(t, h.start, h.end), entry: h.entry.phrase, source, kind: h.entry.kind as SupportKind, why: whyOf(h) }));
}

/** Benefit phrases of a plain text as a customer-side lane would find them (for tests and tools). */
export function findBenefits(text: string, vocab: CompiledVocabulary): BenefitPhrase[] {
  return benefitsIn(plain(text), 'customer', vocab);
}

/** Support phrases of a plain text as an employee-side lane would find them. */
export function findSupports(text: string, vocab: CompiledVocabulary): SupportPhrase[] {
  return supportsIn(plain(text), 'backstage', vocab);
}

function plain(text: string): SourceText {
  return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

export type Subject = 'employee' | 'customer' | 'unknown';

const SUBORDINATE = /^(?:if|when|whenever|before|after|once|as soon as|while|until|because|since|although|though|within|during|on|at|by|for|in|from|where|unless)\b/i;

/** The subject of a sentence: the first role word of its main clause (a leading subordinate clause is skipped). */
export function sentenceSubject(sentence: string, vocab: CompiledVocabulary): Subject {
  let main = sentence;
  const comma = sentence.indexOf(',');
  if (SUBORDINATE.test(sentence.trim()) && comma >= 0) main = sentence.slice(comma + 1);
  const first = vocab.roles.find(main.slice(0, 120))[0];
  if (first) return first.entry.kind === 'employee' ? 'employee' : 'customer';
  if (/^\s*(?:we|our|us)\b/i.test(main)) return 'employee';
  return 'unknown';
}

function sub(t: SourceText, start: number, end: number): SourceText {
  return { text: t.text.slice(start, end), offsets: t.offsets.slice(start, end + 1) };
}

/** Support kind of a support lane whose text names no known phrase, from its label. */
function kindOfSupportLabel(label: string): SupportKind {
  const l = normaliseLabel(label);
  if (/system|tool/.test(l)) return 'tool';
  if (/authority|empowerment/.test(l)) return 'authority';
  if (/training/.test(l)) return 'training';
  return 'resource';
}

const CUSTOMER_WORD = new RegExp(`\\b(?:you|your|yours|${CUSTOMER_ROLE_WORDS.map((w) => `${w}s?`).join('|')})\\b`, 'i');

/** A result lane about the customer ("a real person calls you back") states what they get; "record updated" does not. */
function speaksOfCustomer(text: string): boolean {
  return CUSTOMER_WORD.test(text);
}

function laneBenefits(lane: Lane, vocab: CompiledVocabulary, judge?: Judge, alone = false): BenefitPhrase[] {
  if (lane.placeholder) return [];
  // A result line with no lane of the service beside it ("**Outcome**:" under a numbered example) sums up; it promises nothing.
  if (lane.kind === 'benefit' && lane.gainOnly && alone) return [];
  // A result lane (Outcome, Output, Value) is a promise only where its content states a customer gain.
  if (lane.kind === 'benefit' && lane.gainOnly) {
    const found = benefitsIn(lane.content, 'benefit', vocab, judge);
    if (found.length || !speaksOfCustomer(lane.content.text)) return found;
    return [{ text: lane.content.text, span: lane.contentSpan, entry: 'result lane about the customer', source: 'benefit', why: 'a result lane that speaks of the customer' }];
  }
  if (lane.kind === 'benefit') {
    return [{ text: lane.content.text, span: lane.contentSpan, entry: 'benefit lane', source: 'benefit', why: 'a non-empty benefit lane' }];
  }
  if (!BENEFIT_LANES.has(lane.kind)) return [];
  return benefitsIn(lane.content, lane.kind, vocab, judge);
}

const CUSTOMER_THING = /^(?:app|portal|login|log-in|account|website|site|phone|device|connector|integration|profile)s?$/i;

/**
 * A support lane that is one noun phrase held by the customer ("Rider app (photo upload screen)", "Shipper's own portal
 * login and ERP connector"): the customer's tool, which gives the employee nothing. `customers` names the step's
 * customer lanes, whoever they are in this document.
 */
function customersOwnTool(text: string, customers: readonly string[]): boolean {
  const bare = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const isCustomer = (word: string) => CUSTOMER_WORD.test(word) || customers.some((c) => c.toLowerCase() === word || c.toLowerCase() === word.replace(/s$/, ''));
  // One thing the lane's note says the customer uses or opens ("Zone lookup map (residents use it themselves)").
  // ("Quote widget on the website (that the parents use)")
  const note = /\((?:(?:that|which)\s+)?(?:the\s+)?([\p{L}'-]+)\s+(?:use|uses|open|opens|fill|fills|do|does|run|runs)(?:\s+(?:it|them|this)\b[^)]*|\s*)\)/iu.exec(text.replace(/\s+/g, ' '));
  if (note && isCustomer(note[1]!.toLowerCase()) && !/[;!?\n]|\.\s/.test(bare.replace(/\.$/, '')) && bare.split(/\s+/).length <= 8) return true;
  // the customer using their own thing ("players use their own phones if they want the photos")
  // (or doing anything with their own thing: "The client books through the portal on their own device"; "on your own" with
  // no thing after it is alone: "you can match up to £200 on your own without ringing me")
  // (or doing it themselves: "parents reschedule from the parent app themselves", "at present the client carries the
  // papers themselves")
  const uses =
    /^(?:(?:at\s+present|currently|now|for\s+now|in\s+practice|so|and|but|instead)\s*,?\s+)?(?:the\s+)?([\p{L}-]+)\s+(?:(?:use|uses|bring|brings|need|needs)\s+(?:their|his|her|your)\s+own\b|(?:(?:usually|often|always|sometimes|normally|generally|mostly|just)\s+)?[\p{L}-]+\b[^.;!?]{0,90}\b(?:their|his|her|your)\s+own\b(?=\s+\p{L})(?!\s+(?:without|and|but|if|when|or|up|to|for|with|as|so)\b)|[\p{L}-]+\b[^.;!?]{0,60}\b(?:themselves|himself|herself|yourself)\b)/iu.exec(
      bare,
    );
  if (uses && isCustomer(uses[1]!.toLowerCase())) return true;
  // what the customer must have or bring is theirs ("the member must have an M-Pesa line registered")
  const must = /^(?:the\s+)?([\p{L}-]+)\s+(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:have|bring|own|register|hold)\b/iu.exec(bare);
  if (must && isCustomer(must[1]!.toLowerCase())) return true;
  // "Her own phone, for the photo": a pronoun's own thing opening the support lane is the customer's, not staff's
  if (/^(?:her|his|their|your)\s+own\s/i.test(bare) && !/[;.!?\n]/.test(bare.replace(/\.$/, ''))) return true;
  if (/[;.!?\n]/.test(bare.replace(/\.$/, '')) || bare.split(/\s+/).length > 12) return false;
  // one thing its note says faces the customer ("Calendly page (member-facing)"): the customer uses it, not staff
  const facing = /\(\s*([\p{L}-]+)[- ](?:facing|side)\s*\)/iu.exec(text);
  if (facing && (isCustomer(facing[1]!.toLowerCase()) || /^public$/i.test(facing[1]!)) && bare.split(/\s+/).length <= 6) return true;
  // (a plural possessive is written with the apostrophe alone: "the guests' own mobiles")
  const m = /^(?:the\s+|a\s+)?([\w-]+)(?:['’]s?)?\s+(?:own\s+)?((?:[\w-]+\s+){0,3}[\w-]+)\b/i.exec(bare);
  if (!m) return false;
  // the thing may come after a brand or a modifier: "the patient's own NHS App", "Rider mobile app"; whatever is
  // called the customer's own is theirs ("the customer's own photos")
  const own = /^(?:the\s+|a\s+)?[\w-]+['’]s?\s+own\s/i.test(bare);
  // "Her own phone, for the photo": a pronoun's own thing in the support lane is the customer's, not staff's
  // "Referral codes live in the user's app": what lives in the customer's app or phone is in their hands
  // (or named for them: "the onboarding flow in the client app")
  const held = /\b(?:in|on|from|via|through)\s+(?:the\s+)?([\w-]+)(?:['’]s?)?\s+(?:own\s+)?([\w-]+)\b/i.exec(bare);
  if (held && isCustomer(held[1]!.toLowerCase()) && CUSTOMER_THING.test(held[2]!) && !/\b(?:staff|team|agent|we|our)\b/i.test(bare)) return true;
  // ...written with "of" ("the app on the phone of the family")
  const heldOf = /\b(?:in|on|from|via|through)\s+(?:the\s+)?([\w-]+)\s+of\s+(?:the\s+|their\s+)?([\w-]+)\b/i.exec(bare);
  if (heldOf && CUSTOMER_THING.test(heldOf[1]!) && isCustomer(heldOf[2]!.toLowerCase()) && !/\b(?:staff|team|agent|we|our)\b/i.test(bare)) return true;
  // (a thing the customer's possessive opens is theirs whatever it is: "cust's outside tap + hose")
  const possessive = /^(?:the\s+|a\s+)?[\w-]+['’]s?\s/i.test(bare) && /^(?:the\s+|a\s+)?[\w-]+['’]/.test(bare);
  return isCustomer(m[1]!.toLowerCase()) && (own || possessive || m[2]!.split(/\s+/).some((w) => CUSTOMER_THING.test(w)));
}

/**
 * A support lane that only says whose approval the employee must get ("Any payment plan needs approval from the income
 * team first.", "Discounts: ask the practice manager."): a requirement on the employee, not a resource, tool or authority.
 */
const APPROVAL_NEEDED =
  /^(?:[\w -]{1,30}:\s*)?(?:(?:any|every|all|each|the|a|an)?\s*[\w' -]{1,40}?\s+)?(?:needs?|requires?|must\s+(?:get|have|seek|be)|has\s+to\s+(?:get|be)|have\s+to\s+(?:get|be)|subject\s+to|ask|check\s+with|refer\s+(?:it\s+)?to)\b[^.;!?]{0,60}?\b(?:approv\w*|sign(?:ed)?[- ]?off|signature|countersign\w*|ok|okay|authori[sz]\w*|consent|say[- ]so|manager|supervisor|lead|director|head)\b[^.;!?]*[.!]?$/i;

function approvalOnly(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return APPROVAL_NEEDED.test(t) || SUPERIOR_ONLY.test(t) || YES_FIRST.test(t);
}

// "Has to come to me (Jade) first, every refund", "the team leader approves each advice visit, case by case", "Reversion
// requires Team Manager sign-off for each case", "every discount code needs my OK", "the GM signs every cheque himself":
// one person's yes for every case.
const EACH_TIME =
  /\b(?:approves?|approval|signs?(?:\s+off)?|sign-?off|ok|okay|oks|okays|say-?so|authori[sz]es|authori[sz]ation|decides?)\b[^.;!?]{0,40}?\b(?:(?:for|on)\s+)?(?:each|every)(?:\s+and\s+every)?\s+[\w-]+|\b(?:each|every)\s+(?:and\s+every\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:needs?|requires?|has\s+to\s+(?:get|have|go\s+through))\s+[^.;!?]{0,30}?\b(?:ok|okay|approval|sign-?off|say-?so|yes)\b|\bcase[- ]by[- ]case\b|\b(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:sign|approve|authori[sz]e|ok|okay|countersign)\s+(?:off\s+)?(?:each|every)\b|\b(?:must|has\s+to|needs?\s+to)\s+(?:write|apply|go)\s+to\s+(?:the\s+)?[\w -]{1,30}?\b(?:manager|director|head|lead|dean|supervisor|officer)\b|\bonly\s+(?:given|granted|allowed|possible|done)\s+(?:when|if|after|once)\s+[^.;!?]{1,40}?\b(?:signs?|approves?|agrees?|says?\s+yes|okays?)\b|\b(?:given|granted|allowed|done)\s+only\s+(?:when|if|after|once)\s+[^.;!?]{1,40}?\b(?:signs?|approves?|agrees?|says?\s+yes|okays?)\b|\b(?:each|every)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:needs?\s+to\s+be|must\s+be|has\s+to\s+be|is)\s+(?:individually\s+|separately\s+)?(?:signed|approved|authori[sz]ed|okayed)\b|\b(?:each|every)\s+(?:free\s+)?[\w-]+\s+(?:goes|go|is\s+sent|are\s+sent|has\s+to\s+go)\s+to\s+(?:the\s+)?[\w-]+\b|\b(?:individually|separately|personally)\s+(?:approved|signed\s+off|authori[sz]ed)\b|\bdepends?\s+on\s+[^.;!?]{1,40}?\s+(?:agreeing|saying\s+yes|approving|signing\s+(?:it\s+)?off)\b|\bonly\s+(?:by|with|through)\s+(?:the\s+)?[\w -]{2,30}?,?\s+(?:each|every)\s+(?:case|time)\b|\b(?:approved|signed\s+off|authori[sz]ed|okayed|ok['’]d|decided)\s+(?:separately|individually|one\s+by\s+one|each\s+time|every\s+(?:single\s+)?time)\b|\b(?:has|have|must|needs?)\s+to\s+(?:come|go|be\s+run)\s+(?:to|through|past|by)\s+[^.;!?]{1,30}?\s+first\b/i;
// (staff's own power to approve is their authority: "each tech can approve a redo")
// (not one named other's: "only Karin can approve"; nor a passive: "before it may be signed")
const OWN_POWER =
  /(?<!\bonly\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+|\b(?:none\s+of\s+(?:us|them)|nobody|no\s+one|no-one)\s+)\b(?:can|may|allowed\s+to|able\s+to|free\s+to)\s+(?:(?!be\b)[\w-]+\s+){0,2}(?:approve|sign|ok|okay|authori[sz]e|decide|say\s+yes|refund|give|agree)/i;
// "accounts is processing": a team at work beside the gate is the acting employee
const ACTING = /^[\w' -]{1,30}\s+(?:is|are)\s+(?:processing|handling|doing)(?:\s+(?:it|them))?$|^(?:the\s+)?[\w-]+(?:\s+(?:team|desk|office|officer))?\s+[a-z]+s\s+(?:the|it|them)\b[^,;]{0,40}$/i;

/**
 * A support lane whose every clause is an approval someone else gives for each case, a team at work, or a thing said to
 * be missing, and that gives staff no power of their own (a limit above which someone else must say yes each time is
 * still a gate: "any discount above 5% requires GM approval for each quote"): whatever role it names.
 */
function gateOnly(flat: string): boolean {
  if (!EACH_TIME.test(flat) || OWN_POWER.test(flat)) return false;
  const clauses = flat
    .split(/[.;]\s+|[.;]$/)
    .map((c) => c.trim())
    .filter(Boolean);
  return clauses.every((c) => EACH_TIME.test(c) || approvalOnly(c) || ACTING.test(c) || missingThingSentences(c).length > 0);
}

/**
 * "Anne has to say yes first", "Posting is only once the office has OK'd it", "ring me first": someone else's yes comes
 * before the act.
 */
const YES_FIRST =
  /^[^.;!?]{0,60}?\b(?:(?:ring|call|phone|text|ask|check\s+with|run\s+it\s+(?:by|past))\s+(?:me|us|the\s+[\w-]+(?:\s+[\w-]+)?|[\w-]+)\s+first\b|(?:has|have|must|needs?)\s+(?:to\s+)?(?:say\s+(?:yes|ok(?:ay)?)|ok(?:ay)?|approve|sign\s+(?:it\s+|them\s+)?off|agree)\b|only\s+(?:once|after|when|if)\s+[^.;!?]{1,40}?\s+(?:(?:has|have)\s+(?:ok['’]?e?d|okayed|approved|signed\s+(?:it\s+|them\s+)?off|agreed|said\s+yes)|(?:ok['’]?s|okays|approves|signs\s+(?:it\s+|them\s+)?off|agrees|says\s+yes))\b)[^.;!?]*[.!]?$/i;

/** "Refunds: owner only.", "Refund authority: general manager only": the power is a superior's, not the employee's. */
// ("Only Ken": one named person's power, not the employee's)
const SUPERIOR_ONLY =
  /^(?:[\w' -]{1,40}:\s*)?(?:the\s+)?(?:[\w-]+\s+){0,2}(?:owner|manager|gm|director|head(?: of [\w ]{1,30})?|supervisor|partner|principal)s?\s+only[.!]?$|^only\s+(?:the\s+)?(?:[A-Z][\w'-]+|owner|manager|director|boss)[.!]?$/i;

/** "As above.", "as step 4", "Same as S.No. 2.", "See step 3", "Ditto": a lane that only points elsewhere names nothing of its own. */
const REFERENCE_ONLY =
  /^(?:(?:as|like)\s+(?:per\s+|in\s+|for\s+)?(?:step|row|stage|item|no\.?|s\.?\s?no\.?|#)\s*[\w.]{1,6}|as\s+(?:in\s+)?["\u201c]?\p{Lu}[\p{L}-]*["\u201d]?(?:\s+in)?|(?:the\s+)?same\s+as\s+(?:above|before|(?:the\s+)?(?:previous|last|first)(?:\s+[\p{L}]+)?|(?:step|row|stage|item|no\.?|s\.?\s?no\.?|#)\s*[\w.]{1,6}|for\s+[^.;!?]{1,40})|as\s+(?:per\s+)?(?:above|before)|see\s+(?:above|below|(?:step|row|stage|item|no\.?|s\.?\s?no\.?|#)\s*[\w.]{1,6})|ditto|do\.|〃|"|'')\.?$/iu;

/**
 * A support lane that says nothing is in place: it opens with nothing / nil / nobody / whoever's on / "we'll see how we get
 * on" / someone's goodwill / not observed / not yet, or names a gap
 * or a plan ("Capability gap: ...", "Roadmap item (Q3): ...", "template is not existing yet", "nothing set aside").
 */
const NOTHING_IN_PLACE =
  /^(?:(?:nothing|nobody|no one|none|nil|n\/a|nessuno|niente|nulla|nada|nadie|ninguno|rien|aucun|nichts|niemand|keine?|geen|niets|ingen|inget|(?:sure\s+look,?\s+)?we['’]ll\s+(?:just\s+)?see\s+how\s+(?:we|it)\s+(?:get|gets|go|goes)|fingers\s+crossed|(?:the\s+)?(?:[\w'’-]+\s+){0,2}good\s?will\b|who(?:ever|soever)(?:(?:\s+(?:is|happens\s+to\s+be)|['’]s)\s+(?:on|around|about|free|in|at|there|available|nearby)|\s+(?:served|serves|took|takes|answered|answers|picked\s+up|picks\s+up|pick(?:s|ed)?\s+(?:it|them)\s+up|gets?\s+to\s+(?:it|them)|booked|sold|dealt\s+with|deals\s+with|handled|handles)\b)\b|not\s+(?:observed|seen|yet|known|in place|available|provided|defined|decided))\b|[^.;]{0,60}\b(?:gap|roadmap|not\s+(?:yet\s+)?(?:in place|built|live|existing|available)|is not existing|does ?n[o’']t exist|nothing (?:is )?set aside|nothing in place)\b)/i;

function nothingInPlace(text: string): boolean {
  return NOTHING_IN_PLACE.test(text.replace(/\s+/g, ' ').trim());
}

/** "The manager expects 90% of calls made in 48 hours (monthly audit).": one sentence stating a share to hit. */
const TARGET_ONLY = /^[^.;!?]{0,80}\b(?:expects?|targets?|aims?\s+for|must\s+(?:hit|reach|achieve)|(?:is|are)\s+(?:measured|audited)\s+on|kpi)\b[^.;!?]{0,80}\d+(?:\.\d+)?\s?%[^.;!?]*[.!]?$/i;

/**
 * Support still to be settled: the lane opens with "To be confirmed" / "TBC", or its one sentence ends saying so
 * ("Static rig availability to be confirmed.", "Allergy matrix, to be confirmed with the kitchen").
 */
const PENDING = /^(?:to be (?:confirmed|agreed|decided)|tb[acd])\b|(?:^|[\s,;:(\u2013\u2014-])(?:still\s+)?(?:to be (?:confirmed|agreed|decided)|tb[acd])(?:\s+(?:with|by)\s[^.;!?]*)?[.)]?$/i;

/**
 * A support cell that is only a status or an admission ("Planned", "Requested", "Ad hoc", "Best efforts", "Personal
 * mobile", "Manager approval required", "✗ none"): it says what is not there, not what staff have.
 */
const STATUS_ONLY =
  /^(?:[\u2717\u2718\u274c\u26d4\u{1F6AB}]\s*)?(?:no|nope|none\b[^.;!?]{0,30}|ad[ -]?hoc|informal(?:ly)?|manual(?:ly|\s+workaround)|(?:a\s+)?workaround|best[ -]efforts?|good intentions|hope|word of mouth|planned|on the roadmap|wish ?list|needed|missing|requested|proposed|suggested|under review|in discussion|on the (?:wish ?)?list(?:\s+for\s+[\w ]{1,20})?|pending(?:\s+[\w ]{1,20})?|awaiting(?:\s+[\w ]{1,20})?|asked for(?:\s+[\w ]{1,20})?|depends (?:on )?who(?:['\u2019]s| is)? (?:in|on|around)|relies on [\w'\u2019 ]{1,20} remembering|(?:personal|own|their own|my own) (?:mobiles?|phones?|cars?|vans?|laptops?)|(?:the\s+)?(?:manager|supervisor|owner|director)(?:['\u2019]s)? (?:approval|sign[- ]?off|ok)(?: (?:required|needed))?|needs? (?:sign[- ]?off|approval|(?:a |the )?manager))[.!]?$/iu;

function stillPending(text: string): boolean {
  const t = text.trim();
  return PENDING.test(t) && !/[.;!?]\s+\S/.test(t.replace(/^to be (?:confirmed|agreed|decided)\b[^.;!?]*/i, ''));
}

function laneSupports(lane: Lane, vocab: CompiledVocabulary, judge?: Judge, customers: readonly string[] = []): SupportPhrase[] {
  if (lane.placeholder || !SUPPORT_LANES.has(lane.kind)) return [];
  // icons that open a lane's text ("🟩 nothing yet") say nothing of what it holds, nor does a Reddit spoiler's
  // ">!...!<" around it
  const said = withoutLeadingIcons(lane.content.text)
    .replace(/^>!\s*/, '')
    .replace(/\s*!<\s*$/, '');
  if (lane.kind === 'support' && stillPending(said)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'still to be confirmed (the support lane names nothing settled yet)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && STATUS_ONLY.test(said.replace(/\s+/g, ' ').trim())) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'a status, not a means (the support lane says it is planned, asked for, makeshift or missing)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && customersOwnTool(said, customers)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', "customer's own tool (the support lane names what the customer holds)", lane.kind);
    return [];
  }
  // (the lane's text on one line, as the whole-lane patterns below read it; "Dr. Ferri" ends no clause)
  const flat = withoutAbbreviationStops(said.replace(/\s+/g, ' ').trim());
  if (lane.kind === 'support' && REFERENCE_ONLY.test(flat)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'only points to another step (the support lane names nothing for this one)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && gateOnly(flat)) {
    reject(
      judge,
      lane.content,
      0,
      lane.content.text.length,
      'support',
      "someone else's yes every time (the support lane names an approval the employee must get for each case, no authority of theirs)",
      lane.kind,
    );
    return [];
  }
  // A support lane counts whatever it says: the language layer has nothing to add there.
  const named = supportsIn(lane.content, lane.kind, vocab, lane.kind === 'support' ? undefined : judge);
  // what a sentence of a lane says is missing is not there, though the sentence names it
  // (in any lane: "the crew ask the warehouse if there's a toolkit free" names a toolkit nobody can count on)
  const missing = lane.kind === 'support' || named.length > 0 ? missingThingSentences(lane.content.text, lane.kind === 'support') : [];
  // (beside a sentence saying a thing is missing, a support lane's sentence that the customer does it themselves names
  // nothing staff have: "... suspended since March; at present the client carries the papers to the embassy themselves")
  const sentences = sentencesOf(lane.content.text);
  if (lane.kind === 'support' && missing.length > 0) {
    for (const m of sentences) if (customersOwnTool(m[0], customers) && !missing.some(([a]) => a === m.index)) missing.push([m.index!, m.index! + m[0].length]);
  }
  const found = !missing.length
    ? named
    : named.filter((f) => {
        const at = lane.content.offsets.findIndex((o) => o >= f.span.start);
        const inMissing = missing.find(([a, b]) => at >= a && at < b);
        if (inMissing) reject(judge, lane.content, at, at + f.text.length, 'support', 'not there (its sentence says it is missing or not built yet)', lane.kind);
        return !inMissing;
      });
  // (a lane whose every named support is said to be missing, or every sentence says its thing is, names nothing there)
  const allMissing = missing.length > 0 && missing.length >= sentences.length;
  // What a support lane says happens automatically a system does for staff ("..., but the £25 comes off automatically").
  if (lane.kind === 'support' && found.length === 0 && !allMissing) {
    const auto = [...lane.content.text.matchAll(/\bautomatic(?:ally)?\b/gi)].find((m) => !missing.some(([a, b]) => m.index! >= a && m.index! < b));
    if (auto) {
      const start = lane.content.offsets[auto.index!]!;
      return [{ text: auto[0], span: { start, end: start + auto[0].length }, entry: 'automatically', source: 'support', kind: 'tool', why: 'done automatically (a system does it)' }];
    }
  }
  if (lane.kind === 'support' && found.length === 0 && (nothingInPlace(said) || named.length > 0 || allMissing)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'nothing in place (the support lane says what is missing or planned)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && found.length === 0 && TARGET_ONLY.test(flat)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'a target, not a means (the support lane only says what is expected or audited)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && found.length === 0 && approvalOnly(said)) {
    reject(judge, lane.content, 0, lane.content.text.length, 'support', 'an approval the employee must get, not their authority (the support lane names only whose OK is needed)', lane.kind);
    return [];
  }
  if (lane.kind === 'support' && found.length === 0) {
    return [{ text: lane.content.text, span: lane.contentSpan, entry: 'support lane', source: 'support', kind: kindOfSupportLabel(lane.label), why: 'a non-empty support lane' }];
  }
  return found;
}

/**
 * A bare "Owner" lane written first, before staff lanes, in a step with no customer lane is the customer who owns the
 * pet, home or car ("Owner: books online"); elsewhere "Owner" is who owns the task, a column of the process.
 */
function ownerFirst(lanes: readonly Lane[]): readonly Lane[] {
  const first = lanes[0];
  if (!first || first.kind !== 'other' || !/^owners?$/i.test(first.label.trim())) return lanes;
  if (lanes.some((l) => l.kind === 'customer') || !lanes.some((l) => l.kind === 'frontstage' || l.kind === 'backstage')) return lanes;
  return [{ ...first, kind: 'customer', basis: 'position' }, ...lanes.slice(1)];
}

export function analyseStep(input: RawStep, vocab: CompiledVocabulary): Step {
  const lanes = ownerFirst(input.lanes);
  const raw = lanes === input.lanes ? input : { ...input, lanes: [...lanes] };
  const benefits: BenefitPhrase[] = [];
  const supports: SupportPhrase[] = [];
  const judge: Judge = { rejected: [], language: true };
  const alone = !raw.lanes.some((l) => l.kind !== 'other' && l.kind !== 'benefit');
  for (const lane of raw.lanes) benefits.push(...laneBenefits(lane, vocab, judge, alone));
  for (const p of raw.prose) benefits.push(...benefitsIn(p, 'prose', vocab, judge));
  // Support is judged by the language layer only where there is a promise to back (it reads every lane otherwise).
  const supportJudge: Judge = { rejected: judge.rejected, language: benefits.length > 0 };
  const customers = raw.lanes.filter((l) => l.kind === 'customer').flatMap((l) => normaliseLabel(l.label).split(' '));
  for (const lane of raw.lanes) supports.push(...laneSupports(lane, vocab, supportJudge, customers));
  for (const p of raw.prose) {
    for (const s of sentenceSpans(p.text)) {
      const text = p.text.slice(s.start, s.end);
      if (sentenceSubject(text, vocab) === 'customer') continue;
      supports.push(...supportsIn(sub(p, s.start, s.end), 'prose', vocab, supportJudge));
    }
  }
  benefits.sort((a, b) => a.span.start - b.span.start);
  supports.sort((a, b) => a.span.start - b.span.start);
  const step: Step = { ...raw, benefits, supports };
  if (judge.rejected.length) step.rejected = judge.rejected.sort((a, b) => a.span.start - b.span.start);
  return step;
}

export { LANE_SIDE };
