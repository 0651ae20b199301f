import type { Root } from 'mdast';
import { languageSample, looksLikeBlueprint, nonEnglishLanguage } from './blueprint/looksLike.js';
import { buildBlueprint, type ModelResult } from './blueprint/model.js';
import type { PolicyRead } from './document/policy.js';
import { readDocument, type DocumentReading } from './document/reading.js';
import { configForDocument, policyNote } from './config/profile.js';
import { defaultConfig, type ResolvedConfig } from './config/types.js';
import { proposalOf, resolvedFix } from './intentEdits.js';
import type { ChunkCache } from './incremental/chunkCache.js';
import { joinChunkTrees, parseChunkTrees, parseMarkdown, type ParsedChunk, type ParseProblem } from './parse.js';
import { compileVocabulary, type CompiledVocabulary } from './phrases/vocabulary.js';
import { allRules } from './registry.js';
import { isStepRule, type Rule, type RuleReport, type StepReport, type StepRule } from './rule.js';
import type { JudgedStep, KeyedStep, StepCache } from './incremental/stepCache.js';
import { TextMemos, withTextMemos } from './incremental/textMemos.js';
import { applySuppressions, DIRECTIVE_PREFIX, findChunkDirectives, findDirectives, localToday, type DirectiveReport } from './suppress.js';
import { LineIndex } from './text.js';
import { unitModel } from './incremental/unitModel.js';
import type { Blueprint, Finding, Fix, FixProposal, Position, Severity, SeveritySetting, Step } from './types.js';

export interface LintOptions {
  /** Path of the document (absolute, or relative to cwd); used for glob-based blueprint detection. */
  filePath?: string;
  config?: ResolvedConfig;
  /** Rules to run; defaults to every registered rule. */
  rules?: readonly Rule[];
  /** Treat the document as a blueprint whatever detection says. */
  forceBlueprint?: boolean;
  /** Per-document chunk cache: an edit then re-parses only the chunks it touched (editors keep one per open document). */
  parseCache?: ChunkCache;
  /** Per-document memo of step phrase analysis: an edit re-analyses only the steps it changed. */
  stepCache?: StepCache;
  /** Local date YYYY-MM-DD that `(until ...)` expiry dates are compared with; defaults to today. */
  today?: string;
}

/** A problem with the document itself (not a rule finding), such as broken front matter. */
export interface DocumentProblem {
  message: string;
  start: Position;
  end: Position;
  /** 'info' for text cut by an input bound (spec: bounded on any input); a warning otherwise. */
  severity?: 'info';
  /** Set for a `profile:` the configuration does not define: a configuration error (the CLI exits 2). */
  config?: true;
}

/** `F` is `FixProposal` when the lint was given a step cache (an editor): its fixes carry no edits, intentEdits.ts writes them. */
export interface LintResult<F extends FixProposal = Fix> {
  blueprint: Blueprint;
  /** Sorted by position; empty for non-blueprints. */
  findings: Array<Finding<F>>;
  problems: DocumentProblem[];
  lines: LineIndex;
  /** Findings silenced by directives, each with `suppressedBy`; sorted like `findings`. */
  suppressed: Array<Finding<F>>;
  /** Some directive carries an expiry date, so the same text may lint differently another day. */
  dated: boolean;
  /** The suppression directives, in document order, each with its state and how much it silenced. */
  directives: DirectiveReport[];
}

