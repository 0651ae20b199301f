import { createHash } from 'node:crypto';
import type { Finding } from '../../engine/index.js';

/**
 * Stable, line-independent fingerprints for one file's findings (SARIF and GitLab use the same), so moving a step does
 * not turn an old finding into a new one; equal findings are told apart by their order.
 */
export function fingerprinter(fileKey: string): (f: Finding) => string {
  const seen = new Map<string, number>();
  return (f) => {
    const identity = [f.ruleId, fileKey, f.step ?? '', f.message].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  };
}
