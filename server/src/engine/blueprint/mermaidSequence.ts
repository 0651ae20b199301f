// A Mermaid sequence diagram in a ```mermaid fence -> synthetic headings and lane lines, so build.ts reads each box of
// the diagram as a step, as a reviewer reads a blueprint drawn that way.
//
// The participants (`participant D as Depot & office`, `actor P as Passenger`) are the lanes, named by their labels. A
// `Note over ...: Booking` opens a step titled by the note; each message after it is a line of the sender's lane
// ("D->>C: Pick-up list" is the depot's), except that what reaches the customer is what the customer gets
// ("D-->>P: Picks their own seat" is the passenger's line), so the lanes read as the legend and the document's words say. `rect`, `alt`, `opt`, `loop`, `par`, `else`, `end`, `autonumber` and comments are no steps.
// A diagram without notes holds no steps. Positions are the fence's own characters; the headings are fixed-width and
// the steps close at the fence's end, so no fix writes into the fence and what follows it is the section's again.
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { LineIndex } from '../text.js';
import { withFenceSteps } from './fenceSteps.js';
import { boxEnd, boxHeading } from './htmlFlow.js';
import { FIXED_WIDTH } from './textTable.js';
import { lineAt, nextLine } from './wikiMarkup.js';

const PARTICIPANT = /^[ \t]*(?:participant|actor)[ \t]+([^\s]+?)(?:[ \t]+as[ \t]+(.+?))?[ \t]*$/i;
const NOTE = /^[ \t]*note[ \t]+(?:over|left[ \t]+of|right[ \t]+of)[ \t]+[^:]+:[ \t]*(.+?)[ \t]*$/i;
// A message: sender, an arrow (->, -->, ->>, -->>, -x, --x, -), --)), optional activation mark, receiver, its text.
const MESSAGE = /^[ \t]*([^\s\-:][^\s:]*?)[ \t]*(?:-{1,2}>>?|-{1,2}[x)])[ \t]*[+-]?[ \t]*([^\s:]+)[ \t]*:[ \t]*(.+?)[ \t]*$/;

/** The root with every top-level Mermaid sequence diagram replaced by its steps; the same root when it has none. Never throws. */
export function withMermaidSequences(root: Root, text: string, lines: LineIndex, isCustomer: (label: string) => boolean): Root {
  if (!/^[ \t]*(?:`{3,}|~{3,})[ \t]*mermaid/im.test(text) || !/sequenceDiagram/.test(text)) return root;
  return withFenceSteps(root, (code, depth) => (/^mermaid$/i.test(code.lang ?? '') && /^\s*sequenceDiagram\b/.test(code.value) ? boxes(code, text, lines, depth, isCustomer) : undefined));
}

function boxes(code: RootContent, text: string, lines: LineIndex, depth: Heading['depth'], isCustomer: (label: string) => boolean): RootContent[] {
  const start = code.position!.start.offset!;
  const end = code.position!.end.offset!;
  const at = (a: number, b: number) => ({ start: lines.position(a), end: lines.position(b) });
  const textNode = (value: string, a: number, b: number): Text => ({ type: 'text', value, position: at(a, b) });
  const names = new Map<string, string>();
  const out: RootContent[] = [];
  let heading: Heading | undefined;
  for (let l = nextLine(text, lineAt(text, start)); l && l.end <= end; l = nextLine(text, l)) {
    if (/^[ \t]*(?:`{3,}|~{3,})[ \t]*$/.test(l.text)) break;
    const participant = PARTICIPANT.exec(l.text);
    if (participant) {
      names.set(participant[1]!, (participant[2] ?? participant[1]!).trim());
      continue;
    }
    const note = NOTE.exec(l.text);
    if (note) {
      const title = note[1]!;
      const titleStart = l.start + l.text.lastIndexOf(title);
      heading = boxHeading({ type: 'heading', depth, children: [textNode(title, titleStart, titleStart + title.length)], position: at(l.start, l.end), data: { [FIXED_WIDTH]: true } as never });
      out.push(heading);
      continue;
    }
    const message = heading ? MESSAGE.exec(l.text) : null;
    if (!message || !heading) continue;
    const receiver = message[2]!;
    const toCustomer = isCustomer(names.get(receiver) ?? receiver);
    const sender = toCustomer ? receiver : message[1]!;
    const label = names.get(sender) ?? sender;
    const senderAt = l.start + (toCustomer ? l.text.indexOf(receiver, l.text.indexOf(message[1]!) + message[1]!.length) : l.text.indexOf(sender));
    const bodyAt = l.start + l.text.lastIndexOf(message[3]!);
    // The label is the participant's name, written at the sender's alias (its separator on the alias's last character,
    // so the label's span is the alias); the line's text is the message.
    const children: PhrasingContent[] = [
      textNode(label, senderAt, senderAt + sender.length),
      textNode(': ', senderAt + sender.length - 1, senderAt + sender.length - 1),
      textNode(message[3]!, bodyAt, bodyAt + message[3]!.length),
    ];
    const p: Paragraph = { type: 'paragraph', children, position: at(l.start, l.end) };
    out.push(p);
    heading.position = at(heading.position!.start.offset!, l.end);
  }
  if (!out.some((n) => n.type === 'heading')) return [];
  // What follows the fence belongs to the section around it again.
  out.push(boxEnd('', at(end, end), depth));
  return out;
}
