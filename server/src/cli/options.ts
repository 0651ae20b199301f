import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../engine/index.js';
import { CI_PROVIDERS, type CiProvider } from './initTemplates.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export type Command = 'lint' | 'inspect' | 'rules' | 'init' | 'help' | 'version' | 'print-config';

export interface RuleOverride {
  id: string;
  severity: SeveritySetting;
}

export interface CliOptions {
  command: Command;
  paths: string[];
  format: FormatName;
  configFile?: string;
  settingsFile?: string;
  /** Read the workspace's .vscode/settings.json when --settings names none (off: --no-editor-settings). */
  useEditorSettings: boolean;
  fix: boolean;
  /** -1 = unlimited. */
  maxWarnings: number;
  quiet: boolean;
  /** undefined = decide by TTY and NO_COLOR. */
  color?: boolean;
  outputFile?: string;
  useIgnoreFiles: boolean;
  ruleOverrides: RuleOverride[];
  stdin: boolean;
  stdinFilename?: string;
  printConfigFor?: string;
  /** --max-file-size; undefined: the settings' `blueprintLint.maxFileSize`, else its default (ConfigResolver.maxFileSize). */
  maxFileSize?: number;
  /** Worker threads for linting: 'auto' decides by the number and size of files and the idle cores; 0 = in this thread. */
  workers: number | 'auto';
  /** Where the lint cache lives (resolved against cwd); undefined = no cache. */
  cacheLocation?: string;
  /** Lint only this part of the file list (CI matrices); 1-based index. */
  shard?: Shard;
  /** `inspect --explain`: add why the file is or is not a blueprint, each label's lane and why, each step's verdict, what was skipped. */
  explain: boolean;
  /** `init --yes`: ask nothing; write what the flags ask for, replace no existing file. */
  yes: boolean;
  /** `init --vscode`: also add the .vscode/settings.json entries. */
  initVscode: boolean;
  /** `init --ci NAME`: also write that CI provider's workflow. */
  initCi?: CiProvider;
  /** Report disable directives that silence nothing (adds to the config's reportUnusedDirectives). */
  reportUnusedDirectives: boolean;
  /** Keep only findings on lines changed since this git ref. */
  changedSince?: string;
}

export interface Shard {
  index: number;
  count: number;
}

export const DEFAULT_CACHE_FILE = '.blueprintlintcache';
const MAX_WORKERS = 64;

