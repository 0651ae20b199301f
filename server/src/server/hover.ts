// Hover on a finding: the one or two lines that say why it was raised (what found the promise, what was rejected as support).
import type { Hover, HoverParams } from 'vscode-languageserver/node.js';
import type { DiagnosticsService } from './diagnostics.js';
import { toRange } from './diagnostics.js';

export async function hoverAt(diagnostics: DiagnosticsService, params: HoverParams): Promise<Hover | null> {
  const snap = await diagnostics.current(params.textDocument.uri);
  if (!snap) return null;
  const line = params.position.line + 1;
  const offset = snap.lines.lineStart(line) + params.position.character;
  const hits = snap.findings.filter((f) => typeof f.data?.explanation === 'string' && f.span.start <= offset && offset <= f.span.end);
  if (hits.length === 0) return null;
  const value = hits.map((f) => `**${f.ruleId}**: ${String(f.data!.explanation).split('\n').join('  \n')}`).join('\n\n');
  const first = hits[0]!;
  return { contents: { kind: 'markdown', value }, range: toRange(snap.lines, first.span.start, first.span.end) };
}
