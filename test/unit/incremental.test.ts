// Incremental re-lint (the per-document chunk and step caches the language server keeps) equals a full lint, finding for finding.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultConfig } from '../../server/src/engine/config/types.js';
import { intentEdits } from '../../server/src/engine/intentEdits.js';
import { lint } from '../../server/src/engine/lint.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { allRules } from '../../server/src/engine/registry.js';
import { isStepRule, type Rule } from '../../server/src/engine/rule.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { blueprintArb, requiredCorpusFiles } from '../support/arbitraries.js';
import { withEdits } from '../support/fixEdits.js';

/** The shared corpus's texts, read when a test asks (a missing corpus fails those tests, not the loading of every suite). */
const corpus = (): string[] => requiredCorpusFiles().map((f) => f.text);
const snippets = [
  '',
  'x',
  '\n',
  '\n\n',
  '\r\n',
  '## New step\n\n- **Guest:** Gets a free upgrade.\n- **Frontstage:** Hands over the key.\n',
  '```\n',
  '<!--',
  '-->',
  '| a | b |\n|---|---|\n',
  '| Pay | same-day refund | TBD |\n',
  '# ',
  '---\n',
  '- **Support:** Till system\n',
  '- **Backstage:** TBD\n',
  'same-day refund ',
  '> ',
  '### Backstage\n\nStaff check the booking.\n',
  '<!-- blueprint-lint-disable-next-line -->\n',
  '<!-- blueprint-lint-disable-step benefit-needs-support -->',
  '\ufeff',
  '  ',
  // What a unit built on its own cannot see: heading levels, setext headings, definitions, suppressions and labels elsewhere.
  '#',
  '\n## ',
  '\n### ',
  '\n# Title\n',
  'Heading\n=======\n',
  '[ref]: https://example.com\n',
  '<!-- blueprint-lint-disable -->\n',
  // What the prose rules' document facts read: an escalation or authority section, a section holding no step, a conflict or decision.
  '\n## When to escalate\n\nThe duty manager takes over any abusive call.\n',
  '\n## Empowerment levels\n\nAgents may refund up to $50.\n',
  '- **Frontstage:** Calms an angry guest and offers a refund.\n',
  'The shift lead approves refunds over $100. ',
  '<!-- blueprint-lint-enable -->\n',
  '- **Backstgae:** Kitchen preps.\n',
  '| Step | Customer | Backstgae |\n|---|---|---|\n| Pay | pays | TBD |\n',
  'The customer is always right.\n',
  'type: service-blueprint\n',
  // HTML and JSX structure read as Markdown: headings, sections a closing tag ends, labelled lanes.
  '<h3>Refund</h3>\n<p><b>Customer</b><br>Gets a same-day refund.</p>\n',
  '<details><summary>Pay</summary>\n',
  '</details>\n',
  '<Step title="Wait">\n  <Lane name="Backstage">Kitchen preps.</Lane>\n</Step>\n',
  // Slack and Discourse pastes: bullet-character lines, a reactions row, BBCode boxes opened and closed anywhere.
  '1. *Pay*\n    ◦ customer: same-day refund\n    ◦ staff: TBD\n',
  '    ◦ support: till\n',
  ':tada: 2\n',
  '[details="Step 2: Pay"]\n',
  '[/details]\n',
  '[quote="a, post:1, topic:2"]\n',
];

/** Rules that judge one step at a time (conflict-needs-backing and decision-needs-authority also ask the document for a policy section). */
const STEP_LOCAL = new Set(['benefit-needs-support', 'empty-lane', 'burden-needs-relief', 'frontstage-needs-backstage', 'conflict-needs-backing', 'decision-needs-authority']);
const scopedRules: readonly Rule[] = allRules();

/** One edit: replace `length` characters at a relative position with a snippet. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...snippets) });

interface Caches {
  parse: ChunkCache;
  steps: StepCache;
}

const newCaches = (): Caches => ({ parse: new ChunkCache(), steps: new StepCache() });

/** Everything a client sees: the step model with its phrases, and each finding with positions, fixes and data. */
const comparable = (text: string, caches?: Caches, config = defaultConfig()) => {
  const r = lint(text, { parseCache: caches?.parse, stepCache: caches?.steps, filePath: 'doc.blueprint.md', rules: scopedRules, config });
  return JSON.stringify({
    steps: r.blueprint.steps.map((s) => [s.title, s.shape, s.span, s.titleSpan, s.group, s.lanes.length, s.benefits, s.supports]),
    findings: withEdits(text, r.findings),
    problems: r.problems,
  });
};

