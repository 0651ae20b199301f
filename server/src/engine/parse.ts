import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGfmSubset } from './gfmSubset.js';
import { boundLines, MAX_DEPTH } from './inputBounds.js';
import type { ChunkCache } from './incremental/chunkCache.js';
import { detached } from './incremental/memo.js';

const processor = unified().use(remarkParse).use(remarkGfmSubset).use(remarkFrontmatter, ['yaml', 'toml']);
// The table construct is tried at every line, a quarter of the parse on the bench tree; a table needs a "|", or
// (one column) an aligned delimiter row such as ":-:", so text with neither is parsed without it.
const tablelessProcessor = unified().use(remarkParse).use(remarkGfmSubset, { tables: false }).use(remarkFrontmatter, ['yaml', 'toml']);
// Without GFM's recursive transforms: the fallback for pathologically deep nesting.
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Something the parser could not do for part of a document, with the offset where that part starts. */
export interface ParseProblem {
  message: string;
  offset: number;
  /** 'info' for text cut by a documented limit (the rest was linted as usual); a warning otherwise. */
  severity?: 'info';
}

export { MAX_DEPTH };

/** What of `text` is parsed (see boundLines: a prefix, long lines blanked); each kind of cut is reported once, as information. */
function bounded(text: string, problems?: ParseProblem[]): string {
  const { text: out, cuts } = boundLines(text);
  for (const cut of cuts) problems?.push({ message: cut.message, offset: cut.offset, severity: 'info' });
  return out;
}

/** Cuts the children of nodes at MAX_DEPTH (iteratively); true when something was cut. */
function limitDepth(root: Root): boolean {
  let cut = false;
  const stack: Array<[Nodes, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node) || !Array.isArray(node.children)) continue;
    if (depth >= MAX_DEPTH) {
      if (node.children.length) cut = true;
      (node as { children: Nodes[] }).children = [];
      continue;
    }
    for (const c of node.children as Nodes[]) stack.push([c, depth + 1]);
  }
  return cut;
}

const CUT_MESSAGE = `content nested more than ${MAX_DEPTH} levels deep was left out`;

/**
 * Blanks the container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) a line opens beyond the first MAX_DEPTH, outside fenced
 * code. Each marker is at least one mdast level, so what is blanked would be cut anyway, but micromark's cost grows faster
 * than linearly in the containers one line opens. Same length, so every offset stays. `cutAt` is the first blanked
 * marker's offset, or -1.
 */
export function capNesting(text: string): { text: string; cutAt: number } {
  let out: string[] | undefined;
  let copied = 0;
  let cutAt = -1;
  let fence: string | undefined;
  let pos = 0;
  const breaks = /\r\n?|\n/g;
  while (pos < text.length) {
    breaks.lastIndex = pos;
    const br = breaks.exec(text);
    const eol = br ? br.index : text.length;
    const line = text.slice(pos, eol);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
    } else if (f) fence = f[1];
    else if (eol - pos > MAX_DEPTH) {
      // Only a line longer than MAX_DEPTH characters can hold more than MAX_DEPTH markers.
      const cut = markerCut(text, pos, eol);
      if (cut) {
        if (cutAt < 0) cutAt = cut.from;
        out ??= [];
        out.push(text.slice(copied, cut.from), text.slice(cut.from, cut.to).replace(/[^\s]/g, ' '));
        copied = cut.to;
      }
    }
    pos = br ? eol + br[0].length : text.length;
  }
  if (!out) return { text, cutAt };
  out.push(text.slice(copied));
  return { text: out.join(''), cutAt };
}

/** The run of container markers past the first MAX_DEPTH at the start of line [from, eol), if there are more. */
function markerCut(text: string, from: number, eol: number): { from: number; to: number } | undefined {
  let i = from;
  let markers = 0;
  let cutFrom = -1;
  let cutTo = -1;
  for (;;) {
    while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= eol) break;
    const c = text.charCodeAt(i);
    let end = -1;
    if (c === 62 /* > */) end = i + 1;
    else if ((c === 45 || c === 43 || c === 42) /* - + * */ && (i + 1 === eol || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) end = i + 1;
    else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < eol && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) /* . ) */ && (j + 1 === eol || text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) end = j + 1;
    }
    if (end < 0) break;
    markers++;
    if (markers === MAX_DEPTH + 1) cutFrom = i;
    if (markers > MAX_DEPTH) cutTo = end;
    i = end;
  }
  return cutFrom >= 0 ? { from: cutFrom, to: cutTo } : undefined;
}

