// A reviewer's judgement of the prose rules' findings on the real-world fixtures opted in as blueprints (review.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { packageRoot } from '../../server/src/engine/resources.js';

export const REVIEW_DIR = 'test/fixtures/real-world';

export type Verdict = 'right' | 'wrong' | 'debatable';

export interface Judgement {
  rule: string;
  step: string;
  verdict: Verdict;
  why: string;
}

export interface ReviewFile {
  rules: string[];
  files: Record<string, Judgement[]>;
}

/** One finding (or expected finding) as the review sees it. */
export interface ReviewedFinding {
  file: string;
  rule: string;
  step: string;
  /** null: the reviewer has not judged this finding yet. */
  verdict: Verdict | null;
  /** Whether the rule fired on the step. */
  found: boolean;
  why: string;
  message?: string;
}

export interface RuleReview {
  rule: string;
  right: number;
  wrong: number;
  debatable: number;
  missed: number;
  unjudged: number;
  /** right / (right + wrong + unjudged): an unjudged finding counts against the rule until a reviewer reads it. */
  precision: number;
  /** right / (right + missed). */
  recall: number;
}

export function readReview(): ReviewFile {
  return JSON.parse(readFileSync(join(packageRoot(), REVIEW_DIR, 'review.json'), 'utf8')) as ReviewFile;
}

const keyOf = (file: string, rule: string, step: string) => `${file}\u0000${rule}\u0000${step}`;

/** Lints every fixture as a blueprint and sets each prose-rule finding against the reviewer's judgement. */
export function reviewFindings(review: ReviewFile = readReview()): ReviewedFinding[] {
  const dir = join(packageRoot(), REVIEW_DIR);
  const judged = new Map<string, Judgement & { file: string }>();
  for (const [file, list] of Object.entries(review.files)) for (const j of list) judged.set(keyOf(file, j.rule, j.step), { ...j, file });
  const out: ReviewedFinding[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()) {
    const path = join(dir, file);
    const result = lint(readFileSync(path, 'utf8'), { filePath: path, forceBlueprint: true });
    for (const f of result.findings) {
      if (!review.rules.includes(f.ruleId) || f.suppressedBy) continue;
      const step = f.step ?? '';
      const key = keyOf(file, f.ruleId, step);
      if (seen.has(key)) continue;
      seen.add(key);
      const j = judged.get(key);
      out.push({ file, rule: f.ruleId, step, verdict: j?.verdict ?? null, found: true, why: j?.why ?? '', message: f.message });
    }
  }
  for (const [key, j] of judged) if (!seen.has(key)) out.push({ file: j.file, rule: j.rule, step: j.step, verdict: j.verdict, found: false, why: j.why });
  return out;
}

export function summariseReview(findings: readonly ReviewedFinding[], rules: readonly string[]): RuleReview[] {
  return rules.map((rule) => {
    const mine = findings.filter((f) => f.rule === rule);
    const count = (p: (f: ReviewedFinding) => boolean) => mine.filter(p).length;
    const right = count((f) => f.found && f.verdict === 'right');
    const wrong = count((f) => f.found && f.verdict === 'wrong');
    const unjudged = count((f) => f.found && f.verdict === null);
    const missed = count((f) => !f.found && f.verdict === 'right');
    const fired = right + wrong + unjudged;
    return {
      rule,
      right,
      wrong,
      debatable: count((f) => f.found && f.verdict === 'debatable'),
      missed,
      unjudged,
      precision: fired === 0 ? 1 : right / fired,
      recall: right + missed === 0 ? 1 : right / (right + missed),
    };
  });
}