export function effectiveSeverity(rule: Rule, config: ResolvedConfig): SeveritySetting {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** The findings of `text`: a pure function of the text, the options and the caches it is given (which only save work). */
export function lint(text: string, options?: LintOptions & { stepCache?: undefined }): LintResult;
/** With a step cache (an editor's lint) the findings' fixes are proposals without edits: plain data, written on demand. */
export function lint(text: string, options: LintOptions): LintResult<FixProposal>;
export function lint(text: string, options: LintOptions = {}): LintResult<FixProposal> {
  // Without a cache, the memos of this one call: a text the model and the rules both read is read once, and forgotten after.
  return withTextMemos(options.stepCache?.texts ?? new TextMemos(), () => lintText(text, options));
}

function lintText(text: string, options: LintOptions): LintResult<FixProposal> {
  // The front matter's `profile:` picks one of the profiles the configuration composed.
  const picked = configForDocument(options.config ?? defaultConfig(), text);
  const config = picked.config;
  const lines = new LineIndex(text);
  const parseProblems: ParseProblem[] = [];
  const vocab = () => compileVocabulary(config.vocabulary);
  const cache = options.stepCache;
  // With both caches (an editor), unchanged units are neither copied to their new offsets nor built again.
  const chunks: ParsedChunk[] | undefined = cache && options.parseCache && text.charCodeAt(0) !== 0xfeff ? parseChunkTrees(text, options.parseCache, parseProblems) : undefined;
  const units = chunks && cache && unitModel(chunks, text, lines, config, vocab, cache, options.filePath, options.forceBlueprint);
  const root: Root | undefined = units ? undefined : chunks ? joinChunkTrees(text, chunks) : parseMarkdown(text, options.parseCache, parseProblems);
  const cached = units || (cache && root && cachedModel(root, text, lines, config, vocab, cache, options.filePath, options.forceBlueprint));
  const model = cached || buildBlueprint(root!, text, lines, config, vocab, options.filePath, options.forceBlueprint);
  const problems: DocumentProblem[] = parseProblems.map((p) => {
    const at = lines.position(p.offset);
    return p.severity ? { message: p.message, start: at, end: at, severity: p.severity } : { message: p.message, start: at, end: at };
  });
  if (picked.problem) problems.push({ message: picked.problem.message, start: lines.position(picked.problem.start), end: lines.position(picked.problem.end), config: true });
  if (model.frontMatterError) {
    const at = lines.position(model.frontMatterError.offset);
    problems.push({ message: model.frontMatterError.message, start: at, end: at });
  }
  const blueprint = withNotices(model.blueprint, text, options.filePath, cache);
  // A file that is no blueprint gets only the notice that says why, when it looks like one (spec 4, never silent).
  const notices = !blueprint.isBlueprint && blueprint.looksLike ? (options.rules ?? allRules()).filter((r) => r.id === UNREAD_RULE) : undefined;
  if (!blueprint.isBlueprint && !notices?.length) {
    cache?.commit();
    return { blueprint, findings: [], problems, lines, suppressed: [], dated: false, directives: [] };
  }
  const vocabulary = compileVocabulary(config.vocabulary);
  const document = readDocument(text, lines, { memos: cache?.readings, steps: blueprint.steps, vocabulary });
  const findings: Array<Finding<FixProposal>> = [];
  for (const rule of notices ?? options.rules ?? allRules()) {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    const ruleOptions = { ...(rule.defaultOptions ?? {}), ...(config.rules[rule.id]?.options ?? {}) };
    const report = (r: RuleReport) => findings.push(toFinding(rule.id, severity, r, text, lines, !!cache));
    const judge = isStepRule(rule) ? (step: Step) => judgeStep(rule, step, document, ruleOptions, vocabulary) : undefined;
    if (judge) {
      if (cache && cached) {
        let reports: RuleReport[] | undefined;
        try {
          // Only the steps the memo holds no standing reports for are judged; a rule that throws runs below, as without the cache.
          reports = cache.ruleReports(rule.id, ruleOptions, cached.keyed, judge, (reads) => answersHold(reads, document));
        } catch {
          reports = undefined;
        }
        if (reports) {
          for (const r of reports) report(r);
          continue;
        }
      }
    }
    try {
      if (judge) {
        for (const step of blueprint.steps) for (const r of judge(step).reports) report({ ...r, step });
      } else if (!isStepRule(rule)) rule.check({ text, document, blueprint, options: ruleOptions, vocabulary, report });
    } catch (e) {
      // A rule that throws becomes one finding naming it, never a crash of the whole lint.
      const at = lines.position(0);
      findings.push({ ruleId: rule.id, severity: 'error', message: `Rule "${rule.id}" failed: ${(e as Error).message}`, span: { start: 0, end: 0 }, start: at, end: at, step: null, fixes: [] });
    }
  }
  cache?.commit();
  // A directive's name cannot break across lines, so a document without it has none: no walk of the whole tree.
  const directives = !text.includes(DIRECTIVE_PREFIX) ? [] : root ? findDirectives(root, text) : findChunkDirectives(chunks!);
  const {
    kept,
    suppressed,
    directiveFindings,
    directives: reports,
  } = applySuppressions(findings, directives, lines, text, blueprint.steps, {
    today: options.today ?? localToday(),
    reportUnused: config.reportUnusedDirectives,
  });
  kept.push(...directiveFindings);
  kept.sort(byPosition);
  for (const f of kept) f.message += policyNote(config, f.ruleId);
  suppressed.sort(byPosition);
  return { blueprint, findings: kept, problems, lines, suppressed, dated: directives.some((d) => d.until !== undefined), directives: reports };
}

/** A step rule's verdict on one step, with the document's answers it read (what its reports stand on). */
function judgeStep(rule: StepRule, step: Step, document: DocumentReading, options: Record<string, unknown>, vocabulary: CompiledVocabulary): JudgedStep {
  const reports: StepReport[] = [];
  const reads: PolicyRead[] = [];
  rule.checkStep(step, {
    get units() {
      return document.units(step);
    },
    document: {
      hasPolicy(query, judge) {
        const answer = document.hasPolicy(query, judge);
        reads.push({ query, judge, answer });
        return answer;
      },
    },
    options,
    vocabulary,
    report: (r) => reports.push(r),
  });
  return { reports, reads };
}

/** Whether the document still gives every answer a step's reports were made on. */
function answersHold(reads: readonly PolicyRead[], document: DocumentReading): boolean {
  return reads.every((r) => document.hasPolicy(r.query, r.judge) === r.answer);
}

const byPosition = (a: Finding<FixProposal>, b: Finding<FixProposal>) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);

