// Blueprints written in the markup of page and task tools (Markdoc, Nuxt MDC, Slack canvases, Asana, Foam) and in tables
// laid out the other way round (#14): exact steps and lanes, the fixes they take, and the editor's model equal to a fresh
// lint after edits.
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine/index.js';
import { readSteps } from '../support/readSteps.js';
import { incrementalMatchesFresh } from '../support/incrementalCheck.js';

/** The text after the first fix of the step's benefit-needs-support finding. */
function fixed(text: string, step: string): string {
  const f = lint(text, { forceBlueprint: true }).findings.find((x) => x.ruleId === 'benefit-needs-support' && x.step === step)!;
  let out = text;
  for (const e of [...f.fixes[0]!.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const kinds = (text: string) => readSteps(text).map((s) => [s.title, s.shape, s.lanes.map((l) => l.split(':')[0]).join(' ')]);

describe('blueprints in the markup of page and task tools', () => {
  describe('a Markdoc page: step tags titled by an attribute, holding lane tags', () => {
    const text = [
      '# Van hire',
      '',
      '{% step number=1 title="Collection" %}',
      '{% lane name="Hirer" %}',
      'Picks the van up with a free full tank.',
      '{% /lane %}',
      '{% lane name="Counter staff" %}',
      'Walks round the van with them.',
      '{% /lane %}',
      '{% /step %}',
      '',
      '{% step number=2 title="Return" %}',
      '{% lane name="Hirer" %}',
      'Drops the keys in the box.',
      '{% /lane %}',
      '{% lane name="Tools" %}',
      'Key box with a camera.',
      '{% /lane %}',
      '{% /step %}',
      '',
    ].join('\n');

    it('reads each titled step tag as a step and each lane tag as its lane', () => {
      assert.deepEqual(readSteps(text), [
        { title: 'Collection', shape: 'heading', lanes: ['customer: Picks the van up with a free full tank.', 'frontstage: Walks round the van with them.'] },
        { title: 'Return', shape: 'heading', lanes: ['customer: Drops the keys in the box.', 'support: Key box with a camera.'] },
      ]);
    });

    it('adds a lane as a sibling tag written like the others', () => {
      assert.deepEqual(fixed(text, 'Collection').split('\n').slice(7, 14), ['Walks round the van with them.', '{% /lane %}', '', '{% lane name="Support" %}', 'TBD', '{% /lane %}', '{% /step %}']);
    });

    it('still cuts out GitBook’s untitled step tags and their closing lines', () => {
      const gitbook = ['## Booking', '', '{% stepper %}', '{% step %}', '**Customer:** books online.', '', '**Staff:** confirms it.', '{% endstep %}', '{% endstepper %}', ''].join('\n');
      assert.deepEqual(kinds(gitbook), [['Booking', 'heading', 'customer frontstage']]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('a Nuxt Content page: MDC components titled by a #title slot', () => {
    const text = [
      '# Visiting the lido',
      '',
      '::alert{type="info"}',
      'Under each part of your visit you will see what **you** do, what **our lifeguards** do beside the pool and **what our team is given**.',
      '::',
      '',
      '## Arriving',
      '',
      '::callout{icon="i-user"}',
      '#title',
      'You',
      '#default',
      'Swim for free before 8am on weekdays.',
      '::',
      '',
      '::callout{icon="i-tools"}',
      '#title',
      'What our team is given',
      '#default',
      'A second cashier on weekday mornings.',
      '::',
      '',
    ].join('\n');

    it('reads each component as the lane its title names, and an untitled one as the text it holds', () => {
      assert.deepEqual(readSteps(text), [{ title: 'Arriving', shape: 'heading', lanes: ['customer: Swim for free before 8am on weekdays.', 'support: A second cashier on weekday mornings.'] }]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  it('reads a Slack canvas’s lane lines after emoji shortcodes, and a "what the X does behind the scenes" key', () => {
    const text = [
      '> :bulb: **How to read this**: under each bold line, :cat: what the owner sees, :scissors: what the groomer does, :phone: what the front desk does behind the scenes.',
      '',
      '- **Drop-off**',
      '  - :cat: Owner: gets a free nail trim with every wash.',
      '  - :scissors: Groomer: checks the coat.',
      '  - :phone: Front desk: logs the booking.',
      '',
    ].join('\n');
    assert.deepEqual(kinds(text), [['Drop-off', 'list', 'customer frontstage backstage']]);
  });

  it('reads a task exported with its lanes under "Custom fields" as the step its heading names', () => {
    const task = (title: string, lanes: string[]) => [`### ${title}`, '- **Status:** Open', '- **Custom fields**', ...lanes.map((l) => `  - ${l}`), ''];
    const text = [
      '## Section: Arrival',
      '',
      ...task('Welcome', ['Guest: met at the door by name.', 'Staff: shows them the room.']),
      ...task('First night', ['Guest: a call from the night team at ten.', 'Resources: night rota with two on.']),
    ].join('\n');
    assert.deepEqual(kinds(text), [
      ['Welcome', 'heading', 'customer frontstage'],
      ['First night', 'heading', 'customer support'],
    ]);
  });

  it('reads a note whose key says "for each bit I’ve put what the parents do, what I do", and no key in the front matter’s tags', () => {
    const text = [
      '---',
      'tags: [how-i-work, parents]',
      '---',
      '',
      'For each bit I’ve put what the parents do, what I do, and what I’ve got to make it work.',
      '',
      '## Settling in',
      '',
      'Parents: stay for the first hour, free of charge.',
      'Me: sits on the floor with the child.',
      'What I’ve got: a spare hour kept free on Mondays.',
      '',
    ].join('\n');
    assert.deepEqual(kinds(text), [['Settling in', 'heading', 'customer frontstage support']]);
  });
});

describe('keys and titles written in passing', () => {
  it('reads "each stage lists what the club does, what we do at the counter, what happens in the workshop, and what we lean on" as a key', () => {
    const text = [
      'Each stage lists what the club does, what we do at the counter, what happens in the engraving room, and what we lean on.',
      '',
      '**4. Rush jobs**',
      'Club: needs it by Saturday at no extra charge.',
      'Counter: we say yes on the phone.',
      'What we lean on: it depends who’s in that week.',
      '',
      '**5. Engraving**',
      'Engraving room: plates go on the laser.',
      'What we lean on: the fibre laser.',
      '',
    ].join('\n');
    // (a numbered bold title is a step's whatever its words: "Rush jobs" is no role)
    assert.deepEqual(kinds(text), [
      ['Rush jobs', 'heading', 'customer frontstage support'],
      ['Engraving', 'heading', 'backstage support'],
    ]);
  });

  it('reads a key under a bold title holding the cue word, "whoever booked" as the customer, and no lane named after the key', () => {
    const text = [
      '**Lanes we use** (same in every section)',
      '**Organiser** = whoever booked. **Crew** = the two who set up. **Yard** = back at the unit. **What helps** = the kit behind it.',
      '',
      '## Delivery',
      '- **Organiser:** we set it all up free.',
      '- **Yard:** loads the van.',
      '- **What helps:** the van and the sack truck.',
      '',
    ].join('\n');
    assert.deepEqual(kinds(text), [['Delivery', 'heading', 'customer backstage support']]);
  });

  it('reads "Step 1: The enquiry" over emoji-marked lane lines, and "What makes it work" as support', () => {
    const text = ['Step 1: The enquiry', '👤 Client: an answer within the hour', '🧰 What makes it work: a shared inbox on all three phones', ''].join('\n');
    assert.deepEqual(kinds(text), [['The enquiry', 'heading', 'customer support']]);
  });

  it('reads a key in another language glossed "the patient see her" and "what help the staff"', () => {
    const text = [
      'The lanes are always in this order:',
      '',
      '- **Paziente** (the patient)',
      '- **Prelievo** (the nurse who take the blood, the patient see her)',
      '- **Strumenti e supporto** (what help the staff: software, budget)',
      '',
      '1. **Blood test**',
      '   - Paziente: results the same afternoon.',
      '   - Prelievo: takes the sample.',
      '   - Strumenti e supporto: the analyser.',
      '',
    ].join('\n');
    assert.deepEqual(kinds(text), [['Blood test', 'list', 'customer frontstage support']]);
  });
});

describe('tables laid out the other way round', () => {
  const grid = [
    '| Book | Deliver | Who |',
    '|---|---|---|',
    '| Books online | Delivered free next day | **Customer** |',
    '| Takes the call | Drops it off | **Driver** |',
    '| Booking screen | | **Kit & OKs** |',
    '',
  ].join('\n');

  it('reads a grid whose last column names the lanes', () => {
    assert.deepEqual(readSteps(grid), [
      { title: 'Book', shape: 'table-columns', lanes: ['customer: Books online', 'frontstage: Takes the call', 'support: Booking screen'] },
      { title: 'Deliver', shape: 'table-columns', lanes: ['customer: Delivered free next day', 'frontstage: Drops it off', 'support: '] },
    ]);
  });

  it('fills the step’s empty cell in the support row, or adds a row with the label last', () => {
    assert.equal(fixed(grid, 'Deliver').split('\n')[4], '| Booking screen | TBD| **Kit & OKs** |');
    const noSupport = grid.split('\n').slice(0, 4).join('\n') + '\n';
    assert.equal(fixed(noSupport, 'Deliver').split('\n')[4], '|  | TBD | Support |');
  });

  const cells = [
    '| Step | What happens |',
    '|---|---|',
    '| Drop-off | **Customer:** gets a written receipt with a photo.<br>**Counter:** photographs the piece.<br>**What we keep for it:** the counter tablet. |',
    '| Repair | **Customer:** ready in three days, or free of charge if late.<br>**Workshop:** resizes the ring. |',
    '',
  ].join('\n');

  it('reads a table whose one text column holds each step’s lanes as labelled lines', () => {
    assert.deepEqual(readSteps(cells), [
      { title: 'Drop-off', shape: 'table-rows', lanes: ['customer: gets a written receipt with a photo.', 'frontstage: photographs the piece.', 'support: the counter tablet.'] },
      { title: 'Repair', shape: 'table-rows', lanes: ['customer: ready in three days, or free of charge if late.', 'backstage: resizes the ring.'] },
    ]);
  });

  it('adds a lane as one more line of the cell', () => {
    assert.equal(fixed(cells, 'Repair').split('\n')[3], '| Repair | **Customer:** ready in three days, or free of charge if late.<br>**Workshop:** resizes the ring.<br>**Support:** TBD |');
  });

  it('reads a key of bracketed tags and the lines they open', () => {
    const text = [
      'The tags are:',
      '',
      '[Gast] = the guest, what she does and what we promise her',
      '[Balie] = reception, in front of the guest',
      '[Middelen] = what we have for it',
      '',
      '## Check-in',
      '',
      '- [Gast] Free late check-out on request.',
      '- [Balie] Hands over the key.',
      '- [Middelen] Room status board.',
      '',
    ].join('\n');
    assert.deepEqual(kinds(text), [['Check-in', 'heading', 'customer frontstage support']]);
  });

  it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(`# Jobs\n\n${grid}\n${cells}`));
});
