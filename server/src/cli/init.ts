// `blueprint-lint init`: writes the starting files a project needs, never replacing a user's file without asking.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { allRules } from '../engine/index.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { CONFIG_FILE, configTemplate, GITHUB_WORKFLOW_FILE, githubWorkflow, SETTINGS_ENTRIES, SETTINGS_FILE } from './initTemplates.js';
import { packageVersion } from '../engine/resources.js';

/** Other names the config discovery accepts: one of them present means the project already has its config. */
const OTHER_CONFIG_FILES = ['.blueprintlint.json', '.blueprintlint.yaml', '.blueprintlint.yml'];

type Outcome = 'created' | 'updated' | 'unchanged' | 'kept';

class InitError extends Error {}

export async function initCommand(options: CliOptions, io: CliIo): Promise<number> {
  const interactive = io.prompt !== undefined && !options.yes;
  const ask = async (question: string): Promise<boolean> => interactive && /^y(es)?$/i.test((await io.prompt!(`${question} [y/N] `)).trim());
  const wantSettings = options.initVscode || (await ask(`Add Blueprint Lint entries to ${SETTINGS_FILE}?`));
  const wantCi = options.initCi !== undefined || (await ask(`Add a GitHub Actions workflow (${GITHUB_WORKFLOW_FILE})?`));

  const outcomes: Array<[Outcome, string, string]> = [];
  try {
    outcomes.push(await writeConfig(io, ask));
    if (wantSettings) outcomes.push(await mergeSettings(io));
    if (wantCi) outcomes.push(await writeWholeFile(io, GITHUB_WORKFLOW_FILE, githubWorkflow(packageVersion()), ask));
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    for (const [outcome, file, why] of outcomes) io.out(`${outcome} ${file}${why}\n`);
    io.err(`blueprint-lint: init: ${error.message}\n`);
    return EXIT_USAGE;
  }
  for (const [outcome, file, why] of outcomes) io.out(`${outcome} ${file}${why}\n`);
  if (outcomes.every(([o]) => o === 'unchanged' || o === 'kept')) io.out('init: nothing changed\n');
  return EXIT_OK;
}

async function writeConfig(io: CliIo, ask: (q: string) => Promise<boolean>): Promise<[Outcome, string, string]> {
  const other = OTHER_CONFIG_FILES.find((name) => existsSync(join(io.cwd, name)));
  if (other !== undefined && !existsSync(join(io.cwd, CONFIG_FILE))) {
    return ['kept', other, ` (the project's config file; ${CONFIG_FILE} not written)`];
  }
  return writeWholeFile(io, CONFIG_FILE, configTemplate(allRules()), ask);
}

/** Writes `text` to a file of its own: unchanged when equal, and a different existing file is replaced only when the user says so. */
async function writeWholeFile(io: CliIo, file: string, text: string, ask: (q: string) => Promise<boolean>): Promise<[Outcome, string, string]> {
  const path = join(io.cwd, file);
  const current = await readIfExists(path, file);
  if (current === text) return ['unchanged', file, ''];
  if (current !== undefined && !(await ask(`${file} exists and differs from what init writes. Replace it?`))) {
    return ['kept', file, ' (it exists and differs from the template; not replaced)'];
  }
  await writeText(path, file, text);
  return [current === undefined ? 'created' : 'updated', file, ''];
}

/** Adds the missing `blueprintLint.*` entries to `.vscode/settings.json`, keeping its comments, order and the user's values. */
async function mergeSettings(io: CliIo): Promise<[Outcome, string, string]> {
  const path = join(io.cwd, SETTINGS_FILE);
  let text = (await readIfExists(path, SETTINGS_FILE)) ?? '{}\n';
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const { line, column } = lineColumn(text, errors[0]!.offset);
    throw new InitError(`${SETTINGS_FILE}:${line}:${column}: ${printParseErrorCode(errors[0]!.error)}; the file was not changed`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InitError(`${SETTINGS_FILE}:1:1: a settings file must hold an object; the file was not changed`);
  }
  const existing = value as Record<string, unknown>;
  const nested = existing['blueprintLint'];
  const missing = SETTINGS_ENTRIES.filter(([key]) => {
    const sub = key.slice('blueprintLint.'.length);
    return !(key in existing) && !(nested !== null && typeof nested === 'object' && sub in nested);
  });
  if (missing.length === 0) return ['unchanged', SETTINGS_FILE, ' (its Blueprint Lint entries are there)'];
  const created = !existsSync(path);
  text = appendProperties(text, missing);
  await writeText(path, SETTINGS_FILE, text.endsWith('\n') ? text : `${text}\n`);
  return [created ? 'created' : 'updated', SETTINGS_FILE, ` (added ${missing.map(([k]) => k).join(', ')})`];
}

/** Inserts the properties after the object's last one, in its indentation; the text before stays byte for byte. */
function appendProperties(text: string, entries: ReadonlyArray<readonly [string, unknown]>): string {
  const root = parseTree(text, [], { allowTrailingComma: true })!;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const lines = entries.map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n');
  const last = root.children?.[root.children.length - 1];
  if (last === undefined) return `${text.slice(0, root.offset)}{\n${lines}\n}${text.slice(root.offset + root.length)}`;
  const end = last.offset + last.length;
  // A trailing comma after the last property stays where it is and serves as the separator.
  const comma = /^\s*,/.exec(text.slice(end));
  const at = comma ? end + comma[0].length : end;
  return `${text.slice(0, at)}${comma ? '' : ','}\n${lines}${text.slice(at)}`;
}

async function readIfExists(path: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InitError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function writeText(path: string, file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new InitError(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
