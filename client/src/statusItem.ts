import * as vscode from 'vscode';
import type { BlueprintStatus } from '../../server/src/server/protocol.js';
import { isFileDisabled } from './disabledFiles.js';

export const TOGGLE_FILE_COMMAND = 'blueprintLint.toggleFile';

/**
 * The text a language status item shows for one document's status. Kept short: the status popup is about 500 px wide
 * at any window size and scrolls a long row sideways, which pushes the on/off link out of the window.
 */
export function describeStatus(status: BlueprintStatus | undefined): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } {
  const info = vscode.LanguageStatusSeverity.Information;
  if (!status) return { text: 'Blueprint Lint', detail: 'waiting for the server', severity: info };
  if (!status.enabled || status.reason === 'disabled') return { text: 'Blueprint: off', detail: 'for this file', severity: info };
  if (status.reason === 'too-large') return { text: 'Blueprint: skipped', detail: 'over maxFileSize', severity: vscode.LanguageStatusSeverity.Warning };
  if (status.reason === 'ignored') return { text: 'Blueprint: ignored', detail: 'by config ignores', severity: info };
  if (!status.isBlueprint) return { text: 'Not a blueprint', detail: 'no front matter, glob or lanes', severity: info };
  const steps = `${status.steps} ${status.steps === 1 ? 'step' : 'steps'}`;
  const problems = `${status.problems} ${status.problems === 1 ? 'problem' : 'problems'}`;
  const why = status.reason === 'front-matter' ? 'by front matter' : status.reason === 'glob' ? 'by files setting' : 'by lane labels';
  return {
    text: `Blueprint: ${steps}, ${problems}`,
    detail: why,
    severity: status.problems > 0 ? vscode.LanguageStatusSeverity.Warning : info,
  };
}

/** Language status item for Markdown: what Blueprint Lint makes of the active document, with an on/off switch. */
export class BlueprintStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly statuses = new Map<string, BlueprintStatus>();
  private readonly changed = new vscode.EventEmitter<BlueprintStatus | undefined>();
  /** Fires whenever the shown status changes (tests wait on it instead of sleeping). */
  readonly onDidChange = this.changed.event;
  /** The last status shown. */
  current: BlueprintStatus | undefined;

  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<BlueprintStatus | undefined>) {
    this.item = vscode.languages.createLanguageStatusItem('blueprintLint.status', [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ]);
    this.item.name = 'Blueprint Lint';
    this.render(undefined);
  }

  /** What the item shows right now, e.g. "Blueprint: 2 steps, 1 problem". */
  get text(): string {
    return this.item.text;
  }

  /** A status pushed by the server (blueprintLint/statusChanged). */
  update(status: BlueprintStatus): void {
    this.statuses.set(status.uri, status);
    if (status.uri === this.activeUri()?.toString()) this.render(status);
  }

  /** Asks the server about the active document (after an editor switch or a restart). */
  async refresh(): Promise<void> {
    const uri = this.activeUri();
    if (!uri) return;
    const known = this.statuses.get(uri.toString());
    if (known) this.render(known);
    try {
      const status = await this.fetch(uri);
      if (status && uri.toString() === this.activeUri()?.toString()) this.update(status);
    } catch {
      // the server may be restarting; its next statusChanged notification brings the status
    }
  }

  /** Re-renders after the user switched a file on or off. */
  rerender(): void {
    const uri = this.activeUri();
    this.render(uri ? this.statuses.get(uri.toString()) : undefined);
  }

  clear(): void {
    this.statuses.clear();
    this.render(undefined);
  }

  dispose(): void {
    this.changed.dispose();
    this.item.dispose();
  }

  private activeUri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.languageId === 'markdown' ? doc.uri : undefined;
  }

  private render(serverStatus: BlueprintStatus | undefined): void {
    // the on/off switch is the client's own setting: show it at once, whatever the server last said
    const uri = this.activeUri();
    const status: BlueprintStatus | undefined =
      uri && isFileDisabled(uri) ? { uri: uri.toString(), isBlueprint: serverStatus?.isBlueprint ?? false, reason: 'disabled', steps: 0, problems: 0, enabled: false } : serverStatus;
    this.current = status;
    const { text, detail, severity } = describeStatus(status);
    this.item.text = text;
    this.item.detail = detail;
    this.item.severity = severity;
    const off = status !== undefined && (!status.enabled || status.reason === 'disabled');
    this.item.command = { title: off ? 'Turn on for this file' : 'Turn off for this file', command: TOGGLE_FILE_COMMAND };
    this.changed.fire(status);
  }
}
