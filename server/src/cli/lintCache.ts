// --cache: findings of unchanged files under an unchanged config and tool version, reused without parsing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Finding, ResolvedConfig, Rule } from '../engine/index.js';
import { writeFileAtomically } from './fixFile.js';
import { displayPath, type CliIo } from './io.js';
import { sha1, type FileOutcome } from './lintFile.js';
import { DEFAULT_CACHE_FILE } from './options.js';
import { toForwardSlashes } from '../files/paths.js';
import type { FileNote } from './targets.js';
import { packageRoot } from '../engine/resources.js';

/** Bumped when the shape of the cache file changes; an older file is then dropped silently. */
// 2: entries keep the suppressed findings (SARIF writes them).
const CACHE_FORMAT = 2;

interface CacheEntry {
  /** sha1 of the file's bytes. */
  hash: string;
  /** configHash() of the config the file was linted with. */
  config: string;
  findings: Finding[];
  suppressed: Finding[];
  notes: FileNote[];
}

interface CacheFile {
  format: number;
  tool: string;
  entries: Record<string, CacheEntry>;
}

/** The cache file for `--cache-location` (a folder, or a path ending in a slash, gets the default name inside). */
export function cacheFilePath(location: string, cwd: string): string {
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(path, DEFAULT_CACHE_FILE);
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, DEFAULT_CACHE_FILE) : path;
  } catch {
    return path; // e.g. a parent is a file: reading and writing will say so
  }
}

export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly touched = new Set<string>();
  private readonly base: string;

  private constructor(
    private readonly path: string,
    private readonly tool: string,
    entries: Map<string, CacheEntry>,
  ) {
    this.entries = entries;
    this.base = dirname(path);
  }

  /** Loads the cache; a missing file is an empty cache, a corrupt or unreadable one is ignored after a one-line notice. */
  static async load(path: string, tool: string, io: CliIo): Promise<LintCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') io.err(`blueprint-lint: ignoring the cache ${displayPath(path, io.cwd)}: ${describe(error)}\n`);
      return new LintCache(path, tool, new Map());
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      io.err(`blueprint-lint: ignoring the cache ${displayPath(path, io.cwd)}: not valid JSON (it will be rewritten)\n`);
      return new LintCache(path, tool, new Map());
    }
    const file = data as Partial<CacheFile> | null;
    // Another format or tool version: nothing in it can be trusted, and that is expected after an upgrade.
    if (isObject(file) && typeof file.format === 'number' && typeof file.tool === 'string' && (file.format !== CACHE_FORMAT || file.tool !== tool)) return new LintCache(path, tool, new Map());
    if (!isObject(file) || !isObject(file.entries) || !Object.values(file.entries).every(isEntry)) {
      io.err(`blueprint-lint: ignoring the cache ${displayPath(path, io.cwd)}: unexpected content (it will be rewritten)\n`);
      return new LintCache(path, tool, new Map());
    }
    return new LintCache(path, tool, new Map(Object.entries(file.entries)));
  }

  /** The stored outcome for a file whose bytes hash to `contentHash`, linted under `config`; undefined on a miss. */
  lookup(absolutePath: string, contentHash: string, config: string): FileOutcome | undefined {
    const key = this.key(absolutePath);
    const entry = this.entries.get(key);
    if (!entry || entry.hash !== contentHash || entry.config !== config) return undefined;
    this.touched.add(key);
    return { findings: entry.findings, suppressed: entry.suppressed, notes: entry.notes, failed: false, contentHash };
  }

  /** Remembers a fresh outcome; outcomes that cannot be reproduced from the bytes (skipped, failed) are forgotten. */
  store(absolutePath: string, config: string, outcome: FileOutcome): void {
    const key = this.key(absolutePath);
    this.touched.add(key);
    if (outcome.findings && !outcome.failed && outcome.contentHash) {
      this.entries.set(key, { hash: outcome.contentHash, config, findings: outcome.findings, suppressed: outcome.suppressed ?? [], notes: outcome.notes });
    } else this.entries.delete(key);
  }

  /** Writes the cache atomically; a failure is a notice, never a failed lint. */
  async save(io: CliIo): Promise<void> {
    const entries: Record<string, CacheEntry> = {};
    for (const [key, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // Entries of files this run did not see stay for other runs (shards, subsets) while their file exists.
      if (this.touched.has(key) || existsSync(resolve(this.base, key))) entries[key] = entry;
    }
    const file: CacheFile = { format: CACHE_FORMAT, tool: this.tool, entries };
    try {
      await mkdir(this.base, { recursive: true });
      await writeFileAtomically(this.path, JSON.stringify(file), { bom: false, mode: 0o644 });
    } catch (error) {
      io.err(`blueprint-lint: cannot write the cache ${displayPath(this.path, io.cwd)}: ${describe(error)}\n`);
    }
  }

  /** Relative to the cache's folder, so a cache restored into the same layout elsewhere keeps its keys. */
  private key(absolutePath: string): string {
    const rel = relative(this.base, absolutePath);
    return toForwardSlashes(rel && !isAbsolute(rel) ? rel : absolutePath);
  }
}

