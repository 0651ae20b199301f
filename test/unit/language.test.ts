// The language layer (server/src/engine/language, issue #14): sentences, clauses, pattern rules and vetoes, with
// sentences from industries the labelled corpus does not use, and the promise that a non-blueprint never loads wink.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { readText } from '../../server/src/engine/language/index.js';
import type { Step } from '../../server/src/engine/types.js';

function step(lanes: Record<string, string>): Step {
  const body = Object.entries(lanes)
    .map(([k, v]) => `- **${k}:** ${v}`)
    .join('\n');
  const r = lint(`---\nblueprint: true\n---\n# B\n\n## The step\n\n${body}\n`, { filePath: 'b.md' });
  return r.blueprint.steps[0]!;
}

const flagged = (lanes: Record<string, string>) => {
  const r = lint(
    `---\nblueprint: true\n---\n# B\n\n## The step\n\n${Object.entries(lanes)
      .map(([k, v]) => `- **${k}:** ${v}`)
      .join('\n')}\n`,
    { filePath: 'b.md' },
  );
  return r.findings.some((f) => f.ruleId === 'benefit-needs-support');
};

/** Each benefit found, as "<rule of language or entry>: <words>". */
const why = (lanes: Record<string, string>) => step(lanes).benefits.map((b) => `${b.why?.split(':')[0]}: ${b.text}`);

