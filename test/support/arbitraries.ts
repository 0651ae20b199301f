// fast-check generators of blueprint Markdown (all five step shapes, and Slack and Discourse pastes) and hostile mutations of real blueprints.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { packageRoot } from '../../server/src/engine/resources.js';

/** Number of cases per property: FUZZ_RUNS overrides the default (2,000 in `npm test`, 100,000 in `npm run fuzz`). */
export function fuzzRuns(defaultRuns = 2000): number {
  const env = Number(process.env['FUZZ_RUNS']);
  return Number.isFinite(env) && env > 0 ? Math.floor(env) : defaultRuns;
}

/** FUZZ_SEED replays a failing run; unset, the global seed (npm test fixes one) or fast-check's own, printed on failure. */
export function fuzzSeed(): number | undefined {
  const env = Number(process.env['FUZZ_SEED']);
  return process.env['FUZZ_SEED'] !== undefined && Number.isFinite(env) ? env : fc.readConfigureGlobal().seed;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary samples: literal phrases instantiated from the shipped vocabulary patterns.

/** One literal phrase of a vocabulary pattern: `choice` picks the alternative of each group, optionals alternate. */
export function instantiatePattern(pattern: string, choice: number): string {
  let n = choice;
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.abs(n) % items.length]!;
    n = Math.floor(n / Math.max(2, items.length)) + 7;
    return item;
  };
  const placeholders: Record<string, readonly string[]> = {
    n: ['5', 'two', '24', 'a few'],
    money: ['$50', '20%', '£10', 'EUR 100'],
    time: ['5 pm', '10:30', 'noon', '9am'],
    unit: ['minutes', 'days', 'hours', 'working days'],
  };
  const expand = (s: string): string => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '(' || c === '[') {
        const close = closing(s, i);
        const alts = splitAlternatives(s.slice(i + 1, close));
        const keep = c === '(' || pick([true, false]);
        if (keep) out += expand(pick(alts));
        i = close + 1;
      } else if (c === '{') {
        const close = s.indexOf('}', i);
        out += pick(placeholders[s.slice(i + 1, close).trim()] ?? ['5']);
        i = close + 1;
      } else if (c === '=') {
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return expand(pattern).replace(/\s+/g, ' ').trim();
}

function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '[') depth++;
    else if (s[i] === ')' || s[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length - 1;
}

function splitAlternatives(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '[') depth++;
    else if (s[i] === ')' || s[i] === ']') depth--;
    else if (s[i] === '|' && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/** Entry lines of the shipped vocabulary files whose name starts with `prefix` (comments and @group lines dropped). */
function vocabularyEntries(prefix: string): string[] {
  const dir = join(packageRoot(), 'rules', 'vocabulary');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.txt'))
    .sort()) {
    for (const raw of readFileSync(join(dir, file), 'utf8').split(/\r?\n/)) {
      const line = raw.replace(/\s+##.*$/, '').trim();
      if (line && !line.startsWith('#') && !line.startsWith('@')) out.push(line);
    }
  }
  return out;
}

// Used only when a vocabulary file is missing, so the generators always have words to draw.
const FALLBACK_BENEFITS = ['same day', 'free upgrade', 'refund on the spot', 'personalised', 'without waiting', 'greeted by name'];
const FALLBACK_SUPPORTS = ['checklist', 'CRM', 'may refund up to $50', 'duty manager on call', 'trained in first aid', 'knowledge base'];

let cachedPhrases: { benefit: string[]; support: string[] } | undefined;

/** Literal benefit and support phrases drawn from rules/vocabulary/*.txt (three instantiations per entry). */
export function vocabularyPhrases(): { benefit: string[]; support: string[] } {
  if (cachedPhrases) return cachedPhrases;
  const expand = (entries: string[], fallback: string[]) => {
    const out = new Set<string>();
    for (const e of entries) for (const c of [0, 1, 5]) out.add(instantiatePattern(e, c));
    const list = [...out].filter((p) => p.length > 0);
    return list.length ? list : fallback;
  };
  cachedPhrases = { benefit: expand(vocabularyEntries('benefit'), FALLBACK_BENEFITS), support: expand(vocabularyEntries('support-'), FALLBACK_SUPPORTS) };
  return cachedPhrases;
}

// ---------------------------------------------------------------------------------------------
// Blueprint grammar.

const LABELS = {
  evidence: ['Evidence', 'Physical evidence', 'Touchpoint'],
  customer: ['Customer', 'Guest', 'Patient', 'Customer actions', 'Passenger'],
  frontstage: ['Frontstage', 'Front stage', 'Onstage', 'Frontline'],
  backstage: ['Backstage', 'Back office', 'Behind the scenes'],
  support: ['Support', 'Tools', 'Systems', 'Authority', 'Resources'],
  benefit: ['Benefit', 'Value', 'Promise', 'Customer outcome'],
  other: ['Time', 'Emotion', 'Pain points', 'Notes'],
} as const;
type LaneName = keyof typeof LABELS;

const TITLES = [
  'Check-in',
  'Arrival',
  'Order at the counter',
  'Refund at the till',
  'Booking',
  'Collection',
  'Diagnosis',
  'Repair',
  'Welcome call',
  'Handover',
  'Payment',
  'Follow-up',
  'Café visit',
  'Naïve test 🚀',
  'Step 3: Pick-up',
];
const FILLER = ['The guest', 'Agent', 'Receptionist', 'The customer', 'Staff', 'Nurse', 'We', 'The team', 'Cashier', 'Driver', 'Member'];
const VERBS = [
  'asks for help',
  'hands over the key',
  'checks the booking',
  'waits in the lounge',
  'fills in the form',
  'calls back',
  'explains the fault',
  'is told that',
  'gets',
  'receives',
  'cannot be offered',
];
const PLACEHOLDERS = ['TBD', 'TODO', '?', '-', '—', 'N/A', 'none', '...', ''];
const ODD = ['😀', '𝔘𝔫𝔦', '\t', 'é', 'ß', '日本語', '**bold**', '_em_', '`code`', '[link](http://x.y)', '<br>', '&amp;', '\\*', 'a | b'];

const sentenceArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FILLER),
    fc.constantFrom(...VERBS),
    fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    fc.option(fc.constantFrom(...ODD), { freq: 6, nil: undefined }),
  )
  .map(([who, verb, b, s, odd]) => {
    const { benefit, support } = vocabularyPhrases();
    const parts = [who, verb];
    if (b !== undefined) parts.push(benefit[b % benefit.length]!);
    if (s !== undefined) parts.push('with the', support[s % support.length]!);
    if (odd) parts.push(odd);
    return `${parts.join(' ')}.`;
  });

