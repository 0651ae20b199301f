// Bundles the extension client and the language server into two CommonJS files for the .vsix (no node_modules inside),
// and the CLI into dist/cli.cjs (bin/blueprint-lint.js runs it with a V8 code cache: scripts/cli-cache.mjs).
//   node scripts/bundle.mjs [--sourcemap] [--no-minify] [--cli-only]
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

// The CLI's bundle carries wink-nlp and the model's modules the language layer's faster loader requires by name, so the
// code cache holds them too; the model package's own entry stays outside (it would bring its 3 MB core JSON into the
// bundle: the loader reads that file, or the build's packed copy, instead). It is not minified, so a stack trace reads.
const allEntries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs' },
  { in: 'server/src/server/main.ts', out: 'dist/server.cjs' },
  {
    in: 'server/src/cli/main.ts',
    out: 'dist/cli.cjs',
    externalExactly: ['wink-eng-lite-web-model'],
    minify: false,
    // the worker pool starts its threads from this bundle too (server/src/cli/workerPool.ts)
    define: { BLUEPRINT_LINT_CLI_BUNDLE: 'true' },
  },
];
const entries = args.has('--cli-only') ? allEntries.filter((e) => e.out === 'dist/cli.cjs') : allEntries;
const missing = entries.filter((e) => !existsSync(join(root, e.in)));
if (missing.length > 0) {
  console.error(`bundle: entry point not found: ${missing.map((e) => e.in).join(', ')}`);
  process.exit(1);
}

/**
 * The engine finds its data files (rules/vocabulary, rules/presets, schemas) relative to its own module URL, as
 * compiled into out/. In a CommonJS bundle there is no import.meta, so each source file gets the URL it would have
 * in out/ under the installed package root (dist/..): relative lookups then land on the files the .vsix ships.
 */
const importMetaPlugin = {
  name: 'import-meta-as-in-out',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      let contents = await readFile(args.path, 'utf8');
      // A module that loads a dependency lazily through createRequire (the language layer's wink-nlp model) uses the
      // bundle's own require instead, so esbuild bundles the dependency (a lazy __commonJS wrapper: nothing runs until
      // the first call) and the .vsix needs no node_modules.
      contents = contents.replace(/^const require = createRequire\(import\.meta\.url\); \/\/ bundle: global require$/m, '');
      if (contents.includes('import.meta')) {
        const asInOut = JSON.stringify(join('out', relative(root, args.path)).replace(/\.ts$/, '.js').split(sep).join('/'));
        contents = contents
          .replace(/\bimport\.meta\.url\b/g, `__blueprintLintUrl(${asInOut})`)
          .replace(/\bimport\.meta\.filename\b/g, `__blueprintLintFile(${asInOut})`)
          .replace(/\bimport\.meta\.dirname\b/g, `require('node:path').dirname(__blueprintLintFile(${asInOut}))`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/** Keeps these specifiers out of the bundle, and only these: esbuild's `external` would take a package's subpaths too. */
function externalExactly(names) {
  const filter = new RegExp(`^(?:${names.map((n) => n.replace(/[^\w-]/g, '\\$&')).join('|')})$`);
  return { name: 'external-exactly', setup: (build) => build.onResolve({ filter }, (args) => ({ path: args.path, external: true })) };
}

const banner = [
  '"use strict";',
  "const __blueprintLintFile = (rel) => require('node:path').join(__dirname, '..', rel);",
  "const __blueprintLintUrl = (rel) => require('node:url').pathToFileURL(__blueprintLintFile(rel)).href;",
  "const __blueprintLintBundleUrl = require('node:url').pathToFileURL(__filename).href;",
].join('\n');

const started = Date.now();
const results = await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode', ...(entry.external ?? [])],
      // prefer the CommonJS builds of dual packages (the ESM ones of vscode-languageserver need a bundler shim)
      mainFields: ['main', 'module'],
      // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow: take its ESM build. fdir's ESM
      // build (via tinyglobby) requires picomatch through createRequire, which loaded it from node_modules at every start
      // (about 9 ms); its CommonJS build requires it by name, so the bundle's own copy serves.
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js', fdir: './node_modules/fdir/dist/index.cjs' },
      minify: entry.minify ?? !args.has('--no-minify'),
      sourcemap: args.has('--sourcemap'),
      banner: { js: banner },
      // dependencies' ESM builds (fdir, via tinyglobby) use import.meta.url for createRequire: give them the bundle's own URL
      define: { 'import.meta.url': '__blueprintLintBundleUrl', ...entry.define },
      plugins: [importMetaPlugin, ...(entry.externalExactly ? [externalExactly(entry.externalExactly)] : [])],
      logLevel: 'warning',
      metafile: true,
    }),
  ),
);
// The CLI's bundle is read at every start: in ASCII it is a one-byte string (latin1 reads it as is, about 5x faster than
// decoding UTF-8, and V8 hashes and scans it faster). esbuild escapes strings and identifiers already (charset ascii);
// what it leaves are regular-expression literals and comments, where a \\u escape of a BMP character, or of each half of
// a surrogate pair, means the same. A character after an odd number of backslashes is an identity escape in a
// regular expression ("\\’" is "’"): that backslash goes and the character is written as \\u.
for (const entry of entries.filter((e) => e.out === 'dist/cli.cjs')) {
  const file = join(root, entry.out);
  const text = await readFile(file, 'utf8');
  const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  await writeFile(file, ascii);
}
for (const [i, result] of results.entries()) {
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`bundle: ${entries[i].out} ${(bytes / 1024).toFixed(0)} KiB`);
}
console.log(`bundle: done in ${Date.now() - started} ms`);
