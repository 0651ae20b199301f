// Hostile inputs: each must lint without throwing, with ranges inside the document, and give the documented
// result. Times are printed (not asserted); `npm run fuzz` runs the full sizes (1 MB line, 5 MB file, 2,000 columns).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type ResolvedConfig } from '../../server/src/engine/config/types.js';
import { lint, type LintOptions, type LintResult } from '../../server/src/engine/lint.js';
import type { FixProposal } from '../../server/src/engine/types.js';
import { corpusFiles, fuzzRuns } from '../support/arbitraries.js';
import { assertWellFormed } from './invariants.js';

/** Full sizes in fuzz mode; a quarter or less in `npm test`, to keep the suite within its minute. */
const full = process.env['FUZZ_FULL'] === '1' || fuzzRuns() >= 10_000;
const timings: Array<[string, number, number, number]> = [];

/** Lints and checks the invariants, recording the time and the size. */
function lintTimed(name: string, text: string, options: LintOptions = {}): LintResult<FixProposal> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = lint(text, options);
  const cpu = process.cpuUsage(cpu0);
  timings.push([name, text.length, performance.now() - t0, (cpu.user + cpu.system) / 1000]);
  assertWellFormed(text, result);
  return result;
}

const STEP = '## Check-in\n\n- **Guest:** Gets a free upgrade when the hotel is quiet.\n- **Frontstage:** Receptionist hands over the key.\n';

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure can be replayed. */
function junk(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A blueprint of about `bytes` characters: corpus blueprints repeated, each copy's headings made unique. */
function bigBlueprint(bytes: number): string {
  const sources = corpusFiles().filter((f) => f.name.includes('blueprint') || f.text.includes('**Frontstage'));
  assert.ok(sources.length > 0, 'no corpus blueprints to build from');
  const parts = ['---\nblueprint: true\n---\n\n# Generated\n\n'];
  let size = parts[0]!.length;
  for (let copy = 0; size < bytes; copy++) {
    const body = sources[copy % sources.length]!.text.replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^(#{1,6} .*)$/gm, `$1 (copy ${copy})`)
      .replace(/^# /gm, '## ');
    parts.push(body, '\n');
    size += body.length + 1;
  }
  return parts.join('');
}

function configWithBenefits(add: string[]): ResolvedConfig {
  const config = defaultConfig();
  config.vocabulary.benefit.add = add;
  return config;
}

describe('hostile inputs', function () {
  this.timeout(0);

  after(() => {
    console.log(`      times (${full ? 'full sizes' : 'npm test sizes'}):`);
    for (const [name, size, ms, cpu] of timings) console.log(`        ${name.padEnd(44)} ${String(size).padStart(9)} chars ${ms.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms CPU`);
  });

  it('an empty file is not a blueprint and has no findings or problems', () => {
    const result = lintTimed('empty file', '');
    assert.equal(result.blueprint.isBlueprint, false);
    assert.deepEqual([result.findings, result.problems], [[], []]);
    const forced = lintTimed('empty file, forced', '', { forceBlueprint: true });
    assert.deepEqual([forced.blueprint.steps, forced.findings], [[], []]);
  });

  it('a file that is only a BOM has no steps and no findings', () => {
    const result = lintTimed('only a BOM', '\uFEFF', { forceBlueprint: true });
    assert.deepEqual([result.blueprint.steps, result.findings, result.problems], [[], [], []]);
  });

  it('binary junk (as Latin-1 and as UTF-8 with replacement characters) lints without throwing', () => {
    for (const seed of [1, 2, 3]) {
      const bytes = junk(64 * 1024, seed);
      lintTimed(`64 KB binary junk as Latin-1 (seed ${seed})`, Buffer.from(bytes).toString('latin1'), { forceBlueprint: true });
      lintTimed(`64 KB binary junk as UTF-8 (seed ${seed})`, new TextDecoder('utf-8').decode(bytes), { forceBlueprint: true });
    }
  });

  it('invalid UTF-8 decoded with replacement characters: the finding is still exactly on its phrase', () => {
    const bad = [0xc3, 0x28, 0xff, 0xf0, 0x9f, 0x98];
    const bytes = Buffer.concat([Buffer.from('## Check-in\n\n- **Guest:** '), Buffer.from(bad), Buffer.from(' Gets a free upgrade.\n- **Frontstage:** Receptionist hands over the key.\n')]);
    const text = new TextDecoder('utf-8').decode(bytes);
    assert.ok(text.includes('\uFFFD'));
    const result = lintTimed('invalid UTF-8', text);
    const f = result.findings.find((x) => x.ruleId === 'benefit-needs-support')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'free upgrade');
    assert.equal(f.start.line, 3);
    assert.equal(f.start.column, text.split('\n')[2]!.indexOf('free upgrade') + 1);
  });

  it('lone surrogates and astral characters: positions count UTF-16 code units', () => {
    const text = '## Check-in 🚀\n\n- **Guest:** 😀\uD800 𝔘 Gets a free upgrade.\n- **Frontstage:** \uDC00 Receptionist hands over the key.\n';
    const f = lintTimed('lone surrogates', text).findings.find((x) => x.ruleId === 'benefit-needs-support')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'free upgrade');
    assert.deepEqual([f.start.line, f.start.column], [3, '- **Guest:** 😀\uD800 𝔘 Gets a '.length + 1]);
  });

  it(`a ${full ? '1 MB' : '256 KB'} single line lints (as a lane, and as one long word)`, () => {
    const size = full ? 1 << 20 : 1 << 18;
    const lane = `## Long\n\n- **Customer:** ${'same day refund on the spot '.repeat(Math.ceil(size / 28))}\n- **Frontstage:** Receptionist hands over the key.\n`;
    const result = lintTimed(`${size >> 10} KB single-line lane`, lane, { forceBlueprint: true });
    assert.equal(result.findings.filter((f) => f.ruleId === 'benefit-needs-support').length, 1);
    lintTimed(`${size >> 10} KB of "a", one line`, 'a'.repeat(size), { forceBlueprint: true });
  });

  it(`a ${full ? '5 MB' : '256 KB'} generated blueprint lints, with one finding per flagged step`, () => {
    const text = bigBlueprint(full ? 5 << 20 : 1 << 18);
    const result = lintTimed(`${(text.length / (1 << 20)).toFixed(1)} MB blueprint`, text);
    assert.equal(result.blueprint.reason, 'front-matter');
    assert.ok(result.blueprint.steps.length > 30, `${result.blueprint.steps.length} steps`);
    // Copies repeat step titles, so steps are told apart by where their title is.
    const perStep = new Map<number, number>();
    for (const f of result.findings.filter((x) => x.ruleId === 'benefit-needs-support')) perStep.set(f.stepTitleSpan!.start, (perStep.get(f.stepTitleSpan!.start) ?? 0) + 1);
    assert.ok(perStep.size > 0);
    for (const [at, n] of perStep) assert.equal(n, 1, `the step titled at offset ${at} has ${n} findings`);
  });

  it('10,000 nested blockquotes lint without throwing', () => {
    lintTimed('10,000 nested blockquotes', `${'>'.repeat(10_000)} **Customer:** same day\n`, { forceBlueprint: true });
  });

  it(`${full ? '10,000' : '1,000'} nested lists on one line lint without throwing`, () => {
    const depth = full ? 10_000 : 1_000;
    lintTimed(`${depth} nested lists`, `${'- '.repeat(depth)}**Customer:** same day\n`, { forceBlueprint: true });
  });

  /** A list nested one level deeper per line (`depth` lines): 3,000 levels are 9 MB. */
  const staircase = (depth: number): string => {
    const parts = ['# Deep\n\n'];
    for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(2 * i)}- **Customer:** same day ${i}\n`);
    return parts.join('');
  };
  const stairProblems = (depth: number): Array<[string, number, number]> => [
    [
      `line 54 is indented more than 100 columns (nesting deeper than 100 levels): it and the ${(depth - 51).toLocaleString('en-US')} lines from it to the end were left out; the limit is fixed, no setting changes it`,
      54,
      1,
    ],
    ['content nested more than 100 levels deep was left out', 1, 1],
  ];

  it(`a list nested ${full ? '3,000' : '1,000'} levels deep, one level per line: cut before line 54, in the engine and in the CLI (<= 10 s, <= 1 GB)`, () => {
    const depth = full ? 3_000 : 1_000;
    const text = staircase(depth);
    const result = lintTimed(`list nested ${depth} deep (${(text.length / 1e6).toFixed(1)} MB)`, text, { forceBlueprint: true });
    assert.deepEqual(
      result.problems.map((p) => [p.message, p.start.line, p.start.column]),
      stairProblems(depth),
    );
    assert.deepEqual(
      result.problems.map((p) => p.severity),
      ['info', undefined],
    );

    // The CLI in a child process, as a user runs it: wall time and peak RSS (reported by the child as it exits).
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-deep-'));
    try {
      const file = join(dir, 'deep.md');
      writeFileSync(file, text);
      const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
      const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))`;
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--import', reportRss, join(root, 'bin', 'blueprint-lint.js'), '--max-file-size', '20mb', '--format', 'json', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      const seconds = (performance.now() - t0) / 1000;
      const rssMb = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]) / 1024;
      timings.push([`CLI: list nested ${depth} deep (peak RSS ${rssMb.toFixed(0)} MB)`, text.length, seconds * 1000, NaN]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), []);
      for (const [message, line, column] of stairProblems(depth)) assert.ok(run.stderr.includes(`deep.md:${line}:${column}: ${message}\n`), run.stderr);
      assert.ok(seconds <= 10, `the CLI took ${seconds.toFixed(1)} s`);
      assert.ok(rssMb > 0 && rssMb <= 1024, `the CLI's peak RSS was ${rssMb.toFixed(0)} MB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unclosed fence makes the rest of the file code: no steps, no findings', () => {
    const result = lintTimed('unclosed fence', `# Title\n\n\`\`\`\n${STEP}${STEP}`, { forceBlueprint: true });
    assert.deepEqual([result.blueprint.steps, result.findings], [[], []]);
    const tilde = lintTimed('unclosed ~~~ after a step', `${STEP}\n~~~js\n${STEP}`, { forceBlueprint: true });
    assert.equal(tilde.blueprint.steps.length, 1);
  });

  it(`a table with ${full ? '2,000' : '500'} step columns gives one step per column`, () => {
    const cols = full ? 2000 : 500;
    const row = (label: string, cell: (i: number) => string) => `| ${label} | ${Array.from({ length: cols }, (_, i) => cell(i)).join(' | ')} |`;
    const text = [row('Lane', (i) => `S${i}`), `|${'---|'.repeat(cols + 1)}`, row('Customer', () => 'same day'), row('Frontstage', () => 'hands over'), ''].join('\n');
    const result = lintTimed(`${cols}-column table`, text);
    assert.equal(result.blueprint.steps.length, cols);
    assert.equal(result.findings.filter((f) => f.ruleId === 'benefit-needs-support').length, cols);
  });

  it('broken YAML front matter: a problem with its position, and the file is still linted', () => {
    const text = `---\nblueprint: [unclosed\n---\n\n${STEP}`;
    const result = lintTimed('broken YAML front matter', text);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /front matter/);
    assert.equal(result.problems[0]!.start.line, 2);
    assert.equal(result.blueprint.isBlueprint, true);
    assert.ok(result.findings.some((f) => f.ruleId === 'benefit-needs-support'));
  });

  for (const [name, yaml] of [
    ['!!js/function', 'x: !!js/function "function () { globalThis.__blueprintLintPwned = true }"'],
    ['!foo', 'owner: !foo ops'],
  ] as const) {
    it(`YAML with a custom tag (${name}) is not executed, is reported with its position, and prints no warning`, async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        const text = `---\nblueprint: true\n${yaml}\n---\n\n${STEP}`;
        const result = lintTimed(`YAML custom tag ${name}`, text);
        // Process warnings are emitted on the next tick: let one turn of the event loop pass.
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal((globalThis as Record<string, unknown>)['__blueprintLintPwned'], undefined);
        assert.equal(result.blueprint.reason, 'front-matter');
        assert.ok(result.findings.some((f) => f.ruleId === 'benefit-needs-support'));
        assert.equal(result.problems.length, 1, `expected one problem naming the tag, got ${JSON.stringify(result.problems)}`);
        assert.ok(result.problems[0]!.message.includes(name.replace(/^!!/, '')), result.problems[0]!.message);
        assert.equal(result.problems[0]!.start.line, 3);
        assert.deepEqual(warnings, []);
      } finally {
        process.off('warning', onWarning);
      }
    });
  }

  it('a YAML alias bomb in front matter is refused as a problem, not expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const result = lintTimed('YAML alias bomb', `---\nblueprint: true\n${levels.join('\n')}\n---\n\n${STEP}`);
    assert.equal(result.problems.length, 1);
    assert.ok(result.findings.some((f) => f.ruleId === 'benefit-needs-support'));
  });

  it('an invalid vocabulary pattern in the config does not make lint throw; the shipped vocabulary still works', () => {
    for (const bad of ['(unclosed', 'a | b', '{nope}', '[', ')']) {
      const result = lintTimed(`invalid user pattern ${bad}`, STEP, { config: configWithBenefits([bad]) });
      assert.ok(
        result.findings.some((f) => f.ruleId === 'benefit-needs-support'),
        bad,
      );
    }
  });
});
