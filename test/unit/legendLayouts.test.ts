// Lanes named by a document's own key: lower-case abbreviations, icons, and Word styles kept by pandoc.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/lint.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { legendLanes } from '../../server/src/engine/blueprint/legend.js';

/** Steps as "title (shape): kind<label>=content" from a lint that detects on its own, with the lanes' exact positions. */
function steps(text: string, caches?: { parse: ChunkCache; steps: StepCache }) {
  const r = lint(text, { filePath: 'doc.md', parseCache: caches?.parse, stepCache: caches?.steps });
  return r.blueprint.steps.map((s) => ({
    step: `${s.title} (${s.shape})`,
    lanes: s.lanes.map((l) => `${l.kind}<${text.slice(l.labelSpan.start, l.labelSpan.end)}>=${text.slice(l.contentSpan.start, l.contentSpan.end)}`),
  }));
}

/** The incremental path (chunk and step caches, after an edit above) gives the steps of a fresh lint. */
function sameIncrementally(text: string): void {
  const caches = { parse: new ChunkCache(), steps: new StepCache() };
  const edited = `Draft.\n\n${text}`;
  steps(edited, caches);
  assert.deepEqual(steps(text, caches), steps(text));
}

describe('lanes named by a document key', () => {
  it('reads a lower-case "label = gloss" key, with "us" as the firm’s own staff', () => {
    const text = [
      '# how a gutter clean runs',
      '',
      'cli = the client. us = the lads on the ladders. office = paperwork they dont see. gear = what we have got to do it.',
      '',
      '## 1) booking',
      '',
      '**cli:** books by text, same week',
      '',
      '**office:** jo logs it',
      '',
      '**gear:** shared calendar',
      '',
      '## 2) the clean',
      '',
      '**cli:** doesnt need to be home',
      '',
      '**us:** two on site, photos before and after',
      '',
      '**gear:** vacuum pole',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      { step: 'booking (heading)', lanes: ['customer<cli:>=books by text, same week', 'backstage<office:>=jo logs it', 'support<gear:>=shared calendar'] },
      { step: 'the clean (heading)', lanes: ['customer<cli:>=doesnt need to be home', 'frontstage<us:>=two on site, photos before and after', 'support<gear:>=vacuum pole'] },
    ]);
    sameIncrementally(text);
  });

  it('leaves a lower-case list of sums that names no lanes alone', () => {
    const text = ['# notes', '', 'total = price plus vat. deposit = a fifth of it.', '', '## 1) quote', '', 'we price it that night', ''].join('\n');
    assert.equal(lint(text, { filePath: 'doc.md' }).blueprint.isBlueprint, false);
  });

  it('reads lanes marked by icons alone, as a legend list under a cue defines them', () => {
    const text = [
      '# Bike repair flow',
      '',
      'Every step has three layers:',
      '',
      '- 🙋 what the rider does',
      '- 🔧 workshop (riders never see it)',
      '- 🗃️ what powers it (tools, rota)',
      '',
      '- **Drop off**',
      '  - 🙋 Leaves the bike at the door, no appointment.',
      '  - 🗃️ Tag printer',
      '- **Fix**',
      '  - 🔧 Mechanic replaces the chain',
      '  - 🗃️ Parts drawer',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      { step: 'Drop off (list)', lanes: ['customer<🙋>=Leaves the bike at the door, no appointment.', 'support<🗃️>=Tag printer'] },
      { step: 'Fix (list)', lanes: ['backstage<🔧>=Mechanic replaces the chain', 'support<🗃️>=Parts drawer'] },
    ]);
    sameIncrementally(text);
  });

  it('reads an icon no key names as part of the text', () => {
    const text = ['## Drop off', '', '- **Customer:** 🙂 Leaves the bike.', '- 🔧 Mechanic tags it', '- **Backstage:** Logs it.', ''].join('\n');
    assert.deepEqual(steps(text), [{ step: 'Drop off (heading)', lanes: ['customer<Customer:>=🙂 Leaves the bike.', 'backstage<Backstage:>=Logs it.'] }]);
  });

  it('reads pandoc fenced divs opened by a span in a label style as lanes, and drops Word bookmark spans from titles', () => {
    const text = [
      '# Lending library',
      '',
      '## []{#_Toc42 .anchor}Joining',
      '',
      '::: {custom-style="Lane Member"}',
      '[Member]{custom-style="Lane Label"} Signs up at the desk.',
      ':::',
      '',
      '::: {custom-style="Lane Back"}',
      '[Backstage]{custom-style="Lane Label"} The card is printed overnight.',
      ':::',
      '',
      '::: {custom-style="Lane Notes"}',
      '[Mood]{custom-style="Lane Label"} --',
      ':::',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      {
        step: 'Joining (heading)',
        lanes: ['customer<Member>=Signs up at the desk.', 'backstage<Backstage>=The card is printed overnight.', 'other<Mood>=--'],
      },
    ]);
    sameIncrementally(text);
  });

  it('reads label spans in a legend paragraph that calls the lanes bands', () => {
    const text = [
      '# Lending library',
      '',
      'Each step has coloured bands: [Reader]{custom-style="Lane Label"} is the customer;',
      '[Desk]{custom-style="Lane Label"} is what the reader sees us do; [Stacks]{custom-style="Lane Label"} is out of sight.',
      '',
      '## Borrowing',
      '',
      '::: {custom-style="Lane A"}',
      '[Reader]{custom-style="Lane Label"} Takes a book.',
      ':::',
      '',
      '::: {custom-style="Lane C"}',
      '[Stacks]{custom-style="Lane Label"} Reshelved the same day.',
      ':::',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [{ step: 'Borrowing (heading)', lanes: ['customer<Reader>=Takes a book.', 'backstage<Stacks>=Reshelved the same day.'] }]);
    sameIncrementally(text);
  });

  it('reads level-1 headings as steps when the front matter gives the title, as pandoc writes Word headings', () => {
    const text = [
      '---',
      'title: Lending library',
      '---',
      '',
      '# Joining',
      '',
      '**Member:** Signs up at the desk.',
      '',
      '**Backstage:** The card is printed overnight.',
      '',
      '# Borrowing',
      '',
      '**Member:** Takes a book.',
      '',
      '## Notes',
      '',
      'Loans run three weeks.',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      { step: 'Joining (heading)', lanes: ['customer<Member:>=Signs up at the desk.', 'backstage<Backstage:>=The card is printed overnight.'] },
      { step: 'Borrowing (heading)', lanes: ['customer<Member:>=Takes a book.', 'other<Notes>=Loans run three weeks.'] },
    ]);
    sameIncrementally(text);
    // An edit of the front matter alone turns the headings back into titles in the incremental path too.
    const caches = { parse: new ChunkCache(), steps: new StepCache() };
    steps(text, caches);
    const untitled = text.replace('title: Lending library', 'author: Jo');
    assert.deepEqual(steps(untitled, caches), steps(untitled));
    // Without the front matter's title the first level-1 heading is the title, as before.
    assert.deepEqual(
      steps(text.replace('title: Lending library', 'author: Jo')).map((s) => s.step),
      [],
    );
  });

  it('reads an "is" gloss past its commas when its first clause names no lane', () => {
    const text = [
      '# Lending library',
      '',
      'Legend: **Reader** is the customer. **Shelf** is the time, tools and say-so we give the team.',
      '',
      '## Borrowing',
      '',
      '**Reader:** Takes a book.',
      '',
      '**Shelf:** Self-service kiosk.',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [{ step: 'Borrowing (heading)', lanes: ['customer<Reader:>=Takes a book.', 'support<Shelf:>=Self-service kiosk.'] }]);
  });

  it('reads a legend cued by "labels", bold entries glossed by a verb, and two entries sharing one verb’s gloss', () => {
    const text = [
      '# Meeting day',
      '',
      'Labels I use below: **Organiser** is our guest, **Host** is whoever is on the floor with them, **Kitchen crew** and',
      '**Sales desk** work behind the doors, **In our corner** is what backs the team.',
      '',
      '## Lunch',
      '',
      '**Organiser:** Lunch is served in the room at no extra charge.',
      '',
      '**Host:** Clears the tables.',
      '',
      '**Sales desk:** Sends the menu.',
      '',
      '**In our corner:** A second server on every booking over 20.',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      {
        step: 'Lunch (heading)',
        lanes: [
          'customer<Organiser:>=Lunch is served in the room at no extra charge.',
          'frontstage<Host:>=Clears the tables.',
          'backstage<Sales desk:>=Sends the menu.',
          'support<In our corner:>=A second server on every booking over 20.',
        ],
      },
    ]);
    sameIncrementally(text);
  });

  it('reads "You" lanes beside a customer lane as the staff reader, and leaves "You" alone where it is the customer', () => {
    const staff = ['# Open evening', '', '- **Arriving**', '  - Parents & carers: signed in and handed a map.', '  - You at the door: say hello.', '  - What we have: printed maps.', ''].join('\n');
    assert.deepEqual(steps(staff), [
      { step: 'Arriving (list)', lanes: ['customer<Parents & carers:>=signed in and handed a map.', 'frontstage<You at the door:>=say hello.', 'support<What we have:>=printed maps.'] },
    ]);
    sameIncrementally(staff);
    const customer = ['# Your visit', '', '- **Arriving**', '  - You: sign in at the desk.', '  - Our staff: hand you a map.', '  - What we have: printed maps.', ''].join('\n');
    assert.deepEqual(
      steps(customer).map((s) => s.lanes.map((l) => l.split('<')[0])),
      [['frontstage', 'support']],
    );
  });

  it('reads "each step is what the X gets, what the Y does" as a legend: who gets is the customer, who does is staff', () => {
    const text = [
      '# Taster session',
      '',
      'each step is what the climber gets, what the instructor does and what we give the team.',
      '',
      '1. Booking',
      '   - climber: books a slot, max 6 per group',
      '   - instructor: checks the list',
      '   - what we give the team: the booking system',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      {
        step: 'Booking (list)',
        lanes: ['customer<climber:>=books a slot, max 6 per group', 'frontstage<instructor:>=checks the list', 'support<what we give the team:>=the booking system'],
      },
    ]);
    sameIncrementally(text);
  });
  it('reads keys as people write them: "X = gloss" set apart by commas, glossary lists, emphasised terms, italic "what *they* do", a "Format:" line', () => {
    assert.deepEqual(
      [
        'Labels I use: BIKER = the customer, SHOP = the counter staff, REAR = the workshop and the yard, BACKING = what we have actually got to do it with.',
        'The words I use:\n\n- **Gast** is the guest.\n- **Theke** is the front counter, where the guest is.\n- **Küche** is the kitchen at the back; the guest does not see it.\n- **Rückhalt** means tools and authority.\n',
        '_Riders_ are our customers for the day. _Guide on the trail_ is whoever leads, in front of them. _Base crew_ is everyone out back. _Kit_ is what we have ready: bikes, radios, money.',
        'Inside each card, *Member* is the person we serve, *On the van* is the driver and whoever rides along, *Back at base* is the kitchen and office, and *Backing* is what the trust actually provides.',
        'Every paragraph is one step. In each I note what *they* (the members) do, what *you* do at the desk, what happens *behind you* at head office, and what *backup* you have.',
        'Format: each step, then what the **rider** sees/does, what **I** do (I run the shop), what goes on **off-stage** (Sam does the books) and **what backs it** (tools, money, systems).',
      ].map(legendLanes),
      [
        { customer: ['BIKER'], frontstage: ['SHOP'], backstage: ['REAR'], support: ['BACKING'] },
        { customer: ['Gast'], frontstage: ['Theke'], backstage: ['Küche'], support: ['Rückhalt'] },
        { customer: ['Riders'], frontstage: ['Guide on the trail'], backstage: ['Base crew'], support: ['Kit'] },
        { customer: ['Member'], frontstage: ['On the van'], backstage: ['Back at base'], support: ['Backing'] },
        { customer: ['they'], frontstage: ['you'], backstage: ['behind you'], support: ['backup'] },
        // (the writer who is "I" in the key labels their own lines "Me:")
        { customer: ['rider'], frontstage: ['I', 'Me'], backstage: ['off-stage'], support: ['what backs it'] },
      ],
    );
  });
});

