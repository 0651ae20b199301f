// mdast -> steps and lanes (spec sections 3 and 4). Phrase analysis happens later, in analyse.ts.
import type { Emphasis, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Strong, Table, TableCell, TableRow, Text } from 'mdast';
import type { LineIndex } from '../text.js';
import type { CellEnd, ColumnRow, DisableSite, LabelStyle, Lane, LaneKind, LaneSite, SourceText, Span, Step } from '../types.js';
import { firstLine, htmlNodeTables } from './htmlTable.js';
import { CELLS_IN_PLACE, FIXED_WIDTH, withTextTables } from './textTable.js';
import { withWikiMarkup } from './wikiMarkup.js';
import { withSheetPastes } from './sheetPaste.js';
import { withGherkin } from './gherkin.js';
import { withBbcode } from './bbcode.js';
import { withGitBook } from './gitbook.js';
import { withMyst } from './myst.js';
import { nextLetterMarker, withSlackLists } from './slackPaste.js';
import { CHAT_PREFIX, withChatMessages } from './chatExport.js';
import { withMdcComponents } from './mdcComponents.js';
import { laneMajorRuns, mergedItems, type LaneItem, type LaneSection } from './laneMajor.js';
import { findContainers, type Container } from './containers.js';
import { iconHead } from './iconLabel.js';
import { isLegendTitle } from './legendTitle.js';
import { labelSpanHead, withoutBookmarks } from './pandocSpans.js';
import { levelOneAreSections } from './sectionHeadings.js';
import { withMermaidSequences } from './mermaidSequence.js';
import { closesSection, fromHtml, labelledBlock, withHtmlFlow, type HtmlFlow } from './htmlFlow.js';
import { inContext, labelWords, type LaneReading } from './laneReading.js';
import { isPlaceholder, normaliseLabel, readLane, STEP_COLUMN_LABELS, STEP_NUMBER_HEADERS, type LaneTable } from './lanes.js';
import { FAILURE_WORDS } from './laneWords.js';
import { appendInline, emptyText, sliceText, TextBuilder, trimText } from './sourceText.js';
import { loadRuleVocabulary } from '../phrases/vocabulary.js';

/** A step as the builder finds it, before phrase analysis; a section of a lane-major blueprint carries its items. */
export type RawStep = Omit<Step, 'benefits' | 'supports'> & { laneSection?: LaneSection };

interface Section {
  heading?: Heading;
  depth: number;
  content: RootContent[];
  subsections: Section[];
  end: number;
}

interface Ctx {
  text: string;
  lines: LineIndex;
  table: LaneTable;
  eol: string;
  /** What of the text was HTML or JSX read as Markdown, when any was. */
  html?: HtmlFlow;
}

/** How a lane is written, so inserted lanes look like their neighbours. */
type LaneForm =
  // Offsets, not nodes: a step's insertion edits outlive its lint, and a node would keep its whole list alive with them.
  | { form: 'item'; start: number; end: number; spread: boolean; style: LabelStyle }
  | { form: 'paragraph'; end: number; style: LabelStyle; indent: string }
  | { form: 'heading'; depth: number; sectionEnd: number }
  // A box of another markup (a GitBook tab): a new lane is a sibling box written the same way.
  | { form: 'box'; end: number; sibling: NonNullable<Container['sibling']> }
  | { form: 'cell' };

interface FoundLane {
  lane: Lane;
  form: LaneForm;
}

const META_HEADINGS = new Set([
  'overview',
  'introduction',
  'intro',
  'background',
  'purpose',
  'scope',
  'summary',
  'context',
  'about',
  'notes',
  'note',
  'open questions',
  'questions',
  'questions?',
  'references',
  'glossary',
  'appendix',
  'changelog',
  'change log',
  'history',
  'revision history',
  'contacts',
  'contact',
  'owners',
  'roles',
  'legend',
  'key',
  'how to read this',
  'how to read',
  'methodology',
  'next steps',
  'actions',
  'action items',
  'decisions',
  'assumptions',
  'risks',
  'out of scope',
  'related',
  'see also',
  'table of contents',
  'contents',
  'toc',
  'version',
  'sources',
  'acknowledgements',
  'licence',
  'license',
  'who is involved',
  'people',
  'team',
  'metrics',
  'kpis',
  'lanes',
  'steps',
  'stages',
  'journey',
  'feedback',
  // a ticket's or a wiki page's own discussion
  'comments',
  'comment',
  'discussion',
  'activity',
  'attachments',
  // what a document adds after its steps: measures, open points, what comes next
  'measures',
  'open points',
  'what next',
  "what's next",
  'whats next',
]);

/** Words of a heading that describes the document rather than a step ("Success factors", "Pain points summary"). */
const META_WORDS = [
  'legend',
  'glossary',
  'overview',
  'introduction',
  'summary',
  'background',
  'success factor',
  'pain point',
  'lesson',
  'principle',
  'narrative',
  'role',
  'responsibility',
  'metric',
  'kpi',
  'risk',
  'opportunity',
  'appendix',
  'reference',
  'assumption',
  'disclaimer',
  'conclusion',
  'limitation',
  'how to read',
  'definition',
  'faq',
  'purpose',
  'takeaway',
  'insight',
  'recommendation',
  'open question',
  // the research behind the blueprint and what to do next, not its steps ("What we heard", "Findings", "Ideas", "Questions?")
  'finding',
  'what we heard',
  'what we learned',
  'what we learnt',
  'idea',
  'questions for',
  'about this',
  'sub issue',
  'open issue',
  'open item',
  'open action',
  'known issue',
  'to do',
  'todo',
  'to fix',
  'should fix',
  'improvement',
  'why this',
  'gaps identified',
  'key gap',
  'outcomes',
  'current state',
  'future state',
  'backlog',
  'service promise',
  'quality standard',
  'service standard',
  'stop condition',
  'closing thought',
  'final thought',
  'closing note',
  'afterword',
  // Aims of the document, not steps of the service ("Expected impact", "Goals", "Targets").
  'impact',
  'goal',
  'objective',
  'target',
];

