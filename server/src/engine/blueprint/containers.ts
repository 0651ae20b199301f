// Boxes that documentation tools wrap around lanes and steps: callouts, admonitions, titled quote blocks, <details>.
import type { Code, Nodes, RootContent } from 'mdast';

/** A titled box found in a list of block nodes; the builder decides whether it is a lane or a step. */
export interface Container {
  /** The nodes [from, to) of the list the box spans. */
  from: number;
  to: number;
  /** The box's title as written (a lane label or a step title), with its source offset. */
  title?: { text: string; start: number };
  /** The body's block nodes; when `skipFirstLine`, the first one is a paragraph whose first line is the box's head. */
  body: RootContent[];
  skipFirstLine: boolean;
  /** A body written as indented code (MkDocs admonitions indent it by four spaces). */
  code?: Code;
  end: number;
}

function start(n: Nodes | undefined): number {
  return n?.position?.start.offset ?? 0;
}

function end(n: Nodes | undefined): number {
  return n?.position?.end.offset ?? 0;
}

function firstSourceLine(text: string, n: Nodes): string {
  const s = start(n);
  const nl = text.indexOf('\n', s);
  return text.slice(s, nl < 0 || nl > end(n) ? end(n) : nl).replace(/\r$/, '');
}

function title(raw: string | undefined, at: number): Container['title'] {
  const text = (raw ?? '').replace(/[*_`]/g, '').trim();
  if (!text) return undefined;
  return { text, start: at + (raw ?? '').indexOf(text.charAt(0)) };
}

// Obsidian and GitHub callouts: "> [!note] Patient" (the title after the type; "+" or "-" makes it foldable).
const CALLOUT = /^\[!([\w-]+)\][+-]?[ \t]*(.*)$/;
// Docusaurus and remark-directive admonitions: ":::note[Customer]" or ":::tip Front stage".
const DIRECTIVE = /^(:{3,})[ \t]*([\w-]+)(?:\[([^\]\r\n]*)\]|[ \t]+([^\r\n{]*))?/;
// MkDocs (Python-Markdown) admonitions and collapsible blocks: '!!! note "Frontstage"', '???+ tip "Kit"'.
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+"([^"\r\n]*)")?/;

/** The source line offset of a regex group inside the first line of node n. */
function groupAt(text: string, n: Nodes, line: string, group: string | undefined): number {
  return start(n) + (group ? line.lastIndexOf(group) : 0);
}

/** Every titled box in `nodes`, in order and not overlapping. */
export function findContainers(text: string, nodes: readonly RootContent[]): Container[] {
  const out: Container[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const found = containerAt(text, nodes, i, node);
    if (found) {
      out.push(found);
      i = found.to - 1;
    }
  }
  return out;
}

function containerAt(text: string, nodes: readonly RootContent[], i: number, node: RootContent): Container | undefined {
  if (node.type === 'blockquote') {
    const first = node.children[0];
    if (first?.type !== 'paragraph') return undefined;
    const line = firstSourceLine(text, first);
    const callout = CALLOUT.exec(line);
    if (callout) return { from: i, to: i + 1, title: title(callout[2], groupAt(text, first, line, callout[2])), body: node.children, skipFirstLine: true, end: end(node) };
    // A quote block opened by a bold line alone titles what it holds ("> **Stage 1 — Enquiry**").
    const [strong, ...rest] = first.children;
    if (strong?.type === 'strong' && rest.every((c) => c.type === 'text' && /^[\s:.]*$/.test(c.value))) {
      const raw = text.slice(start(strong), end(strong));
      return { from: i, to: i + 1, title: title(raw, start(strong)), body: node.children.slice(1), skipFirstLine: false, end: end(node) };
    }
    if (strong?.type === 'strong' && (rest[0]?.type === 'break' || (rest[0]?.type === 'text' && /^[ \t]*\r?\n/.test(rest[0].value)))) {
      const raw = text.slice(start(strong), end(strong));
      return { from: i, to: i + 1, title: title(raw, start(strong)), body: node.children, skipFirstLine: true, end: end(node) };
    }
    return undefined;
  }
  if (node.type === 'paragraph') {
    const line = firstSourceLine(text, node);
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      const fence = directive[1]!;
      const head = directive[3] ?? directive[4];
      const closes = (n: RootContent | undefined) => n?.type === 'paragraph' && new RegExp(`(?:^|\\n)[ \\t]*${fence}[ \\t]*$`).test(text.slice(start(n), end(n)));
      // The box ends at the paragraph whose last line is its fence (the opener itself when nothing separates them).
      let to = i;
      const selfClosed = closes(node) && text.slice(start(node), end(node)).includes('\n');
      if (!selfClosed) {
        to = i + 1;
        while (to < nodes.length && !closes(nodes[to])) to++;
        if (to >= nodes.length) return undefined;
      }
      return { from: i, to: to + 1, title: title(head, groupAt(text, node, line, head)), body: nodes.slice(i, to + 1), skipFirstLine: true, end: end(nodes[to]) };
    }
    const admonition = ADMONITION.exec(line);
    if (admonition) {
      const next = nodes[i + 1];
      const head = admonition[2];
      const at = groupAt(text, node, line, head);
      // The body is indented by four spaces: Markdown reads it as a code block right under the head line.
      if (next?.type === 'code' && !next.lang && !text.slice(end(node), start(next)).includes('\n\n') && /^( {4}|\t)/.test(text.slice(text.lastIndexOf('\n', start(next)) + 1, start(next) + 1)))
        return { from: i, to: i + 2, title: title(head, at), body: [], skipFirstLine: false, code: next, end: end(next) };
      return { from: i, to: i + 1, title: title(head, at), body: [node], skipFirstLine: true, end: end(node) };
    }
    return undefined;
  }
  if (node.type === 'html' && /^<details\b/i.test(node.value)) {
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(node.value);
    let to = i + 1;
    const closesHere = /<\/details>/i.test(node.value);
    if (!closesHere) {
      while (to < nodes.length && !(nodes[to]!.type === 'html' && /<\/details>/i.test((nodes[to] as { value: string }).value))) to++;
      if (to >= nodes.length) return undefined;
      to++;
    }
    const rawTitle = summary?.[1]?.replace(/<[^>]*>/g, '');
    const at = summary ? start(node) + summary.index + summary[0].indexOf('>') + 1 : start(node);
    return { from: i, to, title: title(rawTitle, at), body: nodes.slice(i + 1, closesHere ? i + 1 : to - 1), skipFirstLine: false, end: end(nodes[to - 1]) };
  }
  return undefined;
}
