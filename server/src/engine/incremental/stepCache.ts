// Per-document memo of step work (phrase analysis, step-scoped rules): a keystroke redoes only the steps it changed.
import { analyseStep } from '../blueprint/analyse.js';
import type { RawStep } from '../blueprint/build.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';
import type { PolicyRead } from '../document/policy.js';
import type { RuleReport, StepReport } from '../rule.js';
import { movedFixProposal } from '../intentEdits.js';
import { detached, Generations, movedSpan } from './memo.js';
import type { LineIndex } from '../text.js';
import { ReadingMemos } from './readingMemo.js';
import { TextMemos } from './textMemos.js';
import type { BenefitPhrase, RejectedPhrase, SourceText, Span, Step, SupportPhrase } from '../types.js';

interface Phrases {
  benefits: BenefitPhrase[];
  supports: SupportPhrase[];
  rejected?: RejectedPhrase[];
}

/** Phrases of one step with spans relative to the step's start (a step that only moved is a hit), and the last absolute copy. */
interface Analysis extends Phrases {
  last: Phrases & { base: number };
}

/** What a step rule made of one step: its reports and the document's answers it read to make them. */
export interface JudgedStep {
  reports: StepReport[];
  reads: readonly PolicyRead[];
}

/** A step rule's reports about one step, every offset relative to the step's start. */
interface StepReports {
  relative: StepReport[];
  /** The reports at the step's last position: reused as they are while the step does not move. */
  last: { base: number; reports: StepReport[] };
  /** The document's answers the reports depend on. */
  reads: readonly PolicyRead[];
}

/** What step rules reported about one step, per rule (with the options they ran with). */
interface StepEntry {
  reports: Map<string, { options: string; value: StepReports }>;
}

/** A step of the current lint and the memo entry of its key. */
export interface KeyedStep {
  step: Step;
  /** Filed under everything the step's model holds, relative to its start, plus the source lines around it (what fixes read). */
  entry: StepEntry;
}

/** The source a step's key read: [start, end) with the two flags, so a caller can tell whether it changed without hashing it. */
export interface KeyRange {
  start: number;
  end: number;
  endOfText: boolean;
}

/** What a caller may keep to look a step up again without hashing it (see `reuse`). */
export interface StepMemo {
  vocabulary: CompiledVocabulary;
  modelKey: string;
  key: string;
  analysis: Analysis;
  entry: StepEntry;
}

export class StepCache {
  private vocabulary: CompiledVocabulary | undefined;
  private analyses = new Generations<Analysis>();
  private steps = new Generations<StepEntry>();
  /** The document's language as last read: the text it read (`readTo` characters, or all of it) and the answer. */
  private language: { read: string; whole: boolean; language: string | undefined } | undefined;
  private eolOf: { lines: LineIndex; eol: string } | undefined;
  /** What the document reading (`document/reading.ts`) keeps for rules between lints: label candidates, phrase hits per section, policy answers. */
  readonly readings = new ReadingMemos();
  /** What the document's texts were read as (wink reads, lane labels), for the lints given this cache (`withTextMemos`). */
  readonly texts = new TextMemos();
  /** Memos other modules keep per cache (unitModel's whole units), committed with it so they hold one document version's worth. */
  private readonly attached: Array<{ commit(): void }> = [];
  /** Hits and misses since creation, for tests and the bench. */
  readonly stats = { analysisHits: 0, analysisMisses: 0, ruleHits: 0, ruleMisses: 0, unitHits: 0, unitMisses: 0 };

  /** The analysed step (benefits and supports), from the memo when its lanes and prose are unchanged. */
  analyse(raw: RawStep, vocabulary: CompiledVocabulary, text: string, lines: LineIndex): KeyedStep & { memo: StepMemo; range: KeyRange } {
    if (vocabulary !== this.vocabulary) {
      this.vocabulary = vocabulary;
      this.analyses = new Generations();
      this.steps = new Generations();
    }
    const base = raw.span.start;
    const modelKey = analysisKey(raw, base);
    let found = this.analyses.get(modelKey);
    if (found) {
      this.stats.analysisHits++;
      moveAnalysis(found, base);
    } else {
      this.stats.analysisMisses++;
      const step = analyseStep(raw, vocabulary);
      const last = { base, benefits: step.benefits, supports: step.supports, rejected: step.rejected };
      found = {
        benefits: step.benefits.map((b) => movedPhrase(b, -base)),
        supports: step.supports.map((s) => movedPhrase(s, -base)),
        rejected: step.rejected?.map((r) => movedPhrase(r, -base)),
        last,
      };
      this.analyses.set(modelKey, found);
    }
    if (this.eolOf?.lines !== lines) this.eolOf = { lines, eol: lines.eol };
    const step = withPhrases(raw, found.last);
    const range = keyRange(raw, text, lines);
    const key = `${modelKey}|${shapeKey(raw, base, text, range, this.eolOf.eol)}`;
    let entry = this.steps.get(key);
    if (!entry) this.steps.set(key, (entry = { reports: new Map() }));
    return { step, entry, memo: { vocabulary, modelKey, key, analysis: found, entry }, range };
  }

