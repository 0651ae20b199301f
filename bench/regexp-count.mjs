// How many regular expressions one CLI run builds with the RegExp constructor (literals are not counted), by the
// function that built them: `node bench/regexp-count.mjs FILE... [CLI options]` runs the CLI from out/ in this process.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const byCaller = new Map();
let chars = 0;
globalThis.RegExp = new Proxy(RegExp, {
  construct(target, args) {
    // the frame that called `new RegExp`, without its column
    const frame =
      (new Error().stack ?? '')
        .split('\n')[2]
        ?.trim()
        .replace(/:\d+\)?$/, '') ?? '?';
    byCaller.set(frame, (byCaller.get(frame) ?? 0) + 1);
    chars += String(args[0]).length;
    return Reflect.construct(target, args);
  },
});
const { main } = await import(join(root, 'out/server/src/cli/main.js'));
const quiet = { cwd: process.cwd(), env: {}, stdoutIsTTY: false, out: () => {}, err: (s) => process.stderr.write(s), readStdin: async () => new Uint8Array() };
await main(process.argv.slice(2), quiet);
const total = [...byCaller.values()].reduce((a, b) => a + b, 0);
console.log(`${total} expressions built, ${chars} characters of source`);
for (const [frame, n] of [...byCaller].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${frame.replace(`file://${root}/`, '').replace(root, '')}`);
