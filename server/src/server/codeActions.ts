// Code actions: the engine's fixes as quick fixes, "treat as" config edits, docs links and fix-all.
import { dirname } from 'node:path';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  LSPErrorCodes,
  ErrorCodes,
  type Range,
  ResponseError,
  type TextDocumentEdit,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIRECTIVE_RULE, disableFileFix, docsUrl, fixesTogether, intentEdits, safeFixIn, type Finding, type FixIntent, type FixProposal, type LineIndex, type TextEdit } from '../engine/index.js';
import { configTarget, planConfigEdit, readIfExists, type VocabularyChange } from './configEdits.js';
import { toDiagnostic, toRange, type DiagnosticData, type DiagnosticsService, type LintSnapshot } from './diagnostics.js';
import { pathToUri, uriToPath, type WorkspaceFolders } from './documents.js';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type AddVocabularyRequest } from './protocol.js';
import type { SettingsStore } from './settings.js';

export type SnippetSupport = 'snippet-text-edit' | 'experimental' | 'none';

/** Snippet edits only for clients that say they apply them: LSP 3.18 SnippetTextEdit or rust-analyzer's experimental flag. */
export function snippetSupport(capabilities: ClientCapabilities): SnippetSupport {
  const workspaceEdit = capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined;
  if (workspaceEdit?.snippetEditSupport === true) return 'snippet-text-edit';
  const experimental = capabilities.experimental as { snippetTextEdit?: boolean } | undefined;
  if (experimental?.snippetTextEdit === true) return 'experimental';
  return 'none';
}

/** Edits computed in codeAction/resolve only for clients that resolve `edit` and keep `data` between the two requests. */
export function resolvesEdits(capabilities: ClientCapabilities): boolean {
  const codeAction = capabilities.textDocument?.codeAction;
  return codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties ?? []).includes('edit');
}

/** What an unresolved action carries: the document version it was offered for and what to turn into edits. */
export type ResolveData = { uri: string; version: number } & ({ fix: 'intent'; intent: FixIntent } | { fix: 'all' });

const BENEFIT_RULE = 'benefit-needs-support';
const UNREAD_RULE = 'unread-blueprint';

export class CodeActionProvider {
  private readonly snippets: SnippetSupport;
  private readonly documentChanges: boolean;
  private readonly canCreateFiles: boolean;
  private readonly lazyEdits: boolean;

