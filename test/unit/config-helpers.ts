// Temp-dir helpers shared by the config tests: real files on disk, removed after each suite.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const KNOWN_RULES = [
  'benefit-needs-support',
  'decision-needs-authority',
  'frontstage-needs-backstage',
  'conflict-needs-backing',
  'burden-needs-relief',
  'customer-first-slogan',
  'unknown-lane',
  'empty-lane',
  'duplicate-step',
];

export const RULE_INFO = [
  { id: 'benefit-needs-support', defaultSeverity: 'warning' as const },
  { id: 'decision-needs-authority', defaultSeverity: 'warning' as const },
  { id: 'frontstage-needs-backstage', defaultSeverity: 'info' as const },
  { id: 'conflict-needs-backing', defaultSeverity: 'warning' as const },
  { id: 'burden-needs-relief', defaultSeverity: 'warning' as const },
  { id: 'customer-first-slogan', defaultSeverity: 'info' as const },
  {
    id: 'unknown-lane',
    defaultSeverity: 'warning' as const,
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxDistance: { type: 'integer', minimum: 0 } } },
  },
  { id: 'empty-lane', defaultSeverity: 'info' as const },
  { id: 'duplicate-step', defaultSeverity: 'warning' as const },
];

/** A fresh directory (real path, so messages match on systems where tmp is a symlink). */
export function makeTempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'bpl-config-')));
}

/** Writes `files` (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
