import { isAbsolute, relative } from 'node:path';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import type { ResolvedConfig } from '../config/types.js';
import type { Blueprint } from '../types.js';
import type { RawStep } from './build.js';

export interface FrontMatterVerdict {
  blueprint: boolean;
  /** A YAML error, with the offset in the document where it is. */
  error?: { message: string; offset: number };
}

/** Spec 2: `blueprint:` key (any value) or `type: service-blueprint` in YAML front matter. */
export function frontMatterVerdict(fm: { value: string; start: number } | undefined): FrontMatterVerdict {
  if (!fm) return { blueprint: false };
  // The YAML body starts after the opening "---" line.
  const bodyStart = fm.start + 4;
  // Broken YAML: a line-level look for the key, so the file is still linted as far as it can be.
  const fallback = /^(?:blueprint\s*:|type\s*:\s*["']?service-blueprint)/im.test(fm.value);
  // No custom tags, no warnings on the console, a bound on aliases: nothing in a document is executed or expanded.
  const doc = parseDocument(fm.value, { customTags: [], logLevel: 'silent', prettyErrors: false, uniqueKeys: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const kind = doc.errors.length ? 'broken front matter' : 'front matter';
    return { blueprint: fallback, error: { message: `${kind}: ${problem.message.split('\n')[0]}`, offset: bodyStart + (problem.pos?.[0] ?? 0) } };
  }
  try {
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const rec = data as Record<string, unknown>;
      return { blueprint: 'blueprint' in rec || String(rec['type'] ?? '').toLowerCase() === 'service-blueprint' };
    }
    return { blueprint: false };
  } catch (e) {
    return { blueprint: fallback, error: { message: `front matter refused: ${(e as Error).message.split('\n')[0]}`, offset: bodyStart } };
  }
}

const matchers = new Map<string, (p: string) => boolean>();

export function matchesGlobs(filePath: string | undefined, globs: readonly string[], baseDir?: string): boolean {
  if (!filePath || globs.length === 0) return false;
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = picomatch(globs as string[], { dot: true });
    matchers.set(key, m);
  }
  const base = baseDir ?? process.cwd();
  const rel = isAbsolute(filePath) ? relative(base, filePath) : filePath;
  const posix = rel.split('\\').join('/');
  return m(posix) || m(`./${posix}`) || (posix.startsWith('../') ? false : m(filePath.split('\\').join('/')));
}

/** Auto-detection: some step carries labels of at least two different lanes, one of them a lane of the service (not `other`). */
const SOFTWARE_TIER = /^\W*(?:front[ -]?end|back[ -]?end|apis?|databases?|db|ui|server|client|infra(?:structure)?|worker|queue)\b/i;

export function hasLanedStep(steps: readonly RawStep[]): boolean {
  const laned = steps.filter((s) => {
    // Two lanes of the service: a metric, a note or a column no word list knows beside one lane is a table of something else;
    // software tiers alone ("Frontend: Vue", "Backend: Go") describe a system, a service has people in it.
    return new Set(s.lanes.map((l) => l.kind).filter((k) => k !== 'other')).size >= 2 && s.lanes.some((l) => l.kind !== 'other' && !SOFTWARE_TIER.test(l.label));
  });
  // One section of staff areas alone ("Front desk: 2 from opening", "Back of house: 1 on call") is a staffing list, not a
  // journey: a lone laned step needs the customer's lane, or what staff are given, beside its staff.
  return laned.length >= 2 || laned.some((s) => s.lanes.some((l) => l.kind !== 'frontstage' && l.kind !== 'backstage' && l.kind !== 'other'));
}

export function detect(fm: FrontMatterVerdict, filePath: string | undefined, steps: readonly RawStep[], config: ResolvedConfig): Blueprint['reason'] {
  if (!config.enable) return 'disabled';
  if (fm.blueprint) return 'front-matter';
  if (matchesGlobs(filePath, config.files, config.baseDir)) return 'glob';
  // A file named *.blueprint.md says what it is wherever it lies (outside the base directory too), unless files are set otherwise.
  if (filePath && /\.blueprint\.md$/i.test(filePath) && config.files.some((g) => /\*\.blueprint\.md$/i.test(g))) return 'glob';
  if (config.autoDetect && hasLanedStep(steps)) return 'lanes';
  return 'none';
}
