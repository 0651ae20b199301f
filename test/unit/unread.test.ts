import { strict as assert } from 'node:assert';
import { looksLikeBlueprint, nonEnglishLanguage } from '../../server/src/engine/blueprint/looksLike.js';
import { applyEdits, lint } from '../../server/src/engine/index.js';

const called = ['# Service Blueprint: Parcel Lockers', '', '## Drop-off', '', 'The courier fills the locker before noon.', ''].join('\n');

describe('never silent: files called blueprints that are not read as one', () => {
  it('gives a file titled a service blueprint one information finding on its title, and nothing else', () => {
    const r = lint(called, { filePath: 'docs/lockers.md' });
    assert.equal(r.blueprint.isBlueprint, false);
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, `${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column}`, f.message]),
      [
        [
          'unread-blueprint',
          'info',
          '1:3-1:36',
          'Label each step\'s lanes (Customer, Frontstage, Backstage, Support) or opt the file in with "blueprint: true" in its front matter: its title calls this a service blueprint, but no step carries labels of two lanes, so it is not linted.',
        ],
      ],
    );
  });

  it('says when the flow is drawn only in Mermaid, and reads the file name when the title says nothing', () => {
    const text = ['# Lockers', '', '```mermaid', 'flowchart LR', '  A --> B', '```', ''].join('\n');
    const r = lint(text, { filePath: 'docs/customer-journey.md' });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0]!.message, /^Label each step's lanes .*: its file name calls this a customer-journey, .* Its flow is drawn in a Mermaid diagram, which is not read\.$/);
  });

  it('opts the file in with its quick fix, after which it is linted as a blueprint', () => {
    const r = lint(called, { filePath: 'docs/lockers.md' });
    const fixed = applyEdits(called, r.findings[0]!.fixes[0]!.edits).text;
    assert.equal(fixed.startsWith('---\nblueprint: true\n---\n\n# Service Blueprint'), true);
    const again = lint(fixed, { filePath: 'docs/lockers.md' });
    assert.equal(again.blueprint.reason, 'front-matter');
    assert.deepEqual(
      again.findings.filter((f) => f.ruleId === 'unread-blueprint'),
      [],
    );
  });

  it('reads a *.blueprint.md file as a blueprint wherever it lies, outside the base directory too', () => {
    const text = ['## Drop-off', '', 'The courier fills the locker before noon.', ''].join('\n');
    assert.equal(lint(text, { filePath: '../../elsewhere/lockers.blueprint.md' }).blueprint.reason, 'glob');
    assert.equal(lint(text, { filePath: '/tmp/x/lockers.blueprint.md' }).blueprint.reason, 'glob');
    assert.equal(lint(text, { filePath: '../../elsewhere/lockers.md' }).blueprint.isBlueprint, false);
  });

  it('leaves other Markdown alone', () => {
    const readme = ['# Parcel lockers', '', 'Customers pick up parcels 24/7 with a free code.', ''].join('\n');
    assert.deepEqual(lint(readme, { filePath: 'README.md' }).findings, []);
    assert.equal(looksLikeBlueprint('Release notes', 'docs/notes.md'), undefined);
    assert.deepEqual(looksLikeBlueprint(undefined, 'maps/guest-journey-map.md'), { why: 'file name', words: 'journey-map' });
  });
});

describe('the language of a document', () => {
  it('recognises a German text and leaves English and short texts alone', () => {
    const german =
      'Der Kunde bringt das Fahrrad in die Werkstatt und die Mitarbeiterin nimmt es an. Das Team prüft den Auftrag mit dem System und ruft den Kunden an, wenn die Teile da sind. Die Rechnung wird an der Kasse bezahlt, und der Kunde bekommt eine Garantie auf die Arbeit.';
    assert.equal(nonEnglishLanguage(german), 'German');
    const english =
      'The customer brings the bike to the workshop and the assistant takes it in. The team checks the order in the system and calls the customer when the parts are in. The bill is paid at the till, and the customer gets a guarantee on the work.';
    assert.equal(nonEnglishLanguage(english), undefined);
    assert.equal(nonEnglishLanguage('Der Kunde und die Frau.'), undefined);
  });

  it('tells a language by its script when its words outnumber Latin ones, English lane labels among them', () => {
    const korean = Array.from({ length: 8 }, () => '고객이 앱에서 예약을 하고 직원이 확인합니다. Frontstage: 안내 데스크에서 확인').join(' ');
    assert.equal(nonEnglishLanguage(korean), 'Korean');
    assert.equal(nonEnglishLanguage(`${korean} ${'The customer books online and the team confirms it. '.repeat(20)}`), undefined);
    assert.deepEqual(looksLikeBlueprint('서비스 블루프린트: 예약', undefined), { why: 'title', words: '서비스 블루프린트' });
  });
});
