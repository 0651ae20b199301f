// --shard i/n: each file's shard comes from a hash of its own path, so adding or removing a file moves no other file.
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Shard } from './options.js';
import { toForwardSlashes } from '../files/paths.js';

/** The 1-based shard of a path relative to the working directory (forward slashes, so Windows and POSIX agree). */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha1').update(toForwardSlashes(relativePath)).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** Whether `absolutePath` belongs to `shard`; every file is in exactly one of the shards 1..n. */
export function inShard(absolutePath: string, shard: Shard, cwd: string): boolean {
  return shardOf(relative(cwd, absolutePath), shard.count) === shard.index;
}
