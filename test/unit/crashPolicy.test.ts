import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CLOSE_GRACE_MS, CloseSignal, connectionErrorAction, MAX_FAILED_WRITES, MAX_RESTARTS, RESTART_WINDOW_MS, RestartBudget } from '../../client/src/restartBudget.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000): { now: () => number; set: (t: number) => void; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (to) => (t = to), advance: (ms) => (t += ms) };
}

/** Crashes `n` times, one second apart; the answers of `crashed()`. */
function crashTimes(budget: RestartBudget, clock: ReturnType<typeof manualClock>, n: number): boolean[] {
  const answers: boolean[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) clock.advance(SECOND);
    answers.push(budget.crashed());
  }
  return answers;
}

describe('crash restart budget (client/src/restartBudget.ts)', () => {
  it('allows 5 restarts in 3 minutes by default', () => {
    assert.equal(MAX_RESTARTS, 5);
    assert.equal(RESTART_WINDOW_MS, 3 * MINUTE);
    const budget = new RestartBudget();
    assert.equal(budget.max, 5);
    assert.equal(budget.windowMs, 180_000);
  });

  it('restarts the first 5 crashes and refuses the sixth within the window', () => {
    const clock = manualClock();
    const budget = new RestartBudget(undefined, undefined, clock.now);
    assert.equal(budget.recent, 0);
    assert.deepEqual(crashTimes(budget, clock, 6), [true, true, true, true, true, false]);
    assert.equal(budget.recent, 6, 'the refused crash is counted too (the give-up message reports it)');
  });

  it('counts six crashes at the same instant as six', () => {
    const clock = manualClock();
    const budget = new RestartBudget(undefined, undefined, clock.now);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => budget.crashed()),
      [true, true, true, true, true, false],
    );
    assert.equal(budget.recent, 6);
  });

  it('slides the window: a crash exactly 3 minutes old no longer counts, one a millisecond younger does', () => {
    const clock = manualClock(0);
    const budget = new RestartBudget(undefined, undefined, clock.now);
    assert.deepEqual(crashTimes(budget, clock, 5), [true, true, true, true, true]); // at 0 s .. 4 s
    clock.set(3 * MINUTE - 1); // the first crash (at 0) is 1 ms short of 3 minutes old
    assert.equal(budget.recent, 5);
    assert.equal(budget.crashed(), false, 'six crashes within 3 minutes');

    const fresh = new RestartBudget(undefined, undefined, clock.now);
    clock.set(0);
    crashTimes(fresh, clock, 5); // at 0 s .. 4 s
    clock.set(3 * MINUTE); // the first crash has left the window
    assert.equal(fresh.recent, 4);
    assert.equal(fresh.crashed(), true, 'only five crashes in the last 3 minutes');
    assert.equal(fresh.recent, 5);
    clock.set(3 * MINUTE + 999); // the crash at 1 s is still 1 ms short of leaving
    assert.equal(fresh.crashed(), false);
  });

  it('forgets crashes older than the window, even after giving up', () => {
    const clock = manualClock(0);
    const budget = new RestartBudget(undefined, undefined, clock.now);
    assert.deepEqual(crashTimes(budget, clock, 6), [true, true, true, true, true, false]); // at 0 s .. 5 s
    clock.set(5 * SECOND + 3 * MINUTE - 1);
    assert.equal(budget.recent, 1, 'only the crash at 5 s is within the window');
    clock.set(5 * SECOND + 3 * MINUTE);
    assert.equal(budget.recent, 0);
    assert.equal(budget.crashed(), true);
    assert.equal(budget.recent, 1);
  });

  it('reset() starts a fresh budget: 5 more restarts, then a refusal', () => {
    const clock = manualClock();
    const budget = new RestartBudget(undefined, undefined, clock.now);
    assert.deepEqual(crashTimes(budget, clock, 6), [true, true, true, true, true, false]);
    budget.reset();
    assert.equal(budget.recent, 0);
    clock.advance(SECOND); // well within the window of the crashes before the reset
    assert.deepEqual(crashTimes(budget, clock, 6), [true, true, true, true, true, false]);
  });

  it('takes another limit and window', () => {
    const clock = manualClock(0);
    const budget = new RestartBudget(2, 10 * SECOND, clock.now);
    assert.deepEqual(crashTimes(budget, clock, 3), [true, true, false]); // at 0, 1, 2 s
    clock.set(11 * SECOND); // the crashes at 0 and 1 s have left the window
    assert.equal(budget.recent, 1);
    assert.equal(budget.crashed(), true);
    assert.equal(budget.crashed(), false);
  });

  it('reads the real clock when none is given', () => {
    const budget = new RestartBudget();
    assert.equal(budget.crashed(), true);
    assert.equal(budget.recent, 1);
  });

  it('agrees with counting the crashes of the last window since the last reset (any crash/reset sequence)', () => {
    type Event = { kind: 'crash'; gapMs: number } | { kind: 'reset' };
    const event: fc.Arbitrary<Event> = fc.oneof(
      fc.record({ kind: fc.constant('crash' as const), gapMs: fc.oneof(fc.integer({ min: 0, max: 2 * MINUTE }), fc.constant(0), fc.constant(3 * MINUTE)) }),
      fc.constant({ kind: 'reset' as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 * MINUTE }), fc.array(event, { maxLength: 40 }), (max, windowMs, events) => {
        const clock = manualClock(0);
        const budget = new RestartBudget(max, windowMs, clock.now);
        let since: number[] = []; // crash times since the last reset
        for (const e of events) {
          if (e.kind === 'reset') {
            budget.reset();
            since = [];
            continue;
          }
          clock.advance(e.gapMs);
          const t = clock.now();
          since.push(t);
          const inWindow = since.filter((c) => t - c < windowMs).length;
          assert.equal(budget.crashed(), inWindow <= max);
          assert.equal(budget.recent, inWindow);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Timers fired by hand, on the manual clock. */
function manualTimers(clock: ReturnType<typeof manualClock>) {
  const pending: { at: number; fire: () => void; cancelled: boolean }[] = [];
  return {
    timer: (fire: () => void, ms: number) => {
      const t = { at: clock.now() + ms, fire, cancelled: false };
      pending.push(t);
      return () => (t.cancelled = true);
    },
    /** Moves the clock and fires the timers that are due. */
    advance(ms: number): void {
      clock.advance(ms);
      for (const t of pending.filter((p) => !p.cancelled && p.at <= clock.now())) {
        t.cancelled = true;
        t.fire();
      }
    },
    get live(): number {
      return pending.filter((p) => !p.cancelled).length;
    },
  };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('connection errors (client/src/restartBudget.ts): a dying server is restarted, not shut down', () => {
  function setup() {
    const clock = manualClock(0);
    const timers = manualTimers(clock);
    return { clock, timers, signal: new CloseSignal(timers.timer, clock.now) };
  }

  it('continues after up to 3 failed writes in a row without waiting for anything', async () => {
    const { timers, signal } = setup();
    assert.equal(MAX_FAILED_WRITES, 3);
    assert.deepEqual(await Promise.all([1, 2, 3].map((n) => connectionErrorAction(n, signal))), ['continue', 'continue', 'continue']);
    assert.equal(timers.live, 0);
  });

  it('an error without a write count (the process\'s "Channel closed") continues when the connection closes within the grace', async () => {
    const { timers, signal } = setup();
    assert.equal(CLOSE_GRACE_MS, 2_000);
    let action: string | undefined;
    void connectionErrorAction(undefined, signal).then((a) => (action = a));
    timers.advance(1_999);
    await settled();
    assert.equal(action, undefined, 'still waiting for the close');
    signal.closed();
    await settled();
    assert.equal(action, 'continue');
    assert.equal(timers.live, 0, 'the grace timer is cancelled');
  });

  it('the 4th failed write and later ones wait for the close too: 20 writes to a killed server all continue', async () => {
    const { timers, signal } = setup();
    const actions: string[] = [];
    for (let n = 1; n <= 20; n++) void connectionErrorAction(n, signal).then((a) => actions.push(a));
    await settled();
    assert.equal(actions.length, 3);
    timers.advance(500);
    signal.closed();
    await settled();
    assert.deepEqual(actions, Array(20).fill('continue'));
  });

  it('an error just after a close belongs to the closed connection: it continues at once', async () => {
    const { clock, timers, signal } = setup();
    signal.closed();
    clock.advance(CLOSE_GRACE_MS);
    assert.equal(await connectionErrorAction(undefined, signal), 'continue');
    assert.equal(timers.live, 0);
  });

  it('shuts down when errors go on and the connection stays open past the grace', async () => {
    const { clock, timers, signal } = setup();
    signal.closed();
    clock.advance(CLOSE_GRACE_MS + 1); // an old close no longer counts
    const actions: string[] = [];
    void connectionErrorAction(4, signal).then((a) => actions.push(a));
    void connectionErrorAction(undefined, signal).then((a) => actions.push(a));
    timers.advance(CLOSE_GRACE_MS - 1);
    await settled();
    assert.deepEqual(actions, []);
    timers.advance(1);
    await settled();
    assert.deepEqual(actions, ['shutdown', 'shutdown']);
    signal.closed(); // a close after the decision changes nothing
    await settled();
    assert.deepEqual(actions, ['shutdown', 'shutdown']);
  });
});
