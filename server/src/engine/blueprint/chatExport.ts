// Chat exports (WhatsApp, Signal, Telegram text exports) -> one block per message (#14).
//
// A chat export writes each message as a line opened by its time and sender ("[03/02/2025, 20:03] Priya: ..." or
// "03/02/2025, 20:03 - Priya: ..."), the message's further lines under it, and no blank line between messages, so to
// Markdown a whole chat is one paragraph. Here a top-level paragraph holding two or more such lines is cut at them: each
// message's text after its prefix is parsed as Markdown on its own ("*1. Booking*" over "Family: ..." lines becomes a
// titled paragraph of lane lines, as a blueprint posted one step a message reads). Never throws; linear.
import type { Root, RootContent } from 'mdast';
import type { LineIndex } from '../text.js';
import { parseSlice } from './fragment.js';

/** A message's time and sender, as the two common export formats write them (date first, or time first in brackets). */
const PREFIX =
  String.raw`\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?\s*[-\u2013]?\s*[^:\n]{1,40}:` +
  String.raw`|\[\d{1,2}[:.]\d{2}(?:\s?[AaPp][Mm])?,\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\]\s*[^:\n]{1,40}:`;

/** A whole text that is a message's prefix and nothing after it (the text before a message's bold title). */
export const CHAT_PREFIX = new RegExp(`^(?:${PREFIX})\\s*$`);
/** A line opened by a message's prefix. */
const MESSAGE_LINE = new RegExp(`^(?:${PREFIX})[ \\t]*`);
const HINT = /(?:^|\n)\[?\d{1,4}[/.:-]\d{1,2}/;

/** The root with chat paragraphs cut into their messages; the same root when it has none. */
export function withChatMessages(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    let out: RootContent[] | undefined;
    root.children.forEach((node, k) => {
      const read = node.type === 'paragraph' ? messages(node.position!.start.offset!, node.position!.end.offset!, text, lines) : undefined;
      if (read) out ??= root.children.slice(0, k);
      if (out) out.push(...(read ?? [node]));
    });
    return out ? { ...root, children: out } : root;
  } catch {
    return root;
  }
}

/** The blocks of a paragraph's messages, or undefined when fewer than two of its lines open a message. */
function messages(start: number, end: number, text: string, lines: LineIndex): RootContent[] | undefined {
  const heads: Array<{ at: number; body: number }> = [];
  for (let at = start; at < end;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const m = MESSAGE_LINE.exec(text.slice(at, lineEnd));
    if (m) heads.push({ at, body: at + m[0].length });
    at = lineEnd + 1;
  }
  if (heads.length < 2) return undefined;
  const out: RootContent[] = [];
  if (heads[0]!.at > start) out.push(...parseSlice(text, start, heads[0]!.at, lines));
  heads.forEach((h, i) => out.push(...parseSlice(text, h.body, i + 1 < heads.length ? heads[i + 1]!.at : end, lines)));
  return out;
}
