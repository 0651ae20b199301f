// The commands that need the engine; loaded after argument parsing so --help, --version and usage errors stay fast.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allRules, LineIndex, type ResolvedConfig, type RuleSetting } from '../engine/index.js';
import { configForDocument } from '../engine/config/index.js';
import { ConfigResolver } from './configResolver.js';
import { inspectCommand } from './inspectCommand.js';
import { displayPath, emit, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { lintCommand } from './lintCommand.js';
import { UsageError, type CliOptions } from './options.js';
import { formatRuleTable, listRules } from './ruleList.js';

export async function runCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.command === 'rules') {
    const listing = listRules(allRules());
    await emit(options, io, options.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : formatRuleTable(listing));
    return EXIT_OK;
  }
  const knownRules = allRules().map((r) => r.id);
  for (const o of options.ruleOverrides) {
    if (!knownRules.includes(o.id)) throw new UsageError(`unknown rule '${o.id}' in --rule (see 'blueprint-lint rules')`);
  }
  const configs = new ConfigResolver(options, io);
  if (!configs.loadSettings()) return EXIT_USAGE;
  // A broken explicit config stops everything: linting with half a config would mislead CI.
  if (configs.hasExplicitConfig && !configs.checkExplicitConfig()) return EXIT_USAGE;

  switch (options.command) {
    case 'print-config': {
      const file = resolve(io.cwd, options.printConfigFor!);
      // A file that exists may pick a profile in its front matter; a path that does not exist gets the file-level config.
      const text = readTextIfPresent(file);
      const picked = configForDocument(configs.forFile(file), text ?? '');
      if (picked.problem) {
        const at = new LineIndex(text!).position(picked.problem.start);
        io.err(`${displayPath(file, io.cwd)}:${at.line}:${at.column}: ${picked.problem.message}\n`);
      }
      const { profiles, ...config } = picked.config;
      await emit(options, io, `${JSON.stringify({ ...config, rules: effectiveRules(picked.config), profiles: Object.keys(profiles) }, null, 2)}\n`);
      return configs.hadErrors || picked.problem ? EXIT_USAGE : EXIT_OK;
    }
    case 'inspect':
      return inspectCommand(options, io, configs);
    default:
      return lintCommand(options, io, configs);
  }
}

function readTextIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Every rule with the severity and options it lints with: the configured ones, the rest at their defaults. */
function effectiveRules(config: ResolvedConfig): Record<string, RuleSetting> {
  const ids = allRules()
    .map((r) => r.id)
    .sort();
  const defaults = new Map(allRules().map((r) => [r.id, r.defaultSeverity]));
  return Object.fromEntries(ids.map((id) => [id, config.rules[id] ?? { severity: defaults.get(id)!, options: {} }]));
}
