// Measures the engine against labelled corpora; `npm run eval` and the corpus/holdout tests share it, so they agree.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseTitle } from '../../server/src/engine/blueprint/build.js';
import { lint } from '../../server/src/engine/lint.js';
import { packageRoot } from '../../server/src/engine/resources.js';
import { mulberry32 } from './random.js';

/** The rule whose flags the labels describe. */
export const FLAG_RULE = 'benefit-needs-support';
export const SHAPES = ['heading', 'list', 'table-columns', 'table-rows', 'prose'] as const;

// ---------------------------------------------------------------------------------------------
// Corpora and labels

export interface CorpusSpec {
  name: string;
  /** Folder relative to the package root; it holds labels.json and the labelled documents. */
  dir: string;
  /**
   * Unread: nobody on the team has seen its documents. eval prints its figures but never its steps, titles or matched
   * words (--misses, --diff, the causes' examples), named with --corpus or not: reading it means removing this mark.
   */
  blind?: boolean;
}

/** The blind sets among `specs`, whose steps eval must not print (a name on the command line is no reading of it). */
export function hiddenCorpora(specs: readonly CorpusSpec[]): Set<string> {
  return new Set(specs.filter((c) => c.blind).map((c) => c.name));
}

/** Every labelled folder eval knows; a folder without labels.json is reported as absent, not an error. */
export const CORPORA: readonly CorpusSpec[] = [
  { name: 'corpus', dir: 'test/corpus/data' },
  { name: 'holdout', dir: 'test/holdout' },
  { name: 'holdout-2', dir: 'test/holdout-2' },
  { name: 'holdout-3', dir: 'test/holdout-3' },
  { name: 'holdout-4', dir: 'test/holdout-4' },
  { name: 'holdout-5', dir: 'test/holdout-5' },
  { name: 'holdout-6', dir: 'test/holdout-6' },
  { name: 'real-world', dir: 'test/fixtures/real-world' },
  { name: 'real-world-2', dir: 'test/fixtures/real-world-2' },
  { name: 'real-world-3', dir: 'test/fixtures/real-world-3' },
  { name: 'real-world-4', dir: 'test/fixtures/real-world-4' },
  { name: 'holdout-7', dir: 'test/holdout-7' },
  { name: 'holdout-8', dir: 'test/holdout-8' },
  { name: 'holdout-9', dir: 'test/holdout-9' },
  { name: 'holdout-10', dir: 'test/holdout-10' },
  { name: 'holdout-11', dir: 'test/holdout-11' },
  { name: 'holdout-12', dir: 'test/holdout-12' },
  { name: 'holdout-13', dir: 'test/holdout-13' },
  { name: 'holdout-14', dir: 'test/holdout-14' },
  { name: 'holdout-15', dir: 'test/holdout-15' },
  { name: 'holdout-16', dir: 'test/holdout-16' },
  { name: 'holdout-17', dir: 'test/holdout-17' },
  { name: 'holdout-18', dir: 'test/holdout-18' },
  { name: 'holdout-19', dir: 'test/holdout-19' },
  { name: 'holdout-20', dir: 'test/holdout-20' },
  { name: 'holdout-21', dir: 'test/holdout-21' },
  { name: 'holdout-22', dir: 'test/holdout-22' },
  { name: 'holdout-23', dir: 'test/holdout-23' },
  { name: 'holdout-24', dir: 'test/holdout-24' },
  { name: 'holdout-25', dir: 'test/holdout-25', blind: true },
];

export interface LabelledStep {
  title: string;
  shape: string;
  benefit: boolean;
  support: boolean;
  flag: boolean;
  note?: string;
}

export interface LabelledFile {
  blueprint: boolean;
  steps?: LabelledStep[];
}

export function corpusPath(spec: CorpusSpec): string {
  return join(packageRoot(), spec.dir);
}

export function corpusByName(name: string): CorpusSpec | undefined {
  return CORPORA.find((c) => c.name === name);
}

export function hasLabels(spec: CorpusSpec): boolean {
  return existsSync(join(corpusPath(spec), 'labels.json'));
}