describe('keys and step marks as other writers set them', () => {
  it('reads a key in code spans with arrows, one entry a line, and lanes set off by an arrow', () => {
    const text = [
      '# Bike service, day by day',
      '',
      'What each line below stands for. Keys used below:',
      '',
      '`rider` → the customer dropping the bike off  ',
      '`bench` → mechanics, out of sight in the workshop  ',
      '`behind` → tools, parts and say-so we give the mechanics',
      '',
      '### Day 1 · Drop-off',
      '',
      '- **rider** → gets a written price before any work starts.',
      '- **bench** → the mechanic checks the gears and brakes.',
      '- **behind** → a torque wrench and a parts account with two suppliers.',
      '',
      '### Day 2 · Ready',
      '',
      '- **rider** → a text when it is ready, and the old parts in a bag.',
      '- **bench** → cleans the drivetrain.',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(text), { customer: ['rider'], backstage: ['bench'], support: ['behind'] });
    assert.deepEqual(steps(text), [
      {
        step: 'Day 1 · Drop-off (heading)',
        lanes: [
          'customer<rider** →>=gets a written price before any work starts.',
          'backstage<bench** →>=the mechanic checks the gears and brakes.',
          'support<behind** →>=a torque wrench and a parts account with two suppliers.',
        ],
      },
      { step: 'Day 2 · Ready (heading)', lanes: ['customer<rider** →>=a text when it is ready, and the old parts in a bag.', 'backstage<bench** →>=cleans the drivetrain.'] },
    ]);
    sameIncrementally(text);
  });

  it('reads plain "label → gloss" lines as a key, and "under every heading there’s what the X get, what the Y do" as one', () => {
    const arrows = ['# a visit', '', 'painters → the customers', 'floor → whoever is working the tables', 'kiln room → out the back', "we've got → what the café gives you", ''].join('\n');
    assert.deepEqual(legendLanes(arrows), { customer: ['painters'], frontstage: ['floor'], backstage: ['kiln room'], support: ["we've got"] });
    const what = ['# Lesson', '', "Under every heading there's what the riders get, what the yard and office do, and what the school gives you.", ''].join('\n');
    assert.deepEqual(legendLanes(what), { customer: ['riders'], backstage: ['yard and office'] });
  });

  it('reads a "Lane | Meaning" table as the key, a gloss saying who sees them before its nouns', () => {
    const text = [
      '# Sample testing service',
      '',
      '## Lanes',
      '',
      '| Lane | Meaning |',
      '|------|---------|',
      '| Req | the customer: the clinic that sends the sample |',
      '| Desk | lab techs at reception, face to face |',
      '| Bench | analysts, the clinic never sees them |',
      '| Kit/OK | instruments, cover and sign-off we give Desk and Bench |',
      '',
      '## Steps',
      '',
      '### Sample in',
      '',
      '- **Req:** results within two working days.',
      '- **Desk:** logs the tube.',
      '- **Kit/OK:** barcode printer at the desk.',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(text), { customer: ['Req'], frontstage: ['Desk'], backstage: ['Bench'], support: ['Kit/OK'] });
    assert.deepEqual(steps(text), [
      { step: 'Sample in (heading)', lanes: ['customer<Req:>=results within two working days.', 'frontstage<Desk:>=logs the tube.', 'support<Kit/OK:>=barcode printer at the desk.'] },
    ]);
  });

  it('reads lines opened by clause letters by the key that gives each letter its lane', () => {
    const text = [
      '# Tuning and repair',
      '',
      'Under each stage: (a) what the customer may expect, (b) what the person at the counter does, (c) what is done in the workroom, and (d) what the firm provides so that you can keep our word.',
      '',
      '1. **Booking a tuning**',
      '   a) Owner – a visit within the week, at no extra charge in town.',
      '   b) Counter – writes it in the book.',
      '   d) Behind us – the shared diary and a spare set of mutes.',
      '',
      '2. **Restringing**',
      '   a) Owner – the old strings returned on request.',
      '   c) Workroom – strings are cut to length.',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(text), { customer: ['Owner'], frontstage: ['Counter'], support: ['Behind us'], backstage: ['Workroom'] });
    assert.deepEqual(
      steps(text).map((s) => s.step),
      ['Booking a tuning (list)', 'Restringing (list)'],
    );
  });

  it('reads a list a sentence introduces as the lanes as a key, not as a step’s lanes', () => {
    const text = [
      '# Guild newsletter',
      '',
      '## Notes from the workshop',
      '',
      'A blueprint puts the customer on top and the work underneath. The lanes she uses are:',
      '',
      '- **Customer actions** – what the customer does: rings, visits, collects.',
      '- **Frontstage** – what the florist does that the customer can see.',
      '- **Support processes** – what the people doing the work need.',
      '',
      'We did not draw one on the day.',
      '',
    ].join('\n');
    const r = lint(text, { filePath: 'doc.md' });
    assert.equal(r.blueprint.isBlueprint, false);
    assert.deepEqual(steps(text), []);
  });

  it('reads bold lines over prose as steps when no lane is named, numbered by keycaps or inside the bold', () => {
    const text = [
      '---',
      'blueprint: true',
      '---',
      '',
      '# How a groom goes',
      '',
      'Written the way I would tell you over a brew.',
      '',
      '1\uFE0F\u20E3 **Booking**',
      '',
      'People book online and we keep one slot a day for emergencies, so nobody waits a week with a matted dog.',
      '',
      '2\uFE0F\u20E3 **Drop-off**',
      '',
      'Whoever is nearest the door takes the lead and the notes.',
      '',
      '**3. Collection**',
      '',
      'Owners get a photo when the dog is ready.',
      '',
      '- the photo comes from the shop tablet',
      '',
    ].join('\n');
    assert.deepEqual(
      lint(text, { filePath: 'doc.md' }).blueprint.steps.map((s) => [s.title, s.shape, text.slice(s.titleSpan.start, s.titleSpan.end), s.prose.length]),
      [
        ['Booking', 'prose', 'Booking', 1],
        ['Drop-off', 'prose', 'Drop-off', 1],
        ['Collection', 'prose', '3. Collection', 2],
      ],
    );
    sameIncrementally(text);
  });

  it('leaves two bold lines, and bold labels ending in a colon, as the text they are', () => {
    const text = [
      '---',
      'blueprint: true',
      '---',
      '',
      '# Notes',
      '',
      '**Booking**',
      '',
      'Online.',
      '',
      '**Note:**',
      '',
      'Ask first.',
      '',
      '**Paying:**',
      '',
      'Card.',
      '',
      '**Drop-off**',
      '',
      'At the door.',
      '',
    ].join('\n');
    assert.deepEqual(lint(text, { filePath: 'doc.md' }).blueprint.steps, []);
  });
});

