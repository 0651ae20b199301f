// Shared helpers for the rule pack: rule lexicons as data files, a step's text units by side, phrase hits and fixes.
import { isNegated, sentenceSubject, type Subject } from '../blueprint/analyse.js';
import { normaliseLabel } from '../blueprint/lanes.js';
import { sliceText } from '../blueprint/sourceText.js';
import type { FixIntent, FixProposal, Lane, LaneKind, SourceText, Span, Step } from '../types.js';
import { PhraseMatcher, type CompiledVocabulary, type PhraseHit } from './vocabulary.js';
import { spanOf } from '../blueprint/sourceText.js';
import { customerActs, eventVeto, findsOf, keptBySoftware, langText, languageLayerEnabled, mayVetoBenefit, negationVeto, type Found, type LangText } from '../language/index.js';

export { loadRuleVocabulary } from './vocabulary.js';

/** A piece of a step's text: one non-placeholder lane, or one prose sentence with its grammatical subject. */
export interface TextUnit {
  text: SourceText;
  source: LaneKind | 'prose';
  lane?: Lane;
  /** Subject of a prose sentence; lanes have none. */
  subject?: Subject;
}

export const EMPLOYEE_LANES: ReadonlySet<LaneKind> = new Set(['frontstage', 'backstage', 'support']);
export const CUSTOMER_LANES: ReadonlySet<LaneKind> = new Set(['customer', 'evidence']);

/** Sentences and ":"/";" clauses of prose; a soft line break inside a sentence does not end it ("up to\n$500"). */
export function proseSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /(?:[^.!?;:]|[.!?:](?!\s|$))+(?:[.!?;:]+(?=\s|$)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    if (!m[0].trim()) continue;
    const seg = { start: m.index + lead, end: m.index + m[0].trimEnd().length };
    const prev = out[out.length - 1];
    // A colon that opens a list ("logged with: name, room, compensation offered") keeps the list in its sentence, and a
    // short label keeps its value ("Website information: 24/7 availability"): the label says what the value is about.
    const opensList = (text.slice(seg.start, seg.end).match(/,/g)?.length ?? 0) >= 2;
    const head = prev ? text.slice(prev.start, prev.end - 1) : '';
    const label = head.trim().split(/\s+/).length <= 4 && !/[.!?;]/.test(head);
    if (prev && text[prev.end - 1] === ':' && (opensList || label)) prev.end = seg.end;
    else out.push(seg);
  }
  return out;
}

/** Every non-placeholder lane and every prose sentence of a step, in document order. */
export function stepUnits(step: Step, vocab: CompiledVocabulary): TextUnit[] {
  const units: TextUnit[] = [];
  for (const lane of step.lanes) if (!lane.placeholder) units.push({ text: lane.content, source: lane.kind, lane });
  for (const p of step.prose) {
    for (const s of proseSentences(p.text)) {
      units.push({ text: sliceText(p, s.start, s.end), source: 'prose', subject: sentenceSubject(p.text.slice(s.start, s.end), vocab) });
    }
  }
  return units.sort((a, b) => (a.text.offsets[0] ?? 0) - (b.text.offsets[0] ?? 0));
}

/** Employee side: frontstage, backstage and support lanes, other lanes (policies, roles), and prose not about the customer. */
export function isEmployeeSide(unit: TextUnit): boolean {
  if (unit.source === 'prose') return unit.subject !== 'customer';
  return EMPLOYEE_LANES.has(unit.source) || unit.source === 'other';
}

export interface RuleHit {
  text: string;
  span: Span;
  entry: string;
  unit: TextUnit;
}

interface FindOptions {
  traps?: PhraseMatcher;
  keepNegated?: boolean;
  /**
   * Read the hits as events of the step (conflict, decision): the language layer also drops a word negated as one
   * item of a negated list, used as a label, a field's value or a category ("complaint type", "claim status:
   * disputed"), and, with `employeeActs`, one whose clause has the customer as its subject.
   */
  events?: boolean;
  employeeActs?: boolean;
  /** Read the hits as a burden on staff: software's speed or availability ("website: 24/7") burdens no one. */
  staffBurden?: boolean;
}

