// How many cores stood idle while the CLI found its files: worker threads only pay on cores nobody else is busy on.
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** Shorter windows are too coarse: the kernel counts idle time in 10 ms ticks per core. */
export const MIN_WINDOW_MS = 100;

interface Sample {
  at: number;
  idleMs: number;
}

function sample(): Sample {
  return { at: performance.now(), idleMs: cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0) };
}

/** Idle cores (average) between two samples: idle time of all cores over the wall time between them. */
export function idleBetween(from: Sample, to: Sample): number {
  const wall = to.at - from.at;
  return wall > 0 ? Math.max(0, (to.idleMs - from.idleMs) / wall) : 0;
}

/** Starts measuring now; `idleCores()` waits until the window is MIN_WINDOW_MS long, then answers. */
export function measureIdleCores(): { idleCores(): Promise<number> } {
  const start = sample();
  return {
    async idleCores() {
      const waited = performance.now() - start.at;
      if (waited < MIN_WINDOW_MS) await sleep(MIN_WINDOW_MS - waited);
      return idleBetween(start, sample());
    },
  };
}
