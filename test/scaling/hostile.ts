// Seeded generators of huge and hostile documents: the same bytes on every machine, sizes chosen by the caller.
import { mulberry32 } from '../support/random.js';

/** A seeded generator with the draws the documents need. */
export function rng(seed: number) {
  const next = mulberry32(seed);
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** Words and markup a long line is made of: benefit words, pipes, code, brackets, emphasis, HTML-ish `<`; no support words. */
const LINE_TOKENS = [
  'gets',
  'a',
  'free',
  'upgrade',
  'refund',
  'on the spot',
  'same-day',
  'answer',
  'the',
  'guest',
  'waits',
  'at',
  'desk',
  'and',
  '|',
  '| cell |',
  '`code`',
  '``',
  '`',
  '[link](https://example.com)',
  '[',
  ']',
  '(',
  ')',
  '![img](x.png)',
  '*em*',
  '**strong**',
  '*',
  '_',
  '__',
  '~~',
  '<',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '&amp;',
  '&#x1F600;',
  '\\*',
  'a<b',
  '<https://example.com>',
  'www.example.com',
  '😀',
  'é',
  '!',
  '?',
  ';',
  ':',
  '#',
  '>',
  '-',
  '+',
  '1.',
  '$',
  '{',
  '}',
];

/** One line of `chars` characters (no line break) of prose mixed with inline markup. */
export function longLine(chars: number, seed = 1): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    const t = r.pick(LINE_TOKENS);
    parts.push(t);
    size += t.length + 1;
  }
  return parts
    .join(' ')
    .slice(0, chars)
    .replace(/[\r\n]/g, ' ');
}

/** A lane whose text is a long line: the step's benefit is its opening words. */
export const LONG_LANE_HEAD = '## Check-in\n\n- **Guest:** Gets a free upgrade. ';

const TITLES = ['Arrival', 'Booking', 'Check-in', 'Waiting', 'Payment', 'Collection', 'Follow-up', 'Complaint', 'Delivery', 'Returns'];
const BENEFIT = ['gets a free upgrade', 'gets a refund on the spot', 'gets a same-day answer', 'is served without waiting'];
const PLAIN = ['arrives at the desk', 'fills in the form', 'calls the service line', 'walks to the counter'];
const FRONT = ['Agent checks the name', 'Host offers a drink', 'Courier scans the label', 'Nurse explains the next step'];
const BACK = ['Team prepares the room', 'Clerk files the form', 'Kitchen plates the order'];
const SUPPORT = ['CRM shows the guest history', 'Agents may refund up to $200 without approval', 'Staff are trained in de-escalation'];

/** One block of a mixed blueprint: every block has unique step titles (`n` is its number) and is linted on its own in tests. */
function block(r: ReturnType<typeof rng>, n: number): string {
  const t = (i: number) => `${r.pick(TITLES)} ${n}.${i}`;
  const customer = () => `${r.chance(0.5) ? r.pick(BENEFIT) : r.pick(PLAIN)}`;
  const support = () => (r.chance(0.5) ? r.pick(SUPPORT) : 'TBD');
  switch (r.int(8)) {
    case 0:
      return `## ${t(1)}\n\n- **Customer:** Guest ${customer()}.\n- **Frontstage:** ${r.pick(FRONT)}.\n- **Support:** ${support()}.\n\n`;
    case 1:
      return `## Stage ${n}\n\n1. **${t(1)}**\n   - Customer: Guest ${customer()}.\n   - Backstage: ${r.pick(BACK)}.\n\n2. **${t(2)}**\n   - Customer: Guest ${customer()}.\n   - Frontstage: ${r.pick(FRONT)}.\n   - Support: ${support()}.\n\n`;
    case 2:
      return `## Grid ${n}\n\n| Lane | ${t(1)} | ${t(2)} |\n|---|---|---|\n| Customer | Guest ${customer()} | Guest ${customer()} |\n| Frontstage | ${r.pick(FRONT)} | ${r.pick(FRONT)} |\n| Support | ${support()} |  |\n\n`;
    case 3:
      return `## Rows ${n}\n\n| Step | Customer | Frontstage | Support |\n|---|---|---|---|\n| ${t(1)} | Guest ${customer()} | ${r.pick(FRONT)} | ${support()} |\n| ${t(2)} | Guest ${customer()} | ${r.pick(FRONT)} |\n\n`;
    case 4:
      return `## ${t(1)}\n\nThe guest ${customer()}. ${r.chance(0.5) ? `${r.pick(SUPPORT)}.` : 'See the handbook.'}\n\n`;
    case 5:
      return `## Group ${n}\n\n<!-- blueprint-lint-disable-next-line benefit-needs-support -->\n### ${t(1)}\n\n- **Guest**: ${customer()}.\n- **Onstage**: ${r.pick(FRONT)}.\n\n`;
    case 6:
      return `## ${t(1)}\n\n> - **Customer:** Guest ${customer()}.\n> - **Frontstage:** ${r.pick(FRONT)}.\n\n\`\`\`\n## not a heading ${n}\n- **Customer:** gets a free upgrade\n\`\`\`\n\n<div>\n\n*html* ${n}\n\n</div>\n\n`;
    default:
      return `## ${t(1)} <!-- blueprint-lint-disable-step benefit-needs-support -->\n\n- **Customer:** Guest ${customer()}.\n- **Frontstae:** ${r.pick(FRONT)}.\n- **Backstage:** ${r.pick(BACK)}.\n\n`;
  }
}