/** Reads labels.json keeping only the keys measured here (other folders add "lanes", "layout" and the like). */
export function readLabels(spec: CorpusSpec): Record<string, LabelledFile> {
  const path = join(corpusPath(spec), 'labels.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, Partial<LabelledFile>> };
  if (typeof raw.files !== 'object' || raw.files === null) throw new Error(`${path}: no "files" object`);
  const labels: Record<string, LabelledFile> = {};
  for (const [file, entry] of Object.entries(raw.files)) {
    if (typeof entry.blueprint !== 'boolean') throw new Error(`${path}: ${file} has no boolean "blueprint"`);
    const label: LabelledFile = { blueprint: entry.blueprint };
    if (Array.isArray(entry.steps)) {
      label.steps = entry.steps.map((s) => {
        // Titles compare as spec section 3 says: without a leading "Step 3:", "3." or "3)" (labels may keep the author's numbering).
        const step: LabelledStep = { title: normaliseTitle(String(s.title)), shape: String(s.shape), benefit: !!s.benefit, support: !!s.support, flag: !!s.flag };
        if (typeof s.note === 'string') step.note = s.note;
        return step;
      });
    }
    labels[file] = label;
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Judging one file

/** The parts of a lint result measured here (structural, so unit tests can hand-make one). */
export interface EngineStep {
  title: string;
  shape: string;
  lanes: readonly { kind: string; placeholder: boolean }[];
  benefits: readonly { text: string; entry: string; source: string }[];
  supports: readonly { kind: string; text: string; entry: string; source: string }[];
}
export interface EngineResult {
  blueprint: { isBlueprint: boolean; steps: readonly EngineStep[] };
  findings: readonly { ruleId: string; step: string | null }[];
}

export type Outcome = 'tp' | 'fp' | 'fn' | 'tn';
export const FN_CAUSES = ['step not found', 'benefit missed', 'support wrongly found', 'other'] as const;
export const FP_CAUSES = ['benefit wrongly found', 'support missed', 'unlabelled step', 'other'] as const;
export type Cause = (typeof FN_CAUSES)[number] | (typeof FP_CAUSES)[number];

export interface FoundBenefit {
  entry: string;
  source: string;
  text: string;
}
export interface FoundSupport extends FoundBenefit {
  kind: string;
}

/** One step's verdict: what the labels say, whether the rule flagged it, and what fired. */
export interface StepVerdict {
  corpus: string;
  file: string;
  title: string;
  /** The labelled shape; the engine's shape for a step the labels do not list. */
  shape: string;
  /** Shape of the engine step with this title; null when the engine found none. */
  engineShape: string | null;
  /** null for a flagged step the labels do not list (or a finding outside any step). */
  label: { benefit: boolean; support: boolean; flag: boolean } | null;
  flagged: boolean;
  outcome: Outcome;
  /** Why a false positive or negative happened; null when the verdict is right. */
  cause: Cause | null;
  benefits: FoundBenefit[];
  supports: FoundSupport[];
}

export interface FileEvaluation {
  corpus: string;
  file: string;
  labelledBlueprint: boolean;
  detectedBlueprint: boolean;
  stepsLabelled: number;
  /** Steps the engine found (none when it does not take the file for a blueprint). */
  stepsFound: number;
  /** Labelled steps with an engine step of the same title and shape. */
  stepsMatched: number;
  /** The engine's steps in document order. */
  engineSteps: { title: string; shape: string }[];
  verdicts: StepVerdict[];
  /** Findings of every rule other than FLAG_RULE, by rule id. */
  otherFindings: Record<string, number>;
}

/** Title shown for a finding that sits outside any step. */
export const OUTSIDE_STEP = '(outside any step)';

function fnCause(step: EngineStep | undefined, label: LabelledStep): Cause {
  if (!step) return 'step not found';
  const benefitLane = step.lanes.some((l) => l.kind === 'benefit' && !l.placeholder);
  if (label.benefit && step.benefits.length === 0 && !benefitLane) return 'benefit missed';
  if (!label.support && step.supports.length > 0) return 'support wrongly found';
  return 'other';
}

function fpCause(label: LabelledStep | undefined): Cause {
  if (!label) return 'unlabelled step';
  if (!label.benefit) return 'benefit wrongly found';
  if (label.support) return 'support missed';
  return 'other';
}

function fired(step: EngineStep | undefined): Pick<StepVerdict, 'benefits' | 'supports'> {
  return {
    benefits: (step?.benefits ?? []).map((b) => ({ entry: b.entry, source: b.source, text: b.text })),
    supports: (step?.supports ?? []).map((s) => ({ kind: s.kind, entry: s.entry, source: s.source, text: s.text })),
  };
}

/** Compares one lint result with its labels: step matching by title and shape, one verdict per labelled or flagged step. */
export function judgeFile(corpus: string, file: string, label: LabelledFile, result: EngineResult): FileEvaluation {
  const steps = result.blueprint.isBlueprint ? result.blueprint.steps : [];
  const labelled = label.steps ?? [];
  // Multiset match on shape + title, so two labelled steps cannot claim one engine step.
  const pool = new Map<string, number>();
  for (const s of steps) pool.set(`${s.shape}\0${s.title}`, (pool.get(`${s.shape}\0${s.title}`) ?? 0) + 1);
  let matched = 0;
  for (const s of labelled) {
    const left = pool.get(`${s.shape}\0${s.title}`) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(`${s.shape}\0${s.title}`, left - 1);
    }
  }

  const flagged = new Set<string | null>();
  const otherFindings: Record<string, number> = {};
  for (const f of result.findings) {
    if (f.ruleId === FLAG_RULE) flagged.add(f.step);
    else otherFindings[f.ruleId] = (otherFindings[f.ruleId] ?? 0) + 1;
  }

  const verdicts: StepVerdict[] = [];
  const titles = new Set<string>();
  for (const s of labelled) {
    titles.add(s.title);
    // Prefer the engine step of the same shape; a mis-shaped step with the title still carries the phrases that fired.
    const step = steps.find((e) => e.title === s.title && e.shape === s.shape) ?? steps.find((e) => e.title === s.title);
    const got = flagged.has(s.title);
    const outcome: Outcome = got ? (s.flag ? 'tp' : 'fp') : s.flag ? 'fn' : 'tn';
    verdicts.push({
      corpus,
      file,
      title: s.title,
      shape: s.shape,
      engineShape: step?.shape ?? null,
      label: { benefit: s.benefit, support: s.support, flag: s.flag },
      flagged: got,
      outcome,
      cause: outcome === 'fn' ? fnCause(step, s) : outcome === 'fp' ? fpCause(s) : null,
      ...fired(step),
    });
  }
  // A flag on a step the labels do not list (extra, mistitled, or in a non-blueprint) is a false positive too.
  for (const title of flagged) {
    if (title !== null && titles.has(title)) continue;
    const step = title === null ? undefined : steps.find((e) => e.title === title);
    verdicts.push({
      corpus,
      file,
      title: title ?? OUTSIDE_STEP,
      shape: step?.shape ?? 'none',
      engineShape: step?.shape ?? null,
      label: null,
      flagged: true,
      outcome: 'fp',
      cause: fpCause(undefined),
      ...fired(step),
    });
  }
  return {
    corpus,
    file,
    labelledBlueprint: label.blueprint,
    detectedBlueprint: result.blueprint.isBlueprint,
    stepsLabelled: labelled.length,
    stepsFound: steps.length,
    stepsMatched: matched,
    engineSteps: steps.map((s) => ({ title: s.title, shape: s.shape })),
    verdicts,
    otherFindings,
  };
}

export interface CorpusEvaluation {
  spec: CorpusSpec;
  files: FileEvaluation[];
  /** Files labels.json lists that are not in the folder (they are skipped). */
  missing: string[];
}

/** Lints every labelled file of a corpus with the default configuration and judges it. */
export function evaluateCorpus(spec: CorpusSpec): CorpusEvaluation {
  const dir = corpusPath(spec);
  const files: FileEvaluation[] = [];
  const missing: string[] = [];
  for (const [file, label] of Object.entries(readLabels(spec))) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      missing.push(file);
      continue;
    }
    files.push(judgeFile(spec.name, file, label, lint(readFileSync(path, 'utf8'), { filePath: path })));
  }
  return { spec, files, missing };
}

