// Layouts seen in real blueprints (spec section 4), each read into steps and lanes exactly.
import { strict as assert } from 'node:assert';
import { applyEdits, lint } from '../../server/src/engine/index.js';
import { readSteps } from '../support/readSteps.js';

const read = readSteps;

/** Whether a free collection is flagged with the support lane given: a lane that names nothing settled flags it. */
function collectionFlagged(support: string): boolean {
  const text = ['## Collection', '', '- Customer: Gets the chairs collected free.', '- Frontstage: Loads the van.', `- Support: ${support}`, ''].join('\n');
  return lint(text, { forceBlueprint: true }).findings.some((f) => f.ruleId === 'benefit-needs-support');
}

describe('layouts of real blueprints', () => {
  it('reads a table with one row per step and lane, as tools export it', () => {
    const text = [
      '| Step | Lane | Activity |',
      '|---|---|---|',
      '| Drop-off | Customer | Leaves the bike at the counter |',
      '| | Frontstage | Mechanic writes a ticket |',
      '| Repair | Backstage | Parts are ordered |',
      '| Repair | Support system | Workshop planner |',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Drop-off', shape: 'table-rows', lanes: ['customer: Leaves the bike at the counter', 'frontstage: Mechanic writes a ticket'] },
      { title: 'Repair', shape: 'table-rows', lanes: ['backstage: Parts are ordered', 'support: Workshop planner'] },
    ]);
  });

  it('adds a lane to such a table as a row under the step', () => {
    const text = ['| Step | Lane | Activity |', '|---|---|---|', '| Drop-off | Customer | Bike ready the same day |', '| | Frontstage | Mechanic writes a ticket |', ''].join('\n');
    const finding = lint(text, { forceBlueprint: true }).findings.find((f) => f.ruleId === 'benefit-needs-support')!;
    const add = finding.fixes.find((f) => f.kind === 'add-support')!;
    const fixed = applyEdits(text, add.edits).text;
    assert.equal(fixed.split('\n')[4], '|  | Support | TBD |');
    assert.deepEqual(read(fixed)[0]!.lanes, ['customer: Bike ready the same day', 'frontstage: Mechanic writes a ticket', 'support: TBD']);
  });

  it('keeps a grid with one row per lane a grid, even with a Lane header', () => {
    const text = ['| Lane | Booking | Arrival |', '|---|---|---|', '| Customer | Books online | Arrives |', '| Frontstage | Agent confirms | Host greets |', ''].join('\n');
    assert.deepEqual(
      read(text).map((s) => [s.title, s.shape]),
      [
        ['Booking', 'table-columns'],
        ['Arrival', 'table-columns'],
      ],
    );
  });

  it('takes the bullet list under a label on its own line as that lane', () => {
    const text = ['## Hand-over to the crew', '', '**Customer:** Signs the plan.', '', '**Systems:**', '', '- Job board', '- Van planner', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Hand-over to the crew', shape: 'heading', lanes: ['customer: Signs the plan.', 'support: Job board\nVan planner'] }]);
  });

  it('reads one two-column table per stage as one step titled by its heading', () => {
    const text = [
      '# Door knocking',
      '',
      '### 1. Briefing',
      '',
      '| Layer | Detail |',
      '|---|---|',
      '| Volunteer action | Listens to the plan |',
      '| Organiser action | Explains the streets |',
      '| Supporting tools | Street map |',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Briefing', shape: 'table-columns', lanes: ['customer: Listens to the plan', 'frontstage: Explains the streets', 'support: Street map'] }]);
  });

  it('reads an HTML table with the grid semantics of a Markdown one', () => {
    const text = [
      '<table>',
      '<tr><th></th><th scope="col">Find a book</th><th scope="col">Borrow it</th></tr>',
      '<tr><th scope="row"><strong>User steps</strong><br>What the reader does</th><td>Searches the catalogue</td><td><ul><li>Scans the card</li><li>Takes the book</li></ul></td></tr>',
      '<tr><th scope="row"><strong>Frontstage</strong></th><td>Shelf signs</td><td>Desk staff check it out</td></tr>',
      '</table>',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Find a book', shape: 'table-columns', lanes: ['customer: Searches the catalogue', 'frontstage: Shelf signs'] },
      { title: 'Borrow it', shape: 'table-columns', lanes: ['customer: Scans the card Takes the book', 'frontstage: Desk staff check it out'] },
    ]);
  });

  it('reads bold lines that title lane lists as steps of their own', () => {
    const text = [
      '## Arrival',
      '',
      '**Step 1: Parking**',
      '- Guest: Parks at the door',
      '- Frontstage: Valet takes the keys',
      '',
      '**Step 2: Check-in**',
      '- Guest: Gives their name',
      '- Frontstage: Receptionist hands over the key',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Parking', shape: 'heading', lanes: ['customer: Parks at the door', 'frontstage: Valet takes the keys'] },
      { title: 'Check-in', shape: 'heading', lanes: ['customer: Gives their name', 'frontstage: Receptionist hands over the key'] },
    ]);
  });

  it('does not read a legend of lanes, or a closing note beside lane tables, as steps', () => {
    const text = [
      '# Permit service blueprint',
      '',
      '## Service layers',
      '',
      '- **Customer actions**: what the applicant does',
      '- **Frontstage**: what the counter staff do',
      '',
      '## Stages',
      '',
      '| Stage | Customer | Frontstage |',
      '|---|---|---|',
      '| Apply | Fills in the form | Checks the form |',
      '',
      '## Closing thoughts',
      '',
      'We will revisit this map next spring.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => s.title),
      ['Apply'],
    );
  });

  it('reads bold lane labels run in inside one paragraph, bare roles among them, as lanes', () => {
    const text = ['# Viewing', '', '## Booking', '', '**Buyer:** picks a time. **Staff:** books it and texts. **Behind the scenes:** the owner confirms. **Systems:** —', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Booking', shape: 'heading', lanes: ['customer: picks a time.', 'frontstage: books it and texts.', 'backstage: the owner confirms.', 'support: —'] }]);
    // speakers only are dialogue, not lanes
    assert.deepEqual(read(['# Script', '', '## Greeting', '', '**Agent:** Hello, how can I help? **Customer:** My order is late.', ''].join('\n')), [{ title: 'Greeting', shape: 'prose', lanes: [] }]);
  });

  it('reads a bold title line over paragraphs of lane lines as a step, as a word processor exports a pseudo-heading', () => {
    const text = [
      '# **Tyre fitting**',
      '',
      '**Step 1: Booking**',
      '',
      '**Customer:** Books online and sees the price\\.',
      '**Backstage:** Stock system holds the tyres\\.',
      '',
      '**Step 2: Fitting**',
      '',
      '**Customer:** Waits in the lounge\\.',
      '',
      '**Fitter \\(visible\\):** Fits the tyres\\.',
      '',
      '**Workshop:** Torque log filled in\\.',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Booking', shape: 'heading', lanes: ['customer: Books online and sees the price.', 'backstage: Stock system holds the tyres.'] },
      { title: 'Fitting', shape: 'heading', lanes: ['customer: Waits in the lounge.', 'frontstage: Fits the tyres.', 'backstage: Torque log filled in.'] },
    ]);
  });

  it('reads labels in brackets or parentheses opening a line, and an em dash with no spaces, as separators', () => {
    const lanes = (lines: string[]) => read(['# Bikes', '', '## Booking', '', ...lines, ''].join('\n'))[0]?.lanes;
    assert.deepEqual(lanes(['[Customer] books online.', '[Tools] booking calendar.']), ['customer: books online.', 'support: booking calendar.']);
    assert.deepEqual(lanes(['(Customer) books online.', '(Tools) booking calendar.']), ['customer: books online.', 'support: booking calendar.']);
    assert.deepEqual(lanes(['Customer—books online.', 'Tools—booking calendar.']), ['customer: books online.', 'support: booking calendar.']);
    // a clause letter or a note in brackets names no lane
    assert.deepEqual(lanes(['(a) books online.', '(see above) booking calendar.']), []);
  });

  it('reads sentences whose subjects are set in bold as lanes, and leaves bold words elsewhere in a sentence alone', () => {
    const text = ['# Dental', '', '## Check-up', '', 'The **patient** is seen on time. **Reception** confirms the slot in **Dentally**.', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Check-up', shape: 'heading', lanes: ['customer: is seen on time.', 'frontstage: confirms the slot in Dentally.'] }]);
    const one = ['# Dental', '', '## Check-up', '', 'Seen on time by the **patient** team. A **must** for everyone.', ''].join('\n');
    assert.deepEqual(read(one), [{ title: 'Check-up', shape: 'prose', lanes: [] }]);
  });

  it('reads role labels in paragraphs of their own beside the customer’s, as definition terms or before a dash closing the line', () => {
    const terms = ['# Returns', '', '## Refund', '', 'Customer', ': refund lands in 3 days', '', 'Finance', ': releases it', ''].join('\n');
    assert.deepEqual(read(terms), [{ title: 'Refund', shape: 'heading', lanes: ['customer: refund lands in 3 days', 'backstage: releases it'] }]);
    const dashes = ['# Laundry', '', '## Book', '', 'Customer -', 'Books a slot, no need to be home.', '', 'Driver -', 'Confirms by text.', ''].join('\n');
    assert.deepEqual(read(dashes), [{ title: 'Book', shape: 'heading', lanes: ['customer: Books a slot, no need to be home.', 'frontstage: Confirms by text.'] }]);
    // a script stays a script
    const script = ['# Calls', '', '## Greeting', '', 'Customer: Is my refund through?', '', 'Agent: Yes, it went today.', ''].join('\n');
    assert.deepEqual(read(script)[0]?.lanes.filter((l) => l.startsWith('frontstage')) ?? [], []);
  });

  it('reads a bold lane word opening an item with no separator as its label, not a bold role or a key’s "**X** is ..."', () => {
    const text = ['# Laundry', '', '## Book', '', '- **Customer** books a slot, no need to be home.', '- **Backstage** plans the route.', '- **Maria** drives.', '- **Tools** route planner.', ''].join(
      '\n',
    );
    assert.deepEqual(read(text), [{ title: 'Book', shape: 'heading', lanes: ['customer: books a slot, no need to be home.', 'backstage: plans the route.', 'support: route planner.'] }]);
    const key = ['# Laundry', '', '## How to read it', '', '- **Customer** is what the customer does.', '- **Backstage** is the plant.', ''].join('\n');
    assert.deepEqual(
      read(key).flatMap((s) => s.lanes.filter((l) => l.startsWith('backstage'))),
      [],
    );
  });

  it('reads a role line with a gloss as a lane and bare role lines as dialogue', () => {
    const lanes = (lines: string[]) => read(['## Fitting', '', ...lines, ''].join('\n'))[0]?.lanes;
    assert.deepEqual(lanes(['**Customer:** Waits in the lounge.', '**Fitter (visible):** Fits the tyres.']), ['customer: Waits in the lounge.', 'frontstage: Fits the tyres.']);
    assert.deepEqual(lanes(['Fitter (visible): Fits the tyres.']), ['frontstage: Fits the tyres.']);
    assert.deepEqual(lanes(['Customer: Is it ready?', 'Fitter: Yes, all done.']), ['customer: Is it ready?\nFitter: Yes, all done.']);
    // role lines nobody says aloud are who does what
    assert.deepEqual(lanes(['**Customer:** Waits in the lounge.', '**Fitter:** Fits the tyres.']), ['customer: Waits in the lounge.', 'frontstage: Fits the tyres.']);
    assert.deepEqual(lanes(['Customer: Waits in the lounge.', 'Fitter: I will fit them now.']), ['customer: Waits in the lounge.\nFitter: I will fit them now.']);
  });

  it('reads Notion callouts (<aside> over Markdown lines, an icon first) as the lanes they hold', () => {
    const text = [
      '# Tyre fitting',
      '',
      '## Book a fitting',
      '',
      '<aside>',
      '👤 **Customer:** Picks a slot online.',
      '',
      '</aside>',
      '',
      '<aside>',
      '🧑‍🔧 **Fitter (visible):** Calls back to confirm the size.',
      '',
      '</aside>',
      '',
      '<aside>',
      '⚙️ **Backstage:** Stock system reserves the tyres.',
      '</aside>',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      {
        title: 'Book a fitting',
        shape: 'heading',
        lanes: ['customer: Picks a slot online.', 'frontstage: Calls back to confirm the size.', 'backstage: Stock system reserves the tyres.'],
      },
    ]);
    const lane = lint(text, { forceBlueprint: true }).blueprint.steps[0]!.lanes[2]!;
    assert.equal(text.slice(lane.labelSpan.start, lane.labelSpan.end), 'Backstage:');
    assert.equal(lane.label, 'Backstage');
    assert.equal(text.slice(lane.contentSpan.start, lane.contentSpan.end), 'Stock system reserves the tyres.');
  });

  it('reads paragraphs of a bold title line over lane lines ending in hard breaks as steps, as word processors export them', () => {
    const text = [
      '# Enrolment',
      '',
      '## Before arrival',
      '',
      '**Enquiry**\\',
      'Student: writes in\\',
      'Front desk: replies\\',
      'Back office: logs it',
      '',
      '**Visa letter**  ',
      'Student: gets the letter within 48 hours  ',
      'Back office: issues it  ',
      'Support: ?',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Enquiry', shape: 'heading', lanes: ['customer: writes in', 'frontstage: replies', 'backstage: logs it'] },
      { title: 'Visa letter', shape: 'heading', lanes: ['customer: gets the letter within 48 hours', 'backstage: issues it', 'support: ?'] },
    ]);
  });

  it('does not read a line of navigation links as part of a step', () => {
    const text = ['# B', '', '## Pick-up', '', '- Customer: collects the car', '- Frontstage: hands over the keys', '', '[← Back](../README.md) | [Returns →](returns.md)', ''].join('\n');
    assert.deepEqual(
      lint(text, { forceBlueprint: true }).blueprint.steps.map((s) => s.prose.length),
      [0],
    );
  });

  it('reads the first unplaced lane before the frontstage one as the customer’s, in a table with no customer lane', () => {
    const text = ['| Stage | Club secretary | Front desk | Back office | Notes |', '|---|---|---|---|---|', '| Booking | Books a pitch online | Confirms by phone | Rota updated | - |', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Booking', shape: 'table-rows', lanes: ['customer: Books a pitch online', 'frontstage: Confirms by phone', 'backstage: Rota updated', 'other: -'] }]);
  });

  it('does not read a section of who may decide or when to escalate, with no customer lane, as a step', () => {
    const text = [
      '# Kennels',
      '',
      '## Drop-off',
      '',
      '- Owner: hands over the lead',
      '- Staff: checks the vaccination card',
      '',
      '## When to escalate',
      '',
      'Call the duty vet straight away if a dog will not eat for a day.',
      '',
      '## Empowerment',
      '',
      'Kennel hands may refund up to £40 a stay on their own say-so.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => s.title),
      ['Drop-off'],
    );
  });

  it('reads the labels a legend names as lanes of the kind its glosses give, in every step', () => {
    const steps = (legend: string) =>
      read(
        [
          '# Piano tuning at home',
          '',
          legend,
          '',
          '## Touchpoint 1: Booking',
          '',
          '- **Me:** I pick a two-hour window online.',
          '- **Office:** Sam checks the round.',
          '- **Tools & kit:** Shared calendar of rounds.',
          '',
        ].join('\n'),
      );
    assert.deepEqual(steps('Lanes: **Me** (the customer), **Office** (behind the scenes), **Tools & kit** (what the team works with).'), [
      {
        title: 'Touchpoint 1: Booking',
        shape: 'heading',
        lanes: ['customer: I pick a two-hour window online.', 'backstage: Sam checks the round.', 'support: Shared calendar of rounds.'],
      },
    ]);
    // Without the legend none of the three labels names a lane ("Office" would be a line of dialogue in a list, and a
    // support word beside it is no side of the service).
    assert.deepEqual(steps('Written with the team.')[0]!.lanes, []);
  });

  it('reads legend entries glossed with "means" or "does", in Markdown or HTML bold, after "each step lists"', () => {
    const text = (legend: string) =>
      ['# Key cutting', '', legend, '', '## Cutting', '', '- **Customer:** Hands over the key.', '- **Bench:** Cuts the copy.', '- **Rear:** Orders blanks.', '- **Backing:** Key machine.', ''].join(
        '\n',
      );
    const lanes = ['customer: Hands over the key.', 'frontstage: Cuts the copy.', 'backstage: Orders blanks.', 'support: Key machine.'];
    assert.deepEqual(
      read(
        text('Each step lists what the <b>Customer</b> does, what the <b>Bench</b> does in front of them, what the <b>Rear</b> does out the back, and the <b>Backing</b> is what we put behind you.'),
      )[0]!.lanes,
      lanes,
    );
    assert.deepEqual(read(text('Four lanes. **Bench** means the one she sees. **Rear** means the people she does not see. **Backing** is everything we put behind you.'))[0]!.lanes, lanes);
  });

  it('reads no lane in a numbering column, and a first role lane before a second staff lane as the customer', () => {
    const text = [
      '# Bike hire',
      '',
      '| S.No. | Stage | Order | Rider | Hire crew | Workshop (unseen) | Kit & say-so |',
      '|---|---|---|---|---|---|---|',
      '| 1 | Pick-up | 3 | Gets the bike set up in five minutes | Sets the saddle | Checks brakes | Fitting stand |',
      '| 2 | Return | 4 | Drops it at any dock | Logs it | Cleans it | Dock scanners |',
      '',
    ].join('\n');
    assert.deepEqual(read(text)[0]!.lanes, ['customer: Gets the bike set up in five minutes', 'frontstage: Sets the saddle', 'backstage: Checks brakes', 'support: Fitting stand']);
  });

  it('reads a list item labelled by a bare role as a lane beside items a lane word labels', () => {
    const text = ['# Lockers', '', '## Renting a locker', '', '- **Tenant:** Gets a key.', '- **Frontstage:** Hands over the key.', '- **Backstage:** Logs the deposit.', ''].join('\n');
    assert.deepEqual(read(text)[0]!.lanes, ['customer: Gets a key.', 'frontstage: Hands over the key.', 'backstage: Logs the deposit.']);
    // without a lane word among them, role lines stay dialogue
    assert.deepEqual(read(['# Lockers', '', '## Renting a locker', '', '- **Tenant:** Can I have a key?', '- **Attendant:** Here you go.', ''].join('\n'))[0]?.lanes ?? [], []);
  });

  it('reads lanes written inline after a list item title, cut at semicolons, an unknown label between them kept unplaced', () => {
    const text = ['# Key cutting', '', '1) Ordering — Customer: hands over a key; pays by card; Maria: cuts it; Tools: key machine.', ''].join('\n');
    assert.deepEqual(read(text), [{ title: 'Ordering', shape: 'list', lanes: ['customer: hands over a key; pays by card', 'other: cuts it', 'support: key machine.'] }]);
  });

  it('does not read a legend cue word inside a lane line ("hands over a key") as a legend of the labels after it', () => {
    const text = ['# Key cutting', '', '### Ordering', '', '**Customer** — hands over a key', '**Maria** — cuts it', '**Tools** — key machine', ''].join('\n');
    // "Maria" names no lane: it stays in the customer's text, not a second customer lane a legend would make it
    assert.deepEqual(
      read(text)[0]!.lanes.map((l) => l.split(':')[0]),
      ['customer', 'support'],
    );
  });

  it('reads a definition list whose term titles the lane lines defined under it as a list-shaped step', () => {
    const text = [
      '# Key cutting',
      '',
      'Ordering',
      ': Customer: hands over a key',
      ': Frontstage: cuts it',
      ': Tools: key machine',
      '',
      'Paying',
      ': Customer: pays by card',
      ': Frontstage: takes payment',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Ordering', shape: 'list', lanes: ['customer: hands over a key', 'frontstage: cuts it', 'support: key machine'] },
      { title: 'Paying', shape: 'list', lanes: ['customer: pays by card', 'frontstage: takes payment'] },
    ]);
  });

  it('reads no steps in a table of exchanges between parties ("From | To | What flows")', () => {
    const text = [
      '# Library friends map',
      '',
      '| From | To | What flows |',
      '|---|---|---|',
      '| Reader | Library | Membership fee |',
      '| Volunteers | Reader | Free reading help |',
      '| Council | Library | Grant |',
      '',
    ].join('\n');
    assert.deepEqual(read(text), []);
  });

  it('reads legend entries glossed after "=", and "in the back" as out of sight', () => {
    const text = [
      '# Key cutting',
      '',
      'Lanes: **Walk-in** = the customer. **Bench** = the one they talk to. **Rear** = in the back. **Kit** = machines, blanks, say-so.',
      '',
      '## Cutting',
      '',
      '- **Walk-in:** Hands over the key.',
      '- **Bench:** Cuts the copy.',
      '- **Rear:** Orders blanks.',
      '- **Kit:** Key machine.',
      '',
    ].join('\n');
    assert.deepEqual(read(text)[0]!.lanes, ['customer: Hands over the key.', 'frontstage: Cuts the copy.', 'backstage: Orders blanks.', 'support: Key machine.']);
  });

  it('reads a legend after "box", and a gloss that leaves the seeing unsaid ("the tenant doesn\'t") as out of sight', () => {
    const text = [
      '# Tenancy start',
      '',
      "Each step is a box. Inside: **Tenant**, **Agent** (the tenant sees them), **Lettings office** (the tenant doesn't) and **Behind the agent** (tools, budget, authority).",
      '',
      '## Viewing',
      '',
      '- **Tenant:** Looks round the flat.',
      '- **Agent:** Shows them round.',
      '- **Lettings office:** Books the slot.',
      '- **Behind the agent:** Key safe.',
      '',
    ].join('\n');
    assert.deepEqual(read(text)[0]!.lanes, ['customer: Looks round the flat.', 'frontstage: Shows them round.', 'backstage: Books the slot.', 'support: Key safe.']);
  });

  it('reads a legend gloss saying what the customer sees or hears as the visible lane, and what they do not see as backstage', () => {
    const text = [
      '# Tenancy start',
      '',
      'Each step has three lanes:',
      '',
      '- **Tenant** — the person renting, what they do and what they get',
      '- **Lettings (seen)** — what the tenant sees us do',
      '- **Office** — what the tenant does not see',
      '',
      '## Viewing',
      '',
      '- **Tenant:** Looks round the flat.',
      '- **Lettings (seen):** Shows them round.',
      '- **Office:** Books the slot.',
      '',
    ].join('\n');
    assert.deepEqual(read(text)[0]!.lanes, ['customer: Looks round the flat.', 'frontstage: Shows them round.', 'backstage: Books the slot.']);
  });

  it('reads a paragraph of "Abbrev = gloss" definitions as a legend, and lanes written inline in a list item after its title', () => {
    const text = [
      '# Car ferry check-in',
      '',
      'Short form. Pax = passengers. Res = reservations team.',
      'Sys = systems. Booth/marshals = port staff on the quay.',
      '',
      '1. Booking — Pax: books online, free to move sailing — Res: phone line 08:00 - 20:00 —',
      '   Sys: booking system',
      '2. **Check-in** (Pax: no printed ticket needed) (Booth: camera reads the plate (ANPR))',
      '   (Support: lane plan)',
      '3. Boarding — the ramp opens at 09:40 (weather allowing)',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Booking', shape: 'list', lanes: ['customer: books online, free to move sailing', 'frontstage: phone line 08:00 - 20:00', 'support: booking system'] },
      { title: 'Check-in', shape: 'list', lanes: ['customer: no printed ticket needed', 'frontstage: camera reads the plate (ANPR)', 'support: lane plan'] },
    ]);
  });

  it('reads a lane-major blueprint across its sections: one step per title the lane sections share', () => {
    const doc = (customer: string[], staff: string[]) =>
      ['# Storage move-in', '', '## Customer actions', '', ...customer, '', '## Back-office', '', 'Area office and finance.', '', ...staff, ''].join('\n');
    const text = doc(['1. Quote – gets a price online.', '2. First month – pays half price.'], ['1. Quote – pricing team sets the rates.', '2. First month – finance applies the discount.']);
    assert.deepEqual(read(text), [
      { title: 'Quote', shape: 'list', lanes: ['customer: gets a price online.', 'backstage: pricing team sets the rates.'] },
      { title: 'First month', shape: 'list', lanes: ['customer: pays half price.', 'backstage: finance applies the discount.'] },
    ]);
    // Numbered lists with no shared titles are two lists, not one blueprint read across.
    assert.deepEqual(
      read(doc(['1. A patient writes in.', '2. Gets a reply.'], ['1. Work out the clinic.', '2. Keep every message.'])).map((s) => s.shape),
      ['prose', 'prose'],
    );
    // Its quick fix to disable a rule for one step lands on the step's first item and suppresses that step only.
    const finding = lint(text, { forceBlueprint: true }).findings.find((f) => f.ruleId === 'benefit-needs-support' && f.message.includes('First month'))!;
    const disable = finding.fixes.find((f) => f.kind === 'disable-step')!;
    const fixed = applyEdits(text, disable.edits).text;
    assert.equal(fixed.split('\n')[5], '2. First month – pays half price. <!-- blueprint-lint-disable-step benefit-needs-support -->');
    assert.deepEqual(
      lint(fixed, { forceBlueprint: true })
        .findings.filter((f) => f.ruleId === 'benefit-needs-support')
        .map((f) => f.message.includes('First month')),
      [],
    );
  });

  it('takes a table under a label alone on its line as that lane, and drops a summary table that restates the steps', () => {
    const text = [
      '# Reading lamp',
      '',
      '## Stage 1 — Discover',
      '',
      '**Customer journey.** Spots the lamp in a shop window.',
      '',
      '**Frontstage.**',
      '',
      '| Touchpoint | What it carries |',
      '|---|---|',
      '| Window lamp | The lamp, switched on |',
      '',
      '**Backstage.** Checks the bulb monthly.',
      '',
      '## Stage 2 — Returns',
      '',
      '**Customer journey.** Sends it back.',
      '',
      '**Backstage.** Refunds the day it arrives.',
      '',
      '## Summary',
      '',
      '| # | Stage | Customer state | Primary backstage |',
      '|---|---|---|---|',
      '| 1 | Discover | Curious | Photography |',
      '| 2 | Returns | Walking back | Bench check |',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      {
        title: 'Discover',
        shape: 'heading',
        lanes: ['customer: Spots the lamp in a shop window.', 'frontstage: Window lamp\nThe lamp, switched on', 'backstage: Checks the bulb monthly.'],
      },
      { title: 'Returns', shape: 'heading', lanes: ['customer: Sends it back.', 'backstage: Refunds the day it arrives.'] },
    ]);
  });

  it('reads an outliner export whose child blocks name their lane in a `lane::` property (Logseq)', () => {
    const text = [
      'title:: Parking permit',
      '',
      '- Apply online',
      '  step:: 2',
      '\t- Applies online; no need to post originals.',
      '\t  lane:: customer',
      '\t- Permit system flags any mismatch.',
      '\t  lane:: [[Support]]',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Apply online', shape: 'list', lanes: ['customer: Applies online; no need to post originals.', 'support: Permit system flags any mismatch.'] }]);
  });

  it('reads a table of lanes down the side and only descriptions across as a legend, not a step', () => {
    const legend = ['## Reading the blueprint', '', '| Lane | What it captures |', '|---|---|', '| Customer | What the buyer does |', '| Backstage | What the maker does unseen |', ''].join('\n');
    const step = ['## Stage 1', '', '| Lane | Discover |', '|---|---|', '| Customer | Spots the lamp |', '| Backstage | Checks the bulb |', ''].join('\n');
    assert.deepEqual(
      read(`${legend}\n${step}`).map((s) => [s.title, s.shape]),
      [['Stage 1', 'table-columns']],
    );
  });

  it('reads role sub-headings as lanes beside one a lane word names, and role sub-headings alone as topics', () => {
    const step = (subs: string[]) => read(['# Library', '', '## Step 3: Borrowing', '', ...subs.flatMap((h) => [`### ${h}`, '', `${h} text.`, '']), ''].join('\n'));
    assert.deepEqual(step(['Resident', 'Library staff at the counter', 'What supports staff']), [
      {
        title: 'Borrowing',
        shape: 'heading',
        lanes: ['customer: Resident text.', 'frontstage: Library staff at the counter text.', 'support: What supports staff text.'],
      },
    ]);
    assert.deepEqual(
      step(['New for clients', 'For studio staff']).map((s) => [s.title, s.lanes.length]),
      [
        ['New for clients', 0],
        ['For studio staff', 0],
      ],
    );
  });

  it('reads a role-labelled sub-item as a lane beside sub-items a lane word labels, and bare role lines as dialogue', () => {
    const lanes = (items: string[]) => read(['# Parties', '', '- **Enquiry**', ...items.map((i) => `  - ${i}`), ''].join('\n'))[0]?.lanes;
    assert.deepEqual(lanes(['🧍 Parent: hears back within the hour', '🎈 FOH: party desk answers', '🛠 Kit/systems: shared inbox']), [
      'customer: hears back within the hour',
      'frontstage: party desk answers',
      'support: shared inbox',
    ]);
    assert.equal(lanes(['Parent: Is there a slot?', 'Host: Yes, at four.']), undefined);
  });

  it('reads bold role labels in paragraphs as lanes beside a label a lane word names, and not beside the customer alone', () => {
    const lanes = (paras: string[]) => read(['# Funerals', '', '## Choosing the coffin', '', ...paras.flatMap((p) => [p, '']), ''].join('\n'))[0]?.lanes;
    assert.deepEqual(lanes(['**Family:** Chooses from three ranges.', '**Support:** TBD']), ['customer: Chooses from three ranges.', 'support: TBD']);
    assert.deepEqual(lanes(['**Customer:** Is it ready?', '**Host:** Yes, at four.']), ['customer: Is it ready?']);
  });

  it('titles steps-as-rows by a named step column rather than a number column, and reads a gloss that says "visible" as staff in front', () => {
    const text = ['| # | Stage | Motorist | Our people (visible) | Support processes |', '|---|---|---|---|---|', '| 1 | Report | Rings up. | Handler checks the policy. | Policy lookup |', ''].join(
      '\n',
    );
    assert.deepEqual(read(text), [{ title: 'Report', shape: 'table-rows', lanes: ['customer: Rings up.', 'frontstage: Handler checks the policy.', 'support: Policy lookup'] }]);
  });

  it('counts no support in a support lane whose note says the customer uses the thing', () => {
    const flagged = (support: string) =>
      lint(['## Lookup', '', '- Resident: Told at once whether the street is in a zone, free of charge.', `- Support: ${support}`, ''].join('\n'), { forceBlueprint: true }).findings.some(
        (f) => f.ruleId === 'benefit-needs-support',
      );
    assert.deepEqual(
      [
        'Zone lookup map on the website (residents use it\n  themselves)',
        'The kiosks themselves (residents use them).',
        'Zone lookup map (staff use it on calls)',
        'Zone map; residents use it too, and staff are trained on it.',
      ].map(flagged),
      [true, true, false, false],
    );
  });

  it('counts no support in a support lane that says it is still to be confirmed', () => {
    const flagged = (support: string) =>
      lint(['## Recalibration', '', '- Customer: Camera set up the same day, so the car is safe to drive.', `- Support: ${support}`, ''].join('\n'), { forceBlueprint: true }).findings.some(
        (f) => f.ruleId === 'benefit-needs-support',
      );
    assert.deepEqual(
      [
        'Static rig availability to be confirmed.',
        'To be confirmed (we are talking to a supplier).',
        'Allergy matrix, to be confirmed with the kitchen',
        'Static rig booked for every job.',
        'Card reader (TBC: a second one for Saturdays)',
        '(none)',
        '[TBC]',
      ].map(flagged),
      [true, true, true, false, false, true, true],
    );
  });

  it('reads a legend written as plain labels after "lanes:", as "<labels> stay out of sight" sentences, or as a list under its paragraph', () => {
    const step = ['## Call-out', '', 'Cust: locked out of the shed.', 'Tech: on the road.', 'Yard: packs the van.', 'Kit+sys: van stock list.', ''].join('\n');
    const lanes = (legend: string) => read(['# Shed locks', '', legend, '', step].join('\n'))[0]?.lanes;
    assert.deepEqual(lanes('lanes: Cust (customer) / Tech (on site, visible) / Yard (out of sight) / Kit+sys (support). one para per step.'), [
      'customer: locked out of the shed.',
      'frontstage: on the road.',
      'backstage: packs the van.',
      'support: van stock list.',
    ]);
    assert.deepEqual(lanes('Legend: Cust is the customer. Tech is the one person the customer talks to. Yard and Dispatch stay out of sight. Kit+sys is the kit we have.'), [
      'customer: locked out of the shed.',
      'frontstage: on the road.',
      'backstage: packs the van.',
      'support: van stock list.',
    ]);
    assert.deepEqual(
      lanes(['Every step has the same boxes:', '', '- **Cust** – what the person we help does and gets;', '- **Tech** – in front of them;', '- **Yard** – out of sight.'].join('\n')),
      // an unlisted label is a line of the lane above
      ['customer: locked out of the shed.', 'frontstage: on the road.', 'backstage: packs the van.\nKit+sys: van stock list.'],
    );
  });

  it('reads callouts and admonitions titled by a lane label as that lane, and a titled box over lanes as a step', () => {
    const obsidian = ['## Arrival', '', '> [!note] Patient', '> Checks in on the tablet.', '', '> [!info] Reception', '> Greets them by name.', '', '> [!abstract] Support', '> —', ''].join('\n');
    assert.deepEqual(read(obsidian), [{ title: 'Arrival', shape: 'heading', lanes: ['customer: Checks in on the tablet.', 'frontstage: Greets them by name.', 'support: —'] }]);
    const docusaurus = ['## Crew arrival', '', ':::note[Customer]', 'Gets a text the night before.', ':::', '', ':::tip[Back office]', '', 'Dispatch sends the text.', '', ':::', ''].join('\n');
    assert.deepEqual(read(docusaurus), [{ title: 'Crew arrival', shape: 'heading', lanes: ['customer: Gets a text the night before.', 'backstage: Dispatch sends the text.'] }]);
    const mkdocs = ['## Step 1: Referral', '', '!!! note "Customer"', '    Is referred by their GP.', '', '!!! info "Backstage"', '    Types it into the database.', ''].join('\n');
    assert.deepEqual(read(mkdocs), [{ title: 'Referral', shape: 'heading', lanes: ['customer: Is referred by their GP.', 'backstage: Types it into the database.'] }]);
    const quotes = [
      '# Schedule',
      '',
      '> **Stage 1 — Enquiry**',
      '>',
      '> *Customer:* Asks for a quote.',
      '>',
      '> *Frontstage:* Prepares it.',
      '',
      '> **Stage 2 — Payout**',
      '>',
      '> *Customer:* Gets the cash.',
      '>',
      '> *Support:* The safe.',
      '',
    ].join('\n');
    assert.deepEqual(read(quotes), [
      { title: 'Enquiry', shape: 'heading', lanes: ['customer: Asks for a quote.', 'frontstage: Prepares it.'] },
      { title: 'Payout', shape: 'heading', lanes: ['customer: Gets the cash.', 'support: The safe.'] },
    ]);
    const details = [
      '## Extras',
      '',
      '<details>',
      '<summary>Pausing</summary>',
      '',
      '**Member:** Can pause for two months.',
      '',
      '**Frontstage:** The host may approve it.',
      '',
      '</details>',
      '',
      '<details>',
      '<summary>Leaving</summary>',
      '',
      '**Member:** Gets the deposit back.',
      '',
      '**Support:** ?',
      '',
      '</details>',
      '',
    ].join('\n');
    assert.deepEqual(read(details), [
      { title: 'Pausing', shape: 'heading', lanes: ['customer: Can pause for two months.', 'frontstage: The host may approve it.'] },
      { title: 'Leaving', shape: 'heading', lanes: ['customer: Gets the deposit back.', 'support: ?'] },
    ]);
  });

  it('reads a section titled as a legend, and roles it lists, as the lanes of every step', () => {
    const text = [
      '## Lanes',
      '',
      '- **Resident** — the person being vaccinated',
      '- **Crew** — the vaccinators on the van',
      '',
      '## Walk-in queue',
      '',
      '- Resident — turns up with no appointment needed',
      '- Crew — hands out numbered tickets',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [{ title: 'Walk-in queue', shape: 'heading', lanes: ['customer: turns up with no appointment needed', 'frontstage: hands out numbered tickets'] }]);
  });

  it("reads a wiki's `Label:: value` lines as lanes", () => {
    const text = ['## [Step 3] Appointment', '', 'Customer:: Picks a morning or afternoon slot.', '', 'Frontstage:: Confirms by text.', '', 'Support:: N/A', ''].join('\n');
    const [step] = lint(text, { forceBlueprint: true }).blueprint.steps;
    assert.deepEqual(
      step!.lanes.map((l) => [l.kind, l.content.text, l.placeholder]),
      [
        ['customer', 'Picks a morning or afternoon slot.', false],
        ['frontstage', 'Confirms by text.', false],
        ['support', 'N/A', true],
      ],
    );
  });

  it('reads a grid of staff roles by stage with no customer row, even with a systems row, as no steps', () => {
    const text = [
      '## Internal actors',
      '',
      '| Actor | Quote | Planning | Day before |',
      '|---|---|---|---|',
      '| Estimator | Prices the job | Flags tricky sites | Hands over to dispatch |',
      '| Dispatcher | Sorts the queue | Builds the crew plan | Rings customers about delays |',
      '| Warehouse crew | - | Reads the prep list | Loads the van |',
      '| System / Admin | Quote builder | Planner | Dispatch board |',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => [s.title, s.shape]),
      [['Internal actors', 'prose']],
    );
  });

  it('titles the rows of a grid by its first column when that column is the customer lane, and keeps it a lane', () => {
    const text = [
      '| Customer action | Frontstage UI | API | Domain process | Backstage job |',
      '|---|---|---|---|---|',
      '| Pay | Checkout page | Payment endpoint | `PENDING → PAID` | — |',
      '| — | Receipt e-mail | — | — | Ledger entry |',
      '| Ask for a refund | Refund form | Refund endpoint | `PAID → REFUNDED` | Refund run |',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      {
        title: 'Pay',
        shape: 'table-rows',
        lanes: ['customer: Pay', 'frontstage: Checkout page', 'support: Payment endpoint', 'backstage: PENDING → PAID', 'backstage: —'],
      },
      {
        title: 'Ask for a refund',
        shape: 'table-rows',
        lanes: ['customer: Ask for a refund', 'frontstage: Refund form', 'support: Refund endpoint', 'backstage: PAID → REFUNDED', 'backstage: Refund run'],
      },
    ]);
  });

  it('does not read a catalogue headed by one lane among other columns (error codes, failure modes) as steps', () => {
    const errors = ['| HTTP code | Condition | Frontend behaviour |', '|---|---|---|', '| 401 | Session expired | Sends the user to sign in |', '| 500 | Server fault | Shows a retry banner |', ''];
    const failures = ['| What fails | User sees | Recovery |', '|---|---|---|', '| Card declined | A red banner | Retry with another card |', ''];
    assert.deepEqual(read(errors.join('\n')), []);
    assert.deepEqual(read(failures.join('\n')), []);
    // Keyed by step number, it is still a catalogue of what goes wrong, not a table of steps.
    const keyed = ['| Step | What fails | User sees | Recovery |', '|---|---|---|---|', '| 1 | Card declined | A red banner | Retry with another card |', ''];
    assert.deepEqual(read(keyed.join('\n')), []);
    // Labels down the side with one lane among them are still a journey map, stages across.
    const journey = ['| Dimension | Booking | Arrival |', '|---|---|---|', '| Guest goal | Pick a room | Get in fast |', '| Touchpoints | Website | Front desk |', ''];
    assert.deepEqual(
      read(journey.join('\n')).map((s) => s.title),
      ['Booking', 'Arrival'],
    );
  });

  it('does not read a section without lanes as a step in a document whose steps are laned headings', () => {
    const text = [
      '# Bistro blueprint',
      '',
      '## Phase 1: Booking',
      '',
      '### Customer',
      '',
      'Books a table online.',
      '',
      '### Frontstage',
      '',
      'Host confirms by text.',
      '',
      '## Roadmap',
      '',
      '### Next quarter',
      '',
      'Instant confirmations for every booking.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => s.title),
      ['Booking'],
    );
  });

  it('reads a legend and the table after it alike with LF, CRLF, lone CR and mixed line endings', () => {
    const lf = ['Lanes: **Me** (the customer), **Desk** (in front of the customer)', '', '| Lane | Arrival |', '|---|---|', '| Me | Walks in |', '| Desk | Greets me |', ''];
    const expected = read(lf.join('\n'));
    assert.deepEqual(expected, [{ title: 'Arrival', shape: 'table-columns', lanes: ['customer: Walks in', 'frontstage: Greets me'] }]);
    const endings = ['\r\n', '\r', '\n'];
    assert.deepEqual(read(lf.join('\r\n')), expected);
    assert.deepEqual(read(lf.join('\r')), expected);
    assert.deepEqual(read(lf.map((l, i) => l + endings[i % 3]).join('')), expected);
  });

  it('reads run-in heads as lanes: an emphasised label ending in a period, after an optional clause letter', () => {
    const text = [
      '## 2.4 Facilities',
      '',
      '(a) **Visitor.** Gets a shower code.',
      '',
      '(b) **Harbour staff.** Hands over the code.',
      '',
      '## Departure',
      '',
      '_Visitor._ Pays and leaves.',
      '**Support.** Berth plan.',
      '',
      '## Late arrival',
      '',
      'Visitor. This plain word and period is prose.',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: '2.4 Facilities', shape: 'heading', lanes: ['customer: Gets a shower code.', 'frontstage: Hands over the code.'] },
      { title: 'Departure', shape: 'heading', lanes: ['customer: Pays and leaves.', 'support: Berth plan.'] },
      { title: 'Late arrival', shape: 'prose', lanes: [] },
    ]);
  });

  it('reads sticky notes whose lane is a trailing #tag, named outright or by a legend of tags', () => {
    const named = ['- [Frame 1] Booking', '  - Books a room online #customer', '  - Confirms the slot by text #frontstage', '  - Booking calendar #support', ''];
    assert.deepEqual(read(named.join('\n')), [
      { title: '[Frame 1] Booking', shape: 'list', lanes: ['customer: Books a room online', 'frontstage: Confirms the slot by text', 'support: Booking calendar'] },
    ]);
    const legend = [
      'Legend: #guest is the customer, #gm is the game master in front of the guests, #ops works behind the scenes.',
      '',
      '- [Frame 2] Briefing',
      '  - Hears the rules #guest',
      '  - Explains the story #gm',
      '  - Resets the props #ops',
      '  - A note with a #hashtag in the middle stays prose',
      '',
    ];
    assert.deepEqual(read(legend.join('\n')), [{ title: '[Frame 2] Briefing', shape: 'list', lanes: ['customer: Hears the rules', 'frontstage: Explains the story', 'backstage: Resets the props'] }]);
  });

  it('reads a grid naming the customer beside staff roles as a blueprint, and a grid of codes as a responsibility chart', () => {
    const grid = [
      '| Who | Pick-up | Lunch |',
      '|---|---|---|',
      '| Our guests | Waits at their hotel, no car needed. | Lunch included. |',
      '| Crew lead | Drives the bus. | Serves the food. |',
      '| Shore office | Prints the manifest. | Orders the food. |',
      '',
    ].join('\n');
    assert.deepEqual(
      read(grid).map((s) => [s.title, s.shape, s.lanes.map((l) => l.split(':')[0])]),
      [
        ['Pick-up', 'table-columns', ['customer', 'frontstage', 'backstage']],
        ['Lunch', 'table-columns', ['customer', 'frontstage', 'backstage']],
      ],
    );
    const raci = [
      '| Activity | Key person | Room leader | Manager | Parents |',
      '|---|---|---|---|---|',
      '| Offer a place | I | C | A | R |',
      '| Plan the sessions | R | A/C | — | C |',
      '| First visit | R | C | — | R |',
      '',
    ].join('\n');
    assert.deepEqual(read(raci), []);
  });
  it('reads a definition list whose lanes wrap and carry italic labels, a paragraph per step titled in bold with run-in lanes, and role paragraphs under a bold line', () => {
    const definitions = [
      '# Re-soling boots',
      '',
      'Taking the boots in',
      ':   *The customer:* brings the boots in a bag,',
      '    sometimes muddy.',
      ':   *At the counter:* we tag them and give a ticket.',
      ":   *What's behind us:* a tag printer.",
      '',
      'Collecting',
      ':   *The customer:* pays and takes the boots.',
      ':   *At the counter:* finds the ticket.',
      ":   *What's behind us:* a card machine.",
      '',
    ].join('\n');
    assert.deepEqual(read(definitions), [
      { title: 'Taking the boots in', shape: 'list', lanes: ['customer: brings the boots in a bag,\nsometimes muddy.', 'frontstage: we tag them and give a ticket.', 'support: a tag printer.'] },
      { title: 'Collecting', shape: 'list', lanes: ['customer: pays and takes the boots.', 'frontstage: finds the ticket.', 'support: a card machine.'] },
    ]);
    const paragraphs = [
      '# Bike fitting',
      '',
      'Every paragraph is one step. In each I note what *they* (the riders) do, what *you* do at the counter, and what *backup* you have.',
      '',
      '**Fitting**. *They:* bring the bike. *You:* set the saddle height. *Backup:* a torque wrench on every bench.',
      '',
      '**Test ride**. *They:* ride round the block. *You:* watch the knees',
      'from the kerb.',
      '',
    ].join('\n');
    // (the wrapped line "from the kerb." stays in its lane: a label never spans a sentence's end)
    assert.deepEqual(read(paragraphs), [
      { title: 'Fitting', shape: 'prose', lanes: ['customer: bring the bike.', 'frontstage: set the saddle height.', 'support: a torque wrench on every bench.'] },
      { title: 'Test ride', shape: 'prose', lanes: ['customer: ride round the block.', 'frontstage: watch the knees\nfrom the kerb.'] },
    ]);
    const roles = [
      '# Home visits',
      '',
      '**First visit**',
      '',
      'Patient: assessed at home.',
      '',
      'Visiting physiotherapist: checks balance.',
      '',
      'What the service gives us: a portable kit for each visit.',
      '',
      '**Review**',
      '',
      'Patient: rings if anything changes.',
      '',
      'Visiting physiotherapist: calls back the same day.',
      '',
      'What the service gives us: a protected hour on the rota.',
      '',
    ].join('\n');
    assert.deepEqual(read(roles), [
      { title: 'First visit', shape: 'heading', lanes: ['customer: assessed at home.', 'frontstage: checks balance.', 'support: a portable kit for each visit.'] },
      { title: 'Review', shape: 'heading', lanes: ['customer: rings if anything changes.', 'frontstage: calls back the same day.', 'support: a protected hour on the rota.'] },
    ]);
  });

  it('reads an mdBook admonition fenced as code as the lane its title names, and an award entry’s numbered sections as no blueprint', () => {
    const chapter = [
      '# Shredding',
      '',
      '## Step 1: Reminder',
      '',
      '- **Customer actions:** gets a text the day before.',
      '- **Backstage:** route locked at noon.',
      '',
      '```admonish tip title="Support processes"',
      'The route planner sends the text once the route is locked.',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(read(chapter), [
      {
        title: 'Reminder',
        shape: 'heading',
        lanes: ['customer: gets a text the day before.', 'backstage: route locked at noon.', 'support: The route planner sends the text once the route is locked.'],
      },
    ]);
    const entry = [
      '# Team of the year entry',
      '',
      '## Entry from Bloggs Hardware',
      '',
      '### 1. About us',
      '',
      'We are nine people on the shop floor.',
      '',
      '### 2. Our promises to customers',
      '',
      '- Keys re-cut free.',
      '',
      '### 4. Frontstage and backstage',
      '',
      'Frontstage is the shop floor.',
      '',
      '### 7. Why this team',
      '',
      'Because they care.',
      '',
    ].join('\n');
    const r = lint(entry, { filePath: 'entry.md' });
    assert.deepEqual([r.blueprint.reason, r.findings], ['none', []]);
  });

  it('counts no support in a support lane that says its thing is broken, unfunded, nobody’s job or there only when someone is free', () => {
    assert.deepEqual(
      [
        'No van on Mondays since the lease ended.',
        'Crew goes out if it is quiet.',
        'Jet wash broken. Replacement not budgeted.',
        'Goes to whoever puts their name down that week.',
        'Done in my own evenings, unpaid.',
        'Spare crew only if agency drivers are booked; the agency budget has not been agreed.',
        "Typed up by whoever is in the office; there's no template yet.",
        "Only if Sam has an afternoon spare. We don't have a trailer.",
        "Boxes ran out in May. Nobody's job to reorder.",
        'Wine TBC, the licence is still with the council.',
        'Two porters on Wednesdays.',
        'Card reader (TBC: a second one for Saturdays)',
      ].map(collectionFlagged),
      [true, true, true, true, true, true, true, true, true, true, false, false],
    );
  });
  it('reads lanes named after a dash at an item’s end, a bare role item under a bold line, Google Docs’ unclosed bold labels and a sheet pasted with a blank first row', () => {
    const trailing = [
      '# Valet',
      '',
      '1. Booking',
      '   - Books online and gets a slot the same day — customer',
      '   - Confirms the slot by text — front desk',
      '   - Booking diary — tools',
      '2. Wash',
      '   - Waits in the lounge — customer',
      '   - Washes the car — valeter',
      '',
    ].join('\n');
    assert.deepEqual(read(trailing), [
      { title: 'Booking', shape: 'list', lanes: ['customer: Books online and gets a slot the same day', 'frontstage: Confirms the slot by text', 'support: Booking diary'] },
      { title: 'Wash', shape: 'list', lanes: ['customer: Waits in the lounge', 'frontstage: Washes the car'] },
    ]);
    const boldOverList = [
      '# Valet',
      '',
      '**09:00**',
      '',
      '- Customer: drops the car off.',
      '- Staff: checks it in.',
      '- Tools: key safe.',
      '',
      '**10:30**',
      '',
      '- Customer: gets a text.',
      '- Tools: SMS system.',
      '',
    ].join('\n');
    assert.deepEqual(read(boldOverList), [
      { title: '09:00', shape: 'heading', lanes: ['customer: drops the car off.', 'frontstage: checks it in.', 'support: key safe.'] },
      { title: '10:30', shape: 'heading', lanes: ['customer: gets a text.', 'support: SMS system.'] },
    ]);
    const gdocs = ['# Valet', '', '## Booking', '', '**Customer: **books online\\.', '', '**Staff: **confirms the slot\\.', '', '**Tools: **booking diary\\.', ''].join('\n');
    assert.deepEqual(read(gdocs), [{ title: 'Booking', shape: 'heading', lanes: ['customer: books online.', 'frontstage: confirms the slot.', 'support: booking diary.'] }]);
    const sheet = [
      '# Valet',
      '',
      '| | | | |',
      '|---|---|---|---|',
      '| Stage | Customer | Staff | Tools |',
      '| Booking | Books online | Confirms | Diary |',
      '| Wash | Free coffee | Washes | Jet wash |',
      '',
    ].join('\n');
    assert.deepEqual(read(sheet), [
      { title: 'Booking', shape: 'table-rows', lanes: ['customer: Books online', 'frontstage: Confirms', 'support: Diary'] },
      { title: 'Wash', shape: 'table-rows', lanes: ['customer: Free coffee', 'frontstage: Washes', 'support: Jet wash'] },
    ]);
  });

  it('reads numbered sub-headings under a section as steps even when one reads as a lane ("6. Staff training"), and a "Reading the blueprint" section as no step', () => {
    const text = [
      '# Onboarding a clinic',
      '',
      '## Reading the blueprint',
      '',
      '- **Clinic** – the customer',
      '- **Specialist** – the one they see',
      '',
      '## The steps',
      '',
      '### 1. Kickoff',
      '',
      '- **Clinic:** picks a start date.',
      '- **Specialist:** runs the call.',
      '',
      '### 2. Staff training',
      '',
      '- **Clinic:** a free hour of training for their staff.',
      '- **Specialist:** trains the front desk.',
      '',
      '### 3. Go-live',
      '',
      '- **Clinic:** a specialist on the phone all day.',
      '- **Specialist:** on call.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => [s.title, s.shape, s.lanes.length]),
      [
        ['Kickoff', 'heading', 2],
        ['Staff training', 'heading', 2],
        ['Go-live', 'heading', 2],
      ],
    );
  });

  it('reads a table whose lane cells hold only people’s names as a rota, with no steps', () => {
    const rota = [
      '| Day | Front counter (customers see) | Kitchen (out back) | Support |',
      '|---|---|---|---|',
      '| Mon 2 June | Priya, Tom | Ade | Marta |',
      '| Tue 3 June | *needed* | Ade + Jo | Marta (lead) |',
      '| Wed 4 June | Priya | Jo | TBC |',
      '',
    ].join('\n');
    assert.deepEqual(read(rota), []);
    assert.equal(lint(rota, { filePath: 'rota.md' }).blueprint.isBlueprint, false);
    // A grid of what each lane does keeps its steps, whatever names a cell also holds.
    const grid = ['| Day | Customer | Front counter | Support |', '|---|---|---|---|', '| Monday | Orders lunch | Priya takes it | Till |', '| Tuesday | Collects it | Tom | Rota |', ''].join('\n');
    assert.deepEqual(
      read(grid).map((s) => s.title),
      ['Monday', 'Tuesday'],
    );
  });

  it('reads glosses that say whom a lane’s people see or face, or that they work out back', () => {
    const grid = [
      '| Who | Check-in | Wash |',
      '|---|---|---|',
      '| Motorist | Hands over the keys. | Waits in the lounge. |',
      '| Bay desk (meets the motorist) | Books the car in. | Calls when it is ready. |',
      '| Valeters (out back) | | Wash the car. |',
      '| What backs us | Booking screen | Pressure washer |',
      '',
    ].join('\n');
    assert.deepEqual(
      read(grid).map((s) => s.lanes.map((l) => l.split(':')[0])),
      [
        ['customer', 'frontstage', 'backstage', 'support'],
        ['customer', 'frontstage', 'backstage', 'support'],
      ],
    );
    const rows = ['| Stage | Member (user) | Helpdesk (user-facing) | Tools |', '|---|---|---|---|', '| Reset | Asks for a new password | Resets it on the call | Admin console |', ''].join('\n');
    assert.deepEqual(read(rows)[0]!.lanes, ['customer: Asks for a new password', 'frontstage: Resets it on the call', 'support: Admin console']);
  });

  it('reads an italic legend listed after "each stage below records:" with glosses saying who is in contact with the customer', () => {
    const text = [
      '## How to read this page',
      '',
      'Each stage below records: *Tenant* (what the tenant does), *Site officer* (contact with tenants on the estate), *Repairs desk* (back office, not visible to tenants) and *Tools and authority*.',
      '',
      '## 1. Report a leak',
      '',
      'Tenant: Reports the leak online.',
      '',
      'Repairs desk: Raises the job.',
      '',
      '## 2. Visit',
      '',
      'Site officer: Calls in the same day.',
      '',
      'Tools and authority: Van stock.',
      '',
    ].join('\n');
    assert.deepEqual(read(text), [
      { title: 'Report a leak', shape: 'heading', lanes: ['customer: Reports the leak online.', 'backstage: Raises the job.'] },
      { title: 'Visit', shape: 'heading', lanes: ['frontstage: Calls in the same day.', 'support: Van stock.'] },
    ]);
  });

  it('counts no support in a support lane whose thing has not arrived, was cut, is on hold, ran out, or is there only when one person is in', () => {
    assert.deepEqual(
      [
        'Trolleys ordered in March, still not arrived.',
        'Waiting on the replacement part from the maker.',
        'Driver budget cut this year, post on hold.',
        'The tail-lift van. We ran out of time to wash it.',
        'The loading bays. We ran out last week.',
        'Van keys with the owner, who signs every job sheet himself when he is in.',
        'Only Dana can approve the van hire, each time again.',
        'Depot must sign off each booking individually before it may be confirmed.',
        'Two porters on Wednesdays.',
        'Crew may approve a second van each time it is needed.',
      ].map(collectionFlagged),
      [true, true, true, false, true, true, true, true, false, false],
    );
  });

  it('counts no support in a support lane whose thing is off the road, switched off, out of reach, full, vacant, someone else’s or the customer’s own', () => {
    assert.deepEqual(
      [
        'Van failed its MOT last week, off the road until the parts come.',
        'The automatic booking text has been switched off since the upgrade; we text by hand when workload allows.',
        'The depot portal: locked out since April, the password went with the old manager.',
        'We still have no driver on the panel for Saturdays.',
        'Porters do not have access to the van diary.',
        'Collection slots are always full; no van has space after Easter.',
        'The driver post that is currently vacant covered this.',
        'Crew are not permitted to book the van.',
        'This stage is the responsibility of the council; we have no role.',
        'Our account with the van hire firm was suspended in May; at present the customer brings the chairs in themselves.',
        'The tail-lift was set up on the old van. No one has moved it to the new one.',
        'Collections depend on a van becoming free. The spare van was withdrawn.',
        'Our fitter now comes in on Mondays only.',
        'Two porters on Wednesdays.',
        'Crew can book a second van on their own say-so.',
        'You can book the van on your own without ringing me.',
      ].map(collectionFlagged),
      [true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, false],
    );
  });

  it('reads a budget table of amounts as no steps, and a box titled by people that holds lanes of two kinds as a step', () => {
    const budget = ['| Item | Budget | Spent |', '|---|---|---|', '| Coordinator | £11,000 | £10,800 |', '| Tablets and data | £4,200 | £4,560 |', '| Volunteer training | £2,300 | £2,010 |', ''].join(
      '\n',
    );
    assert.deepEqual(read(budget), []);
    const boxes = [
      '{% step title="Escorts and carers" %}',
      '{% lane name="Patient" %}',
      'May bring one escort free of charge.',
      '{% /lane %}',
      '{% lane name="Call handler" %}',
      'Records the request.',
      '{% /lane %}',
      '{% /step %}',
      '',
    ].join('\n');
    assert.deepEqual(read(boxes), [{ title: 'Escorts and carers', shape: 'heading', lanes: ['customer: May bring one escort free of charge.', 'frontstage: Records the request.'] }]);
  });

  it('counts no support in a lane left to the acting employee, to whoever is free or to someone else each time, and reads "Dr." as no sentence end', () => {
    assert.deepEqual(
      [
        'that one’s down to you, mate.',
        'It depends who’s in that week.',
        'Whoever isn’t already out, if anyone.',
        'Nobody’s down for collections. A Friday run isn’t on the rota yet.',
        'None of us can book the van; every booking goes to Craig by email.',
        'Each van booking has to be approved by the depot manager.',
        'Depot account: requested in May, not yet granted; bookings are currently paused.',
        'The booking macro was retired in March.',
        'Van 3 only. Van 3 off road since Feb.',
        'A spare van can be given only if the manager (Dr. Ferri) say yes, every time.',
        'The van diary, and nobody can book on top of a collection.',
        'Any of us can book the van without asking.',
      ].map(collectionFlagged),
      [true, true, true, true, true, true, true, true, true, true, false, false],
    );
  });

  it('counts no support in a lane that is only possible when one person is in, out with a customer, on stop, the customer’s own or another step’s', () => {
    assert.deepEqual(
      [
        'Only possible when Eng. Ferreira is in the depot.',
        'The spare trolley has been out with Mrs Kowalski since June.',
        'The trade account, which is on stop since the invoice mix-up.',
        'Depends on Gaz from the van firm being free.',
        'cust’s outside tap + hose',
        'like in step 2.',
        'The van and two porters.',
      ].map(collectionFlagged),
      [true, true, true, true, true, true, false],
    );
  });

  it('reads a key after "cols:", a customer named by a role beside a support lane word at a section’s top, and what staff carry as support', () => {
    const text = [
      'cols: **Cust** = householder · **Kit/OK** = gear + what ops can sign off themselves',
      '',
      '| Stage | Cust | Kit/OK |',
      '|---|---|---|',
      '| Repair | OKs it on the spot | van stock; op OK to £40 |',
      '',
      '## Deposit',
      '',
      '- **The client:** pays half up front.',
      '- **What we rely on:** Xero.',
      '',
      '## Check-in',
      '',
      '- **Riders:** show the booking on their phone.',
      '- **In your pocket:** the manifest app.',
      '',
    ].join('\n');
    assert.deepEqual(
      read(text).map((s) => [s.title, s.lanes.map((l) => l.split(':')[0]).join(' ')]),
      [
        ['Repair', 'customer support'],
        ['Deposit', 'customer support'],
        ['Check-in', 'customer support'],
      ],
    );
  });
});
