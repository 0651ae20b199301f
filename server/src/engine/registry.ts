// The rule registry is generated from the rules/ folder by scripts/build.mjs (rules/index.ts).
import { rules } from '../../../rules/index.js';
import type { Rule } from './rule.js';

export function allRules(): readonly Rule[] {
  return rules;
}

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
