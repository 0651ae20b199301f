// Structure written in HTML or JSX reads as the same structure in Markdown: headings, paragraphs, lists, bold labels,
// line breaks, <details> boxes and titled or labelled components (#14).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/index.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { readSteps } from '../support/readSteps.js';
import { withEdits } from '../support/fixEdits.js';

const benefitFindings = (text: string) => lint(text, { forceBlueprint: true }).findings.filter((f) => f.ruleId === 'benefit-needs-support');

describe('HTML and JSX flow content', () => {
  it('reads a saved web page: <h3> steps over <p><b>Label</b><br>text</p> lanes, entities decoded, the <h1> the title', () => {
    const text = [
      '<h1>Bolt &amp; Bar bike repairs</h1>',
      '',
      '<h3>1. Book in</h3>',
      '<p><b>Rider</b><br>Leaves the bike &amp; gets it back the same day.</p>',
      '<p><b>Backstage</b><br>The workshop plans the day.</p>',
      '',
      '<h3>2. Pay</h3>',
      '<p><strong>Customer:</strong> Pays at the desk.</p>',
      '<p><strong>Support:</strong> Card reader.</p>',
      '',
    ].join('\n');
    assert.deepEqual(readSteps(text), [
      { title: 'Book in', shape: 'heading', lanes: ['customer: Leaves the bike & gets it back the same day.', 'backstage: The workshop plans the day.'] },
      { title: 'Pay', shape: 'heading', lanes: ['customer: Pays at the desk.', 'support: Card reader.'] },
    ]);
    const result = lint(text, { filePath: 'repairs.md' });
    assert.equal(result.blueprint.isBlueprint, true);
    assert.equal(result.blueprint.title, 'Bolt & Bar bike repairs');
    // The finding underlines the promise's own characters, past the entity; HTML gets no fix.
    const [finding, ...rest] = benefitFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(finding!.span.start, finding!.span.end), 'same day');
    assert.deepEqual([finding!.start.line, finding!.start.column], [4, text.split('\n')[3]!.indexOf('same day') + 1]);
    assert.deepEqual(finding!.fixes, []);
  });

  it('reads MDX: a component with a title attribute is a step, components named by a lane are its lanes', () => {
    const text = [
      '# Ferry crossing',
      '',
      "import { Step, Lane } from './blueprint'",
      '',
      '<Step n={1} title="Check-in">',
      '  <Lane name="Passenger">Drives on with no queue, guaranteed.</Lane>',
      '  <Lane name="Frontstage">',
      '    Deck crew wave cars aboard.',
      '  </Lane>',
      '</Step>',
      '',
      '<Step n={2} title={"Crossing"}>',
      '  <Lane label="Customer">Buys coffee on board <Icon name="cup" /></Lane>',
      '  <Lane label="Backstage">The galley opens at boarding.</Lane>',
      '</Step>',
      '',
      'Some closing words.',
      '',
    ].join('\n');
    assert.deepEqual(readSteps(text), [
      { title: 'Check-in', shape: 'heading', lanes: ['customer: Drives on with no queue, guaranteed.', 'frontstage: Deck crew wave cars aboard.'] },
      { title: 'Crossing', shape: 'heading', lanes: ['customer: Buys coffee on board', 'backstage: The galley opens at boarding.'] },
    ]);
    const steps = lint(text, { forceBlueprint: true }).blueprint.steps;
    assert.equal(text.slice(steps[0]!.titleSpan.start, steps[0]!.titleSpan.end), 'Check-in');
    assert.equal(text.slice(steps[1]!.titleSpan.start, steps[1]!.titleSpan.end), 'Crossing');
    const findings = benefitFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.step, text.slice(f.span.start, f.span.end), f.fixes.length]),
      [['Check-in', 'no queue', 0]],
    );
  });

  it('reads <details> boxes: the summary a heading under the enclosing section, the body its content, what follows the box the section again', () => {
    const text = [
      '# Gym membership',
      '',
      '## The journey',
      '',
      '<details>',
      '<summary><strong>1. Join</strong></summary>',
      '',
      '- **Member:** Joins online in two minutes.',
      '- **Frontstage:** Gives the tour.',
      '',
      '</details>',
      '',
      '<details><summary>2. Cancel</summary>',
      '',
      '- **Member:** Cancels any time, no fee.',
      '- **Backstage:** Billing stops the direct debit.',
      '',
      '</details>',
      '',
      'Questions go to the front desk.',
      '',
    ].join('\n');
    assert.deepEqual(readSteps(text), [
      { title: 'Join', shape: 'heading', lanes: ['customer: Joins online in two minutes.', 'frontstage: Gives the tour.'] },
      { title: 'Cancel', shape: 'heading', lanes: ['customer: Cancels any time, no fee.', 'backstage: Billing stops the direct debit.'] },
    ]);
    const steps = lint(text, { forceBlueprint: true }).blueprint.steps;
    // The step ends with its box: the closing prose is the enclosing section's.
    assert.equal(text.slice(steps[1]!.span.start, steps[1]!.span.end), '<summary>2. Cancel</summary>\n\n- **Member:** Cancels any time, no fee.\n- **Backstage:** Billing stops the direct debit.');
    // Lanes written in Markdown inside the box keep their fix: a lane line after the last one.
    const finding = benefitFindings(text).find((f) => f.step === 'Cancel')!;
    assert.equal(text.slice(finding.span.start, finding.span.end), 'Cancels any time');
    const addLane = finding.fixes.find((f) => f.intent.kind === 'add-lane')!;
    assert.equal(addLane.edits[0]!.start, text.indexOf('direct debit.') + 'direct debit.'.length);
  });

  it('reads HTML lists as lists and never lets an HTML heading close the Markdown section it sits in', () => {
    const text = [
      '## Dental visit',
      '',
      '<h2>Arrive</h2>',
      '<ul>',
      '  <li><b>Patient:</b> Is seen on time.</li>',
      '  <li><b>Frontstage:</b> Reception checks them in.</li>',
      '</ul>',
      '',
      '<h2>Treatment</h2>',
      '<ol><li><b>Patient:</b> Gets a numbing gel</li><li><b>Support:</b> Gel in every room</li></ol>',
      '',
    ].join('\n');
    const steps = lint(text, { forceBlueprint: true }).blueprint.steps;
    assert.deepEqual(
      steps.map((s) => [s.title, s.shape, s.group, s.lanes.map((l) => `${l.kind}: ${l.content.text}`)]),
      [
        ['Arrive', 'heading', 'Dental visit', ['customer: Is seen on time.', 'frontstage: Reception checks them in.']],
        ['Treatment', 'heading', 'Dental visit', ['customer: Gets a numbing gel', 'support: Gel in every room']],
      ],
    );
  });

  it('leaves HTML that holds no flow structure alone: comments, a lone <br>, prose that is not a blueprint', () => {
    const text = ['# Notes', '', '<!-- a comment -->', '', '<div class="note">', 'Nothing here is a step.', '</div>', ''].join('\n');
    assert.equal(lint(text, { filePath: 'notes.md' }).blueprint.isBlueprint, false);
  });

  it('an edited HTML or MDX blueprint lints as a fresh one', () => {
    const base = [
      '<h1>Laundry</h1>',
      '',
      '<h3>Drop-off</h3>',
      '<p><b>Customer</b><br>Gets it back the same day.</p>',
      '<p><b>Backstage</b><br>Washes it.</p>',
      '',
      '## Collection',
      '',
      '<Step title="Pick up">',
      '  <Lane name="Customer">Collects any time, free.</Lane>',
      '  <Lane name="Support">Rail numbers</Lane>',
      '</Step>',
      '',
      '<details><summary>Lost ticket</summary>',
      '',
      '- **Customer:** Gets the garment back with ID.',
      '- **Frontstage:** Checks the ID.',
      '',
      '</details>',
      '',
      '### After',
      '',
      '<h2>Feedback</h2>',
      '<p><b>Customer</b><br>Gets a survey.</p>',
      '<p><b>Backstage</b><br>Reads them weekly.</p>',
      '',
    ].join('\n');
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('<h3>Drop-off</h3>', '<h2>Drop-off</h2>'),
      (t) => t.replace('## Collection', '# Collection'),
      (t) => t.replace('</details>', ''),
      (t) => t.replace('</Step>', ''),
      (t) => t.replace('<details>', '<details open>\n<h1>Inside</h1>'),
      (t) => t.replace('### After', '<h1>After</h1>'),
      (t) => t.replace('same day', 'same &amp; day'),
      (t) => `${t}\n</details>\n`,
      (t) => t.replace('<p><b>Customer</b><br>Gets a survey.</p>', ''),
    ];
    const run = (t: string, c?: { parse: ChunkCache; steps: StepCache }) => {
      const r = lint(t, { parseCache: c?.parse, stepCache: c?.steps, filePath: 'doc.blueprint.md' });
      return JSON.stringify({
        title: r.blueprint.title,
        steps: r.blueprint.steps.map((s) => [s.title, s.shape, s.span, s.titleSpan, s.group, s.lanes, s.insertion]),
        findings: withEdits(t, r.findings),
      });
    };
    const chain = { parse: new ChunkCache(), steps: new StepCache() };
    let chained = base;
    assert.equal(run(chained, chain), run(chained));
    assert.equal(lint(base, { filePath: 'doc.blueprint.md' }).blueprint.steps.length, 4);
    for (const change of edits) {
      const single = { parse: new ChunkCache(), steps: new StepCache() };
      run(base, single);
      const edited = change(base);
      assert.notEqual(edited, base);
      assert.equal(run(edited, single), run(edited), edited);
      chained = change(chained);
      assert.equal(run(chained, chain), run(chained), chained);
    }
  });

  it('random edits of HTML and JSX structure, chained on one cache, lint as fresh (100 chains)', () => {
    const base = [
      '<h1>Bike hire</h1>',
      '',
      '<h3>Pick up</h3>',
      '<p><b>Rider</b><br>Gets a helmet free.</p>',
      '<p><b>Backstage</b><br>Bikes are checked daily.</p>',
      '',
      '## On the road',
      '',
      '<details><summary><strong>Puncture</strong></summary>',
      '',
      '- **Rider:** Gets a new bike within an hour.',
      '- **Frontstage:** Van driver swaps it.',
      '',
      '</details>',
      '',
      '<Step title="Return">',
      '  <Lane name="Customer">Drops it at any station, no fee.</Lane>',
      '  <Lane name="Support">Station map</Lane>',
      '</Step>',
      '',
    ].join('\n');
    const snippets = [
      '<h2>',
      '</h2>',
      '<h3>Pay</h3>\n',
      '<p>',
      '</p>',
      '<b>',
      '</b>',
      '<br>',
      '<details>',
      '</details>',
      '<summary>Lost</summary>',
      '<Step title="X">',
      '</Step>',
      '<Lane name="Frontstage">',
      '</Lane>',
      '<ul><li>',
      '</li></ul>',
      '\n',
      '\n\n',
      '## ',
      '&amp;',
      'x',
    ];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 12 }), insert: fc.constantFrom(...snippets) });
    const run = (t: string, c?: { parse: ChunkCache; steps: StepCache }) => {
      const r = lint(t, { parseCache: c?.parse, stepCache: c?.steps, filePath: 'doc.blueprint.md' });
      return JSON.stringify({
        title: r.blueprint.title,
        steps: r.blueprint.steps.map((s) => [s.title, s.shape, s.span, s.titleSpan, s.group, s.lanes, s.insertion]),
        findings: withEdits(t, r.findings),
      });
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const caches = { parse: new ChunkCache(), steps: new StepCache() };
        let text = base;
        run(text, caches);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
          assert.equal(run(text, caches), run(text), text);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('bad HTML never throws and stays fast: unclosed tags, stray end tags, deep nesting, huge attributes', () => {
    const n = 20000;
    const docs = [
      '<h3>Step<p><b>Customer<br>unclosed'.repeat(n),
      '</details></Step></li></ul></b>'.repeat(n),
      `${'<details><summary>Deeper</summary>'.repeat(n)}<p><b>Customer</b><br>x</p>`,
      `${'<Step title="Nest">'.repeat(n)}<Lane name="Customer">x`,
      `${'<ul><li>'.repeat(n)}<b>Customer:</b> gets a free gift`,
      `<Lane name="${'a'.repeat(n * 10)}">x</Lane>`,
      `<A ${'title='.repeat(n)}`,
      `${'<Lane name="Customer">'.repeat(n)}<p>text</p>`,
      '<p><b>Customer</b><br>&amp;&#x2019;&bogus; &nbsp;</p>'.repeat(n),
    ];
    for (const doc of docs) {
      const started = Date.now();
      const result = lint(doc, { forceBlueprint: true });
      const took = Date.now() - started;
      assert.ok(Array.isArray(result.findings));
      assert.ok(took < 15000, `${doc.slice(0, 40)}... took ${took} ms`);
    }
  });
});
