// Deterministic benchmark corpora: seeded blueprints of every step shape, so runs on any machine lint the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generated text changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20261122;
export const CORPUS_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
export const FULL = { dir: join(CORPUS_ROOT, 'full'), sizes: [100, 1000, 10000, 100000], treeFiles: 1000 };
export const QUICK = { dir: join(CORPUS_ROOT, 'quick'), sizes: [100, 1000, 10000], treeFiles: 100 };

/** mulberry32: small, fast and identical on every platform. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** A child seed per file, so file i is the same whatever the other sizes are. */
export function childSeed(seed, label) {
  return createHash('sha256').update(`${seed}:${label}`).digest().readUInt32LE(0);
}

const STAGES = [
  'Arrival',
  'Booking',
  'Check-in',
  'Waiting',
  'Consultation',
  'Payment',
  'Collection',
  'Follow-up',
  'Complaint',
  'Renewal',
  'Delivery',
  'Returns',
  'Onboarding',
  'Support call',
  'Repair',
  'Checkout',
];
const VERBS = [
  'Greet the guest',
  'Take the order',
  'Confirm the booking',
  'Check the documents',
  'Assess the damage',
  'Hand over the keys',
  'Explain the bill',
  'Book the follow-up',
  'Answer the call',
  'Pack the parcel',
  'Collect the payment',
  'Send the reminder',
  'Fit the part',
  'Review the claim',
  'Issue the card',
  'Close the ticket',
];
const CUSTOMER = ['Customer', 'Guest', 'Patient', 'Client', 'Passenger', 'Member', 'Visitor'];
const CUSTOMER_ACTIONS = [
  'arrives at the desk and gives their name',
  'fills in the online form',
  'calls the service line',
  'waits in the lounge',
  'signs the agreement on the tablet',
  'asks about the price',
  'hands over the damaged item',
  'books a slot in the app',
  'reads the confirmation email',
  'walks to the counter',
];
const BENEFITS = [
  'gets a same-day answer',
  'is greeted by name',
  'receives a free upgrade',
  'gets a refund on the spot',
  'has the repair done within 2 hours',
  'enjoys a personalised welcome',
  'gets 24/7 help',
  'has peace of mind with a guaranteed slot',
  'never fills in paperwork twice',
  'is served without waiting',
  'gets the parcel by tomorrow',
  'is called back in under 10 minutes',
];
const FRONT = [
  'Agent checks the name against the list',
  'Staff member walks the guest to the room',
  'Nurse explains the next step',
  'Barista repeats the order',
  'Associate prints the receipt',
  'The desk confirms the time',
  'Mechanic shows the worn part',
  'Host offers a drink',
  'Advisor reads the terms aloud',
  'Courier scans the label',
];
const BACK = [
  'Team prepares the room',
  'Kitchen plates the order',
  'Dispatcher assigns the driver',
  'Clerk files the form',
  'Analyst reviews the claim',
  'Stock is checked in the store room',
  'Night shift restocks the shelves',
  'Supervisor signs off the rota',
];
const SUPPORT = [
  'CRM shows the guest history',
  'Agents may refund up to $200 without approval',
  'Staff are trained in de-escalation',
  'The POS flags loyalty members',
  'A checklist in the knowledge base',
  'The rota has a spare colleague on call',
  'Manager backs the decision',
  'Ticketing system routes the case',
  'Handlers are authorised to waive the fee',
  'Budget for goodwill gestures of $50',
];
const PLACEHOLDERS = ['TBD', 'TODO', '?', '—', 'N/A'];
const OTHER_LANES = ['Time', 'Emotion', 'Pain points', 'Metrics', 'Owner', 'Notes', 'Risks'];
const OTHER_TEXT = [
  'about 5 minutes',
  'anxious, then relieved',
  'queue at peak hours',
  'NPS above 60',
  'Service manager',
  'see the *policy* page',
  'peak season staffing gaps',
  'two calls per case on average',
];
const FILLER = [
  'The step follows the house template.',
  'See the [handbook](https://example.com/handbook) for details.',
  'Times are targets, not promises, unless marked.',
  'Use `case-id` in every note.',
  'This part of the journey is measured weekly.',
  'Feedback cards are collected at the exit.',
];

/** Text of one lane, sometimes with emphasis or inline code, so the parser sees more than plain words. */
function laneText(r, kind) {
  const who = r.pick(CUSTOMER);
  switch (kind) {
    case 'customer':
      return r.chance(0.45) ? `${who} ${r.pick(BENEFITS)}.` : `${who} ${r.pick(CUSTOMER_ACTIONS)}.`;
    case 'frontstage':
      return r.chance(0.15) ? `${r.pick(FRONT)}; the ${who.toLowerCase()} ${r.pick(BENEFITS)}.` : `${r.pick(FRONT)}.`;
    case 'backstage':
      return `${r.pick(BACK)}${r.chance(0.2) ? ' (`batch` job)' : ''}.`;
    case 'support':
      return r.chance(0.1) ? r.pick(PLACEHOLDERS) : `${r.pick(SUPPORT)}.`;
    default:
      return r.pick(OTHER_TEXT);
  }
}

