// Blueprints pasted from a Slack thread and exported from a Discourse topic (#14) read as Markdown's: exact steps and
// lanes, a finding on the right characters, fixes written in the format's own markup, and the editor's incremental
// model equal to a fresh lint after edits.
import { strict as assert } from 'node:assert';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { lint } from '../../server/src/engine/index.js';
import { parseMarkdown } from '../../server/src/engine/parse.js';
import { LineIndex } from '../../server/src/engine/text.js';
import { withBbcode } from '../../server/src/engine/blueprint/bbcode.js';
import { nextLetterMarker, withSlackLists } from '../../server/src/engine/blueprint/slackPaste.js';
import { readSteps } from '../support/readSteps.js';
import { incrementalMatchesFresh } from '../support/incrementalCheck.js';

/** Each benefit-needs-support finding of a forced lint, as its step and the text it covers. */
function benefitFindings(text: string): Array<{ step: string | null | undefined; text: string }> {
  return lint(text, { forceBlueprint: true })
    .findings.filter((f) => f.ruleId === 'benefit-needs-support')
    .map((f) => ({ step: f.step, text: text.slice(f.span.start, f.span.end) }));
}

/** The text after the first fix of the step's benefit-needs-support finding. */
function fixed(text: string, step: string): string {
  const f = lint(text, { forceBlueprint: true }).findings.find((x) => x.ruleId === 'benefit-needs-support' && x.step === step)!;
  let out = text;
  for (const e of [...f.fixes[0]!.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The tree a reader makes, as "type: source text" lines indented by depth (lists and items opened up). */
function outline(root: Root, text: string): string[] {
  const out: string[] = [];
  const walk = (n: RootContent, depth: number) => {
    const p = n.position!;
    out.push(`${'  '.repeat(depth)}${n.type}${n.type === 'heading' ? n.depth : ''}: ${text.slice(p.start.offset, p.end.offset)}`);
    if (n.type === 'list' || n.type === 'listItem') for (const c of (n as List | ListItem).children) walk(c as RootContent, depth + 1);
  };
  for (const n of root.children) walk(n, 0);
  return out;
}

const slackTree = (text: string) => withSlackLists(parseMarkdown(text), text, new LineIndex(text));
const bbcodeTree = (text: string) => withBbcode(parseMarkdown(text), text, new LineIndex(text));

describe('blueprints pasted from chat and forum tools', () => {
  describe('a Slack thread', () => {
    const text = [
      '# #key-desk thread, copied out of Slack',
      '',
      '**Ana Ruiz**  10:02 AM',
      'draft of the key cutting blueprint :key: each step has the customer, the counter staff and our support',
      '',
      '1. *Drop-off*',
      '    ◦ customer: leaves the key at the counter, first copy is free',
      '    ◦ staff: writes a ticket',
      '    ◦ support: TBD',
      '2. *Collection*',
      '    ◦ customer: collects the copies within the hour',
      '    ◦ staff: hands the copies over',
      '    ◦ support: key gauge at the counter',
      ':thumbsup: 3  :eyes: 1',
      '',
      '2 replies',
      '',
      '**Ben Ode**  10:10 AM',
      'looks good :+1:',
      '',
    ].join('\n');

    it('reads lines opened by a bullet character under a numbered item as that step’s lanes; the reactions row is no text', () => {
      assert.deepEqual(readSteps(text), [
        { title: 'Drop-off', shape: 'list', lanes: ['customer: leaves the key at the counter, first copy is free', 'frontstage: writes a ticket', 'support: TBD'] },
        { title: 'Collection', shape: 'list', lanes: ['customer: collects the copies within the hour', 'frontstage: hands the copies over', 'support: key gauge at the counter'] },
      ]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.deepEqual(benefitFindings(text), [{ step: 'Drop-off', text: 'copy is free' }]);
    });

    it('writes a new lane as a line opened by the same bullet, and fills the placeholder in place', () => {
      const f = lint(text, { forceBlueprint: true }).findings.find((x) => x.ruleId === 'benefit-needs-support')!;
      const tools = f.fixes.find((x) => x.title.startsWith('Name the tool'))!;
      assert.deepEqual(
        tools.edits.map((e) => [text.slice(0, e.start).split('\n').pop(), e.text]),
        [['    ◦ support: TBD', '\n    ◦ Tools: TBD']],
      );
      // Filling the placeholder replaces the support lane's TBD where it stands.
      const fill = f.fixes[0]!.edits[0]!;
      assert.equal(text.slice(fill.start - '    ◦ support: '.length, fill.end), '    ◦ support: TBD');
    });

    it('nests bullet lines by their indentation, • then ◦ then ▪, at the top level as in a list item', () => {
      const nested = [
        '• *Booking*',
        '    ◦ Customer: books online',
        '    ◦ Frontstage: confirms the slot',
        '        ▪\uFE0E checks the diary twice',
        '• *Visit*',
        '    ◦ Customer: is seen on time',
        '',
      ].join('\n');
      assert.deepEqual(outline(slackTree(nested), nested), [
        `list: ${nested.trimEnd()}`,
        '  listItem: • *Booking*\n    ◦ Customer: books online\n    ◦ Frontstage: confirms the slot\n        ▪\uFE0E checks the diary twice',
        '    paragraph: *Booking*',
        '    list: ◦ Customer: books online\n    ◦ Frontstage: confirms the slot\n        ▪\uFE0E checks the diary twice',
        '      listItem: ◦ Customer: books online',
        '        paragraph: Customer: books online',
        '      listItem: ◦ Frontstage: confirms the slot\n        ▪\uFE0E checks the diary twice',
        '        paragraph: Frontstage: confirms the slot',
        '        list: ▪\uFE0E checks the diary twice',
        '          listItem: ▪\uFE0E checks the diary twice',
        '            paragraph: checks the diary twice',
        '  listItem: • *Visit*\n    ◦ Customer: is seen on time',
        '    paragraph: *Visit*',
        '    list: ◦ Customer: is seen on time',
        '      listItem: ◦ Customer: is seen on time',
        '        paragraph: Customer: is seen on time',
      ]);
      assert.deepEqual(readSteps(nested), [
        { title: 'Booking', shape: 'list', lanes: ['customer: books online', 'frontstage: confirms the slot\nchecks the diary twice'] },
        { title: 'Visit', shape: 'list', lanes: ['customer: is seen on time'] },
      ]);
    });

    it('reads indented a. / b. lines as a numbered sub-list (a run starting at a or i), and numbers a new lane on', () => {
      const lettered = [
        '1. *Arrival*',
        '    a. Customer: is greeted at the door',
        '    b. Staff: takes the coat',
        '2. *Seating*',
        '    a. Customer: gets a free drink while they wait',
        '    b. Staff: seats them',
        '',
      ].join('\n');
      assert.deepEqual(readSteps(lettered), [
        { title: 'Arrival', shape: 'list', lanes: ['customer: is greeted at the door', 'frontstage: takes the coat'] },
        { title: 'Seating', shape: 'list', lanes: ['customer: gets a free drink while they wait', 'frontstage: seats them'] },
      ]);
      assert.deepEqual(benefitFindings(lettered), [{ step: 'Seating', text: 'free drink while they wait' }]);
      assert.equal(fixed(lettered, 'Seating'), `${lettered.trimEnd()}\n    c. Support: TBD\n`);
      // A run that does not start at a or i is text: "    c. d." lines are no list.
      assert.deepEqual(outline(slackTree('Note\n    c. one\n    d. two\n'), 'Note\n    c. one\n    d. two\n'), ['paragraph: Note\n    c. one\n    d. two']);
      assert.deepEqual(['a. x', 'h) x', 'i. x', 'iii. x', 'B. x', 'z. x', 'x'].map(nextLetterMarker), ['b.', 'i)', 'ii.', 'iv.', 'C.', undefined, undefined]);
    });

    it('leaves text with no bullet lines alone, and reads a paragraph’s lines after a reactions row as text again', () => {
      const plain = 'Just text · with a dot\nand • inside a line\n';
      assert.equal(slackTree(plain).children.length, 1);
      assert.deepEqual(outline(slackTree(plain), plain), ['paragraph: Just text · with a dot\nand • inside a line']);
      const after = '• one\n:tada: 2\nthen a remark\n• two\n';
      assert.deepEqual(outline(slackTree(after), after), [
        'list: • one',
        '  listItem: • one',
        '    paragraph: one',
        'paragraph: then a remark',
        'list: • two',
        '  listItem: • two',
        '    paragraph: two',
      ]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('a Discourse topic', () => {
    const text = [
      'anna_b | 2026-03-02 09:15:00 UTC | #1',
      '',
      'Our bike repair desk, one box per step :bike:',
      '',
      '[details="Step 1: Drop-off"]',
      '**Customer**: Leaves the bike and gets a free safety check.',
      '**Frontstage**: Writes a tag.',
      '[/details]',
      '',
      '[details=Collection]',
      '**Customer**: Collects it the same day.',
      '',
      '**Frontstage**: Hands it over.',
      '',
      '**Support**: Workshop rota.',
      '[/details]',
      '',
      '-------------------------',
      '',
      'ben_c | 2026-03-02 10:01:12 UTC | #2',
      '',
      '[quote="anna_b, post:1, topic:34"]',
      'gets a free safety check',
      '[/quote]',
      '',
      'Nice. [spoiler]not agreed yet[/spoiler]',
      '',
      '-------------------------',
      '',
    ].join('\n');

    it('reads each [details] box as a step titled by its summary, the tag lines no part of its lanes', () => {
      assert.deepEqual(readSteps(text), [
        { title: 'Drop-off', shape: 'heading', lanes: ['customer: Leaves the bike and gets a free safety check.', 'frontstage: Writes a tag.'] },
        { title: 'Collection', shape: 'heading', lanes: ['customer: Collects it the same day.', 'frontstage: Hands it over.', 'support: Workshop rota.'] },
      ]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.deepEqual(benefitFindings(text), [{ step: 'Drop-off', text: 'free safety check' }]);
      const step = lint(text).blueprint.steps[0]!;
      assert.equal(text.slice(step.titleSpan.start, step.titleSpan.end), 'Step 1: Drop-off');
    });

    it('writes a new lane inside the box, before its closing tag', () => {
      assert.equal(fixed(text, 'Drop-off'), text.replace('Writes a tag.\n[/details]', 'Writes a tag.\n\n**Support**: TBD\n[/details]'));
    });

    it('nests boxes, reads [quote] and untitled boxes in place, and leaves unclosed or stray tags as text', () => {
      const nested = ['# Desk', '', '[details="Stage A"]', "[details='One' open]", 'Customer: waits', '[/details]', '[quote]', 'Staff: quoted', '[/quote]', '[/details]', 'after', ''].join('\n');
      assert.deepEqual(outline(bbcodeTree(nested), nested), [
        'heading1: # Desk',
        'heading2: [details="Stage A"]',
        "heading3: [details='One' open]",
        'paragraph: Customer: waits',
        'html: [/details]',
        'paragraph: Staff: quoted',
        'html: [/details]',
        'paragraph: after',
      ]);
      const stray = '[details="Open only"]\nCustomer: waits\n\n[/quote]\n';
      assert.equal(bbcodeTree(stray).children.length, 2);
      assert.deepEqual(outline(bbcodeTree(stray), stray), ['paragraph: [details="Open only"]\nCustomer: waits', 'paragraph: [/quote]']);
      // A Markdown heading ends every open box: its closing tag after the heading is text.
      const crossed = '[details="A"]\nx\n\n## B\n\n[/details]\n';
      assert.deepEqual(outline(bbcodeTree(crossed), crossed), ['paragraph: [details="A"]\nx', 'heading2: ## B', 'paragraph: [/details]']);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('a WhatsApp chat export, one step a message', () => {
    // Exports put no blank line between messages: to Markdown the whole chat is one paragraph.
    const text = [
      '[12/05/2025, 19:02:10] Ines Duarte: Here is the allotment plot journey, one message a step. Tenant = the plot holder, Committee = us',
      '[12/05/2025, 19:03:41] Ines Duarte: *1. Waiting list*',
      'Tenant: told their place in the queue by return email',
      'Committee: adds the name to the list',
      'Kit: shared waiting-list spreadsheet',
      '[12/05/2025, 19:04:05] Bo Lindqvist: 👍',
      '[12/05/2025, 19:05:30] Ines Duarte: *2. Plot handover*',
      'Tenant: gets a free starter pack of seeds',
      'Committee: walks the plot boundary with them',
      'Kit: -',
      '',
    ].join('\n');

    it('reads each titled message as a step, its prefix and the chatter around it as no lanes', () => {
      assert.deepEqual(readSteps(text), [
        {
          title: 'Waiting list',
          shape: 'heading',
          lanes: ['customer: told their place in the queue by return email', 'frontstage: adds the name to the list', 'support: shared waiting-list spreadsheet'],
        },
        { title: 'Plot handover', shape: 'heading', lanes: ['customer: gets a free starter pack of seeds', 'frontstage: walks the plot boundary with them', 'support: -'] },
      ]);
      assert.deepEqual(benefitFindings(text), [{ step: 'Plot handover', text: 'free starter pack' }]);
      assert.equal(lint(text, { filePath: 'chat.md' }).blueprint.isBlueprint, true);
    });

    it('leaves a paragraph with a single message line alone', () => {
      const one = '[12/05/2025, 19:02:10] Ines: *1. Waiting list*\nTenant: told their place\n';
      assert.deepEqual(
        readSteps(one).map((s) => s.title),
        [],
      );
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('an outliner page under one root bullet (Tana, Logseq, Workflowy)', () => {
    const text = [
      '- Mooring a visiting boat #blueprint',
      '  - Owner:: [[Harbour office]]',
      '  - **Arrival** #step',
      '    - Guest:: Radios ahead and is given a berth number',
      '    - Harbour staff:: Takes the lines on the pontoon',
      '    - Tools:: Berth chart on the office tablet',
      '  - **Departure** #step',
      '    - Guest:: Pays and leaves with the gate code kept for next time',
      '    - Harbour staff:: Checks the meter',
      '    - Tools:: ?',
      '',
    ].join('\n');

    it('reads the root’s nested items as the steps, the root and its fields as none', () => {
      assert.deepEqual(readSteps(text), [
        {
          title: 'Arrival',
          shape: 'list',
          lanes: ['customer: Radios ahead and is given a berth number', 'frontstage: Takes the lines on the pontoon', 'support: Berth chart on the office tablet'],
        },
        { title: 'Departure', shape: 'list', lanes: ['customer: Pays and leaves with the gate code kept for next time', 'frontstage: Checks the meter', 'support: ?'] },
      ]);
      assert.equal(lint(text, { filePath: 'harbour.md' }).blueprint.isBlueprint, true);
    });

    it('reads a root item with one step under it as that step', () => {
      const single = ['- Harbour', '  - **Arrival**', '    - Guest:: Radios ahead', '    - Harbour staff:: Takes the lines', ''].join('\n');
      assert.deepEqual(
        readSteps(single).map((s) => s.title),
        ['Arrival'],
      );
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
});
