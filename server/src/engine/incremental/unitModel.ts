// The model of an edited document from its unchanged parts: each unit (a heading section, a title, the content before
// the first heading) is built from its own chunk trees once and moved where it now starts; an edit rebuilds its unit.
import type { Root } from 'mdast';
import { buildUnitSteps, standingSteps, withLaneMajor, type RawStep, type UnitKind } from '../blueprint/build.js';
import { detect, frontMatterVerdict } from '../blueprint/detect.js';
import type { LaneSection } from '../blueprint/laneMajor.js';
import { laneTable, type LaneTable } from '../blueprint/lanes.js';
import { legendLanes, withLegend } from '../blueprint/legend.js';
import { levelOneAreSections } from '../blueprint/sectionHeadings.js';
import type { ModelResult } from '../blueprint/model.js';
import type { ResolvedConfig } from '../config/types.js';
import { movedDisableSite, movedLaneSite } from '../intentEdits.js';
import { detached, Generations, movedSpan } from './memo.js';
import { chunkRunTree, type ParsedChunk } from '../parse.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';
import { keyRange, type KeyedStep, type KeyRange, type StepCache, type StepMemo } from './stepCache.js';
import { LineIndex } from '../text.js';
import type { Lane, SourceText } from '../types.js';

/** Chunks [from, to) of the document, [start, end) in its text. */
export interface Unit {
  kind: UnitKind;
  from: number;
  to: number;
  start: number;
  end: number;
}

/**
 * The units of a chunk list, as buildSteps walks the document: the chunk before the first heading, each level-1
 * heading's chunk (a title: its subsections are units of their own), and each other heading with the chunks of its
 * deeper headings. Undefined when a heading is not the first node of its chunk (a setext heading): the caller builds whole.
 */
export function splitUnits(chunks: readonly ParsedChunk[], textLength: number): Unit[] | undefined {
  const depths: number[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const children = chunks[i]!.tree.children;
    let depth = 0;
    for (let k = 0; k < children.length; k++) {
      const n = children[k]!;
      if (n.type !== 'heading') continue;
      if (k !== 0 || n.position?.start.offset !== 0) return undefined;
      depth = n.depth;
    }
    if (i > 0 && depth === 0) return undefined;
    depths.push(depth);
  }
  const endOf = (j: number) => (j < chunks.length ? chunks[j]!.start : textLength);
  const yaml = chunks[0]?.tree.children.find((n) => n.type === 'yaml');
  // As buildSteps reads them: level-1 headings under a front matter title are sections, not titles.
  const sections = levelOneAreSections(yaml?.type === 'yaml' ? yaml.value : undefined, depths.filter((d) => d === 1).length);
  const units: Unit[] = [];
  let i = 0;
  if (chunks.length && depths[0] === 0) {
    units.push({ kind: 'top', from: 0, to: 1, start: 0, end: endOf(1) });
    i = 1;
  }
  let titled = false;
  while (i < chunks.length) {
    const d = depths[i]!;
    let j = i + 1;
    // (only the first level-1 heading is a title: a later one is a section, as buildSteps reads it)
    const title = d === 1 && !sections && !titled;
    if (d === 1) titled = true;
    if (!title) while (j < chunks.length && depths[j]! > d) j++;
    units.push({ kind: title ? 'title' : d === 1 && !sections ? 'part' : 'section', from: i, to: j, start: chunks[i]!.start, end: endOf(j) });
    i = j;
  }
  return units;
}

/** A step's memo key and the source its key read outside its unit, so an unchanged unit's step is looked up without hashing. */
interface StepKeyMemo {
  memo: StepMemo;
  before: string;
  after: string;
  startAtZero: boolean;
  endOfText: boolean;
  /** The key read only the unit's text (not its first offset, not the end of the document): no check while that holds. */
  inside: boolean;
}

/** Whole units of the document by their text, per step cache: kept here so stepCache.ts need not know a unit's shape. */
const unitMemos = new WeakMap<StepCache, Generations<UnitEntry>>();

function unitsOf(cache: StepCache): Generations<UnitEntry> {
  let memo = unitMemos.get(cache);
  if (!memo) unitMemos.set(cache, (memo = cache.attach(new Generations<UnitEntry>())));
  return memo;
}

export interface UnitEntry {
  /** Its key in the step cache's unit memo (a copy of the unit's text), the cache, and the chunk trees it was built from. */
  key: string;
  cache: StepCache;
  trees: Root[];
  kind: UnitKind;
  eol: string;
  table: LaneTable;
  /** Steps with positions relative to the unit's start. */
  steps: RawStep[];
  title?: string;
  /** The steps moved to where the unit last started. */
  last: { base: number; steps: RawStep[] };
  keys: Array<StepKeyMemo | undefined>;
}

