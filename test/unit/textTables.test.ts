// Pandoc's plain-text tables (grid and simple), as Word documents converted to Markdown keep them, read as tables.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/index.js';
import { readSteps } from '../support/readSteps.js';

const read = readSteps;

const GRID = [
  '# Laptop trade-in',
  '',
  '+--------------+---------------------------+---------------------------+',
  '|              | Quote                     | Collection                |',
  '+==============+===========================+===========================+',
  '| **Customer** | Enters the model and gets | Hands the laptop to the   |',
  '|              | a price on screen.        | courier at the door.      |',
  '+--------------+---------------------------+---------------------------+',
  '| Frontline    | - Agent checks the model  | Courier scans the label   |',
  '|              | - Agent confirms by email | \\- no signature needed.   |',
  '+--------------+---------------------------+---------------------------+',
  '| Support      | Pricing engine            | N/A                       |',
  '+--------------+---------------------------+---------------------------+',
  '',
].join('\n');

const SIMPLE = [
  '# Data wipe',
  '',
  'Step      Customer                 Staff                 Support',
  '--------  -----------------------  --------------------  ---------------',
  'Wipe      Data wiped for free      Tech runs the wipe    Wipe station',
  'Payment   Paid the same day,       Finance releases      -',
  '          no forms to fill in      the transfer',
  '',
].join('\n');

describe('plain-text tables (pandoc grid and simple tables)', () => {
  it('reads a grid table with a header line as steps in columns, lines of a cell joined and list items kept apart', () => {
    assert.deepEqual(read(GRID), [
      {
        title: 'Quote',
        shape: 'table-columns',
        lanes: ['customer: Enters the model and gets a price on screen.', 'frontstage: - Agent checks the model\n- Agent confirms by email', 'support: Pricing engine'],
      },
      {
        title: 'Collection',
        shape: 'table-columns',
        lanes: ['customer: Hands the laptop to the courier at the door.', 'frontstage: Courier scans the label - no signature needed.', 'support: N/A'],
      },
    ]);
  });

  it('reads a grid without a header line under a heading as that heading step', () => {
    const text = [
      '## Collection',
      '',
      '+------------+--------------------------+',
      '| Customer   | Hands over the keys and  |',
      '|            | gets a loan van at once. |',
      '+------------+--------------------------+',
      '| Staff      | Checks the van.          |',
      '+------------+--------------------------+',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Collection', shape: 'table-columns', lanes: ['customer: Hands over the keys and gets a loan van at once.', 'frontstage: Checks the van.'] }]);
  });

  it('reads a simple table as steps in rows, a line with a blank first column going on with the row above', () => {
    assert.deepEqual(read(SIMPLE), [
      { title: 'Wipe', shape: 'table-rows', lanes: ['customer: Data wiped for free', 'frontstage: Tech runs the wipe', 'support: Wipe station'] },
      { title: 'Payment', shape: 'table-rows', lanes: ['customer: Paid the same day, no forms to fill in', 'frontstage: Finance releases the transfer', 'support: -'] },
    ]);
  });

  it('reports a promise in a text table on its first line and offers no fix that would break the columns', () => {
    const findings = lint(SIMPLE, { forceBlueprint: true }).findings.filter((f) => f.ruleId === 'benefit-needs-support');
    assert.deepEqual(
      findings.map((f) => [f.step, f.start.line, f.start.column, SIMPLE.slice(f.span.start, f.span.end), f.fixes.length]),
      [['Payment', 6, 20, 'same day', 0]],
    );
    const lane = lint(SIMPLE, { forceBlueprint: true }).blueprint.steps[1]!.lanes[1]!;
    assert.equal(SIMPLE.slice(lane.contentSpan.start, lane.contentSpan.end), 'Finance releases');
  });

  it('leaves text that only looks like a table border as prose', () => {
    const text = ['## Budget', '', '+--+ is how the old form drew a box.', '', 'Customer: pays at the desk. Staff: till and card reader.', ''].join('\n');
    const [step] = lint(text, { forceBlueprint: true }).blueprint.steps;
    assert.deepEqual(
      step!.prose.map((p) => p.text),
      ['+--+ is how the old form drew a box.'],
    );
  });

  it('reads a grid whose inner borders drift by their pipes', () => {
    const text = [
      '## Pick-up',
      '',
      '+----------+----------------+',
      '| Customer | Collects the box |',
      '+----------+----------------+',
      '| Support  | Locker app |',
      '+----------+----------------+',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Pick-up', shape: 'table-columns', lanes: ['customer: Collects the box', 'support: Locker app'] }]);
  });

  it('reads a box-drawing grid in a plain code block as a table, wrapped cells joined, and leaves other code alone', () => {
    const grid = [
      '┌────────────┬──────────────────┐',
      '│ Lane       │ Sweep            │',
      '╞════════════╪══════════════════╡',
      '│ Customer   │ Gets a smoke     │',
      '│            │ test certificate │',
      '├┄┄┄┄ line of visibility ┄┄┄┄┄┄┄┤',
      '│ Frontstage │ Sweeps the flue  │',
      '└────────────┴──────────────────┘',
    ];
    const text = ['## Visit', '', '```text', ...grid, '```', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Visit', shape: 'table-columns', lanes: ['customer: Gets a smoke test certificate', 'frontstage: Sweeps the flue'] }]);
    assert.deepEqual(read(['## Visit', '', '```js', ...grid, '```', ''].join('\n')), []);
  });
});
