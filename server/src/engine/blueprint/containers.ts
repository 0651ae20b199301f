// Boxes that documentation tools wrap around lanes and steps: callouts, admonitions, titled quote blocks, <details>, <aside>,
// Confluence macros ({panel:title=Customer} ... {panel}), Redmine's {{collapse(Title) ... }} and MDX/JSX components with a title (<Lane name="Client">), and
// the boxes readers of other markups made (a GitBook tab, a MyST tab-item: blockMarkup.ts).
import type { Code, Nodes, RootContent } from 'mdast';
import { parseFragment } from '../parse.js';
import { boxOf, type BoxData } from './blockMarkup.js';

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
  /** A tab (GitBook, sphinx-design): titled, it is a lane whatever its title's words, unless it holds a step. */
  tab?: boolean;
  /** How a sibling box is written, when a new lane can be one (a GitBook tab beside the others). */
  sibling?: BoxData['markupBox']['sibling'];
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
// Pandoc fenced divs are untitled: "::: {custom-style="Lane Client"}", "::: {.note}".
const DIRECTIVE = /^(:{3,})[ \t]*(?:([\w-]+)(?:\[([^\]\r\n]*)\]|[ \t]+([^\r\n{]*))?|\{[^}\r\n]*\}[ \t]*$)/;
// MkDocs (Python-Markdown) admonitions and collapsible blocks: '!!! note "Frontstage"', '???+ tip "Kit"'.
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+"([^"\r\n]*)")?/;

// Confluence wiki macros that draw a box: "{panel:title=Householder|borderStyle=solid}" ... "{panel}".
const MACRO = /^\{(panel|info|note|tip|warning|expand|section|column)(?::([^}\r\n]*))?\}[ \t]*$/;
// Redmine's collapsible block titled by its argument: "{{collapse(Resources & mandate)" ... "}}".
const COLLAPSE = /^\{\{collapse\(([^)\r\n]{1,60})\)[ \t]*$/;
// An MDX/JSX component (a capitalised tag) titled by an attribute: <Lane name="Client">, <Step n={1} title="Arrival">.
const COMPONENT = /^<([A-Z][\w.]*)\b([^>]*?)(\/?)>/;
const TITLE_ATTRIBUTE = /\b(?:title|name|label|heading)=(?:"([^"\r\n]*)"|'([^'\r\n]*)'|\{["'`]([^"'`\r\n]*)["'`]\})/;

/** The title a macro's parameters give ("title=Customer|bgColor=#eee"). */
function macroTitle(params: string | undefined): string | undefined {
  return params
    ?.split('|')
    .find((p) => /^title=/.test(p.trim()))
    ?.trim()
    .slice('title='.length);
}

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
  const box = boxOf(node);
  if (box && node.type === 'blockquote') {
    const t = box.title && title(text.slice(box.title.start, box.title.end), box.title.start);
    return { from: i, to: i + 1, title: t, body: node.children, skipFirstLine: false, end: end(node), tab: box.tab, sibling: box.sibling };
  }
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
  // A component written on one line is inline HTML in a paragraph ("<Lane name="Client">Gets a free test.</Lane>").
  if (node.type === 'paragraph' && node.children[0]?.type === 'html' && COMPONENT.test(node.children[0].value)) {
    return componentAt(text, nodes, i, { ...node, value: text.slice(start(node), end(node)) });
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
    const macro = MACRO.exec(line);
    if (macro) {
      const close = new RegExp(`(?:^|\\n)[ \\t]*\\{${macro[1]}\\}[ \\t]*$`);
      const closes = (n: RootContent | undefined) => n?.type === 'paragraph' && close.test(text.slice(start(n), end(n)));
      let to = i;
      if (!(closes(node) && text.slice(start(node), end(node)).includes('\n'))) {
        to = i + 1;
        while (to < nodes.length && !closes(nodes[to])) to++;
        if (to >= nodes.length) return undefined;
      }
      const head = macroTitle(macro[2]);
      return { from: i, to: to + 1, title: title(head, groupAt(text, node, line, head)), body: nodes.slice(i, to + 1), skipFirstLine: true, end: end(nodes[to]) };
    }
    // Redmine's collapsed block: "{{collapse(Resources & mandate)" ... "}}"
    const collapse = COLLAPSE.exec(line);
    if (collapse) {
      // (with no blank line before it, the closing "}}" is a lazy line of the list above it)
      const closes = (n: RootContent | undefined) => (n?.type === 'paragraph' || n?.type === 'list') && /(?:^|\n)[ \t]*\}\}[ \t]*$/.test(text.slice(start(n), end(n)));
      let to = i;
      if (!(closes(node) && text.slice(start(node), end(node)).includes('\n'))) {
        to = i + 1;
        while (to < nodes.length && !closes(nodes[to])) to++;
        if (to >= nodes.length) return undefined;
      }
      const head = collapse[1]!.trim();
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
  if (node.type === 'code' && node.lang === 'admonish') return admonishAt(text, i, node);
  if (node.type === 'html' && COMPONENT.test(node.value)) return componentAt(text, nodes, i, node);
  if (node.type === 'html' && ASIDE.test(node.value)) return asideAt(text, nodes, i, node);
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