function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
}

/** Each edit, linted with caches that saw the base (and back again), and all of them chained, give a fresh lint's result. */
function editsMatchFresh(base: string, edits: ReadonlyArray<[string, (t: string) => string]>, run: (t: string, c?: Caches) => string): void {
  const chain = newCaches();
  let chained = base;
  assert.equal(run(chained, chain), run(chained));
  for (const [what, change] of edits) {
    const single = newCaches();
    run(base, single);
    const edited = change(base);
    assert.notEqual(edited, base, what);
    assert.equal(run(edited, single), run(edited), what);
    // And back: the units of the first version come out of the memo again.
    assert.equal(run(base, single), run(base), `${what}, undone`);
    chained = change(chained);
    assert.equal(run(chained, chain), run(chained), `${what} (chained)`);
  }
}

describe('incremental re-lint', function () {
  it('the shipped step rules are exactly the step-local ones', () => {
    assert.deepEqual(
      allRules()
        .filter(isStepRule)
        .map((r) => r.id)
        .sort(),
      [...STEP_LOCAL].sort(),
    );
  });

  this.timeout(300000);

  it('a chain of random edits linted with one chunk and step cache gives exactly the findings of a fresh lint (150 corpus chains)', () => {
    const units = { hits: 0, misses: 0 };
    const texts = corpus();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
        const caches = newCaches();
        let text = texts[doc]!;
        comparable(text, caches);
        const first = { ...caches.steps.stats };
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.equal(comparable(text, caches), comparable(text), `after ${JSON.stringify(e)}`);
        }
        units.hits += caches.steps.stats.unitHits - first.unitHits;
        units.misses += caches.steps.stats.unitMisses - first.unitMisses;
      }),
      { numRuns: 150, seed: Number(process.env['FUZZ_SEED'] ?? 20261122) },
    );
    // The unit memo must be what these chains exercise: after the first lint most units are reused, some rebuilt.
    assert.ok(units.hits > 1.5 * units.misses && units.misses > 150, `unit hits ${units.hits}, misses ${units.misses}`);
  });

  it('the same on generated blueprints of every step shape, with edits near one another (150 chains)', () => {
    fc.assert(
      fc.property(blueprintArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(edit, { minLength: 1, maxLength: 8 }), ({ text: start }, around, edits) => {
        const caches = newCaches();
        let text = start;
        comparable(text, caches);
        for (const e of edits) {
          // Edits cluster around one spot, as typing does, so steps next to an edit and the rows of one table are hit often.
          text = applyEdit(text, { ...e, at: Math.min(1, Math.max(0, around + (e.at - 0.5) / 10)) });
          assert.equal(comparable(text, caches), comparable(text), `after ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: 150, seed: Number(process.env['FUZZ_SEED'] ?? 20261122) },
    );
  });

  it("a lane-major blueprint (one section per lane, steps named alike in each) gives a fresh lint's result after edits in any of its sections", () => {
    const base = [
      '# Storage move-in',
      '',
      '## Customer actions',
      '',
      '1. Quote – gets a price online, held for 30 days.',
      '2. Move-in day – the unit is swept and open, trolleys free to use.',
      '3. First month – pays half price.',
      '',
      '## Employee actions (visible)',
      '',
      '2. Move-in day – walks the customer to the unit.',
      '',
      '## Support processes',
      '',
      '1. Quote – online quote tool.',
      '2. Move-in day – two people on shift on Saturdays.',
      '3. First month – TBD',
      '',
    ].join('\n');
    const edits: Array<[string, (t: string) => string]> = [
      ['a title renamed in one section', (t) => t.replace('3. First month – TBD', '3. First months – TBD')],
      ['a lane text edited', (t) => t.replace('walks the customer', 'walks the guest')],
      ['a section removed', (t) => t.replace(/## Employee actions \(visible\)\n\n2\. [^\n]*\n\n/, '')],
      ['a section heading that names no lane', (t) => t.replace('## Support processes', '## Notes')],
      ['a section added', (t) => `${t}\n## Physical evidence\n\n1. Quote – quote email.\n`],
    ];
    const run = (t: string, c?: Caches) => {
      const r = lint(t, { parseCache: c?.parse, stepCache: c?.steps, filePath: 'doc.md', rules: scopedRules });
      return JSON.stringify({ steps: r.blueprint.steps.map((st) => [st.title, st.shape, st.span, st.titleSpan, st.lanes, st.benefits, st.supports]), findings: withEdits(t, r.findings) });
    };
    assert.deepEqual(
      lint(base, { filePath: 'doc.md' }).blueprint.steps.map((st) => [st.title, st.lanes.map((l) => l.kind)]),
      [
        ['Quote', ['customer', 'support']],
        ['Move-in day', ['customer', 'frontstage', 'support']],
        ['First month', ['customer', 'support']],
      ],
    );
    editsMatchFresh(base, edits, run);
  });

  it("edits that change what a unit cannot see from inside (heading levels, line breaks, detection, suppressions, setext headings, definitions, lane config) give a fresh lint's result", () => {
    const base = [
      '---',
      'type: service-blueprint',
      '---',
      '',
      '# Harbour hotel',
      '',
      'Intro prose about the customer.',
      '',
      '## Arrival',
      '',
      '- **Guest:** Is greeted by name and gets a free upgrade.',
      '- **Frontstage:** Host opens the door.',
      '',
      '## Stage 2: Stay',
      '',
      '### Check in',
      '',
      '- Customer: gets a same-day refund.',
      '- Backstgae: Team prepares the room.',
      '',
      '### Dinner',
      '',
      '| Step | Customer | Frontstage | Backstage |',
      '|---|---|---|---|',
      '| Order | orders | Waiter takes the order | Kitchen preps |',
      '| Pay | pays in under 2 minutes | TBD | TBD |',
      '',
      '## Departure',
      '',
      'The customer is always right.',
      '',
      '- **Guest:** Leaves with a free upgrade.',
      '- **Frontstage:** Waves.',
      '',
    ].join('\n');
    const edits: Array<[string, (t: string) => string]> = [
      ['title level', (t) => t.replace('## Stage 2: Stay', '# Stage 2: Stay')],
      ['deeper to shallower', (t) => t.replace('### Dinner', '## Dinner')],
      ['shallower to deeper', (t) => t.replace('## Departure', '### Departure')],
      ['no title', (t) => t.replace('# Harbour hotel', 'Harbour hotel')],
      ['CRLF line breaks', (t) => t.replace(/\n/g, '\r\n')],
      ['first break CRLF', (t) => t.replace('\n', '\r\n')],
      ['front matter gone', (t) => t.replace('type: service-blueprint', 'type: notes')],
      ['range suppression in another unit', (t) => t.replace('## Stage 2: Stay', '<!-- blueprint-lint-disable unknown-lane benefit-needs-support -->\n\n## Stage 2: Stay')],
      ['next-line suppression before a unit', (t) => t.replace('## Departure', '<!-- blueprint-lint-disable-next-line -->\n## Departure')],
      ['setext heading', (t) => t.replace('Intro prose about the customer.', 'Intro\n=====')],
      ['definition', (t) => `${t}\n[ref]: https://example.com\n`],
      ['the line before a unit', (t) => t.replace('Waves.\n\n', 'Waves.\nText right before the heading.\n').replace('Kitchen preps |\n', 'Kitchen preps |\nx\n')],
      ['no final line break', (t) => t.replace(/\n+$/, '')],
      [
        'a unit moved before another',
        (t) => {
          const at = t.indexOf('## Departure');
          const arrival = t.indexOf('## Arrival');
          if (at < 0 || arrival < 0 || arrival > at) return `${t}\nmore`;
          return `${t.slice(0, arrival)}${t.slice(at).replace(/\n*$/, '\n\n')}${t.slice(arrival, at)}`;
        },
      ],
    ];
    const laneConfig = defaultConfig();
    laneConfig.lanes = { backstage: ['Backstgae'] };
    for (const config of [defaultConfig(), laneConfig]) {
      const run = (t: string, c?: Caches) => {
        const r = lint(t, { parseCache: c?.parse, stepCache: c?.steps, filePath: 'doc.md', rules: scopedRules, config });
        return JSON.stringify({
          steps: r.blueprint.steps.map((st) => [st.title, st.shape, st.span, st.titleSpan, st.group, st.lanes, st.prose, st.benefits, st.supports]),
          reason: r.blueprint.reason,
          title: r.blueprint.title,
          findings: withEdits(t, r.findings),
          problems: r.problems,
        });
      };
      editsMatchFresh(base, edits, run);
      // Fix sites are built in each unit's own text and moved with it: their edits land where a fresh lint puts them.
      const fixes = (t: string, c?: Caches) =>
        JSON.stringify(
          lint(t, { parseCache: c?.parse, stepCache: c?.steps, filePath: 'doc.md', config }).blueprint.steps.map((st) => [
            intentEdits(t, { kind: 'disable-step', site: st.disableSite, ruleId: 'x' }),
            intentEdits(t, { kind: 'add-lane', site: st.insertion, label: 'Support', content: 'tablet', snippet: '${1:tablet}' }),
          ]),
        );
      const c = newCaches();
      fixes(base, c);
      const moved = `Intro line.\n\n${base.replace('---\ntype: service-blueprint\n---\n', '')}`;
      assert.equal(fixes(moved, c), fixes(moved));
    }
  });

  it('rules that remember per step or section across lints (unknown-lane, customer-first-slogan) find what a fresh lint finds', () => {
    const filler = 'The room looks out over the harbour, and its walls are painted a pale blue all year round.';
    const base = [
      '# Clinic',
      '',
      '## Reception',
      '',
      filler,
      '',
      '- **Patient:** Checks in at the desk and waits.',
      '- **Frontstage:** Receptionist greets the patient.',
      '- **Backstage:** Nurse prepares the room.',
      '',
      '## Columns',
      '',
      '| Lane | Arrive | Leave |',
      '|---|---|---|',
      '| Customer | arrives | leaves |',
      '| Frontstage | greets | waves |',
      '| Backstage | preps | cleans |',
      '',
      '## Values',
      '',
      filler,
      '',
      'We work hard for everyone.',
      '',
      // The rules remember only for long documents (20,000 characters and more): the filler makes this one long.
      ...Array.from({ length: 220 }, (_, i) => `## Notes ${i}\n\n${filler}\n`),
    ].join('\n');
    assert.ok(base.length > 20_000, `${base.length} characters`);
    const edits: Array<[string, string, string]> = [
      ['a near miss in a lane line', '- **Backstage:** Nurse', '- **Backstgae:** Nurse'],
      ['a near miss in a table column', '| Backstage | preps', '| Backstgae | preps'],
      ['a slogan at the end of a section', 'We work hard for everyone.', 'We work hard. The customer is always right.'],
      ['a slogan in a step', 'Checks in at the desk and waits.', 'Checks in at the desk and waits. The patient is always right.'],
      ['a label that a synonym makes known', '- **Patient:**', '- **Patiend:**'],
    ];
    // A lint without caches is fresh as it is: rules keep no memo, so nothing needs flushing first.
    const run = (t: string, c?: Caches) => {
      return JSON.stringify(
        withEdits(
          t,
          lint(t, { parseCache: c?.parse, stepCache: c?.steps, forceBlueprint: true }).findings.filter((f) => f.ruleId === 'unknown-lane' || f.ruleId === 'customer-first-slogan'),
        ),
      );
    };
    let found = 0;
    for (const [what, from, to] of edits) {
      assert.ok(base.includes(from), what);
      const edited = base.replace(from, to);
      for (const [a, b] of [
        [base, edited],
        [edited, base],
      ] as const) {
        const caches = newCaches();
        run(a, caches);
        const cached = run(b, caches);
        assert.equal(cached, run(b), `${what}: ${a === base ? 'made' : 'undone'}`);
        // Without caches too: a lint right after another text's is as fresh (no memo outlives a lint).
        run(a);
        const warm = JSON.stringify(
          withEdits(
            b,
            lint(b, { forceBlueprint: true }).findings.filter((f) => f.ruleId === 'unknown-lane' || f.ruleId === 'customer-first-slogan'),
          ),
        );
        assert.equal(warm, run(b), `${what}, no caches: ${a === base ? 'made' : 'undone'}`);
        found += JSON.parse(cached).length;
      }
    }
    assert.ok(found >= 5, `only ${found} findings of the two rules: the edits do not exercise them`);
  });

  it('a step whose key reads the line before its unit is judged again when only that line changed; the rest are reused', () => {
    const doc = (before: string) =>
      [
        '# Harbour',
        '',
        '## Arrival',
        '',
        '- **Guest:** Gets a free upgrade.',
        '- **Frontstage:** Host opens the door.',
        '',
        before,
        '## Pay',
        '',
        '- **Customer:** Gets a same-day refund.',
        '- **Backstage:** TBD',
        '',
        '## Leave',
        '',
        '- **Guest:** Leaves.',
        '- **Frontstage:** Waves.',
        '',
      ].join('\n');
    const caches = newCaches();
    comparable(doc(''), caches);
    const before = { ...caches.steps.stats };
    // "Arrival" changes (it gains the note); "Pay" does not, but the line before its heading, inside its key, does.
    const edited = doc('A note on the way in.');
    assert.equal(comparable(edited, caches), comparable(edited));
    assert.equal(caches.steps.stats.unitMisses - before.unitMisses, 1);
    // Phrases are found again only in "Arrival"; the step-scoped rules judge "Arrival" and "Pay" again, "Leave" not.
    assert.equal(caches.steps.stats.analysisMisses - before.analysisMisses, 1);
    assert.equal(caches.steps.stats.analysisHits - before.analysisHits, 2);
    assert.equal(caches.steps.stats.ruleMisses - before.ruleMisses, 2 * STEP_LOCAL.size);
    assert.equal(caches.steps.stats.ruleHits - before.ruleHits, STEP_LOCAL.size);
  });

  it('a one-character edit re-analyses and re-judges one step and reuses the rest', () => {
    const texts = corpus();
    const text = texts.find((t) => t.includes('same-day') || t.length > 3000) ?? texts[0]!;
    const caches = newCaches();
    const first = lint(text, { parseCache: caches.parse, stepCache: caches.steps, filePath: 'doc.blueprint.md', rules: scopedRules });
    const steps = first.blueprint.steps.length;
    assert.ok(steps >= 4, `corpus file has only ${steps} steps`);
    const inside = first.blueprint.steps[Math.floor(steps / 2)]!.lanes[0]?.contentSpan.start ?? first.blueprint.steps[Math.floor(steps / 2)]!.titleSpan.end;
    const before = { ...caches.steps.stats };
    const edited = text.slice(0, inside) + 'x' + text.slice(inside);
    lint(edited, { parseCache: caches.parse, stepCache: caches.steps, filePath: 'doc.blueprint.md', rules: scopedRules });
    assert.equal(caches.steps.stats.analysisMisses - before.analysisMisses, 1);
    assert.equal(caches.steps.stats.analysisHits - before.analysisHits, steps - 1);
    // Each of the six step-scoped rules re-judges the edited step (and at most its neighbours, whose context lines changed).
    const ruleMisses = caches.steps.stats.ruleMisses - before.ruleMisses;
    assert.ok(ruleMisses >= STEP_LOCAL.size && ruleMisses <= 3 * STEP_LOCAL.size, `${ruleMisses} rule misses`);
    assert.equal(comparable(edited, caches), comparable(edited));
  });

  it('a config change (vocabulary, rule options, severity) invalidates what the step cache holds', () => {
    let changedSome = 0;
    for (const text of corpus()) {
      const caches = newCaches();
      const plain = defaultConfig();
      const changed = defaultConfig();
      changed.vocabulary = { benefit: { add: [], remove: ['refund'] }, support: { add: [{ kind: 'tool', phrase: 'booking' }], remove: [] } };
      changed.rules['empty-lane'] = { severity: 'warning', options: { includeEmpty: true } };
      if (comparable(text, undefined, plain) === comparable(text, undefined, changed)) continue;
      comparable(text, caches, plain);
      assert.equal(comparable(text, caches, changed), comparable(text, undefined, changed));
      assert.equal(comparable(text, caches, plain), comparable(text, undefined, plain));
      changedSome++;
    }
    assert.ok(changedSome >= 3, `the config change changed the result of only ${changedSome} corpus files`);
  });

  it('a step rule that throws on one step gives what it gives without the cache: one finding naming it', () => {
    const text = corpus()[0]!;
    const thrower: Rule = {
      id: 'thrower',
      description: 'throws on a step titled Boom',
      summary: 'throws on a step titled Boom',
      fixSummary: 'none',
      defaultSeverity: 'warning',
      fixable: false,
      checkStep: (step, ctx) => {
        if (step.title === 'Boom') throw new Error('boom');
        ctx.report({ message: 'seen', span: step.titleSpan });
      },
    };
    const caches = newCaches();
    const run = (t: string, c?: Caches) => JSON.stringify(withEdits(t, lint(t, { parseCache: c?.parse, stepCache: c?.steps, forceBlueprint: true, rules: [thrower] }).findings));
    assert.equal(run(text, caches), run(text));
    const edited = `${text}\n\n## Added step\n\n- **Customer:** Waits.\n`;
    const cachedResult = run(edited, caches);
    assert.equal(cachedResult, run(edited));
    assert.match(cachedResult, /"seen"/);
    const withBoom = `${edited}\n## Boom\n\n- **Customer:** Waits.\n`;
    const broken = run(withBoom, caches);
    assert.equal(broken, run(withBoom));
    assert.match(broken, /Rule \\"thrower\\" failed: boom/);
  });
});
