// Preloaded with --import into a measured process: at exit it records peak RSS and CPU time (all threads) to BENCH_PROBE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PROBE_FILE;
if (target) {
  // Only the top process reports; worker threads share its resource usage.
  delete process.env.BENCH_PROBE_FILE;
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
