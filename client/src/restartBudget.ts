// The crash restart budget on its own, free of `vscode` imports, so plain Node unit tests can load it.

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
