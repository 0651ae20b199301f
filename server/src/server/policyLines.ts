// Where a team policy minimum is written (`policy.minimumSeverity.<rule>` in a config file), for the editor to point at.
import { statSync, readFileSync } from 'node:fs';
import type { Range } from 'vscode-languageserver/node.js';
import { isAbsolute, relative, sep } from 'node:path';
import { describeRaised, type RaisedRule, type ResolvedConfig } from '../engine/config/index.js';
import { formatForPath, parseConfigText, type ConfigSource } from '../engine/config/source.js';
import { pathToUri } from './documents.js';

/** A rule the policy raised for a document: the line that raises it, and what the layers below had asked for. */
export interface PolicyLink {
  ruleId: string;
  raised: RaisedRule;
  /** The config file's URI and the range of the rule's key under `policy.minimumSeverity`. */
  uri: string;
  range: Range;
  /** 'Rule "x": "off" from .vscode/settings.json raised to "warning" by team policy in .blueprintlint.jsonc' */
  message: string;
}

/** Parsed config files by path, kept while their modification time and size are unchanged (a lint must not re-read them). */
const parsed = new Map<string, { stamp: string; source: ConfigSource }>();

/** The policy line of each raised rule; a rule whose policy file cannot be read or has no such key gets no link (its message still says it). */
export function policyLinks(config: Pick<ResolvedConfig, 'raised' | 'baseDir'>): Map<string, PolicyLink> {
  const links = new Map<string, PolicyLink>();
  // Files named relative to the config's folder, as the finding's own note names them; `settings` is no file.
  const display = (file: string): string => (config.baseDir && isAbsolute(file) ? relative(config.baseDir, file).split(sep).join('/') : file);
  for (const [ruleId, raised] of Object.entries(config.raised)) {
    const range = policyRange(raised.policy, ruleId);
    if (!range) continue;
    const text = describeRaised(ruleId, raised, display);
    links.set(ruleId, { ruleId, raised, uri: pathToUri(raised.policy), range, message: text.charAt(0).toUpperCase() + text.slice(1) });
  }
  return links;
}

function policyRange(file: string, ruleId: string): Range | undefined {
  const format = formatForPath(file);
  if (!format) return undefined;
  let stamp: string;
  try {
    const s = statSync(file);
    stamp = `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
  let entry = parsed.get(file);
  if (!entry || entry.stamp !== stamp) {
    try {
      entry = { stamp, source: parseConfigText(file, readFileSync(file, 'utf8'), format) };
    } catch {
      return undefined;
    }
    parsed.set(file, entry);
  }
  const { source } = entry;
  const span = source.spanOf(['policy', 'minimumSeverity', ruleId], 'key');
  return span && { start: toPosition(source.lines.position(span.start)), end: toPosition(source.lines.position(span.end)) };
}

function toPosition(p: { line: number; column: number }): { line: number; character: number } {
  return { line: p.line - 1, character: p.column - 1 };
}
