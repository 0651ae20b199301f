// Structure written in HTML or JSX -> the mdast nodes the same structure is in Markdown (#14), so every layout reader,
// lane reading and fix in build.ts applies to it.
//
// Pages saved from a website (`<h3>1. Drop-off</h3>`, `<p><b>Customer</b><br>...</p>`), MDX components
// (`<Step title="...">` holding `<Lane name="Client">...</Lane>`) and README `<details>` boxes reach remark as raw
// `html` nodes, which the builder reads as nothing. Each top-level html node holding flow content is read here with
// htmlparser2's Tokenizer (exact indices, linear) and replaced by:
// - `<h1>`-`<h6>`: a heading of that depth (never shallower than the Markdown section it sits in);
// - `<p>`, `<div>` and other blocks: paragraphs; `<ul>`/`<ol>`/`<li>`: lists; `<b>`/`<strong>`: strong; `<br>`: a line
//   break (an inline `<br>` html node, as appendInline reads one);
// - `<details>` + `<summary>`, and a component with a `title`/`heading` attribute: a heading one level under the
//   enclosing section, its body that heading's content, closed by a section-end marker at its closing tag;
// - a component with a `name`/`label`/`lane`/`role` attribute, closed in the same node: one paragraph, the label bold
//   on its own line over the body's text (a lane when the label is a lane word, as `**Label**` over text would be).
// Text nodes follow htmlTable.ts's model: literal runs equal their source, one decoded character reference per node,
// one collapsed whitespace run per `" "` node; so appendInline maps every character back to the source. Where the
// source is HTML, build.ts offers no fix (`htmlRanges`): an edit there could not keep the markup's layout.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { LineIndex } from '../text.js';
import type { Span } from '../types.js';

/** The converted tree, the source spans that were HTML (with whether JSX components were among them) and where bold labels start. */
export interface HtmlFlow {
  root: Root;
  ranges: Array<Span & { jsx: boolean }>;
  bold: Set<number>;
}

/** What build.ts reads of a node this module made. */
interface FlowData {
  htmlFlow?: true;
  /** A paragraph that is a component named by its label attribute. */
  labelled?: true;
  /** A section-end marker: the depth of the html section its closing tag ends. */
  closesSection?: number;
}

/** True for a heading read from HTML or JSX. */
export function fromHtml(node: RootContent | undefined): boolean {
  return (node?.data as FlowData | undefined)?.htmlFlow === true;
}

/** True for the paragraph of a component named by a label attribute (`<Lane name="Client">`). */
export function labelledBlock(node: RootContent): boolean {
  return (node.data as FlowData | undefined)?.labelled === true;
}

/** A heading another reader made for a box an end tag closes (a BBCode `[details="T"]`), sectioned as a `<details>` heading is. */
export function boxHeading(h: Heading): Heading {
  return { ...h, data: { ...h.data, htmlFlow: true } as FlowData };
}

/** The end tag of such a box (`[/details]`): what follows is the enclosing section's again. */
export function boxEnd(value: string, position: Html['position'], depth: number): Html {
  return { type: 'html', value, position, data: { closesSection: depth } as FlowData };
}

/** The depth of the html section a marker node closes, or undefined for any other node. */
export function closesSection(node: RootContent): number | undefined {
  return node.type === 'html' ? (node.data as FlowData | undefined)?.closesSection : undefined;
}

// Only a document with one of these pays for the conversion.
const FLOW_HINT = /<(?:(?:h[1-6]|p|li|details|summary)[\s>/]|[A-Z][\w.]{0,40}\s[^<>]{0,300}?\b(?:title|heading|name|label|lane|role)=)/;
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'main',
  'nav',
  'p',
  'pre',
  'section',
]);
const HIDDEN = new Set(['script', 'style', 'title', 'iframe', 'noembed', 'noframes', 'template', 'textarea']);
const STRONG = new Set(['b', 'strong']);
const HEADING = /^h([1-6])$/;
const COMPONENT_NAME = /^[A-Z][\w.]*$/;
const TITLE_ATTRS = new Set(['title', 'heading']);
const LABEL_ATTRS = new Set(['name', 'label', 'lane', 'role']);
/** Open lists and items kept as blocks; deeper ones are read as line breaks (bounded work per tag). */
const MAX_BLOCK_DEPTH = 16;
/** Open html sections tracked across nodes; deeper ones are read as if their tags were not there. */
const MAX_SECTIONS = 16;

