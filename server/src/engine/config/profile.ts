// Picks the profile a blueprint names in its front matter (`profile: draft`) from the profiles its configuration composed.
import { relative, sep } from 'node:path';
import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { closest } from './suggest.js';
import type { ResolvedConfig } from './types.js';

/** Where the front matter's `profile` value is written, 0-based offsets into the document. */
export interface ProfileRef {
  name: string;
  start: number;
  end: number;
}

/** A problem with the `profile:` value, at its position in the document. */
export interface ProfileProblem {
  message: string;
  start: number;
  end: number;
}

/** The YAML between a `---` first line and the next `---` or `...` line, with its offset; one pass over the lines. */
function frontMatter(text: string): { yaml: string; offset: number } | undefined {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return undefined;
  const offset = first[0].length;
  for (let at = offset; at < text.length;) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next + 1;
    if (/^(?:---|\.\.\.)[ \t]*\r?\n?$/.test(text.slice(at, end))) return { yaml: text.slice(offset, at), offset };
    at = end;
  }
  return undefined;
}

/** The `profile` key of a YAML front matter at the very start of the document; a value that is not a name is a problem. */
export function frontMatterProfile(text: string): ProfileRef | ProfileProblem | undefined {
  if (!text.startsWith('---')) return undefined;
  const fm = frontMatter(text);
  if (!fm || !/^profile[ \t]*:/m.test(fm.yaml)) return undefined;
  const { offset } = fm;
  // Broken front matter is reported by the blueprint model; here it simply names no profile.
  const doc = parseDocument(fm.yaml, { customTags: [] });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'profile');
  if (!pair || !isPair(pair)) return undefined;
  const value = pair.value;
  const range = (isScalar(value) ? value.range : undefined) ?? (isScalar(pair.key) ? pair.key.range : undefined) ?? [0, 0];
  const [start, end] = [offset + range[0], offset + range[1]];
  if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
    return { message: 'front matter "profile" must be the name of a profile from the configuration', start, end };
  }
  return { name: value.value.trim(), start, end };
}

/** The configuration with the document's profile applied, or unchanged with a problem when the profile is unknown. */
export function configForDocument(config: ResolvedConfig, text: string): { config: ResolvedConfig; problem?: ProfileProblem } {
  const ref = frontMatterProfile(text);
  if (!ref) return { config };
  if (!('name' in ref)) return { config, problem: ref };
  const profile = config.profiles?.[ref.name];
  if (profile) return { config: { ...config, ...profile, profile: ref.name } };
  const names = Object.keys(config.profiles ?? {});
  const hint = closest(ref.name, names);
  const known = names.length === 0 ? 'the configuration defines no profiles' : hint !== undefined ? `did you mean "${hint}"?` : `profiles are ${names.map((n) => `"${n}"`).join(', ')}`;
  return { config, problem: { message: `unknown profile "${ref.name}"; ${known}`, start: ref.start, end: ref.end } };
}

/** ` (raised to warning by team policy in <file>)` for a finding of a rule the policy raised; empty otherwise. */
export function policyNote(config: ResolvedConfig, ruleId: string): string {
  const raised = config.raised?.[ruleId];
  if (!raised) return '';
  // Relative to the config file's folder: `.blueprintlint.jsonc`, or `../team/policy.jsonc` for an extended file.
  const file = config.baseDir ? relative(config.baseDir, raised.policy).split(sep).join('/') : raised.policy;
  return ` (raised to ${raised.to} by team policy in ${file})`;
}