// ---------------------------------------------------------------------------------------------
// Scores

export interface FlagCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1; an empty denominator gives 0 (as the tests always did). */
export function scores(c: FlagCounts): Scores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(into: FlagCounts, c: FlagCounts): FlagCounts {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
  return into;
}

export function countVerdicts(verdicts: readonly Pick<StepVerdict, 'outcome'>[]): FlagCounts {
  const c: FlagCounts = { tp: 0, fp: 0, fn: 0 };
  for (const v of verdicts) if (v.outcome !== 'tn') c[v.outcome]++;
  return c;
}

/** Quantile q of ascending values by linear interpolation between order statistics (R type 7, numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Source of numbers in [0, 1); defaults to mulberry32(seed). Unit tests script it. */
  random?: () => number;
}

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20261205;

/** Percentile bootstrap 95% intervals of precision, recall and F1, resampling whole files with replacement. */
export function bootstrap(perFile: readonly FlagCounts[], options: BootstrapOptions = {}): Record<keyof Scores, Interval> {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const random = options.random ?? mulberry32(options.seed ?? BOOTSTRAP_SEED);
  const samples: Record<keyof Scores, number[]> = { precision: [], recall: [], f1: [] };
  const n = perFile.length;
  for (let r = 0; r < resamples && n > 0; r++) {
    const total: FlagCounts = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < n; i++) addCounts(total, perFile[Math.min(n - 1, Math.floor(random() * n))]!);
    const s = scores(total);
    samples.precision.push(s.precision);
    samples.recall.push(s.recall);
    samples.f1.push(s.f1);
  }
  const interval = (values: number[]): Interval => {
    values.sort((a, b) => a - b);
    return { low: quantile(values, 0.025), high: quantile(values, 0.975) };
  };
  return { precision: interval(samples.precision), recall: interval(samples.recall), f1: interval(samples.f1) };
}