/** Lane content: one or two sentences, or a placeholder. */
const contentArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(sentenceArb, { minLength: 1, maxLength: 2 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
);

interface LaneSpec {
  lane: LaneName;
  label: string;
  content: string;
}

const laneArb: fc.Arbitrary<LaneSpec> = fc
  .constantFrom(...(Object.keys(LABELS) as LaneName[]))
  .chain((lane) => fc.record({ lane: fc.constant(lane), label: fc.constantFrom(...LABELS[lane]), content: contentArb }));

/** Two or more lanes, always at least two different lane kinds, so the step is recognisable. */
const lanesArb: fc.Arbitrary<LaneSpec[]> = fc
  .tuple(
    fc.record({ lane: fc.constant<LaneName>('customer'), label: fc.constantFrom(...LABELS.customer), content: contentArb }),
    fc.record({ lane: fc.constant<LaneName>('frontstage'), label: fc.constantFrom(...LABELS.frontstage), content: contentArb }),
    fc.array(laneArb, { maxLength: 3 }),
  )
  .map(([a, b, rest]) => [a, b, ...rest]);

type LabelStyle = 'bold-inside' | 'bold-outside' | 'plain' | 'gloss';
const styleArb = fc.constantFrom<LabelStyle>('bold-inside', 'bold-outside', 'plain', 'gloss');

function label(l: string, style: LabelStyle): string {
  if (style === 'bold-inside') return `**${l}:**`;
  if (style === 'bold-outside') return `**${l}**:`;
  if (style === 'gloss') return `${l} (what happens):`;
  return `${l}:`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

type Section = (title: (i: number) => string) => string;

/** Heading step with lanes as bullet items. */
const headingListArb: fc.Arbitrary<Section> = fc.record({ lanes: lanesArb, style: styleArb, bullet: fc.constantFrom('-', '*', '+') }).map(
  ({ lanes, style, bullet }) =>
    (title) =>
      `## ${title(0)}\n\n${lanes.map((l) => `${bullet} ${label(l.label, style)} ${l.content}`).join('\n')}\n`,
);

/** Heading step with lanes as lines of one paragraph. */
const headingParagraphArb: fc.Arbitrary<Section> = fc.record({ lanes: lanesArb, style: styleArb }).map(
  ({ lanes, style }) =>
    (title) =>
      `## ${title(0)}\n\n${lanes.map((l) => `${label(l.label, style)} ${l.content}`).join('\n')}\n`,
);

/** Heading step with lanes as sub-headings. */
const headingSubheadingsArb: fc.Arbitrary<Section> = lanesArb.map((lanes) => (title) => `## ${title(0)}\n\n${lanes.map((l) => `### ${l.label}\n\n${l.content || 'TBD'}\n`).join('\n')}`);

/** A group heading with list steps: `1. **Title** — prose` and nested lane bullets. */
const listStepsArb: fc.Arbitrary<Section> = fc
  .record({
    steps: fc.array(fc.record({ lanes: lanesArb, prose: fc.option(sentenceArb, { nil: undefined }), strong: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    ordered: fc.boolean(),
    style: styleArb,
    spread: fc.boolean(),
  })
  .map(({ steps, ordered, style, spread }) => (title) => {
    const items = steps.map((s, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const pad = ' '.repeat(marker.length + 1);
      const head = s.strong ? `**${title(i + 1)}**` : title(i + 1);
      const lead = `${marker} ${head}${s.prose ? ` — ${s.prose}` : ''}`;
      const lanes = s.lanes.map((l) => `${pad}- ${label(l.label, style)} ${l.content}`).join('\n');
      return `${lead}\n${lanes}`;
    });
    return `## ${title(0)}\n\n${items.join(spread ? '\n\n' : '\n')}\n`;
  });

/** Lanes-as-rows table: the header names lanes, each body row is a step. */
const tableRowsArb: fc.Arbitrary<Section> = fc
  .record({
    lanes: lanesArb,
    rows: fc.array(fc.array(contentArb, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
    stepHeader: fc.constantFrom('Step', 'Stage', 'Phase'),
    outerPipes: fc.boolean(),
    dropCells: fc.nat({ max: 2 }),
  })
  .map(({ lanes, rows, stepHeader, outerPipes, dropCells }) => (title) => {
    const wrap = (cells: string[]) => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const header = wrap([stepHeader, ...lanes.map((l) => l.label)]);
    const delimiter = wrap(['---', ...lanes.map(() => '---')]);
    const body = rows.map((r, i) => {
      const cells = [title(i + 1), ...lanes.map((_, j) => cell(r[j] ?? ''))];
      // Short rows are legal GFM: the missing cells are empty.
      return wrap(i === rows.length - 1 && dropCells > 0 ? cells.slice(0, Math.max(1, cells.length - dropCells)) : cells);
    });
    return `## ${title(0)}\n\n${[header, delimiter, ...body].join('\n')}\n`;
  });

/** Lanes-as-columns table: the first column names lanes, every other column is a step. */
const tableColumnsArb: fc.Arbitrary<Section> = fc
  .record({
    lanes: lanesArb,
    columns: fc.integer({ min: 1, max: 3 }),
    contents: fc.array(contentArb, { minLength: 15, maxLength: 15 }),
    laneHeader: fc.constantFrom('Lane', '', 'Step'),
  })
  .map(({ lanes, columns, contents, laneHeader }) => (title) => {
    const header = `| ${laneHeader} | ${Array.from({ length: columns }, (_, c) => title(c + 1)).join(' | ')} |`;
    const delimiter = `|${'---|'.repeat(columns + 1)}`;
    const body = lanes.map((l, r) => `| ${l.label} | ${Array.from({ length: columns }, (_, c) => cell(contents[(r * columns + c) % contents.length]!)).join(' | ')} |`);
    return `## ${title(0)}\n\n${[header, delimiter, ...body].join('\n')}\n`;
  });

/** A Slack paste: items titled in Slack's `*bold*`, lanes on lines opened by a bullet character four spaces in, maybe a reactions row. */
const slackListArb: fc.Arbitrary<Section> = fc
  .record({
    steps: fc.array(lanesArb, { minLength: 1, maxLength: 3 }),
    style: styleArb,
    bullet: fc.constantFrom('◦', '•', '▪\uFE0E'),
    numbered: fc.boolean(),
    reactions: fc.boolean(),
  })
  .map(({ steps, style, bullet, numbered, reactions }) => (title) => {
    const items = steps.map((lanes, i) => `${numbered ? `${i + 1}.` : '•'} *${title(i + 1)}*\n${lanes.map((l) => `    ${bullet} ${label(l.label, style)} ${l.content}`).join('\n')}`);
    return `## ${title(0)}\n\n${items.join('\n')}${reactions ? '\n:tada: 2  :eyes: 1' : ''}\n`;
  });

/** A Discourse topic's BBCode boxes: `[details="Step n: Title"]` (or unquoted) over lane lines or paragraphs, `[/details]` under them. */
const bbcodeDetailsArb: fc.Arbitrary<Section> = fc
  .record({ steps: fc.array(fc.record({ lanes: lanesArb, quoted: fc.boolean() }), { minLength: 1, maxLength: 3 }), style: styleArb, spread: fc.boolean() })
  .map(({ steps, style, spread }) => (title) => {
    const boxes = steps.map(({ lanes, quoted }, i) => {
      const head = quoted ? `[details="Step ${i + 1}: ${title(i + 1)}"]` : `[details=${title(i + 1)}]`;
      return `${head}\n${lanes.map((l) => `${label(l.label, style)} ${l.content}`).join(spread ? '\n\n' : '\n')}\n[/details]`;
    });
    return `## ${title(0)}\n\n${boxes.join('\n\n')}\n`;
  });

/** Prose step: a heading and sentences, no lanes. */
const proseArb: fc.Arbitrary<Section> = fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((sentences) => (title) => `## ${title(0)}\n\n${sentences.join(' ')}\n`);

const SUPPRESSIONS = [
  '<!-- blueprint-lint-disable-next-line benefit-needs-support -->',
  '<!-- blueprint-lint-disable benefit-needs-support -->',
  '<!-- blueprint-lint-enable -->',
  '<!-- blueprint-lint-disable-line -->',
  '<!-- blueprint-lint-disable-step benefit-needs-support -->',
  '<!-- blueprint-lint-disable-file unknown-rule -->',
];

const FRONT_MATTER = ['', '---\nblueprint: true\n---\n\n', '---\ntype: service-blueprint\ntitle: "Generated"\n---\n\n', '---\nowner: ops\n---\n\n', '+++\nblueprint = true\n+++\n\n'];

export interface GeneratedBlueprint {
  text: string;
  /** Number of sections generated (for labelling failures). */
  sections: number;
}

/** A whole blueprint document: optional front matter and title, then 1-3 sections of mixed shapes, optional suppressions. */
export const blueprintArb: fc.Arbitrary<GeneratedBlueprint> = fc
  .record({
    frontMatter: fc.constantFrom(...FRONT_MATTER),
    title: fc.option(fc.constantFrom('Harbour hotel', 'Clinic visit 🏥', 'Repair'), { nil: undefined }),
    intro: fc.option(sentenceArb, { nil: undefined }),
    sections: fc.array(fc.oneof(headingListArb, headingParagraphArb, headingSubheadingsArb, listStepsArb, tableRowsArb, tableColumnsArb, proseArb, slackListArb, bbcodeDetailsArb), {
      minLength: 1,
      maxLength: 3,
    }),
    suppressions: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SUPPRESSIONS)), { maxLength: 2 }),
  })
  .map(({ frontMatter, title, intro, sections, suppressions }) => {
    // Every step title is unique in a document, so a finding's step can be found again after a fix.
    const blocks = sections.map((make, s) => make((i) => `${TITLES[(s * 5 + i) % TITLES.length]} ${s}.${i}`));
    for (const [at, comment] of suppressions) blocks.splice(at % (blocks.length + 1), 0, `${comment}\n`);
    const head = `${frontMatter}${title ? `# ${title}\n\n` : ''}${intro ? `${intro}\n\n` : ''}`;
    return { text: head + blocks.join('\n'), sections: sections.length };
  });

// ---------------------------------------------------------------------------------------------
// Mutations of real blueprints.

export interface CorpusFile {
  name: string;
  path: string;
  text: string;
}

/** The labelled corpus, copied into the repository from the project's shared material so that tests need nothing beside the clone. */
export const corpusDir = join(packageRoot(), 'test', 'corpus', 'data');

let corpusCache: CorpusFile[] | undefined;

/** The shared corpus (Markdown files only), read once. */
export function corpusFiles(): CorpusFile[] {
  if (corpusCache) return corpusCache;
  corpusCache = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((name) => ({ name, path: join(corpusDir, name), text: readFileSync(join(corpusDir, name), 'utf8') }))
    : [];
  return corpusCache;
}

/** corpusFiles() for a test that cannot run without them: a missing corpus fails that test, naming the folder, not the whole run. */
export function requiredCorpusFiles(): CorpusFile[] {
  const files = corpusFiles();
  if (files.length === 0) throw new Error(`no corpus files in ${corpusDir}: the labelled corpus belongs in the repository`);
  return files;
}

/** One textual mutation; `at`/`to` are fractions of the text (or line count) so they fit any document. */
export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number; to: number }
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'break-table'; at: number }
  | { kind: 'tabs' }
  | { kind: 'crlf' }
  | { kind: 'mixed-eol'; seed: number }
  | { kind: 'lone-cr' }
  | { kind: 'bom' }
  | { kind: 'long-line'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const HOSTILE_LINES = [
  '```',
  '~~~js',
  '<div>',
  '</details>',
  '<!--',
  '-->',
  '<!-- blueprint-lint-disable -->',
  '<script>alert(1)</script>',
  '| a | b |',
  '|---|',
  '|---|---|---|',
  '> ',
  '>>>>>>>>',
  '- ',
  '1. **',
  '***',
  '---',
  '# ',
  '    indented code',
  '\t- **Customer:** tab-indented lane',
  '[ref]: http://example.com',
  '$$',
  '<details><summary>x</summary>',
  '[details="x"]',
  '[/details]',
  '[quote="a, post:1, topic:2"]',
  '    ◦ **Customer:** bullet-character lane',
  '• ',
  '    a. x',
  ':tada: 2  :eyes: 1',
  '😀😀😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u{10FFFF}',
  '\u0000\u0001\u0007',
  '\u200B\u200D\u2028\u2029',
];

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const insertTextArb = fc.oneof(
  fc.constantFrom('😀', '\t', '|', '**', '_', '`', '<', '>', '\\', '\r', '\n', '\r\n', ':', '—', '\uFEFF', '\uD800', '\uDC00', '[', ']', '(', ')', '!', '#', '~~~'),
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), at: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction, to: fraction }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert-line' as const), at: fraction, line: fc.constantFrom(...HOSTILE_LINES) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert-text' as const), at: fraction, text: insertTextArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-range' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('break-table' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tabs' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crlf' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mixed-eol' as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lone-cr' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-line' as const), at: fraction, length: fc.integer({ min: 1000, max: 20000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
);

function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Applies one mutation to a document. */
export function mutate(text: string, m: Mutation): string {
  const lines = splitLines(text);
  const lineAt = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  const offsetAt = (f: number) => Math.floor(f * (text.length + 1));
  switch (m.kind) {
    case 'delete-line':
      lines.splice(lineAt(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(lineAt(m.to), 0, lines[lineAt(m.at)] ?? '');
      return lines.join('\n');
    case 'insert-line':
      lines.splice(lineAt(m.at), 0, m.line);
      return lines.join('\n');
    case 'insert-text': {
      const at = offsetAt(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-range': {
      const at = offsetAt(m.at);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'break-table': {
      // Drop one pipe (or the delimiter row) of the table line nearest to the chosen line.
      const start = lineAt(m.at);
      for (let k = 0; k < lines.length; k++) {
        const i = (start + k) % lines.length;
        const line = lines[i]!;
        if (!line.includes('|')) continue;
        if (/^\s*\|?\s*:?-{3,}/.test(line)) lines.splice(i, 1);
        else {
          const pipes = [...line.matchAll(/\|/g)].map((x) => x.index!);
          const p = pipes[(start + k) % pipes.length]!;
          lines[i] = line.slice(0, p) + line.slice(p + 1);
        }
        break;
      }
      return lines.join('\n');
    }
    case 'tabs':
      return lines.map((l) => l.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2))).join('\n');
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'mixed-eol':
      return lines.map((l, i) => (i === lines.length - 1 ? l : l + ['\n', '\r\n', '\r'][(m.seed + i * 7) % 3]!)).join('');
    case 'lone-cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
    case 'long-line':
      lines.splice(lineAt(m.at), 0, `- **Customer:** ${'same day refund on the spot '.repeat(Math.ceil(m.length / 28)).slice(0, m.length)}`);
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, offsetAt(m.at));
  }
}

export interface MutatedDocument {
  file: string;
  path: string;
  text: string;
  mutations: Mutation[];
}

/** A corpus file with 1-5 random mutations applied in order. */
export function mutatedCorpusArb(): fc.Arbitrary<MutatedDocument> {
  const files = requiredCorpusFiles();
  return fc.record({ index: fc.nat({ max: files.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }) }).map(({ index, mutations }) => {
    const f = files[index]!;
    return { file: f.name, path: f.path, text: mutations.reduce(mutate, f.text), mutations };
  });
}
