// Tables, section lines and boxes of other markups (Jira/Confluence, MediaWiki, AsciiDoc, MDX) read like Markdown's.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/index.js';
import { readSteps } from '../support/readSteps.js';

const read = readSteps;

describe('wiki markup tables and section lines', () => {
  it('reads a Jira or Confluence table (`||` header, `|` rows) as steps as rows, a bar inside a link separating nothing', () => {
    const text = [
      '||Step||Householder||Engineer||Support||',
      '|Book|Picks a slot online|Confirms by text|[Planner|https://example.org/planner]|',
      '|Visit|Boiler serviced within 2 hours|Services the boiler|TBD|',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Book', shape: 'table-rows', lanes: ['customer: Picks a slot online', 'frontstage: Confirms by text', 'support: Planner|https://example.org/planner'] },
      { title: 'Visit', shape: 'table-rows', lanes: ['customer: Boiler serviced within 2 hours', 'frontstage: Services the boiler', 'support: TBD'] },
    ]);
    const findings = lint(text, { forceBlueprint: true }).findings.filter((f) => f.ruleId === 'benefit-needs-support');
    assert.deepEqual(
      findings.map((f) => f.step),
      ['Visit'],
    );
    // A disable comment in the title cell silences the step and is no part of its title.
    const disabled = lint(text.replace('|Visit|', '|Visit <!-- blueprint-lint-disable-step benefit-needs-support -->|'), { forceBlueprint: true });
    assert.deepEqual(
      disabled.blueprint.steps.map((s) => s.title),
      ['Book', 'Visit'],
    );
    assert.deepEqual(
      disabled.findings.filter((f) => f.ruleId === 'benefit-needs-support'),
      [],
    );
  });

  it('reads a MediaWiki table: `!` header cells, `|-` rows, `||` cells or one cell a line, attributes left out', () => {
    const text = [
      '== Library card ==',
      '',
      '{| class="wikitable"',
      '|+ Blueprint',
      '! Step !! Reader !! Desk staff !! Systems',
      '|-',
      '| Join || Gets a card the same day || Checks ID || Card printer',
      '|-',
      '| Borrow',
      '| Takes books home',
      '| Scans them',
      '| style="color:red" | Loans system',
      '|}',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Join', shape: 'table-rows', lanes: ['customer: Gets a card the same day', 'frontstage: Checks ID', 'support: Card printer'] },
      { title: 'Borrow', shape: 'table-rows', lanes: ['customer: Takes books home', 'frontstage: Scans them', 'support: Loans system'] },
    ]);
  });

  it('reads Jira and Confluence `h2.` lines as headings, and a ticket’s `h2. Comments` as no step', () => {
    const text = [
      'h1. Returns flow',
      '',
      'h2. Start a return',
      '* *Customer:* starts the return online, no receipt needed',
      '* *Tools:* returns portal',
      '',
      'h2. Comments',
      '',
      'Looks good to me.',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Start a return', shape: 'heading', lanes: ['customer: starts the return online, no receipt needed', 'support: returns portal'] }]);
  });

  it('reads an AsciiDoc table under an `==` section line as a step titled by that line', () => {
    const text = [
      '== 1. Drop-off',
      '',
      '[cols="1,3"]',
      '|===',
      '|Lane |What happens',
      '',
      '|Customer',
      '|Leaves the coat',
      'at the counter',
      '',
      '|Frontstage',
      '|Writes a ticket',
      '|===',
      '',
      '== 2. Collection',
      '',
      'The customer picks the coat up.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => [s.title, s.shape, s.lanes]),
      [
        ['Drop-off', 'table-columns', ['customer: Leaves the coat at the counter', 'frontstage: Writes a ticket']],
        ['Collection', 'prose', []],
      ],
    );
  });

  it('reads a DokuWiki page: `======` the top section line, `^` header cells over `|` rows, a `^` row header', () => {
    const text = [
      '====== Jury service ======',
      '',
      '===== The blueprint =====',
      '',
      '^ Step ^ Customer ^ Back office ^ Resources ^',
      '| Summons | Can reply online with a [[help:freepost|freepost]] envelope. | Bureau posts it. | — |',
      '^ Expenses | Paid within 7 days. | Finance pays. | Expenses system |',
      '',
    ].join('\n');
    const r = lint(text, { forceBlueprint: true });
    assert.equal(r.blueprint.title, 'Jury service');
    assert.deepEqual(read(text), [
      { title: 'Summons', shape: 'table-rows', lanes: ['customer: Can reply online with a help:freepost|freepost envelope.', 'backstage: Bureau posts it.', 'support: —'] },
      { title: 'Expenses', shape: 'table-rows', lanes: ['customer: Paid within 7 days.', 'backstage: Finance pays.', 'support: Expenses system'] },
    ]);
  });

  it('reads steps kept as data in a ```yaml fence: a list of records, a title key and one key per lane, `~` empty', () => {
    const text = [
      '# Cattery stay',
      '',
      '```yaml',
      'steps:',
      '  - id: 1',
      '    name: Book a stay',
      '    customer: >-',
      '      Books online.',
      '      There is no booking fee.',
      '    frontstage: Confirms within a day.',
      '    support: ~',
      '  - id: 2',
      '    name: Drop-off',
      '    customer: Drops off any time.',
      '    support: "Chalet card"',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Book a stay', shape: 'table-rows', lanes: ['customer: Books online. There is no booking fee.', 'frontstage: Confirms within a day.', 'support: '] },
      { title: 'Drop-off', shape: 'table-rows', lanes: ['customer: Drops off any time.', 'frontstage: ', 'support: Chalet card'] },
    ]);
    const lane = lint(text, { forceBlueprint: true }).blueprint.steps[1]!.lanes[2]!;
    assert.equal(text.slice(lane.contentSpan.start, lane.contentSpan.end), 'Chalet card');
  });

  it('reads a PlantUML activity diagram with swimlanes: a partition a step, `|Lane|` the lane, `:activity;` its text', () => {
    const text = [
      '# Grocery delivery',
      '',
      '```plantuml',
      '@startuml',
      '|Customer|',
      '|#AntiqueWhite|Systems|',
      'partition "1. Order" {',
      '  |Customer|',
      '  :Orders by 22:00 and picks',
      '  a one-hour slot;',
      '  |Systems|',
      '  :Slot engine caps orders per van;',
      '}',
      'partition "2. Delivery" {',
      '  |Customer|',
      '  :Gets the shopping in the slot;',
      '}',
      '@enduml',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Order', shape: 'table-rows', lanes: ['customer: Orders by 22:00 and picks a one-hour slot', 'support: Slot engine caps orders per van'] },
      { title: 'Delivery', shape: 'table-rows', lanes: ['customer: Gets the shopping in the slot', 'support: '] },
    ]);
  });

  it('leaves Markdown that only looks alike alone: `||` inside prose, a setext underline', () => {
    const text = ['# Title', '', 'Either this || that, said the guest.', '', 'Arrival', '---', '', '- **Customer:** Arrives', '- **Frontstage:** Greets', ''].join('\n');
    assert.deepEqual(
      read(text).map((s) => s.title),
      ['Arrival'],
    );
  });

  it('reads Confluence panels titled by a lane label as that lane, the closing {panel} line left out', () => {
    const text = [
      '## Inspection',
      '',
      '{panel:title=Householder|borderStyle=solid}',
      'Gets a written quote the same day.',
      '{panel}',
      '',
      '{panel:title=Technician}',
      'Inspects the loft.',
      '{panel}',
      '',
      '{info:title=Support}',
      'Quote tool on the tablet.',
      '{info}',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      {
        title: 'Inspection',
        shape: 'heading',
        lanes: ['customer: Gets a written quote the same day.', 'frontstage: Inspects the loft.', 'support: Quote tool on the tablet.'],
      },
    ]);
  });

  it('reads MDX components titled by a lane (name=, title=) as lanes, and one titled otherwise over lanes as a step', () => {
    const text = [
      "import { Step, Lane } from '../components';",
      '',
      '## Journey',
      '',
      '<Step n={1} title="Consultation">',
      '',
      '<Lane name="Client">Gets a strand test.</Lane>',
      '',
      '<Lane name="Stylist">',
      'Mixes the test shade.',
      '</Lane>',
      '',
      '</Step>',
      '',
      "<Step n={2} title='Wash and tone'>",
      '',
      '<Lane label="Client">Toner included.</Lane>',
      '',
      '<Lane label="Support">Toner stock.</Lane>',
      '',
      '</Step>',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Consultation', shape: 'heading', lanes: ['customer: Gets a strand test.', 'frontstage: Mixes the test shade.'] },
      { title: 'Wash and tone', shape: 'heading', lanes: ['customer: Toner included.', 'support: Toner stock.'] },
    ]);
  });

  it('reads a spreadsheet export pasted in a ```csv fence as a table, quoted fields with commas kept whole', () => {
    const text = [
      '## Access booking',
      '',
      '```csv',
      'Step,Patron,Box office,Ticketing system',
      'Book seats,"Gets a wheelchair space, and a companion seat",Confirms by phone,"Seat map, access flags"',
      'Arrive,Met at the door,Usher walks them in,TBD',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      {
        title: 'Book seats',
        shape: 'table-rows',
        lanes: ['customer: Gets a wheelchair space, and a companion seat', 'frontstage: Confirms by phone', 'support: Seat map, access flags'],
      },
      { title: 'Arrive', shape: 'table-rows', lanes: ['customer: Met at the door', 'frontstage: Usher walks them in', 'support: TBD'] },
    ]);
    // A code block in any other language stays code: no table, so no step.
    assert.deepEqual(read(text.replace('```csv', '```text')), []);
  });
});
