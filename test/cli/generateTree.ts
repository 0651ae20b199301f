// A seeded tree of varied blueprints for the parallel, cache and shard tests: same bytes on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mulberry32 as random } from '../support/random.js';

const STEPS = ['Arrival', 'Check-in', 'Payment', 'Repair', 'Follow-up', 'Returns', 'Delivery', 'Booking'];
const CUSTOMER = ['The guest arrives at the desk.', 'The client calls the service line.', 'The patient waits in the lounge.', 'The member books a slot.'];
const FRONT = [
  'The receptionist checks the guest in without waiting.',
  'The agent gives a refund on the spot.',
  'Staff greet the guest by name.',
  'The advisor explains the bill.',
  'The courier scans the label.',
];
const BACK = ['Housekeeping prepares the room.', 'The clerk files the form.', 'The kitchen plates the order.'];
const SUPPORT = ['The CRM shows the guest history.', 'TBD', 'Agents may refund up to $200 without approval.', ''];

function blueprint(next: () => number, title: string): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lines = [`# ${title}`, ''];
  const steps = 2 + Math.floor(next() * 6);
  for (let s = 0; s < steps; s++) {
    lines.push(`## ${pick(STEPS)}`, '');
    lines.push(`- **Customer:** ${pick(CUSTOMER)}`, `- **Frontstage:** ${pick(FRONT)}`);
    if (next() < 0.7) lines.push(`- **${next() < 0.1 ? 'Backstgae' : 'Backstage'}:** ${pick(BACK)}`);
    if (next() < 0.5) lines.push(`- **Support:** ${pick(SUPPORT)}`.trimEnd());
    lines.push('');
  }
  return lines.join(next() < 0.1 ? '\r\n' : '\n');
}

/** Writes `count` files under `dir` (blueprints in nested folders, some plain Markdown) and returns their relative paths. */
export function generateTree(dir: string, count: number, seed = 7): string[] {
  const next = random(seed);
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = ['a', 'b/c', 'b/d', 'e'][i % 4]!;
    const plain = i % 9 === 0;
    const rel = `${folder}/f${String(i).padStart(3, '0')}${plain ? '.md' : '.blueprint.md'}`;
    const text = plain ? `# Notes ${i}\n\nNothing to see: a plain Markdown file.\n` : blueprint(next, `Journey ${i}`);
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
    written.push(rel);
  }
  return written;
}
