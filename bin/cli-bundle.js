// Runs the CLI from its bundle (dist/cli.cjs, scripts/bundle.mjs) with the V8 code cache scripts/cli-cache.mjs made at
// build time: one file to read instead of ~200 ES modules to resolve and link, and bytecode instead of a compile.
// Returns undefined (the launcher then imports out/) when there is no bundle, or when out/ was compiled after it (a
// `tsc` without the bundle step must not run yesterday's CLI). The cache is used only when it names the bundle's exact
// content (V8 itself checks little more than the source length) and this Node and V8; otherwise V8 compiles as usual.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'dist', 'cli.cjs');
export const CACHE = `${BUNDLE}.cache`;
const COMPILED_MAIN = join(root, 'out', 'server', 'src', 'cli', 'main.js');

/** What a cache must name: the bundle's bytes, Node's version, V8's version and the flags the launcher sets. */
export function cacheKey(source, flags) {
  return createHash('sha1').update(source).update(`\0${process.version}\0${process.versions.v8}\0${process.arch}\0${flags}`).digest('hex');
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** { main, lintWorker, script, key } of the bundle, or undefined. `flags`: the V8 flags the caller set (part of the cache's key). */
export function loadCliBundle(flags, { useCache = true } = {}) {
  if (process.env.BLUEPRINT_LINT_NO_BUNDLE) return undefined;
  const bundleTime = mtime(BUNDLE);
  if (bundleTime === undefined) return undefined;
  const compiledTime = mtime(COMPILED_MAIN);
  if (compiledTime !== undefined && compiledTime > bundleTime) return undefined;
  // scripts/bundle.mjs writes the bundle in ASCII: latin1 is the fast way to read it as is. The key hashes the bytes
  // (hashing the string would encode it back to bytes first).
  const bytes = readFileSync(BUNDLE);
  const source = bytes.toString('latin1');
  const key = cacheKey(bytes, flags);
  let cachedData;
  if (useCache) {
    try {
      const file = readFileSync(CACHE);
      // header: 40 hex characters of the key, then the V8 code cache
      if (file.length > 40 && file.toString('latin1', 0, 40) === key) cachedData = file.subarray(40);
    } catch {
      // no cache: compile
    }
  }
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { main: module.exports.main, lintWorker: module.exports.lintWorker, script, key, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}
