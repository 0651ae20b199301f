// Blueprints kept in documentation tools (#14): GitBook pages as its Git sync writes them, MyST pages (Jupyter Book,
// Sphinx) read as the Markdown they stand for: exact steps and lanes, findings on the right characters, fixes written in
// the tool's own markup, pages that are no blueprints left alone, and the editor's incremental model equal to a fresh lint.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { explain } from '../../server/src/cli/explain.js';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { lint } from '../../server/src/engine/index.js';
import { parseMarkdown } from '../../server/src/engine/parse.js';
import { LineIndex } from '../../server/src/engine/text.js';
import { boxOf } from '../../server/src/engine/blueprint/blockMarkup.js';
import { withGitBook } from '../../server/src/engine/blueprint/gitbook.js';
import { withMyst } from '../../server/src/engine/blueprint/myst.js';
import { readSteps } from '../support/readSteps.js';
import { incrementalMatchesFresh } from '../support/incrementalCheck.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'exports', name), 'utf8');

/** Every finding of a forced lint as "rule step line:col-line:col text". */
function findings(text: string): string[] {
  return lint(text, { forceBlueprint: true }).findings.map((f) => `${f.ruleId} ${f.step} ${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${text.slice(f.span.start, f.span.end)}`);
}

/** The lane labels of each step as the text their spans cover. */
function labels(text: string): string[][] {
  return lint(text, { forceBlueprint: true }).blueprint.steps.map((s) => s.lanes.map((l) => text.slice(l.labelSpan.start, l.labelSpan.end)));
}

/** The fixes of the step's benefit-needs-support finding, as "kind: edit" with the text each edit replaces. */
function fixesOf(text: string, step: string): string[] {
  const f = lint(text, { forceBlueprint: true }).findings.find((x) => x.ruleId === 'benefit-needs-support' && x.step === step)!;
  return f.fixes.map((x) => `${x.kind}: ${x.edits.map((e) => `${JSON.stringify(text.slice(e.start, e.end))} -> ${JSON.stringify(e.text)}`).join(', ')}`);
}