  constructor(
    capabilities: ClientCapabilities,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly diagnostics: DiagnosticsService,
    private readonly settings: SettingsStore,
    private readonly folders: WorkspaceFolders,
  ) {
    this.snippets = snippetSupport(capabilities);
    this.documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    this.canCreateFiles = this.documentChanges && (capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    this.lazyEdits = resolvesEdits(capabilities);
  }

  /**
   * The edit of an action offered without one, computed against the document's current text. A document that changed
   * since the offer answers ContentModified: the intent's offsets belong to the old text, so any edit could be wrong.
   */
  async resolve(action: CodeAction): Promise<CodeAction | ResponseError<void>> {
    // VS Code resolves every chosen action, the command-only ones too: those are complete as offered.
    if (action.data === undefined && (action.command || action.edit)) return action;
    const data = resolveData(action.data);
    if (!data) return new ResponseError(ErrorCodes.InvalidParams, `Blueprint Lint: codeAction/resolve got an action it did not offer ("${action.title}")`);
    const doc = this.documents.get(data.uri);
    if (!doc) return new ResponseError(LSPErrorCodes.ContentModified, `Blueprint Lint: ${data.uri} was closed since "${action.title}" was offered`);
    if (doc.version !== data.version) {
      return new ResponseError(
        LSPErrorCodes.ContentModified,
        `Blueprint Lint: the document changed since "${action.title}" was offered (version ${data.version}, now ${doc.version}); ask for code actions again`,
      );
    }
    const snap = await this.diagnostics.current(data.uri);
    // The lint may have moved on to a newer version while it ran: the same answer as a change before it.
    if (!snap || snap.version !== data.version) return new ResponseError(LSPErrorCodes.ContentModified, `Blueprint Lint: the document changed while "${action.title}" was resolved`);
    const edit = data.fix === 'all' ? this.fixAllEdit(snap) : this.documentEdit(snap, intentEdits(snap.text, data.intent), true);
    const { data: _data, ...rest } = action;
    return edit ? { ...rest, edit } : rest;
  }

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const snap = await this.diagnostics.current(params.textDocument.uri);
    if (!snap) return [];
    const wants = (kind: string): boolean => !params.context.only || params.context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const { diagnostic, finding } of this.matchFindings(snap, params)) {
        actions.push(...(await this.quickFixes(snap, diagnostic, finding, params.range)));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const fixAll = this.fixAllAction(snap);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  /** One edit applying every finding's first safe fix, skipping fixes that collide (like the CLI's --fix). */
  fixAllEdit(snap: LintSnapshot): WorkspaceEdit | undefined {
    // Plain text only: fix-all applies without a person filling in snippet placeholders.
    const edits = fixesTogether(snap.findings, safeFixIn(snap.text)).edits.map((e) => ({ start: e.start, end: e.end, text: e.text }));
    if (edits.length === 0) return undefined;
    return this.documentEdit(snap, edits, false);
  }

  private fixAllAction(snap: LintSnapshot): CodeAction | undefined {
    const title = 'Fix all safe Blueprint Lint problems';
    if (this.lazyEdits) {
      if (!snap.findings.some((f) => f.fixes.some((x) => x.safe))) return undefined;
      const data: ResolveData = { uri: snap.uri, version: snap.version, fix: 'all' };
      return { title, kind: FIX_ALL_KIND, data };
    }
    const edit = this.fixAllEdit(snap);
    return edit && { title, kind: FIX_ALL_KIND, edit };
  }

  /** Diagnostics of the request paired with their findings: by data when current, else by rule and range. */
  private matchFindings(snap: LintSnapshot, params: CodeActionParams): Array<{ diagnostic: Diagnostic; finding: Finding<FixProposal> }> {
    const findings = snap.findings;
    const out: Array<{ diagnostic: Diagnostic; finding: Finding<FixProposal> }> = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const data = diagnostic.data as Partial<DiagnosticData> | undefined;
      let finding: Finding<FixProposal> | undefined;
      if (data && data.version === snap.version && typeof data.index === 'number') {
        const candidate = findings[data.index];
        if (candidate && candidate.ruleId === data.ruleId) finding = candidate;
      }
      finding ??= findings.find((f) => f.ruleId === diagnostic.code && sameRange(rangeOf(f), diagnostic.range));
      finding ??= findings.find((f) => f.ruleId === diagnostic.code && contains(rangeOf(f), diagnostic.range.start));
      if (finding) out.push({ diagnostic, finding });
    }
    // Clients that send no diagnostics with the request get the actions of findings under the cursor.
    if (params.context.diagnostics.length === 0) {
      snap.findings.forEach((finding, index) => {
        if (overlaps(rangeOf(finding), params.range)) {
          out.push({ diagnostic: toDiagnostic(snap.uri, finding, snap.lines, { ruleId: finding.ruleId, index, version: snap.version }), finding });
        }
      });
    }
    return out;
  }

