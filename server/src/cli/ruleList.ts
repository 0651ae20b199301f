import { docsUrl, type Rule } from '../engine/index.js';

export interface RuleListing {
  id: string;
  description: string;
  defaultSeverity: string;
  fixable: boolean;
  docs: string;
}

export function listRules(rules: readonly Rule[]): RuleListing[] {
  return [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, fixable: r.fixable, docs: docsUrl(r.id) }));
}

/** `blueprint-lint rules` as an aligned table for people. */
export function formatRuleTable(listing: readonly RuleListing[]): string {
  const header = { id: 'RULE', defaultSeverity: 'DEFAULT', fixable: 'FIX', description: 'DESCRIPTION' };
  const rows = [header, ...listing.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, fixable: r.fixable ? 'yes' : '', description: r.description }))];
  const w = {
    id: Math.max(...rows.map((r) => r.id.length)),
    defaultSeverity: Math.max(...rows.map((r) => r.defaultSeverity.length)),
    fixable: Math.max(...rows.map((r) => r.fixable.length)),
  };
  return rows.map((r) => `${r.id.padEnd(w.id)}  ${r.defaultSeverity.padEnd(w.defaultSeverity)}  ${r.fixable.padEnd(w.fixable)}  ${r.description}`.trimEnd()).join('\n') + '\n';
}
