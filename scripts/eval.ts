// npm run eval: accuracy of the compiled engine on every labelled corpus present (see docs/accuracy.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allRules } from '../server/src/engine/registry.js';
import { packageRoot } from '../server/src/engine/resources.js';
import { readReview, REVIEW_DIR, reviewFindings, summariseReview, type ReviewedFinding } from '../test/support/review.js';
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  bootstrap,
  CORPORA,
  corpusByName,
  countVerdicts,
  describeFired,
  evaluateCorpus,
  firedFor,
  FLAG_RULE,
  hasLabels,
  readFloors,
  scores,
  summarise,
  type CorpusEvaluation,
  type FileEvaluation,
  type Interval,
  type StepVerdict,
  type Summary,
  hiddenCorpora,
} from '../test/support/evaluation.js';

const USAGE = `usage: npm run eval -- [--corpus NAME] [--misses] [--json FILE] [--diff FILE]
  --corpus NAME  measure one corpus only (${CORPORA.map((c) => c.name).join(', ')})
  --misses       list every false positive and false negative with its cause and what fired
  --json FILE    write every step's verdict to FILE, for a later --diff
  --diff FILE    list the steps whose verdict changed since the verdicts saved in FILE
A blind set (unread, marked in test/support/evaluation.ts) shows its figures only: its steps, titles and matched words
are left out of --misses, --diff and the causes' examples, named with --corpus or not.`;

/** The file format of --json; --diff refuses anything else. */
const FORMAT = 'blueprint-lint-eval/1';

interface SavedVerdicts {
  format: typeof FORMAT;
  commit: string;
  corpora: string[];
  steps: StepVerdict[];
}

interface Options {
  corpus?: string;
  misses: boolean;
  json?: string;
  diff?: string;
}

class UsageError extends Error {}

