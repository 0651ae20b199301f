import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node.js';
import { CloseSignal, connectionErrorAction, type RestartBudget } from './restartBudget.js';

// the budget lives in its own module (no `vscode` import, unit-testable); re-exported for the extension
export { MAX_RESTARTS, RESTART_WINDOW_MS, RestartBudget } from './restartBudget.js';

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

  private readonly closes = new CloseSignal();

  async error(error: Error, _message: Message | undefined, count: number | undefined): Promise<ErrorHandlerResult> {
    // a killed server's writes fail before its exit is seen: shutting down then would stop the client instead of restarting it
    if ((await connectionErrorAction(count, this.closes)) === 'continue') {
      return { action: ErrorAction.Continue, message: `Blueprint Lint: the connection to the language server failed (${error.message}).`, handled: true };
    }
    const message = `Blueprint Lint: the connection to the language server keeps failing (${error.message}); stopping it. Run "Blueprint Lint: Restart Language Server" to start it again.`;
    this.log(message);
    this.gaveUp({ crashes: this.budget.recent, message });
    return { action: ErrorAction.Shutdown, message, handled: true };
  }

  closed(): CloseHandlerResult {
    this.closes.closed();
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
