// Parses a config or settings file (JSONC or YAML) into a plain value plus a map back to source positions.
import { findNodeAtLocation, parseTree, printParseErrorCode, getNodeValue, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../text.js';
import type { Span } from '../types.js';
import { ConfigError, errorAtOffset, errorAtStart, type ConfigErrorCode } from './errors.js';

export type ConfigFormat = 'jsonc' | 'yaml';
export type ValuePath = ReadonlyArray<string | number>;

/** A parsed file: its value, its syntax errors, and where each value came from. */
export interface ConfigSource {
  file: string;
  text: string;
  value: unknown;
  /** Syntax errors; when non-empty the value is not trusted. */
  syntaxErrors: ConfigError[];
  lines: LineIndex;
  /** Span of the key (for a property) or the value at `path`, if the file has it. */
  spanOf(path: ValuePath, part: 'key' | 'value'): Span | undefined;
}

/** Where a path of the config value is written; used for every validation error. */
export interface Locator {
  file: string;
  /** Prefix for paths in messages, e.g. `blueprintLint` for settings. */
  displayPrefix?: string;
  errorAt(path: ValuePath, part: 'key' | 'value', message: string, code: ConfigErrorCode): ConfigError;
}

export function formatForPath(file: string): ConfigFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return 'jsonc';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

export function parseConfigText(file: string, text: string, format: ConfigFormat): ConfigSource {
  return format === 'yaml' ? parseYaml(file, text) : parseJsonc(file, text);
}

/** Locator over a parsed source: falls back to the nearest ancestor that has a position, then to 1:1. */
export function sourceLocator(source: ConfigSource, mapPath: (path: ValuePath) => ValuePath = (p) => p, displayPrefix?: string): Locator {
  return {
    file: source.file,
    displayPrefix,
    errorAt(path, part, message, code) {
      let p = mapPath(path);
      let which = part;
      for (;;) {
        const span = source.spanOf(p, which);
        if (span) return errorAtOffset(source.file, source.lines, span.start, span.end - span.start, message, code);
        if (p.length === 0) return errorAtStart(source.file, message, code);
        p = p.slice(0, -1);
        which = 'value';
      }
    },
  };
}

/** Locator for a part of the value (an `overrides` entry, a profile): its paths are relative to `prefix`. */
export function prefixedLocator(locator: Locator, prefix: ValuePath): Locator {
  return { ...locator, errorAt: (path, part, message, code) => locator.errorAt([...prefix, ...path], part, message, code) };
}

/** Locator for values that have no text (settings passed as an object). */
export function positionlessLocator(file: string, displayPrefix?: string): Locator {
  return { file, displayPrefix, errorAt: (_path, _part, message, code) => errorAtStart(file, message, code) };
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: "closing brace '}' expected",
  CloseBracketExpected: "closing bracket ']' expected",
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment token',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unexpected end of string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode sequence',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

function isBlank(text: string, format: ConfigFormat): boolean {
  const stripped = format === 'yaml' ? text.replace(/#.*$/gm, '') : text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return stripped.trim() === '';
}

function parseJsonc(file: string, text: string): ConfigSource {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const blank = isBlank(text, 'jsonc');
  const tree = blank ? undefined : parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  // The parser may report several errors at one spot after recovering; the first says most.
  const firstPerOffset = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
  const syntaxErrors = firstPerOffset.map((e) => {
    const name = printParseErrorCode(e.error);
    return errorAtOffset(file, lines, e.offset, e.length, `JSON syntax error: ${JSON_ERROR_TEXT[name] ?? name}`, 'syntax');
  });
  if (tree) syntaxErrors.push(...duplicateKeys(tree).map((key) => errorAtOffset(file, lines, key.offset, key.length, `duplicate key ${text.slice(key.offset, key.offset + key.length)}`, 'syntax')));
  const value: unknown = blank ? {} : tree ? getNodeValue(tree) : undefined;
  return {
    file,
    text,
    value,
    syntaxErrors,
    lines,
    spanOf(path, part) {
      if (!tree) return undefined;
      const node: JsonNode | undefined = path.length === 0 ? tree : findNodeAtLocation(tree, [...path]);
      if (!node) return undefined;
      if (part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0] && node.parent.children[0] !== node) {
        const key = node.parent.children[0];
        return { start: key.offset, end: key.offset + key.length };
      }
      return { start: node.offset, end: node.offset + node.length };
    },
  };
}

/** Later occurrences of a key already present in the same object (JSON keeps only the last, silently). */
function duplicateKeys(node: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key) continue;
      if (seen.has(String(key.value))) out.push(key);
      seen.add(String(key.value));
    }
  }
  for (const child of node.children ?? []) out.push(...duplicateKeys(child));
  return out;
}

function yamlChild(node: unknown, segment: string | number): { key?: YamlNode; value?: YamlNode } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key;
      const name = isScalar(key) ? key.value : key;
      if (String(name) === String(segment)) return { key: key as YamlNode, value: (item.value ?? undefined) as YamlNode | undefined };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item as YamlNode };
  }
  return undefined;
}

function yamlSpan(node: YamlNode | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

function parseYaml(file: string, text: string): ConfigSource {
  const lines = new LineIndex(text);
  // No custom tags: a config file is data, never code (`!!js/function` and friends are refused).
  const doc: Document.Parsed = parseDocument(text, { customTags: [], prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = [...doc.errors, ...doc.warnings].map((e) => {
    const [start, end] = e.pos;
    let message = `YAML syntax error: ${e.message}`;
    if (e.code === 'TAG_RESOLVE_FAILED') {
      const tag = /^\S+/.exec(text.slice(start, end))?.[0] ?? '';
      message = `YAML tag ${tag} is not allowed: configuration files hold plain data only`;
    } else if (e.code === 'DUPLICATE_KEY') message = 'YAML syntax error: duplicate key';
    return errorAtOffset(file, lines, start, Math.max(0, end - start), message, 'syntax');
  });
  let value: unknown = {};
  if (doc.contents !== null) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // An alias bomb or a bad alias: report it like any syntax error.
      value = undefined;
      syntaxErrors.push(errorAtStart(file, `YAML syntax error: ${(e as Error).message}`, 'syntax'));
    }
  }
  return {
    file,
    text,
    value,
    syntaxErrors,
    lines,
    spanOf(path, part) {
      let node: unknown = doc.contents;
      let key: YamlNode | undefined;
      if (path.length === 0) return yamlSpan(node as YamlNode);
      for (const segment of path) {
        const child = yamlChild(node, segment);
        if (!child) return undefined;
        key = child.key;
        node = child.value;
      }
      if (part === 'key' && key) return yamlSpan(key);
      return yamlSpan(node as YamlNode | undefined) ?? yamlSpan(key);
    },
  };
}