/** A mistake on the command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

const optionSpec = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  settings: { type: 'string' },
  'no-editor-settings': { type: 'boolean' },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  'no-ignore': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'print-config': { type: 'string' },
  'max-file-size': { type: 'string' },
  workers: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  explain: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  vscode: { type: 'boolean' },
  ci: { type: 'string' },
  'report-unused-directives': { type: 'boolean' },
  'changed-since': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv), options: optionSpec, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals, tokens } = parsed;

  let command: Command = 'lint';
  let paths = positionals;
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (values['print-config'] !== undefined) command = 'print-config';
  else if (positionals[0] === 'inspect' || positionals[0] === 'rules' || positionals[0] === 'init') {
    command = positionals[0];
    paths = positionals.slice(1);
  }

  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`invalid --format '${format}' (expected ${FORMATS.join(', ')})`);
  }

  const options: CliOptions = {
    command,
    paths,
    format: format as FormatName,
    configFile: values.config,
    settingsFile: values.settings,
    useEditorSettings: !values['no-editor-settings'],
    fix: values.fix ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    color: lastColorFlag(tokens),
    outputFile: values['output-file'],
    useIgnoreFiles: !values['no-ignore'],
    ruleOverrides: (values.rule ?? []).map(parseRuleOverride),
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    printConfigFor: values['print-config'],
    maxFileSize: parseSize(values['max-file-size']),
    workers: parseWorkers(values.workers),
    // Naming a cache file is asking for the cache.
    cacheLocation: values['cache-location'] ?? (values.cache ? DEFAULT_CACHE_FILE : undefined),
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    explain: values.explain ?? false,
    yes: values.yes ?? false,
    initVscode: values.vscode ?? false,
    initCi: values.ci === undefined ? undefined : parseCi(values.ci),
    reportUnusedDirectives: values['report-unused-directives'] ?? false,
    changedSince: values['changed-since'],
  };
  validateCombinations(options);
  return options;
}

/** parseArgs reads `--max-warnings -1` as an unknown option `-1`; glue the number to its option. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i] === '--max-warnings' && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`--max-warnings=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

function validateCombinations(o: CliOptions): void {
  if (o.command === 'inspect' && !o.stdin && o.paths.length !== 1) {
    throw new UsageError('inspect needs exactly one FILE');
  }
  if (o.explain && o.command !== 'inspect') throw new UsageError('--explain goes with inspect FILE');
  if (o.command === 'init' && o.paths.length > 0) throw new UsageError(`init takes no paths (got '${o.paths[0]}'); run it in the project's folder`);
  if (o.command !== 'init' && (o.yes || o.initVscode || o.initCi !== undefined)) {
    throw new UsageError(`${o.yes ? '--yes' : o.initVscode ? '--vscode' : '--ci'} goes with init`);
  }
  if (o.command === 'rules' && o.paths.length > 0) {
    throw new UsageError(`rules takes no paths (got '${o.paths[0]}')`);
  }
  if (o.command === 'rules' && o.format !== 'stylish' && o.format !== 'json') {
    throw new UsageError(`rules supports --format stylish or json, not '${o.format}'`);
  }
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (o.stdin && o.command === 'lint' && o.paths.length > 0) {
    throw new UsageError('--stdin cannot be combined with paths');
  }
  if (o.stdin && o.fix) throw new UsageError('--fix cannot be combined with --stdin');
  if (o.stdin && o.shard) throw new UsageError('--shard cannot be combined with --stdin');
  if (o.cacheLocation !== undefined && o.cacheLocation.trim() === '') throw new UsageError('--cache-location needs a path');
  if (o.changedSince !== undefined && o.changedSince.trim() === '') throw new UsageError('--changed-since needs a git ref');
  if (o.changedSince !== undefined && o.stdin) throw new UsageError('--changed-since cannot be combined with --stdin');
  if (o.changedSince !== undefined && o.fix) throw new UsageError('--changed-since cannot be combined with --fix');
}

function parseCi(raw: string): CiProvider {
  if (!(CI_PROVIDERS as readonly string[]).includes(raw)) throw new UsageError(`invalid --ci '${raw}' (expected ${CI_PROVIDERS.join(', ')})`);
  return raw as CiProvider;
}

function parseWorkers(raw: string | undefined): number | 'auto' {
  if (raw === undefined || raw.trim() === 'auto') return 'auto';
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > MAX_WORKERS) {
    throw new UsageError(`invalid --workers '${raw}' (expected auto, or a number from 0 to ${MAX_WORKERS}; 0 = no worker threads)`);
  }
  return Number(raw);
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(raw: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError(`invalid --shard '${raw}' (expected i/n with 1 <= i <= n, e.g. 2/4)`);
  }
  return { index, count };
}

function parseMaxWarnings(raw: string | undefined): number {
  if (raw === undefined) return -1;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < -1) {
    throw new UsageError(`invalid --max-warnings '${raw}' (expected a whole number >= 0, or -1 for unlimited)`);
  }
  return Number(raw);
}

function parseRuleOverride(raw: string): RuleOverride {
  const colon = raw.lastIndexOf(':');
  const id = colon > 0 ? raw.slice(0, colon).trim() : '';
  const severity = colon > 0 ? raw.slice(colon + 1).trim() : '';
  if (!id || !(SEVERITIES as readonly string[]).includes(severity)) {
    throw new UsageError(`invalid --rule '${raw}' (expected rule-id:severity, severity one of ${SEVERITIES.join(', ')})`);
  }
  return { id, severity: severity as SeveritySetting };
}

/** Accepts bytes, or a number with a kb/mb suffix. */
function parseSize(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(raw);
  if (!m) throw new UsageError(`invalid --max-file-size '${raw}' (expected bytes, e.g. 500000, 512kb or 10mb)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** --color and --no-color: the one given last wins. */
function lastColorFlag(tokens: ReadonlyArray<{ kind: string; name?: string }>): boolean | undefined {
  let color: boolean | undefined;
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'color') color = true;
    else if (t.name === 'no-color') color = false;
  }
  return color;
}

function describeParseError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const name = /'(?:-\w, )?(-{1,2}[^'\s]+)/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${name ?? message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `option '${name}' needs a value` : `option '${name}' takes no value`;
    default:
      return message.split('\n')[0]!;
  }
}

export const USAGE = `Usage: blueprint-lint [paths or globs...] [options]
       blueprint-lint inspect FILE [--explain] [--config FILE] [--settings FILE]
       blueprint-lint rules [--format stylish|json]
       blueprint-lint init [--yes] [--vscode] [--ci github]

Lints Markdown service blueprints: every customer promise needs an employee
resource, tool or authority behind it. Paths default to '.'.

Options:
  -f, --format NAME           stylish (default), json, sarif, github, junit or gitlab
  -c, --config FILE           use this config file instead of discovering .blueprintlint.*
      --settings FILE         apply the blueprintLint.* keys of this VS Code settings.json
                              (default: the workspace's .vscode/settings.json, if any)
      --no-editor-settings    do not read .vscode/settings.json
      --rule ID:SEVERITY      override a rule's severity (off|info|warning|error); repeatable
      --fix                   apply safe fixes to the files, then report what remains
      --max-warnings N        exit 1 when there are more than N warnings (-1 = unlimited)
  -q, --quiet                 report errors only
      --color, --no-color     force or disable colours (default: on for a terminal, off with NO_COLOR)
  -o, --output-file FILE      write the report to FILE instead of stdout
      --no-ignore             do not apply .gitignore files or the config's ignores
      --stdin                 lint text read from stdin
      --stdin-filename NAME   name (and config lookup path) for --stdin text
      --print-config FILE     print the configuration that applies to FILE as JSON
      --max-file-size SIZE    do not lint larger files, report each (default: the settings'
                              blueprintLint.maxFileSize, else 2000000; e.g. 500kb)
      --workers N|auto        lint in N worker threads (0 = none; default auto)
      --cache                 reuse results of unchanged files (stored in .blueprintlintcache)
      --cache-location PATH   cache file (or folder for it) to use; implies --cache
      --shard I/N             lint only part I of N of the files (CI matrix jobs)
      --changed-since REF     report only findings on lines changed since git REF (untracked files count whole)
      --report-unused-directives
                              report blueprint-lint-disable comments that silence nothing
      --explain               with inspect: why the file is (not) a blueprint, each label's lane and why,
                              each step's verdict, and what was not read
  -y, --yes                   with init: ask nothing (write what the flags ask for; replace no file)
      --vscode                with init: also add blueprintLint entries to .vscode/settings.json
      --ci github             with init: also write a GitHub Actions workflow
  -v, --version               print the version
  -h, --help                  print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over
that, 2 usage or configuration error.
`;
