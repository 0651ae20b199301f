import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../server/src/engine/parse.js';
import { packageRoot } from '../../server/src/engine/resources.js';

export interface DocExample {
  ruleId: string;
  /** Line of the example's fence in the rule doc, for failure messages. */
  docLine: number;
  input: string;
  /** Optional config for the example (a ```jsonc config block before it). */
  config?: Record<string, unknown>;
  /** Expected findings of this rule, as "line:col-endLine:endCol severity message". */
  expected: string[];
}

/** Reads every ```markdown example block (and the ```findings block after it) from rules/<id>.md. */
export function ruleDocExamples(): DocExample[] {
  const dir = join(packageRoot(), 'rules');
  const out: DocExample[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const ruleId = file.replace(/\.md$/, '');
    const root = parseMarkdown(readFileSync(join(dir, file), 'utf8'));
    let pendingConfig: Record<string, unknown> | undefined;
    for (const node of root.children) {
      if (node.type !== 'code') continue;
      const info = `${node.lang ?? ''} ${node.meta ?? ''}`.trim();
      if (info === 'jsonc config' || info === 'json config') pendingConfig = JSON.parse(node.value) as Record<string, unknown>;
      else if (info === 'markdown example') {
        out.push({ ruleId, docLine: node.position!.start.line, input: `${node.value}\n`, config: pendingConfig, expected: [] });
        pendingConfig = undefined;
      } else if (node.lang === 'findings') {
        const last = out[out.length - 1];
        if (!last || last.ruleId !== ruleId) throw new Error(`${file}:${node.position!.start.line}: findings block without an example`);
        last.expected = node.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
      }
    }
  }
  return out;
}
