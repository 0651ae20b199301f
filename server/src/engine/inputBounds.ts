// Cuts what no blueprint holds before the parser sees it: text indented past nesting depth, and lines past a length.

/** Deeper nesting than any real blueprint: mdast subtrees below it are cut, and no walker downstream can overflow its stack. */
export const MAX_DEPTH = 100;

/**
 * A line indented more than this (columns; a tab to the next multiple of 4) is nested deeper than MAX_DEPTH mdast levels
 * can hold (each level of the narrowest list, `- `, is 2 columns and 2 levels: list and item), so its content would be
 * cut from the tree anyway.
 */
export const MAX_INDENT_COLUMNS = MAX_DEPTH;

/**
 * Characters of one line that are parsed. A blueprint's longest lines (wide tables) are a few thousand; the lint is
 * linear in a line's length up to here (test/scaling at 1 MB lines), and the editor's default maxFileSize is as large.
 */
export const MAX_LINE_LENGTH = 2_000_000;

/** A cut the parser was spared, reported as information where it starts. */
export interface InputCut {
  message: string;
  offset: number;
}

export interface BoundedText {
  /**
   * What to parse: the input up to the first line indented past MAX_INDENT_COLUMNS (a prefix, so every position before
   * it is exact), with the part of each line past MAX_LINE_LENGTH blanked (spaces, so offsets stay).
   */
  text: string;
  cuts: InputCut[];
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Bounds what the parser sees. micromark spends time on every container a line continues, and whitespace-only lines
 * cost it the containers times their width: blanking deep lines would not be enough (a 9 MB list nested 3,000 deep ran
 * for minutes), so the document ends before the first line indented that deep.
 */
export function boundLines(text: string): BoundedText {
  let out: string[] | undefined;
  let copied = 0;
  let long: { offset: number; line: number; length: number; lines: number } | undefined;
  const cuts: InputCut[] = [];
  const breaks = /\r\n?|\n/g;
  let end = text.length;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    breaks.lastIndex = pos;
    const br = breaks.exec(text);
    const eol = br ? br.index : text.length;
    let i = pos;
    let columns = 0;
    for (; i < eol && columns <= MAX_INDENT_COLUMNS; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else break;
    }
    if (columns > MAX_INDENT_COLUMNS) {
      const rest = countLines(text, pos);
      cuts.push({
        offset: pos,
        message: `line ${count(line)} is indented more than ${MAX_INDENT_COLUMNS} columns (nesting deeper than ${MAX_DEPTH} levels): it and the ${count(rest)} line${rest === 1 ? '' : 's'} from it to the end were left out; the limit is fixed, no setting changes it`,
      });
      end = pos;
      break;
    }
    if (eol - pos > MAX_LINE_LENGTH) {
      let cut = pos + MAX_LINE_LENGTH;
      // Never between the halves of a surrogate pair.
      if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut++;
      if (long) long.lines++;
      else long = { offset: cut, line, length: eol - pos, lines: 1 };
      out ??= [];
      out.push(text.slice(copied, cut), ' '.repeat(eol - cut));
      copied = eol;
    }
    pos = br ? eol + br[0].length : text.length;
    line++;
  }
  if (long) {
    const more = long.lines > 1 ? ` (and of ${count(long.lines - 1)} more such line${long.lines > 2 ? 's' : ''})` : '';
    cuts.unshift({
      offset: long.offset,
      message: `line ${count(long.line)} is ${count(long.length)} characters long, past the limit of ${count(MAX_LINE_LENGTH)}: the rest of it${more} was left out; the limit is fixed, no setting changes it`,
    });
  }
  if (!out) return { text: end === text.length ? text : text.slice(0, end), cuts };
  out.push(text.slice(copied, end));
  return { text: out.join(''), cuts };
}

/** Lines from `from` (a line start) to the end of the text; LF, CRLF and a lone CR each end one. */
function countLines(text: string, from: number): number {
  let n = 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) && i + 1 < text.length) n++;
  }
  return n;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Code of the one information finding (CLI) or diagnostic (editor) a file over its size limit gets instead of a lint. */
export const FILE_TOO_LARGE = 'file-too-large';

/** Its message; `limitName` is what sets the limit (`--max-file-size`, `blueprintLint.maxFileSize`). */
export function fileTooLargeMessage(size: number, limit: number, limitName: string): string {
  return `Blueprint Lint skipped this file: it is ${count(size)} bytes, over the ${limitName} limit of ${count(limit)} bytes.`;
}
