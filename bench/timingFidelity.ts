// Timing fidelity (issue 9, item 4), per execution model: how far the lock changes python3 sees (on the
// shared monotonic clock) fall from the statements the timeline says made them, and B's hold as the
// timeline reports it against the observed one. Goal: within 2 % or 5 ms, whichever is larger.
import type { BenchReport } from './benchReport';
import { makeTempFolder } from '../test/support/tempDatabase';
import { measureTimingFidelity } from '../test/support/timingFidelity';

export async function benchTimingFidelity(report: BenchReport): Promise<void> {
  const folder = makeTempFolder('lock-doctor-bench-fidelity-');
  try {
    for (const model of ['processes', 'threads', 'blocking'] as const) {
      const run = await measureTimingFidelity(model, folder.path);
      const worstEdge = run.edges.reduce((worst, edge) =>
        Math.abs(edge.errorMs) > Math.abs(worst.errorMs) ? edge : worst,
      );
      const goalMs = Math.max(5, run.observedHoldMs * 0.02);
      report.push(
        'Timing fidelity: the timeline against python3',
        [
          {
            figure: `seed, ${model}: B's hold as reported`,
            goal: `within ${goalMs.toFixed(1)} ms (2 % or 5 ms)`,
            measured: run.reportedHoldMs,
            baseline: run.observedHoldMs,
            baselineIs: 'observed by python3',
            unit: 'ms',
          },
          {
            figure: `seed, ${model}: worst lock change outside its statement (${worstEdge.what})`,
            measured: worstEdge.errorMs,
            unit: 'ms',
          },
        ],
        'The seed in place on a DELETE database while python3 asks the kernel (`fcntl F_GETLK`) every ' +
          '0.2 ms whether the RESERVED byte is held, on the same monotonic clock as the probe.',
      );
    }
  } finally {
    folder.remove();
  }
}