  /**
   * A step looked up again from a memo `analyse` returned, without hashing: for a caller that knows everything the key
   * read is unchanged (the step only moved) and keeps the memo itself (it is not kept in the memo: see `touch`).
   * Undefined when the vocabulary is not the memo's.
   */
  reuse(memo: StepMemo, raw: RawStep, vocabulary: CompiledVocabulary): KeyedStep | undefined {
    // A new vocabulary (config change) empties the memo: `analyse` starts it again.
    if (memo.vocabulary !== vocabulary || this.vocabulary !== vocabulary) return undefined;
    this.stats.analysisHits++;
    moveAnalysis(memo.analysis, raw.span.start);
    return { step: withPhrases(raw, memo.analysis.last), entry: memo.entry };
  }

  /** Keeps a memo's analysis and reports in the memo through the next commit, so `analyse` finds them by their keys. */
  touch(memo: StepMemo): void {
    if (memo.vocabulary !== this.vocabulary) return;
    this.analyses.set(memo.modelKey, memo.analysis);
    this.steps.set(memo.key, memo.entry);
  }

  /**
   * A step rule's reports on every step, in document order: from the memo for a step judged before under the same
   * options whose answers (`reads`) the document still gives (`holds`), from `judge` for the others.
   */
  ruleReports(ruleId: string, options: Record<string, unknown>, steps: readonly KeyedStep[], judge: (step: Step) => JudgedStep, holds: (reads: readonly PolicyRead[]) => boolean): RuleReport[] {
    const optionsKey = JSON.stringify(options);
    const out: RuleReport[] = [];
    for (const s of steps) {
      const base = s.step.span.start;
      const memo = s.entry.reports.get(ruleId);
      let entry = memo && memo.options === optionsKey && holds(memo.value.reads) ? memo.value : undefined;
      if (entry) this.stats.ruleHits++;
      else {
        this.stats.ruleMisses++;
        const judged = judge(s.step);
        entry = { relative: judged.reports.map((r) => movedReport(r, -base)), last: { base, reports: judged.reports }, reads: judged.reads };
        s.entry.reports.set(ruleId, { options: optionsKey, value: entry });
      }
      // Most steps have nothing to report: nothing to move either.
      if (entry.relative.length === 0) continue;
      if (entry.last.base !== base) entry.last = { base, reports: entry.relative.map((r) => movedReport(r, base)) };
      for (const r of entry.last.reports) out.push({ message: r.message, span: r.span, fixes: r.fixes, data: r.data, step: s.step });
    }
    return out;
  }

  /**
   * The document's language (`languageSample` of blueprint/looksLike): from the latest reading when the text starts with
   * the part that reading read (a keystroke past the sample does not read it again), else read now.
   */
  documentLanguage(text: string, sample: (text: string) => { language: string | undefined; readTo: number }): string | undefined {
    const last = this.language;
    if (last && (last.whole ? text === last.read : text.startsWith(last.read))) return last.language;
    const { language, readTo } = sample(text);
    this.language = { read: detached(text.slice(0, readTo)), whole: readTo >= text.length, language };
    return language;
  }

  /** Keeps only what the latest lint used. */
  commit(): void {
    this.analyses.commit();
    this.steps.commit();
    this.readings.commit();
    this.texts.commit();
    for (const memo of this.attached) memo.commit();
  }

  /** Commits `memo` with this cache from now on; returns it. */
  attach<M extends { commit(): void }>(memo: M): M {
    this.attached.push(memo);
    return memo;
  }

  get size(): number {
    return this.analyses.size;
  }
}

/** The step with its phrases: every field written out (one object shape, faster than a spread of the raw step). */
function withPhrases(raw: RawStep, phrases: Phrases): Step {
  return {
    title: raw.title,
    titleSpan: raw.titleSpan,
    span: raw.span,
    shape: raw.shape,
    lanes: raw.lanes,
    prose: raw.prose,
    benefits: phrases.benefits,
    supports: phrases.supports,
    ...(phrases.rejected ? { rejected: phrases.rejected } : {}),
    group: raw.group,
    insertion: raw.insertion,
    disableSite: raw.disableSite,
  };
}

