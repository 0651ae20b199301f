// The one sentence splitter (language/sentences.ts), which the model's support reading and the rules' text units share.
import { strict as assert } from 'node:assert';
import { sentenceSpans } from '../../server/src/engine/language/sentences.js';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentence splitter', () => {
  it('ends a sentence at . ! ? and a clause at ; or :, leaving the spaces around out', () => {
    assert.deepEqual(split('  The guest arrives. Staff greet them!  Is it late? '), ['The guest arrives.', 'Staff greet them!', 'Is it late?']);
    assert.deepEqual(split('The sign-up happens in the product: the customer picks a plan; staff watch.'), ['The sign-up happens in the product:', 'the customer picks a plan;', 'staff watch.']);
  });

  it('keeps a sentence hard-wrapped over lines whole', () => {
    assert.deepEqual(split('Agents may refund up to\n$500 without asking.\nThe lead approves more.'), ['Agents may refund up to\n$500 without asking.', 'The lead approves more.']);
  });

  it('keeps a short label with its value, and a list a colon opens with its sentence', () => {
    assert.deepEqual(split('Website information: 24/7 availability'), ['Website information: 24/7 availability']);
    assert.deepEqual(split('Each call is logged with: caller name, plot number, refund offered.'), ['Each call is logged with: caller name, plot number, refund offered.']);
    // a long lead-in is a clause of its own: the value after it has its own subject
    assert.deepEqual(split('The receptionist checks the booking in the system: the guest waits.'), ['The receptionist checks the booking in the system:', 'the guest waits.']);
  });

  it('does not end a sentence at a dot inside a word or number', () => {
    assert.deepEqual(split('Costs $4.50 at example.com today. Done.'), ['Costs $4.50 at example.com today.', 'Done.']);
  });
});