// ---------------------------------------------------------------------------------------------
// Summary of a set of files

export interface ShapeRow {
  labelled: number;
  matched: number;
  counts: FlagCounts;
}

export interface CauseRow {
  kind: 'fn' | 'fp';
  cause: Cause;
  count: number;
  /** The vocabulary entries that fired (see entryKey), how many errors each fired in and the texts it matched, most frequent first. */
  entries: { entry: string; count: number; texts: string[] }[];
}

export interface Summary {
  files: number;
  blueprintsRight: number;
  stepsLabelled: number;
  stepsFound: number;
  stepsMatched: number;
  counts: FlagCounts;
  scores: Scores;
  byShape: Map<string, ShapeRow>;
  byCause: CauseRow[];
  /** Findings of the other rules, every registered rule id present. */
  otherRules: Map<string, number>;
}

/** A phrase that fired, as printed: what it counts as, the lane it was found in, the vocabulary entry and the text. */
export interface FiredPhrase {
  /** "benefit", or the support kind (resource, tool, authority, training, backing). */
  as: string;
  source: string;
  entry: string;
  text: string;
}

/** Which phrases explain a cause: the wrong ones for a "wrongly found" cause, everything that fired otherwise. */
export function firedFor(v: Pick<StepVerdict, 'cause' | 'benefits' | 'supports'>): FiredPhrase[] {
  const benefits = v.benefits.map((b) => ({ as: 'benefit', source: b.source, entry: b.entry, text: b.text }));
  const supports = v.supports.map((s) => ({ as: s.kind, source: s.source, entry: s.entry, text: s.text }));
  if (v.cause === 'benefit wrongly found') return benefits;
  if (v.cause === 'support wrongly found') return supports;
  return [...benefits, ...supports];
}