/** Phrases of `matcher` in a unit, minus hits inside `traps` and (unless `keepNegated`) negated ones. */
export function findIn(unit: TextUnit, matcher: PhraseMatcher, vocab: CompiledVocabulary, opts: FindOptions = {}): RuleHit[] {
  const hits = matcher.find(unit.text.text);
  if (!hits.length) return [];
  const traps = opts.traps ? opts.traps.find(unit.text.text) : [];
  const kept = hits.filter((h) => !traps.some((t) => t.start <= h.start && h.end <= t.end)).filter((h) => opts.keepNegated || !isNegated(unit.text.text, h, vocab));
  // The language layer's clause-level negation ("refunds are not given for ...", "can't be waived", "non-refundable")
  const read = !opts.keepNegated && kept.length && languageLayerEnabled() && (opts.events || opts.staffBurden || mayVetoBenefit(unit.text.text));
  const lt = read ? langText(unit.text.text, vocab.roles) : null;
  const veto = (l: LangText, h: PhraseHit) =>
    opts.events
      ? (eventVeto(l, h.start, h.end) ?? (opts.employeeActs ? customerActsIn(l, h) : null))
      : (negationVeto(l, h.start, h.end) ?? (opts.staffBurden ? keptBySoftware(l, h.start, h.end) : null));
  return (lt ? kept.filter((h) => !veto(lt, h)) : kept).map((h: PhraseHit) => ({ text: h.text, span: spanOf(unit.text, h.start, h.end), entry: h.entry.phrase, unit }));
}

function customerActsIn(lt: LangText, h: PhraseHit): string | null {
  return customerActs(lt, h.start, h.end);
}

/** Hits of `matcher` across units, in document order. */
export function findAll(units: readonly TextUnit[], matcher: PhraseMatcher, vocab: CompiledVocabulary, opts: FindOptions = {}): RuleHit[] {
  return units.flatMap((u) => findIn(u, matcher, vocab, opts)).sort((a, b) => a.span.start - b.span.start);
}