function laneSet(r) {
  const lanes = ['customer', 'frontstage', 'backstage'];
  if (r.chance(0.6)) lanes.push('support');
  if (r.chance(0.3)) lanes.push('other');
  return lanes;
}

function laneLabel(r, kind) {
  if (kind === 'customer') return r.pick(['Customer', 'Guest', 'Customer actions']);
  if (kind === 'frontstage') return r.pick(['Frontstage', 'Front stage', 'Onstage']);
  if (kind === 'backstage') return r.pick(['Backstage', 'Back stage', 'Behind the scenes']);
  if (kind === 'support') return r.pick(['Support', 'Tools', 'Support systems', 'Authority']);
  return r.pick(OTHER_LANES);
}

function title(r, n) {
  return `${r.pick(VERBS)} ${n}`;
}

/** Shape 1: a heading step with bold-labelled lane bullets. */
function headingStep(r, n) {
  const out = [`## ${title(r, n)}`, ''];
  for (const kind of laneSet(r)) {
    const label = laneLabel(r, kind);
    out.push(r.chance(0.5) ? `- **${label}:** ${laneText(r, kind)}` : `- ${label}: ${laneText(r, kind)}`);
  }
  out.push('');
  return out;
}

/** Shape 2: a group heading holding an ordered list of list steps with nested lane bullets. */
function listSteps(r, n) {
  const out = [`## Stage ${n}: ${r.pick(STAGES)}`, ''];
  const steps = 2 + r.int(3);
  for (let i = 1; i <= steps; i++) {
    out.push(`${i}. **${title(r, `${n}.${i}`)}**`);
    for (const kind of laneSet(r)) out.push(`   - ${laneLabel(r, kind)}: ${laneText(r, kind)}`);
    out.push('');
  }
  return out;
}

/** Shape 3: the classic grid, steps as columns and lanes as rows. */
function tableColumns(r, n) {
  const cols = 2 + r.int(3);
  const titles = Array.from({ length: cols }, (_, i) => title(r, `${n}.${i + 1}`));
  const out = [`## ${r.pick(STAGES)} ${n}`, '', `| Lane | ${titles.join(' | ')} |`, `|---|${'---|'.repeat(cols)}`];
  for (const kind of laneSet(r)) {
    const cells = titles.map(() => (kind === 'support' && r.chance(0.3) ? '' : laneText(r, kind)));
    out.push(`| ${laneLabel(r, kind)} | ${cells.join(' | ')} |`);
  }
  out.push('');
  return out;
}

/** Shape 4: steps as rows, lanes in the header row. */
function tableRows(r, n) {
  const lanes = laneSet(r);
  const labels = lanes.map((k) => laneLabel(r, k));
  const out = [`## ${r.pick(STAGES)} ${n}`, '', `| Step | ${labels.join(' | ')} |`, `|---|${'---|'.repeat(lanes.length)}`];
  const rows = 2 + r.int(4);
  for (let i = 1; i <= rows; i++) out.push(`| ${title(r, `${n}.${i}`)} | ${lanes.map((k) => laneText(r, k)).join(' | ')} |`);
  out.push('');
  return out;
}

/** Shape 5: a prose step, no lane labels; an employee-subject sentence may carry the support. */
function proseStep(r, n) {
  const out = [`## ${title(r, n)}`, ''];
  out.push(`The ${r.pick(CUSTOMER).toLowerCase()} ${r.pick(BENEFITS)}. ${r.pick(FILLER)}`);
  if (r.chance(0.5)) out.push(`${r.pick(SUPPORT)}, so the promise holds.`);
  out.push(r.pick(FILLER), '');
  return out;
}

/** Mixed extras: a group heading with ### heading steps and a suppression comment. */
function groupedHeadingSteps(r, n) {
  const out = [`## Stage ${n}: ${r.pick(STAGES)}`, ''];
  const steps = 2 + r.int(2);
  for (let i = 1; i <= steps; i++) {
    if (r.chance(0.1)) out.push('<!-- blueprint-lint-disable-next-line benefit-needs-support -->');
    out.push(`### ${title(r, `${n}.${i}`)}`, '');
    for (const kind of laneSet(r)) out.push(`- **${laneLabel(r, kind)}**: ${laneText(r, kind)}`);
    out.push('');
  }
  return out;
}

const SHAPES = [
  [headingStep, 0.3],
  [listSteps, 0.2],
  [tableColumns, 0.15],
  [tableRows, 0.15],
  [proseStep, 0.1],
  [groupedHeadingSteps, 0.1],
];

