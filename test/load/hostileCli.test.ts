// Issue #16 item 3: every hostile input of docs/reliability.md, linted by the CLI as a user runs it (a child process),
// finishes within 10 s of CPU and 1 GB of peak RSS. `npm test` runs reduced sizes; `npm run fuzz` (FUZZ_FULL=1) the full ones.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longLine, mixedBlueprint, wideTable } from '../scaling/hostile.js';
import { repoRoot } from '../cli/helpers.js';

const full = process.env['FUZZ_FULL'] === '1';
const MAX_CPU_SECONDS = 10;
const MAX_RSS_MB = 1024;

/** Deterministic pseudo-random bytes (a linear congruential generator), so every machine lints the same input. */
function junk(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A list nested one level deeper per line: 3,000 levels are 9 MB. */
function staircase(depth: number): string {
  const parts = ['# Deep\n\n'];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(2 * i)}- **Customer:** same day ${i}\n`);
  return parts.join('');
}

interface Case {
  name: string;
  content: string | Buffer;
  /** Extra CLI arguments; every case but the size-limit one lifts the limit, so the parser's own bounds are what is tested. */
  args?: string[];
  /** What the run must show besides the bounds. */
  check(run: { findings: Array<{ rule: string; message: string }>; stderr: string }): void;
}

const KB = 1024;
const MB = 1024 * KB;
const lane = (n: number): string => `## Long\n\n- **Customer:** ${'same day refund on the spot '.repeat(Math.ceil(n / 28))}\n- **Frontstage:** Receptionist hands over the key.\n`;
const liftLimit = ['--max-file-size', '20mb'];
const anyResult = (): void => {};

const CASES: Case[] = [
  { name: 'empty file', content: '', check: ({ findings }) => assert.deepEqual(findings, []) },
  { name: 'only a BOM', content: '\uFEFF', check: ({ findings }) => assert.deepEqual(findings, []) },
  { name: '64 KB of binary junk', content: junk(64 * KB, 1), check: ({ stderr }) => assert.match(stderr, /skipped: binary file/) },
  {
    name: '64 KB of junk without NUL bytes (read as text, invalid UTF-8 replaced)',
    content: Buffer.from(junk(64 * KB, 2).map((b) => b || 1)),
    check: ({ stderr }) => assert.match(stderr, /invalid UTF-8 byte sequence/),
  },
  { name: 'lone surrogates and astral characters in a lane', content: '## A\n\n- **Customer:** \uD800 gets 🎉 a free upgrade \uDC00\n', check: anyResult },
  {
    name: `a ${full ? '1 MB' : '256 KB'} single-line lane`,
    content: lane(full ? MB : 256 * KB),
    args: liftLimit,
    check: ({ findings }) => assert.equal(findings.filter((f) => f.rule === 'benefit-needs-support').length, 1),
  },
  { name: `one ${full ? '1 MB' : '256 KB'} word`, content: 'a'.repeat(full ? MB : 256 * KB), args: liftLimit, check: ({ findings }) => assert.deepEqual(findings, []) },
  { name: `${full ? '1 MB' : '256 KB'} of prose, pipes, code, brackets and emphasis on one line`, content: longLine(full ? MB : 256 * KB), args: liftLimit, check: anyResult },
  {
    name: `a ${full ? '5 MB' : '256 KB'} generated blueprint, default size limit`,
    content: mixedBlueprint(full ? 5 * MB : 256 * KB).text,
    check: ({ findings }) =>
      full
        ? assert.deepEqual(
            findings.map((f) => f.rule),
            ['file-too-large'],
          )
        : assert.ok(findings.length > 10, `${findings.length} findings`),
  },
  { name: '10,000 nested blockquotes', content: `${'>'.repeat(10_000)} **Customer:** same day\n`, args: liftLimit, check: anyResult },
  {
    name: `${full ? '10,000' : '1,000'} nested lists on one line`,
    content: `${'- '.repeat(full ? 10_000 : 1_000)}**Customer:** same day\n`,
    args: liftLimit,
    check: ({ stderr }) => assert.match(stderr, /:1:201: content nested more than 100 levels deep was left out/),
  },
  {
    name: `a list nested ${full ? '3,000' : '1,000'} levels deep, one level per line (${full ? '9' : '1'} MB)`,
    content: staircase(full ? 3_000 : 1_000),
    args: liftLimit,
    check: ({ stderr }) => assert.match(stderr, /:54:1: line 54 is indented more than 100 columns/),
  },
  { name: 'an unclosed fence', content: '# Title\n\n```\n## Step\n\n- **Customer:** Gets a free upgrade.\n', check: ({ findings }) => assert.deepEqual(findings, []) },
  {
    name: `a table with ${full ? '2,000' : '500'} step columns`,
    content: wideTable(full ? 2_000 : 500).text,
    args: liftLimit,
    check: ({ findings }) => assert.equal(findings.filter((f) => f.rule === 'benefit-needs-support').length, wideTable(full ? 2_000 : 500).benefitCells.length),
  },
  { name: 'broken YAML front matter', content: '---\ntitle: [unclosed\n---\n\n## Pay\n\n- **Customer:** The guest gets a refund on the spot.\n', check: ({ stderr }) => assert.match(stderr, /:2:/) },
  {
    name: 'YAML custom tags',
    content: '---\nblueprint: true\nx: !foo bar\ny: !!js/function "function () {}"\n---\n\n## Pay\n\n- **Customer:** A refund.\n',
    check: ({ stderr }) => assert.match(stderr, /Unresolved tag/),
  },
  {
    name: 'a YAML alias bomb',
    content: `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 5 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ).join('\n')}\n---\n\n## Pay\n`,
    check: ({ stderr }) => assert.match(stderr, /alias/i),
  },
];

describe(`hostile inputs through the CLI (<= ${MAX_CPU_SECONDS} s of CPU, <= ${MAX_RSS_MB} MB; ${full ? 'full sizes' : 'npm test sizes'})`, function () {
  this.timeout(0);
  let dir: string;
  const rows: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'blueprint-hostile-cli-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(rows.map((r) => `      ${r}`).join('\n'));
  });

  for (const [i, c] of CASES.entries()) {
    it(c.name, () => {
      const file = join(dir, `case-${i}.blueprint.md`);
      writeFileSync(file, c.content);
      // CPU rather than wall time: on a shared machine the wall clock measures the neighbours as much as the CLI.
      const usage = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('usage '+(u.userCPUTime+u.systemCPUTime)+' '+u.maxRSS+'\\n')})`;
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--import', usage, join(repoRoot, 'bin', 'blueprint-lint.js'), '--format', 'json', ...(c.args ?? []), file], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      const wall = (performance.now() - t0) / 1000;
      const m = /usage (\d+) (\d+)\n/.exec(run.stderr);
      assert.ok(m, `no usage line: ${run.stderr.slice(-500)}`);
      const cpu = Number(m[1]) / 1e6;
      const rssMb = Number(m[2]) / 1024;
      rows.push(`${c.name}: ${(Buffer.byteLength(c.content) / MB).toFixed(2)} MB, CPU ${cpu.toFixed(2)} s, wall ${wall.toFixed(2)} s, peak RSS ${rssMb.toFixed(0)} MB`);
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(-500)}`);
      assert.doesNotMatch(run.stderr, /internal error/);
      const findings = JSON.parse(run.stdout) as Array<{ rule: string; message: string }>;
      c.check({ findings, stderr: run.stderr });
      assert.ok(cpu <= MAX_CPU_SECONDS, `${cpu.toFixed(1)} s of CPU`);
      assert.ok(rssMb <= MAX_RSS_MB, `peak RSS ${rssMb.toFixed(0)} MB`);
    });
  }
});