/** sha1 of a file's bytes, or undefined when it cannot be linted from a cache (missing, a folder, over the size limit). */
export async function hashFile(path: string, maxFileSize: number): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxFileSize) return undefined;
    return sha1(await readFile(path));
  } catch {
    return undefined;
  }
}

let shippedHash: string | undefined;

/** Everything besides the file's bytes that decides its findings: the resolved config, the rules and the shipped vocabularies. */
export function configHash(config: ResolvedConfig, rules: readonly Rule[]): string {
  shippedHash ??= hashShipped(rules);
  return sha1(`${shippedHash}\0${JSON.stringify(config)}`);
}

function hashShipped(rules: readonly Rule[]): string {
  const parts = rules.map((r) => `${r.id}:${r.defaultSeverity}:${JSON.stringify(r.defaultOptions ?? {})}`);
  const dir = join(packageRoot(), 'rules', 'vocabulary');
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // no vocabulary folder: the engine reports that itself
  }
  for (const name of names) {
    try {
      parts.push(`${name}:${sha1(readFileSync(join(dir, name)))}`);
    } catch {
      parts.push(`${name}:unreadable`);
    }
  }
  return sha1(parts.join('\n'));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): boolean {
  return isObject(v) && typeof v['line'] === 'number' && typeof v['column'] === 'number' && typeof v['offset'] === 'number';
}

function isFinding(v: unknown): boolean {
  if (!isObject(v)) return false;
  const span = v['span'];
  return (
    typeof v['ruleId'] === 'string' &&
    (v['severity'] === 'error' || v['severity'] === 'warning' || v['severity'] === 'info') &&
    typeof v['message'] === 'string' &&
    isObject(span) &&
    typeof span['start'] === 'number' &&
    typeof span['end'] === 'number' &&
    isPosition(v['start']) &&
    isPosition(v['end']) &&
    (v['step'] === null || typeof v['step'] === 'string') &&
    Array.isArray(v['fixes'])
  );
}

function isNote(v: unknown): boolean {
  if (!isObject(v) || typeof v['message'] !== 'string') return false;
  const at = v['at'];
  return at === undefined || (isObject(at) && typeof at['line'] === 'number' && typeof at['column'] === 'number');
}

function isEntry(v: unknown): v is CacheEntry {
  return (
    isObject(v) &&
    typeof v['hash'] === 'string' &&
    typeof v['config'] === 'string' &&
    Array.isArray(v['findings']) &&
    v['findings'].every(isFinding) &&
    Array.isArray(v['suppressed']) &&
    v['suppressed'].every(isFinding) &&
    Array.isArray(v['notes']) &&
    v['notes'].every(isNote)
  );
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent of it is not a directory';
  return error instanceof Error ? error.message : String(error);
}
