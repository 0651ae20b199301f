import { LineIndex } from '../text.js';

/** What went wrong, so callers (CLI exit codes, editor diagnostics) can tell problems apart. */
export type ConfigErrorCode = 'io' | 'syntax' | 'schema' | 'unknown-rule' | 'severity' | 'rule-options' | 'glob' | 'extends-missing' | 'extends-cycle' | 'extends-untrusted' | 'setting';

/** A problem in user configuration, pinned to the place in the file that caused it. */
export class ConfigError {
  constructor(
    readonly file: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based, in UTF-16 code units. */
    readonly column: number,
    readonly message: string,
    readonly code: ConfigErrorCode,
    /** 0-based offset and length of the offending text; length 0 when unknown. */
    readonly offset = 0,
    readonly length = 0,
    readonly endLine = line,
    readonly endColumn = column,
  ) {}

  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }

  toString(): string {
    return this.format();
  }
}

/** Builds an error covering `offset..offset+length` of `text`. */
export function errorAtOffset(file: string, lines: LineIndex, offset: number, length: number, message: string, code: ConfigErrorCode): ConfigError {
  const start = lines.position(offset);
  const end = lines.position(offset + length);
  return new ConfigError(file, start.line, start.column, message, code, start.offset, end.offset - start.offset, end.line, end.column);
}

/** For problems that have no place in a file (a missing file, settings given as an object). */
export function errorAtStart(file: string, message: string, code: ConfigErrorCode): ConfigError {
  return new ConfigError(file, 1, 1, message, code);
}
