// The crash policy's decisions (restart budget, what a connection error does), free of `vscode` imports, so plain Node unit tests can load them.

/** Restarts allowed after crashes within RESTART_WINDOW_MS; one more crash in that window stops the restarts. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Counts crashes in a sliding window: a server that keeps crashing must not be restarted forever. */
export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    readonly max = MAX_RESTARTS,
    readonly windowMs = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  crashed(): boolean {
    const t = this.now();
    this.crashes = [...this.crashes.filter((c) => t - c < this.windowMs), t];
    return this.crashes.length <= this.max;
  }

  /** Crashes counted in the current window. */
  get recent(): number {
    const t = this.now();
    return this.crashes.filter((c) => t - c < this.windowMs).length;
  }

  /** A restart the user asked for starts a fresh budget. */
  reset(): void {
    this.crashes = [];
  }
}

/** Failed writes in a row that a live connection is allowed before the client shuts it down (the library's own rule). */
export const MAX_FAILED_WRITES = 3;
/** How long a failing connection gets to close: a killed server fails writes ("EPIPE", "Channel closed") before its exit is seen. */
export const CLOSE_GRACE_MS = 2_000;

type Timer = (fire: () => void, ms: number) => () => void;
const realTimer: Timer = (fire, ms) => {
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
};

/**
 * Tells a connection error whether the connection closed around it. An error of a dying server must leave the decision to
 * the close that follows (restart within the budget); shutting down on it stops the client for good instead.
 */
export class CloseSignal {
  private waiters = new Set<() => void>();
  private lastClose = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly timer: Timer = realTimer,
    private readonly now: () => number = Date.now,
  ) {}

  /** The connection closed: wakes every error waiting for it. */
  closed(): void {
    this.lastClose = this.now();
    for (const wake of [...this.waiters]) wake();
  }

  /** True when the connection closed in the last `ms`, or closes within the next `ms`. */
  closesAround(ms: number): Promise<boolean> {
    if (this.now() - this.lastClose <= ms) return Promise.resolve(true);
    return new Promise((resolve) => {
      let cancel = (): void => undefined;
      const settle = (closed: boolean): void => {
        this.waiters.delete(wake);
        cancel();
        resolve(closed);
      };
      const wake = (): void => settle(true);
      this.waiters.add(wake);
      cancel = this.timer(() => settle(false), ms);
    });
  }
}

/** What a connection error does: a few failed writes are survivable; anything more waits for a close, and shuts down without one. */
export async function connectionErrorAction(count: number | undefined, signal: CloseSignal, graceMs = CLOSE_GRACE_MS): Promise<'continue' | 'shutdown'> {
  if (count !== undefined && count <= MAX_FAILED_WRITES) return 'continue';
  return (await signal.closesAround(graceMs)) ? 'continue' : 'shutdown';
}