/** A blueprint of at least `chars` characters made of independent blocks of every step shape; also returns the blocks. */
export function mixedBlueprint(chars: number, seed = 7): { text: string; blocks: string[] } {
  const r = rng(seed);
  const head = '---\nblueprint: true\n---\n\n# Mixed\n\n';
  const blocks: string[] = [];
  let size = head.length;
  for (let n = 1; size < chars; n++) {
    const b = block(r, n);
    blocks.push(b);
    size += b.length;
  }
  return { text: head + blocks.join(''), blocks };
}

/** Steps as columns: `columns` step columns; odd columns promise a benefit with no support. Returns each benefit cell's offset. */
export function wideTable(columns: number): { text: string; benefitCells: number[] } {
  const head = '## Wide\n\n';
  const header = `| Lane |${Array.from({ length: columns }, (_, i) => ` Step ${i + 1} |`).join('')}\n`;
  const delimiter = `|---|${'---|'.repeat(columns)}\n`;
  let row = '| Customer |';
  const benefitCells: number[] = [];
  const rowStart = head.length + header.length + delimiter.length;
  for (let i = 0; i < columns; i++) {
    const cell = i % 2 === 0 ? 'Gets a free upgrade' : 'Walks in';
    if (i % 2 === 0) benefitCells.push(rowStart + row.length + 1);
    row += ` ${cell} |`;
  }
  const front = `| Frontstage |${' Host waves |'.repeat(columns)}\n`;
  return { text: `${head}${header}${delimiter}${row}\n${front}`, benefitCells };
}

/** Steps as rows: `rows` rows; every third promises a benefit with an empty support cell. Returns each such benefit's offset. */
export function longTable(rows: number): { text: string; benefitCells: number[] } {
  const parts = ['## Long\n\n| Step | Customer | Frontstage | Support |\n|---|---|---|---|\n'];
  let size = parts[0]!.length;
  const benefitCells: number[] = [];
  for (let i = 0; i < rows; i++) {
    const promise = i % 3 === 0;
    const title = `| Row ${i + 1} | `;
    if (promise) benefitCells.push(size + title.length);
    const line = `${title}${promise ? 'Gets a free upgrade' : 'Walks in'} | Host waves | ${promise ? '' : 'CRM shows the history'} |\n`;
    parts.push(line);
    size += line.length;
  }
  return { text: parts.join(''), benefitCells };
}

/** `depth` list markers on one line, then text. */
export function nestedLists(depth: number): string {
  return `${'- '.repeat(depth)}x\n`;
}

/** `depth` blockquote markers on one line, then text. */
export function nestedQuotes(depth: number): string {
  return `${'> '.repeat(depth)}x\n`;
}

/** `count` openers that never close, separated by words, on lines of about 1,000 characters in one paragraph. */
export function unclosed(count: number, opener: '[' | '*' | '`'): string {
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < count; i++) {
    line += `${opener}w${i % 10} `;
    if (line.length > 1000) {
      out.push(line);
      line = '';
    }
  }
  out.push(line);
  return `## Unclosed\n\n${out.join('\n')}\n`;
}

/** One line of only pipes. */
export function pipes(chars: number): string {
  return '|'.repeat(chars);
}

/** A customer lane repeating a negated promise and a kept one `repeats` times: many hits and many negation cues in one text. */
export function negatedLane(repeats: number): string {
  return `## Upgrade\n\n- **Guest:** ${'no free upgrade, a refund on the spot, '.repeat(repeats)}\n- **Frontstage:** Host waves.\n`;
}

/** A backstage lane naming `repeats` times a product (CamelCase) and two known tools. */
export function productLane(repeats: number): string {
  return `## Upgrade\n\n- **Guest:** Gets a free upgrade.\n- **Backstage:** ${'SiteLink and the CRM and the POS, '.repeat(repeats)}\n`;
}

/** Every scaling case by id, as the timing child process builds it: size -> document. */
export const CASES: Record<string, (size: number) => string> = {
  line: (n) => longLine(n),
  lane: (n) => LONG_LANE_HEAD + longLine(n),
  pipes: (n) => pipes(n),
  mixed: (n) => mixedBlueprint(n).text,
  wide: (n) => wideTable(n).text,
  long: (n) => longTable(n).text,
  negated: (n) => negatedLane(n),
  products: (n) => productLane(n),
  lists: (n) => nestedLists(n),
  quotes: (n) => nestedQuotes(n),
  brackets: (n) => unclosed(n, '['),
  stars: (n) => unclosed(n, '*'),
  ticks: (n) => unclosed(n, '`'),
};
