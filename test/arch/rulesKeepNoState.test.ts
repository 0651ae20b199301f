// Rules are pure functions of their context: what they would cache between lints belongs in the engine's caches.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleState } from './moduleState.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('rules keep no module-level state', () => {
  it('no file in rules/ keeps a let, a container, a global regular expression or a binding its functions change', () => {
    const files = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    assert.ok(files.length >= 10, `found only ${files.length} rules: the path is wrong`);
    const found = files.flatMap((f) => moduleState(f, readFileSync(join(root, 'rules', f), 'utf8')).map((s) => `rules/${f}:${s}`));
    assert.deepEqual(found, []);
  });

  it('reports each kind of module-level state, and not constants, locals or a function-local memo', () => {
    const source = [
      "import { Generations } from '../server/src/engine/incremental/memo.js';",
      'let shipped: string[] | undefined;',
      'const memo = new Generations<string>();',
      'const seen = new Map<string, number>();',
      'const LINE = /^x$/gm;',
      'const TABLE: Record<string, number> = {};',
      'const KNOWN: readonly string[] = ["a", "b"];',
      'const PATTERN = /^a$/u;',
      'export function check(text: string): number {',
      '  shipped ??= [text];',
      '  TABLE[text] = 1;',
      '  const local = new Map<string, number>();',
      '  local.set(text, 1);',
      '  return KNOWN.length + PATTERN.source.length + local.size;',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(moduleState('x.ts', source), [
      '2: module-level let shipped',
      '3: memo is a new Generations kept by the module',
      '4: seen is a new Map kept by the module',
      '5: LINE is a global or sticky regular expression (its lastIndex is state)',
      '10: a function assigns to module-level shipped',
      '11: a function assigns to module-level TABLE',
    ]);
  });
});
