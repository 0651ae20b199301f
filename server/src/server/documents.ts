// Which open documents the server cares about, and the map from URIs to file paths and workspace folders.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const MARKDOWN_PATH = /\.(md|markdown)$/i;

/** Markdown by language id or by path; only these are handed to the engine. */
export function isMarkdownDocument(doc: Pick<TextDocument, 'languageId' | 'uri'>): boolean {
  return doc.languageId === 'markdown' || MARKDOWN_PATH.test(uriPath(doc.uri) ?? doc.uri);
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_PATH.test(path);
}

/** File-system path of a `file:` URI; undefined for untitled and remote documents. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function uriPath(uri: string): string | undefined {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface WorkspaceFolderInfo {
  uri: string;
  path: string;
}

/** Workspace folders as paths; each one is the root of its own config (multi-root). */
export class WorkspaceFolders {
  private folders: WorkspaceFolderInfo[] = [];

  set(folders: ReadonlyArray<{ uri: string }>): void {
    this.folders = folders.flatMap((f) => {
      const path = uriToPath(f.uri);
      return path ? [{ uri: f.uri, path }] : [];
    });
  }

  change(added: ReadonlyArray<{ uri: string }>, removed: ReadonlyArray<{ uri: string }>): void {
    const gone = new Set(removed.map((f) => f.uri));
    const kept = this.folders.filter((f) => !gone.has(f.uri));
    this.set([...kept, ...added]);
  }

  all(): readonly WorkspaceFolderInfo[] {
    return this.folders;
  }

  /** The innermost folder holding the path. */
  folderOf(path: string): WorkspaceFolderInfo | undefined {
    let best: WorkspaceFolderInfo | undefined;
    for (const f of this.folders) {
      const inside = path === f.path || path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep);
      if (inside && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }
}