/** Keeps the absolute copy of an analysis at `base`. */
function moveAnalysis(found: Analysis, base: number): void {
  if (found.last.base !== base) {
    found.last = {
      base,
      benefits: found.benefits.map((b) => movedPhrase(b, base)),
      supports: found.supports.map((s) => movedPhrase(s, base)),
      rejected: found.rejected?.map((r) => movedPhrase(r, base)),
    };
  }
}

function movedPhrase<T extends { span: Span }>(phrase: T, by: number): T {
  return { ...phrase, span: movedSpan(phrase.span, by) };
}

function movedReport(r: StepReport, by: number): StepReport {
  const out: StepReport = { message: r.message, span: movedSpan(r.span, by) };
  if (r.fixes) out.fixes = r.fixes.map((f) => movedFixProposal(f, by));
  if (r.data !== undefined) out.data = r.data;
  return out;
}

/**
 * Two independent 32-bit FNV-style hashes fed with every field (strings length-prefixed, so fields cannot run into one
 * another): keys are short, so memo lookups cost no string building or long compares. A false hit needs a 64-bit
 * collision among one document's steps (~2,000 keys: odds ~1e-13 per lint).
 */
class KeyHasher {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  num(x: number): this {
    this.a = Math.imul(this.a ^ (x | 0), 0x01000193);
    this.b = Math.imul(this.b ^ (x | 0), 0x5bd1e995);
    this.b ^= this.b >>> 15;
    return this;
  }

  str(s: string): this {
    this.num(s.length);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** A source text's offset map relative to `base`: its first offset and every place the map does not advance by one. */
  offsets(t: SourceText, base: number): this {
    const o = t.offsets;
    this.num(o.length).num((o[0] ?? 0) - base);
    for (let i = 1; i < o.length; i++) {
      const d = o[i]! - o[i - 1]!;
      if (d !== 1) this.num(i).num(d);
    }
    return this;
  }

  digest(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}

const KIND_CODES: Record<string, number> = { evidence: 1, customer: 2, frontstage: 3, backstage: 4, support: 5, benefit: 6, other: 7 };
const SHAPE_CODES: Record<string, number> = { heading: 1, list: 2, 'table-columns': 3, 'table-rows': 4, prose: 5 };

/** Everything `analyseStep` reads: lanes (kind, label, placeholder, content and its offsets, content span) and prose. */
function analysisKey(raw: RawStep, base: number): string {
  const h = new KeyHasher();
  for (const lane of raw.lanes) {
    h.num(KIND_CODES[lane.kind] ?? 0)
      .str(lane.label)
      .num(lane.placeholder ? 1 : 0);
    h.num(lane.contentSpan.start - base)
      .num(lane.contentSpan.end - base)
      .offsets(lane.content, base)
      .str(lane.content.text);
  }
  h.num(-1);
  for (const p of raw.prose) h.offsets(p, base).str(p.text);
  return `${raw.lanes.length}.${raw.prose.length}.${h.digest()}`;
}

/** The source a step's fixes are built from: the line before the step's first offset (a table's header row for a steps-as-rows step) to the line after its last. */
export function keyRange(raw: RawStep, text: string, lines: LineIndex): KeyRange {
  let from = Math.min(raw.span.start, raw.titleSpan.start);
  let to = Math.max(raw.span.end, raw.titleSpan.end);
  for (const lane of raw.lanes) {
    from = Math.min(from, lane.labelSpan.start, lane.contentSpan.start);
    to = Math.max(to, lane.labelSpan.end, lane.contentSpan.end);
  }
  const start = lines.lineStart(lines.position(from).line - 1);
  const lastLine = lines.position(to).line + 1;
  const endOfText = lastLine >= lines.lineCount;
  const end = endOfText ? text.length : lines.lineStart(lastLine + 1);
  return { start, end, endOfText };
}

/** The rest of the step (title, spans, shape, group, lane labels) and the source of its key range. */
function shapeKey(raw: RawStep, base: number, text: string, range: KeyRange, eol: string): string {
  const h = new KeyHasher();
  h.num(SHAPE_CODES[raw.shape] ?? 0)
    .str(raw.title)
    .num(raw.group === undefined ? 0 : 1)
    .str(raw.group ?? '');
  h.num(raw.span.end - base)
    .num(raw.titleSpan.start - base)
    .num(raw.titleSpan.end - base);
  for (const lane of raw.lanes) h.num(lane.labelSpan.start - base).num(lane.labelSpan.end - base);
  const { start, end, endOfText } = range;
  // Edits at offset 0 keep a byte order mark first, and inserted lines copy the document's line break: both are part of the key.
  h.num(start === 0 ? 1 : 0)
    .num(endOfText ? 1 : 0)
    .str(eol)
    .num(start - base)
    .str(text.slice(start, end));
  return h.digest();
}