function pickShape(r) {
  let x = r.next();
  for (const [fn, weight] of SHAPES) {
    if ((x -= weight) < 0) return fn;
  }
  return SHAPES[0][0];
}

/** A step every file has, so every file yields at least one finding (the bench checks all files were linted). */
function unsupportedStep(n) {
  return [`## Welcome ${n}`, '', '- **Guest:** Is greeted by name and gets a free upgrade.', '- **Frontstage:** Host opens the door.', ''];
}

/**
 * One blueprint of exactly `lines` lines (at least 12): front matter (optional), title, then sections of mixed
 * shapes until the budget is used; the remainder is filled with prose lines.
 */
export function blueprint(lines, seed, { frontMatter = true, name = 'Service' } = {}) {
  const r = rng(seed);
  const out = [];
  if (frontMatter) out.push('---', 'type: service-blueprint', `owner: ${r.pick(['Operations', 'Guest services', 'Claims', 'Retail'])}`, '---', '');
  out.push(`# ${name} blueprint`, '', r.pick(FILLER), '');
  out.push(...unsupportedStep(0));
  let n = 1;
  for (;;) {
    const section = pickShape(r)(r, n++);
    if (out.length + section.length > lines) break;
    out.push(...section);
  }
  while (out.length < lines) out.push(out.length % 2 === 0 ? r.pick(FILLER) : '');
  out.length = lines;
  return `${out.join('\n')}\n`;
}

/** Where file i of the tree goes: 20 team folders; a quarter by `blueprints/` path, a quarter `*.blueprint.md`, a quarter front matter, a quarter auto-detected. */
function treeEntry(i) {
  const team = `team-${String(i % 20).padStart(2, '0')}`;
  const id = String(i).padStart(4, '0');
  switch (i % 4) {
    case 0:
      return { path: join(team, 'blueprints', `journey-${id}.md`), frontMatter: false };
    case 1:
      return { path: join(team, `journey-${id}.blueprint.md`), frontMatter: false };
    case 2:
      return { path: join(team, 'docs', `journey-${id}.md`), frontMatter: true };
    default:
      return { path: join(team, 'notes', `journey-${id}.md`), frontMatter: false };
  }
}

function treeFileLines(r) {
  return 160 + r.int(81); // ~200 on average
}

/**
 * Writes the corpora under `dir` unless a manifest with the same parameters is there already.
 * Returns the manifest: single-file paths by size and the tree root.
 */
export function generateCorpus({ dir = FULL.dir, seed = DEFAULT_SEED, sizes = FULL.sizes, treeFiles = FULL.treeFiles, force = false } = {}) {
  const key = { version: GENERATOR_VERSION, seed, sizes, treeFiles };
  const manifestPath = join(dir, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(old.key) === JSON.stringify(key)) return old;
  }
  rmSync(dir, { recursive: true, force: true });
  const singleDir = join(dir, 'single');
  const treeDir = join(dir, 'tree');
  // A .git marker makes each corpus its own repository root, so the project's .gitignore (which lists bench/corpus/) does not hide it.
  for (const root of [singleDir, treeDir]) mkdirSync(join(root, '.git'), { recursive: true });
  const single = {};
  for (const size of sizes) {
    const file = join(singleDir, `bp-${size}.blueprint.md`);
    writeFileSync(file, blueprint(size, childSeed(seed, `single-${size}`), { name: `Single ${size}` }));
    single[size] = file;
  }
  const sizeRng = rng(childSeed(seed, 'tree-sizes'));
  let treeLines = 0;
  let treeBytes = 0;
  const treePaths = [];
  for (let i = 0; i < treeFiles; i++) {
    const entry = treeEntry(i);
    const lines = treeFileLines(sizeRng);
    const text = blueprint(lines, childSeed(seed, `tree-${i}`), { frontMatter: entry.frontMatter, name: `Journey ${i}` });
    const file = join(treeDir, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    treePaths.push(entry.path);
    treeLines += lines;
    treeBytes += Buffer.byteLength(text);
  }
  // markdownlint-cli2 reads config from the directory it runs in: default rules, nothing disabled, no repo config.
  writeFileSync(join(treeDir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true }, "gitignore": false }\n');
  const manifest = { key, single, tree: { dir: treeDir, files: treeFiles, lines: treeLines, bytes: treeBytes, paths: treePaths } };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const m = generateCorpus({ ...(quick ? QUICK : FULL), force: process.argv.includes('--force') });
  process.stdout.write(`corpus: ${Object.keys(m.single).length} single files, tree of ${m.tree.files} files (${m.tree.lines} lines, ${m.tree.bytes} bytes) in ${m.tree.dir}\n`);
}