  private async quickFixes(snap: LintSnapshot, diagnostic: Diagnostic, finding: Finding<FixProposal>, requested: Range): Promise<CodeAction[]> {
    const actions: CodeAction[] = [];
    const ordered = [...finding.fixes.filter((f) => f.kind !== 'disable-step'), ...finding.fixes.filter((f) => f.kind === 'disable-step')];
    for (const fix of ordered) actions.push(this.fixAction(snap, diagnostic, fix));
    // A finding about a directive is not itself silenced by one: fix the directive instead.
    if (finding.ruleId !== DIRECTIVE_RULE) actions.push(this.fixAction(snap, diagnostic, disableFileFix(snap.text, finding.ruleId)));
    if (finding.ruleId === BENEFIT_RULE) actions.push(...(await this.vocabularyActions(snap, diagnostic, finding, requested)));
    if (finding.ruleId === UNREAD_RULE) actions.push(...(await this.laneActions(snap, diagnostic, finding)));
    actions.push({
      title: `Show documentation for ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${finding.ruleId}`, command: Commands.showDocs, arguments: [docsUrl(finding.ruleId)] },
    });
    return actions;
  }

  private fixAction(snap: LintSnapshot, diagnostic: Diagnostic, fix: FixProposal): CodeAction {
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    if (this.lazyEdits) {
      const data: ResolveData = { uri: snap.uri, version: snap.version, fix: 'intent', intent: fix.intent };
      action.data = data;
    } else action.edit = this.documentEdit(snap, intentEdits(snap.text, fix.intent), true);
    if (fix.preferred === true || fix.kind === 'add-support') action.isPreferred = true;
    return action;
  }

  /** The engine's offset edits as a versioned document edit; snippets only where the client applies them. */
  private documentEdit(snap: LintSnapshot, edits: readonly TextEdit[], allowSnippets: boolean): WorkspaceEdit {
    const lines: LineIndex = snap.lines;
    const lspEdits = edits.map((e) => {
      const range = toRange(lines, e.start, e.end);
      if (!allowSnippets || e.snippet === undefined || this.snippets === 'none') return { range, newText: e.text };
      if (this.snippets === 'snippet-text-edit') return { range, snippet: { kind: 'snippet', value: e.snippet } };
      return { range, newText: e.snippet, insertTextFormat: 2 };
    });
    // Snippet edits exist only inside TextDocumentEdits, whatever the client says about documentChanges.
    const hasSnippets = lspEdits.some((e) => 'snippet' in e || 'insertTextFormat' in e);
    if (this.documentChanges || hasSnippets) {
      const change = { textDocument: { uri: snap.uri, version: snap.version }, edits: lspEdits } as unknown as TextDocumentEdit;
      return { documentChanges: [change] };
    }
    return { changes: { [snap.uri]: lspEdits as Array<{ range: Range; newText: string }> } };
  }

  /** "Map "X" to the K lane" for the first label the reader could not place: an entry in the project config's `lanes`. */
  private async laneActions(snap: LintSnapshot, diagnostic: Diagnostic, finding: Finding<FixProposal>): Promise<CodeAction[]> {
    const labels = Array.isArray(finding.data?.unplacedLabels) ? finding.data.unplacedLabels.filter((l): l is string => typeof l === 'string') : [];
    const label = labels[0];
    if (!label) return [];
    const kinds = ['customer', 'frontstage', 'backstage', 'support', 'evidence'] as const;
    return this.configActions(
      snap,
      diagnostic,
      kinds.map((kind) => ({ title: `Map "${label}" to the ${kind} lane`, change: { list: 'lanes', phrase: label, kind } })),
      true,
    );
  }

  /** "Treat X as not a benefit" (the flagged phrase) and "Treat X as a support term" (the engine's candidate or the selection). */
  private async vocabularyActions(snap: LintSnapshot, diagnostic: Diagnostic, finding: Finding<FixProposal>, requested: Range): Promise<CodeAction[]> {
    const changes: Array<{ title: string; change: VocabularyChange }> = [];
    const benefit = typeof finding.data?.benefit === 'string' ? finding.data.benefit : undefined;
    const candidate = supportCandidate(snap, finding, requested);
    if (candidate && candidate.toLowerCase() !== benefit?.toLowerCase()) {
      changes.push({ title: `Treat "${candidate}" as a support term`, change: { list: 'support.add', phrase: candidate, kind: 'tool' } });
    }
    if (benefit) changes.push({ title: `Treat "${benefit}" as not a benefit`, change: { list: 'benefit.remove', phrase: benefit } });
    return this.configActions(snap, diagnostic, changes, false);
  }

  /** Code actions that write `changes` to the config file (or, when the user chose so and `fileOnly` is false, to settings). */
  private async configActions(snap: LintSnapshot, diagnostic: Diagnostic, changes: ReadonlyArray<{ title: string; change: VocabularyChange }>, fileOnly: boolean): Promise<CodeAction[]> {
    if (changes.length === 0) return [];
    const settings = await this.settings.get(snap.uri);
    const docPath = uriToPath(snap.uri);
    const folder = docPath ? this.folders.folderOf(docPath) : this.folders.all()[0];
    const actions: CodeAction[] = [];
    for (const { title, change } of changes) {
      const scopeUri = folder?.uri ?? snap.uri;
      if (!docPath && fileOnly) continue;
      if ((settings.addToConfigTarget === 'settings' && !fileOnly) || !docPath) {
        const args: VocabularyCommandArgs = { target: 'settings', scopeUri, change };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: Commands.addVocabulary, arguments: [args] } });
        continue;
      }
      const target = configTarget(docPath, folder?.path, dirname(docPath));
      const edit = this.configFileEdit(target.file, target.exists, change);
      if (edit === null) continue;
      if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
      else {
        // The client cannot create files through a workspace edit: the server writes the file itself.
        const args: VocabularyCommandArgs = { target: 'configFile', scopeUri, file: target.file, change };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: Commands.addVocabulary, arguments: [args] } });
      }
    }
    return actions;
  }

  /** null: nothing to do (already listed); undefined: needs the server-side command. */
  private configFileEdit(file: string, exists: boolean, change: VocabularyChange): WorkspaceEdit | null | undefined {
    const uri = pathToUri(file);
    const open = this.documents.get(uri);
    const text = open ? open.getText() : readIfExists(file);
    const plan = planConfigEdit(file, text, change);
    if (!plan) return null;
    if (!exists) {
      if (!this.canCreateFiles) return undefined;
      return {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: plan.edits },
        ],
      };
    }
    if (this.documentChanges) return { documentChanges: [{ textDocument: { uri, version: open ? open.version : null }, edits: plan.edits }] };
    return { changes: { [uri]: plan.edits } };
  }
}

