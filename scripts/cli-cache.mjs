// Build step: a packed copy of wink's core model (server/src/engine/language/wink.ts), then the V8 code cache of the CLI's bundle (dist/cli.cjs.cache), taken after a lint of the labelled corpus and the
// examples in this process, so the functions a lint runs are in it as bytecode and a cold `blueprint-lint FILE` does not
// compile them. bin/cli-bundle.js uses it only for the same bundle, Node, V8 and flags (a key in its first 40 bytes).
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { CACHE, loadCliBundle } from '../bin/cli-bundle.js';
import { CLI_V8_FLAGS } from '../bin/flags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The packed copy of wink's core model the language layer reads when it can (server/src/engine/language/wink.ts).
const { writePackedCoreModel } = await import(join(root, 'out/server/src/engine/language/wink.js'));
const copy = writePackedCoreModel();
console.log(copy ? `wink model: ${copy.slice(root.length + 1)}` : 'wink model: not the mirrored version, no copy');
setFlagsFromString(CLI_V8_FLAGS);
rmSync(CACHE, { force: true });
const cli = loadCliBundle(CLI_V8_FLAGS, { useCache: false });
if (!cli) {
  console.error('cli cache: no fresh dist/cli.cjs (run scripts/bundle.mjs first)');
  process.exit(1);
}
const quiet = { cwd: root, env: {}, stdoutIsTTY: false, out: () => {}, err: () => {}, readStdin: async () => new Uint8Array() };
// Lint as a user would (one thread), so the code the CLI runs is compiled; the output is discarded.
await cli.main(['test/corpus/data', 'examples', '--format', 'json', '--workers', '0'], quiet);
const data = cli.script.createCachedData();
writeFileSync(CACHE, Buffer.concat([Buffer.from(cli.key, 'latin1'), data]));
console.log(`cli cache: ${(data.length / 1024).toFixed(0)} KiB`);