/** The root with its HTML flow content converted, or undefined when the document has none. Never throws. */
export function withHtmlFlow(root: Root, text: string, lines: LineIndex): HtmlFlow | undefined {
  if (!FLOW_HINT.test(text)) return undefined;
  try {
    return convert(root, text, lines);
  } catch {
    return undefined;
  }
}

interface OpenSection {
  name: string;
  /** The depth of its heading, and of the section around it. */
  depth: number;
  parent: number;
}

/** Where the walk over the top-level nodes stands: the Markdown heading depth, the html sections open, the current depth. */
interface Walk {
  mdDepth: number;
  sections: OpenSection[];
  depth: number;
}

function convert(root: Root, text: string, lines: LineIndex): HtmlFlow | undefined {
  const walk: Walk = { mdDepth: 0, sections: [], depth: 0 };
  const out: RootContent[] = [];
  const ranges: HtmlFlow['ranges'] = [];
  const bold = new Set<number>();
  let changed = false;
  for (const node of root.children) {
    if (node.type === 'heading') {
      // A Markdown heading ends every html section: the editor's units start at Markdown headings, and read alike.
      walk.mdDepth = node.depth;
      walk.depth = node.depth;
      walk.sections = [];
      out.push(node);
      continue;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start === undefined || end === undefined ? undefined : text.slice(start, end);
    // A JSX tag HTML would not accept (`title={"Arrival"}`) leaves the element a paragraph: MDX reads it as the tag it is.
    const flow = value !== undefined && ((node.type === 'html' && value === node.value) || (node.type === 'paragraph' && /^<[A-Z]/.test(value)));
    if (!flow || !convertible(value, walk)) {
      out.push(node);
      continue;
    }
    const read = readFlow(value, start!, lines, walk, bold);
    out.push(...read.nodes);
    ranges.push({ start: start!, end: end!, jsx: read.jsx });
    changed = true;
  }
  return changed ? { root: { ...root, children: out }, ranges, bold } : undefined;
}

/** An html node worth reading: flow content (not a table, a Notion aside or a comment), every labelled component closed in it. */
function convertible(value: string, walk: Walk): boolean {
  if (/<table\b/i.test(value) || /^\s*<(?:aside\b|!--)/i.test(value)) return false;
  const close = /^\s*<\/([\w.]+)\s*>\s*$/.exec(value);
  if (close) return walk.sections.some((s) => s.name === close[1]);
  if (!FLOW_HINT.test(value) && !/<br\b/i.test(value)) return false;
  // A labelled component whose body is Markdown between html nodes is containers.ts's box.
  const lastClose = new Map<string, number>();
  for (const m of value.matchAll(/<\/([A-Z][\w.]{0,40})\s*>/g)) lastClose.set(m[1]!, m.index);
  for (const m of value.matchAll(/<([A-Z][\w.]{0,40})(\s[^<>]{0,1000})?>/g)) {
    const attrs = m[2] ?? '';
    if (attrs.endsWith('/') || !/\b(?:name|label|lane|role)=/.test(attrs) || /\b(?:title|heading)=/.test(attrs)) continue;
    if ((lastClose.get(m[1]!) ?? -1) < m.index) return false;
  }
  return true;
}

interface Inline {
  node: Paragraph | Heading;
  strong: Strong | null;
  strongDepth: number;
  content: boolean;
  /** A pending collapsed space or line break (value span of its source). */
  space: [number, number] | null;
  brk: [number, number] | null;
  lit: { a: number; b: number; into: PhrasingContent[] } | null;
}

type Block = { node: Root | List | ListItem; children: RootContent[] };

/** The mdast nodes of one html node's flow content, positioned in the document (value[i] is source[start + i]). */
function readFlow(value: string, start: number, lines: LineIndex, walk: Walk, bold: Set<number>): { nodes: RootContent[]; jsx: boolean } {
  const top: Block = { node: { type: 'root', children: [] }, children: [] };
  const blocks: Block[] = [top];
  let inline: Inline | null = null;
  let labelled: { name: string } | null = null;
  let heading: string | null = null;
  let hidden = 0;
  let jsx = false;
  // <b> opened before any paragraph (`<b>` right after `<p>`): applied when the paragraph's text arrives.
  let pendingStrong = 0;

  const pos = (a: number, b: number) => ({ start: lines.position(start + a), end: lines.position(start + Math.max(a, b)) });
  const container = (): RootContent[] => blocks[blocks.length - 1]!.children;

  const flushLit = (c: Inline) => {
    if (!c.lit) return;
    const t: Text = { type: 'text', value: value.slice(c.lit.a, c.lit.b), position: pos(c.lit.a, c.lit.b) };
    c.lit.into.push(t);
    c.lit = null;
  };
  const into = (c: Inline): PhrasingContent[] => (c.strong ? c.strong.children : c.node.children);
  const push = (c: Inline, n: PhrasingContent) => {
    flushLit(c);
    into(c).push(n);
  };

  /** The paragraph text goes to, opened where the first visible character is. */
  const ensureInline = (at: number): Inline => {
    if (inline) return inline;
    const p: Paragraph = { type: 'paragraph', children: [], position: pos(at, at) };
    let parent = blocks[blocks.length - 1]!;
    if (parent.node.type === 'list') {
      // Text straight inside <ul>: an item of its own.
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: pos(at, at) };
      (parent.node as List).children.push(item);
      parent = { node: item, children: item.children };
      blocks.push(parent);
    }
    parent.children.push(p);
    inline = { node: p, strong: null, strongDepth: 0, content: false, space: null, brk: null, lit: null };
    return inline;
  };

  const beforeText = (c: Inline) => {
    if (c.content && c.brk) push(c, { type: 'html', value: '<br>', position: pos(c.brk[0], c.brk[1]) });
    else if (c.content && c.space) {
      const [a, b] = c.space;
      if (b - a === 1 && value.charCodeAt(a) === 0x20) literal(c, a, b);
      else push(c, { type: 'text', value: ' ', position: pos(a, b) });
    }
    c.brk = null;
    c.space = null;
    if (c.strongDepth > 0 && !c.strong) {
      flushLit(c);
      c.strong = { type: 'strong', children: [], position: pos(0, 0) };
      c.node.children.push(c.strong);
    }
  };

  const literal = (c: Inline, a: number, b: number) => {
    const lit = c.lit;
    if (lit && lit.into === into(c) && lit.b === a) {
      lit.b = b;
      return;
    }
    flushLit(c);
    c.lit = { a, b, into: into(c) };
  };

  const textRun = (a: number, b: number) => {
    let i = a;
    while (i < b) {
      if (isSpace(value.charCodeAt(i))) {
        let j = i + 1;
        while (j < b && isSpace(value.charCodeAt(j))) j++;
        if (inline?.content && !inline.brk && !inline.space) inline.space = [i, i + 1];
        i = j;
      } else {
        let j = i + 1;
        while (j < b && !isSpace(value.charCodeAt(j))) j++;
        const c = ensureInline(i);
        const opening = c.strongDepth > 0 && !c.strong;
        beforeText(c);
        if (opening && c.strong) {
          c.strong.position = pos(i, i);
          bold.add(start + i);
        }
        literal(c, i, j);
        c.content = true;
        i = j;
      }
    }
  };

  const entity = (decoded: string, a: number, b: number) => {
    if (decoded.length === 1 && isSpace(decoded.charCodeAt(0))) {
      if (inline?.content && !inline.brk && !inline.space) inline.space = [a, b];
      return;
    }
    const c = ensureInline(a);
    beforeText(c);
    push(c, { type: 'text', value: decoded, position: pos(a, b) });
    c.content = true;
  };

  const lineBreak = (a: number, b: number) => {
    if (inline?.content && !inline.brk) inline.brk = [a, b];
    if (inline) inline.space = null;
  };

  /** Ends the paragraph or heading being written; its position runs to `end`. */
  const endInline = (end: number) => {
    const c = inline;
    if (!c) return;
    inline = null;
    flushLit(c);
    if (c.strong) c.strong.position = { start: c.strong.position!.start, end: endOfChildren(c.strong) ?? c.strong.position!.start };
    // A heading with no visible text (paragraphs open only at visible text) titles nothing.
    if (!c.content && top.children[top.children.length - 1] === c.node) {
      top.children.pop();
      return;
    }
    c.node.position = { start: c.node.position!.start, end: endOfChildren(c.node) ?? lines.position(start + end) };
  };

  const closeStrong = () => {
    const c = inline;
    if (!c || c.strongDepth === 0) return;
    if (--c.strongDepth > 0) return;
    if (c.strong) {
      flushLit(c);
      c.strong.position = { start: c.strong.position!.start, end: endOfChildren(c.strong) ?? c.strong.position!.start };
      c.strong = null;
    }
  };

  /** A heading at `depth` whose text is read from the tags that follow (h1-h6, summary) or given (a title attribute). */
  const openHeading = (depth: number, at: number, name: string) => {
    endInline(at);
    // Headings stand at the top level, where sectionize reads them.
    blocks.length = 1;
    const h: Heading = { type: 'heading', depth: Math.max(1, Math.min(6, depth)) as Heading['depth'], children: [], position: pos(at, at), data: { htmlFlow: true } as FlowData };
    top.children.push(h);
    inline = { node: h, strong: null, strongDepth: 0, content: false, space: null, brk: null, lit: null };
    heading = name;
    walk.depth = h.depth;
  };

  const openSection = (name: string, at: number, title?: { text: string; at: number }) => {
    if (walk.sections.length >= MAX_SECTIONS) return;
    const depth = Math.min(6, walk.depth + 1);
    walk.sections.push({ name, depth, parent: walk.depth });
    if (title) {
      openHeading(depth, at, '');
      const c = inline!;
      literalText(c, title.text, title.at);
      endInline(title.at + title.text.length);
      heading = null;
    }
    // A <details> box waits for its <summary> to title it.
  };
  const literalText = (c: Inline, s: string, at: number) => {
    const trimmed = s.trim();
    if (!trimmed) return;
    const a = at + s.indexOf(trimmed);
    push(c, { type: 'text', value: trimmed, position: pos(a, a + trimmed.length) });
    c.content = true;
  };

  const closeSection = (name: string, lt: number, gt: number) => {
    endInline(lt);
    let k = walk.sections.length - 1;
    while (k >= 0 && walk.sections[k]!.name !== name) k--;
    if (k < 0) return;
    blocks.length = 1;
    const s = walk.sections[k]!;
    walk.sections.length = k;
    walk.depth = s.parent;
    const marker: Html = { type: 'html', value: value.slice(lt, gt), position: pos(lt, gt), data: { closesSection: s.depth } as FlowData };
    top.children.push(marker);
  };

  // Tag being read.
  let tag = '';
  let rawTag = '';
  let tagLt = 0;
  let attrName = '';
  let attrValue = '';
  let attrAt = -1;
  let attrs: Array<{ name: string; value: string; at: number }> = [];

  const openTag = (lt: number, gt: number, selfClosing: boolean) => {
    const name = tag;
    if (hidden > 0) {
      if (HIDDEN.has(name)) hidden++;
      return;
    }
    if (HIDDEN.has(name)) {
      if (!selfClosing) hidden++;
      return;
    }
    if (COMPONENT_NAME.test(rawTag)) {
      jsx = true;
      if (selfClosing || labelled) return;
      const title = attrs.find((a) => TITLE_ATTRS.has(a.name));
      if (title && heading === null) return openSection(rawTag, lt, { text: title.value, at: title.at });
      const label = attrs.find((a) => LABEL_ATTRS.has(a.name));
      if (label && label.value.trim()) {
        endInline(lt);
        const c = ensureInline(label.at);
        c.node.data = { htmlFlow: true, labelled: true } as FlowData;
        const s = label.value.trim();
        const a = label.at + label.value.indexOf(s);
        const strong: Strong = { type: 'strong', children: [{ type: 'text', value: s, position: pos(a, a + s.length) }], position: pos(a, a + s.length) };
        push(c, strong);
        bold.add(start + a);
        c.content = true;
        c.brk = [gt, gt + 1];
        labelled = { name: rawTag };
        return;
      }
      // Any other component is a box around blocks.
      if (heading === null) endInline(lt);
      return;
    }
    if (name === 'br') return lineBreak(lt, gt + 1);
    if (STRONG.has(name)) {
      if (inline) inline.strongDepth++;
      else pendingStrong++;
      return;
    }
    if (labelled || heading !== null) {
      // Blocks inside a labelled component or a heading only break its lines.
      if (BLOCK.has(name) || name === 'li' || name === 'ul' || name === 'ol') lineBreak(lt, gt + 1);
      return;
    }
    const h = HEADING.exec(name);
    if (h) {
      const floor = Math.max(walk.mdDepth, walk.sections[walk.sections.length - 1]?.depth ?? 0);
      return openHeading(Math.max(Number(h[1]), floor + 1), lt, name);
    }
    if (name === 'details') {
      endInline(lt);
      return openSection('details', lt);
    }
    if (name === 'summary') {
      const s = walk.sections[walk.sections.length - 1];
      if (s?.name === 'details') return openHeading(s.depth, lt, 'summary');
      endInline(lt);
      return;
    }
    if (name === 'ul' || name === 'ol') {
      endInline(lt);
      if (blocks.length >= MAX_BLOCK_DEPTH) return;
      const list: List = { type: 'list', ordered: name === 'ol', start: name === 'ol' ? 1 : null, spread: false, children: [], position: pos(lt, lt) };
      container().push(list);
      blocks.push({ node: list, children: list.children as RootContent[] });
      return;
    }
    if (name === 'li') {
      endInline(lt);
      while (blocks.length > 1 && blocks[blocks.length - 1]!.node.type === 'listItem') blocks.pop();
      if (blocks.length >= MAX_BLOCK_DEPTH) return;
      let parent = blocks[blocks.length - 1]!;
      if (parent.node.type !== 'list') {
        const list: List = { type: 'list', ordered: false, start: null, spread: false, children: [], position: pos(lt, lt) };
        parent.children.push(list);
        parent = { node: list, children: list.children as RootContent[] };
        blocks.push(parent);
      }
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: pos(lt, lt) };
      (parent.node as List).children.push(item);
      blocks.push({ node: item, children: item.children });
      return;
    }
    if (BLOCK.has(name)) endInline(lt);
  };

  const closeTag = (name: string, raw: string, lt: number, gt: number) => {
    if (hidden > 0) {
      if (HIDDEN.has(name)) hidden--;
      return;
    }
    if (COMPONENT_NAME.test(raw)) {
      if (labelled) {
        if (labelled.name === raw) {
          endInline(lt);
          labelled = null;
        }
        return;
      }
      if (heading === null) closeSection(raw, lt, gt);
      return;
    }
    if (name === 'br') return lineBreak(lt, gt);
    if (STRONG.has(name)) {
      if (pendingStrong > 0) pendingStrong--;
      else closeStrong();
      return;
    }
    if (labelled) {
      if (BLOCK.has(name) || name === 'li' || name === 'ul' || name === 'ol') lineBreak(lt, gt);
      return;
    }
    if (heading !== null) {
      if (name === heading || HEADING.test(name) || name === 'summary') {
        endInline(lt);
        heading = null;
      } else if (BLOCK.has(name)) lineBreak(lt, gt);
      return;
    }
    if (name === 'details') return closeSection('details', lt, gt);
    if (name === 'ul' || name === 'ol') {
      endInline(lt);
      let k = blocks.length - 1;
      while (k > 0 && blocks[k]!.node.type !== 'list') k--;
      if (k > 0) {
        blocks[k]!.node.position = { start: blocks[k]!.node.position!.start, end: lines.position(start + gt) };
        blocks.length = k;
      }
      return;
    }
    if (name === 'li') {
      endInline(lt);
      const b = blocks[blocks.length - 1]!;
      if (b.node.type === 'listItem') {
        b.node.position = { start: b.node.position!.start, end: lines.position(start + gt) };
        blocks.pop();
      }
      return;
    }
    if (BLOCK.has(name)) endInline(lt);
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(s, e) {
      tagLt = s - 1;
      rawTag = e - s <= 40 ? value.slice(s, e) : '';
      tag = rawTag.toLowerCase();
      attrs = [];
      attrName = '';
    },
    onattribname(s, e) {
      attrName = e - s <= 10 ? value.slice(s, e).toLowerCase() : '';
      attrValue = '';
      attrAt = -1;
    },
    onattribdata(s, e) {
      if (!attrName) return;
      if (attrAt < 0) attrAt = s;
      if (attrValue.length < 200) attrValue += value.slice(s, Math.min(e, s + 200));
    },
    onattribentity() {
      // A label with a character reference in it is not read (its offsets would not be exact).
      attrName = '';
    },
    onattribend() {
      if (attrName && attrAt >= 0 && (TITLE_ATTRS.has(attrName) || LABEL_ATTRS.has(attrName))) {
        // JSX writes a string attribute as {"..."} too.
        const braced = /^\{(["'`])([^"'`]*)\1\}$/.exec(attrValue);
        if (braced) attrs.push({ name: attrName, value: braced[2]!, at: attrAt + 2 });
        else if (!attrValue.startsWith('{')) attrs.push({ name: attrName, value: attrValue, at: attrAt });
      }
      attrName = '';
    },
    onopentagend(gt) {
      if (tag) openTag(tagLt, gt, false);
      tag = '';
    },
    onselfclosingtag(gt) {
      if (tag) openTag(tagLt, gt, true);
      tag = '';
    },
    onclosetag(s, e) {
      const raw = e - s <= 40 ? value.slice(s, e) : '';
      const gt = value.indexOf('>', e);
      closeTag(raw.toLowerCase(), raw, Math.max(0, s - 2), gt < 0 ? value.length : gt + 1);
    },
    ontext(s, e) {
      if (s < 0 || hidden > 0 || e <= s) return;
      textRun(s, e);
    },
    ontextentity(cp, end) {
      if (hidden > 0) return;
      let s = value.lastIndexOf('&', end - 1);
      if (s < 0) s = Math.max(0, end - 1);
      entity(fromCodePoint(cp), s, end);
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const text0 = callbacks.ontext;
  callbacks.ontext = (s, e) => {
    if (pendingStrong > 0 && hidden === 0 && /\S/.test(value.slice(s, e))) {
      const c = ensureInline(s);
      c.strongDepth += pendingStrong;
      pendingStrong = 0;
    }
    text0(s, e);
  };

  const tokenizer = new Tokenizer({ decodeEntities: true, xmlMode: false }, callbacks);
  tokenizer.write(value);
  tokenizer.end();
  endInline(value.length);
  return { nodes: top.children, jsx };
}

function endOfChildren(n: { children: PhrasingContent[] }): ReturnType<LineIndex['position']> | undefined {
  const last = n.children[n.children.length - 1];
  return last?.position?.end as ReturnType<LineIndex['position']> | undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

function fromCodePoint(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}