/** Parses one piece; input nested too deeply for the parser's recursion is parsed without GFM, or skipped and reported. */
function safeParse(text: string, offset: number, problems?: ParseProblem[], tables?: boolean): Root {
  const capped = capNesting(text);
  const tree = parseOnce(capped.text, offset, problems, tables);
  // A line that opened too many containers is reported where the cut starts; other deep nesting at the piece's start.
  if (capped.cutAt >= 0) {
    limitDepth(tree);
    problems?.push({ message: CUT_MESSAGE, offset: offset + capped.cutAt });
  } else if (limitDepth(tree)) problems?.push({ message: CUT_MESSAGE, offset });
  return tree;
}

const ALIGNED_CELL = /:-|-:/;

function mayHoldTable(text: string): boolean {
  return text.includes('|') || ALIGNED_CELL.test(text);
}

/** The tree GFM gives `text`: parsed without the table construct when no table can start in it. */
export function parseGfm(text: string, tables = mayHoldTable(text)): Root {
  return (tables ? processor : tablelessProcessor).parse(text);
}

/**
 * The block nodes of `text.slice(start, end)` parsed as Markdown of their own, every position moved to where they sit in
 * `text`: Markdown written inside an HTML block (a Notion `<aside>` callout) that the parser kept as raw HTML.
 */
export function parseFragment(text: string, start: number, end: number): RootContent[] {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const capped = capNesting(text.slice(start, end)).text;
  return parseGfm(capped).children.map((n) => shift(n, start, countLines(text, 0, start), start - lineStart));
}

function parseOnce(text: string, offset: number, problems?: ParseProblem[], tables?: boolean): Root {
  try {
    return parseGfm(text, tables);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  try {
    const tree = plainProcessor.parse(text);
    problems?.push({ message: 'nesting too deep for tables and autolinks: this part was parsed as plain CommonMark', offset });
    return tree;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    problems?.push({ message: 'nesting too deep to parse: this part of the document was skipped', offset });
    return { type: 'root', children: [] };
  }
}

/** A top-level slice of the document that parses the same on its own as inside the whole. */
export interface Chunk {
  start: number;
  /** 0-based line of the chunk's first character. */
  line: number;
  text: string;
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|\r?$)/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_BLOCK_OPEN = /^ {0,3}<[A-Za-z/!?]/;
// Link reference and footnote definitions resolve across the whole document: such documents parse whole.
// A label is at most 999 characters (CommonMark): unbounded, every line starting with an unclosed "[" scanned to the end.
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.){1,999}\]:/m;
// The split reads lines up to "\n"; a lone "\r" ends a line too (old Mac files, mixed endings): such documents parse whole.
const LONE_CR = /\r(?!\n)/;

/**
 * Splits before ATX headings that start a line outside fenced code, HTML blocks and front matter.
 * An unindented ATX heading always ends the block before it, so each chunk parses to the same nodes.
 */
