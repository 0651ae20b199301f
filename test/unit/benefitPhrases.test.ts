// Every benefit phrase of a flagged step reaches the editor: the core finding lists the others, and the server makes them related information.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { LineIndex } from '../../server/src/engine/text.js';
import { ChunkCache } from '../../server/src/engine/incremental/chunkCache.js';
import { StepCache } from '../../server/src/engine/incremental/stepCache.js';
import { toDiagnostic } from '../../server/src/server/diagnostics.js';

const WELCOME =
  '1. **Welcome**\n   - Customer: gets a free upgrade and a late checkout at no extra cost\n' +
  '   - Frontstage: the receptionist hands over the key within 2 minutes\n   - Backstage: housekeeping marks rooms as clean\n';

/** The core finding's range text and its related information as [message, text at the range]. */
function related(text: string, caches?: { parse: ChunkCache; steps: StepCache }): { range: string; related: Array<[string, string]> } {
  const result = lint(text, { forceBlueprint: true, parseCache: caches?.parse, stepCache: caches?.steps });
  const finding = result.findings.find((f) => f.ruleId === 'benefit-needs-support');
  assert.ok(finding, 'the welcome step is flagged');
  const d = toDiagnostic('file:///w.md', finding, result.lines, { ruleId: finding.ruleId, index: 0, version: 1 });
  const lines = new LineIndex(text);
  const at = (p: { line: number; character: number }): number => lines.lineStart(p.line + 1) + p.character;
  return {
    range: text.slice(finding.span.start, finding.span.end),
    related: (d.relatedInformation ?? []).map((r) => [r.message, text.slice(at(r.location.range.start), at(r.location.range.end))]),
  };
}

describe('benefit-needs-support: every benefit phrase of a step', () => {
  it('puts the finding on the first phrase and the others in related information, after the step title', () => {
    assert.deepEqual(related(`# Hotel\n\n${WELCOME}`), {
      range: 'free upgrade',
      related: [
        ['Step "Welcome"', 'Welcome'],
        ['Also promised: "late checkout at no extra cost"', 'late checkout at no extra cost'],
        ['Also promised: "within 2 minutes"', 'within 2 minutes'],
      ],
    });
  });

  it('keeps them right when a cached step only moved (an edit above it)', () => {
    const caches = { parse: new ChunkCache(), steps: new StepCache() };
    const before = related(`# Hotel\n\n${WELCOME}`, caches);
    const hits = caches.steps.stats.ruleHits;
    const after = related(`# Hotel\n\nA new line of introduction, forty characters.\n\n${WELCOME}`, caches);
    assert.ok(caches.steps.stats.ruleHits > hits, "the second lint reused the step's cached report");
    assert.deepEqual(after, before);
  });
});

describe('user-facing text', () => {
  it('never refers the reader to a section of the internal spec', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = [
      'README.md',
      'package.json',
      ...walk(join(root, 'docs')).filter((f) => f.endsWith('.md')),
      ...walk(join(root, 'rules')).filter((f) => /\.(md|ts)$/.test(f)),
      ...walk(join(root, 'server', 'src')),
      ...walk(join(root, 'client', 'src')),
      ...walk(join(root, 'schemas')),
    ].map((f) => (f.startsWith(root) ? f : join(root, f)));
    const spec = /\bspec(?:ification)?\.?\s+(?:section\s+)?\d|\bsection\s+\d+\s+of\s+the\s+spec/i;
    const hits: string[] = [];
    for (const file of files) {
      let text = readFileSync(file, 'utf8');
      // comments in source are for developers, who have the spec; strings and docs are what users read
      if (file.endsWith('.ts')) text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      text.split('\n').forEach((line, i) => {
        if (spec.test(line)) hits.push(`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.ok(files.length > 50, `scanned ${files.length} files`);
    assert.deepEqual(hits, []);
  });
});