export interface VocabularyCommandArgs {
  target: 'configFile' | 'settings';
  scopeUri: string;
  file?: string;
  change: AddVocabularyRequest.Params['change'];
}

/** `data` of an action this server offered unresolved, or undefined for anything else. */
function resolveData(data: unknown): ResolveData | undefined {
  const d = data as Partial<ResolveData> | null | undefined;
  if (!d || typeof d.uri !== 'string' || typeof d.version !== 'number') return undefined;
  if (d.fix === 'all') return d as ResolveData;
  if (d.fix === 'intent' && typeof (d as { intent?: unknown }).intent === 'object') return d as ResolveData;
  return undefined;
}

/** A support-term candidate: a short one-line selection inside the step (no rule suggests one). */
function supportCandidate(snap: LintSnapshot, finding: Finding<FixProposal>, requested: Range): string | undefined {
  if (requested.start.line !== requested.end.line || requested.start.character === requested.end.character) return undefined;
  const lines = snap.lines;
  const start = lines.offset(requested.start.line + 1, requested.start.character + 1);
  const end = lines.offset(requested.end.line + 1, requested.end.character + 1);
  const selected = snap.text.slice(start, end).replace(/[*_`]/g, '').trim();
  if (selected.length < 2 || selected.length > 60) return undefined;
  const step = snap.steps.find((s) => s.title === finding.step && s.span.start <= start && end <= s.span.end);
  return step ? selected : undefined;
}

function rangeOf(f: Finding<FixProposal>): Range {
  return { start: { line: f.start.line - 1, character: f.start.column - 1 }, end: { line: f.end.line - 1, character: f.end.column - 1 } };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(r: Range, p: { line: number; character: number }): boolean {
  return before(r.start, p) && before(p, r.end);
}

function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}