describe('lane-major outlines and sheets with a title bar', () => {
  it('reads a list of lanes, each over the numbered steps it takes part in, one step per shared title', () => {
    const text = [
      '- Type:: [[Service blueprint]]',
      '- **Customers**',
      '    - 1. **Booking** — book a single night, no minimum stay',
      '    - 2. **Drop-off** — hand over the lead at the gate, no queue',
      '- **Kennel staff**',
      '    - 2. **Drop-off** — check the vaccination card',
      '- **Office**',
      '    - 1. **Booking** — the booking system takes the deposit',
      '    - 2. **Drop-off** — print the feeding sheet',
      '- Open questions',
      '    - a second van?',
      '',
    ].join('\n');
    assert.deepEqual(steps(text), [
      { step: 'Booking (list)', lanes: ['customer<Customers>=book a single night, no minimum stay', 'frontstage<Office>=the booking system takes the deposit'] },
      {
        step: 'Drop-off (list)',
        lanes: ['customer<Customers>=hand over the lead at the gate, no queue', 'frontstage<Kennel staff>=check the vaccination card', 'frontstage<Office>=print the feeding sheet'],
      },
    ]);
    sameIncrementally(text);
  });

  it('keeps an outline block no word list names as an unplaced lane when its steps are the lanes’ steps, and no other block', () => {
    const text = [
      '- **Customers**',
      '    - 1. **Booking** — book a single night',
      '    - 2. **Drop-off** — hand over the lead at the gate',
      '- **Office**',
      '    - 1. **Booking** — the booking system takes the deposit',
      '    - 2. **Drop-off** — print the feeding sheet',
      '- **Yard hands**',
      '    - 2. **Drop-off** — walk the dog to its run',
      '- Open questions',
      '    - a second van?',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => [s.step, s.lanes.map((l) => l.slice(0, l.indexOf('=')))]),
      [
        ['Booking (list)', ['customer<Customers>', 'frontstage<Office>']],
        ['Drop-off (list)', ['customer<Customers>', 'frontstage<Office>', 'other<Yard hands>']],
      ],
    );
    sameIncrementally(text);
  });

  it('leaves a list of steps, each over its own lanes, as list steps', () => {
    const text = ['- **Booking**', '    - Customer: books a night', '    - Staff: takes the deposit', '- **Drop-off**', '    - Customer: hands over the lead', '    - Staff: checks the card', ''].join(
      '\n',
    );
    assert.deepEqual(
      steps(text).map((s) => s.step),
      ['Booking (list)', 'Drop-off (list)'],
    );
  });

  it('reads a sheet whose first row is its title bar: the second row heads the steps', () => {
    const text = [
      '| Kennel stay, start to finish |  |  |',
      '|---|---|---|',
      '|  | Booking | Drop-off |',
      '| Customer | Books a night | Hands over the lead |',
      '| Staff | Takes the deposit | Checks the card |',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => s.step),
      ['Booking (table-columns)', 'Drop-off (table-columns)'],
    );
  });
});

