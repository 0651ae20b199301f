// Shared helpers for the rule pack: rule lexicons as data files, phrase hits in a step's text units, and fixes.
import { isNegated } from '../blueprint/analyse.js';
import type { TextUnit } from '../document/textUnits.js';
import { normaliseLabel } from '../blueprint/lanes.js';
import type { FixIntent, FixProposal, Lane, Span, Step } from '../types.js';
import { PhraseMatcher, type CompiledVocabulary, type PhraseHit } from './vocabulary.js';
import { spanOf } from '../blueprint/sourceText.js';
import { customerActs, eventVeto, findsOf, keptBySoftware, langText, languageLayerEnabled, mayVetoBenefit, negationVeto, type Found, type LangText } from '../language/index.js';

export { loadRuleVocabulary } from './vocabulary.js';

export type { TextUnit } from '../document/textUnits.js';

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
