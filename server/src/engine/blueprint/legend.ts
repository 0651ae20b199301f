// A document's legend of its lanes ("Lanes: **Me** (the customer), **Office** (behind the scenes)"): the labels it
// names are that document's lane labels, read in every step as the legend says, as a reviewer reads them.
//
// A legend is a paragraph in which a word for lanes ("lanes", "swimlanes", "actors", "layers", "boxes", "columns",
// "how to read", "legend", "key") comes before its entries, or the list right under such a paragraph, or a section
// titled as a legend ("Lanes", "Legend", "Key", "Service layers"...) whose list items start with a bold label. Entries
// are bold labels with an optional gloss (in parentheses, after "is" or after a dash); after the cue and a colon,
// plain labels set apart by slashes, commas or "and" ("lanes: Cust / Tech (on site) / Kit+sys (support)"); or
// sentences "<labels> is / are / stay <gloss>" ("Dispatch and Finance stay out of sight").
// An entry's lane: its gloss when the gloss says who the lane is (the customer, staff in view or out of sight, the
// support staff have); else the label's own reading, roles included; else the first part of a compound label that
// names a lane ("Tools & kit"). Entries read as nothing are left out. A legend counts when it names at least two lanes
// of two kinds.
import type { LaneKind } from '../types.js';
import { iconHead } from './iconLabel.js';
import { labelSpansAsBold } from './pandocSpans.js';
import { isLegendTitle } from './legendTitle.js';
import { laneTable, normaliseLabel, readLane } from './lanes.js';

// "The rows are:" / "the columns are:" before a list says what a table's lanes are, as "lanes:" does; so does "each
// step lists what the **Customer** does, what the **Counter** does ..." and "Format: each step, then what the **band** ...".
const CUE =
  /\b(?:format(?=[ \t]*:)|lanes?|swim ?lanes?|labels?|tags?|abbrevs?|abbreviations?|actors|layers|bands|box(?:es)?|how to read|legend|keys?|(?:under|below|beneath|for|in)\s+(?:each|every)\s+(?:step|heading|stage|section|part|bit|moment|bullet|item)(?:\s+of\s+(?:the|your|a|our|this)\s+[\w-]+)?(?:[ \t]+there(?:['\u2019]s|[ \t]+is|[ \t]+are)|(?=[ \t]*:)|,?[ \t]+(?:you['\u2019]ll|you\s+will|you|we['\u2019]ll|we)\s+(?:see|find|read|show)|,?[ \t]+(?:I|we)(?:['\u2019]ve|\s+have)?\s+(?:put|listed|written|wrote|noted|set\s+out|given))|(?:each|every)[ \t]+(?:step|paragraph|stage|section|card|bullet|item|row|column|heading)(?:[ \t]+(?:below|here|above))?[ \t]+(?:is|lists|shows|says|gives|describes|sets out|has|have|got|gets|contains|includes|records|notes|covers)|(?:rows|columns)(?=[ \t]+(?:are|is)[ \t]*:)|(?:cols|columns)(?=[ \t]*:))\b/gi;
// A gloss in parentheses, or after "is" / "are" up to the end of the clause ("**Tenant** is the customer;"); a comma
// stays inside it ("**Kit** is the time, tools and say-so we give staff").
// "means", "stands for", "does" and "=" introduce a gloss as "is" does ("**You** means the stylist", "the **Counter** does
// in front of them", "**Pax** = passenger").
// A place after the label glosses it too ("what happens **behind you** at head office").
const BOLD_ENTRY =
  /\*\*([^*\r\n]{1,40}?)\*\*(?:[ \t]*\(([^)\r\n]{1,100})\)|(?:[ \t]+(?:is|are|means|stands[ \t]+for|does|do|works?|stays?|sits?)|[ \t]*(?:=|[\u2192\u21d2\u2794\u279c]|->|=>))[ \t]+([^;.()*\r\n]{1,80})|[ \t]+((?:at|in)[ \t]+[^;.,()*\r\n]{1,60}))?/g;
