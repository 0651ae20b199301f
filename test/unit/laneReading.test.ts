import { strict as assert } from 'node:assert';
import { explainReading, inContext, readByMeaning, singular, splitGloss } from '../../server/src/engine/blueprint/laneReading.js';
import { laneTable, readLane } from '../../server/src/engine/blueprint/lanes.js';
import { lint } from '../../server/src/engine/lint.js';

describe('lane labels read by their words', () => {
  const table = laneTable();
  const kindOf = (label: string) => readLane(label, table)?.kind;

  it('reads a software layer before one more noun as that layer, an unknown actor before "action" as staff, an end state as a result', () => {
    assert.deepEqual(
      [
        'Frontend Components',
        'API Contract',
        'Database Objects',
        'Data recovery',
        'Intake action',
        'Case-handler action',
        'Frontsatge actions',
        'Next action',
        'Required action',
        'End states',
        'Ticketing System',
        'Booking tools',
        'Broken equipment',
      ].map((label) => [label, readLane(label, table)?.kind, readLane(label, table)?.basis]),
      [
        ['Frontend Components', 'frontstage', 'lane-word'],
        ['API Contract', 'support', 'lane-word'],
        ['Database Objects', 'support', 'lane-word'],
        ['Data recovery', undefined, undefined],
        ['Intake action', 'frontstage', 'role-action'],
        ['Case-handler action', 'frontstage', 'role-action'],
        ['Frontsatge actions', undefined, undefined],
        ['Next action', undefined, undefined],
        ['Required action', undefined, undefined],
        ['End states', 'benefit', 'lane-word'],
        ['Ticketing System', 'support', 'lane-word'],
        ['Booking tools', 'support', 'lane-word'],
        ['Broken equipment', undefined, undefined],
      ],
    );
  });

  it("reads a team or place out of the customer's sight as backstage, a contact centre as staff in front, FOH/BOH as front and back of house", () => {
    assert.deepEqual(
      ['Workshop', 'Kitchen', 'Kitchen staff', 'Warehouse team', 'Finance', 'Head office', 'Workshop actions', 'Call centre', 'Contact center', 'FOH', 'Registrar (FOH)', 'BOH', 'Workshop notes'].map(
        (label) => [label, readLane(label, table)?.kind, readLane(label, table)?.basis],
      ),
      [
        ['Workshop', 'backstage', 'role'],
        ['Kitchen', 'backstage', 'role'],
        ['Kitchen staff', 'backstage', 'role'],
        ['Warehouse team', 'backstage', 'role'],
        ['Finance', 'backstage', 'role'],
        ['Head office', 'backstage', 'role'],
        ['Workshop actions', 'backstage', 'role-action'],
        ['Call centre', 'frontstage', 'role'],
        ['Contact center', 'frontstage', 'role'],
        ['FOH', 'frontstage', 'lane-word'],
        ['Registrar (FOH)', 'frontstage', 'gloss'],
        ['BOH', 'backstage', 'lane-word'],
        ['Workshop notes', 'other', 'other-word'],
      ],
    );
  });

  it('reads a label ending in a trade the prose role list names as a staff lane, never a pronoun or a word of either side', () => {
    assert.deepEqual(
      ['Fitter', 'Groomer (visible)', 'Night auditor', 'We', 'What backs you', 'Admin', 'System / job runner'].map((label) => [label, readLane(label, table)?.kind, readLane(label, table)?.basis]),
      [
        ['Fitter', 'frontstage', 'role'],
        ['Groomer (visible)', 'frontstage', 'gloss'],
        ['Night auditor', 'frontstage', 'role'],
        ['We', undefined, undefined],
        ['What backs you', 'support', 'lane-word'],
        ['Admin', undefined, undefined],
        ['System / job runner', 'support', 'lane-word'],
      ],
    );
  });

  it('reads "<customer> sees" as the visible part, "<someone> does" as their lane, a participle after a system as support', () => {
    assert.deepEqual(
      ['Customer sees', 'What the guest hears', 'Bill does', 'What the customer does', 'System touched', 'Tools used', 'Application submitted', 'Moments of truth.'].map((label) => [
        label,
        readLane(label, table)?.kind,
      ]),
      [
        ['Customer sees', 'frontstage'],
        ['What the guest hears', 'frontstage'],
        ['Bill does', 'frontstage'],
        ['What the customer does', 'customer'],
        ['System touched', 'support'],
        ['Tools used', 'support'],
        ['Application submitted', undefined],
        ['Moments of truth.', 'other'],
      ],
    );
  });

  it('reads the spellings authors outside the project use', () => {
    const expected: Array<[string, string]> = [
      ['Client Action', 'customer'],
      ['Guest action', 'customer'],
      ['User steps', 'customer'],
      ['Volunteer action', 'customer'],
      ['Team toolkit', 'support'],
      ['Kit & say-so', 'support'],
      ['Behind the counter', 'backstage'],
      ['Ops & facilities', 'backstage'],
      ['What we have in place', 'support'],
      ['We have', 'support'],
      ["What we've got to help", 'support'],
      ['Guest experience', 'customer'],
      ['Client experience', 'customer'],
      ['Team Member (headset)', 'frontstage'],
      ['Site representative', 'frontstage'],
      ['Staff app', 'support'],
      ['cust', 'customer'],
      ['Pt', 'customer'],
      ['us', 'frontstage'],
      ['yard', 'backstage'],
      ['Advisor engagement (line of sight)', 'frontstage'],
      ['Orchestration layer (non-visible)', 'backstage'],
      ['Capability enablers', 'support'],
      ['Success measures', 'other'],
      ['BDC & back office', 'backstage'],
      ['Customer-visible activity', 'customer'],
      ['Studio Action', 'frontstage'],
      ['Organiser action', 'frontstage'],
      ['Frontstage staff', 'frontstage'],
      ['Staff frontstage', 'frontstage'],
      ['Visible contact', 'frontstage'],
      ['Invisible contact', 'backstage'],
      ['Counter staff (visible)', 'frontstage'],
      ['Frontstage (Visible)', 'frontstage'],
      ['Backstage work', 'backstage'],
      ['Backstage (Invisible)', 'backstage'],
      ['Backstage system', 'backstage'],
      ['Behind-the-scenes activity', 'backstage'],
      ['Supporting Systems', 'support'],
      ['Supporting tools', 'support'],
      ['Support system', 'support'],
      ['Systems / Tools', 'support'],
      ['Physical / digital evidence', 'evidence'],
      ['Visible interface', 'evidence'],
      ['App involvement', 'evidence'],
      ['Staff app', 'support'],
      ['Backend & services', 'support'],
      ['Touchpoints in thesis', 'evidence'],
      ['Risks', 'other'],
      ['Failure control', 'other'],
      ['Current gap', 'other'],
      ['Intended support', 'other'],
      ['Evidence/validation', 'other'],
      ['Metrics', 'other'],
    ];
    for (const [label, kind] of expected) assert.equal(kindOf(label), kind, label);
  });

  it('lets a gloss that says who acts overrule the label, and only then', () => {
    assert.deepEqual(readLane('Frontstage (User Actions)', table), { kind: 'customer', basis: 'gloss', words: 'user' });
    assert.equal(kindOf('Frontstage (what the client sees)'), 'frontstage');
    assert.equal(kindOf('Backstage (Support Processes)'), 'backstage');
  });

  it('reads result lanes as benefits only where their content states a gain', () => {
    assert.deepEqual(readLane('Outcome', table), { kind: 'benefit', basis: 'synonym', words: 'outcome', gainOnly: true });
    assert.deepEqual(readLane('Output', table), { kind: 'benefit', basis: 'lane-word', words: 'output', gainOnly: true });
    assert.deepEqual(readLane('Customer value', table), { kind: 'benefit', basis: 'synonym', words: 'customer value' });
    assert.deepEqual(readLane('Benefit', laneTable({ benefit: ['Outcome'] })), { kind: 'benefit', basis: 'synonym', words: 'benefit' });
    assert.equal(readLane('Outcome', laneTable({ benefit: ['Outcome'] }))?.gainOnly, undefined);
  });

  it('leaves labels with words outside the lane vocabulary unread', () => {
    for (const label of ['Greeting', 'Customer calls the hotline and waits', 'Welcome pack', 'Event bus', 'A very long label with many words in it']) {
      assert.equal(readByMeaning(label), undefined, label);
    }
  });

  it('puts a second staff lane placed by its role behind the line', () => {
    const read = (labels: string[]) => inContext(labels.map((l) => readLane(l, table))).map((r) => r?.kind);
    assert.deepEqual(read(['Volunteer action', 'Organiser action', 'Staff caseworker action']), ['customer', 'frontstage', 'backstage']);
    assert.deepEqual(read(['Frontend', 'Coordinator', 'Specialist agents']), ['frontstage', 'backstage', 'backstage']);
    assert.deepEqual(read(['Customer', 'Dispatcher']), ['customer', 'frontstage']);
  });

  it('splits glosses written in parentheses, after a dash or on the next line', () => {
    assert.deepEqual(splitGloss('**Frontstage** (what they see):'.replace(/\*/g, '')), { main: 'Frontstage', gloss: 'what they see' });
    assert.deepEqual(splitGloss('Support processes — what staff need'), { main: 'Support processes', gloss: 'what staff need' });
    assert.deepEqual(splitGloss('Frontstage\nWhat the user sees'), { main: 'Frontstage', gloss: 'What the user sees' });
  });

  it('singularises label words without breaking words that end in s', () => {
    assert.deepEqual(['activities', 'systems', 'processes', 'status', 'bus', 'analysis', 'staff'].map(singular), ['activity', 'system', 'process', 'status', 'bus', 'analysis', 'staff']);
  });

  it('says in one sentence why a label got its lane', () => {
    assert.equal(explainReading('Client Action', readLane('Client Action', table)), '"Client Action" is what a customer-side role ("client") does: customer');
    assert.equal(explainReading('Greeting', undefined), '"Greeting" is not a lane label');
  });

  it('reads an unnamed sub-heading above the frontstage lane as the customer lane, never as a step of its own', () => {
    const text = [
      '# Barn weddings',
      '',
      '## Step 1 - Viewing',
      '',
      '### Couple',
      '',
      'Walks the grounds with a free glass of fizz.',
      '',
      '### Front of house',
      '',
      'The coordinator shows the rooms.',
      '',
      '### Behind the scenes',
      '',
      'Diary is checked.',
      '',
      '### Props',
      '',
      'Bunting.',
      '',
    ].join('\n');
    const steps = lint(text, { filePath: 'barn.blueprint.md' }).blueprint.steps;
    assert.deepEqual(
      steps.map((s) => s.title),
      ['Viewing'],
    );
    assert.deepEqual(
      steps[0]!.lanes.map((l) => [l.label, l.kind, l.basis]),
      [
        ['Couple', 'customer', 'position'],
        ['Front of house', 'frontstage', 'lane-word'],
        ['Behind the scenes', 'backstage', undefined],
        ['Props', 'evidence', undefined],
      ],
    );
    assert.equal(explainReading('Couple', { kind: 'customer', basis: 'position', words: '' }), '"Couple" names no lane but comes before the frontstage lane in a step with no customer lane: customer');
  });
});