/** The text after the step's benefit-needs-support fix of `kind`. */
function fixed(text: string, step: string, kind: string): string {
  const f = lint(text, { forceBlueprint: true }).findings.find((x) => x.ruleId === 'benefit-needs-support' && x.step === step)!;
  let out = text;
  for (const e of [...f.fixes.find((x) => x.kind === kind)!.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The tree a reader makes, as "type: source text" lines, a box's title after "box" and a box's or table's children indented. */
function outline(root: Root, text: string): string[] {
  const out: string[] = [];
  const walk = (n: RootContent, depth: number) => {
    const p = n.position!;
    const box = boxOf(n);
    const kind = box ? `box${box.title ? ` ${text.slice(box.title.start, box.title.end)}` : ''}` : `${n.type}${n.type === 'heading' ? n.depth : ''}`;
    out.push(`${'  '.repeat(depth)}${kind}: ${text.slice(p.start.offset, p.end.offset)}`);
    if (box || n.type === 'table' || n.type === 'tableRow') for (const c of (n as { children: RootContent[] }).children) walk(c, depth + 1);
  };
  for (const n of root.children) walk(n, 0);
  return out;
}

const gitbookTree = (text: string) => withGitBook(parseMarkdown(text), text, new LineIndex(text));
const mystTree = (text: string) => withMyst(parseMarkdown(text), text, new LineIndex(text));

describe('blueprints kept in documentation tools', () => {
  describe('a GitBook page', () => {
    const text = fixture('piano-tuning-gitbook.md');

    it('reads each heading’s tabs as its lanes, a tab’s title the label and its content the text; tag lines are no text', () => {
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.equal(lint(text).blueprint.title, 'Home piano tuning: the visit');
      assert.deepEqual(readSteps(text), [
        {
          title: 'Booking',
          shape: 'heading',
          lanes: [
            'customer: Picks a two-hour arrival window online and gets a text the evening before.',
            'backstage: Confirms the window and sends the reminder.',
            'support: Scheduling app with automatic reminder texts.',
          ],
        },
        {
          title: 'Tuning',
          shape: 'heading',
          lanes: ['customer: Gets a pitch raise at no extra charge when the piano has dropped far.', 'frontstage: Tunes the piano and checks the pedals.', 'support: TBC'],
        },
        {
          title: 'Small repairs',
          shape: 'heading',
          lanes: ['customer: Has a sticking key eased on the spot.', 'frontstage: Eases the key.', 'support: A spares kit in every van; tuners may do repairs under £40 without a quote.'],
        },
      ]);
      // The labels are the tab titles where they are written; a hint inside a tab is the tab's text.
      assert.deepEqual(labels(text), [
        ['Customer', 'Back office', 'Support'],
        ['Customer', 'Technician', 'Support'],
        ['Customer', 'Technician', 'Support'],
      ]);
      assert.deepEqual(findings(text), ['benefit-needs-support Tuning 41:20-41:38 at no extra charge', 'frontstage-needs-backstage Tuning 45:1-45:39 Tunes the piano and checks the pedals.']);
    });

    it('fills a placeholder where it stands and writes a new lane as one more tab, before the tabs block closes', () => {
      assert.deepEqual(fixesOf(text, 'Tuning'), [
        'add-support: "TBC" -> "TBD"',
        'name-tool: "" -> "\\n\\n{% tab title=\\"Tools\\" %}\\nTBD\\n{% endtab %}"',
        'name-authority: "" -> "\\n\\n{% tab title=\\"Authority\\" %}\\nTBD\\n{% endtab %}"',
        'name-resource: "" -> "\\n\\n{% tab title=\\"Resources\\" %}\\nTBD\\n{% endtab %}"',
        'disable-step: "" -> "<!-- blueprint-lint-disable-next-line benefit-needs-support -->\\n"',
      ]);
      const withTab = fixed(text, 'Tuning', 'name-tool');
      assert.equal(withTab, text.replace('TBC</mark>\n{% endtab %}\n', 'TBC</mark>\n{% endtab %}\n\n{% tab title="Tools" %}\nTBD\n{% endtab %}\n'));
      assert.deepEqual(readSteps(withTab)[1]!.lanes.slice(2), ['support: TBC', 'support: TBD']);
    });

    it('reads a stepper’s steps by their headings and keeps a tab named by no lane word as an `other` lane', () => {
      const ferry = [
        '# Ferry crossing',
        '',
        '{% stepper %}',
        '{% step %}',
        '### Boarding',
        '',
        '{% tabs %}',
        '{% tab title="Passenger" %}',
        'Boards first with a child under five, no queueing.',
        '{% endtab %}',
        '',
        '{% tab title="Deckhand" %}',
        'Waves families through.',
        '{% endtab %}',
        '{% endtabs %}',
        '{% endstep %}',
        '',
        '{% step %}',
        '### Crossing',
        '',
        '{% tabs %}',
        '{% tab title="Customer" %}',
        'Gets a free hot drink in rough weather.',
        '{% endtab %}',
        '',
        '{% tab title="Support" %}',
        'A drinks budget of £50 a crossing.',
        '{% endtab %}',
        '{% endtabs %}',
        '{% endstep %}',
        '{% endstepper %}',
        '',
      ].join('\n');
      assert.deepEqual(readSteps(ferry), [
        { title: 'Boarding', shape: 'heading', lanes: ['customer: Boards first with a child under five, no queueing.', 'other: Waves families through.'] },
        { title: 'Crossing', shape: 'heading', lanes: ['customer: Gets a free hot drink in rough weather.', 'support: A drinks budget of £50 a crossing.'] },
      ]);
      assert.deepEqual(
        findings(ferry).map((f) => f.split(' ').slice(0, 3).join(' ')),
        ['benefit-needs-support Boarding 9:1-9:13', 'unread-blueprint Boarding 12:15-12:23'],
      );
    });

    it('leaves a documentation page with tabs of code samples no blueprint', () => {
      const api = [
        '---',
        'description: How to book a slot through the API.',
        '---',
        '',
        '# Create a booking',
        '',
        'The customer gets a free quote back.',
        '',
        '{% tabs %}',
        '{% tab title="cURL" %}',
        '```bash',
        'curl -X POST https://api.example.org/bookings',
        '```',
        '{% endtab %}',
        '',
        '{% tab title="Python" %}',
        '```python',
        'requests.post("https://api.example.org/bookings")',
        '```',
        '{% endtab %}',
        '{% endtabs %}',
        '',
        '## Errors',
        '',
        '{% tabs %}',
        '{% tab title="401" %}',
        'The staff token is missing.',
        '{% endtab %}',
        '{% endtabs %}',
        '',
      ].join('\n');
      const r = lint(api);
      assert.equal(r.blueprint.isBlueprint, false);
      assert.deepEqual(r.findings, []);
    });

    it('pairs a closing tag with the nearest open tab; a stray or unclosed tag, or one a heading cut off, is text', () => {
      const t = [
        '# Desk',
        '',
        '{% tabs %}',
        '{% tab title="Guest" %}',
        'Waits.',
        '{% hint style="info" %}',
        'A note.',
        '{% endhint %}',
        '{% endtab %}',
        '{% endtabs %}',
        '',
        '{% tab title="A" %}',
        'x',
        '',
        '## B',
        '',
        '{% endtab %}',
        '{% raw %}',
        '',
        '```',
        '{% tab title="C" %}',
        '```',
        '',
      ].join('\n');
      assert.deepEqual(outline(gitbookTree(t), t), [
        'heading1: # Desk',
        'box Guest: {% tab title="Guest" %}\nWaits.\n{% hint style="info" %}\nA note.\n{% endhint %}\n{% endtab %}',
        '  paragraph: Waits.',
        '  paragraph: A note.',
        'paragraph: {% tab title="A" %}\nx',
        'heading2: ## B',
        'paragraph: {% endtab %}\n{% raw %}',
        'code: ```\n{% tab title="C" %}\n```',
      ]);
      const plain = '# Desk\n\nNo tags here.\n';
      assert.equal(gitbookTree(plain).children.length, 2);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });

  describe('a MyST page', () => {
    const text = fixture('dental-checkup-myst.md');

    it('reads each list-table as the pipe table it draws, steps across tables in order; targets and roles are no text', () => {
      assert.equal(lint(text).blueprint.isBlueprint, true);
      assert.deepEqual(readSteps(text), [
        {
          title: 'Booking',
          shape: 'table-columns',
          lanes: [
            'customer: Books online at any hour and can pick an early slot before work.',
            'frontstage: Confirms the booking.',
            'support: Online diary with early slots kept back each morning (diary rules).',
          ],
        },
        { title: 'Arrival', shape: 'table-columns', lanes: ['customer: Checked in at a tablet by the door, with no forms to fill in twice.', 'frontstage: Greets the patient.', 'support: —'] },
        {
          title: 'Examination',
          shape: 'table-columns',
          lanes: ['customer: Told in plain words what the dentist sees, with the X-ray on screen.', 'frontstage: Examines the teeth and gums.', 'support: Chairside screen linked to the X-ray unit.'],
        },
        { title: 'Hygienist', shape: 'table-columns', lanes: ['customer: Gets a scale and polish in the same visit at no extra cost.', 'frontstage: Cleans the teeth.', 'support: —'] },
      ]);
      const steps = lint(text).blueprint.steps;
      assert.deepEqual(
        steps.map((s) => [text.slice(s.titleSpan.start, s.titleSpan.end), s.group]),
        [
          ['1. Booking', 'Before the appointment'],
          ['2. Arrival', 'Before the appointment'],
          ['3. Examination', 'In the surgery'],
          ['4. Hygienist', 'In the surgery'],
        ],
      );
      assert.deepEqual(labels(text)[3], ['Patient', 'Dentist or nurse', 'Support']);
      assert.deepEqual(findings(text), [
        'benefit-needs-support Arrival 31:10-31:26 no forms to fill',
        'frontstage-needs-backstage Arrival 34:5-34:24 Greets the patient.',
        'benefit-needs-support Hygienist 52:47-52:63 at no extra cost',
        'frontstage-needs-backstage Hygienist 55:5-55:22 Cleans the teeth.',
      ]);
    });

    it('fills a placeholder in its cell and writes the disable comment after the title cell, where it holds; adds no row', () => {
      assert.deepEqual(fixesOf(text, 'Arrival'), ['add-support: "—" -> "TBD"', 'disable-step: "" -> " <!-- blueprint-lint-disable-step benefit-needs-support -->"']);
      const disabled = fixed(text, 'Arrival', 'disable-step');
      assert.equal(disabled, text.replace('  - 2. Arrival\n', '  - 2. Arrival <!-- blueprint-lint-disable-step benefit-needs-support -->\n'));
      const r = lint(disabled, { forceBlueprint: true });
      assert.deepEqual(
        r.findings.filter((f) => f.ruleId === 'benefit-needs-support').map((f) => f.step),
        ['Hygienist'],
      );
      assert.equal(r.blueprint.steps[1]!.title, 'Arrival');
    });

    it('reads steps as rows, a table with no header row, options as YAML, and a {table} around a pipe table', () => {
      const locker = [
        '# Parcel locker',
        '',
        '```{table} The steps',
        ':name: locker-steps',
        '',
        '| Step | Customer | Courier | Support |',
        '|------|----------|---------|---------|',
        '| Drop | Gets a code by text within a minute. | Loads the locker. | TBD |',
        '| Pick up | Opens the door with the code. | — | Locker app |',
        '```',
        '',
        '```{list-table}',
        '---',
        'header-rows: 1',
        '---',
        '* - Step',
        '  - Customer',
        '  - Support',
        '* - Return',
        '  - Returns are free for 30 days,',
        '',
        '    with a label printed for them.',
        '  - —',
        '```',
        '',
        '## Shelter',
        '',
        ':::{list-table}',
        '* - Customer',
        '  - Waits out of the rain.',
        '* - Support',
        '  - A roof over the lockers.',
        ':::',
        '',
      ].join('\n');
      assert.deepEqual(readSteps(locker), [
        { title: 'Drop', shape: 'table-rows', lanes: ['customer: Gets a code by text within a minute.', 'frontstage: Loads the locker.', 'support: TBD'] },
        { title: 'Pick up', shape: 'table-rows', lanes: ['customer: Opens the door with the code.', 'frontstage: —', 'support: Locker app'] },
        { title: 'Return', shape: 'table-rows', lanes: ['customer: Returns are free for 30 days,\nwith a label printed for them.', 'support: —'] },
        { title: 'Shelter', shape: 'table-columns', lanes: ['customer: Waits out of the rain.', 'support: A roof over the lockers.'] },
      ]);
      // A pipe table inside {table} is Markdown: a new lane is a new column of it, inside the fence.
      assert.deepEqual(fixesOf(locker, 'Drop')[1], 'name-tool: "" -> " Tools |", "" -> " --- |", "" -> " TBD |"');
      // The fences steps were read from are not reported as code left unread.
      const config = defaultConfig();
      assert.deepEqual(explain(locker, 'locker.md', config, lint(locker, { config })).skipped, []);
      const unread = '# Locker\n\n```{list-table}\n* - Colour\n  - Blue\n```\n';
      assert.deepEqual(explain(unread, 'unread.md', config, lint(unread, { config })).skipped, [{ line: 3, what: 'code block', why: 'code blocks are not read' }]);
    });

    it('reads tab-items (colon or backtick fences) as lanes and writes a new lane as one more tab-item', () => {
      const keys = [
        '# Key cutting',
        '',
        '## 1. Cutting',
        '',
        '::::{tab-set}',
        ':::{tab-item} Customer',
        ':sync: customer',
        'Gets a spare key cut while waiting, first copy free.',
        ':::',
        ':::{tab-item} Counter staff',
        'Cuts the key.',
        ':::',
        ':::{tab-item} Support',
        '—',
        ':::',
        '::::',
        '',
        '(paying)=',
        '## 2. Paying',
        '',
        '````{tab-set}',
        '```{tab-item} Customer',
        'Pays by card, see {doc}`card-terms`.',
        '```',
        '```{tab-item} Support',
        'Card reader.',
        '```',
        '````',
        '',
      ].join('\n');
      assert.deepEqual(readSteps(keys), [
        { title: 'Cutting', shape: 'heading', lanes: ['customer: Gets a spare key cut while waiting, first copy free.', 'frontstage: Cuts the key.', 'support: —'] },
        { title: 'Paying', shape: 'heading', lanes: ['customer: Pays by card, see card-terms.', 'support: Card reader.'] },
      ]);
      // The target line above the next heading is markup, no prose of the step before it.
      assert.deepEqual(lint(keys).blueprint.steps[0]!.prose, []);
      assert.equal(fixed(keys, 'Cutting', 'name-tool'), keys.replace('—\n:::\n::::', '—\n:::\n\n:::{tab-item} Tools\nTBD\n:::\n::::'));
      incrementalMatchesFresh(keys);
    });

    it('leaves a notebook no blueprint: code cells stay code, a note and a list-table of columns are read as text', () => {
      const notebook = [
        '---',
        'kernelspec:',
        '  name: python3',
        '---',
        '',
        '(analysis)=',
        '# Waiting times',
        '',
        'How long customers wait, see {ref}`data-sources`.',
        '',
        '```{code-cell} ipython3',
        'import pandas as pd',
        '```',
        '',
        ':::{note}',
        'Staff shifts are in the rota file.',
        ':::',
        '',
        '```{list-table} Columns',
        ':header-rows: 1',
        '',
        '* - Column',
        '  - Meaning',
        '* - wait',
        '  - Minutes the customer waited',
        '```',
        '',
      ].join('\n');
      const r = lint(notebook);
      assert.equal(r.blueprint.isBlueprint, false);
      assert.deepEqual(r.findings, []);
      assert.deepEqual(
        outline(mystTree(notebook), notebook).filter((l) => !l.startsWith(' ')),
        [
          'yaml: ---\nkernelspec:\n  name: python3\n---',
          'heading1: # Waiting times',
          'paragraph: How long customers wait, see {ref}`data-sources`.',
          'code: ```{code-cell} ipython3\nimport pandas as pd\n```',
          'paragraph: Staff shifts are in the rota file.',
          `table: ${notebook.slice(notebook.indexOf('```{list-table}'), notebook.lastIndexOf('```') + 3)}`,
        ],
      );
    });

    it('closes a colon fence with the first fence as long; an unclosed one, one a heading cuts off, or a list-table of no rows stays as written', () => {
      const t = ['::::{tab-set}', ':::{tab-item} Customer', 'Waits.', ':::', '::::', '', ':::{note}', 'Open', '', '## Heading', '', ':::', '', '```{list-table}', 'Not a table.', '```', ''].join('\n');
      assert.deepEqual(outline(mystTree(t), t), [
        'box Customer: :::{tab-item} Customer\nWaits.\n:::',
        '  paragraph: Waits.',
        'paragraph: :::{note}\nOpen',
        'heading2: ## Heading',
        'paragraph: :::',
        'code: ```{list-table}\nNot a table.\n```',
      ]);
    });

    it('gives the incremental model a fresh lint’s result', () => incrementalMatchesFresh(text));
  });
});
