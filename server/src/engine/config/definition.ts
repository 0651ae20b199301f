// The one typed definition of the configuration file's keys and of every `blueprintLint.*` setting. scripts/gen-settings.mjs
// writes both JSON schemas, package.json's contributes.configuration and the settings tables of the docs from it.

/** A rule's severity as written in a config (`off` turns the rule off). */
const SEVERITY = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'error'],
  description: 'How findings of the rule are reported: `off` disables the rule.',
  enumDescriptions: ['Rule is not run.', 'Reported as information.', 'Reported as a warning.', 'Reported as an error: the CLI exits with code 1.'],
} as const;

/** What a config may say about one rule: a severity, or a severity with options. */
const RULE_SETTING = {
  description: 'A severity, or an object with a severity and rule options.',
  anyOf: [
    SEVERITY,
    {
      type: 'object',
      description: 'Severity plus options for the rule.',
      additionalProperties: false,
      required: ['severity'],
      properties: {
        severity: SEVERITY,
        options: {
          type: 'object',
          description: "Rule options; see the rule's documentation for the keys it accepts.",
        },
      },
    },
  ],
} as const;

/** The configuration file's JSON Schema without its per-rule entries (those come from the rules themselves). */
export const CONFIG_SCHEMA = {
  ...({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/blueprint-lint/blueprint-lint/blob/main/schemas/blueprintlint.schema.json',
    title: 'Blueprint Lint configuration',
    description: 'Configuration of Blueprint Lint (.blueprintlint.jsonc, .blueprintlint.json, .blueprintlint.yaml or .blueprintlint.yml).',
    markdownDescription: 'Configuration of **Blueprint Lint**. See [the configuration reference](https://github.com/blueprint-lint/blueprint-lint/blob/main/docs/configuration.md).',
    type: 'object',
    additionalProperties: false,
  } as const),
  properties: {
    $schema: {
      type: 'string',
      description: 'URL or path of this JSON schema, for editors.',
    },
    root: {
      type: 'boolean',
      default: false,
      description: "Marks the top of a project's configuration. Only the nearest configuration file is used, so every file already acts as a root; the key is accepted for forward compatibility.",
      markdownDescription:
        "Marks the top of a project's configuration. Only the nearest configuration file (plus its `extends` chain) is used, so every file already acts as a root; the key is accepted for forward compatibility.",
    },
    extends: {
      description:
        'A preset ("recommended", "strict") or a path (relative to this file) of another configuration file, or a list of them; later entries override earlier ones, and this file overrides them all.',
      markdownDescription:
        'A preset (`recommended`, `strict`) or a path (relative to this file, starting with `./` or `../`) of another configuration file in any supported format, or a list of them. Later entries override earlier ones; this file overrides them all.',
      anyOf: [
        {
          type: 'string',
          minLength: 1,
          description: 'A preset name or a relative path.',
          examples: ['recommended', 'strict', './base.jsonc'],
        },
        {
          type: 'array',
          description: 'Presets and paths, applied in order.',
          items: {
            type: 'string',
            minLength: 1,
            description: 'A preset name or a relative path.',
          },
        },
      ],
    },
    enable: {
      type: 'boolean',
      default: true,
      description: 'Lint blueprints at all. False turns every rule off for the files this configuration covers.',
    },
    autoDetect: {
      type: 'boolean',
      default: true,
      description:
        'Treat a Markdown file as a blueprint when one step carries labels of two different service lanes (a note, metric or status column is none), even without front matter or a matching glob.',
      markdownDescription:
        'Treat a Markdown file as a blueprint when one step carries labels of two different service lanes (a note, metric or status column is none), even without `blueprint:` front matter or a matching `files` glob.',
    },
    reportUnusedDirectives: {
      type: 'boolean',
      default: false,
      description: 'Report blueprint-lint-disable directives that silence nothing (rule suppression-directive). Expired directives are reported whatever this says.',
      markdownDescription:
        'Report `blueprint-lint-disable*` directives that silence nothing, as findings of `suppression-directive`. Expired directives (`(until YYYY-MM-DD)` in the past) are reported whatever this says.',
    },
    rules: {
      type: 'object',
      description: 'Severity and options per rule id; rules not listed keep their default severity.',
      markdownDescription:
        'Severity and options per rule id, e.g. `{"benefit-needs-support": "error"}` or `{"unknown-lane": {"severity": "warning", "options": {"ignore": ["Backstory"]}}}`. Rules not listed keep their default severity.',
      additionalProperties: RULE_SETTING,
    },
    vocabulary: {
      type: 'object',
      additionalProperties: false,
      description: 'Phrases added to or removed from the built-in benefit and support vocabularies.',
      properties: {
        benefit: {
          type: 'object',
          additionalProperties: false,
          description: 'Customer benefit phrases.',
          properties: {
            add: {
              type: 'array',
              description: 'Extra phrases that name a customer benefit.',
              items: {
                type: 'string',
                minLength: 1,
              },
            },
            remove: {
              type: 'array',
              description: 'Built-in phrases that do not name a benefit in this organisation.',
              items: {
                type: 'string',
                minLength: 1,
              },
            },
          },
        },
        support: {
          type: 'object',
          additionalProperties: false,
          description: 'Employee support phrases (resource, tool, authority, training, backing).',
          properties: {
            add: {
              description: 'Extra support phrases: a list (kind resource) or an object of lists per kind.',
              markdownDescription: 'Extra support phrases: a list (kind `resource`) or an object of lists per kind, e.g. `{"tool": ["Opera PMS"], "authority": ["may comp"]}`.',
              anyOf: [
                {
                  type: 'array',
                  description: 'Phrases of kind resource.',
                  items: {
                    type: 'string',
                    minLength: 1,
                  },
                },
                {
                  type: 'object',
                  description: 'Phrases per support kind.',
                  additionalProperties: false,
                  properties: {
                    resource: {
                      type: 'array',
                      description: 'Time, staff, budget or information the employee is given.',
                      items: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                    tool: {
                      type: 'array',
                      description: 'A system, app, checklist or playbook.',
                      items: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                    authority: {
                      type: 'array',
                      description: 'The right to decide, e.g. "may refund up to $200".',
                      items: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                    training: {
                      type: 'array',
                      description: 'Training or coaching that prepares the employee.',
                      items: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                    backing: {
                      type: 'array',
                      description: 'Backing by a manager, team or policy.',
                      items: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                  },
                },
              ],
            },
            remove: {
              type: 'array',
              description: 'Built-in support phrases to stop recognising.',
              items: {
                type: 'string',
                minLength: 1,
              },
            },
          },
        },
      },
    },
    lanes: {
      type: 'object',
      additionalProperties: false,
      description: 'Extra lane labels (synonyms) per lane kind.',
      markdownDescription: 'Extra lane labels (synonyms) per lane kind, e.g. `{"support": ["Enablement"]}`.',
      properties: {
        evidence: {
          type: 'array',
          description: 'Extra labels for the lane. Physical evidence lane (customer side): props, touchpoints.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        customer: {
          type: 'array',
          description: 'Extra labels for the lane. Customer actions lane.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        frontstage: {
          type: 'array',
          description: 'Extra labels for the lane. Frontstage lane: employee actions the customer sees.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        backstage: {
          type: 'array',
          description: 'Extra labels for the lane. Backstage lane: employee actions the customer does not see.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        support: {
          type: 'array',
          description: 'Extra labels for the lane. Support lane: systems, tools, resources and authority behind the employee.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        benefit: {
          type: 'array',
          description: 'Extra labels for the lane. Benefit lane: what the step promises the customer.',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        other: {
          type: 'array',
          description: 'Extra labels for the lane. Lanes the linter recognises but does not judge (time, emotions, metrics, notes, ...).',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
      },
    },
    files: {
      type: 'array',
      description: 'Globs of Markdown files that are blueprints, added to the defaults (**/*.blueprint.md, **/blueprints/**/*.md).',
      markdownDescription: 'Globs of Markdown files that are blueprints, added to the defaults (`**/*.blueprint.md`, `**/blueprints/**/*.md`). Relative to the directory of this file.',
      items: {
        type: 'string',
        minLength: 1,
        description: 'A glob (picomatch syntax), relative to the directory of the configuration file.',
      },
    },
    ignores: {
      type: 'array',
      description: 'Globs of files (or directories) never linted.',
      markdownDescription: 'Globs of files or directories never linted, e.g. `drafts/**`. Relative to the directory of this file.',
      items: {
        type: 'string',
        minLength: 1,
        description: 'A glob (picomatch syntax), relative to the directory of the configuration file.',
      },
    },
    overrides: {
      type: 'array',
      description: 'Settings for files matching globs, applied over the rest of this file; later entries win over earlier ones.',
      markdownDescription:
        'Settings for files matching globs, e.g. `[{"files": ["legacy/**"], "rules": {"benefit-needs-support": "off"}}]`. Globs are relative to the directory of this file; later entries win over earlier ones, and every entry wins over the rest of this file.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        description: 'One override: the files it applies to and what it changes.',
        properties: {
          files: {
            type: 'array',
            minItems: 1,
            description: 'Globs of the files this entry applies to, relative to the directory of this configuration file.',
            items: {
              type: 'string',
              minLength: 1,
              description: 'A glob (picomatch syntax) relative to the directory of this configuration file; one without a slash matches the file name in any folder.',
            },
          },
          excludedFiles: {
            type: 'array',
            minItems: 0,
            description: 'Globs of files this entry leaves alone even when "files" matches them.',
            items: {
              type: 'string',
              minLength: 1,
              description: 'A glob (picomatch syntax) relative to the directory of this configuration file; one without a slash matches the file name in any folder.',
            },
          },
          rules: {
            $ref: '#/properties/rules',
            description: 'Severity and options per rule id for the matching files; applied over the rules above.',
          },
          vocabulary: {
            $ref: '#/properties/vocabulary',
            description: 'Phrases added to or removed from the vocabularies for the matching files.',
          },
          lanes: {
            $ref: '#/properties/lanes',
            description: 'Extra lane labels (synonyms) per lane kind for the matching files.',
          },
          reportUnusedDirectives: {
            $ref: '#/properties/reportUnusedDirectives',
            description: 'Report directives that silence nothing, for the matching files.',
          },
        },
      },
    },
    profiles: {
      type: 'object',
      description: "Named rule sets a blueprint picks with `profile: <name>` in its front matter; a profile applies over the file's settings and overrides.",
      markdownDescription:
        'Named rule sets, e.g. `{"draft": {"rules": {"benefit-needs-support": "info"}}}`. A blueprint picks one with `profile: draft` in its front matter; the profile applies over this file\'s settings and its overrides.',
      propertyNames: {
        pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
        description: "A profile name: letters, digits, '.', '_' and '-'.",
      },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        description: 'What the profile changes.',
        properties: {
          rules: {
            $ref: '#/properties/rules',
            description: 'Severity and options per rule id for blueprints that pick this profile; applied over the rules above.',
          },
          vocabulary: {
            $ref: '#/properties/vocabulary',
            description: 'Phrases added to or removed from the vocabularies for blueprints that pick this profile.',
          },
          lanes: {
            $ref: '#/properties/lanes',
            description: 'Extra lane labels (synonyms) per lane kind for blueprints that pick this profile.',
          },
          reportUnusedDirectives: {
            $ref: '#/properties/reportUnusedDirectives',
            description: 'Report directives that silence nothing, for blueprints that pick this profile.',
          },
        },
      },
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      description: 'Team policy: minimums that editor settings, profiles, overrides and --rule cannot go below.',
      markdownDescription:
        'Team policy, e.g. `{"minimumSeverity": {"benefit-needs-support": "warning"}}`: a rule set lower anywhere (editor settings, a profile, an override, `--rule`) is raised back to its minimum. Only configuration files may set policy.',
      properties: {
        minimumSeverity: {
          type: 'object',
          description: 'The lowest severity each named rule may have.',
          additionalProperties: {
            type: 'string',
            enum: ['info', 'warning', 'error'],
            description: 'The minimum severity: "info", "warning" or "error".',
          },
        },
      },
    },
  },
} as const;

/** JSON Schema as the definition writes it (read-only literals, so value types can be derived from it). */
export type JsonSchema = { readonly [key: string]: unknown };

/** Who reads a setting: the linter (the config file's key of the same name), the language server, or the VS Code client alone. */
export type SettingUse = 'linter' | 'server' | 'client';

export interface SettingDefinition {
  use: SettingUse;
  /** The value's JSON Schema; a linter setting's is its config file key's. */
  schema: JsonSchema;
  default: unknown;
  /** VS Code's configuration scope. */
  scope: 'resource' | 'window';
  /** The value's type as the docs write it. */
  docType: string;
  /** One line for the settings tables of the docs. */
  summary: string;
  /** The unit of an integer setting, for its error message. */
  unit?: string;
}

const config = CONFIG_SCHEMA.properties;

/** Every `blueprintLint.*` setting, in the order VS Code's settings editor and the docs list them. */
export const SETTINGS = {
  enable: { use: 'linter', schema: config.enable, default: true, scope: 'resource', docType: 'boolean', summary: 'lint blueprints at all' },
  run: {
    use: 'server',
    schema: {
      type: 'string',
      enum: ['onType', 'onSave'],
      enumDescriptions: ['Lint while typing (after blueprintLint.debounceMs).', 'Lint when the file is saved.'],
      description: 'When to lint an open blueprint.',
    },
    default: 'onType',
    scope: 'resource',
    docType: '`onType` \\| `onSave`',
    summary: '`onType` (after `debounceMs`) or `onSave`',
  },
  rules: {
    use: 'linter',
    schema: config.rules,
    default: {},
    scope: 'resource',
    docType: 'object',
    summary: 'severity per rule, as `rules` in a config file: `{"benefit-needs-support": "error"}` or `{severity, options}`',
  },
  vocabulary: {
    use: 'linter',
    schema: config.vocabulary,
    default: {},
    scope: 'resource',
    docType: 'object',
    summary: 'phrases added and removed, as `vocabulary` in a config file: `{"support": {"add": {"tool": ["Opera PMS"]}}}`',
  },
  lanes: { use: 'linter', schema: config.lanes, default: {}, scope: 'resource', docType: 'object', summary: 'extra lane labels per lane kind: `{"support": ["Enabling systems"]}`' },
  files: {
    use: 'linter',
    schema: config.files,
    default: [],
    scope: 'resource',
    docType: 'string[]',
    summary: 'globs of files that are always blueprints, added to `**/*.blueprint.md` and `**/blueprints/**/*.md`',
  },
  ignores: { use: 'linter', schema: config.ignores, default: [], scope: 'resource', docType: 'string[]', summary: 'globs of files never linted' },
  autoDetect: { use: 'linter', schema: config.autoDetect, default: true, scope: 'resource', docType: 'boolean', summary: 'also lint files whose steps carry labels of two lanes' },
  reportUnusedDirectives: {
    use: 'linter',
    schema: config.reportUnusedDirectives,
    default: false,
    scope: 'resource',
    docType: 'boolean',
    summary: 'report suppression comments that silence nothing',
  },
  debounceMs: {
    use: 'server',
    schema: { type: 'integer', minimum: 0, description: 'Delay in milliseconds between the last keystroke and linting, when run is onType.' },
    default: 200,
    scope: 'resource',
    docType: 'integer ≥ 0',
    summary: 'milliseconds to wait after the last keystroke',
    unit: 'milliseconds',
  },
  maxFileSize: {
    use: 'server',
    schema: { type: 'integer', minimum: 1, description: 'Files larger than this many bytes are not linted, in the editor and the CLI: they get one information finding instead.' },
    default: 2_000_000,
    scope: 'resource',
    docType: 'integer > 0 (bytes)',
    summary: 'larger files get one information diagnostic instead of a lint (the CLI reads it too: one `file-too-large` finding)',
    unit: 'bytes',
  },
  configFile: {
    use: 'server',
    schema: {
      type: 'string',
      description: "Path of a configuration file to use instead of discovering .blueprintlint.* files (relative to the workspace folder), like the CLI's --config.",
      markdownDescription: "Path of a configuration file to use instead of discovering `.blueprintlint.*` files (relative to the workspace folder), like the CLI's `--config`.",
    },
    default: '',
    scope: 'resource',
    docType: 'string',
    summary: 'a configuration file instead of discovery, like `--config`, relative to the workspace folder',
  },
  'trace.server': {
    use: 'server',
    schema: { type: 'string', enum: ['off', 'messages', 'verbose'], description: 'Traces the communication between VS Code and the Blueprint Lint language server.' },
    default: 'off',
    scope: 'window',
    docType: '`off` \\| `messages` \\| `verbose`',
    summary: '`messages` or `verbose` logs the protocol to the output channel',
  },
  addToConfigTarget: {
    use: 'server',
    schema: {
      type: 'string',
      enum: ['configFile', 'settings'],
      description:
        'Where the "Treat X as a support term / not a benefit" quick fixes write: the workspace\'s .blueprintlint.jsonc (created when missing) or the workspace settings (blueprintLint.vocabulary).',
    },
    default: 'configFile',
    scope: 'resource',
    docType: '`configFile` \\| `settings`',
    summary: 'where "treat X as ..." fixes write: `configFile` or `settings`',
  },
  disabledFiles: {
    use: 'client',
    schema: {
      type: 'array',
      items: { type: 'string' },
      markdownDescription:
        "Files (workspace-folder relative paths or globs) Blueprint Lint leaves alone. The status item's *Turn off for this file* adds the file here, so your Markdown is never edited.",
    },
    default: [],
    scope: 'resource',
    docType: 'string[]',
    summary: 'files (folder-relative paths or globs) the extension leaves alone',
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;

/** The TypeScript type of a value a simple schema describes (objects stay unknown: the engine validates them). */
type ValueOf<S> = S extends { enum: ReadonlyArray<infer E> }
  ? E
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integer' }
      ? number
      : S extends { type: 'string' }
        ? string
        : S extends { type: 'array'; items: infer I }
          ? Array<ValueOf<I>>
          : unknown;

/** The value of every setting: the one settings type of the engine, the server and the client. */
export type SettingValues = { -readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]['schema']> };

type KeysUsedBy<U extends SettingUse> = { [K in SettingKey]: (typeof SETTINGS)[K]['use'] extends U ? K : never }[SettingKey];
export type ConfigSettingKey = KeysUsedBy<'linter'>;
export type EditorSettingKey = KeysUsedBy<'server' | 'client'>;

function keysUsedBy<K extends SettingKey>(...uses: SettingUse[]): K[] {
  return (Object.keys(SETTINGS) as SettingKey[]).filter((key) => uses.includes(SETTINGS[key].use)) as K[];
}

/** Settings the linter uses (keys of a config file); everything else under `blueprintLint.` is for the editor. */
export const CONFIG_SETTING_KEYS = keysUsedBy<ConfigSettingKey>('linter');
export const EDITOR_SETTING_KEYS = keysUsedBy<EditorSettingKey>('server', 'client');

/** Why `value` is no value of setting `key` ("must be ..."), or undefined when it is one. */
export function settingValueProblem(key: EditorSettingKey, value: unknown): string | undefined {
  const definition: SettingDefinition = SETTINGS[key];
  const schema = definition.schema as { type: string; enum?: readonly string[]; minimum?: number };
  if (schema.enum) return schema.enum.includes(value as string) ? undefined : `must be ${orList(schema.enum.map((v) => `"${v}"`))}`;
  switch (schema.type) {
    case 'integer': {
      const minimum = schema.minimum ?? 0;
      if (Number.isInteger(value) && (value as number) >= minimum) return undefined;
      return `must be a whole number of ${definition.unit ?? 'units'}, ${minimum === 0 ? '0 or more' : `more than ${minimum - 1}`}`;
    }
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'array':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings';
    default:
      return undefined;
  }
}

function orList(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What the schemas need of a rule. */
export interface RuleSummary {
  id: string;
  description: string;
}

/** The configuration file's JSON Schema, with an entry per rule so editors complete rule ids and show what each does. */
export function configFileSchema(rules: readonly RuleSummary[]) {
  const ruleSetting = CONFIG_SCHEMA.properties.rules.additionalProperties;
  const perRule = Object.fromEntries(rules.map((r) => [r.id, { description: r.description, anyOf: ruleSetting.anyOf }]));
  return { ...CONFIG_SCHEMA, properties: { ...CONFIG_SCHEMA.properties, rules: { ...CONFIG_SCHEMA.properties.rules, properties: perRule } } };
}

/** Every `blueprintLint.*` setting in the shape of VS Code's `contributes.configuration.properties`. */
export function settingsProperties(rules: readonly RuleSummary[]): Record<string, Record<string, unknown>> {
  const fileKeys = configFileSchema(rules).properties as Record<string, JsonSchema>;
  return Object.fromEntries(
    (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
      const definition: SettingDefinition = SETTINGS[key];
      const { default: _fileDefault, ...schema } = definition.use === 'linter' ? fileKeys[key]! : definition.schema;
      return [`blueprintLint.${key}`, { ...schema, default: definition.default, scope: definition.scope }];
    }),
  );
}