const ITEM_ENTRY = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\*\*([^*\r\n]{1,40}?)\*\*[ \t]*(?:[:\u2013\u2014-][ \t]*)?(?:\(([^)\r\n]{1,100})\)|([^\r\n]{0,100}))/;
// A line opened by a bold label and a separator, before the cue word: the cue is in that lane's text.
const LANE_LINE = /^[ \t]*\*\*[^*\r\n]{1,40}\*\*[ \t]*(?::|[\u2013\u2014]|-[ \t])[^\r\n]*$|^[ \t]*\*\*[^*\r\n]{1,40}:\*\*[^\r\n]*$/;
// A code-ticked word opening a line before a separator: a key's label ("`customer` → what they experience").
const CODE_KEY = /^([ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?)`([^`\r\n]{1,40})`(?=[ \t]*(?:[:=\u2013\u2014\u2192\u21d2\u2794\u279c]|->|=>|-[ \t]))/gm;
// So does a bracketed tag opening a key's line ("[Kantoor] = office and harbour"), as lines tagged so write their lanes.
const BRACKET_KEY = /^([ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?)\[([^\]\r\n]{1,40})\](?=[ \t]*(?:[:=\u2013\u2014\u2192\u21d2\u2794\u279c]|->|=>|-[ \t]))/gm;
// A key's line with no list marker, one label a line (hard line breaks): "**depot** → planning, admin".
const KEY_LINE = /^[ \t]{0,3}\*\*([^*\r\n]{1,40}?)\*\*[ \t]*(?:[:=\u2013\u2014\u2192\u21d2\u2794\u279c]|->|=>|-(?=[ \t]))[ \t]*([^\r\n]{1,100}?)[ \t\\]*$/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** Past this many cue words a document is not written with a legend near them; the scan stays linear and short. */
const MAX_CUES = 40;

export type LaneSynonyms = Partial<Record<LaneKind, string[]>>;

/** The lane labels a document's legend names, by kind (empty when it has no legend). */
export function legendLanes(source: string): LaneSynonyms {
  // Labels, not offsets, come out: one line ending keeps paragraphs and lines the same in CR, CRLF and mixed files.
  // HTML bold (a legend on a saved web page: "what the <b>Counter</b> does") is bold.
  // (a front matter's keys and lists are no key to the lanes: "tags: [a, b]")
  const text = labelSpansAsBold((source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source).replace(FRONT_MATTER, (m) => m.replace(/[^\n]/g, ' ')))
    .replace(/<\/?(?:b|strong)>/gi, '**')
    // (a key written in code spans, "`depot` → planning and admin", or in brackets sets its labels off as bold does)
    .replace(CODE_KEY, '$1**$2**')
    .replace(BRACKET_KEY, '$1**$2**');
  const entries: Entry[] = [];
  const seen = new Set<number>();
  let cues = 0;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m && cues < MAX_CUES; m = CUE.exec(text), cues++) {
    const [start, end] = paragraphAround(text, m.index);
    if (seen.has(start)) continue;
    seen.add(start);
    // (a cue inside a bold run, "**Lanes we're using**", is read from the paragraph's start so the bold pairs stay aligned)
    const para = text.slice((text.slice(start, m.index).match(/\*\*/g)?.length ?? 0) % 2 === 1 ? start : m.index, end);
    // A heading, table row or list item is not a legend paragraph (a list under a legend title is read below).
    if (/^[ \t]*(?:#|\||[-*+][ \t]|\d+[.)][ \t])/.test(text.slice(start, m.index))) continue;
    // Nor is a lane's own line that says the word ("**Customer** — hands over a key", "**Staff:** stacks the boxes").
    if (LANE_LINE.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue;
    // (a writer who sets no label in bold may set them in italics: "what *they* (the customers) do, what *you* do")
    const flat = para.replace(/\n/g, ' ');
    const found = shared([...(flat.includes('**') ? flat : flat.replace(/(?<![*\w])[*_]([^*_\s][^*_]{0,38}?)[*_](?![*\w])/g, '**$1**')).matchAll(BOLD_ENTRY)]);
    const said = found.length >= 2 ? [] : whatEntries(para);
    if (found.length >= 2) entries.push(...found);
    else if (said.length >= 2) entries.push(...said);
    else {
      const plain = plainEntries(para);
      if (plain.length >= 2) entries.push(...plain);
      else {
        // (a list right under the cue's line, no blank line between, shares its paragraph: "Each step has:\n- Client = ...")
        const below = listAfter(text, end);
        entries.push(...(below.length ? below : listAfter(text, lineEndAt(text, m.index))));
      }
    }
  }
  for (const section of legendSections(text)) entries.push(...section);
  entries.push(...glossaryItems(text));
  entries.push(...keyTables(text));
  entries.push(...letterKeys(text));
  entries.push(...definitionEntries(text));
  entries.push(...lineEntries(text));
  return withReader(text, synonyms(entries));
}

// A label at a line's start: a list item's or a bold label before a colon, a heading alone, a table row's first cell.
const LINE_LABEL =
  /^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N}'’&/ ()-]{0,40}?)(?:\*\*|__)?[ \t]*(?:\*\*)?:|^#{1,6}[ \t]+([\p{L}][\p{L}'’&/ ()-]{0,40}?)[ \t]*$|^\|[ \t]*(?:\*\*)?([\p{L}][\p{L}'’&/ ()-]{0,40}?)(?:\*\*)?[ \t]*\|/gmu;

/**
 * "You" lanes in a document whose other lanes name the customer are the reader at work ("You at the table" beside
 * "Parents & carers" in a guide for staff): frontstage, or the side a gloss's role says ("You (the stylist)").
 */
function withReader(text: string, lanes: LaneSynonyms): LaneSynonyms {
  if (!/^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|#{1,6}[ \t]+|\|[ \t]*)?(?:\*\*|__)?you\b/im.test(text)) return lanes;
  const base = laneTable();
  const yours: string[] = [];
  let customer = (lanes.customer ?? []).some((l) => !/^you\b/i.test(l));
  for (const m of text.matchAll(LINE_LABEL)) {
    const label = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (!label || label.split(/\s+/).length > 5) continue;
    if (/^you\b/i.test(label)) {
      if (!yours.includes(label) && readLane(label, base) === undefined) yours.push(label);
    } else if (!customer && readLane(label, base)?.kind === 'customer') customer = true;
  }
  if (!customer || yours.length === 0) return lanes;
  const out: LaneSynonyms = { ...lanes };
  for (const label of yours) {
    const gloss = /\(([^)]+)\)/.exec(label)?.[1];
    const said = gloss ? readLane(gloss, base) : undefined;
    const kind: LaneKind = said && said.kind !== 'customer' && said.kind !== 'other' ? said.kind : 'frontstage';
    if (!(out[kind] ?? []).includes(label)) out[kind] = [...(out[kind] ?? []), label];
  }
  return out;
}

// A table that keys the lanes: a Lane (Label, Key, Row...) column beside a Meaning (Who, Description...) column.
const KEY_TABLE_HEAD =
  /^[ \t]*\|?[ \t]*(?:\*\*)?(?:lanes?|swim ?lanes?|layers?|rows?|bands?|keys?|labels?|abbreviations?|tags?|codes?)(?:\*\*)?[ \t]*\|[ \t]*(?:\*\*)?(?:meaning|means|stands for|description|definition|explanation|who(?: it is)?|what it (?:is|means|covers|holds)|covers|gloss)(?:\*\*)?[ \t]*\|?[ \t]*$/i;

/** The rows of a table keying the lanes ("| Lane | Meaning |" then "| NOC | remote, customer never sees us |"). */
function keyTables(text: string): Entry[] {
  if (!text.includes('|')) return [];
  const out: Entry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i + 2 < lines.length; i++) {
    if (!KEY_TABLE_HEAD.test(lines[i]!) || !/^[ \t]*\|?[ \t]*:?-{2,}/.test(lines[i + 1]!)) continue;
    for (let k = i + 2; k < lines.length && /^[ \t]*\|/.test(lines[k]!); k++) {
      const cells = lines[k]!.replace(/^[ \t]*\|/, '')
        .split('|')
        .map((c) => c.trim().replace(/^[*_`]+|[*_`]+$/g, ''));
      if (cells[0] && cells[1]) out.push({ label: cells[0], gloss: cells[1] });
    }
  }
  return out;
}

// "(a) what the customer may expect, (b) what the shop does, ... (d) what the firm provides": a key by clause letters.
const LETTER_GLOSS = /\(([a-h])\)[ \t]+((?:what|who|where|how|everything|anything)\b[^,;()]{1,100}?)(?=[ \t]*(?:,|;|\.(?:\s|$)|\band\b[ \t]*\(|$))/g;
// A lane line opened by a clause letter: "a) The customer – may telephone", "(d) **Behind us:** ...".
const LETTERED_LINE = /^[ \t]*(?:[-*+][ \t]+)?\(?([a-h])\)[ \t]+(?:\*\*|__)?([\p{L}][^:\u2013\u2014*_\r\n]{0,39}?)(?:\*\*|__)?[ \t]*(?::|[ \t][\u2013\u2014-][ \t])/gmu;

/**
 * A key that gives each lane a clause letter and the lines that open with those letters: each line's label is the lane
 * its letter's gloss says ("d) Behind us – ..." under "(d) what the firm provides so that you can keep our word").
 */
function letterKeys(text: string): Entry[] {
  if (!/\([a-h]\)[ \t]+(?:what|who|where|how|everything|anything)\b/.test(text)) return [];
  const glosses = new Map<string, string>();
  for (const para of text.split(/\n[ \t]*\n/)) {
    const found = [...para.replace(/\s+/g, ' ').matchAll(LETTER_GLOSS)];
    if (found.length >= 2) for (const m of found) glosses.set(m[1]!, m[2]!.trim());
  }
  if (glosses.size < 2) return [];
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(LETTERED_LINE)) {
    const gloss = glosses.get(m[1]!);
    const label = m[2]!.trim();
    if (!gloss || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    out.push({ label, gloss });
  }
  return out;
}

// "Pax = passengers (driver + party). Res = reservations team." A short label, "=", its gloss; a lower-case writer's
// labels are lower case ("cust = the customer. us = whoever's on the job."); a comma or a middle dot sets definitions
// apart as a full stop does ("DRIVER = the customer, DESK = service desk", "Them = the customer · Back = the workroom").
const DEFINITION = /(?:^|[.;,:\u00b7\u2022]\s+)([A-Za-z][\w&+'\u2019/ -]{0,30}?)\s+=\s+([^.;=\u00b7\u2022\n]{1,80}?)(?=\s*(?:[.;\u00b7\u2022]|,\s*[A-Za-z][\w&+'\u2019/ -]{0,30}?\s+=|$))/g;

const LINE_DEFINITION = /^[ \t]{0,3}([A-Za-z][\w&+'\u2019/ -]{0,30}?)[ \t]+=[ \t]+([^=\r\n]{1,100}?)[ \t\\]*$/;

/**
 * A paragraph of two or more "Label = gloss" definitions is a key to the document's abbreviations, with or without a
 * word for lanes before it; a label of several names set apart by slashes ("Booth/marshals = port staff") is each.
 */
function definitionEntries(text: string): Entry[] {
  const out: Entry[] = arrowLines(text);
  if (!text.includes(' = ')) return out;
  for (const para of text.split(/\n[ \t]*\n/)) {
    if (!para.includes(' = ') || /^[ \t]*(?:#|\||[-*+][ \t]|\d+[.)][ \t]|```|~~~)/.test(para)) continue;
    // one definition a line, no full stops between ("Family = the family we welcome" / "Office = caseworkers")
    const lines = para
      .split('\n')
      .map((line) => LINE_DEFINITION.exec(line))
      .filter((m) => m !== null);
    if (lines.length >= 2) {
      for (const m of lines) out.push({ label: m[1]!.trim(), gloss: m[2]!.trim() });
      continue;
    }
    const found = [...para.replace(/\n/g, ' ').matchAll(DEFINITION)];
    if (found.length < 2) continue;
    // (the whole label too, when its parts are words: lanes may be written with it, "truck/say-so: forge and anvil"; "T/O"
    // stays two abbreviations)
    for (const m of found) {
      const parts = m[1]!.split('/');
      const whole = parts.length > 1 && parts.every((p) => /\p{L}{2}/u.test(p)) ? [m[1]!] : [];
      for (const label of [...whole, ...parts]) if (label.trim()) out.push({ label: label.trim(), gloss: m[2]!.trim() });
    }
  }
  return out;
}