export function splitChunks(text: string): Chunk[] {
  if (DEFINITION.test(text) || LONE_CR.test(text)) return [{ start: 0, line: 0, text }];
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: string | undefined;
  let html: 'raw' | 'comment' | 'block' | undefined;
  let rawTag = '';
  let pos = 0;
  let line = 0;
  // Front matter: never split inside it.
  if (text.startsWith('---') || text.startsWith('+++')) {
    const marker = text.slice(0, 3);
    const close = text.indexOf(`\n${marker}`, 3);
    if (close > 0) {
      const end = text.indexOf('\n', close + 4);
      pos = end < 0 ? text.length : end + 1;
      line = countLines(text, 0, pos);
    }
  }
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (!fence && !html && plainLine(text, pos, eol)) {
      pos = eol + 1;
      line++;
      continue;
    }
    const lineText = text.slice(pos, eol);
    if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && lineText.trim() === m[1]) fence = undefined;
    } else if (html) {
      if (html === 'comment' && lineText.includes('-->')) html = undefined;
      else if (html === 'raw' && lineText.toLowerCase().includes(`</${rawTag}`)) html = undefined;
      else if (html === 'block' && lineText.trim() === '') html = undefined;
    } else if (ATX.test(lineText)) {
      if (pos > chunkStart) {
        chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart, pos) });
        chunkStart = pos;
        chunkLine = line;
      }
    } else {
      const f = FENCE.exec(lineText);
      if (f) fence = f[1];
      else if (/^ {0,3}<!--/.test(lineText)) html = lineText.includes('-->', lineText.indexOf('<!--') + 4) ? undefined : 'comment';
      else {
        const raw = HTML_RAW_OPEN.exec(lineText);
        if (raw) {
          rawTag = raw[1]!.toLowerCase();
          html = lineText.toLowerCase().includes(`</${rawTag}`) ? undefined : 'raw';
        } else if (HTML_BLOCK_OPEN.test(lineText)) html = 'block';
      }
    }
    pos = eol + 1;
    line++;
  }
  chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}

/**
 * A line whose first character after spaces and tabs is printable ASCII other than # ` ~ <: no heading, fence or HTML
 * starts there (each needs one of those first), so outside fences and HTML the split need not look at it further.
 */
function plainLine(text: string, from: number, eol: number): boolean {
  let i = from;
  while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= eol) return false;
  const c = text.charCodeAt(i);
  return c >= 33 && c <= 126 && c !== 35 && c !== 96 && c !== 126 && c !== 60;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** A copy of the node moved by `offset` characters and `lines` lines; `firstLineColumns` moves columns on line 1. */
function shift<T extends Nodes>(node: T, offset: number, lines: number, firstLineColumns = 0): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  const p = node.position;
  if (p) {
    const point = (q: typeof p.start) => ({
      line: q.line + lines,
      column: q.column + (q.line === 1 ? firstLineColumns : 0),
      offset: (q.offset ?? 0) + offset,
    });
    copy.position = { start: point(p.start), end: point(p.end) };
  }
  if ('children' in node && Array.isArray(node.children)) {
    copy.children = (node.children as Nodes[]).map((c) => shift(c, offset, lines, firstLineColumns));
  }
  return copy;
}

/** Moves a tree nobody else holds by `offset` characters and `lines` lines in place: no copy of every node (less garbage on big files). */
function shiftInPlace(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p) {
    const point = (q: typeof p.start) => ({ line: q.line + lines, column: q.column, offset: (q.offset ?? 0) + offset });
    // New point objects: the parser may share one point between neighbouring nodes.
    node.position = { start: point(p.start), end: point(p.end) };
  }
  if ('children' in node && Array.isArray(node.children)) for (const c of node.children as Nodes[]) shiftInPlace(c, offset, lines);
}

/** Markdown to mdast, chunk by chunk (faster than one whole parse, and cacheable per chunk); every node carries offsets. */
export function parseMarkdown(text: string, cache?: ChunkCache, problems?: ParseProblem[]): Root {
  // micromark skips a byte order mark without counting it: parse after it and move every position past it.
  if (text.charCodeAt(0) === 0xfeff) {
    const inner: ParseProblem[] = [];
    const root = shift(parseChunks(text.slice(1), cache, inner), 1, 0, 1);
    for (const p of inner) problems?.push({ ...p, offset: p.offset + 1 });
    return root;
  }
  return parseChunks(text, cache, problems);
}

/** A chunk with its tree in chunk-relative positions; `own` when the tree was parsed for this lint alone (not cached). */
export interface ParsedChunk extends Chunk {
  tree: Root;
  own: boolean;
}

/** Each chunk's tree, from the cache when its text is unchanged, positions relative to the chunk (nothing is moved or copied). */
export function parseChunkTrees(text: string, cache?: ChunkCache, problems?: ParseProblem[]): ParsedChunk[] {
  const cut = bounded(text, problems);
  return chunkTrees(cut, cache, problems, splitChunks(cut));
}