describe('level-1 headings after the title', () => {
  it('reads a slide deck whose slides are level-1 headings as steps, and a closing slide of prose as no step', () => {
    const text = [
      '---',
      'marp: true',
      '---',
      '',
      '# Car wash membership',
      '',
      '---',
      '',
      '# 1. Sign up',
      '',
      '- **Customer:** joins in the app, first wash free',
      '- **Systems:** plate reader',
      '',
      '---',
      '',
      '# 2. Cancel',
      '',
      '- **Customer:** cancels any time in the app',
      '- **Back office:** stops the billing',
      '',
      '---',
      '',
      '# Questions?',
      '',
      'Ask the ops team.',
      '',
    ].join('\n');
    const r = lint(text, { filePath: 'deck.md' });
    assert.equal(r.blueprint.title, 'Car wash membership');
    assert.deepEqual(steps(text), [
      { step: 'Sign up (heading)', lanes: ['customer<Customer:>=joins in the app, first wash free', 'support<Systems:>=plate reader'] },
      { step: 'Cancel (heading)', lanes: ['customer<Customer:>=cancels any time in the app', 'backstage<Back office:>=stops the billing'] },
    ]);
    sameIncrementally(text);
  });
});

describe('Mermaid sequence diagrams', () => {
  const text = [
    '# Locksmith call-out',
    '',
    '```mermaid',
    'sequenceDiagram',
    '    actor C as Customer',
    '    participant L as Locksmith',
    '    participant O as Office',
    '    Note over C,O: Call',
    '    C->>O: Rings the hotline',
    '    O-->>C: A fixed price before anyone drives out',
    '    Note over C,O: Visit',
    '    O->>L: Job sheet',
    '    L-->>C: There within the hour',
    "    %% the van is the locksmith's own",
    '```',
    '',
    '| Stop | What the team have |',
    '|---|---|',
    '| Call | Price list on the office screen |',
    '| Visit | Van stock of common locks |',
    '',
  ].join('\n');

  it('reads each note as a step, each message as its sender’s line (what reaches the customer as theirs), and a table keyed by the same stops as more lanes', () => {
    assert.deepEqual(steps(text), [
      {
        step: 'Call (table-rows)',
        lanes: ['customer<C>=Rings the hotline', 'customer<C>=A fixed price before anyone drives out', 'support<What the team have>=Price list on the office screen'],
      },
      { step: 'Visit (table-rows)', lanes: ['frontstage<O>=Job sheet', 'customer<C>=There within the hour', 'support<What the team have>=Van stock of common locks'] },
    ]);
    sameIncrementally(text);
  });

  it('reads a diagram without notes as no steps, and leaves other Mermaid diagrams alone', () => {
    const plain = ['# Flow', '', '```mermaid', 'sequenceDiagram', '    C->>O: Rings', '```', ''].join('\n');
    assert.deepEqual(steps(plain), []);
    const flow = ['# Flow', '', '```mermaid', 'flowchart LR', '    A[Customer] --> B[Office]', '```', ''].join('\n');
    assert.deepEqual(steps(flow), []);
  });
});