function outside(range: KeyRange, unit: Unit, text: string): Omit<StepKeyMemo, 'memo' | 'inside'> {
  return {
    before: range.start < unit.start ? text.slice(range.start, unit.start) : '',
    after: range.end > unit.end ? text.slice(unit.end, range.end) : '',
    startAtZero: range.start === 0,
    endOfText: range.endOfText,
  };
}

function keyMemo(memo: StepMemo, range: KeyRange, unit: Unit, text: string): StepKeyMemo {
  const o = outside(range, unit, text);
  return { memo, ...o, inside: range.start > 0 && range.start >= unit.start && range.end <= unit.end && !range.endOfText };
}

function sameOutside(m: StepKeyMemo, now: Omit<StepKeyMemo, 'memo' | 'inside'>): boolean {
  return m.before === now.before && m.after === now.after && m.startAtZero === now.startAtZero && m.endOfText === now.endOfText;
}

/**
 * buildBlueprint (with the step cache's analysis) from chunk trees, reusing every unit whose text is unchanged; undefined
 * when the document does not split into units (the caller joins the chunks and builds whole). The property tests hold it
 * to buildBlueprint, step for step and finding for finding.
 */
export function unitModel(
  chunks: readonly ParsedChunk[],
  text: string,
  lines: LineIndex,
  config: ResolvedConfig,
  vocab: () => CompiledVocabulary,
  cache: StepCache,
  filePath?: string,
  force = false,
): (ModelResult & { keyed: KeyedStep[] }) | undefined {
  const units = splitUnits(chunks, text.length);
  if (!units) return undefined;
  // A legend anywhere in the document names lanes for every unit: a changed legend is a new table, so every unit rebuilds.
  const table = laneTable(withLegend(config.lanes, legendLanes(text)));
  const eol = lines.eol;
  const entries: UnitEntry[] = [];
  const raws: RawStep[] = [];
  const rebuilt: boolean[] = [];
  let title: string | undefined;
  for (const unit of units) {
    // The same cached chunk trees are the same text: found without hashing the unit's text.
    let entry = byTrees(chunks, unit, cache);
    if (entry) unitsOf(cache).set(entry.key, entry);
    else entry = unitsOf(cache).get(text.slice(unit.start, unit.end));
    if (entry && entry.kind === unit.kind && entry.eol === eol && entry.table === table) {
      cache.stats.unitHits++;
      rebuilt.push(false);
      if (entry.trees[0] !== chunks[unit.from]!.tree) {
        entry.trees = chunks.slice(unit.from, unit.to).map((c) => c.tree);
        byFirstTree.set(entry.trees[0]!, entry);
      }
    } else {
      cache.stats.unitMisses++;
      rebuilt.push(true);
      // The steps' edits read the unit's text: a copy, as a slice would keep this version of the whole document alive.
      const own = detached(text.slice(unit.start, unit.end));
      const built = buildUnitSteps(chunkRunTree(chunks, unit.from, unit.to), own, new LineIndex(own), table, eol, unit.kind);
      const trees = chunks.slice(unit.from, unit.to).map((c) => c.tree);
      entry = { key: own, cache, trees, kind: unit.kind, eol, table, steps: built.steps, title: built.title, last: { base: 0, steps: built.steps }, keys: [] };
      unitsOf(cache).set(own, entry);
      byFirstTree.set(trees[0]!, entry);
    }
    if (entry.last.base !== unit.start) entry.last = { base: unit.start, steps: entry.steps.map((s) => movedStep(s, unit.start)) };
    if ((unit.kind === 'top' || unit.kind === 'title') && title === undefined) title = entry.title;
    entries.push(entry);
    for (const s of entry.last.steps) raws.push(s);
  }
  const first = chunks[0]?.tree.children.find((n) => n.type === 'yaml');
  const fm = frontMatterVerdict(first && first.type === 'yaml' ? { value: first.value, start: first.position?.start.offset ?? 0 } : undefined);
  // Lane-major sections are read across units: their steps are built anew on every lint (they are few).
  const view = withLaneMajor(raws);
  const standing = standingSteps(view.steps, title);
  const reason = force
    ? 'glob'
    : detect(
        fm,
        filePath,
        view.steps.filter((_, i) => standing[i]),
        config,
      );
  const isBlueprint = reason !== 'none' && reason !== 'disabled';
  const keyed: KeyedStep[] = [];
  if (isBlueprint) {
    const compiled = vocab();
    keepPrevious(cache, lastUnits.get(cache), rebuilt);
    let index = 0;
    let rawIndex = 0;
    units.forEach((unit, u) => {
      const entry = entries[u]!;
      // The unit's own text did not change, and it is neither the first nor the last: the keys of its inner steps hold.
      const within = unit.start > 0 && unit.end < text.length;
      entry.last.steps.forEach((raw, k) => {
        const merged = view.replaced.get(rawIndex++);
        if (merged) {
          for (const m of merged) if (standing[index++]) keyed.push(cache.analyse(m, compiled, text, lines));
          return;
        }
        if (!standing[index++]) return;
        const m = entry.keys[k];
        let found: KeyedStep | undefined;
        if (m && ((m.inside && within) || sameOutside(m, outside(keyRange(raw, text, lines), unit, text)))) found = cache.reuse(m.memo, raw, compiled);
        if (!found) {
          const fresh = cache.analyse(raw, compiled, text, lines);
          entry.keys[k] = keyMemo(fresh.memo, fresh.range, unit, text);
          found = fresh;
        }
        keyed.push(found);
      });
    });
    lastUnits.set(cache, entries);
  }
  return {
    blueprint: { isBlueprint, reason, title, steps: keyed.map((k) => k.step) },
    frontMatterError: fm.error,
    keyed,
  };
}