// Notion exports a callout as "<aside>" over Markdown lines (an icon first), closed by "</aside>".
const ASIDE = /^<aside\b[^>]*>/i;

/**
 * An untitled box whose first lines sit inside the HTML block the opening tag starts: those lines are parsed as
 * Markdown of their own, then the nodes up to the closing tag follow.
 */
function asideAt(text: string, nodes: readonly RootContent[], i: number, node: Nodes & { value: string }): Container | undefined {
  const open = ASIDE.exec(node.value)!;
  const close = node.value.search(/<\/aside>\s*$/i);
  let to = i + 1;
  if (close < 0) {
    while (to < nodes.length && !(nodes[to]!.type === 'html' && /^\s*<\/aside>/i.test((nodes[to] as { value: string }).value))) to++;
    if (to >= nodes.length) return undefined;
    to++;
  }
  const head = parseFragment(text, start(node) + open[0].length, close < 0 ? end(node) : start(node) + close);
  return { from: i, to, body: [...head, ...nodes.slice(i + 1, close < 0 ? to - 1 : i + 1)], skipFirstLine: false, end: end(nodes[to - 1]) };
}

/** An mdBook admonition fenced as code (```admonish tip title="Support processes"): titled, its body read as a code body is. */
function admonishAt(text: string, i: number, node: Code): Container | undefined {
  const head = firstSourceLine(text, node);
  const attr = /\btitle=(?:"([^"\r\n]*)"|'([^'\r\n]*)')/.exec(head);
  const raw = attr?.[1] ?? attr?.[2];
  if (!attr || !raw) return undefined;
  const firstBreak = text.indexOf('\n', start(node));
  const lastBreak = text.lastIndexOf('\n', end(node) - 1);
  if (firstBreak < 0 || lastBreak <= firstBreak) return undefined;
  const bodyStart = firstBreak + 1;
  const bodyEnd = lastBreak;
  const value = text.slice(bodyStart, bodyEnd).replace(/\r$/, '');
  const code: Code = { type: 'code', value, position: { start: { line: 0, column: 0, offset: bodyStart }, end: { line: 0, column: 0, offset: bodyStart + value.length } } };
  return { from: i, to: i + 1, title: title(raw, start(node) + head.indexOf(raw, attr.index)), body: [], skipFirstLine: false, code, end: end(node) };
}

/**
 * A titled component: its body is the nodes up to its closing tag, or, when the whole element is one HTML block
 * (nothing blank inside), the text between its tags, read as a code body is.
 */
function componentAt(text: string, nodes: readonly RootContent[], i: number, node: Nodes & { value: string }): Container | undefined {
  const open = COMPONENT.exec(node.value)!;
  const attr = TITLE_ATTRIBUTE.exec(open[2]!);
  if (!attr || open[3]) return undefined;
  const raw = attr[1] ?? attr[2] ?? attr[3];
  const at = start(node) + open.index + open[0].indexOf(attr[0]) + attr[0].indexOf(raw ?? '');
  const closing = `</${open[1]}>`;
  const inside = node.value.indexOf(closing, open[0].length);
  if (inside >= 0) {
    // Another element after the closing tag in the same block is not this box's.
    if (node.value.slice(inside + closing.length).trim()) return undefined;
    const bodyStart = start(node) + open[0].length;
    const bodyEnd = start(node) + inside;
    const value = text.slice(bodyStart, bodyEnd);
    const code: Code = { type: 'code', value, position: { start: { line: 0, column: 0, offset: bodyStart }, end: { line: 0, column: 0, offset: bodyEnd } } };
    return { from: i, to: i + 1, title: title(raw, at), body: [], skipFirstLine: false, code, end: end(node) };
  }
  let to = i + 1;
  while (to < nodes.length && !(nodes[to]!.type === 'html' && (nodes[to] as { value: string }).value.trim().startsWith(closing))) to++;
  if (to >= nodes.length) return undefined;
  return { from: i, to: to + 1, title: title(raw, at), body: nodes.slice(i + 1, to), skipFirstLine: false, end: end(nodes[to]) };
}
