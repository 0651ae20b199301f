import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGfmSubset } from './gfmSubset.js';

const processor = unified().use(remarkParse).use(remarkGfmSubset).use(remarkFrontmatter, ['yaml', 'toml']);
// Without GFM's recursive transforms: the fallback for pathologically deep nesting.
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Something the parser could not do for part of a document, with the offset where that part starts. */
export interface ParseProblem {
  message: string;
  offset: number;
}

/** Deeper nesting than any real blueprint: such subtrees are cut, so no walker downstream can overflow its stack. */
export const MAX_DEPTH = 100;

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

/** Parses one piece; input nested too deeply for the parser's recursion is parsed without GFM, or skipped and reported. */
function safeParse(text: string, offset: number, problems?: ParseProblem[]): Root {
  const tree = parseOnce(text, offset, problems);
  if (limitDepth(tree)) problems?.push({ message: `content nested more than ${MAX_DEPTH} levels deep was left out`, offset });
  return tree;
}

function parseOnce(text: string, offset: number, problems?: ParseProblem[]): Root {
  try {
    return processor.parse(text);
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
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;

/**
 * Splits before ATX headings that start a line outside fenced code, HTML blocks and front matter.
 * An unindented ATX heading always ends the block before it, so each chunk parses to the same nodes.
 */
export function splitChunks(text: string): Chunk[] {
  if (DEFINITION.test(text)) return [{ start: 0, line: 0, text }];
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

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Remembers the parse of each chunk's text, so an edit re-parses only the chunks it touched. */
export class ChunkCache {
  private entries = new Map<string, Root>();
  private next = new Map<string, Root>();

  get(text: string): Root | undefined {
    const hit = this.entries.get(text) ?? this.next.get(text);
    if (hit) this.next.set(text, hit);
    return hit;
  }

  set(text: string, root: Root): void {
    this.next.set(text, root);
  }

  /** Keeps only the chunks of the latest document version. */
  commit(): void {
    this.entries = this.next;
    this.next = new Map();
  }
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

function parseChunks(text: string, cache?: ChunkCache, problems?: ParseProblem[]): Root {
  const chunks = splitChunks(text);
  if (chunks.length === 1 && !cache) return safeParse(text, 0, problems);
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    let tree = cache?.get(chunk.text);
    if (!tree) {
      const before = problems?.length ?? 0;
      tree = safeParse(chunk.text, chunk.start, problems);
      // A piece that needed the fallback is not cached, so its problem is reported on every lint.
      if ((problems?.length ?? 0) === before) cache?.set(chunk.text, tree);
    }
    for (const c of tree.children) children.push(chunk.start === 0 ? c : shift(c, chunk.start, chunk.line));
  }
  cache?.commit();
  const end = lastPosition(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function lastPosition(text: string): { line: number; column: number; offset: number } {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: countLines(text, 0, text.length) + 1, column: text.length - lastBreak, offset: text.length };
}

/** One whole-document parse, for comparison in tests and benchmarks. */
export function parseWhole(text: string): Root {
  return processor.parse(text);
}
