// JSON-schema validation of a config value (ajv), with ajv's findings turned into positioned, readable errors.
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaPath } from './assets.js';
import type { ConfigError } from './errors.js';
import type { Locator, ValuePath } from './source.js';
import { didYouMean } from './suggest.js';

export const SEVERITY_WORDS = ['off', 'info', 'warning', 'error'] as const;
export const LANE_KINDS = ['evidence', 'customer', 'frontstage', 'backstage', 'support', 'benefit', 'other'] as const;
export const SUPPORT_KINDS = ['resource', 'tool', 'authority', 'training', 'backing'] as const;

/** Which keys a source may hold: settings carry no file-only keys. */
export type SchemaVariant = 'file' | 'settings';
export const FILE_ONLY_KEYS = ['$schema', 'root', 'extends', 'overrides', 'profiles', 'policy'];

// ajv is CommonJS: its class is the module's `default` export under NodeNext.
const Ajv = AjvModule.default;
let loaded: { schema: Record<string, unknown>; file: ValidateFunction; settings: ValidateFunction } | undefined;

/** The schema as shipped (also contributed to VS Code for .blueprintlint.json(c)). */
export function configSchema(): Record<string, unknown> {
  return compiled().schema;
}

function compiled(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  // Editor-only annotations VS Code understands; ajv must accept and ignore them.
  ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']);
  const settingsSchema = structuredClone(schema);
  delete settingsSchema.$id;
  const props = settingsSchema.properties as Record<string, unknown>;
  for (const key of FILE_ONLY_KEYS) delete props[key];
  loaded = { schema, file: ajv.compile(schema), settings: ajv.compile(settingsSchema) };
  return loaded;
}

/** Converts ajv's JSON pointer into a path, with numbers for array indexes. */
function pointerToPath(pointer: string, root: unknown): Array<string | number> {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

/** `"vocabulary.benefit.add[2]"`, or `the configuration` for the root. */
export function describePath(path: ValuePath, prefix?: string): string {
  if (path.length === 0) return prefix === undefined ? 'the configuration' : `"${prefix}"`;
  let out = prefix ?? '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return `"${out}"`;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function withArticle(type: string): string {
  const noun = type === 'array' ? 'array' : type === 'object' ? 'object' : type;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeBranch(branch: Record<string, unknown>): string {
  const type = branch.type as string | undefined;
  if (type === 'array') {
    const items = branch.items as Record<string, unknown> | undefined;
    return items?.type === 'string' ? 'an array of strings' : 'an array';
  }
  if (type === 'object') return 'an object';
  return type ? withArticle(type) : 'a valid value';
}

function typeMatches(branch: Record<string, unknown>, value: unknown): boolean {
  const actual = jsonType(value);
  const wanted = branch.type;
  return wanted === actual || (wanted === 'number' && actual === 'integer');
}

function unknownKeyMessage(parent: ValuePath, key: string, parentSchema: Record<string, unknown>, prefix: string | undefined): string {
  const known = Object.keys((parentSchema.properties as Record<string, unknown> | undefined) ?? {});
  const last = parent[parent.length - 1];
  const hint = didYouMean(key, known);
  const orList = (what: string): string => (hint !== '' ? hint : `; ${what} are ${known.join(', ')}`);
  if (parent.length === 1 && last === 'lanes') return `unknown lane kind "${key}"${orList('lane kinds')}`;
  if (last === 'add' && parent[parent.length - 2] === 'support') return `unknown support kind "${key}"${orList('support kinds')}`;
  const where = parent.length === 0 && prefix === undefined ? '' : ` in ${describePath(parent, prefix)}`;
  return `unknown property "${key}"${where}${hint}`;
}

/** Rule entries, at the top or in an override or a profile; `extractRules` and `checkRules` check them. */
const RULE_ENTRY = /^(\/overrides\/\d+|\/profiles\/[^/]+)?\/rules\//;

/** Schema errors for `value`, positioned by `locator`. Entries under `rules.<id>` are checked elsewhere (they need the rule list). */
export function schemaErrors(value: unknown, locator: Locator, variant: SchemaVariant): ConfigError[] {
  const validate = variant === 'file' ? compiled().file : compiled().settings;
  if (validate(value)) return [];
  let errors = (validate.errors ?? []).filter((e) => !RULE_ENTRY.test(e.instancePath));
  // An anyOf failure: report the branch whose type fits the value, else one "must be X or Y" message.
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = (anyOf.schema as Array<Record<string, unknown>>) ?? [];
    const fitting = branches.map((b, i) => (typeMatches(b, anyOf.data) ? i : -1)).filter((i) => i >= 0);
    const prefix = `${anyOf.schemaPath}/`;
    errors = errors.filter((e) => {
      if (e === anyOf) return fitting.length !== 1;
      if (!e.schemaPath.startsWith(prefix)) return true;
      return fitting.length === 1 && e.schemaPath.startsWith(`${prefix}${fitting[0]}/`);
    });
  }
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const error = toConfigError(e, value, locator, []);
    const key = `${error.offset}:${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(error);
    }
  }
  return out;
}

const optionValidators = new WeakMap<object, ValidateFunction>();

/** Errors of a rule's options against the rule's own options schema, at `prefix` (`rules.<id>.options`). */
export function optionsErrors(options: Record<string, unknown>, optionsSchema: Record<string, unknown>, locator: Locator, prefix: ValuePath): ConfigError[] {
  let validate = optionValidators.get(optionsSchema);
  if (!validate) {
    validate = optionsAjv().compile(optionsSchema);
    optionValidators.set(optionsSchema, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').map((e) => toConfigError(e, options, locator, prefix));
}

let lenientAjv: InstanceType<typeof Ajv> | undefined;
function optionsAjv(): InstanceType<typeof Ajv> {
  // Rule authors' schemas may carry annotations ajv does not know: do not fail on them.
  return (lenientAjv ??= new Ajv({ allErrors: true, verbose: true, strict: false }));
}

function toConfigError(e: ErrorObject, root: unknown, locator: Locator, prefix: ValuePath): ConfigError {
  const path = [...prefix, ...pointerToPath(e.instancePath, root)];
  const where = describePath(path, locator.displayPrefix);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const parentSchema = (e.parentSchema ?? {}) as Record<string, unknown>;
      if (path.length === 0 && FILE_ONLY_KEYS.includes(key)) {
        return locator.errorAt([key], 'key', `"${key}" belongs in a configuration file, not in settings`, 'schema');
      }
      return locator.errorAt([...path, key], 'key', unknownKeyMessage(path, key, parentSchema, locator.displayPrefix), 'schema');
    }
    case 'type':
      return locator.errorAt(path, 'value', `${where} must be ${withArticle(String(params.type))}`, 'schema');
    case 'enum':
      return locator.errorAt(path, 'value', `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, 'schema');
    case 'minLength':
      return locator.errorAt(path, 'value', `${where} must not be empty`, 'schema');
    case 'required':
      return locator.errorAt(path, 'value', `${where} is missing "${String(params.missingProperty)}"`, 'schema');
    case 'anyOf': {
      const branches = (e.schema as Array<Record<string, unknown>>) ?? [];
      return locator.errorAt(path, 'value', `${where} must be ${branches.map(describeBranch).join(' or ')}`, 'schema');
    }
    default:
      return locator.errorAt(path, 'value', `${where} ${e.message ?? 'is invalid'}`, 'schema');
  }
}
