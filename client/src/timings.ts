/** Measured start-up costs, logged to the output channel and exposed to tests through the extension's exports. */
export interface ActivationTimings {
  /** ms from activate() to the language client being ready (server started and initialised). */
  clientReadyMs?: number;
  /** ms from activate() to the first diagnostics the server published. */
  firstDiagnosticsMs?: number;
}

export class Stopwatch {
  private readonly start = performance.now();
  elapsed(): number {
    return Math.round(performance.now() - this.start);
  }
}