// "painters → the customers", one definition a line, no list marker: a key of the labels written under it.
const ARROW_LINE = /^[ \t]{0,3}([\p{L}][\p{L}'\u2019&/ -]{0,30}?)[ \t]*(?:[\u2192\u21d2\u2794\u279c]|->|=>)[ \t]+([^\r\n]{1,100}?)[ \t\\]*$/u;

/** Two or more consecutive plain lines "label → gloss" (not list items: those are a step's lanes). */
function arrowLines(text: string): Entry[] {
  if (!/[\u2192\u21d2\u2794\u279c]|->|=>/.test(text)) return [];
  const out: Entry[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    const found = para
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => ARROW_LINE.exec(line));
    if (found.length >= 2 && found.every((m) => m !== null)) for (const m of found) out.push({ label: m![1]!.trim(), gloss: m![2]!.trim() });
  }
  return out;
}

// "`Given`/`Then` lines are the patient's side": lines opened by a code-ticked word are the lane the gloss says.
const LINE_ENTRY = /((?:`[^`\n]{1,20}`[ \t]*(?:\/|,|or|and)?[ \t]*)+)lines?\b[^.;,`]{0,40}?(?:`[^`\n]{1,20}`[^.;,`]{0,20}?)?[ \t]+(?:are|is|stay|say)[ \t]+([^.;,\n]{1,80})/g;

