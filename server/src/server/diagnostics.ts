// Lints open documents (debounced, per-document settings) and publishes findings as LSP diagnostics.
import { DiagnosticSeverity, type Connection, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, lint, LineIndex, type DirectiveReport, type Finding, type FixProposal, type Severity, type Span } from '../engine/index.js';
import { configForDocument } from '../engine/config/index.js';
import type { DocumentProblem } from '../engine/lint.js';
import { isIgnoredPath } from './configAdapter.js';
import type { ConfigService } from './configFiles.js';
import { DocumentCaches } from './documentCaches.js';
import { isMarkdownDocument, uriToPath } from './documents.js';
import { policyLinks, type PolicyLink } from './policyLines.js';
import { ALSO_PROMISED, DIAGNOSTIC_SOURCE, StatusChangedNotification, type BlueprintReason, type BlueprintStatus } from './protocol.js';
import type { EditorSettings, SettingsStore } from './settings.js';
import { HeapPacer } from './heapPacer.js';

/** What code actions need to find a diagnostic's finding again. */
export interface DiagnosticData {
  ruleId: string;
  index: number;
  version: number;
}

/**
 * The last lint of a document version: what code actions need, and no more (no blueprint model or mdast, which
 * would keep ~0.4 MB per 200-line document alive between edits; diagnostics are rebuilt from findings on demand).
 */
export interface LintSnapshot {
  uri: string;
  version: number;
  text: string;
  /** Plain data; a fix's edits are written from its intent against `text` when a code action asks. */
  findings: Array<Finding<FixProposal>>;
  problems: DocumentProblem[];
  /** The suppression directives with their state, for the hover on a directive. */
  directives: DirectiveReport[];
  /** Title and span of each step, for actions that read the selection inside a step. */
  steps: Array<{ title: string; span: Span }>;
  lines: LineIndex;
  /** Rules the team policy raised for this document, with the config line that raises each. */
  policy: Map<string, PolicyLink>;
  /** Diagnostics that are not findings (the skipped-file notice). */
  notices: Diagnostic[];
  /** False when only the status was kept, to save memory (documents without caches); code actions lint again. */
  complete: boolean;
  status: BlueprintStatus;
}

export type LintTrigger = 'open' | 'change' | 'save' | 'config';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, start: number, end: number): Range {
  const a = lines.position(start);
  const b = lines.position(end);
  return { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } };
}

/**
 * One finding as an LSP diagnostic: rule id as code, docs link, and related information on the step title, on the
 * step's other benefit phrases (one diagnostic per step, every phrase reachable) and on the policy line that raised it.
 */
