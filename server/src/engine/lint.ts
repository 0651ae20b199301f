import type { ResolvedConfig } from './config/types.js';
import type { Rule } from './rule.js';
import { LineIndex } from './text.js';
import type { Blueprint, Finding } from './types.js';

export interface LintOptions {
  /** Path of the document (absolute, or relative to cwd); used for glob-based blueprint detection. */
  filePath?: string;
  config?: ResolvedConfig;
  /** Rules to run; defaults to every registered rule. */
  rules?: readonly Rule[];
  /** Treat the document as a blueprint whatever detection says. */
  forceBlueprint?: boolean;
}

export interface LintResult {
  blueprint: Blueprint;
  /** Sorted by position; empty for non-blueprints. */
  findings: Finding[];
  lines: LineIndex;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  void options;
  return { blueprint: { isBlueprint: false, reason: 'none', steps: [] }, findings: [], lines: new LineIndex(text) };
}
