// Lints (and fixes) one file and describes the result as plain data, so it runs the same in this thread or a worker.
import { createHash } from 'node:crypto';
import { lint, type Finding, type LintResult, type ResolvedConfig } from '../engine/index.js';
import { FILE_TOO_LARGE, fileTooLargeMessage } from '../engine/inputBounds.js';
import { fixText, writeFileAtomically } from './fixFile.js';
import { readSourceBytesSync, type SourceFile, type SourceRead } from './source.js';
import { sourceText, type FileNote } from './targets.js';

export interface LintFileOptions {
  fix: boolean;
  maxFileSize: number;
  /** What set maxFileSize, for the finding of a larger file: `--max-file-size` or `blueprintLint.maxFileSize`. */
  maxFileSizeFrom: string;
}

/** What one file produced; structured-clone and JSON safe. */
export interface FileOutcome {
  /** Undefined when the file was skipped (binary, unreadable, internal error); a file over --max-file-size has one finding that says so. */
  findings?: Finding[];
  /** Findings silenced by directives (with `suppressedBy`); only SARIF reports them. */
  suppressed?: Finding[];
  /** stderr messages about the file, in the order a person should read them. */
  notes: FileNote[];
  /** An error that makes the run exit 2 (cannot write fixes, internal error). */
  failed: boolean;
  /** sha1 of the bytes on disk that `findings` describe; set only when the outcome may be cached. */
  contentHash?: string;
}

export function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** Lints the file as `read` (from disk, or the source already read, e.g. stdin) and with `fix` rewrites it. */
export async function lintFile(absolutePath: string, config: ResolvedConfig, opts: LintFileOptions, read: SourceRead): Promise<FileOutcome> {
  const { source, bytes } = read;
  if (source.kind === 'too-large') return { findings: [tooLarge(source.size, opts.maxFileSize, opts.maxFileSizeFrom)], notes: [], failed: false };
  const { text, notes } = sourceText(source);
  if (text === undefined || source.kind !== 'text') return { notes, failed: false };
  let contentHash = bytes && sha1(bytes);
  const lintText = (t: string): LintResult => lint(t, { filePath: absolutePath, config });
  let failed = false;
  let result: LintResult;
  try {
    if (!opts.fix) {
      result = lintText(text);
    } else if (source.invalidUtf8At) {
      // Writing would turn the undecodable bytes into replacement characters for good.
      notes.push({ message: 'not fixed: the file is not valid UTF-8' });
      result = lintText(text);
    } else {
      const outcome = fixText(text, lintText);
      result = outcome.result;
      if (outcome.text !== text) {
        try {
          await writeFileAtomically(absolutePath, outcome.text, { bom: source.bom, mode: source.mode });
          contentHash = sha1((source.bom ? '\uFEFF' : '') + outcome.text);
        } catch (error) {
          failed = true;
          contentHash = undefined;
          const code = (error as NodeJS.ErrnoException).code;
          notes.push({ message: `cannot write fixes: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}` });
          result = lintText(text); // the file on disk is unchanged, so report its findings
        }
      }
    }
  } catch (error) {
    notes.push({ message: `internal error: ${error instanceof Error ? error.message : String(error)}` });
    return { notes, failed: true };
  }
  for (const p of result.problems) notes.push({ at: { line: p.start.line, column: p.start.column }, message: p.message });
  // A profile the configuration does not define is a configuration error: the file was linted without it.
  if (result.problems.some((p) => p.config)) failed = true;
  // An expiry date makes the outcome depend on the day, so it is never replayed from the cache.
  const cacheable = !failed && !result.dated;
  return { findings: result.findings, suppressed: result.suppressed, notes, failed, contentHash: cacheable ? contentHash : undefined };
}

/** The finding that stands for the lint of a file over the size limit, at its start, as the editor's diagnostic. */
function tooLarge(size: number, limit: number, limitName: string): Finding {
  const at = { line: 1, column: 1, offset: 0 };
  return {
    ruleId: FILE_TOO_LARGE,
    severity: 'info',
    message: fileTooLargeMessage(size, limit, limitName),
    span: { start: 0, end: 0 },
    start: at,
    end: at,
    step: null,
    fixes: [],
  };
}

/**
 * Lints files one after another, each read synchronously (the thread has nothing else to do meanwhile) unless its
 * source was read already; `done` gets each outcome in order.
 */
export async function lintInOrder<T extends { absolutePath: string; config: ResolvedConfig; source?: SourceFile }>(
  files: readonly T[],
  opts: LintFileOptions,
  done: (file: T, outcome: FileOutcome) => void,
): Promise<void> {
  for (const file of files) {
    const read = file.source ? { source: file.source } : readSourceBytesSync(file.absolutePath, opts.maxFileSize);
    done(file, await lintFile(file.absolutePath, file.config, opts, read));
  }
}
