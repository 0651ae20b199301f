// Hover on a finding: the one or two lines that say why it was raised (what found the promise, what was rejected as support),
// and the team policy line that raised its severity, when one did.
// Hover on a suppression directive: what it silences, why, until when, and whether it still does.
import type { Hover, HoverParams } from 'vscode-languageserver/node.js';
import type { DirectiveReport, Finding, FixProposal } from '../engine/index.js';
import type { DiagnosticsService } from './diagnostics.js';
import { toRange } from './diagnostics.js';
import type { PolicyLink } from './policyLines.js';

export async function hoverAt(diagnostics: DiagnosticsService, params: HoverParams): Promise<Hover | null> {
  const snap = await diagnostics.current(params.textDocument.uri);
  if (!snap) return null;
  const line = params.position.line + 1;
  const offset = snap.lines.lineStart(line) + params.position.character;
  const directive = snap.directives.find((d) => d.offset <= offset && offset < d.endOffset);
  const here = snap.findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
  const hits = here.filter((f) => typeof f.data?.explanation === 'string' || snap.policy.has(f.ruleId));
  if (!directive && hits.length === 0) return null;
  const parts = hits.map((f) => findingLines(f, snap.policy.get(f.ruleId)));
  if (directive) parts.unshift(describeDirective(directive));
  const [start, end] = directive ? [directive.offset, directive.endOffset] : [hits[0]!.span.start, hits[0]!.span.end];
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: toRange(snap.lines, start, end) };
}

/** Markdown lines for one finding: why it was raised, and the team policy that keeps its severity up. */
function findingLines(f: Finding<FixProposal>, policy: PolicyLink | undefined): string {
  const lines = typeof f.data?.explanation === 'string' ? String(f.data.explanation).split('\n') : [];
  if (policy) lines.push(`${escapeMarkdown(policy.message)} (line ${policy.range.start.line + 1})`);
  return `**${f.ruleId}**: ${lines.join('  \n')}`;
}

/** Markdown lines: the directive and its rules, the reason, the expiry and what it does today. */
export function describeDirective(d: DirectiveReport): string {
  const rules = d.rules.length === 0 ? 'every rule' : d.rules.map((r) => `\`${r}\``).join(', ');
  const lines = [`**blueprint-lint-${d.kind}**: ${d.kind === 'enable' ? 'turns back on' : 'silences'} ${rules}`];
  if (d.kind !== 'enable') lines.push(`Reason: ${d.reason === undefined ? '_none given_ (write one after `--`)' : escapeMarkdown(d.reason)}`);
  if (d.state === 'bad-date') lines.push(`Until: \`${escapeMarkdown(d.badUntil ?? '')}\` is not a date YYYY-MM-DD, so it silences nothing`);
  else if (d.state === 'expired') lines.push(`Expired after ${d.until}: it silences nothing any more`);
  else {
    if (d.until !== undefined) lines.push(`Until: ${d.until} (inclusive)`);
    if (d.kind !== 'enable') lines.push(`Silenced here: ${d.silenced} finding${d.silenced === 1 ? '' : 's'}`);
  }
  return lines.join('  \n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
