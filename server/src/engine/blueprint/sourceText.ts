import type { Nodes, PhrasingContent } from 'mdast';
import type { SourceText } from '../types.js';

export function emptyText(offset: number): SourceText {
  return { text: '', offsets: [offset] };
}

/** Collects inline text with a map from every character back to its source offset. */
export class TextBuilder {
  // Pieces joined once in build(): a string grown one character at a time is a rope the GC has to walk.
  private parts: string[] = [];
  private size = 0;
  private offsets: number[] = [];
  private endOffset: number;
  private built: SourceText | undefined;

  constructor(
    private readonly source: string,
    start: number,
  ) {
    this.endOffset = start;
  }

  /** Appends a run of value text that came from source[start, end), aligning characters. */
  appendAligned(value: string, start: number, end: number): void {
    this.open();
    const source = this.source;
    let j = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value.charCodeAt(i);
      if (source.charCodeAt(j) !== ch) {
        // Skip indentation, escapes and entity text the parser removed: look at most 12 characters ahead, never to the end.
        const limit = Math.min(end - 1, j + 12);
        for (let k = j + 1; k <= limit; k++) {
          if (source.charCodeAt(k) === ch) {
            j = k;
            break;
          }
        }
      }
      this.offsets.push(Math.min(j, end));
      if (source.charCodeAt(j) === ch) j++;
    }
    this.parts.push(value);
    this.size += value.length;
    this.endOffset = end;
  }

  /** The source character at an offset. */
  sourceAt(offset: number): string | undefined {
    return this.source[offset];
  }

  appendSynthetic(value: string, at: number): void {
    this.open();
    for (let i = 0; i < value.length; i++) this.offsets.push(at);
    this.parts.push(value);
    this.size += value.length;
    this.endOffset = Math.max(this.endOffset, at);
  }

  appendText(t: SourceText): void {
    this.open();
    this.parts.push(t.text);
    this.size += t.text.length;
    for (let i = 0; i < t.text.length; i++) this.offsets.push(t.offsets[i]!);
    this.endOffset = t.offsets[t.text.length] ?? this.endOffset;
  }

  private open(): void {
    if (this.built) throw new Error('TextBuilder: append after build()');
  }

  get length(): number {
    return this.size;
  }

  /** The text and its offsets; the builder hands its offset array over (no copy), so it is built once. */
  build(): SourceText {
    if (!this.built) {
      this.offsets.push(this.endOffset);
      this.built = { text: this.parts.join(''), offsets: this.offsets };
    }
    return this.built;
  }
}

/** Appends the visible text of inline nodes (emphasis, links and code unwrapped; HTML and images dropped). */
export function appendInline(builder: TextBuilder, nodes: readonly PhrasingContent[] | readonly Nodes[]): void {
  for (const node of nodes as Nodes[]) {
    const pos = node.position;
    if (!pos) continue;
    const start = pos.start.offset!;
    const end = pos.end.offset!;
    switch (node.type) {
      case 'text':
        builder.appendAligned(node.value, start, end);
        break;
      case 'inlineCode':
        builder.appendAligned(node.value, start, end);
        break;
      case 'break':
        // A Markdown hard break ("\" or two spaces at a line end) ends the line, as word processors' exports use it; the
        // breaks htmlTable makes for a cell's tags (they sit on the "<") keep separating words only.
        builder.appendSynthetic(builder.sourceAt(start) === '<' ? ' ' : '\n', start);
        break;
      case 'html':
        // A line break written in HTML (common inside table cells) separates words and lines like a Markdown one.
        if (/^<br\s*\/?>$/i.test(node.value)) builder.appendSynthetic('\n', start);
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) appendInline(builder, node.children as Nodes[]);
    }
  }
}

export function sliceText(t: SourceText, from: number, to = t.text.length): SourceText {
  return { text: t.text.slice(from, to), offsets: t.offsets.slice(from, to + 1) };
}

/** Trims whitespace at both ends, keeping the offset map. */
export function trimText(t: SourceText): SourceText {
  let a = 0;
  let b = t.text.length;
  while (a < b && /\s/.test(t.text[a]!)) a++;
  while (b > a && /\s/.test(t.text[b - 1]!)) b--;
  const out = sliceText(t, a, b);
  if (out.text.length === 0) out.offsets = [t.offsets[a] ?? t.offsets[t.offsets.length - 1]!];
  return out;
}

export function spanOf(t: SourceText, from: number, to: number): { start: number; end: number } {
  const start = t.offsets[from] ?? t.offsets[t.offsets.length - 1]!;
  const last = to > from ? (t.offsets[to - 1] ?? start) + 1 : start;
  return { start, end: Math.max(start, last) };
}