/** npm runs scripts in the package root; a relative FILE means the folder npm was started from. */
function fromCaller(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

function parseArgs(argv: readonly string[]): Options | 'help' {
  const options: Options = { misses: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.startsWith('--') && argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s, 2) : [argv[i]!, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--misses':
        if (inline !== undefined) throw new UsageError('--misses takes no value');
        options.misses = true;
        break;
      case '--corpus':
        options.corpus = value();
        break;
      case '--json':
        options.json = fromCaller(value());
        break;
      case '--diff':
        options.diff = fromCaller(value());
        break;
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  return options;
}

function commit(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: packageRoot(), encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' + uncommitted changes' : ''}`;
}

function readSaved(path: string): SavedVerdicts {
  if (!existsSync(path)) throw new UsageError(`--diff: ${path} does not exist (write one with --json ${path})`);
  let saved: SavedVerdicts;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SavedVerdicts;
  } catch (e) {
    throw new UsageError(`--diff: ${path} is not JSON (${(e as Error).message})`);
  }
  if (saved?.format !== FORMAT || !Array.isArray(saved.steps)) throw new UsageError(`--diff: ${path} is not a file written by --json (format ${FORMAT})`);
  return saved;
}

// ---------------------------------------------------------------------------------------------
// Printing

const pct = (part: number, whole: number) => `${part}/${whole} (${whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`})`;
const num = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const ci = (i: Interval) => `[${num(i.low)}, ${num(i.high)}]`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

function printSummary(title: string, files: readonly FileEvaluation[], summary: Summary, floor: number | undefined, quote = true): void {
  const s = summary;
  const interval = bootstrap(files.map((f) => countVerdicts(f.verdicts)));
  console.log(title);
  console.log(`  blueprint detection  ${pct(s.blueprintsRight, s.files)}`);
  console.log(`  steps                recall ${pct(s.stepsMatched, s.stepsLabelled)}, precision ${pct(s.stepsMatched, s.stepsFound)} (title + shape)`);
  console.log(`  flags                tp ${s.counts.tp}, fp ${s.counts.fp}, fn ${s.counts.fn}`);
  console.log(`    precision          ${num(s.scores.precision)}  95% ${ci(interval.precision)}`);
  console.log(`    recall             ${num(s.scores.recall)}  95% ${ci(interval.recall)}`);
  const verdict = floor === undefined ? 'floor -' : `floor ${floor.toFixed(3)} ${s.scores.f1 >= floor ? 'ok' : 'BELOW THE FLOOR'}`;
  console.log(`    F1                 ${num(s.scores.f1)}  95% ${ci(interval.f1)}  ${verdict}`);

  console.log(`  by shape             ${pad('steps', 8)}${pad('found', 8)}${lpad('tp', 4)}${lpad('fp', 4)}${lpad('fn', 4)}  precision  recall  F1`);
  for (const [shape, row] of s.byShape) {
    if (row.labelled === 0 && row.counts.fp === 0) continue;
    const r = scores(row.counts);
    console.log(
      `    ${pad(shape, 17)}  ${pad(row.labelled, 8)}${pad(row.matched, 8)}${lpad(row.counts.tp, 4)}${lpad(row.counts.fp, 4)}${lpad(row.counts.fn, 4)}  ${pad(num(r.precision), 11)}${pad(num(r.recall), 8)}${num(r.f1)}`,
    );
  }

  console.log('  errors by cause');
  for (const row of s.byCause) {
    if (row.count === 0 && row.cause === 'other') continue;
    console.log(`    ${row.kind.toUpperCase()} ${pad(row.cause, 22)}${lpad(row.count, 4)}`);
    // The entries matter where a phrase fired wrongly; for the other causes --misses lists them step by step.
    // (a blind set's words are never printed: `quote` is off wherever one is counted)
    if (!quote || (row.cause !== 'support wrongly found' && row.cause !== 'benefit wrongly found')) continue;
    for (const e of row.entries)
      console.log(
        `         ${lpad(e.count, 3)} x ${e.entry}  (${e.texts
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(', ')})`,
      );
  }
  const other = [...s.otherRules].map(([id, n]) => `${id} ${n}`).join(', ');
  console.log(`  other rules' findings  ${other || '-'}`);
}

/** The prose rules on the real-world fixtures opted in as blueprints, against a reviewer's judgement of each finding. */
function printReview(misses: boolean): void {
  const review = readReview();
  const findings = reviewFindings(review);
  console.log();
  console.log(`reviewer judgements (${REVIEW_DIR}/review.json): the fixtures opted in as blueprints, one finding per step and rule`);
  console.log(`  ${pad('rule', 26)}${lpad('right', 6)}${lpad('wrong', 6)}${lpad('unjudged', 9)}${lpad('missed', 7)}${lpad('debatable', 10)}  precision  recall`);
  for (const r of summariseReview(findings, review.rules)) {
    console.log(`  ${pad(r.rule, 26)}${lpad(r.right, 6)}${lpad(r.wrong, 6)}${lpad(r.unjudged, 9)}${lpad(r.missed, 7)}${lpad(r.debatable, 10)}  ${pad(num(r.precision), 11)}${num(r.recall)}`);
  }
  const show = (title: string, list: readonly ReviewedFinding[]) => {
    if (list.length === 0) return;
    console.log(`  ${title}`);
    for (const f of list) console.log(`    ${f.rule} ${f.file}: "${f.step}"${f.why ? ` (${f.why})` : f.message ? `: ${f.message}` : ''}`);
  };
  show(
    'unjudged findings (judge them in review.json)',
    findings.filter((f) => f.found && f.verdict === null),
  );
  if (!misses) return;
  show(
    'false alarms',
    findings.filter((f) => f.found && f.verdict === 'wrong'),
  );
  show(
    'missed',
    findings.filter((f) => !f.found && f.verdict === 'right'),
  );
}

function printMisses(verdicts: readonly StepVerdict[]): void {
  const wrong = verdicts.filter((v) => v.outcome === 'fp' || v.outcome === 'fn');
  console.log(`misses (${wrong.length})`);
  for (const v of wrong) {
    console.log(`  ${v.outcome.toUpperCase()} ${v.corpus}/${v.file}: "${v.title}" (${v.shape}) - ${v.cause}`);
    console.log(`       ${describeFired(firedFor(v))}`);
  }
}

function key(v: Pick<StepVerdict, 'corpus' | 'file' | 'title'>): string {
  return `${v.corpus}\0${v.file}\0${v.title}`;
}

function printDiff(path: string, saved: SavedVerdicts, all: readonly StepVerdict[], corpora: readonly string[], hidden: ReadonlySet<string>): void {
  const was = new Map(saved.steps.filter((v) => corpora.includes(v.corpus) && !hidden.has(v.corpus)).map((v) => [key(v), v]));
  const now = all.filter((v) => !hidden.has(v.corpus));
  const current = new Map(now.map((v) => [key(v), v]));
  const changed: { was?: StepVerdict; now?: StepVerdict }[] = [];
  for (const k of new Set([...was.keys(), ...current.keys()])) {
    const w = was.get(k);
    const n = current.get(k);
    if ((w?.flagged ?? false) !== (n?.flagged ?? false)) changed.push({ was: w, now: n });
  }
  console.log(`diff against ${path} (commit ${saved.commit}): ${changed.length} verdict(s) changed`);
  const flagText = (v: StepVerdict | undefined) => (v?.flagged ? 'flagged' : 'not flagged');
  let better = 0;
  for (const c of changed) {
    const v = (c.now ?? c.was)!;
    // An unlabelled step is never meant to be flagged; a labelled one is right when the flag matches its label.
    const want = (c.now?.label ?? c.was?.label)?.flag ?? false;
    const right = (c.now?.flagged ?? false) === want;
    if (right) better++;
    console.log(`  ${right ? 'RIGHT' : 'WRONG'} ${v.corpus}/${v.file}: "${v.title}" was ${flagText(c.was)}, now ${flagText(c.now)} (label: ${want ? 'flag' : 'no flag'})`);
    console.log(`       was: ${c.was ? describeFired(firedFor({ ...c.was, cause: null })) : 'no verdict'}`);
    console.log(`       now: ${c.now ? describeFired(firedFor({ ...c.now, cause: null })) : 'no verdict'}`);
  }
  if (changed.length > 0) console.log(`  ${better} now right, ${changed.length - better} now wrong`);
  for (const corpus of corpora) {
    if (hidden.has(corpus)) {
      console.log(`  ${corpus}: blind, not compared (reading it means removing its blind mark in test/support/evaluation.ts)`);
      continue;
    }
    const before = scores(countVerdicts([...was.values()].filter((v) => v.corpus === corpus)));
    const after = scores(countVerdicts(now.filter((v) => v.corpus === corpus)));
    if (saved.corpora.includes(corpus)) console.log(`  ${corpus}: F1 was ${num(before.f1)}, now ${num(after.f1)}`);
    else console.log(`  ${corpus}: not in ${path}`);
  }
}

// ---------------------------------------------------------------------------------------------

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.corpus !== undefined) {
    const spec = corpusByName(options.corpus);
    if (!spec) throw new UsageError(`--corpus: unknown corpus "${options.corpus}" (known: ${CORPORA.map((c) => c.name).join(', ')})`);
    if (!hasLabels(spec)) throw new UsageError(`--corpus: ${spec.name} is absent (no ${spec.dir}/labels.json)`);
  }
  const saved = options.diff === undefined ? undefined : readSaved(options.diff);
  const wanted = CORPORA.filter((c) => options.corpus === undefined || c.name === options.corpus);
  const absent = wanted.filter((c) => !hasLabels(c));
  const evaluations: CorpusEvaluation[] = wanted.filter(hasLabels).map(evaluateCorpus);
  const floors = readFloors();
  const ruleIds = allRules().map((r) => r.id);
  const build = commit();
  // Blind sets stay unread; reading one is a commit that removes its mark.
  const hidden = hiddenCorpora(evaluations.map((e) => e.spec));

  console.log(`Blueprint Lint accuracy of ${FLAG_RULE}: build ${build}`);
  console.log(`95% intervals: percentile bootstrap over files, ${BOOTSTRAP_RESAMPLES} resamples, seed ${BOOTSTRAP_SEED}; floors from test/corpus/floors.json`);
  if (absent.length > 0) console.log(`absent (no labels.json): ${absent.map((c) => `${c.name} (${c.dir})`).join(', ')}`);
  for (const e of evaluations) {
    console.log();
    const steps = e.files.reduce((n, f) => n + f.stepsLabelled, 0);
    printSummary(`${e.spec.name} (${e.spec.dir}): ${e.files.length} file(s), ${steps} labelled steps`, e.files, summarise(e.files, ruleIds), floors[e.spec.name]?.f1, !hidden.has(e.spec.name));
    if (e.missing.length > 0) console.log(`  WARNING: labelled but missing, skipped: ${e.missing.join(', ')}`);
  }
  const all = evaluations.flatMap((e) => e.files);
  if (evaluations.length > 1) {
    console.log();
    printSummary(`overall (${evaluations.map((e) => e.spec.name).join(' + ')}): ${all.length} file(s)`, all, summarise(all, ruleIds), undefined, hidden.size === 0);
  }
  if (options.corpus === undefined || options.corpus === 'real-world') printReview(options.misses);
  const verdicts = all.flatMap((f) => f.verdicts);
  if (options.misses) {
    console.log();
    printMisses(verdicts.filter((v) => !hidden.has(v.corpus)));
    if (hidden.size > 0) console.log(`  (not listed: ${[...hidden].join(', ')}, blind)`);
  }
  if (saved && options.diff !== undefined) {
    console.log();
    printDiff(
      options.diff,
      saved,
      verdicts,
      evaluations.map((e) => e.spec.name),
      hidden,
    );
  }
  if (options.json !== undefined) {
    const out: SavedVerdicts = { format: FORMAT, commit: build, corpora: evaluations.map((e) => e.spec.name), steps: verdicts };
    writeFileSync(options.json, `${JSON.stringify(out, null, 1)}\n`);
    console.log(`\nwrote ${verdicts.length} step verdicts to ${options.json}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`eval: ${e.message}\n${USAGE}`);
  process.exitCode = 2;
}