export function toDiagnostic(uri: string, finding: Finding<FixProposal>, lines: LineIndex, data: DiagnosticData, policy?: PolicyLink): Diagnostic {
  const diagnostic: Diagnostic = {
    range: {
      start: { line: finding.start.line - 1, character: finding.start.column - 1 },
      end: { line: finding.end.line - 1, character: finding.end.column - 1 },
    },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  const related: DiagnosticRelatedInformation[] = [];
  if (finding.stepTitleSpan) {
    related.push({ location: { uri, range: toRange(lines, finding.stepTitleSpan.start, finding.stepTitleSpan.end) }, message: `Step "${finding.step ?? ''}"` });
  }
  for (const phrase of otherPhrases(finding)) {
    const range = toRange(lines, finding.span.start + phrase.from, finding.span.start + phrase.to);
    related.push({ location: { uri, range }, message: `${ALSO_PROMISED} "${phrase.text}"` });
  }
  if (policy) related.push({ location: { uri: policy.uri, range: policy.range }, message: policy.message });
  if (related.length) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** The benefit phrases a finding's data lists besides the one its range covers (see rules/benefit-needs-support.ts). */
function otherPhrases(finding: Finding<FixProposal>): Array<{ text: string; from: number; to: number }> {
  const phrases = finding.data?.phrases;
  if (!Array.isArray(phrases)) return [];
  return phrases.filter(
    (p): p is { text: string; from: number; to: number } => typeof p === 'object' && p !== null && typeof p.text === 'string' && Number.isInteger(p.from) && Number.isInteger(p.to),
  );
}

/** The diagnostics of a snapshot: findings first (a finding's index is its diagnostic's), then document problems. */
export function snapshotDiagnostics(snap: LintSnapshot): Diagnostic[] {
  const diagnostics = snap.findings.map((f, index) => toDiagnostic(snap.uri, f, snap.lines, { ruleId: f.ruleId, index, version: snap.version }, snap.policy.get(f.ruleId)));
  diagnostics.push(...snap.problems.map((p) => problemDiagnostic(p)), ...snap.notices);
  return diagnostics;
}

/** A problem with the document itself, such as front matter that is not YAML. */
export function problemDiagnostic(problem: DocumentProblem): Diagnostic {
  const start = { line: problem.start.line - 1, character: problem.start.column - 1 };
  const end = { line: problem.end.line - 1, character: problem.end.column - 1 };
  // A profile the configuration does not define is a configuration error, as the CLI's exit code 2 says.
  if (problem.config) return { range: { start, end }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'config-profile', message: problem.message };
  const severity = problem.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning;
  return { range: { start, end }, severity, source: DIAGNOSTIC_SOURCE, code: problem.severity === 'info' ? 'input-cut' : 'document', message: problem.message };
}

/** A tiny blueprint linted once after start-up, so the engine's one-time vocabulary compilation is not paid by the first open. */
const WARM_UP_TEXT = '# Warm-up\n\n## Step\n\n- Customer: gets an answer within the hour.\n- Frontstage: the agent checks the CRM.\n';

export function warmUpEngine(): void {
  lint(WARM_UP_TEXT, { forceBlueprint: true });
}

/**
 * Documents at least this long (~500 lines) get caches when opened, so even their first keystroke is incremental;
 * shorter ones lint whole in tens of milliseconds and cache from their first edit, which keeps hundreds of opened,
 * unedited documents from filling the heap with caches.
 */
export const CACHE_ON_OPEN_CHARS = 20_000;

export class DiagnosticsService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly snapshots = new Map<string, LintSnapshot>();
  private readonly heap = new HeapPacer();
  /** Parsed chunks and analysed steps of recently linted documents: a keystroke redoes only the part it touched. */
  readonly caches = new DocumentCaches();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigService,
  ) {}

  /** Schedules a lint honouring `run` and `debounceMs`; open, save and config changes lint at once. */
  async schedule(uri: string, trigger: LintTrigger): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !isMarkdownDocument(doc)) return;
    const version = doc.version;
    const settings = await this.settings.get(uri);
    // The document changed while settings were fetched: the schedule of the newer version does the work.
    if (this.documents.get(uri)?.version !== version) return;
    if (!settings.enable) {
      this.cancel(uri);
      this.clear(uri);
      return;
    }
    if (trigger === 'change' && settings.run === 'onSave') return;
    this.cancel(uri);
    const run = (): void => {
      this.timers.delete(uri);
      try {
        this.lintAndPublish(uri, version, settings, trigger);
      } catch (e) {
        this.connection.console.error(`Linting ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      }
    };
    if (trigger === 'change' && settings.debounceMs > 0) this.timers.set(uri, setTimeout(run, settings.debounceMs));
    else run();
  }

  /** Lints every open document again (config or settings changed). */
  relintAll(): void {
    for (const doc of this.documents.all()) void this.schedule(doc.uri, 'config');
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.snapshots.delete(uri);
    this.caches.drop(uri);
    this.settings.forget(uri);
    this.clear(uri);
  }

  /**
   * The snapshot of the document's current version, linting now when the last one is older or (with `fixes`)
   * kept only the status; such a lint gives the document caches, as the user is working in it.
   */
  async current(uri: string, fixes = true): Promise<LintSnapshot | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isMarkdownDocument(doc)) return undefined;
    const snap = this.snapshots.get(uri);
    if (snap && snap.version === doc.version && (snap.complete || !fixes)) return snap;
    const settings = await this.settings.get(uri);
    if (!settings.enable) return undefined;
    const fresh = this.compute(doc, settings, 'change');
    if (this.documents.get(uri)?.version === fresh.version) this.snapshots.set(uri, fresh);
    return fresh;
  }

  status(uri: string): BlueprintStatus | undefined {
    return this.snapshots.get(uri)?.status;
  }

  private lintAndPublish(uri: string, version: number, settings: EditorSettings, trigger: LintTrigger): void {
    const doc = this.documents.get(uri);
    // Stale: the document moved on (or closed) since this lint was scheduled; the newer version's lint publishes.
    if (!doc || doc.version !== version) return;
    const snap = this.compute(doc, settings, trigger);
    // Keystroke lints reuse caches and make little garbage; whole-document lints are what pile it up.
    if (trigger !== 'change') this.heap.linted(snap.text.length);
    // Findings (with their fixes) are kept for documents being worked on, those with caches; the rest keep their status.
    this.snapshots.set(uri, this.caches.has(uri) ? snap : { ...snap, findings: [], problems: [], directives: [], steps: [], complete: false });
    void this.connection.sendDiagnostics({ uri, version, diagnostics: snapshotDiagnostics(snap) });
    void this.connection.sendNotification(StatusChangedNotification.type, snap.status);
  }

  private compute(doc: TextDocument, settings: EditorSettings, trigger?: LintTrigger): LintSnapshot {
    const text = doc.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) return this.skipped(doc, text, size, settings);
    const filePath = uriToPath(doc.uri);
    const config = this.configs.configFor(filePath, settings);
    // Files matched by the config's `ignores` get nothing, as in the CLI.
    if (filePath && isIgnoredPath(filePath, config)) return this.notLinted(doc, text, 'ignored');
    // Small documents cache from their first edit on (a whole lint of them is a keystroke's worth); large ones from the start.
    const cached = trigger === 'change' || text.length >= CACHE_ON_OPEN_CHARS || this.caches.has(doc.uri);
    const cache = cached ? this.caches.use(doc.uri, text.length) : undefined;
    const result = lint(text, { filePath, config, parseCache: cache?.parse, stepCache: cache?.steps });
    const status: BlueprintStatus = {
      uri: doc.uri,
      isBlueprint: result.blueprint.isBlueprint,
      reason: result.blueprint.reason,
      steps: result.blueprint.steps.length,
      problems: result.findings.length + result.problems.length,
      enabled: true,
    };
    const steps = result.blueprint.steps.map((s) => ({ title: s.title, span: s.span }));
    return {
      uri: doc.uri,
      version: doc.version,
      text,
      findings: result.findings,
      problems: result.problems,
      directives: result.directives,
      steps,
      lines: result.lines,
      policy: policyLinks(configForDocument(config, text).config),
      notices: [],
      complete: true,
      status,
    };
  }

  private notLinted(doc: TextDocument, text: string, reason: BlueprintReason, notices: Diagnostic[] = []): LintSnapshot {
    this.caches.drop(doc.uri);
    return {
      uri: doc.uri,
      version: doc.version,
      text,
      findings: [],
      problems: [],
      directives: [],
      steps: [],
      lines: new LineIndex(text),
      policy: new Map(),
      notices,
      complete: true,
      status: { uri: doc.uri, isBlueprint: false, reason, steps: 0, problems: 0, enabled: true },
    };
  }

  private skipped(doc: TextDocument, text: string, size: number, settings: EditorSettings): LintSnapshot {
    const message =
      `Blueprint Lint skipped this file: it is ${size.toLocaleString('en-US')} bytes, over the ` + `blueprintLint.maxFileSize limit of ${settings.maxFileSize.toLocaleString('en-US')} bytes.`;
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'file-too-large',
      message,
    };
    return this.notLinted(doc, text, 'too-large', [diagnostic]);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Publishes an empty list (file closed, disabled or no longer a blueprint). */
  private clear(uri: string): void {
    this.snapshots.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