/** What rules of language (`patterns`, from ../language) find in units, as hits. */
export function languageFinds(units: readonly TextUnit[], vocab: CompiledVocabulary, ...patterns: Array<(lt: LangText) => Found[]>): RuleHit[] {
  if (!languageLayerEnabled()) return [];
  const out: RuleHit[] = [];
  for (const u of units) {
    const lt = langText(u.text.text, vocab.roles);
    if (!lt) continue;
    for (const p of patterns) for (const f of findsOf(lt, p)) out.push({ text: u.text.text.slice(f.start, f.end), span: spanOf(u.text, f.start, f.end), entry: f.rule, unit: u });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A heading-delimited section of the document: its heading's text and the whole section (heading line included). */
export interface Section {
  heading: string;
  start: number;
  end: number;
  /** The section's text, heading line included. */
  readonly body: string;
  /** The section's text as one unit (read as the employee side: a policy or role section); built when first read. */
  readonly unit: TextUnit;
}

type SectionBounds = Pick<Section, 'heading' | 'start' | 'end'>;

/** The latest document's sections: each lint asks once per rule with document facts. */
let lastBounds: { text: string; bounds: SectionBounds[] } | undefined;

/** The document's sections, one per ATX heading (up to the next heading of any level), outside code fences. */
function sectionBounds(text: string): SectionBounds[] {
  if (lastBounds?.text === text) return lastBounds.bounds;
  const heads: Array<{ at: number; heading: string }> = [];
  let fence = false;
  const line = (at: number, end: number) => {
    const l = text.slice(at, end);
    if (/^\s{0,3}(```|~~~)/.test(l)) fence = !fence;
    else if (!fence) {
      const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
      if (h) heads.push({ at, heading: h[1]! });
    }
  };
  if (/[\r\u2028\u2029]/.test(text)) {
    // other line ends: every line, as a multiline expression splits them
    const re = /^.*$/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      line(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  } else {
    for (let at = 0; at <= text.length;) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      // only a line with "#", "`", "~" or a non-ASCII space in its first four characters can open a heading or fence
      for (let i = at; i < end && i < at + 4; i++) {
        const c = text.charCodeAt(i);
        if (c === 35 || c === 96 || c === 126 || c > 127) {
          line(at, end);
          break;
        }
      }
      if (nl < 0) break;
      at = nl + 1;
    }
  }
  const bounds = heads.map((h, k) => ({ heading: h.heading, start: h.at, end: k + 1 < heads.length ? heads[k + 1]!.at : text.length }));
  lastBounds = { text, bounds };
  return bounds;
}

/** A section's text as one unit; built only for the sections a rule reads (an offsets array per character). */
function sectionUnit(text: string, b: SectionBounds): TextUnit {
  const body = text.slice(b.start, b.end);
  const offsets = Array.from({ length: body.length + 1 }, (_, i) => b.start + i);
  return { text: { text: body, offsets }, source: 'other' };
}

/**
 * Sections that state policy for the whole document: those whose heading names it (`headings`, e.g. "Empowerment
 * levels", "When to escalate") and, with `outsideSteps`, those that hold no step (a policy table, a role section).
 */
export function policySections(text: string, steps: readonly Step[], headings: PhraseMatcher, opts: { outsideSteps: boolean }): Section[] {
  const holdsStep = opts.outsideSteps ? overlapsAny(steps.map((st) => st.span)) : () => true;
  return (
    sectionBounds(text)
      // a section that holds no step is taken without matching its heading
      .filter((s) => !holdsStep(s) || headings.find(s.heading).length > 0)
      .map((b) => {
        let unit: TextUnit | undefined;
        // the unit's offsets (one per character) are built only for a section a rule reads, not one it remembered
        return {
          ...b,
          body: text.slice(b.start, b.end),
          get unit() {
            return (unit ??= sectionUnit(text, b));
          },
        };
      })
  );
}

/** A test "does [start, end) overlap any of these spans", in log time: spans sorted by start with a running maximum end. */
function overlapsAny(spans: Span[]): (s: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const sp of sorted) maxEnd.push(Math.max(sp.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (s) => {
    // the last span starting before s.end; any overlap has start < s.end, so the running maximum end decides
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > s.start;
  };
}

/** Support phrases of the core vocabulary of one kind (resource, tool, authority, training, backing) in units. */
export function supportOfKind(units: readonly TextUnit[], vocab: CompiledVocabulary, kinds: readonly string[]): RuleHit[] {
  const out: RuleHit[] = [];
  for (const u of units) {
    const traps = vocab.notSupport.find(u.text.text);
    for (const h of vocab.support.find(u.text.text)) {
      if (!kinds.includes(h.entry.kind) || traps.some((t) => t.start <= h.start && h.end <= t.end)) continue;
      out.push({ text: h.text, span: spanOf(u.text, h.start, h.end), entry: h.entry.phrase, unit: u });
    }
  }
  return out;
}

export const PLACEHOLDER = 'TBD';

/** The lanes of the step whose label (normalised) is one of `labels`. */
export function lanesLabelled(step: Step, labels: readonly string[]): Lane[] {
  const wanted = new Set(labels.map(normaliseLabel));
  return step.lanes.filter((l) => wanted.has(normaliseLabel(l.label)));
}

/**
 * Adds a lane `label` holding `text` (TBD unless given; `snippet` in editors), or fills `placeholder` in place when
 * the step already has that lane empty. Undefined when the placeholder already says exactly that: nothing to do.
 */
export function laneFix(step: Step, opts: { title: string; kind: string; label: string; snippet: string; text?: string; placeholder?: Lane }): FixProposal | undefined {
  const text = opts.text ?? PLACEHOLDER;
  const snippet = opts.snippet;
  if (opts.placeholder && opts.placeholder.content.text.trim() === text) return undefined;
  const empty = opts.placeholder !== undefined && opts.placeholder.content.text.trim() === '';
  const table = step.shape === 'table-rows' || step.shape === 'table-columns';
  let intent: FixIntent;
  // A written placeholder (TBD, ?, —) is replaced in place; an empty table cell is filled (or a missing one added)
  // by the step's own insertion under the lane's label; an empty list or heading lane gets a new lane after the last.
  if (opts.placeholder && !empty) intent = { kind: 'replace', span: opts.placeholder.contentSpan, text, snippet };
  else intent = { kind: 'add-lane', site: step.insertion, label: opts.placeholder && table ? opts.placeholder.label : opts.label, content: text, snippet };
  return { title: opts.title, kind: opts.kind, safe: false, preferred: true, intent };
}

/** The fixes that exist, in order. */
export function fixes(...list: Array<FixProposal | undefined>): FixProposal[] {
  return list.filter((f): f is FixProposal => f !== undefined);
}

/** A lane's content for a message: "TBD", or "empty". */
export function shownContent(lane: Lane): string {
  const t = lane.content.text.replace(/\s+/g, ' ').trim();
  return t === '' ? 'empty' : `"${shortPhrase(t)}"`;
}

export function disableFix(step: Step, ruleId: string): FixProposal {
  return { title: `Disable ${ruleId} for this step`, kind: 'disable-step', safe: false, intent: { kind: 'disable-step', site: step.disableSite, ruleId } };
}

/** A phrase for a message: whitespace collapsed, cut at 60 characters. */
export function shortPhrase(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** The distinct phrases found, quoted, for a message: two at most, then "(and N more)". */
export function quotedPhrases(found: ReadonlyArray<{ text: string }>): string {
  const names = [...new Set(found.map((h) => `"${shortPhrase(h.text)}"`))];
  return names.length > 2 ? `${names.slice(0, 2).join(', ')} (and ${names.length - 2} more)` : names.join(' and ');
}