/** Units by the first chunk tree they were built from (cached trees only: a tree parsed for one lint is never looked up again). */
const byFirstTree = new WeakMap<Root, UnitEntry>();

/** The unit built from these very chunk trees for this cache, if any: cached trees are shared only by equal chunk texts. */
function byTrees(chunks: readonly ParsedChunk[], unit: Unit, cache: StepCache): UnitEntry | undefined {
  const entry = byFirstTree.get(chunks[unit.from]!.tree);
  if (!entry || entry.cache !== cache || entry.trees.length !== unit.to - unit.from) return undefined;
  for (let i = unit.from; i < unit.to; i++) if (chunks[i]!.own || chunks[i]!.tree !== entry.trees[i - unit.from]) return undefined;
  return entry;
}

/** Each document's units of its last lint, in order (a rebuilt unit finds the analyses of its unchanged steps through them). */
const lastUnits = new WeakMap<StepCache, UnitEntry[]>();

/**
 * Reused units keep their steps' memos themselves, so the step cache holds only those of rebuilt units: before rebuilt
 * units are analysed, the memos of the units that stood in their places (all units, when their number changed) go back in.
 */
function keepPrevious(cache: StepCache, previous: readonly UnitEntry[] | undefined, rebuilt: readonly boolean[]): void {
  if (!previous || !rebuilt.includes(true)) return;
  const from = previous.length === rebuilt.length ? previous.filter((_, u) => rebuilt[u]) : previous;
  for (const e of from) for (const m of e.keys) if (m) cache.touch(m.memo);
}

function movedText(t: SourceText, by: number): SourceText {
  const offsets = new Array<number>(t.offsets.length);
  for (let i = 0; i < offsets.length; i++) offsets[i] = t.offsets[i]! + by;
  return { text: t.text, offsets };
}

function movedLane(l: Lane, by: number): Lane {
  return { ...l, labelSpan: movedSpan(l.labelSpan, by), content: movedText(l.content, by), contentSpan: movedSpan(l.contentSpan, by) };
}

/** A unit's step moved to the unit's place in the document, with the places its fixes write to. */
function movedStep(s: RawStep, by: number): RawStep {
  if (by === 0) return s;
  return {
    ...s,
    titleSpan: movedSpan(s.titleSpan, by),
    span: movedSpan(s.span, by),
    lanes: s.lanes.map((l) => movedLane(l, by)),
    prose: s.prose.map((p) => movedText(p, by)),
    insertion: movedLaneSite(s.insertion, by),
    disableSite: movedDisableSite(s.disableSite, by),
    ...(s.laneSection ? { laneSection: movedLaneSection(s.laneSection, by) } : {}),
  };
}

function movedLaneSection(section: LaneSection, by: number): LaneSection {
  return {
    ...section,
    items: section.items.map((i) => ({ ...i, lane: movedLane(i.lane, by), titleSpan: i.titleSpan && movedSpan(i.titleSpan, by), lineEnd: i.lineEnd + by })),
  };
}
