// A Gherkin feature in a ```gherkin (or ```feature, ```cucumber) fence -> synthetic headings and lane lines, so
// build.ts reads each scenario as a step.
//
// A `Scenario:` (`Scenario Outline:`, `Example:`) is a step titled by its name, one level under the heading above the
// fence; each of its `Given` / `When` / `Then` lines is a line labelled by its keyword ("Given: a patient books"), so
// the keywords are lanes only where the document's legend says what each keyword's lines are. An `And` or `But` line
// carries its own keyword when the legend names it, else the keyword it continues, as Gherkin reads it. A data table
// under a line (`| tool | Visioffice unit |`) is more of that line. `Feature:`, `Background:`, tags and comments are no
// steps. Positions are the fence's own characters; the headings are fixed-width, so no fix writes into the fence.
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { LineIndex } from '../text.js';
import { withFenceSteps } from './fenceSteps.js';
import { FIXED_WIDTH } from './textTable.js';
import { lineAt, nextLine } from './wikiMarkup.js';

const FENCE_LANG = /^(?:gherkin|feature|cucumber)$/i;
const SCENARIO = /^([ \t]*)(?:Scenario(?:[ \t]+Outline)?|Scenario[ \t]+Template|Example)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const OTHER_BLOCK = /^[ \t]*(?:Feature|Background|Rule|Examples|Scenarios)[ \t]*:/;
const STEP_LINE = /^([ \t]*)(Given|When|Then|And|But|\*)[ \t]+(\S.*?)[ \t]*$/;
const PRIMARY = new Set(['Given', 'When', 'Then']);

/**
 * The root with every top-level Gherkin fence replaced by a heading per scenario and a paragraph per step line; the
 * same root when it has none. `namesLane` says whether the document's lanes know a keyword ("And"). Never throws.
 */
export function withGherkin(root: Root, text: string, lines: LineIndex, namesLane: (keyword: string) => boolean): Root {
  if (!/^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:gherkin|feature|cucumber)/im.test(text)) return root;
  return withFenceSteps(root, (code, depth) => (FENCE_LANG.test(code.lang ?? '') ? scenarios(code, text, lines, depth, namesLane) : undefined));
}

function scenarios(code: RootContent, text: string, lines: LineIndex, depth: Heading['depth'], namesLane: (keyword: string) => boolean): RootContent[] {
  const start = code.position!.start.offset!;
  const end = code.position!.end.offset!;
  const at = (a: number, b: number) => ({ start: lines.position(a), end: lines.position(b) });
  const textNode = (value: string, a: number, b: number): Text => ({ type: 'text', value, position: at(a, b) });
  const out: RootContent[] = [];
  let heading: Heading | undefined;
  let inScenario = false;
  let current: Paragraph | undefined;
  let keyword = '';
  const close = (to: number) => {
    if (heading) heading.position = at(heading.position!.start.offset!, to);
  };
  for (let l = nextLine(text, lineAt(text, start)); l && l.end <= end; l = nextLine(text, l)) {
    if (/^[ \t]*(?:`{3,}|~{3,})[ \t]*$/.test(l.text)) break;
    const scenario = SCENARIO.exec(l.text);
    if (scenario) {
      const title = scenario[2]!;
      const titleStart = l.start + l.text.indexOf(title, scenario[1]!.length + 1);
      heading = { type: 'heading', depth, children: title ? [textNode(title, titleStart, titleStart + title.length)] : [], position: at(l.start, l.end), data: { [FIXED_WIDTH]: true } as never };
      out.push(heading);
      inScenario = true;
      current = undefined;
      keyword = '';
      continue;
    }
    if (OTHER_BLOCK.test(l.text)) {
      inScenario = false;
      current = undefined;
      continue;
    }
    if (!inScenario) continue;
    const step = STEP_LINE.exec(l.text);
    if (step) {
      const word = step[2]!;
      if (PRIMARY.has(word)) keyword = word;
      // An And or But line continues its keyword's lane, unless the document names a lane for it.
      const label = PRIMARY.has(word) || namesLane(word) || !keyword ? word : keyword;
      const wordAt = l.start + step[1]!.length;
      const bodyAt = l.start + l.text.indexOf(step[3]!, step[1]!.length + word.length);
      // The label is the keyword itself where it stands for its own lane; a continued keyword is written at the word.
      const children: PhrasingContent[] = [
        textNode(label, wordAt, wordAt + word.length),
        textNode(': ', wordAt + word.length, wordAt + word.length),
        textNode(step[3]!, bodyAt, bodyAt + step[3]!.length),
      ];
      current = { type: 'paragraph', children, position: at(l.start, l.end) };
      out.push(current);
      close(l.end);
      continue;
    }
    const cells = /^[ \t]*\|(.*)\|[ \t]*$/.exec(l.text);
    if (cells && current) {
      // A data table's cells are more of the line above it, a row a line.
      let from = l.start + l.text.indexOf('|') + 1;
      const row: PhrasingContent[] = [];
      for (const piece of cells[1]!.split('|')) {
        const body = piece.trim();
        const s = from + piece.indexOf(body);
        if (body) row.push(...(row.length ? [textNode('; ', s, s)] : []), textNode(body, s, s + body.length));
        from += piece.length + 1;
      }
      if (row.length) current.children.push({ type: 'break', position: at(l.start, l.start) }, ...row);
      current.position = at(current.position!.start.offset!, l.end);
      close(l.end);
    }
  }
  return out;
}
