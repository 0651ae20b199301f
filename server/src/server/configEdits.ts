// "Treat X as ..." actions: edits to the config file (JSONC keeps comments and layout) or a file created for them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits as applyJsonEdits, modify, parse as parseJsonc, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { TextEdit as LspTextEdit } from 'vscode-languageserver/node.js';
import { LineIndex } from '../engine/index.js';
import { findConfigFile } from './configAdapter.js';
import { toRange } from './diagnostics.js';
import { vocabularyLocation } from '../engine/config/vocabularyEdit.js';
import type { AddVocabularyRequest } from './protocol.js';

export type VocabularyChange = AddVocabularyRequest.Params['change'];

/** Name of the config file created when a folder has none. */
export const NEW_CONFIG_FILE = '.blueprintlint.jsonc';

export interface ConfigTarget {
  /** The config file that would be edited (existing) or created. */
  file: string;
  exists: boolean;
}

/** The config file of a document: the nearest one inside its folder, else a new one at the folder root. */
export function configTarget(documentPath: string, folderPath: string | undefined, dirOfDocument: string): ConfigTarget {
  const found = findConfigFile(documentPath, folderPath);
  if (found) return { file: found, exists: true };
  return { file: join(folderPath ?? dirOfDocument, NEW_CONFIG_FILE), exists: false };
}

export interface PlannedEdit {
  /** Minimal edits on `before` (empty when the phrase is already there). */
  edits: LspTextEdit[];
  before: string;
  after: string;
}

/** Plans the change on a config file's current text ('' for a new file). Undefined when the phrase is already listed. */
export function planConfigEdit(file: string, currentText: string | undefined, change: VocabularyChange): PlannedEdit | undefined {
  const before = currentText ?? '';
  if (/\.ya?ml$/i.test(file)) return planYaml(before, change);
  const syntax: ParseError[] = [];
  const value = before.trim() === '' ? {} : (parseJsonc(before, syntax, { allowTrailingComma: true }) as unknown);
  // A broken or non-object config file is not edited: its own diagnostics say what to fix first.
  if (syntax.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { path, listed } = vocabularyLocation(change, value);
  if (listed) return undefined;
  const base = before.trim() === '' ? '{}\n' : before;
  const jsonEdits = modify(base, [...path, -1], change.phrase, { isArrayInsertion: true, formattingOptions: formatting(base) });
  const after = applyJsonEdits(base, jsonEdits);
  if (before.trim() === '') {
    const created = `// Blueprint Lint configuration (see docs/editor-protocol.md and the README).\n${after}`;
    return { edits: [{ range: toRange(new LineIndex(before), 0, before.length), newText: created }], before, after: created };
  }
  const lines = new LineIndex(before);
  const edits = jsonEdits.map((e) => ({ range: toRange(lines, e.offset, e.offset + e.length), newText: e.content }));
  return { edits, before, after };
}

function planYaml(before: string, change: VocabularyChange): PlannedEdit | undefined {
  const doc = parseDocument(before);
  if (doc.errors.length > 0 || !(isMap(doc.contents) || doc.contents == null)) return undefined;
  const { path, listed } = vocabularyLocation(change, doc.toJS());
  if (listed) return undefined;
  if (isSeq(doc.getIn(path))) doc.addIn(path, change.phrase);
  else doc.setIn(path, [change.phrase]);
  const after = doc.toString();
  return { edits: [{ range: toRange(new LineIndex(before), 0, before.length), newText: after }], before, after };
}

export function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Keeps the file's own indentation and line breaks. */
function formatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