describe('legend sections: how-to-read headings and colour keys', () => {
  it('reads a "How to read these" section of bold labels as the legend, not a step, and a label it glosses only by who they are is the customer', () => {
    const text = [
      '# Swim school',
      '',
      '## How to read these',
      '',
      '- **Swimmers** – the families, mostly',
      '- **Poolside** – us, on deck where they can see us',
      '- **Gear & say-so** – kit, rosters, who can say yes',
      '',
      '---',
      '',
      '## First lesson',
      '',
      '- **Swimmers:** a free trial lesson.',
      '- **Poolside:** the teacher meets them at the gate.',
      '- **Gear & say-so:** trial slots held on the booking board.',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(text), { customer: ['Swimmers'], frontstage: ['Poolside'], support: ['Gear & say-so'] });
    assert.deepEqual(steps(text), [
      {
        step: 'First lesson (heading)',
        lanes: ['customer<Swimmers:>=a free trial lesson.', 'frontstage<Poolside:>=the teacher meets them at the gate.', 'support<Gear & say-so:>=trial slots held on the booking board.'],
      },
    ]);
  });

  it('reads a colour key of icon stickies ("🟨 yellow = the client") and the stickies under each section by their icon', () => {
    const text = [
      '# Bakery orders board',
      '',
      '## Colour key',
      '',
      '- 🟨 yellow = the client',
      '- 🟦 blue = us at the client site',
      '- 🟩 green = bakery (the client don’t see this)',
      '- 🟪 purple = what help us: tools, money, who can decide',
      '',
      '## Order',
      '',
      '- 🟨 Client order a cake online · _Ana_',
      '- 🟩 Bakery plan the bake · _Rui_',
      '- 🟪 Order sheet in the shared drive · _Rui_',
      '',
      '## Delivery',
      '',
      '- 🟦 We bring it and set it up, free · _Ana_',
      '- 🟪 One van booked every Saturday · _Rui_',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(text), { customer: ['🟨'], frontstage: ['🟦'], backstage: ['🟩'], support: ['🟪'] });
    assert.deepEqual(
      steps(text).map((s) => s.step),
      ['Order (heading)', 'Delivery (heading)'],
    );
  });
});