/** Cuts a long vocabulary pattern or lane text to one readable line. */
export function clip(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** One phrase's tally key in the cause breakdown. */
export function entryKey(p: FiredPhrase): string {
  return `${p.as} ${p.source}: ${clip(p.entry)}`;
}

/** What fired on a step, for a one-line report: `benefit frontstage "same day" [same day]`. */
export function describeFired(phrases: readonly FiredPhrase[]): string {
  if (phrases.length === 0) return 'nothing fired';
  return phrases.map((p) => `${p.as} ${p.source} "${clip(p.text, 40)}"${p.entry === p.text ? '' : ` [${clip(p.entry)}]`}`).join('; ');
}

/** Adds up files: detection, step recall/precision, flag scores, rows per shape and per cause. */
export function summarise(files: readonly FileEvaluation[], ruleIds: readonly string[] = []): Summary {
  const counts: FlagCounts = { tp: 0, fp: 0, fn: 0 };
  const byShape = new Map<string, ShapeRow>(SHAPES.map((s) => [s, { labelled: 0, matched: 0, counts: { tp: 0, fp: 0, fn: 0 } }]));
  const causeRows = new Map<string, CauseRow & { tally: Map<string, { count: number; texts: Set<string> }> }>();
  for (const kind of ['fn', 'fp'] as const) {
    for (const cause of kind === 'fn' ? FN_CAUSES : FP_CAUSES) causeRows.set(`${kind} ${cause}`, { kind, cause, count: 0, entries: [], tally: new Map() });
  }
  const otherRules = new Map<string, number>(ruleIds.filter((id) => id !== FLAG_RULE).map((id) => [id, 0]));
  let blueprintsRight = 0;
  let stepsLabelled = 0;
  let stepsFound = 0;
  let stepsMatched = 0;
  for (const f of files) {
    if (f.labelledBlueprint === f.detectedBlueprint) blueprintsRight++;
    stepsLabelled += f.stepsLabelled;
    stepsFound += f.stepsFound;
    stepsMatched += f.stepsMatched;
    for (const [id, n] of Object.entries(f.otherFindings)) otherRules.set(id, (otherRules.get(id) ?? 0) + n);
    for (const v of f.verdicts) {
      let row = byShape.get(v.shape);
      if (!row) byShape.set(v.shape, (row = { labelled: 0, matched: 0, counts: { tp: 0, fp: 0, fn: 0 } }));
      if (v.label) {
        row.labelled++;
        if (v.engineShape === v.shape) row.matched++;
      }
      if (v.outcome === 'tn') continue;
      counts[v.outcome]++;
      row.counts[v.outcome]++;
      if (v.outcome === 'tp' || v.cause === null) continue;
      const cause = causeRows.get(`${v.outcome} ${v.cause}`)!;
      cause.count++;
      const byEntry = new Map<string, Set<string>>();
      for (const p of firedFor(v)) byEntry.set(entryKey(p), (byEntry.get(entryKey(p)) ?? new Set()).add(clip(p.text, 40)));
      for (const [e, texts] of byEntry) {
        const t = cause.tally.get(e) ?? { count: 0, texts: new Set<string>() };
        t.count++;
        for (const x of texts) t.texts.add(x);
        cause.tally.set(e, t);
      }
    }
  }
  const byCause = [...causeRows.values()].map(({ tally, ...row }) => ({
    ...row,
    entries: [...tally].map(([entry, t]) => ({ entry, count: t.count, texts: [...t.texts] })).sort((a, b) => b.count - a.count || a.entry.localeCompare(b.entry)),
  }));
  return { files: files.length, blueprintsRight, stepsLabelled, stepsFound, stepsMatched, counts, scores: scores(counts), byShape, byCause, otherRules };
}

// ---------------------------------------------------------------------------------------------
// Recorded floors

export const FLOORS_FILE = join(packageRoot(), 'test', 'corpus', 'floors.json');

/** The flag F1 each corpus must not fall below (test/corpus/floors.json); raise it when a change lifts the figure. */
export function readFloors(): Record<string, Floor> {
  return JSON.parse(readFileSync(FLOORS_FILE, 'utf8')) as Record<string, Floor>;
}

/** What a corpus must not fall below: flag F1, and where recorded, step recall and precision and blueprint detection. */
export interface Floor {
  f1: number;
  stepRecall?: number;
  stepPrecision?: number;
  detection?: number;
}
