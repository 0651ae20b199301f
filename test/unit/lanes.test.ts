import { strict as assert } from 'node:assert';
import { isPlaceholder, laneTable, lookupLane, normaliseLabel } from '../../server/src/engine/blueprint/lanes.js';

describe('lanes', () => {
  it('recognises placeholders and only placeholders', () => {
    for (const p of [
      '',
      'TBD',
      'tbd.',
      'TODO',
      '?',
      '???',
      '-',
      '—',
      '–',
      'N/A',
      'n/a',
      'NA',
      'none',
      'None.',
      '...',
      '…',
      '*TBD*',
      'TBC (a work phone?)',
      '— (no cover on bad-weather days)',
      'None at present.',
      'Nothing yet',
      'None listed yet.',
      'Nothing identified',
    ]) {
      assert.equal(isPlaceholder(p), true, JSON.stringify(p));
    }
    for (const p of ['Till system', 'A.', 'No', 'Manager may approve', '-5 minutes', 'To be decided by the duty manager', 'Till (new one)', 'Card reader (TBC)', 'None needed: the app does it']) {
      assert.equal(isPlaceholder(p), false, JSON.stringify(p));
    }
  });

  it('normalises labels: case, colon, gloss, hyphens', () => {
    assert.equal(normaliseLabel('Frontstage (what the client sees):'), 'frontstage');
    assert.equal(normaliseLabel('Front-line'), 'front line');
    assert.equal(normaliseLabel('  Support   systems: '), 'support systems');
  });

  it('looks up synonyms and config-added labels', () => {
    const table = laneTable({ support: ['Wrangling'] });
    assert.equal(lookupLane('Contact employee actions', table), 'frontstage');
    assert.equal(lookupLane('Behind the scenes', table), 'backstage');
    assert.equal(lookupLane('wrangling', table), 'support');
    assert.equal(lookupLane('Customer value', table), 'benefit');
    assert.equal(lookupLane('Wrangling', laneTable()), undefined);
    assert.equal(lookupLane('Greeting', table), undefined);
  });

  it('reads a label by its gloss when its own words name no lane, and a spaced slash compound by its first lane', () => {
    const table = laneTable();
    assert.equal(lookupLane('CSR (frontline)', table), 'frontstage');
    assert.equal(lookupLane('Coordinator (behind the scenes)', table), 'backstage');
    // A role in a gloss may be on either side: it decides nothing.
    assert.equal(lookupLane('Group leader (teacher)', table), undefined);
    assert.equal(lookupLane('Ops / Planning', table), 'frontstage');
    assert.equal(lookupLane('Worker/crew input', table), undefined);
  });
});
