// Marks every benefit phrase of a flagged step in the editor, not only the one its diagnostic covers: the server lists the
// others as the diagnostic's related information (one diagnostic per step keeps the Problems count equal to the CLI's).
import * as vscode from 'vscode';
import { ALSO_PROMISED, DIAGNOSTIC_SOURCE } from '../../server/src/server/protocol.js';

/** One marked phrase: where, how severe its step's finding is, and what hovering it says. */
export interface BenefitMark {
  range: vscode.Range;
  severity: vscode.DiagnosticSeverity;
  hover: string;
}

/** The phrases to mark in a document, from its Blueprint Lint diagnostics. */
export function benefitMarks(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): BenefitMark[] {
  const marks: BenefitMark[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    for (const r of d.relatedInformation ?? []) {
      if (!r.message.startsWith(ALSO_PROMISED) || r.location.uri.toString() !== uri.toString()) continue;
      const phrase = r.message.slice(ALSO_PROMISED.length).trim();
      marks.push({ range: r.location.range, severity: d.severity, hover: `Blueprint Lint: ${phrase} is promised here too. ${d.message}` });
    }
  }
  return marks;
}

/** A dotted underline in the colour of the finding's severity, beside the squiggle of its first phrase. */
function markStyle(colour: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor(colour),
    overviewRulerColor: new vscode.ThemeColor(colour),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
}

export class BenefitMarkers implements vscode.Disposable {
  private readonly styles = new Map<vscode.DiagnosticSeverity, vscode.TextEditorDecorationType>([
    [vscode.DiagnosticSeverity.Error, markStyle('editorError.foreground')],
    [vscode.DiagnosticSeverity.Warning, markStyle('editorWarning.foreground')],
    [vscode.DiagnosticSeverity.Information, markStyle('editorInfo.foreground')],
    [vscode.DiagnosticSeverity.Hint, markStyle('editorHint.foreground')],
  ]);
  private readonly subscriptions: vscode.Disposable[];
  /** What each visible document shows now (for tests and scripts). */
  private readonly shown = new Map<string, BenefitMark[]>();

  constructor() {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((e) => {
        const changed = new Set(e.uris.map((u) => u.toString()));
        for (const editor of vscode.window.visibleTextEditors) if (changed.has(editor.document.uri.toString())) this.paint(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.paint(e))),
      vscode.workspace.onDidCloseTextDocument((doc) => this.shown.delete(doc.uri.toString())),
    ];
    vscode.window.visibleTextEditors.forEach((e) => this.paint(e));
  }

  /** The marks shown in the document's editors. */
  marks(uri: vscode.Uri): BenefitMark[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  private paint(editor: vscode.TextEditor): void {
    const uri = editor.document.uri;
    const marks = benefitMarks(uri, vscode.languages.getDiagnostics(uri));
    this.shown.set(uri.toString(), marks);
    for (const [severity, style] of this.styles) {
      const options = marks.filter((m) => m.severity === severity).map((m) => ({ range: m.range, hoverMessage: m.hover }));
      editor.setDecorations(style, options);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.styles.forEach((s) => s.dispose());
    this.shown.clear();
  }
}