function hasWords(title: string, list: readonly string[]): boolean {
  const words = ` ${labelWords(title).join(' ')} `;
  const raw = ` ${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return list.some((w) => words.includes(` ${w} `) || raw.includes(` ${w} `));
}

/** A heading that describes the document, not a step of the service. */
function isMetaTitle(title: string): boolean {
  return META_HEADINGS.has(normaliseLabel(title)) || hasWords(title, META_WORDS) || isLegendTitle(title);
}

/**
 * A section that states who may decide or when to escalate for the whole document ("Empowerment", "When to escalate",
 * "Complaints and escalation") and has no customer lane: a policy every step can lean on, not a step of its own.
 */
function isPolicyTitle(title: string): boolean {
  return loadRuleVocabulary('authority-section.txt').find(title).length > 0 || loadRuleVocabulary('escalation-section.txt').find(title).length > 0;
}

/** A price list ("Pricing", "Plans and prices", a tier under one) says what is sold, not how it is delivered. */
function isPriceList(title: string, group: string | undefined): boolean {
  const words = ['pricing', 'price list', 'prices', 'plans and pricing', 'rate card'];
  return hasWords(title, words) || (group !== undefined && hasWords(group, words));
}

/** A heading of more than twelve words is a headline or a sentence (a press release's), never a step's title. */
function isHeadline(title: string): boolean {
  return title.split(/\s+/).length > 12;
}

/** An introduction that defines the lanes before the steps ("Service blueprint overview", "Summary"). */
function isOverviewTitle(title: string): boolean {
  return hasWords(title, ['overview']) || ['introduction', 'summary', 'about this blueprint'].includes(normaliseLabel(title));
}

/** A hand-off between teams with no customer-side lane is an internal transition between steps, not a customer step. */
function isHandoff(title: string, lanes: readonly FoundLane[]): boolean {
  if (!hasWords(title, ['handoff', 'hand off', 'handover', 'hand over', 'transition'])) return false;
  return !lanes.some((l) => l.lane.kind === 'customer' || l.lane.kind === 'evidence' || l.lane.kind === 'frontstage' || l.lane.kind === 'benefit');
}

export function normaliseTitle(title: string): string {
  return withoutBookmarks(title)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:step|stage|phase)\s*\d+[a-z]?(?:\s+of\s+\d+)?\s*[:.)\-\u2013\u2014]\s*/i, '')
    .replace(/^\d+[a-z]?[.)]\s+/i, '')
    .replace(/[:\s]+$/, '')
    .trim();
}

function inlineText(ctx: Ctx, nodes: readonly Nodes[], start: number): SourceText {
  const b = new TextBuilder(ctx.text, start);
  appendInline(b, nodes as never);
  return b.build();
}

/** All visible text of block content (paragraphs, lists, tables), paragraphs separated by newlines. */
function blockText(ctx: Ctx, nodes: readonly Nodes[], start: number): SourceText {
  const b = new TextBuilder(ctx.text, start);
  const visit = (list: readonly Nodes[]) => {
    for (const n of list) {
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
        if (b.length > 0) b.appendSynthetic('\n', n.position!.start.offset!);
        appendInline(b, n.children);
      } else if (n.type === 'html' || n.type === 'code' || n.type === 'yaml') {
        continue;
      } else if ('children' in n) {
        visit(n.children as Nodes[]);
      }
    }
  };
  visit(nodes);
  return b.build();
}

function off(n: Nodes | undefined, which: 'start' | 'end'): number {
  return n?.position?.[which].offset ?? 0;
}

function sectionize(root: Root, textLength: number): Section {
  const top: Section = { depth: 0, content: [], subsections: [], end: textLength };
  const stack: Section[] = [top];
  for (const node of root.children) {
    const closes = closesSection(node);
    if (closes !== undefined) {
      // The end tag of a <details> box or a titled component: what follows is the enclosing section's again.
      while (stack.length > 1 && fromHtml(stack[stack.length - 1]!.heading) && stack[stack.length - 1]!.depth >= closes) stack.pop()!.end = off(node, 'start');
      continue;
    }
    if (node.type === 'heading') {
      // A Markdown heading ends the sections HTML opened (the editor's units start at Markdown headings alone).
      while (stack.length > 1 && (stack[stack.length - 1]!.depth >= node.depth || (!fromHtml(node) && fromHtml(stack[stack.length - 1]!.heading)))) {
        stack.pop()!.end = off(node, 'start');
      }
      const s: Section = { heading: node, depth: node.depth, content: [], subsections: [], end: textLength };
      stack[stack.length - 1]!.subsections.push(s);
      stack.push(s);
    } else {
      stack[stack.length - 1]!.content.push(node);
    }
  }
  return top;
}

/** Content end of a section: the end of its last node (not the blank lines before the next heading). */
function sectionContentEnd(s: Section): number {
  const lastSub = s.subsections[s.subsections.length - 1];
  if (lastSub) return sectionContentEnd(lastSub);
  const last = s.content[s.content.length - 1];
  return last ? off(last, 'end') : off(s.heading, 'end');
}

// `Label:: value` is a wiki's definition syntax for the same thing as `Label: value`.
// An arrow sets a label off as a colon does ("**customer** → gets a slot", "Staff -> books it").
const LABEL_RE =
  /^\s*([^:\r\n\u2013\u2014|\u2192\u21d2\u2794\u279c]{1,60}?)\s*(\([^)\r\n]*\))?\s*(?:::?|\s[\u2013\u2014-]\s|[\u2013\u2014](?=\s)|\s?(?:[\u2192\u21d2\u2794\u279c]|->|=>)(?=\s)|\s[\u2013\u2014-]\s*$|\u2014(?=\p{L})|$)\s*/u;

interface LabelHit {
  kind: LaneKind;
  reading: LaneReading;
  label: string;
  labelSpan: Span;
  contentFrom: number;
  /** Where the content stops when the label comes after it (a trailing tag); else the line goes on to its end. */
  contentEnd?: number;
  style: LabelStyle;
}

// A run-in head as legal and academic prose writes it: an emphasised label ending in a period, after an optional clause
// letter or number ("(a) **Visitor.** Books a berth", "**Harbour staff.** Hands over the code").
const RUN_IN_RE = /^(\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+)?)([^.:\r\n]{1,40})\.\s+/;

function runInHeadAt(ctx: Ctx, t: SourceText, from: number, line: string): LabelHit | undefined {
  const m = RUN_IN_RE.exec(line);
  if (!m) return undefined;
  const labelStart = t.offsets[from + m[1]!.length]!;
  const dot = t.offsets[from + m[1]!.length + m[2]!.length]!;
  // The period sits inside the emphasis, which opens right before the label: "**Visitor.**", "_Staff._".
  if (!/[*_]/.test(ctx.text[labelStart - 1] ?? '') || !/[*_]/.test(ctx.text[dot + 1] ?? '')) return undefined;
  const reading = proseLabel(m[2]!, ctx.table, true);
  if (!reading) return undefined;
  return { kind: reading.kind, reading, label: m[2]!.trim(), labelSpan: { start: labelStart, end: dot }, contentFrom: from + m[0].length, style: 'bold-inside' };
}

/** The bold run (`**...**` or `__...__`) whose text starts at source offset `start`: its text (one line, at most 40
 * characters) and where its closing marker is; undefined when no such run opens there. */
function boldWordAt(ctx: Ctx, start: number): { label: string; close: number } | undefined {
  const marker = ctx.text.slice(start - 2, start);
  if (marker !== '**' && marker !== '__') return undefined;
  const close = ctx.text.indexOf(marker, start);
  const label = close > start ? ctx.text.slice(start, close) : '';
  return label && label.length <= 40 && !/[\r\n]/.test(label) ? { label, close } : undefined;
}

/**
 * A bold lane word opening a line with no separator after it ("**Customer** books a slot", "**Tools** route planner"):
 * the bold sets the label apart as a colon would. Only a lane word or a synonym, not a role ("**Maria** cuts it").
 */
function boldHeadAt(ctx: Ctx, t: SourceText, from: number, line: string, roles: boolean): LabelHit | undefined {
  const lead = line.length - line.trimStart().length;
  const start = t.offsets[from + lead];
  const bold = start === undefined ? undefined : boldWordAt(ctx, start);
  if (!bold || /:/.test(bold.label) || !/^\s+\S/.test(ctx.text.slice(bold.close + 2, bold.close + 4))) return undefined;
  const { label, close } = bold;
  const reading = proseLabel(label, ctx.table, roles);
  if (!reading || reading.kind === 'other' || (reading.basis !== 'synonym' && reading.basis !== 'lane-word')) return undefined;
  const after = t.offsets.findIndex((o, k) => k >= from && o >= close + 2);
  // ("**Juror** is what the juror does": a key defining the label, not a lane)
  if (after < 0 || /^\s*(?:is|are|means|stands\s+for|refers\s+to|=)\s/i.test(t.text.slice(after))) return undefined;
  const contentFrom = after + (t.text.slice(after).length - t.text.slice(after).trimStart().length);
  return { kind: reading.kind, reading, label: label.trim(), labelSpan: { start, end: close }, contentFrom, style: 'bold-outside' };
}

// "[Customer] books online", "(Staff) confirms it": a label in brackets opening a line, text after it.
const BRACKET_HEAD = /^(\s*)[[(]([\p{L}][^\])\r\n]{1,39})[\])][ \t]*:?[ \t]+(?=\S)/u;

/** A lane label in brackets or parentheses opening a line; a lane word or a listed label (not a clause letter, not "(see above)"). */
function bracketLabelAt(ctx: Ctx, t: SourceText, from: number, line: string, roles: boolean): LabelHit | undefined {
  const m = BRACKET_HEAD.exec(line);
  if (!m) return undefined;
  const reading = proseLabel(m[2]!, ctx.table, roles);
  if (!reading || reading.kind === 'other') return undefined;
  const start = t.offsets[from + m[1]!.length + 1]!;
  const end = t.offsets[from + m[1]!.length + m[2]!.length]! + 1;
  return { kind: reading.kind, reading, label: m[2]!.trim(), labelSpan: { start, end }, contentFrom: from + m[0].length, style: 'plain' };
}

/** An icon the lane table names (from a legend or config) opening a line labels it: "👤 Orders a bag". */
function iconLabelAt(ctx: Ctx, t: SourceText, from: number, line: string): LabelHit | undefined {
  const head = iconHead(line);
  const reading = head && readLane(head.icon, ctx.table);
  if (!head || reading?.basis !== 'synonym') return undefined;
  const start = t.offsets[from + head.start]!;
  const labelSpan = { start, end: t.offsets[from + head.start + head.icon.length - 1]! + 1 };
  return { kind: reading.kind, reading, label: head.icon, labelSpan, contentFrom: from + head.contentFrom, style: 'plain' };
}

/** A span styled as a label opening a line labels it, as pandoc keeps Word's styles: "[Office]{custom-style="Lane Label"} Rings". */
function spanLabelAt(ctx: Ctx, t: SourceText, from: number, line: string): LabelHit | undefined {
  const head = labelSpanHead(line);
  const reading = head && readLane(head.label, ctx.table);
  if (!head) return undefined;
  const start = t.offsets[from + head.labelFrom]!;
  const labelSpan = { start, end: t.offsets[from + head.labelFrom + head.label.length - 1]! + 1 };
  // Its style says it is a label: one no lane word names is kept as an `other` lane, not read as prose.
  const r = reading && reading.basis !== 'context' ? reading : UNPLACED;
  return { kind: r.kind, reading: r, label: head.label, labelSpan, contentFrom: from + head.contentFrom, style: 'plain' };
}

/** A lane label at the start of a line of text (bold or plain, colon inside or outside the emphasis, optional gloss). */
function labelAt(ctx: Ctx, t: SourceText, from: number, lineEnd: number, roles = false): LabelHit | undefined {
  // An emoji shortcode before the label is an icon, as Slack and GitHub write one (":dog2: Pup parent: ...").
  const shortcode = SHORTCODE.exec(t.text.slice(from, Math.min(lineEnd, from + 48)));
  if (shortcode) return labelAt(ctx, t, from + shortcode[0].length, lineEnd, roles);
  const line = t.text.slice(from, lineEnd);
  const runIn = runInHeadAt(ctx, t, from, line) ?? iconLabelAt(ctx, t, from, line) ?? spanLabelAt(ctx, t, from, line) ?? bracketLabelAt(ctx, t, from, line, roles);
  if (runIn) return runIn;
  const m = LABEL_RE.exec(line);
  // (a label never runs over a sentence's end: "them how. *Backup:*" is a wrapped lane's tail, then a run-in label)
  if (!m || /[.!?]\s/.test(m[1]!)) return boldHeadAt(ctx, t, from, line, roles);
  const reading = proseLabel(m[1]! + (m[2] ? ` ${m[2]}` : ''), ctx.table, roles);
  if (!reading) return boldHeadAt(ctx, t, from, line, roles);
  const kind = reading.kind;
  // An icon before the label ("⚙️ **Backstage:**") stays outside it: a rename replaces the words, not the icon.
  const icon = ICON.exec(m[1]!)?.[0].length ?? 0;
  const labelStart = t.offsets[from + (m[0].length - m[0].trimStart().length) + icon]!;
  const labelEndIdx = from + m[0].trimEnd().length;
  const sepMissing = !/[:\u2013\u2014\u2192\u21d2\u2794\u279c=>-]/.test(m[0].slice(m[1]!.length + (m[2]?.length ?? 0)));
  const emphasised = ctx.text[labelStart - 1] === '*' || ctx.text[labelStart - 1] === '_' || ctx.html?.bold.has(labelStart) === true;
  // A bare word with no separator is only a label when it is emphasised or alone on its line.
  if (sepMissing && !emphasised && line.trim() !== m[1]!.trim()) return undefined;
  if (sepMissing && line.trim() !== (m[1]! + (m[2] ?? '')).trim()) return undefined;
  // Read by its words, a label needs a separator or emphasis: a wrapped line's last word ("price.") is no label.
  // (a definition's term is set apart by the ": " opening the next line: "Agent" over ": approves it")
  if (sepMissing && !emphasised && reading.basis !== 'synonym' && !/^\r?\n:[ \t]/.test(t.text.slice(lineEnd))) return undefined;
  const labelEnd = (t.offsets[Math.max(from, labelEndIdx - 1)] ?? labelStart) + 1;
  let style: LabelStyle = 'plain';
  if (emphasised) {
    const raw = ctx.text.slice(labelStart, Math.min(ctx.text.length, labelEnd + 4));
    style = /^[^*_]*:\s*[*_]/.test(raw) ? 'bold-inside' : 'bold-outside';
  }
  return {
    kind,
    reading,
    label: m[1]!
      .slice(icon)
      .trim()
      .replace(/(?<=\p{L})\.$/u, ''),
    labelSpan: { start: labelStart, end: labelEnd },
    // (Google Docs writes "**Customer: **books online": the closing stars after the colon close the label, not the text)
    contentFrom: from + m[0].length + (/^(?:\*\*|__)/.test(line.slice(m[0].length)) && /^\s*(?:\*\*|__)/.test(m[1]!) ? 2 : 0),
    style,
  };
}

const SHORTCODE = /^[ \t]*:[a-z0-9_+-]{1,40}:[ \t]+(?=\S)/;

/** Symbols before a label's first letter or digit (an emoji icon, a bullet), as normaliseLabel drops them. */
const ICON = /^[^\p{L}\p{N}(#*_]+(?=[\p{L}\p{N}*_])/u;

/**
 * A label written in running text (a list item, a paragraph line, a sub-heading): listed labels, lane words, a role with
 * a word of doing, a system; a bare role ("Agent:") is a line of dialogue there, and a non-lane word needs a short label.
 */
function proseLabel(label: string, table: LaneTable, roles = false): LaneReading | undefined {
  const r = readLane(label, table);
  if (!r || (r.basis === 'role' && !roles) || r.basis === 'context') return undefined;
  if (r.basis === 'other-word' && label.trim().split(/\s+/).length > 3) return undefined;
  return r;
}

function makeLane(reading: LaneReading, label: string, labelSpan: Span, content: SourceText, fallbackAt: number): Lane {
  const c = trimText(content);
  const start = c.text.length ? c.offsets[0]! : fallbackAt;
  const end = c.text.length ? c.offsets[c.text.length - 1]! + 1 : fallbackAt;
  const lane: Lane = { kind: reading.kind, label, labelSpan, content: c, contentSpan: { start, end }, placeholder: isPlaceholder(c.text) };
  if (reading.basis !== 'synonym') lane.basis = reading.basis;
  if (reading.gainOnly) lane.gainOnly = true;
  return lane;
}

const UNPLACED: LaneReading = { kind: 'other', basis: 'unplaced', words: '' };

/** Lanes written as lines of one paragraph ("Customer: ...\nBackstage: ..."); undefined when it does not start with a label. */
function lanesOfParagraph(ctx: Ctx, p: Paragraph, indent: string, from = 0): FoundLane[] | undefined {
  const lanes = paragraphLanes(ctx, p, indent, from, false);
  // Labels on several lines or run in may be bare roles ("**Buyer:** ... **Staff:** ... **Behind the scenes:** ..."):
  // lanes when they are no dialogue ("Fitter (visible)" or a lane word among them).
  const t = inlineText(ctx, p.children, off(p, 'start'));
  // One line whose label carries a gloss ("Fitter (visible): ...") is a lane too: a speaker has no gloss.
  const glossedLine = !lanes && /^[^:\r\n]{1,60}\([^)\r\n]*\)\s*:/.test(t.text.slice(from));
  // Read again with roles only where a role could hide: a line swallowed by a lane's text, a run-in label, a first line
  // the first reading did not take.
  const swallowed = lanes ? lanes.some((l) => /[\r\n]/.test(l.lane.content.text)) : /\n/.test(t.text.slice(from));
  const withRoles = runInLabels(p, t).length || glossedLine || swallowed ? paragraphLanes(ctx, p, indent, from, true) : undefined;
  const rolesRead = withRoles && notDialogue(ctx, withRoles) && (glossedLine || new Set(withRoles.map((l) => l.lane.kind)).size >= 2) ? withRoles : undefined;
  // A role line the first reading left inside another lane's text is a lane of its own.
  return rolesRead && rolesRead.length > (lanes?.length ?? 0) ? rolesRead : lanes;
}

/**
 * A paragraph of sentences whose subjects are set in bold as lanes ("The **patient** books online. **Reception**
 * confirms the slot."): each such sentence, and the sentences after it up to the next, is that lane's text. Only a
 * bold word at a sentence's start (after "The", "Our" or "A"), and only lanes of two kinds or more.
 */
function subjectLanes(ctx: Ctx, p: Paragraph): FoundLane[] | undefined {
  if (!p.children.some((n) => n.type === 'strong')) return undefined;
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const found: Array<{ reading: LaneReading; label: string; labelSpan: Span; from: number; sentence: number }> = [];
  for (const m of t.text.matchAll(/(?:^|[.!?]\s+)((?:the|our|a|an)\s+)?/gi)) {
    const at = m.index! + m[0].length;
    const start = t.offsets[at];
    const bold = start === undefined ? undefined : boldWordAt(ctx, start);
    if (!bold || /[:.]/.test(bold.label)) continue;
    const { label, close } = bold;
    const reading = proseLabel(label, ctx.table, true);
    if (!reading || reading.kind === 'other') continue;
    const after = t.offsets.findIndex((o) => o >= close + 2);
    if (after < 0) continue;
    found.push({ reading, label, labelSpan: { start, end: close }, from: after, sentence: at - (m[1]?.length ?? 0) });
  }
  if (found.length < 2 || new Set(found.map((f) => f.reading.kind)).size < 2) return undefined;
  return found.map((f, k) => {
    const to = k + 1 < found.length ? found[k + 1]!.sentence : t.text.length;
    const content = trimText(sliceText(t, f.from, Math.max(f.from, to)));
    return { lane: makeLane(f.reading, f.label, f.labelSpan, content, f.labelSpan.end), form: { form: 'paragraph', end: off(p, 'end'), style: 'bold-outside', indent: '' } };
  });
}

/**
 * Labelled lines that are lanes, not a dialogue: a lane word that is no role stands among them, a role carries a gloss,
 * or no line is said aloud (a question, a quote, a greeting or answer, "I ..." or "My ..."): "Customer: collects the bike.
 * Staff: adjusts the saddle." says who does what.
 */
function notDialogue(ctx: Ctx, lanes: readonly FoundLane[]): boolean {
  const glossed = (l: Lane) => /\(/.test(ctx.text.slice(l.labelSpan.start, l.labelSpan.end));
  if (lanes.some(({ lane }) => (lane.basis !== 'role' && lane.kind !== 'customer') || (lane.basis === 'role' && glossed(lane)))) return true;
  return lanes.length >= 2 && !lanes.some(({ lane }) => SPOKEN.test(lane.content.text));
}

// A line said aloud: a question, a quote, a greeting or an answer, or a speaker's "I" or "My" opening a sentence.
const SPOKEN =
  /\?|^\s*["\u201c'\u2018]|^\s*(?:yes|no|yeah|yep|nope|sure|ok|okay|hello|hi|hey|good (?:morning|afternoon|evening)|thanks|thank you|sorry|please|here you (?:go|are)|of course|certainly|great|right)\b|(?:^|[.!?]\s+)(?:I|I['\u2019](?:m|d|ll|ve)|My|We['\u2019](?:re|ll|ve))\b/i;

function paragraphLanes(ctx: Ctx, p: Paragraph, indent: string, from: number, roles: boolean): FoundLane[] | undefined {
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const found: FoundLane[] = [];
  let lineStart = from;
  const runIns = runInLabels(p, t);
  let current: { hit: LabelHit; from: number } | undefined;
  const close = (to: number) => {
    if (!current) return;
    // A definition list ("Member" over ": Joins online") marks the term's content with ": " on the next line.
    const marker = /^\s*:[ \t]/.exec(t.text.slice(current.hit.contentFrom, to));
    const content = sliceText(t, current.hit.contentFrom + (marker ? marker[0].length : 0), to);
    found.push({
      lane: makeLane(current.hit.reading, current.hit.label, current.hit.labelSpan, content, current.hit.labelSpan.end),
      form: { form: 'paragraph', end: off(p, 'end'), style: current.hit.style, indent },
    });
  };
  const breaks = /\r\n|\r|\n/g;
  while (lineStart <= t.text.length) {
    breaks.lastIndex = lineStart;
    const br = breaks.exec(t.text);
    const lineEnd = br ? br.index : t.text.length;
    // (a definition's ": " marker before a label is no part of it: "Ordering" over ": Customer: hands over a key")
    const marker = /^:[ \t]+/.exec(t.text.slice(lineStart, lineEnd))?.[0].length ?? 0;
    const hit = labelAt(ctx, t, lineStart + marker, lineEnd, roles);
    if (hit) {
      close(lineStart);
      current = { hit, from: lineStart };
    } else if (!current) {
      return undefined;
    }
    // Bold labels further on the line start lanes of their own: "**Buyer:** ... **Staff:** ... **Systems:** ..."
    for (const at of runIns) {
      // A bold label after an icon ("💡 **Customer:**") is the line's own label, already read, not a second one.
      if (at <= lineStart || at >= lineEnd || (current && at < current.hit.contentFrom)) continue;
      const next = labelAt(ctx, t, at, lineEnd, roles);
      if (!next || next.style === 'plain') continue;
      close(at);
      current = { hit: next, from: at };
    }
    lineStart = br ? br.index + br[0].length : t.text.length + 1;
  }
  close(t.text.length);
  return found.length ? found : undefined;
}

/** Where in the paragraph's text a bold label ending in a colon starts ("**Staff:**", "**Staff**:"), in order. */
function runInLabels(p: Paragraph, t: SourceText): number[] {
  const out: number[] = [];
  p.children.forEach((n, k) => {
    // (italic labels run in as bold ones do: "... so you're not ringing round. *Backup:* Travelink ...")
    if ((n.type !== 'strong' && n.type !== 'emphasis') || k === 0) return;
    const inner = n.children.map((c) => ('value' in c ? c.value : '')).join('');
    const after = p.children[k + 1];
    if (!/:\s*$/.test(inner) && !(after?.type === 'text' && after.value.startsWith(':'))) return;
    const at = off(n, 'start');
    let lo = 0;
    let hi = t.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.offsets[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    out.push(lo);
  });
  return out;
}

/**
 * The lanes of a titled paragraph's lines from `from`, when they are of two kinds at least (a title over lanes of one
 * kind is a topic, not a step); `known` counts only lanes a word names, not unplaced ones.
 */
function titledLanes(ctx: Ctx, p: Paragraph, from: number, known = false): FoundLane[] | undefined {
  const lanes = lanesOfParagraph(ctx, p, '', from);
  const kinds = new Set(lanes?.map((l) => l.lane.kind).filter((k) => !known || k !== 'other'));
  return lanes && kinds.size >= 2 ? lanes : undefined;
}

/** The index in the paragraph's text just after a bold first line ("**Enquiry**" then a line break), or -1. */
function boldFirstLine(p: Paragraph, t: SourceText): number {
  const [first, second] = p.children;
  // (a chat's bold is Markdown's emphasis: "*1. Booking*" over its lane lines)
  if ((first?.type !== 'strong' && first?.type !== 'emphasis') || !(second?.type === 'break' || (second?.type === 'text' && /^[ \t]*\r?\n/.test(second.value)))) return -1;
  const nl = t.text.search(/\r?\n/);
  return nl < 0 ? -1 : nl + (t.text[nl] === '\r' ? 2 : 1);
}

/**
 * A paragraph whose bold first line titles the lane lines under it ("**Enquiry**" then "Student: ...", hard line breaks
 * as word processors export them): a step of its own, like a bold line over a lane list.
 */
function boldParagraphStep(ctx: Ctx, p: Paragraph, group: string | undefined): RawStep | undefined {
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const from = boldFirstLine(p, t);
  if (from < 0) return undefined;
  const title = boldTitle(ctx, p.children[0] as Strong | Emphasis);
  if (!title) return undefined;
  const lanes = titledLanes(ctx, p, from);
  return lanes && boldStep(ctx, p, title, lanes, [], off(p, 'end'), group);
}

/** A paragraph whose plain first line titles the lane lines under it, as whiteboard exports write a card (below). */
function plainTitleStep(ctx: Ctx, p: Paragraph, group: string | undefined): RawStep | undefined {
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const title = p.children[0]?.type === 'text' ? plainTitleLine(ctx, t) : undefined;
  if (!title) return undefined;
  const lanes = titledLanes(ctx, p, t.text.search(/\r?\n/) + 1, true);
  return lanes && boldStep(ctx, p, title, lanes, [], off(p, 'end'), group);
}

/**
 * A plain first line that can title the lane lines under it, as whiteboard and sticky-note exports write a card ("AIRPORT
 * PICKUP" then "Family: met at arrivals"): short, no label, no sentence.
 */
function plainTitleLine(ctx: Ctx, t: SourceText): { title: string; span: Span } | undefined {
  const nl = t.text.search(/\r?\n/);
  if (nl <= 0) return undefined;
  // (a numbered step word before the title is no label: "Step 1: The enquiry")
  const numbered = /^\s*(?:step|stage|phase|part)\s*\d{1,2}\s*[:.)\u2013\u2014-]\s*/i.exec(t.text.slice(0, nl));
  const line = t.text.slice(numbered?.[0].length ?? 0, nl).trim();
  if (!hasLetters(line) || line.length > 60 || line.split(/\s+/).length > 8 || /[:.!?;,]$|:\s/.test(line) || proseLabel(line, ctx.table)) return undefined;
  const lead = t.text.indexOf(line);
  const title = normaliseTitle(line);
  return title ? { title, span: spanOfText(sliceText(t, lead, lead + line.length), 0) } : undefined;
}

/**
 * A paragraph opened by a bold title and a full stop or colon, its lanes run in after it ("**Price match**. *They:* show
 * you a cheaper price. *You:* match it."): one step per paragraph, as prose.
 */
function runInTitleStep(ctx: Ctx, p: Paragraph, group: string | undefined): RawStep | undefined {
  const [first, second] = p.children;
  if (first?.type !== 'strong' || second?.type !== 'text' || !/^[.:]?[ \t]+(?:\S|$)/.test(second.value)) return undefined;
  const title = boldTitle(ctx, first);
  if (!title) return undefined;
  const from = runInFrom(ctx, p);
  if (from < 0) return undefined;
  const lanes = titledLanes(ctx, p, from);
  return lanes && { ...boldStep(ctx, p, title, lanes, [], off(p, 'end'), group), shape: 'prose' };
}

/** Where the lanes of a run-in titled paragraph start: after "**Title**. " (or -1). */
function runInFrom(ctx: Ctx, p: Paragraph): number {
  const second = p.children[1];
  if (second?.type !== 'text') return -1;
  const t = inlineText(ctx, p.children, off(p, 'start'));
  return t.offsets.findIndex((o) => o >= off(second, 'start') + (/^[.:]?[ \t]+/.exec(second.value)?.[0].length ?? 0));
}

/** The end of a definition list's term line (its first line, followed by a ": " definition), or -1. */
function termEnd(t: SourceText): number {
  const nl = t.text.search(/\r?\n/);
  // (a definition's lines after its first may wrap without a marker: ":   *Customer:* arrives ..." then "    with it")
  return nl > 0 && /^\r?\n:[ \t]+/.test(t.text.slice(nl)) ? nl : -1;
}

/** Where the lanes of a titled paragraph start (a bold first line, a definition's term, a run-in title). */
function titledLanesFrom(ctx: Ctx, p: Paragraph): number {
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const bold = boldFirstLine(p, t);
  if (bold >= 0) return bold;
  const nl = termEnd(t);
  return nl >= 0 ? nl + (t.text[nl] === '\r' ? 2 : 1) : Math.max(0, runInFrom(ctx, p));
}

/**
 * A definition list whose term titles the lane lines defined under it ("Ordering" over ": Customer: ..." and
 * ": Counter: ..."), as Markdown extensions write one: a step of its own, like a bold line over lane lines.
 */
function termParagraphStep(ctx: Ctx, p: Paragraph, group: string | undefined): RawStep | undefined {
  const t = inlineText(ctx, p.children, off(p, 'start'));
  const nl = termEnd(t);
  if (nl < 0) return undefined;
  const term = trimText(sliceText(t, 0, nl));
  const title = normaliseTitle(term.text);
  if (!title || title.includes(':') || title.split(/\s+/).length > 8 || proseLabel(term.text, ctx.table)) return undefined;
  const lanes = titledLanes(ctx, p, nl + (t.text[nl] === '\r' ? 2 : 1));
  // (a definition list is a list: its terms are list-shaped steps)
  return lanes && { ...boldStep(ctx, p, { title, span: spanOfText(term, off(p, 'start')) }, lanes, [], off(p, 'end'), group), shape: 'list' };
}

/** The title a bold line gives the lanes under it; undefined for an empty line or a lane label of its own ("**Systems:**"). */
function boldTitle(ctx: Ctx, strong: Strong | Emphasis): { title: string; span: Span } | undefined {
  const titleText = trimText(inlineText(ctx, strong.children, off(strong, 'start')));
  const title = normaliseTitle(titleText.text.replace(/[:.]\s*$/, ''));
  // (a numbered title is a step's, whatever its words: lanes are not numbered, "4. Rush jobs")
  return !title || (!STEP_NUMBER.test(titleText.text) && proseLabel(titleText.text, ctx.table)) ? undefined : { title, span: spanOfText(titleText, off(strong, 'start')) };
}

/** A heading-shaped step titled by a bold line at the start of `p`, its lanes ending at `end`. */
function boldStep(ctx: Ctx, p: Paragraph, title: { title: string; span: Span }, lanes: FoundLane[], prose: SourceText[], end: number, group: string | undefined): RawStep {
  return {
    title: title.title,
    titleSpan: title.span,
    span: { start: off(p, 'start'), end },
    shape: 'heading',
    lanes: lanes.map((l) => l.lane),
    prose,
    group,
    insertion: afterLane(ctx, lanes[lanes.length - 1], { at: end, indent: '' }),
    disableSite: commentLineBefore(ctx, off(p, 'start')),
  };
}

function startsWithLabel(ctx: Ctx, item: ListItem): boolean {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return false;
  const t = inlineText(ctx, first.children, off(first, 'start'));
  const nl = t.text.search(/[\r\n]/);
  return labelAt(ctx, t, 0, nl < 0 ? t.text.length : nl) !== undefined;
}

/**
 * A sticky note's lane given by a trailing tag, as whiteboard exports write it ("- Books the room online #guest"): the
 * tag is the label and the words before it the content.
 */
const STICKY_COLOUR = /^(?:[\p{Extended_Pictographic}\p{So}][\uFE0F\u200D]*\s*)+/u;

function tagAt(ctx: Ctx, t: SourceText, lineEnd: number): LabelHit | undefined {
  const line = t.text.slice(0, lineEnd);
  const m = /\s#([\p{L}][\p{L}\p{N}_-]{0,30})\s*$/u.exec(line);
  if (!m || !line.slice(0, m.index).trim()) return undefined;
  const reading = proseLabel(m[1]!.replace(/[_-]+/g, ' '), ctx.table, true);
  if (!reading) return undefined;
  const at = m.index + m[0].indexOf('#');
  const labelStart = t.offsets[at + 1]!;
  const labelEnd = t.offsets[at + m[1]!.length]! + 1;
  // A sticky's colour, exported as an emoji before its text ("🟦 ?"), is no part of what it says.
  const colour = STICKY_COLOUR.exec(line)?.[0].length ?? 0;
  return { kind: reading.kind, reading, label: m[1]!, labelSpan: { start: labelStart, end: labelEnd }, contentFrom: colour, contentEnd: m.index, style: 'plain' };
}

/**
 * A lane named after a dash at the end of an item ("- Confirms the slot by text — front desk"): the words after the dash
 * are the label when they name a lane, the words before it the content.
 */
function dashTagAt(ctx: Ctx, t: SourceText): LabelHit | undefined {
  const text = t.text.replace(/\s+$/, '');
  const m = /\s[\u2013\u2014]\s+([\p{L}][\p{L}'’&/ -]{0,40}?)[.;]?$/u.exec(text);
  if (!m || m[1]!.split(/\s+/).length > 4 || !text.slice(0, m.index).trim()) return undefined;
  const reading = proseLabel(m[1]!, ctx.table, true);
  if (!reading || reading.kind === 'other') return undefined;
  const at = m.index + m[0].indexOf(m[1]!);
  const labelSpan = { start: t.offsets[at]!, end: t.offsets[at + m[1]!.length - 1]! + 1 };
  return { kind: reading.kind, reading, label: m[1]!, labelSpan, contentFrom: 0, contentEnd: m.index, style: 'plain' };
}

/**
 * An outliner block's property that names its lane (Logseq `lane:: customer`, `swimlane:: [[Support]]` on a line of
 * the block): the block's text before the property line is the lane's content.
 */
function propertyAt(ctx: Ctx, t: SourceText): LabelHit | undefined {
  const m = /(^|\n)[ \t]*(?:lane|swimlane|layer)::[ \t]*(?:\[\[)?([^\]\r\n]{1,40}?)(?:\]\])?[ \t]*(?:\r?\n|$)/i.exec(t.text);
  if (!m || !m[1] || !t.text.slice(0, m.index).trim()) return undefined;
  const reading = proseLabel(m[2]!, ctx.table, true);
  if (!reading) return undefined;
  const at = m.index + m[0].indexOf(m[2]!, m[1].length);
  const labelSpan = { start: t.offsets[at]!, end: t.offsets[at + m[2]!.length - 1]! + 1 };
  return { kind: reading.kind, reading, label: m[2]!, labelSpan, contentFrom: 0, contentEnd: m.index, style: 'plain' };
}

/** A list item that is a lane: its first paragraph starts with a label; nested content belongs to the lane. */
function laneOfItem(ctx: Ctx, item: ListItem, list: List, roles = false): FoundLane | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const t = inlineText(ctx, first.children, off(first, 'start'));
  const nl = t.text.search(/[\r\n]/);
  const hit = labelAt(ctx, t, 0, nl < 0 ? t.text.length : nl, roles) ?? tagAt(ctx, t, nl < 0 ? t.text.length : nl) ?? dashTagAt(ctx, t) ?? propertyAt(ctx, t);
  if (!hit) return undefined;
  // An item over lane-labelled sub-items is a step ("- Priority customers: ..." over "- Customer: ..."), not a lane.
  if (hit.reading.basis !== 'synonym' && item.children.some((c) => c.type === 'list' && c.children.some((sub) => startsWithLabel(ctx, sub)))) return undefined;
  const b = new TextBuilder(ctx.text, off(first, 'start'));
  b.appendText(hit.contentEnd === undefined ? sliceText(t, hit.contentFrom) : trimText(sliceText(t, hit.contentFrom, hit.contentEnd)));
  const rest = blockText(ctx, item.children.slice(1), off(first, 'end'));
  if (rest.text.length) {
    b.appendSynthetic('\n', off(first, 'end'));
    b.appendText(rest);
  }
  return {
    lane: makeLane(hit.reading, hit.label, hit.labelSpan, b.build(), hit.labelSpan.end),
    form: { form: 'item', start: off(item, 'start'), end: off(item, 'end'), spread: Boolean(list.spread), style: hit.style },
  };
}

function cellText(ctx: Ctx, cell: TableCell | undefined): SourceText {
  if (!cell) return emptyText(0);
  return trimText(inlineText(ctx, cell.children, off(cell, 'start')));
}

function cellContentSpan(ctx: Ctx, cell: TableCell): Span {
  const t = cellText(ctx, cell);
  if (t.text.length) return { start: t.offsets[0]!, end: t.offsets[t.text.length - 1]! + 1 };
  // Empty cell: the space between its pipes.
  const s = off(cell, 'start');
  const e = off(cell, 'end');
  const raw = ctx.text.slice(s, e);
  const inner = raw.replace(/^\|/, '').replace(/\|$/, '');
  const at = s + (raw.startsWith('|') ? 1 : 0) + Math.min(1, inner.length);
  return { start: at, end: at };
}

function indentOf(ctx: Ctx, offset: number): string {
  const pos = ctx.lines.position(offset);
  const lineStart = ctx.lines.lineStart(pos.line);
  return ctx.text.slice(lineStart, offset).replace(/[^\t]/g, ' ');
}

/** Where a lane goes after the last lane of a step, in the same form as that lane. */
function afterLane(ctx: Ctx, last: FoundLane | undefined, fallback: { at: number; indent: string }): LaneSite {
  const eol = ctx.eol;
  if (!last) return { form: 'line', at: fallback.at, lead: `${eol}${eol}${fallback.indent}`, style: 'bold-inside', sep: ' ' };
  const f = last.form;
  if (f.form === 'item') {
    const indent = indentOf(ctx, f.start);
    const raw = ctx.text.slice(f.start, f.start + 12);
    const marker = /^(\d+)([.)])/.exec(raw);
    const bullet = marker ? `${Number(marker[1]) + 1}${marker[2]}` : (nextLetterMarker(raw) ?? raw[0] ?? '-');
    const gap = f.spread ? eol + eol : eol;
    return { form: 'line', at: f.end, lead: `${gap}${indent}${bullet} `, style: f.style, sep: ' ' };
  }
  if (f.form === 'paragraph') return { form: 'line', at: f.end, lead: `${eol}${eol}${f.indent}`, style: f.style, sep: ' ' };
  if (f.form === 'heading') return { form: 'line', at: f.sectionEnd, lead: `${eol}${eol}${'#'.repeat(f.depth)} `, style: 'heading', sep: `${eol}${eol}` };
  if (f.form === 'box') {
    const own = (s: string) => s.replace(/\n/g, eol);
    return { form: 'line', at: f.end, lead: `${eol}${eol}${own(f.sibling.before)}`, style: 'heading', sep: own(f.sibling.between), tail: own(f.sibling.after) };
  }
  return { form: 'line', at: fallback.at, lead: `${eol}${eol}`, style: 'bold-inside', sep: ' ' };
}

function commentLineBefore(ctx: Ctx, offset: number): DisableSite {
  const pos = ctx.lines.position(offset);
  // A byte order mark stays the first character of the file.
  const lineStart = ctx.lines.lineStart(pos.line) === 0 && ctx.text.charCodeAt(0) === 0xfeff ? 1 : ctx.lines.lineStart(pos.line);
  const indent = ctx.text.slice(lineStart, offset).replace(/[^\s]/g, '');
  return { form: 'line-before', at: lineStart, indent, eol: ctx.eol };
}

function commentInCell(ctx: Ctx, cell: TableCell): DisableSite {
  return { form: 'in-cell', at: cellContentSpan(ctx, cell).end };
}

/** The span a fix fills in an empty (or placeholder) cell: its text, or the place between its pipes. */
function fillSpan(ctx: Ctx, cell: TableCell, text: SourceText): Span | null {
  if (!isPlaceholder(text.text)) return null;
  const span = cellContentSpan(ctx, cell);
  return text.text.length ? span : { start: span.start, end: span.start };
}

interface Scan {
  lanes: FoundLane[];
  prose: SourceText[];
  steps: RawStep[];
  /** How many prose entries are rows of tables that hold no lanes. */
  tableRows: number;
  /** Rows of a table keyed by step names that is no steps table of its own ("| Stop | What the crew have |"). */
  keyed?: RawStep[];
}

function proseOf(ctx: Ctx, node: Nodes): SourceText | undefined {
  const t = trimText(blockText(ctx, [node], off(node, 'start')));
  return t.text.length ? t : undefined;
}

/** An Org mode drawer exported as text (`:PROPERTIES:` ... `:END:`): the heading's metadata, not what happens. */
function isDrawer(ctx: Ctx, p: Paragraph): boolean {
  return ctx.text.charCodeAt(off(p, 'start')) === 58 /* : */ && /^:[A-Z_]+:[ \t]*\r?\n[^]*?\n:END:[ \t]*$/i.test(ctx.text.slice(off(p, 'start'), off(p, 'end')));
}

/** A line of links and separators only ("[← Back](../README.md) | [Next →](next.md)"): it points to other pages, says nothing. */
function isNavigation(p: Paragraph): boolean {
  let links = 0;
  for (const c of p.children) {
    if (c.type === 'link' || c.type === 'linkReference') links++;
    else if (c.type !== 'break' && !(c.type === 'text' && /^[\s|·•/,>–—-]*$/u.test(c.value))) return false;
  }
  return links > 0;
}

/**
 * A step of a plain-text table: no fix may write inside its fixed-width columns, and a lane's span ends with its first
 * line (further lines of a cell sit beside the other columns' text).
 */
function fixedWidthStep(ctx: Ctx, st: RawStep): void {
  st.insertion = { form: 'none' };
  for (const lane of st.lanes) {
    const lineEnd = ctx.lines.lineEnd(ctx.lines.position(lane.contentSpan.start).line);
    if (lane.contentSpan.end <= lineEnd) continue;
    let end = lane.contentSpan.start;
    for (const o of lane.content.offsets) if (o < lineEnd && o >= end && !/\s/.test(ctx.text[o]!)) end = o + 1;
    lane.contentSpan = { start: lane.contentSpan.start, end };
  }
}

/** Scans the direct content of a section: lanes, prose, and list or table steps. */
/** `group` is the section's own title as a group; `parentGroup` the group the section itself sits in. */
function scanContent(ctx: Ctx, nodes: readonly RootContent[], heading: Heading | undefined, group: string | undefined, parentGroup?: string): Scan {
  const scan: Scan = { lanes: [], prose: [], steps: [], tableRows: 0 };
  // Bold lines titling lane lists are steps when there are several of them, or no heading above to title one.
  const boldSteps = new Map<number, { step: RawStep; taken: number }>();
  for (let i = 0; i + 1 < nodes.length; i++) {
    const node = nodes[i]!;
    const next = nodes[i + 1]!;
    // A numbered item that is only a bold title over a bullet list of lanes ("1. *Booking*" then "- Customer: ..."), as a
    // chat or a plain-text paste writes it: the list after it is that step's lanes.
    const titleItem = node.type === 'list' && node.ordered && node.children.length === 1 && node.children[0]!.children.length === 1 ? node.children[0]!.children[0] : undefined;
    if (titleItem?.type === 'paragraph' && next.type === 'list' && !next.ordered) {
      const step = boldTitleStep(ctx, titleItem, next, group);
      if (step) boldSteps.set(i, { step: { ...step, shape: 'list' }, taken: 1 });
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const step = next.type === 'list' ? boldTitleStep(ctx, node, next, group) : undefined;
    const found = step ? { step, taken: 1 } : next.type === 'paragraph' ? boldOverParagraphs(ctx, nodes, i, group) : undefined;
    if (found) boldSteps.set(i, found);
  }
  const paragraphSteps = new Map<number, RawStep>();
  nodes.forEach((node, i) => {
    const step =
      node.type === 'paragraph' && !boldSteps.has(i)
        ? (boldParagraphStep(ctx, node, group) ?? termParagraphStep(ctx, node, group) ?? runInTitleStep(ctx, node, group) ?? plainTitleStep(ctx, node, group))
        : undefined;
    if (step) paragraphSteps.set(i, step);
  });
  if (heading && boldSteps.size < 2) boldSteps.clear();
  const boxes = new Map(findContainers(ctx.text, nodes).map((c) => [c.from, c]));
  const boxSteps: Array<{ step: RawStep; lanes: FoundLane[] }> = [];
  // Paragraphs opening with a bold label that named no lane: a role there ("**Family:** ...") is read below.
  const boldProse: Array<{ node: Paragraph; prose: SourceText }> = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const box = boxes.get(i);
    if (box) {
      scanBox(ctx, box, scan, boxSteps, heading, group, parentGroup);
      i = box.to - 1;
      continue;
    }
    // (a bold title over its lanes, on a paragraph or a numbered title item, and the nodes it took)
    const bold = boldSteps.get(i);
    if (bold) {
      scan.steps.push(bold.step);
      i += bold.taken;
      continue;
    }
    if (node.type === 'paragraph') {
      const next = nodes[i + 1];
      const titled = paragraphSteps.get(i);
      // Several bold-titled paragraphs are several steps; a single one under a heading gives the heading its lanes.
      if (titled && (paragraphSteps.size > 1 || !heading)) {
        scan.steps.push(titled);
        continue;
      }
      // A component named by its label (`<Lane name="Stylist">`) says it is a lane: a role names one there, as a box's title does.
      const named = labelledBlock(node) ? paragraphLanes(ctx, node, '', 0, true) : undefined;
      const lanes = named ?? lanesOfParagraph(ctx, node, '', titled ? titledLanesFrom(ctx, node) : 0) ?? subjectLanes(ctx, node);
      if (lanes && next?.type === 'list' && listUnderLabel(ctx, lanes, next)) i++;
      else if (lanes && next?.type === 'table' && !tableSteps(ctx, next, heading, group, false, parentGroup) && tableUnderLabel(ctx, lanes, next)) i++;
      if (lanes) scan.lanes.push(...lanes);
      else if (!isNavigation(node) && !isDrawer(ctx, node)) {
        const p = proseOf(ctx, node);
        if (p) {
          scan.prose.push(p);
          // (Google Docs' "**Family: **..." is bold the parser cannot close: the same label, written as bold)
          // (so may a plain role label before a colon or over a definition: "Agent: approves it", "Finance\n: releases it")
          if (
            node.children[0]?.type === 'strong' ||
            (node.children[0]?.type === 'text' && /^(?:\*\*|__)[^*_\r\n]{1,40}:\s*(?:\*\*|__)/.test(node.children[0].value)) ||
            /^[\p{L}][^:\r\n]{0,39}(?::[ \t]|\r?\n:[ \t]|[ \t][\u2013\u2014-][ \t]*\r?\n)/u.test(p.text)
          )
            boldProse.push({ node, prose: p });
        }
      }
    } else if (node.type === 'list') {
      // A list a sentence introduces as the lanes ("The lanes she uses are:") defines them; it is a key, not a step's lanes.
      const intro = nodes[i - 1];
      if (intro?.type === 'paragraph' && KEY_INTRO.test(proseOf(ctx, intro)?.text ?? '') && !node.children.some((item) => listStep(ctx, item, group))) {
        const p = proseOf(ctx, node);
        if (p) scan.prose.push(p);
      } else {
        const outline = laneOutlineSteps(ctx, node, group);
        if (outline) scan.steps.push(...outline);
        else scanList(ctx, node, scan, group);
      }
    } else if (node.type === 'table') {
      const steps = tableSteps(ctx, node, heading, group, false, parentGroup);
      if (steps && (node.data as Record<string, unknown> | undefined)?.[FIXED_WIDTH]) for (const st of steps) fixedWidthStep(ctx, st);
      // A table another markup draws a cell at a time takes no new row or column; its cells are edited in place.
      if (steps && (node.data as Record<string, unknown> | undefined)?.[CELLS_IN_PLACE]) for (const st of steps) st.insertion = { form: 'none', inPlace: true };
      if (steps) scan.steps.push(...steps);
      // A table that holds no lanes is part of the section's text, a row a line ("| 5 | Offer compensation |").
      else {
        // ...and may add its lane columns to the steps its rows name (below, in collect)
        const readings = laneReadings(ctx, node.children[0]?.children ?? []);
        if (readings.slice(1).some((r) => r && r.kind !== 'other')) (scan.keyed ??= []).push(...stepsAsRows(ctx, node, readings, group, false));
        for (const row of node.children.slice(1)) {
          const p = proseOf(ctx, row);
          if (p) {
            scan.prose.push(p);
            scan.tableRows++;
          }
        }
      }
    } else if (node.type === 'html' && /<table/i.test(node.value)) {
      // An HTML <table> has the grid semantics of a Markdown one (spec section 4, layouts seen in real documents).
      for (const t of htmlNodeTables(node, ctx.text, { spans: 'empty' })) {
        const steps = tableSteps(ctx, t, heading, group, true, parentGroup);
        if (steps) scan.steps.push(...steps);
      }
    } else if (node.type === 'blockquote') {
      const inner = scanContent(ctx, node.children, heading, group, parentGroup);
      scan.lanes.push(...inner.lanes);
      scan.prose.push(...inner.prose);
      scan.steps.push(...inner.steps);
      scan.tableRows += inner.tableRows;
    }
  }
  // Bold role labels beside lanes a lane word names ("**Family:**", "**Arranger:**" with "**Support:**") are lanes too;
  // so are role labels beside the customer's lane where no line is said aloud (no dialogue).
  if (boldProse.length && scan.lanes.some((l) => l.lane.kind !== 'other')) {
    const read = boldProse
      .map(({ node, prose }) => ({ prose, roles: paragraphLanes(ctx, node, '', 0, true), node }))
      .filter((r): r is { prose: SourceText; roles: FoundLane[]; node: Paragraph } => !!r.roles && r.roles[0]!.lane.labelSpan.start <= off(r.node.children[0], 'end'));
    if (read.length && notDialogue(ctx, [...scan.lanes, ...read.flatMap((r) => r.roles)])) {
      for (const { prose, roles } of read) {
        scan.lanes.push(...roles);
        scan.prose.splice(scan.prose.indexOf(prose), 1);
      }
      scan.lanes.sort((a, b) => a.lane.labelSpan.start - b.lane.labelSpan.start);
    }
  }
  // Bold lines over prose, with no lanes anywhere in the content, are the steps of a document written as talk.
  if (!scan.steps.length && !scan.lanes.some((l) => l.lane.kind !== 'other') && !isMetaTitle(group ?? '')) {
    const outline = boldOutlineSteps(ctx, nodes, group);
    if (outline) return { ...scan, steps: outline.map((st) => ({ ...st, sectionGroup: parentGroup ?? '' })) };
  }
  // Several titled boxes are several steps; a single one under a heading gives the heading its lanes.
  // One titled box of lanes under a heading with no lanes of its own is that heading's step, written in a box.
  if (heading && boxSteps.length === 1 && !scan.lanes.some((l) => l.lane.kind !== 'other')) scan.lanes.push(...boxSteps[0]!.lanes);
  else scan.steps.push(...boxSteps.map((b) => b.step));
  for (const st of scan.steps) st.sectionGroup ??= parentGroup ?? '';
  return scan;
}

// A step number before a bold line: a keycap emoji ("1\uFE0F\u20E3", "\u{1F51F}"), "3.", "3)" or "Step 3:".
const OUTLINE_NUMBER = /^[ \t]*(?:(?:[0-9#*]\uFE0F?\u20E3)+|\u{1F51F}|\d{1,2}[.):]|step[ \t]+\d{1,2}[.:)]?)[ \t]*$/iu;

/** The title of a paragraph that is one bold line, after an optional step number; a label ("**Note:**") titles nothing. */
function outlineTitle(ctx: Ctx, p: Paragraph): { title: string; span: Span } | undefined {
  const numbered = p.children[0]?.type === 'text' && p.children[1]?.type === 'strong';
  if (numbered && !OUTLINE_NUMBER.test((p.children[0] as Text).value)) return undefined;
  const strong = p.children[numbered ? 1 : 0];
  const rest = p.children.slice(numbered ? 2 : 1);
  if (strong?.type !== 'strong' || rest.some((n) => n.type !== 'text' || !/^[\s.]*$/.test(n.value))) return undefined;
  const text = inlineText(ctx, strong.children, off(strong, 'start')).text.trim();
  if (/:$/.test(text) || text.split(/\s+/).length > 10 || isMetaTitle(text)) return undefined;
  return boldTitle(ctx, strong);
}

/**
 * Paragraphs that are one bold line each (three or more), each over prose: a document that marks its steps as a talk or
 * a letter does ("1\uFE0F\u20E3 **Finding us**", then paragraphs), one prose step per bold line, like headings.
 */
function boldOutlineSteps(ctx: Ctx, nodes: readonly RootContent[], group: string | undefined): RawStep[] | undefined {
  const at: Array<{ i: number; title: { title: string; span: Span } }> = [];
  nodes.forEach((n, i) => {
    const title = n.type === 'paragraph' ? outlineTitle(ctx, n) : undefined;
    if (title) at.push({ i, title });
  });
  if (at.length < 3) return undefined;
  const steps: RawStep[] = [];
  for (const [k, { i, title }] of at.entries()) {
    const body = nodes.slice(i + 1, at[k + 1]?.i ?? nodes.length);
    const prose = body.map((n) => (n.type === 'paragraph' || n.type === 'list' || n.type === 'blockquote' ? proseOf(ctx, n) : undefined)).filter((t): t is SourceText => t !== undefined);
    if (!prose.length) return undefined;
    const p = nodes[i]!;
    const end = off(body[body.length - 1], 'end');
    steps.push({
      title: title.title,
      titleSpan: title.span,
      span: { start: off(p, 'start'), end },
      shape: 'prose',
      lanes: [],
      prose,
      group,
      insertion: afterLane(ctx, undefined, { at: end, indent: '' }),
      disableSite: commentLineBefore(ctx, off(p, 'start')),
    });
  }
  return steps;
}

// The last sentence before a list, naming the lanes and ending in a colon ("The lanes she uses are:", "Our swimlanes:").
const KEY_INTRO = /(?:^|[.!?]\s)[^.!?]*\b(?:lanes|swim ?lanes|layers|bands|legend|key)\b[^.!?:]*:\s*$/i;

function dropFence(t: SourceText): SourceText {
  // The closing line of a directive (":::"), a Confluence macro ("{panel}") or a Redmine block ("}}") is no part of the box's text.
  const m = /\s*(?::{3,}|\{(?:panel|info|note|tip|warning|expand|section|column)\}|\}\})\s*$/.exec(t.text);
  return m && (m.index === 0 || /\n/.test(m[0])) ? sliceText(t, 0, m.index) : t;
}

/** The scan of what a box holds: its body's lanes, steps and prose. */
function boxContent(ctx: Ctx, box: Container, heading: Heading | undefined, group: string | undefined, parentGroup: string | undefined): Scan {
  const scan: Scan = { lanes: [], prose: [], steps: [], tableRows: 0 };
  let body = box.body;
  const first = body[0];
  if (box.skipFirstLine && first?.type === 'paragraph') {
    const t = inlineText(ctx, first.children, off(first, 'start'));
    const nl = /\r?\n/.exec(t.text);
    if (nl) {
      const from = nl.index + nl[0].length;
      const lanes = lanesOfParagraph(ctx, first, '', from);
      if (lanes) scan.lanes.push(...lanes);
      else scan.prose.push(trimText(sliceText(t, from)));
    }
    body = body.slice(1);
  }
  if (box.code) {
    const b = new TextBuilder(ctx.text, off(box.code, 'start'));
    b.appendAligned(box.code.value, off(box.code, 'start'), off(box.code, 'end'));
    scan.prose.push(trimText(b.build()));
  }
  const inner = scanContent(ctx, body, heading, group, parentGroup);
  scan.lanes.push(...inner.lanes);
  scan.prose.push(...inner.prose);
  scan.steps.push(...inner.steps);
  scan.tableRows += inner.tableRows;
  for (const l of scan.lanes) {
    const content = trimText(dropFence(l.lane.content));
    if (content.text.length === l.lane.content.text.length) continue;
    const span = content.text.length ? { start: content.offsets[0]!, end: content.offsets[content.text.length - 1]! + 1 } : { start: l.lane.contentSpan.start, end: l.lane.contentSpan.start };
    l.lane = { ...l.lane, content, contentSpan: span, placeholder: isPlaceholder(content.text) };
  }
  scan.prose = scan.prose.map((p) => trimText(dropFence(p))).filter((p) => p.text.length > 0);
  return scan;
}

/**
 * A titled box (a callout, an admonition, a quote block opened by a bold line, a <details> block): titled by a lane
 * label, it is that lane and its body the lane's content ("> [!note] Patient", ":::note[Customer]"); titled otherwise
 * over lanes of two kinds, it is a step of its own; any other box is read as if it were not there.
 */
function scanBox(
  ctx: Ctx,
  box: Container,
  scan: Scan,
  boxSteps: Array<{ step: RawStep; lanes: FoundLane[] }>,
  heading: Heading | undefined,
  group: string | undefined,
  parentGroup: string | undefined,
): void {
  const title = box.title;
  const reading = title ? proseLabel(title.text, ctx.table, true) : undefined;
  const inner = boxContent(ctx, box, heading, group, parentGroup);
  const form: LaneForm = box.sibling ? { form: 'box', end: box.end, sibling: box.sibling } : { form: 'paragraph', end: box.end, style: 'bold-inside', indent: '' };
  // The box is a lane: its title the label, what it holds the lane's text (a lane inside it a line of that text).
  const boxLane = (reading: LaneReading, title: NonNullable<Container['title']>) => {
    const b = new TextBuilder(ctx.text, box.end);
    for (const l of inner.lanes) {
      if (b.length) b.appendSynthetic('\n', l.lane.labelSpan.start);
      b.appendAligned(ctx.text.slice(l.lane.labelSpan.start, l.lane.labelSpan.end), l.lane.labelSpan.start, l.lane.labelSpan.end);
      b.appendSynthetic(': ', l.lane.labelSpan.end);
      b.appendText(l.lane.content);
    }
    for (const p of inner.prose) {
      if (b.length) b.appendSynthetic('\n', p.offsets[0]!);
      b.appendText(p);
    }
    const span = { start: title.start, end: title.start + title.text.length };
    scan.lanes.push({ lane: makeLane(reading, title.text, span, b.build(), box.end), form });
  };
  const innerKinds = new Set(inner.lanes.map((l) => l.lane.kind).filter((k) => k !== 'other')).size;
  // (a box titled by people that holds lanes of two kinds is a step about them: "Escorts and carers" over its lanes)
  if (title && reading && !(reading.basis === 'role' && innerKinds >= 2 && !inner.steps.length)) return boxLane(reading, title);
  if (title && !inner.steps.length && innerKinds >= 2) {
    const titleText: SourceText = { text: title.text, offsets: Array.from({ length: title.text.length + 1 }, (_, k) => title.start + k) };
    const start = off(box.body[0] ?? box.code, 'start');
    const step: RawStep = {
      title: normaliseTitle(title.text),
      titleSpan: spanOfText(titleText, title.start),
      span: { start: Math.min(title.start, start || title.start), end: box.end },
      shape: 'heading',
      lanes: inner.lanes.map((l) => l.lane),
      prose: inner.prose,
      group,
      insertion: afterLane(ctx, inner.lanes[inner.lanes.length - 1], { at: box.end, indent: '' }),
      disableSite: commentLineBefore(ctx, title.start),
    };
    boxSteps.push({ step, lanes: inner.lanes });
    return;
  }
  // A tab is a lane even when its title names no lane anyone knows: kept as an `other` lane, never dropped.
  if (title && box.tab) return boxLane(UNPLACED, title);
  scan.lanes.push(...inner.lanes);
  scan.prose.push(...inner.prose);
  scan.steps.push(...inner.steps);
  scan.tableRows += inner.tableRows;
}

/** The title a paragraph that is one bold line gives what follows; a label of its own ("**Systems:**") is a lane, not a title. */
function boldLineTitle(ctx: Ctx, p: Paragraph): { title: string; span: Span } | undefined {
  // (a chat export's message opens with its time and sender: "03/03/2025, 21:02 - Jas: *1. Booking*", where a single
  // asterisk is the chat's bold)
  // (earlier messages with no blank line after them share the paragraph: the message on its last line titles)
  const chat = p.children[0]?.type === 'text' && p.children.length > 1 && CHAT_PREFIX.test(p.children[0].value.slice(p.children[0].value.lastIndexOf('\n') + 1));
  const [strong, ...rest] = chat ? p.children.slice(1) : p.children;
  // (a paragraph that is one emphasised run is a chat's bold too: "1. *Booking*")
  const bold = strong?.type === 'strong' || (strong?.type === 'emphasis' && (chat || p.children.length === 1));
  if (!bold || rest.some((n) => n.type !== 'text' || !/^[\s:.\u2013\u2014-]*$/.test(n.value))) return undefined;
  return boldTitle(ctx, strong as Strong | Emphasis);
}

/**
 * A bold line over paragraphs of lane lines ("**Step 1: Booking**", then "**Customer:** ..." paragraphs, as word
 * processors export a pseudo-heading): a step of its own, like a bold line over a lane list. Returns it with the
 * number of paragraphs after the title it takes.
 */
function boldOverParagraphs(ctx: Ctx, nodes: readonly RootContent[], i: number, group: string | undefined): { step: RawStep; taken: number } | undefined {
  const title = boldLineTitle(ctx, nodes[i] as Paragraph);
  if (!title) return undefined;
  const lanes: FoundLane[] = [];
  let k = i + 1;
  for (; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.type !== 'paragraph' || boldLineTitle(ctx, n)) break;
    // One role per paragraph ("**Fitter:** ...", "Visiting podiatrist: ..."): a lane here if the lanes around it are no
    // dialogue (below).
    const found = lanesOfParagraph(ctx, n, '') ?? paragraphLanes(ctx, n, '', 0, true);
    if (!found) break;
    lanes.push(...found);
  }
  if (new Set(lanes.map((l) => l.lane.kind).filter((kind) => kind !== 'other')).size < 2 || !notDialogue(ctx, lanes)) return undefined;
  return { step: boldStep(ctx, nodes[i] as Paragraph, title, lanes, [], off(nodes[k - 1], 'end'), group), taken: k - i - 1 };
}

/**
 * A bold line that titles the lane list under it ("**Step 2: Check-in**" over "- Customer: ..."): a heading written as
 * bold text, so a step of its own (several of them under one heading are several steps, not one).
 */
function boldTitleStep(ctx: Ctx, p: Paragraph, list: List, group: string | undefined): RawStep | undefined {
  const title = boldLineTitle(ctx, p);
  if (!title) return undefined;
  const lanes: FoundLane[] = [];
  const prose: SourceText[] = [];
  // (a bare role item, "- Staff: checks it in", is a lane beside items a lane word labels, as at a section's top)
  const read = itemLanes(ctx, list, false);
  list.children.forEach((item, i) => {
    const lane = read[i];
    if (lane) lanes.push(lane);
    else {
      const t = proseOf(ctx, item);
      if (t) prose.push(t);
    }
  });
  if (new Set(lanes.map((l) => l.lane.kind)).size < 2) return undefined;
  return boldStep(ctx, p, title, lanes, prose, off(list, 'end'), group);
}

/**
 * A label on its own line over a bullet list ("**Systems:**" then "- CRM"): the list is that lane's content. Returns
 * whether the list was taken (the last lane was empty and no item of the list is a lane or a step of its own).
 */
function listUnderLabel(ctx: Ctx, lanes: FoundLane[], list: List): boolean {
  const last = lanes[lanes.length - 1]!;
  if (last.lane.content.text.length > 0 || last.form.form !== 'paragraph') return false;
  if (list.children.some((item) => laneOfItem(ctx, item, list) !== undefined || listStep(ctx, item, undefined) !== undefined)) return false;
  const content = trimText(blockText(ctx, [list], off(list, 'start')));
  if (!content.text.length) return false;
  const span = { start: content.offsets[0]!, end: content.offsets[content.text.length - 1]! + 1 };
  lanes[lanes.length - 1] = {
    lane: { ...last.lane, content, contentSpan: span, placeholder: isPlaceholder(content.text) },
    form: { ...last.form, end: off(list, 'end') },
  };
  return true;
}

/**
 * A label on its own line over a table that names no lanes ("**Frontstage.**" over `| Touchpoint | What it carries |`):
 * the table's rows are that lane's content, a row a line.
 */
function tableUnderLabel(ctx: Ctx, lanes: FoundLane[], table: Table): boolean {
  const last = lanes[lanes.length - 1]!;
  if (last.lane.content.text.length > 0 || last.form.form !== 'paragraph') return false;
  const b = new TextBuilder(ctx.text, off(table, 'end'));
  for (const row of table.children.slice(1)) {
    const line = proseOf(ctx, row);
    if (!line) continue;
    if (b.length) b.appendSynthetic('\n', line.offsets[0]!);
    b.appendText(line);
  }
  const content = trimText(b.build());
  if (!content.text.length) return false;
  const span = { start: content.offsets[0]!, end: content.offsets[content.text.length - 1]! + 1 };
  lanes[lanes.length - 1] = { lane: { ...last.lane, content, contentSpan: span, placeholder: isPlaceholder(content.text) }, form: { ...last.form, end: off(table, 'end') } };
  return true;
}

/** A bold term and a definition at the start of an item ("**Data migration**: ..."), whether or not it is a lane. */
function termItem(ctx: Ctx, item: ListItem): boolean {
  const first = item.children[0];
  const strong = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (strong?.type !== 'strong') return false;
  // The colon or dash sits just inside or just after the closing emphasis.
  const around = ctx.text.slice(off(strong, 'end') - 3, off(strong, 'end') + 3);
  return /[:\u2013\u2014]|\s-\s/.test(around);
}

/**
 * The lanes of a list's items. An item labelled by a role ("- **Tenant:** ...", "🧍 Parent: ...") is a lane beside items
 * a lane word labels ("Frontstage:", "FOH:", "Kit/systems:"); with `sidesOnly`, only a customer, frontstage or
 * backstage word counts.
 */
function itemLanes(ctx: Ctx, list: List, sidesOnly: boolean): Array<FoundLane | undefined> {
  const plain = list.children.map((item) => laneOfItem(ctx, item, list));
  const worded = plain.some((l) => l && l.lane.kind !== 'other' && !(sidesOnly && l.lane.kind === 'support') && l.lane.basis !== 'role' && l.lane.basis !== 'role-action');
  const withRoles = () => plain.map((l, i) => l ?? laneOfItem(ctx, list.children[i]!, list, true));
  if (worded) return withRoles();
  // (a support lane word beside a customer named by a role is the service's two sides too: "The client:" over "What we
  // rely on:"; a component sheet names no customer)
  if (!sidesOnly || !plain.some((l) => l?.lane.kind === 'support' && l.lane.basis !== 'role' && l.lane.basis !== 'role-action')) return plain;
  const roles = withRoles();
  return roles.some((l) => l?.lane.kind === 'customer') ? roles : plain;
}

function scanList(ctx: Ctx, list: List, scan: Scan, group: string | undefined): void {
  // (at the top of a section only a lane word of the service's sides counts: "Queue" or "Database" beside "Broker" is a
  // component sheet)
  const lanes = itemLanes(ctx, list, true);
  // A list of defined terms where lane words are the minority is a glossary ("User support", "Data migration", ...).
  const read = lanes.filter((l) => l !== undefined);
  const glossary = read.length > 0 && read.every((l) => l.lane.basis !== undefined) && list.children.filter((item, i) => !lanes[i] && termItem(ctx, item)).length > read.length;
  list.children.forEach((item, i) => {
    const lane = glossary ? undefined : lanes[i];
    if (lane) {
      scan.lanes.push(lane);
      return;
    }
    if (outlineNode(ctx, item, scan, group)) return;
    const step = listStep(ctx, item, group);
    if (step) scan.steps.push(step);
    else {
      const p = proseOf(ctx, item);
      if (p) scan.prose.push(p);
    }
  });
}

/**
 * An outliner's node that holds the steps (Tana, Logseq, Workflowy put a whole page under one root bullet): its nested
 * list is read as the list, when any of its items is a step.
 */
function outlineNode(ctx: Ctx, item: ListItem, scan: Scan, group: string | undefined): boolean {
  const nested = item.children.filter((c): c is List => c.type === 'list');
  if (nested.length !== 1 || !nested[0]!.children.some((sub) => sub.children.some((c) => c.type === 'list'))) return false;
  const inner: Scan = { lanes: [], prose: [], steps: [], tableRows: 0 };
  scanList(ctx, nested[0]!, inner, group);
  if (inner.steps.length === 0) return false;
  scan.steps.push(...inner.steps);
  scan.prose.push(...inner.prose);
  return true;
}

/** A list item whose nested list or continuation paragraphs hold lane labels. */
function listStep(ctx: Ctx, item: ListItem, group: string | undefined): RawStep | undefined {
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph') return undefined;
  const lanes: FoundLane[] = [];
  const prose: SourceText[] = [];
  for (const child of rest) {
    if (child.type === 'list') {
      const subLanes = itemLanes(ctx, child, false);
      child.children.forEach((sub, k) => {
        const lane = subLanes[k];
        if (lane) lanes.push(lane);
        else {
          const p = proseOf(ctx, sub);
          if (p) prose.push(p);
        }
      });
    } else if (child.type === 'paragraph') {
      const found = lanesOfParagraph(ctx, child, indentOf(ctx, off(child, 'start')));
      if (found) lanes.push(...found);
      else {
        const p = proseOf(ctx, child);
        if (p) prose.push(p);
      }
    }
  }
  const head = inlineText(ctx, first.children, off(first, 'start'));
  const firstLine = head.text.split(/\r\n|\r|\n/)[0]!;
  const strong = first.children[0]?.type === 'strong' ? first.children[0] : undefined;
  let titleText: SourceText;
  if (strong) titleText = trimText(inlineText(ctx, strong.children, off(strong, 'start')));
  else {
    const cut = /:|\s[\u2013\u2014-]\s/.exec(firstLine);
    titleText = trimText(sliceText(head, 0, cut ? cut.index : firstLine.length));
  }
  const titleEnd = titleText.text.length ? head.offsets.indexOf(titleText.offsets[titleText.text.length - 1]!) + 1 : 0;
  // The item's own text may carry its lanes: "Booking — Pax: books online — Res: phone line", "**Check-in** (Pax: ...)".
  const inline = inlineLanes(ctx, head, Math.max(0, titleEnd), indentOf(ctx, off(first, 'start')), off(first, 'end'));
  if (inline) lanes.unshift(...inline);
  if (lanes.length === 0) return undefined;
  // Otherwise the rest of the first line after the title (and its separator) is the step's prose.
  const afterTitle = sliceText(head, Math.min(head.text.length, Math.max(0, titleEnd)));
  const restText = afterTitle.text.replace(/^[\s:\u2013\u2014-]+/, '');
  if (!inline && restText.trim().length) prose.unshift(trimText(sliceText(afterTitle, afterTitle.text.length - restText.length)));
  const title = normaliseTitle(titleText.text);
  const titleSpan = spanOfText(titleText, off(first, 'start'));
  const last = lanes[lanes.length - 1];
  return {
    title,
    titleSpan,
    span: { start: off(item, 'start'), end: off(item, 'end') },
    shape: 'list',
    lanes: lanes.map((l) => l.lane),
    prose,
    group,
    insertion: afterLane(ctx, last, { at: off(item, 'end'), indent: indentOf(ctx, off(first, 'start')) }),
    disableSite: commentLineBefore(ctx, off(item, 'start')),
  };
}

/**
 * Lanes written in a list item's own text after its title: segments set apart by dashes, wrapped in parentheses or
 * starting a line, each opening with a label and a colon ("— Pax: ... — Res: ...", "(Booth: ...) (Support: ...)").
 * Two or more such lanes of two kinds, or none: a single "Note: ..." after a title is the step's prose.
 */
function inlineLanes(ctx: Ctx, head: SourceText, from: number, indent: string, end: number): FoundLane[] | undefined {
  const text = head.text;
  if (!/:/.test(text.slice(from))) return undefined;
  // Cut points: a dash between spaces, a line break, and the brackets of a group that opens with a label.
  const cuts: Array<[number, number]> = [];
  for (let m = INLINE_CUT.exec(text.slice(from)); m; m = INLINE_CUT.exec(text.slice(from))) {
    const at = from + m.index;
    if (m[0].startsWith('(')) {
      const close = closingBracket(text, at);
      if (close < 0 || !labelAt(ctx, head, at + 1, close, true)) {
        INLINE_CUT.lastIndex = m.index + 1;
        continue;
      }
      cuts.push([at, at + 1], [close, close + 1]);
      INLINE_CUT.lastIndex = close + 1 - from;
    } else cuts.push([at, at + m[0].length]);
  }
  INLINE_CUT.lastIndex = 0;
  const segments: Array<[number, number]> = [];
  let at = from;
  for (const [cut, next] of cuts) {
    segments.push([at, cut]);
    at = next;
  }
  segments.push([at, text.length]);
  const found: Array<{ hit: LabelHit; stop: number }> = [];
  for (const [start, stop] of segments) {
    const piece = text.slice(start, stop);
    // (the title's own full stop is no segment)
    if (!piece.trim() || (!found.length && /^[\s.:]*$/.test(piece))) continue;
    const lead = start + (piece.length - piece.trimStart().length);
    // (between lanes, a short capitalised word before a colon is a label no lane word names: kept as an unplaced lane,
    // which unread-blueprint names so the author can map it)
    const plain = found.length ? /^([A-Z][\p{L}&/ -]{0,24}):[ \t]+\S/u.exec(text.slice(lead, stop)) : null;
    const hit =
      labelAt(ctx, head, lead, stop, true) ??
      (plain
        ? {
            kind: 'other' as const,
            reading: UNPLACED,
            label: plain[1]!,
            labelSpan: { start: head.offsets[lead]!, end: head.offsets[lead + plain[1]!.length - 1]! + 1 },
            contentFrom: lead + plain[1]!.length + 1,
            style: 'plain' as LabelStyle,
          }
        : undefined);
    if (hit && hit.contentFrom <= stop) found.push({ hit, stop });
    // A dash or a line break inside a lane's text continues it ("phone line 08:00 - 20:00").
    else if (found.length) found[found.length - 1]!.stop = stop;
    else return undefined;
  }
  const lanes = found.map(({ hit, stop }) => ({
    lane: makeLane(hit.reading, hit.label, hit.labelSpan, sliceText(head, hit.contentFrom, stop), hit.labelSpan.end),
    form: { form: 'paragraph', end, style: hit.style, indent } as LaneForm,
  }));
  const kinds = new Set(lanes.map((f) => f.lane.kind).filter((k) => k !== 'other'));
  return lanes.length >= 2 && kinds.size >= 2 ? lanes : undefined;
}

/** The ")" that closes the "(" at `open`, brackets inside counted; -1 when it is not closed. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

// (a semicolon too: "Customer: pays by card; Counter: takes payment"; one inside a lane's text continues it)
// (and a full stop before a sentence opened by a label: "**Enquiry**. Customer: sends photos. Me: answers.")
const INLINE_CUT = /\s[\u2013\u2014-]\s+|;\s+|\(|\r?\n[ \t]*|(?<=[.!?])[ \t]+(?=[A-Z][A-Za-z'\u2019&/ -]{0,30}:[ \t])/g;

function spanOfText(t: SourceText, fallback: number): Span {
  if (!t.text.length) return { start: fallback, end: fallback };
  return { start: t.offsets[0]!, end: t.offsets[t.text.length - 1]! + 1 };
}

/** A cell's lane reading; an empty cell reads as nothing. */
function cellReading(ctx: Ctx, cell: TableCell | undefined): LaneReading | undefined {
  if (!cell) return undefined;
  return readLane(labelText(ctx, cell).text, ctx.table);
}

/** A label cell's label: its first line (an HTML row header is often "<strong>Label</strong><br>gloss"). */
function labelText(ctx: Ctx, cell: TableCell | undefined): SourceText {
  if (!cell) return emptyText(0);
  return trimText(inlineText(ctx, firstLine(cell), off(cell, 'start')));
}

/** The end of the line holding `offset`, and whether the text from `from` to it ends in a pipe (spaces after it aside). */
function lineEndCell(ctx: Ctx, offset: number, from: number): CellEnd {
  const at = rowLineEnd(ctx, offset);
  let i = at - 1;
  while (i >= from && /\s/.test(ctx.text[i]!)) i--;
  return { at, closed: i >= from && ctx.text[i] === '|' };
}

/** Where a new row or cell goes in an HTML table: before the closing tag of `node` when it has one, else after it. */
function beforeClose(ctx: Ctx, node: Nodes, tag: string): number {
  const end = off(node, 'end');
  const close = ctx.text.slice(Math.max(off(node, 'start'), end - tag.length - 3), end);
  const at = close.toLowerCase().lastIndexOf(`</${tag}`);
  return at >= 0 ? end - close.length + at : end;
}

/**
 * Labels down the side with one lane among them read as a grid (stages across, as journey maps are drawn); a header
 * row needs two lanes of different kinds, since one lane among other columns heads a catalogue (error codes, failure
 * modes, stored data) whose rows are not steps.
 */
function enoughLanes(readings: ReadonlyArray<LaneReading | undefined>, side: 'header' | 'rows'): boolean {
  const distinct = new Set(readings.filter((r): r is LaneReading => r !== undefined).map((r) => r.kind));
  if (side === 'rows') return distinct.size >= 2 && [...distinct].some((k) => k !== 'other');
  distinct.delete('other');
  return distinct.size >= 2;
}

/** Readings of a table's label cells in the light of each other; a label that is not a lane becomes an `other` lane. */
function laneReadings(ctx: Ctx, cells: ReadonlyArray<TableCell | undefined>): Array<LaneReading | undefined> {
  return inContext(cells.map((c) => cellReading(ctx, c)));
}

/** Table steps: lanes as rows (steps are columns) or lanes as columns (steps are rows). */
function tableSteps(ctx: Ctx, given: Table, heading: Heading | undefined, group: string | undefined, html = false, parentGroup?: string): RawStep[] | undefined {
  // A header row of empty cells (a sheet pasted with its first row blank) heads nothing: the first body row is the header.
  // (only when that row names lanes across, two or more: a headless table of lane rows keeps its blank header)
  // So does a sheet's title bar (one filled cell, "| Flooring job, start to finish |  |  |"), when under it the second
  // row heads the steps: its first cell blank and the first column below naming lanes.
  const filled = given.children[0]?.children.filter((c) => labelText(ctx, c).text.trim()).length ?? 0;
  const second = given.children[1];
  const blankHead =
    given.children.length > 2 &&
    filled <= 1 &&
    !!second &&
    (second.children.filter((c) => readLane(labelText(ctx, c).text, ctx.table)).length >= 2 ||
      (filled === 1 &&
        second.children.length > 2 &&
        !labelText(ctx, second.children[0]).text.trim() &&
        enoughLanes(
          laneReadings(
            ctx,
            given.children.slice(2).map((r) => r.children[0]),
          ),
          'rows',
        )));
  const table: Table = blankHead ? { ...given, children: given.children.slice(1) } : given;
  const [header, ...body] = table.children;
  if (!header) return undefined;
  // One row per step and lane ("| Step | Lane | Activity |"), as tools export a blueprint.
  const long = longLayout(ctx, table);
  if (long) return stepsOfLongTable(ctx, table, long, group, html);
  if (markGrid(ctx, body)) return undefined;
  // "| From | To | What flows |": each row is an exchange between two parties (a value map), not a lane of a step
  if (
    EXCHANGE_HEADER.test(
      header.children
        .slice(0, 2)
        .map((c) => normaliseLabel(labelText(ctx, c).text))
        .join('|'),
    )
  )
    return undefined;
  const headerReadings = laneReadings(ctx, header.children);
  if (enoughLanes(headerReadings, 'header') && !roleGrid(headerReadings)) return stepsAsRows(ctx, table, headerReadings, group, html);
  const rowReadings = laneReadings(
    ctx,
    body.map((r) => r.children[0]),
  );
  if (enoughLanes(rowReadings, 'rows') && !roleGrid(rowReadings)) {
    // Lanes down the side and only descriptions across ("| Lane | What it captures |"): a legend of the lanes, no step.
    const across = header.children.slice(1).map((c) => normaliseLabel(labelText(ctx, c).text));
    // (so is a glossary: "| Term | What we mean | Example |")
    if (across.length > 0 && (across.every((h) => LEGEND_COLUMNS.test(h)) || GLOSSARY_HEAD.test(normaliseLabel(labelText(ctx, header.children[0]).text)))) return undefined;
    return stepsAsColumns(ctx, table, rowReadings, heading, group, html, parentGroup);
  }
  // Lanes named in the last column ("| Quote | Delivery | ... | Who |"): the same grid read from its other side.
  const lastCol = header.children.length - 1;
  const lastReadings =
    lastCol >= 2
      ? laneReadings(
          ctx,
          body.map((r) => r.children[lastCol]),
        )
      : [];
  if (lastCol >= 2 && enoughLanes(lastReadings, 'rows') && !roleGrid(lastReadings)) {
    const rotate = (r: TableRow): TableRow => ({ ...r, children: [r.children[lastCol], ...r.children.slice(0, lastCol)] as TableCell[] });
    return stepsAsColumns(ctx, { ...table, children: table.children.map(rotate) }, lastReadings, heading, group, html, parentGroup, true);
  }
  const inCells = laneCellRows(ctx, table, group);
  if (inCells) return inCells;
  // A table whose first header cell is the author's word for a step is a table of steps with fewer lanes, unless the
  // rest of its header names what goes wrong (a failure catalogue keyed by step number).
  const rest = headerReadings.slice(1).filter((r) => r !== undefined);
  if (
    STEP_COLUMN_LABELS.has(normaliseLabel(labelText(ctx, header.children[0]).text)) &&
    new Set(rest.map((r) => r.kind)).size >= 2 &&
    !rest.some((r) => r.basis === 'other-word' && FAILURE_WORDS.has(r.words))
  ) {
    return stepsAsRows(ctx, table, headerReadings, group, html);
  }
  return undefined;
}

/** The first two header cells of a table of exchanges between parties ("From | To", "Giver | Receiver"). */
const EXCHANGE_HEADER = /^(?:from|source|giver|sender|provider)\|(?:to|target|receiver|recipient)$/;

/** Headers of a column that describes the lanes beside it, not what they do in a step. */
const LEGEND_COLUMNS =
  /^(?:description|descriptions|what it (?:captures|covers|means|shows|includes|holds)|what (?:we|you|they) mean|what (?:goes|belongs) (?:here|in it)|meaning|definition|explanation|purpose|symbol|icon|colou?r|(?:[a-z ]+ )?examples?(?: [a-z ]+)?|who|who it is|includes|covers)$/;
/** The first header cell of a glossary's table ("Term", "Word", "Concept"). */
const GLOSSARY_HEAD = /^(?:terms?|words?|concepts?|glossary|abbreviations?|acronyms?|jargon)$/;

/** Header words of the column that names each row's lane in a table with one row per step and lane. */
const LANE_COLUMN_LABELS = new Set(['lane', 'lanes', 'layer', 'layers', 'swimlane', 'swim lane', 'swimlanes', 'lane type', 'actor', 'who']);

interface LongLayout {
  titleCol: number;
  laneCol: number;
  contentCol: number;
  readings: Array<LaneReading | undefined>;
}

/**
 * A table with one row per step and lane: a column headed Lane (Layer, Swimlane, Actor) whose cells are lane labels (at
 * least three in five of them, of two kinds or more, repeating from step to step), a column titling the steps, and a
 * column holding the lane's text.
 */
function longLayout(ctx: Ctx, table: Table): LongLayout | undefined {
  const [header, ...body] = table.children;
  if (!header || body.length < 2 || header.children.length < 3) return undefined;
  const headerTexts = header.children.map((c) => normaliseLabel(labelText(ctx, c).text));
  const laneCol = headerTexts.findIndex((t) => LANE_COLUMN_LABELS.has(t));
  if (laneCol < 0) return undefined;
  const readings = inContext(body.map((r) => cellReading(ctx, r.children[laneCol])));
  const filled = body.filter((r) => hasLetters(cellText(ctx, r.children[laneCol]).text)).length;
  const placed = readings.filter((r) => r !== undefined && r.kind !== 'other');
  if (filled === 0 || placed.length / filled < 0.6 || new Set(placed.map((r) => r!.kind)).size < 2) return undefined;
  // A column of steps, or lanes repeating from step to step: a grid with one row per lane ("| Lane | Booking | Arrival |") has neither.
  const labels = body.map((r) => normaliseLabel(labelText(ctx, r.children[laneCol]).text)).filter((l) => l.length > 0);
  const stepColumn = headerTexts.some((t, i) => i !== laneCol && STEP_COLUMN_LABELS.has(t));
  if (!stepColumn && new Set(labels).size === labels.length) return undefined;
  const others = headerTexts.map((_, i) => i).filter((i) => i !== laneCol);
  const titleCol = others.find((i) => STEP_COLUMN_LABELS.has(headerTexts[i]!)) ?? others[0]!;
  const contentCol = others.find((i) => i !== titleCol);
  return contentCol === undefined ? undefined : { titleCol, laneCol, contentCol, readings };
}

/** Steps of a table with one row per step and lane: consecutive rows with the same (or an empty) step cell make one step. */
function stepsOfLongTable(ctx: Ctx, table: Table, layout: LongLayout, group: string | undefined, html: boolean): RawStep[] {
  const [header, ...body] = table.children;
  const columns = header!.children.length;
  const steps: RawStep[] = [];
  let current: { title: string; titleCell: TableCell; titleText: SourceText; rows: typeof body } | undefined;
  const close = () => {
    if (!current) return;
    const { title, titleCell, titleText, rows } = current;
    const lanes = rows
      .map((row) => {
        const reading = layout.readings[body.indexOf(row)] ?? UNPLACED;
        const labelCell = row.children[layout.laneCol];
        const label = labelText(ctx, labelCell);
        const cell = row.children[layout.contentCol];
        const content = cell ? cellText(ctx, cell) : emptyText(off(row, 'end'));
        const lane = makeLane(reading, label.text.replace(/[:\s]+$/, ''), spanOfText(label, off(labelCell ?? row, 'start')), content, off(row, 'end'));
        if (cell && !content.text.length) lane.contentSpan = cellContentSpan(ctx, cell);
        return lane;
      })
      .filter((l) => hasLetters(l.label));
    const last = rows[rows.length - 1]!;
    steps.push({
      title,
      titleSpan: spanOfText(titleText, off(titleCell, 'start')),
      span: { start: off(rows[0], 'start'), end: off(last, 'end') },
      shape: 'table-rows',
      lanes,
      prose: [],
      group,
      insertion: { form: 'lane-row', at: html ? off(last, 'end') : rowLineEnd(ctx, off(last, 'end')), html, eol: ctx.eol, columns, laneCol: layout.laneCol, contentCol: layout.contentCol },
      disableSite: commentInCell(ctx, titleCell),
    });
  };
  for (const row of body) {
    const titleCell = row.children[layout.titleCol];
    const titleText = cellText(ctx, titleCell);
    const title = normaliseTitle(titleText.text);
    if (current && (!title || title === current.title)) {
      current.rows.push(row);
      continue;
    }
    close();
    current = title && titleCell ? { title, titleCell, titleText, rows: [row] } : undefined;
  }
  close();
  return steps;
}

/** Staff roles alone, with no customer-side lane and no lane word: a responsibility matrix, not a blueprint. */
function roleGrid(readings: ReadonlyArray<LaneReading | undefined>): boolean {
  const placed = readings.filter((r): r is LaneReading => r !== undefined && r.kind !== 'other');
  const roles = placed.filter((r) => r.basis === 'role' || r.basis === 'context').length;
  // (the customer named as a role beside staff roles is a blueprint's customer lane; a chart of codes is caught by markGrid)
  if (placed.length > 0 && roles === placed.length && !placed.some((r) => r.kind === 'customer')) return true;
  // Staff roles by stage with no customer among them, whatever one systems row says, is a who-does-what matrix.
  return roles >= 3 && roles >= placed.length - 1 && !placed.some((r) => r.kind === 'customer');
}

/** A cell that holds a code or a mark, not what someone does: "R", "A/C", "✓", "x", "—". */
const MARK_CELL = /^(?:[RACIS](?:\s*[/,&+]\s*[RACIS])*|[✓✔✗✘xX•●○*+-]|yes|no|n\/a)?$/u;

/** A cell that names people and nothing else, as a rota fills it: "Hamid, Lou", "Aoife + Bernard", "Tom (GSL)", "needed". */
const NAME = String.raw`\p{Lu}[\p{Ll}'\u2019-]+(?:\s\p{Lu}[\p{Ll}'\u2019-]+)?(?:\s*\([^)]{1,20}\))?`;
const NAMES_CELL = new RegExp(`^(?:${NAME}(?:\\s*(?:,|\\+|&|/|\\band\\b)\\s*${NAME})*|[Nn]eeded|tbc|tba|TBC|TBA|[Vv]acant|open|\\?+)$`, 'u');

/** A cell that is an amount or a count and nothing else, as a budget fills it: "£4,200", "12", "35%". */
const AMOUNT_CELL = /^(?:[£$€¥]\s?)?\d[\d,.]*\s?(?:k|m|%)?$/i;

/**
 * Cells past the first column that are nearly all codes, marks, people's names or amounts: a responsibility chart
 * (RACI), a checklist grid, a rota or a budget.
 */
function markGrid(ctx: Ctx, body: readonly TableRow[]): boolean {
  let filled = 0;
  let marks = 0;
  for (const row of body) {
    for (const cell of row.children.slice(1)) {
      const text = cellText(ctx, cell)
        .text.trim()
        .replace(/^[\u2013\u2014-]+$/, '');
      if (!text) continue;
      filled++;
      if (MARK_CELL.test(text) || NAMES_CELL.test(text) || AMOUNT_CELL.test(text)) marks++;
    }
  }
  return filled >= 6 && marks / filled >= 0.8;
}

function rowLineEnd(ctx: Ctx, offset: number): number {
  return ctx.lines.lineEnd(ctx.lines.position(offset).line);
}

function stepsAsColumns(
  ctx: Ctx,
  table: Table,
  rowReadings: Array<LaneReading | undefined>,
  heading: Heading | undefined,
  group: string | undefined,
  html: boolean,
  parentGroup: string | undefined,
  labelLast = false,
): RawStep[] {
  const [header, ...body] = table.children;
  const columns = header!.children.length;
  // A row whose label is no lane is kept as an `other` lane, never dropped; a row without a label continues nothing.
  const rowKinds = customerByPosition(body.map((row, i) => rowReadings[i] ?? (hasLetters(labelText(ctx, row.children[0]).text) ? UNPLACED : undefined)));
  const laneRows = body.map((row, i) => ({ row, reading: rowKinds[i] })).filter((r): r is { row: typeof r.row; reading: LaneReading } => r.reading !== undefined);
  const laneKeys = laneRows.map(({ row }) => normaliseLabel(labelText(ctx, row.children[0]).text));
  const steps: RawStep[] = [];
  const single = columns === 2;
  for (let col = 1; col < columns; col++) {
    const headCell = header!.children[col]!;
    const headText = cellText(ctx, headCell);
    const useHeading = single && heading !== undefined;
    const titleSource = useHeading ? trimText(inlineText(ctx, heading.children, off(heading, 'start'))) : headText;
    const title = normaliseTitle(titleSource.text) || `Column ${col + 1}`;
    const rows: ColumnRow[] = [];
    const lanes: Lane[] = laneRows.map(({ row, reading }, i) => {
      const labelCell = row.children[0]!;
      const label = labelText(ctx, labelCell);
      const cell = row.children[col];
      const content = cell ? cellText(ctx, cell) : emptyText(off(row, 'end'));
      const lane = makeLane(reading, label.text.replace(/[:\s]+$/, ''), spanOfText(label, off(labelCell, 'start')), content, off(row, 'end'));
      if (cell && !content.text.length) lane.contentSpan = cellContentSpan(ctx, cell);
      rows.push({ label: laneKeys[i]!, fill: cell ? fillSpan(ctx, cell, content) : null });
      return lane;
    });
    const lastRow = laneRows[laneRows.length - 1]!.row;
    steps.push({
      title,
      titleSpan: useHeading ? spanOfText(titleSource, off(heading, 'start')) : spanOfText(headText, off(headCell, 'start')),
      span: { start: off(table, 'start'), end: off(table, 'end') },
      shape: 'table-columns',
      lanes,
      prose: [],
      group: useHeading ? parentGroup : (group ?? (heading ? normaliseTitle(inlineText(ctx, heading.children, 0).text) : undefined)),
      insertion: { form: 'column', at: html ? off(lastRow, 'end') : rowLineEnd(ctx, off(lastRow, 'end')), html, eol: ctx.eol, columns, col, rows, ...(labelLast ? { labelLast } : {}) },
      disableSite: useHeading ? commentLineBefore(ctx, off(heading, 'start')) : commentInCell(ctx, headCell),
    });
  }
  return steps;
}

const hasLetters = (t: string) => /\p{L}/u.test(t);

/** A column whose every cell is a number or empty ("Order": 1, 2, 3) counts or sorts rows: it is no lane. */
function numbersOnly(ctx: Ctx, body: readonly TableRow[], col: number): boolean {
  let numbers = 0;
  for (const row of body) {
    const cell = row.children[col];
    const t = cell ? cellText(ctx, cell).text.trim() : '';
    // (a reference code numbers a row too: "FL-01", "M4", "S2a")
    if (t && !/^(?:[A-Z]{1,4}[-_. ]?)?\d{1,4}[a-z]?[.)]?$/.test(t)) return false;
    if (t) numbers++;
  }
  return numbers > 0;
}

/** A numbering column's header ("S.No.", "Sr. No.", "#", "Step no.", "Seq"): it counts the rows and is no lane. */
const INDEX_HEADER = /^(?:(?:s|sr|sl|serial|step|item|row)\.?\s*(?:no|nr|num|number|#)\.?|no\.?|nr\.?|#|seq(?:uence)?(?:\s*no\.?)?|sno\.?)$/i;

/**
 * In a lane table with a frontstage lane and a backstage or support lane but no customer lane, the first lane placed by
 * nothing that comes before the frontstage is the customer's (`Cardmember`, `Group leader`): blueprints put the
 * customer first. `skip` is the column that titles the steps.
 */
function customerByPosition(kinds: Array<LaneReading | undefined>, skip = -1): Array<LaneReading | undefined> {
  if (kinds.some((r) => r?.kind === 'customer') || !kinds.some((r) => r?.kind === 'backstage' || r?.kind === 'support')) return kinds;
  const front = kinds.findIndex((r) => r?.kind === 'frontstage');
  const first = kinds.findIndex((r, k) => k !== skip && k < front && r?.basis === 'unplaced');
  // (or, before a second staff lane in front, a first one placed by nothing but a role word both sides use: "Runner",
  // "Rider", "Player" before "Race crew")
  const second = kinds.findIndex((r, k) => k > front && k !== skip && (r?.kind === 'frontstage' || r?.basis === 'context'));
  if (first < 0 && front >= 0 && kinds[front]?.basis === 'role' && second > 0) {
    // (the second role lane, put behind the line for coming second, is then the one in front)
    return kinds.map((r, k) => (k === front ? { ...r!, kind: 'customer', basis: 'position' } : k === second && r?.basis === 'context' ? { ...r, kind: 'frontstage', basis: 'role' } : r));
  }
  if (front < 0 || first < 0) return kinds;
  return kinds.map((r, k) => (k === first ? { ...r!, kind: 'customer', basis: 'position' } : r));
}

/** The column that titles each row: the author's word for a step (Step, Stage, Phase, Touchpoint...), else the first non-lane column, else the first. */
const NUMBER_HEADERS: ReadonlySet<string> = new Set([...STEP_NUMBER_HEADERS, 'ref', 'ref.', 'id']);

function titleColumn(headerTexts: readonly string[], readings: ReadonlyArray<LaneReading | undefined>, numbered: (col: number) => boolean): number {
  const byWord = (words: (t: string) => boolean) => headerTexts.findIndex(words);
  // A named step column ("Stage") titles the rows rather than a number column beside it ("#", "No.").
  const named = byWord((t) => STEP_COLUMN_LABELS.has(t) && !t.startsWith('touch') && !NUMBER_HEADERS.has(t));
  if (named >= 0) return named;
  const step = byWord((t) => STEP_COLUMN_LABELS.has(t) && !t.startsWith('touch'));
  if (step >= 0) return step;
  const touch = byWord((t) => STEP_COLUMN_LABELS.has(t));
  if (touch === 0) return touch;
  // A column that is no lane titles the rows only left of the lanes; right of them it is one more lane of the grid.
  const firstLane = readings.findIndex((r) => r !== undefined && r.kind !== 'other');
  // (a column of numbers only numbers the rows, whatever its header says: "Nr", "Ref")
  const free = readings.findIndex((r, col) => r === undefined && hasLetters(headerTexts[col] ?? '') && !numbered(col));
  if (free >= 0 && (firstLane < 0 || free < firstLane)) return free;
  if (free >= 0) return 0;
  return touch >= 0 ? touch : 0;
}

function stepsAsRows(ctx: Ctx, table: Table, headerReadings: Array<LaneReading | undefined>, group: string | undefined, html: boolean): RawStep[] {
  const [header, ...body] = table.children;
  const headerTexts = header!.children.map((c) => normaliseLabel(labelText(ctx, c).text));
  const titleCol = titleColumn(headerTexts, headerReadings, (col) => numbersOnly(ctx, body, col));
  // A column whose header is no lane is kept as an `other` lane; a column without a header holds nothing to read.
  const headerKinds = customerByPosition(
    headerReadings.map((r, col) => r ?? (hasLetters(headerTexts[col] ?? '') && !INDEX_HEADER.test(headerTexts[col]!) && !numbersOnly(ctx, body, col) ? UNPLACED : undefined)),
    titleCol,
  );
  // A new column adds a cell to the header line and to the delimiter line under it.
  const headerStart = off(header, 'start');
  const headerEnd = lineEndCell(ctx, headerStart, ctx.lines.lineStart(ctx.lines.position(headerStart).line));
  const delimiterStart = ctx.lines.lineStart(ctx.lines.position(headerStart).line + 1);
  const delimiterEnd = lineEndCell(ctx, delimiterStart, delimiterStart);
  const headAt = beforeClose(ctx, header!, 'tr');
  const steps: RawStep[] = [];
  for (const row of body) {
    const titleCell = row.children[titleCol];
    const titleText = cellText(ctx, titleCell);
    const title = normaliseTitle(titleText.text);
    // An empty or dash-only title cell names no step (the row continues the one above, or is a placeholder).
    if (!hasLetters(title) && !/\d/.test(title)) continue;
    const lanes: Lane[] = [];
    const cells: Array<Span | null> = [];
    header!.children.forEach((hc, col) => {
      const reading = headerKinds[col];
      const cell = row.children[col];
      // A customer title column stays the customer lane: "Customer action" both names the step and is what the customer does.
      if (!reading || (col === titleCol && headerReadings[col]?.kind !== 'customer')) {
        cells.push(cell ? fillSpan(ctx, cell, col === titleCol ? titleText : cellText(ctx, cell)) : null);
        return;
      }
      const label = labelText(ctx, hc);
      const content = cell ? cellText(ctx, cell) : emptyText(off(row, 'end'));
      const lane = makeLane(reading, label.text.replace(/[:\s]+$/, ''), spanOfText(label, off(hc, 'start')), content, off(row, 'end'));
      if (cell && !content.text.length) lane.contentSpan = cellContentSpan(ctx, cell);
      lanes.push(lane);
      cells.push(cell ? fillSpan(ctx, cell, content) : null);
    });
    const rowStart = off(row, 'start');
    steps.push({
      title,
      titleSpan: spanOfText(titleText, off(titleCell, 'start')),
      span: { start: off(row, 'start'), end: off(row, 'end') },
      shape: 'table-rows',
      lanes,
      prose: [],
      group,
      insertion: {
        form: 'row',
        html,
        eol: ctx.eol,
        headers: headerTexts,
        cells,
        rowCells: row.children.length,
        end: lineEndCell(ctx, off(row, 'end'), rowStart),
        append: { header: headerEnd, delimiter: delimiterEnd, row: lineEndCell(ctx, rowStart, ctx.lines.lineStart(ctx.lines.position(rowStart).line)) },
        headAt,
        rowAt: beforeClose(ctx, row, 'tr'),
      },
      disableSite: titleCell ? commentInCell(ctx, titleCell) : commentLineBefore(ctx, off(table, 'start')),
    });
  }
  return steps;
}

/**
 * A table of steps with one column of text whose cells hold each step's lanes as labelled lines ("| Step | What happens
 * |" over "**Customer:** ...<br>**At the counter:** ..."): a step a row, its lanes read from its cell's lines, when most
 * rows' cells hold lanes of two kinds. A new lane is a line more in the cell.
 */
function laneCellRows(ctx: Ctx, table: Table, group: string | undefined): RawStep[] | undefined {
  const [header, ...body] = table.children;
  if (!header || header.children.length !== 2 || body.length < 2) return undefined;
  const read = body.map((row) => {
    const cell = row.children[1];
    return cell ? lanesOfParagraph(ctx, { type: 'paragraph', children: cell.children, position: cell.position }, '') : undefined;
  });
  if (read.filter((lanes) => lanes && new Set(lanes.map((l) => l.lane.kind).filter((k) => k !== 'other')).size >= 2).length * 2 < body.length) return undefined;
  const steps: RawStep[] = [];
  body.forEach((row, k) => {
    const lanes = read[k];
    const titleCell = row.children[0];
    const titleText = cellText(ctx, titleCell);
    const title = normaliseTitle(titleText.text);
    if (!lanes || !hasLetters(title)) return;
    const last = lanes[lanes.length - 1]!;
    const style = last.form.form === 'paragraph' ? last.form.style : 'bold-inside';
    steps.push({
      title,
      titleSpan: spanOfText(titleText, off(titleCell, 'start')),
      span: { start: off(row, 'start'), end: off(row, 'end') },
      shape: 'table-rows',
      lanes: lanes.map((l) => l.lane),
      prose: [],
      group,
      insertion: { form: 'line', at: cellContentSpan(ctx, row.children[1]!).end, lead: '<br>', style, sep: ' ' },
      disableSite: commentInCell(ctx, titleCell!),
    });
  });
  return steps;
}

function headingTitle(ctx: Ctx, h: Heading): SourceText {
  return trimText(inlineText(ctx, h.children, off(h, 'start')));
}

/**
 * In a step whose sub-headings name lanes of two kinds, a short leaf sub-heading beside them is a lane too, never a
 * step of its own: kept as an `other` lane, or, when the step has no customer lane and it comes before the frontstage
 * lane, the customer's lane (blueprints put the customer above the line of interaction: "### Couple", "### Donor").
 */
function adoptUnnamedLanes(ctx: Ctx, laneSubs: Array<{ sub: Section; lane: FoundLane }>, otherSubs: Section[], scanned: readonly FoundLane[]): void {
  const kinds = new Set(laneSubs.map((l) => l.lane.lane.kind).filter((k) => k !== 'other'));
  if (kinds.size < 2) return;
  const adopted: Array<{ sub: Section; lane: FoundLane }> = [];
  for (const sub of [...otherSubs]) {
    if (!sub.heading || sub.subsections.length > 0) continue;
    const labelText = headingTitle(ctx, sub.heading);
    if (labelText.text.trim().split(/\s+/).length > 4 || isMetaTitle(labelText.text)) continue;
    const content = blockText(ctx, sub.content, off(sub.heading, 'end'));
    if (!hasLetters(content.text)) continue;
    const lane = makeLane(UNPLACED, labelText.text, spanOfText(labelText, off(sub.heading, 'start')), content, off(sub.heading, 'end'));
    adopted.push({ sub, lane: { lane, form: { form: 'heading', depth: sub.depth, sectionEnd: sectionContentEnd(sub) } } });
    otherSubs.splice(otherSubs.indexOf(sub), 1);
  }
  if (!adopted.length) return;
  const all = [...scanned, ...laneSubs.map((l) => l.lane)];
  const front = all.filter((l) => l.lane.kind === 'frontstage').map((l) => l.lane.labelSpan.start);
  const first = adopted[0]!.lane.lane;
  if (!all.some((l) => l.lane.kind === 'customer') && front.length && first.labelSpan.start < Math.min(...front)) {
    first.kind = 'customer';
    first.basis = 'position';
  }
  laneSubs.push(...adopted);
}

const STEP_NUMBER = /^[ \t]*(?:(?:step|stage|phase)[ \t]*)?\d{1,3}[.):][ \t]/i;

/** Walks the section tree: groups, heading steps, prose steps, and the list/table steps inside them. */
const FIELD_HOLDER = /^(?:custom fields|fields|properties|attributes|details|lanes|swim ?lanes|layers)$/i;

function collect(ctx: Ctx, section: Section, group: string | undefined, isTitle: boolean, proseStep = true): RawStep[] {
  const heading = section.heading;
  const titleText = heading ? headingTitle(ctx, heading) : undefined;
  const title = titleText ? normaliseTitle(titleText.text) : undefined;
  const childGroup = heading && !isTitle ? title : group;
  const scan = scanContent(ctx, section.content, heading, childGroup, group);
  const laneSubs: Array<{ sub: Section; lane: FoundLane }> = [];
  const otherSubs: Section[] = [];
  // A sub-heading naming a role is a lane ("### Resident", "### Library staff at the counter") when a sibling names one
  // by a lane word ("### What supports staff"); roles alone ("### New for clients", "### For studio staff") are topics.
  const subTitles = section.subsections.map((sub) => (sub.heading ? headingTitle(ctx, sub.heading).text : undefined));
  // Sub-headings numbered in a run are steps ("### 6. Staff training" among "### 5. On-site install"): lanes are not numbered.
  const numbered = subTitles.map((t) => t !== undefined && STEP_NUMBER.test(t));
  const inRun = numbered.filter(Boolean).length >= 2;
  const readings = subTitles.map((t, k) => (t !== undefined && !(inRun && numbered[k]) ? proseLabel(t, ctx.table, true) : undefined));
  const laneWorded = readings.some((r) => r && r.kind !== 'other' && r.basis !== 'role' && r.basis !== 'role-action');
  for (const [k, sub] of section.subsections.entries()) {
    const read = readings[k];
    const reading = read && (laneWorded || (read.basis !== 'role' && read.basis !== 'role-action')) ? read : undefined;
    if (reading && sub.subsections.length === 0 && !isTitle && heading) {
      const labelText = headingTitle(ctx, sub.heading!);
      const content = blockText(ctx, sub.content, off(sub.heading, 'end'));
      const lane = makeLane(reading, labelText.text, spanOfText(labelText, off(sub.heading, 'start')), content, off(sub.heading, 'end'));
      laneSubs.push({ sub, lane: { lane, form: { form: 'heading', depth: sub.depth, sectionEnd: sectionContentEnd(sub) } } });
    } else otherSubs.push(sub);
  }
  if (heading && !isTitle) adoptUnnamedLanes(ctx, laneSubs, otherSubs, scan.lanes);
  const nested = otherSubs.flatMap((s) => collect(ctx, s, childGroup, false));
  if (scan.keyed) withKeyedRows(nested, scan.keyed);
  if (!heading || isTitle) return [...scan.steps, ...nested];
  // A lone item titled as a holder of fields ("Custom fields", "Properties", "Lanes"), as a task tool exports a task,
  // holds the lanes of the step its heading names.
  const only = scan.steps.length === 1 ? scan.steps[0]! : undefined;
  if (only && only.shape === 'list' && FIELD_HOLDER.test(only.title) && titleText && title) {
    return [
      {
        ...only,
        title,
        titleSpan: spanOfText(titleText, off(heading, 'start')),
        span: { start: off(heading, 'start'), end: only.span.end },
        shape: 'heading',
        group,
        disableSite: commentLineBefore(ctx, off(heading, 'start')),
      },
      ...nested,
    ];
  }
  if (scan.steps.length) {
    return [...scan.steps, ...nested];
  }
  const lanes = [...scan.lanes, ...laneSubs.map((l) => l.lane)].sort((a, b) => a.lane.labelSpan.start - b.lane.labelSpan.start);
  const end = sectionContentEnd(section);
  const policy = isPolicyTitle(title ?? '') && !lanes.some((l) => l.lane.kind === 'customer');
  const isStep =
    !policy &&
    (lanes.length > 0
      ? !isLegendTitle(title ?? '') && !isOverviewTitle(title ?? '') && !isHandoff(title ?? '', lanes) && !isHeadline(title ?? '')
      : proseStep && nested.length === 0 && scan.prose.length > 0 && !isMetaTitle(title ?? '') && !isPriceList(title ?? '', group));
  if (!isStep) return nested;
  const last = lanes[lanes.length - 1];
  const lastProse = section.content[section.content.length - 1];
  const laneSection = !lanes.some((l) => l.lane.kind !== 'other') && section.subsections.length === 0 && titleText ? laneSectionOf(ctx, section, titleText) : undefined;
  const step: RawStep = {
    title: title ?? '',
    titleSpan: spanOfText(titleText!, off(heading, 'start')),
    span: { start: off(heading, 'start'), end },
    shape: lanes.length ? 'heading' : 'prose',
    lanes: lanes.map((l) => l.lane),
    prose: scan.prose,
    group,
    ...(lanes.length === 0 && scan.tableRows === scan.prose.length ? { tableOnly: true } : {}),
    insertion: afterLane(ctx, last, { at: lastProse ? off(lastProse, 'end') : off(heading, 'end'), indent: '' }),
    disableSite: commentLineBefore(ctx, off(heading, 'start')),
    ...(laneSection ? { laneSection } : {}),
  };
  // A heading read from other markup (a Gherkin scenario) has no Markdown around it for a fix to write in.
  if ((heading.data as Record<string, unknown> | undefined)?.[FIXED_WIDTH]) fixedWidthStep(ctx, step);
  return [step, ...nested];
}

/**
 * A table after the steps it names, one row per step ("| Stop | What the crew have | Who can say yes |" under a diagram
 * whose boxes are titled by the same stops): its lane cells are more lanes of those steps, when two rows or more name
 * steps of the section. The steps take no fix there: a new lane would belong in the table, not beside the step.
 */
function withKeyedRows(steps: RawStep[], rows: readonly RawStep[]): void {
  const byTitle = new Map(steps.map((st) => [st.title.toLowerCase(), st]));
  const hits = rows.filter((r) => r.lanes.length && byTitle.has(r.title.toLowerCase()));
  if (hits.length < 2) return;
  for (const row of hits) {
    const st = byTitle.get(row.title.toLowerCase())!;
    st.lanes = [...st.lanes, ...row.lanes];
    // (a step whose row holds some of its lanes is a table's row too, as the table titles it)
    st.shape = 'table-rows';
    st.insertion = { form: 'none', inPlace: true };
  }
}

/**
 * A section titled by a lane ("## Customer actions", "## Back-office") whose content is one list (an introduction
 * may come first): each item names a step and what the lane does in it ("3. Move-in day – walks the customer...").
 */
function laneSectionOf(ctx: Ctx, section: Section, titleText: SourceText): LaneSection | undefined {
  const reading = proseLabel(titleText.text, ctx.table, true);
  if (!reading || reading.kind === 'other') return undefined;
  const lists = section.content.filter((n): n is List => n.type === 'list');
  if (lists.length !== 1 || section.content.some((n) => n.type !== 'list' && n.type !== 'paragraph')) return undefined;
  const items = laneItems(ctx, lists[0]!, reading, titleText.text.trim(), spanOfText(titleText, off(section.heading, 'start')));
  return items.length ? { reading, items } : undefined;
}

/**
 * A list whose top-level items are lanes, each over a list of the steps that lane takes part in ("- **Parents**" over
 * "- 1. **Booking** — book single days"), as outliners write a lane-major blueprint: one lane section per item.
 */
function laneOutlineSteps(ctx: Ctx, list: List, group: string | undefined): RawStep[] | undefined {
  if (list.children.length < 2) return undefined;
  const steps: RawStep[] = [];
  for (const item of list.children) {
    const [head, nested, ...more] = item.children;
    if (head?.type !== 'paragraph' || nested?.type !== 'list' || more.length) continue;
    const labelText = trimText(inlineText(ctx, head.children, off(head, 'start')));
    // (a lane named by two things, one of them no lane word, is the lane the other names: "Office & bookings")
    const reading =
      labelText.text.split(/\s+/).length > 6
        ? undefined
        : (proseLabel(labelText.text, ctx.table, true) ??
          labelText.text.split(/\s*(?:&|\+|\/|\band\b)\s*/).reduce<LaneReading | undefined>((r, part) => r ?? (part ? proseLabel(part, ctx.table, true) : undefined), undefined));
    // (a step's own lane list, "- **Greet**" over "- Customer: ...", is no lane's list of steps)
    if (nested.children.some((child) => laneOfItem(ctx, child, nested) !== undefined)) return undefined;
    const labelSpan = spanOfText(labelText, off(head, 'start'));
    const read = reading && reading.kind !== 'other' ? reading : UNPLACED;
    const items = laneItems(ctx, nested, read, labelText.text, labelSpan);
    if (!items.length) continue;
    steps.push({
      title: normaliseTitle(labelText.text),
      titleSpan: labelSpan,
      span: { start: off(item, 'start'), end: off(item, 'end') },
      shape: 'list',
      lanes: [],
      prose: [],
      group,
      insertion: { form: 'none', inPlace: true },
      disableSite: commentLineBefore(ctx, off(item, 'start')),
      laneSection: { reading: read, items },
    });
  }
  // Lanes of the customer and of staff, two of them naming the same two steps or more, as lane-major sections do.
  const placed = steps.filter((st) => st.laneSection!.reading.kind !== 'other');
  const kinds = new Set(placed.map((st) => st.laneSection!.reading.kind));
  const titlesOf = (st: RawStep) => new Set(st.laneSection!.items.map((i) => i.title).filter((t) => t !== undefined));
  const titles = placed.map(titlesOf);
  const shared = titles.some((a, x) => titles.some((b, y) => y > x && [...a].filter((t) => b.has(t)).length >= 2));
  if (placed.length < 2 || !kinds.has('customer') || kinds.size < 2 || !shared) return undefined;
  // A block no word list names is a lane too when its steps are the lanes' steps ("Leaders on site" over "- 4. Drop-off"),
  // kept as an unplaced lane that unread-blueprint names; one whose items are no steps ("Open questions") is no lane.
  const known = new Set(titles.flatMap((t) => [...t]));
  return steps.filter((st) => st.laneSection!.reading.kind !== 'other' || [...titlesOf(st)].some((t) => known.has(t)));
}

/** The items of a lane's list of steps: each names a step (its number and title) and holds what the lane does in it. */
function laneItems(ctx: Ctx, list: List, reading: LaneReading, label: string, labelSpan: Span): LaneItem[] {
  const items: LaneItem[] = [];
  list.children.forEach((outer, k) => {
    // ("- 3. **Lunch** — ..." is a bullet holding a one-item numbered list: the number is the step's)
    const wrapped = outer.children.length === 1 && outer.children[0]?.type === 'list' && outer.children[0].children.length === 1 ? outer.children[0] : undefined;
    const item = wrapped ? wrapped.children[0]! : outer;
    const first = item.children[0];
    if (first?.type !== 'paragraph') return;
    const t = blockText(ctx, item.children, off(first, 'start'));
    const strong = first.children[0]?.type === 'strong' ? first.children[0] : undefined;
    const cut = strong ? undefined : /\s[\u2013\u2014-]\s|:\s/.exec(t.text.split(/\r?\n/)[0]!);
    let titleEnd = -1;
    if (strong) titleEnd = t.offsets.indexOf(off(strong, 'end')) >= 0 ? t.offsets.indexOf(off(strong, 'end')) : inlineText(ctx, first.children.slice(0, 1), off(first, 'start')).text.length;
    else if (cut && cut.index <= 60) titleEnd = cut.index;
    const titleSource = titleEnd > 0 ? trimText(sliceText(t, 0, titleEnd)) : undefined;
    const rest = titleEnd > 0 ? sliceText(t, titleEnd) : t;
    const content = sliceText(rest, rest.text.length - rest.text.replace(/^[\s:\u2013\u2014*-]+/, '').length);
    const lineBreak = ctx.text.slice(off(first, 'start')).search(/\r?\n/);
    items.push({
      number: wrapped?.ordered ? (wrapped.start ?? 1) : list.ordered ? (list.start ?? 1) + k : undefined,
      title: titleSource && titleSource.text ? normaliseTitle(titleSource.text) : undefined,
      titleSpan: titleSource ? spanOfText(titleSource, off(first, 'start')) : undefined,
      lane: makeLane(reading, label, labelSpan, content, off(item, 'end')),
      lineEnd: lineBreak < 0 || off(first, 'start') + lineBreak > off(first, 'end') ? off(first, 'end') : off(first, 'start') + lineBreak,
    });
  });
  return items;
}

/**
 * The steps of a document with its lane-major runs read across: the sections of a run give way to one list step per
 * title they share, its lanes one per section. `replaced` maps the index of a run's first section to its steps and
 * the run's other sections to none; other steps stay as they were.
 */
export function withLaneMajor(steps: readonly RawStep[]): { steps: RawStep[]; replaced: Map<number, RawStep[]> } {
  const replaced = new Map<number, RawStep[]>();
  const runs = laneMajorRuns(steps);
  if (!runs.length) return { steps: [...steps], replaced };
  for (const { from, to } of runs) {
    const sections = steps.slice(from, to);
    const merged = mergedItems(sections.map((s) => s.laneSection!)).map(({ first, items }) => mergedStep(first, items, sections[0]!));
    replaced.set(from, merged);
    for (let k = from + 1; k < to; k++) replaced.set(k, []);
  }
  const out: RawStep[] = [];
  steps.forEach((s, k) => out.push(...(replaced.get(k) ?? [s])));
  return { steps: out, replaced };
}

function mergedStep(first: LaneItem, items: readonly LaneItem[], section: RawStep): RawStep {
  const starts = items.map((i) => Math.min(i.lane.labelSpan.start, i.lane.contentSpan.start));
  const ends = items.map((i) => i.lane.contentSpan.end);
  return {
    title: first.title!,
    titleSpan: first.titleSpan!,
    span: { start: Math.min(...starts, first.titleSpan!.start), end: Math.max(...ends) },
    shape: 'list',
    lanes: items.map((i) => i.lane),
    prose: [],
    group: section.group,
    sectionGroup: section.group ?? '',
    // A new lane belongs in a section of its own, not beside one item: no fix writes one.
    insertion: { form: 'none', inPlace: true },
    disableSite: { form: 'in-cell', at: first.lineEnd },
  };
}

/** A step with lanes of two kinds of the service (`other` lanes do not count): one quick fix never makes a step one. */
const laned = (s: RawStep) => new Set(s.lanes.filter((l) => l.kind !== 'other').map((l) => l.kind)).size >= 2;

/**
 * Which steps of a whole document stand (one flag per step, in order): in a document whose steps carry lanes (tables, lane headings, lists), a prose
 * section is a step only beside laned steps under the same parent heading; elsewhere it is commentary (a closing note,
 * a success factor, a narrative). A document without a laned table keeps its prose steps.
 */
export function standingSteps(steps: readonly RawStep[], title?: string): boolean[] {
  // In a blueprint with lanes, a section holding only a table that names no lanes is a matrix or a reference table.
  const matrices = steps.some(laned);
  const summaries = summaryRows(steps);
  const letters = indexLetters(steps, title);
  return standingByGroup(steps).map((keep, i) => keep && !(matrices && steps[i]!.tableOnly) && !summaries.has(i) && !letters.has(i));
}

/**
 * In a document titled as a glossary ("Service design glossary", "Terms we use"), sections titled by single letters in
 * alphabetical order ("A", "B", "C" over its terms) are its index: three or more such steps are no steps of a service.
 */
function indexLetters(steps: readonly RawStep[], title: string | undefined): Set<number> {
  if (!title || !/\b(?:glossary|definitions|terminology|terms|jargon|vocabulary|a-z|a to z|lexicon)\b/i.test(title)) return new Set();
  const at = steps.flatMap((s, i) => (/^[A-Z]$/.test(s.title) ? [i] : []));
  if (at.length < 3 || !at.every((i, k) => k === 0 || steps[i]!.title > steps[at[k - 1]!]!.title)) return new Set();
  return new Set(at);
}

/**
 * The rows of a summary table: a table of steps whose titles are mostly those of heading or list steps read elsewhere
 * in the document ("Service blueprint summary": one row per stage told above) restates them, it adds no steps.
 */
function summaryRows(steps: readonly RawStep[]): Set<number> {
  const out = new Set<number>();
  const told = new Set(steps.filter((s) => s.shape === 'heading' || s.shape === 'list').map((s) => s.title.toLowerCase()));
  if (told.size < 2) return out;
  const tables = new Map<number, number[]>();
  steps.forEach((s, i) => {
    if (s.shape !== 'table-rows' && s.shape !== 'table-columns') return;
    // Rows of one table share its header (a row's own span is the row); columns share the table's span.
    const table = s.insertion.form === 'row' ? s.insertion.headAt : s.span.start;
    const rows = tables.get(table) ?? [];
    rows.push(i);
    tables.set(table, rows);
  });
  for (const rows of tables.values()) {
    const repeated = rows.filter((i) => told.has(steps[i]!.title.toLowerCase())).length;
    if (rows.length >= 2 && repeated * 2 >= rows.length) for (const i of rows) out.add(i);
  }
  return out;
}

function standingByGroup(steps: readonly RawStep[]): boolean[] {
  if (!steps.some((s) => s.shape !== 'prose' && laned(s))) return steps.map(() => true);
  // The parent heading of each laned step's section: a table's or list's section sits in `sectionGroup`.
  const lanedGroups = new Set(steps.filter((s) => s.shape !== 'prose' && laned(s)).map((s) => s.sectionGroup ?? s.group ?? ''));
  // A sub-section inside a laned heading step is part of that step's own section.
  for (const s of steps) if (s.shape === 'heading' && laned(s)) lanedGroups.add(s.title);
  return steps.map((s) => s.shape !== 'prose' || lanedGroups.has(s.group ?? ''));
}

export interface BuiltModel {
  title?: string;
  steps: RawStep[];
  frontMatter?: { value: string; start: number; end: number };
}

/** The root with tables and headings other tools' markup writes as text read as Markdown's (both lint paths call it). */
function withExports(ctx: Ctx, root: Root): Root {
  const { text, lines } = ctx;
  const docs = withMdcComponents(withMyst(withGitBook(withChatMessages(root, text, lines), text, lines), text, lines), text, lines);
  const pasted = withSlackLists(withBbcode(docs, text, lines), text, lines);
  const wiki = withWikiMarkup(withTextTables(pasted, text, lines), text, lines);
  const gherkin = withGherkin(wiki, text, lines, (keyword) => (readLane(keyword, ctx.table)?.kind ?? 'other') !== 'other');
  return withSheetPastes(
    withMermaidSequences(gherkin, text, lines, (label) => readLane(label, ctx.table)?.kind === 'customer'),
    lines,
    (cells) => enoughLanes(laneReadings(ctx, cells), 'header'),
  );
}

/** The model's reading of the tree: other tools' markup, then HTML and JSX flow content, as Markdown nodes. */
function readTree(ctx: Ctx, root: Root): Section {
  const tree = withExports(ctx, root);
  ctx.html = withHtmlFlow(tree, ctx.text, ctx.lines);
  return sectionize(ctx.html?.root ?? tree, ctx.text.length);
}

/**
 * The steps of the top-level content and of the sections under it; the first level-1 heading titles the document,
 * unless `sections` says level-1 headings are sections (a front matter gives the title).
 */
function topSteps(ctx: Ctx, top: Section, sections = false): { steps: RawStep[]; title?: string } {
  const steps: RawStep[] = [...scanContent(ctx, top.content, undefined, undefined).steps];
  let title: string | undefined;
  let titled = false;
  for (const s of top.subsections) {
    // The first level-1 heading titles the document; a later one is a section, as a slide deck's or a wiki's are.
    const isTitle = s.depth === 1 && !sections && !titled;
    const part = s.depth === 1 && !sections && titled;
    if (s.depth === 1 && !fromHtml(s.heading)) titled = true;
    if (isTitle && title === undefined && s.heading) title = normaliseTitle(headingTitle(ctx, s.heading).text);
    steps.push(...collect(ctx, s, undefined, isTitle, !part));
  }
  return { steps: withoutHtmlFixes(ctx, steps), title };
}

/** Steps whose lanes or lane site sit in HTML, or whose title sits in JSX, get no fix: an edit there could not keep the markup. */
function withoutHtmlFixes(ctx: Ctx, steps: RawStep[]): RawStep[] {
  const ranges = ctx.html?.ranges;
  if (!ranges?.length) return steps;
  const inside = (at: number, jsxOnly = false) => ranges.some((r) => at >= r.start && at < r.end && (!jsxOnly || r.jsx));
  for (const st of steps) {
    const site = st.insertion;
    const siteAt = 'at' in site ? site.at : site.form === 'row' ? site.end.at : -1;
    if (st.lanes.some((l) => inside(l.labelSpan.start) || inside(l.contentSpan.start)) || (siteAt >= 0 && inside(siteAt)) || inside(st.titleSpan.start, true)) st.insertion = { form: 'none' };
  }
  return steps;
}

export function buildSteps(root: Root, text: string, lines: LineIndex, table: LaneTable): BuiltModel {
  const ctx: Ctx = { text, lines, table, eol: lines.eol };
  const top = readTree(ctx, root);
  const fm = root.children.find((n) => n.type === 'yaml');
  const sections = levelOneAreSections(fm?.type === 'yaml' ? fm.value : undefined, top.subsections.filter((s) => s.depth === 1).length);
  const { steps, title } = topSteps(ctx, top, sections);
  return {
    title,
    steps,
    frontMatter: fm && fm.type === 'yaml' ? { value: fm.value, start: off(fm, 'start'), end: off(fm, 'end') } : undefined,
  };
}

/** What a unit of the document is to the model: the content before the first heading, a title's own content, or a section. */
export type UnitKind = 'top' | 'title' | 'section' | 'part';

/**
 * The steps of one unit parsed on its own, every position relative to `text` (the unit's text): the content before the
 * first heading (with the sections its HTML headings open), a level-1 heading with its content up to the next heading,
 * or a heading section that is not a title with its subsections. buildSteps of a whole document is the concatenation of
 * its units' steps, each moved to its start.
 */
export function buildUnitSteps(root: Root, text: string, lines: LineIndex, table: LaneTable, eol: string, kind: UnitKind): { steps: RawStep[]; title?: string } {
  const ctx: Ctx = { text, lines, table, eol };
  const top = readTree(ctx, root);
  if (kind === 'top') return topSteps(ctx, top);
  const steps: RawStep[] = [];
  const s = top.subsections[0];
  if (!s?.heading) return { steps };
  // Section lines of other markups (`== 1. Drop-off`) are headings only the reader sees: a unit can hold several.
  // A level-1 heading is a title unless splitUnits made it a section (under a front matter title).
  // ("part": a level-1 heading after the title, a section whose prose alone makes no step)
  for (const sub of top.subsections) steps.push(...collect(ctx, sub, undefined, sub.depth === 1 && kind === 'title', !(sub.depth === 1 && kind === 'part')));
  return { steps: withoutHtmlFixes(ctx, steps), title: kind === 'title' ? normaliseTitle(headingTitle(ctx, s.heading).text) : undefined };
}
