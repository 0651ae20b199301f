// The document reading rules share: what it reads, and that its editor memo gives what a fresh reading gives.
import { strict as assert } from 'node:assert';
import { readDocument } from '../../server/src/engine/document/reading.js';
import { ReadingMemos } from '../../server/src/engine/incremental/readingMemo.js';
import { lint } from '../../server/src/engine/lint.js';
import { intentEdits } from '../../server/src/engine/intentEdits.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import type { PhraseHit, PhraseMatcher } from '../../server/src/engine/phrases/vocabulary.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { LineIndex } from '../../server/src/engine/text.js';

const DOC = [
  '---',
  'blueprint: true',
  '---',
  '# Repair *desk*',
  '',
  '```text',
  '# not a heading',
  '```',
  '',
  '## Drop-off',
  '',
  '- **Customer:** Hands in the phone.',
  '- **Frontsatge:** Logs it. <!-- note -->',
  '',
  '## Pick-up',
  '',
  '| Lane | Collect |',
  '|---|---|',
  '| Customer | Collects it |',
  '| Frontstage | Hands it over |',
  '| Backstgae | Tests it |',
  '',
].join('\n');

const read = (text: string, memos?: ReadingMemos) => readDocument(text, new LineIndex(text), { memos });

/** A matcher that finds "always right" and counts the texts it is asked about. */
function countingMatcher(): { matcher: PhraseMatcher; asked: string[] } {
  const asked: string[] = [];
  const find = (text: string): PhraseHit[] => {
    asked.push(text);
    return [...text.matchAll(/always right/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], entry: { phrase: 'always right' } }) as unknown as PhraseHit);
  };
  return { matcher: { find } as unknown as PhraseMatcher, asked };
}

describe('document reading (context.document)', () => {
  it('blanks front matter, fenced code, comments and inline markup in place, and sections the prose by its headings', () => {
    const doc = read(DOC);
    assert.equal(doc.prose.length, DOC.length);
    assert.doesNotMatch(doc.prose, /blueprint: true|not a heading|note|\*/);
    assert.deepEqual(
      doc.sections.map((s) => s.title),
      [undefined, 'Repair  desk', 'Drop-off', 'Pick-up'],
    );
    assert.equal(doc.sectionAt(DOC.indexOf('Logs it')).title, 'Drop-off');
    assert.equal(doc.lineOf(DOC.indexOf('## Pick-up')), 15);
    assert.deepEqual(doc.titleHeading, { start: DOC.indexOf('Repair'), end: DOC.indexOf('Repair') + 'Repair *desk*'.length });
    assert.equal(doc.hasFencedBlock('TEXT'), true);
    assert.equal(doc.hasFencedBlock('mermaid'), false);
  });

  it('reads the labels in lane position of list and table steps with their spans', () => {
    const result = lint(DOC);
    const doc = read(DOC);
    const labels = result.blueprint.steps.map((s) => doc.laneLabels(s).map((c) => [c.label, DOC.slice(c.span.start, c.span.end)]));
    assert.deepEqual(labels, [
      [
        ['Customer', 'Customer'],
        ['Frontsatge', 'Frontsatge'],
      ],
      [
        ['Customer', 'Customer'],
        ['Frontstage', 'Frontstage'],
        ['Backstgae', 'Backstgae'],
      ],
    ]);
  });

  it('reads an emphasised table label with a gloss after it up to its emphasis, so no near miss is reported on it', () => {
    const text = ['| Lane | Check-in |', '|---|---|', '| **Customer** (patient) | Arrives |', '| **Front stage** (visible) | Receptionist checks them in |', ''].join('\n');
    const result = lint(text, { forceBlueprint: true });
    const doc = read(text);
    assert.deepEqual(
      doc.laneLabels(result.blueprint.steps[0]!).map((c) => [c.label, text.slice(c.span.start, c.span.end)]),
      [
        ['Customer', 'Customer'],
        ['Front stage', 'Front stage'],
      ],
    );
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'unknown-lane'),
      [],
    );
  });

  it('with memos, finds phrases again only in the sections an edit changed, with the hits a fresh reading finds', () => {
    const section = (i: number) => `## Step ${i}\n\n${'The guest is always right about the room. '.repeat(i % 3 === 0 ? 1 : 0)}${'Filler prose about the service. '.repeat(20)}\n\n`;
    let text = Array.from({ length: 60 }, (_, i) => section(i)).join('');
    assert.ok(text.length >= 20_000, 'the memo is kept for long texts only');
    const memos = new ReadingMemos();
    const { matcher, asked } = countingMatcher();
    const first = read(text, memos).proseHits(matcher);
    memos.commit();
    assert.equal(asked.length, 61);
    assert.equal(first.length, 20);
    // A keystroke in one section: only that section is read again, and the hits move with the text.
    const at = text.indexOf('Filler', text.indexOf('## Step 30'));
    text = `${text.slice(0, at)}always right ${text.slice(at)}`;
    asked.length = 0;
    const again = read(text, memos).proseHits(matcher);
    memos.commit();
    assert.equal(asked.length, 1);
    assert.deepEqual(
      again.map((h) => [h.start, h.end, h.text]),
      countingMatcher()
        .matcher.find(read(text).prose)
        .map((h) => [h.start, h.end, h.text]),
    );
  });

  it('an editor lint of a long document after edits gives the findings of a fresh lint (unknown-lane, customer-first-slogan)', () => {
    const step = (i: number) => `## Step ${i}\n\n- **Customer:** Asks for help ${i}.\n- **${i % 7 === 0 ? 'Frontsatge' : 'Frontstage'}:** The customer is always right, so staff ${i} help.\n\n`;
    let text = `# Desk\n\n${Array.from({ length: 200 }, (_, i) => step(i)).join('')}`;
    assert.ok(text.length >= 20_000);
    const caches = { parseCache: new ChunkCache(), stepCache: new StepCache() };
    const view = (t: string, c = {}) =>
      lint(t, { forceBlueprint: true, ...c })
        .findings.filter((f) => f.ruleId === 'unknown-lane' || f.ruleId === 'customer-first-slogan')
        .map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message} ${JSON.stringify(f.fixes.map((x) => intentEdits(t, x.intent)))}`);
    const before = view(text, caches);
    assert.ok(before.some((f) => f.startsWith('unknown-lane')) && before.some((f) => f.startsWith('customer-first-slogan')));
    for (const [find, replace] of [
      ['Asks for help 3.', 'Asks for help 3 again.'],
      ['**Frontstage:** The customer is always right, so staff 40', '**Backstgae:** The customer is always right, so staff 40'],
      ['## Step 100\n', '## Step 100\n\nThe customer is king.\n'],
      ['# Desk\n', ''],
    ] as const) {
      text = text.replace(find, replace);
      assert.deepEqual(view(text, caches), view(text), `after replacing ${JSON.stringify(find)}`);
    }
  });
});
