// Caches parsed config files by path + mtime + size, and whole resolutions by their inputs and files' stamps.
import { readFileSync, statSync } from 'node:fs';
import { parseConfigText, type ConfigFormat, type ConfigSource } from './source.js';
import type { LoadedLayers } from './compose.js';
import type { PartialConfig } from './layer.js';

export interface FileStamp {
  path: string;
  mtimeMs: number;
  size: number;
}

export function stampOf(path: string): FileStamp | undefined {
  try {
    // No exception for a missing file: discovery asks about many paths that do not exist.
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() ? { path, mtimeMs: s.mtimeMs, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

export type ReadResult = { source: ConfigSource; stamp: FileStamp } | { error: string };

interface Resolution {
  stamps: Array<FileStamp | { path: string; missing: true }>;
  result: LoadedLayers & { settings?: PartialConfig };
}

/** Share one across many `resolveConfig` calls (a CLI run, a language server session). Results are shared: treat them as read-only. */
export class ConfigCache {
  /** Files read from disk and resolutions answered from the cache; for tests and measurements. */
  readonly stats = { reads: 0, resolutionHits: 0 };
  private readonly files = new Map<string, { stamp: FileStamp; source: ConfigSource }>();
  private readonly resolutions = new Map<string, Resolution>();

  /** Reads and parses a file unless the cached copy is still current. */
  read(path: string, format: ConfigFormat): ReadResult {
    const stamp = stampOf(path);
    if (!stamp) return { error: 'file not found' };
    const cached = this.files.get(path);
    if (cached && sameStamp(cached.stamp, stamp)) return cached;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
      this.stats.reads++;
    } catch (e) {
      return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
    }
    const entry = { stamp, source: parseConfigText(path, text.replace(/^\uFEFF/, ''), format) };
    this.files.set(path, entry);
    return entry;
  }

  /** A cached resolution, if every file it read (or found missing) is unchanged. */
  resolution(key: string): Resolution['result'] | undefined {
    const hit = this.resolutions.get(key);
    if (!hit) return undefined;
    for (const s of hit.stamps) {
      const now = stampOf(s.path);
      if ('missing' in s ? now !== undefined : !sameStamp(s, now)) return undefined;
    }
    this.stats.resolutionHits++;
    return hit.result;
  }

  storeResolution(key: string, stamps: Resolution['stamps'], result: Resolution['result']): void {
    this.resolutions.set(key, { stamps, result });
  }

  /** Forget everything (e.g. when the workspace changes trust). */
  clear(): void {
    this.files.clear();
    this.resolutions.clear();
  }
}