/** The rule that says what the reader could not read. */
const UNREAD_RULE = 'unread-blueprint';

/** The blueprint with what a reader is told beside its steps: a non-blueprint that looks like one, a language not covered. */
function withNotices(blueprint: Blueprint, text: string, filePath: string | undefined, cache: StepCache | undefined): Blueprint {
  if (blueprint.reason === 'disabled') return blueprint;
  const looksLike = blueprint.isBlueprint ? undefined : looksLikeBlueprint(blueprint.title, filePath);
  if (!blueprint.isBlueprint && !looksLike) return blueprint;
  const language = cache ? cache.documentLanguage(text, languageSample) : nonEnglishLanguage(text);
  if (!looksLike && !language) return blueprint;
  const out: Blueprint = { ...blueprint };
  if (looksLike) out.looksLike = looksLike;
  if (language) out.language = language;
  return out;
}

/** buildBlueprint with each step's analysis looked up in the step cache, keeping each step's memo key (the property tests hold the two equal). */
function cachedModel(
  root: Root,
  text: string,
  lines: LineIndex,
  config: ResolvedConfig,
  vocab: () => CompiledVocabulary,
  cache: StepCache,
  filePath?: string,
  force = false,
): ModelResult & { keyed: KeyedStep[] } {
  const keyed: KeyedStep[] = [];
  const model = buildBlueprint(root, text, lines, config, vocab, filePath, force, (raw, compiled) => {
    const k = cache.analyse(raw, compiled, text, lines);
    keyed.push(k);
    return k.step;
  });
  return { ...model, keyed };
}

/** With `lazyFixes` (an editor, which asks for a finding's fixes only for its code actions) the fixes are the proposals, left without edits. */
function toFinding(ruleId: string, severity: Severity, r: RuleReport, text: string, lines: LineIndex, lazyFixes: boolean): Finding<FixProposal> {
  // A step in a fixed-width text table has no place a fix could write without breaking the table's columns; one read
  // across lane sections has no place for a new lane, but its lanes and its disable directive can be written.
  const site = r.step?.insertion;
  const proposals = site?.form === 'none' ? (site.inPlace ? r.fixes?.filter((f) => f.intent.kind !== 'add-lane') : undefined) : r.fixes;
  return {
    ruleId,
    severity,
    message: r.message,
    span: r.span,
    start: lines.position(r.span.start),
    end: lines.position(r.span.end),
    step: r.step?.title ?? null,
    stepTitleSpan: r.step?.titleSpan,
    // The edge of the engine: intents become the edits they make in this text (for --fix, JSON and SARIF output); an editor asks intentEdits.ts.
    fixes: proposals ? proposals.map((f) => (lazyFixes ? proposalOf(f) : resolvedFix(text, f))) : [],
    data: r.data,
  };
}
