// Nuxt Content's MDC block components -> titled boxes (#14), so a step heading over `::callout` blocks reads them as lanes.
//
// MDC writes a block component as `::name{attributes}` on a line of its own, closed by a line of as many colons (`::`); a
// component holding others takes one colon more (`:::card` around `::callout`). Its title is a `title="..."` attribute or
// a `#title` slot: the lines after a `#title` line, up to the next slot line (`#default`), whose lines are the body.
// A titled component is a box titled so (blockMarkup.ts), read as a lane or a step as a callout is; an untitled one
// (`::alert`) is markup around content read in place. Never throws.
import type { Root } from 'mdast';
import type { LineIndex } from '../text.js';
import { boxNode, nextBreak, readBlocks, type BlockReader, type MarkedLine } from './blockMarkup.js';

const HINT = /(?:^|\n)[ \t]{0,3}:{2,}[A-Za-z]/;
const OPEN = /^[ \t]{0,3}(:{2,})([A-Za-z][\w-]*)[ \t]*(\{[^}\r\n]*\})?[ \t]*$/;
const CLOSE = /^[ \t]{0,3}(:{2,})[ \t]*$/;
const TITLE_ATTRIBUTE = /\btitle=(?:"([^"\r\n]*)"|'([^'\r\n]*)')/d;
const SLOT = /^[ \t]{0,3}#([A-Za-z][\w-]*)[ \t]*$/;

/** The line [start, end) after `at` (a line break's offset), or undefined at the limit. */
function nextLine(text: string, at: number, limit: number): { start: number; end: number } | undefined {
  const start = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
  if (start >= limit) return undefined;
  const br = nextBreak(text, start, limit);
  return { start, end: br < 0 ? limit : br };
}

/** An opening line, with its `#title` slot lines (and the `#default` line after them) taken as its own. */
function openLine(text: string, start: number, lineEnd: number, limit: number, m: RegExpExecArray): MarkedLine {
  const fence = m[1]!.length;
  const attr = m[3] ? TITLE_ATTRIBUTE.exec(m[3]) : null;
  if (attr) {
    const [from, to] = attr.indices?.[1] ?? attr.indices?.[2] ?? [0, 0];
    const at = start + text.slice(start, lineEnd).indexOf(m[3]!) + from;
    return { role: 'open', name: m[2]!, start, end: lineEnd, fence, title: to > from ? { start: at, end: at + to - from } : undefined };
  }
  const slot = nextLine(text, lineEnd, limit);
  if (!slot || SLOT.exec(text.slice(slot.start, slot.end))?.[1] !== 'title') return { role: 'open', name: m[2]!, start, end: lineEnd, fence };
  let line = nextLine(text, slot.end, limit);
  let title: { start: number; end: number } | undefined;
  let end = slot.end;
  while (line && !SLOT.test(text.slice(line.start, line.end)) && !CLOSE.test(text.slice(line.start, line.end))) {
    const raw = text.slice(line.start, line.end);
    if (raw.trim()) title = { start: title?.start ?? line.start + raw.indexOf(raw.trim()), end: line.start + raw.trimEnd().length };
    end = line.end;
    line = nextLine(text, line.end, limit);
  }
  // (the body slot's own line opens the body: "#default")
  if (line && SLOT.exec(text.slice(line.start, line.end))?.[1] === 'default') end = line.end;
  return { role: 'open', name: m[2]!, start, end, fence, title };
}

function reader(lines: LineIndex): BlockReader {
  return {
    lineAt(text, start, lineEnd, limit) {
      if (text.charCodeAt(start) !== 58 && !/^[ \t]{1,3}:/.test(text.slice(start, start + 4))) return undefined;
      const line = text.slice(start, lineEnd);
      const close = CLOSE.exec(line);
      if (close) return { role: 'close', name: '', start, end: lineEnd, fence: close[1]!.length };
      const open = OPEN.exec(line);
      return open ? openLine(text, start, lineEnd, limit, open) : undefined;
    },
    closes(open, close) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.fence === close.fence) return i;
      return -1;
    },
    block: (open, close, body) => (open.title ? [boxNode(body, open.start, close.end, lines, { title: open.title })] : body),
  };
}

/** The root with MDC block components read; the same root when it has none. */
export function withMdcComponents(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    const children = readBlocks(root.children, text, lines, reader(lines));
    return children === root.children ? root : { ...root, children };
  } catch {
    return root;
  }
}