function chunkTrees(text: string, cache: ChunkCache | undefined, problems: ParseProblem[] | undefined, chunks: Chunk[]): ParsedChunk[] {
  const out: ParsedChunk[] = [];
  for (const chunk of chunks) {
    let tree = cache?.get(chunk.text);
    let own = false;
    if (!tree) {
      const before = problems?.length ?? 0;
      // A cached tree's strings are slices of what was parsed: a copy of the chunk, not a slice of this whole version of the document.
      tree = safeParse(cache ? detached(chunk.text) : chunk.text, chunk.start, problems);
      // A piece that needed the fallback is not cached, so its problem is reported on every lint.
      if ((problems?.length ?? 0) === before && cache) cache.set(chunk.text, tree);
      else own = true;
    }
    out.push({ start: chunk.start, line: chunk.line, text: chunk.text, tree, own });
  }
  cache?.commit();
  return out;
}

/** The document's mdast from its chunk trees: cached trees are shared with later lints, so they are copied; a tree parsed for this lint alone is moved where it is. */
export function joinChunkTrees(text: string, chunks: readonly ParsedChunk[]): Root {
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    for (const c of chunk.tree.children) {
      if (chunk.start === 0) children.push(c);
      else if (chunk.own) {
        shiftInPlace(c, chunk.start, chunk.line);
        children.push(c);
      } else children.push(shift(c, chunk.start, chunk.line));
    }
  }
  const end = lastPosition(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** The tree of chunks [from, to) as one piece, positions relative to the first one's start (later chunks' trees are copied, moved). */
export function chunkRunTree(chunks: readonly ParsedChunk[], from: number, to: number): Root {
  const first = chunks[from]!;
  if (to === from + 1) return first.tree;
  const children: RootContent[] = [];
  for (let i = from; i < to; i++) {
    const c = chunks[i]!;
    for (const node of c.tree.children) children.push(i === from ? node : shift(node, c.start - first.start, c.line - first.line));
  }
  return { type: 'root', children };
}

function parseChunks(whole: string, cache?: ChunkCache, problems?: ParseProblem[]): Root {
  const text = bounded(whole, problems);
  const chunks = splitChunks(text);
  if (chunks.length === 1 && !cache) return safeParse(text, 0, problems);
  if (cache) return joinChunkTrees(whole, chunkTrees(text, cache, problems, chunks));
  return joinChunkTrees(
    whole,
    tableRuns(text, chunks).map((run) => ({ ...run, tree: safeParse(run.text, run.start, problems, run.tables), own: true })),
  );
}

/**
 * Neighbouring chunks joined while they agree on needing the table construct: with nothing to cache, fewer and longer
 * parses (each parse call sets the parser up again). Chunks end where blocks end, so a run parses as its chunks do.
 */
export function tableRuns(text: string, chunks: readonly Chunk[]): Array<Chunk & { tables: boolean }> {
  const runs: Array<Chunk & { tables: boolean }> = [];
  // An unclosed front matter fence upsets how micromark parses lists after it (they become paragraphs), and a second
  // byte order mark is skipped without being counted, but only in their own piece: the first chunk then stays alone,
  // as the editor's chunk-wise parse has it.
  const firstAlone = text.startsWith('---') || text.startsWith('+++') || text.charCodeAt(0) === 0xfeff;
  for (const chunk of chunks) {
    const tables = mayHoldTable(chunk.text);
    const last = runs[runs.length - 1];
    if (last && tables === last.tables && !(firstAlone && runs.length === 1 && last.start === 0)) continue;
    runs.push({ start: chunk.start, line: chunk.line, text: '', tables });
  }
  runs.forEach((run, i) => (run.text = text.slice(run.start, runs[i + 1]?.start ?? text.length)));
  return runs;
}

function lastPosition(text: string): { line: number; column: number; offset: number } {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: countLines(text, 0, text.length) + 1, column: text.length - lastBreak, offset: text.length };
}

/** One whole-document parse, for comparison in tests and benchmarks. */
export function parseWhole(text: string): Root {
  return processor.parse(text);
}