describe('keys in plain lines', () => {
  it('reads "Label: what ..." lines after "Under each part:" and "Label = gloss" lines one a line, a slashed label whole and in parts', () => {
    const plain = [
      '# Harvest run',
      '',
      'Under',
      'each part:',
      '',
      'Grower: what the grower does and what they can count on from us.',
      'Crew: what you do in the field, where they can see you.',
      'Back at camp: what we do that they never see.',
      'What we run on: the kit, money and say-so behind it.',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(plain), { customer: ['Grower'], frontstage: ['Crew'], backstage: ['Back at camp'], support: ['What we run on'] });
    const board = [
      'HOW TO READ THIS',
      'Family = the family we welcome',
      'Buddy = volunteer buddy (the family sees them)',
      'Office = caseworkers (family doesn’t see)',
      'We have = what backs us up',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(board), { customer: ['Family'], frontstage: ['Buddy'], backstage: ['Office'], support: ['We have'] });
    const slashed = 'owner = the horse owner. barn = whoever of us is shoeing. truck/say-so = what we have on the trucks. T/O = the transport office.\n';
    assert.deepEqual(legendLanes(slashed).support, ['truck/say-so', 'truck', 'say-so']);
  });

  it('reads a card of a plain first line over lane lines as a step, as whiteboard exports write it', () => {
    const card = [
      '# Welcome board',
      '',
      '## Cards',
      '',
      'AIRPORT PICKUP',
      'Family: met at arrivals',
      'Office: sends the flight details',
      'We have: two cars',
      '',
      'FIRST NIGHT',
      'Family: beds made',
      'We have: a welcome budget',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(card).map((s) => s.step),
      ['AIRPORT PICKUP (heading)', 'FIRST NIGHT (heading)'],
    );
  });

  it('reads keys set apart by middle dots, list-item keys with bracketed glosses, and a chat export’s numbered messages over lane lists', () => {
    assert.deepEqual(legendLanes('Them = the customer · Front = whoever is in the showroom · Back = the workroom · Got = what we have got to do it with\n'), {
      customer: ['Them'],
      frontstage: ['Front'],
      backstage: ['Back'],
      support: ['Got'],
    });
    const listed = [
      'For every step there are up to four lines:',
      '',
      '- User [Nutzer]: the researcher who orders the service',
      '- Core team (desk & bench): what we do in contact with the user',
      '- Behind (lab, admin): what the user does not see',
      '- Resources & rights: what we have to do it',
      '',
    ].join('\n');
    assert.deepEqual(legendLanes(listed), { customer: ['User [Nutzer]'], frontstage: ['Core team (desk & bench)'], backstage: ['Behind (lab, admin)'], support: ['Resources & rights'] });
    const chat = [
      '# Studio chat',
      '',
      '03/03/2025, 21:02 - Jas: *1. Booking*',
      '- Client: books online, can move it for free',
      '- Desk: confirms by text',
      '',
      '03/03/2025, 21:05 - Jas: *2. Arrival*',
      '- Client: shows ID',
      '- Desk: checks it',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(chat).map((s) => s.step),
      ['Booking (heading)', 'Arrival (heading)'],
    );
  });

  it('reads a Redmine collapsed block titled by a lane as that lane, a chat step after other messages in its paragraph, a glossary table and a headline as no steps', () => {
    const redmine = [
      '## Quote',
      '',
      '* **Customer:** Gets a quote, the first session free.',
      '* **Office (not visible for user):** Prepares the quote.',
      '',
      '{{collapse(Resources & mandate)',
      '* Rate card in the shared drive.',
      '}}',
      '',
    ].join('\n');
    assert.deepEqual(steps(redmine), [
      {
        step: 'Quote (heading)',
        lanes: [
          'customer<Customer:>=Gets a quote, the first session free.',
          'backstage<Office (not visible for user):>=Prepares the quote.',
          'support<Resources & mandate>=Rate card in the shared drive.',
        ],
      },
    ]);
    const chat = [
      '# Firewood',
      '',
      '[14/4/25, 8:05:10 pm] Gaz: the cheap one is in the bin now',
      '[14/4/25, 8:06:52 pm] Bev: *Loading*',
      '- customer: gets a text when the ute leaves',
      '- staff: loads the ute',
      '',
      '[14/4/25, 8:09:30 pm] Bev: *Delivery*',
      '- customer: gets it stacked free',
      '- staff: stacks it',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(chat).map((s) => s.step),
      ['Loading (heading)', 'Delivery (heading)'],
    );
    const glossary = [
      '| Term | What we mean | Example from our services |',
      '|---|---|---|',
      '| Customer | Who uses the service | A tenant |',
      '| Frontstage | What they see | The crew |',
      '| Backstage | What they do not see | Planning |',
      '',
    ].join('\n');
    assert.deepEqual(steps(glossary), []);
    const release = [
      '# FOR IMMEDIATE RELEASE',
      '',
      '## Acme Launches a No-Receipt Returns Promise Backed by New Authority for Store Associates Everywhere',
      '',
      '### What customers can expect',
      '',
      '- Returns within 90 days',
      '',
      '### What associates get',
      '',
      '- Authority to refund up to $250',
      '',
    ].join('\n');
    assert.equal(lint(release, { filePath: 'news.md' }).blueprint.isBlueprint, false);
  });

  it('reads a numbered item that is only a bold title over a bullet list of lanes as a list step, as a chat paste writes it', () => {
    const text = [
      '# Visits',
      '',
      '1. *Booking*',
      '- Customer: calls us, visit confirmed the same day',
      '- Office: puts it in the calendar',
      '',
      '2. *Arrival*',
      '- Customer: a free safety check',
      '- Tech: checks the exhaust',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => s.step),
      ['Booking (list)', 'Arrival (list)'],
    );
  });

  it('reads "Label = gloss" list items under a cue line with no blank line between, "whoever" glosses as staff on duty, and run-in sentence labels in a numbered item', () => {
    const key = ['Each step has:', '- Client = what the customer does', '- Tech = whoever is on the run that day', '- Gear & backup = what the tech has to make it happen', ''].join('\n');
    assert.deepEqual(legendLanes(key), { customer: ['Client'], frontstage: ['Tech'], support: ['Gear & backup'] });
    const runIn = [
      '# Jobs',
      '',
      '1. **Enquiry**. Customer: sends photos. Counter: answers the same day. What we have got: the price book.',
      '',
      '2. **Deposit**. Customer: pays half. Counter: takes the card. What we have got: a card reader.',
      '',
    ].join('\n');
    assert.deepEqual(steps(runIn), [
      { step: 'Enquiry (list)', lanes: ['customer<Customer:>=sends photos.', 'frontstage<Counter:>=answers the same day.', 'support<What we have got:>=the price book.'] },
      { step: 'Deposit (list)', lanes: ['customer<Customer:>=pays half.', 'frontstage<Counter:>=takes the card.', 'support<What we have got:>=a card reader.'] },
    ]);
  });

  it('reads three or more single-letter sections in order, in a document titled as a glossary, as its index; a column of reference codes as no title; "every step got" as a cue', () => {
    const glossary = [
      '# Glossary',
      '',
      '### A',
      '',
      '**Agent** — whoever answers the phone.',
      '',
      '**Arrival** — when the customer gets there.',
      '',
      '### B',
      '',
      '**Backstage** — what the customer does not see.',
      '',
      '**Benefit** — what the customer gains.',
      '',
      '### C',
      '',
      '**Customer** — who we serve.',
      '',
      '**Crew** — staff on the floor.',
      '',
    ].join('\n');
    assert.deepEqual(steps(glossary), []);
    sameIncrementally(glossary);
    // (letters over steps in a document not titled as a glossary stay steps)
    assert.deepEqual(
      steps(glossary.replace('# Glossary', '# Front desk')).map((s) => s.step),
      ['A (prose)', 'B (heading)', 'C (heading)'],
    );
    const codes = [
      '| Ref | Process step | Driver | Account manager | Systems |',
      '|---|---|---|---|---|',
      '| FL-01 | Order placed | Picks a model | Sends the list | Quote engine |',
      '| FL-02 | Handover | Gets the keys | Hands them over | Handover app |',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(codes).map((s) => s.step),
      ['Order placed (table-rows)', 'Handover (table-rows)'],
    );
    assert.deepEqual(legendLanes('Every step got 4 parts: **Cust** = the customer, **Tech** = you at the unit, **Backup** = what company give you to do the job.\n'), {
      customer: ['Cust'],
      frontstage: ['Tech'],
      support: ['Backup'],
    });
  });

  it('takes the step title from the step column, not a number column beside it, in any language ("Nr", "Stap")', () => {
    const table = [
      '| Nr | Stap | Client | Desk | Systems |',
      '|---|---|---|---|---|',
      '| 1 | Intake | Fills in the form once | Checks it | CRM |',
      '| 2 | Release | Gets an e-mail | Sends it | Mail merge |',
      '',
    ].join('\n');
    assert.deepEqual(
      steps(table).map((s) => s.step),
      ['Intake (table-rows)', 'Release (table-rows)'],
    );
  });
});
