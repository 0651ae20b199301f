// Temporary copies of the fixture workspace, so tests may write config files without touching the originals.
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';
import { fixturesDir } from './lspSession.js';

export function tempWorkspace(): { dir: string; dispose: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'blueprint-lint-ws-')));
  cpSync(fixturesDir, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fixtureText(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

/** The LSP range (UTF-16) of the n-th occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const doc = TextDocument.create('file:///x.md', 'markdown', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}