/** Sentences saying what the lines opened by a keyword are (a feature file's legend); each keyword is a label. */
function lineEntries(text: string): Entry[] {
  if (!/`[ \t]+lines?\b/.test(text)) return [];
  const out: Entry[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    if (!/`[ \t]+lines?\b/.test(para) || /^[ \t]*(?:#|\||```|~~~)/.test(para)) continue;
    for (const m of para.replace(/\s+/g, ' ').matchAll(LINE_ENTRY)) for (const w of m[1]!.matchAll(/`([^`]+)`/g)) out.push({ label: w[1]!, gloss: m[2]!.trim() });
  }
  return out;
}

interface Entry {
  label: string;
  gloss?: string;
  /** The rest of an "is" gloss after its first clause, read when the first reads nothing ("is the time, tools and ..."). */
  more?: string;
}

// "what the climber gets, what the instructor does": who gets is the customer, who does is staff.
// ("what the hut and office do": two teams joined by "and" are one lane)
const WHAT_ENTRY =
  /\bwhat (?:the |our |a |an )?([\p{L}][\p{L}'’-]*(?: (?:and |& |\/ )?[\p{L}][\p{L}'’-]*){0,2}?) (gets?|receives?|experiences?|feels?|sees(?:\/does)?|does|do|says?)\b([^,;.]{0,40})/giu;

// "what we do at the counter", "what happens in the engraving room": the place names the lane of the people there.
const WHAT_PLACE =
  /\bwhat (?:(?:we|you|staff|they) (?:do|does)|happens|goes on) (at|in|on|behind) the (?!scenes\b|curtain\b)([\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*){0,2}?)(?=[ \t]*(?:[,;.]|and\b|or\b|$))/giu;
// "what we lean on", "what we've got": what the firm has to work with is a lane named so.
const WHAT_WE_HAVE = /\bwhat (?:we|you|I)(?:['’]ve)? (?:(?:actually|really) )?(?:lean on|rely on|count on|have|use|keep|got|work with)\b/giu;

/** Plain "what the X gets / does" entries after a cue ("each step is what the climber gets, what the desk does"). */
function whatEntries(para: string): Entry[] {
  const flat = para.replace(/\s+/g, ' ');
  return [
    ...[...flat.matchAll(WHAT_ENTRY)]
      .filter((m) => !/^(?:we|you|they|it|happens)$/i.test(m[1]!))
      // (where the clause says they work decides their side: "what the front desk / office does behind the scenes")
      .map((m) => {
        const where = glossKind(m[3] ?? '');
        const gloss = where === 'backstage' || where === 'frontstage' ? m[3]!.trim() : `${m[1]} does`;
        return { label: m[1]!, gloss: /^(?:gets?|receives?|experiences?|feels?|sees)/i.test(m[2]!) ? 'the customer' : gloss };
      }),
    // (what happens in a room is done out of sight)
    ...[...flat.matchAll(WHAT_PLACE)].map((m) => ({
      label: m[2]!,
      // (where we work is read by its own words: a counter is in front, an archive says nothing)
      gloss: /^(?:happens|goes on)/i.test(m[0].slice(5)) ? `what happens in the ${m[2]}, behind the scenes` : undefined,
    })),
    ...[...flat.matchAll(WHAT_WE_HAVE)].map((m) => ({ label: m[0], gloss: 'what we have to work with' })),
  ];
}

/** Bold entries; "**A** and **B** work behind the doors" gives both the one gloss. */
function shared(matches: RegExpExecArray[]): Entry[] {
  const out = matches.map((b) => isEntry(b[1]!, b[2], b[3] ?? b[4]));
  for (let i = out.length - 2; i >= 0; i--) {
    const between = matches[i + 1]!.input.slice(matches[i]!.index + matches[i]![0].length, matches[i + 1]!.index);
    // (only a verb's gloss is shared: "**A**, **B** (evidence)" glosses B alone)
    if (out[i]!.gloss === undefined && matches[i + 1]![3] !== undefined && /^\s*(?:and|&)\s*$/.test(between)) out[i] = { ...out[i + 1]!, label: out[i]!.label };
  }
  return out;
}

/** A bold entry: its gloss in parentheses, or its "is" gloss's first clause, then all of it. */
function isEntry(label: string, parenthesised: string | undefined, is: string | undefined): Entry {
  if (parenthesised !== undefined || is === undefined) return { label, gloss: parenthesised };
  const first = is.split(',')[0]!;
  return first === is ? { label, gloss: is } : { label, gloss: first, more: is };
}

// "Crew: what you guys do out in the field": a plain label on its own line, glossed by what or who the lane is.
// (a list item too, and a gloss in brackets may follow the label: "- User [Nutzer]: the PI who orders", "- Behind (lab,
// data): what the user does not see"; after "=" any gloss: "- Tech = whoever's on the run")
const PLAIN_KEY_LINE =
  /^[ \t]{0,3}(?:[-*+][ \t]+)?([\p{L}][\p{L}'\u2019&/ -]{0,30}?(?:[ \t]*[([][^)\]\r\n]{1,40}[)\]])?)[ \t]*(?::[ \t]+((?:what|who|whoever|where|everything|anything|the|our|us|we)\b[^\r\n]{0,100}?)|=[ \t]+([^\r\n]{1,100}?))[ \t\\]*$/u;

/** The bold-labelled items of a list right after a legend paragraph ("- **Older person** – what they do and get"). */
function listAfter(text: string, paragraphEnd: number): Entry[] {
  const out: Entry[] = [];
  const lines = text
    .slice(paragraphEnd)
    .replace(/^\s*\n/, '')
    .split(/\r?\n/);
  for (const line of lines.slice(0, 12)) {
    const m = ITEM_ENTRY.exec(line) ?? KEY_LINE.exec(line) ?? PLAIN_KEY_LINE.exec(line);
    const icon = m ? undefined : iconItem(line);
    if (!m && !icon) break;
    out.push(icon ?? { label: m![1]!, gloss: m![2] ?? m![3] });
  }
  return out.length >= 2 ? out : [];
}

const COLOUR_NAME = /^(?:yellow|blue|green|red|orange|purple|violet|pink|grey|gray|black|white|brown|teal|cyan|magenta|lilac)(?=[ \t]*(?:[:=\u2013\u2014]|-[ \t]))[ \t]*/i;

/** A legend item that gives an icon and what it stands for ("- 👤 what the user does / sees"). */
function iconItem(line: string): Entry | undefined {
  const item = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+/.exec(line);
  const head = item ? iconHead(line.slice(item[0].length)) : undefined;
  if (!item || !head) return undefined;
  // (a sticky's colour may name the icon before the separator: "🟨 yellow = the client")
  const gloss = line
    .slice(item[0].length + head.contentFrom)
    .replace(COLOUR_NAME, '')
    .replace(/^[:=\u2013\u2014-][ \t]*/, '')
    .trim();
  return gloss ? { label: head.icon, gloss: gloss.slice(0, 100) } : undefined;
}

/** Plain entries after the cue and a colon, set apart by slashes, commas, "and" or bars; or "<labels> is / stay <gloss>" sentences. */
function plainEntries(para: string): Entry[] {
  // (the colon may close a later sentence, the labels on the next line: "Each bullet is a stage. Underneath it:\nRider, ...")
  const colon = /^[^:\r\n]{0,40}:[ \t]*([^\r\n]+)/.exec(para) ?? /[.!?][ \t]+[^:.!?\r\n]{1,40}:[ \t]*\r?\n[ \t]*([^\r\n]+)/.exec(para);
  if (!colon) return [];
  const rest = wrapped(colon[1]!, para.slice(colon.index + colon[0].length));
  const list = rest.split(/(?<=\S)\.(?:\s|$)/)[0]!;
  // separators inside a gloss's parentheses part nothing ("Tech (on site, visible)")
  const masked = list.replace(/\([^)]*\)/g, (g) => g.replace(/[,;|/]|\band\b/g, (c) => '\u0000'.repeat(c.length)));
  const parts: string[] = [];
  // Entries set apart by middle dots or bullets keep their commas for the glosses ("#kit is tools, money and say-so").
  // ("X = the workshop and the yard": an "=" gloss keeps its "and")
  const sep = DOTTED.test(masked) ? /\s+[·•]\s+/g : / = /.test(masked) ? /\s+\/\s+|\s*[,;|]\s*/g : /\s+\/\s+|\s*[,;|]\s*|\s+and\s+/g;
  let from = 0;
  for (let m = sep.exec(masked); ; m = sep.exec(masked)) {
    parts.push(list.slice(from, m ? m.index : list.length).trim());
    if (!m) break;
    from = m.index + m[0].length;
  }
  parts.splice(0, parts.length, ...parts.filter(Boolean));
  // "Label is / = gloss" ("#gm is the game master in front of the guests"), or "Label (gloss)"
  const listed = parts
    .map((p) => /^(\S[^()]{0,29}?)\s+(?:is|are|=|means|works?|stays?|sits?)\s+([^()]{1,80})$/.exec(p) ?? /^([^()]{1,30}?)\s*(?:\(([^)]{1,80})\))?$/.exec(p))
    .filter((m) => m !== null);
  if (listed.length >= 2 && listed.length === parts.length) return listed.map((m) => ({ label: m[1]!, gloss: m[2] }));
  const out: Entry[] = [];
  for (const sentence of rest.split(/(?<=[.;])\s+/)) {
    const m = /^((?:[A-Z][\w&+'-]*(?:\s[A-Z&][\w&+'-]*)?)(?:(?:,\s*|,?\s+and\s+)[A-Z][\w&+'-]*(?:\s[A-Z&][\w&+'-]*)?)*)\s+(?:is|are|stays?|sits?|works?)\s+(.+?)[.;]?$/.exec(sentence.trim());
    if (!m) continue;
    for (const label of m[1]!.split(/,\s*|,?\s+and\s+/)) out.push({ label, gloss: m[2] });
  }
  return out;
}

const DOTTED = /\s[·•]\s/;

/**
 * A list line with the lines it wraps onto: the next line goes on while a gloss's parenthesis is open, after a comma, or
 * when both set entries apart by middle dots.
 */
function wrapped(line: string, after: string): string {
  let out = line;
  const more = after.split('\n').slice(1, 6);
  for (const next of more) {
    const open = (out.match(/\(/g)?.length ?? 0) > (out.match(/\)/g)?.length ?? 0);
    if (!next.trim() || !(open || /,[ \t]*$/.test(out) || (DOTTED.test(out) && DOTTED.test(next)))) break;
    out = `${out.trimEnd()} ${next.trim()}`;
  }
  return out;
}

// Who a gloss says the lane is: staff in view, staff out of sight, what staff have to work with, or the customer.
const GLOSS_KINDS: ReadonlyArray<[LaneKind, RegExp]> = [
  [
    'backstage',
    /\b(?:what is (?:done|made|prepared|kept|checked) (?:in|at) (?:the|our) \w+|out of sight|behind the (?:scenes|curtain|doors?)|out (?:the )?back|in the back(?! of)|back of house|back ?room|back ?office|work ?room|workshop|unseen|invisible|hidden|never (?:sees?|meets?)|not (?:seen|visible)|(?:does ?n[o'\u2019]?t|do ?n[o'\u2019]?t|can ?n[o'\u2019]?t|cannot) (?:see|meet)|stays? out of)\b/i,
  ],
  [
    'frontstage',
    /\b(?:what the (?:person|people|staff|team|colleague|member of staff) (?:in|at|on|behind) the \w+ doe?s|^whoever(?!\s+(?:booked|books|ordered|orders|bought|buys|paid|pays|hired|hires|rang|rings|called|calls|enquired|asks|asked))|who(?:ever)? (?:is|are|['\u2019]s) (?:working|serving|running|on|in|at) the|in front of|in view|visible|face to face|(?:in )?contact with|faces?|facing|front of house|on the floor|with them$|talks? to|speaks? to|meets?|on the (?:phone|line)|(?:sees?|hears?|watch(?:es)?) (?:us|you|staff|them|the \w+ (?:do|say))|(?:customer|client|guest|patient|caller|visitor|member|user)s? sees? (?:her|him|them|us|it)\b|what (?:the \w+|they|you) (?:sees?|hears?)|sees|seen by|(?:they|you|customers?|guests?) see|the one (?:she|he|they) (?:sees?|meets?))\b/i,
  ],
  [
    'support',
    /\b(?:support|tools?|systems?|kit|gear|equipment|resources?|(?:can )?sign (?:it )?off (?:themselves|yourself|himself|herself)|can count on(?! from (?:us|the \w+))|backs? (?:\w+ )?up|backs? (?:the |our )?(?:team|staff|people|crew|them|us)\b|(?:you|they|staff) (?:have|use|work with)|what (?:we|you)(?:['\u2019]ve| have)?(?: \w+ly)? got|what we (?:have|use)|(?:we|they) (?:put|give|provide)\b[^.;]{0,20}\b(?:behind|to) (?:you|them|staff|the team)|what\b[^.;]{0,30}\b(?:provides?|supplies|gives us)\b|what (?:we|you|they|staff) carry|what helps? (?:the )?(?:staff|team|us|you|them)|(?:can )?ok (?:it )?(?:yourself|themselves|himself|herself)|allowed to decide|authority)\b/i,
  ],
  // ("what he can count on from us": who receives from the firm is its customer; so is "whoever booked")
  [
    'customer',
    /\b(?:the (?:customer|client|guest|patient|caller|passenger|member|user|buyer|booker)s?|^whoever (?:booked|books|ordered|orders|bought|buys|paid|pays|hired|hires)|(?:do|does) and gets?|gets? and (?:do|does)|(?:count on|expects?|gets?|receives?) from (?:us|the (?:team|firm|company|shop|business)))\b/i,
  ],
];

function glossKind(gloss: string): LaneKind | undefined {
  for (const [kind, re] of GLOSS_KINDS) if (re.test(gloss)) return kind;
  return undefined;
}

const LEGEND_TITLE_ENTRY = /^(?:the\s+|our\s+)?(?:lanes?|swim ?lanes?|legend|key|labels?)\b(?!\s*(?:worker|holder|contact|account))/i;

/** A legend's entries read as lanes, in a shape `laneTable` takes. */
function synonyms(entries: readonly Entry[]): LaneSynonyms {
  const base = laneTable();
  const out: LaneSynonyms = {};
  const kinds = new Set<LaneKind>();
  let count = 0;
  // A legend lists the customer's lane first: with no entry read as the customer, a first entry read as nothing is it.
  const lanes = entries.filter((e) => !LEGEND_TITLE_ENTRY.test(bare(e.label)));
  const firstUnread = lanes.length > 0 && !lanes.some((e) => entryKind(bare(e.label), e.gloss, base) === 'customer') ? lanes[0] : undefined;
  for (const e of entries) {
    const label = bare(e.label);
    // (the legend's own title is no lane: "**Lanes we're using**")
    if (!label || normaliseLabel(label).length === 0 || LEGEND_TITLE_ENTRY.test(label)) continue;
    let kind = entryKind(label, e.gloss, base);
    if ((!kind || kind === 'other') && e.more) kind = entryKind(label, e.more, base);
    kind ??= e === firstUnread ? 'customer' : undefined;
    if (!kind || kind === 'other' || out[kind]?.includes(label)) continue;
    (out[kind] ??= []).push(label);
    // (the writer who is "**I**" in the legend labels their lines "Me:")
    const self = /^i$/i.test(label) ? 'Me' : /^me$/i.test(label) ? 'I' : undefined;
    if (self) out[kind]!.push(self);
    kinds.add(kind);
    count++;
  }
  return count >= 2 && kinds.size >= 2 ? out : {};
}

// "what the user does / sees": what the customer does is their lane, whatever they also see ("you" may be the staff reader).
const CUSTOMER_DOES = /^(?:what|everything) (?:the (?:customer|client|guest|patient|caller|passenger|member|user|buyer|seller|booker)s?) (?:does|do)\b(?!\s*(?:not|n['\u2019]t)\b)/i;

/** A label as the legend means it: a tag's "#" ("#guest") and code ticks ("`Pro shop`") mark it, they are no part of it. */
function bare(label: string): string {
  return label
    .replace(/[:\s]+$/, '')
    .replace(/^`([^`]+)`$/, '$1')
    .replace(/^#/, '')
    .trim();
}

// "(the shopper doesn't)" after a sibling "(the shopper sees them)": the customer does not see this lane.
const UNSEEN_ELLIPSIS = /\b(?:does ?n[o'\u2019]?t|do ?n[o'\u2019]?t|never|can ?n[o'\u2019]?t|cannot)[ \t]*[.)]?$/i;

const OURS = /^[ \t]*(?:us|we|you|our[ \t]+(?:team|people|staff|crew))\b(?![ \t]*(?:provide|give|supply))/i;

const GIVEN = /\b(?:provides?|supplies|gives?|put behind)\b/i;

function entryKind(label: string, gloss: string | undefined, base: ReturnType<typeof laneTable>): LaneKind | undefined {
  if (gloss && UNSEEN_ELLIPSIS.test(gloss.trim())) return 'backstage';
  if (gloss && CUSTOMER_DOES.test(gloss.trim())) return 'customer';
  const said = gloss ? glossKind(gloss) : undefined;
  // A gloss that says whether the customer sees them says which side they are on, whatever its nouns ("techs ... face to face").
  if (said === 'frontstage' || said === 'backstage') return said;
  // A gloss that opens with the firm's own people is them at work, wherever it places them ("us at the client office").
  if (gloss && OURS.test(gloss) && said !== 'support') return 'frontstage';
  const g = gloss ? readLane(gloss, base) : undefined;
  if (g && (g.kind === 'customer' || g.basis === 'synonym' || g.basis === 'lane-word')) return g.kind;
  const own = readLane(label, base);
  // people are never a support lane: "**Agent** (support centre)" names the agent's team
  // (unless the gloss says what is given to them: "**Behind us** (what the firm provides so you can keep our word)")
  if (said && !(said === 'support' && own?.basis === 'role' && !GIVEN.test(gloss!))) return said;
  if (own) return own.kind;
  // In a firm's own blueprint "us" / "we" / the writer's "I" are its people at work, in the customer's view unless a
  // gloss says otherwise.
  if (/^(?:us|we|i|me)$/i.test(label.trim())) return 'frontstage';
  // A gloss that names staff by a role or team ("reservations team", "port staff on the linkspan side", "the workshop and
  // the MOT bay") is theirs.
  // (a place gloss names the place: "at head office or with the operators")
  const people = gloss ? readLane(gloss.replace(/^(?:at|in|on)\s+/i, '').split(/\s+(?:on|in|at|for|with|of|from|and|or|&)\s+/)[0]!, base) : undefined;
  if (people?.basis === 'role') return people.kind;
  for (const part of label.split(/\s*(?:&|\/|,|\+|\band\b)\s*/i)) {
    const r = part ? readLane(part, base) : undefined;
    if (r && (r.basis === 'synonym' || r.basis === 'lane-word')) return r.kind;
  }
  return undefined;
}

/** The offset of the end of the line holding `at`. */
function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Offsets of the paragraph (lines between blank lines) around `at`. */
function paragraphAround(text: string, at: number): [number, number] {
  const blankBefore = text.lastIndexOf('\n\n', at);
  const blankAfter = text.indexOf('\n\n', at);
  return [blankBefore < 0 ? 0 : blankBefore + 2, blankAfter < 0 ? text.length : blankAfter];
}

// "- **Kunde** is the client.": a list item that defines its bold term by "is", "means" or "=".
const GLOSSARY_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\*\*([^*\r\n]{1,40}?)\*\*[ \t]+(?:is|are|means|stands[ \t]+for|=)[ \t]+([^\r\n]{1,100})/;
// "_Les élèves_ are our guests. _Commis & plonge_ is everyone out back.": an emphasised term defined in a sentence.
// (or in one sentence, set apart by commas: "*Client* is the person we feed, *Backing* is what the charity provides")
const GLOSSARY_TERM = /(?:^|[.;!?),]\s+(?:and\s+)?)(\*\*|__|\*|_)([^*_\n]{1,40}?)\1\s+(?:is|are|means|stands\s+for)\s+([^.;!?]{1,120}?)(?=\s*(?:[.;!?]|,\s*(?:and\s+)?[*_]|$))/g;

/**
 * A list of two or more items each defining a bold term ("- **Kunde** is the client."), or a paragraph of two or more
 * sentences each defining an emphasised term, is a glossary of lanes, cue or not.
 */
function glossaryItems(text: string): Entry[] {
  if (!text.includes('** ') && !/[*_] (?:is|are|means) /.test(text)) return [];
  const out: Entry[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    if (/^[ \t]*(?:#|\||[-*+][ \t]|\d+[.)][ \t]|```|~~~)/.test(para)) continue;
    const found = [...para.replace(/\n/g, ' ').matchAll(GLOSSARY_TERM)];
    if (found.length >= 2) for (const m of found) out.push(isEntry(m[2]!, undefined, m[3]!.trim()));
  }
  let run: Entry[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(...run);
    run = [];
  };
  for (const line of text.split('\n')) {
    const m = GLOSSARY_ITEM.exec(line);
    if (m) run.push(isEntry(m[1]!, undefined, m[2]!.replace(/[.;]\s*$/, '')));
    // (a wrapped item's next line keeps the run going; anything else ends it)
    else if (!/^[ \t]{2,}\S/.test(line)) flush();
  }
  flush();
  return out;
}

/** The labelled list items (bold or icon labels) under each heading titled as a legend. */
function legendSections(text: string): Entry[][] {
  const out: Entry[][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6}[ \t]+(.{1,60}?)[ \t]*:?[ \t]*#*[ \t]*$/.exec(lines[i]!);
    if (!heading || !isLegendTitle(heading[1]!)) continue;
    const entries: Entry[] = [];
    for (let j = i + 1; j < lines.length && !/^#{1,6}[ \t]/.test(lines[j]!); j++) {
      const m = ITEM_ENTRY.exec(lines[j]!) ?? KEY_LINE.exec(lines[j]!);
      const icon = m ? undefined : iconItem(lines[j]!);
      if (m) entries.push({ label: m[1]!, gloss: m[2] ?? m[3] });
      else if (icon) entries.push(icon);
    }
    if (entries.length >= 2) out.push(entries);
  }
  return out;
}

/** Config's lane synonyms with a legend's added (config wins where both name a label). */
export function withLegend(config: LaneSynonyms | undefined, legend: LaneSynonyms): LaneSynonyms | undefined {
  const kinds = Object.keys(legend) as LaneKind[];
  if (kinds.length === 0) return config;
  const taken = new Set(Object.values(config ?? {}).flatMap((ls) => (ls ?? []).map(normaliseLabel)));
  const out: LaneSynonyms = { ...(config ?? {}) };
  for (const k of kinds) {
    const add = (legend[k] ?? []).filter((l) => !taken.has(normaliseLabel(l)));
    if (add.length) out[k] = [...(out[k] ?? []), ...add];
  }
  return out;
}
