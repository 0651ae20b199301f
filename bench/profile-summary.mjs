// Summarises `node --cpu-prof` output: self time by area (parse, phrase matching, blueprint model, ...) and the top functions.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/blueprint-lint.js bench/corpus/quick/tree --format json > /dev/null
//   node bench/profile-summary.mjs /tmp/prof [TOP]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** First matching area wins; order matters (engine phrase code before the engine at large). */
const AREAS = [
  ['phrase matching (engine/phrases, vocabulary regex)', (url) => /engine\/phrases\//.test(url)],
  [
    'Markdown parse (micromark, mdast-util-*, remark)',
    (url) => /node_modules\/(micromark|mdast-util|remark-|unified|vfile|decode-named|character-|unist-|devlop|trough|bail|extend|is-plain-obj)/.test(url),
  ],
  ['blueprint model (engine/blueprint)', (url) => /engine\/blueprint\//.test(url)],
  ['rules (rules/)', (url) => /\/out\/rules\//.test(url)],
  ['rest of the engine (lint, suppress, text, config)', (url) => /engine\//.test(url)],
  ['CLI / server code', (url) => /server\/src\/(cli|server)\//.test(url)],
  ['other node_modules', (url) => /node_modules\//.test(url)],
  ['garbage collector', (_url, name) => name === '(garbage collector)'],
  ['idle', (_url, name) => name === '(idle)' || name === '(program)'],
  ['node internals and module loading', (url) => url.startsWith('node:') || url === ''],
];

export function summarise(dir, top = 12) {
  const files = readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'));
  const byArea = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const f of files) {
    const profile = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Built-ins (RegExp execution, string methods) have no URL: they count for the nearest caller that has one.
    const caller = (id) => {
      for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
        const f = nodes.get(p).callFrame;
        if (f.url && !f.url.startsWith('node:')) return f;
      }
      return undefined;
    };
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      const { url, functionName, lineNumber } = nodes.get(id).callFrame;
      const name = functionName || '(anonymous)';
      const from = url === '' && name.startsWith('RegExp:') ? caller(id) : undefined;
      const area = AREAS.find(([, test]) => test(from?.url ?? url, name))?.[0] ?? 'other';
      byArea.set(area, (byArea.get(area) ?? 0) + dt);
      const where = (f) => `${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/out\//, 'out/')}:${f.lineNumber + 1}`;
      const key = from ? `${name.slice(0, 60)} (called from ${from.functionName || '(anonymous)'} ${where(from)})` : `${name.slice(0, 60)} ${where({ url, lineNumber })}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
      // Total time: each function on the sample's stack once (recursion would count it twice otherwise).
      const onStack = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const f = nodes.get(n).callFrame;
        if (f.url && !f.url.startsWith('node:')) onStack.add(`${f.functionName || '(anonymous)'} ${where(f)}`);
      }
      for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      total += dt;
    });
  }
  const rows = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ what: k, ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 10 }));
  return { profiles: files.length, totalMs: Math.round(total / 1000), areas: rows(byArea, AREAS.length + 1), functions: rows(byFunction, top), inclusive: rows(inclusive, top) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('Usage: node bench/profile-summary.mjs PROFILE_DIR [TOP]\n');
    process.exitCode = 2;
  } else {
    const s = summarise(dir, Number(process.argv[3] ?? 12));
    process.stdout.write(`${s.profiles} profile(s), ${s.totalMs} ms sampled\n\n| area | ms | share |\n|---|---|---|\n`);
    for (const r of s.areas) process.stdout.write(`| ${r.what} | ${r.ms} | ${r.share}% |\n`);
    process.stdout.write('\n| function (self time) | ms | share |\n|---|---|---|\n');
    for (const r of s.functions) process.stdout.write(`| ${r.what.replace(/\|/g, '\\|')} | ${r.ms} | ${r.share}% |\n`);
    process.stdout.write('\n| function (total time: itself and what it calls) | ms | share |\n|---|---|---|\n');
    for (const r of s.inclusive) process.stdout.write(`| ${r.what.replace(/\|/g, '\\|')} | ${r.ms} | ${r.share}% |\n`);
  }
}
