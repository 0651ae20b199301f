// Blueprints exported as plain text from other tools (AsciiDoc, spreadsheets, Org mode, whiteboards, Gherkin) read as
// Markdown's: exact steps and lanes, a finding on the right characters, and the editor's incremental model equal to a
// fresh lint after edits.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/index.js';
import { readSteps } from '../support/readSteps.js';
import { incrementalMatchesFresh } from '../support/incrementalCheck.js';

/** The span of the one benefit-needs-support finding of a forced lint, as the text it covers and its step. */
function benefitFinding(text: string): Array<{ step: string | null | undefined; text: string }> {
  return lint(text, { forceBlueprint: true })
    .findings.filter((f) => f.ruleId === 'benefit-needs-support')
    .map((f) => ({ step: f.step, text: text.slice(f.span.start, f.span.end) }));
}

describe('blueprints exported from other tools', () => {
  describe('AsciiDoc', () => {
    const text = [
      '= Key cutting counter',
      '',
      'In each table the rows are: Customer, Counter staff (in view), What we lean on (tools,',
      'kit and rights).',
      '',
      '== 1. Cutting',
      '',
      '[cols="1h,3"]',
      '|===',
      '|Customer',
      '|Gets a spare key cut while waiting, and the first copy is free.',
      '',
      '|Counter staff',
      '|Cuts the key.',
      '',
      '|What we lean on',
      '|-',
      '|===',
      '',
      '== 2. Paying',
      '',
      '[cols="1h,3"]',
      '|===',
      '|Customer',
      '|Pays by card.',
      '',
      '|Counter staff',
      '|Takes the payment.',
      '',
      '|What we lean on',
      '|Card reader on the counter.',
      '|===',
      '',
    ].join('\n');

    it('reads a `|===` table with no header row (one cell a line, `cols` giving the width) under an `==` line as that step', () => {
      assert.deepEqual(readSteps(text), [
        {
          title: 'Cutting',
          shape: 'table-columns',
          lanes: ['customer: Gets a spare key cut while waiting, and the first copy is free.', 'frontstage: Cuts the key.', 'support: -'],
        },
        { title: 'Paying', shape: 'table-columns', lanes: ['customer: Pays by card.', 'frontstage: Takes the payment.', 'support: Card reader on the counter.'] },
      ]);
      // "What we lean on" is a support lane by the note ("the rows are: ... What we lean on (tools, ...", wrapped over two
      // lines) and by its own words (what staff lean on), so also without the note.
      assert.equal(readSteps(text.replace(/In each table[^]*?rights\)\.\n\n/, ''))[0]!.lanes[2], 'support: -');
      assert.deepEqual(benefitFinding(text), [{ step: 'Cutting', text: 'copy is free' }]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
    });

    it('keeps a header row only where AsciiDoc has one: a whole row on the first line with a blank line after it', () => {
      const table = (body: string[]) => ['== Pick-up', '', '|===', ...body, '|===', ''].join('\n');
      assert.deepEqual(readSteps(table(['|Lane |What happens', '', '|Customer |Collects the parcel', '|Frontstage |Checks the ID'])), [
        { title: 'Pick-up', shape: 'table-columns', lanes: ['customer: Collects the parcel', 'frontstage: Checks the ID'] },
      ]);
      // No blank line after the first row: it is a body row, not the header.
      assert.deepEqual(readSteps(table(['|Customer |Collects the parcel', '|Frontstage |Checks the ID'])), [
        { title: 'Pick-up', shape: 'table-columns', lanes: ['customer: Collects the parcel', 'frontstage: Checks the ID'] },
      ]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
  describe('a spreadsheet pasted as a table', () => {
    const text = [
      '# Bike repair drop-in',
      '',
      '|   | A | B | C | D |',
      '|---|---|---|---|---|',
      '| 1 | | **RIDER** | **WORKSHOP** | |',
      '| 2 | **Step** | **Rider** | **Mechanic (seen)** | **Tools, parts & budget** |',
      '| 3 | Drop-off | Leaves the bike at the counter | Writes a tag | Tag printer |',
      '| 4 | Quote | Gets a free quote on the spot | Checks the bike | ^ |',
      '| 5 | Repair | Ready the same day, free of charge | Fixes the bike | |',
      '',
    ].join('\n');

    it('reads the sheet under its frame: letters and row numbers dropped, the fullest lane-naming row the header, `^` the cell above', () => {
      assert.deepEqual(readSteps(text), [
        { title: 'Drop-off', shape: 'table-rows', lanes: ['customer: Leaves the bike at the counter', 'frontstage: Writes a tag', 'support: Tag printer'] },
        { title: 'Quote', shape: 'table-rows', lanes: ['customer: Gets a free quote on the spot', 'frontstage: Checks the bike', 'support: Tag printer'] },
        { title: 'Repair', shape: 'table-rows', lanes: ['customer: Ready the same day, free of charge', 'frontstage: Fixes the bike', 'support: '] },
      ]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
      // Quote's support is the merged cell above it; Repair's is empty.
      assert.deepEqual(benefitFinding(text), [{ step: 'Repair', text: 'same day' }]);
      assert.deepEqual(benefitFinding(text.replace('| ^ |', '| x |')), [
        { step: 'Quote', text: 'free quote on the spot' },
        { step: 'Repair', text: 'same day' },
      ]);
    });

    it('offers no fix that writes into the pasted frame, and leaves tables headed by letters with no lanes under them alone', () => {
      const quote = lint(text.replace('| ^ |', '| x |')).findings.find((f) => f.step === 'Quote' && f.ruleId === 'benefit-needs-support')!;
      // The sheet's columns are the paste's, not the table's: like a fixed-width table, no fix writes inside it.
      assert.deepEqual(quote.fixes, []);
      const options = ['| A | B |', '|---|---|', '| Paint it red | Paint it blue |', '| Cheap | Dear |', ''].join('\n');
      assert.equal(lint(options).blueprint.isBlueprint, false);
      assert.deepEqual(readSteps(options), []);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
  describe('Org mode exported with ox-md', () => {
    const text = [
      '#+TITLE: Swimming lesson',
      '#+OPTIONS: toc:nil',
      '',
      '# Swimming lesson',
      '',
      'Lanes in each step: `Parent` (the customer), `Poolside` (staff the parent sees),',
      '`Plant room` (not seen), `Backing` (tools and say-so).',
      '',
      '<a id="org1a2b3c4"></a>',
      '',
      '## TODO Sign-up',
      '',
      ':PROPERTIES:',
      ':OWNER:    Poolside',
      ':END:',
      '',
      '- Parent :: books a block of ten lessons online',
      '- Poolside :: confirms the class by text',
      '- Plant room :: —',
      '- Backing :: the booking system holds the class lists',
      '',
      '<a id="org5d6e7f8"></a>',
      '',
      '## DONE First lesson',
      '',
      '- Parent :: the first lesson is free',
      '- Poolside :: the teacher meets the child at the steps',
      '- Plant room :: checks the water at seven',
      '- Backing :: ?',
      '',
    ].join('\n');

    it('reads `Term :: text` description items as labelled lanes, code-ticked legend labels as the labels, TODO and DONE kept in titles', () => {
      assert.deepEqual(readSteps(text), [
        {
          title: 'TODO Sign-up',
          shape: 'heading',
          lanes: ['customer: books a block of ten lessons online', 'frontstage: confirms the class by text', 'backstage: —', 'support: the booking system holds the class lists'],
        },
        {
          title: 'DONE First lesson',
          shape: 'heading',
          lanes: ['customer: the first lesson is free', 'frontstage: the teacher meets the child at the steps', 'backstage: checks the water at seven', 'support: ?'],
        },
      ]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.deepEqual(benefitFinding(text), [{ step: 'DONE First lesson', text: 'lesson is free' }]);
      // The property drawer is the heading's metadata, not prose of the step.
      assert.deepEqual(
        lint(text).blueprint.steps.map((s) => s.prose.length),
        [0, 0],
      );
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('a whiteboard exported as text', () => {
    const text = [
      '# Pottery class board (text export)',
      '',
      'Tags = lanes: #learner is the person on the course · #tutor is who they see at the',
      "wheel · #studio is everything they don't see · #kit is tools and say-so.",
      '',
      '- [Frame 1] Booking',
      '  - 🟨 books a six-week course online #learner',
      '  - 🟦 sends the welcome email #tutor',
      '  - 🟩 Booking calendar holds every place #kit',
      '- [Frame 2] First class',
      '  - 🟨 clay and glazes included at no extra cost #learner',
      '  - 🟦 shows how to centre the clay #tutor',
      '  - 🟥 wedges the clay before class #studio',
      '  - 🟩 ? #kit',
      '',
    ].join('\n');

    it('reads a frame a step and each sticky in the lane its trailing tag has in the legend, the sticky colour left out', () => {
      assert.deepEqual(readSteps(text), [
        { title: '[Frame 1] Booking', shape: 'list', lanes: ['customer: books a six-week course online', 'frontstage: sends the welcome email', 'support: Booking calendar holds every place'] },
        {
          title: '[Frame 2] First class',
          shape: 'list',
          lanes: ['customer: clay and glazes included at no extra cost', 'frontstage: shows how to centre the clay', 'backstage: wedges the clay before class', 'support: ?'],
        },
      ]);
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.deepEqual(benefitFinding(text), [{ step: '[Frame 2] First class', text: 'at no extra cost' }]);
      // Without the legend #studio is read by its word alone, in front.
      assert.deepEqual(readSteps(text.replace(/Tags = lanes[^]*?say-so\.\n\n/, ''))[1]!.lanes, [
        'customer: clay and glazes included at no extra cost',
        'frontstage: shows how to centre the clay',
        'frontstage: wedges the clay before class',
        'support: ?',
      ]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
  describe('a Gherkin feature in a fence', () => {
    const text = [
      '# Bike fitting (feature file)',
      '',
      "In each scenario the `Given`/`Then` lines are the customer's side, `When` lines are",
      'the fitter in front of the rider, and `And` lines under a `When` are what backs',
      'them up.',
      '',
      '```gherkin',
      'Feature: Bike fitting at the shop',
      '  Background:',
      '    Given the shop is open on Saturdays',
      '',
      '  @step-1',
      '  Scenario: Measuring the rider',
      '    Given a rider books a fitting online',
      '    Then the fitting is free with any new bike',
      '    When the fitter measures the rider on the jig',
      '    And the fitter uses the sizing chart:',
      '      | tool   | detail           |',
      '      | jig    | in every branch  |',
      '',
      '  @step-2',
      '  Scenario: Test ride',
      '    Given the rider takes the bike out',
      '    Then they can swap the saddle on the spot, free',
      '    When the fitter swaps the saddle',
      "    But the fitter needs the manager's nod for a second swap",
      '```',
      '',
    ].join('\n');

    it('reads a scenario a heading step, each line in the lane the legend gives its keyword, And and But as the legend or their keyword says', () => {
      assert.deepEqual(readSteps(text), [
        {
          title: 'Measuring the rider',
          shape: 'heading',
          lanes: [
            'customer: a rider books a fitting online',
            'customer: the fitting is free with any new bike',
            'frontstage: the fitter measures the rider on the jig',
            'support: the fitter uses the sizing chart:\ntool; detail\njig; in every branch',
          ],
        },
        {
          title: 'Test ride',
          shape: 'heading',
          lanes: [
            'customer: the rider takes the bike out',
            'customer: they can swap the saddle on the spot, free',
            'frontstage: the fitter swaps the saddle',
            "frontstage: the fitter needs the manager's nod for a second swap",
          ],
        },
      ]);
      const result = lint(text);
      assert.equal(result.blueprint.isBlueprint, true);
      assert.deepEqual(benefitFinding(text), [{ step: 'Test ride', text: 'can swap' }]);
      // No fix writes into the fence: a Markdown lane line or comment there would be Gherkin no runner reads.
      assert.deepEqual(
        result.findings.flatMap((f) => f.fixes),
        [],
      );
      // Without the legend the keywords name no lanes, and a feature file is no blueprint.
      assert.equal(lint(text.replace(/In each scenario[^]*?them up\.\n\n/, '')).blueprint.isBlueprint, false);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
});