describe('lane labels in other people’s words', () => {
  const table = laneTable();
  const read = (label: string) => {
    const r = readLane(label, table);
    return r && `${r.kind} (${r.basis})`;
  };

  it('reads staff named with where they work, what keeps the service going, approvals and a role glossed as the back end', () => {
    assert.deepEqual(
      [
        'Our people on the van',
        'Volunteers on the day',
        'What keeps it going',
        'What keeps it all running',
        'Approvals',
        'Coordinator (backend)',
        'Agent (support desk)',
        'Nail tech (with her)',
        'Medical & Claims (backend)',
        'Declarations team (client does not see)',
        'Customs desk – contact person for client',
        'Scale house (they see us)',
        'What crew got',
      ].map(read),
      [
        'frontstage (role)',
        undefined,
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'backstage (gloss)',
        'frontstage (role)',
        'frontstage (gloss)',
        'backstage (gloss)',
        'backstage (gloss)',
        'frontstage (gloss)',
        'frontstage (gloss)',
        'support (lane-word)',
      ],
    );
  });

  it('reads people named together, one of them the customer, as the customer, whichever comes last', () => {
    assert.deepEqual(['Parent/carer', 'Parents & carers', 'Patient and family', 'Nurse & HCA', 'Customer service agent'].map(read), [
      'customer (role)',
      'customer (role)',
      'customer (role)',
      'frontstage (role)',
      'frontstage (role)',
    ]);
  });

  it('reads a gloss placing the lane with or away from the customer, and a visibility gloss over "support" as a team', () => {
    assert.deepEqual(['Deckies (on deck with guests)', 'Porters (away from guests)', 'Practice support (not seen)', 'Member support (visible)', 'Support'].map(read), [
      'frontstage (gloss)',
      'backstage (gloss)',
      'backstage (gloss)',
      'frontstage (gloss)',
      'support (synonym)',
    ]);
  });

  it('reads what the reader has to work with or has behind them as support, not what they get or need', () => {
    assert.deepEqual(["What you've got", 'What you have to work with', "What's behind you", 'What backs you up', 'What you get', 'What you need', "What's behind the counter"].map(read), [
      'support (lane-word)',
      'support (lane-word)',
      'support (lane-word)',
      'support (lane-word)',
      undefined,
      undefined,
      'backstage (lane-word)',
    ]);
  });

  it('reads a room named for the work done in it as out of sight, and one that receives the customer as no lane', () => {
    assert.deepEqual(['Print room', 'Stock room', 'Waiting room', 'Treatment room'].map(read), ['backstage (lane-word)', 'backstage (lane-word)', undefined, undefined]);
  });

  it('reads what the firm promises, commits to or guarantees, and what is in it for the customer, as the promise lane', () => {
    assert.deepEqual(['What we promise', "What's in it for them", 'What we commit to', 'Our commitment', 'Guarantee', 'What the customer gets'].map(read), [
      'benefit (lane-word)',
      'benefit (lane-word)',
      'benefit (lane-word)',
      'benefit (lane-word)',
      'benefit (lane-word)',
      'customer (role)',
    ]);
  });

  it('reads who may decide and the right or means to act as support, not a "Sign-off" step', () => {
    assert.deepEqual(
      ['Who can say yes', 'Who decides', 'What the lead can decide', 'Can approve', 'Permissions', 'Decision rights', 'Mandate', 'Budget', 'Headcount', 'Scripts', 'Sign-off'].map(read),
      [
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        'support (lane-word)',
        undefined,
      ],
    );
  });

  it('reads what staff get or are given as support, what customers get as no lane; "Our people" as staff and "Backing" as support', () => {
    assert.deepEqual(['What instructors get', 'What the crew are given', 'What guests get', 'Our people', 'Backing'].map(read), [
      'support (lane-word)',
      'support (lane-word)',
      'customer (role)',
      'frontstage (role)',
      'support (lane-word)',
    ]);
  });

  it('reads who works behind something as out of sight (in view behind a bar or till), and what is provided as support', () => {
    assert.deepEqual(['Behind the phones', 'Behind the wall', 'Behind the bar', 'Behind the till', 'Provided', 'Supplied to staff'].map(read), [
      'backstage (lane-word)',
      'backstage (lane-word)',
      'frontstage (lane-word)',
      'frontstage (lane-word)',
      'support (lane-word)',
      'support (lane-word)',
    ]);
  });

  it('reads what is kept somewhere, set up or given the team as support, and a support head whatever modifies it', () => {
    assert.deepEqual(
      [
        "What's in the shed",
        'What is in the van',
        "What's in it for me",
        "What we've set up",
        'What we give the team',
        'What we offer',
        'Delegated authority',
        'Resources and delegated authority',
      ].map(read),
      ['support (lane-word)', 'support (lane-word)', undefined, 'support (lane-word)', 'support (lane-word)', undefined, 'support (lane-word)', 'support (synonym)'],
    );
    // a step's doing and a file path are no lanes
    assert.deepEqual(['Returning kit', 'packages/ui', 'packages/api-client'].map(read), [undefined, undefined, undefined]);
  });
  it('reads places, trades and what staff are given in people’s own words, and headings about lanes as no lane', () => {
    const labels = [
      'At the counter',
      'At the bench',
      'Visiting podiatrist',
      'What the service gives us',
      "What we're given",
      'What we lean on',
      'Off-mic',
      'Backup',
      'Tools · $ · sign-off',
      'Podiatry hub (admin)',
      'Behind the till',
      'Backstage & support',
      'About us',
      'Why this team',
      'Frontstage and backstage',
      'Group leader (teacher)',
    ];
    assert.deepEqual(
      labels.map((l) => [l, readLane(l, laneTable())?.kind]),
      labels.map((l, i) => [l, ['frontstage', 'backstage', 'frontstage', 'support', 'support', 'support', 'backstage', 'support', 'support', 'backstage', 'frontstage', 'backstage'][i]]),
    );
  });

  it('reads the customer joined by "or" to someone no list knows, what we or I keep or have as support, and glosses of whom staff see or face', () => {
    const labels = [
      'Patient or escort',
      'Tenant and lodger',
      'What we keep for it',
      'What I’ve got',
      'What I can lean on',
      'Scale house (sees the grower)',
      'Helpdesk (user-facing)',
      'Crew (out back)',
      'Till (public facing)',
    ];
    assert.deepEqual(
      labels.map((l) => [l, readLane(l, laneTable())?.kind]),
      labels.map((l, i) => [l, ['customer', 'customer', 'support', 'support', 'support', 'frontstage', 'frontstage', 'backstage', 'frontstage'][i]]),
    );
  });
});