describe('language layer', () => {
  it('splits sentences on punctuation, not on hard-wrapped line ends', () => {
    const doc = readText('The ranger walks the group to the\nhide. Everyone gets\na flask of tea.')!;
    assert.equal(doc.sentences.length, 2);
    assert.equal(doc.tokens.find((t) => t.text === 'walks')!.lemma, 'walk');
  });

  it('finds "free/complimentary/courtesy + noun" whatever the noun is, and says why', () => {
    const s = step({ Customer: 'Parks at the marina.', Frontstage: 'The berth master hands over a courtesy water taxi pass.' });
    const b = s.benefits.find((x) => x.why?.startsWith('free+noun'));
    assert.ok(b, JSON.stringify(s.benefits));
    assert.match(b.text, /^courtesy water taxi/);
  });

  it('finds spared efforts: without having to + verb, nothing to + verb, never have to + verb', () => {
    assert.ok(flagged({ Customer: 'Renews the permit online without having to visit the depot.', Frontstage: '—' }));
    assert.ok(flagged({ Customer: 'Gets the permit by email; there is nothing to sign.', Frontstage: '—' }));
    assert.ok(flagged({ Customer: 'Never has to re-enter the plate number.', Frontstage: '—' }));
  });

  it('finds an option the customer is given: can / may + verb ... or ..., not staff choosing nor a refusal', () => {
    assert.ok(flagged({ Customer: 'Gets the letter and can reply online or by post.', Frontstage: '—' }));
    assert.ok(flagged({ Customer: 'You may pay by card or in cash.', Frontstage: '—' }));
    assert.ok(!flagged({ Customer: 'Reads the letter.', Frontstage: 'The clerk can call or email the juror.' }));
    assert.ok(!flagged({ Customer: 'Cannot reply online or by phone.', Frontstage: '—' }));
  });

  it('reads a sign-off the employee must obtain as a requirement, not their authority', () => {
    assert.ok(flagged({ Customer: 'Can pay in three instalments at no extra cost.', Frontstage: 'Any payment plan must be signed off by the director.' }));
    assert.ok(!flagged({ Customer: 'Can pay in three instalments at no extra cost.', Frontstage: 'The arranger can sign off a payment plan up to £2,000.' }));
  });

  it('rejects negated and refused benefits with the reason', () => {
    const s = step({ Customer: 'Asks to switch plots.', Frontstage: 'The allotment officer explains that deposits are non-refundable and plot fees cannot be waived.' });
    assert.equal(s.benefits.length, 0, JSON.stringify(s.benefits));
    assert.ok(
      s.rejected?.some((r) => /negated/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
  });

  it('keeps "no queue" and "without waiting": negation that is the promise', () => {
    assert.ok(flagged({ Customer: 'Collects the keys with no queue.', Frontstage: 'The concierge hands them over without waiting.' }));
  });

  it('does not count a gain to the company', () => {
    const s = step({ Customer: 'Signs the renewal.', Frontstage: 'The broker renews early, which helps cut our free quote costs.' });
    assert.ok(!s.benefits.some((b) => /free quote/.test(b.text)), JSON.stringify(s.benefits));
  });

  it('does not count what the customer only asks for', () => {
    const s = step({ Customer: 'Claims the complimentary breakfast voucher.', Frontstage: 'The host checks the booking.' });
    assert.ok(!s.benefits.some((b) => /complimentary/.test(b.text)));
    assert.ok(s.rejected?.some((r) => /request/.test(r.reason)));
  });

  it('finds authority phrased as no approval needed, own say-so, training as a completed course', () => {
    assert.ok(!flagged({ Customer: 'Wants a later checkout.', Frontstage: 'The warden grants it on the spot; no supervisor is needed for up to two hours.' }));
    assert.ok(!flagged({ Customer: 'Wants a later slot.', Frontstage: 'The groomer moves it on the spot, on her own say-so.' }));
    assert.ok(!flagged({ Customer: 'Asks about the hike.', Frontstage: 'The guide, who has completed the wilderness first-aid course, answers on the spot.' }));
    assert.ok(!flagged({ Customer: 'Wants a later slot.', Frontstage: 'Nobody needs a supervisor to move a booking on the spot.' }));
  });

  it('does not count the acting employee as support', () => {
    const s = step({ Customer: 'Waits in the rain.', Frontstage: 'Duty manager hands out free umbrellas.' });
    assert.ok(!s.supports.some((x) => /manager/i.test(x.text)), JSON.stringify(s.supports));
    assert.ok(
      s.rejected?.some((r) => /acting employee/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
  });

  it('does not count a tool in the customer’s hands', () => {
    assert.ok(flagged({ Customer: 'Books a free taster lesson.', Frontstage: 'The customer picks a slot in the app.' }));
    assert.ok(!flagged({ Customer: 'Books a free taster lesson.', Frontstage: 'The instructor sees it on the studio dashboard.' }));
  });

  it('never loads the model for a non-blueprint', () => {
    const lintUrl = new URL('../../server/src/engine/lint.js', import.meta.url).href;
    const winkUrl = new URL('../../server/src/engine/language/wink.js', import.meta.url).href;
    const script = `const { lint } = await import(${JSON.stringify(lintUrl)}); const w = await import(${JSON.stringify(winkUrl)});
lint('# App\\n\\nWe promise customers a free upgrade without waiting.\\n\\n## Install\\n\\nRun it.\\n', { filePath: 'README.md' });
const before = w.winkLoaded();
lint('---\\nblueprint: true\\n---\\n# B\\n\\n## S\\n\\n- **Customer:** Gets a free upgrade.\\n- **Frontstage:** —\\n', { filePath: 'b.md' });
console.log(JSON.stringify([before, w.winkLoaded()]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim()), [false, true]);
  });
});

describe('language layer: word sense and roles', () => {
  it('reads "X-free" as "without X", not as a gift', () => {
    const s = step({ Customer: 'Orders a cake.', Frontstage: 'The baker explains the kitchen is not nut-free today.' });
    assert.ok(!s.benefits.some((b) => /free/.test(b.text)), JSON.stringify(s.benefits));
  });

  it('counts backing only when it names someone', () => {
    const s = step({ Customer: 'Cracks the hire phone screen.', Frontstage: 'The desk swaps it in five minutes; the crack is covered by the insurance plan.' });
    assert.ok(!s.supports.some((x) => x.kind === 'backing'), JSON.stringify(s.supports));
  });

  it('finds an escalation to a role and an instrument ("by barcode")', () => {
    assert.ok(!flagged({ Customer: 'Gets a reply the same day.', Frontstage: 'The clerk hands any dispute over to the senior clerk.' }));
    assert.ok(!flagged({ Customer: 'Is checked in within a minute.', Backstage: 'Each bag is logged by barcode.' }));
  });
});

describe('language layer: who acts', () => {
  it('resolves "they" to the last named subject: an employee permission is authority, not the customer’s ease', () => {
    const s = step({ Customer: 'Wants a bigger room.', Frontstage: 'Porters load the van; they can add a second trip at no cost, without ringing the depot.' });
    assert.ok(!s.benefits.some((b) => b.why?.startsWith('without+verb')), JSON.stringify(s.benefits));
    assert.ok(
      s.supports.some((x) => x.kind === 'authority'),
      JSON.stringify(s.supports),
    );
  });

  it('reads "so (that) X may ..." as a purpose, not a permission', () => {
    const s = step({ Customer: 'Phones in.', Frontstage: 'The tutor sends the notes first, so the student may carry on without missing the class.' });
    assert.ok(
      s.benefits.some((b) => /without missing/.test(b.text)),
      JSON.stringify(s.benefits),
    );
  });

  it('keeps a tool an employee uses on the customer’s data', () => {
    const s = step({ Customer: 'Calls from the roadside in under a minute.', Frontstage: "Our controller opens the member's tracker before answering." });
    assert.ok(
      s.supports.some((x) => x.kind === 'tool'),
      JSON.stringify(s),
    );
  });
});

describe('language layer: promises, purposes and captions', () => {
  it('reads "promise/guarantee + object" and "so (that) the customer can ..." as benefits', () => {
    assert.ok(flagged({ Customer: 'Drops off the bike.', Frontstage: 'The mechanic promises a call before any extra work.' }));
    assert.ok(flagged({ Customer: 'Arrives early.', Frontstage: 'The host seats them first, so the guests can settle in.' }));
  });

  it('does not take a verbless prose gloss as support', () => {
    const r = lint('---\nblueprint: true\n---\n# B\n\n## Repair: about the scanner\n\nThe shopper gets a repair within the hour.\n', { filePath: 'b.md' });
    assert.ok(
      r.findings.some((f) => f.ruleId === 'benefit-needs-support'),
      JSON.stringify(r.blueprint.steps[0]?.supports),
    );
  });
});

describe('language layer: negation scope', () => {
  it('ends a negation inside a relative clause at the main verb', () => {
    const s = step({ Customer: 'Guests who cannot climb stairs get a free ground-floor room.', Frontstage: '—' });
    assert.ok(
      s.benefits.some((b) => b.why?.startsWith('free+noun')),
      JSON.stringify(s),
    );
  });
  it('keeps a negation on the clause it governs', () => {
    const s = step({ Customer: 'Pays.', Frontstage: 'The warden explains that fees are not lowered for stays booked within 3 days.' });
    assert.equal(s.benefits.length, 0, JSON.stringify(s.benefits));
  });
});

describe('language layer: paraphrased benefits (rules of language, not phrases)', () => {
  it('reads work done ahead with a verb of preparation as a benefit, not a fact already known or the customer’s own past act', () => {
    assert.deepEqual(why({ Member: 'Arrives to find the locker already labelled with their name.', Frontstage: '—' }), ['already-done: already labelled']);
    assert.deepEqual(why({ Client: 'Collects the prints ready-packed at the counter.', Frontstage: '—' }), ['already-done: ready-packed']);
    assert.deepEqual(why({ Client: 'Has already paid the deposit online.', Frontstage: 'The clerk checks whether the fault is already known.' }), []);
  });

  it('reads "no + surprise/hidden + noun" and a price held fixed as certainty', () => {
    assert.deepEqual(why({ Member: 'Signs up knowing there are no hidden admin extras.', Frontstage: '—' }), ['no-unexpected+noun: no hidden admin extras']);
    assert.deepEqual(why({ Member: 'The membership fee for the first year is frozen.', Frontstage: '—' }), ['price-held: fee for the first year is frozen']);
  });

  it('reads the same person each time as continuity, and a quiet or private place as comfort unless it is for staff', () => {
    assert.deepEqual(why({ Customer: 'Is taught by the same friendly instructor every lesson.', Frontstage: '—' }), ['the-same+person: the same friendly instructor']);
    assert.deepEqual(why({ Donor: 'Waits in a private donor lounge.', Frontstage: '—' }), ['comfort+place: private donor lounge']);
    assert.deepEqual(why({ Donor: 'Gives blood.', Frontstage: 'Nurses rest in a quiet staff lounge between donors.' }), []);
  });

  it('reads time given back, things brought to the customer and a burden cut to one thing, but not their restrictions', () => {
    assert.deepEqual(why({ Parent: 'Drops the children at the pool and parents are free until noon.', Frontstage: '—' }), ['customer-is-free: are free until']);
    assert.deepEqual(why({ Guest: 'The framed photos are delivered to their hotel room by the evening.', Frontstage: '—' }), ['brought-to-customer: delivered to their hotel room']);
    assert.deepEqual(why({ Customer: 'Only pays for the parts.', Frontstage: '—' }), ['only+burden: Only pays for the parts']);
    assert.deepEqual(why({ Customer: 'Can only pay by card; feel free to ask.', Frontstage: 'Reports are sent to the underwriter.' }), []);
  });

  it('reads a thing said to be free as no charge, but not a person or a slot that is free as in open', () => {
    assert.deepEqual(why({ Client: 'Joins the club; the first grooming visit is free for puppies.', Frontstage: '—' }), ['thing-is-free: visit is free']);
    assert.deepEqual(why({ Tenant: 'Reports the leak. Parking at the depot is free.', Frontstage: '—' }), ['thing-is-free: depot is free']);
    assert.deepEqual(why({ Caller: 'Waits until a desk is free. The advisor is free after lunch.', Frontstage: 'Answers when the line is free.' }), []);
    assert.deepEqual(why({ Caller: 'Is told the first lesson is not free.', Frontstage: '—' }), []);
  });

  it('reads "without asking anyone" as authority, not as an effort the customer is spared', () => {
    assert.deepEqual(why({ Customer: 'Gets the parking bay booked.', Frontstage: 'You book it without asking anyone.' }), []);
  });

  it('reads "without ever having to" like "without having to"', () => {
    assert.deepEqual(why({ Customer: 'Renews without ever having to queue at the counter.', Frontstage: '—' }), ['without+verb: without ever having to queue']);
  });

  it('rejects a benefit that waits to be built or switched on: planned, not promised', () => {
    const s = step({ Customer: 'Books online.', Frontstage: 'Until live tracking is rolled out, the desk phones with delays.' });
    assert.deepEqual(s.benefits, []);
    assert.ok(
      s.rejected?.some((r) => /planned/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
    assert.deepEqual(why({ Customer: 'Once the refund is released, gets a text.', Frontstage: '—' }).length > 0, true);
  });

  it('rejects a service named as what it is charged at: a paid extra, not a promise', () => {
    const s = step({ Customer: 'Is running late.', Frontstage: 'Staff explain that late checkout is charged at $15 an hour.' });
    assert.deepEqual(s.benefits, []);
    assert.ok(
      s.rejected?.some((r) => /paid extra/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
  });
});

describe('language layer: effort spared and information given', () => {
  it('reads "nobody has to" as a lifted burden, work done "for you" or "on their behalf" by staff, and a message at every stage', () => {
    assert.deepEqual(why({ Customer: 'Keys are cut on site, so no one has to reprint the form.', Frontstage: '—' }), ['never-have-to: no one has to reprint']);
    assert.deepEqual(why({ Customer: 'Signs; we renew the parking permit for you.', Frontstage: '—' }), ['done-for-customer: for you']);
    assert.deepEqual(why({ Customer: 'Hands over the keys.', Frontstage: 'The agent signs for the parcel on the tenant’s behalf.' }), ['done-for-customer: tenant’s behalf']);
    assert.deepEqual(why({ Customer: 'Gets texts at every stage of the build.', Frontstage: '—' }), ['message-each-time: texts at every stage']);
    assert.deepEqual(why({ Customer: 'Gets a text listing the swaps.', Frontstage: '—' }), []);
  });

  it('reads something staff bring to the customer’s place as a benefit, not the customer’s own errand', () => {
    assert.deepEqual(why({ Customer: 'A volunteer brings the parcel to their flat.', Frontstage: '—' }), ['brought-to-customer: brings the parcel to their flat']);
    assert.deepEqual(why({ Customer: 'Takes the bike to their car.', Frontstage: '—' }), []);
  });
});

describe('language layer: what is promised to the customer', () => {
  it('does not count what the step promises the customer as the employee’s support', () => {
    const s = step({ Customer: 'Signs up for the first shift.', Frontstage: 'The coordinator promises each first-time visitor a buddy for the whole day and free parking.' });
    assert.deepEqual(
      s.supports.map((x) => x.text),
      [],
    );
    assert.ok(
      s.rejected?.some((r) => /promised to the customer/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
  });
});

// Procedures and inventories opted in as blueprints (SOPs, playbooks, wait-time lists): what reads like a promise there
// and is none. Each case is a rule a reviewer states in one sentence; the sentences come from other industries.
describe('language layer: what is no promise in a procedure', () => {
  const rejected = (text: string) => {
    const s = step({ Customer: 'Gets in touch.', Frontstage: text });
    return { benefits: s.benefits.map((b) => b.text), reasons: (s.rejected ?? []).filter((r) => r.as === 'benefit').map((r) => `${r.text}: ${r.reason}`) };
  };

  it('carries a negation over the items of the list it governs', () => {
    const r = rejected('Never offer refunds, loan vehicles or compensation at the counter.');
    assert.deepEqual(r.benefits, []);
    assert.ok(
      r.reasons.some((x) => /^compensation: negated \(in the list governed by the negation of "loan vehicles"\)/.test(x)),
      r.reasons.join('; '),
    );
  });

  it('reads "left without X" as what the customer lacks, not an effort spared', () => {
    const r = rejected('Escalate at once: a resident left without heating over the weekend.');
    assert.deepEqual(r.benefits, []);
    assert.ok(
      r.reasons.some((x) => /what the customer lacks \("left without"\)/.test(x)),
      r.reasons.join('; '),
    );
  });

  it('reads a benefit bounded from below by an amount as a threshold that routes a case', () => {
    const r = rejected('Hand over to a supervisor when the refund would be over £80.');
    assert.deepEqual(r.benefits, []);
    assert.ok(
      r.reasons.some((x) => /^refund: a threshold/.test(x)),
      r.reasons.join('; '),
    );
    // bounded from above it stays a promise with a limit
    assert.deepEqual(rejected('Refunds up to £80 on the spot.').benefits.length > 0, true);
  });

  it('reads the speed of a handoff to a colleague as staff urgency, and a share of cases as a measure', () => {
    assert.deepEqual(rejected('Radio the shift supervisor straight away if a rider is hurt.').benefits, []);
    assert.deepEqual(rejected('Same day: passed to the facilities team.').benefits, []);
    assert.deepEqual(rejected('Ticket answer rate: 85% within 30 seconds.').benefits, []);
    // the customer's own speed promise stays
    assert.deepEqual(rejected('The rider is seen by a first aider within 5 minutes.').benefits, ['within 5 minutes']);
  });

  it('reads the speed or availability of software as its performance, kept by no employee', () => {
    assert.deepEqual(rejected('Booking page: loads within 2 seconds.').benefits, []);
    assert.deepEqual(rejected('Push notifications: immediate.').benefits, []);
    assert.deepEqual(rejected('Parish website: 24/7 availability.').benefits, []);
  });

  it('reads a customer simply choosing as an action, and a choice offered as a benefit', () => {
    assert.deepEqual(step({ Customer: 'Chooses a size from the drop-down menu.', Frontstage: 'Packs the order.' }).benefits, []);
    assert.ok(step({ Customer: 'Can choose any delivery slot.', Frontstage: 'Packs the order.' }).benefits.length > 0);
  });

  it('reads what staff are told to prioritise as a goal, and a field of a record as a field', () => {
    assert.deepEqual(rejected('Prioritise immediate resolution for repeat callers.').benefits, []);
    assert.deepEqual(rejected('Each call is logged with: caller name, plot number, refund offered, follow-up date.').benefits, []);
  });
});

describe('language layer: decisions that are none', () => {
  const decisions = (text: string) =>
    lint(`---\nblueprint: true\n---\n# B\n\n## The step\n\n- **Customer:** Arrives.\n- **Frontstage:** ${text}\n`, { filePath: 'b.md' }).findings.filter((f) => f.ruleId === 'decision-needs-authority')
      .length;

  it('reads "comp" as giving away only something the customer pays for', () => {
    assert.equal(decisions('The engineer comps the best vocal takes into one track.'), 0);
    assert.equal(decisions('The host comps the dessert when the kitchen is slow.'), 1);
  });

  it('reads a price for everyone as the company’s offer, not a decision left to the employee', () => {
    assert.equal(decisions('Sends the proofs the same evening, free of charge.'), 0);
    assert.equal(decisions('The host may replace it free of charge.'), 1);
  });
});

describe('language layer: terse notes and other voices', () => {
  it('reads "same + person" without its article, "for him / her" with a place after it, and "no need of + verb"', () => {
    assert.deepEqual(
      step({ Customer: 'Books the next trim.', Frontstage: 'Same locksmith on every call-out if they ask.' }).benefits.map((b) => b.why),
      ['the-same+person: Same locksmith'],
    );
    assert.deepEqual(
      step({ Customer: 'Hands in the form.', Frontstage: 'We fill in the second page for her at the desk.' }).benefits.map((b) => b.why),
      ['done-for-customer: for her'],
    );
    assert.deepEqual(
      step({ Customer: 'No need of printing the ticket.', Frontstage: 'Scans the phone.' }).benefits.map((b) => b.why),
      ['no-need-to+verb: No need of printing'],
    );
  });

  it('reads cases past a threshold that go to a named person as who decides', () => {
    const s = step({ Customer: 'Gets the deposit back within 2 days.', Frontstage: 'The clerk returns deposits under £300 herself; larger amounts go to the branch manager.' });
    assert.deepEqual(
      s.supports.map((x) => x.why),
      ['threshold-route: larger amounts go to the branch manager'],
    );
    const r = lint('---\nblueprint: true\n---\n# B\n\n## S\n\n- **Customer:** Asks for a refund.\n- **Frontstage:** Refunds over $500 go to the duty manager.\n', { filePath: 'b.md' });
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'decision-needs-authority'),
      [],
    );
  });
});

describe('language layer: what staff hand over', () => {
  it('does not count a tool staff send or give to the customer as the employee’s tool', () => {
    const s = step({ Customer: 'Gets a packing list made for their trip, so nothing is forgotten.', Frontstage: 'Posts the checklist to the member the same day.' });
    assert.deepEqual(
      s.supports.map((x) => x.text),
      [],
    );
    assert.ok(
      s.rejected?.some((r) => r.as === 'support' && /given to the customer/.test(r.reason)),
      JSON.stringify(s.rejected),
    );
    // the employee's own checklist stays a tool
    assert.deepEqual(
      step({ Customer: 'Gets the room ready on arrival.', Frontstage: 'Checks the room against the arrival checklist.' }).supports.map((x) => x.text),
      ['checklist'],
    );
  });
});

describe('language layer: charges lifted', () => {
  it('reads "no + (modifiers) + charge" and a charge taken off or waived as money, not when negated', () => {
    assert.deepEqual(
      step({ Customer: 'Loses the locker key.', Frontstage: 'The attendant opens it with the master key, no lost-key fine.' }).benefits.map((b) => b.why),
      ['no+charge: no lost-key fine'],
    );
    assert.deepEqual(
      step({ Customer: 'Gets the booking penalty taken off after the flood.', Frontstage: 'Updates the account.' }).benefits.map((b) => b.why),
      ['charge-removed: penalty taken off'],
    );
    assert.deepEqual(step({ Customer: 'Asks about the deposit.', Frontstage: 'The deposit is not refunded after the deadline.' }).benefits, []);
    // one absence listed after another is one more promise, not negated by the first
    assert.deepEqual(
      step({ Customer: 'Service moved with no new contract and no setup fee.', Frontstage: 'Books the move.' }).benefits.map((b) => b.text),
      ['no setup fee'],
    );
  });

  it('does not count a support lane naming only what the customer holds, whoever the customer lane names', () => {
    const lanes = (support: string) => step({ Shipper: 'Books next business day collection.', Support: support });
    assert.deepEqual(
      lanes("Shipper's own portal login and ERP connector").rejected?.map((r) => r.reason),
      ["customer's own tool (the support lane names what the customer holds)"],
    );
    assert.deepEqual(lanes("Shipper's own portal login and ERP connector").supports, []);
    assert.deepEqual(lanes('Rider app (photo upload screen)').supports, []);
    assert.deepEqual(
      lanes('Booking desk app used by the planners').supports.map((p) => p.text),
      ['desk app'],
    );
    // the thing after a brand or modifier, and a note that it faces the customer
    assert.deepEqual(lanes('The shipper’s own Acme Freight app.').supports, []);
    assert.deepEqual(lanes('Tracking page (shipper-facing)').supports, []);
    assert.deepEqual(
      lanes('Tracking page (staff-facing)').supports.map((p) => p.text),
      ['Tracking page (staff-facing)'],
    );
  });

  it("does not count a support lane that only points to another step, or holds an export's empty-cell marker", () => {
    const lanes = (support: string) => step({ Shipper: 'Gets an interest-free payment plan.', Support: support });
    for (const text of ['As above.', 'Same as above', 'Same as S.No. 4.', 'Same as step 2', 'See row 3', 'Ditto', 'NaN', 'null']) {
      assert.deepEqual(lanes(text).supports, [], text);
    }
    assert.deepEqual(
      lanes('As above.').rejected?.map((r) => r.reason),
      ['only points to another step (the support lane names nothing for this one)'],
    );
    assert.deepEqual(
      lanes('As above, plus the credit team on call').supports.map((p) => p.text),
      ['on call'],
    );
  });

  it('does not count a support lane that says nothing is in place, or names a gap or a plan', () => {
    const lanes = (support: string) => step({ Shipper: 'Gets an interest-free payment plan.', Support: support });
    for (const text of [
      'Not observed',
      'nobody really, whoever is free',
      "Whoever's on.",
      'Capability gap: plans are set up by hand',
      'Roadmap item (Q3): self-service plans',
      'Depends on goodwill, nothing set aside',
    ]) {
      assert.deepEqual(lanes(text).supports, [], text);
    }
    assert.deepEqual(lanes('🟩 nothing yet, to discuss').supports, []);
    assert.deepEqual(lanes('Shippers use their own label printers').supports, []);
    assert.deepEqual(
      lanes('Not observed').rejected?.map((r) => r.reason),
      ['nothing in place (the support lane says what is missing or planned)'],
    );
    assert.deepEqual(
      lanes('Credit team on call until 8pm').supports.map((p) => p.text),
      ['on call'],
    );
    // one sentence saying the thing it names is missing; a second sentence may still name what is there
    assert.deepEqual(lanes('Call script is not existing yet, each agent says it their own way').supports, []);
    assert.deepEqual(lanes("The plan template doesn't exist yet").supports, []);
    assert.deepEqual(lanes('Depends what people donate. No parts budget.').supports, []);
    assert.deepEqual(lanes('No manager sign-off needed under £50.').supports.length > 0, true);
    // "none" or "n/a" opening the lane, and a lane saying the customer does it on their own device
    assert.deepEqual(lanes('none on our side, the shipper does it from the portal').supports, []);
    assert.deepEqual(lanes("n/a, it's the shipper's own app").supports, []);
    assert.deepEqual(lanes('The shipper books through the online portal on their own device.').supports, []);
    assert.deepEqual(lanes("The shippers' own phones, from the numbers they gave.").supports, []);
    assert.deepEqual(
      lanes('Plan template not built yet. Agents use the CRM.').supports.map((p) => p.text),
      ['CRM'],
    );
    // support that waits on capacity, on something spare, on asking around, on a decision, or that is only asked for
    for (const text of [
      'Finance to send the plan "as capacity allows"',
      "ask the depot if there's a van spare that week",
      'If the adviser is off: ask around',
      'To be decided. Sam has asked for a second scanner and I have not yet made up my mind.',
      'For now my own mobile, I pick up when I can. We need a rota!',
      'the portal on the phone of the shipper.',
      'TBC. Used to have a protected hour for this, lost in the January rota.',
      'Courier contract still not signed. TBC',
      'Label printer died in October; we borrow the shop\'s one when they let us. Engineer says "when he can"',
      "labels - last box ran out, new lot not ordered. We'll manage",
      "The tablet cracked in August and nobody's ordered a new one, so for now it's your own phone.",
      "We've no spare scanners left this season. If it's busy, ask around.",
      "TBC. The stencil box went walkabout at half-term and nothing's been bought since",
      'Route software and a big screen in the office. [the licence lapsed in June. The "big screen" is my laptop.]',
      "nobody's set up a way to do it in the booking system yet, so agents fudge it. TODO @sam",
    ]) {
      assert.deepEqual(lanes(text).supports, [], text);
    }
    // a kit or a meter named for the work it does is a tool in staff hands
    assert.deepEqual(
      step({ Shipper: 'Gets a free valuation.', Frontstage: 'Tests the ring with the acid kit and the electronic tester.' }).supports.map((p) => p.text),
      ['acid kit', 'electronic tester'],
    );
    // a word inside a page's path names the page, not a tool
    assert.deepEqual(
      lanes('Agents use the CRM, see [[depot.tools.crm-guide]]').supports.map((p) => p.text),
      ['CRM'],
    );
    // a cell that is only a status or an admission
    for (const text of ['Planned', 'Requested', 'Ad hoc', 'Best efforts', 'Personal mobile', 'Manager approval required', '✗ none', 'Pending budget', 'Whoever picks it up']) {
      assert.deepEqual(lanes(text).supports, [], text);
    }
    assert.deepEqual(
      lanes('Staff manual').supports.map((p) => p.text),
      ['Staff manual'],
    );
    // a spare said to be broken leaves the one in use
    assert.deepEqual(
      lanes('Card reader at the desk. The spare card reader is broken.').supports.map((p) => p.text),
      ['Card reader'],
    );
    // a gap in one clause leaves the next: what happens automatically a system does
    assert.deepEqual(
      lanes('the card budget was cut in May, but the discount comes off automatically when they rebook.').supports.map((p) => [p.text, p.kind]),
      [['automatically', 'tool']],
    );
  });

  it('does not count a support lane that only says whose approval the employee must get', () => {
    const lanes = (support: string) => step({ Shipper: 'Gets an interest-free payment plan.', Support: support });
    assert.deepEqual(lanes('Any payment plan needs approval from the credit team first.').supports, []);
    assert.deepEqual(lanes('Payment plans: ask the credit manager.').supports, []);
    assert.deepEqual(lanes('Plans over 12 months must be signed off by the credit manager.').supports, []);
    assert.deepEqual(lanes("The shipper's own photos, uploaded through the portal").supports, []);
    // a signature needed, or a power only a superior holds; a pronoun's own thing; what lives in the customer's app
    assert.deepEqual(lanes("Plans need the Secretary's signature.").supports, []);
    assert.deepEqual(lanes('Payment plans: credit manager only.').supports, []);
    assert.deepEqual(lanes('Her own phone, for the photo.').supports, []);
    assert.deepEqual(lanes("Plan codes live in the shipper's app").supports, []);
    assert.deepEqual(lanes('Credit manager signs plans off; agents may agree up to 3 months.').supports.length, 1);
    // someone else's yes that must come first
    assert.deepEqual(lanes('The credit manager has to say yes first.').supports, []);
    assert.deepEqual(lanes("A plan starts only once the credit team has OK'd it.").supports, []);
    assert.deepEqual(
      lanes('Any payment plan needs approval from the credit team first.').rejected?.map((r) => r.reason),
      ['an approval the employee must get, not their authority (the support lane names only whose OK is needed)'],
    );
    assert.deepEqual(
      lanes('Agents agree plans up to 12 months themselves.').supports.map((p) => p.entry),
      ['support lane'],
    );
  });

  it('does not count a messaging app the customer is reached by as the employee’s tool', () => {
    const s = step({ Customer: 'Tracks the pallet.', Frontstage: 'Proactive update at every scan, by email or WhatsApp.' });
    assert.deepEqual(s.supports, []);
    assert.deepEqual(
      s.rejected?.map((r) => [r.text, r.reason]),
      [['WhatsApp', 'a channel the customer is reached by ("by email or WhatsApp"), not the employee\'s tool']],
    );
    assert.deepEqual(
      step({ Customer: 'Tracks the pallet.', Frontstage: 'Proactive update at every scan; agents reply in Zendesk.' }).supports.map((p) => p.text),
      ['Zendesk'],
    );
  });

  it('reads what a text says is needed as a gap, not a promise, unless the need itself is spared', () => {
    const s = step({ Customer: 'Tracks the van.', Frontstage: 'Needs a tracking link and ETA freshness rules.' });
    assert.deepEqual(s.benefits, []);
    assert.deepEqual(
      s.rejected?.map((r) => [r.text, r.reason]),
      [['tracking link', 'a need ("needs"), not a promise']],
    );
    assert.deepEqual(
      step({ Customer: 'Needs no appointment and is seen the same day.' }).benefits.map((b) => b.text),
      ['same day'],
    );
    assert.deepEqual(
      step({ Customer: 'Collects the order.', Frontstage: 'Anything missing is sent to the customer free of charge.' }).benefits.map((b) => b.text),
      ['free of charge'],
    );
  });

  it('reads a result line alone under a narrative as a summary, not a promise', () => {
    const text = [
      '---',
      'blueprint: true',
      '---',
      '# B',
      '',
      '## Example: playground repair',
      '',
      '1. Citizen reports a broken swing.',
      '2. Crew repairs it.',
      '',
      '**Outcome**: the citizen sees the issue resolved within a day.',
      '',
    ].join('\n');
    const [s] = lint(text, { filePath: 'b.md' }).blueprint.steps;
    assert.deepEqual(s!.benefits, []);
  });
});

describe('language layer: options offered, obligations lifted, ill treatment spared', () => {
  it('reads choosing among alternatives joined by "or" as a choice, and choosing one thing as an action', () => {
    assert.deepEqual(why({ Tenant: 'Picks a morning or an afternoon visit.', Frontstage: '—' }), ['choice-among: Picks a morning or an afternoon visit']);
    assert.deepEqual(why({ Tenant: 'Chooses a flat from the list.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'Reads the list.', Frontstage: 'The letting agent picks a flat or a house for them.' }), []);
  });

  it('reads three or more ways to do one thing as a choice, but not two, nor ways staff use', () => {
    assert.deepEqual(why({ Tenant: 'Pays rent online, by phone or at the housing office.', Frontstage: '—' }), ['ways-offered: online, by phone or at the housing office']);
    assert.deepEqual(why({ Tenant: 'Pays rent by standing order or by card.', Frontstage: '—' }), []);
    assert.deepEqual(
      why({ Tenant: 'Reads the notice.', Frontstage: 'The housing officer contacts tenants by letter, by phone or in person.' }).filter((w) => w.startsWith('ways')),
      [],
    );
  });

  it('reads "need not" and "is not required to" as a lifted obligation, unless an employee needs approval', () => {
    assert.deepEqual(why({ Tenant: 'Need not be at home for the meter reading.', Frontstage: '—' }), ['obligation-lifted: Need not be']);
    assert.deepEqual(why({ Tenant: 'Is not required to send the form back.', Frontstage: '—' }), ['obligation-lifted: not required to send']);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'The repairs officer is not required to ask the manager.' }), []);
  });

  it('reads a customer never turned away, rushed or kept waiting as spared, but not staff who are not rushed', () => {
    assert.deepEqual(why({ Tenant: 'Is never turned away at the drop-in.', Frontstage: '—' }), ['spared-ill-treatment: never turned away']);
    assert.deepEqual(why({ Tenant: 'Signs the lease. Nobody rushes them.', Frontstage: '—' }), ['spared-ill-treatment: Nobody rushes']);
    assert.deepEqual(why({ Tenant: 'Hands back the keys, so that no tenant is kept waiting for the deposit.', Frontstage: '—' }), ['spared-ill-treatment: no tenant is kept waiting']);
    assert.deepEqual(
      why({ Tenant: 'Waits.', Frontstage: 'The surveyor is never rushed between visits.' }).filter((w) => w.startsWith('spared')),
      [],
    );
  });

  it('reads ", free" closing a clause and "included in the fee" as no charge', () => {
    assert.deepEqual(why({ Tenant: 'Gets a smoke alarm fitted on move-in day, free.', Frontstage: '—' }), ['comma-free: free']);
    assert.deepEqual(why({ Tenant: 'Gets the inventory report, included in the letting fee.', Frontstage: '—' }), ['included-in-price: included in the letting fee']);
    assert.deepEqual(why({ Tenant: 'Is free on Tuesday, busy on Wednesday.', Frontstage: '—' }), []);
  });

  it('reads "without seeing a GP" as a visit spared, and "without asking the manager" as an employee’s authority', () => {
    assert.deepEqual(why({ Tenant: 'Gets a repair booked without meeting a surveyor.', Frontstage: '—' }), ['without+verb: without meeting']);
    assert.deepEqual(
      why({ Tenant: 'Gets a rent holiday.', Frontstage: 'The officer agrees it without asking the manager.' }).filter((w) => w.startsWith('without')),
      [],
    );
  });

  it('reads "without + what the customer would have to bring" as ease, but not arriving without it', () => {
    assert.deepEqual(why({ Tenant: 'Collects the keys without an appointment.', Frontstage: '—' }), ['without+requirement: without an appointment']);
    assert.deepEqual(why({ Tenant: 'Turns up without a booking.', Frontstage: '—' }), []);
  });

  it('reads "the same <anyone> every time" as continuity, and "so (that) they know" as certainty', () => {
    assert.deepEqual(why({ Tenant: 'Gets the same parking bay every visit.', Frontstage: '—' }), ['the-same+each-time: the same parking bay every visit']);
    assert.deepEqual(why({ Tenant: 'Gets a text the day before with the fitter’s name, so they know who is coming.', Frontstage: '—' }), [
      'told-ahead: text the day before',
      'so-that-can: so they know',
    ]);
  });
});

describe('language layer: promises closing a clause and burdens cut down', () => {
  it('reads ", guaranteed" closing a sentence as said of it all, not negated by a "no" before the comma', () => {
    assert.deepEqual(why({ Tenant: 'The flat is sheeted every night so no rain gets in, guaranteed.', Frontstage: '—' }), ['vocabulary: guaranteed']);
    assert.deepEqual(why({ Tenant: 'The deposit is not guaranteed.', Frontstage: '—' }), []);
  });

  it('reads "only need to + verb" and "pay only the X" as a burden cut down to one thing', () => {
    assert.deepEqual(why({ Tenant: 'They only need to show the booking email.', Frontstage: '—' }), ['only+burden: only need to show the booking email']);
    assert.deepEqual(why({ Tenant: 'Pays only the postage.', Frontstage: '—' }), ['only+burden: Pays only the postage']);
  });

  it('reads "without (extra) payment / fee" as money, not as an effort spared', () => {
    assert.deepEqual(why({ Tenant: 'Can move in early without extra payment.', Frontstage: '—' }), ['without+charge: without extra payment']);
  });
});

describe('language layer: rights and certainty', () => {
  it('reads "is entitled to" and "can (also) claim" as a right the customer holds, not staff claiming', () => {
    assert.deepEqual(why({ Tenant: 'Tenants on a low income are entitled to a reduced rent.', Frontstage: '—' }), ['entitled-to: are entitled to a reduced rent']);
    assert.deepEqual(why({ Tenant: 'Can also claim what they spend on travel.', Frontstage: '—' }), ['can-claim: Can also claim']);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'The officer can claim overtime for evening visits.' }), []);
  });

  it('reads "nothing is a surprise" as certainty', () => {
    assert.deepEqual(why({ Tenant: 'Gets the inventory in advance so nothing is a surprise on the day.', Frontstage: '—' }), ['no-surprise: nothing is a surprise']);
  });

  it('reads a purpose clause "so nobody ..." in the customer’s sentence as trouble spared, not in a staff sentence', () => {
    assert.deepEqual(why({ Tenant: 'Hears what the survey found, so nobody finds out at the door.', Frontstage: '—' }), ['so-nobody: so nobody finds']);
    assert.deepEqual(why({ Tenant: 'Keys are left at the desk so that no tenant waits outside.', Frontstage: '—' }), ['so-nobody: so that no tenant waits']);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'The officer files the notes so nobody forgets them.' }), []);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'We text people when the keys are cut so nobody makes a wasted trip.' }), ['so-nobody: so nobody makes']);
  });

  it('reads "free" after a noun phrase opening its clause, before a participle, or before a plural tagged a verb', () => {
    assert.deepEqual(why({ Tenant: 'Gas check free if the boiler is new.', Frontstage: '—' }), ['noun+free: Gas check free']);
    assert.deepEqual(why({ Tenant: 'free chilled water in the lobby', Frontstage: '—' }), ['free+noun: free chilled water']);
    assert.deepEqual(why({ Tenant: 'gets free printable invites and a link', Frontstage: '—' }), ['free+noun: free printable invites']);
    assert.deepEqual(why({ Tenant: 'The flat is smoke-free and sugar free.', Frontstage: '—' }), []);
    // an ordinal opens the phrase; whom it is done for may come between the participle and "free"
    assert.deepEqual(why({ Tenant: 'first yearly gas check free.', Frontstage: '—' }), ['noun+free: first yearly gas check free']);
    assert.deepEqual(why({ Tenant: 'A copy of the inventory is posted to them free.', Frontstage: '—' }), ['verb+free: posted to them free']);
    assert.deepEqual(why({ Tenant: 'He posted it to the agent free.', Frontstage: '—' }), []);
    // an arrow ends a clause as a colon does
    assert.deepEqual(why({ Tenant: 'Missed visit → that month is free.', Frontstage: '—' }), ['thing-is-free: month is free']);
    // a hyphenated compound before the charge; staff ringing ahead; "so they never ..." spares the customer
    assert.deepEqual(why({ Tenant: 'No extra call-out charge for the return visit.', Frontstage: '—' }), ['no+charge: No extra call-out charge']);
    assert.deepEqual(why({ Tenant: 'The fitter comes in the slot, or we ring ahead if running late.', Frontstage: '—' }), ['told-ahead: ring ahead']);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'We remind them so they never miss a gas check.' }), ['so-never: so they never miss']);
    assert.deepEqual(why({ Tenant: 'Rings ahead to say they are coming.', Frontstage: '—' }), []);
    // a phrase the negation rejects gives way to a pattern that reads the negation with it
    assert.deepEqual(why({ Tenant: 'Gets a quote by phone, no home visit needed.', Frontstage: '—' }), ['nothing-needed: no home visit needed']);
    assert.deepEqual(why({ Tenant: 'Told it takes a week. No courtesy car is provided.', Frontstage: '—' }), []);
    // spared being woken; the deposit back in full; days to change one's mind
    assert.deepEqual(why({ Tenant: 'A lie-in at weekends. Nobody gets woken up for our convenience.', Frontstage: '—' }), ['spared-ill-treatment: Nobody gets woken']);
    assert.deepEqual(
      step({ Customer: '14 days to change their mind, with the deposit back in full.', Frontstage: '—' }).benefits.map((b) => b.text),
      ['14 days to change their mind', 'deposit back in full'],
    );
    // anything the customer gets a stated time ahead is notice; getting paid before a deadline is not
    assert.deepEqual(why({ Tenant: "Gets the inspector's name and photo 48 h before, in a text", Frontstage: '—' }), ["told-ahead: Gets the inspector's name and photo 48 h before"]);
    assert.deepEqual(why({ Tenant: 'Books online and gets a reminder two days before.', Frontstage: '—' }), ['told-ahead: reminder two days before']);
    assert.deepEqual(why({ Tenant: 'Gets paid two days before the deadline.', Frontstage: '—' }), []);
    // vocabulary: zero downtime, a time that works for them, proactive status updates
    assert.deepEqual(
      step({ Customer: 'Zero downtime, a slot that works for them, proactive status updates.', Frontstage: '—' }).benefits.map((b) => b.text),
      ['Zero downtime', 'that works for them', 'proactive status updates'],
    );
    // round the clock with a comma between
    assert.deepEqual(why({ Tenant: 'An emergency number 24 hours, 7 days, if the boiler fails.', Frontstage: '—' }), ['round-the-clock: 24 hours, 7 days']);
    // a burden spared, as a gerund; a sign's prohibition is none
    assert.deepEqual(why({ Tenant: 'On the day it is open-book, no memorising.', Frontstage: '—' }), ['no-burden: no memorising']);
    assert.deepEqual(why({ Tenant: 'No form-filling at the door.', Frontstage: '—' }), ['no-burden: No form-filling']);
    assert.deepEqual(why({ Tenant: 'No smoking in the yard.', Frontstage: '—' }), []);
    // continuity with a number before the people
    assert.deepEqual(why({ Tenant: 'The same two cleaners every week.', Frontstage: '—' }), ['the-same+each-time: The same two cleaners every week']);
    // a turnaround: the thing back, ready or done in a stated time
    assert.deepEqual(why({ Tenant: 'Keys back in 48 hours.', Frontstage: '—' }).length, 1);
  });

  it('reads "<thing> on us", "no X or Y needed" and "free to <people>" as given, not "depends on us" or an approval', () => {
    assert.deepEqual(why({ Tenant: 'Meets the warden at 7pm, pizza on us', Frontstage: '—' }), ['on-us: pizza on us']);
    assert.deepEqual(why({ Tenant: 'Hands over the keys, no forms or photos needed from you.', Frontstage: '—' }), ['nothing-needed: no forms or photos needed']);
    assert.deepEqual(why({ Tenant: 'Parks by the office; the laundry and showers are free to tenants.', Frontstage: '—' }), ['thing-is-free: showers are free']);
    assert.deepEqual(why({ Tenant: 'It depends on us.', Frontstage: 'No manager sign-off needed.' }), []);
  });

  it('reads "pays what it costs us to replace it" as bought, not given', () => {
    assert.deepEqual(why({ Tenant: 'If a key is lost the tenant pays what it costs us to replace it.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'We replace it the same day.', Frontstage: '—' }).length > 0, true);
  });

  it('reads "at the firm’s expense" as money and "is not simply turned away" as spared, not the customer’s own expense', () => {
    assert.deepEqual(why({ Tenant: 'A survey is arranged at the Council’s expense.', Frontstage: '—' }), ['at-firm-expense: at the Council’s expense']);
    assert.deepEqual(why({ Tenant: 'A survey is arranged at the tenant’s expense.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'The tenant is not simply turned away.', Frontstage: '—' }), ['spared-ill-treatment: not simply turned away']);
  });

  it('reads the customer told ahead or warned of a change as certainty, not staff told or customers calling', () => {
    assert.deepEqual(why({ Tenant: 'Is told before signing whether the flat has a meter.', Frontstage: '—' }), ['told-ahead: told before']);
    assert.deepEqual(why({ Tenant: "Receives a text two days before, with the officer's name.", Frontstage: '—' }), ['told-ahead: text two days before']);
    assert.deepEqual(why({ Tenant: 'Gets a call if the fitter is running late.', Frontstage: '—' }), ['told-of-change: call if the fitter is running late']);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: "We text them the fitter's name the day before." }), ["told-ahead: text them the fitter's name the day before"]);
    assert.deepEqual(why({ Tenant: "Text the day before with the fitter's name.", Frontstage: '—' }), ['told-ahead: Text the day before']);
    assert.deepEqual(why({ Tenant: 'Calls the office before 10am to book.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'The officer is told before the visit which flat it is.' }), []);
    assert.deepEqual(why({ Tenant: 'Waits.', Frontstage: 'Calls from tenants before 9am go to voicemail.' }), []);
    assert.deepEqual(why({ Tenant: 'Gets a text with the booking reference.', Frontstage: '—' }), []);
  });

  it('reads a bare "Owner" lane written first, before staff lanes, as the customer, and an owner column of the process as other', () => {
    const s = step({ Owner: 'Books the op online.', Frontstage: 'Adds it to the surgery list.' });
    assert.deepEqual(
      s.lanes.map((l) => l.kind),
      ['customer', 'frontstage'],
    );
    assert.deepEqual(
      step({ Customer: 'Books online.', Owner: 'Ops team', Frontstage: 'Confirms.' }).lanes.map((l) => l.kind),
      ['customer', 'other', 'frontstage'],
    );
  });
});

describe('language layer: gains that are not the customer’s', () => {
  const rejected = (lanes: Record<string, string>) => (step(lanes).rejected ?? []).map((r) => r.reason.replace(/ \[.*\]$/, ''));

  it('reads what a staff lane’s own actor receives as a staff perk, not what they get the customer', () => {
    assert.deepEqual(step({ Tenant: 'Leaves a review.', Frontstage: 'Gets a £5 voucher for every five-star review.' }).benefits, []);
    assert.ok(rejected({ Tenant: 'Leaves a review.', Frontstage: 'Gets a £5 voucher for every five-star review.' }).some((r) => r.startsWith("the staff's own gain")));
    assert.deepEqual(
      step({ Tenant: 'Waits.', Frontstage: 'Gets them a free taxi home.' }).benefits.map((b) => b.text),
      ['free taxi'],
    );
  });

  it('reads a benefit bought for an amount or a charge as a paid extra', () => {
    assert.deepEqual(step({ Tenant: 'Loses the key.', Frontstage: 'Explains the £40 fee for a replacement.' }).benefits, []);
  });

  it('reads a gain stated in the relative clause after it ("which cuts our costs") as the company’s', () => {
    assert.deepEqual(step({ Tenant: 'Agrees to e-statements.', Frontstage: 'Switches the account to paperless, which cuts our postage costs.' }).benefits, []);
  });
});

describe('language layer: doing it alone', () => {
  it('reads "can + verb ... himself / herself / themselves" in a staff lane as authority, not a customer doing it', () => {
    const supports = (lanes: Record<string, string>) => step(lanes).supports.map((p) => p.why?.split(':')[0]);
    assert.deepEqual(supports({ Tenant: 'Gets a free week.', Frontstage: 'The officer can move the date himself.' }), ['can+self']);
    assert.deepEqual(supports({ Tenant: 'Gets a free week.', Frontstage: 'Tenants can fix small faults themselves.' }), []);
  });
});

describe('language layer: rights given and support lanes that name nothing settled', () => {
  const held = (support: string) => step({ Tenant: 'Gets an interest-free payment plan.', Support: support }).supports.map((p) => p.text);

  it('reads "can ask for", "may request", "has the right to" and "is entitled to" as a right the customer is given', () => {
    assert.deepEqual(why({ Tenant: 'Can ask for their meter reading to be checked again.', Frontstage: '—' }), ['may-ask: Can ask for']);
    assert.deepEqual(why({ Tenant: 'They may request a second inspection.', Frontstage: '—' }), ['may-ask: may request']);
    assert.deepEqual(why({ Tenant: 'Tenants have the right to a second inspection.', Frontstage: '—' }), ['right-to: have the right to a second inspection']);
    // a request made, a right refused, and staff's leave are none
    assert.deepEqual(why({ Tenant: 'Asks for a second inspection.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'They cannot ask for a second inspection.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Tenant: 'The officer can request a second inspection.', Frontstage: '—' }), []);
    // what they chose is no option given
    assert.deepEqual(why({ Tenant: 'Names us as their first choice on the form.', Frontstage: '—' }), []);
  });

  it('does not count a support lane naming someone else’s yes first, goodwill, or a thing not done or still to come', () => {
    for (const text of [
      'Rent holidays: ring the housing manager first, every time.',
      'Plans only if the income officer approves each one.',
      "The caretaker's goodwill.",
      'I keep meaning to write a checklist. Not done.',
      'Nil as of now. Arrears tool licence is under procurement (TBC).',
      "We'll see how we get on.",
      'as step 4.',
      'The manager expects 90% of calls answered within a minute (weekly audit).',
      'Repair budget still to be agreed; no fitters confirmed for the month yet.',
    ]) {
      assert.deepEqual(held(text), [], text);
    }
    assert.deepEqual(held('Checklist not done yet. Officers use the arrears system.'), ['system']);
    // a support named in a "whoever" sentence is nobody's job
    assert.deepEqual(step({ Tenant: 'Gets a call within a day.', Frontstage: 'Whoever has a spare moment on the late shift rings.' }).supports, []);
    assert.deepEqual(
      step({ Tenant: 'Gets a call within a day.', Frontstage: 'The officer on the late shift rings.' }).supports.map((p) => p.text),
      ['on the late shift'],
    );
  });
});

describe('language layer: purpose clauses that state the customer’s gain', () => {
  it('reads "so there is nothing / a single / always ..." as a chore gone or a certainty, not in a staff sentence', () => {
    assert.deepEqual(why({ Tenant: 'The lease comes filled in, so there is nothing for the tenant to write in.', Frontstage: '—' }), ['so-there-is: so there is nothing for the tenant to write in.']);
    assert.deepEqual(why({ Tenant: 'One statement a quarter, so there is a single payment to make.', Frontstage: '—' }), ['so-there-is: so there is a single payment to make']);
    assert.deepEqual(why({ Tenant: 'Books ahead.', Frontstage: 'The officer keeps the rota full, so there is no gap.' }), []);
  });

  it('reads "so they only / straight / get to ..." and "left sitting" or "left out" as trouble spared', () => {
    assert.deepEqual(why({ Tenant: 'We send the keys ahead, so they go straight to the flat on moving day.', Frontstage: '—' }), ['so-that-can: so they go straight to the flat on moving day']);
    assert.deepEqual(why({ Tenant: 'We deal with the council, so they only pay the deposit.', Frontstage: '—' }), ['so-that-can: so they only pay the deposit']);
    assert.deepEqual(why({ Tenant: 'A spare room, so the tenants actually get to rest.', Frontstage: '—' }), ['so-that-can: so the tenants actually get to rest']);
    assert.deepEqual(why({ Tenant: 'A second van is sent so that no tenant is left sitting on the kerb.', Frontstage: '—' }), ['spared-ill-treatment: no tenant is left sitting']);
  });

  it('reads "can follow / track the status or progress" as information, and a lane opening "Told ..." as the customer told', () => {
    assert.deepEqual(why({ Tenant: 'Can track the progress of their repair online.', Frontstage: '—' }), ['can-track: Can track the progress']);
    assert.deepEqual(why({ Tenant: 'Books a repair.', Frontstage: 'The officer can check the repair status.' }), []);
    assert.deepEqual(why({ Tenant: 'Told the visit date a week before the work starts.', Frontstage: '—' }), ['told-ahead: Told the visit date a week before']);
  });

  it('reads what the customer finds or walks into already prepared as work done for them, not a fact found', () => {
    assert.deepEqual(why({ Tenant: 'Finds the boiler serviced and the keys labelled.', Frontstage: '—' }), ['found-ready: Finds the boiler serviced and the keys labelled']);
    assert.deepEqual(why({ Tenant: 'Walks into a flat with the beds already made up.', Frontstage: '—' }), ['already-done: already made']);
    assert.deepEqual(why({ Tenant: 'Finds the office closed.', Frontstage: '—' }), []);
  });

  it('reads "made to feel awkward" as ill treatment spared, pay-what-you-can and "no hanging around" as promises', () => {
    assert.deepEqual(why({ Tenant: 'Nobody is made to feel rushed at the viewing.', Frontstage: '—' }), ['spared-ill-treatment: Nobody is made to feel']);
    assert.deepEqual(why({ Tenant: 'Pays what they can for the first month.', Frontstage: '—' }), ['vocabulary: Pays what they can']);
    assert.deepEqual(why({ Tenant: 'Keys handed over at the door, no hanging around.', Frontstage: '—' }), ['vocabulary: no hanging around']);
    assert.deepEqual(why({ Tenant: 'Reports a leak.', Frontstage: 'The officer finds the boiler serviced.' }), []);
  });
});

describe('language layer: gains and supports in plain people’s words', () => {
  it('reads "so they can ... for themselves" as the customer’s gain, not the employee’s authority', () => {
    const s = step({ Customer: 'Drops off the boots.', Frontstage: 'Emails photos of the worn sole, so they can judge the wear for themselves.', Support: '—' });
    assert.deepEqual([s.benefits.map((b) => b.why?.split(':')[0]), s.supports], [['so-that-can'], []]);
  });

  it('reads a time opening the sentence before the message, "X, on us", leaving with something, "reprint them free" and ", free," as gains', () => {
    assert.deepEqual(why({ Customer: 'Two days before, they get a message with the meeting point.', Frontstage: '—' }), ['told-ahead: days before, they get a message']);
    assert.deepEqual(why({ Guest: 'A slice of cake with the tea, on us.', Frontstage: '—' }), ['on-us: tea, on us']);
    assert.deepEqual(why({ Learner: 'Leaves with a printed certificate for the course.', Frontstage: '—' }), ['leaves-with: Leaves with a printed certificate for the course']);
    assert.deepEqual(why({ Learner: 'Leaves with the bill.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Learner: 'Loses the card.', Frontstage: "We'll reprint them free if they are lost." }), ['done-free: reprint them free']);
    assert.deepEqual(why({ Driver: 'Parks right by the door, free, no walking far.', Frontstage: '—' }), ['comma-free: free']);
  });

  it('reads what is sold as the company’s gain, and a power given to whoever is on duty as authority', () => {
    assert.deepEqual(why({ Customer: 'Leaves.', Frontstage: 'Asks for a review; the reviews sell the gift cards.' }), []);
    assert.ok(!flagged({ Customer: 'Gets a refund on the spot.', Frontstage: 'Whoever is on can refund up to £30 themselves.', Support: '—' }));
  });
});

describe('promises in other people’s words, and support that is only a gate', () => {
  it('reads a thing said to be free through its pronoun, and a thing sent or fixed "back free", never a person who is free', () => {
    assert.deepEqual(why({ Client: 'Comes in for a skin test first. It’s free and quick.', Frontstage: '—' }), ['thing-is-free: It’s free']);
    assert.deepEqual(why({ Client: 'Rings about the lost scarf. We post it back free.', Frontstage: '—' }), ['done-free: post it back free']);
    assert.deepEqual(why({ Client: 'Asks if the stylist is free.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Client: 'Waits. If it is free, they take it.', Frontstage: '—' }), []);
  });

  it('counts an approval someone else gives for each case as no support, above a limit too, unless staff may give it themselves', () => {
    const gate = (support: string) => flagged({ Client: 'Gets a redo or their money back.', Frontstage: 'Says sorry.', Support: support });
    assert.deepEqual(
      [
        'Every refund has to go to the owner first.',
        'The area lead approves each goodwill payment, case by case.',
        'Billing is processing; the director approves each and every refund.',
        'Refunds need head office sign-off for each case.',
        'Any goodwill above £80 requires area lead approval for each case.',
        'Every goodwill code needs my OK before the desk can send it.',
        'Each loan is approved separately by the finance lead.',
        'Extra slots depend on the nurse in charge agreeing.',
        'Refund only by the outlet manager, each case.',
        'The discount is only given when the head of the unit signs.',
        'Every extension must be signed by the director.',
        'The associate dean must sign each nomination.',
        'The officer must write to the regional manager to ask.',
        'Finance pays the money; every advance requires the written approval of the director.',
        'Each stylist can approve a redo.',
      ].map(gate),
      [true, true, true, true, true, true, true, true, true, true, true, true, true, true, false],
    );
  });

  it('counts no support in a lane that says it is short, pending, in development, not shared, only in someone’s head or there when they have time', () => {
    const gap = (support: string) => flagged({ Client: 'Gets a free loan bike.', Frontstage: 'Hands it over.', Support: support });
    assert.deepEqual(
      [
        'Loan bikes run out on Saturdays. We are about ten bikes short.',
        'Loan bike scheme: business case pending.',
        'TBC: booking tool in development.',
        'Workshop diaries are not yet shared with the front desk.',
        'The mechanic’s memory, basically. Loans aren’t logged in the till.',
        'The café does it if they’ve got time.',
        'Only the manager can, and there isn’t always one on.',
        'Nothing written. The owner decides afterwards.',
        'One mechanic right now, with no stand.',
        'Riders book the swap from the rider app themselves.',
        'Their own phone. We are not giving any phone allowance.',
        'The loan sheet is not ready yet. Only me, and I work Mondays; nobody covers when I am off.',
        'Jo makes the loan cards by hand; nobody else knows how, and no time is planned for it.',
        'Mechanics carry 40+ open jobs each; recruitment is frozen.',
        'Spare bikes box empty since March.',
        'The big rack is broken, the lock does not close. The new rack is ordered, we still wait for it.',
        'Nothing, only the memory of who is on shift.',
        'TBA',
        'The shop owns two stands. Both are with the supplier for repair; a loan stand has been requested.',
        'Stand on back order since May.',
        'The van is at the garage waiting on a new engine. Borrowing a trailer when we can.',
        'The till is down, the reader too.',
        'Mileage allowance suspended; mechanics pay fares themselves.',
        'Mechanics keep their own lists. The shop phone forwards to my cell.',
        'Nothing organised, the owner does it if not too tired.',
        'No protected time. Visits are fitted in when it is quiet.',
        'The unit has no say over the transport.',
        'Tags: the order is delayed, stock zero since August.',
        'The vet line partner contract ended; the renewal is not agreed.',
        'A second splitter for winter, still haven’t found anyone.',
        'my phone I suppose',
        'Records clerk position vacant since March.',
        'The analysis server is defect since June.',
        'The contract with the tax advisor ended in May.',
        'Still to set up the instalment link with the bank.',
        'The plan list is on my phone only.',
        'No Sunday rota yet, I will call whoever is around.',
        'A named handler is not possible in the current set-up.',
        'Saturday overtime was requested for next year.',
        'Relies on colleagues’ goodwill.',
        'The press is the farmer’s own.',
        'Crews cut to one since April.',
        'Five loan bikes, serviced every Monday.',
        'The desk can lend one with no sign-off needed.',
      ].map(gap),
      [...Array<boolean>(42).fill(true), false, false],
    );
  });

  it('counts a thing another lane says is not to be had as no support there either, and leaves "with no more X" to the customer', () => {
    assert.ok(flagged({ Client: 'We carry it down any number of stairs.', Backstage: 'The crew ask the depot if there is a toolkit spare that day.', Support: '—' }));
    assert.ok(!flagged({ Client: 'Has had the same fault twice.', Frontstage: 'The problem manager takes over and gets them a spare laptop, with no more repair attempts.' }));
    assert.deepEqual(why({ Client: 'Shows the boiler.', Frontstage: 'Leaves the kitchen as found and hoovers up after the job.' }), [
      'vocabulary: Leaves the kitchen as found',
      'vocabulary: hoovers up after the job',
    ]);
  });

  it('reads staff knowing the customer ahead, a price in writing, a copy sent, needs respected, a time convenient to them, a friend sent instead and the moment it happens', () => {
    assert.deepEqual(why({ Client: 'Fills in a form so the trainer knows already before the first session.', Frontstage: '—' }), [
      'staff-know-ahead: so the trainer knows already before the first session',
    ]);
    assert.deepEqual(why({ Client: 'Gets the day rate in writing.', Frontstage: '—' }), ['vocabulary: rate in writing']);
    assert.deepEqual(why({ Client: 'Gets copies of the weigh tickets.', Frontstage: '—' }), ['vocabulary: Gets copies of']);
    assert.deepEqual(why({ Client: 'Food allergies are respected.', Frontstage: '—' }), ['vocabulary: allergies are respected']);
    assert.deepEqual(why({ Client: 'A walkthrough at a time convenient to the site team.', Frontstage: '—' }), ['vocabulary: at a time convenient to']);
    assert.deepEqual(why({ Client: 'Can send a neighbour to collect.', Frontstage: '—' }), ['vocabulary: Can send a neighbour to collect']);
    assert.deepEqual(why({ Client: 'Gets a text the moment the parcel lands.', Frontstage: '—' }), ['vocabulary: a text the moment']);
  });

  it('reads prices below the usual, no interest, nothing to pay for a return, someone always watching, a status seen any time and a worry spared', () => {
    assert.deepEqual(why({ Client: 'Can borrow again at 1.5% per month instead of 2%.', Frontstage: '—' }), ['vocabulary: 1.5% per month instead of 2%']);
    assert.deepEqual(why({ Client: 'May pay 30 days later without interest.', Frontstage: '—' }), ['vocabulary: without interest']);
    assert.deepEqual(why({ Client: 'Gets a reply-paid envelope, so sending it back costs nothing.', Frontstage: '—' }), ['vocabulary: reply-paid envelope', 'vocabulary: costs nothing']);
    assert.deepEqual(why({ Client: 'Swims; someone is always watching from the jetty.', Frontstage: '—' }), ['vocabulary: someone is always watching']);
    assert.deepEqual(why({ Client: 'Can check any time where the order is.', Frontstage: '—' }), ['vocabulary: check any time']);
    assert.deepEqual(why({ Client: 'Hears each step, instead of lying there wondering.', Frontstage: '—' }), ['vocabulary: instead of lying there wondering']);
    assert.deepEqual(why({ Client: 'Sees a cheaper price elsewhere and asks for the difference.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Client: 'Loose buttons? We re-tuft them free.', Frontstage: '—' }), ['done-free: re-tuft them free']);
  });

  it('reads a loaner lent, a photo of the work sent, a way through despite the obstacle, all asked in one go and a thing topped up free', () => {
    assert.deepEqual(why({ Client: 'Waits for the part; gets a loaner guitar if it takes a week.', Frontstage: '—' }), ['free+noun: loaner guitar']);
    assert.deepEqual(why({ Client: 'Waits.', Frontstage: 'The inspector texts the client a photo of the signed tag.' }), ['vocabulary: texts the client a photo']);
    assert.deepEqual(why({ Client: 'Can still register with a letter from the chief.', Frontstage: '—' }), ['vocabulary: Can still register']);
    assert.deepEqual(why({ Client: 'Gets every question in one message.', Frontstage: '—' }), ['vocabulary: every question in one message']);
    assert.deepEqual(why({ Client: 'Gets the chair re-covered in three weeks or less.', Frontstage: '—' }), ['vocabulary: in three weeks or less']);
    assert.deepEqual(why({ Client: 'With the QR code she skips the ticket queue.', Frontstage: '—' }), ['vocabulary: skips the ticket queue']);
    assert.deepEqual(why({ Client: 'Picks from three fonts.', Frontstage: '—' }), ['vocabulary: Picks from three']);
    assert.deepEqual(why({ Client: 'Picks from the menu.', Frontstage: '—' }), []);
    assert.deepEqual(why({ Client: 'Within the warranty we come back free.', Frontstage: '—' }), ['vocabulary: come back free']);
    assert.deepEqual(why({ Client: 'Reckons the load is short; we will top it up free on the next run.', Frontstage: '—' }), ['done-free: top it up free']);
  });

  it('reads what is left for the customer to do, a price cut by a share or under their current bill, a time that suits them and no limit on what is done', () => {
    assert.deepEqual(why({ Client: 'Only needs to tell us the room.', Frontstage: '—' }), ['only+burden: Only needs to tell us']);
    assert.deepEqual(why({ Client: 'If we are late, the bill is 15% less.', Frontstage: '—' }), ['vocabulary: 15% less']);
    assert.deepEqual(why({ Client: 'Moves to a tariff that may be lower than their current bill.', Frontstage: '—' }), ['vocabulary: lower than their current bill']);
    assert.deepEqual(why({ Client: 'Gets a fitting at whatever time suits them.', Frontstage: '—' }), ['vocabulary: whatever time suits them']);
    assert.deepEqual(why({ Client: 'We carry it up any number of stairs.', Frontstage: '—' }), ['vocabulary: any number of stairs']);
    assert.deepEqual(why({ Client: 'We set it all up; they don’t lift a finger.', Frontstage: '—' }), ['vocabulary: don’t lift a finger']);
  });

  it('reads a fraction of the usual price, ready on day one, in the first week or overnight, settled before they leave, a shortlist received and a concession staff may grant', () => {
    assert.deepEqual(why({ Client: 'Glasses made up for half the high street price.', Frontstage: '—' }), ['vocabulary: half the high street price']);
    assert.deepEqual(why({ Client: 'Has a named mentor from day one.', Frontstage: '—' }), ['vocabulary: from day one']);
    assert.deepEqual(why({ Client: 'Meets their caseworker within the first week.', Frontstage: '—' }), ['vocabulary: within the first week']);
    assert.deepEqual(why({ Client: 'Receives a shortlist of three nurseries with places.', Frontstage: '—' }), ['vocabulary: Receives a shortlist']);
    assert.deepEqual(why({ Client: 'Arrives without the pass.', Frontstage: 'May let the visitor through once, after a phone check.' }), ['vocabulary: May let the visitor through']);
    assert.deepEqual(why({ Client: 'Shirts washed and dried overnight.', Frontstage: '—' }), ['vocabulary: dried overnight']);
    assert.deepEqual(why({ Client: 'Told the plan.', Frontstage: 'The next fitting is booked before they leave.' }), ['vocabulary: is booked before they leave']);
    // (a driver letting himself in lets no customer in)
    assert.deepEqual(why({ Client: 'Leaves a key in the safe.', Frontstage: 'Lets himself in.' }), []);
  });

  it('reads a slot made up later, work taken off their hands, a visit at home, things waiting for them, no limit on coming and going and a named person', () => {
    assert.deepEqual(why({ Client: 'A missed class can be made up in another group.', Frontstage: '—' }), ['vocabulary: can be made up']);
    assert.deepEqual(why({ Client: 'We take care of all the paperwork; they do nothing.', Frontstage: '—' }), ['vocabulary: take care of all the', 'vocabulary: they do nothing']);
    assert.deepEqual(why({ Client: 'Their mum is assessed at home. No trip in needed.', Frontstage: '—' }), ['vocabulary: assessed at home', 'vocabulary: No trip in']);
    assert.deepEqual(why({ Client: 'If the lift is out we carry it up the stairs for you.', Frontstage: '—' }), ['vocabulary: carry it up the stairs for you']);
    assert.deepEqual(why({ Client: 'Warm towels are waiting when they come back.', Frontstage: '—' }), ['vocabulary: are waiting when they come']);
    assert.deepEqual(why({ Client: 'You can leave and come back as often as you like.', Frontstage: '—' }), ['vocabulary: as often as you like']);
    assert.deepEqual(why({ Client: 'Welcomed by a named member of staff.', Frontstage: '—' }), ['vocabulary: Welcomed by a named member of staff']);
    assert.deepEqual(why({ Client: 'Photos by 3pm every single day.', Frontstage: '—' }), ['vocabulary: by 3pm every single day']);
    assert.deepEqual(why({ Client: 'Can check it from anywhere.', Frontstage: '—' }), ['vocabulary: check it from anywhere']);
  });

  it('reads being shown how, a wait kept for latecomers, a place left cleaner, their choice of week, a small gift, no need to come back and free within a distance', () => {
    assert.deepEqual(why({ Client: 'Every set gets tuned and they’re shown how to retune.', Frontstage: '—' }), ['vocabulary: they’re shown how to']);
    assert.deepEqual(why({ Client: 'I wait ten minutes for anyone who is late.', Frontstage: '—' }), ['vocabulary: wait ten minutes for anyone']);
    assert.deepEqual(why({ Client: 'The yard is left cleaner than we found it.', Frontstage: '—' }), ['vocabulary: left cleaner than']);
    assert.deepEqual(why({ Client: 'Selects the week for the works.', Frontstage: '—' }), ['vocabulary: Selects the week']);
    assert.deepEqual(why({ Client: 'At the end the child chooses a small present.', Frontstage: '—' }), ['vocabulary: small present']);
    assert.deepEqual(why({ Client: 'Results in the app, not necessary to come back.', Frontstage: '—' }), ['vocabulary: not necessary to come back']);
    assert.deepEqual(why({ Client: 'We drop it at the clubhouse free within five miles.', Frontstage: '—' }), ['vocabulary: free within five miles']);
  });

  it('reads a tool’s name ending in a past participle as the action done, not a tool ("Call logged")', () => {
    assert.deepEqual(
      step({ Client: 'Same-day phone help.', Backstage: 'Call logged.' }).supports.map((x) => x.text),
      [],
    );
    assert.deepEqual(
      step({ Client: 'Same-day phone help.', Backstage: 'Checks the call log.' }).supports.map((x) => x.text),
      ['call log'],
    );
  });
});
