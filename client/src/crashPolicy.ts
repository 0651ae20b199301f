import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node.js';

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

export interface GaveUp {
  crashes: number;
  message: string;
}

/**
 * vscode-languageclient's error handler with our own bounded restart policy: it logs each restart, and when the
 * budget is spent it reports through `gaveUp` (the extension shows a message with a Restart action) instead of the
 * library's message, which has no action and whose count a manual restart does not reset.
 */
export class CrashErrorHandler implements ErrorHandler {
  constructor(
    private readonly budget: RestartBudget,
    private readonly log: (message: string) => void,
    private readonly gaveUp: (event: GaveUp) => void,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // the library's rule: a few broken messages are survivable, a stream of them is not
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (this.budget.crashed()) {
      const message = `Blueprint Lint: the language server stopped unexpectedly; restarting it (restart ${this.budget.recent} of ${this.budget.max} allowed in ${this.budget.windowMs / 60_000} minutes).`;
      this.log(message);
      return { action: CloseAction.Restart, message, handled: true };
    }
    const crashes = this.budget.recent;
    const message = `Blueprint Lint: the language server crashed ${crashes} times in ${this.budget.windowMs / 60_000} minutes and was not restarted. See the Blueprint Lint output for details.`;
    this.log(message);
    this.gaveUp({ crashes, message });
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }
}
