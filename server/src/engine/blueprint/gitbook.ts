// Pages as GitBook's Git sync writes them -> the Markdown they stand for (#14), so a step written as a heading over a
// tabs block reads its tabs as lanes.
//
// GitBook keeps its blocks as Liquid-style tags on lines of their own: `{% tabs %}` holding `{% tab title="Client" %}`
// ... `{% endtab %}`, `{% hint style="info" %}` ... `{% endhint %}`, `{% stepper %}` holding `{% step %}` ... `{% endstep %}`
// (a step's first heading titles it), `{% content-ref url="..." %}` over a link, `{% code %}` around a fence, `{% columns %}`,
// `{% embed url="..." %}`. A tab is a box titled by its tab title (blockMarkup.ts): titled by a lane label it is that
// lane, its content the lane's text, as a titled callout is. Every other tag line is markup: left out, what it holds read
// in place (a hint's text in the tab it sits in, a step's heading a heading). Tags inside code are code. Never throws.
// Markdoc writes tags the same way, closed by `{% /name %}`: any tag titled by a `title`, `name` or `label` attribute is
// a box (`{% step title="Arrival" %}` holding `{% lane name="Client" %}` boxes is a step of lanes).
import type { Root } from 'mdast';
import type { LineIndex } from '../text.js';
import { boxNode, readBlocks, type BlockReader, type MarkedLine } from './blockMarkup.js';

const HINT = /\{%-?[ \t]*(?:end|\/)?(?:tabs?|hint|stepper|step|content-ref|code|columns?|embed|file|include|updates?|lane|swimlane|layer)\b|\{%[^%\r\n]{0,80}\b(?:title|name|label)=/;
const TAG = /^[ \t]{0,3}\{%-?[ \t]*(end|\/)?([a-z][\w-]*)\b([^\r\n]*?)-?%\}[ \t]*$/;
/** Tags whose lines are markup around content read in place, or blocks with no content of their own. */
const MARKUP = new Set(['tabs', 'hint', 'stepper', 'step', 'content-ref', 'code', 'columns', 'column', 'embed', 'file', 'include', 'updates', 'update']);
const TITLE = /\b(?:title|name|label)=(?:"([^"\r\n]*)"|'([^'\r\n]*)')/d;
/** Tags that name a lane whatever its title's words, as a tab's title does. */
const LANE_TAGS = new Set(['tab', 'lane', 'swimlane', 'layer']);

/** How a new tab is written beside the others. */
const TAB = { before: '{% tab title="', between: '" %}\n', after: '\n{% endtab %}' };

/**
 * A tag line: a tab, or any tag titled by an attribute (Markdoc's `{% step title="Arrival" %}` ... `{% /step %}`, `{%
 * lane name="Client" %}`), opens or closes a box; the other tags GitBook writes stand alone.
 */
function tagLine(text: string, start: number, lineEnd: number): MarkedLine | undefined {
  const line = text.slice(start, lineEnd);
  const m = TAG.exec(line);
  if (!m) return undefined;
  const [, closing, name] = m as unknown as [string, string | undefined, string];
  const markup = MARKUP.has(name);
  if (closing) return { role: 'close', name, start, end: lineEnd, fence: 0, markup };
  const t = TITLE.exec(line);
  if (name !== 'tab' && !t) return markup ? { role: 'alone', name, start, end: lineEnd, fence: 0 } : undefined;
  const [from, to] = t?.indices?.[1] ?? t?.indices?.[2] ?? [0, 0];
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const title = raw.trim() ? { start: start + from + lead, end: start + from + lead + raw.trim().length } : undefined;
  return { role: 'open', name, start, end: lineEnd, fence: 0, title, markup };
}

/** Whether the line's first character after up to three spaces is `{%` (a look before the expression, line by line). */
function opensWithTag(text: string, start: number, lineEnd: number): boolean {
  let i = start;
  while (i < lineEnd && i - start < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.charCodeAt(i) === 123 && text.charCodeAt(i + 1) === 37;
}

function tabReader(lines: LineIndex): BlockReader {
  return {
    lineAt: (text, start, lineEnd) => (opensWithTag(text, start, lineEnd) ? tagLine(text, start, lineEnd) : undefined),
    closes(open, close) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.name === close.name) return i;
      return -1;
    },
    block: (open, close, body) => [
      boxNode(body, open.start, close.end, lines, {
        title: open.title,
        ...(LANE_TAGS.has(open.name) ? { tab: true as const } : {}),
        sibling: open.name === 'tab' || !open.title ? TAB : siblingOf(lines, open, close),
      }),
    ],
  };
}

/** A titled tag's sibling, written as it is: its open line around the title, its close line. */
function siblingOf(lines: LineIndex, open: MarkedLine, close: MarkedLine): { before: string; between: string; after: string } {
  const text = lines.text;
  return { before: text.slice(open.start, open.title!.start), between: `${text.slice(open.title!.end, open.end)}\n`, after: `\n${text.slice(close.start, close.end)}` };
}

/** The root with GitBook's tag lines read; the same root when it has none. */
export function withGitBook(root: Root, text: string, lines: LineIndex): Root {
  if (!HINT.test(text)) return root;
  try {
    const children = readBlocks(root.children, text, lines, tabReader(lines));
    return children === root.children ? root : { ...root, children };
  } catch {
    return root;
  }
}
